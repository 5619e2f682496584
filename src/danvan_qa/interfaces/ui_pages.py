"""The chat's pages in Gradio: the "Hồ sơ" and "Chương trình" tabs, the events timeline, and the
addresses that open a page ("?ho-so=<name>", "?chuong-trinh=<key>"), which the events table's
names and programmes link to.

What the pages show comes from pages.py and timeline.py (Gradio-free, tested on their own);
this module places and wires it. Imported by ui.build_app only, so Gradio loads with the page.
"""

from typing import Any, NamedTuple

import gradio as gr

from danvan_qa.interfaces.pages import find_people, find_programmes, person_html, programme_html, programmes
from danvan_qa.interfaces.timeline import BY_PARTNER, BY_PLACE, chart_html, timeline
from danvan_qa.interfaces.ui_render import PERSON_PARAM, PROGRAMME_PARAM, esc

TAB_PERSON, TAB_PROGRAMME = "ho-so", "chuong-trinh"
TIMELINE_BY = [("Theo tỉnh, thành", BY_PLACE), ("Theo cơ quan phối hợp", BY_PARTNER)]
NOT_READY = "<p>Hệ thống đang chuẩn bị chỉ mục, vui lòng thử lại sau ít phút.</p>"


class PageTab(NamedTuple):
    search: Any  # gr.Textbox
    choice: Any  # gr.Dropdown
    page: Any  # gr.HTML


class Pages:
    """The functions the pages call; the store comes from the chat's backend once it is ready."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend  # ui.ChatBackend

    def _store(self):
        return self.backend.store() if self.backend.preparer.ready.is_set() else None

    def people(self, query: str) -> tuple[Any, str]:
        """The names matching the search, the first one's page shown."""
        store = self._store()
        if store is None:
            return gr.update(choices=[], value=None), NOT_READY
        names = find_people(store, query or "")
        page = person_html(store, names[0]) if names else _none(query, "người nào")
        return gr.update(choices=names, value=names[0] if names else None), page

    def person(self, name: str | None) -> str:
        store = self._store()
        return NOT_READY if store is None else person_html(store, name) if name else ""

    def programmes(self, query: str) -> tuple[Any, str]:
        """The programmes matching the search (all of them for an empty one), the first one's page shown."""
        store = self._store()
        if store is None:
            return gr.update(choices=[], value=None), NOT_READY
        found = find_programmes(store, query or "")
        page = programme_html(store, found[0].key) if found else _none(query, "chương trình nào")
        return gr.update(choices=[(r.label, r.key) for r in found], value=found[0].key if found else None), page

    def programme(self, key: str | None) -> str:
        store = self._store()
        return NOT_READY if store is None else programme_html(store, key) if key else ""

    def chart(self, by: str, search: str = "") -> str:
        """Events per year of the events tab's rows, as a bar chart."""
        store = self._store()
        return chart_html(timeline(store, by or BY_PLACE, search or "")) if store is not None else ""

    def opened(self, request: gr.Request) -> tuple[Any, ...]:
        """The page an address asks for ("?ho-so=<name>", "?chuong-trinh=<key>"), opened in its tab."""
        params = request.query_params if request is not None else {}
        name, key = params.get(PERSON_PARAM), params.get(PROGRAMME_PARAM)
        if name:
            choices, page = self.people(name)
            return gr.Tabs(selected=TAB_PERSON), name, choices, page, gr.skip(), gr.skip(), gr.skip()
        if key:
            store = self._store()
            record = programmes(store).by_key.get(key) if store is not None else None
            choice = gr.update(choices=[(record.label, key)] if record else [], value=key if record else None)
            return gr.Tabs(selected=TAB_PROGRAMME), gr.skip(), gr.skip(), gr.skip(), "", choice, self.programme(key)
        return (gr.skip(),) * 7


def _none(query: str, what: str) -> str:
    return f"<p>Không tìm thấy {what} khớp với “{esc(query)}”.</p>" if query else ""


def timeline_block(pages: Pages, search: Any) -> tuple[Any, Any]:
    """The events tab's chart and its choice of grouping, following the tab's search box."""
    by = gr.Radio(TIMELINE_BY, value=BY_PLACE, label="Biểu đồ số sự kiện theo năm", elem_id="dv-timeline-by")
    chart = gr.HTML(pages.chart(BY_PLACE), elem_id="dv-timeline")
    by.change(pages.chart, [by, search], chart, api_visibility="private")
    search.change(pages.chart, [by, search], chart, api_visibility="private")
    return by, chart


def person_tab(pages: Pages) -> PageTab:
    with gr.Tab("Hồ sơ", id=TAB_PERSON, elem_id="dv-person-tab"):
        search = gr.Textbox(label="Tìm theo tên (có dấu hoặc không dấu)", elem_id="dv-person-search")
        choice = gr.Dropdown([], label="Người", elem_id="dv-person-choice")
        page = gr.HTML(elem_id="dv-person-page")
    search.change(pages.people, search, [choice, page], api_visibility="private")
    choice.input(pages.person, choice, page, api_name="person")
    return PageTab(search, choice, page)


def programme_tab(pages: Pages) -> PageTab:
    with gr.Tab("Chương trình", id=TAB_PROGRAMME, elem_id="dv-programme-tab") as tab:
        search = gr.Textbox(label="Tìm theo số hiệu, giai đoạn hoặc cơ quan (có dấu hoặc không dấu)",
                            elem_id="dv-programme-search")
        choice = gr.Dropdown([], label="Chương trình", elem_id="dv-programme-choice")
        page = gr.HTML(elem_id="dv-programme-page")
    search.change(pages.programmes, search, [choice, page], api_visibility="private")
    tab.select(lambda text, key: pages.programmes(text) if not key else (gr.skip(), gr.skip()), [search, choice],
               [choice, page], api_visibility="private")
    choice.input(pages.programme, choice, page, api_name="programme")
    return PageTab(search, choice, page)


def open_from_address(demo: Any, pages: Pages, tabs: Any, person: PageTab, programme: PageTab) -> None:
    """Open the page the address names when the chat loads (a link from the events table)."""
    demo.load(pages.opened, None, [tabs, person.search, person.choice, person.page, programme.search,
                                   programme.choice, programme.page], api_visibility="private")
