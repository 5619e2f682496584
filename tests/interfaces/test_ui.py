"""The web chat: a Python client, a real browser (Debian Chromium via Playwright), and escaping."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from uiserver import ARGS, CHROMIUM, ask, content, running_server

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ("Bài <b>độc hại</b> <script>alert('t')</script>\n"
           "Ngày 9/9/2021, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết chương trình phối hợp giai đoạn 2021-2025 "
           "<script>window.__pwned = 1</script> <img src=x onerror=\"window.__pwned = 2\"> "
           "[bấm vào](javascript:window.__pwned=3) **đậm** `mã`.\n")


@pytest.fixture(scope="module")
def seed_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ui")
    with running_server(ROOT / "corpus", tmp / "store", tmp / "server.log") as url:
        yield url


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    (tmp / "corpus").mkdir()
    (tmp / "corpus" / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    with running_server(tmp / "corpus", tmp / "store", tmp / "server.log") as url:
        yield url


def test_python_client_gets_a_cited_answer(seed_server):
    from gradio_client import Client

    client = Client(seed_server, verbose=False)
    history, sources, passages, cleared = ask(client, "Ai tham dự lễ ký kết ngày 4-11 ở Hà Nội?")
    answer = content(history[-1])
    assert "Đoàn Duy Khương" in answer and "[1]" in answer
    assert 'class="dv-source"' in sources and "<mark>" in sources
    assert "Các đoạn đã truy xuất" in passages and cleared == ""
    history, sources, _, _ = ask(client, "   ")
    assert content(history[-1]) == "Vui lòng nhập câu hỏi." and sources == ""
    history, _, _, _ = ask(client, "x" * 5000)
    assert "quá dài: 5000 ký tự" in content(history[-1]) and "x" * 100 not in str(history)  # said, not echoed
    rows, where = client.predict("thua thien", 1, api_name="/events")
    assert len(rows["data"]) == 1 and rows["data"][0][1] == "Thừa Thiên Huế"
    assert where == "Trang 1/1 · 1 sự kiện"
    assert "Thừa Thiên Huế" in Path(client.predict("thua thien", api_name="/events_csv")).read_text(encoding="utf-8-sig")
    rows, where = client.predict("", 99, api_name="/events")  # past the end: the last page
    assert rows["data"] and where.startswith("Trang 1/1 ·")


def test_hostile_content_is_shown_as_text(hostile_server):
    from gradio_client import Client

    client = Client(hostile_server, verbose=False)
    history, sources, passages, _ = ask(client, "<img src=x onerror=alert(1)> ký kết ngày 9/9/2021 giai đoạn nào?")
    assert "<img" not in content(history[-2])  # the question, escaped
    assert "<script>" not in sources and "&lt;script&gt;" in sources
    assert "<img" not in sources and "<b>" not in sources and "href=\"javascript" not in sources
    assert "[bấm vào](javascript:window.__pwned=3)" in sources  # the Markdown link is shown as text
    assert "<script>" not in passages and "&lt;script&gt;" in passages


def _browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (make test installs it with apt-get where it can)")
    from playwright.sync_api import sync_playwright

    return sync_playwright()


def test_browser_chat_sources_and_events(seed_server, tmp_path):
    shots = Path(os.environ.get("DANVAN_QA_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    with _browser() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        for name, viewport in (("desktop", {"width": 1366, "height": 900}), ("mobile", {"width": 390, "height": 844})):
            page = browser.new_page(viewport=viewport)
            page.goto(seed_server)
            page.fill("#dv-question textarea", "ai dong chu tri buoi lam viec 11/6/2018")
            page.click("#dv-send")
            page.wait_for_selector("#dv-sources .dv-source", timeout=60_000)
            bot = page.locator("#dv-chat .message").last.inner_text()
            assert "Trương Thị Mai" in bot and "Tô Lâm" in bot and "[1]" in bot
            page.click("#dv-sources details summary")
            assert page.locator("#dv-sources details .dv-article mark").first.is_visible()
            page.screenshot(path=str(shots / f"{name}-chat.png"), full_page=True)
            page.get_by_role("tab", name="Sự kiện").click()
            page.wait_for_selector("#dv-events table", timeout=30_000)
            assert "Thừa Thiên Huế" in page.locator("#dv-events").inner_text()
            page.screenshot(path=str(shots / f"{name}-events.png"), full_page=True)
            page.close()
        browser.close()
    assert (shots / "mobile-events.png").stat().st_size > 10_000


def test_browser_never_runs_article_or_question_markup(hostile_server):
    with _browser() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(hostile_server)
        page.fill("#dv-question textarea", "<img src=x onerror=alert(1)> ký kết ngày 9/9/2021 giai đoạn nào?")
        page.click("#dv-send")
        page.wait_for_selector("#dv-sources .dv-source", timeout=60_000)
        page.click("#dv-sources details summary")
        assert "<script>window.__pwned = 1</script>" in page.locator("#dv-sources").inner_text()
        assert "<img src=x onerror=alert(1)>" in page.locator("#dv-chat").inner_text()
        page.get_by_role("tab", name="Sự kiện").click()
        page.wait_for_selector("#dv-events table", timeout=30_000)
        page.wait_for_timeout(500)
        assert page.evaluate("window.__pwned") is None and dialogs == []
        assert page.locator("#dv-sources img, #dv-chat img[src='x'], #dv-sources script").count() == 0
        assert page.locator("a[href^='javascript']").count() == 0
        browser.close()


def test_twenty_concurrent_clients(seed_server):
    from concurrent.futures import ThreadPoolExecutor

    from gradio_client import Client

    questions = ["Ai tham dự lễ ký kết ngày 4-11 ở Hà Nội?", "bao nhieu mo hinh dan van kheo",
                 "Chương trình số 38-Ctr/BDVTW-BCA là gì?", "Giám đốc Công an tỉnh Thừa Thiên Huế là ai?"]

    def user(n: int) -> list[str]:
        client = Client(seed_server, verbose=False)
        return [content(ask(client, questions[(n + i) % len(questions)])[0][-1]) for i in range(2)]

    with ThreadPoolExecutor(max_workers=20) as pool:
        replies = [r for batch in pool.map(user, range(20), timeout=240) for r in batch]
    assert len(replies) == 40
    assert all("[1]" in r for r in replies), [r for r in replies if "[1]" not in r][:3]


def test_time_budget_gives_a_message(real_store, real_settings):
    from danvan_qa.interfaces.ui import MSG_TIMEOUT, ChatBackend, Preparer

    preparer = Preparer(real_settings)
    preparer.ready.set()
    slow = ChatBackend(real_settings.replace(request_timeout_s=1e-6), preparer)
    history, sources, _, kept = slow.ask("Ai tham dự lễ ký kết ngày 4-11 ở Hà Nội?", [])
    assert history[-1]["content"] == MSG_TIMEOUT and sources == "" and kept
    normal = ChatBackend(real_settings, preparer)
    history, sources, _, _ = normal.ask("Ai tham dự lễ ký kết ngày 4-11 ở Hà Nội?", [])
    assert "[1]" in history[-1]["content"] and "dv-source" in sources


def test_the_chat_reads_a_follow_up_with_the_last_subject_and_clears_it(real_store, real_settings):
    """The page keeps the conversation's context per session: a follow-up is answered about the
    last subject and says how it was read; without the context (after "Xóa hội thoại") it is not."""
    from danvan_qa.interfaces.ui import ChatBackend, Preparer

    preparer = Preparer(real_settings)
    preparer.ready.set()
    chat = ChatBackend(real_settings, preparer)
    history, _, _, _, context = chat.converse("Ai tham dự lễ ký kết ngày 4-11 ở Hà Nội?", [])
    assert context is not None and context.person
    # ("đồng chí đó" says neither man nor woman: the last exchange's person, whoever it is)
    history, _, _, _, after = chat.converse("Đồng chí đó giữ chức vụ gì?", history, context=context)
    reply = history[-1]["content"]
    assert reply.startswith("_Hiểu là:") and context.person in reply and "[1]" in reply
    assert len(history) == 4 and after is not None
    history, _, _, _, none = chat.converse("Ông ấy giữ chức vụ gì?", [], context=None)
    assert "Hiểu là" not in history[-1]["content"] and none is None


def test_make_run_prints_the_ready_line_with_the_address(tmp_path):
    """`make run` (app.py) prints "Sẵn sàng: <address>" once the chat can answer, and the address serves it."""
    import subprocess
    import sys
    import urllib.request

    from invented import write_articles
    from uiserver import free_port

    write_articles(tmp_path / "corpus")
    port = free_port()
    env = {**os.environ, "DANVAN_QA_CORPUS": str(tmp_path / "corpus"), "DANVAN_QA_STORE": str(tmp_path / "store")}
    proc = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env, text=True)
    try:
        line = proc.stdout.readline()  # the first line it prints; pytest's timeout bounds the wait
        assert line == f"Sẵn sàng: http://127.0.0.1:{port}\n"
        with urllib.request.urlopen(line.split(": ", 1)[1].strip(), timeout=30) as page:
            assert page.status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=30)
