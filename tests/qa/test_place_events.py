"""What happened in a place, one row per article of that place (invented articles, fake embedder)."""

import pytest

from danvan_qa.qa.answering import Answerer
from fakes import article_file, fake_store

ARTICLES = {
    "p1": ("2023-11-03", "Bắc Hà", "Ký kết chương trình phối hợp ở Bắc Hà",
           "Hai bên thống nhất phối hợp tuyên truyền. Chiều 3/11, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết chương "
           "trình phối hợp."),
    "p2": ("2021-09-05", "TP Bắc Hà, Bắc Hà", "Kiểm tra công tác dân vận",
           "Chiều 5/9, đoàn công tác của Ban Dân vận Trung ương kiểm tra việc thực hiện chương trình phối hợp."),
    "p3": ("2022-08-09", "Nam Sơn", "Hội nghị ở Nam Sơn",
           "Ngày 9/8, Hội Nông dân tỉnh Nam Sơn tổ chức hội nghị."),
    "p4": ("2023-05-06", "TP Hồ Chí Minh", "Hội thi dân vận khéo ở quận 5",
           "Ngày 6/5, Công an quận 5 tổ chức hội thi dân vận khéo."),
    "p5": ("2022-07-08", "TP Hồ Chí Minh", "Công an các quận phối hợp bảo đảm an ninh",
           "Ngày 8/7, Công an các quận ký kết quy chế phối hợp."),
}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    files = {f"{d}.txt": article_file(d, date, title, text, place) for d, (date, place, title, text) in ARTICLES.items()}
    return Answerer(*fake_store(tmp_path_factory.mktemp("places"), files))


def test_the_events_of_a_place_one_row_per_article_newest_first_citing_its_dated_sentence(answerer):
    a = answerer.answer("Ở tỉnh Bắc Hà có những hoạt động nào, diễn ra ngày nào?", mode="bm25")
    assert [c.doc_id for c in a.citations] == ["p1", "p2"] and "Bắc Hà" in a.text
    docs = answerer.store.data.documents
    first = a.citations[0]
    assert first.quote == docs["p1"].published[first.start:first.end] and "3/11" in first.quote  # not the undated one
    assert answerer.answer("tai tinh bac ha da dien ra bao nhieu su kien", mode="bm25").short == "2"


@pytest.mark.parametrize("question", [
    "Ở tỉnh Nam Sơn có những hoạt động nào?",  # one article: asked as usual
    "Tại buổi kiểm tra ở tỉnh Bắc Hà, các hoạt động nào được đoàn đánh giá cao?",  # the place is not the subject
    "Tại tỉnh Bắc Hà, bao nhiêu hội nghị ký kết được tổ chức năm 2023?",  # a kind and a year: narrower
])
def test_questions_narrower_than_a_places_events_are_asked_as_usual(answerer, question):
    assert answerer.decision(question, mode="bm25").passages  # retrieval, not a list of the place's articles


@pytest.mark.parametrize("question", ["kho co tong cong may bai ve hoat dong o TPHCM?",
                                      "Có bao nhiêu bài viết về các hoạt động ở TP.HCM?"])
def test_the_articles_on_a_places_activities_counted_with_the_city_shortened(answerer, question):
    a = answerer.answer(question, mode="bm25")
    assert a.short == "2" and [c.doc_id for c in a.citations] == ["p4", "p5"] and "Hồ Chí Minh" in a.text


def test_where_events_were_held_asked_with_the_archive_named_last():
    from danvan_qa.ingest.facts import FactTable
    from danvan_qa.qa.place_events import asks_topic_places
    from danvan_qa.qa.questions import parse

    question = "Đoàn kiểm tra chương trình phối hợp đã kiểm tra ở những thành phố nào (theo các bài)?"
    assert asks_topic_places(parse(question, question, FactTable()))
    for plural in ("cac buoi hoi nghi, gap mat voi nguoi co uy tin dien ra o dau?", "Những cuộc thi dân vận khéo diễn ra ở đâu?"):
        assert asks_topic_places(parse(plural, plural, FactTable())), plural  # "các buổi hội nghị": several events
    one = "Buổi hội nghị gặp mặt người có uy tín diễn ra ở đâu?"
    assert not asks_topic_places(parse(one, one, FactTable()))  # one event: its article's own answer


@pytest.mark.parametrize("question, count, cited", [
    ("Ở tỉnh Bắc Hà có mấy lễ ký kết hoặc cuộc kiểm tra về công tác dân vận được đưa tin trong kho bài?", "2",
     ["p1", "p2"]),
    ("tinh bac ha co may cuoc kiem tra / hoi thi ve dan van trong kho bai", "1", ["p2"]),  # the kinds asked, typed bare
])
def test_a_places_events_of_the_kinds_asked_are_its_articles_reporting_one(answerer, question, count, cited):
    a = answerer.answer(question, mode="bm25")
    assert a.short == count and [c.doc_id for c in a.citations] == cited


def test_a_province_without_an_event_of_the_kind_asked_is_not_answered_with_its_articles(answerer):
    a = answerer.answer("Ở tỉnh Nam Sơn có mấy hội thi?", mode="bm25")  # its one article reports a conference
    assert a.short != "1" and "bài viết" not in a.text.split("\n")[0]


@pytest.mark.parametrize("question", [
    "Ở tỉnh Bắc Hà có mấy cuộc họp?",  # "cuộc họp" whole: not the "hợp" of "phối hợp"
    "Ở tỉnh Bắc Hà có mấy lễ ký kết về phòng cháy chữa cháy?",  # its signing is on another topic
])
def test_a_kind_is_matched_whole_and_a_topic_asked_must_be_the_articles(answerer, question):
    a = answerer.answer(question, mode="bm25")
    assert "bài viết đưa tin hoạt động" not in a.text


@pytest.mark.parametrize("question", ["Có bao nhiêu sự kiện trong các bài diễn ra tại tỉnh Bắc Hà?",
                                      "co may hoat dong to chuc o tinh bac ha",
                                      "Những hoạt động nào được tổ chức tại tỉnh Bắc Hà?"])
def test_the_events_of_a_place_said_last_are_the_places_events(answerer, question):
    a = answerer.answer(question, mode="bm25")
    assert {c.doc_id for c in a.citations} == {"p1", "p2"}


def test_a_province_written_with_a_dash_is_the_place_asked(tmp_path):
    """"Ở Bà Rịa - Vũng Tàu có những hoạt động nào?": the dash is a space to the gazetteer, and the heading writes
    the place as the question does."""
    texts = {"v1": ("2024-03-05", "Bà Rịa - Vũng Tàu", "Hội nghị ký kết ở Bà Rịa - Vũng Tàu",
                    "Ngày 5/3, Công an tỉnh và Ủy ban MTTQ tỉnh ký kết chương trình phối hợp."),
             "v2": ("2023-06-26", "Bà Rịa - Vũng Tàu", "Tổng kết chương trình phối hợp",
                    "Ngày 26/6, Công an tỉnh tổ chức hội nghị tổng kết."),
             "v3": ("2022-08-09", "Nam Sơn", "Hội nghị ở Nam Sơn", "Ngày 9/8, Hội Nông dân tỉnh Nam Sơn tổ chức hội nghị.")}
    files = {f"{d}.txt": article_file(d, date, title, text, place) for d, (date, place, title, text) in texts.items()}
    answerer = Answerer(*fake_store(tmp_path, files))
    for asked in ("Ở Bà Rịa - Vũng Tàu có những hoạt động nào?", "o ba ria - vung tau co nhung hoat dong nao"):
        a = answerer.answer(asked, mode="bm25")
        assert [c.doc_id for c in a.citations] == ["v1", "v2"] and "**Bà Rịa - Vũng Tàu**" in a.text, asked
