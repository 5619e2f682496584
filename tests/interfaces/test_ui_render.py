"""The page's HTML helpers escape everything that comes from articles or users, and show what
officials read (titles, dd/mm/yyyy dates, links to the original) without the plumbing (ids, offsets)."""

from danvan_qa.interfaces.ui_render import (cite_html, citation_html, esc, marked, passages_html, people_cell, safe_url,
                                            source_cell, sources_html, user_text, vn_date)
from danvan_qa.records import Answer, Citation, Passage


def test_marked_escapes_around_and_inside_the_highlight():
    text = "a <script>x</script> b <img src=x onerror=y> c"
    html = marked(text, 2, 20)
    assert "<script>" not in html and "&lt;script&gt;" in html and "<img" not in html
    assert html.count("<mark>") == 1


def test_only_http_links_survive():
    assert safe_url("https://baochinhphu.vn/a") == "https://baochinhphu.vn/a"
    for bad in ("javascript:alert(1)", "data:text/html,x", "  JAVASCRIPT:alert(1)", "vbscript:x", "/relative", ""):
        assert safe_url(bad) is None


def test_table_cell_and_question_are_inert():
    cell = source_cell({"title": "<b>[x](javascript:1)</b>", "doc_id": "d", "url": "javascript:alert(1)"})
    assert "alert(1)" not in cell  # the unsafe URL is dropped
    assert cell == "\\<b\\>\\[x\\](javascript:1)\\</b\\>"  # the title's markup is inert text, no id
    assert source_cell({"title": "T", "doc_id": "d", "url": "https://x.vn/a b(1)"}) == "[T](https://x.vn/a%20b%281%29)"
    assert "<img" not in user_text("<img src=x onerror=alert(1)> **đậm**")
    assert esc('"\'<>&') == "&quot;&#x27;&lt;&gt;&amp;"


def test_people_cell_lists_each_participant_escaped():
    cell = people_cell("A — Giám đốc (dự)\n<b>B</b> — [x](javascript:y) (dự)\n")
    assert cell.splitlines() == ["- A — Giám đốc (dự)", "- \\<b\\>B\\</b\\> — \\[x\\](javascript:y) (dự)"]


def test_people_cell_links_known_names_to_their_page():
    cell = people_cell("Lê Văn Á — Giám đốc (dự)\nĐào Thị B (phát biểu)\nNgô C — x\n", known={"Lê Văn Á", "Đào Thị B"})
    assert cell.splitlines() == ["- [Lê Văn Á](?ho-so=L%C3%AA%20V%C4%83n%20%C3%81) — Giám đốc (dự)",
                                 "- [Đào Thị B](?ho-so=%C4%90%C3%A0o%20Th%E1%BB%8B%20B) (phát biểu)", "- Ngô C — x"]


def test_dates_read_dd_mm_yyyy():
    assert (vn_date("2022-02-14"), vn_date("2022-02"), vn_date("2022"), vn_date(None)) == (
        "14/02/2022", "02/2022", "2022", "")


class _Doc:
    published = "Mở đầu. Câu được trích <i>nguyên văn</i>. Kết."


class _Store:
    class data:  # noqa: N801 - the shape of Store.data that the renderer reads
        documents = {"003_ac025bd2f7923628": _Doc()}


def test_sources_and_passages_show_title_date_and_link_never_ids_or_offsets():
    start = _Doc.published.index("Câu")
    end = _Doc.published.index(" Kết")
    c = Citation(1, "003_ac025bd2f7923628", "Tiêu đề <b>bài</b>", "2022-02-14", "https://bao.example.vn/a", start, end,
                 _Doc.published[start:end])
    html = sources_html(_Store(), Answer("q", "sentence", None, (), "x [1]", (c,), False, 1.0))
    assert "003_ac025bd2f7923628" not in html and "ký tự" not in html and f"{start}–{end}" not in html
    assert "14/02/2022" in html and "2022-02-14" not in html and "&lt;b&gt;bài&lt;/b&gt;" in html
    assert '<a href="https://bao.example.vn/a" target="_blank" rel="noopener noreferrer">Xem bài gốc</a>' in html
    assert "<mark>Câu được trích &lt;i&gt;nguyên văn&lt;/i&gt;.</mark>" in citation_html(_Store(), c)
    p = Passage("003_ac025bd2f7923628", "003_ac025bd2f7923628#4", "T", "2021-03-02", "javascript:x", "văn bản", 0, 8, 0.5)
    shown = passages_html([p])
    assert "003_ac025bd2f7923628" not in shown and "02/03/2021" in shown and "javascript" not in shown


def test_a_citation_line_quotes_escaped_and_links_only_http():
    html = cite_html("<script>x</script>", "T", "2021-06-10", "https://a.vn/x")
    assert "&lt;script&gt;" in html and "10/06/2021" in html and 'href="https://a.vn/x"' in html
    assert "href" not in cite_html("q", "T", None, "javascript:alert(1)") and "không rõ ngày" in cite_html("q", "T", None, None)
