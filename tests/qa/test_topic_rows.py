"""A question across the archive that no shape reads is answered by where its topic is named, not refused; and
a question of one article, or one pointing back, is not (invented articles, fake embedder, real fact extraction)."""

import pytest

from fakes import invented_answerer as _answerer  # {id: (date, title, text[, place])}

ARTICLES = {
    "t1": ("2024-03-05", "Sơ kết phong trào toàn dân bảo vệ an ninh Tổ quốc",
           "Ngày 4/3, Công an tỉnh sơ kết phong trào toàn dân bảo vệ an ninh Tổ quốc. Các xã duy trì mô hình “5 không” "
           "và tổ chức Ngày hội đoàn kết ở khu dân cư.", "Cao Bằng"),
    "t2": ("2022-05-26", "Ký kết chương trình phối hợp công tác dân vận",
           "Ngày 25/5, Ban Dân vận Huyện ủy và Công an huyện ký kết chương trình phối hợp giai đoạn 2022-2026. Đại tá "
           "Lê Văn Khải, Giám đốc Công an tỉnh, dự.", "huyện Lạc Khê, Cao Bằng"),
    "t3": ("2021-08-18", "Hội thi tìm hiểu pháp luật",
           "Ngày 17/8, Công an tỉnh tổ chức hội thi tìm hiểu pháp luật. Nhiều thôn đã nhân rộng mô hình “5 không” "
           "trong đồng bào dân tộc thiểu số.", "Tây Giang"),
    "t4": ("2023-09-01", "Tết Trung thu cho thiếu nhi",
           "Ngày 31/8, Đoàn Thanh niên phối hợp với Hội Phụ nữ Công an tỉnh tặng quà Trung thu cho thiếu nhi có hoàn "
           "cảnh khó khăn ở xã Thượng Lâm.", "Đông Lâm"),
    "t5": ("2023-10-17", "Hội nghị của Bộ Công an về công tác dân vận",
           "Ngày 17/10, Bộ Công an tổ chức hội nghị về công tác dân vận. Trung tướng Trần Văn Lộc, Thứ trưởng Bộ Công "
           "an, chủ trì. Chương trình phối hợp có 6 nội dung.", "Hà Nội (Trung ương)"),
}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    return _answerer(tmp_path_factory.mktemp("topic-rows"), ARTICLES)


def _parsed(answerer, question):
    from danvan_qa.qa.questions import parse

    return parse(question, answerer.store.restorer.restore(question), answerer.store.stored_facts)


@pytest.mark.parametrize("question", ["mo hinh 5 khong thi co o tinh nao vay moi nguoi",
                                      "Mô hình “5 không” có ở tỉnh nào?"])  # one article's sentence answers neither
def test_places_asked_of_a_topic_no_shape_reads_are_the_provinces_naming_it(answerer, question):
    a = answerer.answer(question, mode="bm25")
    assert not a.abstained
    assert sorted(c.doc_id for c in a.citations) == ["t1", "t3"]
    assert "Cao Bằng" in a.text and "Tây Giang" in a.text


def test_a_body_asked_by_its_province_amid_requests_and_particles(answerer):
    a = answerer.answer("cho em hỏi, trong mấy bài thì Hội Phụ nữ công an tỉnh nào có được nhắc tới vậy ạ? tỉnh nào, "
                        "làm gì?", mode="bm25")
    assert [c.doc_id for c in a.citations] == ["t4"] and "Đông Lâm" in a.text


def test_how_many_articles_a_province_has_counts_those_of_its_place(answerer):
    # the province is where the articles are from: neither text writes it
    a = answerer.answer("Cao Bằng có mấy tin nói về phong trào, phối hợp vậy ạ? mỗi tin là việc gì?", mode="bm25")
    assert a.short == "2" and sorted(c.doc_id for c in a.citations) == ["t1", "t2"]


@pytest.mark.parametrize("question", [
    "Chương trình phối hợp của Bộ Công an có bao nhiêu nội dung?",  # "nội dung" is no place ("nơi")
    "Hội thi tìm hiểu pháp luật nhận được bao nhiêu bài dự thi?",  # entries of one contest, not articles
    "Năm 2014, quần chúng đã cung cấp bao nhiêu tin về tội phạm?",  # tip-offs, not news items
    "Những ai dự hội nghị về công tác dân vận?",  # people, not the articles naming them
])
def test_a_count_or_list_of_one_article_is_not_read_as_where_a_topic_is_named(answerer, question):
    from danvan_qa.qa.topic_rows import asks_topic_rows

    assert not asks_topic_rows(_parsed(answerer, question))


def test_the_topic_is_the_words_that_do_not_ask_most_specific_first_and_never_a_pronouns(answerer):
    from danvan_qa.ingest.normalize import fold
    from danvan_qa.qa.topic_rows import topics

    said = ("chuong trinh phoi hop ve phong trao toan dan bao ve an ninh to quoc (giai doan 2013-2023) thi nhung noi "
            "nao to chuc so ket 10 nam vay?")
    found = [fold(t.lower()) for t in topics(_parsed(answerer, said))]  # as restored: compared folded
    assert found[0].endswith("to chuc so ket 10 nam") and "giai doan" not in found[0]  # the aside is no break
    assert found[1] == "chuong trinh phoi hop ve phong trao toan dan bao ve an ninh to quoc"  # then the longest run
    assert topics(_parsed(answerer, "Công an những tỉnh nào đã phối hợp phát huy vai trò của họ?")) == []


def test_times_counted_and_a_topic_said_to_be_called_so_are_read_for_their_topic(answerer):
    from danvan_qa.ingest.normalize import fold
    from danvan_qa.qa.topic_rows import topics

    q = _parsed(answerer, "co may hoi nghi duoc goi la so ket phong trao toan dan bao ve an ninh to quoc")
    assert fold(topics(q)[-1].lower()) == "so ket phong trao toan dan bao ve an ninh to quoc"  # not "gọi là"
    a = answerer.answer("may lan so ket phong trao toan dan bao ve an ninh to quoc?", mode="bm25")  # "mấy lần": events
    assert a.short == "1" and [c.doc_id for c in a.citations] == ["t1"]


def test_a_provinces_articles_asked_of_a_topic_are_those_writing_it(answerer):
    a = answerer.answer("Cao Bằng có mấy tin nói về hội thi?", mode="bm25")  # neither of its articles reports one
    assert a.short != "2" and "bài viết nói đến" not in a.text


@pytest.mark.parametrize("question", [
    "Công an tỉnh trao tặng máy tính cho học sinh nghèo ra sao?",  # "máy tính" folds like "mấy tỉnh"
    "Đường dây nóng của Công an huyện đã tiếp nhận bao nhiêu cuộc gọi?",  # calls, not events
])
def test_words_that_fold_like_places_or_events_asked_are_not_read_so(answerer, question):
    from danvan_qa.qa.topic_rows import asks_topic_rows

    assert not asks_topic_rows(_parsed(answerer, question))


def test_a_topic_written_in_more_articles_than_a_list_shows_names_nothing_in_particular(answerer, monkeypatch):
    from danvan_qa.qa import topic_rows as rows
    from danvan_qa.qa.records import ROWS_SHOWN, Listing

    q = _parsed(answerer, "Có bao nhiêu bài viết nhắc tới phong trào toàn dân bảo vệ an ninh Tổ quốc?")
    for found, shown in ((ROWS_SHOWN, True), (ROWS_SHOWN + 1, False)):
        monkeypatch.setattr(rows, "_rows", lambda *args, n=found: Listing((), (), n, str(n)))
        assert (rows.topic_rows(q, answerer.store, lambda d: True) is not None) is shown
