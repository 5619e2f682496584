"""Adding a document from the chat in Debian Chromium: choose a Word file and a PDF that is
really a web page, see the one refused with its reason, wait for the status line to say the
other can be asked about, then ask and get an answer citing it (fake embedder, invented names)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from danvan_qa.index.indexer import build_index
from danvan_qa.interfaces.ui import Preparer, build_app, launch
from danvan_qa.interfaces.uploads import Uploader
from danvan_qa.settings import Settings
from fakes import FakeEmbedder
from invented import write_articles
from office_files import html_page, word_file
from test_uploads import ARTICLE, QUESTION, TITLE
from uiserver import ARGS, CHROMIUM, free_port

WAIT = 60_000  # the longest a page may take to show what a step asked for (ms)


@pytest.fixture
def served(tmp_path):
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (make test installs it with apt-get where it can)")
    settings = Settings(corpus=tmp_path / "corpus", store=tmp_path / "store", model="fake-hash-embedder",
                        encoder="torch", allow_uploads=True)
    write_articles(settings.corpus)
    fake = FakeEmbedder()
    build_index(settings=settings, embedder=fake)
    preparer = Preparer(settings)
    preparer.state = "Sẵn sàng."
    preparer.ready.set()
    preparer.done.set()
    port = free_port()
    demo = launch(build_app(settings, preparer, Uploader(settings, preparer, embedder=fake)), port=port, block=False)
    yield settings, f"http://127.0.0.1:{port}/"
    demo.close()


def test_a_word_file_chosen_in_the_browser_is_indexed_and_answered(served, tmp_path):
    from playwright.sync_api import sync_playwright

    settings, url = served
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    (chosen / "ky-ket.docx").write_bytes(word_file([TITLE, ARTICLE], created=dt.datetime(2024, 5, 13)))
    (chosen / "bao-cao.pdf").write_bytes(html_page("Lỗi", ["Không tìm thấy trang."]).encode())
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(url)
        page.get_by_role("tab", name="Thêm tài liệu").click()
        with page.expect_file_chooser(timeout=WAIT) as chooser:
            page.click("#dv-upload")
        chooser.value.set_files([chosen / "ky-ket.docx", chosen / "bao-cao.pdf"])
        page.wait_for_selector("#dv-upload-result .dv-refused", timeout=WAIT)
        result = page.locator("#dv-upload-result").inner_text()
        assert "ky-ket.docx" in result and TITLE in result
        assert "bao-cao.pdf: nội dung không phải tệp PDF như đuôi .pdf cho biết, mà là một trang HTML" in result
        page.wait_for_selector(".dv-status:has-text('Đã thêm 1 tài liệu; có thể hỏi ngay')", timeout=WAIT)
        shown = page.locator("#dv-upload-tab").inner_text()
        assert not any(word in shown for word in ("Upload", "Drop", "File")), shown  # no English
        shots = Path(os.environ.get("DANVAN_QA_SCREENSHOTS", tmp_path))
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / "upload.png"), full_page=True)
        assert sorted(p.name for p in settings.corpus.iterdir() if p.suffix != ".txt") == ["ky-ket.docx"]
        page.get_by_role("tab", name="Hỏi đáp").click()
        page.get_by_text("Tùy chọn").click()
        page.get_by_text("Từ khóa", exact=True).click()
        page.fill("#dv-question textarea", QUESTION)
        page.click("#dv-send")
        page.wait_for_selector("#dv-sources .dv-source", timeout=WAIT)
        assert TITLE in page.locator("#dv-sources").inner_text()
        assert "Lê Thị Mơ" in page.locator("#dv-chat").inner_text()
        browser.close()
