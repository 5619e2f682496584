"""HTML for the web chat's sources, passages and events, built only from escaped text.

Everything an article or a user provides goes through html.escape before it
reaches the page, and links are kept only when they are http(s), so markup or
scripts inside an article show as plain text and never run.

Sources and passages are shown in the article's published text: a citation's
offsets already index it, and a passage's (normalised) offsets are mapped to
it with `Document.published_span`.
"""

from __future__ import annotations

import csv
import html
import json
import re
import tempfile
import time
from collections.abc import Container
from pathlib import Path
from urllib.parse import quote, urlencode, urlparse

from danvan_qa.index.store import Store
from danvan_qa.records import Answer, Citation, Passage

CONTEXT_CHARS = 400  # characters of the passage shown around a cited quote
PERSON_PARAM = "ho-so"  # the query parameter that opens a person's page
PROGRAMME_PARAM = "chuong-trinh"  # … and a programme's

CSS = """
.dv-sources {font-size: 0.95rem}
.dv-source {border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 12px; margin: 8px 0}
.dv-source mark {background: #fde68a; color: #111; padding: 0 2px}
.dv-meta {color: var(--body-text-color-subdued); font-size: 0.85rem}
.dv-article {white-space: pre-wrap; max-height: 420px; overflow: auto; border-top: 1px dashed #aaa;
             margin-top: 6px; padding-top: 6px}
.dv-passage {border-left: 3px solid #93c5fd; padding-left: 8px; margin: 6px 0; white-space: pre-wrap}
.dv-status {padding: 6px 10px; border-radius: 6px; background: #eef6ff}
#dv-events, #dv-events * {font-family: var(--font) !important}  /* the table reads as text, not code */
.dv-page table {border-collapse: collapse; width: 100%}
.dv-page td, .dv-page th {border-bottom: 1px solid var(--border-color-primary); padding: 6px 8px; text-align: left;
                          vertical-align: top}
.dv-quote {font-style: italic}
.dv-timeline svg {max-width: 100%; height: auto; overflow: visible}
.dv-legend {list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px}
.dv-swatch {display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: middle}
"""

# Two things the page's script does:
# - A link in the events table opens its page on the first click: the table would take that click to
#   select the cell, re-draw it and drop the link under the pointer, so the click never reaches it.
# - Gradio writes some tooltips and screen-reader labels in English whatever the browser's language
#   (and has no Vietnamese translation); they are put in Vietnamese as they appear.
VI_LABELS = {
    "Copy message": "Sao chép", "Copied message": "Đã sao chép", "Copy conversation": "Sao chép cả hội thoại",
    "Copied conversation": "Đã sao chép hội thoại", "Clear": "Xóa hội thoại", "Share": "Chia sẻ",
    "More tabs": "Các thẻ khác", "chatbot conversation": "Hội thoại", "Download": "Tải về",
    "Remove": "Bỏ", "Remove All": "Bỏ hết", "Copy": "Sao chép", "Copied": "Đã sao chép", "Dataframe": "Bảng",
    "Empty value": "Ô trống", "File upload": "Tải tệp lên", "Open cell menu": "Mở trình đơn của ô",
    "Reset to default value": "Về giá trị mặc định",
}
VI_PREFIXES = {"bot's message: ": "Câu trả lời: ", "user's message: ": "Câu hỏi: "}
JS = """() => {
  for (const kind of ["mousedown", "mouseup", "click"]) {
    document.addEventListener(kind, e => {
      if (e.target.closest && e.target.closest("#dv-events a")) e.stopPropagation();
    }, true);
  }
  const labels = LABELS, prefixes = PREFIXES, attrs = ["title", "aria-label"];
  const put = el => {
    for (const attr of attrs) {
      const value = el.getAttribute && el.getAttribute(attr);
      if (!value) continue;
      let vi = labels[value];
      for (const [en, pre] of Object.entries(prefixes)) if (!vi && value.startsWith(en)) vi = pre + value.slice(en.length);
      if (vi && vi !== value) el.setAttribute(attr, vi);
    }
  };
  const sweep = root => { put(root); if (root.querySelectorAll) root.querySelectorAll("[title],[aria-label]").forEach(put); };
  new MutationObserver(changes => {
    for (const c of changes) c.type === "attributes" ? put(c.target) : c.addedNodes.forEach(sweep);
  }).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: attrs});
  sweep(document.body);
}""".replace("LABELS", json.dumps(VI_LABELS, ensure_ascii=False)).replace("PREFIXES", json.dumps(VI_PREFIXES, ensure_ascii=False))


def esc(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def safe_url(url: str | None) -> str | None:
    """Only http(s) links are rendered; javascript:, data: and the rest are dropped."""
    if not url:
        return None
    parsed = urlparse(url.strip())
    return url.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None


def vn_date(iso: str | None) -> str:
    """An ISO date (or its year-month or year) as Vietnamese readers write it: dd/mm/yyyy."""
    parts = (iso or "").strip()[:10].split("-")
    if not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        return iso or ""
    return "/".join(reversed(parts))


def link(url: str | None, label: str) -> str:
    """`label` (escaped) linked to `url` when it is a safe http(s) URL, opening in a new tab."""
    href = safe_url(url)
    if not href:
        return esc(label)
    return f'<a href="{esc(href)}" target="_blank" rel="noopener noreferrer">{esc(label)}</a>'


def cite_html(quote: str, title: str, date: str | None, url: str | None) -> str:
    """A citation as officials read it: the sentence as published, the article's title (linked to
    the original when it has a URL) and its date; never an id or an offset."""
    return (f'<span class="dv-quote">“{esc(quote)}”</span> <span class="dv-meta">— {link(url, title)}, '
            f"{esc(vn_date(date) or 'không rõ ngày')}</span>")


def marked(text: str, start: int, end: int) -> str:
    """text with [start, end) highlighted, everything escaped."""
    return f"{esc(text[:start])}<mark>{esc(text[start:end])}</mark>{esc(text[end:])}"


def _meta(title: str, date: str | None, url: str | None) -> str:
    parts = [f"<strong>{esc(title)}</strong>", esc(vn_date(date) or "không rõ ngày")]
    if safe_url(url):
        parts.append(link(url, "Xem bài gốc"))
    return " · ".join(parts)


def citation_html(store: Store, c: Citation) -> str:
    text = store.data.documents[c.doc_id].published  # the citation's offsets index the published text
    lo, hi = max(0, c.start - CONTEXT_CHARS // 2), min(len(text), c.end + CONTEXT_CHARS // 2)
    context = ("…" if lo else "") + marked(text[lo:hi], c.start - lo, c.end - lo) + ("…" if hi < len(text) else "")
    return (
        f'<div class="dv-source" id="dv-source-{c.n}"><div>[{c.n}] {_meta(c.title, c.date, c.url)}</div>'
        f"<div>{context}</div>"
        f"<details><summary>Đọc toàn bài (đoạn trích được tô sáng)</summary>"
        f'<div class="dv-article">{marked(text, c.start, c.end)}</div></details></div>'
    )


def sources_html(store: Store, answer: Answer) -> str:
    if not answer.citations:
        return ""
    items = "".join(citation_html(store, c) for c in answer.citations)
    return f'<div class="dv-sources"><h4>Nguồn</h4>{items}</div>'


def published_passage(store: Store, p: Passage) -> str:
    """A retrieved passage as the article published it (its offsets index the normalised text)."""
    doc = store.data.documents[p.doc_id]
    start, end = doc.published_span(p.start, p.end)
    return doc.published[start:end]


def passages_html(passages: tuple[Passage, ...] | list[Passage], store: Store | None = None) -> str:
    """The retrieved passages; in their published text when the store is given."""
    if not passages:
        return ""
    rows = "".join(
        f'<div class="dv-passage"><div class="dv-meta">#{n} · {_meta(p.title, p.date, p.url)}</div>'
        f"{esc(published_passage(store, p) if store else p.text)}</div>"
        for n, p in enumerate(passages, start=1)
    )
    return f"<div><h4>Các đoạn đã truy xuất</h4>{rows}</div>"


def source_cell(row: dict[str, str]) -> str:
    """The events table's source column (Markdown): the article title, linked when it has a safe URL."""
    from danvan_qa.qa.compose import md_escape

    title = md_escape(row["title"])  # backslash-escaped < > [ ] * … render as literal characters
    href = safe_url(row.get("url"))
    return f"[{title}]({md_url(href)})" if href else title


def md_url(url: str) -> str:
    """A URL inside a Markdown link's parentheses: the characters that would end it, encoded."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def people_cell(participants: str, known: Container[str] = ()) -> str:
    """One Markdown list item per participant line ("Name — role (acts)"), with article text
    escaped; a name in `known` links to that person's page (hồ sơ)."""
    from danvan_qa.qa.compose import md_escape

    cells = []
    for line in filter(None, participants.split("\n")):
        name = re.split(r" — | \(", line, maxsplit=1)[0]
        if name in known:
            line = f"[{md_escape(name)}]({page_link(PERSON_PARAM, name)}){md_escape(line[len(name):])}"
        else:
            line = md_escape(line)
        cells.append(f"- {line}")
    return "\n".join(cells)


def page_link(param: str, value: str) -> str:
    """The chat's own address opening a page: "?ho-so=<name>" (relative, so it stays on this server)."""
    return "?" + urlencode({param: value}, quote_via=quote)


def user_text(question: str) -> str:
    """A user's question as shown in the chat: Markdown and HTML characters lose their meaning."""
    from danvan_qa.qa.compose import md_escape

    return md_escape(html.escape(question, quote=False))


def remove_older(folder: Path, age_s: float) -> None:
    """Remove the CSV files in `folder` older than `age_s` seconds."""
    cutoff = time.time() - age_s
    for old in folder.glob("*.csv"):
        if old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)


# The download's columns, as officials read them: Vietnamese headers, dd/mm/yyyy dates, the article's
# title and link rather than store ids and offsets (`danvan-qa events --csv` keeps those for scripts).
CSV_COLUMNS = (("Ngày", "date"), ("Địa điểm", "place"), ("Sự kiện", "summary"), ("Đoạn trích", "event"),
               ("Người tham dự", "participants"), ("Chương trình phối hợp", "programmes"), ("Bài viết", "title"),
               ("Đường dẫn", "url"))


def write_events_csv(folder: Path, rows: list[dict[str, str]]) -> str:
    """The events table's rows as a CSV file in `folder` (UTF-8 with a BOM, for spreadsheets); its path."""
    handle = tempfile.NamedTemporaryFile("w", suffix=".csv", prefix="su-kien-", dir=folder, delete=False,
                                         encoding="utf-8-sig", newline="")
    with handle:
        writer = csv.writer(handle)
        writer.writerow(header for header, _ in CSV_COLUMNS)
        for row in rows:
            writer.writerow(vn_date(row[key]) if key == "date" else row[key] for _, key in CSV_COLUMNS)
    return handle.name
