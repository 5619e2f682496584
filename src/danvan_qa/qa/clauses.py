"""The short answer of a question no typed span answers: *vì sao*, *như thế nào*, *gì / là gì*, and
*ai*: the doer the sentence names right before the act asked (a title or a body as well as a name:
*Bộ trưởng Bộ Công an ban hành …*), or on a text on another subject a name the name reader does not
know (*Tom Verner-Lake*).

The answer is the clause of the chosen sentence that a cue word opens, the cue the question's form
calls for: a reason after *vì, do, bởi, nhờ* ("… vì đỉnh núi thường bị mây che phủ"), a manner
after *bằng cách, bằng, thông qua* ("… bằng hệ thống âu thuyền"), a name after *gọi là, tên là, mang
tên, đổi thành, là* ("… được người dân gọi là sông Chín Rồng"); not *vì vậy, do đó*, which open a
consequence, nor the *do* of *lý do*, *tự do*. Of several such clauses, the one whose cue follows
the question's words and that says least of what the question already says; none when the
sentence has no cue: then the sentence is the answer, and no short answer is better than a wrong one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from danvan_qa.ingest.lexicon import TITLE_HEADS, TITLE_LOWER
from danvan_qa.ingest.normalize import fold, has_diacritics, normalize_text
from danvan_qa.qa.questions import WHO_KINDS, Question, content_tokens

_FORMS = (
    (re.compile(r"(?<!\w)(?:vi sao|tai sao|vi ly do gi|ly do (?:gi|nao)|do dau|vi dau|nguyen nhan (?:gi|nao))(?!\w)"),
     r"xuất phát từ|bắt nguồn từ|bởi vì|vì|bởi|(?<!lý )(?<!tự )do|nhờ có|nhờ"),  # a name's origin is its reason
    (re.compile(r"(?<!\w)(?:nhu the nao|bang cach nao|ra sao|bang gi|cach nao|the nao)(?!\w)"),
     r"bằng cách|bằng việc|bằng|thông qua|nhờ"),  # not "qua": "vượt qua" is no manner
    (re.compile(r"(?<!\w)(?:la gi|ten (?:la )?gi|goi la gi|thanh gi|gi|nao)\W*$"),
     r"được gọi là|gọi là|có tên là|tên gọi là|tên là|mang tên|có tên|(?-i:(?:trở|biến|đổi|chia)(?:\s+\w+){0,2}\s+thành)|là"),
)
_END = re.compile(r"[,;:.!?()\"“”]|\s[-–]\s|\s(?:để|nhằm)\s")  # "… là Bacillus nova để ghi nhận …": the name
_QUOTED = re.compile(r"[\"“]([^\"“”]{1,80})[\"”]")
_MAX_WORDS = 14


def asked_clause(q: Question, sentence: str, other_subject: bool = False) -> tuple[int, int] | None:
    """[start, end) in `sentence` of the clause answering the question's form, or None; for a
    who-question, a name only in a text on another subject than the archive's (the news' people
    are read by the name reader, and a follow-up takes this name as its subject)."""
    if q.kind in WHO_KINDS:
        return agent(q, sentence) or (_name(q, sentence) if other_subject else None)
    if q.kind != "other":
        return None
    cues = next((cues for form, cues in _FORMS if form.search(q.folded)), None)
    if cues is None:
        return None
    asked = set(content_tokens(q))
    best: tuple[int, int, int] | None = None  # (score, start, end)
    for m in re.finditer(rf"(?<!\w)(?:{cues})(?!\w)(?!\s+(?:vậy|thế|đó)(?!\w))\s+", sentence, re.IGNORECASE):
        start = m.end()
        quoted = _QUOTED.match(sentence, start)  # "khẩu hiệu là “Sự thật”": the quoted name
        stop = None if quoted else _END.search(sentence, start)
        start, end = quoted.span(1) if quoted else (start, stop.start() if stop else len(sentence))
        end = start + len(sentence[start:end].rstrip())
        words = [fold(w.lower()) for w in re.findall(r"\w+", sentence[start:end])]
        said = sum(w in asked for w in words)
        if not words or len(words) > _MAX_WORDS or 2 * said >= len(words):
            continue
        # the cue after the question's words ("khẩu hiệu là Sự thật"), opening what the question does not say
        anchor = sum(fold(w.lower()) in asked for w in re.findall(r"\w+", sentence[:m.start()])[-3:])
        score = 2 * anchor - said
        if best is None or score > best[0]:
            best = (score, start, end)
    return (best[1], best[2]) if best else None


# Words inside a name as any text writes it, foreign ones too: "Ludwig van Beetzen", "Harley và Brayer"
_INSIDE = frozenset({"van", "von", "de", "der", "du", "la", "và", "and"})


def _runs(sentence: str) -> list[tuple[int, int]]:
    """[start, end) of each run of capitalised words, joined by spaces and the words of _INSIDE."""
    words = list(re.finditer(r"[\w'’-]+", sentence))
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if not words[i].group(0)[0].isupper():
            i += 1
            continue
        j = i
        while j + 1 < len(words) and not sentence[words[j].end():words[j + 1].start()].strip():
            nxt = words[j + 1].group(0)
            if nxt[0].isupper():
                j += 1
            elif nxt in _INSIDE and j + 2 < len(words) and words[j + 2].group(0)[0].isupper() \
                    and not sentence[words[j + 1].end():words[j + 2].start()].strip():
                j += 2
            else:
                break
        runs.append((words[i].start(), words[j].end()))
        i = j + 1
    return runs


def _name(q: Question, sentence: str) -> tuple[int, int] | None:
    """A who-question answered by the sentence alone (the name reader found no person in it: a
    foreign name, a body): of the capitalised runs the question does not hold (of two words or more,
    or one word that opens no clause), the nearest to the words the question says."""
    asked = set(re.findall(r"\w+", q.folded))
    runs = [(a, b) for a, b in _runs(sentence)
            if not {fold(w.lower()) for w in re.findall(r"\w+", sentence[a:b])} <= asked]
    runs = [(a, b) for a, b in ((_past_opening(sentence, a, b), b) for a, b in runs)
            if " " in sentence[a:b] or a > 0 and b - a > 3 and not _OPENING.match(sentence, a)]
    said = [m.start() for m in re.finditer(r"\w+", sentence) if fold(m.group(0).lower()) in asked]
    # the name nearest the words the question says ("… kỹ sư Lê Văn Tám thiết kế tháp", not "Tại Quảng Bình")
    return min(runs, key=lambda r: min((abs(r[0] - at) for at in said), default=0), default=None)


# Capitalised at a clause's start, not a name: "Theo Gustave Eiffel", "Tại Quảng Bình", "Năm 1889 …"
_OPENING = re.compile(r"(?:Theo|Tại|Năm|Ngày|Vào|Sau|Trong|Khi|Từ|Đến|Ở|Với|Do|Bởi|Cùng|Là|Các|Những|Một|Ông|Bà|Nhà)\s+")


def _past_opening(sentence: str, a: int, b: int) -> int:
    """Where a run starts once a word opening its clause is left out ("Theo Gustave Eiffel")."""
    opening = _OPENING.match(sentence, a)
    at_clause = not sentence[:a].rstrip() or sentence[:a].rstrip()[-1] in ",;:"
    return opening.end() if opening and at_clause and opening.end() < b else a


# "ai đã ban hành …", "do ai thiết kế": the words after "ai", past an adverb, are the act asked about
_ASKED_ADVERBS = frozenset({"da", "cung", "se", "vua", "dang", "moi", "tung"})
_NOT_ACTS = frozenset({"la", "o", "tai", "trong", "cua", "nua", "khac", "do", "va", "cho", "voi"})
# Acts of one syllable, whose next word in a question is their object ("ai ký chương trình"); any other act is
# matched whole ("chủ trì" is not the "chủ" of "chủ động")
_ONE_WORD_ACTS = frozenset("ky du trao tang lap dung viet xay mo dat ve tim gui nhan don tiep tham giu".split())
_ADVERBS = frozenset({"đã", "vừa", "cũng", "sẽ", "đang", "mới", "từng", "chính thức", "lần đầu"})
# What may stand right before the doer: the start of a clause ("khi", "do", "được", a number of a year)
_BEFORE_AGENT = frozenset("khi là thì mà nên rồi được bởi do và với cùng nay đó này sau trước lúc nhưng "
                          "chí ông bà anh chị".split())  # … and a person's cue: "đồng chí A"
_MAX_AGENT = 16  # words: two bodies joined by "và"
TITLE_HEAD = re.compile(  # a title opening a text ("Bộ trưởng …"), a whole word
    "(?:" + "|".join(re.escape(h) for h in TITLE_HEADS) + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=256)
def _asked_act(text: str) -> tuple[tuple[str, ...], bool] | None:
    """The act after "ai" in a question (lower case, as typed: with its marks when the question has them,
    so "ký" is not "kỳ") and whether it has them, or None when "ai" asks for no doer ("ai là …", "Ai Cập"). Cached: every
    candidate sentence of a question is read against it."""
    typed = re.findall(r"\w+", normalize_text(text))
    at = next((i for i, w in enumerate(typed) if w.lower() == "ai" and not (i + 1 < len(typed) and w == "Ai"
                                                                             and typed[i + 1][0].isupper())), None)
    if at is None:
        return None
    rest = [w.lower() for w in typed[at + 1:]]
    while rest and fold(rest[0]) in _ASKED_ADVERBS:
        rest = rest[1:]
    if not rest or fold(rest[0]) in _NOT_ACTS:
        return None
    act = rest[:1] if fold(rest[0]) in _ONE_WORD_ACTS else rest[:2]
    marked = has_diacritics(text)
    return tuple(act if marked else [fold(w) for w in act]), marked


def _in_body(word: str) -> bool:
    """A word of a name, title or body: capitalised, or a lower-case word of titles ("Công an tỉnh")."""
    return word[0].isupper() or word.lower() in TITLE_LOWER


def agent(q: Question, sentence: str) -> tuple[int, int] | None:
    """The doer a who-question asks for as the sentence names it, by a title or a body as well as by a
    person's name: "… sau khi Bộ trưởng Bộ Công an ban hành Chỉ thị …" for "Ai ban hành Chỉ thị …?". The capitalised
    run (with the lower-case words of titles and bodies, and "và" between two of them) right before
    the act the question names, opening its clause; not a title after a comma, which is the role of
    the person before it ("Đồng chí A, Bí thư …, chủ trì")."""
    asked = _asked_act(q.text)
    if asked is None or fold(asked[0][0]) not in fold(sentence):  # most sentences: not the act
        return None
    act, marked = asked  # a question typed with its marks is matched with them
    found = list(re.finditer(r"[\w'’-]+", sentence))
    words, spans = [w.group(0) for w in found], [w.span() for w in found]
    said = [w.lower() if marked else fold(w.lower()) for w in words]
    at = next((i for i in range(1, len(words) - len(act) + 1) if tuple(said[i:i + len(act)]) == act), None)
    if at is None:
        return None
    end = _before_adverbs(words, at - 1)
    start, i = None, end
    while i >= 0 and at - i <= _MAX_AGENT + 1 and not sentence[spans[i][1]:spans[i + 1][0]].strip():
        if words[i][0].isupper():
            start = i
        elif words[i].lower() not in TITLE_LOWER and not (words[i] == "và" and start == i + 1 and i > 0
                                                          and _in_body(words[i - 1])):
            break
        i -= 1
    if start is None or not _in_body(words[end]):
        return None
    a, b = _past_opening(sentence, spans[start][0], spans[end][1]), spans[end][1]
    before = sentence[:spans[start][0]].rstrip()
    prior = words[start - 1] if start and before and before[-1].isalnum() else None
    if a >= b or prior and not (prior.isdigit() or prior.lower() in _BEFORE_AGENT or prior[0].isupper()) \
            or before.endswith(",") and TITLE_HEAD.match(sentence, a):
        return None
    if {fold(w) for w in re.findall(r"\w+", sentence[a:b].lower())} <= set(re.findall(r"\w+", q.folded)):
        return None  # the question's own words
    return a, b


def _before_adverbs(words: list[str], i: int) -> int:
    """Reading back from word `i`, the index of the first word that is no adverb ("đã", "chính thức")."""
    while i >= 0:
        if words[i].lower() in _ADVERBS:
            i -= 1
        elif i > 0 and f"{words[i - 1]} {words[i]}".lower() in _ADVERBS:
            i -= 2
        else:
            break
    return i
