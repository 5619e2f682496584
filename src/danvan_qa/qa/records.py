"""The records the QA pipeline passes between its stages.

read → retrieve → propose → rank → decide → compose: each stage takes and returns these,
so no stage parses another's text. Features always travel with their names (`Features`),
so a model can refuse values computed in another order; statements carry their evidence
as offsets, and only `compose` turns them into Markdown with numbered citations.
"""

from __future__ import annotations

import contextvars
import functools
import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, NamedTuple, Sequence

from danvan_qa.ingest.abbreviations import written_out
from danvan_qa.ingest.lexicon import ARCHIVE_CUES, DOMAIN_PAIRS, PROVINCES
from danvan_qa.ingest.normalize import fold

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.corpus import Document

CANDIDATE_KINDS = ("sentence", "span", "people", "list", "fact", "none")


class Evidence(NamedTuple):
    """Where a statement stands: `start`/`end` are offsets into the article as published (what a
    citation quotes verbatim); `at` is the same span in the normalised text that matching reads."""

    doc_id: str
    start: int
    end: int
    at: tuple[int, int]

    @classmethod
    def of(cls, doc: "Document", start: int, end: int) -> "Evidence":
        """The evidence of [start, end) of `doc.text`, mapped to the published text."""
        return cls(doc.doc_id, *doc.published_span(start, end), (start, end))


@dataclass(frozen=True)
class Features:
    """Named feature values: a model checks the names, so their order cannot drift."""

    names: tuple[str, ...]
    values: tuple[float, ...]

    def __post_init__(self) -> None:
        if len(self.names) != len(self.values):
            raise ValueError(f"{len(self.names)} feature names for {len(self.values)} values")

    def __getitem__(self, name: str) -> float:
        return self.values[self.names.index(name)]


class Strong(str):
    """Text a statement shows in bold (a name, a date, the span asked for)."""


@dataclass(frozen=True)
class Statement:
    """One line of an answer: plain and `Strong` parts in order, and the evidence it cites
    (None for a heading). Consecutive list items form one list."""

    parts: tuple[str, ...]
    evidence: Evidence | None = None
    item: bool = False
    under: bool = False  # an item under the one before it: more of the same row, not a row of its own


@dataclass(frozen=True)
class Item:
    """One entry of a list answer: a person (name, role, rank, acts) or a body, and its evidence."""

    name: str
    role: str | None
    rank: str | None
    acts: tuple[str, ...]
    evidence: Evidence


@dataclass(frozen=True)
class Candidate:
    """A possible answer: its kind (CANDIDATE_KINDS), the short value it gives (a name, a date, a
    number; None for a whole sentence, a list or no answer), the evidence it rests on, the
    features the answer/abstain model reads, and the statements that show it."""

    kind: str
    value: str | None
    evidence: Evidence | None
    features: Features
    statements: tuple[Statement, ...] = ()
    items: tuple[Item, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in CANDIDATE_KINDS:
            raise ValueError(f"unknown candidate kind {self.kind!r}")


ROWS_SHOWN = 20  # a longer list across articles says how many more rows there are
_SHOWN: contextvars.ContextVar[int] = contextvars.ContextVar("rows_shown", default=ROWS_SHOWN)


def rows_shown() -> int:
    """The rows a list across articles shows: ROWS_SHOWN, or every one within `every_row()`."""
    return _SHOWN.get()


@contextmanager
def every_row() -> Iterator[None]:
    """Lists made within show every row: what narrows a list (its earliest or latest) reads them all."""
    token = _SHOWN.set(sys.maxsize)
    try:
        yield
    finally:
        _SHOWN.reset(token)
# Folded function words a topic asked about is read without ("các hội nghị về công tác của …")
COMMON_WORDS = frozenset("cua va voi cho la ve cac nhung mot trong tai o thi ma de".split())
# The provinces folded, longest first: a place read off folded text takes the longest name ("ha nam" is no "ha")
FOLDED_PROVINCES = tuple(sorted({fold(p.lower()) for p in PROVINCES}, key=lambda p: (-len(p), p)))
CANDIDATE_CHUNKS = 400  # chunks BM25 ranks first whose articles a list by topic reads: its cost does not grow
# What lists across the archive read in a folded question: "những / các / bao nhiêu", "ai", a year.
SEVERAL = re.compile(r"(?<!\w)(?:nhung|cac|bao nhieu|may)(?!\w)")
WHO = re.compile(r"(?<!\w)ai(?!\w)")
# What says a question is asked of the archive (folded): "trong các bài", "được nêu tên", "nêu đích danh"…
ARCHIVE_CUE = re.compile(r"(?<!\w)(?:" + "|".join(ARCHIVE_CUES) + r")(?!\w)")
YEAR = re.compile(r"(?<![\d/-])(?:19|20)\d\d(?![\d/-])")
_COUNT = re.compile(r"(?<!\w)(?:bao nhieu|so luong|(?:thong ke|dem) so(?! hieu| lieu))(?!\w)")  # "thống kê số Trưởng ban …"
_FEW = re.compile(r"(?<!\w)mấy(?!\w)", re.IGNORECASE)  # as restored: folded "may" is also "máy"


def counts(folded: str, restored: str) -> bool:
    """Whether a list question (folded, and as restored) asks how many ("bao nhiêu", "có mấy"):
    its short answer is the count."""
    return bool(_COUNT.search(folded) or _FEW.search(restored))
# The events a list asks about, folded: "các hội nghị, buổi làm việc, lễ ký kết, hội thi, đoàn kiểm tra …"
EVENT_NOUNS = (r"(?:hoi nghi|buoi lam viec|buoi le|le ky ket|hoat dong|cuoc hop|su kien|hoi thi|cuoc thi|doan kiem tra|"
               r"dot kiem tra|doan cong tac)")
# which places give a figure of which things (folded), and "… tỉnh nào và bao nhiêu mô hình": each place's figure (not
# "… diễn ra ở tỉnh nào và …": one event's place); read by figure_lists, and by parts as one question, not two
FIGURE_PLACES = r"(?:tinh|tinh thanh|dia phuong|noi|don vi|thanh pho|huyen)"
FIGURE_NOUNS = r"(?:mo hinh|to|doi|cau lac bo)"
EACH_FIGURE = rf"(?<!\w)(?<!o )(?<!tai ){FIGURE_PLACES} nao,? (?:va|voi) (?:so|bao nhieu|may) {FIGURE_NOUNS}(?!\w)"
EVENTS_COUNTED = re.compile(rf"(?<!\w)(?:bao nhieu|may) {EVENT_NOUNS}(?!\w)")  # "bao nhiêu hội nghị": events, not articles
# How an article writes some kinds of event (folded): a signing may say only "tổ chức ký kết"
EVENT_WRITTEN = {"doan kiem tra": ("doan kiem tra", "doan cong tac", "lam truong doan"), "hoi thi": ("hoi thi", "cuoc thi"),
                 "cuoc thi": ("cuoc thi", "hoi thi"),
                 "le ky ket": ("ky ket",), "dot kiem tra": ("kiem tra",), "buoi lam viec": ("lam viec",)}


@dataclass(frozen=True)
class Listing:
    """An answer across articles before composing: its statements, items, the rows found and its short value."""

    lines: tuple[Statement, ...]
    items: tuple[Item, ...]
    found: int
    value: str | None

    def candidate(self) -> Candidate:
        evidence = next((s.evidence for s in self.lines if s.evidence is not None), None)
        return Candidate("list", self.value, evidence, Features(("rows",), (float(self.found),)), self.lines, self.items)


def more_rows(found: int) -> list[Statement]:
    """The line that says how many rows a list across articles leaves out, if any."""
    return [Statement((f"Còn {found - rows_shown()} dòng nữa không hiện ở đây.",))] if found > rows_shown() else []


UNDER_SHOWN = 5  # the other articles cited under one row: a name in hundreds of articles is no page of citations


def under_rows(others: Sequence[Any], line: Callable[[Any], Statement]) -> list[Statement]:
    """The lines under one row, made by `line` for the first UNDER_SHOWN of `others` only (each reads
    its article's text), and a line saying how many more articles there are."""
    lines = [line(other) for other in others[:UNDER_SHOWN]]
    if len(others) > UNDER_SHOWN:
        lines.append(Statement((f"… và {len(others) - UNDER_SHOWN} bài viết khác nữa.",), item=True, under=True))
    return lines



def titled_rows(heading: tuple[str, ...], rows: Sequence[tuple[str, "Document", Evidence]], folded: str,
                restored: str) -> Listing:
    """A list across the archive of things named in articles: a row per (name, article, evidence),
    "**name** (date — title)", after the heading; the short answer is how many rows there are when
    the question (folded, and as restored) asks how many, else the first name."""
    lines, items = [Statement(heading)], []
    for name, doc, ev in rows[:rows_shown()]:
        lines.append(Statement((Strong(name), f" ({dated(doc.date)}{doc.title})"), ev, item=True))
        items.append(Item(name, None, None, (), ev))
    lines += more_rows(len(rows))
    return Listing(tuple(lines), tuple(items), len(rows), str(len(rows)) if counts(folded, restored) else rows[0][0])


def ranked_articles(store: "Store", query: str, keep: Callable[[str], bool]) -> list[str]:
    """The articles of the CANDIDATE_CHUNKS chunks BM25 ranks first for `query`, best first, those
    `keep` admits: what a list across the archive reads, so that its cost does not grow with it."""
    chunks, ranked = store.data.chunks, store.lexical_search(query, CANDIDATE_CHUNKS).rows.tolist()
    return [doc_id for doc_id in dict.fromkeys(chunks[row].doc_id for row in ranked) if keep(doc_id)]


def sentence_evidence(spans: Sequence[tuple[int, int]], doc: "Document", start: int, end: int) -> Evidence:
    """The evidence of the sentence (of `spans`) that holds offset `start`; [start, end) if none does."""
    return Evidence.of(doc, *next(((a, b) for a, b in spans if a <= start < b), (start, end)))


def same_event(store: "Store", doc_id: str) -> tuple | str:
    """What makes two articles' reports one event: the day, place, kinds and bodies of the article's own
    event (the fact table's main one); an article whose event the table does not date, place or give
    bodies is its own."""
    main = next((e for e in store.events_by_doc.get(doc_id, []) if e.main and e.date), None)
    place = store.data.documents[doc_id].place
    if main is None or place is None or not main.bodies:
        return doc_id
    return main.date, place, main.kinds, frozenset(map(_body_key, main.bodies))


@functools.lru_cache(maxsize=4096)
def _body_key(body: str) -> str:
    """A body however written ("Ban Dân vận TW", "Ban Dân vận Trung ương"), folded."""
    return fold(written_out(body).lower())


def dated(iso: str | None) -> str:
    """"dd/mm/yyyy — " before a row of an article with a date (ISO), else nothing."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]} — " if iso and len(iso) >= 10 else ""


def admitted(documents: Mapping[str, Any], filters: Any) -> Callable[[str], bool]:
    """Which articles a list across the archive may read: those the search filters admit."""
    return (lambda doc_id: True) if filters is None else (lambda doc_id: filters.admits(documents[doc_id]))


DOMAIN_FULL = 10  # of DOMAIN_PAIRS: fully of the field (the 50 news articles hold 3-18, median 8; other texts 0-1)
OPEN_BELOW = 0.25  # a field share under this: a text on another subject (news of the field hold ≥ 0.3)


def field_share(store: "Store", doc_id: str) -> float:
    """How much of the archive's field an article speaks: the share of DOMAIN_FULL of its word pairs
    (support.py's domain_article; under OPEN_BELOW, answers have a threshold of their own)."""
    return min(1.0, len(DOMAIN_PAIRS & store.words(doc_id).text.pairs) / DOMAIN_FULL)
