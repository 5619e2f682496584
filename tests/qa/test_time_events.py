"""What happened in a month or a year, one row per article whose own event falls then (invented
articles, fake embedder, real fact extraction)."""

import pytest

from fakes import invented_answerer

ARTICLES = {
    "t1": ("2023-11-07", "Bắc Hà", "Ký kết chương trình phối hợp ở Bắc Hà",
           "Chiều 7/11, Ban Dân vận Tỉnh ủy và Công an tỉnh Bắc Hà ký kết chương trình phối hợp. Trước đó, ngày "
           "5/6/2019, hai bên đã tổ chức hội nghị sơ kết."),
    "t2": ("2021-11-19", "Nam Sơn", "Hội thi tìm hiểu pháp luật ở Nam Sơn",
           "Hai đơn vị đã chuẩn bị từ lâu. Ngày 19-11, Hội Nông dân huyện phối hợp với Công an huyện tổ chức hội thi "
           "tìm hiểu pháp luật."),
    "t3": ("2023-06-05", "Tây Giang", "Hội nghị ở Tây Giang",
           "Ngày 5/6, Ban Dân vận Tỉnh ủy Tây Giang tổ chức hội nghị tổng kết công tác dân vận."),
}


def _answerer(folder, rows: dict[str, tuple[str, str, str, str]]):
    """An answerer over invented articles {id: (date, place, title, text)}."""
    return invented_answerer(folder, {d: (date, title, text, place) for d, (date, place, title, text) in rows.items()})


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    return _answerer(tmp_path_factory.mktemp("times"), ARTICLES)


def test_the_events_of_a_month_of_any_year_one_row_per_article_newest_first(answerer):
    a = answerer.answer("Những hoạt động, hội nghị nào đã diễn ra vào tháng 11 (không kể năm)?", mode="bm25")
    assert [c.doc_id for c in a.citations] == ["t1", "t2"]  # a contest, which no event row reads, by its own day
    docs = answerer.store.data.documents
    assert all(c.quote == docs[c.doc_id].published[c.start:c.end] for c in a.citations)
    assert "7/11" in a.citations[0].quote and "19-11" in a.citations[1].quote  # the sentence reporting it
    assert answerer.answer("co bao nhieu hoat dong dien ra trong nam 2023", mode="bm25").short == "2"
    kinds = answerer.answer("Tính theo ngày diễn ra ghi trong thân bài (không tính ngày đăng), có bao nhiêu sự kiện — ký "
                            "kết, hội nghị, hội thi — rơi vào tháng 11?", mode="bm25")  # its kinds named beside it
    assert kinds.short == "2" and [c.doc_id for c in kinds.citations] == ["t1", "t2"]
    bare = answerer.answer("theo ngay ghi trong than bai (khong tinh ngay dang bai), co bao nhieu su kien ve dan van dien "
                           "ra vao thang 11?", mode="bm25")  # "về dân vận": the archive's own, no topic
    assert bare.short == "2" and [c.doc_id for c in bare.citations] == ["t1", "t2"]
    # the kinds said first and asked "nào", the articles as "bộ bài", each row's place or the events asked, "vậy"
    for asked in ("hoat dong, hoi thi nao to chuc trong thang 11 vay?", "Bao nhiêu sự kiện trong bộ bài diễn ra vào tháng 11?",
                  "cac hoat dong dien ra trong thang 11 gom nhung gi, o dau?"):
        assert [c.doc_id for c in answerer.answer(asked, mode="bm25").citations] == ["t1", "t2"], asked


def test_signings_of_a_month_are_counted_however_the_sentence_reports_them(tmp_path):
    """"lễ ký kết chương trình phối hợp": the thing signed is no topic, and a sentence saying only
    "ký kết" reports a signing."""
    rows = {**ARTICLES, "t4": ("2016-11-04", "Đông Lâm", "Ký kết ở Đông Lâm",
                               "Ngày 4-11, Ban Dân vận Thành ủy và Công an thành phố tổ chức ký kết chương trình phối hợp."),
            "t5": ("2019-11-20", "Tây Giang", "Hội nghị sơ kết ở Tây Giang",  # a conference, not a signing
                   "Ngày 20/11, Ban Dân vận Tỉnh ủy Tây Giang tổ chức hội nghị sơ kết công tác dân vận.")}
    answerer = _answerer(tmp_path, rows)
    a = answerer.answer("bao nhieu le ky ket chuong trinh phoi hop dien ra vao thang 11", mode="bm25")
    assert a.short == "2" and sorted(c.doc_id for c in a.citations) == ["t1", "t4"]  # not t2's contest
    for asked in ("Bao nhiêu lễ/hội nghị ký kết chương trình phối hợp được tổ chức vào tháng 11?",
                  "Theo ngày diễn ra được ghi trong bài, có bao nhiêu lễ hoặc hội nghị ký kết được tổ chức vào tháng 11?",
                  "co bao nhieu le ky ket dien ra trong thang 11 (theo ngay ghi trong bai, khong tinh ngay dang bai)?",
                  "Có bao nhiêu lễ ký kết được bài báo nêu là diễn ra trong tháng 11, không kể năm?",
                  "trong thang 11 co may hoi nghi hay le ky ket chuong trinh phoi hop duoc to chuc?"):
        a = answerer.answer(asked, mode="bm25")  # "lễ" shares the signing its other kind names
        assert a.short == "2" and sorted(c.doc_id for c in a.citations) == ["t1", "t4"], asked


def test_a_signing_conference_asked_alone_and_not_a_meeting_about_one(tmp_path):
    """"hội nghị ký kết" and "buổi lễ ký kết" alone ask signings; a meeting about organising a signing
    ("có cuộc họp … về công tác tổ chức … ký kết") holds none."""
    rows = {**ARTICLES, "t4": ("2016-11-04", "Đông Lâm", "Ký kết ở Đông Lâm",
                               "Ngày 4-11, Ban Dân vận Thành ủy và Công an thành phố tổ chức ký kết chương trình phối hợp."),
            "t6": ("2020-11-14", "Nam Sơn", "Họp bàn chuẩn bị ở Nam Sơn",
                   "Ngày 14/11, Giám đốc Công an tỉnh đã có cuộc họp với Ban Dân vận Tỉnh ủy về công tác tổ chức hội "
                   "nghị tổng kết và ký kết chương trình phối hợp trong giai đoạn tiếp theo."),
            "t7": ("2021-11-21", "Tây Giang", "Ký kết ở Tây Giang",  # a signing after a session: a clause apart
                   "Ngày 20/11, sau buổi làm việc về công tác dân vận, Ban Dân vận Tỉnh ủy và Công an tỉnh Tây Giang ký "
                   "kết chương trình phối hợp.")}
    answerer = _answerer(tmp_path, rows)
    for asked in ("Có bao nhiêu hội nghị ký kết chương trình phối hợp diễn ra trong tháng 11?",
                  "Có bao nhiêu buổi lễ ký kết chương trình phối hợp diễn ra trong tháng 11?",
                  "Bao nhiêu lễ/hội nghị ký kết chương trình phối hợp được tổ chức vào tháng 11?"):
        a = answerer.answer(asked, mode="bm25")
        assert a.short == "3" and sorted(c.doc_id for c in a.citations) == ["t1", "t4", "t7"], asked


@pytest.mark.parametrize("question", [
    "Có những hội nghị nào diễn ra vào tháng 6 năm 2019?",  # only recalled by an article of 2023: no row of its own
    "Ai chủ trì các hội nghị diễn ra vào tháng 11?",  # who: asked as usual
    "Hội nghị ở Tây Giang diễn ra vào tháng mấy?",  # one event
])
def test_questions_that_are_not_a_times_events(answerer, question):
    assert "bài viết đưa tin sự kiện diễn ra vào" not in answerer.answer(question, mode="bm25").text


@pytest.mark.parametrize("question, when", [
    ("Những sự kiện nào được tổ chức trong năm 2022?", (None, 2022)),
    ("co bao nhieu hoi nghi dien ra vao thang 5/2023", (5, 2023)),
    ("Các buổi làm việc, hội nghị nào diễn ra trong tháng 11?", (11, None)),
    ("Hội nghị diễn ra vào tháng 11 năm nào?", None),  # one event
    ("Những chương trình nào được ký trong năm 2022?", None),  # programmes: their own list
    ("Những hội nghị về an toàn giao thông nào diễn ra vào tháng 11?", None),  # a topic: asked the usual way
    ("Trong năm 2022 có những hội nghị nào?", (None, 2022)),  # the time first
    ("Trong tháng 11, những hội nghị về an toàn giao thông nào diễn ra?", None),  # … a topic still
    ("thang 11/2023 co may hoat dong dan van (hoi nghi, hoi thi...) duoc dua tin?", (11, 2023)),  # the time opening it
    ("Năm 2022 có những sự kiện nào?", (None, 2022)),
    ("nhung su kien dan van nao trong kho bai duoc to chuc vao thang 11 (nam nao cung duoc)?", (11, None)),
    ("Tháng 11 có bao nhiêu sự kiện (ký kết, hội nghị) được các bài đưa tin là diễn ra trong tháng đó? Tính theo ngày diễn "
     "ra sự kiện, không tính ngày đăng bài.", (11, None)),  # the month said again, how the count is taken
])
def test_the_time_a_question_asks_the_events_of(question, when):
    from danvan_qa.ingest.facts import FactTable
    from danvan_qa.qa.questions import parse
    from danvan_qa.qa.time_events import asked_when

    found = asked_when(parse(question, question, FactTable()))
    assert (tuple(found)[:2] if found else None) == when


def test_a_kind_of_event_asked_keeps_that_kind(tmp_path):
    contest = ("2022-11-15", "Đông Khê", "Hội thi ở Đông Khê",
               "Ngày 15-11, Đoàn Thanh niên xã Đông Khê tổ chức hội thi tuyên truyền pháp luật.")
    rows = {**ARTICLES, "t4": contest}
    answerer = _answerer(tmp_path, rows)
    a = answerer.answer("Có những hội thi nào diễn ra vào tháng 11?", mode="bm25")
    assert [c.doc_id for c in a.citations] == ["t4", "t2"]  # the contests, not the signing (t1)
    every = answerer.answer("Có những hoạt động nào diễn ra vào tháng 11?", mode="bm25")
    assert [c.doc_id for c in every.citations] == ["t1", "t4", "t2"]


REVIEWS = {
    "v1": ("2022-04-14", "Hà Nội", "Tổng kết chương trình phối hợp ở Trung ương",
           "Ngày 14/4/2022, Bộ Công an phối hợp với Ban Dân vận Trung ương tổ chức Hội nghị tổng kết 5 năm thực hiện "
           "Chương trình phối hợp công tác dân vận giữa hai bên."),
    "v2": ("2022-04-15", "Hà Nội", "Bộ Công an và Ban Dân vận Trung ương tổng kết chương trình phối hợp",
           "Ngày 14/4/2022, tại Hà Nội, Bộ Công an và Ban Dân vận Trung ương tổ chức Hội nghị tổng kết 5 năm thực hiện "
           "chương trình phối hợp giai đoạn 2017-2022."),
    "v3": ("2022-05-26", "Nam Sơn", "Tổng kết chương trình phối hợp ở Nam Sơn",
           "Chiều 26/5, Ban Dân vận Tỉnh ủy phối hợp với Công an tỉnh tổ chức hội nghị tổng kết 5 năm thực hiện chương "
           "trình phối hợp công tác dân vận."),
    "v4": ("2022-07-08", "Bắc Hà", "Hội nghị sơ kết ở Bắc Hà",
           "Sáng 8/7, Ban Dân vận Tỉnh ủy Bắc Hà tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm."),
    "v5": ("2022-09-20", "Tây Giang", "Tổng kết phong trào ở Tây Giang",
           "Ngày 20/9, Hội Nông dân tỉnh Tây Giang tổ chức hội nghị tổng kết 5 năm phong trào nông dân sản xuất giỏi."),
}


@pytest.fixture(scope="module")
def reviews(tmp_path_factory):
    return _answerer(tmp_path_factory.mktemp("reviews"), REVIEWS)


@pytest.mark.parametrize("question", [
    "Riêng năm 2022, có bao nhiêu hội nghị tổng kết 5 năm chương trình phối hợp giữa Ban Dân vận và lực lượng Công an "
    "được tổ chức?",
    "nam 2022 co bao nhieu hoi nghi tong ket chuong trinh phoi hop giua ban dan van va cong an",
])
def test_a_review_and_its_parties_narrow_the_events_and_one_event_counts_once(reviews, question):
    """Not the half-year review (sơ kết) nor another body's review; the review two articles report is one event."""
    a = reviews.answer(question, mode="bm25")
    assert a.short == "2", a.text
    assert sorted(c.doc_id for c in a.citations) == ["v1", "v2", "v3"]  # both reports of the one event cited
    docs = reviews.store.data.documents
    assert all(c.quote == docs[c.doc_id].published[c.start:c.end] for c in a.citations)


def test_two_bodies_events_on_one_day_in_one_province_are_two(tmp_path):
    rows = {"d1": ("2023-11-08", "Kha Linh", "Huyện Sông Lam sơ kết công tác dân vận",
                   "Ngày 8/11/2023, Ban Dân vận Huyện ủy Sông Lam tổ chức hội nghị sơ kết công tác dân vận năm 2023."),
            "d2": ("2023-11-08", "Kha Linh", "Huyện Đá Bạc sơ kết mô hình dân vận khéo",
                   "Ngày 8/11/2023, Hội Nông dân huyện Đá Bạc tổ chức hội nghị sơ kết mô hình dân vận khéo.")}
    a = _answerer(tmp_path, rows).answer("Có bao nhiêu hội nghị diễn ra trong tháng 11 năm 2023?", mode="bm25")
    assert a.short == "2" and "cũng đưa tin" not in a.text


def test_a_party_or_a_province_asked_is_a_topic_not_how_the_count_is_taken():
    from danvan_qa.ingest.facts import FactTable
    from danvan_qa.qa.questions import parse
    from danvan_qa.qa.time_events import asked_when

    for text in ("Những hội nghị Đảng nào diễn ra trong tháng 11 năm 2023?",  # "Đảng", not "đăng"
                 "Có bao nhiêu hội nghị tỉnh tổ chức trong tháng 11 năm 2023?"):  # "tỉnh", not "tính"
        assert asked_when(parse(text, text, FactTable())) is None, text
    framed = "Tính theo ngày ghi trong thân bài, có bao nhiêu sự kiện rơi vào tháng 11?"
    assert asked_when(parse(framed, framed, FactTable())) is not None
