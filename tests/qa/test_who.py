"""People for "who" questions: the title asked for, one article's people, the person cut."""

import pytest

from danvan_qa.ingest.facts import FactTable
from danvan_qa.qa.questions import parse
from danvan_qa.qa.extractive import Scorer
from danvan_qa.qa.who import (PersonCandidate, attendance, focus_missing, focus_title, head_match, select, title_heads,
                              title_words)


def q(text: str):
    return parse(text, text, FactTable())


@pytest.mark.parametrize("question, head", [
    ("Ai là Giám đốc Công an tỉnh Bình Dương?", ("giám đốc", False)),
    ("Trưởng ban Tuyên giáo Tỉnh ủy Ninh Thuận là ai?", ("trưởng", False)),
    ("Những UVTV Tỉnh ủy nào dự hội nghị?", ("uvtv", False)),
    ("Năm 2010, ai là Phó trưởng Ban Thường trực Ban Dân vận TW?", ("trưởng", True)),
    ("Cục trưởng Cục Cảnh sát điều tra tội phạm về ma túy nào dự hội nghị?", ("cục trưởng", False)),
    ("Ai làm việc với Chủ tịch UBND tỉnh?", None),  # the title names someone else
    ("Lãnh đạo Công an tỉnh nào có mặt?", None),  # any leader
])
def test_the_title_of_the_person_asked_for(question, head):
    found = focus_title(q(question))
    assert (found[0] if found else None) == head


def test_someone_who_stands_for_a_body_must_belong_to_it():
    question = q("Ai đại diện Công an tỉnh Hà Nam ký chương trình phối hợp?")
    head, words = focus_title(question)
    assert head is None and {"cong", "an", "tinh"} <= words and not words & {"ha", "nam", "ky"}


def test_the_rarest_title_word_a_person_lacks():
    question = q("Thứ trưởng Bộ Quốc phòng nào dự buổi làm việc?")
    scorer = Scorer(question, lambda t: {"quoc": 1, "phong": 1}.get(t, 50), 100)
    assert focus_missing(question, scorer, None, "Thứ trưởng Bộ Quốc phòng") == 0.0
    other = focus_missing(question, scorer, None, "Thứ trưởng Bộ Nội vụ")
    assert other == pytest.approx(1.0)  # "quoc", "phong": the question's rarest words
    assert focus_missing(q("Ai dự buổi làm việc?"), scorer, None, "Thứ trưởng Bộ Nội vụ") == 0.0  # no title asked


def test_a_role_holds_the_title_through_its_abbreviation():
    question = q("Ai là Chỉ huy trưởng Bộ đội Biên phòng tỉnh?")
    scorer = Scorer(question, lambda t: {"bien": 1, "phong": 1}.get(t, 50), 100)
    assert focus_missing(question, scorer, "Đại tá", "Chỉ huy trưởng BĐBP tỉnh") == 0.0
    assert focus_missing(question, scorer, "Đại tá", "Chỉ huy trưởng Bộ CHQS tỉnh") > 0.5


def test_a_title_asked_by_its_abbreviation_is_held_by_a_role_written_out():
    question = q("Thứ trưởng BCA nào dự hội nghị?")
    scorer = Scorer(question, lambda t: {"bca": 1}.get(t, 50), 100)
    assert focus_missing(question, scorer, "Trung tướng", "Thứ trưởng Bộ Công an") == 0.0
    assert focus_missing(question, scorer, None, "Thứ trưởng Bộ Nội vụ") > 0.5  # not any deputy minister
    command = q("Ai là Chỉ huy trưởng BCHQS tỉnh?")  # an abbreviation written half out by the role: "Bộ CHQS"
    scorer = Scorer(command, lambda t: {"bchqs": 1}.get(t, 50), 100)
    assert focus_missing(command, scorer, "Đại tá", "Chỉ huy trưởng Bộ CHQS tỉnh") == 0.0
    assert focus_missing(command, scorer, "Đại tá", "Chỉ huy trưởng BĐBP tỉnh") > 0.5


def test_title_words_leave_out_the_place():
    words = title_words(q("Trưởng ban Tuyên giáo Tỉnh ủy Ninh Thuận là ai?"))
    assert {"truong", "ban", "tuyen", "giao", "tinh", "uy"} <= words
    assert not words & {"ninh", "thuan"}


def test_a_deputy_does_not_answer_for_the_head():
    assert title_heads("Phó Chủ tịch UBND tỉnh") == {("chủ tịch", True)}
    assert head_match("Ai là Chủ tịch UBND tỉnh?", None, "UVTV Tỉnh ủy, Phó Chủ tịch UBND tỉnh") == 0.0
    assert head_match("Ai là Chủ tịch UBND tỉnh?", None, "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh") == 1.0
    assert head_match("Thượng tướng nào dự?", "Thượng tướng", None) == 1.0  # ranks are heads too
    assert head_match("Thượng tướng nào dự?", "Đại tá", None) == 0.0


def _person(doc: str, name: str, position: int, role: str | None = None, acts: tuple[str, ...] = ()) -> PersonCandidate:
    return PersonCandidate(doc, name, None, role, acts, 0, 10, position, ())


def test_people_come_from_the_best_ones_article_in_its_order():
    scored = [(_person("a", "An", 2), 0.9), (_person("b", "Bình", 0), 0.8), (_person("a", "Chi", 1), 0.5),
              (_person("a", "Dũng", 3), 0.1)]
    assert [p.name for p in select(scored, 12, minimum=0.3, relative=0.5)] == ["Chi", "An"]
    assert [p.name for p in select(scored, 1, minimum=0.3, relative=0.5)] == ["An"]
    assert [p.name for p in select(scored, 12, minimum=0.05, relative=0.0)] == ["Chi", "An", "Dũng"]
    assert select([], 12, 0.3, 0.5) == []


def _listed(question: str, chosen, scored) -> list[str]:
    return [p.name for p in attendance(q(question), chosen, [(p, 0.1) for p in scored])]


def test_who_chaired_an_event_attended_it():
    chair = _person("a", "An", 0, "Bộ trưởng Bộ Công an", ("đồng chủ trì",))
    guests = [_person("a", "Bình", 1, "Thứ trưởng", ("dự",)), _person("a", "Chi", 2, "Phó trưởng Ban", ("dự",))]
    elsewhere = _person("b", "Dũng", 0, "Giám đốc", ("chủ trì",))
    everyone = [chair, *guests, elsewhere]
    assert _listed("Những ai dự hội nghị ký kết?", guests, everyone) == ["An", "Bình", "Chi"]
    assert _listed("Ngoài hai người chủ trì, những ai cùng dự hội nghị?", guests, everyone) == ["Bình", "Chi"]
    assert _listed("Về phía Bộ Công an, ai dự hội nghị?", guests, everyone) == ["Bình", "Chi"]
    assert _listed("Ai chủ trì hội nghị?", guests, everyone) == ["Bình", "Chi"]  # not an attendee list


def test_whoever_the_question_names_by_title_is_not_an_attendee():
    host = _person("a", "An", 0, "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh", ("làm việc",))
    deputy = _person("a", "Bình", 1, "Phó Chủ tịch Thường trực UBND tỉnh", ("dự",))
    police = _person("a", "Chi", 2, "Giám đốc Công an tỉnh", ("dự",))
    question = "Những ai tham dự buổi làm việc của Chủ tịch UBND tỉnh với Công an tỉnh?"
    assert _listed(question, [host, deputy, police], [host, deputy, police]) == ["Bình", "Chi"]  # a deputy stays
