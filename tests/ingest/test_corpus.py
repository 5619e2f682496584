import os
from pathlib import Path

import pytest

from danvan_qa.ingest.corpus import clean_body, load_corpus, parse_document
from danvan_qa.errors import CorpusError

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def test_seed_metadata():
    docs = {d.doc_id: d for d in load_corpus(CORPUS).documents}
    assert len(docs) == 5
    assert docs["000_e8f6aa7cccc62a1d"].date == "2016-11-04"
    assert docs["001_d7706499b23905a8"].date == "2022-05-26"
    assert docs["001_d7706499b23905a8"].source == "thuathienhue.gov.vn"
    assert docs["001_d7706499b23905a8"].place == "Thừa Thiên Huế"
    assert docs["002_33644b7a64d47b6f"].date == "2020-04-28"
    assert docs["002_33644b7a64d47b6f"].title.startswith("Bí thư Thành ủy Hà Nội")
    assert docs["003_ac025bd2f7923628"].date == "2022-02-14"
    assert docs["004_a8f1c7873cc8ab1a"].date == "2018-06-12"
    assert docs["004_a8f1c7873cc8ab1a"].title.startswith("Nâng cao hiệu quả")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not beside the checkout")
def test_corpus_keeps_seed_text_as_published():
    for seed in SEEDS.glob("*.txt"):
        assert (CORPUS / seed.name).read_text(encoding="utf-8").endswith(seed.read_text(encoding="utf-8"))


def test_boilerplate_is_stripped_but_text_kept():
    raw = (
        "Nhập thông tin\n  • Lỗi: Email không hợp lệ\n\nĐóng\n\nTiêu đề bài\n"
        "Cập nhật:26/05/2022 5:24:35 CH\nNội dung có chữ Đóng góp và Tin mới nhất.\n"
        "Ảnh minh họa - Ảnh 1\nLượt xem: 1.234\nBình luận (0)\n\nLên đầu trang\n Bản in]\nTin mới"
    )
    body, dropped = clean_body(raw)
    assert body == "Tiêu đề bài\nNội dung có chữ Đóng góp và Tin mới nhất."
    assert "Cập nhật:26/05/2022 5:24:35 CH" in dropped


def test_repeated_caption_lines_are_dropped():
    body, _ = clean_body("Toàn cảnh buổi làm việc.\nToàn cảnh buổi làm việc.\nNội dung.")
    assert body == "Toàn cảnh buổi làm việc.\nNội dung."


def test_front_matter():
    raw = "---\nid: abc\ntitle: Tiêu đề\ndate: 2022-05-26\nurl: https://x.vn/a\nplace: Huế\n---\nThân bài.\n"
    doc = parse_document(Path("x.md"), raw.encode())
    assert (doc.doc_id, doc.title, doc.date, doc.url, doc.place, doc.text) == (
        "abc", "Tiêu đề", "2022-05-26", "https://x.vn/a", "Huế", "Thân bài."
    )


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"---\ntitle: x\nno colon here\n---\nbody", "not 'key: value'"),
        (b"---\ntitle: x\nbody without end", "never closed"),
        (b"---\ndate: 26/5/2022\n---\nbody", "not ISO"),
        (b"\xff\xfe" + "  \n ".encode("utf-16-le"), "empty document"),
    ],
)
def test_bad_documents_raise_with_reason(raw, message):
    with pytest.raises(ValueError, match=message):
        parse_document(Path("bad.txt"), raw)


def test_nfd_file_is_normalised():
    import unicodedata

    raw = unicodedata.normalize("NFD", "Ký kết chương trình\nNội dung hoà hợp.").encode()
    doc = parse_document(Path("nfd.txt"), raw)
    assert doc.text == "Ký kết chương trình\nNội dung hòa hợp."


def test_bad_files_are_skipped_by_name_and_rest_loaded(tmp_path):
    (tmp_path / "good.txt").write_text("Bài tốt\nNội dung.", encoding="utf-8")
    (tmp_path / "utf16.txt").write_bytes("Bài UTF-16\nNội dung.".encode("utf-16"))
    (tmp_path / "latin1.txt").write_bytes("Bài lỗi\n".encode("utf-8") + b"\xe9t\xe9")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x01\x02")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("Bình luận (0)\n\nLên đầu trang\n", encoding="utf-8")
    (tmp_path / "dir.txt").mkdir()
    os.symlink(tmp_path / "missing", tmp_path / "broken.txt")
    (tmp_path / "zdup.md").write_text("---\nid: good\n---\nTrùng id.", encoding="utf-8")
    (tmp_path / "big.txt").write_bytes(b"a" * 2000)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # read as a PDF, and refused: only the start of one
    (tmp_path / "notes.odt").write_bytes(b"PK\x03\x04")  # not a format the corpus reads: not reported
    result = load_corpus(tmp_path, max_bytes=1000)
    assert sorted(d.doc_id for d in result.documents) == ["good", "utf16"]
    reasons = {Path(s.path).name: s.reason for s in result.skipped}
    assert set(reasons) == {"latin1.txt", "binary.txt", "empty.txt", "blank.md", "dir.txt", "broken.txt",
                            "zdup.md", "big.txt", "notes.pdf"}
    assert "UTF-8" in reasons["latin1.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "empty" in reasons["empty.txt"] and "empty" in reasons["blank.md"]
    assert "not a regular file" in reasons["dir.txt"]
    assert "broken" in reasons["broken.txt"]
    assert "duplicate id 'good'" in reasons["zdup.md"]
    assert "too large" in reasons["big.txt"]
    assert reasons["notes.pdf"] == "not a PDF: the content is plain text"


def test_missing_corpus_folder(tmp_path):
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(tmp_path / "nope")


@pytest.mark.parametrize("written, title", [
    ('"25 mô hình công an \\"dân vận khéo\\""', '25 mô hình công an "dân vận khéo"'),  # YAML's escaped quotes
    ("'Phong trào ''Dân vận khéo'''", "Phong trào 'Dân vận khéo'"),
    ('Phong trào "Dân vận khéo" ở xã', 'Phong trào "Dân vận khéo" ở xã'),  # bare: kept as written
])
def test_front_matter_quotes_are_read_as_yaml_reads_them(written, title):
    raw = f"---\nid: q\ntitle: {written}\n---\nThân bài.\n"
    assert parse_document(Path("x.md"), raw.encode()).title == title
