"""Events between two bodies across the archive, from the fact table (invented articles, fake embedder, real
fact extraction)."""

import pytest

from fakes import invented_answerer as _answerer  # {id: (date, title, text[, place])}

ARTICLES = {
    "e1": ("2021-03-06", "Ban Dân vận Trung ương làm việc với Đảng ủy Công an tỉnh Nam Sơn",
           "Ngày 5/3/2021, Ban Dân vận Trung ương làm việc với Đảng ủy Công an tỉnh Nam Sơn về thực hiện quy chế dân chủ."),
    "e2": ("2022-06-10", "Kiểm tra công tác dân vận ở Công an tỉnh Nam Sơn",
           "Chiều 9/6/2022, Đoàn kiểm tra của Ban Chỉ đạo Trung ương do đồng chí Lê Văn An làm Trưởng đoàn làm việc với "
           "Đảng ủy Công an tỉnh Nam Sơn."),
    # the same session, reported again
    "e3": ("2022-06-11", "Đoàn kiểm tra làm việc với Đảng ủy Công an tỉnh Nam Sơn",
           "Chiều 9/6/2022, Đoàn kiểm tra của Ban Chỉ đạo Trung ương làm việc với Đảng ủy Công an tỉnh Nam Sơn."),
    "e4": ("2022-08-03", "Ký kết chương trình phối hợp ở Nam Sơn",
           "Ngày 2/8/2022, Ban Dân vận Tỉnh ủy Nam Sơn và Công an tỉnh ký kết chương trình phối hợp."),
    "e5": ("2022-04-04", "Ban Dân vận Trung ương họp với Bộ Công an",
           "Ngày 3/4/2022, Ban Dân vận Trung ương có cuộc họp với Bộ Công an về công tác tổ chức hội nghị."),
}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    return _answerer(tmp_path_factory.mktemp("between"), ARTICLES)


def test_sessions_between_two_bodies_counted_once_each_with_the_other_side_in_brackets(answerer):
    a = answerer.answer("Các bài nêu bao nhiêu lần Ban Dân vận Trung ương (hoặc Đoàn kiểm tra do lãnh đạo Ban làm trưởng "
                        "đoàn) làm việc với Đảng ủy Công an tỉnh Nam Sơn?", mode="bm25")
    assert a.short == "2"
    assert {c.doc_id for c in a.citations} == {"e1", "e2", "e3"}  # e3 under e2: one session
    assert "e4" not in {c.doc_id for c in a.citations}


def test_meetings_of_two_bodies_with_each_other_in_a_year(answerer):
    a = answerer.answer("Trong năm 2022, Ban Dân vận và lực lượng Công an đã có những cuộc họp, hội nghị nào với nhau?",
                        mode="bm25")
    assert [c.doc_id for c in a.citations] == ["e5"]  # not 2021's, not a signing, not a working session


def test_a_programmes_signing_between_two_bodies_is_left_to_the_programme_lists(answerer):
    from danvan_qa.qa.body_events import asks_body_events
    from danvan_qa.qa.questions import parse

    question = "Có bao nhiêu hội nghị ký kết chương trình phối hợp giữa Ban Dân vận và Công an được đưa tin?"
    assert asks_body_events(parse(question, question, answerer.store.stored_facts)) is None


@pytest.mark.parametrize("question", [
    "nam 2022 ban dan van trung uong va bo cong an co nhung cuoc hop nao voi nhau?",  # a year said first, no comma
    "Tính riêng năm 2022, Ban Dân vận Trung ương và Bộ Công an có bao nhiêu cuộc họp hoặc hội nghị chung được đưa tin?",
    "Trong năm 2022, giữa Ban Dân vận và lực lượng Công an đã có những cuộc họp nào về chương trình phối hợp?",
])
def test_meetings_of_two_bodies_asked_as_held_together(answerer, question):
    a = answerer.answer(question, mode="bm25")
    assert [c.doc_id for c in a.citations] == ["e5"]
    if "bao nhiêu" in question:
        assert a.short == "1"


@pytest.mark.parametrize("question", [
    "Hãy nêu các hoạt động phối hợp được thống nhất giữa Ban Dân vận Tỉnh ủy Nam Sơn và Công an tỉnh Nam Sơn?",
    "Trong buổi làm việc giữa Ban Dân vận Trung ương và Bộ Công an, các hoạt động nào được thống nhất?",
    "Hội Phụ nữ và Đoàn Thanh niên xã Lạc Khê có những hoạt động chung tay nào?",
])
def test_what_one_session_agreed_is_not_a_list_of_the_two_bodies_events(answerer, question):
    from danvan_qa.qa.body_events import asks_body_events
    from danvan_qa.qa.questions import parse

    assert asks_body_events(parse(question, question, answerer.store.stored_facts)) is None


def test_two_meetings_on_one_day_in_two_provinces_are_two(tmp_path):
    same_day = {
        "d1": ("2022-04-04", "Ban Dân vận Tỉnh ủy Nam Sơn họp với Công an tỉnh Nam Sơn",
               "Ngày 3/4/2022, Ban Dân vận Tỉnh ủy Nam Sơn có cuộc họp với Công an tỉnh Nam Sơn.", "Nam Sơn"),
        "d2": ("2022-04-04", "Ban Dân vận Tỉnh ủy Bắc Hà họp với Công an tỉnh Bắc Hà",
               "Ngày 3/4/2022, Ban Dân vận Tỉnh ủy Bắc Hà có cuộc họp với Công an tỉnh Bắc Hà.", "Bắc Hà"),
    }
    a = _answerer(tmp_path, same_day).answer(
        "Trong năm 2022, Ban Dân vận và lực lượng Công an đã có bao nhiêu cuộc họp với nhau?", mode="bm25")
    assert a.short == "2"
