"""An opened store: the live generation's catalogue with its backend, ready to search, and the
lookups answering needs (people, events and programmes by article, sentences, folded words).
"""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar, overload

import numpy as np

from danvan_qa.errors import StoreError
from danvan_qa.index import checksums
from danvan_qa.index.backends.base import Backend, Filters, Hits
from danvan_qa.index.backends.factory import open_backend, target_mismatch
from danvan_qa.index.catalogue import Catalogue, Lazy, StoredCatalogue, read_catalogue
from danvan_qa.index.factcolumns import FACT_ROWS, Keyed, StoredFacts
from danvan_qa.ingest.chunking import sentence_spans
from danvan_qa.ingest.facts import Event, FactTable, Person, Programme
from danvan_qa.ingest.normalize import fold, lexical_tokens, syllables
from danvan_qa.ingest.restore import Restorer

if TYPE_CHECKING:
    from danvan_qa.settings import Settings

log = logging.getLogger(__name__)
V = TypeVar("V")


def _check_backend(catalogue: Catalogue, root: Path, settings: "Settings") -> None:
    """Refuse to read a store built for another backend (or Milvus target) than the settings name."""
    mismatch = target_mismatch(catalogue.manifest, settings)
    if mismatch is None:
        return
    key, built, wanted = mismatch
    if key == "name":
        raise StoreError(
            f"index in {root} was built for the {built!r} backend but DANVAN_QA_BACKEND is "
            f"{wanted!r}; run `danvan-qa index` to build it for {wanted!r}, or set DANVAN_QA_BACKEND={built}"
        )
    raise StoreError(
        f"index in {root} was built into Milvus {key} {built!r}, but DANVAN_QA_MILVUS_"
        f"{key.upper()} is {wanted!r}; run `danvan-qa index` to build it there, or set it back"
    )


class Words:
    """The folded words of a text and its adjacent word pairs ("a b"); the pairs are made when
    first asked for, as many questions only need the words."""

    __slots__ = ("unigrams", "_order", "_pairs")

    def __init__(self, order: list[str]) -> None:
        self.unigrams = frozenset(order)
        self._order: list[str] | None = order
        self._pairs: frozenset[str] | None = None

    @property
    def pairs(self) -> frozenset[str]:
        pairs = self._pairs
        if pairs is None:  # a race at worst makes them twice: the order is let go after they are set
            order = self._order
            if order is None:
                return self._pairs  # type: ignore[return-value]  # made by another thread meanwhile
            pairs = self._pairs = frozenset(map(" ".join, zip(order, order[1:])))
            self._order = None
        return pairs


def word_set(folded: str) -> Words:
    return Words(_WORD.findall(folded))


_WORD = re.compile(r"\w+")


class SentenceWords(Sequence[Words]):
    """The Words of each sentence span of a folded text, each made when first asked for: a list
    across the archive reads an article's title and lead, or one sentence, far more often than
    all its sentences (a benign race at worst makes one twice)."""

    def __init__(self, folded: str, spans: list[tuple[int, int]]) -> None:
        self._folded, self._spans = folded, spans
        self._made: list[Words | None] = [None] * len(spans)

    def __len__(self) -> int:
        return len(self._spans)

    def __iter__(self) -> Iterator[Words]:
        return (self[i] for i in range(len(self._spans)))

    @overload
    def __getitem__(self, i: int) -> Words: ...
    @overload
    def __getitem__(self, i: slice) -> list[Words]: ...

    def __getitem__(self, i: int | slice) -> Words | list[Words]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        found = self._made[i]
        if found is None:
            a, b = self._spans[i]
            found = self._made[i] = word_set(self._folded[a:b])
        return found


class ArticleWords:
    """An article's folded text, and the folded words of the text and of each sentence, made when
    first asked for (see SentenceWords)."""

    __slots__ = ("folded", "support", "sentences", "_text")

    def __init__(self, folded: str, support: str, spans: list[tuple[int, int]]) -> None:
        self.folded = folded  # the folded text
        self.support = support  # folded title, place, source and text: where a question's constraints may hold
        self.sentences = SentenceWords(folded, spans)  # one per sentence span
        self._text: Words | None = None

    @property
    def text(self) -> Words:
        if self._text is None:
            self._text = word_set(self.folded)
        return self._text


ARTICLES_KEPT = 4096  # articles whose sentences and folded words are kept: about 0.2 MB each at 2,600 characters


class Kept(Generic[V]):
    """Values by article, the first made let go once more than `size` are kept: a server asked
    across a large archive reads every article in time, and kept them all (about 4 GB at 20,000 articles of 2,600 characters)."""

    def __init__(self, size: int) -> None:
        self._size, self._values, self._lock = size, dict[str, V](), threading.Lock()

    def get(self, key: str) -> V | None:
        return self._values.get(key)

    def put(self, key: str, value: V) -> V:
        with self._lock:
            self._values[key] = value
            while len(self._values) > self._size:
                del self._values[next(iter(self._values))]
        return value

    def __len__(self) -> int:
        return len(self._values)


class Store:
    """A loaded store, ready to search; safe to share between threads (read-only).

    Its files' checksums are verified on a thread started when it was opened (catalogue.py):
    searching and reading the fact table wait for that verdict, so a damaged file is a
    StoreError on first use, never an answer, and start-up does not wait for it.
    """

    def __init__(self, root: Path, data: StoredCatalogue, backend: Backend) -> None:
        self.root = root
        self.data = data
        self.backend = backend
        self._sentences: Kept[list[tuple[int, int]]] = Kept(ARTICLES_KEPT)
        self._words: Kept[ArticleWords] = Kept(ARTICLES_KEPT)
        self._restorer = Lazy(lambda: Restorer(data.vocab))
        # Facts are read as the backend's files are, before the checksums' verdict: a question
        # searches (and so waits for the verdict) before it reads any.
        self.stored_facts: StoredFacts = data.stored_facts
        facts = data.stored_facts
        self.people_by_doc: Keyed[str, Person] = Keyed(facts.people_of)
        self.people_by_name: Keyed[str, Person] = Keyed(facts.people_named)
        self.people_by_sentence: Keyed[tuple[str, int], Person] = Keyed(facts.people_at)  # (doc_id, sentence start)
        self.events_by_doc: Keyed[str, Event] = Keyed(facts.events_of)
        self.programmes_by_doc: Keyed[str, Programme] = Keyed(facts.programmes_of)

    @property
    def restorer(self) -> Restorer:
        return self._restorer.get()

    def prefetch(self) -> None:
        """Read the vocabulary and the people's names on a thread of its own, so that the first
        question finds them ready (it waits for what is not); a damaged file is told then."""
        def work() -> None:
            try:
                self._restorer.get()
                self.stored_facts.folded_names  # noqa: B018 - read here, not by the first question
            except StoreError:
                pass  # asked again by the first question, which raises it
        threading.Thread(target=work, name="prefetch-store", daemon=True).start()

    def known_phrase(self, text: str) -> bool:
        """Whether the corpus contains these syllables in this order (checked pair by pair)."""
        tokens = syllables(text)
        vocab = self.data.vocab
        if len(tokens) == 1:
            return tokens[0] in vocab.unigrams
        return all(f"{a} {b}" in vocab.bigrams for a, b in zip(tokens, tokens[1:]))

    def check(self) -> None:
        """Wait for the verification of the store's files; raise StoreError if one is damaged."""
        if self.data.verifier is not None:
            self.data.verifier.check()
        dropped = self.stored_facts.take_dropped()
        if dropped:  # told once, and only of a store whose files are sound
            log.warning("%d facts in %s do not match their article's text where they were read; dropped",
                        dropped, self.data.gen / FACT_ROWS)

    @property
    def facts(self) -> FactTable:
        """The whole fact table (every article's facts read): for the archive-wide views."""
        self.check()
        facts = self.data.facts
        self.check()  # facts held to the text just now (a store without checksums) are told of
        return facts

    def sentences(self, doc_id: str) -> list[tuple[int, int]]:
        """Sentence spans of a document, computed once (a benign race at worst recomputes)."""
        spans = self._sentences.get(doc_id)
        if spans is None:
            spans = self._sentences.put(doc_id, sentence_spans(self.data.documents[doc_id].text))
        return spans

    def words(self, doc_id: str) -> "ArticleWords":
        """A document's folded text and the folded words and word pairs of the text and of each
        sentence, each made once: every question scores sentences against them (a benign race at
        worst recomputes)."""
        found = self._words.get(doc_id)
        if found is None:
            doc = self.data.documents[doc_id]
            folded = fold(doc.text)  # one character for one: offsets into `text` hold
            head = fold(" ".join(filter(None, (doc.title, doc.place, doc.source))))
            found = self._words.put(doc_id, ArticleWords(folded, f"{head} {folded}", self.sentences(doc_id)))
        return found

    @classmethod
    def open(cls, root: Path | str, model_id: str, settings: "Settings | None" = None) -> "Store":
        """Open the live generation with the backend it was built for (checked against `settings`)."""
        root = Path(root)
        catalogue = read_catalogue(root, model_id)
        if settings is not None:
            _check_backend(catalogue, root, settings)
        try:
            backend = open_backend(catalogue, root, settings)
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001 - as in read_catalogue
            raise StoreError(
                f"index in {catalogue.gen} is corrupted ({type(exc).__name__}: {exc}); {checksums.REPAIR_HINT}"
            ) from None
        if catalogue.verifier is not None:
            catalogue.verifier.start()  # now that the files are read: see checksums.Verifier
        store = cls(root, catalogue, backend)
        store.prefetch()
        return store

    @property
    def model_id(self) -> str:
        return str(self.data.manifest["model"]["id"])

    def __len__(self) -> int:
        return len(self.data.chunks)

    def dense_search(self, query_vector: np.ndarray, n: int, filters: Filters | None = None) -> Hits:
        """Top-n chunk rows by inner product (cosine on normalised vectors)."""
        self.check()
        return self.backend.dense_search(query_vector, min(n, len(self)), filters)

    def lexical_search(self, query: str, n: int, filters: Filters | None = None) -> Hits:
        """Top-n chunk rows by BM25 over exact syllables plus folded syllables and bigrams."""
        self.check()
        exact, folded = lexical_tokens(query)
        return self.backend.lexical_search(query, exact, folded, min(n, len(self)), filters)
