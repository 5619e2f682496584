"""Features of the answer/abstain model that read the question alone."""

from danvan_qa.ingest.facts import FactTable
from danvan_qa.qa.questions import parse
from danvan_qa.qa.support import _named, _place_person, _uncapitalised


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


def test_a_one_word_name_the_article_writes_only_in_lower_case_is_missing_from_it():
    article = "Ban Dân vận tỉnh Ninh Thuận tuyên truyền pháp luật; Giám đốc Công an tỉnh dự hội nghị ở Mặt trận Tổ quốc."
    assert _uncapitalised(q("Thủ đô của Pháp là gì?"), article) == {"phap"}  # a country, not "pháp luật"
    assert _uncapitalised(q("Ai là Giám đốc Công an tỉnh Ninh Thuận?"), article) == set()  # terms and names it holds
    assert _uncapitalised(q("Ở Mặt trận Tổ quốc, Ninh Thuận tuyên truyền gì?"), article) == set()
