"""Metric functions against hand-computed cases, and the trec_eval wrapper on a small run."""

import math

import pytest

from danvan_qa.evaluation import metrics as m


def test_normalize_answer_is_vietnamese_aware():
    assert m.normalize_answer("  Giai đoạn 2016 – 2021. ") == m.normalize_answer("giai đoạn 2016-2021")
    assert m.normalize_answer("Hoà bình") == m.normalize_answer("HÒA BÌNH")
    assert m.normalize_answer("“Dân vận khéo”!") == "dân vận khéo"


def test_exact_match_and_f1_by_hand():
    assert m.exact_match("Đoàn Duy Khương", ["đoàn duy khương"]) == 1.0
    assert m.exact_match(None, ["x"]) == 0.0
    # pred: giám đốc công an thành phố (6); gold: giám đốc công an (4); common 4 -> P 4/6, R 1
    assert m.token_f1("Giám đốc Công an thành phố", ["Giám đốc Công an"]) == pytest.approx(2 * (4 / 6) / (4 / 6 + 1))
    assert m.token_f1("abc", ["xyz", "abc"]) == 1.0
    assert m.token_f1("abc", ["xyz"]) == 0.0


def test_contains_answer():
    assert m.contains_answer("Giai đoạn **2022 - 2026**: ...", ["2022 – 2026"])
    assert not m.contains_answer("Không tìm thấy", ["212"])


def test_entity_prf_micro_average():
    counts = [m.entity_counts(["A", "B", "X"], ["A", "B", "C"]), m.entity_counts([], ["D"])]
    assert counts[0] == m.EntityCounts(2, 1, 1)
    p, r, f = m.prf(counts)
    assert (p, r) == (2 / 3, 2 / 4)
    assert f == pytest.approx(2 * p * r / (p + r))
    assert m.prf([m.entity_counts([], [])]) == (1.0, 1.0, 1.0)


def test_ranking_metrics_by_hand():
    qrels = {"q1": {"c2": 1, "c4": 1}, "q2": {"c9": 1}, "q3": {}}  # q3 has no judgement: skipped
    run = {"q1": {"c1": 1.0, "c2": 0.5, "c3": 0.33, "c4": 0.25}, "q2": {"c1": 1.0}, "q3": {"c1": 1.0}}
    got = m.ranking_metrics(qrels, run)
    assert set(got) == {"q1", "q2"}
    q1 = got["q1"]
    assert (q1["Success@1"], q1["Success@5"], q1["Recall@1"], q1["Recall@5"]) == (0.0, 1.0, 0.0, 1.0)
    assert q1["MRR@10"] == 0.5
    dcg = 1 / math.log2(3) + 1 / math.log2(5)
    ideal = 1 + 1 / math.log2(3)
    assert q1["nDCG@10"] == pytest.approx(dcg / ideal)
    assert got["q2"]["MRR@10"] == 0.0 and got["q2"]["Success@10"] == 0.0


def test_articles_ranked_at_their_best_chunk():
    from danvan_qa.evaluation.run import article_ranks

    doc_of = {"a1": "a", "a2": "a", "b1": "b", "a3": "a", "c1": "c"}
    ranks = article_ranks(["a2", "a1", "b1", "a3", "c1"], doc_of)
    assert ranks == {"a": 1.0, "b": 0.5, "c": pytest.approx(1 / 3)}
    # by chunk the gold article's chunks b1 fall to rank 3; by article it is second
    got = m.ranking_metrics({"q": {"b": 1}}, {"q": ranks})["q"]
    assert (got["Recall@1"], got["Recall@5"], got["MRR@10"]) == (0.0, 1.0, 0.5)
