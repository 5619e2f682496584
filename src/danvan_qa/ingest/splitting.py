"""Bounds on the pieces of an article that the readers see, so that cost grows linearly with its size.

The fact readers (names, acts, programmes) look back and forth within a sentence, so their
cost grows with the square of a sentence's length; a title is repeated in front of every
chunk, so its cost grows with its length times the article's. A file written on one line, or
without sentence punctuation, would make one sentence or one title of its whole size. Pieces
longer than a bound are cut at the best boundary within it: a sentence end, then clause
punctuation, then a space, and only then at the bound itself. Cuts are offsets into the text,
so everything read from a piece still quotes the article exactly. The bounds lie well above
what a news article has (its longest sentences are under 900 characters, titles under 150),
so ordinary articles read exactly as before.
"""

from __future__ import annotations

import re

MAX_SENTENCE = 2000  # characters of one sentence, as the fact readers see it
MAX_TITLE = 200  # characters of a title taken from the article's first line

# The boundaries, best first; each ends just before the space that follows it.
_BOUNDARIES = (
    re.compile(r"[.!?…][\"')\]]*(?=\s)"),
    re.compile(r"[;:,][\"')\]]*(?=\s)"),
    re.compile(r"\S(?=\s)"),
)


def cut(text: str, start: int, stop: int, limit: int) -> int:
    """End of the first piece of text[start:stop] at most `limit` long.

    The last boundary of the best kind that leaves the piece at least half the limit long,
    so a long text is cut into pieces of between half the limit and the limit.
    """
    end = start + limit
    if end >= stop:
        return stop
    for boundary in _BOUNDARIES:
        last = None
        for last in boundary.finditer(text, start + limit // 2, end + 1):  # may look at text[end], a space
            pass
        if last is not None:
            return last.end()
    return end


def bounded(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """[start, end) as consecutive spans of at most `limit` characters, cut by `cut`."""
    spans: list[tuple[int, int]] = []
    while end - start > limit:
        at = cut(text, start, end, limit)
        spans.append((start, at))
        start = at
    spans.append((start, end))
    return spans


def title_of(line: str) -> str:
    """A title no longer than MAX_TITLE: the line itself, else its first sentence, else its head
    cut at the best boundary (an article on one line has no title line of its own)."""
    line = line.strip()
    if len(line) <= MAX_TITLE:
        return line
    first = _BOUNDARIES[0].search(line, 0, MAX_TITLE + 1)
    return line[: first.end() if first else cut(line, 0, len(line), MAX_TITLE)].rstrip()
