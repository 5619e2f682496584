"""The page's HTML helpers escape everything that comes from articles or users."""

from danvan_qa.interfaces.ui_render import esc, marked, people_cell, safe_url, source_cell, user_text


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
    assert cell == "\\<b\\>\\[x\\](javascript:1)\\</b\\> (d)"  # the title's markup is inert text
    assert source_cell({"title": "T", "doc_id": "d", "url": "https://x.vn/a b"}) == "[T (d)](https://x.vn/a%20b)"
    assert "<img" not in user_text("<img src=x onerror=alert(1)> **đậm**")
    assert esc('"\'<>&') == "&quot;&#x27;&lt;&gt;&amp;"


def test_people_cell_lists_each_participant_escaped():
    cell = people_cell("A — Giám đốc (dự)\n<b>B</b> — [x](javascript:y) (dự)\n")
    assert cell.splitlines() == ["- A — Giám đốc (dự)", "- \\<b\\>B\\</b\\> — \\[x\\](javascript:y) (dự)"]
