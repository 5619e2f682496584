"""The package's shape: imports go down the data path only, with no circle anywhere.

Every import of a `danvan_qa` module is read from the source (at module level, inside
functions and under TYPE_CHECKING alike) and checked against the layers of ARCHITECTURE.md.
Package `__init__` files are the public faces that re-export; they are not part of the graph.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "danvan_qa"
LAYERS = ["core", "ingest", "embed", "index", "qa", "evaluation", "interfaces"]  # bottom to top
MAX_LINES = 400


def _name(path: Path) -> str:
    return ".".join(path.relative_to(SRC).with_suffix("").parts)


MODULES = {_name(p): p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else "core"


def _imports(path: Path) -> set[str]:
    """The danvan_qa modules this file imports; relative imports are refused outright."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path.name}: relative import of {node.module!r}"
            if node.module and node.module.split(".")[0] == "danvan_qa":
                for alias in node.names:  # "from danvan_qa.ingest import dates" imports a module
                    sub = f"{node.module}.{alias.name}"
                    found.add(sub if sub in MODULES else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "danvan_qa"}
    return {m for m in found if m in MODULES}


GRAPH = {m: _imports(p) for m, p in MODULES.items()}


def _cycle() -> list[str] | None:
    """One import circle, if there is any (depth-first search with colours)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for n in sorted(GRAPH[m]):
            if state.get(n) == 1:
                return stack[stack.index(n):] + [n]
            if n not in state and (found := visit(n)):
                return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(GRAPH):
        if m not in state and (found := visit(m)):
            return found
    return None


def test_the_checker_sees_the_imports():
    assert "danvan_qa.ingest.normalize" in GRAPH["danvan_qa.qa.questions"]
    assert "danvan_qa.ingest.dates" in GRAPH["danvan_qa.qa.support"] | GRAPH["danvan_qa.qa.drafts"]
    assert len(MODULES) > 30


def test_no_import_circle():
    assert _cycle() is None, " -> ".join(_cycle() or [])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_go_down_the_data_path(module):
    up = [n for n in GRAPH[module] if LAYERS.index(_layer(n)) > LAYERS.index(_layer(module))]
    assert not up, f"{module} ({_layer(module)}) imports from above: {up}"


# qa/ in pipeline order: its records and models, then read → retrieve → candidates → rank →
# propose → decide → compose → answer (the fusion reads each chunk's sentences as candidates
# does, so candidates' sentence tests come first). A qa module imports only qa modules before it.
QA_ORDER = [
    "records", "ranker", "retrieval", "questions", "asides", "relax", "periods", "clauses", "places", "extractive", "candidates", "fusion", "short_names", "reading", "spans", "who", "document_dates", "document_asks",
    "drafts", "prizes", "review_dates", "enumerations", "support", "propose", "decide", "compose", "adjacent", "swaps", "pronouns", "followups", "parts", "programme_groups", "levels", "sides", "programme_years", "programme_lists", "programme_slots", "document_lists", "place_events", "time_events", "roles", "title_lists", "delegations", "model_lists", "figure_lists", "unit_lists", "bylines", "act_lists", "article_lists", "mention_places", "topic_rows", "body_events", "headlines", "extremes", "person_events", "co_chairs", "archive",
    "per_article",
    "answering", "conversation", "events",
]


def test_qa_modules_are_all_placed_in_the_pipeline():
    qa = {m.rsplit(".", 1)[1] for m in MODULES if m.startswith("danvan_qa.qa.")}
    assert qa == set(QA_ORDER), f"place these in QA_ORDER: {qa ^ set(QA_ORDER)}"


@pytest.mark.parametrize("module", QA_ORDER)
def test_qa_imports_follow_the_pipeline(module):
    later = [n for n in GRAPH[f"danvan_qa.qa.{module}"] if n.startswith("danvan_qa.qa.")
             and QA_ORDER.index(n.rsplit(".", 1)[1]) >= QA_ORDER.index(module)]
    assert not later, f"qa.{module} imports a later stage: {later}"


def test_no_markdown_travels_between_stages():
    """Only compose writes Markdown: no stage hands another a citation slot to parse back."""
    slots = [p.name for p in PACKAGE.rglob("*.py") if "{cite:" in p.read_text(encoding="utf-8")]
    assert not slots, slots


def test_the_backend_protocol_imports_no_implementation():
    assert not GRAPH["danvan_qa.index.backends.base"] & {
        m for m in MODULES if m.startswith("danvan_qa.index.") and not m.endswith(".base")}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_readable_in_one_sitting(module):
    assert len(MODULES[module].read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_public_faces_resolve_lazily():
    """A subpackage's names resolve, but importing one module does not load its siblings."""
    import os
    import subprocess
    import sys

    code = ("import sys, danvan_qa.ingest.normalize\n"
            "assert 'danvan_qa.ingest.facts' not in sys.modules and 'danvan_qa.index.indexer' not in sys.modules\n"
            "from danvan_qa.ingest import FactTable, load_corpus\n"
            "from danvan_qa.index import build_index\n"
            "from danvan_qa.qa import Answerer\n"
            "import danvan_qa.index.indexer as ix\n"
            "assert build_index is ix.build_index and 'danvan_qa.ingest.facts' in sys.modules\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(SRC)})
    assert done.returncode == 0, done.stderr
