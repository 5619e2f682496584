"""Saved news pages: the article without navigation, sidebars or footers, read by trafilatura.

Trafilatura keeps the main text and drops the page furniture; its metadata gives the title
(og:title, h1 or <title> without the site name), the date (htmldate: article:published_time
and other meta tags, structured data, then the page's own date lines) and the canonical URL
(link rel=canonical, else og:url). Tables come out as rows "cell | cell", as Word tables do.
On a page without an article trafilatura's fallback returns what it finds, often the menu: text
made mostly of the page's link texts is no article.
"""

from __future__ import annotations

import re

from danvan_qa.ingest.formats.common import Extracted, expect, paragraphs

_ROW = re.compile(r"^\|(.*)\|\s*$")
MIN_OWN_TEXT = 0.2  # share of the extracted text that must be other than the page's link texts


def extract(raw: bytes) -> Extracted:
    """The article of an HTML page; ValueError when the file is not HTML or holds no article."""
    expect(raw, ("html", "text"), "an HTML page")
    import trafilatura

    try:
        tree = trafilatura.load_html(raw)
        if tree is None:
            raise ValueError("not an HTML page: it could not be parsed")
        links = {" ".join(a.text_content().split()) for a in tree.iter("a")} - {""}
        found = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=True,  # a sidebar's teaser paragraphs are worse than a missed caption
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except ValueError:
        raise
    except Exception as exc:  # one odd page must not stop the corpus being read
        detail = " ".join(str(exc).split())
        raise ValueError(f"the HTML page could not be read ({type(exc).__name__}: {detail})") from None
    text = found.text if found is not None else ""
    if not text or not text.strip() or _mostly(links, text):
        raise ValueError("no article text in the HTML page (only navigation, links or scripts)")
    return Extracted(
        text=paragraphs(_blocks(text.split("\n"))),
        title=found.title or None,
        date=found.date or None,
        url=found.url or None,
        source=found.sitename or found.hostname or None,
    )


def _mostly(links: set[str], text: str) -> bool:
    """Whether `text` is made mostly of the link texts (a menu or a list of headlines)."""
    rest = " ".join(text.split())
    for link in sorted(links, key=len, reverse=True):
        rest = rest.replace(link, "")
    return len("".join(rest.split())) < MIN_OWN_TEXT * len("".join(text.split()))


def _blocks(lines: list[str]) -> list[str]:
    """Each line a paragraph, except that the rows of a table stay together, one per line.

    Trafilatura writes a row as "| a | b | "; it becomes "a | b".
    """
    blocks: list[str] = []
    in_table = False
    for line in lines:
        row = _ROW.match(line.strip())
        if row and in_table:
            blocks[-1] += "\n" + row.group(1).strip()
        else:
            blocks.append(row.group(1).strip() if row else line)
        in_table = bool(row)
    return blocks
