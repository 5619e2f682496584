"""answer(): a short, cited, extractive answer to a Vietnamese question, or an abstention.

Questions the fact table covers (who attended / chaired / spoke, who holds a
role, what role a person holds, which programme, between whom) are answered
from it, for the event the question names; everything else from the best
sentence of the retrieved passages. Each statement quotes its sentence
verbatim and cites it; when nothing retrieved supports an answer, the bot says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .backend import Filters
from .extractive import Scorer, Sentence, candidate_sentences, date_span, number_span, period_span, place_span
from .facts import CHAIR_ACTS, Event, Person, Programme
from .normalize import fold
from .questions import Question, parse
from .records import Answer, AnswerItem, Citation, Passage
from .retrieval import clean_query, open_store, search
from .settings import Settings
from .store import Store

NO_ANSWER = "Không tìm thấy thông tin này trong các bài viết hiện có."
# Questions about people are answered from the fact table only: a sentence that
# merely resembles the question cannot say who did something.
TABLE_ONLY = frozenset({"attendees", "chair", "speaker", "role", "person_role", "rank"})
UNKNOWN_SHARE = 0.25  # abstain when this share of a question's topical words occurs in no article
_ADMIN = frozenset({"tinh", "thanh", "pho", "huyen", "quan", "tp"})
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def md_escape(text: str) -> str:
    """Article text shown inside Markdown: markup characters lose their meaning."""
    return _MD_SPECIAL.sub(r"\\\1", text)


@dataclass
class Draft:
    """An answer being built: Markdown lines with {n:doc:start:end} citation slots."""

    short: str | None
    lines: list[str]
    confidence: float
    items: list[tuple[str, str | None, str | None, tuple[str, ...], tuple[str, int, int]]] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)


def _cite(doc_id: str, start: int, end: int) -> str:
    return f"{{cite:{doc_id}:{start}:{end}}}"


class Answerer:
    """Answers questions over one store; stateless apart from the store, so thread-safe."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings

    # -- helpers -----------------------------------------------------------
    def _doc_text(self, doc_id: str) -> str:
        return self.store.data.documents[doc_id].text

    def _context(self, doc_id: str) -> str:
        doc = self.store.data.documents[doc_id]
        return f"{doc.title} {doc.place or ''}"

    def _support(self, doc_id: str) -> str:
        doc = self.store.data.documents[doc_id]
        return fold(" ".join(filter(None, (doc.title, doc.place, doc.source, doc.text))))

    def _doc_rank(self, passages: list[Passage]) -> dict[str, int]:
        ranks: dict[str, int] = {}
        for p in passages:
            ranks.setdefault(p.doc_id, len(ranks))
        return ranks

    def _best_role(self, doc_id: str, name: str) -> Person | None:
        with_role = [p for p in self.store.people_by_name.get(name, []) if p.doc_id == doc_id and p.role]
        return max(with_role, key=lambda p: len(p.role or ""), default=None)

    # -- event and role matching ------------------------------------------
    def select_event(self, q: Question, passages: list[Passage]) -> Event | None:
        ranks = self._doc_rank(passages)
        best: tuple[float, Event] | None = None
        for e in (e for doc_id in ranks for e in self.store.events_by_doc.get(doc_id, [])):
            if not e.main:
                continue
            score = 1.0 / (1 + ranks[e.doc_id])
            if q.dates:
                y, mo, d = (int(x) for x in (e.date or "0-0-0").split("-"))
                hit = any(day == d and month == mo and year in (None, y) for day, month, year in q.dates)
                score += 3 if hit else -3
            doc = self.store.data.documents[e.doc_id]
            context = set(re.findall(r"\w+", fold(f"{self._doc_text(e.doc_id)[e.start:e.end]} {e.place} {doc.title}")))
            tokens = [t for t in re.findall(r"\w+", q.folded) if len(t) > 1]
            score += sum(t in context for t in tokens) / max(len(tokens), 1)
            if best is None or score > best[0]:
                best = (score, e)
        if best is None or (q.dates and best[0] < 0):
            return None
        return best[1]

    def _role_score(self, q: Question, role: str) -> float:
        words = q.folded
        deputy = bool(re.search(r"(?<!\w)phó(?!\w)", q.restored.lower()))  # phó (deputy), not phố
        best = 0.0
        for segment in (s.strip() for s in role.split(",")):
            tokens = re.findall(r"\w+", fold(segment))
            if len(tokens) < 2 or " ".join(tokens[:2]) not in words:
                continue
            if segment.lower().startswith("phó ") != deputy:
                continue  # "Phó Chủ tịch" is not "Chủ tịch"
            core = [t for t in tokens if t not in _ADMIN]
            precision = sum(t in words.split() for t in core) / max(len(core), 1)
            level_clash = ("tinh" in words.split()) != ("tinh" in tokens) and ("thanh pho" in words) != (
                "thanh pho" in " ".join(tokens))
            best = max(best, precision - (0.2 if level_clash else 0.0))
        return best

    # -- handlers ------------------------------------------------------------
    def participants(self, q: Question, passages: list[Passage]) -> Draft | None:
        event = self.select_event(q, passages)
        if event is None:
            return None
        wanted = {"chair": CHAIR_ACTS, "speaker": {q.act}}.get(q.kind)
        chosen: dict[str, Person] = {}
        for p in self.store.people_by_doc.get(event.doc_id, []):
            if p.event_id != event.event_id or not p.acts:
                continue
            if wanted is not None and not set(p.acts) & set(wanted):
                continue
            if q.exclude_chairs and self._is_chair(event, p.name):
                continue
            chosen.setdefault(p.name, p)
        if not chosen:
            return None
        co_chairs = all("đồng chủ trì" in p.acts for p in chosen.values())
        heading = {"chair": "Đồng chủ trì" if co_chairs else "Chủ trì",
                   "speaker": (q.act or "Phát biểu").capitalize()}.get(q.kind, "Tham dự")
        has_year = re.search(r"\d{4}", event.date_text)
        when = f"ngày {event.date_text}" + (f" ({_vn_date(event.date)})" if event.date and not has_year else "")
        lines = [f"**{heading}** ({when}{', ' + md_escape(event.place) if event.place else ''}):", ""]
        draft = Draft(short=None, lines=lines, confidence=0.9, docs={event.doc_id})
        for name, p in chosen.items():
            role = self._best_role(p.doc_id, name)
            rank = p.rank or (role.rank if role else None)
            title = f"{rank} " if rank else ""
            role_text = f" — {md_escape(role.role)}" if role and role.role else ""
            lines.append(f"- {md_escape(title)}**{md_escape(name)}**{role_text} {_cite(p.doc_id, p.start, p.end)}")
            draft.items.append((name, role.role if role else None, rank, p.acts, (p.doc_id, p.start, p.end)))
        if len(chosen) == 1:
            draft.short = next(iter(chosen))
        return draft

    def _is_chair(self, event: Event, name: str) -> bool:
        return any(p.event_id == event.event_id and set(p.acts) & CHAIR_ACTS
                   for p in self.store.people_by_name.get(name, []))

    def role_holder(self, q: Question, passages: list[Passage]) -> Draft | None:
        ranks = self._doc_rank(passages)
        event = self.select_event(q, passages) if q.dates else None
        scored: list[tuple[float, Person]] = []
        for p in (p for doc_id in ranks for p in self.store.people_by_doc.get(doc_id, [])):
            if not p.role or (event and p.doc_id != event.doc_id):
                continue
            score = self._role_score(q, p.role)
            doc = self.store.data.documents[p.doc_id]
            if doc.place and fold(doc.place) in q.folded:
                score += 0.3
            scored.append((score + 0.05 / (1 + ranks[p.doc_id]), p))
        if not scored:
            return None
        score, person = max(scored, key=lambda x: x[0])
        if score < 0.75:
            return None
        rank = f"{person.rank} " if person.rank else ""
        line = f"{md_escape(rank)}**{md_escape(person.name)}** — {md_escape(person.role or '')} " \
               f"{_cite(person.doc_id, person.start, person.end)}"
        return Draft(short=person.name, lines=[line], confidence=min(score, 1.0), docs={person.doc_id},
                     items=[(person.name, person.role, person.rank, person.acts, (person.doc_id, person.start, person.end))])

    def person_role(self, q: Question, passages: list[Passage]) -> Draft | None:
        ranks = self._doc_rank(passages)
        mentions = [p for p in self.store.people_by_name.get(q.person or "", []) if p.role or p.rank]
        if not mentions:
            return None
        key = (lambda p: (p.rank is not None, -ranks.get(p.doc_id, 99))) if q.kind == "rank" else \
            (lambda p: (p.doc_id in ranks, len(p.role or ""), -ranks.get(p.doc_id, 99)))
        best = max(mentions, key=key)
        cite = _cite(best.doc_id, best.start, best.end)
        if q.kind == "rank":
            if not best.rank:
                return None
            return Draft(short=best.rank, lines=[f"{md_escape(best.rank)} **{md_escape(best.name)}** {cite}"],
                         confidence=0.9, docs={best.doc_id})
        if not best.role:
            return None
        rank = f"{best.rank} " if best.rank else ""
        line = f"{md_escape(rank)}**{md_escape(best.name)}** — {md_escape(best.role)} {cite}"
        return Draft(short=best.role, lines=[line], confidence=0.9, docs={best.doc_id})

    def programme(self, q: Question, passages: list[Passage]) -> Draft | None:
        if q.codes:
            programmes = self.store.facts.programmes
            codes = {fold(c) for c in q.codes}
            chosen = [p for p in programmes if p.number and fold(p.number) in codes]
        elif "ky" in q.folded.split() and "ngoai" not in q.folded.split():
            event = self.select_event(q, passages)
            chosen = [p for p in self.store.programmes_by_doc.get(event.doc_id, []) if p.date] if event else []
        else:
            return None
        if not chosen:
            return None
        prog = chosen[0]
        if q.kind == "parties":
            if not prog.parties or not prog.parties_span:
                return None
            short = " và ".join(prog.parties)
            span = (prog.doc_id, *prog.parties_span)
            line = f"Chương trình được ký giữa **{md_escape(short)}** {_cite(*span)}"
            return Draft(short=short, lines=[line], confidence=0.9, docs={prog.doc_id},
                         items=[(party, None, None, ("ký",), span) for party in prog.parties])
        if q.kind == "date":
            if not prog.date_text:
                return None
            line = f"Ký ngày **{md_escape(prog.date_text)}** ({_vn_date(prog.date)}) {_cite(prog.doc_id, prog.start, prog.end)}"
            return Draft(short=prog.date_text, lines=[line], confidence=0.9, docs={prog.doc_id})
        return self._programme_name(prog)

    def _programme_name(self, prog: Programme) -> Draft:
        details = ", ".join(filter(None, (
            f"số {prog.number}" if prog.number else None, f"giai đoạn {prog.period}" if prog.period else None,
            f"ký ngày {prog.date_text}" if prog.date_text else None,
        )))
        line = f"Chương trình \"{md_escape(prog.name)}\"" + (f" ({md_escape(details)})" if details else "")
        return Draft(short=prog.name, lines=[f"{line} {_cite(prog.doc_id, prog.start, prog.end)}"],
                     confidence=0.9, docs={prog.doc_id})

    def from_sentences(self, q: Question, passages: list[Passage], scorer: Scorer) -> Draft | None:
        sentences = candidate_sentences(passages, self.store.sentences, self._doc_text, self._context, scorer)
        for s in sentences[:12]:
            draft = self._typed(q, s)
            if draft is not None:
                return draft
        return None

    def _typed(self, q: Question, s: Sentence) -> Draft | None:
        doc = self.store.data.documents[s.doc_id]
        cite = _cite(s.doc_id, s.start, s.end)
        quote = f"\"{md_escape(s.text)}\" {cite}"
        if q.kind == "number":
            span = number_span(q, s)
            return Draft(span.text, [f"**{md_escape(span.text)}**: {quote}"], s.score, docs={s.doc_id}) if span else None
        if q.kind == "date":
            found = date_span(q, s, int(doc.date[:4]) if doc.date else None)
            if not found:
                return None
            span, iso = found
            when = f"**{md_escape(span.text)}**" + (f" ({_vn_date(iso)})" if iso else "")
            return Draft(span.text, [f"{when}: {quote}"], s.score, docs={s.doc_id})
        if q.kind == "place":
            span = place_span(s, doc.place)
            return Draft(span.text, [f"**{md_escape(span.text)}**: {quote}"], s.score, docs={s.doc_id}) if span else None
        if q.kind == "program_period":
            span = period_span(q, s)
            return Draft(span.text, [f"Giai đoạn **{md_escape(span.text)}**: {quote}"], s.score, docs={s.doc_id}) \
                if span else None
        return Draft(None, [quote], s.score, docs={s.doc_id})

    # -- the whole question --------------------------------------------------
    def answer(self, question: str, *, k: int = 8, mode: str = "hybrid", filters: Filters | None = None) -> Answer:
        text = clean_query(question, self.settings.max_question_chars)
        restored = self.store.restorer.restore(text)  # once: search() leaves restored text as it is
        passages = search(self.store, restored, k, mode=mode, settings=self.settings, filters=filters)
        q = parse(text, restored, self.store.facts)
        scorer = Scorer(q, self.store.restorer.folded_count, self.store.restorer.total)
        if self._unsupported(q, scorer) or not passages:
            return self._abstain(q, passages)
        handler = {
            "attendees": self.participants, "chair": self.participants, "speaker": self.participants,
            "role": self.role_holder, "person_role": self.person_role, "rank": self.person_role,
            "program_name": self.programme, "parties": self.programme, "date": self.programme,
        }.get(q.kind)
        draft = handler(q, passages) if handler else None
        if draft is None and q.kind not in TABLE_ONLY:
            draft = self.from_sentences(q, passages, scorer)
        if draft is None or draft.confidence < self.settings.abstain_threshold or not self._nouns_supported(q, draft):
            return self._abstain(q, passages)
        return self._compose(q, draft, passages)

    def _unsupported(self, q: Question, scorer: Scorer) -> bool:
        """The question names something no article contains: an unknown word, code or period."""
        if not all(self.store.known_phrase(phrase) for phrase in (*q.codes, *q.periods)):
            return True
        if not scorer.weights:
            return False
        nouns = set(re.findall(r"\w+", fold(" ".join(q.proper_nouns))))
        return len(scorer.unknown) / len(scorer.weights) >= UNKNOWN_SHARE or bool(nouns & set(scorer.unknown))

    def _nouns_supported(self, q: Question, draft: Draft) -> bool:
        support = " ".join(self._support(d) for d in draft.docs)
        return all(fold(noun) in support for noun in q.proper_nouns)

    def _abstain(self, q: Question, passages: list[Passage]) -> Answer:
        return Answer(question=q.text, kind=q.kind, short=None, items=(), text=NO_ANSWER, citations=(),
                      abstained=True, confidence=0.0, passages=tuple(passages))

    def _compose(self, q: Question, draft: Draft, passages: list[Passage]) -> Answer:
        numbers: dict[tuple[str, int, int], int] = {}
        citations: list[Citation] = []

        def number(match: re.Match[str]) -> str:
            key = (match.group(1), int(match.group(2)), int(match.group(3)))
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                doc = self.store.data.documents[key[0]]
                citations.append(Citation(numbers[key], doc.doc_id, doc.title, doc.date, doc.url,
                                          key[1], key[2], doc.text[key[1] : key[2]]))
            return f"[{numbers[key]}]"

        body = re.sub(r"\{cite:(.+?):(\d+):(\d+)\}", number, "\n".join(draft.lines))
        items = tuple(
            AnswerItem(name, role, rank, acts, numbers[cite]) for name, role, rank, acts, cite in draft.items
            if cite in numbers
        )
        return Answer(question=q.text, kind=q.kind, short=draft.short, items=items, text=body,
                      citations=tuple(citations), abstained=False, confidence=round(min(draft.confidence, 1.0), 3),
                      passages=tuple(passages))


def _vn_date(iso: str | None) -> str:
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def answer(
    question: str,
    *,
    store: Store | Path | str | None = None,
    settings: Settings | None = None,
    mode: str = "hybrid",
    filters: Filters | None = None,
) -> Answer:
    """Answer a Vietnamese question from the indexed articles, with numbered citations, or abstain."""
    settings = settings or Settings.from_env()
    if not isinstance(store, Store):
        store = open_store(store, settings)
    return Answerer(store, settings).answer(question, k=settings.answer_passages, mode=mode, filters=filters)
