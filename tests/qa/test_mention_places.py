"""Places whose articles name a topic, a row per province; and the list shapes a phone-typed or formal request
takes (invented articles, fake embedder, real fact extraction)."""

import pytest

from fakes import invented_answerer as _answerer  # {id: (date, title, text[, place])}

ARTICLES = {
    "m1": ("2024-03-05", "Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc",
           "Ngày 4/3, Công an tỉnh tổng kết phong trào. Các xã duy trì mô hình “Xóm bốn an” và tổ chức Ngày hội toàn "
           "dân bảo vệ an ninh Tổ quốc hằng năm.", "Bắc Hà"),
    "m2": ("2022-05-26", "Ký kết chương trình phối hợp công tác dân vận",
           "Ngày 25/5, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết chương trình phối hợp. Huyện Lạc Khê có mô hình "
           "“Khu dân cư Xóm bốn an” được nhân rộng.", "huyện Lạc Khê, Nam Sơn"),
    "m3": ("2021-08-18", "Trao giải hội thi tìm hiểu Ngày hội toàn dân bảo vệ an ninh Tổ quốc",
           "Ngày 17/8, Công an tỉnh trao giải hội thi tìm hiểu về Ngày hội toàn dân bảo vệ an ninh Tổ quốc. Thượng tá "
           "Lê Văn Khải, Phó Giám đốc Công an tỉnh, trao giải.", "Tây Giang"),
    # the centre's conference names the same day: no province's
    "m4": ("2023-10-17", "Hội nghị của Bộ Công an về phong trào toàn dân bảo vệ an ninh Tổ quốc",
           "Ngày 17/10, Bộ Công an tổ chức hội nghị. Ngày hội toàn dân bảo vệ an ninh Tổ quốc được tổ chức ở khắp các "
           "địa phương. Trung tướng Trần Văn Lộc, Thứ trưởng Bộ Công an, chủ trì.", "Hà Nội (Trung ương)"),
    "m5": ("2023-04-02", "Hội nghị về người có uy tín",
           "Ngày 1/4, Công an tỉnh Đông Lâm tổ chức hội nghị gặp mặt người có uy tín. Trung tướng Phan Quốc Định, "
           "Thứ trưởng Bộ Công an, dự và phát biểu.", "Đông Lâm"),
}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    return _answerer(tmp_path_factory.mktemp("mentions"), ARTICLES)


@pytest.mark.parametrize("question", [
    "Những tỉnh nào có bài nhắc tới Ngày hội toàn dân bảo vệ an ninh Tổ quốc?",
    "bai cua may tinh co nhac toi ngay hoi toan dan bao ve ANTQ",
])
def test_the_provinces_whose_articles_name_a_topic_a_row_each_without_the_centre(answerer, question):
    a = answerer.answer(question, mode="bm25")
    assert sorted(c.doc_id for c in a.citations) == ["m1", "m3"]
    assert "Bắc Hà" in a.text and "Tây Giang" in a.text and "Hà Nội" not in a.text
    if "may" in question:
        assert a.short == "2"


def test_a_name_in_quotes_is_the_topic_and_a_districts_article_counts_for_its_province(answerer):
    a = answerer.answer('Mô hình "Xóm bốn an" được nhắc ở những tỉnh nào?', mode="bm25")
    assert sorted(c.doc_id for c in a.citations) == ["m1", "m2"] and "Nam Sơn" in a.text


def test_a_count_of_events_related_to_a_topic_reads_the_topic_after_lien_quan(answerer):
    a = answerer.answer("co bn hoi thi lien quan toi an ninh To quoc dc dua tin vay", mode="bm25")
    assert a.short == "1" and [c.doc_id for c in a.citations] == ["m3"]
    # … and so does a list of kinds, with a comma between them and a request after it
    a = answerer.answer("Trong các bài có những cuộc thi, hội thi nào liên quan tới an ninh Tổ quốc? Kể tên giúp tôi.",
                        mode="bm25")
    assert [c.doc_id for c in a.citations] == ["m3"]


def test_a_formal_request_for_a_titles_holders_is_not_read_as_a_list_of_programmes(answerer):
    from danvan_qa.qa.questions import parse
    from danvan_qa.qa.title_lists import asks_holders

    question = ("Đề nghị thống kê các đồng chí Thứ trưởng Bộ Công an được nhắc tên trong toàn bộ tư liệu về công tác dân "
                "vận và các chương trình phối hợp (chỉ tính người được ghi rõ chức danh; mỗi đồng chí một dòng).")
    assert asks_holders(parse(question, question, answerer.store.stored_facts))
    a = answerer.answer(question, mode="bm25")
    assert "Trần Văn Lộc" in a.text and "Phan Quốc Định" in a.text and "chương trình:" not in a.text
    assert {c.doc_id for c in a.citations} == {"m4", "m5"}


@pytest.mark.parametrize("question", ["bai bao nhac toi may vi mang ham dai tuong?",
                                      "Bài viết nhắc đến những ai là Thứ trưởng Bộ Công an?",
                                      "thu truong bo cong an duoc neu ten la ai?"])  # named in any article: whoever
def test_holders_asked_of_the_articles_without_cac_before_bai(answerer, question):
    from danvan_qa.qa.questions import parse
    from danvan_qa.qa.title_lists import asks_holders

    assert asks_holders(parse(question, answerer.store.restorer.restore(question), answerer.store.stored_facts))


def test_a_title_asked_with_a_place_is_still_one_articles_question(answerer):
    from danvan_qa.qa.questions import parse
    from danvan_qa.qa.title_lists import asks_holders

    question = "Phó Giám đốc Công an tỉnh Tây Giang là ai?"  # no "được nêu tên": one person, of that article
    assert not asks_holders(parse(question, question, answerer.store.stored_facts))


def test_a_word_folding_like_said_is_no_mention(answerer):
    from danvan_qa.qa.mention_places import asked_topic
    from danvan_qa.qa.questions import parse

    for question in ("Những địa phương nào nổi bật về dân vận?", "nhung dia phuong nao noi bat ve dan van"):
        assert asked_topic(parse(question, question, answerer.store.stored_facts)) is None


@pytest.mark.parametrize("place, named", [
    ("TP. Hồ Chí Minh", "Hồ Chí Minh"), ("quận 5, TP.HCM", "Hồ Chí Minh"), ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"),
    ("huyện Lạc Khê, Nam Sơn", "Nam Sơn"), ("Hà Nội (Trung ương)", None), ("Trường Cao đẳng Cảnh sát nhân dân I", None),
])
def test_an_articles_province_however_its_place_is_written(place, named):
    from danvan_qa.qa.mention_places import province

    assert province(place) == named


def test_a_title_asked_as_mentioned_in_the_article_just_cited_is_not_the_archives_list(answerer):
    from danvan_qa.qa.questions import parse
    from danvan_qa.qa.title_lists import asks_holders

    question = "Phó Giám đốc Công an tỉnh được nhắc đến là ai?"  # in a conversation: of the article just cited
    assert not asks_holders(parse(question, question, answerer.store.stored_facts))


@pytest.mark.parametrize("question, count", [
    ("Ngày hội toàn dân bảo vệ an ninh Tổ quốc được nhắc ở những nơi nào?", None),
    ("ngay hoi toan dan bao ve an ninh to quoc duoc nhac o bao nhieu noi", "3"),
    # the scope said after a comma is what is counted, not the topic
    ("Ngày hội toàn dân bảo vệ an ninh Tổ quốc được nhắc ở bao nhiêu nơi, tính cả cấp Trung ương?", "3"),
])
def test_places_asked_not_provinces_count_the_centre_as_one(answerer, question, count):
    """"ở những nơi nào", "tính cả cấp Trung ương": the centre's article is a row of its own ("tỉnh nào": no row,
    above)."""
    a = answerer.answer(question, mode="bm25")
    assert sorted(c.doc_id for c in a.citations) == ["m1", "m3", "m4"]
    assert "**Trung ương**" in a.text and "3 nơi" in a.text
    assert count is None or a.short == count


def test_an_article_holding_a_topics_words_scattered_does_not_hold_the_topic(tmp_path):
    """p2 writes every word of "hội thi tìm hiểu pháp luật về phòng cháy chữa cháy" and most of its pairs, each in a
    sentence on something else: no sentence of it, nor its title, says the topic."""
    answerer = _answerer(tmp_path, {
        "p1": ("2024-05-02", "Công an huyện tổ chức hội thi tìm hiểu pháp luật về phòng cháy chữa cháy",
               "Ngày 1/5, Công an huyện Lạc Khê tổ chức hội thi tìm hiểu pháp luật về phòng cháy chữa cháy.", "Nam Sơn"),
        "p2": ("2024-06-10", "Đoàn viên Công an tỉnh ra quân tình nguyện hè",
               "Sáng 9/6, đoàn viên Công an tỉnh ra quân tình nguyện hè. Đoàn viên tổ chức hội thi văn nghệ ở xã Đông "
               "Phú. Các em học sinh được tìm hiểu kỹ năng sống. Cán bộ tuyên truyền pháp luật về giao thông. Đoàn viên "
               "hướng dẫn bà con cách phòng cháy chữa cháy trong mùa khô.", "Tây Giang"),
    })
    a = answerer.answer("Có bao nhiêu bài viết nhắc đến hội thi tìm hiểu pháp luật về phòng cháy chữa cháy?", mode="bm25")
    assert a.short == "1" and [c.doc_id for c in a.citations] == ["p1"]


def test_a_scope_said_after_a_comma_is_no_part_of_the_topic(answerer):
    from danvan_qa.qa.questions import parse
    from danvan_qa.qa.topic_rows import topics

    question = "Hội nghị tổng kết 10 năm chương trình phối hợp được đưa tin ở bao nhiêu nơi, tính cả cấp Trung ương?"
    got = topics(parse(question, question, answerer.store.stored_facts))
    assert got == ["Hội nghị tổng kết 10 năm chương trình phối hợp"]


@pytest.mark.parametrize("question, centre", [
    ("Ngày hội toàn dân được nhắc ở những nơi nào?", True),
    ("Hội nghị tổng kết được đưa tin ở bao nhiêu nơi, tính cả cấp Trung ương?", True),
    ("Hội nghị tổng kết được tổ chức ở những cấp nào?", True),
    ("Những tỉnh nào có bài nhắc tới Nghị quyết Hội nghị Trung ương 10?", False),  # "Trung ương" of the topic
    ("Những thành phố nào có bài nói về hội thi dân vận khéo?", False),  # "nói", not "nơi"
    ("Hội nghị cấp ủy đầu năm được nhắc ở những thành phố nào?", False),  # "cấp ủy", "đầu năm"
    ("Những địa phương nào có bài nhắc tới hội thi?", False),  # local, not the centre
])
def test_the_centre_is_asked_by_the_asking_phrase_not_by_the_topics_words(answerer, question, centre):
    from danvan_qa.qa.mention_places import centre_asked
    from danvan_qa.qa.questions import parse

    restored = answerer.store.restorer.restore(question)
    assert centre_asked(parse(question, restored, answerer.store.stored_facts)) is centre
