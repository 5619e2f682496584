"""The web chat served in-process on a store built with the fake embedder: security headers on
every response, a page that works under its CSP in Debian Chromium, no echo of an over-long
question, and the events CSV written only when asked for."""

from __future__ import annotations

import csv
import json
import re
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from danvan_qa.index.indexer import build_index
from danvan_qa.interfaces.headers import HEADERS
from danvan_qa.interfaces.ui import CACHE_S, ChatBackend, Preparer, build_app
from danvan_qa.interfaces.ui_render import CSV_COLUMNS
from danvan_qa.settings import Settings
from fakes import FakeEmbedder
from uiserver import ARGS, CHROMIUM, ready_preparer, serving

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> Settings:
    emb = FakeEmbedder()
    store = tmp_path_factory.mktemp("web") / "store"
    # The fake model's id with no encoder suffix, so the store opens without the real model;
    # questions are asked in BM25 mode, which needs no question vector.
    settings = Settings(corpus=ROOT / "corpus", store=store, model=emb.model_id, encoder="torch")
    build_index(settings=settings, embedder=emb)
    return settings


@pytest.fixture(scope="module")
def preparer(settings) -> Preparer:
    return ready_preparer(settings)


@pytest.fixture(scope="module")
def server(settings, preparer):
    with serving(settings, preparer) as (_, url):
        yield url.rstrip("/")


def fetch(url: str, data: bytes | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"} if data else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


def call(server: str, name: str, *args) -> tuple[dict[str, str], bytes]:
    """Gradio's REST API: post the call, then read its server-sent events."""
    _, _, body = fetch(f"{server}/gradio_api/call/{name}", json.dumps({"data": list(args)}).encode())
    status, headers, stream = fetch(f"{server}/gradio_api/call/{name}/{json.loads(body)['event_id']}")
    assert status == 200 and b"event: complete" in stream, stream[-500:]
    return headers, stream


def test_every_response_has_the_security_headers(server):
    status, _, page = fetch(server + "/")
    assert status == 200
    script = re.search(r'src="\./(assets/[^"]+\.js)"', page.decode()).group(1)
    answers = [fetch(f"{server}/{path}") for path in ("", script, "config", "gradio_api/info", "theme.css", "nope")]
    answers.append((0, call(server, "events", "", 1)[0], b""))
    assert [a[0] for a in answers[:-1]] == [200, 200, 200, 200, 200, 404]
    for _, headers, _ in answers:
        assert {name: headers.get(name) for name in HEADERS} == HEADERS
    assert "frame-ancestors 'none'" in HEADERS["content-security-policy"]


def test_an_over_long_question_is_refused_with_its_length_and_not_echoed(server, settings):
    limit = settings.max_question_chars
    _, stream = call(server, "ask", "x" * 1_000_000, [], 8, "bm25", [], [], "", "", False)
    assert len(stream) < 5_000, len(stream)  # was 5.1 MB: the question came back twice, escaped
    assert "1000000" in stream.decode() and str(limit) in stream.decode() and "xxxx" not in stream.decode()
    _, stream = call(server, "ask", "x" * limit, [], 8, "bm25", [], [], "", "", False)
    assert "quá dài" not in stream.decode()  # at the limit is not too long


def test_an_over_long_question_leaves_the_box_as_it_is(settings, preparer):
    history, sources, passages, box = ChatBackend(settings, preparer).ask("y" * 3000, [])
    assert history == [{"role": "assistant", "content": history[0]["content"]}]
    assert "3000" in history[0]["content"] and sources == passages == ""
    assert box == {"__type__": "update"}  # Gradio's "no change": the browser keeps what was typed


def test_events_csv_is_written_only_when_asked(settings, preparer):
    backend = ChatBackend(settings, preparer)
    before = set(Path(tempfile.gettempdir()).glob("*.csv"))
    for text in ("", "h", "hà", "hà nội"):
        rows, where = backend.events(text)
        assert where.startswith("Trang ")
    assert not list(backend.csv_dir.iterdir()) and set(Path(tempfile.gettempdir()).glob("*.csv")) == before
    path = Path(backend.events_csv("thua thien"))
    assert path.parent == backend.csv_dir
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all("Thừa Thiên Huế" in " ".join(r.values()) for r in rows)
    # as officials read it: Vietnamese headers, dd/mm/yyyy, the article's title, no store ids or offsets
    assert list(rows[0]) == [header for header, _ in CSV_COLUMNS] and "doc_id" not in rows[0]
    assert all(re.fullmatch(r"(\d\d/){0,2}\d{4}|", r["Ngày"]) for r in rows)
    assert any(r["Ngày"].count("/") == 2 for r in rows)
    assert all(r["Bài viết"] and not re.search(r"\b\d{3}_[0-9a-f]{16}\b", " ".join(r.values())) for r in rows)
    assert build_app(settings, preparer).delete_cache == (CACHE_S, CACHE_S)


def test_the_page_works_under_its_csp_in_chromium(server):
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (make test installs it with apt-get where it can)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page()
        blocked: list[str] = []
        page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
        page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                             "(window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI))")
        page.goto(server)
        page.get_by_text("Tùy chọn").click()
        page.get_by_text("Từ khóa", exact=True).click()
        page.get_by_text("Hiện các đoạn đã truy xuất").click()
        page.fill("#dv-question textarea", "Ai tham dự lễ ký kết ngày 4-11 ở Hà Nội?")
        page.click("#dv-send")
        page.wait_for_selector("#dv-passages .dv-passage", timeout=60_000)  # Gradio's HTML component rendered
        assert page.locator(".dv-status").inner_text() == "Sẵn sàng."
        page.get_by_role("tab", name="Sự kiện").click()
        page.wait_for_selector("#dv-events table", timeout=30_000)
        page.click("#dv-events-csv")
        page.wait_for_selector("#dv-events-download a", timeout=30_000)
        violations = page.evaluate("window.__csp || []")
        browser.close()
    assert violations == [] and blocked == []
