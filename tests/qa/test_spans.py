"""The learned span scorer: every span of the asked kind is a candidate, with features that
carry to any text, and the shipped scorer prefers the span beside the question's words."""

from dataclasses import dataclass

import pytest

from danvan_qa.ingest.facts import FactTable
from danvan_qa.qa.candidates import SENTENCE_FEATURES, SentenceCandidate
from danvan_qa.qa.extractive import Scorer, Sentence, typed_spans
from danvan_qa.qa.questions import parse
from danvan_qa.qa.ranker import load_models
from danvan_qa.qa.records import Features
from danvan_qa.qa.spans import SPAN_FEATURES, asked_words, resolved_date, span_candidates


def q(text: str):
    return parse(text, text, FactTable())


def texts(question: str, sentence: str) -> list[str]:
    return [t.span.text for t in typed_spans(q(question), Sentence("d", 10, 10 + len(sentence), sentence, 0.0), None)]


def test_every_date_of_a_sentence_is_a_candidate_and_cued_ones_are_marked():
    sentence = "Ngày 05/10/2016, hai đơn vị đã ký kết; đến 30/9/2017 sẽ sơ kết."
    found = typed_spans(q("Hai đơn vị ký kết ngày nào?"), Sentence("d", 10, 10 + len(sentence), sentence, 0.0), None)
    assert [(t.span.text, t.cued) for t in found] == [("05/10/2016", True), ("30/9/2017", False)]
    assert all(sentence[t.span.start - 10 : t.span.end - 10] == t.span.text for t in found)  # document offsets


def test_a_question_that_names_no_day_may_be_answered_by_a_period():
    sentence = "Thời gian thực hiện mô hình từ năm 2021 – 2023, bắt đầu ngày 1/7/2021."
    assert texts("Mô hình được thực hiện khi nào?", sentence) == ["2021 – 2023", "1/7/2021"]
    assert texts("Mô hình thực hiện trong thời gian nào?", sentence) == ["2021 – 2023"]  # a span of time
    assert texts("Mô hình bắt đầu vào ngày nào?", sentence) == ["1/7/2021"]


def test_a_month_of_a_year_answers_when_no_day_is_asked():
    """"từ tháng 4/2024": a month is a date when the question asks "từ bao giờ", not "ngày nào"."""
    from danvan_qa.qa.extractive import date_span

    sentence = "Mô hình do Công an xã Tây Giang triển khai từ tháng 4/2024, đến tháng 5 năm 2025 thì nhân rộng."
    assert texts("Mô hình được triển khai từ bao giờ?", sentence) == ["tháng 4/2024", "tháng 5 năm 2025"]
    assert texts("Mô hình được triển khai vào ngày nào?", sentence) == []
    found = date_span(q("Mô hình triển khai khi nào?"), Sentence("d", 10, 10 + len(sentence), sentence, 0.0), 2025)
    assert found is not None and found[0].text == "tháng 4/2024" and found[1] is None  # no day: no ISO reading
    assert date_span(q("Triển khai ngày nào?"), Sentence("d", 10, 10 + len(sentence), sentence, 0.0), 2025) is None


@pytest.mark.parametrize("kind_question, sentence, expected", [
    ("Có bao nhiêu đại biểu dự?", "Có 120 đại biểu của 15 đơn vị dự.", ["120", "15"]),
    ("Có bao nhiêu cán bộ tham gia?", "hình 1.jpg -0", []),  # an image's file name counts nothing
    # a share asked: the percentage, not the number inside it nor the count beside it
    ("Bao nhiêu phần trăm xã đăng ký mô hình?", "100% xã đăng ký với 212 mô hình.", ["100%"]),
    ("Hội nghị tổ chức ở đâu?", "Hội nghị tổ chức tại Hội trường Tỉnh ủy, tỉnh Hòa Bình.", ["Hội trường Tỉnh ủy", "tỉnh Hòa Bình"]),
    ("Chương trình thực hiện giai đoạn nào?", "Chương trình giai đoạn 2021-2026 tiếp nối giai đoạn 2016-2021.",
     ["2021-2026", "2016-2021"]),
])
def test_spans_of_each_kind(kind_question, sentence, expected):
    assert texts(kind_question, sentence) == expected


def test_the_words_a_question_asks_with():
    assert asked_words(q("Mô hình thực hiện trong thời gian nào?")) == {"thoi", "gian"}
    assert asked_words(q("Có bao nhiêu cán bộ tham gia?")) == {"can", "bo"}


def test_a_date_span_reads_with_the_articles_year():
    from danvan_qa.qa.extractive import Span

    assert resolved_date(Span("26/5", 0, 4), 2022) == "2022-05-26"
    assert resolved_date(Span("2021 – 2023", 0, 11), 2022) is None


@dataclass
class _Doc:
    title: str
    date: str
    place: str | None
    text: str


class _Store:
    def __init__(self, text: str) -> None:
        self.data = type("Data", (), {"documents": {"d": _Doc("Tin hoạt động", "2016-11-17", None, text)}})()


DATELINE = "Thứ Năm, ngày 17/11/2016"
EVENT = "Ngày 05/10/2016, Ban Dân vận Huyện ủy và Công an huyện đã tổ chức hội nghị ký kết chương trình phối hợp."


def _ranked(question):
    """The dateline and the event sentence, ranked equally likely."""
    text = f"{DATELINE}\n{EVENT}"
    scorer = Scorer(question, lambda t: 1, 100)
    out = []
    for start, sentence in ((0, DATELINE), (len(DATELINE) + 1, EVENT)):
        feats = Features(SENTENCE_FEATURES, (0.0,) * len(SENTENCE_FEATURES))
        out.append((SentenceCandidate("d", start, start + len(sentence), sentence, feats), 0.5))
    return scorer, out, _Store(text)


def test_features_tell_a_dateline_from_the_sentence_of_the_event():
    question = q("Ban Dân vận Huyện ủy và Công an huyện tổ chức hội nghị ký kết vào ngày nào?")
    scorer, ranked, store = _ranked(question)
    found = {c.span.text: dict(zip(c.features.names, c.features.values))
             for c in span_candidates(question, scorer, ranked, store)}
    assert set(found) == {"17/11/2016", "05/10/2016"}
    assert found["17/11/2016"]["bare_line"] == 1.0 and found["05/10/2016"]["bare_line"] == 0.0
    assert found["05/10/2016"]["near_idf"] > found["17/11/2016"]["near_idf"]


def test_the_shipped_scorer_prefers_the_date_of_the_event_asked_about():
    question = q("Ban Dân vận Huyện ủy và Công an huyện tổ chức hội nghị ký kết vào ngày nào?")
    scorer, ranked, store = _ranked(question)
    model = load_models().span
    assert model.names == SPAN_FEATURES
    best = max(span_candidates(question, scorer, ranked, store), key=lambda c: model.prob(c.features))
    assert best.span.text == "05/10/2016"


def test_the_shipped_scorer_does_not_answer_with_what_the_question_names():
    question = q("Hội nghị ký kết chương trình phối hợp giai đoạn 2016-2021 đánh giá giai đoạn nào?")
    sentence = "Hội nghị đánh giá kết quả giai đoạn 2011-2016 và ký kết chương trình phối hợp giai đoạn 2016-2021."
    feats = Features(SENTENCE_FEATURES, (0.0,) * len(SENTENCE_FEATURES))
    ranked = [(SentenceCandidate("d", 0, len(sentence), sentence, feats), 0.6)]
    model = load_models().span
    scorer = Scorer(question, lambda t: 1, 100)
    best = max(span_candidates(question, scorer, ranked, _Store(sentence)), key=lambda c: model.prob(c.features))
    assert best.span.text == "2011-2016"


def test_a_designation_answers_a_question_for_a_number_that_names_a_model():
    sentence = "Ông tử nạn năm 1968 khi lái máy bay TX-15 trong chuyến bay huấn luyện số 3."
    assert "TX-15" in texts("Ông tử nạn khi lái máy bay TX số mấy?", sentence)
    assert "TX-15" in texts("Chiếc máy bay mang số hiệu mấy?", sentence)
    assert "TX-15" not in texts("Có bao nhiêu chuyến bay huấn luyện?", sentence)  # a count is no designation


@pytest.mark.parametrize("question, sentence, expected", [
    ("Thuyền bị mắc cạn khi nào?", "Đến khi nước sông rút, thuyền mắc cạn và vỡ tan.", "Đến khi nước sông rút"),
    ("Thung lũng đông khách khi nào?", "Mỗi năm vào khoảng tháng 5 và tháng 6, thung lũng đông khách.", "tháng 5 và tháng 6"),
    ("Thác đẹp nhất khi nào?", "Vào mùa mưa, thác đổ nước rất lớn.", "mùa mưa"),
    ("Lễ cúng diễn ra vào ngày nào?", "Vào ngày 15 tháng Giêng, các gia đình làm lễ cúng.", "ngày 15 tháng Giêng"),
    ("Bao giờ thì đoàn quân tiến vào thành?", "Khoảng 7 giờ tối, đoàn quân tiến vào thành.", "Khoảng 7 giờ tối"),  # an hour
])
def test_a_time_without_a_date_answers_when_the_sentence_names_no_date(question, sentence, expected):
    assert expected in texts(question, sentence)


def test_a_span_of_hours_is_no_time_of_day():
    assert not any("giờ" in t for t in texts("Cuộc họp diễn ra khi nào?", "Cuộc họp kéo dài 2 giờ 30 phút."))
    assert not any("giờ" in t for t in texts("Nhà máy chạy khi nào?", "Nhà máy hoạt động 24 giờ mỗi ngày."))
    assert "14 giờ" in texts("Hội nghị bắt đầu khi nào?", "Hội nghị bắt đầu 14 giờ.")  # an hour said alone is one


def test_a_condition_is_no_answer_beside_a_date_nor_for_a_day():
    assert texts("Đơn vị ký kết khi nào?", "Ngày 4/11/2016, khi hội nghị kết thúc, hai bên ký kết.") == ["4/11/2016"]
    assert texts("Thuyền mắc cạn vào ngày nào?", "Đến khi nước sông rút, thuyền mắc cạn.") == []
    assert texts("Hai bên ký khi nào?", "Trong khi đó, hai bên cùng ký kết.") == []  # "trong khi" is no time


def test_a_province_named_without_a_cue_is_a_place_candidate_where_none_is_said():
    sentence = "Lãnh đạo hai ban đã tiếp đoàn công tác của Ban Dân vận Tỉnh ủy Lào Cai."
    assert texts("Ban Dân vận Tỉnh ủy tiếp đoàn công tác của tỉnh nào?", sentence) == ["Lào Cai"]
    said = "Đoàn công tác của Tỉnh ủy Lào Cai làm việc tại huyện Bố Sơn."
    assert texts("Đoàn làm việc ở đâu?", said) == ["huyện Bố Sơn"]  # a place said with "tại": that one alone


def test_the_front_asked_by_its_short_name_is_held_where_the_article_abbreviates_it():
    """"giữa Bộ Công an và Mặt trận": a sentence writing "MTTQ" holds "mặt trận" (and one with neither does not)."""
    text = "Chương trình phối hợp số 09 giữa Bộ Công an và Mặt trận được ký ngày nào?"
    scorer = Scorer(parse(text, text, FactTable()), lambda t: 1, 100)
    assert {"mat", "tran"} <= scorer.held({"bo", "cong", "an", "va", "mttq"})
    assert not {"mat", "tran"} & scorer.held({"bo", "cong", "an", "va", "ban", "dan", "van"})
