"""The cross-article scorer: rows found by their citations, precision of the citations, counts,
two-part questions; checked against answers built by hand from the gold's own evidence."""

import json
import re
from pathlib import Path

import pytest

from danvan_qa.evaluation.cross import answer_rows, evidence_at, item_of, load_cross, score, score_row
from danvan_qa.records import Answer, Citation

ROOT = Path(__file__).resolve().parents[2]


def _bundled_rows(store) -> list[dict]:
    """Our own list and count questions, kept to their rows about the bundled articles."""
    out = []
    for line in (ROOT / "eval" / "cross.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["kind"] == "two_part":
            continue
        rows = [r for r in row["rows"] if r["doc_id"] in store.data.documents]
        if rows:
            out.append({**row, "rows": rows, "count": len(rows)})
    return out


def _answer(citations: list[Citation], text: str = "", short: str | None = None) -> Answer:
    return Answer("q", "list", short, (), text, tuple(citations), False, 1.0)


def _cite(store, n: int, doc_id: str, start: int, end: int) -> Citation:
    doc = store.data.documents[doc_id]
    return Citation(n, doc_id, doc.title, doc.date, doc.url, start, end, doc.published[start:end])


def test_an_answer_citing_every_gold_row_scores_full_and_one_elsewhere_scores_nothing(real_store):
    rows = _bundled_rows(real_store)
    assert len(rows) >= 10
    for row in rows:
        cites = []
        for gold in row["rows"]:
            spans = evidence_at(real_store, gold["doc_id"], gold["evidence"])
            assert spans, f"{row['id']}: evidence not in {gold['doc_id']}"
            cites.append(_cite(real_store, len(cites) + 1, gold["doc_id"], *spans[0]))
        full = score_row(row, _answer(cites, short=str(row["count"])), real_store)
        assert all(full["found"]) and full["right_citations"] == full["citations"] == len(cites)
        if row["kind"] == "count":
            assert full["count_exact"]
        # a quote from the end of an article that cites none of the rows
        doc_id = row["rows"][0]["doc_id"]
        end = len(real_store.data.documents[doc_id].published)
        wrong = _cite(real_store, 1, doc_id, end - 3, end)
        if not any(s < end and end - 3 < e for g in row["rows"] if g["doc_id"] == doc_id
                   for s, e in evidence_at(real_store, doc_id, g["evidence"])):
            none = score_row(row, _answer([wrong], short=str(row["count"] + 1)), real_store)
            assert not any(none["found"]) and none["right_citations"] == 0
            assert row["kind"] != "count" or not none["count_exact"]


def test_a_row_is_right_when_any_of_its_citations_cites_a_gold_row(real_store):
    """Row precision counts the answer's lines: a row citing the event's sentence and another
    sentence of the same article is one right row (half its citations are right)."""
    row = next(r for r in _bundled_rows(real_store) if r["kind"] == "list")
    gold = row["rows"][0]
    doc = real_store.data.documents[gold["doc_id"]]
    right = _cite(real_store, 1, gold["doc_id"], *evidence_at(real_store, gold["doc_id"], gold["evidence"])[0])
    end = len(doc.published)
    other = _cite(real_store, 2, gold["doc_id"], end - 3, end)
    text = "Theo 1 bài:\n- **A** — x [1][2]\n- **B** — y [2]"
    got = score_row(row, _answer([right, other], text=text), real_store)
    assert (got["rows"], got["right_rows"]) == (2, 1)
    assert (got["citations"], got["right_citations"]) == (2, 1)
    assert answer_rows(text) == [{1, 2}, {2}] and answer_rows("không có") == []
    assert answer_rows("- a [1]\n  - cương vị: b [2]\n- c [3]") == [{1, 2}, {3}]  # an item under a row is of it


def test_figures_pool_rows_per_kind():
    class Fixed:
        def answer(self, question):
            return _answer([], text="Nguyễn Văn A và Trần Thị B", short="2")

    class NoDocs:
        class data:
            documents: dict = {}

    rows = [{"id": "c", "kind": "count", "question": "bao nhiêu?", "count": 2,
             "rows": [{"answer": "Nguyễn Văn A", "doc_id": "d", "evidence": "x"}]},
            {"id": "t", "kind": "two_part", "question": "ai và ai?", "parts": [{"answers": ["Trần Thị B"]},
                                                                              {"answers": ["Lê C"]}]}]
    figures = score(rows, Fixed(), NoDocs())["figures"]
    assert figures["count_exact"] == {"n": 1, "share": 1.0}
    assert figures["count_row_recall"]["share"] == 0.0 and figures["count_row_phrased"]["share"] == 1.0
    assert figures["two_part_both"]["share"] == 0.0 and figures["two_part_each"]["share"] == 0.5


@pytest.mark.parametrize("line, message", [
    ('{"id": "a", "question": "q", "kind": "table"}', "of kind"),
    ('{"id": "a", "question": "q", "kind": "two_part", "parts": [{}]}', "two parts"),
    ('{"id": "a", "question": "q", "kind": "list", "rows": []}', "needs its rows"),
    ('{"id": "a", "question": "q", "kind": "count", "rows": [{}], "count": "3"}', "needs its count"),
    ('{"id": "a", "question": ', "not JSON"),
    ('["a list"]', "a JSON object"),
])
def test_bad_lines_are_refused_by_number(tmp_path, line, message):
    path = tmp_path / "cross.jsonl"
    path.write_text('{"id": "ok", "question": "q", "kind": "list", "rows": [{}]}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"cross.jsonl:2: .*{message}"):
        load_cross(path)


def test_our_cross_file_loads():
    rows = load_cross(ROOT / "eval" / "cross.jsonl")
    assert {r["kind"] for r in rows} == {"list", "count", "two_part"} and len(rows) >= 60


@pytest.mark.parametrize("phrase, item", [
    ("Trần Văn Bình (Nam Sơn)", "Trần Văn Bình"),
    ("Đại tá Lê Văn Khải – Giám đốc Công an tỉnh Bắc Hà", "Đại tá Lê Văn Khải"),
    ("Nam Sơn: 100 tập thể", "Nam Sơn"),
    ("Ngày 14/2/2022", None),  # no note
    ("Sơn (Nam Sơn)", None),  # one syllable left: too loose
    ("giai đoạn 2016-2021", None),  # a hyphen inside a word is no note
    # … nor a dash between numbers, a bracket inside the item, a dash inside quotes or a province's name
    ("Chương trình phối hợp giai đoạn 2021 - 2025", None),
    ("Ủy ban MTTQ Việt Nam (UBMTTQ) tỉnh Nam Sơn", None),
    ("Hội thi “Dân vận khéo - Sáng tạo” cấp huyện", None),
    ("Bà Rịa - Vũng Tàu", None),
    ("Bà Rịa - Vũng Tàu (ngày 26/6)", "Bà Rịa - Vũng Tàu"),
    ("Phạm Văn Tư (Tây Giang) - Phó Bí thư", "Phạm Văn Tư"),
])
def test_a_gold_item_is_its_phrase_without_the_writers_note(phrase, item):
    assert item_of(phrase) == item


def test_a_row_cited_by_another_sentence_naming_its_item_is_named_not_found(real_store):
    """The writer picked one sentence and noted a place after the name; the answer cites another sentence of
    the same article naming the person: named, not found (the strict figure stays as it was)."""
    doc_id, doc = next(iter(real_store.data.documents.items()))
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", doc.published) if len(s.split()) > 6]
    evidence, other = sentences[0], sentences[-1]
    name = " ".join(other.split()[:2])
    assert name not in evidence
    row = {"id": "x", "kind": "list", "question": "q",
           "rows": [{"answer": f"{name} (nơi nào đó)", "doc_id": doc_id, "evidence": evidence}]}
    start = doc.published.index(other)
    cite = Citation(1, doc_id, doc.title, doc.date, doc.url, start, start + len(other), other)
    got = score_row(row, _answer([cite], text=f"- **{name}** [1]"), real_store)
    assert got["found"] == [False] and got["named"] == [True]
    assert (got["right_rows"], got["right_rows_named"]) == (0, 1)
    elsewhere = score_row({**row, "rows": [{**row["rows"][0], "doc_id": "another"}]},
                          _answer([cite], text=f"- **{name}** [1]"), real_store)
    assert elsewhere["named"] == [False]  # only a quote of the row's own article names it
