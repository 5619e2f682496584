"""Score questions across articles: list rows with their citations, counts, two-part questions.

    python -m danvan_qa.evaluation.cross eval/cross.jsonl [--articles DIR ...]

Each line is {"id", "question", "kind": "list" | "count" | "two_part", "rows": [{"answer",
"doc_id", "evidence"}], "count", "parts": [{"answers", "doc_ids", "evidence"}]}. The rows of a
list or count were checked complete by a search over every article.

- **Row recall**: a gold row is found when the answer cites it: a citation of the row's article
  that overlaps the evidence sentence as published, or quotes the row's answer phrase (the same
  fact is often written twice in an article). Beside it, the share whose answer phrase the
  answer text holds as the gold writes it; and the share **named**: found, or cited by a quote
  of the row's article naming the item without the note its writer added ("Trần Văn Bình
  (Nam Sơn)", "Đại tá X – Giám đốc Công an tỉnh Y": the name), since a writer's answer phrase is
  often the item and a note, and the article names the item in another sentence than the one
  the writer picked. The strict figure stays the headline; "named" says how much of the gap is
  the matching.
- **Row precision**: the share of the answer's rows (its lines that carry citation markers)
  of which some citation cites a gold row: a row may cite two sentences of one event, say the
  event's and the one giving a person's role there. Beside it, the share of the answer's
  citations that cite some gold row, and the share of rows citing a row found or named.
- **Count exact**: the gold count is the short answer's number.
- **Two-part**: both parts' gold answers in the answer text.

No model is fitted on these; the list and count rules were written beside this set, so an
unseen set is the fairer judge.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from danvan_qa.evaluation.gold import json_lines
from danvan_qa.evaluation.metrics import contains_answer
from danvan_qa.index.store import Store
from danvan_qa.ingest.lexicon import PROVINCES as PROVINCE_NAMES
from danvan_qa.ingest.normalize import normalize_text
from danvan_qa.records import Answer

KINDS = ("list", "count", "two_part")


def load_cross(path: Path) -> list[dict[str, Any]]:
    """The questions of a JSONL file; a line of an unknown kind, or without what its kind needs,
    is refused by number."""
    rows = []
    for n, row in json_lines(path):
        kind = row.get("kind")
        if kind not in KINDS or not row.get("question"):
            raise ValueError(f"{path}:{n}: expected a question of kind {', '.join(KINDS)}")
        if kind == "two_part" and len(row.get("parts") or []) != 2:
            raise ValueError(f"{path}:{n}: a two-part question needs two parts")
        if kind != "two_part" and not row.get("rows"):
            raise ValueError(f"{path}:{n}: a {kind} question needs its rows")
        if kind == "count" and not isinstance(row.get("count"), int):
            raise ValueError(f"{path}:{n}: a count question needs its count")
        rows.append(row)
    return rows


def evidence_at(store: Store, doc_id: str, evidence: str) -> list[tuple[int, int]]:
    """Where an evidence sentence (as published, or normalised) stands in the article as
    published: every occurrence."""
    doc = store.data.documents.get(doc_id)
    evidence = normalize_text(evidence)  # the store's text is normalised: NFC, one tone placement
    if doc is None or not evidence:
        return []
    spans, start = [], doc.text.find(evidence)
    while start >= 0:
        spans.append(doc.published_span(start, start + len(evidence)))
        start = doc.text.find(evidence, start + 1)
    return spans


# a writer's note after the item: a bracket closing the phrase, or a dash or colon between spaces not between two
# numbers ("giai đoạn 2021 - 2025" is one item)
_BRACKET_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
_DASH_NOTE = re.compile(r"(?<!\d)\s+[–-]\s+|:\s")


def item_of(phrase: str) -> str | None:
    """The item of a gold answer phrase without the note its writer added ("Trần Văn Bình (Nam Sơn)": the name);
    None when there is no note, or what is left is one word (too loose to match a quote on). A bracket or dash inside
    the item ("Ủy ban MTTQ (UBMTTQ) tỉnh X", "giai đoạn 2021 - 2025", "“Dân vận khéo - Sáng tạo”") is no note."""
    quoted = [m.span() for m in re.finditer(r"[“\"][^”\"]*[”\"]", phrase)]
    dash = next((m for m in _DASH_NOTE.finditer(phrase) if not any(a < m.start() < b for a, b in quoted)
                 and not _in_name(phrase, m)), None)
    head = _BRACKET_NOTE.sub("", phrase[:dash.start()] if dash else phrase).strip(" ,;")
    return head if head != phrase.strip() and len(head.split()) >= 2 else None


def _in_name(phrase: str, dash: re.Match[str]) -> bool:
    """Whether a dash joins a province's name ("Bà Rịa - Vũng Tàu"): the words around it are one in the gazetteer."""
    before, after = phrase[:dash.start()].split()[-2:], phrase[dash.end():].split()[:2]
    return any(f"{' '.join(before[-b:])} - {' '.join(after[:a])}" in PROVINCE_NAMES for b in (1, 2) for a in (1, 2))


def _cites(answer: Answer, gold: dict[str, Any], spans: list[tuple[int, int]], *, named: bool = False) -> list[int]:
    """The numbers of the answer's citations that cite this gold row; named, also those of its article
    naming its item without the writer's note."""
    phrases = [gold["answer"], *([item] if named and (item := item_of(gold["answer"])) else [])]
    return [c.n for c in answer.citations if c.doc_id == gold["doc_id"] and (
        any(c.start < e and s < c.end for s, e in spans) or contains_answer(c.quote, phrases))]


def answer_rows(text: str) -> list[set[int]]:
    """The citation numbers of each row of an answer: a line that carries any, with the indented
    items under it ("  - cương vị: …" under an event)."""
    rows: list[set[int]] = []
    for line in text.splitlines():
        cited = {int(n) for n in re.findall(r"(?<!\\)\[(\d+)\]", line)}
        if re.match(r"\s+- ", line) and rows:
            rows[-1] |= cited
        elif cited:
            rows.append(cited)
    return rows


def score_row(row: dict[str, Any], answer: Answer, store: Store) -> dict[str, Any]:
    """What one question's answer got right."""
    if row["kind"] == "two_part":
        oks = [contains_answer(answer.text, p["answers"]) for p in row["parts"]]
        return {"parts": oks}
    cited: set[int] = set()
    cited_named: set[int] = set()
    found, named, phrased = [], [], []
    for gold in row["rows"]:
        spans = evidence_at(store, gold["doc_id"], gold["evidence"])
        hits, hits_named = _cites(answer, gold, spans), _cites(answer, gold, spans, named=True)
        cited.update(hits)
        cited_named.update(hits_named)
        found.append(bool(hits))
        named.append(bool(hits_named))
        phrased.append(contains_answer(answer.text, [gold["answer"]]))
    rows = answer_rows(answer.text)
    out = {"found": found, "named": named, "phrased": phrased, "citations": len(answer.citations),
           "right_citations": len(cited), "rows": len(rows), "right_rows": sum(bool(r & cited) for r in rows),
           "right_rows_named": sum(bool(r & cited_named) for r in rows)}
    if row["kind"] == "count":
        number = re.search(r"\d+", answer.short or "")
        out["count_exact"] = bool(number) and int(number.group(0)) == row["count"] and not answer.abstained
    return out


def score(rows: list[dict[str, Any]], answerer, store: Store) -> dict[str, Any]:
    """Answer every question statelessly; the figures, and each question's outcome."""
    got: dict[str, list] = defaultdict(list)
    per_question = []
    for row in rows:
        result = score_row(row, answerer.answer(row["question"]), store)
        per_question.append({"id": row["id"], "kind": row["kind"], **result})
        if row["kind"] == "two_part":
            got["two_part_both"].append(all(result["parts"]))
            got["two_part_each"].extend(result["parts"])
            continue
        got[f"{row['kind']}_row_recall"].extend(result["found"])
        got[f"{row['kind']}_row_named"].extend(result["named"])
        got[f"{row['kind']}_row_phrased"].extend(result["phrased"])
        got[f"{row['kind']}_row_precision"].extend([True] * result["right_rows"]
                                                  + [False] * (result["rows"] - result["right_rows"]))
        got[f"{row['kind']}_row_precision_named"].extend([True] * result["right_rows_named"]
                                                        + [False] * (result["rows"] - result["right_rows_named"]))
        got[f"{row['kind']}_citation_precision"].extend([True] * result["right_citations"]
                                                       + [False] * (result["citations"] - result["right_citations"]))
        if row["kind"] == "count":
            got["count_exact"].append(result["count_exact"])
    figures = {name: {"n": len(v), "share": round(sum(v) / len(v), 3) if v else None} for name, v in sorted(got.items())}
    return {"questions": len(rows), "figures": figures, "per_question": per_question}


def main(argv: list[str] | None = None) -> int:
    from danvan_qa.evaluation.shipped import DEVSET, gather
    from danvan_qa.index.indexer import build_index
    from danvan_qa.qa.answering import Answerer
    from danvan_qa.qa.retrieval import open_store
    from danvan_qa.settings import Settings

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--articles", type=Path, nargs="*",
                    help="folders of articles (default: the corpus setting and the development set's)")
    ap.add_argument("--per-question", action="store_true", help="print each question's outcome too")
    args = ap.parse_args(argv)
    settings = Settings.from_env()
    folders = args.articles or [settings.corpus, DEVSET / "corpus"]
    missing = [str(p) for p in (args.gold, *folders) if not p.exists()]
    if missing:
        print(f"error: not found: {', '.join(missing)}", file=sys.stderr)
        return 1
    settings = settings.replace(corpus=gather(folders, settings.cache / "cross" / "corpus"),
                                store=settings.cache / "cross" / "store")
    build_index(settings=settings)
    store = open_store(settings=settings)
    result = score(load_cross(args.gold), Answerer(store, settings), store)
    if not args.per_question:
        result.pop("per_question")
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
