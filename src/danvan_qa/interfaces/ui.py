"""The Gradio web chat: cited answers, highlighted sources, settings, the events table and timeline,
and the pages of a person (hồ sơ) and a programme (ui_pages.py).

The page is served at once; the model folder and index are prepared in a
background thread while a status line tells the user what is happening.
Errors are logged and shown as a friendly message, never as a traceback.
"""

from __future__ import annotations

import atexit
import logging
import re
import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import TYPE_CHECKING, Any

from danvan_qa.errors import DanvanError, QueryError, StoreError
from danvan_qa.index.backends.base import Filters
from danvan_qa.interfaces.ui_render import (CSS, JS, esc, passages_html, people_cell, remove_older, source_cell,
                                            sources_html, user_text, vn_date, write_events_csv)
from danvan_qa.settings import Settings

if TYPE_CHECKING:
    from danvan_qa.interfaces.uploads import Uploader
    from danvan_qa.qa.followups import Context

log = logging.getLogger(__name__)
READY = logging.getLogger(__name__ + ".ready")  # the ready line: app.py shows it on the terminal

EXAMPLES = [  # questions of every kind that fit any archive of such articles
    "Ai chủ trì hội nghị ký kết chương trình phối hợp?",
    "Chương trình phối hợp được ký ngày nào, cho giai đoạn nào?",
    "Có bao nhiêu mô hình dân vận khéo?",
    "ai phat bieu chi dao tai hoi nghi",
    "Những chương trình phối hợp nào được nhắc đến trong các bài viết?",
]
MSG_EMPTY = "Vui lòng nhập câu hỏi."
MSG_NOT_READY = "Hệ thống đang chuẩn bị mô hình và chỉ mục, vui lòng thử lại sau ít phút."
MSG_ERROR = "Đã có lỗi khi trả lời câu hỏi này. Vui lòng thử lại hoặc đặt câu hỏi khác."
MSG_TIMEOUT = "Câu hỏi này mất quá nhiều thời gian để trả lời. Vui lòng thử lại hoặc hỏi ngắn gọn hơn."
MODES = [("Kết hợp", "hybrid"), ("Từ khóa", "bm25"), ("Ngữ nghĩa", "dense")]
CACHE_S = 3600  # how long a CSV the page asked for, or Gradio's copy of it, is kept


class Preparer:
    """Builds the model folder and index once, in the background, and reports its state."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.state = "Đang chuẩn bị mô hình nhúng và chỉ mục (lần đầu có thể mất vài phút)…"
        self.ready = threading.Event()
        self.done = threading.Event()  # ready, or failed with `error`
        self.error: str | None = None

    def run(self) -> None:
        from danvan_qa.cpu import describe_encoder
        from danvan_qa.embed.embedding import get_embedder
        from danvan_qa.index.indexer import build_index
        from danvan_qa.qa.retrieval import open_store

        try:
            get_embedder(self.settings)
            self.state = "Đang cập nhật chỉ mục từ kho bài viết…"
            report = build_index(settings=self.settings)
            for skipped in report.skipped:  # the one report of each skip: serve has no terminal summary
                log.warning("skipped %s: %s", skipped.path, skipped.reason)
            store = open_store(settings=self.settings)
            self.state = f"Sẵn sàng: {len(report.added) + len(report.updated) + len(report.unchanged)} bài viết, " \
                         f"{report.chunks} đoạn (bộ mã hóa {describe_encoder(self.settings.encoder)})."
            self.ready.set()
            _warm(store)
        except DanvanError as exc:
            log.error("preparation failed: %s", exc)
            self.error = self.state = f"Không chuẩn bị được chỉ mục: {exc}"
        except Exception:  # noqa: BLE001 - logged; the page shows a plain message
            log.exception("preparation failed")
            self.error = self.state = "Không chuẩn bị được chỉ mục; xem nhật ký máy chủ."
        finally:
            self.done.set()

    def start(self) -> None:
        threading.Thread(target=self.run, name="danvan-prepare", daemon=True).start()


class ChatBackend:
    """The functions the page calls; kept free of Gradio so they are easy to test."""

    def __init__(self, settings: Settings, preparer: Preparer, workers: int = 8) -> None:
        self.settings = settings
        self.preparer = preparer
        # Answers run here so a request over its time budget can be answered with a message;
        # the pool bounds how many overdue computations can pile up.
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="danvan-answer")
        self.csv_dir = Path(tempfile.mkdtemp(prefix="danvan-events-"))
        atexit.register(shutil.rmtree, self.csv_dir, ignore_errors=True)

    def store(self):
        from danvan_qa.qa.retrieval import open_store

        return open_store(settings=self.settings)

    def ask(self, question: str, history: list[dict[str, Any]] | None, k: int = 8, mode: str = "hybrid",
            doc_titles: list[str] | None = None, sources: list[str] | None = None, date_from: str = "",
            date_to: str = "", show_passages: bool = False) -> tuple[list[dict[str, Any]], str, str, str]:
        """Answer one question on its own; returns (chat history, sources HTML, passages HTML, cleared input)."""
        return self.converse(question, history, k, mode, doc_titles, sources, date_from, date_to, show_passages)[:4]

    def converse(self, question: str, history: list[dict[str, Any]] | None, k: int = 8, mode: str = "hybrid",
                 doc_titles: list[str] | None = None, sources: list[str] | None = None, date_from: str = "",
                 date_to: str = "", show_passages: bool = False, context: Context | None = None,
                 ) -> tuple[list[dict[str, Any]], str, str, str, Context | None]:
        """Answer one question of the page's conversation, read as a follow-up of the last one when
        it leans on it ("Ông ấy giữ chức vụ gì?"); returns what `ask` does and the context after it."""
        from danvan_qa.qa.answering import Answerer
        from danvan_qa.qa.conversation import ask_in_context

        history = list(history or [])
        question = question or ""
        if not question.strip():
            return history + [_assistant(MSG_EMPTY)], "", "", "", context
        if len(question) > self.settings.max_question_chars:  # said, not echoed: the box keeps it
            return history + [_assistant(_too_long(len(question), self.settings))], "", "", _unchanged(), context
        history.append({"role": "user", "content": user_text(question)})
        if not self.preparer.ready.is_set():
            return history + [_assistant(self.preparer.error or MSG_NOT_READY)], "", "", "", context
        try:
            store = self.store()
            filters = self.filters(store, doc_titles, sources, date_from, date_to)
            settings = self.settings.replace(answer_passages=int(k))
            answerer = Answerer(store, settings)
            job = self.pool.submit(ask_in_context, answerer, question, context, k=int(k), mode=mode, filters=filters)
            result, after = job.result(timeout=self.settings.request_timeout_s)
        except FutureTimeout:
            log.warning("question over its %.1f s budget: %r", self.settings.request_timeout_s, question[:200])
            return history + [_assistant(MSG_TIMEOUT)], "", "", question, context
        except QueryError as exc:
            return history + [_assistant(_query_message(exc))], "", "", question, context
        except StoreError as exc:
            log.error("store problem while answering: %s", exc)
            return history + [_assistant(MSG_NOT_READY)], "", "", question, context
        except Exception:  # noqa: BLE001 - logged with its traceback; the user sees a plain message
            log.exception("answer failed for %r", question[:200])
            return history + [_assistant(MSG_ERROR)], "", "", question, context
        history.append(_assistant(result.text))
        passages = passages_html(result.passages, store) if show_passages else ""
        return history, sources_html(store, result), passages, "", after

    def filters(self, store, doc_titles: list[str] | None, sources: list[str] | None, date_from: str,
                date_to: str) -> Filters | None:
        by_title = {d.title: d.doc_id for d in store.data.documents.values()}
        chosen = frozenset(by_title[t] for t in doc_titles or [] if t in by_title) or None
        wanted = frozenset(sources or []) or None
        start, end = _iso_day(date_from), _iso_day(date_to)
        if not (chosen or wanted or start or end):
            return None
        return Filters(doc_ids=chosen, sources=wanted, date_from=start, date_to=end)

    def events(self, search: str = "", page: float = 1) -> tuple[list[list[str]], str]:
        """One page of the events table matching `search` (any column, diacritics optional) and
        where the page stands; searched and paged here, so an archive's tens of thousands of
        events never reach the browser at once."""
        from danvan_qa.qa.events import search_events

        if not self.preparer.ready.is_set():
            return [], ""
        from danvan_qa.interfaces.pages import programmes_cell

        store = self.store()
        found = search_events(store, _iso_search(search), int(page or 1))
        table = [[vn_date(r["date"]), r["place"], r["summary"], people_cell(r["participants"], store.people_by_name),
                  programmes_cell(store, r["doc_id"]), source_cell(r)] for r in found.rows]
        return table, f"Trang {found.page}/{found.pages} · {len(found.matches)} sự kiện"

    def events_csv(self, search: str = "") -> str | None:
        """A CSV of every event matching `search`, written only when the page asks for it; files
        older than CACHE_S are removed as each new one is written."""
        from danvan_qa.qa.events import search_events

        if not self.preparer.ready.is_set():
            return None
        remove_older(self.csv_dir, CACHE_S)
        return write_events_csv(self.csv_dir, search_events(self.store(), _iso_search(search), 1).matches)

    def status(self) -> str:
        return f'<div class="dv-status">{esc(self.preparer.state)}</div>'


def _warm(store) -> None:
    """The archive-wide tables (every article's facts, the roles, the events table) built now, so
    the first list or events search does not wait for them; a damaged file is told when asked."""
    from danvan_qa.qa.roles import warm
    from danvan_qa.qa.events import search_events

    try:
        warm(store)
        search_events(store, "", 1)
    except DanvanError as exc:
        log.warning("could not read the archive's facts ahead of time: %s", exc)


def _assistant(text: str) -> dict[str, Any]:
    return {"role": "assistant", "content": text}


def _iso_day(value: str | None) -> str | None:
    """A filter box's day, typed dd/mm/yyyy (as officials write it) or yyyy-mm-dd, as ISO."""
    from danvan_qa.ingest.dates import parse_iso

    text = (value or "").strip()
    if not text:
        return None
    day = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    iso = f"{day.group(3)}-{int(day.group(2)):02d}-{int(day.group(1)):02d}" if day else text
    if parse_iso(iso) is None:
        raise QueryError(f"ngày lọc {text!r} phải có dạng dd/mm/yyyy, ví dụ 14/02/2022")
    return iso


def _iso_search(search: str) -> str:
    """The events search with its dd/mm/yyyy or mm/yyyy dates as the table holds them (yyyy-mm-dd)."""
    search = re.sub(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)",
                    lambda m: f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}", search)
    return re.sub(r"(?<![\d/])(\d{1,2})/(\d{4})(?!\d)", lambda m: f"{m.group(2)}-{int(m.group(1)):02d}", search)


def _too_long(length: int, settings: Settings) -> str:
    return f"Câu hỏi quá dài: {length} ký tự (tối đa {settings.max_question_chars} ký tự). Vui lòng rút gọn."


def _unchanged() -> Any:
    """The output that leaves a component as the browser has it (nothing sent back)."""
    import gradio as gr

    return gr.skip()


def _query_message(exc: QueryError) -> str:
    text = str(exc)
    if "empty" in text or "no words" in text:
        return MSG_EMPTY
    return f"Câu hỏi không hợp lệ: {esc(text)}"


def build_app(settings: Settings, preparer: Preparer, uploader: Uploader | None = None):
    """The chat's page; the "Thêm tài liệu" tab only when `settings.allow_uploads` (the chat has no login)."""
    import gradio as gr

    from danvan_qa.interfaces import ui_pages, ui_uploads
    from danvan_qa.interfaces.uploads import Uploader

    backend = ChatBackend(settings, preparer)
    uploader = uploader or Uploader(settings, preparer)
    pages = ui_pages.Pages(backend)
    with gr.Blocks(title="Hỏi đáp công tác dân vận", delete_cache=(CACHE_S, CACHE_S)) as demo:
        gr.Markdown("## Hỏi đáp công tác dân vận\nCâu trả lời trích nguyên văn từ các bài viết, kèm nguồn [1], [2]…")
        status = gr.HTML(backend.status())
        with gr.Tabs(elem_id="dv-tabs") as tabs:
            with gr.Tab("Hỏi đáp", id="hoi-dap"):
                with gr.Row():
                    with gr.Column(scale=3):
                        chat = gr.Chatbot(label="Hội thoại", height=460, sanitize_html=True, allow_tags=False,
                                          feedback_options=None, elem_id="dv-chat")
                        question = gr.Textbox(label="Câu hỏi", placeholder="Ví dụ: Ai tham dự lễ ký kết ngày 4-11?",
                                              max_lines=4, elem_id="dv-question")
                        with gr.Row():
                            send = gr.Button("Gửi", variant="primary", elem_id="dv-send")
                            clear = gr.Button("Xóa hội thoại")
                        gr.Examples(EXAMPLES, inputs=question, label="Câu hỏi mẫu")
                    with gr.Column(scale=1):
                        with gr.Accordion("Tùy chọn", open=False):
                            k = gr.Slider(3, 15, value=settings.answer_passages, step=1, label="Số đoạn văn đọc")
                            mode = gr.Radio(MODES, value="hybrid", label="Cách tìm")
                            docs = gr.Dropdown([], multiselect=True, label="Chỉ tìm trong các bài")
                            srcs = gr.Dropdown([], multiselect=True, label="Nguồn")
                            date_from = gr.Textbox(label="Từ ngày (dd/mm/yyyy)", elem_id="dv-date-from")
                            date_to = gr.Textbox(label="Đến ngày (dd/mm/yyyy)", elem_id="dv-date-to")
                            show = gr.Checkbox(label="Hiện các đoạn đã truy xuất")
                sources = gr.HTML(elem_id="dv-sources")
                passages = gr.HTML(elem_id="dv-passages")
            with gr.Tab("Sự kiện", id="su-kien", elem_id="dv-events-tab"):
                with gr.Row():
                    search = gr.Textbox(label="Tìm trong bảng (ngày, nơi, tên, chương trình…)", scale=4,
                                        elem_id="dv-events-search")
                    page = gr.Number(value=1, minimum=1, precision=0, label="Trang", scale=1, elem_id="dv-events-page")
                info = gr.Markdown(elem_id="dv-events-info")
                table = gr.Dataframe(headers=["Ngày", "Nơi", "Sự kiện", "Người tham gia (vai trò)", "Chương trình",
                                              "Nguồn"], datatype=["str", "str", "str", "markdown", "markdown",
                                                                  "markdown"],
                                     column_widths=["100px", "120px", "200px", "380px", "200px", "200px"], wrap=True,
                                     interactive=False, buttons=[], elem_id="dv-events")
                with gr.Row():
                    export = gr.Button("Tạo tệp CSV các sự kiện đang tìm", elem_id="dv-events-csv", scale=1)
                    download = gr.File(label="Tải CSV", elem_id="dv-events-download", scale=3, interactive=False,
                                       height=90)
                by, chart = ui_pages.timeline_block(pages, search)
            person = ui_pages.person_tab(pages)
            programme = ui_pages.programme_tab(pages)
            upload = ui_uploads.upload_tab() if uploader.allowed else None
        context = gr.State(None)  # what a follow-up may refer to, per browser session
        inputs = [question, chat, k, mode, docs, srcs, date_from, date_to, show, context]
        outputs = [chat, sources, passages, question, context]
        send.click(backend.converse, inputs, outputs, api_name="ask")
        question.submit(backend.converse, inputs, outputs, api_visibility="private")
        for emptied in (clear.click, chat.clear):  # "Xóa hội thoại" and the chat's own bin forget the context too
            emptied(lambda: ([], "", "", "", None), None, outputs, api_visibility="private")
        search.change(lambda text: (*backend.events(text, 1), 1, None), search, [table, info, page, download],
                      api_visibility="private")
        page.change(backend.events, [search, page], [table, info], api_name="events")
        export.click(backend.events_csv, search, download, api_name="events_csv")

        def refresh():
            titles, names = [], []
            if preparer.ready.is_set():
                store = backend.store()
                titles = sorted(d.title for d in store.data.documents.values())
                names = sorted({d.source for d in store.data.documents.values() if d.source})
            rows, where = backend.events("")
            return backend.status(), gr.update(choices=titles), gr.update(choices=names), rows, where

        timer = gr.Timer(2.0, active=not preparer.done.is_set())  # ticks only while preparing
        quiet = {"api_visibility": "private", "show_progress": "hidden"}  # no progress bar on a status refresh
        timer.tick(refresh, None, [status, docs, srcs, table, info], **quiet)
        timer.tick(pages.chart, [by, search], chart, **quiet)
        timer.tick(lambda: gr.Timer(active=(not preparer.ready.is_set() and preparer.error is None) or uploader.busy),
                   None, timer, **quiet)  # and while uploads are being indexed
        if upload is not None:
            ui_uploads.wire(upload, uploader, status, backend.status, timer)
        demo.load(refresh, None, [status, docs, srcs, table, info], **quiet)
        demo.load(pages.chart, [by, search], chart, **quiet)
        ui_pages.open_from_address(demo, pages, tabs, person, programme)
    return demo


def serve(settings: Settings | None = None, host: str = "127.0.0.1", port: int = 7860,
          concurrency: int = 4, block: bool = True):
    """Start preparation and the web server, and log the ready line once both are up; returns the Blocks app."""
    settings = settings or Settings.from_env()
    preparer = Preparer(settings)
    preparer.start()
    from danvan_qa.interfaces.uploads import byte_limit

    demo = launch(build_app(settings, preparer), host, port, concurrency, block=False,
                  max_file_size=byte_limit(".pdf", settings))
    announce(demo, preparer)
    if block:
        demo.block_thread()
    return demo


def announce(demo, preparer: Preparer) -> None:
    """Wait for the index and log the chat's address ("Sẵn sàng: http://127.0.0.1:7860"), the line a
    user waits for in the terminal (app.py shows this logger's lines), or why it cannot answer."""
    preparer.done.wait()
    if preparer.error:
        READY.error("%s", preparer.error)
    else:
        READY.info("Sẵn sàng: %s", demo.local_url.rstrip("/"))


def launch(demo, host: str = "127.0.0.1", port: int = 7860, concurrency: int = 4, block: bool = True,
           max_file_size: int | None = None):
    """Serve `demo` with a bounded queue, the chat's CSS and the security headers on every response;
    Gradio refuses a file sent to it over `max_file_size` bytes before it is written out."""
    from starlette.middleware import Middleware

    from danvan_qa.interfaces.headers import SecurityHeaders

    demo.queue(default_concurrency_limit=concurrency, max_size=128)
    demo.launch(server_name=host, server_port=port, show_error=False, quiet=True, css=CSS, js=JS,
                prevent_thread_lock=not block, footer_links=[], max_file_size=max_file_size,
                app_kwargs={"middleware": [Middleware(SecurityHeaders)]})
    return demo
