"""The chat's pages and its polish for officials, served in-process on the invented archive
(fake embedder) and driven in Debian Chromium: the person page (from a name in the events table
and from the Hồ sơ search), the programme page, the timeline, and a chat without ids, offsets,
ISO dates or English. Screenshots go to $DANVAN_QA_SCREENSHOTS when it is set."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import pytest

from danvan_qa.errors import QueryError
from danvan_qa.interfaces.ui import READY, ChatBackend, Preparer, announce
from invented import ARTICLES, SIGNED_URL
from uiserver import ARGS, CHROMIUM, ready_preparer, serving

ENGLISH = ("Use via API", "Built with Gradio", "Settings", "hybrid", "BM25", "dense", "YYYY", "Drop File", "queue")
# words of Gradio's own tooltips and screen-reader labels ("Copy message", "Open cell menu", "bot's message")
ENGLISH_LABEL = re.compile(r"\b(copy|copied|clear|message|conversation|chatbot|open|menu|empty|value|upload|file|"
                           r"download|remove|share|more|tabs|dataframe|bot's|user's)\b", re.IGNORECASE)
HISTORY = "Đồng chí Trần Văn Bình đã dự những hội nghị nào, với cương vị gì?"  # cited from the fact table
RETRIEVED = "Chương trình phối hợp số 07-CTr/BDV-CA được ký ngày nào?"  # passages retrieved for it
WAIT = 60_000  # the longest a page may take to show what a step asked for (ms)


@pytest.fixture(scope="module")
def preparer(invented_settings) -> Preparer:
    return ready_preparer(invented_settings)


@pytest.fixture(scope="module")
def served(invented_settings, preparer):
    with serving(invented_settings, preparer) as app:
        yield app


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (make test installs it with apt-get where it can)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("DANVAN_QA_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def events_tab(page) -> None:
    page.get_by_role("tab", name="Sự kiện").click()
    page.wait_for_selector("#dv-events table", timeout=WAIT)
    page.wait_for_selector("#dv-events-info:has-text('sự kiện')", timeout=WAIT)  # the page's first refresh is in


def follow(context, link):
    """Click a link in the events table (it opens its page in a new tab) and return that tab.
    Clicked at its first characters: a link wrapped over lines has no text at its centre."""
    with context.expect_page(timeout=WAIT) as opened:
        link.click(position={"x": 4, "y": 4})
    return opened.value


def test_the_backend_shows_and_reads_dates_as_dd_mm_yyyy_and_no_ids(invented_settings, preparer):
    backend = ChatBackend(invented_settings, preparer)
    rows, where = backend.events("")
    assert where == "Trang 1/1 · 5 sự kiện"
    assert [r[0] for r in rows] == ["05/03/2026", "19/12/2023", "09/08/2022", "02/04/2022", "10/06/2021"]
    assert not any(doc_id in str(rows) for doc_id in ARTICLES)
    assert [r[0] for r in backend.events("10/06/2021")[0]] == ["10/06/2021"]  # searched as written
    assert [r[0] for r in backend.events("12/2023")[0]] == ["19/12/2023"]
    store = backend.store()
    both = [backend.filters(store, None, None, day, "31/12/2022") for day in ("2/4/2022", "2022-04-02")]
    assert both[0] == both[1] and both[0].date_from == "2022-04-02" and both[0].date_to == "2022-12-31"
    with pytest.raises(QueryError, match="dd/mm/yyyy"):
        backend.filters(store, None, None, "2022/04/02", "")
    history, sources, _, _ = backend.ask(HISTORY, [], mode="bm25")
    assert "[1]" in history[-1]["content"] and "11/06/2021" in sources and "Xem bài gốc" in sources
    _, _, passages, _ = backend.ask(RETRIEVED, [], mode="bm25", date_from="01/06/2021", date_to="30/06/2021",
                                    show_passages=True)
    assert passages.count('class="dv-passage"') == 1 and "11/06/2021" in passages  # only June 2021's article
    for html in (sources, passages):
        assert not any(doc_id in html for doc_id in ARTICLES) and "ký tự" not in html and "2021-06-11" not in html


def test_the_ready_line_names_the_address_once_the_chat_can_answer(served, preparer, invented_settings, caplog,
                                                                  capsys):
    demo, url = served
    with caplog.at_level(logging.INFO, logger=READY.name):
        announce(demo, preparer)
    assert [r.getMessage() for r in caplog.records if r.name == READY.name] == [f"Sẵn sàng: {url.rstrip('/')}"]
    failed = Preparer(invented_settings)
    failed.error = "Không chuẩn bị được chỉ mục: thư mục trống"
    failed.done.set()
    caplog.clear()
    with caplog.at_level(logging.INFO, logger=READY.name):
        announce(demo, failed)
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [("ERROR", failed.error)]
    from danvan_qa.interfaces.cli import show_ready_line  # what `make run` and `serve` set up

    handlers, level, propagate = list(READY.handlers), READY.level, READY.propagate
    try:
        show_ready_line()
        READY.info("Sẵn sàng: %s", url.rstrip("/"))
        assert capsys.readouterr().out == f"Sẵn sàng: {url.rstrip('/')}\n"
    finally:
        READY.handlers[:], READY.level, READY.propagate = handlers, level, propagate


def test_person_page_from_a_name_in_the_events_table_and_from_the_search(served, browser, shots):
    _, url = served
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(url)
    events_tab(page)
    person = follow(context, page.locator("#dv-events a:visible", has_text="Trần Văn Bình").first)
    person.wait_for_selector("#dv-person-page .dv-person", timeout=WAIT)
    assert "ho-so=" in person.url and person.get_by_role("tab", name="Hồ sơ", selected=True).count() == 1
    rows = person.locator("#dv-person-page tbody tr")
    assert rows.count() == 3
    assert [rows.nth(i).locator("td").first.inner_text() for i in range(3)] == ["19/12/2023", "09/08/2022",
                                                                                "10/06/2021"]
    assert "Phó Bí thư Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy Bắc Hà (phát biểu)" in rows.nth(0).inner_text()
    signed = rows.nth(2)
    assert "chủ trì hội nghị" in signed.inner_text() and "Ký kết chương trình phối hợp ở tỉnh Bắc Hà" in signed.inner_text()
    assert signed.locator("a").get_attribute("href") == SIGNED_URL
    person.screenshot(path=str(shots / "person-page.png"), full_page=True)

    page.get_by_role("tab", name="Hồ sơ").click()
    page.fill("#dv-person-search textarea", "pham quoc dung")  # without diacritics
    page.wait_for_selector("#dv-person-page h3:text-is('Phạm Quốc Dũng')", timeout=WAIT)
    text = page.locator("#dv-person-page").inner_text()
    assert "2 sự kiện" in text and "Hội nghị <b>dân vận</b> ở tỉnh Đông Lâm" in text  # the title's markup as text
    assert page.locator("#dv-person-page b, #dv-person-page script, a[href^='javascript']").count() == 0
    assert page.evaluate("window.__pwned") is None
    context.close()


def test_programme_page_with_its_facts_and_reviews(served, browser, shots):
    _, url = served
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(url)
    page.get_by_role("tab", name="Chương trình").click()
    page.wait_for_selector("#dv-programme-page .dv-programme", timeout=WAIT)
    facts = page.locator("#dv-programme-page .dv-programme > table").first.inner_text()
    for line in ("Số hiệu\t07-CTr/BDV-CA", "Các bên\tBan Dân vận Tỉnh ủy Bắc Hà – Công an tỉnh Bắc Hà",
                 "Giai đoạn\t2021-2026", "Ngày ký\t10/06/2021"):
        assert line in facts
    reviews = page.locator("#dv-programme-page table").nth(1).locator("tbody tr")
    assert [reviews.nth(i).locator("td").nth(1).inner_text() for i in range(reviews.count())] == ["Sơ kết", "Tổng kết"]
    assert "19/12/2023" in reviews.nth(0).inner_text() and "05/03/2026" in reviews.nth(1).inner_text()
    assert reviews.nth(1).locator("a").get_attribute("href") == "https://bao.example.vn/tong-ket"
    page.screenshot(path=str(shots / "programme-page.png"), full_page=True)

    events_tab(page)
    opened = follow(context, page.locator("#dv-events a:visible", has_text="07-CTr/BDV-CA").first)
    opened.wait_for_selector("#dv-programme-page .dv-programme", timeout=WAIT)
    assert "chuong-trinh=" in opened.url and "Sơ kết" in opened.locator("#dv-programme-page").inner_text()
    context.close()


def test_timeline_by_province_or_partner_follows_the_events_search(served, browser, shots):
    _, url = served
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(url)
    events_tab(page)
    chart = page.locator("#dv-timeline")
    chart.locator("svg").first.wait_for(timeout=WAIT)
    page.wait_for_function("t => document.querySelector('#dv-timeline').innerText.includes(t)", arg="Đông Lâm",
                           timeout=WAIT)
    shown = chart.inner_text()
    assert all(year in shown for year in ("2021", "2022", "2023", "2026")) and "Bắc Hà" in shown
    page.screenshot(path=str(shots / "events-timeline.png"), full_page=True)
    page.get_by_text("Theo cơ quan phối hợp").click()
    page.wait_for_function("t => document.querySelector('#dv-timeline').innerText.includes(t)",
                           arg="Công an tỉnh Đông Lâm", timeout=WAIT)
    page.fill("#dv-events-search textarea", "dong lam")
    page.wait_for_function("() => !document.querySelector('#dv-timeline').innerText.includes('Bắc Hà')", timeout=WAIT)
    shown = chart.inner_text()
    assert "Ban Dân vận Tỉnh ủy Đông Lâm" in shown and "2022" in shown and "2021" not in shown
    page.close()


def test_the_chat_shows_no_plumbing_and_no_english(served, browser, shots):
    _, url = served
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(url)
    page.wait_for_selector(".dv-status:text-is('Sẵn sàng.')", timeout=WAIT)
    assert page.locator("footer a, a[href*='view=api']").count() == 0
    page.get_by_text("Tùy chọn").click()
    page.get_by_label("Từ ngày (dd/mm/yyyy)").wait_for(state="visible", timeout=WAIT)  # the accordion opens
    assert page.get_by_label("Từ ngày (dd/mm/yyyy)").count() == 1
    page.get_by_text("Từ khóa", exact=True).click()
    page.get_by_text("Hiện các đoạn đã truy xuất").click()
    page.fill("#dv-question textarea", RETRIEVED)
    page.click("#dv-send")
    page.wait_for_selector("#dv-passages .dv-passage", timeout=WAIT)
    passages = page.locator("#dv-passages").inner_text()
    page.fill("#dv-question textarea", HISTORY)
    page.click("#dv-send")
    page.wait_for_selector("#dv-sources .dv-source", timeout=WAIT)
    sources = page.locator("#dv-sources").inner_text()
    assert "11/06/2021" in sources and "Xem bài gốc" in sources
    assert page.locator("#dv-sources a", has_text="Xem bài gốc").first.get_attribute("href") == SIGNED_URL
    panels = sources + passages
    assert not any(doc_id in panels for doc_id in ARTICLES) and "ký tự" not in panels
    assert not re.search(r"\d{4}-\d\d-\d\d", panels)
    page.screenshot(path=str(shots / "chat-sources.png"), full_page=True)
    visible = page.locator("body").inner_text()
    page.locator("#dv-chat .message").last.hover()  # the copy buttons show
    labels = _labels(page)
    page.locator("#dv-chat button[title='Xóa hội thoại']").click()  # the chat's own bin forgets the sources too
    page.wait_for_function("() => !document.querySelector('#dv-sources .dv-source')", timeout=WAIT)
    events_tab(page)
    visible += page.locator("body").inner_text()
    assert [w for w in ENGLISH if w in visible] == []
    labels |= _labels(page)
    assert "Sao chép" in labels and [label for label in labels if ENGLISH_LABEL.search(label)] == []
    table = page.locator("#dv-events")
    assert "10/06/2021" in table.inner_text() and not any(doc_id in table.inner_text() for doc_id in ARTICLES)
    cells = [page.locator("#dv-events :is(span, a):visible", has_text=text).first for text in ("10/06/2021", "Bắc Hà")]
    fonts = [cell.evaluate("e => getComputedStyle(e).fontFamily") for cell in cells]
    assert not any("mono" in font.lower() for font in fonts), fonts
    page.screenshot(path=str(shots / "events-table.png"), full_page=True)
    page.close()


def _labels(page) -> set[str]:
    """Every tooltip and screen-reader label on the page."""
    return set(page.eval_on_selector_all("[title], [aria-label]", "els => els.flatMap(e => "
                                         "[e.getAttribute('title'), e.getAttribute('aria-label')]).filter(Boolean)"))
