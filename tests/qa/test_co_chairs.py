"""Events chaired by two people or more, across the archive: a row per event naming its chairs."""

import pytest

from fakes import invented_answerer

ARTICLES = {
    "c1": ("2023-10-18", "Hội nghị tổng kết phong trào toàn dân ở tỉnh Nam Sơn",
           "Ngày 17/10, tại tỉnh Nam Sơn, Công an tỉnh và Ủy ban MTTQ tỉnh tổ chức hội nghị tổng kết phong trào toàn dân "
           "bảo vệ an ninh. Đại tá Lê Văn Khải, Giám đốc Công an tỉnh và ông Phạm Quang Hưng, Chủ tịch Ủy ban MTTQ tỉnh đồng "
           "chủ trì hội nghị."),
    # the same event, reported again: one row
    "c2": ("2023-10-19", "Nam Sơn tổng kết phong trào toàn dân bảo vệ an ninh",  # published a day later
           "Chiều 17/10, Đại tá Lê Văn Khải, Giám đốc Công an tỉnh và ông Phạm Quang Hưng, Chủ tịch Ủy ban MTTQ tỉnh đồng "
           "chủ trì hội nghị tổng kết phong trào toàn dân bảo vệ an ninh tại tỉnh Nam Sơn."),
    "c3": ("2022-05-27", "Ký kết chương trình phối hợp công tác dân vận ở tỉnh Bắc Hà",
           "Ngày 26/5, Ban Dân vận Tỉnh ủy và Công an tỉnh Bắc Hà tổ chức hội nghị ký kết chương trình phối hợp. Đồng "
           "chí Trần Văn Bình, Trưởng Ban Dân vận Tỉnh ủy và Đại tá Vũ Quốc Huy, Giám đốc Công an tỉnh chủ trì hội nghị."),
    # one chair only: no row
    "c4": ("2021-03-10", "Hội nghị sơ kết công tác dân vận ở huyện Tây Giang",
           "Ngày 9/3, Ban Dân vận Huyện ủy Tây Giang tổ chức hội nghị sơ kết. Đồng chí Đặng Thị Lan, Trưởng Ban Dân vận "
           "Huyện ủy chủ trì hội nghị."),
}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    return invented_answerer(tmp_path_factory.mktemp("co_chairs"), ARTICLES)


@pytest.mark.parametrize("question", [
    "Những hội nghị nào do hai người cùng chủ trì được nêu trong các bài?",
    "nhung hoi nghi, buoi lam viec nao do 2 lanh dao cung chu tri? ke ten ca 2 nguoi giup em",
])
def test_events_chaired_by_two_are_a_row_each_naming_both(answerer, question):
    a = answerer.answer(question, mode="bm25")
    rows = [line for line in a.text.splitlines() if line.startswith("- ")]
    assert len(rows) == 2  # the event reported twice is one row
    assert "Lê Văn Khải" in rows[0] and "Phạm Quang Hưng" in rows[0] and "Trần Văn Bình" in rows[1] and "Vũ Quốc Huy" in rows[1]
    assert "Đặng Thị Lan" not in a.text
    assert {c.doc_id for c in a.citations} == {"c1", "c2", "c3"}
    assert all(a.text.count(f"[{c.n}]") for c in a.citations)


def test_events_chaired_by_two_counted(answerer):
    assert answerer.answer("Có mấy hội nghị được đồng chủ trì trong các bài?", mode="bm25").short == "2"


def test_a_question_naming_a_chair_is_not_this_list(answerer):
    a = answerer.answer("Đại tá Lê Văn Khải đồng chủ trì hội nghị nào cùng với ai?", mode="bm25")
    assert "Trần Văn Bình" not in a.text


@pytest.mark.parametrize("question", [
    "Những hội nghị nào ở tỉnh Bắc Hà do hai người cùng chủ trì?",  # a place: that place's events, not this list
    "Hội nghị ký kết chương trình phối hợp ở tỉnh Bắc Hà được đồng chủ trì bởi những ai?",  # one event's chairs
])
def test_a_question_of_one_place_or_event_is_not_this_list(answerer, question):
    a = answerer.answer(question, mode="bm25")
    assert "Lê Văn Khải" not in a.text and "Trần Văn Bình" in a.text


def test_two_places_events_of_one_day_with_the_same_chairs_are_two_rows(tmp_path):
    texts = {doc_id: ("2023-03-07", f"Hội nghị ở {place}",
                      f"Ngày 6/3, tại {place}, Đại tá Lê Văn Khải và ông Phạm Quang Hưng đồng chủ trì hội nghị {what}.",
                      place)
             for doc_id, place, what in (("s1", "tỉnh Nam Sơn", "sơ kết công tác dân vận"),
                                         ("s2", "huyện Tây Giang", "phát động phong trào toàn dân"))}
    a = invented_answerer(tmp_path, texts).answer("Có mấy hội nghị được đồng chủ trì trong các bài?", mode="bm25")
    assert a.short == "2"
