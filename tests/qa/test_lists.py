"""List answers: enumerations read from a sentence, and people lists complete within the
sentences they cite."""

from pathlib import Path

import pytest

from danvan_qa.ingest.corpus import load_corpus
from danvan_qa.ingest.facts import extract
from danvan_qa.qa.extractive import asks_several, enumerated
from danvan_qa.qa.questions import parse
from danvan_qa.qa.records import Features
from danvan_qa.qa.who import PERSON_FEATURES, PersonCandidate, complete

FACTS = extract(load_corpus(Path(__file__).resolve().parents[2] / "corpus").documents)


@pytest.mark.parametrize("sentence, items", [
    ("Nhiều mô hình hay như: tổ tự quản, mô hình \"2 tốt\", Nhóm nhà an toàn phòng cháy…",
     ["tổ tự quản", "mô hình \"2 tốt\"", "Nhóm nhà an toàn phòng cháy"]),
    ("Công an các huyện miền núi (Bắc Sơn, Nam Sơn, Đông Sơn và Tây Sơn) đã phối hợp.",
     ["Bắc Sơn", "Nam Sơn", "Đông Sơn", "Tây Sơn"]),
    # a quoted item keeps its commas; its quotes are dropped
    ("Các mô hình gồm \"Sân chơi an toàn\", \"Đi dân nhớ, ở dân thương\" và \"Chợ không rác\".",
     ["Sân chơi an toàn", "Đi dân nhớ, ở dân thương", "Chợ không rác"]),
    ("Hội nghị diễn ra sáng nay tại Hà Nội.", []),  # nothing enumerated
    ("Tham dự: Nguyễn Văn A.", []),  # one item is no list
])
def test_enumerations_are_read_with_their_offsets(sentence, items):
    found = enumerated(sentence)
    assert [text for text, _ in found] == items
    for text, at in found:
        assert sentence[at:at + len(text)] == text


@pytest.mark.parametrize("question, several", [
    ("Kể tên các mô hình dân vận khéo của Công an tỉnh.", True),
    ("Những huyện miền núi nào tham gia?", True),
    ("ke ten cac mo hinh", True),
    ("Mô hình nào được biểu dương?", False),
])
def test_questions_asking_for_several_things(question, several):
    assert asks_several(parse(question, question, FACTS)) is several


def _person(name: str, start: int, acts: tuple[str, ...], position: int) -> PersonCandidate:
    return PersonCandidate("d", name, None, None, acts, start, start + 50, position,
                           Features(PERSON_FEATURES, (0.0,) * len(PERSON_FEATURES)))


def test_a_people_list_is_complete_within_the_sentences_it_cites():
    a, b = _person("A", 100, ("dự",), 1), _person("B", 100, ("dự",), 2)  # one sentence: "Tham dự có A, …; B, …"
    c = _person("C", 300, ("dự",), 3)  # another sentence
    d = _person("D", 100, ("phát biểu",), 0)  # the same sentence, another act
    scored = [(a, 0.9), (b, 0.2), (c, 0.1), (d, 0.1)]
    assert [p.name for p in complete([a], scored)] == ["A", "B"]
    assert [p.name for p in complete([c, a], scored)] == ["A", "B", "C"]  # in the article's order


def test_who_attended_is_complete_within_every_sentence_telling_a_listed_guest_attending():
    from danvan_qa.ingest.facts import Person

    def mention(name: str, start: int, acts: tuple[str, ...]) -> Person:
        return Person("d", None, name, None, None, acts, "khác", start, start + 50)

    # "Tham dự có A, …; B, …" at 100; a caption at 300 names A alone, and the ranker prefers it
    a = _person("A", 300, ("dự",), 1)
    b, c = _person("B", 100, ("dự",), 2), _person("C", 100, ("dự",), 3)
    e = _person("E", 500, ("phát biểu",), 4)  # a speech, not the attendance
    mentions = {"d": [mention("A", 100, ("dự",)), mention("B", 100, ("dự",)), mention("C", 100, ("dự",)),
                      mention("A", 300, ("dự",)), mention("A", 500, ("phát biểu",)), mention("E", 500, ("phát biểu",))]}
    scored = [(a, 0.9), (b, 0.1), (c, 0.1), (e, 0.1)]
    attendees = parse("Những ai dự lễ ký kết?", "Những ai dự lễ ký kết?", FACTS)
    assert [p.name for p in complete([a], scored, attendees, mentions)] == ["A", "B", "C"]
    speakers = parse("Ai phát biểu tại lễ ký kết?", "Ai phát biểu tại lễ ký kết?", FACTS)
    assert [p.name for p in complete([a], scored, speakers, mentions)] == ["A"]  # the cited sentence only
    assert [p.name for p in complete([a], scored)] == ["A"]
    one_side = parse("Về phía Bộ Công an, những ai dự lễ ký kết?", "Về phía Bộ Công an, những ai dự lễ ký kết?", FACTS)
    assert [p.name for p in complete([a], scored, one_side, mentions)] == ["A"]  # the other side stays out
