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
    assert _level_clash(asked, set("ngay 5 10 ban dan van tinh uy va cong an tinh ky ket".split())) == 1.0
    assert _level_clash(asked, set("cong an huyen va ban dan van huyen uy tinh ky ket".split())) == 0.0
    assert _level_clash(SimpleNamespace(folded="ai chu tri hoi nghi"), set("cong an tinh".split())) == 0.0


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
