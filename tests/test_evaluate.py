"""End-to-end evaluation on a tiny corpus with the real model, through Python and the CLI."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from danvan_qa import evaluate
from danvan_qa.settings import Settings

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
DOC_A = ("Ký kết chương trình phối hợp ở Huế\n"
         "Chiều ngày 26/5/2022, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết chương trình phối hợp giai đoạn 2022-2026. "
         "Tham dự có đồng chí Nguyễn Văn An, Giám đốc Công an tỉnh.\n")
DOC_B = ("Hội nghị ở Hà Nội\nNgày 4/11/2016, Công an TP Hà Nội có 300 mô hình Dân vận khéo. "
         "Phát biểu tại hội nghị, đồng chí Lê Văn Bình, Trưởng ban Dân vận Thành ủy nhấn mạnh vai trò phối hợp.\n")
GOLD = [
    {"id": "a", "question": "Ai là Giám đốc Công an tỉnh?", "answers": ["Nguyễn Văn An"], "entities": [],
     "doc_ids": ["a"], "evidence": ["Tham dự có đồng chí Nguyễn Văn An, Giám đốc Công an tỉnh."], "type": "role"},
    {"id": "b", "question": "Công an TP Hà Nội có bao nhiêu mô hình Dân vận khéo?", "answers": ["300"],
     "entities": [], "doc_ids": ["b"], "evidence": ["Ngày 4/11/2016, Công an TP Hà Nội có 300 mô hình Dân vận khéo."],
     "type": "number"},
    {"id": "c", "question": "Ai tham dự lễ ký kết ngày 26/5?", "answers": ["Nguyễn Văn An"],
     "entities": ["Nguyễn Văn An"], "doc_ids": ["a"],
     "evidence": ["Tham dự có đồng chí Nguyễn Văn An, Giám đốc Công an tỉnh."], "type": "attendees"},
    {"id": "d", "question": "Giá vé máy bay đi Đà Nẵng là bao nhiêu?", "answers": [], "entities": [],
     "doc_ids": [], "evidence": [], "type": "unanswerable"},
]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny")
    (root / "corpus").mkdir()
    (root / "corpus" / "a.txt").write_text(DOC_A, encoding="utf-8")
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
    assert overall["citations_exact"] == 1.0
    assert overall["entity_recall"] == 1.0
    for mode in ("hybrid", "bm25"):
        assert result.metrics["retrieval"][mode]["overall"]["Success@5"] == 1.0
    assert set(result.metrics["answers"]) == {"overall", "role", "number", "attendees", "unanswerable"}
    assert result.meta["documents"] == 2 and len(result.meta["corpus_hash"]) == 16


def test_cli_eval_report_and_json(tiny, tmp_path):
    env = {**os.environ, "DANVAN_QA_CORPUS": str(tiny / "corpus"), "DANVAN_QA_STORE": str(tiny / "store")}
    done = subprocess.run(
        [sys.executable, "-m", "danvan_qa.cli", "eval", str(tiny / "gold.jsonl"), "--modes", "bm25", "--json",
         "--report", str(tmp_path / "rep"), "--no-baseline"],
        capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["metrics"]["answers"]["overall"]["questions"] == 4
    assert data["meta"]["modes"] == ["bm25"]
    report = (tmp_path / "rep" / "report.md").read_text(encoding="utf-8")
    assert "## Per question type" in report and "Worst failures" in report
    assert (tmp_path / "rep" / "chart.png").read_bytes()[:4] == b"\x89PNG"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\nnot json\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "danvan_qa.cli", "eval", str(bad)], capture_output=True,
                          text=True, env=env, timeout=600)
    assert done.returncode == 2 and "line 1" in done.stderr and "line 2" in done.stderr
