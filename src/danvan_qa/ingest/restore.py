"""Put diacritics back into a query typed without them, using the corpus's own vocabulary.

"giam doc cong an tinh" has one likely reading in our articles: "giám đốc công
an tỉnh". A Viterbi pass over the candidate spellings of each syllable picks
the sequence whose syllable pairs the corpus uses most. The dense encoder
understands the restored text far better; BM25 still sees the folded field.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from danvan_qa.ingest.abbreviations import CAPITALS
from danvan_qa.ingest.normalize import fold, has_diacritics

_WORD = re.compile(r"\w+")
# Question words rarely occur in news text but always in questions.
QUESTION_PHRASES = (
    "ai là ai là gì gì bao nhiêu bao giờ khi nào lúc nào ở đâu tại đâu nào ngày nào năm nào "
    "như thế nào thế nào mấy vì sao tại sao có phải không chức vụ gì những ai gồm những ai"
)
QUESTION_WEIGHT = 20  # as if each phrase occurred this often in the corpus
# Question phrases that, typed without diacritics, have no other reading: kept whatever the words
# around them ("xây dựng bao nhiêu", not "xây dựng bảo nhiều" after "xây dựng bảo vệ")
PINNED = ("bao nhiêu", "bao giờ", "bao lâu", "kéo dài", "khi nào", "lúc nào", "ngày nào", "năm nào", "thế nào", "vì sao",
          "tại sao", "do ai")
_PINNED = [(fold(p).split(), p.split()) for p in PINNED]


@dataclass(frozen=True)
class Vocabulary:
    """Syllable and syllable-pair counts of the corpus, in lower case."""

    unigrams: dict[str, int]
    bigrams: dict[str, int]  # "a b" -> count

    @classmethod
    def from_token_lists(cls, token_lists: Iterable[list[str]], min_bigram: int = 1) -> "Vocabulary":
        """Counts over the corpus token lists, plus the question phrases as a strong prior."""
        uni: Counter[str] = Counter()
        bi: Counter[str] = Counter()
        for tokens in token_lists:
            uni.update(tokens)
            bi.update(f"{a} {b}" for a, b in zip(tokens, tokens[1:]))
        q = QUESTION_PHRASES.split()
        for _ in range(QUESTION_WEIGHT):
            uni.update(q)
            bi.update(f"{a} {b}" for a, b in zip(q, q[1:]))
        return cls(dict(uni), {k: v for k, v in bi.items() if v >= min_bigram})

    def to_json(self) -> dict[str, dict[str, int]]:
        return {"unigrams": self.unigrams, "bigrams": self.bigrams}

    @classmethod
    def from_json(cls, data: dict[str, dict[str, int]]) -> "Vocabulary":
        return cls(dict(data["unigrams"]), dict(data["bigrams"]))


class Restorer:
    """Diacritic restoration over a Vocabulary; built once per store."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self._forms: dict[str, list[str]] = {}
        self._folded: Counter[str] = Counter()
        for form, count in vocab.unigrams.items():
            self._forms.setdefault(fold(form), []).append(form)
            self._folded[fold(form)] += count
        self.total = sum(vocab.unigrams.values())

    def folded_count(self, token: str) -> int:
        """How often the folded syllable occurs in the corpus (question phrases included)."""
        return self._folded.get(token, 0)

    def _candidates(self, token: str) -> list[str]:
        return self._forms.get(token, [token])

    def _step(self, prev: str | None, cur: str) -> float:
        uni = math.log1p(self.vocab.unigrams.get(cur, 0))
        if prev is None:
            return uni
        return 3.0 * math.log1p(self.vocab.bigrams.get(f"{prev} {cur}", 0)) + uni

    def restore(self, query: str) -> str:
        """The query with diacritics restored, or unchanged if it already has some."""
        if has_diacritics(query):
            return query
        matches = list(_WORD.finditer(query))
        if not matches:
            return query
        lattice = [self._candidates(m.group(0).lower()) for m in matches]
        folded = [m.group(0).lower() for m in matches]
        for typed, forms in _PINNED:
            for i in range(len(folded) - len(typed) + 1):
                if folded[i:i + len(typed)] == typed:
                    lattice[i:i + len(typed)] = [[form] for form in forms]
        if not query.isupper():  # "CA", "CAT" in capitals among other words, standing alone: kept as typed
            for i, m in enumerate(matches):
                if m.group(0) in CAPITALS and not re.match(r"[/-]", query[m.end():m.end() + 1]) and \
                        not re.search(r"[/-]$", query[:m.start()]):  # "290-QD/TU" is a code's, restored
                    lattice[i] = [folded[i]]
        best: dict[str, tuple[float, list[str]]] = {c: (self._step(None, c), [c]) for c in lattice[0]}
        for cands in lattice[1:]:
            nxt: dict[str, tuple[float, list[str]]] = {}
            for c in cands:
                nxt[c] = max(
                    ((score + self._step(p, c), path + [c]) for p, (score, path) in best.items()),
                    key=lambda item: item[0],
                )
            best = nxt
        path = max(best.values(), key=lambda item: item[0])[1]
        out, last = [], 0
        for m, form in zip(matches, path):
            word = m.group(0)
            out.append(query[last : m.start()])
            out.append(_match_case(word, form))
            last = m.end()
        out.append(query[last:])
        return "".join(out)


def _match_case(original: str, form: str) -> str:
    if original.isupper() and len(original) > 1:
        return form.upper()
    if original[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
