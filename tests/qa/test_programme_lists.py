"""Programmes across the archive selected by the bodies a question names."""

import pytest

from danvan_qa.qa.sides import _matches, alternatives


@pytest.mark.parametrize("body, found", [
    ("Ban Dân vận tỉnh ủy, thành ủy", ["Ban Dân vận tỉnh ủy", "Ban Dân vận thành ủy"]),
    ("Công an tỉnh, thành phố", ["Công an tỉnh", "Công an thành phố"]),
    ("Bộ Công an", ["Bộ Công an"]),
    ("Công an, Quân đội", ["Công an"]),  # a capitalised body after the comma is another party, not a variant
])
def test_a_comma_before_a_unit_word_names_the_same_body_of_another_level(body, found):
    assert alternatives(body) == found


def test_a_body_is_held_by_a_party_with_every_unit_word_it_names():
    assert _matches("Ban Dân vận tỉnh ủy", ("Ban Dân vận Tỉnh ủy Bắc Hà", "Công an tỉnh"))
    assert not _matches("Ban Dân vận tỉnh ủy", ("Ban dân vận huyện ủy Bố Trạch",))  # one word off, but the level
    assert _matches("Công an thành phố", ("Công an TP Hà Nội",))  # "TP" is "thành phố"
    assert _matches("Bộ đội Biên phòng", ("BCH Biên phòng tỉnh",)) and _matches("lực lượng công an", ("Bộ Công an",))
    assert not _matches("Ban Dân vận Trung ương", ("Ban Dân vận Tỉnh ủy",))


@pytest.mark.parametrize("body, found", [
    ("cong an cac tinh thanh pho truc thuoc trung uong", ["cong an tinh", "cong an thanh pho"]),
    ("bo chi huy quan su hoac bo doi bien phong", ["bo chi huy quan su", "bo doi bien phong"]),  # either
    ("cong an tinh hoac", ["cong an tinh"]),  # a dangling "hoặc" is no second body
    ("ban dan van cac huyen thi xa", ["ban dan van huyen", "ban dan van thi xa"]),
    ("bo cong an", ["bo cong an"]),
])
def test_a_body_named_for_a_level_and_its_cities_is_both(body, found):
    from danvan_qa.qa.programme_lists import _bodies

    assert _bodies(body) == found


def test_partners_asked_past_a_frame_and_an_aside():
    from types import SimpleNamespace

    from danvan_qa.qa.programme_lists import asks_partners
    from danvan_qa.qa.questions import parse

    question = ("Theo các bài viết, Ủy ban Mặt trận Tổ quốc (ở trung ương, tỉnh hay xã) đã ký kết chương trình phối hợp "
                "với những cơ quan nào?")
    assert asks_partners(parse(question, question, SimpleNamespace(folded_names=()))) == "uy ban mat tran to quoc"


def test_partners_asked_with_several_kinds_of_body():
    from types import SimpleNamespace

    from danvan_qa.qa.programme_lists import asks_partners
    from danvan_qa.qa.questions import parse

    question = "Công an các tỉnh, thành phố đã ký chương trình phối hợp với những cơ quan, tổ chức nào?"
    assert asks_partners(parse(question, question, SimpleNamespace(folded_names=()))) == "cong an cac tinh thanh pho"


@pytest.mark.parametrize("question, asked", [
    ("Các chương trình giữa Ban Dân vận và lực lượng Công an (từ Trung ương xuống tỉnh) được ký ngày nào?",
     [["Ban Dân vận"], ["lực lượng Công an"]]),  # an aside in brackets is no party
    ("Các hội nghị giữa Ban Dân vận Tỉnh ủy và Công an tỉnh khen thưởng bao nhiêu tập thể?",
     [["Ban Dân vận Tỉnh ủy"], ["Công an tỉnh"]]),  # cut at the verb
    ("Những chương trình phối hợp nào giữa Ban Dân vận và Ban Tổ chức Tỉnh ủy được ký?",
     [["Ban Dân vận"], ["Ban Tổ chức Tỉnh ủy"]]),  # "tổ chức" names a body here
    ("Những chương trình giai đoạn 2016-2021 là giữa những cơ quan nào với nhau?", []),  # asked for, not named
    ("Những chương trình nào giữa Ban Dân vận Tỉnh ủy/Thành ủy và Công an tỉnh/TP cùng cấp?",  # a unit after a slash
     [["Ban Dân vận Tỉnh ủy", "Ban Dân vận thành ủy"], ["Công an tỉnh", "Công an tp"]]),
])
def test_the_parties_a_question_names_end_where_its_verb_or_an_aside_begins(question, asked):
    from types import SimpleNamespace

    from danvan_qa.qa.sides import sides
    from danvan_qa.qa.questions import parse

    assert sides(parse(question, question, SimpleNamespace(folded_names=()))) == asked


def test_a_body_asked_is_held_by_a_party_written_abbreviated_or_with_its_level():
    from danvan_qa.ingest.abbreviations import spellings
    from danvan_qa.qa.programme_lists import _names

    front = tuple(sorted(spellings("uy ban mat tran to quoc")))
    assert _names(front, "UBMTTQ Việt Nam tỉnh")  # "UB" and "MTTQ" fused
    assert _names(front, "Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam")  # its level between the words
    assert _names(tuple(sorted(spellings("mat tran to quoc"))), "UBMTTQ Việt Nam tỉnh")
    assert not _names(front, "Ủy ban nhân dân tỉnh")
    assert not _names(tuple(sorted(spellings("bo cong an"))), "Công an huyện Bố Sơn")


def test_two_parties_a_sentence_joins_with_a_verb_are_shown_as_between_one_and_the_other(tmp_path):
    """"Ban Dân vận Tỉnh ủy phối hợp với Công an tỉnh tổ chức … ký kết chương trình": "giữa A và B", not "giữa A
    phối hợp với B"."""
    from fakes import invented_answerer

    texts = {"g1": ("2022-05-26", "Ký kết ở tỉnh Nam Sơn", "Chiều 26/5, Ban Dân vận Tỉnh ủy phối hợp với Công an tỉnh tổ "
                    "chức hội nghị ký kết chương trình phối hợp thực hiện công tác dân vận giai đoạn 2022-2026."),
             "g2": ("2022-04-14", "Ký kết ở Hà Nội", "Ngày 14/4/2022, Bộ Công an và Ban Dân vận Trung ương ký kết "
                    "Chương trình phối hợp công tác dân vận giai đoạn 2022-2026."),
             "g3": ("2022-03-15", "Ký kết ở tỉnh Kha Linh", "Ngày 15/3/2022, Ban Dân vận Tỉnh ủy Kha Linh phối hợp với Công "
                    "an tỉnh Kha Linh và Hội Nông dân tỉnh Kha Linh ký kết chương trình phối hợp giai đoạn 2022-2026.")}
    answerer = invented_answerer(tmp_path, texts)
    a = answerer.answer("Chương trình phối hợp giai đoạn 2022–2026 đã được những cặp cơ quan nào ký kết?", mode="bm25")
    assert "giữa Ban Dân vận Tỉnh ủy và Công an tỉnh" in a.text and "giữa Bộ Công an và Ban Dân vận Trung ương" in a.text
    assert "giữa Ban Dân vận Tỉnh ủy Kha Linh, Công an tỉnh Kha Linh và Hội Nông dân tỉnh Kha Linh" in a.text  # three
    assert {c.doc_id for c in a.citations} == {"g1", "g2", "g3"}


def test_a_level_taken_in_besides_the_rest_selects_none_and_one_body_with_mot_is_that_body(tmp_path):
    """"Tính cả cấp Trung ương, … giữa một Ban Dân vận và cơ quan Công an cùng cấp": every level, the centre's too."""
    from fakes import invented_answerer

    texts = {"l1": ("2016-06-15", "Ký kết ở Hà Nội", "Ngày 15/6/2016, Ban Dân vận Trung ương và Bộ Công an ký kết chương "
                    "trình phối hợp giai đoạn 2016-2021."),
             "l2": ("2016-10-05", "Ký kết ở Nam Sơn", "Ngày 5/10/2016, Ban Dân vận Tỉnh ủy và Công an tỉnh Nam Sơn ký kết "
                    "chương trình phối hợp giai đoạn 2016-2021."),
             "l3": ("2017-01-10", "Ký kết ở Bắc Hà", "Ngày 10/1/2017, Ban Dân vận Tỉnh ủy và Bộ Chỉ huy Bộ đội Biên phòng "
                    "tỉnh Bắc Hà ký kết chương trình phối hợp giai đoạn 2016-2021.")}
    answerer = invented_answerer(tmp_path, texts)
    a = answerer.answer("Tính cả cấp Trung ương, các bài nói tới bao nhiêu chương trình phối hợp giai đoạn 2016-2021 "
                        "giữa một Ban Dân vận và cơ quan Công an cùng cấp?", mode="bm25")
    assert a.short == "2" and {c.doc_id for c in a.citations} == {"l1", "l2"}


def test_programmes_asked_of_two_parties_only_leave_out_those_of_more(tmp_path):
    from fakes import invented_answerer

    texts = {"p1": ("2016-10-05", "Ký kết ở Nam Sơn", "Ngày 5/10/2016, Ban Dân vận Tỉnh ủy và Công an tỉnh Nam Sơn ký kết "
                    "chương trình phối hợp giai đoạn 2016-2021."),
             "p2": ("2017-01-10", "Ký kết ở Bắc Hà", "Ngày 10/1/2017, Ban Dân vận Tỉnh ủy, Bộ Chỉ huy Quân sự tỉnh và Công "
                    "an tỉnh Bắc Hà ký kết chương trình phối hợp giai đoạn 2016-2021.")}
    answerer = invented_answerer(tmp_path, texts)
    a = answerer.answer("Có những chương trình phối hợp nào chỉ giữa hai bên là Ban Dân vận Tỉnh ủy và Công an tỉnh được "
                        "ký kết trong các bài?", mode="bm25")
    assert {c.doc_id for c in a.citations} == {"p1"}
    a = answerer.answer("Có những chương trình phối hợp nào giữa Ban Dân vận Tỉnh ủy và Công an tỉnh được ký kết trong các "
                        "bài?", mode="bm25")
    assert {c.doc_id for c in a.citations} == {"p1", "p2"}


SIGNINGS = {
    "s1": ("2016-06-15", "Ký kết ở Hà Nội", "Ngày 15/6/2016, Ban Dân vận Trung ương và Bộ Công an ký kết chương trình phối "
           "hợp giai đoạn 2016-2021."),
    "s2": ("2016-10-05", "Ký kết ở Nam Sơn", "Ngày 5/10/2016, Ban Dân vận Tỉnh ủy và Công an tỉnh Nam Sơn ký kết chương "
           "trình phối hợp giai đoạn 2016-2021."),
    "s3": ("2016-11-08", "Ký kết ở Bố Hà", "Ngày 8/11/2016, Công an huyện Bố Hà và Ban Dân vận Huyện ủy Bố Hà ký kết "
           "chương trình phối hợp giai đoạn 2016-2021."),
    # a later signing whose report recalls the period just ended
    "s4": ("2022-05-26", "Ký kết chương trình phối hợp giai đoạn 2022-2026 ở Đông Hà", "Ngày 26/5, Ban Dân vận Tỉnh ủy "
           "và Công an tỉnh Đông Hà tổng kết chương trình phối hợp giai đoạn 2016-2021; ký kết chương trình phối hợp "
           "giai đoạn 2022-2026."),
}


@pytest.fixture(scope="module")
def signings(tmp_path_factory):
    from fakes import invented_answerer

    return invented_answerer(tmp_path_factory.mktemp("signings"), SIGNINGS)


def test_a_level_left_out_is_not_the_level_asked(signings):
    for question in ("Có bao nhiêu chương trình phối hợp giai đoạn 2016-2021 được ký kết (không tính cấp Trung ương)?",
                     "Ngoài cấp Trung ương, có bao nhiêu chương trình phối hợp giai đoạn 2016-2021 được ký kết?"):
        a = signings.answer(question, mode="bm25")
        # s4 names its province's programme of the period, reviewed: one of them too
        assert a.short == "3" and {c.doc_id for c in a.citations} == {"s2", "s3", "s4"}, question


@pytest.mark.parametrize("question", [
    "Các chương trình phối hợp công tác dân vận ở cấp huyện?",  # "các …" naming no more than the level
    "Các chương trình ở cấp huyện/quận giữa Ban Dân vận huyện ủy/quận ủy và công an cùng cấp: địa phương nào?",
    "Ở cấp huyện, Ban Dân vận nơi nào có phối hợp với Công an cùng cấp được đưa tin?",  # cooperation asked by which
    "Mình cần danh sách các buổi ký kết phối hợp ở cấp huyện. Bên nào ký với bên nào?"])
def test_programmes_asked_at_a_level_in_other_words_are_those_of_that_level(tmp_path, question):
    from fakes import invented_answerer

    texts = {**SIGNINGS, "s5": ("2018-01-22", "Ký kết ở Tây Khê", "Ngày 22/1/2018, Ban Dân vận Quận ủy Tây Khê và Công an "
                                "quận Tây Khê ký kết chương trình phối hợp giai đoạn 2018-2023.")}
    a = invented_answerer(tmp_path, texts).answer(question, mode="bm25")
    assert {c.doc_id for c in a.citations} == {"s3", "s5"}, question
    one = invented_answerer(tmp_path / "one", texts).answer("Ở cấp huyện, Ban Dân vận Huyện ủy Bố Hà ký kết phối hợp "
                                                             "với bên nào?", mode="bm25")
    assert {c.doc_id for c in one.citations} == {"s3"}  # a district named: its own
    for asked in ("Ở cấp huyện, Ban Dân vận Bố Hà phối hợp với những đơn vị nào?",  # named without its level word
                  "Ở cấp huyện, Công an Bố Hà ký kết phối hợp với bên nào?",
                  "Ở cấp huyện, Công an nơi nào phối hợp với Huyện đoàn?",  # another partner
                  "Ở cấp huyện, những hoạt động phối hợp nào đã được tổ chức?"):  # no programme
        got = invented_answerer(tmp_path / "other", texts).answer(asked, mode="bm25")
        assert {c.doc_id for c in got.citations} != {"s3", "s5"}, asked


def test_articles_reporting_the_signings_of_a_period_are_its_programmes_signed(signings):
    a = signings.answer("Bao nhiêu bài đưa tin lễ hoặc hội nghị ký kết chương trình phối hợp giai đoạn 2016-2021 ở địa "
                        "phương?", mode="bm25")
    assert a.short == "2" and {c.doc_id for c in a.citations} == {"s2", "s3"}  # not the review of s4, nor the centre's
    a = signings.answer("Bao nhiêu sự kiện ký kết chương trình phối hợp giai đoạn 2016-2021 được các bài đưa tin?",
                        mode="bm25")
    assert a.short == "3" and {c.doc_id for c in a.citations} == {"s1", "s2", "s3"}


def test_signings_asked_with_a_slash_and_their_day_said_in_the_article(signings):
    a = signings.answer("Mình cần đếm: có bao nhiêu lễ/hội nghị ký kết chương trình phối hợp giai đoạn 2016–2021 giữa Ban "
                        "Dân vận và Công an (tính cả cấp Trung ương, tỉnh, huyện) mà bài viết có nêu ngày ký?", mode="bm25")
    assert a.short == "3" and {c.doc_id for c in a.citations} == {"s1", "s2", "s3"}


def test_a_party_asked_as_the_police_of_any_place_with_its_levels_glossed(signings):
    a = signings.answer("Số hội nghị/lễ ký kết chương trình phối hợp giai đoạn 2016-2021 giữa Ban Dân vận và Công an cấp "
                        "địa phương (tỉnh, thành, huyện) được đưa tin là bao nhiêu?", mode="bm25")
    assert a.short == "2" and {c.doc_id for c in a.citations} == {"s2", "s3"}


def test_a_level_left_out_among_local_ones_and_programmes_whose_day_is_not_said(tmp_path):
    from fakes import invented_answerer

    texts = {"q1": ("2022-05-09", "Ký kết ở Đông Nam", "Ngày 9/5/2022, Ban Dân vận Tỉnh ủy và Công an tỉnh Đông Nam ký kết "
                    "chương trình phối hợp giai đoạn 2022-2027."),
             "q2": ("2022-06-01", "Ký kết ở huyện Tây Nam", "Ngày 1/6/2022, Công an huyện Tây Nam và Ban Dân vận Huyện ủy "
                    "Tây Nam ký kết chương trình phối hợp giai đoạn 2022-2027."),
             "q3": ("2022-08-01", "Triển khai ở Bắc Nam", "Chương trình phối hợp giai đoạn 2022-2027 giữa Ban Dân vận Tỉnh "
                    "ủy và Công an tỉnh Bắc Nam được triển khai sâu rộng.")}
    answerer = invented_answerer(tmp_path, texts)
    a = answerer.answer("Có bao nhiêu chương trình phối hợp giai đoạn 2022-2027 ở các địa phương, không tính cấp huyện?",
                        mode="bm25")
    assert a.short == "2" and {c.doc_id for c in a.citations} == {"q1", "q3"}
    b = answerer.answer("Những chương trình phối hợp giai đoạn 2022-2027 nào trong các bài không nêu ngày ký?", mode="bm25")
    assert {c.doc_id for c in b.citations} >= {"q3"}  # not only those whose day is said


def test_a_board_of_two_fields_is_each_board_when_its_partners_are_listed(tmp_path):
    """"Những Ban Dân vận nào đã ký … với Bộ Chỉ huy Quân sự?": the plan the merged "Ban Tuyên giáo và Dân vận" signed
    is a Ban Dân vận's, beside the programme a Ban Dân vận Tỉnh ủy signed."""
    from fakes import invented_answerer

    answerer = invented_answerer(tmp_path, {
        "k1": ("2025-07-12", "Ký kết phối hợp công tác dân vận với lực lượng vũ trang",
               "Ngày 11/7, Ban Tuyên giáo và Dân vận Thành ủy Lạc Sơn vừa ký kết kế hoạch phối hợp thực hiện công tác "
               "dân vận 6 tháng cuối năm 2025 với Bộ Chỉ huy Quân sự thành phố.", "Lạc Sơn"),
        "k2": ("2023-11-04", "Ký kết chương trình phối hợp công tác dân vận",
               "Chiều 3/11, Ban Dân vận Tỉnh ủy và Bộ Chỉ huy Quân sự tỉnh ký kết chương trình phối hợp công tác dân vận "
               "giai đoạn 2023 - 2026.", "Nam Sơn"),
    })
    a = answerer.answer("Những Ban Dân vận nào đã ký chương trình, kế hoạch phối hợp với Bộ Chỉ huy Quân sự?", mode="bm25")
    assert sorted(c.doc_id for c in a.citations) == ["k1", "k2"]
    assert "Ban Tuyên giáo và Dân vận Thành ủy Lạc Sơn" in a.text
    one = answerer.answer("Thành ủy Lạc Sơn ký chương trình phối hợp nào?", mode="bm25")  # a plan says what it is
    assert one.text.startswith("Kế hoạch phối hợp thực hiện công tác dân vận 6 tháng cuối năm 2025 (ký ngày 11/7)")
