"""Drafts: the best supported answer of each kind a question may ask for, before deciding.

From the fact table: the role or rank of a named person, programmes by number. From the ranked
sentences: the people a second ranker picks in one article (who.py), the bodies of a "which
organisations" question, the typed span (date, number, place, period) of the best sentence
holding one; and always the best sentence itself. A draft is statements with their evidence;
whether to give it, and how it looks, is decided later (decide.py, compose.py).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from danvan_qa.index.store import Store
from danvan_qa.ingest import dates
from danvan_qa.ingest.bodies import party_groups
from danvan_qa.ingest.facts import Person, Programme
from danvan_qa.ingest.names import main_post
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.candidates import SentenceCandidate
from danvan_qa.qa.clauses import asked_clause
from danvan_qa.qa.document_asks import (ASKS_NUMBERED, NUMBERED, asks_code, asks_signatories, asks_signing, code_kind,
                                        programme_numbers)
from danvan_qa.qa.document_dates import asks_event_date, document_date
from danvan_qa.qa.extractive import SPAN_KINDS, Scorer, Sentence, Span, asks_several, enumerated, period_span
from danvan_qa.qa.periods import relative_period
from danvan_qa.ingest.lexicon import SPEAKER_ACTS
from danvan_qa.qa.questions import WHO_KINDS, Question
from danvan_qa.qa.ranker import AnswerModels
from danvan_qa.qa.records import OPEN_BELOW, Evidence, Item, Statement, Strong, field_share
from danvan_qa.qa.spans import SpanCandidate, resolved_date, span_candidates
from danvan_qa.qa.who import CHAIR_FAMILY, PersonCandidate, asked_post, attendance, complete, person_candidates, select
from danvan_qa.records import Passage

Ranked = list[tuple[SentenceCandidate, float]]
_IN_YEAR = re.compile(r"(?<!truoc )(?<!sau )(?<!tu )(?<!den )(?<!ke tu )\bnam ((?:19|20)\d\d)\b")  # folded: of that year


@dataclass(frozen=True)
class Draft:
    """An answer being built: its statements and the sentence it rests on, and how it was found
    (`strategy`: "fact", "people", "typed" or "sentence")."""

    short: str | None
    statements: tuple[Statement, ...]
    evidence: Evidence
    strategy: str
    items: tuple[Item, ...] = ()
    person: PersonCandidate | None = None  # the most likely person, for "who" answers
    person_p: float = 0.0
    span_p: float = 0.0  # the span scorer's probability, for typed spans


def vn_date(iso: str | None, like: str = "") -> str:
    """An ISO date as dd/mm/yyyy, without a leading zero where `like` writes none ("14/4": 14/4/2022)."""
    if not iso:
        return ""
    y, m, d = iso.split("-")
    if like and not re.search(r"(?<!\d)0\d", like):
        d, m = str(int(d)), str(int(m))
    return f"{d}/{m}/{y}"


def reading(iso: str | None, written: str) -> str:
    """A date's reading beside it as written (" (14/4/2022)" for "14/4"), none where it says no more."""
    return f" ({shown})" if (shown := vn_date(iso, written)) and shown != written.strip() else ""


def quoted(text: str, evidence: Evidence) -> Statement:
    """A sentence quoted as written."""
    return Statement(('"', text, '"'), evidence)


RUNNER_UP = 0.5  # a sentence answer also quotes the next sentence of its article at least this likely


def as_written(sentence: str, names: list[str] | tuple[str, ...]) -> str:
    """Several bodies as the sentence joins them ("Bộ Công an với Ban Thường trực …") when they
    stand there in order with only joining words, or a few words of one clause, between (those
    are often a body the reader did not take for one: "… và các tổ chức chính trị – xã hội, Hội
    Người cao tuổi tỉnh"); else listed "A, B và C"."""
    listed = ", ".join(names[:-1]) + f" và {names[-1]}" if len(names) > 1 else "".join(names)
    at, parts = 0, []
    for name in names:
        found = sentence.find(name, at)
        if found < 0:
            return listed
        parts.append((found, found + len(name)))
        at = found + len(name)
    gaps = [sentence[a[1] : b[0]] for a, b in zip(parts, parts[1:])]
    if all(re.fullmatch(r"\s*(?:,|và|với|cùng|phối hợp với|cùng với)?\s*", gap)
           or (len(re.findall(r"\w+", gap)) <= 8 and not re.search(r"[.;:()\"“”]", gap)) for gap in gaps):
        return sentence[parts[0][0] : parts[-1][1]]
    return listed


class Drafter:
    """Drafts answers over one store with the fitted rankers; read-only, so thread-safe."""

    def __init__(self, store: Store, models: AnswerModels) -> None:
        self.store = store
        self.models = models

    def evidence(self, doc_id: str, start: int, end: int) -> Evidence:
        return Evidence.of(self.store.data.documents[doc_id], start, end)

    def typed(self, q: Question, passages: list[Passage], ranked: Ranked, scorer: Scorer) -> Draft | None:
        """The best supported answer of the kind the question asks for; None when no typed
        proposer finds one (the best sentence is then the answer to weigh)."""
        if not ranked:
            return None
        draft = None
        if q.kind in ("person_role", "rank"):
            draft = self.person_role(q, passages)
        elif q.kind == "program_name" or ((q.codes or programme_numbers(q)) and (
                q.kind == "date" and asks_signing(q) or q.kind == "parties" and asks_signatories(q))):
            draft = self.programme(q, ranked)
        if draft is None and asks_code(q):
            draft = self.code(q, ranked)
        if draft is None and q.kind == "parties":
            draft = self.organisations(q, ranked)
        if draft is None and q.kind in WHO_KINDS:
            draft = self.people(q, ranked, scorer)
        if draft is None and q.kind == "date" and (dated := document_date(q, ranked)):
            date, document, sentence = dated  # "Quyết định 217 ban hành ngày nào?": the date after its number,
            # weighed as a span the span scorer is sure of (as a fact, the refit answered more near misses)
            evidence = self.evidence(sentence.doc_id, sentence.start, sentence.end)
            draft = Draft(date, (Statement((f"{document}: ngày ", Strong(date)), evidence),), evidence, "typed", span_p=1.0)
        if draft is None and q.kind == "other" and asks_several(q):
            draft = self.enumeration(ranked)
        return draft or self.span(q, ranked, scorer)

    # -- drafts from the fact table ----------------------------------------------
    def person_role(self, q: Question, passages: list[Passage]) -> Draft | None:
        ranks: dict[str, int] = {}
        for p in passages:
            ranks.setdefault(p.doc_id, len(ranks))
        mentions = [p for p in self.store.people_by_name.get(q.person or "", []) if p.role or p.rank]
        if not mentions:
            return None
        year = max(_IN_YEAR.findall(fold(q.text)), default="")  # "hàm gì năm 2018": the latest article up to it
        dated = lambda p: (self.store.data.documents[p.doc_id].date or "")[:4] if year else ""  # noqa: E731
        key = (lambda p: (p.rank is not None, "" < dated(p) <= year, dated(p) if dated(p) <= year else "",
                          -ranks.get(p.doc_id, 99))) if q.kind == "rank" else \
            (lambda p: (p.doc_id in ranks, len(p.role or ""), -ranks.get(p.doc_id, 99)))
        best = max(mentions, key=key)
        evidence = self.evidence(best.doc_id, best.start, best.end)
        if q.kind == "rank":
            return self._ranks(best, mentions, evidence) if best.rank else None
        if not best.role:
            return None
        rank = f"{best.rank} " if best.rank else ""
        line = Statement((rank, Strong(best.name), f" — {best.role}"), evidence)  # the role in full
        return Draft(main_post(best.role, asked_post(q.folded)), (line,), evidence, "fact")  # the post itself

    def _ranks(self, best: Person, mentions: list[Person], evidence: Evidence) -> Draft:
        """The rank the best article gives, and any other the archive gives the same person, each with
        its article's date: a rank changes over the years ("Thượng tướng" in 2016, "Đại tướng" later)."""
        def dated(p: Person) -> str:
            return self.store.data.documents[p.doc_id].date or ""

        others: dict[str, Person] = {}
        for p in sorted(mentions, key=dated, reverse=True):
            if p.rank and p.rank != best.rank:
                others.setdefault(p.rank, p)
        if not others:
            return Draft(best.rank, (Statement((f"{best.rank} ", Strong(best.name)), evidence),), evidence, "fact")
        lines = [Statement((Strong(p.rank), f" {p.name} (bài ngày {vn_date(dated(p))})" if dated(p) else f" {p.name}"),
                           evidence if p is best else self.evidence(p.doc_id, p.start, p.end))
                 for p in (best, *others.values())]
        return Draft(best.rank, tuple(lines), evidence, "fact")

    def programme(self, q: Question, ranked: Ranked) -> Draft | None:
        """A programme from the fact table: the one named by its number ("38-Ctr/BDVTW-BCA"), else
        the one the best sentences report (its naming or its parties sentence is among them)."""
        codes = {fold(c) for c in q.codes}
        short = programme_numbers(q)  # "Chương trình (phối hợp) số 09": the number's leading digits
        if codes:
            chosen = [p for p in self.store.stored_facts.programmes if p.number and fold(p.number) in codes]
        elif short:
            docs = list(dict.fromkeys(c.doc_id for c, _ in ranked))
            chosen = sorted((p for p in self.store.stored_facts.programmes if p.number and
                             re.match(r"0*(\d+)", p.number).group(1) in short),  # type: ignore[union-attr]
                            key=lambda p: (p.number.isdigit(),  # type: ignore[union-attr]  # the code first
                                           docs.index(p.doc_id) if p.doc_id in docs else len(docs)))
        else:
            best = [(c.doc_id, c.start, c.end) for c, _ in ranked[:3]]
            chosen = [p for d, a, b in best for p in self.store.programmes_by_doc.get(d, []) if any(
                x < b and a < y for x, y in ((p.start, p.end), p.parties_span or (0, 0)))]
        years = [tuple(re.findall(r"\d{4}", period)) for period in q.periods]  # a plan of a year is of no period asked
        chosen = [p for p in chosen if not years or (tuple(re.findall(r"\d{4}", p.period)) in years if p.period else p.number)]
        if not chosen:  # a programme of another period than the one asked about is not the answer
            return None
        prog = chosen[0]
        evidence = self.evidence(prog.doc_id, prog.start, prog.end)
        if q.kind == "parties":
            if not prog.parties or not prog.parties_span:
                return None
            span = self.evidence(prog.doc_id, *prog.parties_span)
            text = self.store.data.documents[prog.doc_id].text[slice(*prog.parties_span)]
            joined = as_written(text, prog.parties)
            line = Statement(("Chương trình được ký giữa ", Strong(joined)), span)
            return Draft(joined, (line,), span, "fact",
                         items=tuple(Item(party, None, None, ("ký",), span) for party in prog.parties))
        if q.kind == "date":  # its signing date, unless an event's date is asked ("hội nghị tổng kết … diễn ra")
            if not prog.date_text or asks_event_date(q):
                return None
            line = Statement(("Ký ngày ", Strong(prog.date_text), reading(prog.date, prog.date_text)), evidence)
            return Draft(prog.date_text, (line,), evidence, "fact")
        if asks_code(q):  # "có số hiệu gì": its number is the short answer; one without a number does not answer
            return dataclasses.replace(self._programme_name(prog, evidence), short=prog.number) if prog.number else None
        return self._programme_name(prog, evidence)

    def _programme_name(self, prog: Programme, evidence: Evidence) -> Draft:
        details = ", ".join(filter(None, (
            f"số {prog.number}" if prog.number else None, f"giai đoạn {prog.period}" if prog.period else None,
            f"ký ngày {prog.date_text}" if prog.date_text else None)))
        plan = fold(prog.name.lower()).startswith("ke hoach")  # a plan signed: its name says what it is
        shown = prog.name[:1].upper() + prog.name[1:] if plan else f"Chương trình \"{prog.name}\""
        return Draft(prog.name, (Statement((shown + (f" ({details})" if details else ""),), evidence),), evidence, "fact")

    # -- drafts from the ranked sentences -----------------------------------------
    def people(self, q: Question, ranked: Ranked, scorer: Scorer) -> Draft | None:
        """The people a "who" question asks for, chosen by the person ranker in one article."""
        model = self.models.person
        scored = [(p, model.prob(p.features)) for p in person_candidates(q, ranked, self.store, scorer)]
        if ranked and field_share(self.store, (top := ranked[0][0]).doc_id) < OPEN_BELOW:
            # a text on another subject names people the name reader may not know ("Tom Verner-Lake"): there
            # only a person of the best sentence answers, else that sentence itself (the floor)
            scored = [(c, p) for c, p in scored if (c.doc_id, c.start) == (top.doc_id, top.start)]
        people = select(scored, 1 if q.kind == "role" else 12, self.models.person_min, self.models.person_rel)
        if not people:
            return None
        if q.kind != "role":
            people = attendance(q, complete(people, scored, q, self.store.people_by_doc), scored)
        best, best_p = max(scored, key=lambda cp: cp[1])
        heading = {"chair": "Chủ trì", "attendees": "Tham dự"}
        if q.kind == "speaker" and (q.act or "phát biểu") in SPEAKER_ACTS:
            heading["speaker"] = (q.act or "phát biểu").capitalize()
        if q.kind == "chair" and not any(set(c.acts) & CHAIR_FAMILY for c in people):
            # the article names who attended, not who chaired: the heading says what the quote does
            del heading["chair"]
            if all("dự" in c.acts for c in people):
                heading["chair"] = "Tham dự"
        lines = [Statement((Strong(heading[q.kind]), ":"))] if q.kind in heading else []
        evidence = self.evidence(best.doc_id, best.start, best.end)
        items = []
        for c in people:
            cited = self.evidence(c.doc_id, c.start, c.end)
            title = f"{c.rank} " if c.rank else ""
            role_text = f" — {c.role}" if c.role else ""
            lines.append(Statement((title, Strong(c.name), role_text), cited, item=True))
            items.append(Item(c.name, c.role, c.rank, c.acts, cited))
        # the sentence that says what they did (for speakers, what they said) is quoted as written
        lines.append(quoted(self.store.data.documents[best.doc_id].text[best.start:best.end], evidence))
        return Draft(best.name if best in people else people[0].name, tuple(lines), evidence, "people",
                     tuple(items), person=best, person_p=best_p)

    def organisations(self, q: Question, ranked: Ranked) -> Draft | None:
        """The bodies a "which organisations" question asks for, from the best sentence naming a
        group of them (for "giữa / những …", the best of the top three naming two or more, one
        naming the programme number the question names first): the group after "giữa" when it
        asks who signed or between whom, else the first; without the bodies the question itself
        names ("X phối hợp với đơn vị nào?")."""
        asked = fold(q.restored)
        between = asks_signatories(q)
        found: list[tuple[SentenceCandidate, list[str], int]] = []
        codes = [fold(c) for c in q.codes]  # a sentence naming the programme asked about leads
        for cand, _ in sorted(ranked[:3], key=lambda cp: not all(c in fold(cp[0].text) for c in codes)):
            for group in party_groups(cand.text, between):
                names = list(dict.fromkeys(b.name for b in group if fold(b.name) not in asked))
                if names:
                    found.append((cand, names, len(group)))
                    break
        if not found:
            return None
        # "giữa những cơ quan nào": a group of two or more (with the asked), from the best sentence naming one
        several = between or asks_several(q)
        cand, names, _ = next((f for f in found if several and f[2] > 1), found[0])
        evidence = self.evidence(cand.doc_id, cand.start, cand.end)
        parts: list[str] = []
        for name in names:
            parts += [", "] if parts else []
            parts.append(Strong(name))
        line = Statement((*parts, ': "', cand.text, '"'), evidence)
        return Draft(as_written(cand.text, names), (line,), evidence, "typed",
                     items=tuple(Item(name, None, None, (), evidence) for name in names))

    def code(self, q: Question, ranked: Ranked) -> Draft | None:
        """A document number ("03-KH/BCĐ") in the best of the top three sentences naming one; not
        the number of a programme of another period than the one asked about, nor one of another
        kind than the question's ("chỉ thị số mấy" is not answered by a plan's number); for "số mấy",
        only in the best sentence (else its number, "Nghị quyết 152", is the span asked for)."""
        years = [tuple(re.findall(r"\d{4}", period)) for period in q.periods]
        other = {fold(p.number) for p in self.store.stored_facts.programmes if p.number and p.period and years
                 and tuple(re.findall(r"\d{4}", p.period)) not in years}
        asked = ASKS_NUMBERED.search(q.folded)
        kinds = NUMBERED[asked.group(1)] if asked else None
        for cand, _ in ranked[:1 if asked else 3]:
            hit = next((m for m in dates.CODE.finditer(cand.text) if fold(m.group(0)) not in other
                        and (kinds is None or code_kind(m.group(0)) in kinds)), None)
            if hit:
                evidence = self.evidence(cand.doc_id, cand.start, cand.end)
                line = Statement((Strong(hit.group(0)), ': "', cand.text, '"'), evidence)
                return Draft(hit.group(0), (line,), evidence, "typed")
        return None

    def enumeration(self, ranked: Ranked) -> Draft | None:
        """The things a "which ones" question asks for, as the best of the top three sentences
        enumerates them, each quoted with the sentence."""
        for cand, _ in ranked[:3]:
            items = enumerated(cand.text)
            if items:
                evidence = self.evidence(cand.doc_id, cand.start, cand.end)
                parts: list[str] = []
                for text, _ in items:
                    parts += [", "] if parts else []
                    parts.append(Strong(text))
                line = Statement((*parts, ': "', cand.text, '"'), evidence)
                return Draft(None, (line,), evidence, "typed",
                             items=tuple(Item(text, None, None, (), evidence) for text, _ in items))
        return None

    def span(self, q: Question, ranked: Ranked, scorer: Scorer) -> Draft | None:
        """The typed span the span scorer rates best among the best sentences' spans."""
        if q.kind not in SPAN_KINDS:
            return None
        scored = [(c, self.models.span.prob(c.features)) for c in span_candidates(q, scorer, ranked, self.store)]
        relative = self._relative_period(q, ranked[0][0], scored) if q.kind == "program_period" else None
        if relative is not None or not scored:
            return relative
        best, p = max(scored, key=lambda cp: cp[1])
        if q.kind == "date" and best.features["bare_line"]:
            best = self._told(best, scored)
        return self._quote_span(q, best.span, best.sentence, p)

    def _told(self, bare: SpanCandidate, scored: list[tuple[SpanCandidate, float]]) -> SpanCandidate:
        """A date read off a bare line (a dateline) quoted where a sentence of its article tells the
        same day: the same date (as that sentence writes it), with evidence that says what happened."""
        doc = self.store.data.documents[bare.sentence.doc_id]
        year = int(doc.date[:4]) if doc.date else None
        day = resolved_date(bare.span, year)
        same = [(c, p) for c, p in scored if c.sentence.doc_id == doc.doc_id and not c.features["bare_line"]
                and day is not None and resolved_date(c.span, year) == day]
        return max(same, key=lambda cp: cp[1])[0] if same else bare

    def sentence(self, q: Question, ranked: Ranked) -> Draft | None:
        """The best sentence, quoted, with the clause that answers a "vì sao / như thế nào / là gì"
        as its short answer (qa/clauses.py); with the runner-up of its article when nearly as likely."""
        if not ranked:
            return None
        (best, p_best), runner = ranked[0], ranked[1] if len(ranked) > 1 else None
        clause = asked_clause(q, best.text, field_share(self.store, best.doc_id) < OPEN_BELOW)
        evidence = self.evidence(best.doc_id, best.start, best.end)
        lines = [quoted(best.text, evidence)]
        if runner and runner[0].doc_id == best.doc_id and runner[1] >= RUNNER_UP * p_best:
            # nearly as likely, in the same article: a reader sees both rather than a coin toss
            second = runner[0]
            lines.append(quoted(second.text, self.evidence(second.doc_id, second.start, second.end)))
        return Draft(best.text[clause[0]:clause[1]] if clause else None, tuple(lines), evidence, "sentence")

    def _relative_period(self, q: Question, best: SentenceCandidate,
                         scored: list[tuple[SpanCandidate, float]]) -> Draft | None:
        """"Giai đoạn tiếp theo / trước": the latest (earliest) period the best sentence's article names, since the
        sentence that echoes the question often names only the other one; the answer rests on that sentence too
        (it says which programme is asked of), quoted after the period's, whose span the span scorer weighs."""
        later = relative_period(q)
        if later is None:
            return None
        text = self.store.data.documents[best.doc_id].text
        found = [(int(m.group(1)), a, b) for a, b in self.store.sentences(best.doc_id)
                 for m in dates.PERIOD.finditer(text[a:b])]
        if len({year for year, _, _ in found}) < 2:
            return None
        _, a, b = (max if later else min)(found, key=lambda f: f[0])
        span = period_span(q, Sentence(best.doc_id, a, b, text[a:b], 0.0))
        holding = dataclasses.replace(best, start=a, end=b, text=text[a:b])  # the sentence need not be ranked
        if span is None:
            return None
        draft = self._quote_span(q, span, holding, next((p for c, p in scored if c.span == span
                                                          and c.sentence.doc_id == best.doc_id), 0.0))
        if (a, b) == (best.start, best.end):
            return draft
        echo = quoted(best.text, self.evidence(best.doc_id, best.start, best.end))
        return dataclasses.replace(draft, statements=(*draft.statements, echo), evidence=echo.evidence)

    def _quote_span(self, q: Question, span: Span, cand: SentenceCandidate, span_p: float) -> Draft:
        """A typed span in bold, with its sentence quoted; a date with its reading (dd/mm/yyyy)."""
        label = ""
        if q.kind == "date":
            doc = self.store.data.documents[cand.doc_id]
            iso = resolved_date(span, int(doc.date[:4]) if doc.date else None)
            label = reading(iso, span.text)
        text = self.store.data.documents[cand.doc_id].text[cand.start:cand.end]
        evidence = self.evidence(cand.doc_id, cand.start, cand.end)
        prefix = "Giai đoạn " if q.kind == "program_period" else ""
        line = Statement((prefix, Strong(span.text), f'{label}: "', text, '"'), evidence)
        return Draft(span.text, (line,), evidence, "typed", span_p=span_p)
