"""The real pipeline: e5 model, FAISS, BM25 and the bundled articles."""

import json
import os
import subprocess
import sys

import pytest

from danvan_qa import QueryError, retrieve

pytestmark = pytest.mark.slow

HANOI, HUE, NEWS_2020, MPS, CAND = (
    "000_e8f6aa7cccc62a1d", "001_d7706499b23905a8", "002_33644b7a64d47b6f",
    "003_ac025bd2f7923628", "004_a8f1c7873cc8ab1a",
)
CASES = [
    ("Ai tham dự lễ ký kết ngày 4-11 ở Hà Nội?", HANOI, "Ngô Thị Thanh Hằng"),
    ("ai dong chu tri buoi lam viec 11/6/2018", CAND, "đồng chủ trì"),
    ("Giám đốc Công an tỉnh Thừa Thiên Huế là ai?", HUE, "Nguyễn Thanh Tuấn"),
    ("Chương trình số 38-Ctr/BDVTW-BCA là gì?", MPS, "38-Ctr/BDVTW-BCA"),
    ("bao nhieu mo hinh dan van kheo cong an tinh dang ky", HUE, "212 mô hình"),
    ("Đoàn Duy Khương giữ chức vụ gì?", HANOI, "Đoàn Duy Khương"),
    ("Vuong Dinh Hue lam viec voi Ban Dan van ngay nao", NEWS_2020, "Ngày 28/4"),
]


@pytest.mark.parametrize("question, doc_id, evidence", CASES)
def test_hybrid_finds_the_evidence(real_store, real_settings, question, doc_id, evidence):
    passages = retrieve(question, 5, store=real_store, settings=real_settings)
    assert doc_id in {p.doc_id for p in passages[:2]}
    assert any(p.doc_id == doc_id and evidence in p.text for p in passages)
    for p in passages:
        assert real_store.data.documents[p.doc_id].text[p.start : p.end] == p.text


@pytest.mark.parametrize("with_marks, without", [
    ("ký kết chương trình phối hợp giai đoạn 2022-2026", "ky ket chuong trinh phoi hop giai doan 2022-2026"),
    ("Thượng tướng Trần Quốc Tỏ họp với Phạm Tất Thắng", "thuong tuong tran quoc to hop voi pham tat thang"),
])
def test_diacritic_free_queries_match(real_store, real_settings, with_marks, without):
    a = retrieve(with_marks, 3, store=real_store, settings=real_settings)
    b = retrieve(without, 3, store=real_store, settings=real_settings)
    assert a[0].chunk_id == b[0].chunk_id
    bm25 = retrieve(without, 1, mode="bm25", store=real_store, settings=real_settings)
    assert bm25[0].doc_id == a[0].doc_id


def test_nfd_query_equals_nfc(real_store, real_settings):
    import unicodedata

    q = "Giám đốc Công an thành phố Hà Nội"
    a = retrieve(q, 3, store=real_store, settings=real_settings)
    b = retrieve(unicodedata.normalize("NFD", q), 3, store=real_store, settings=real_settings)
    assert [p.chunk_id for p in a] == [p.chunk_id for p in b]


def test_each_mode_returns_k_ranked_passages(real_store, real_settings):
    for mode in ("hybrid", "dense", "bm25"):
        got = retrieve("công tác dân vận", 4, mode=mode, store=real_store, settings=real_settings)
        assert len(got) == 4
        assert [p.score for p in got] == sorted((p.score for p in got), reverse=True)


def test_bad_question_is_a_typed_error(real_store, real_settings):
    with pytest.raises(QueryError):
        retrieve("   ", store=real_store, settings=real_settings)


def _cli(real_settings, *args):
    env = {**os.environ, "DANVAN_QA_STORE": str(real_settings.store), "DANVAN_QA_CORPUS": str(real_settings.corpus)}
    return subprocess.run([sys.executable, "-m", "danvan_qa.interfaces.cli", *args], capture_output=True, text=True,
                          env=env, timeout=300)


def test_cli_search_json_and_errors(real_store, real_settings):
    done = _cli(real_settings, "search", "ky ket chuong trinh 26/5", "-k", "2", "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert len(rows) == 2 and rows[0]["doc_id"] == HUE
    bad = _cli(real_settings, "search", "  ")
    assert bad.returncode == 2 and "empty" in bad.stderr and "Traceback" not in bad.stderr
    index = _cli(real_settings, "index")
    assert index.returncode == 0 and "5 unchanged" in index.stdout


def test_damaged_store_is_reported_and_index_rebuild_recovers(tmp_path, real_settings):
    from danvan_qa.index.catalogue import current_generation

    env = {**os.environ, "DANVAN_QA_STORE": str(tmp_path / "store"), "DANVAN_QA_CORPUS": str(real_settings.corpus)}

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "danvan_qa.interfaces.cli", *args], capture_output=True, text=True,
                              env=env, timeout=600)

    missing = cli("search", "ký kết")
    assert missing.returncode == 1 and "danvan-qa index" in missing.stderr
    assert cli("index").returncode == 0
    faiss_file = current_generation(tmp_path / "store") / "dense.faiss"
    faiss_file.write_bytes(faiss_file.read_bytes()[:1000])
    broken = cli("search", "ký kết")
    assert broken.returncode == 1 and "--rebuild" in broken.stderr and "Traceback" not in broken.stderr
    assert cli("index", "--rebuild").returncode == 0
    assert cli("search", "ký kết", "--json").returncode == 0
