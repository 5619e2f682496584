"""Gold question sets: JSON lines, validated whole before anything runs.

One object per line: {"id", "question", "answers", "entities", "doc_ids",
"evidence", "type"}; empty `answers` means the articles do not answer it.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from danvan_qa.errors import DanvanError
from danvan_qa.ingest.normalize import normalize_text

TYPES = (
    "attendees", "chair", "speaker", "role", "program_name", "program_period", "parties",
    "date", "place", "number", "other", "unanswerable",
)
FIELDS = {"id": str, "question": str, "answers": list, "entities": list, "doc_ids": list, "evidence": list, "type": str}


def json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) of each non-blank line of a JSON-lines file; a line that is not a
    JSON object is refused by its number."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise ValueError(f"{path}:{n}: expected a JSON object")
        yield n, row


class GoldError(DanvanError):
    """A gold file is missing or has bad lines; `problems` lists each as 'line N: …'."""

    def __init__(self, path: Path, problems: list[str], message: str | None = None) -> None:
        self.problems = problems
        shown = "\n  ".join(problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(message or f"{path}: {len(problems)} bad line(s):\n  {shown}{more}")


@dataclass(frozen=True)
class GoldItem:
    id: str
    question: str
    answers: tuple[str, ...]
    entities: tuple[str, ...]
    doc_ids: tuple[str, ...]
    evidence: tuple[str, ...]
    type: str

    @property
    def answerable(self) -> bool:
        return bool(self.answers)


@dataclass(frozen=True)
class Span:
    doc_id: str
    start: int
    end: int


def _check(row: object, docs: Mapping[str, str] | None) -> list[str]:
    if not isinstance(row, dict):
        return ["not a JSON object"]
    errors = [f"missing field {name!r}" for name in FIELDS if name not in row]
    errors += [
        f"field {name!r} must be a {kind.__name__}"
        for name, kind in FIELDS.items()
        if name in row and not isinstance(row[name], kind)
    ]
    if errors:
        return errors
    for name in ("answers", "entities", "doc_ids", "evidence"):
        if not all(isinstance(x, str) for x in row[name]):
            errors.append(f"field {name!r} must hold only strings")
    if row["type"] not in TYPES:
        errors.append(f"unknown type {row['type']!r} (expected one of {', '.join(TYPES)})")
    if not row["question"].strip():
        errors.append("empty question")
    if row["answers"] and not row["doc_ids"]:
        errors.append("an answerable question needs doc_ids")
    if docs is not None and not errors:
        for doc_id in row["doc_ids"]:
            if doc_id not in docs:
                errors.append(f"unknown doc id {doc_id!r}")
        texts = [docs[d] for d in row["doc_ids"] if d in docs]
        for ev in row["evidence"]:
            if texts and not any(normalize_text(ev) in t for t in texts):
                errors.append(f"evidence not found in its documents: {ev[:60]!r}")
    return errors


def load_gold(path: Path | str, docs: Mapping[str, str] | None = None) -> list[GoldItem]:
    """Parse and validate a gold file; `docs` (doc_id -> text) enables id and evidence checks."""
    path = Path(path)
    if not path.exists():
        raise GoldError(path, [], f"{path}: the gold file is missing")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(path, [f"cannot read the file: {exc}"]) from None
    items: list[GoldItem] = []
    problems: list[str] = []
    seen: set[str] = set()
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {n}: invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        errors = _check(row, docs)
        if not errors and row["id"] in seen:
            errors = [f"duplicate id {row['id']!r}"]
        if errors:
            problems.extend(f"line {n}: {e}" for e in errors)
            continue
        seen.add(row["id"])
        items.append(GoldItem(
            id=row["id"], question=row["question"], answers=tuple(normalize_text(a) for a in row["answers"]),
            entities=tuple(normalize_text(e) for e in row["entities"]), doc_ids=tuple(row["doc_ids"]),
            evidence=tuple(normalize_text(e) for e in row["evidence"]), type=row["type"],
        ))
    if problems:
        raise GoldError(path, problems)
    if not items:
        raise GoldError(path, ["no questions in the file"])
    return items


JUDGEMENTS = ("relevant", "borderline", "not_relevant")


def load_pooled(path: Path | str) -> dict[str, frozenset[str]]:
    """Pooled relevance judgements (TREC-style): articles a retrieval mode ranked first that are not
    gold, each judged by an assessor against the question. A gold question written before the
    archive grew names only the articles its writer had; another article may answer it as well.
    Keyed by the question's text (NFC), so one file serves whichever gold files are evaluated
    together; only "relevant" counts ("borderline" is kept for the record, not counted).
    One object per line: {"question", "doc_id", "judgement", …}."""
    path = Path(path)
    if not path.is_file():
        raise GoldError(path, [], f"{path}: the pooled judgements file is missing")
    pooled: dict[str, set[str]] = {}
    problems: list[str] = []
    for n, row in json_lines(path):
        if not isinstance(row.get("question"), str) or not isinstance(row.get("doc_id"), str):
            problems.append(f"line {n}: needs a \"question\" and a \"doc_id\" (strings)")
        elif row.get("judgement") not in JUDGEMENTS:
            problems.append(f"line {n}: \"judgement\" must be one of {', '.join(JUDGEMENTS)}")
        elif row["judgement"] == "relevant":
            pooled.setdefault(normalize_text(row["question"]).strip(), set()).add(row["doc_id"])
    if problems:
        raise GoldError(path, problems)
    return {q: frozenset(d) for q, d in pooled.items()}


def file_labels(paths: Sequence[Path]) -> list[str]:
    """A short, distinct label per file: its name without extension, with as many parent
    folders as it takes to tell two files of the same name apart (`devset/gold`)."""
    parts = [Path(p).resolve().with_suffix("").parts for p in paths]
    depth = 1
    while depth < max(map(len, parts), default=1) and len({q[-depth:] for q in parts}) < len(parts):
        depth += 1
    return ["/".join(q[-depth:]) for q in parts]


def load_gold_files(paths: Sequence[Path], docs: Mapping[str, str] | None = None) -> list[GoldItem]:
    """Several gold files as one list; ids get their file's label as prefix when there are several."""
    if len(paths) == 1:
        return load_gold(paths[0], docs)
    items: list[GoldItem] = []
    for path, label in zip(paths, file_labels(paths)):
        items += [dataclasses.replace(i, id=f"{label}:{i.id}") for i in load_gold(path, docs)]
    if len({i.id for i in items}) < len(items):
        raise GoldError(paths[0], ["the same gold file is given twice"])
    return items


def evidence_spans(item: GoldItem, docs: Mapping[str, str]) -> list[Span]:
    """Every occurrence of each evidence sentence in the item's documents."""
    spans: list[Span] = []
    for doc_id in item.doc_ids:
        text = docs.get(doc_id, "")
        for ev in item.evidence:
            start = text.find(ev)
            while start >= 0 and ev:
                spans.append(Span(doc_id, start, start + len(ev)))
                start = text.find(ev, start + 1)
    return spans


def is_relevant(doc_id: str, start: int, end: int, text: str, item: GoldItem, spans: list[Span]) -> bool:
    """A passage is relevant when it is in a gold document and either holds at least half
    of a gold evidence span, or overlaps one and contains a gold answer. Without
    evidence spans, containing a gold answer is enough."""
    if doc_id not in item.doc_ids:
        return False
    has_answer = any(a in text for a in item.answers)
    for s in spans:
        overlap = min(end, s.end) - max(start, s.start)
        if s.doc_id == doc_id and overlap > 0 and (2 * overlap >= s.end - s.start or has_answer):
            return True
    return not spans and has_answer
