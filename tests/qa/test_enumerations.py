"""How many, when an article lists them without saying a number (invented articles, fake embedder, real facts)."""

import pytest

from fakes import invented_answerer as _answerer  # {id: (date, title, text[, place])}

ARTICLES = {
    "e1": ("2024-03-06", "Công an tỉnh và Ủy ban MTTQ tỉnh ký kết chương trình phối hợp",
           "Ngày 5/3, Công an tỉnh Bắc Hà và Ủy ban MTTQ tỉnh ký kết chương trình phối hợp. Hai bên phân công nhiệm vụ "
           "trong các lĩnh vực như: tuyên truyền pháp luật; phòng, chống tội phạm và tệ nạn xã hội; bảo vệ an ninh "
           "mạng; xây dựng lực lượng nòng cốt.", "Bắc Hà"),
    "e2": ("2017-03-15", "Hội nghị về người có uy tín ở vùng cao",
           "Theo báo cáo của hội nghị, công an các tỉnh Tây Bắc (Nam Sơn, Bắc Hà và Tây Giang) đã phối hợp phát huy "
           "vai trò của người có uy tín. Hội nghị do Trung tướng Phan Quốc Định chủ trì.", "Nam Sơn"),
    "e3": ("2023-11-25", "Hội thi dân vận khéo ở quận Tây Hồ",
           "Tại hội thi, các đơn vị tham gia 3 phần thi: “Đáp nhanh”, “Tự giới thiệu” và “Tôi và chúng ta”. Hội thi "
           "có hai vòng: vòng loại ở các phường và vòng chung kết ở quận, với các đội thi đến từ năm phường.",
           "quận Tây Hồ, Nam Sơn"),
}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    return _answerer(tmp_path_factory.mktemp("enumerations"), ARTICLES)


def test_the_fields_listed_after_nhu_and_split_on_semicolons_are_counted(answerer):
    a = answerer.answer("Chương trình phối hợp của Công an tỉnh Bắc Hà và Ủy ban MTTQ tỉnh phân công nhiệm vụ trong "
                        "mấy lĩnh vực?", mode="bm25")
    assert a.short == "4" and [c.doc_id for c in a.citations] == ["e1"]
    assert "phòng, chống tội phạm và tệ nạn xã hội" in a.text  # one item: its commas are inside it


def test_the_provinces_listed_in_brackets_after_their_regions_name_are_counted(answerer):
    a = answerer.answer("Hội nghị về người có uy tín ở vùng cao nhắc tới công an của bao nhiêu tỉnh Tây Bắc?",
                        mode="bm25")
    assert a.short == "3" and [c.doc_id for c in a.citations] == ["e2"]
    # the noun counted ends before what the question says of it: "mấy tỉnh mà …"
    a = answerer.answer("Tây Bắc gồm mấy tỉnh mà công an phối hợp phát huy vai trò người có uy tín?", mode="bm25")
    assert a.short == "3" and [c.doc_id for c in a.citations] == ["e2"]


@pytest.mark.parametrize("question", ["Hội thi dân vận khéo ở quận Tây Hồ có mấy vòng?",  # "hai vòng": said in words
                                      "Tại hội thi dân vận khéo ở quận Tây Hồ, các đơn vị tham gia mấy phần thi?"])
def test_a_number_the_article_says_is_not_replaced_by_the_items_it_lists(answerer, question):
    from danvan_qa.qa.enumerations import listed_count_draft
    from danvan_qa.qa.questions import parse

    q = parse(question, question, answerer.store.stored_facts)
    decided = answerer.decision(question, mode="bm25")
    ranked = [(c, 1.0) for c in _sentences(answerer, decided, "e3")]
    assert ranked and listed_count_draft(q, ranked, answerer.drafter) is None


def _sentences(answerer, decided, doc_id):
    """The sentence candidates of one article, as the ranker hands them on."""
    from danvan_qa.qa.candidates import sentence_candidates

    return [c for c in sentence_candidates(decided.reading.question, list(decided.passages), answerer.store,
                                           decided.reading.scorer) if c.doc_id == doc_id]


def test_an_address_in_brackets_and_the_sentence_going_on_after_the_list_are_no_items():
    from danvan_qa.qa.enumerations import _items

    assert _items("huyện Lạc Khê, tỉnh Bắc Hà)") is None
    assert _items("Phú Lộc, Phú Mỹ và Phú Hòa đã đạt chuẩn nông thôn mới, được Ủy ban nhân dân tỉnh khen thưởng.") == \
        ["Phú Lộc", "Phú Mỹ", "Phú Hòa đã đạt chuẩn nông thôn mới"]
