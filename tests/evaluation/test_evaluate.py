"""End-to-end evaluation on a tiny corpus with the real model, through Python and the CLI."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from danvan_qa import evaluate
from danvan_qa.evaluation.gold import GoldError
from danvan_qa.settings import Settings

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
DOC_A = ("Ký kết chương trình phối hợp ở Huế\n"
         "Chiều ngày 26/5/2022, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết chương trình phối hợp giai đoạn 2022-2026. "
         "Tham dự có đồng chí Nguyễn Văn An, Giám đốc Công an tỉnh.\n")
DOC_B = ("Hội nghị ở Hà Nội\nNgày 4/11/2016, Công an TP Hà Nội có 300 mô hình Dân vận khéo. "
         "Phát biểu tại hội nghị, đồng chí Lê Văn Bình, Trưởng ban Dân vận Thành ủy nhấn mạnh vai trò phối hợp.\n")
# DOC_A as a page would publish it: CRLF, old tone placement, a no-break space. Quotes must keep them.
DOC_A_PUBLISHED = DOC_A.replace("Tỉnh ủy", "Tỉnh uỷ").replace("Giám đốc", "Giám\u00a0đốc").replace("\n", "\r\n")
GOLD = [
    {"id": "a", "question": "Ai là Giám đốc Công an tỉnh?", "answers": ["Nguyễn Văn An"], "entities": [],
     "doc_ids": ["a"], "evidence": ["Tham dự có đồng chí Nguyễn Văn An, Giám đốc Công an tỉnh."], "type": "role"},
    {"id": "b", "question": "Công an TP Hà Nội có bao nhiêu mô hình Dân vận khéo?", "answers": ["300"],
     "entities": [], "doc_ids": ["b"], "evidence": ["Ngày 4/11/2016, Công an TP Hà Nội có 300 mô hình Dân vận khéo."],
     "type": "number"},
    # worded as the article words it: on a two-article corpus a question word the article lacks
    # ("lễ") is strong evidence of a near miss, and this test is about the eval, not the models
    {"id": "c", "question": "Ai tham dự ký kết chương trình phối hợp ngày 26/5?", "answers": ["Nguyễn Văn An"],
     "entities": ["Nguyễn Văn An"], "doc_ids": ["a"],
     "evidence": ["Tham dự có đồng chí Nguyễn Văn An, Giám đốc Công an tỉnh."], "type": "attendees"},
    {"id": "d", "question": "Giá vé máy bay đi Đà Nẵng là bao nhiêu?", "answers": [], "entities": [],
     "doc_ids": [], "evidence": [], "type": "unanswerable"},
]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny")
    (root / "corpus").mkdir()
    (root / "corpus" / "a.txt").write_bytes(DOC_A_PUBLISHED.encode("utf-8"))
    (root / "corpus" / "b.txt").write_text(DOC_B, encoding="utf-8")
    (root / "gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in GOLD), encoding="utf-8")
    return root


def test_evaluate_tiny_corpus(tiny):
    settings = Settings.from_env(corpus=tiny / "corpus", store=tiny / "store")
    result = evaluate(tiny / "gold.jsonl", settings=settings, k=5, modes=("hybrid", "bm25"))
    overall = result.metrics["answers"]["overall"]
    assert (overall["questions"], overall["answerable"], overall["unanswerable"]) == (4, 3, 1)
    assert overall["answer_contained"] == 1.0
    assert overall["abstained_unanswerable"] == 1.0 and overall["abstained_answerable"] == 0.0
    assert overall["citations_exact"] == 1.0  # quotes equal the published text, read from the files
    assert overall["entity_recall"] == 1.0
    for mode in ("hybrid", "bm25"):
        assert result.metrics["retrieval"][mode]["overall"]["Success@5"] == 1.0
        # by article: the three answerable questions (the unanswerable one has no article to find)
        assert result.metrics["retrieval_articles"][mode]["overall"]["Recall@5"] == 1.0
        assert set(result.article_ranking[mode]) == {"a", "b", "c"}
    assert set(result.metrics["answers"]) == {"overall", "role", "number", "attendees", "unanswerable"}
    assert result.meta["documents"] == 2 and len(result.meta["corpus_hash"]) == 16


def _pooled(tiny) -> Path:
    """Article b judged to answer question a (written decomposed, as some editors save text), and a
    borderline and a not-relevant judgement of a for b, which must not count."""
    import unicodedata

    rows = [{"question": unicodedata.normalize("NFD", GOLD[0]["question"]), "doc_id": "b", "judgement": "relevant"},
            {"question": GOLD[1]["question"], "doc_id": "a", "judgement": "borderline"},
            {"question": GOLD[1]["question"], "doc_id": "a", "judgement": "not_relevant"}]
    path = tiny / "pooled.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_pooled_judgements_add_the_articles_judged_relevant(tiny):
    settings = Settings.from_env(corpus=tiny / "corpus", store=tiny / "store")
    result = evaluate(tiny / "gold.jsonl", settings=settings, k=5, modes=("bm25",), baseline=False,
                      pooled=_pooled(tiny))
    gold_only = result.metrics["retrieval_articles"]["bm25"]["overall"]
    pooled = result.metrics["retrieval_articles_pooled"]["bm25"]["overall"]
    # question a now has two relevant articles (Recall@1 ½ at best); b and c keep their one
    assert gold_only["Recall@1"] == 1.0 and pooled["Recall@1"] == pytest.approx(2.5 / 3)
    assert pooled["Success@1"] == 1.0
    bad = tiny / "bad_pooled.jsonl"
    bad.write_text('{"question": "x", "doc_id": "a", "judgement": "maybe"}\n{"doc_id": "a"}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="line 1.*judgement.*\n.*line 2.*question"):
        evaluate(tiny / "gold.jsonl", settings=settings, modes=("bm25",), baseline=False, pooled=bad)


def test_cli_eval_report_and_json(tiny, tmp_path):
    env = {**os.environ, "DANVAN_QA_CORPUS": str(tiny / "corpus"), "DANVAN_QA_STORE": str(tiny / "store")}
    done = subprocess.run(
        [sys.executable, "-m", "danvan_qa.interfaces.cli", "eval", str(tiny / "gold.jsonl"), "--modes", "bm25", "--json",
         "--report", str(tmp_path / "rep"), "--no-baseline", "--pooled", str(_pooled(tiny))],
        capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["metrics"]["answers"]["overall"]["questions"] == 4
    assert data["meta"]["modes"] == ["bm25"]
    report = (tmp_path / "rep" / "report.md").read_text(encoding="utf-8")
    assert "## Per question type" in report and "Worst failures" in report
    assert "| all | bm25 |" in report and "article Recall@1" in report and "pooled article Success@1" in report
    assert (tmp_path / "rep" / "chart.png").read_bytes()[:4] == b"\x89PNG"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\nnot json\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "danvan_qa.interfaces.cli", "eval", str(bad)], capture_output=True,
                          text=True, env=env, timeout=600)
    assert done.returncode == 2 and "line 1" in done.stderr and "line 2" in done.stderr


def test_cli_eval_off_a_terminal_says_how_far_it_is_and_what_it_skipped(tiny, tmp_path):
    """Progress lines when stderr is a file or a pipe; a skipped baseline reads "–", not 0.000; a
    missing gold file is called missing."""
    env = {**os.environ, "DANVAN_QA_CORPUS": str(tiny / "corpus"), "DANVAN_QA_STORE": str(tiny / "store")}
    done = subprocess.run([sys.executable, "-m", "danvan_qa.interfaces.cli", "eval", str(tiny / "gold.jsonl"),
                           "--modes", "bm25", "--no-baseline"], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "eval: 4/4 questions" in done.stderr
    baseline = next(line for line in done.stdout.splitlines() if "Baseline: answer contained" in line)
    assert "–" in baseline and "0.000" not in baseline
    missing = subprocess.run([sys.executable, "-m", "danvan_qa.interfaces.cli", "eval", str(tmp_path / "nope.jsonl")],
                             capture_output=True, text=True, env=env, timeout=600)
    assert missing.returncode == 2 and "is missing" in missing.stderr and "bad line" not in missing.stderr


def test_train_cli_writes_models_the_answerer_uses(tiny, tmp_path):
    from danvan_qa.qa.answering import Answerer
    from danvan_qa.qa.ranker import load_models
    from danvan_qa.qa.retrieval import open_store

    env = {**os.environ, "DANVAN_QA_CORPUS": str(tiny / "corpus"), "DANVAN_QA_STORE": str(tiny / "store")}
    out = tmp_path / "models.json"
    done = subprocess.run([sys.executable, "-m", "danvan_qa.interfaces.cli", "train", str(tiny / "gold.jsonl"), "--out", str(out)],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    models = load_models(out)
    assert models.trained_on["questions"] == 4 and models.trained_on["articles"] == 2
    import hashlib
    assert models.trained_on["gold"] == {"gold": hashlib.sha256((tiny / "gold.jsonl").read_bytes()).hexdigest()}
    assert "skipped" in models.trained_on["held_out"]  # too few articles to hold any out
    assert models.trained_on["sklearn"] and "by article" in models.trained_on["folds"]
    settings = Settings.from_env(corpus=tiny / "corpus", store=tiny / "store")
    a = Answerer(open_store(settings=settings), settings, models).answer("Công an TP Hà Nội có bao nhiêu mô hình?")
    assert 0.0 <= a.confidence <= 1.0 and (a.abstained or a.citations)
    # cross-validation by article needs more articles than folds: a clear error, exit 2
    done = subprocess.run([sys.executable, "-m", "danvan_qa.interfaces.cli", "eval", str(tiny / "gold.jsonl"), "--folds", "2"],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 2 and "more than 2 articles" in done.stderr


def test_cross_validated_eval_reports_held_out_and_in_sample(real_settings, tmp_path):
    result = evaluate(ROOT / "eval" / "gold.jsonl", settings=real_settings, folds=3, modes=("hybrid",),
                      baseline=False)
    folds = result.metrics["folds"]
    assert sorted(folds) == ["0", "1", "2"]
    assert sum(f["questions"] for f in folds.values()) == result.metrics["answers"]["overall"]["questions"]
    assert {r.fold for r in result.questions} == {0, 1, 2} and all(r.in_sample is not None for r in result.questions)
    held, own = result.metrics["answers"]["overall"], result.metrics["answers_in_sample"]["overall"]
    assert 0.5 < held["answer_contained"] <= 1.0 and 0.5 < own["answer_contained"] <= 1.0
    assert result.meta["folds"] == 3
