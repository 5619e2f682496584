"""PDFs, read from their text layer by pypdf, with the page furniture taken out and lines rejoined.

A PDF's text comes as the lines the page was set in, in the order of the page's content (pypdf's
plain mode, which reads a page of columns column by column). Where the space above a line is
well over the usual line spacing, a blank line stands for it. Lines that repeat at the top or bottom of
most pages (running headers and footers, digits aside) and page numbers there ("3", "- 3 -",
"Trang 3", "3/12") are dropped. The lines are then joined back into paragraphs: a wrapped line
is joined to the next with a space; a word split at a hyphen is joined back (the hyphen dropped
only where both halves are plain Latin letters: Vietnamese is not hyphenated, so a hyphen at a
line end there belongs to "kinh tế-xã hội" or "2016-2021"); a paragraph ends at a blank line, at
a change between capitals and ordinary text (headings), or where the next line starts like a
paragraph (a capital, a digit, a bullet) after a line that ends a sentence or stops short.
A PDF without a text layer (a scan) has nothing to read and is refused as such. The PDF's Title
is its title unless it is a file name ("Microsoft Word - ban tin.docx"); its dates are when the
file was made, not when the article was, so the date is read from the text.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from statistics import median

from danvan_qa.ingest.formats.common import Extracted, expect, paragraphs

ZONE = 3  # lines at the top and at the bottom of a page where running headers and footers sit
SHORT = 0.75  # a line shorter than this share of a full line ends its paragraph (or is a heading)
GAP = 1.5  # space above a line, in usual line spacings, that marks a new paragraph

_PAGE_NUMBER = re.compile(r"(?:trang|page)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:/|of|trên)\s*\d{1,4})?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")
_BULLET = re.compile(r"^(?:[-–—•+*▪●○■]\s|[a-zđ]\)\s|\(?\d{1,3}[.)]\s)")
_HYPHENS = "-\u2010"
_FILE_NAME = re.compile(r"^microsoft (?:word|powerpoint) - |\.(?:docx?|pdf|odt|rtf|txt|indd)$|^untitled$",
                        re.IGNORECASE)


def extract(raw: bytes) -> Extracted:
    """The text layer of a PDF as paragraphs; ValueError when it is not a PDF, is locked, damaged or a scan."""
    expect(raw, ("pdf",), "a PDF")
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        locked = _locked(reader) if reader.is_encrypted else None
        if locked is None:
            pages = _spaced([_lines(page) for page in reader.pages])
            title = (reader.metadata.title if reader.metadata else None) or ""
    except Exception as exc:  # pypdf raises its own errors, KeyError and struct errors on a damaged file
        raise ValueError(f"damaged PDF ({type(exc).__name__}: {' '.join(str(exc).split())})") from None
    if locked:
        raise ValueError(locked)
    if not pages:
        raise ValueError("damaged PDF (it has no pages)")
    lines = [line for page in _without_furniture(pages, repeated=True) for line in page]
    if not any(lines):  # every line repeats on every page (a page printed twice): none of them is furniture
        lines = [line for page in _without_furniture(pages, repeated=False) for line in page]
    if not any(lines):
        raise ValueError("no text layer (scanned)")
    title = " ".join(str(title).split())
    return Extracted(text=paragraphs(_joined(lines)), title=None if _FILE_NAME.search(title) else title or None)


def _locked(reader) -> str | None:
    """Why an encrypted PDF cannot be read, or None once it is opened: a PDF locked only against
    editing has an empty password to open it, which every viewer tries."""
    from pypdf import PasswordType
    from pypdf.errors import DependencyError

    try:
        opened = reader.decrypt("")
    except (DependencyError, NotImplementedError) as exc:
        return f"encrypted PDF that cannot be decrypted here ({exc})"
    return "encrypted PDF (it needs a password)" if opened == PasswordType.NOT_DECRYPTED else None


def _lines(page) -> list[tuple[str, float | None]]:
    """The page's lines (spaces collapsed), each with the height it starts at where pypdf tells it."""
    pieces: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        pieces.append((text, tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    text = page.extract_text(visitor_text=visit) or ""
    if "".join(piece for piece, _ in pieces) != text:  # the visitor did not see what was extracted
        return [(" ".join(line.split()), None) for line in text.split("\n")]
    lines: list[tuple[str, float | None]] = [("", None)]
    for piece, y in pieces:
        for n, part in enumerate(piece.split("\n")):
            if n:
                lines.append(("", None))
            line, at = lines[-1]
            lines[-1] = (line + part, y if at is None and part.strip() else at)
    return [(" ".join(line.split()), at) for line, at in lines]


def _spaced(pages: list[list[tuple[str, float | None]]]) -> list[list[str]]:
    """Each page's lines, with a blank line where the space above a line is over GAP usual spacings."""
    steps = [above - y for page in pages for (_, above), (_, y) in zip(page, page[1:])
             if above is not None and y is not None and above > y]
    usual = median(steps) if steps else None
    out = []
    for page in pages:
        lines: list[str] = []
        above = None
        for line, y in page:
            if usual and lines and above is not None and y is not None and above - y > GAP * usual:
                lines.append("")
            lines.append(line)
            above = y if y is not None else above
        out.append(lines)
    return out


def _shape(line: str) -> str:
    """A line as a running header or footer repeats it: digits (page numbers, dates) aside."""
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def _without_furniture(pages: list[list[str]], repeated: bool) -> list[list[str]]:
    """Each page's lines without its page numbers and, if `repeated`, its running headers and footers."""
    edges: Counter[str] = Counter()
    for page in pages:
        text = [line for line in page if line]
        edges.update({_shape(line) for line in text[:ZONE] + text[-ZONE:]})
    running = {shape for shape, n in edges.items() if repeated and n >= 2 and n * 2 > len(pages)}

    def furniture(line: str) -> bool:
        return not line or _shape(line) in running or bool(_PAGE_NUMBER.fullmatch(line))

    out = []
    for page in pages:
        top, bottom, seen = 0, len(page), 0
        while top < bottom and seen < ZONE and furniture(page[top]):
            seen += bool(page[top])
            top += 1
        seen = 0
        while bottom > top and seen < ZONE and furniture(page[bottom - 1]):
            seen += bool(page[bottom - 1])
            bottom -= 1
        out.append(page[top:bottom])
    return out


def _joined(lines: list[str]) -> list[str]:
    """The lines of all pages joined back into paragraphs (a blank line is a paragraph break)."""
    lengths = sorted(len(line) for line in lines if line)
    full = lengths[int(len(lengths) * 0.8)] if len(lengths) >= 5 else lengths[-1]
    out: list[str] = []
    current = previous = ""
    for line in lines:
        joint = _joint(previous, line, full) if previous and line else "\n\n"
        if joint == "\n\n":
            out.append(current)
            current = line
        elif joint == "-":
            current = current[:-1] + line
        else:
            current += joint + line
        previous = line
    out.append(current)
    return out


def _joint(last: str, line: str, full: int) -> str:
    """How `line` follows `last`: "\\n\\n" (a new paragraph), " " (a wrap), "" (a word split at
    its hyphen, which stays) or "-" (a hyphenated word: the hyphen goes)."""
    if last.endswith("\u00ad"):
        return "-"
    if last[-1] in _HYPHENS and len(last) > 1 and not last[-2].isspace():
        left, right = re.search(r"\w+$", last[:-1]), re.match(r"\w+", line)
        latin = bool(left and right) and all(w.isascii() and w.isalpha() for w in (left[0], right[0]))
        return "-" if latin and right[0][0].islower() else ""
    if _capitals(last) != _capitals(line):
        return "\n\n"
    starts_paragraph = line[0].isupper() or line[0].isdigit() or line[0] in "\"“'([" or bool(_BULLET.match(line))
    if starts_paragraph and (_SENTENCE_END.search(last) or len(last) < SHORT * full):
        return "\n\n"
    return " "


def _capitals(line: str) -> bool:
    """Whether a line is set in capitals (a heading), as far as it has letters."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
