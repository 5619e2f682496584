"""Word documents (.docx), read by python-docx: the body's paragraphs and tables in order, those
inside content controls (the fields of a form or template) included.

Headers and footers are not part of the body, so they are left out by reading only the body.
A table becomes one line per row, "cell | cell" (a merged cell once). The title and date come
from the core properties (title; created, else modified), and the first paragraph stands as
the title when there is none. A file without core properties has no date or title of its own
(python-docx would make up "Word Document" and today), and a date stamped by python-docx's blank
template (every file it writes without setting one says 23/12/2013) is no date either. The zip is checked before python-docx opens it, so a truncated
or foreign zip gets its own reason, and one that would expand past MAX_UNZIPPED is refused.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

from danvan_qa.ingest.formats.common import Extracted, expect, paragraphs

MAX_UNZIPPED = 256 * 2**20  # python-docx holds every part in memory
VIETNAM = timedelta(hours=7)  # Word keeps UTC; a document's day is the day in Vietnam
TEMPLATE_STAMP = datetime(2013, 12, 23, 23, 15)  # created and modified in python-docx's blank template


def extract(raw: bytes) -> Extracted:
    """The text of a .docx; ValueError when it is not one, is damaged, or has no text."""
    expect(raw, ("zip",), "a Word document (.docx)")
    has_properties = _check_zip(raw)
    import docx

    try:
        document = docx.Document(io.BytesIO(raw))
        blocks = list(_blocks(document.element.body, document))
        title, when = _properties(document.core_properties) if has_properties else (None, None)
    except Exception as exc:  # python-docx raises KeyError, lxml and zip errors alike on a damaged part
        raise ValueError(f"damaged Word document ({type(exc).__name__}: {' '.join(str(exc).split())})") from None
    text = paragraphs(blocks)
    if not text:
        raise ValueError("empty document (the Word file has no text in its paragraphs or tables)")
    return Extracted(text=text, title=(title or "").strip() or None, date=_day(when))


def _properties(props) -> tuple[str | None, datetime | None]:
    """The title and the day the document was written, unless python-docx's blank template set it."""
    when = props.created or props.modified
    if when is not None and when.replace(tzinfo=None) == TEMPLATE_STAMP and "python-docx" in (props.comments or ""):
        when = None
    return props.title, when


def _check_zip(raw: bytes) -> bool:
    """Whether the document has core properties; ValueError unless `raw` is a whole zip holding a
    Word body, small enough to unpack."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            unzipped = sum(info.file_size for info in archive.infolist())
    except Exception as exc:  # zipfile raises BadZipFile, and EOFError or struct errors on some damage
        raise ValueError(f"damaged or truncated zip archive ({' '.join(str(exc).split())})") from None
    if "word/document.xml" not in names:
        raise ValueError("a zip archive but not a Word document (no word/document.xml)")
    if unzipped > MAX_UNZIPPED:
        raise ValueError(f"the Word document unpacks to {unzipped} bytes (limit {MAX_UNZIPPED})")
    return "docProps/core.xml" in names


def _blocks(element, parent) -> Iterator[str]:
    """The text of each paragraph and table under `element`, in order, through content controls."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent).text
        elif child.tag == qn("w:tbl"):
            yield _table(Table(child, parent))
        elif child.tag == qn("w:sdt") and (content := child.find(qn("w:sdtContent"))) is not None:
            yield from _blocks(content, parent)


def _table(table) -> str:
    """One line per row, its cells joined by " | "; a cell merged across columns, which python-docx
    repeats, once."""
    rows = []
    for row in table.rows:
        cells, previous = [], None
        for cell in row.cells:
            if cell._tc is not previous:
                cells.append(" ".join(cell.text.split()))
            previous = cell._tc
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _day(when: datetime | None) -> str | None:
    if when is None:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(timezone(VIETNAM))
    return when.date().isoformat()
