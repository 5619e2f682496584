"""Candidates for "who" questions: the people of the best articles, with what the table says they did.

A question about people is about one event, reported by one article, so candidates are the
people of the few articles whose sentences the sentence ranker put first, one candidate per
person and article (their mentions merged: every act, the fullest role). Features relate the
person to the question, never to a particular article: did they do the act asked about
(read by the fact table's own cues), does their role or rank cover the question's words
("Những UVTV Tỉnh ủy nào…", "Vị tướng nào…"), how well the sentence ranker rated their
sentences, are they named in the question ("… làm việc với Chủ tịch X": X is not the answer).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Sequence

from danvan_qa.ingest.abbreviations import aliases
from danvan_qa.ingest.facts import act_family
from danvan_qa.ingest.lexicon import RANKS, TITLE_HEADS, TITLE_LOWER
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.extractive import Scorer
from danvan_qa.qa.questions import Question, person_focus, wanted_acts
from danvan_qa.qa.records import Features

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.facts import Person
    from danvan_qa.qa.candidates import SentenceCandidate

CHAIR_FAMILY = act_family(("chủ trì",))
PERSON_FEATURES = (
    "sent_p", "sent_rel", "doc_top", "doc_rr", "act_exact", "act_family", "act_other", "doc_has_act",
    "exact_elsewhere", "role_cov", "role_gap", "has_role", "has_rank", "mentions", "first_pos",
    "role_kind_cov", "head_match", "title_cov", "focus_cov", "side_cov",
)
ARTICLES = 3  # the articles of the best sentences whose people are candidates


@dataclass(frozen=True)
class PersonCandidate:
    """A person of one article, their mentions merged; `start`/`end` is the sentence to cite."""

    doc_id: str
    name: str
    rank: str | None
    role: str | None
    acts: tuple[str, ...]
    start: int
    end: int
    position: int  # of the cited mention among the article's, to list people in the article's order
    features: Features


_HEAD = re.compile(r"(?<!\w)(phó\s+)?(" + "|".join(re.escape(h) for h in sorted(
    {h.lower() for h in (*TITLE_HEADS, *RANKS, "tướng")}, key=len, reverse=True)) + r")(?!\w)")


def title_heads(text: str) -> set[tuple[str, bool]]:
    """The titles and ranks a text names, each with whether it is a deputy's ("Phó Chủ tịch");
    a general's rank is also "tướng" ("Vị tướng nào …?")."""
    heads = {(m.group(2), bool(m.group(1))) for m in _HEAD.finditer(text.lower())}
    return heads | {("tướng", False) for head, _ in heads if head.endswith(" tướng")}


def _title_words(text: str, m: re.Match[str]) -> set[str]:
    """The folded words of the title whose head `m` matched in `text`, with the title and
    organisation words after it ("Trưởng ban Tuyên giáo Tỉnh ủy …")."""
    found = set(fold(m.group(0)).split())
    for token in re.findall(r"\w+|[^\w\s]", text[m.end():]):
        if not (token[:1].isupper() or token.lower() in TITLE_LOWER):
            break  # a verb, a preposition or punctuation ends the title
        found.add(fold(token))
    return found


def _place_words(q: Question) -> set[str]:
    return {w for p in q.places for w in p.split()}  # roles often leave the place out


def title_words(q: Question) -> set[str]:
    """The folded words of every title the question names, without its places."""
    found: set[str] = set()
    for m in _HEAD.finditer(q.restored.lower()):
        found |= _title_words(q.restored, m)
    return found - _place_words(q)


_LEAD = re.compile(r"(?:(?:những|các|hai|ba|vị|đồng chí|ông|bà)\s+)*")


_GROUP = re.compile(r"(?:lãnh đạo|đại diện|thay mặt)(?!\w)")  # "Lãnh đạo Công an tỉnh nào …": any leader of that body


def focus_title(q: Question) -> tuple[tuple[str, bool] | None, set[str]] | None:
    """The title of the person the question asks for, as (head, deputy) and its folded words:
    "Ai là <title>?", "<title> … là ai?", "<title> … nào …?", "<title> tên là gì?"; for "Lãnh đạo
    <body> nào" no head, only the body's words. A title named elsewhere in the question ("Ai làm
    việc với Chủ tịch X?") is not it."""
    text = q.restored
    lowered = text.lower()
    at = person_focus(text)
    if at is None and re.search(r"(?<!\w)nào(?!\w)", lowered):
        at = 0  # "Cục trưởng Cục … về ma túy nào …": the title opens the question
    if at is None:
        return None
    if lowered.startswith("ai", at):
        if lowered.startswith("ai là ", at):
            at += len("ai là ")
        elif _GROUP.match(lowered, at + len("ai ")):
            at += len("ai ")  # "Ai đại diện Công an tỉnh ký …?": someone of that body
        elif re.search(r"(?<!\w)là ai\W*$", lowered):
            at = 0  # "<title> … là ai?"
        else:
            return None
    at = _LEAD.match(lowered, at).end()
    if lowered[:at].endswith("phó "):
        at -= len("phó ")  # "Phó Giám đốc … nào": the person noun was found after "Phó"
    m = _HEAD.match(lowered, at) or _GROUP.match(lowered, at)
    if m is None:
        return None
    head = (m.group(2), bool(m.group(1))) if m.re is _HEAD else None
    return head, _title_words(text, m) - _place_words(q) - {"lanh", "dao", "dai", "dien", "thay", "mat"}


def focus_match(q: Question, scorer: Scorer, rank: str | None, role: str | None) -> tuple[float, float]:
    """(head, coverage) of the asked-for title against a person: the head must be theirs (a
    deputy's is not the head's), and its words should be in their rank and role. (1, 1) when
    the question asks for no title."""
    focus = focus_title(q)
    if focus is None:
        return 1.0, 1.0
    head, words = focus
    holds = head is None or head in title_heads(f"{rank or ''} {role or ''}")
    return float(holds), title_cov(words, scorer, rank, role)


def _held(rank: str | None, role: str | None) -> set[str]:
    """The folded words of a person's rank and role, which a title asked for is checked against;
    an abbreviation there holds its words too ("Chỉ huy trưởng BĐBP" holds "Bộ đội Biên phòng"), and
    words written out their abbreviation ("Thứ trưởng Bộ Công an" holds "BCA")."""
    words = re.findall(r"\w+", fold(f"{rank or ''} {role or ''}"))
    return set(words).union(*(standing for _, standing in aliases(words)))


def focus_missing(q: Question, scorer: Scorer, rank: str | None, role: str | None) -> float:
    """The rarest word of the asked-for title that a person's rank and role lack, against the
    question's rarest word: "Thứ trưởng Bộ Quốc phòng" is not answered by "Thứ trưởng Bộ Nội vụ"."""
    focus = focus_title(q)
    if focus is None or not focus[1]:
        return 0.0
    held = _held(rank, role)
    top = max(scorer.weights.values(), default=1.0)
    return max((scorer.weights.get(w, 1.0) for w in focus[1] if not _holds(w, held)), default=0.0) / top


def title_cov(words: set[str], scorer: Scorer, rank: str | None, role: str | None) -> float:
    """The share of the question's title words (weighted by rarity) that a person's rank and role hold."""
    if not words:
        return 1.0
    held = _held(rank, role)
    weight = {w: scorer.weights.get(w, 1.0) for w in words}
    return sum(v for w, v in weight.items() if _holds(w, held)) / sum(weight.values())


def _holds(word: str, held: set[str]) -> bool:
    """Whether a role's words hold an asked word, or an abbreviation asked in any way it is written ("BCHQS" in
    "Bộ CHQS")."""
    return word in held or any(standing <= held for _, standing in aliases([word]))


def head_match(question: str, rank: str | None, role: str | None) -> float:
    """1.0 when the person holds a title or rank the question names (a deputy's is not the
    head's: "Phó Chủ tịch" does not answer "Ai là Chủ tịch …?"), or the question names none."""
    asked = title_heads(question)
    if not asked:
        return 1.0
    return float(bool(asked & title_heads(f"{rank or ''} {role or ''}")))


def person_candidates(
    q: Question, ranked: Sequence[tuple["SentenceCandidate", float]], store: "Store", scorer: Scorer,
) -> list[PersonCandidate]:
    """The people of the articles of the best sentences, with their features for the person ranker."""
    if not ranked:
        return []
    sentence_p = {(c.doc_id, c.start): p for c, p in ranked}
    docs = list(dict.fromkeys(c.doc_id for c, _ in ranked))[:ARTICLES]
    top_p = max(ranked[0][1], 1e-6)
    exact = set(wanted_acts(q))
    family = act_family(exact)
    question = fold(q.restored)
    titles = title_words(q)
    side = _side_words(q)
    found: list[PersonCandidate] = []
    for rank, doc_id in enumerate(docs):
        mentions = store.people_by_doc.get(doc_id, [])
        by_name: dict[str, list["Person"]] = {}
        for m in mentions:
            by_name.setdefault(m.name, []).append(m)
        doc_has_act = any(set(m.acts) & family for m in mentions)
        doc_has_exact = any(set(m.acts) & exact for m in mentions)
        length = max(len(store.data.documents[doc_id].text), 1)
        merged = [_merge(ms) for ms in by_name.values()]
        coverage = [scorer(f"{rank_} {role}") if (role or rank_) else 0.0 for _, rank_, role, _ in merged]
        best_cov = max(coverage, default=0.0)
        order = {id(m): i for i, m in enumerate(mentions)}
        for (name, rank_, role, acts), ms, cov in zip(merged, by_name.values(), coverage):
            holds, focus_cov = focus_match(q, scorer, rank_, role)
            if not holds or fold(name) in question or (q.exclude_chairs and set(acts) & CHAIR_FAMILY):
                continue  # only holders of the title asked for; not who the question names or sets aside
            cite = max(ms, key=lambda m: (bool(set(m.acts) & family), sentence_p.get((doc_id, m.start), 0.0)))
            p = max(sentence_p.get((doc_id, m.start), 0.0) for m in ms)
            features = Features(PERSON_FEATURES, (
                p, p / top_p, float(rank == 0), 1.0 / (1 + rank), float(bool(set(acts) & exact)),
                float(bool(set(acts) & family)), float(bool(acts) and not set(acts) & family), float(doc_has_act),
                float(doc_has_exact and not set(acts) & exact), cov, cov - best_cov, float(role is not None),
                float(rank_ is not None), math.log(1 + len(ms)), ms[0].start / length, cov if q.kind == "role" else 0.0,
                head_match(q.restored, rank_, role), title_cov(titles, scorer, rank_, role), focus_cov,
                title_cov(side, scorer, rank_, role),
            ))
            found.append(PersonCandidate(doc_id, name, rank_, role, acts, cite.start, cite.end, order[id(cite)],
                                         features))
    return found


def _side_words(q: Question) -> set[str]:
    """The body of "Về phía <body>, ai …": the answer is among its people."""
    m = re.search(r"(?<!\w)về phía\s+([^,;?]+)", q.restored.lower())
    return set(fold(m.group(1)).split()) - _place_words(q) if m else set()


def _merge(mentions: Sequence["Person"]) -> tuple[str, str | None, str | None, tuple[str, ...]]:
    """(name, rank, fullest role, every act) of one person's mentions in an article; a title a
    list gave them ("các đồng chí Ủy viên Ban Thường vụ: A, role; …") leads their role."""
    roles = [", ".join(filter(None, (m.group, m.role))) for m in mentions if m.role or m.group]
    rank = next((m.rank for m in mentions if m.rank), None)
    acts = tuple(dict.fromkeys(a for m in mentions for a in m.acts))
    return mentions[0].name, rank, max(roles, key=len) if roles else None, acts


def select(scored: Sequence[tuple[PersonCandidate, float]], limit: int, minimum: float,
           relative: float) -> list[PersonCandidate]:
    """The people to list: the best one, and the others of its article whose probability reaches
    `minimum` and `relative` x the best's; in the article's order."""
    if not scored:
        return []
    ordered = sorted(scored, key=lambda cp: -cp[1])
    best, best_p = ordered[0]
    chosen = [best] + [c for c, p in ordered[1:] if c.doc_id == best.doc_id and p >= minimum
                       and p >= relative * best_p][: limit - 1]
    return sorted(chosen, key=lambda c: c.position)


def complete(chosen: Sequence[PersonCandidate], scored: Sequence[tuple[PersonCandidate, float]],
             q: Question | None = None, mentions: Mapping[str, Sequence["Person"]] | None = None,
             ) -> list[PersonCandidate]:
    """A list is complete within the sentences it cites: everyone else a cited sentence names
    doing one of the same acts ("Tham dự có đồng chí A, …; B, …") is listed too, however the
    person ranker rated them; in the article's order. Asked who attended, every sentence telling
    a listed person attending counts (a caption naming one guest "chứng kiến" beside the sentence
    that lists all of them), unless it asks for one side's people or a title's holders."""
    acts = {(c.doc_id, c.start): set(c.acts) for c in chosen}
    if q is not None and q.kind == "attendees" and mentions is not None and not _side_words(q) \
            and not focus_title(q):  # one side's people, or holders of a title: the cited sentence only
        family = act_family(set(wanted_acts(q)))
        for c in chosen:
            for m in mentions.get(c.doc_id, ()):
                if m.name == c.name and set(m.acts) & family:
                    acts.setdefault((c.doc_id, m.start), set()).update(set(m.acts) & family)
    extra = [c for c, _ in scored if c not in chosen and set(c.acts) & acts.get((c.doc_id, c.start), set())]
    return sorted([*chosen, *extra], key=lambda c: c.position)


def attendance(q: Question, chosen: Sequence[PersonCandidate],
               scored: Sequence[tuple[PersonCandidate, float]]) -> list[PersonCandidate]:
    """The list for "Những ai dự …?": who chaired the event attended it too, so the chairs of the
    listed people's article join it, unless the question sets them aside ("ngoài …", "cùng
    dự"), asks for one side ("về phía …") or for a title ("Lãnh đạo … nào dự …?"). Whoever the
    question names by title ("buổi làm việc của Chủ tịch UBND tỉnh …") is who was visited, not
    an attendee, and leaves it."""
    if q.kind != "attendees" or not chosen or _side_words(q) or focus_title(q):
        return list(chosen)
    doc, named = chosen[0].doc_id, title_words(q)
    extra = [] if q.exclude_chairs else [
        c for c, _ in scored if c not in chosen and c.doc_id == doc and set(c.acts) & CHAIR_FAMILY]
    heads = title_heads(q.restored)

    def is_named(c: PersonCandidate) -> bool:  # the title's head (a deputy's is another) and its words
        return bool(named and heads & title_heads(f"{c.rank or ''} {c.role or ''}") and named <= _held(c.rank, c.role))

    kept = [c for c in [*chosen, *extra] if not is_named(c)]
    return sorted(kept or chosen, key=lambda c: c.position)


# "X (còn) là trưởng ban chỉ đạo nào?": the title asked of a person, its first two words (folded)
_POST_ASKED = re.compile(r"(?<!\w)la ((?:pho )?(?:truong|giam doc|chu tich|bi thu|\w+ truong)(?: \w+)?)(?: \w+){0,5} (?:nao|gi)$")


def asked_post(folded: str) -> str:
    """The title a question asks a person holds ("trưởng ban" of "… là trưởng ban chỉ đạo nào?"), or ""."""
    m = _POST_ASKED.search(folded)
    return m.group(1) if m else ""

