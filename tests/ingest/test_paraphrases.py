"""Phrases that say the same thing: a question's "qua đời" is held by a sentence's "từ trần",
its "ra đời" by "thành lập"; a phrase the question does not hold adds nothing."""

import re

from danvan_qa.ingest.facts import FactTable
from danvan_qa.ingest.normalize import fold
from danvan_qa.ingest.paraphrases import GROUPS, paraphrases
from danvan_qa.qa.extractive import Scorer
from danvan_qa.qa.questions import parse


def _scorer(question: str) -> Scorer:
    return Scorer(parse(question, question, FactTable()), lambda t: 1, 100)


def test_a_phrase_stands_for_every_other_of_its_group():
    found = paraphrases("nha van qua doi ngay nao".split())
    assert (frozenset({"qua", "doi"}), frozenset({"tu", "tran"})) in found
    assert paraphrases("nha van song o dau".split()) == []
    assert paraphrases("qua".split()) == []  # half a phrase is none


def test_a_sentence_that_says_it_otherwise_covers_the_question():
    scorer = _scorer("Nhà văn qua đời vào ngày nào?")
    assert scorer("Nhà văn từ trần ngày 6/7/2014 tại Hà Nội.") > scorer("Nhà văn sinh ngày 27/9/1920 tại Hà Nội.")
    without = _scorer("qua doi khi nao")
    assert without("Ông từ trần năm 1943.") > without("Ông sống ở đó năm 1943.")  # without marks too


def test_no_group_holds_a_word_that_folds_like_another_common_one():
    """"mất" folds like "mặt" (Mặt trận), "dự" like "du" (du lịch): a phrase of one such syllable
    would make a paraphrase of an unrelated sentence."""
    singles = {fold(p).lower() for group in GROUPS for p in group if " " not in p}
    assert not singles & {"mat", "du", "cuoi", "viet", "lap", "len"}
