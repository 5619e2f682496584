"""Phrases that say the same thing: a question's "qua đời" is held by a sentence's "từ trần",
its "ra đời" by "thành lập"; a phrase the question does not hold adds nothing."""

import re

from danvan_qa.ingest.facts import FactTable
from danvan_qa.ingest.paraphrases import paraphrases
from danvan_qa.qa.extractive import Scorer
from danvan_qa.qa.questions import parse


def _scorer(question: str) -> Scorer:
    return Scorer(parse(question, question, FactTable()), lambda t: 1, 100)


def test_a_phrase_stands_for_every_other_of_its_group():
    found = paraphrases("nha van qua doi ngay nao".split())
    assert (frozenset({"qua", "doi"}), frozenset({"tu tran"})) in found  # held where its words stand together
    assert paraphrases("nha van song o dau".split()) == []
    assert paraphrases("qua".split()) == []  # half a phrase is none


def test_a_sentence_that_says_it_otherwise_covers_the_question():
    scorer = _scorer("Nhà văn qua đời vào ngày nào?")
    assert scorer("Nhà văn từ trần ngày 6/7/2014 tại Hà Nội.") > scorer("Nhà văn sinh ngày 27/9/1920 tại Hà Nội.")
    without = _scorer("qua doi khi nao")
    assert without("Ông từ trần năm 1943.") > without("Ông sống ở đó năm 1943.")  # without marks too


def test_a_phrase_is_held_only_where_its_words_stand_together():
    """"ra mắt" is not "ra" and "Mặt trận" anywhere in a sentence; "ra đời" is not "Đội … đưa ra"."""
    scorer = _scorer("Đơn vị công bố quyết định ngày nào?")
    assert scorer("Ủy ban Mặt trận tỉnh đưa ra quyết định.") == scorer("Ủy ban tỉnh đưa ra quyết định.")
    assert scorer("Đơn vị ra mắt quyết định.") > scorer("Đơn vị đưa ra quyết định.")
    founded = _scorer("Trường thành lập năm nào?")
    assert founded("Đội bóng của trường đưa ra kế hoạch.") == founded("Nhóm bóng của trường nêu kế hoạch.")
    assert founded("Trường ra đời năm 2001.") > founded("Trường có mặt năm 2001.")


def test_born_and_finished_are_read_as_the_text_writes_them():
    born = _scorer("Nhà bác học chào đời ở đâu?")
    assert born("Nhà bác học sinh ngày 2/3/1850 tại thị trấn Morez.") > born("Nhà bác học làm việc tại thị trấn Morez.")
    built = _scorer("Cầu Đông Lâm được xây xong khi nào?")
    assert built("Cầu Đông Lâm khởi công năm 1961 và hoàn thành năm 1966.") > built("Cầu Đông Lâm khởi công năm 1961.")
    named = _scorer("Nhà hát được đặt theo tên ai?")
    assert named("Nhà hát mang tên kỹ sư Gustav Ebert.") > named("Nhà hát cao 30 m.")
    # "ra đời" is no birth: a school's founding is not held by "học sinh năm …"
    founded = _scorer("Trường ra đời năm nào?")
    assert founded("Học sinh năm 2001 của trường.") == founded("Giáo viên năm 2001 của trường.")


def test_a_unit_asked_in_words_is_held_by_its_symbol():
    """"dài bao nhiêu mét" is answered by "dài 120 m", "bao nhiêu cây số / ki-lô-mét" by "km"; a lone
    "met" may be "mệt" (tired), held by no unit."""
    metres = _scorer("cau dai bao nhieu met")
    assert metres("Cầu dài 120 m, rộng 6 m.") > metres("Cầu dài nhất thành phố.")
    for asked in ("Đường đèo dài bao nhiêu cây số?", "Đường đèo dài bao nhiêu ki-lô-mét?"):
        km = _scorer(asked)
        assert km("Đường đèo dài gần 50 km.") > km("Đường đèo dài nhất miền Bắc.")
    tired = _scorer("van dong vien co met khong")
    assert tired("Vận động viên chạy 400 m.") == tired("Vận động viên chạy vòng sân.")
    begun = _scorer("Cây cầu bắt đầu được xây khi nào?")  # begun is broken ground
    assert begun("Cầu được khởi công vào năm 1897.") > begun("Cầu mang tên vị vua năm 1897.")
