"""Documents added from the chat: each file held to the corpus reader's rules, named safely,
saved under the corpus, indexed in the background and then answered from; refused when the
settings do not allow uploads. The archive and the uploaded articles are invented."""

from __future__ import annotations

import threading
import datetime as dt

import pytest

from danvan_qa.index.indexer import build_index
from danvan_qa.interfaces.uploads import (MSG_OFF, Refusal, Uploader, accept, byte_limit, free_name, safe_name,
                                          vietnamese)
from danvan_qa.settings import Settings
from fakes import FakeEmbedder
from invented import write_articles
from office_files import encrypted, html_page, pdf_file, word_file

ARTICLE = ("Ngày 12/5/2024, tại tỉnh Cồn Cát, Ban Dân vận Tỉnh ủy Cồn Cát và Hội Nông dân tỉnh Cồn Cát ký kết "
           "Chương trình phối hợp số 15-CTr/BDV-HND giai đoạn 2024-2028. Đồng chí Lê Thị Mơ, Trưởng Ban Dân vận "
           "Tỉnh ủy Cồn Cát chủ trì hội nghị.")
TITLE = "Ký kết chương trình phối hợp với Hội Nông dân tỉnh Cồn Cát"
QUESTION = "Đồng chí Lê Thị Mơ đã dự những hội nghị nào, với cương vị gì?"  # cited from the fact table


def text_file(title: str, body: str) -> bytes:
    return f"{title}\n\n{body}\n".encode()


@pytest.fixture
def settings(tmp_path) -> Settings:
    (tmp_path / "corpus").mkdir()
    return Settings(corpus=tmp_path / "corpus", store=tmp_path / "store", model="fake-hash-embedder",
                    encoder="torch", allow_uploads=True)


def test_a_name_keeps_only_its_last_part_and_a_known_extension():
    assert safe_name("../../x.txt") == "x.txt"
    assert safe_name("..\\..\\Báo cáo.DOCX") == "Báo cáo.docx"
    assert safe_name("/tmp/../.hidden.md") == "hidden.md"
    assert safe_name("a\x00b\nc.pdf") == "abc.pdf"
    assert safe_name("bài:viết?.htm") == "bài_viết_.htm"
    assert len(safe_name("ố" * 300 + ".txt").encode()) <= 160
    for bad in ("../../etc/passwd", "chay.exe", "anh.png", "..", "", ".txt"):
        with pytest.raises(Refusal):
            safe_name(bad)


def test_a_traversal_name_is_saved_inside_the_corpus(settings, tmp_path):
    saved, refused = accept([("../../x.txt", text_file("Tiêu đề", ARTICLE))], settings)
    assert refused == [] and [s.path for s in saved] == [settings.corpus / "x.txt"]
    assert not (tmp_path / "x.txt").exists() and not (tmp_path.parent / "x.txt").exists()
    assert (settings.corpus / "x.txt").read_text(encoding="utf-8").startswith("Tiêu đề")


def test_a_file_is_judged_by_its_content_not_its_extension(settings):
    page = html_page("Lỗi 404", ["Không tìm thấy trang."]).encode()
    saved, refused = accept([("bao-cao.pdf", page), ("bao-cao.docx", page), ("ghi-chu.txt", pdf_file([["Chữ."]]))],
                            settings)
    assert saved == [] and list(settings.corpus.iterdir()) == []
    assert [r.reason for r in refused] == [
        "nội dung không phải tệp PDF như đuôi .pdf cho biết, mà là một trang HTML",
        "nội dung không phải tài liệu Word (.docx) như đuôi .docx cho biết, mà là một trang HTML",
        "nội dung không phải văn bản thuần như đuôi .txt cho biết, mà là một tệp PDF",
    ]


def test_a_file_over_its_kinds_limit_is_refused(settings):
    small = settings.replace(max_doc_bytes=1000)
    assert byte_limit(".txt", small) == 1000 and byte_limit(".pdf", small) == 20_000  # as the corpus reads them
    fits = text_file("Tiêu đề", "a " * 400)
    saved, refused = accept([("dai.txt", b"x" * 1001), ("vua.txt", fits), ("dai.pdf", b"%PDF-1.4" + b" " * 20_000)],
                            small)
    assert [s.path.name for s in saved] == ["vua.txt"]
    assert [(r.name, r.reason) for r in refused] == [("dai.txt", "tệp quá lớn (0,0 MB; tối đa 0,0 MB cho tệp .txt)"),
                                                     ("dai.pdf", "tệp quá lớn (0,0 MB; tối đa 0,0 MB cho tệp .pdf)")]


def test_a_duplicate_name_gets_a_suffix_and_no_article_is_overwritten(settings):
    write_articles(settings.corpus)
    before = (settings.corpus / "bv-0001.txt").read_bytes()
    new = text_file("Bài mới", ARTICLE)
    saved, refused = accept([("bv-0001.txt", new), ("BV-0001.pdf", pdf_file([[TITLE, ARTICLE[:80]]]))], settings)
    assert refused == [] and [s.path.name for s in saved] == ["bv-0001-2.txt", "BV-0001-3.pdf"]
    assert [s.doc_id for s in saved] == ["bv-0001-2", "BV-0001-3"]
    assert (settings.corpus / "bv-0001.txt").read_bytes() == before
    assert free_name(settings.corpus, "bao-cao.md", {"bao-cao"}) == "bao-cao-2.md"  # an id already indexed


def test_a_front_matter_id_already_in_the_store_is_refused(settings):
    page = f"---\nid: bv-0003\ntitle: Trùng mã\n---\n{ARTICLE}\n".encode()
    saved, refused = accept([("khac.md", page)], settings, taken_ids={"bv-0003"})
    assert saved == [] and refused[0].reason == "mã bài viết 'bv-0003' ở phần đầu tệp đã có trong kho"


def test_each_bad_file_has_its_reason_in_vietnamese_and_the_good_ones_are_kept(settings):
    uploads = [
        ("quet.pdf", pdf_file([[], []], image=True)),
        ("khoa.pdf", encrypted(pdf_file([["Nội dung mật."]]), user_password="mat-khau")),
        ("rong.txt", b"  \n"),
        ("menu.html", "<html><body><nav><a href='/'>Trang chủ</a> <a href='/b'>Thời sự</a></nav></body></html>".encode()),
        ("tot.docx", word_file([TITLE, ARTICLE])),
        ("cut.docx", word_file([TITLE, ARTICLE])[:300]),
    ]
    saved, refused = accept(uploads, settings)
    assert [s.path.name for s in saved] == ["tot.docx"] and saved[0].title == TITLE
    assert [(r.name, r.reason) for r in refused] == [
        ("quet.pdf", "tệp PDF không có lớp chữ (bản quét); hãy tải lên bản PDF có chữ hoặc tệp Word"),
        ("khoa.pdf", "tệp PDF có mật khẩu; hãy tải lên bản không khóa"),
        ("rong.txt", "tệp rỗng"),
        ("menu.html", "trang HTML không có nội dung bài viết (chỉ có menu, liên kết hoặc mã)"),
        ("cut.docx", "tệp Word bị hỏng hoặc bị cắt cụt"),
    ]
    assert sorted(p.name for p in settings.corpus.iterdir()) == ["tot.docx"]
    assert vietnamese("something new") == "không đọc được tệp (something new)"


class Ready:
    """ui.Preparer's face as the uploader sees it: the status line, and the index ready."""

    def __init__(self) -> None:
        self.state = "Sẵn sàng."
        self.ready = threading.Event()
        self.ready.set()


def test_uploads_are_refused_when_not_allowed(settings, tmp_path):
    from danvan_qa.interfaces.cli import _settings, parser
    from danvan_qa.interfaces.ui import Preparer, build_app

    off = settings.replace(allow_uploads=False)
    assert Settings().allow_uploads is False
    dropped = tmp_path / "bai.txt"
    dropped.write_bytes(text_file("Tiêu đề", ARTICLE))
    saved, refused, job = Uploader(off, Ready()).add([dropped])
    assert saved == [] and job is None and [r.reason for r in refused] == [MSG_OFF]
    assert list(off.corpus.iterdir()) == []

    def elem_ids(s: Settings) -> set[str]:
        demo = build_app(s, Preparer(s))
        return {c.get("props", {}).get("elem_id") for c in demo.config["components"]}

    assert "dv-upload" not in elem_ids(off) and "dv-upload-tab" not in elem_ids(off)
    assert {"dv-upload", "dv-upload-tab"} <= elem_ids(settings)
    assert Settings.from_env({"DANVAN_QA_ALLOW_UPLOADS": "1"}).allow_uploads is True
    assert Settings.from_env({"DANVAN_QA_ALLOW_UPLOADS": "0"}).allow_uploads is False
    with pytest.raises(ValueError, match="DANVAN_QA_ALLOW_UPLOADS='maybe'"):
        Settings.from_env({"DANVAN_QA_ALLOW_UPLOADS": "maybe"})
    assert _settings(parser().parse_args(["serve", "--allow-uploads"])).allow_uploads is True


def test_an_uploaded_file_is_indexed_and_then_answered_with_a_citation(settings, tmp_path):
    from danvan_qa.interfaces.ui import ChatBackend, Preparer

    write_articles(settings.corpus)
    fake = FakeEmbedder()
    build_index(settings=settings, embedder=fake)
    preparer = Preparer(settings)
    preparer.ready.set()
    backend = ChatBackend(settings, preparer)
    _, sources, _, _ = backend.ask(QUESTION, [], mode="bm25")
    assert TITLE not in sources  # not in the archive yet

    upload = tmp_path / "browser" / "ky-ket.docx"
    upload.parent.mkdir()
    upload.write_bytes(word_file([TITLE, ARTICLE], created=dt.datetime(2024, 5, 13)))
    bad = tmp_path / "browser" / "loi.pdf"
    bad.write_bytes(html_page("Lỗi", ["Không tìm thấy."]).encode())
    uploader = Uploader(settings, preparer, embedder=fake)
    encoded = fake.passages_encoded
    saved, refused, job = uploader.add([upload, bad])
    assert [s.path for s in saved] == [settings.corpus / "ky-ket.docx"] and [r.name for r in refused] == ["loi.pdf"]
    assert job.result() == 1 and not uploader.busy
    assert preparer.state.startswith("Đã thêm 1 tài liệu; có thể hỏi ngay.")
    assert 0 < fake.passages_encoded - encoded <= 2  # only the new article's chunks were embedded
    history, sources, _, _ = backend.ask(QUESTION, [], mode="bm25")
    said = history[-1]["content"]
    assert "Lê Thị Mơ" in said and "13/05/2024" in said and "[1]" in said
    assert TITLE in sources and "Trưởng Ban Dân vận" in sources
