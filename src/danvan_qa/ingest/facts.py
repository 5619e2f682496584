"""The fact table extracted at index time: events, people and their acts, programmes.

Every fact keeps the document id and the [start, end) span of the sentence it
was read from, so an answer built from it can quote that sentence exactly.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import Any, Iterable, Protocol

from danvan_qa.ingest import dates
from danvan_qa.ingest.bodies import bodies
from danvan_qa.ingest.chunking import sentence_spans
from danvan_qa.ingest.corpus import Document
from danvan_qa.ingest.lexicon import ACT_FAMILIES, ACTS, EVENT_KINDS, NOUN_BEFORE, SHARED_ACTS
from danvan_qa.ingest.lexicon import CHAIR_ACTS, SPEAK_ACTS  # noqa: F401 - also imported from here (tests, benchmarks)
from danvan_qa.ingest.names import PersonMention, people
from danvan_qa.ingest.normalize import fold

FACTS_VERSION = 25  # bump when extraction changes: stores re-extract facts without re-embedding
# The act cues of lexicon.ACTS, longest first, each a whole word and not the start of a noun.
_NOT_ACT = r"(?!\w)(?! (?:thảo|án|báo|kiến|toán|trù|định|bị|thi|đổi|phòng|hiệu|túc|sự|giả)\b)"  # "dự thảo", "ký hiệu"
_CUES = re.compile("(?<!\\w)(?<!đăng )(?<!thư )(" + "|".join(
    re.escape(c) for c, _ in sorted(ACTS, key=lambda x: -len(x[0]))) + ")" + _NOT_ACT)
_ACT_OF = dict(ACTS)


@dataclass(frozen=True)
class Tuning:
    """How far after a person's name and role a predicate is looked for (characters)."""

    near: int = 45  # chairing / attending verbs, which may follow a co-subject ("cùng các đại biểu dự")
    verb_near: int = 20  # speaking and other verbs: the predicate right after the role


_STAGE = re.compile(r"giai đoạn\s+(\d{4}\s*[-–]\s*\d{4})", re.IGNORECASE)
# "Chương trình (phối hợp) (số) <number> (ngày <date>) (giữa A với B) (về) "<name>"" or "… giai đoạn 2016-2021".
_PROGRAMME = re.compile(
    rf"[Cc]hương trình(?: phối hợp)?(?:\s+số)?(?:\s+(?P<number>{dates.CODE_PATTERN}))?(?:\s+ngày\s+(?P<date>\d{{1,2}}/\d{{1,2}}/\d{{4}}))?"
    r"(?:\s+giữa\s+[^\".;]+?)?(?:\s+về)?\s*"
    r"(?:\"(?P<quoted>[^\"]+)\"|(?P<staged>[^.;,(\"]*?giai đoạn\s+\d{4}\s*[-–]\s*\d{4}))"
)
# "Chương trình (phối hợp công tác dân vận) số <number>(, ngày <date>)": one named by its number alone, its
# code ("số 05/Ctr-BNV-MTTQ") or, once an article has given it, the code's number ("Chương trình phối hợp số 05")
_NUMBERED = re.compile(
    rf"[Cc]hương trình(?:\s+(?:phối hợp|liên tịch|công tác|dân vận|thực hiện))*\s+số\s+"
    rf"(?P<number>{dates.CODE_PATTERN}|\d{{1,3}}(?![\w/–-]))"
    r"(?:,?\s+ngày\s+(?P<date>\d{1,2}/\d{1,2}/\d{4}))?"
)
# "(ký kết) kế hoạch phối hợp … (6 tháng cuối) năm 2025 / giai đoạn 2025-2030": a plan signed for a year, half of one or a
# period, named with it, within its clause (no comma), not a year of what it is for ("… để tổ chức Đại hội năm 2025")
_PLAN = re.compile(r"[Kk]ế hoạch phối hợp(?P<body>(?:(?!\s(?:để|nhằm)\s)[^.;:,()\"“”]){0,80}?)\s"
                   r"(?:(?:(?:6|sáu) tháng (?:đầu|cuối) )?năm \d{4}|giai đoạn (?P<period>\d{4}\s*[-–]\s*\d{4}))")
# signed, right before it ("ký kết", "vừa ký", "xây dựng"; not "đăng ký", "thư ký"; folded)
_SIGNS_PLAN = re.compile(r"(?<!\w)(?<!dang )(?<!thu )(?:ky ket|ky|xay dung|ban hanh)\s*$")
# the parties after a numbered programme: "… giữa A, B và C năm 2018", up to its period, subject or the clause's end
_PARTIES_AFTER = re.compile(r"giữa (.+?)(?= giai đoạn| về | năm \d{4}|[.;:]|$)")


@dataclass(frozen=True)
class Event:
    event_id: str  # "<doc_id>@<n>"
    doc_id: str
    date: str | None  # ISO
    date_text: str  # as written: "4-11", "26/5", "14/2/2022"
    place: str | None
    kinds: tuple[str, ...]
    bodies: tuple[str, ...]  # organisations named in the event sentence
    start: int  # the event sentence
    end: int
    main: bool  # the article's own event (closest to its date), not a past one it recalls


@dataclass(frozen=True)
class Person:
    """A person mentioned with the role the sentence gives them, and what they did there."""

    doc_id: str
    event_id: str | None  # the article's main event when the sentence reports an act at it
    name: str
    rank: str | None
    role: str | None
    acts: tuple[str, ...]
    side: str  # "dân vận", "công an" or "khác", read from the role
    start: int  # the sentence
    end: int
    group: str | None = None  # a title the sentence gives a list of people: "các đồng chí <group>: …"


@dataclass(frozen=True)
class Programme:
    doc_id: str
    name: str
    number: str | None
    period: str | None
    parties: tuple[str, ...]
    date: str | None  # signing date, ISO
    date_text: str | None
    start: int  # the sentence that names it (the signing sentence when there is one)
    end: int
    parties_span: tuple[int, int] | None = None  # the sentence naming the parties
    date_span: tuple[int, int] | None = None  # the sentence the signing date was read from


class KnownNames(Protocol):
    """What reading a question needs of the facts: every person's name, folded, longest first."""

    @property
    def folded_names(self) -> tuple[tuple[str, str], ...]: ...


@dataclass(frozen=True)
class FactTable:
    events: tuple[Event, ...] = ()
    people: tuple[Person, ...] = ()
    programmes: tuple[Programme, ...] = ()

    @functools.cached_property
    def folded_names(self) -> tuple[tuple[str, str], ...]:
        """(folded, as written) of every person's name, longest first: folded once per table, not
        once per question (an archive knows tens of thousands of people)."""
        return tuple((fold(n), n) for n in sorted({p.name for p in self.people}, key=lambda n: (-len(n), n)))

    def to_json(self) -> dict[str, Any]:
        return {k: [dataclasses.asdict(x) for x in getattr(self, k)] for k in ("events", "people", "programmes")}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "FactTable":
        def rows(kind: type, key: str) -> tuple[Any, ...]:
            # JSON gives lists; the tuple fields are named once per kind, not looked for in every
            # value of every row (an archive has a hundred thousand rows, read at every start-up).
            tuples = [f.name for f in dataclasses.fields(kind) if str(f.type).startswith("tuple")]
            out = []
            for r in data[key]:
                r = dict(r)
                for name in tuples:
                    if isinstance(r.get(name), list):
                        r[name] = tuple(r[name])
                out.append(kind(**r))
            return tuple(out)

        return cls(rows(Event, "events"), rows(Person, "people"), rows(Programme, "programmes"))


def organisations(text: str) -> list[str]:
    """Bodies named in a sentence: "Ban Dân vận Thành ủy", "Công an TP Hà Nội", "Bộ Công an"…"""
    return list(dict.fromkeys(b.name for b in bodies(text)))


def _side(role: str | None) -> str:
    folded = fold(role or "")
    if "cong an" in folded:
        return "công an"
    if "dan van" in folded:
        return "dân vận"
    return "khác"


def _cues(text: str, lo: int, hi: int, opening: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, act) of the act cues in text[lo:hi]; a capitalised cue counts only at the opening."""
    lowered = text.lower()
    found = []
    for m in _CUES.finditer(lowered, lo, hi):
        if text[m.start()].isupper() and not (opening and m.start() == lo):
            continue  # "Ban Chỉ đạo" is a body, not a verb
        head = lowered[max(0, m.start() - 12) : m.start()].rstrip()
        if any(head.endswith(n) for n in NOUN_BEFORE):
            continue
        found.append((m.start(), m.end(), _ACT_OF[m.group(1)]))
    return found


def acts_in(text: str) -> tuple[str, ...]:
    """The acts a text reports, with the cues the extractor uses ("ai chủ trì" -> "chủ trì");
    an event noun ("buổi làm việc", "lễ ký kết") is not an act. For reading questions."""
    return tuple(dict.fromkeys(act for _, _, act in _cues(text, 0, len(text), opening=True)))


def act_family(acts: Iterable[str]) -> frozenset[str]:
    """Every act in the families of `acts`."""
    wanted = set(acts)
    return frozenset().union(*(f for f in ACT_FAMILIES if f & wanted)) | wanted


def _own_acts(sentence: str, end: int, limit: int, tuning: Tuning) -> tuple[list[str], int]:
    """The predicate right after a person's name and role: its acts, and where it ends."""
    stop = re.search(r"[;:.!?]", sentence[end:limit])
    cues = _cues(sentence, end, end + stop.start() if stop else limit)
    first = next((n for n, (pos, _, act) in enumerate(cues)
                  if pos - end <= (tuning.near if act in SHARED_ACTS else tuning.verb_near)), None)
    if first is None:
        return [], end
    own, last = [cues[first][2]], cues[first][1]
    for pos, cue_end, act in cues[first + 1 :]:
        if not re.fullmatch(r"\s*(?:,|và)\s*", sentence[last:pos]):
            break
        own.append(act)  # "dự và phát biểu chỉ đạo hội nghị"
        last = cue_end
    return own, last


def _acts(sentence: str, mentions: list[PersonMention], tuning: Tuning = Tuning()) -> list[tuple[str, ...]]:
    """The acts the sentence reports for each of its people.

    A cue before a person ("Tham dự có…", "; về phía Công an có…") holds for the people that
    follow, until a predicate of their own closes the list; the first predicate after a person
    holds for the people listed before it that have none.
    """
    leads = [m.lead if m.lead is not None else m.start for m in mentions]
    ends = [max(m.end, m.role_end or 0) for m in mentions]
    acts: list[list[str]] = [[] for _ in mentions]
    opened: list[list[str]] = [[] for _ in mentions]
    current: list[str] = []
    group: list[int] = []
    prev_end, prev_own = 0, False
    for k, end in enumerate(ends):
        lead_in = [act for _, _, act in _cues(sentence, prev_end, leads[k], opening=k == 0)]
        if lead_in:
            current = lead_in
        elif prev_own:
            current = []  # "A đánh giá cao sự phối hợp với B": B is not a speaker
        if re.search(r"(?<!\w)mà\s*$", sentence[prev_end : leads[k]]):
            current = None  # "… mà Tổng Bí thư X đã nhấn mạnh": recalled, not an act here
        if current is None:
            prev_end, prev_own, current, group = end, False, [], []
            opened[k] = ["-"]
            continue
        opened[k] = current
        if k and re.search(r"(?<!\w)với\s*(?:các đồng chí|đồng chí|ông|bà)?\s*$", sentence[ends[k - 1] : leads[k]]):
            acts[k] += [a for a in acts[k - 1] if a in ("họp", "làm việc")]  # "A có cuộc họp với B"
        own, prev_end = _own_acts(sentence, end, leads[k + 1] if k + 1 < len(mentions) else len(sentence), tuning)
        group.append(k)
        prev_own = bool(own)
        if own:
            for j in group:
                if j == k or not acts[j]:
                    acts[j] += own
            group = []
    result = []
    for k, own_acts in enumerate(acts):
        merged = [] if opened[k] == ["-"] else list(dict.fromkeys([*opened[k], *own_acts]))
        if "đồng chủ trì" in merged and "chủ trì" in merged:
            merged.remove("chủ trì")
        result.append(tuple(merged))
    return result


def _events(doc: Document) -> list[Event]:
    year = int(doc.date[:4]) if doc.date else dates.infer_year(doc.text)
    found = []
    for start, end in sentence_spans(doc.text):
        sentence = doc.text[start:end]
        folded = fold(sentence)
        kinds = tuple(kind for cue, kind in EVENT_KINDS if cue in folded)
        mentions = [d for d in dates.find_dates(sentence, cued_only=True)]
        if not kinds or not mentions:
            continue
        when = dates.resolve(mentions[0], year)
        place = dates.PLACE.search(sentence)
        found.append(Event(
            event_id=f"{doc.doc_id}@{len(found)}", doc_id=doc.doc_id, date=when.isoformat() if when else None,
            date_text=sentence[mentions[0].start : mentions[0].end], place=place.group(1) if place else doc.place,
            kinds=kinds, bodies=tuple(organisations(sentence)), start=start, end=end, main=False,
        ))
    if found:
        target = doc.date or ""
        main = min(found, key=lambda e: (abs(_days(e.date) - _days(target)) if e.date and target else 0))
        found = [dataclasses.replace(e, main=e is main) for e in found]
    return found


def _days(iso: str) -> int:
    parsed = dates.parse_iso(iso)
    return parsed.toordinal() if parsed else 0


def _programmes(doc: Document, events: list[Event]) -> list[Programme]:
    """Programmes named in the document, one record each, preferring the sentence that signs it."""
    year = int(doc.date[:4]) if doc.date else dates.infer_year(doc.text)
    main = next((e for e in events if e.main), None)
    merged: dict[str, Programme] = {}
    for start, end in sentence_spans(doc.text):
        sentence = doc.text[start:end]
        named = list(_PROGRAMME.finditer(sentence))
        starts = {m.start() for m in named}
        for m in [*named, *(n for n in _NUMBERED.finditer(sentence) if n.start() not in starts)]:
            before = fold(sentence[max(0, m.start() - 30) : m.start()])
            signed = "ky ket" in before
            by_number = m.re is _NUMBERED
            name = (sentence[m.start():m.end("number")] if by_number else m.group("quoted") or m.group(0)).strip()
            number = m.group("number")
            rest = sentence[m.end():]
            period = _STAGE.search(m.group(0)) or _STAGE.match(rest.lstrip(" ,")) or (
                _STAGE.search(rest.split(";")[0]) if by_number else None)
            key = number or (dates.period_key(period.group(1)) if period else None)
            if key is None:
                continue
            between = _PARTIES_AFTER.search(rest.split(";")[0]) if by_number else re.search(
                r"giữa (.+?)(?:,| giai đoạn| về |$)", m.group(0))
            parties = organisations(between.group(1)) if between else []
            if not parties and (signed or (by_number and re.search(r"(?:ky ket|xay dung|ban hanh)\s*$", before))):
                # "A và B ký kết (xây dựng) chương trình phối hợp …": the subject's
                parties = organisations(sentence[: m.start()])
            own = next(dates.find_dates(m.group("date"), cued_only=False), None) if m.group("date") else None
            cued = [own] if own else list(dates.find_dates(sentence, cued_only=True)) if signed else []
            when = dates.resolve(cued[0], year) if cued else None
            when_text = (m.group("date") if own else sentence[cued[0].start : cued[0].end]) if cued else None
            date_span = (start, end) if cued else None
            if signed and not cued and main and "ký kết" in main.kinds:
                when, when_text = dates.parse_iso(main.date or ""), main.date_text
                date_span = (main.start, main.end)  # the day of the article's signing event, cited from it
            found = Programme(
                doc_id=doc.doc_id, name=name, number=number,
                period=period.group(1) if period else None, parties=tuple(parties),
                date=when.isoformat() if when else None, date_text=when_text if when else None, start=start, end=end,
                parties_span=(start, end) if parties else None, date_span=date_span if when else None,
            )
            old = merged.get(key)
            if old is None:
                merged[key] = found
            elif signed and old.date is None:  # the signing sentence is the better citation
                merged[key] = found if found.parties else dataclasses.replace(
                    found, parties=old.parties, parties_span=old.parties_span)
            elif not old.parties and found.parties:
                merged[key] = dataclasses.replace(old, parties=found.parties, parties_span=found.parties_span)
    numbered = {dates.period_key(p.period or "") for p in merged.values() if p.number}
    plans = {p.name: p for p in _plans(doc, main)}  # keyed by name, which holds their year
    return [p for p in merged.values() if p.number or dates.period_key(p.period or "") not in numbered] + \
        list(plans.values())


def _plans(doc: Document, main: Event | None) -> Iterable[Programme]:
    """The plans an article signs ("A vừa ký kết kế hoạch phối hợp … năm 2025 với B"): cooperation documents of a
    year, half of one or a period, with no number; their parties the bodies of the clause signing them and the
    body after "với"; the signing day as a programme's. A plan carrying out a programme ("Kế hoạch phối hợp thực
    hiện Chương trình số 05 …") is that programme's signing, not another programme."""
    year = int(doc.date[:4]) if doc.date else dates.infer_year(doc.text)
    for start, end in sentence_spans(doc.text):
        sentence = doc.text[start:end]
        for m in _PLAN.finditer(sentence):
            if not _SIGNS_PLAN.search(fold(sentence[max(0, m.start() - 30):m.start()].lower())) or \
                    "chuong trinh" in fold(m.group("body").lower()):
                continue
            clause = sentence[:m.start()].rsplit(",", 1)[-1]  # who signs: the clause's subject, not a body before it
            partner = re.search(r"(?<!\w)với\s+(.+)$", m.group("body")) or \
                re.match(r"\s*(?:,\s*)?với\s+([^.;:]+)", sentence[m.end():])
            parties = list(dict.fromkeys(organisations(clause) + (organisations(partner.group(1)) if partner else [])))
            cued = list(dates.find_dates(sentence, cued_only=True))
            when = dates.resolve(cued[0], year) if cued else None
            when_text = sentence[cued[0].start:cued[0].end] if cued else None
            date_span = (start, end) if cued else None
            if not cued and main and "ký kết" in main.kinds:
                when, when_text, date_span = dates.parse_iso(main.date or ""), main.date_text, (main.start, main.end)
            yield Programme(doc_id=doc.doc_id, name=m.group(0), number=None, period=m.group("period"),
                            parties=tuple(parties), date=when.isoformat() if when else None,
                            date_text=when_text if when else None, start=start, end=end,
                            parties_span=(start, end) if parties else None, date_span=date_span if when else None)


def extract(documents: Iterable[Document], *, tuning: Tuning = Tuning()) -> FactTable:
    """Read the fact table out of every document."""
    events: list[Event] = []
    persons: list[Person] = []
    programmes: list[Programme] = []
    for doc in documents:
        doc_events = _events(doc)
        main = next((e for e in doc_events if e.main), None)
        for start, end in sentence_spans(doc.text):
            sentence = doc.text[start:end]
            mentions = people(sentence)
            for mention, acts in zip(mentions, _acts(sentence, mentions, tuning)):
                persons.append(Person(
                    doc_id=doc.doc_id, event_id=main.event_id if main and acts else None, name=mention.name,
                    rank=mention.rank, role=mention.role, acts=acts, side=_side(mention.role), start=start, end=end,
                    group=mention.group,
                ))
        events.extend(doc_events)
        programmes.extend(_programmes(doc, doc_events))
    return FactTable(tuple(events), tuple(persons), tuple(programmes))
