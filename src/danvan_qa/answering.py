"""answer(): a short, cited, extractive answer to a Vietnamese question, or an abstention.

Every sentence of the retrieved passages is a candidate, scored by a learned
ranker (candidates.py, ranker.py); a calibrated answer/abstain model decides
whether the best candidates support an answer at all. "Who" questions list the
people a second ranker picks inside the best sentences; other questions get the
typed span (date, number, place, period) of the best sentence holding one, or
the sentence itself. Questions about a named person's role and about a
programme by its number are read from the fact table. Each statement quotes its
sentence verbatim and cites it; when nothing retrieved supports an answer, the
bot says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .backend import Filters
from .candidates import (ANSWERABLE_FEATURES, PERSON_FEATURES, SENTENCE_FEATURES, WHO_KINDS, Candidate,
                         PersonCandidate, person_candidates, question_features, sentence_candidates)
from .errors import ModelError
from .extractive import Scorer, Sentence, date_span, number_span, period_span, place_span
from .facts import Programme
from .normalize import fold
from .questions import SPEAKER_ACTS, Question, parse
from .ranker import AnswerModels, load_models
from .records import Answer, AnswerItem, Citation, Passage
from .retrieval import clean_query, open_store, search
from .settings import Settings
from .store import Store

NO_ANSWER = "Không tìm thấy thông tin này trong các bài viết hiện có."
_SPAN_KINDS = frozenset({"number", "date", "place", "program_period"})  # questions answered by a typed span
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

    def __init__(self, store: Store, settings: Settings, models: AnswerModels | None = None) -> None:
        self.store = store
        self.settings = settings
        self.models = models or load_models()
        expected = (SENTENCE_FEATURES, PERSON_FEATURES, ANSWERABLE_FEATURES)
        if (self.models.sentence.names, self.models.person.names, self.models.answerable.names) != expected:
            raise ModelError("the answer models were fitted on other features than this version computes; "
                             "refit them with `danvan-qa train`")
        self._abstain_below = settings.abstain_threshold or self.models.abstain_below

    # -- helpers -----------------------------------------------------------
    def _doc_rank(self, passages: list[Passage]) -> dict[str, int]:
        ranks: dict[str, int] = {}
        for p in passages:
            ranks.setdefault(p.doc_id, len(ranks))
        return ranks

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

    def programme(self, q: Question, ranked: list[tuple[Candidate, float]]) -> Draft | None:
        """A programme from the fact table: the one named by its number ("38-Ctr/BDVTW-BCA"), else
        the one the best sentences report (its naming or its parties sentence is among them)."""
        codes = {fold(c) for c in q.codes}
        if codes:
            chosen = [p for p in self.store.facts.programmes if p.number and fold(p.number) in codes]
        else:
            best = [(c.doc_id, c.start, c.end) for c, _ in ranked[:3]]
            chosen = [p for d, a, b in best for p in self.store.facts.programmes if p.doc_id == d and any(
                x < b and a < y for x, y in ((p.start, p.end), p.parties_span or (0, 0)))]
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
        ranked = self.rank(q, passages, scorer)
        p_answer = self.models.answerable.prob(question_features(scorer, ranked, q, self.store))
        unknown = self._names_unknown(q, passages)
        if not ranked or unknown or p_answer < self._abstain_below:
            return self._abstain(q, passages, 0.0 if unknown else p_answer)
        draft = None
        if q.kind in ("person_role", "rank"):
            draft = self.person_role(q, passages)
        elif q.kind in ("program_name", "parties") or (q.codes and q.kind == "date"):
            draft = self.programme(q, ranked)
        if draft is None and q.kind in WHO_KINDS:
            draft = self.people(q, ranked, scorer)
        if draft is None:
            draft = self.from_ranked(q, ranked)
        draft.confidence = p_answer
        return self._compose(q, draft, passages)

    def rank(self, q: Question, passages: list[Passage], scorer: Scorer) -> list[tuple[Candidate, float]]:
        """Candidate sentences, best first by the learned sentence ranker."""
        model = self.models.sentence
        scored = [(c, model.prob(c.features)) for c in sentence_candidates(q, passages, self.store, scorer)]
        return sorted(scored, key=lambda cp: -cp[1])

    def _names_unknown(self, q: Question, passages: list[Passage]) -> bool:
        """Hard evidence: the question names a code or period that no article contains, or a
        place that none of the retrieved articles mentions."""
        if not all(self.store.known_phrase(phrase) for phrase in (*q.codes, *q.periods)):
            return True
        docs = [self.store.data.documents[d] for d in dict.fromkeys(p.doc_id for p in passages)]
        texts = [fold(" ".join(filter(None, (d.title, d.place, d.source, d.text)))) for d in docs]
        return any(not any(re.search(rf"(?<!\w){re.escape(place)}(?!\w)", t) for t in texts) for place in q.places)

    def people(self, q: Question, ranked: list[tuple[Candidate, float]], scorer: Scorer) -> Draft | None:
        """The people a "who" question asks for, chosen by the person ranker among the best sentences."""
        model = self.models.person
        scored = sorted(((p, model.prob(p.features)) for p in person_candidates(q, ranked, self.store, scorer)),
                        key=lambda pp: -pp[1])
        if not scored:
            return None
        limit = 1 if q.kind == "role" else 12
        chosen: dict[str, PersonCandidate] = {}
        for cand, prob in scored:
            if len(chosen) >= limit or (chosen and (prob < self.models.person_min or
                                                    prob < self.models.person_rel * scored[0][1])):
                break
            chosen.setdefault(cand.mention.name, cand)
        best = scored[0][0]
        # A person is shown with the fullest role the article gives them (a caption's is often cut short).
        fullest = {name: max((p for p, _ in scored if p.mention.name == name and p.doc_id == c.doc_id),
                             key=lambda p: len(p.mention.role or "")) for name, c in chosen.items()}
        people = sorted(fullest.values(), key=lambda c: (c.start, c.mention.start))
        heading = {"chair": "Chủ trì", "attendees": "Tham dự"}
        if q.kind == "speaker" and (q.act or "phát biểu") in SPEAKER_ACTS:
            heading["speaker"] = (q.act or "phát biểu").capitalize()
        lines = [f"**{heading[q.kind]}**:", ""] if q.kind in heading else []
        draft = Draft(short=people[0].mention.name if len(people) == 1 else None, lines=lines, confidence=0.0,
                      docs={c.doc_id for c in people})
        for c in people:
            m = c.mention
            title = f"{md_escape(m.rank)} " if m.rank else ""
            role_text = f" — {md_escape(m.role)}" if m.role else ""
            lines.append(f"- {title}**{md_escape(m.name)}**{role_text} {_cite(c.doc_id, c.start, c.end)}")
            draft.items.append((m.name, m.role, m.rank, (), (c.doc_id, c.start, c.end)))
        if q.kind == "speaker":  # what they said or did is the rest of the answer: quote it
            text = self.store.data.documents[best.doc_id].text[best.start:best.end]
            lines += ["", f"\"{md_escape(text)}\" {_cite(best.doc_id, best.start, best.end)}"]
        return draft

    def from_ranked(self, q: Question, ranked: list[tuple[Candidate, float]]) -> Draft:
        """The typed span of the best sentence that holds one; else the best sentence itself."""
        for cand, prob in ranked[:3]:
            s = Sentence(cand.doc_id, cand.start, cand.end, cand.text, prob)
            draft = self._typed(q, s)
            if draft is not None and (draft.short is not None or q.kind not in _SPAN_KINDS):
                return draft
        best, prob = ranked[0]
        cite = _cite(best.doc_id, best.start, best.end)
        return Draft(None, [f"\"{md_escape(best.text)}\" {cite}"], prob, docs={best.doc_id})

    def _abstain(self, q: Question, passages: list[Passage], p_answer: float = 0.0) -> Answer:
        """No answer; `confidence` keeps the model's probability that the articles answer it."""
        return Answer(question=q.text, kind=q.kind, short=None, items=(), text=NO_ANSWER, citations=(),
                      abstained=True, confidence=round(p_answer, 3), passages=tuple(passages))

    def _compose(self, q: Question, draft: Draft, passages: list[Passage]) -> Answer:
        numbers: dict[tuple[str, int, int], int] = {}
        citations: list[Citation] = []

        def number(match: re.Match[str]) -> str:
            key = (match.group(1), int(match.group(2)), int(match.group(3)))
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                doc = self.store.data.documents[key[0]]
                start, end = doc.published_span(key[1], key[2])  # quote the article as published
                citations.append(Citation(numbers[key], doc.doc_id, doc.title, doc.date, doc.url,
                                          start, end, doc.published[start:end]))
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
