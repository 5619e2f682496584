"""The gold question sets and their validation."""

import json
from pathlib import Path

import pytest

from danvan_qa.ingest.corpus import load_corpus
from danvan_qa.evaluation.gold import GoldError, evidence_spans, is_relevant, load_gold

ROOT = Path(__file__).resolve().parents[2]
DOCS = {d.doc_id: d.text for d in load_corpus(ROOT / "corpus").documents}


@pytest.mark.parametrize("name, minimum", [("gold.jsonl", 100), ("dev.jsonl", 20)])
def test_bundled_sets_are_valid(name, minimum):
    items = load_gold(ROOT / "eval" / name, DOCS)
    assert len(items) >= minimum
    unanswerable = [i for i in items if not i.answerable]
    assert 0.08 <= len(unanswerable) / len(items) <= 0.3
    for item in items:
        if item.answerable:
            assert evidence_spans(item, DOCS), item.id
            for answer in item.answers:
                assert any(answer in ev for ev in item.evidence), (item.id, answer)
            for entity in item.entities:
                assert any(entity in ev for ev in item.evidence), (item.id, entity)
        else:
            assert item.type == "unanswerable" and not item.evidence


def test_dev_and_test_questions_do_not_overlap():
    dev = {i.question for i in load_gold(ROOT / "eval" / "dev.jsonl")}
    test = {i.question for i in load_gold(ROOT / "eval" / "gold.jsonl")}
    assert not dev & test


def test_every_bad_line_is_reported_by_number(tmp_path):
    good = {"id": "a", "question": "q?", "answers": ["x"], "entities": [], "doc_ids": ["000_e8f6aa7cccc62a1d"],
            "evidence": ["Thành Tâm"], "type": "other"}
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({k: v for k, v in good.items() if k != "question"} | {"id": "b"}),
        json.dumps(good | {"id": "c", "doc_ids": ["nope"]}),
        json.dumps(good | {"id": "d", "type": "weird"}),
        json.dumps(good),  # duplicate id
        json.dumps(good | {"id": "e", "evidence": ["không có trong bài"]}),
        "",
        json.dumps(good | {"id": "f", "answers": "x"}),
    ]
    path = tmp_path / "g.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(GoldError) as err:
        load_gold(path, DOCS)
    problems = err.value.problems
    assert [p.split(":")[0] for p in problems] == ["line 2", "line 3", "line 4", "line 5", "line 6", "line 7", "line 9"]
    assert "invalid JSON" in problems[0]
    assert "missing field 'question'" in problems[1]
    assert "unknown doc id 'nope'" in problems[2]
    assert "unknown type 'weird'" in problems[3]
    assert "duplicate id 'a'" in problems[4]
    assert "evidence not found" in problems[5]
    assert "must be a list" in problems[6]


def test_relevance_judging():
    item = next(i for i in load_gold(ROOT / "eval" / "gold.jsonl") if i.id == "q032")  # 212 mô hình
    spans = evidence_spans(item, DOCS)
    (span,) = spans
    doc, text = span.doc_id, DOCS[span.doc_id]
    mid = (span.start + span.end) // 2
    assert is_relevant(doc, span.start - 100, span.end + 100, text[span.start - 100 : span.end + 100], item, spans)
    # holds more than half the evidence, without the answer
    assert is_relevant(doc, span.start - 50, mid + 20, text[span.start - 50 : mid + 20], item, spans)
    # only touches the evidence, no answer: not relevant
    assert not is_relevant(doc, span.end - 10, span.end + 400, text[span.end - 10 : span.end + 400], item, spans)
    # a passage from another document is never relevant
    assert not is_relevant("000_e8f6aa7cccc62a1d", 0, 100, "212 mô hình", item, spans)


def test_several_files_get_distinct_prefixes_even_with_the_same_name(tmp_path):
    from danvan_qa.evaluation.gold import load_gold_files

    row = {"id": "q1", "question": "q?", "answers": [], "entities": [], "doc_ids": [], "evidence": [],
           "type": "unanswerable"}
    paths = []
    for folder in ("seeds", "devset"):
        (tmp_path / folder).mkdir()
        paths.append(tmp_path / folder / "gold.jsonl")
        paths[-1].write_text(json.dumps(row) + "\n", encoding="utf-8")
    items = load_gold_files(paths)
    assert [i.id for i in items] == ["seeds/gold:q1", "devset/gold:q1"]
    assert [i.id for i in load_gold_files(paths[:1])] == ["q1"]  # one file keeps its ids
    with pytest.raises(GoldError, match="given twice"):
        load_gold_files([paths[0], paths[0]])
