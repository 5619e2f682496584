"""Programmes selected by the bodies a question names wherever it names them (invented articles)."""

import pytest

from danvan_qa.ingest.facts import FactTable
from danvan_qa.qa.answering import Answerer
from danvan_qa.qa.programme_slots import _read, asks_programme_slot, named_parties
from danvan_qa.qa.questions import parse
from fakes import article_file, fake_store

TEXTS = {
    "p1": ("2017-12-15", "Tây Giang", "Ngày 15/12/2017, Ban Dân vận Tỉnh ủy và Bộ Chỉ huy Bộ đội Biên phòng tỉnh ký "
                                      "kết chương trình phối hợp công tác dân vận giai đoạn 2018 - 2023."),
    "p2": ("2023-11-03", "Nam Sơn", "Ngày 3/11/2023, Ban Dân vận Tỉnh ủy và BCH Biên phòng tỉnh ký kết chương trình "
                                    "phối hợp công tác giai đoạn 2023 - 2026."),
    "p3": ("2016-10-05", "Bắc Hà", "Ngày 5/10/2016, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết chương trình phối hợp "
                                   "công tác dân vận giai đoạn 2016-2021."),
    "p4": ("2016-06-15", "Hà Nội", "Ngày 15/6/2016, Ban Dân vận Trung ương và Bộ Công an ký kết chương trình phối hợp "
                                   "công tác dân vận giai đoạn 2016-2021."),
    "p5": ("2016-11-08", "Đông Lâm", "Ngày 8/11/2016, Ban Dân vận Huyện ủy Bố Sơn và Công an huyện Bố Sơn ký kết "
                                     "chương trình phối hợp công tác dân vận giai đoạn 2016-2021."),
    "p6": ("2024-03-05", "Lâm Hà", "Ngày 5/3/2024, Công an tỉnh và Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh ký kết chương "
                                   "trình phối hợp giai đoạn 2023-2033."),
    "p7": ("2023-08-01", "Hà Nội", "Ngày 1/8/2023, Bộ Công an và Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam ký kết "
                                   "chương trình phối hợp giai đoạn 2023-2033."),
    "p8": ("2026-01-13", "Đạ Sơn", "Ngày 13/1/2026, Công an xã Đạ Sơn và Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt "
                                   "Nam xã Đạ Sơn ký kết chương trình phối hợp giai đoạn 2026-2030."),
}


def _answerer(folder, texts: dict[str, tuple[str, str, str]]) -> Answerer:
    """An answerer over invented articles {id: (date, place, text)}, each titled as a signing there."""
    files = {f"{doc_id}.txt": article_file(doc_id, date, f"Ký kết chương trình phối hợp ở {place}", text, place)
             for doc_id, (date, place, text) in texts.items()}
    return Answerer(*fake_store(folder, files))


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    return _answerer(tmp_path_factory.mktemp("slots"), TEXTS)


def _cited(answerer, question: str) -> list[str]:
    a = answerer.answer(question, mode="bm25")
    assert not a.abstained, question
    for c in a.citations:  # every row quotes its article as published
        assert c.quote == answerer.store.data.documents[c.doc_id].published[c.start:c.end]
    return sorted({c.doc_id for c in a.citations})


@pytest.mark.parametrize("question", [
    "Ban Dân vận Tỉnh ủy có chương trình phối hợp công tác dân vận với bộ đội biên phòng ở tỉnh nào?",
    "Tỉnh nào có chương trình phối hợp giữa Ban Dân vận Tỉnh ủy với lực lượng Biên phòng?",
    "ban dan van tinh uy co chuong trinh phoi hop voi bien phong o dau",
    # the side asked before "nào", and a level written "tỉnh/thành": still the bodies named
    "Ban Dân vận (hoặc Ban Tuyên giáo và Dân vận) cấp tỉnh/thành nào có chương trình hoặc kế hoạch phối hợp với Bộ đội "
    "Biên phòng?",
])
def test_the_parties_a_question_names_anywhere_select_the_programmes(answerer, question):
    assert _cited(answerer, question) == ["p1", "p2"]


def test_a_level_asked_in_brackets_keeps_the_programmes_of_that_level(answerer):
    question = "Những cuộc ký kết nào có Ủy ban Mặt trận Tổ quốc (cấp tỉnh hoặc xã) là một bên ký?"
    assert named_parties(parse(question, question, FactTable())) == [["Mặt trận Tổ quốc tinh", "Mặt trận Tổ quốc xa"]]
    assert _cited(answerer, question) == ["p6", "p8"]  # not the central Front's (p7)


def test_the_centre_set_aside_keeps_the_local_programmes_of_the_period(answerer):
    question = ("Ngoai cap Trung uong, nhung cap nao (ban dan van va cong an o dia phuong) duoc dua tin ky ket "
                "chuong trinh phoi hop cong tac dan van giai doan 2016-2021?")
    assert _cited(answerer, question) == ["p3", "p5"]
    # the places with reports of such signings: the local ones too, asked "có bài đưa tin lễ ký kết" or as a request
    for places in ("Những địa phương nào (tỉnh, thành phố hoặc huyện) có bài đưa tin lễ ký kết chương trình phối hợp "
                   "công tác dân vận giai đoạn 2016-2021 giữa Ban Dân vận và Công an?",
                   "Giúp tôi liệt kê các địa phương có bài tường thuật buổi ký kết chương trình phối hợp công tác dân vận "
                   "giai đoạn 2016-2021 giữa Ban Dân vận và Công an."):
        assert _cited(answerer, places) == ["p3", "p5"], places


@pytest.mark.parametrize("question, parties", [
    ("Ban Dân vận (hoặc Ban Tuyên giáo và Dân vận) nào có kế hoạch phối hợp với BCHQS hay Bộ đội Biên phòng?",
     [["Ban Dân vận", "Ban Tuyên giáo và Dân vận"], ["Quân sự", "Biên phòng"]]),
    ("Ngoài Ban Dân vận, công an cấp tỉnh đã ký chương trình với những cơ quan nào?", [["Công an tinh"]]),
    ("Tỉnh nào có chương trình giữa Ban Dân vận và Công an?", [["Ban Dân vận"], ["Công an"]]),
    ("Tỉnh nào có chương trình giữa Ban Dân vận, Công an và Mặt trận?",  # a comma lists parties
     [["Ban Dân vận"], ["Công an"], ["Mặt trận Tổ quốc"]]),
    ("Ban nào đã ký chương trình với công an hoặc với bộ chỉ huy quân sự?", [["Công an", "Quân sự"]]),
    ("Những đơn vị quân đội nào ký chương trình với ban dân vận?",  # the army: any of its bodies
     [["Quân sự", "Quân khu", "Biên phòng", "Quân đội"], ["Ban Dân vận"]]),
])
def test_bodies_joined_by_or_are_one_partys_alternatives_and_a_body_set_aside_none(question, parties):
    assert named_parties(parse(question, question, FactTable())) == parties


@pytest.mark.parametrize("question, asks", [
    ("Tỉnh nào có chương trình phối hợp giữa Ban Dân vận với Biên phòng?", True),
    ("Chương trình phối hợp giữa Ban Dân vận và Công an tỉnh được ký tại hội nghị nào?", False),  # one event's
    ("Ai ký chương trình phối hợp giữa Ban Dân vận và Công an tỉnh?", False),  # people, not programmes
    ("Chương trình phối hợp giữa Ban Dân vận và Công an tỉnh có nội dung gì?", False),  # nothing asked of several
    ("Lễ ký kết chương trình phối hợp giai đoạn 2016-2021 được tổ chức ở đâu?", False),  # where one event was
    ("Những nơi nào có bài đưa tin lễ ký kết chương trình giữa Ban Dân vận và Công an?", True),  # such events reported
    ("62/63 Công an tỉnh đã ký chương trình phối hợp với cơ quan nào?", False),  # one party, not several
    ("Văn bản hướng dẫn chương trình phối hợp được gửi tới bao nhiêu tỉnh?", False),  # nothing signed asked
    ("Ban Dân vận tỉnh Bắc Giang ký chương trình phối hợp với những cơ quan nào?", False),  # a place's own article
])
def test_only_a_question_asking_something_of_several_programmes_is_read_so(question, asks):
    assert asks_programme_slot(parse(question, question, FactTable())) is asks


def test_a_question_one_article_answers_goes_on_to_that_article(answerer):
    """Parties only one programme has: no list of one, the single-article pipeline answers."""
    a = answerer.answer("Công an huyện có chương trình phối hợp với Ban Dân vận Huyện ủy ở huyện nào?", mode="bm25")
    assert not a.text.startswith("Các bài viết nêu")


def test_people_asked_at_signings_between_two_bodies_are_people_not_programmes(tmp_path):
    texts = {
        "s1": ("2016-10-05", "Bắc Hà", "Ngày 5/10/2016, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết chương trình phối hợp "
                                       "công tác dân vận giai đoạn 2016-2021. Phát biểu chỉ đạo, Phó Bí thư Thường trực "
                                       "Tỉnh ủy Lê Văn Tâm đánh giá cao kết quả phối hợp."),
        "s2": ("2022-05-26", "Nam Sơn", "Ngày 26/5/2022, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết chương trình phối hợp "
                                        "giai đoạn 2022-2026. Phát biểu chỉ đạo, Phó Bí thư Thường trực Tỉnh ủy Hồ Thị Lan "
                                        "đề nghị hai bên phối hợp chặt chẽ."),
    }
    a = _answerer(tmp_path, texts).answer(
        "Những Phó Bí thư Thường trực nào phát biểu chỉ đạo tại các lễ ký kết chương trình phối hợp giữa ban dân vận và "
        "công an?", mode="bm25")
    assert sorted(i.name for i in a.items) == ["Hồ Thị Lan", "Lê Văn Tâm"] and "chương trình:" not in a.text


def test_a_level_after_a_body_is_taken_out_where_it_stands_not_where_the_word_first_appears():
    question = "Có bao nhiêu tỉnh mà Ban Dân vận có chương trình phối hợp với Công an tỉnh?"
    parties, unleveled = _read(parse(question, question, FactTable()))
    assert parties == [["Ban Dân vận"], ["Công an tinh"]]
    assert unleveled.startswith("co bao nhieu tinh ma ") and unleveled.endswith(" voi cong an")


def test_programmes_asked_with_who_attended_them_are_still_programmes(answerer):
    question = "Những chương trình phối hợp nào giữa Ban Dân vận và Công an có lãnh đạo tham dự?"
    assert _cited(answerer, question) == ["p3", "p4", "p5"]
