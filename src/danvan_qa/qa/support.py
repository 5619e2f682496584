"""How well a drafted answer is supported: the features of the answer/abstain model.

A near-miss question usually names one thing the answer's article lacks (another
province, year, period, date, a role nobody there holds) or asks for something the
article does not give (no date in the evidence for "khi nào", no chairing act for
"ai chủ trì"). So the features read the drafted answer, not only the best sentence:
which strategy produced it and how sure its ranker was, whether the constraints the
question names hold in the answer's article, the rarest question word missing near
the evidence, and, for people, whether the person did the act and holds the title
asked about. None of them names an article's words, so the model carries over.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Iterable, Sequence

from danvan_qa.index.store import word_set
from danvan_qa.ingest import dates
from danvan_qa.ingest.facts import act_family
from danvan_qa.ingest.lexicon import DOMAIN_PAIRS, NUMBERED_NOUNS, TITLE_LOWER, UNITS
from danvan_qa.ingest.normalize import fold, fold_keep_case
from danvan_qa.qa.candidates import share
from danvan_qa.qa.extractive import SPAN_KINDS, Scorer
from danvan_qa.qa.questions import WHO_KINDS, Question, content_tokens, place_in, places, wanted_acts
from danvan_qa.qa.records import OPEN_BELOW, Features, field_share
from danvan_qa.qa.who import focus_match, focus_missing

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.corpus import Document
    from danvan_qa.qa.candidates import SentenceCandidate
    from danvan_qa.qa.drafts import Draft
    from danvan_qa.records import Passage

SUPPORT_FEATURES = (
    "p_evidence", "person_p", "span_p", "fact", "type_missing", "focus_head", "focus_cov", "focus_missing", "act_match",
    "cov_sentence", "cov_near", "cov_article", "missing_sentence", "missing_near", "missing_article", "missing_named",
    "place_head", "place_article", "place_person", "level_clash", "period_article",
    "code_article", "date_article", "year_article", "number_article", "unknown_share",
    "dense_top", "dense_doc", "pairs_near", "pairs_article", "domain_article",
)
# A question about people, one answered by a typed span, and any other: the same evidence weighs
# differently for each, so every feature also enters once per group (zero outside it).
GROUPS = ("who", "span", "plain")
ANSWERABLE_FEATURES = (*SUPPORT_FEATURES, *GROUPS, *(f"{n}|{g}" for g in GROUPS for n in SUPPORT_FEATURES))
# The strategies that answer each kind as asked; any other draft is a fallback to a sentence.
EXPECTED = {**{k: ("typed", "fact") for k in SPAN_KINDS}, **{k: ("people",) for k in WHO_KINDS},
            "parties": ("typed", "fact"), "program_name": ("fact", "typed"), "person_role": ("fact",), "rank": ("fact",)}
_WORDS = re.compile(r"\w+")
CONFIRM_CHUNKS = 20  # chunks read for a capitalised name the retrieved articles lack
_BODY = frozenset(fold(w) for w in TITLE_LOWER | UNITS)  # words of bodies and titles, folded
# Where a place name stands as a place: after an administrative unit or "tại / ở".
_PLACE_BEFORE = r"(?:tinh|thanh pho|tp|huyen|quan|thi xa|xa|phuong|thi tran|tai|o|uy|dia ban)\s+"


def neighbourhood(store: "Store", doc_id: str, start: int) -> str:
    """The sentence at `start` with the sentences before and after it: the event it reports."""
    spans = store.sentences(doc_id)
    at = next((i for i, (a, _) in enumerate(spans) if a == start), 0)
    lo, hi = spans[max(0, at - 1)][0], spans[min(len(spans) - 1, at + 1)][1]
    return store.data.documents[doc_id].text[lo:hi]


def _whole(phrase: str, folded_text: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded_text))


def contradicted(q: Question, draft: "Draft", store: "Store") -> bool:
    """Hard evidence against a draft: the question names a document number or a period that the
    answer's article does not contain, or asks the number of a period's programme and the answer's
    sentence numbers only another period's."""
    doc = store.data.documents[draft.evidence.doc_id]
    return not all(any(fold(f) in fold(doc.text) for f in code_forms(c)) for c in q.codes) or \
        not all(p in dates.periods_in(doc.text) for p in q.periods) or \
        _numbered_elsewhere(q, doc.text[slice(*draft.evidence.at)])


_ASKS_NUMBER = re.compile(r"(?<!\w)(?:so hieu|so may|so bao nhieu|mang so)(?!\w)")
_DOC_NUMBER = re.compile(r"(?<!\w)[Ss]ố\s+\d+|(?<![\w/])\d+[-/][A-ZĐa-z]")  # "số 38", "38-Ctr/…", "09/Ctr-…"


def _numbered_elsewhere(q: Question, sentence: str) -> bool:
    """Whether a question asking the number of a period's programme ("… giai đoạn 2022-2026 có số
    hiệu là gì?") meets a sentence with no such number: each number it holds belongs to another
    period, the one written nearest it: "chương trình số 38 … giai đoạn 2016-2021 và ký kết chương
    trình phối hợp giai đoạn 2022-2026" numbers 2016-2021 only."""
    if not q.periods or not _ASKS_NUMBER.search(q.folded):
        return False
    periods = [(m.start(), m.end(), dates.period_key(m.group(0))) for m in dates.PERIOD.finditer(sentence)]
    for number in _DOC_NUMBER.finditer(sentence):
        own = min(periods, key=lambda p: min(abs(p[0] - number.end()), abs(number.start() - p[1])), default=None)
        if own is None or own[2] in q.periods:
            return False
    return True


def code_forms(code: str) -> tuple[str, ...]:
    """A document number as either spelling of the centre writes it ("217-QĐ/TW" is also "217-QĐ/TƯ"), and
    typed without its Đ ("217-QD/TW")."""
    marked = re.sub(r"(?<=\D)D|^D", "Đ", code)  # the letters of "QD", "BCD", "DUQSTW"; not a number's
    return tuple(dict.fromkeys(f for c in (code, marked) for f in (
        c, re.sub(r"(?i)(?<=[/-])t[wưu](?!\w)", "TƯ", c), re.sub(r"(?i)(?<=[/-])t[ưu](?!\w)", "TW", c))))


def is_open(features: Features, folded_question: str) -> bool:
    """Whether an answer is held to the threshold of texts on other subjects: its article is not of the
    archive's field, nor is the question (one asking about the field is held to the field's threshold
    whatever text answers it: a farmers' fair does not answer for a review conference)."""
    return features["domain_article"] < OPEN_BELOW and not DOMAIN_PAIRS & word_set(folded_question).pairs


def answer_features(q: Question, scorer: Scorer, ranked: Sequence[tuple["SentenceCandidate", float]],
                    draft: "Draft", store: "Store", passages: Sequence["Passage"]) -> Features:
    """The answer/abstain model's view of a drafted answer."""
    around = neighbourhood(store, draft.evidence.doc_id, draft.evidence.at[0])  # read once, for both
    domain = field_share(store, draft.evidence.doc_id)  # likewise
    base = (*_support(q, scorer, ranked, draft, store, around, domain),
            *_archive(scorer, draft, store, passages, around, domain))
    group = "who" if q.kind in WHO_KINDS else "span" if q.kind in SPAN_KINDS else "plain"
    flags = tuple(float(g == group) for g in GROUPS)
    return Features(ANSWERABLE_FEATURES, (*base, *flags, *(v * flag if flag else 0.0 for flag in flags for v in base)))


def _support(q: Question, scorer: Scorer, ranked: Sequence[tuple["SentenceCandidate", float]], draft: "Draft",
             store: "Store", around: str, domain: float) -> tuple[float, ...]:
    """The features of SUPPORT_FEATURES, for any kind of question (`around`: the evidence sentence
    with its neighbours; `domain`: the article's field share)."""
    doc_id, (start, end) = draft.evidence.doc_id, draft.evidence.at
    doc = store.data.documents[doc_id]
    sentence_text = f"{doc.title}\n{doc.text[start:end]}"
    sentence = word_set(fold(sentence_text))
    head = fold(f"{doc.title} {doc.place or ''}")
    cached = store.words(doc_id)
    article = cached.support
    near_text = f"{doc.title}\n{around}"
    near = word_set(fold(near_text))
    words = cached.text.unigrams | set(_WORDS.findall(head))
    top_weight = max(scorer.weights.values(), default=1.0)
    person = draft.person if q.kind in WHO_KINDS else None
    days = {(d.day, d.month) for d in dates.find_dates(doc.text, cued_only=False)}
    years = [y for y in re.findall(r"(?<![\d/-])((?:19|20)\d\d)(?![\d/-])", q.text) if not any(y in p for p in q.periods)]
    return (
        next((p for c, p in ranked if c.doc_id == doc_id and c.start == start), 0.0),
        draft.person_p if person else 0.0,
        draft.span_p,
        float(draft.strategy == "fact"),
        # a sentence answering "who" is no missing type on a text of another subject (it may name someone the name
        # reader does not know: "Tom Verner-Lake"), nor where it names the doer by a title or body (qa/clauses.agent)
        float(q.kind in EXPECTED and draft.strategy not in EXPECTED[q.kind]
              and not (q.kind in WHO_KINDS and (domain < OPEN_BELOW or draft.short))),
        *(focus_match(q, scorer, person.rank, person.role) if person else (1.0, 1.0)),
        focus_missing(q, scorer, person.rank, person.role) if person else 0.0,
        float(bool(set(person.acts) & act_family(wanted_acts(q)))) if person and q.kind != "role" else
        1.0 if person else _act_held(q, doc.text[start:end]),
        scorer(sentence_text), scorer(near_text), scorer.cover(words, cached.text.pairs),
        *(max((w for t, w in scorer.weights.items() if t not in held), default=0.0) / top_weight
          for held in (scorer.held(sentence.unigrams, sentence.pairs), scorer.held(near.unigrams, near.pairs),
                       scorer.held(words, cached.text.pairs))),
        max((scorer.weights[t] for t in _named(q) & scorer.weights.keys() - scorer.held(words, cached.text.pairs)),
            default=0.0) / top_weight,
        share([place_in(p, head) for p in q.places]),
        share([place_in(p, head) or place_in(p, article, _PLACE_BEFORE) for p in q.places]),
        _place_person(q, person.role, doc.place or doc.title) if person else 1.0,
        _level_clash(q, sentence_text),
        share([p in dates.periods_in(doc.text) for p in q.periods]),
        share([any(fold(f) in article for f in code_forms(c)) for c in q.codes]),
        share([(d, m) in days for d, m, _ in q.dates]),
        share([y in doc.text or bool(doc.date and doc.date.startswith(y)) for y in years]),
        share([_whole(phrase, article) for phrase in _numbered(q, years)]),
        len(scorer.unknown) / max(len(scorer.weights), 1),
    )


_LEVELS = {"tỉnh": "tinh", "huyện": "huyen", "xã": "xa", "phường": "phuong"}  # as written, and folded
# what puts a place's unit, not a body, before its name: "trên địa bàn huyện X", "tại xã Y", "toàn tỉnh"
_PLACE_CONTEXT = frozenset("tại ở thuộc toàn khắp về đến tới bàn".split())
# (levels, context) as a sentence writes them, and folded as a question may be typed
_READ_AS = {False: (frozenset(_LEVELS), _PLACE_CONTEXT),
            True: (frozenset(_LEVELS.values()), frozenset(fold(w) for w in _PLACE_CONTEXT))}


# the levels named by two words, a centre's bodies ("Ban Dân vận Trung ương", "TW") and a city's ("Thành ủy"):
# with their marks in a sentence ("Nguyễn Văn Thanh, Ủy viên" names no city), folded as a question is typed
_PAIRED_LEVELS = {False: re.compile(r"(?<!\w)(?:(trung ương|tw)|(thành (?:ủy|uỷ)))(?!\w)"),
                  True: re.compile(r"(?<!\w)(?:(trung uong|tw)|(thanh uy))(?!\w)")}


def _levels(text: str, folded: bool) -> set[str]:
    """The levels the bodies of a text are named at ("Công an huyện", "Huyện ủy", "cấp xã", "Thành ủy",
    "Trung ương"), folded; a sentence is read with its marks ("tình hình" is no "tỉnh"), a question folded
    as typed."""
    levels, context = _READ_AS[folded]
    lowered = text.lower()
    words = re.findall(r"\w+", lowered)
    found = {fold(w) for n, w in enumerate(words) if w in levels and not context & set(words[max(0, n - 2):n])}
    return found | {"trung uong" if m.group(1) else "thanh" for m in _PAIRED_LEVELS[folded].finditer(lowered)}


def _level_clash(q: Question, sentence: str) -> float:
    """1 when the question names a body at one level ("Ban Dân vận Huyện ủy … Công an huyện") and the
    sentence the body only at another ("Ban Dân vận Tỉnh ủy và Công an tỉnh"): the same kind of body, not
    the one asked; a place's unit ("trên địa bàn huyện X") names no body."""
    asked, held = _levels(q.folded, folded=True), _levels(sentence, folded=False)
    return float(bool(asked - held) and bool(held - asked))


def _archive(scorer: Scorer, draft: "Draft", store: "Store", passages: Sequence["Passage"],
             around: str, domain: float) -> tuple[float, ...]:
    """How near the question is to the archive at all: the best dense similarity of any retrieved
    passage and of one of the answer's article, and the share of the question's word pairs that
    the answer's neighbourhood and article hold. An off-topic question ("Thủ đô của Pháp là gì?")
    finds its single words here and there, but not its pairs, and no passage close to it. Last, how
    much of the archive's field the article speaks (records.field_share)."""
    doc_id = draft.evidence.doc_id
    if all(p.dense_score is None for p in passages):  # a BM25-only search: nearness unknown, not nil
        top = own_top = math.nan
    else:
        top = max((p.dense_score or 0.0 for p in passages), default=0.0)
        own_top = max((p.dense_score or 0.0 for p in passages if p.doc_id == doc_id), default=0.0)
    article_pairs = store.words(doc_id).text.pairs
    # last, how much the answer's article speaks this archive's field (`domain`): a paragraph on another
    # subject is read with what the general questions taught, not held to a news report's evidence
    if not scorer.bigrams:
        return top, own_top, 1.0, 1.0, domain
    near_pairs = word_set(fold(around)).pairs
    return (top, own_top, len(scorer.bigrams & near_pairs) / len(scorer.bigrams),
            len(scorer.bigrams & article_pairs) / len(scorer.bigrams), domain)


# What happened, as a question asks the date, place or number of it ("ký … ở đâu", "sinh năm nào")
_ACT_VERBS = re.compile(r"(?<!\w)(?:ký|sinh|tổ chức|diễn ra|thành lập|ban hành|khai mạc|phát động|ra mắt|kết nghĩa"
                        r"|tổng kết|sơ kết|đăng cai|trao tặng|khen thưởng)(?!\w)", re.IGNORECASE)


def _act_held(q: Question, sentence: str) -> float:
    """Whether the answer's sentence reports an act the question asks about (any of them; 1.0 when
    it names none): a meeting's place does not answer where a programme was signed, nor a visit's
    date when someone was born."""
    asked = {m.group(0).lower() for m in _ACT_VERBS.finditer(q.restored)}
    return float(not asked or any(re.search(rf"(?<!\w){a}(?!\w)", sentence, re.IGNORECASE) for a in asked))


def _named(q: Question) -> set[str]:
    """The question's words that a paraphrase cannot change: its names, places and numbers, but
    not acronyms (an article that answers "áp dụng cho giai đoạn nào" may say "thực hiện", not
    "áp dụng", and "an ninh Tổ quốc", not "ANTQ"); a name an article abbreviates ("Mặt trận Tổ
    quốc" for its "MTTQ") is held through it (Scorer.held)."""
    words = {fold(w) for n in (*q.proper_nouns, *q.places) for w in _WORDS.findall(n)
             if not (len(w) > 1 and w.isupper())}  # acronyms ("ANTQ") are often written out
    return words | {t for t in content_tokens(q) if t.isdigit()}


def _place_person(q: Question, role: str | None, home: str) -> float:
    """The share of the places a question names that are the person's: named in their role, or,
    when the role names no place, the article's own place (whose officials it calls by title alone)."""
    own = places(role or "")
    return share([any(p == o or p in o for o in own) if own else place_in(p, fold(home)) for p in q.places])


def _numbered(q: Question, years: Sequence[str]) -> list[str]:
    """The numbers the question names with the word before them ("quan khu 7", "chuong trinh 09"),
    dates, periods and years aside: a near miss often changes just the number."""
    found = []
    for m in re.finditer(r"(?<![/-] )(\w+) (\d+)(?! ?[\d/-])", q.restored.lower()):
        if m.group(2) not in years and m.group(1) in NUMBERED_NOUNS:
            found.append(fold(m.group(0)))
    return found


def unheard_name(q: Question, docs: Sequence["Document"], store: "Store") -> bool:
    """Whether the question capitalises a name (not its first word, not an acronym) none of whose
    words the archive writes with a capital: "Thủ đô của Pháp là gì?" over articles that write
    only "pháp luật", "biện pháp". Read in the retrieved articles, then, for a name they lack, in
    the chunks BM25 ranks highest for it (a question may capitalise "Huyện" where its articles
    write "huyện ủy"). Compared without diacritics or capitals past the first, so "Ha Nam" is "Hà
    Nam" and "Đinh Quang Vũ" is the "ĐINH QUANG VŨ" of an article's headline case."""
    runs = [[w.capitalize() for w in _WORDS.findall(fold_keep_case(n)) if not (len(w) > 1 and w.isupper())
             and w.lower() not in _BODY] for n in q.proper_nouns]
    heard = _capitals(f"{d.title}\n{d.place or ''}\n{d.text}" for d in docs)
    for run in (r for r in runs if r and not heard & set(r)):
        hits = store.lexical_search(" ".join(run), CONFIRM_CHUNKS).rows
        if not _capitals(store.data.chunks[int(row)].text for row in hits) & set(run):
            return True
    return False


def _capitals(texts: Iterable[str]) -> set[str]:
    """The capitalised words of some texts, as a name is written ("ĐINH QUANG VŨ" is "Dinh Quang Vu")."""
    return {w.capitalize() for t in texts for w in _WORDS.findall(fold_keep_case(t)) if w[:1].isupper()}


def names_unknown(q: Question, passages: list["Passage"], store: "Store") -> bool:
    """Hard evidence: the question names a code or period that no article contains, or a
    place, a day or a capitalised name that none of the retrieved articles mentions."""
    if not all(any(store.known_phrase(f) or store.known_phrase(store.restorer.restore(f)) for f in code_forms(phrase))
               for phrase in (*q.codes, *q.periods)):  # "12-QD/TU" typed without diacritics is 12-QĐ/TƯ
        return True
    docs = [store.data.documents[d] for d in dict.fromkeys(p.doc_id for p in passages)]
    texts = [fold(" ".join(filter(None, (d.title, d.place, d.source, d.text)))) for d in docs]
    if any(not any(place_in(place, t) for t in texts) for place in q.places):
        return True
    if unheard_name(q, docs, store):
        return True
    days = {(m.day, m.month) for d in docs for m in dates.find_dates(d.text, cued_only=False)}
    days |= {(int(d.date[8:10]), int(d.date[5:7])) for d in docs if d.date and len(d.date) == 10}
    return any((day, month) not in days for day, month, _ in q.dates)
