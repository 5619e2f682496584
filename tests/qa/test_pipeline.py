"""The QA pipeline's stages and records: compose is the only Markdown writer, no-answer is a
scored candidate, and the best sentence is always proposed."""

import pytest

from danvan_qa.qa.compose import NO_ANSWER, SMALL_TALK, compose
from danvan_qa.qa.decide import decide, preferred
from danvan_qa.qa.propose import NO_ANSWER_FEATURES
from danvan_qa.qa.ranker import LinearModel
from danvan_qa.qa.records import Candidate, Evidence, Features, Item, Statement, Strong


class _Doc:
    def __init__(self, doc_id: str, published: str) -> None:
        self.doc_id, self.title, self.date, self.url, self.published = doc_id, "Tiêu đề", "2022-05-26", None, published


class _Store:
    """Only what compose reads: documents with their published text."""

    def __init__(self, *docs: _Doc) -> None:
        self.data = type("Data", (), {"documents": {d.doc_id: d for d in docs}})()


class _Reading:
    def __init__(self) -> None:
        self.question = type("Q", (), {"text": "Ai chủ trì?", "kind": "chair", "folded": "ai chu tri"})()


PUBLISHED = "Đồng chí Trần Văn A, Trưởng ban chủ trì. Dự có ông Lê B_* và bà Phạm C."
A = Evidence("d1", 0, 39, (0, 39))
B = Evidence("d1", 40, len(PUBLISHED), (40, len(PUBLISHED)))
ONE = ("x",)
MODEL = LinearModel(ONE, (4.0,), 0.0, (0.0,), (1.0,))  # p = sigmoid(4x)


def _none(unknown: float = 0.0, chat: float = 0.0) -> Candidate:
    return Candidate("none", None, None, Features(NO_ANSWER_FEATURES, (unknown, chat, 0.0)))


def _answer(x: float, kind: str = "people") -> Candidate:
    statements = (
        Statement((Strong("Chủ trì"), ":")),
        Statement(("", Strong("Trần Văn A"), " — Trưởng ban"), A, item=True),
        Statement(("", Strong("Lê B_*"), ""), B, item=True),
        Statement(('"', PUBLISHED[:39], '"'), A),
    )
    items = (Item("Trần Văn A", "Trưởng ban", None, ("chủ trì",), A), Item("Lê B_*", None, None, (), B))
    return Candidate(kind, None, A, Features(ONE, (x,)), statements, items)


def test_compose_writes_markdown_and_numbers_citations_in_order_of_use():
    decision = decide(_Reading(), [], [_answer(1.0), _none()], MODEL, 0.5)
    a = compose(decision, _Store(_Doc("d1", PUBLISHED)))
    assert a.text == ("**Chủ trì**:\n\n- **Trần Văn A** — Trưởng ban [1]\n- **Lê B\\_\\*** [2]\n\n"
                      f"\"{PUBLISHED[:39]}\" [1]")
    assert [(c.n, c.quote) for c in a.citations] == [(1, PUBLISHED[:39]), (2, PUBLISHED[40:])]
    assert [(i.name, i.citation) for i in a.items] == [("Trần Văn A", 1), ("Lê B_*", 2)]
    assert not a.abstained and a.confidence == pytest.approx(0.982, abs=1e-3)


def test_no_answer_wins_below_the_threshold_and_keeps_the_probability():
    decision = decide(_Reading(), [], [_answer(-1.0), _none()], MODEL, 0.5)
    assert decision.chosen is None and decision.p_answer == pytest.approx(0.018, abs=1e-3)
    a = compose(decision, _Store(_Doc("d1", PUBLISHED)))
    assert a.abstained and a.text == NO_ANSWER and a.citations == () and a.confidence == pytest.approx(0.018, abs=1e-3)


def test_no_answer_wins_outright_on_hard_evidence():
    candidates = [_answer(1.0), _none(unknown=1.0)]
    assert preferred(candidates) is None
    assert decide(_Reading(), [], candidates, MODEL, 0.5).chosen is None
    assert preferred([_none()]) is None  # nothing left to answer with


def test_small_talk_is_not_answered_from_the_articles_and_says_what_the_bot_does():
    decision = decide(_Reading(), [], [_answer(1.0), _none(chat=1.0)], MODEL, 0.5)
    a = compose(decision, _Store(_Doc("d1", PUBLISHED)))
    assert a.abstained and a.text == SMALL_TALK and a.citations == ()


@pytest.mark.parametrize("message, chat", [
    ("Xin chào!", True), ("bạn là ai", True), ("ban ten gi the", True), ("tạm biệt nha", True),
    ("Cảm ơn bạn nhiều", True), ("Bạn làm được gì?", True),
    ("Ai là Trưởng Ban Dân vận?", False), ("Ban Dân vận là gì?", False), ("chao mung ngay truyen thong", False),
])
def test_small_talk_is_the_whole_message(message, chat):
    from danvan_qa.ingest.normalize import fold
    from danvan_qa.qa.questions import small_talk

    assert small_talk(fold(message).lower()) is chat


def test_the_typed_answer_is_weighed_before_the_sentence():
    sentence = Candidate("sentence", None, A, Features(ONE, (1.0,)), (Statement(('"', "x", '"'), A),))
    typed = _answer(0.2, kind="people")
    assert preferred([typed, sentence, _none()]) is typed
    assert preferred([sentence, _none()]) is sentence


def test_the_best_sentence_is_the_floor_under_a_weak_typed_answer():
    sentence = Candidate("sentence", None, B, Features(ONE, (1.0,)), (Statement(('"', "x", '"'), B),))
    weak, strong = _answer(-1.0, kind="span"), _answer(1.0, kind="span")
    assert decide(_Reading(), [], [weak, sentence, _none()], MODEL, 0.5).chosen is sentence
    assert decide(_Reading(), [], [strong, sentence, _none()], MODEL, 0.5).chosen is strong
    weak_sentence = Candidate("sentence", None, B, Features(ONE, (-1.0,)), sentence.statements)
    assert decide(_Reading(), [], [weak, weak_sentence, _none()], MODEL, 0.5).chosen is None


def test_an_answer_from_a_text_on_another_subject_is_held_to_its_own_threshold():
    """p = sigmoid(4x): 0.62 at x = 0.125. A news article of the field (domain_article 0.8) is held to
    0.7 and refused; a paragraph on another subject (0.0) to the open threshold 0.5, and answered."""
    names = ("x", "domain_article")
    model = LinearModel(names, (4.0, 0.0), 0.0, (0.0, 0.0), (1.0, 1.0))

    def answer(domain: float) -> Candidate:
        return Candidate("span", "x", A, Features(names, (0.125, domain)), (Statement(('"', "x", '"'), A),))

    assert decide(_Reading(), [], [answer(0.8), _none()], model, 0.7, 0.5).chosen is None
    assert decide(_Reading(), [], [answer(0.0), _none()], model, 0.7, 0.5).chosen is not None
    assert decide(_Reading(), [], [answer(0.0), _none()], model, 0.7).chosen is None  # one threshold for all
    field = _Reading()  # a question about the field is held to its threshold whatever text answers it
    field.question = type("Q", (), {"text": "", "kind": "chair", "folded": "ai chu tri hoi nghi dan van"})()
    assert decide(field, [], [answer(0.0), _none()], model, 0.7, 0.5).chosen is None


def test_records_refuse_what_they_cannot_carry():
    with pytest.raises(ValueError, match="unknown candidate kind"):
        Candidate("guess", None, None, Features((), ()))


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "Ai chủ trì buổi làm việc ngày 11/6/2018?",
    "Hội nghị ký kết ở Thừa Thiên Huế diễn ra khi nào?",
    "Chương trình phối hợp có ý nghĩa gì?",
])
def test_the_best_sentence_and_no_answer_are_always_proposed(real_store, real_settings, question):
    from danvan_qa.qa.answering import Answerer

    decision = Answerer(real_store, real_settings).decision(question, k=real_settings.answer_passages)
    kinds = [c.kind for c in decision.candidates]
    assert "sentence" in kinds and kinds[-1] == "none"
    for c in decision.candidates[:-1]:
        doc = real_store.data.documents[c.evidence.doc_id]
        assert doc.published_span(*c.evidence.at) == (c.evidence.start, c.evidence.end)
        assert c.features.names and len(c.features.values) == len(c.features.names)


@pytest.mark.slow
def test_a_code_typed_without_diacritics_is_known(real_store, real_settings):
    """"290-QD/TW" is the article's 290-QĐ/TW: no hard refusal for a code the archive holds."""
    from danvan_qa.qa.reading import read, retrieve_for
    from danvan_qa.qa.support import names_unknown

    for question, unknown in (("quyet dinh 290-QD/TW ban hanh nam nao", False),
                              ("quyet dinh 291-QD/TW ban hanh nam nao", True)):
        reading = read(question, real_store, real_settings)
        passages = retrieve_for(reading, real_store, real_settings, k=8)
        assert names_unknown(reading.question, passages, real_store) is unknown


@pytest.mark.slow
def test_a_name_the_archive_never_capitalises_is_hard_evidence(real_store, real_settings):
    """A country, a brand, a person the articles never write with a capital ("Pháp" where they
    only write "pháp luật") is unknown; a word a question capitalises and the articles write in
    lower case somewhere ("Huyện" for "huyện ủy") is not, nor a question's first word."""
    from danvan_qa.qa.reading import read, retrieve_for
    from danvan_qa.qa.support import unheard_name

    def unheard(question: str) -> bool:
        reading = read(question, real_store, real_settings)
        passages = retrieve_for(reading, real_store, real_settings, k=8)
        docs = [real_store.data.documents[d] for d in dict.fromkeys(p.doc_id for p in passages)]
        return unheard_name(reading.question, docs, real_store)

    assert unheard("Thủ đô của Pháp là gì?")
    assert unheard("Cách cài đặt Docker trên Ubuntu?")
    assert not unheard("Pháp luật được tuyên truyền như thế nào?")
    assert not unheard("Ban Dân vận Huyện ủy phối hợp với Công an như thế nào?")
    assert not unheard("thu do cua phap la gi")  # no capitals to read: left to the answer model
