"""Features of the answer/abstain model that read the question alone."""

from danvan_qa.ingest.facts import FactTable
from danvan_qa.qa.questions import parse
from danvan_qa.qa.support import _named, _place_person


def q(text: str):
    return parse(text, text, FactTable())


def test_named_words_are_names_places_and_numbers_not_acronyms():
    words = _named(q("Chương trình phối hợp với MTTQ về phong trào ANTQ ở Quảng Nam áp dụng giai đoạn nào năm 2023?"))
    assert {"quang", "nam", "2023"} <= words
    assert not words & {"mttq", "antq", "ap", "dung"}  # acronyms are often written out; verbs paraphrased


def test_a_persons_place_is_their_roles_or_else_their_articles():
    asked = q("Trưởng Ban Dân vận Tỉnh ủy Lào Cai là ai?")
    assert _place_person(asked, "Trưởng Ban Dân vận Tỉnh ủy", "Ninh Thuận") == 0.0  # the host's official
    assert _place_person(asked, "Trưởng Ban Dân vận Tỉnh ủy Lào Cai", "Ninh Thuận") == 1.0  # the visitor
    assert _place_person(asked, "Trưởng Ban Dân vận Tỉnh ủy", "Lào Cai") == 1.0
    assert _place_person(q("Ai là Trưởng Ban Dân vận?"), "Trưởng Ban Dân vận Tỉnh ủy", "Lào Cai") == 1.0


def test_a_sentence_naming_the_body_at_another_level_clashes():
    from types import SimpleNamespace

    from danvan_qa.qa.support import _level_clash

    asked = SimpleNamespace(folded="ban dan van huyen uy ky chuong trinh voi cong an huyen vao ngay nao")
    assert _level_clash(asked, "Ngày 5/10, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết.") == 1.0
    assert _level_clash(asked, "Công an huyện và Ban Dân vận Huyện ủy ký kết.") == 0.0
    assert _level_clash(asked, "Tình hình an ninh được giữ vững.") == 0.0  # "tình" is no "tỉnh"
    assert _level_clash(SimpleNamespace(folded="ai chu tri hoi nghi"), "Công an tỉnh chủ trì.") == 0.0
    # a place's unit names no body: the province's police asked, a district named as where children live
    gifts = SimpleNamespace(folded="cong an tinh bac ha tang qua cho bao nhieu em nho")
    assert _level_clash(gifts, "Trung tâm nuôi 23 em nhỏ trên địa bàn huyện Đông Sơn.") == 0.0
    assert _level_clash(gifts, "UBND huyện Đông Sơn tặng quà cho 23 em nhỏ.") == 1.0
    assert _level_clash(gifts, "Đảng ủy xã tặng quà cho 23 em nhỏ.") == 1.0
    # a city's board is not the centre's, nor the other way round; a member of the Central Committee who
    # leads the city is of both
    city = SimpleNamespace(folded="ai tham du ky ket chuong trinh cua ban dan van thanh uy va cong an thanh pho")
    assert _level_clash(city, "Dự có bà Hà Thị Lan, Trưởng Ban Dân vận Trung ương.") == 1.0
    assert _level_clash(city, "Dự có ông Lê Văn Tư, Ủy viên Trung ương Đảng, Bí thư Thành ủy.") == 0.0
    province = SimpleNamespace(folded="ban dan van tinh uy ky chuong trinh voi cong an tinh ngay nao")
    assert _level_clash(province, "Dự có ông Lê Văn Thanh, Ủy viên Ban Thường vụ Tỉnh ủy.") == 0.0  # a name, no city
    centre = SimpleNamespace(folded="ban dan van tw ky chuong trinh voi bo cong an ngay nao")
    assert _level_clash(centre, "Ban Dân vận Thành ủy và Công an thành phố ký kết.") == 1.0


def test_a_name_in_headline_case_is_heard():
    """An article that writes "Trung tướng ĐINH QUANG VŨ" names the "Đinh Quang Vũ" a question asks about."""
    from types import SimpleNamespace

    from danvan_qa.qa.support import unheard_name

    nothing = SimpleNamespace(lexical_search=lambda query, k: SimpleNamespace(rows=[]), data=SimpleNamespace(chunks=[]))
    doc = SimpleNamespace(title="Được quan tâm, chia sẻ, dân sẽ rất an lòng", place=None,
                          text="Trung tướng ĐINH QUANG VŨ, Thứ trưởng Bộ Công an, biểu dương mô hình.")
    asked = parse("Vì sao Thứ trưởng Đinh Quang Vũ biểu dương mô hình?", "Vì sao Thứ trưởng Đinh Quang Vũ biểu dương mô hình?",
                  FactTable((), (), ()))
    assert not unheard_name(asked, [doc], nothing)
    other = parse("Vì sao Thứ trưởng Lê Thành Công biểu dương mô hình?", "Vì sao Thứ trưởng Lê Thành Công biểu dương mô hình?",
                  FactTable((), (), ()))
    assert unheard_name(other, [doc], nothing)


def test_a_periods_number_is_the_one_written_before_that_period():
    """"… giai đoạn 2022-2026 có số hiệu là gì?": a sentence numbering only the programme of another
    period holds no answer; one numbering the period asked does, and other questions are not read so."""
    from danvan_qa.qa.support import _numbered_elsewhere

    sentence = ("Hội nghị tổng kết chương trình số 38 giữa Ban Dân vận Tây Giang và Công an tỉnh giai đoạn 2016-2021 "
                "và ký kết chương trình phối hợp giai đoạn 2022- 2026.")
    assert _numbered_elsewhere(q("Chương trình phối hợp giai đoạn 2022-2026 có số hiệu là gì?"), sentence)
    assert not _numbered_elsewhere(q("Chương trình phối hợp giai đoạn 2016-2021 có số hiệu là gì?"), sentence)
    assert _numbered_elsewhere(q("chuong trinh giai doan 2016-2021 so may"), "Hai bên ký chương trình giai đoạn 2016-2021.")
    assert not _numbered_elsewhere(q("Chương trình phối hợp giai đoạn 2022-2026 ký ngày nào?"), sentence)
    assert not _numbered_elsewhere(q("Chương trình giai đoạn 2022-2026 có số hiệu là gì?"),  # nearest: its own
                                   "Chương trình giai đoạn 2022-2026 số 05-CTr/BDV thay thế chương trình giai đoạn 2016-2021.")
    assert not _numbered_elsewhere(q("Chương trình số 17-CTr/BDV giai đoạn 2021-2026 có số hiệu là gì?"),
                                   "Chương trình 17-CTr/BDV giai đoạn 2021-2026 được ký ngày 2/3.")


def test_an_answer_reports_the_act_the_question_asks_about():
    from danvan_qa.qa.support import _act_held

    meeting = "Ngày 14/2, tại Tây Giang, Sở Nội vụ có cuộc họp với Ban Dân vận Tỉnh ủy."
    assert _act_held(q("Hai bên ký chương trình phối hợp ở đâu?"), meeting) == 0.0  # a meeting, not the signing
    assert _act_held(q("Ông Hồ Văn An sinh năm nào?"), meeting) == 0.0
    signed = "Ngày 4/5, tại Nam Sơn, hai bên đã ký kết chương trình phối hợp."
    assert _act_held(q("Hai bên ký chương trình phối hợp ở đâu?"), signed) == 1.0  # "ký kết" holds "ký"
    assert _act_held(q("Chương trình có bao nhiêu nội dung?"), meeting) == 1.0  # no act asked
    assert _act_held(q("Hội nghị nhiệm kỳ diễn ra ở đâu?"), "Hội nghị diễn ra tại Nam Sơn.") == 1.0  # "kỳ" is not "ký"
