"""The users' own documents: HTML pages, Word files and PDFs, written here as real files and read
through the corpus. The main text is kept and the page furniture dropped, the metadata read,
meta.jsonl overrides it, and every file that cannot be read is skipped with its own reason while
the rest are read."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from danvan_qa.ingest.corpus import load_corpus
from office_files import encrypted, html_page, pdf_file, word_file

TITLE = "Xã Đồng Mây ra quân làm đường giao thông nông thôn"
PARAGRAPHS = [
    "Sáng 15/3, Ủy ban Mặt trận Tổ quốc xã Đồng Mây phát động ngày hội làm đường giao thông tại thôn Bến Lau, "
    "với hơn 300 người dân tham gia.",
    "Ông Tạ Quang Vĩnh, Chủ tịch Ủy ban Mặt trận Tổ quốc xã, cho biết nhân dân đã hiến hơn 2.000 mét vuông đất "
    "để mở rộng đường liên thôn.",
    "Dịp này, xã trao 15 suất quà cho các hộ có hoàn cảnh khó khăn, mỗi suất trị giá 500.000 đồng.",
]
HEAD = ('<meta property="og:title" content="Xã Đồng Mây ra quân làm đường giao thông nông thôn">'
        '<meta property="article:published_time" content="2024-03-15T08:30:00+07:00">'
        '<link rel="canonical" href="https://langnoi.example/xa-dong-may-lam-duong.html">')
FURNITURE = ("Trang chủ", "Liên hệ quảng cáo", "Đọc nhiều nhất", "chợ Cầu Mây", "Giấy phép", "Điện thoại liên hệ")


def corpus_of(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    folder = tmp_path / "corpus"
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return folder


def loaded(tmp_path: Path, files: dict[str, bytes | str]) -> tuple[dict, dict]:
    """(documents by id, skip reasons by file name or by 'meta.jsonl')."""
    result = load_corpus(corpus_of(tmp_path, files))
    reasons: dict[str, list[str]] = {}
    for s in result.skipped:
        reasons.setdefault(Path(s.path).name, []).append(s.reason)
    return {d.doc_id: d for d in result.documents}, reasons


# --- HTML ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_a_page_gives_its_article_title_date_and_canonical_url_without_the_furniture(tmp_path, suffix):
    page = html_page(TITLE, PARAGRAPHS, HEAD, table=[["Thôn", "Số hộ hiến đất"], ["Bến Lau", "42"]])
    doc = loaded(tmp_path, {f"bai-viet{suffix}": page})[0]["bai-viet"]
    assert doc.title == TITLE  # not the <title> with the site's name
    assert doc.date == "2024-03-15"
    assert doc.url == "https://langnoi.example/xa-dong-may-lam-duong.html"
    assert all(p in doc.text for p in PARAGRAPHS)
    assert "Thôn | Số hộ hiến đất\nBến Lau | 42" in doc.text
    assert not [f for f in FURNITURE if f in doc.published]
    assert doc.published.startswith(TITLE + "\n\n")  # paragraphs apart as the articles have them


def test_a_page_without_a_canonical_link_gives_its_og_url_and_a_date_from_its_meta_tags(tmp_path):
    head = ('<meta property="og:url" content="https://langnoi.example/bai/123">'
            '<meta name="pubdate" content="2023-11-02">')
    doc = loaded(tmp_path, {"a.html": html_page(TITLE, PARAGRAPHS, head)})[0]["a"]
    assert (doc.url, doc.date) == ("https://langnoi.example/bai/123", "2023-11-02")


def test_a_page_saved_in_utf16_is_read(tmp_path):
    doc = loaded(tmp_path, {"a.html": html_page(TITLE, PARAGRAPHS, HEAD).encode("utf-16")})[0]["a"]
    assert doc.title == TITLE and PARAGRAPHS[1] in doc.text


def test_a_page_without_date_tags_takes_the_date_its_text_gives(tmp_path):
    paragraphs = ["Ngày 12/9/2022, " + PARAGRAPHS[0][9:], *PARAGRAPHS[1:]]
    doc = loaded(tmp_path, {"a.html": html_page(TITLE, paragraphs)})[0]["a"]
    assert doc.date == "2022-09-12" and doc.url is None


# --- Word ---------------------------------------------------------------------------------------

def test_a_word_file_gives_paragraphs_in_order_and_table_rows_without_header_or_footer(tmp_path):
    raw = word_file([TITLE, *PARAGRAPHS], table=[["Đất hiến theo thôn", None], ["Thôn", "Số hộ hiến đất"], ["Bến Lau", "42"]],
                    control="Người báo cáo: Tạ Quang Vĩnh",
                    header="BẢN TIN NỘI BỘ MẶT TRẬN XÃ", footer="Lưu hành nội bộ - trang 1",
                    title="Báo cáo ngày hội làm đường", created=dt.datetime(2024, 3, 16, 20, 30, tzinfo=dt.timezone.utc))
    doc = loaded(tmp_path, {"bao-cao.docx": raw})[0]["bao-cao"]
    assert doc.title == "Báo cáo ngày hội làm đường"
    assert doc.date == "2024-03-17"  # 20:30 UTC is the next morning in Vietnam
    assert doc.published == "\n\n".join([TITLE, *PARAGRAPHS, "Đất hiến theo thôn\nThôn | Số hộ hiến đất\nBến Lau | 42",
                                         "Bảng trên do thôn tự tổng hợp.", "Người báo cáo: Tạ Quang Vĩnh"])
    assert "BẢN TIN NỘI BỘ" not in doc.text and "Lưu hành" not in doc.text


def test_a_word_file_without_a_title_property_is_titled_by_its_first_paragraph(tmp_path):
    doc = loaded(tmp_path, {"a.docx": word_file([TITLE, *PARAGRAPHS], created=dt.datetime(2024, 1, 5, 3, 0))})[0]["a"]
    assert (doc.title, doc.date) == (TITLE, "2024-01-05")


def test_a_word_file_gets_no_date_from_its_template_nor_from_missing_properties(tmp_path):
    stamped = word_file([TITLE, *PARAGRAPHS])  # python-docx's blank template says 23/12/2013
    bare = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(stamped)) as source, zipfile.ZipFile(bare, "w") as archive:
        for name in source.namelist():
            data = source.read(name)
            if name == "_rels/.rels":
                data = re.sub(rb"<Relationship [^>]*core-properties[^>]*/>", b"", data)
            if name != "docProps/core.xml":
                archive.writestr(name, data)
    docs = loaded(tmp_path, {"mau.docx": stamped, "tran.docx": bare.getvalue()})[0]
    assert [(doc.title, doc.date) for doc in (docs["mau"], docs["tran"])] == [(TITLE, None), (TITLE, None)]


# --- PDF ----------------------------------------------------------------------------------------

PDF_PAGES = [
    ["BẢN TIN MẶT TRẬN XÃ ĐỒNG MÂY - SỐ 12", "",
     "KẾT QUẢ NGÀY HỘI LÀM ĐƯỜNG",
     "Sáng 15/3, Ủy ban Mặt trận Tổ quốc xã Đồng Mây phát động ngày hội làm đường giao",
     "thông tại thôn Bến Lau, với hơn 300 người dân tham gia và đóng góp ngày công lao",
     "động. Theo kế hoạch giai đoạn 2021-",
     "2025, xã sẽ cứng hóa toàn bộ đường liên thôn.",
     "Ông Tạ Quang Vĩnh cho biết việc phát triển kinh tế-",
     "xã hội gắn với huy động nguồn lực trong dân, theo mô hình gọi là communi-",
     "cation for development, được nhân dân ủng hộ. Dịp này, xã trao 15 suất quà",
     "", "", "Trang 1"],
    ["BẢN TIN MẶT TRẬN XÃ ĐỒNG MÂY - SỐ 12", "",
     "cho các hộ có hoàn cảnh khó khăn, mỗi suất trị giá 500.000 đồng, do các nhà hảo",
     "tâm trong xã đóng góp.",
     "",
     "buổi lễ kết thúc lúc 11 giờ cùng ngày.",
     "", "", "2/3"],
    ["BẢN TIN MẶT TRẬN XÃ ĐỒNG MÂY - SỐ 12", "",
     "Phụ lục: danh sách thôn đăng ký làm đường năm sau gồm thôn Bến Lau và thôn Gò Sim.",
     "", "", "- 3 -"],
]


def test_a_pdf_loses_its_running_header_and_page_numbers_and_gets_its_lines_rejoined(tmp_path):
    """Wrapped lines joined with a space, across a page too; a Latin word split at a hyphen made
    whole; a hyphen of Vietnamese text or of a range kept; paragraphs at a sentence end before a
    short line's successor, at a blank line and after a heading in capitals."""
    doc = loaded(tmp_path, {"ban-tin.pdf": pdf_file(PDF_PAGES, title="Bản tin số 12")})[0]["ban-tin"]
    assert doc.title == "Bản tin số 12"
    assert doc.published.split("\n\n") == [
        "KẾT QUẢ NGÀY HỘI LÀM ĐƯỜNG",
        "Sáng 15/3, Ủy ban Mặt trận Tổ quốc xã Đồng Mây phát động ngày hội làm đường giao thông tại thôn "
        "Bến Lau, với hơn 300 người dân tham gia và đóng góp ngày công lao động. Theo kế hoạch giai đoạn "
        "2021-2025, xã sẽ cứng hóa toàn bộ đường liên thôn.",
        "Ông Tạ Quang Vĩnh cho biết việc phát triển kinh tế-xã hội gắn với huy động nguồn lực trong dân, "
        "theo mô hình gọi là communication for development, được nhân dân ủng hộ. Dịp này, xã trao 15 suất "
        "quà cho các hộ có hoàn cảnh khó khăn, mỗi suất trị giá 500.000 đồng, do các nhà hảo tâm trong xã "
        "đóng góp.",
        "buổi lễ kết thúc lúc 11 giờ cùng ngày.",
        "Phụ lục: danh sách thôn đăng ký làm đường năm sau gồm thôn Bến Lau và thôn Gò Sim.",
    ]


def test_a_pdf_of_a_page_printed_twice_keeps_its_text(tmp_path):
    page = ["Xã Đồng Mây làm đường", "Sáng 15/3, nhân dân xã Đồng Mây ra quân làm đường liên thôn.", "", "1"]
    doc = loaded(tmp_path, {"a.pdf": pdf_file([page, page[:-1] + ["2"]])})[0]["a"]
    assert doc.published.count("ra quân làm đường liên thôn") == 2 and "\n1" not in doc.published


def test_a_pdf_titled_by_a_file_name_is_titled_by_its_first_line(tmp_path):
    pages = [["Xã Đồng Mây làm đường", "Sáng 15/3, nhân dân xã Đồng Mây ra quân làm đường liên thôn."]]
    doc = loaded(tmp_path, {"a.pdf": pdf_file(pages, title="Microsoft Word - ban tin 12.docx")})[0]["a"]
    assert doc.title == "Xã Đồng Mây làm đường"


def test_a_pdf_locked_only_against_editing_is_read(tmp_path):
    pages = [["Xã Đồng Mây làm đường", "Sáng 15/3, nhân dân xã Đồng Mây ra quân làm đường liên thôn."]]
    doc = loaded(tmp_path, {"a.pdf": encrypted(pdf_file(pages), user_password="")})[0]["a"]
    assert "ra quân làm đường liên thôn" in doc.text


# --- meta.jsonl ---------------------------------------------------------------------------------

def test_meta_jsonl_overrides_what_the_files_carry_and_reports_each_bad_line(tmp_path):
    meta = "\n".join([
        json.dumps({"file": "trang/bai.html", "title": "Tiêu đề do người dùng đặt", "place": "xã Đồng Mây",
                    "source": "Báo Làng Nổi"}, ensure_ascii=False),
        '{"file": "bao-cao.docx", "date": "2024-04-01", "url": "https://langnoi.example/bao-cao"}',
        '{"file": "ghi-chu.txt", "title": "Ghi chú"',
        '{"file": "ghi-chu.txt", "author": "ai đó"}',
        '{"file": "ghi-chu.txt", "date": "01/04/2024"}',
        '{"title": "không có tệp"}',
        '{"file": "../ngoai.txt", "title": "ngoài kho"}',
        '["ghi-chu.txt"]',
        '{"file": "khong-co.pdf", "title": "không có"}',
        '{"file": "bao-cao.docx", "title": "lần hai"}',
        "",
        '{"file": "ghi-chu.txt", "place": "thôn Bến Lau"}',
    ])
    docs, reasons = loaded(tmp_path, {
        "meta.jsonl": meta,
        "trang/bai.html": html_page(TITLE, PARAGRAPHS, HEAD),
        "bao-cao.docx": word_file([TITLE, *PARAGRAPHS], title="Báo cáo", created=dt.datetime(2020, 1, 1)),
        "ghi-chu.txt": "Ghi chú ngày hội\n\n" + PARAGRAPHS[0] + "\n",
    })
    page, report, note = docs["trang/bai"], docs["bao-cao"], docs["ghi-chu"]
    assert (page.title, page.place, page.source, page.date) == (
        "Tiêu đề do người dùng đặt", "xã Đồng Mây", "Báo Làng Nổi", "2024-03-15")
    assert (report.title, report.date, report.url) == ("Báo cáo", "2024-04-01", "https://langnoi.example/bao-cao")
    assert note.place == "thôn Bến Lau"
    lines = sorted(reasons["meta.jsonl"], key=lambda r: int(r.split(":")[0].split()[1]))
    assert [r.split(":")[0] for r in lines] == [f"line {n}" for n in (3, 4, 5, 6, 7, 8, 9, 10)]
    for line, words in zip(lines, ["not JSON", "unknown keys ['author']", "not ISO yyyy-mm-dd", 'no "file"',
                                   "not a path inside the corpus folder", "not a JSON object",
                                   "no document khong-co.pdf in the corpus", "already given on line 2"]):
        assert words in line and line.endswith("the line is ignored"), line


def test_an_override_changes_the_content_hash_so_the_document_is_embedded_again(tmp_path):
    files = {"a.txt": "Ghi chú ngày hội\n\n" + PARAGRAPHS[0] + "\n"}
    before = loaded(tmp_path / "1", files)[0]["a"]
    after = loaded(tmp_path / "2", {**files, "meta.jsonl": '{"file": "a.txt", "place": "xã Đồng Mây"}\n'})[0]["a"]
    assert (before.text, before.published) == (after.text, after.published)
    assert before.content_hash != after.content_hash


# --- files that cannot be read ------------------------------------------------------------------

def _truncated_docx() -> bytes:
    raw = word_file([TITLE, *PARAGRAPHS])
    return raw[: len(raw) // 2]


def _zip_without_word() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("bang-tinh.csv", "thôn,số hộ\nBến Lau,42\n")
    return out.getvalue()


def _word_with_broken_xml() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(word_file([TITLE]))) as source, zipfile.ZipFile(out, "w") as archive:
        for name in source.namelist():
            archive.writestr(name, b"<w:document><w:body>" if name == "word/document.xml" else source.read(name))
    return out.getvalue()


BAD_FILES = {
    "trang-loi.pdf": (html_page("Lỗi 404", ["Không tìm thấy trang bạn yêu cầu trên hệ thống của chúng tôi."]),
                      "not a PDF: the content is an HTML page"),
    "van-ban.docx": ("Đây là văn bản thường, không phải tệp Word.", "not a Word document (.docx): the content is plain text"),
    "cat-ngang.docx": (_truncated_docx(), "damaged or truncated zip archive"),
    "nen.docx": (_zip_without_word(), "a zip archive but not a Word document (no word/document.xml)"),
    "cu.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "the content is an old or password-protected Office file"),
    "trong.docx": (word_file(["", "   "]), "empty document (the Word file has no text"),
    "xml-hong.docx": (_word_with_broken_xml(), "damaged Word document (XMLSyntaxError"),
    "khoa.pdf": (encrypted(pdf_file([["Nội dung mật của xã Đồng Mây."]]), user_password="mat-khau"),
                 "encrypted PDF (it needs a password)"),
    "quet.pdf": (pdf_file([[], []], image=True), "no text layer (scanned)"),
    "trang-trang.pdf": (pdf_file([[]]), "no text layer (scanned)"),
    "hong.pdf": (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n", "damaged PDF"),
    "chi-menu.html": ("<html><head><title>Trang chủ</title></head><body>"
                      "<nav><a href='/'>Trang chủ</a> <a href='/a'>Thời sự</a></nav></body></html>",
                      "no article text in the HTML page"),
    "anh.html": (b"\x89PNG\r\n\x1a\n" + bytes(64), "not an HTML page: the content is an image"),
    "rong.pdf": (b"", "empty file"),
}


def test_every_bad_file_is_skipped_with_its_own_reason_and_the_good_ones_are_read(tmp_path):
    good = {"bai.html": html_page(TITLE, PARAGRAPHS, HEAD), "bao-cao.docx": word_file([TITLE, *PARAGRAPHS]),
            "ban-tin.pdf": pdf_file(PDF_PAGES), "ghi-chu.txt": "Ghi chú\n\n" + PARAGRAPHS[0] + "\n"}
    docs, reasons = loaded(tmp_path, {**good, **{name: content for name, (content, _) in BAD_FILES.items()}})
    assert sorted(docs) == ["bai", "ban-tin", "bao-cao", "ghi-chu"]
    assert sorted(reasons) == sorted(BAD_FILES)
    for name, (_, reason) in BAD_FILES.items():
        assert len(reasons[name]) == 1 and reason in reasons[name][0], (name, reasons[name])
        assert "\n" not in reasons[name][0]


def test_the_format_libraries_are_imported_only_when_such_a_file_is_met(tmp_path):
    folder = corpus_of(tmp_path, {"a.txt": "Ghi chú\n\n" + PARAGRAPHS[0] + "\n", "b.md": "---\ntitle: B\n---\nBài B.\n"})
    probe = ("import sys; from pathlib import Path; from danvan_qa.ingest.corpus import load_corpus; "
             f"assert len(load_corpus(Path({str(folder)!r})).documents) == 2; "
             "print(sorted(m for m in ('trafilatura', 'docx', 'pypdf', 'lxml') if m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout == "[]\n"


def test_a_word_file_that_would_unpack_past_the_limit_is_refused(tmp_path, monkeypatch):
    from danvan_qa.ingest.formats import docx

    monkeypatch.setattr(docx, "MAX_UNZIPPED", 10_000)
    reasons = loaded(tmp_path, {"lon.docx": word_file([TITLE, *PARAGRAPHS])})[1]
    assert reasons["lon.docx"][0].startswith("the Word document unpacks to ") and "(limit 10000)" in reasons["lon.docx"][0]


def test_the_text_of_a_page_is_held_to_the_text_limit_and_the_file_to_twenty_times_it(tmp_path):
    folder = corpus_of(tmp_path, {"dai.html": html_page(TITLE, PARAGRAPHS * 6), "ngan.html": html_page(TITLE, PARAGRAPHS)})
    result = load_corpus(folder, max_bytes=1500)  # the pages are 3 to 6 kB: under 20 times the limit
    assert [d.doc_id for d in result.documents] == ["ngan"]
    assert [s.reason.split(" (")[0] for s in result.skipped] == ["the extracted text is too large"]
