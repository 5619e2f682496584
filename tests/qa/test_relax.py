"""Looser readings of a question across the archive: a qualifier no shape reads is cut, a name never."""

import pytest

from danvan_qa.ingest.abbreviations import shorthand_written_out
from danvan_qa.qa.relax import cued, plainly_asked, relaxed
from fakes import invented_answerer

# invented articles: two contests and a meeting with village elders, each held with the police
ARTICLES = {
    "r1": ("2023-04-02", "Hội thi “Dân vận khéo” ở Nam Sơn",
           "Ngày 2/4, Ban Dân vận Tỉnh ủy Nam Sơn phối hợp với Công an tỉnh tổ chức Hội thi “Dân vận khéo” năm 2023. "
           "Hội thi có 12 đội tham gia.", "Nam Sơn"),
    "r2": ("2023-06-10", "Cuộc thi tìm hiểu pháp luật ở Bắc Hà",
           "Ngày 10/6, Công an tỉnh Bắc Hà và Tỉnh đoàn tổ chức Cuộc thi tìm hiểu pháp luật về an ninh trật tự. "
           "Cuộc thi thu hút 3.000 bài dự thi.", "Bắc Hà"),
    "r3": ("2023-08-20", "Gặp mặt người có uy tín ở Tây Giang",
           "Ngày 20/8, Công an tỉnh Tây Giang tổ chức gặp mặt 80 người có uy tín trong đồng bào dân tộc thiểu số. "
           "Đại tá Trần Văn Bình, Giám đốc Công an tỉnh, chủ trì buổi gặp mặt.", "Tây Giang"),
    "r4": ("2024-09-05", "Ký kết kế hoạch phối hợp ở Nam Sơn",
           "Ngày 5/9, Ban Dân vận Tỉnh ủy Nam Sơn và Công an tỉnh ký kết kế hoạch phối hợp thực hiện công tác dân vận năm "
           "2024.", "Nam Sơn"),
    "r5": ("2023-03-01", "Ký kết chương trình phối hợp ở Bắc Hà",
           "Ngày 1/3, Ban Dân vận Tỉnh ủy Bắc Hà và Công an tỉnh ký kết Chương trình phối hợp công tác dân vận giai đoạn "
           "2023-2028.", "Bắc Hà"),
}


def test_a_qualifier_naming_nothing_is_cut_alone_then_with_the_others():
    asked = "Có mấy cuộc thi / hội thi mà công an đồng tổ chức với một cơ quan khác được đưa tin trong các bài?"
    forms = list(relaxed(asked))
    assert "Có mấy cuộc thi / hội thi được đưa tin trong các bài?" in forms  # who took part, cut alone
    assert "Có mấy cuộc thi / hội thi mà công an đồng tổ chức với một cơ quan khác?" in forms  # how it is told
    assert forms[-1] == "Có mấy cuộc thi / hội thi?"  # then both


@pytest.mark.parametrize("asked, kept", [
    ("Có mấy buổi ký kết phối hợp với Ủy ban MTTQ tỉnh Nam Sơn được thuật lại trong các tin?", "Ủy ban MTTQ tỉnh Nam Sơn"),
    ("Những hội nghị nào do Công an tỉnh Bắc Hà tổ chức được nêu trong các bài?", "do Công an tỉnh Bắc Hà tổ chức"),
    ("Có mấy lễ ký chương trình giai đoạn 2016-2021 được nêu cụ thể ngày ký?", "giai đoạn 2016-2021"),
])
def test_what_the_question_names_stays_in_every_looser_form(asked, kept):
    forms = list(relaxed(asked))
    assert forms and all(kept in form for form in forms), forms


def test_a_lead_saying_who_asks_and_a_rule_after_the_question_are_cut():
    forms = list(relaxed("Alo, bên mình đang soạn câu đố cho buổi sáng: những ai là Giám đốc Công an tỉnh? "
                         "Kể tên kèm địa phương giúp mình nhé."))
    assert forms[-1] == "Những ai là Giám đốc Công an tỉnh?"
    assert list(relaxed("cong an to chuc may cuoc thi, hoi thi? ko tinh thi dua nhe")) == [
        "cong an to chuc may cuoc thi, hoi thi?"]


def test_a_polite_lead_and_the_articles_said_first_are_cut_and_dành_cho_is_với():
    forms = list(relaxed("Thưa, các bài có nói đến mấy cuộc thi hay hội thi do công an tổ chức hoặc phối hợp tổ chức ạ?"))
    assert forms[-1] == "Mấy cuộc thi hay hội thi ạ?"  # the police at large, no place: named nothing of its own
    assert list(relaxed("Bao nhiêu hội nghị dành riêng cho người có uy tín?")) == [
        "Bao nhiêu hội nghị dành cho người có uy tín?", "Bao nhiêu hội nghị với người có uy tín?"]
    assert all("Công an tỉnh Bắc Hà" in form for form in relaxed("Thưa, có mấy hội thi do Công an tỉnh Bắc Hà tổ chức?"))


def test_a_kind_set_aside_first_is_no_ask_and_what_is_set_aside_by_name_stays():
    assert plainly_asked("Ngoài các chương trình, có những kế hoạch phối hợp nào được ký?") == \
        "Có những kế hoạch phối hợp nào được ký?"
    assert plainly_asked("ngoai nhung hoi nghi ra, co nhung buoi lam viec nao?") == "co nhung buoi lam viec nao?"
    assert plainly_asked("Ngoài các Ban Dân vận, Công an đã ký với những tổ chức nào?") is None  # a body named
    assert plainly_asked("Ngoài phát điện, hồ còn có nhiệm vụ gì?") is None  # what it asks of
    assert plainly_asked("ngoai hai nguoi chu tri, nhung ai tham du hoi nghi?") is None


def test_a_programmes_parties_asked_as_people_are_asked_as_bodies():
    assert plainly_asked("Chương trình phối hợp giai đoạn 2023-2028 được ký giữa những ai?") == \
        "Chương trình phối hợp giai đoạn 2023-2028 được ký giữa những cơ quan nào?"
    assert plainly_asked("ct phoi hop giai doan 2023-2028 thi ai ky vs ai") == \
        "ct phoi hop giai doan 2023-2028 duoc ky giua nhung co quan nao"
    assert plainly_asked("Hội nghị ký kết có những ai dự?") is None  # people at an event are people
    assert plainly_asked("Lễ ký kết diễn ra giữa những ai?") is None  # no programme named


@pytest.mark.parametrize("asked, kept", [  # what a review found cut, each narrowing the question
    ("Có mấy cuộc thi / hội thi có tỉnh đoàn tham gia được nhắc trong loạt bài?", "có tỉnh đoàn tham gia"),  # a body
    ("co bao nhieu hoi nghi co doan thanh nien tham gia duoc neu trong cac bai?", "co doan thanh nien tham gia"),
    ("Có bao nhiêu đội tham gia các hội thi được nêu trong các bài?", "Có bao nhiêu đội tham gia"),  # what is counted
    ("tay giang: co bao nhieu hoi thi, cuoc thi duoc nhac trong loat bai?", "tay giang:"),  # a place said first
    ("Trong loạt bài về người có uy tín, có bao nhiêu hội nghị được nêu?", "về người có uy tín"),  # the articles' topic
    ("co bao nhieu hoi thi duoc neu trong cac bai? chi tinh o nam son", "chi tinh o nam son"),  # a place after "?"
])
def test_a_qualifier_that_narrows_is_never_cut(asked, kept):
    forms = list(relaxed(asked))
    assert forms and all(kept in form for form in forms), forms
    assert list(relaxed("Huế: có bao nhiêu hội thi?")) == []  # a one-word place, capital first


def test_what_is_asked_of_what_is_set_aside_or_of_an_event_is_asked_as_said():
    assert plainly_asked("Ngoài các già làng, những ai dự hội nghị?") is None  # people: the set-aside asked of
    assert plainly_asked("Ngoài các chương trình, kế hoạch, có những văn bản nào?") is None  # two kinds set aside
    assert plainly_asked("Chương trình giao lưu văn nghệ diễn ra giữa những ai?") is None  # an event, not a signing
    assert plainly_asked("Lễ ký kết chương trình phối hợp diễn ra giữa những ai?") is None


def test_a_question_with_nothing_to_cut_has_no_looser_form():
    assert list(relaxed("Có bao nhiêu hội thi?")) == []


def test_the_archive_cue_is_typed_as_the_question_is():
    assert list(cued(["co may hoi thi?"], "co may hoi thi?", as_said=True)) == [
        "co may hoi thi?", "co may hoi thi duoc dua tin?", "co may hoi thi trong cac bai?"]
    assert list(cued(["Có mấy hội thi?"], "Có mấy hội thi?", as_said=False))[0] == "Có mấy hội thi được đưa tin?"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    return invented_answerer(tmp_path_factory.mktemp("relax"), ARTICLES)


@pytest.mark.parametrize("asked", [
    "Có mấy cuộc thi / hội thi mà công an đồng tổ chức với một cơ quan khác được đưa tin trong các bài?",
    "Hỏi vui: có bao nhiêu hội thi, cuộc thi có công an tham gia được nhắc trong loạt bài?",
])
def test_a_count_with_a_qualifier_no_shape_reads_is_the_archive_count_not_a_refusal(answerer, asked):
    a = answerer.answer(asked, mode="bm25")
    assert not a.abstained, a.text
    assert a.short == "2", a.text
    assert {c.doc_id for c in a.citations} == {"r1", "r2"}  # the meeting is no contest
    for c in a.citations:  # each row quotes its article as published
        assert c.quote == answerer.store.data.documents[c.doc_id].published[c.start:c.end]
    # the question as loosened is said back, so that the reader knows what was left out
    assert a.understood and a.understood in list(relaxed(asked)) and a.text.startswith(f"_Hiểu là: {a.understood}_")


def test_a_list_asked_after_a_kind_set_aside_lists_the_kind_asked(answerer):
    a = answerer.answer("Ngoài các chương trình, có những kế hoạch phối hợp nào được ký? Cho mình biết tên của từng kế "
                        "hoạch.", mode="bm25")
    assert not a.abstained and {c.doc_id for c in a.citations} == {"r4"}, a.text  # not the programme set aside


@pytest.mark.parametrize("asked", ["Chương trình phối hợp giai đoạn 2023-2028 được ký giữa những ai?",
                                   "Chương trình phối hợp công tác dân vận giai đoạn 2023-2028 thì ai ký với ai?"])
def test_a_programme_asked_who_signed_with_whom_names_its_parties(answerer, asked):
    a = answerer.answer(asked, mode="bm25")
    assert not a.abstained and {c.doc_id for c in a.citations} == {"r5"}, a.text
    assert "**Ban Dân vận Tỉnh ủy Bắc Hà**" in a.text and "**Công an tỉnh**" in a.text  # the parties, not a sentence


def test_a_period_typed_with_a_space_between_its_years_is_one_period():
    assert shorthand_written_out("co may noi ky chuong trinh giai doan 2022 2026?") == \
        "co may noi ky chuong trinh giai doan 2022-2026?"
    assert shorthand_written_out("Chương trình nhiệm kỳ 2020 đến 2025 ký ngày nào?").startswith(
        "Chương trình nhiệm kỳ 2020-2025 ")
    assert "2022 2026/5" in shorthand_written_out("giai doan 2022 2026/5")  # a date, not a period's end
