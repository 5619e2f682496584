"""Questions across the archive, from the fact table with a citation per row (invented articles,
fake embedder, real fact extraction)."""

import gc

import pytest

from danvan_qa.qa.answering import Answerer
from fakes import article_file, fake_store
from fakes import invented_answerer as _answerer  # {id: (date, title, text[, place])}

ARTICLES = {
    "a1": ("2021-03-02", "Hội nghị sơ kết công tác dân vận ở tỉnh Bắc Hà",
           "Ngày 2/3, tại tỉnh Bắc Hà, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết. Dự hội nghị có đồng chí "
           "Trần Văn Bình, Thứ trưởng Bộ Nội vụ; đồng chí Lê Thị Hoa, Phó Thứ trưởng Bộ Nội vụ."),
    "a2": ("2023-05-04", "Hội nghị ký kết chương trình phối hợp ở tỉnh Nam Sơn",
           "Ngày 4/5, tại tỉnh Nam Sơn, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết chương trình phối hợp. "
           "Đồng chí Trần Văn Bình, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Nội vụ phát biểu chỉ đạo hội nghị."),
    "a3": ("2022-08-09", "Buổi làm việc của đoàn công tác ở tỉnh Đông Lâm",
           "Ngày 9/8, đoàn công tác làm việc với Công an tỉnh Đông Lâm. Dự buổi làm việc có đồng chí "
           "Phạm Quốc Dũng, Thứ trưởng Bộ Nội vụ; đồng chí Đào Minh Tâm, Trưởng Ban Dân vận Thành ủy Sơn Hà; "
           "đồng chí Vi Thị Lan, Trưởng Ban Dân vận Tỉnh ủy Đông Lâm."),
    "a4": ("2021-06-11", "Ký kết chương trình phối hợp công tác dân vận ở tỉnh Bắc Hà",
           "Ngày 10/6/2021, Ban Dân vận Tỉnh ủy Bắc Hà và Công an tỉnh Bắc Hà ký kết Chương trình phối hợp "
           "công tác dân vận giai đoạn 2021-2026."),
    "a5": ("2024-01-15", "Sơ kết chương trình phối hợp ở tỉnh Bắc Hà",
           "Ngày 15/1, hội nghị sơ kết Chương trình phối hợp công tác dân vận giai đoạn 2021-2026 giữa Ban Dân vận "
           "Tỉnh ủy Bắc Hà và Công an tỉnh Bắc Hà. Trước đó, ngày 3/4/2016, hai đơn vị ký Chương trình phối hợp "
           "giai đoạn 2016-2021."),
    "a6": ("2024-03-20", "Hội nghị của Hội Nông dân tỉnh Tây Giang",
           "Ngày 20/3, Hội Nông dân tỉnh Tây Giang tổ chức hội nghị. Dự hội nghị có đồng chí Hà Văn Sơn, Phó Trưởng "
           "Ban Thường trực Ban Tuyên giáo TW; đồng chí Đỗ Minh Quang, Phó Trưởng Ban Tuyên giáo Trung ương; đồng chí "
           "Lý Thị Mai, Phó Chủ tịch Thường trực UBND tỉnh Tây Giang. Hội nghị quán triệt Hướng dẫn số 08-HD/BDVTU."),
}


def _placed_answerer(folder, articles: dict[str, tuple[str, str]]) -> Answerer:
    """An answerer over invented articles {id: (place, text)} whose front matter names their place (their
    text may not), dated a day apart."""
    files = {f"{doc_id}.txt": article_file(doc_id, f"2023-01-0{n}", f"Chương trình phối hợp ở {place}", text, place)
             for n, (doc_id, (place, text)) in enumerate(articles.items(), 1)}
    return Answerer(*fake_store(folder, files))


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    return _answerer(tmp_path_factory.mktemp("archive"), ARTICLES)


def test_a_persons_events_one_row_per_article_newest_first(answerer):
    a = answerer.answer("Đồng chí Trần Văn Bình đã dự những hội nghị nào, với cương vị gì?", mode="bm25")
    assert a.kind != "two_part" and not a.abstained
    assert [answerer.store.data.documents[a.citations[i.citation - 1].doc_id].doc_id for i in a.items] == ["a2", "a1"]
    assert "Ủy viên Trung ương Đảng, Thứ trưởng Bộ Nội vụ" in a.items[0].role  # the fullest role written there
    for c in a.citations:  # every row quotes its article as published
        assert c.quote == answerer.store.data.documents[c.doc_id].published[c.start:c.end]
    assert "2 bài" in a.text
    # the event itself is cited where another sentence reports it, then the sentence giving the role
    assert [c.quote[:9] for c in a.citations if c.doc_id == "a2"] == ["Ngày 4/5,", "Đồng chí "]
    event, role = next(i for i, line in enumerate(a.text.splitlines()) if "[1]" in line), "[2]"
    assert a.text.splitlines()[event + 1].startswith("  - cương vị: ") and role in a.text.splitlines()[event + 1]


def test_the_groups_a_person_led_are_their_history(answerer):
    """"X đã dẫn những đoàn công tác nào …?": every article naming X, as "X đã dự những hội nghị nào"."""
    a = answerer.answer("Trần Văn Bình đã dẫn những đoàn công tác nào làm việc với các tỉnh?", mode="bm25")
    assert "2 bài" in a.text and sorted({c.doc_id for c in a.citations}) == ["a1", "a2"]
    bodies = answerer.answer("Trần Văn Bình phụ trách những đoàn thể nào?", mode="bm25")  # bodies, not events
    assert "nhắc đến **Trần Văn Bình**" not in bodies.text


@pytest.mark.parametrize("question", ["Trần Văn Bình xuất hiện trong bao nhiêu bài báo?",
                                      "tran van binh duoc nhac den trong may bai viet"])
def test_how_many_articles_name_a_person_is_their_history_counted(answerer, question):
    a = answerer.answer(question, mode="bm25")
    assert a.short == "2" and sorted({c.doc_id for c in a.citations}) == ["a1", "a2"]


def test_a_persons_events_counted_are_one_for_two_reports_of_one_days_event(tmp_path):
    texts = {
        "p1": ("2022-04-14", "Ký kết chương trình phối hợp ở Hà Bắc", "Ngày 14/4/2022, Bộ Nội vụ và Ban Dân vận Trung ương "
               "ký kết chương trình phối hợp. Đồng chí Trần Văn Bình, Thứ trưởng Bộ Nội vụ, dự hội nghị."),
        "p2": ("2022-04-14", "Hội nghị ký kết ở Hà Bắc", "Ngày 14/4/2022, tại Hà Bắc, Bộ Nội vụ và Ban Dân vận Trung ương "
               "ký kết chương trình phối hợp. Dự hội nghị có đồng chí Trần Văn Bình, Thứ trưởng Bộ Nội vụ."),
        "p3": ("2023-10-17", "Hội nghị tổng kết ở Nam Sơn", "Ngày 17/10/2023, Bộ Nội vụ tổ chức hội nghị tổng kết. Đồng chí "
               "Trần Văn Bình, Thứ trưởng Bộ Nội vụ, chủ trì hội nghị."),
    }
    files = {f"{d}.txt": article_file(d, *row, place="Hà Bắc") for d, row in texts.items()}
    files["p4.txt"] = article_file("p4", "2023-10-17", "Hội thi ở Đông Lâm", "Ngày 17/10/2023, Công an tỉnh Đông Lâm tổ "
                                   "chức hội thi. Đồng chí Trần Văn Bình, Thứ trưởng Bộ Nội vụ, dự hội thi.", place="Đông Lâm")
    answerer = Answerer(*fake_store(tmp_path, files))
    events = answerer.answer("Đồng chí Trần Văn Bình có mặt ở bao nhiêu sự kiện khác nhau được đưa tin?", mode="bm25")
    assert events.short == "3" and "4 bài, 3 sự kiện" in events.text  # p3 and p4: one day, two places
    seen = answerer.answer("Thứ trưởng Trần Văn Bình (Bộ Nội vụ) xuất hiện ở bao nhiêu sự kiện khác nhau?", mode="bm25")
    assert seen.short == "3"  # "xuất hiện ở": the events, as "có mặt ở"
    assert answerer.answer("Trần Văn Bình xuất hiện trong bao nhiêu bài báo?", mode="bm25").short == "4"


def test_a_listing_keeps_to_the_articles_the_filters_admit(answerer):
    from danvan_qa.index.backends.base import Filters

    question = "Đồng chí Trần Văn Bình đã dự những hội nghị nào, với cương vị gì?"
    since = answerer.answer(question, mode="bm25", filters=Filters(date_from="2022-01-01"))
    assert {c.doc_id for c in since.citations} == {"a2"} and "1 bài" in since.text
    count = answerer.answer("Các bài viết nêu tên bao nhiêu Thứ trưởng Bộ Nội vụ?", mode="bm25",
                            filters=Filters(doc_ids=frozenset({"a3"})))
    assert count.short == "1"


@pytest.mark.parametrize("question", ["Có bao nhiêu Thứ trưởng Bộ Nội vụ được nêu đích danh?",
                                      "may nguoi la thu truong bo noi vu xuat hien trong cac tin bai nay"])
def test_the_archive_asked_in_other_words_counts_people_by_title(answerer, question):
    assert answerer.answer(question, mode="bm25").short == "2"


def test_people_by_title_are_counted_without_their_deputies(answerer):
    """Counted once each; cited in every article that gives them the title (a1 and a2 for one)."""
    a = answerer.answer("Các bài viết nêu tên bao nhiêu Thứ trưởng Bộ Nội vụ?", mode="bm25")
    assert a.short == "2" and sorted({i.name for i in a.items}) == ["Phạm Quốc Dũng", "Trần Văn Bình"]
    assert sorted(c.doc_id for c in a.citations) == ["a1", "a2", "a3"]
    assert "Lê Thị Hoa" not in a.text
    rows = [line for line in a.text.splitlines() if line.startswith("- ")]
    assert len(rows) == 2 and sum(line.startswith("  - ") for line in a.text.splitlines()) == 1  # a1 under a2's row
    # the articles "nhắc đến bao nhiêu Thứ trưởng": the people are counted, not the articles
    named = answerer.answer("Các bài viết nhắc đến bao nhiêu Thứ trưởng Bộ Nội vụ?", mode="bm25")
    assert named.short == "2" and {i.name for i in named.items} == {"Phạm Quốc Dũng", "Trần Văn Bình"}


@pytest.mark.parametrize("question", ["Thứ trưởng Bộ Nội vụ là những ai?", "nhung ai la thu truong bo noi vu",
                                      "Những ai được nêu là Thứ trưởng Bộ Nội vụ?", "Thứ trưởng Bộ Nội vụ nào được nhắc tên?",
                                      "Liệt kê các Thứ trưởng Bộ Nội vụ đã phát biểu hoặc dự các hội nghị.",
                                      "Những ai được giới thiệu với chức danh Thứ trưởng Bộ Nội vụ?",
                                      "Những ai từng là Thứ trưởng Bộ Nội vụ?", "nhung ai tung giu chuc thu truong bo noi vu"])
def test_who_holds_a_title_asked_of_no_event_is_answered_across_the_archive(answerer, question):
    a = answerer.answer(question, mode="bm25")
    assert sorted({i.name for i in a.items}) == ["Phạm Quốc Dũng", "Trần Văn Bình"]
    assert sorted(c.doc_id for c in a.citations) == ["a1", "a2", "a3"]


def test_a_long_title_asked_without_diacritics_keeps_all_its_words(answerer):
    """Ten words: the deputy who stands in ("thường trực") for the board, not every deputy of it."""
    a = answerer.answer("pho truong ban thuong truc ban tuyen giao trung uong la nhung ai", mode="bm25")
    assert [i.name for i in a.items] == ["Hà Văn Sơn"] and a.citations[0].doc_id == "a6"


@pytest.mark.parametrize("question", [
    "Liệt kê các trường hợp được khen thưởng.",  # "trưởng" alone names no body: no title
    "Đại biểu tham dự gồm những ai?",  # those at one event
    "Trong bài báo, những mô hình nào được kể tên?",  # one article, not the archive
    "Bài báo nhắc tới bao nhiêu quân khu?",
    "Trong bài viết có những hoạt động nào?",
    "Các đoàn kiểm tra đã làm việc ở những địa bàn nào?",  # no topic of their own beyond the kind
])
def test_questions_about_one_article_or_event_in_archive_words_are_not_lists(answerer, question):
    from danvan_qa.qa.archive import listing
    from danvan_qa.qa.questions import parse

    store = answerer.store
    assert listing(parse(question, store.restorer.restore(question), store.stored_facts), store) is None


@pytest.mark.parametrize("question", [
    "Thứ trưởng Bộ Nội vụ dự hội nghị ngày 2/3 là những ai?",  # a day: one event
    "Những ai dự hội nghị cùng đồng chí Trần Văn Bình?",  # one event's list, not his history
    "Ai là Thứ trưởng Bộ Nội vụ dự hội nghị ngày 2/3?",  # a day: one event
    "Theo hội nghị sơ kết, các văn bản hướng dẫn còn được gửi đến đâu?",  # documents of one article
])
def test_questions_about_one_event_are_not_archive_lists(answerer, question):
    decision = answerer.decision(question, mode="bm25")
    assert decision.passages  # went through retrieval, not the fact-table listing


def test_programmes_of_a_period_once_each_however_many_articles_name_them(answerer):
    periods = sorted(p.period for p in answerer.store.facts.programmes)
    assert periods.count("2021-2026") >= 2  # two articles name the same programme
    a = answerer.answer("Những chương trình phối hợp nào được thực hiện trong giai đoạn 2021-2026?", mode="bm25")
    assert len(a.items) == 1 and "2021-2026" in a.text
    assert sorted(c.doc_id for c in a.citations) == ["a4", "a5"]  # one row, and every article naming it cited
    many = answerer.answer("Có bao nhiêu chương trình phối hợp được nhắc đến trong các bài viết?", mode="bm25")
    assert many.short == str(len(many.items)) == "2"


@pytest.mark.parametrize("question, period", [
    ("Những chương trình phối hợp nào có giai đoạn thực hiện bắt đầu từ năm 2020 trở về sau?", "2021-2026"),
    ("nhung chuong trinh phoi hop nao co giai doan sau nam 2018", "2021-2026"),
    ("Những chương trình phối hợp nào được ký trước năm 2018?", "2016-2021"),  # signed 3/4/2016
])
def test_programmes_bounded_by_the_year_they_start(answerer, question, period):
    a = answerer.answer(question, mode="bm25")
    assert len(a.items) == 1 and period in a.text


def test_programmes_named_by_a_number_when_asked_which_are(tmp_path):
    texts = {
        "n1": ("2016-06-16", "Ký kết chương trình phối hợp", "Ngày 15/6/2016, Ban Dân vận Trung ương và Bộ Công an ký "
               "Chương trình số 38-CTr/BDVTW-BCA về phối hợp công tác dân vận giai đoạn 2016-2021."),
        "n2": ("2021-11-08", "Ký kết ở huyện Bố Trạch", "Sáng 8/11, Công an huyện Bố Trạch và Hội Nông dân huyện ký "
               "kết chương trình phối hợp công tác giai đoạn 2021 – 2026."),
    }
    a = _answerer(tmp_path, texts).answer("nhung chuong trinh phoi hop nao duoc neu so hieu cu the", mode="bm25")
    assert len(a.items) == 1 and "38-CTr/BDVTW-BCA" in a.text and [c.doc_id for c in a.citations] == ["n1"]


def test_the_places_with_programmes_between_bodies_asked_with_an_aside(tmp_path):
    texts = {
        "d1": ("2016-10-05", "Ký kết ở tỉnh Tây Giang", "Ngày 5/10/2016, Ban Dân vận Tỉnh ủy Tây Giang và Công an tỉnh Tây "
               "Giang ký kết Chương trình phối hợp công tác dân vận giai đoạn 2016-2021."),
        "d2": ("2016-06-15", "Ký kết ở Trung ương", "Ngày 15/6/2016, Ban Dân vận Trung ương và Bộ Công an ký kết Chương "
               "trình phối hợp công tác dân vận giai đoạn 2016-2021."),
        "d3": ("2021-11-08", "Ký kết ở huyện Bố Sơn", "Ngày 8/11/2021, Ban Dân vận Huyện ủy Bố Sơn và Công an huyện Bố Sơn "
               "ký kết chương trình phối hợp giai đoạn 2021-2026."),
    }
    answerer = _answerer(tmp_path, texts)
    a = answerer.answer("Những địa phương nào có chương trình phối hợp công tác dân vận giữa Ban Dân "
                        "vận (tỉnh, huyện ủy) và Công an cùng cấp cho giai đoạn 2016-2021?", mode="bm25")
    assert "nêu 1 chương trình" in a.text and [c.doc_id for c in a.citations] == ["d1"]  # not the central one
    count = answerer.answer("Có mấy địa phương tổ chức ký kết chương trình phối hợp công tác dân vận giai đoạn 2016-2021 "
                            "giữa ban dân vận và công an?", mode="bm25")  # counted: the local ones
    assert count.short == "1" and [c.doc_id for c in count.citations] == ["d1"]
    assert "1 chương trình, ở 1 địa phương" in count.text
    # "chương trình nào" of a period alone: both bodies' programmes of it, not the likeliest one
    which = answerer.answer("chuong trinh phoi hop nao co giai doan 2016-2021?", mode="bm25")
    assert sorted(c.doc_id for c in which.citations) == ["d1", "d2"]


def test_signings_between_bodies_named_with_their_alternatives(answerer):
    a = answerer.answer("Có bao nhiêu hội nghị ký kết chương trình phối hợp giữa Ban Dân vận tỉnh ủy, thành ủy và "
                        "Công an tỉnh, thành phố?", mode="bm25")
    assert a.short == "1" and [c.doc_id for c in a.citations] == ["a4"]  # a5 reviews it, signs none named


def test_a_title_and_its_other_writing_in_brackets_count_the_holders_of_both(tmp_path):
    texts = {
        "t1": ("2022-04-14", "Ký kết ở tỉnh Tây Giang", "Ngày 14/4, dự hội nghị có đồng chí Hồ Văn An, Ủy viên Trung ương "
               "Đảng, Thứ trưởng Bộ Nội vụ."),
        "t2": ("2023-05-04", "Hội nghị ở tỉnh Nam Sơn", "Ngày 4/5, dự hội nghị có đồng chí Lý Thị Mai, Ủy viên Ban Chấp "
               "hành Trung ương Đảng, Bí thư Tỉnh ủy."),
    }
    answerer = _answerer(tmp_path, texts)
    a = answerer.answer("Có bao nhiêu người giữ chức Ủy viên Trung ương Đảng (Ủy viên Ban Chấp hành Trung ương Đảng) "
                        "trong các bài?", mode="bm25")
    assert a.short == "2" and sorted(i.name for i in a.items) == ["Hồ Văn An", "Lý Thị Mai"]


def test_a_person_named_in_many_articles_is_one_row_citing_a_few_and_counting_the_rest(tmp_path):
    """A title's holder in eight articles: their row cites the newest and UNDER_SHOWN others, then says how many
    more; the other holder's row follows, not pages of citations."""
    from danvan_qa.qa.records import UNDER_SHOWN

    texts = {f"m{n}": (f"2022-0{n}-10", f"Hội nghị lần {n} ở tỉnh Tây Giang", f"Ngày 10/{n}, dự hội nghị có đồng chí "
                       "Hồ Văn An, Thứ trưởng Bộ Nội vụ.") for n in range(1, 9)}
    texts["m9"] = ("2021-05-04", "Hội nghị ở tỉnh Nam Sơn", "Ngày 4/5, dự hội nghị có đồng chí Lý Văn Mạnh, Thứ trưởng "
                   "Bộ Nội vụ.")
    a = _answerer(tmp_path, texts).answer("Thứ trưởng Bộ Nội vụ là những ai?", mode="bm25")
    assert [i.name for i in a.items] == ["Hồ Văn An", "Lý Văn Mạnh"]
    assert sorted(c.doc_id for c in a.citations) == sorted(["m8", *(f"m{n}" for n in range(7, 7 - UNDER_SHOWN, -1)), "m9"])
    assert f"… và {8 - 1 - UNDER_SHOWN} bài viết khác nữa." in a.text


@pytest.mark.parametrize("question", ["Các Thứ trưởng Bộ Nội vụ có tên trong bài là những ai?",
                                      "Những Thứ trưởng Bộ Nội vụ được nêu tên là những ai?",
                                      "Luận văn của tôi cần danh sách Thứ trưởng Bộ Nội vụ xuất hiện trong các sự kiện: có "
                                      "những ai?", "cho mình xin danh sách các đồng chí Thứ trưởng Bộ Nội vụ"])
def test_holders_asked_with_cac_before_the_title_are_its_holders(answerer, question):
    a = answerer.answer(question, mode="bm25")
    assert sorted({i.name for i in a.items}) == ["Phạm Quốc Dũng", "Trần Văn Bình"]


def test_a_committee_written_once_for_the_whole_role_holds_the_title(tmp_path):
    texts = {
        "t1": ("2022-04-14", "Hội nghị ở tỉnh Tây Giang", "Ngày 14/4, đồng chí Hồ Văn An - Thường vụ Tỉnh ủy, "
               "Trưởng Ban Dân vận chỉ đạo Hội nghị."),
        "t2": ("2023-05-04", "Hội nghị ở huyện Nam Sơn", "Ngày 4/5, dự hội nghị có đồng chí Lý Thị Mai, Trưởng Ban "
               "Dân vận Huyện ủy Nam Sơn, Ủy viên Tỉnh ủy."),
        "t3": ("2023-06-04", "Hội nghị ở tỉnh Bắc Hà", "Ngày 4/6, dự hội nghị có đồng chí Đỗ Văn Hùng, Trưởng Ban "
               "Dân vận Tỉnh ủy."),
    }
    answerer = _answerer(tmp_path, texts)
    a = answerer.answer("Bao nhiêu người giữ chức Trưởng Ban Dân vận Tỉnh ủy được nêu tên cụ thể?", mode="bm25")
    assert a.short == "2" and sorted(i.name for i in a.items) == ["Hồ Văn An", "Đỗ Văn Hùng"]  # not the district's


def test_a_title_with_alternatives_lists_the_holders_of_each(answerer):
    a = answerer.answer("Những ai là Trưởng Ban Dân vận tỉnh ủy, thành ủy được nêu tên trong các bài?", mode="bm25")
    assert sorted(i.name for i in a.items) == ["Vi Thị Lan", "Đào Minh Tâm"]
    either = answerer.answer("Kể tên những người giữ chức Trưởng Ban Dân vận Tỉnh ủy hoặc Thành ủy được nhắc đến "
                             "trong các bài.", mode="bm25")
    assert sorted(i.name for i in either.items) == ["Vi Thị Lan", "Đào Minh Tâm"]
    one = answerer.answer("Những ai là Trưởng Ban Dân vận Thành ủy được nêu tên trong các bài?", mode="bm25")
    assert [i.name for i in one.items] == ["Đào Minh Tâm"]
    heads = answerer.answer("Những ai được nêu tên với chức danh Thứ trưởng (không tính Phó Thứ trưởng) của các "
                            "bộ trong các bài?", mode="bm25")
    assert "Lê Thị Hoa" not in {i.name for i in heads.items} and "Trần Văn Bình" in {i.name for i in heads.items}
    deputies = answerer.answer("Các bài viết nêu tên bao nhiêu Phó Thứ trưởng Bộ Nội vụ?", mode="bm25")
    assert deputies.short == "1" and [i.name for i in deputies.items] == ["Lê Thị Hoa"]


def test_a_title_asked_of_a_committee_after_cua_is_held_only_at_that_level(tmp_path):
    """"Trưởng ban Dân vận của một tỉnh ủy hoặc thành ủy": not the centre's; "Phó Bí thư Thường trực của
    (một) tỉnh ủy": not a commune's Party committee's."""
    texts = {
        "t1": ("2022-04-14", "Hội nghị ở Hà Nội", "Dự hội nghị có đồng chí Lương Thị Nga, Trưởng Ban Dân vận Trung ương; "
               "đồng chí Hồ Văn Khải, Phó Bí thư Thường trực Đảng ủy xã Tân Lập."),
        "t2": ("2023-05-04", "Hội nghị ở tỉnh Nam Sơn", "Dự hội nghị có đồng chí Kiều Văn Hải, Trưởng Ban Dân vận Tỉnh ủy; "
               "đồng chí Mai Thị Thu, Phó Bí thư Thường trực Tỉnh ủy Nam Sơn."),
        "t3": ("2023-06-01", "Hội nghị ở thành phố Sơn Hà", "Dự hội nghị có đồng chí Tạ Minh Đức, Trưởng ban Dân vận Thành "
               "ủy Sơn Hà; đồng chí Lục Văn Thắng, Phó Bí thư Thường trực Thành ủy Sơn Hà."),
    }
    answerer = _answerer(tmp_path, texts)
    a = answerer.answer("Trong kho bài này có những ai được giới thiệu là Trưởng ban Dân vận của một tỉnh ủy hoặc "
                        "thành ủy?", mode="bm25")
    assert sorted(i.name for i in a.items) == ["Kiều Văn Hải", "Tạ Minh Đức"]
    b = answerer.answer("Có bao nhiêu người giữ chức Phó Bí thư Thường trực của một tỉnh ủy hoặc thành ủy?", mode="bm25")
    assert b.short == "2" and sorted(i.name for i in b.items) == ["Lục Văn Thắng", "Mai Thị Thu"]
    c = answerer.answer("Có bao nhiêu người giữ chức Trưởng ban Dân vận cấp tỉnh ủy/thành ủy được nêu tên?", mode="bm25")
    assert c.short == "2" and sorted(i.name for i in c.items) == ["Kiều Văn Hải", "Tạ Minh Đức"]  # "cấp" and "/"


def test_a_province_opening_the_question_is_not_a_title_taken_in_besides(tmp_path):
    """"Tỉnh Cà Lâm, những ai là …" folds as "Tính cả …": read with its marks, it is the province."""
    texts = {"h1": ("2023-01-02", "Hội nghị ở tỉnh Cà Lâm", "Dự hội nghị có ông Vi Văn Tào, Phó Chủ tịch UBND tỉnh Cà Lâm."),
             "h2": ("2023-02-02", "Hội nghị ở tỉnh Mộc Sa", "Dự hội nghị có ông Hà Văn Kéo, Phó Chủ tịch UBND tỉnh Mộc Sa.")}
    a = _answerer(tmp_path, texts).answer("Tỉnh Cà Lâm, những ai là Phó Chủ tịch UBND tỉnh?", mode="bm25")
    assert "Hà Văn Kéo" not in a.text


def test_holders_asked_as_what_the_articles_mention_are_the_holders_not_the_articles(answerer):
    a = answerer.answer("Các bài có nhắc tới những ai giữ chức Trưởng Ban Dân vận Thành ủy?", mode="bm25")
    assert [i.name for i in a.items] == ["Đào Minh Tâm"]


def test_reports_of_a_bodys_meetings_asked_cua_nganh_x_voi_y_read_past_the_title_and_dateline(tmp_path):
    """"… hội nghị hoặc buổi gặp mặt của ngành công an với …": held by the police, named in the lead, which is
    neither the title the text repeats nor a dateline's figures."""
    texts = {
        "u1": ("2017-03-15", "Phát huy vai trò người có uy tín ở Tây Giang",
               "Thứ tư, 00:00, 15/03/2017\nĐại đa số người có uy tín trong đồng bào dân tộc thiểu số đã gương mẫu thực "
               "hiện tốt các chủ trương, chính sách. Tại hội nghị gặp mặt, họ được ghi nhận là chỗ dựa của lực lượng "
               "công an ở cơ sở."),
        "u2": ("2020-02-03", "Gặp mặt người có uy tín ở Nam Sơn",
               "Ngày 3/2, Công an tỉnh Nam Sơn tổ chức buổi gặp mặt người có uy tín trong đồng bào dân tộc thiểu số."),
        "u3": ("2021-06-05", "Hội nghị người có uy tín ở Bắc Hà",
               "Ngày 5/6, Hội Nông dân tỉnh Bắc Hà tổ chức hội nghị gặp mặt người có uy tín trong đồng bào dân tộc "
               "thiểu số."),
    }
    a = _answerer(tmp_path, texts).answer("Bao nhiêu bài đưa tin về hội nghị hoặc buổi gặp mặt của ngành công an với "
                                          "người có uy tín trong đồng bào dân tộc thiểu số?", mode="bm25")
    assert a.short == "2" and sorted({c.doc_id for c in a.citations}) == ["u1", "u2"]


def test_a_programme_other_articles_name_is_one_row_with_them_under_it(tmp_path):
    texts = {
        "w1": ("2022-04-14", "Ký kết ở Hà Nội", "Ngày 14/4/2022, Bộ Nội vụ và Ban Dân vận Trung ương ký kết chương trình "
               "phối hợp giai đoạn 2022-2026."),
        "w2": ("2022-04-15", "Bộ Nội vụ và Ban Dân vận Trung ương ký kết", "Ngày 14/4/2022, Bộ Nội vụ và Ban Dân vận Trung "
               "ương ký kết chương trình phối hợp giai đoạn 2022-2026 tại Hà Nội."),
        "w3": ("2022-05-26", "Ký kết ở Nam Sơn", "Chiều 26/5, Ban Dân vận Tỉnh ủy và Công an tỉnh Nam Sơn ký kết chương "
               "trình phối hợp giai đoạn 2022-2026."),
    }
    a = _answerer(tmp_path, texts).answer("Những chương trình phối hợp giai đoạn 2022-2026 nào đã được ký kết?", mode="bm25")
    assert a.text.count("\n- ") == 2 and "\n  - cũng nêu trong bài" in a.text  # two rows, the second report under one
    assert {c.doc_id for c in a.citations} == {"w1", "w2", "w3"}


def test_holders_asked_of_the_archive_as_users_chat(answerer):
    """"… nào được nêu tên trong kho bài? kể tên giúp mình": the archive's holders, the request after it aside."""
    a = answerer.answer("truong ban dan van tinh uy, thanh uy nao duoc neu ten trong kho bai? ke ten giup minh",
                        mode="bm25")
    assert sorted(i.name for i in a.items) == ["Vi Thị Lan", "Đào Minh Tâm"]


def test_a_title_cut_short_before_or_takes_the_body_of_the_other(tmp_path):
    """"Chủ tịch hoặc Phó Chủ tịch UBND tỉnh": the Chủ tịch of the UBND tỉnh, not of any body."""
    texts = {
        "v1": ("2023-01-01", "Hội nghị ở tỉnh Tây Giang", "Dự hội nghị có đồng chí Hà Văn An, Chủ tịch UBND tỉnh Tây Giang; "
               "đồng chí Lò Thị Bích, Phó Chủ tịch UBND tỉnh."),
        "v2": ("2023-02-01", "Hội nghị ở xã Nam Sơn", "Dự hội nghị có đồng chí Vi Văn Cường, Chủ tịch Hội Nông dân tỉnh; "
               "đồng chí Mạc Văn Dũng, Chủ tịch UBND xã Nam Sơn."),
    }
    texts["v3"] = ("2023-03-01", "Hội nghị ở tỉnh Bắc Hà", "Dự có đồng chí Tạ Văn Khôi, Giám đốc Công an tỉnh Bắc Hà; đồng "
                   "chí Lục Thị Hằng, Phó Giám đốc Công an tỉnh Nam Sơn; đồng chí Đinh Văn Lực, Trưởng Ban Tuyên giáo "
                   "Tỉnh ủy; đồng chí Cao Thị Nga, Phó Trưởng Ban Dân vận Tỉnh ủy; đồng chí Mã Văn Tú, Trưởng Ban Dân vận "
                   "Tỉnh ủy.")
    answerer = _answerer(tmp_path, texts)
    a = answerer.answer("Những ai giữ chức Chủ tịch hoặc Phó Chủ tịch UBND tỉnh được nêu tên?", mode="bm25")
    assert sorted(i.name for i in a.items) == ["Hà Văn An", "Lò Thị Bích"]
    heads = answerer.answer("Những ai là Trưởng hoặc Phó Trưởng Ban Dân vận Tỉnh ủy được nêu tên?", mode="bm25")
    assert sorted(i.name for i in heads.items) == ["Cao Thị Nga", "Mã Văn Tú"]  # not the Ban Tuyên giáo's
    whole = answerer.answer("Những ai là Giám đốc Công an tỉnh hoặc Phó Giám đốc Công an tỉnh Nam Sơn?", mode="bm25")
    assert sorted(i.name for i in whole.items) == ["Lục Thị Hằng", "Tạ Văn Khôi"]  # a whole title is not narrowed


@pytest.mark.parametrize("question", ["Những lãnh đạo nào được giới thiệu là Thứ trưởng Bộ Nội vụ?",
                                      "Có bao nhiêu người được giới thiệu với chức danh Thứ trưởng Bộ Nội vụ?",
                                      "Những ai được nhắc với chức danh Thứ trưởng (Bộ Nội vụ)?",
                                      "Tính cả Thứ trưởng Thường trực, có mấy người được ghi là Thứ trưởng Bộ Nội vụ?"])
def test_holders_asked_of_leaders_introduced_with_a_title(answerer, question):
    a = answerer.answer(question, mode="bm25")
    assert sorted(i.name for i in a.items) == ["Phạm Quốc Dũng", "Trần Văn Bình"]


def test_the_leaders_of_a_body_asked_with_which(tmp_path):
    """"Cho mình hỏi những lãnh đạo Mặt trận Tổ quốc nào được nêu tên?": who heads it, "Chủ tịch Ủy ban
    (Trung ương) MTTQ" too; not its other members."""
    texts = {
        "m1": ("2023-10-17", "Hội nghị ở Trung ương", "Dự có đồng chí Vương Văn Hải, Chủ tịch Ủy ban Trung ương MTTQ Việt "
               "Nam; đồng chí Lý Thị Thu, Phó Chủ tịch Ủy ban Mặt trận Tổ quốc tỉnh Nam Sơn; đồng chí Đặng Văn Tâm, "
               "Ủy viên Ủy ban Mặt trận Tổ quốc tỉnh."),
    }
    answerer = _answerer(tmp_path, texts)
    for question in ("Cho mình hỏi những lãnh đạo Mặt trận Tổ quốc nào được nêu tên trong kho bài?",
                     "trong các bài có những lãnh đạo Ủy ban Mặt trận Tổ quốc (mọi cấp) nào được nêu tên?"):  # "Ủy ban" too
        a = answerer.answer(question, mode="bm25")
        assert sorted(i.name for i in a.items) == ["Lý Thị Thu", "Vương Văn Hải"], question
    one = answerer.answer("Lãnh đạo Mặt trận Tổ quốc nào dự hội nghị ở Trung ương?", mode="bm25")  # one event's
    assert "trong lãnh đạo" not in one.text


def test_a_head_word_alone_names_no_title(answerer):
    """"các trường hợp" folds to "cac truong hop": "trưởng" alone is no title whose holders are asked."""
    a = answerer.answer("Liệt kê các trường hợp được khen thưởng được nêu trong các bài.", mode="bm25")
    assert "giữ chức danh" not in a.text


def test_holders_asked_past_a_person_set_aside_or_all_of_them_are_every_other_holder(answerer):
    """"Ngoài đồng chí X ra, còn những ai …": X is set aside, not the question's subject; "ai là <title> …, kể hết"
    asks every holder, not one event's."""
    others = answerer.answer("Ngoài đồng chí Trần Văn Bình ra, còn những ai được giới thiệu là Thứ trưởng Bộ Nội vụ?",
                             mode="bm25")
    assert [i.name for i in others.items] == ["Phạm Quốc Dũng"]
    every = answerer.answer("ai là thứ trưởng bộ nội vụ trong mấy bài đó z, kể hết giúp mình nha", mode="bm25")
    assert sorted(i.name for i in every.items) == ["Phạm Quốc Dũng", "Trần Văn Bình"]
    for asked in ("ai là thứ trưởng bộ nội vụ năm 2022, kể hết",  # that year's or place's, not all
                  "ai là thứ trưởng bộ nội vụ ở tỉnh Đông Lâm, kể hết",
                  "Ngoài đồng chí Trần Văn Bình ra, còn những ai là Thứ trưởng Bộ Nội vụ năm 2022?"):
        narrowed = answerer.answer(asked, mode="bm25")
        assert narrowed.abstained or [i.name for i in narrowed.items] == ["Phạm Quốc Dũng"], asked
    # a person set aside from their own events ("…, không tính hội nghị ông X chủ trì") is still the subject
    own = answerer.answer("Ông Trần Văn Bình đã dự những hội nghị nào, không tính hội nghị ông Trần Văn Bình chủ trì?",
                          mode="bm25")
    assert not own.abstained and {c.doc_id for c in own.citations} <= {"a1", "a2"}


def test_a_person_named_in_the_lead_and_asked_of_by_a_pronoun_is_asked_of_by_name(answerer):
    a = answerer.answer("Em đang tổng hợp lịch công tác của đồng chí Trần Văn Bình: theo các bài, đồng chí ấy đã dự "
                        "những hội nghị nào?", mode="bm25")
    assert {c.doc_id for c in a.citations} == {"a1", "a2"}


def test_which_articles_then_how_many_in_a_sentence_after_is_their_count(answerer):
    """"Bài nào …? Có mấy bài như vậy?": the rows, and their number as the short answer."""
    a = answerer.answer("Bài nào nhắc đến Ban Dân vận Tỉnh ủy Bắc Hà? Có mấy bài như vậy?", mode="bm25")
    assert a.short == "3" and {c.doc_id for c in a.citations} == {"a1", "a4", "a5"}
    other = answerer.answer("Bài nào nhắc đến Ban Dân vận Tỉnh ủy Bắc Hà? Có mấy đội?", mode="bm25")
    assert not (other.short or "").isdigit()  # teams asked, not the articles counted


def test_two_whole_titles_joined_by_or_list_the_holders_of_both(answerer):
    a = answerer.answer("Những ai được nêu là Trưởng Ban Dân vận Thành ủy hoặc Thứ trưởng Bộ Nội vụ trong các bài?",
                        mode="bm25")
    assert sorted({i.name for i in a.items}) == ["Phạm Quốc Dũng", "Trần Văn Bình", "Đào Minh Tâm"]


@pytest.mark.parametrize("question", ["co bao nhieu nguoi giu chuc thu truong bo noi vu duoc nhac ten",
                                      "Có bao nhiêu người được nêu là Thứ trưởng Bộ Nội vụ?"])
def test_people_named_or_said_to_hold_a_title_are_counted_across_the_archive(answerer, question):
    assert answerer.answer(question, mode="bm25").short == "2"


def test_a_title_is_held_however_the_role_writes_it(answerer):
    """"Phó Trưởng Ban Thường trực Ban Tuyên giáo TW" is a Phó Trưởng Ban Tuyên giáo Trung ương."""
    a = answerer.answer("Các bài viết nêu tên bao nhiêu Phó Trưởng Ban Tuyên giáo Trung ương?", mode="bm25")
    assert a.short == "2" and sorted(i.name for i in a.items) == ["Hà Văn Sơn", "Đỗ Minh Quang"]
    vice = answerer.answer("Những ai là Phó Chủ tịch UBND tỉnh được nêu tên trong các bài?", mode="bm25")
    assert [i.name for i in vice.items] == ["Lý Thị Mai"]


def test_articles_are_counted_by_the_words_of_their_topic_each_citing_its_sentence(answerer):
    a = answerer.answer("Có bao nhiêu bài viết nhắc đến Chương trình phối hợp công tác dân vận giai đoạn 2021-2026?",
                        mode="bm25")
    assert a.short == "2" and sorted(c.doc_id for c in a.citations) == ["a4", "a5"]
    direct = answerer.answer("bao nhieu bai viet nhac truc tiep den chuong trinh phoi hop giai doan 2021-2026", mode="bm25")
    assert direct.short == "2" and sorted(c.doc_id for c in direct.citations) == ["a4", "a5"]
    by_name = answerer.answer("co bao nhieu bai nhac dich danh 'chuong trinh phoi hop giai doan 2021-2026'?", mode="bm25")
    assert by_name.short == "2" and sorted(c.doc_id for c in by_name.citations) == ["a4", "a5"]
    told = answerer.answer("Chương trình phối hợp giai đoạn 2021-2026 được nhắc đích danh trong mấy bài?", mode="bm25")
    assert told.short == "2" and sorted(c.doc_id for c in told.citations) == ["a4", "a5"]
    for which in ("bai nao nhac den chuong trinh phoi hop giai doan 2021-2026",  # no plural, as users type
                  "Những bài nào có nhắc tới chương trình phối hợp giai đoạn 2021-2026?"):
        assert sorted(c.doc_id for c in answerer.answer(which, mode="bm25").citations) == ["a4", "a5"]
    for c in a.citations:  # each row quotes the sentence naming the topic, as published
        assert "2021-2026" in c.quote and c.quote == answerer.store.data.documents[c.doc_id].published[c.start:c.end]
    none = answerer.answer("Có bao nhiêu bài viết nhắc đến chương trình phối hợp giai đoạn 2030-2035?", mode="bm25")
    assert none.short != "0" and "2030-2035" not in " ".join(c.quote for c in none.citations)


def test_programme_parties_named_by_abbreviation_or_as_a_force(answerer):
    a = answerer.answer("Những chương trình phối hợp nào giữa BDV Tỉnh ủy và lực lượng công an được nhắc đến?",
                        mode="bm25")
    assert a.items and all("Ban Dân vận Tỉnh ủy" in c.quote for c in a.citations)


def test_an_abbreviated_topic_finds_the_articles_that_write_it_out(answerer):
    a = answerer.answer("Có bao nhiêu bài viết nhắc đến BDV Tỉnh ủy Bắc Hà?", mode="bm25")
    assert a.short == "2" and sorted(c.doc_id for c in a.citations) == ["a4", "a5"]


def test_events_reported_are_listed_by_article_typed_without_diacritics(answerer):
    a = answerer.answer("nhung hoi nghi so ket nao duoc dua tin", mode="bm25")
    assert sorted(c.doc_id for c in a.citations) == ["a1", "a5"] and "hội nghị sơ kết" in a.text


@pytest.mark.parametrize("question", ["Các bài báo nhắc tới những cuộc sơ kết cụ thể nào (hội nghị hoặc báo cáo)?",
                                      "cac bai viet dua tin nhung hoi nghi so ket nao",
                                      "Có những hội nghị sơ kết nào (ở tỉnh hay ở huyện) được đưa tin?",
                                      "Theo các tin, có những hội nghị sơ kết nào?"])
def test_events_the_articles_report_asked_the_other_way_round(answerer, question):
    a = answerer.answer(question, mode="bm25")
    assert sorted(c.doc_id for c in a.citations) == ["a1", "a5"] and "2 bài viết" in a.text


def test_warming_reads_the_archive_wide_tables_before_any_question(tmp_path):
    from danvan_qa.qa import roles

    store, _ = fake_store(tmp_path, {"a1.txt": f'---\nid: a1\ntitle: "{ARTICLES["a1"][1]}"\ndate: 2021-03-02\n---\n'
                                               f'{ARTICLES["a1"][2]}\n'})
    assert store not in roles._roles
    gc.unfreeze()
    roles.warm(store)
    assert "thu truong bo noi vu" in roles._roles[store].text
    assert gc.get_freeze_count() > 0  # set aside from the collector's full scans
    gc.unfreeze()


def test_a_store_replaced_by_a_newer_generation_is_collectable_again(tmp_path):
    """warm() freezes what it read; open_store, finding a newer generation, unfreezes it all."""
    from danvan_qa.index.indexer import build_index
    from danvan_qa.qa import roles
    from danvan_qa.qa.retrieval import open_store
    from fakes import FakeEmbedder

    texts = {"a1.txt": f'---\nid: a1\ntitle: "{ARTICLES["a1"][1]}"\n---\n{ARTICLES["a1"][2]}\n'}
    _, settings = fake_store(tmp_path, texts)
    first = open_store(settings.store, settings)
    roles.warm(first)
    assert gc.get_freeze_count() > 0
    (tmp_path / "corpus" / "a2.txt").write_text(f'---\nid: a2\ntitle: "{ARTICLES["a2"][1]}"\n---\n{ARTICLES["a2"][2]}\n',
                                              encoding="utf-8")
    build_index(settings=settings, embedder=FakeEmbedder())
    assert open_store(settings.store, settings) is not first and gc.get_freeze_count() == 0


def test_events_of_a_kind_are_counted_with_no_topic(tmp_path):
    """"Có mấy cuộc thi hay hội thi được đưa tin?": the articles reporting one (in their title or lead),
    a "hội thi" reported as a "cuộc thi" too; not an article naming one in passing."""
    texts = {
        "k1": ("2023-11-24", "Hội thi Dân vận khéo ở quận 21", "Ngày 24/11, quận 21 tổ chức hội thi dân vận khéo với "
               "12 đội dự thi."),
        "k2": ("2020-08-18", "Trao giải cuộc thi tìm hiểu truyền thống ở tỉnh Nam Sơn", "Ngày 18/8, Công an tỉnh Nam Sơn "
               "trao giải cuộc thi viết tìm hiểu truyền thống."),
        "k3": ("2021-05-05", "Hội nghị sơ kết ở tỉnh Đông Lâm", "Ngày 5/5, hội nghị sơ kết công tác dân vận 6 tháng "
               "đầu năm đã diễn ra tại tỉnh Đông Lâm với nhiều đại biểu. Hội nghị đánh giá kết quả công tác dân vận của "
               "các cấp, các ngành trong tỉnh. Các đại biểu thảo luận nhiều ý kiến. Năm tới tỉnh sẽ tổ chức các hội "
               "thi, cuộc thi."),
    }
    answerer = _answerer(tmp_path, texts)
    a = answerer.answer("Có mấy cuộc thi hay hội thi được đưa tin trong các bài?", mode="bm25")
    assert a.short == "2" and sorted(c.doc_id for c in a.citations) == ["k1", "k2"]
    assert sorted(c.doc_id for c in answerer.answer("co bao nhieu hoi thi duoc dua tin", mode="bm25").citations) == \
        ["k1", "k2"]
    which = answerer.answer("Các bài có nói tới những hội thi hay cuộc thi nào?", mode="bm25")  # listed, not counted
    assert sorted(c.doc_id for c in which.citations) == ["k1", "k2"]

    # a kind written in three words ("đoàn kiểm tra"): its title or lead says it too
    teams = {**texts, "k4": ("2023-09-05", "Kiểm tra công tác dân vận ở tỉnh Nam Sơn", "Chiều 5/9, đoàn kiểm tra của Ban "
                              "Dân vận Trung ương làm việc với Công an tỉnh Nam Sơn về công tác dân vận năm 2023.")}
    checked = _answerer(tmp_path / "teams", teams).answer("Có mấy đoàn kiểm tra được đưa tin?", mode="bm25")
    assert checked.short == "1" and [c.doc_id for c in checked.citations] == ["k4"]


def test_a_count_past_the_chunks_looked_at_says_at_least(answerer, monkeypatch):
    from danvan_qa.qa import article_lists

    question = "Có bao nhiêu bài viết nhắc đến Chương trình phối hợp công tác dân vận giai đoạn 2021-2026?"
    assert not answerer.answer(question, mode="bm25").text.startswith("Ít nhất")
    monkeypatch.setattr(article_lists, "CANDIDATE_CHUNKS", 1)  # the best chunk's article holds it: there may be more
    assert answerer.answer(question, mode="bm25").text.startswith("Ít nhất 1 bài viết")


def test_programmes_a_party_joined_one_named_by_its_number_too(tmp_path):
    """"… có Bộ đội Biên phòng tham gia": any border-guard party, "BCH Biên phòng" too."""
    texts = {
        "b1": ("2018-03-01", "Sơ kết công tác dân vận ở tỉnh Tây Giang",
               "Căn cứ vào Chương trình số 02-CTr/BDVTU-BCHBPT, ngày 15/12/2017 về phối hợp công tác dân vận giữa "
               "Ban Dân vận Tỉnh ủy và BCH Biên phòng tỉnh năm 2018, hai đơn vị đã triển khai nhiều mô hình."),
        "b2": ("2023-11-04", "Ký kết chương trình phối hợp ở tỉnh Nam Sơn",
               "Chiều ngày 3/11, Ban Dân vận Tỉnh ủy và Bộ Chỉ huy Bộ đội Biên phòng tỉnh tổ chức hội nghị ký kết "
               "chương trình phối hợp công tác giai đoạn 2023 - 2026."),
        "b3": ("2022-05-26", "Ký kết chương trình phối hợp ở tỉnh Đông Lâm",
               "Chiều ngày 26/5, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết chương trình phối hợp thực hiện công tác "
               "dân vận giai đoạn 2022-2026."),
    }
    a = _answerer(tmp_path, texts).answer(
        "co bao nhieu chuong trinh phoi hop co bo doi bien phong tham gia", mode="bm25")
    assert a.short == "2" and sorted(c.doc_id for c in a.citations) == ["b1", "b2"]
    assert "số 02-CTr/BDVTU-BCHBPT" in a.text and a.text.count("02-CTr/BDVTU-BCHBPT") == 1  # not again in details


def test_documents_of_a_kind_and_year_one_row_per_article(tmp_path):
    """"Những văn bản … năm 2013": documents named by number with their dates; "kế hoạch" also
    plans an article reports signed; the same number written twice in an article is one."""
    texts = {
        "d1": ("2018-06-12", "Sơ kết Nghị quyết ở tỉnh Tây Giang",
               "Hội nghị sơ kết Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương. Nghị quyết "
               "25-NQ/TW đã đi vào cuộc sống. Tỉnh cũng ban hành Chỉ thị số 05-CT/TU ngày 10/2/2016."),
        "d2": ("2022-05-26", "Ký kết ở tỉnh Nam Sơn",
               "Chiều 26/5, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết chương trình phối hợp, kế hoạch phối hợp "
               "công tác năm 2022. Hai bên quán triệt Kế hoạch số 12-KH/BCĐ ngày 02/3/2013."),
    }
    answerer = _answerer(tmp_path, texts)
    in_2013 = answerer.answer("Những văn bản nào được ban hành trong năm 2013?", mode="bm25")
    assert sorted(i.name for i in in_2013.items) == ["Kế hoạch số 12-KH/BCĐ", "Nghị quyết số 25-NQ/TW"]
    assert "ngày 03/6/2013" in in_2013.text  # the mention that dates it is the one cited
    plans = answerer.answer("Những kế hoạch phối hợp nào được ký kết theo các bài viết?", mode="bm25")
    assert sorted(i.name for i in plans.items) == ["Kế hoạch số 12-KH/BCĐ", "kế hoạch phối hợp công tác năm 2022"]
    count = answerer.answer("co bao nhieu nghi quyet duoc nhac den trong cac bai viet", mode="bm25")
    assert count.short == "1" and [c.doc_id for c in count.citations] == ["d1"]
    few = answerer.answer("Các bài nhắc tới mấy kế hoạch có ghi số?", mode="bm25")  # "mấy" counts; "ghi số": numbered
    assert few.short == "1" and [i.name for i in few.items] == ["Kế hoạch số 12-KH/BCĐ"]
    figures = answerer.answer("Các bài nhắc tới mấy kế hoạch kèm số liệu?", mode="bm25")  # figures, not a number
    assert figures.short == "2"
    # several kinds listed are all asked for; "kèm số hiệu" leaves out a plan named only by its words
    several = answerer.answer("Những chỉ thị, kế hoạch nào được nêu kèm số hiệu trong các bài?", mode="bm25")
    assert sorted(i.name for i in several.items) == ["Chỉ thị số 05-CT/TU", "Kế hoạch số 12-KH/BCĐ"]
    # documents "được trích dẫn" are the archive's, typed without diacritics too
    cited = answerer.answer("nhung nghi quyet, chi thi nao duoc trich dan kem so hieu?", mode="bm25")
    assert sorted(i.name for i in cited.items) == ["Chỉ thị số 05-CT/TU", "Nghị quyết số 25-NQ/TW"]
    # asked as a request, with the kinds in an aside; "các chỉ thị … là chỉ thị nào", a long way to "nào"
    asked = answerer.answer("Giúp tôi liệt kê các văn bản (nghị quyết, kế hoạch) được ghi rõ ngày ban hành trong năm 2013.",
                            mode="bm25")
    assert sorted(i.name for i in asked.items) == ["Kế hoạch số 12-KH/BCĐ", "Nghị quyết số 25-NQ/TW"]
    far = answerer.answer("cac chi thi co so hieu cu the duoc nhac toi la chi thi nao", mode="bm25")
    assert [i.name for i in far.items] == ["Chỉ thị số 05-CT/TU"]


def test_documents_named_by_a_number_alone_are_documents_too(tmp_path):
    """"Chỉ thị số 13", "Nghị quyết 152 của …": shortened as articles write them; a plan of five years is no number."""
    texts = {
        "n1": ("2019-05-02", "Thực hiện Chỉ thị số 13 ở tỉnh Tây Giang",
               "Thực hiện Chỉ thị số 13, Công an tỉnh coi công tác dân vận là nhiệm vụ thường xuyên. Tỉnh xây dựng kế "
               "hoạch 5 năm."),
        "n2": ("2020-08-09", "Tổng kết ở tỉnh Nam Sơn", "Trọng tâm là Nghị quyết 152 của Đảng ủy Quân sự Trung ương, "
               "Nghị quyết 165 của Đảng ủy Quân khu. Tỉnh quán triệt Nghị quyết 25-NQ/TW; Nghị quyết số 25 đi vào "
               "cuộc sống."),  # the same resolution by its code and by its number: one
    }
    answerer = _answerer(tmp_path, texts)
    found = answerer.answer("co bao nhieu chi thi, nghi quyet duoc nhac den trong cac bai", mode="bm25")  # each kind
    assert sorted(i.name for i in found.items) == ["Chỉ thị số 13", "Nghị quyết 152", "Nghị quyết 165",
                                                   "Nghị quyết 25-NQ/TW"]
    assert found.short == "4"
    # by their issuers, said after them or spelt by a code; a number alone has a number ("số hiệu") too
    issued = answerer.answer("Có bao nhiêu nghị quyết của Đảng ủy Quân sự Trung ương hoặc Đảng ủy Quân khu được nêu "
                             "số hiệu trong các bài?", mode="bm25")
    assert sorted(i.name for i in issued.items) == ["Nghị quyết 152", "Nghị quyết 165"] and issued.short == "2"


def test_a_document_s_code_spells_its_issuer():
    from danvan_qa.qa.document_lists import _issued_by, mentions

    sentence = "Tổng kết Nghị quyết số 152-NQ/ĐUQSTW và Nghị quyết 25-NQ/TW."
    coded, other = mentions(sentence, 0, len(sentence))
    assert _issued_by(coded, [["dang", "uy", "quan", "su", "trung", "uong"]])  # Đ-U-Q-S and "Trung ương" as TW
    assert _issued_by(coded, [["dang", "uy", "quan", "su", "tw"]])  # asked as "TW" too
    assert not _issued_by(other, [["dang", "uy", "quan", "su", "trung", "uong"]])
    said = "Nghị quyết số 12 của Ban Thường vụ Huyện ủy được triển khai, Nghị quyết 7 của Chính phủ về công tác Công an."
    county, government = mentions(said, 0, len(said))
    assert county.issuer == "ban thuong vu huyen uy" and government.issuer == "chinh phu"  # up to the predicate
    assert not _issued_by(county, [["ban", "thuong", "vu", "tinh", "uy"]])  # a province's board is no county's
    assert not _issued_by(government, [["cong", "an"]])  # a word after the body is none of it


@pytest.mark.parametrize("sentence, named", [
    ("Thực hiện Chỉ thị số 13, tỉnh coi dân vận là nhiệm vụ thường xuyên.", ["Chỉ thị số 13"]),
    ("Trọng tâm là Nghị quyết 152 của Đảng ủy Quân khu.", ["Nghị quyết 152"]),
    ("Tỉnh xây dựng kế hoạch 5 năm và rà soát kế hoạch 2 lần.", []),  # a span of time, a count
    ("Kế hoạch 2024 của tỉnh được triển khai.", []),  # the year's plan, no number
    ("Quyết định 3 nội dung trọng tâm.", []),
    ("theo chỉ thị 13 của tỉnh", []),  # neither "số" nor a capitalised kind
])
def test_a_number_alone_names_a_document_only_where_it_can(sentence, named):
    from danvan_qa.qa.document_lists import mentions

    assert [m.name for m in mentions(sentence, 0, len(sentence))] == named


def test_a_bodys_partners_once_each_from_the_programmes_it_signed(tmp_path):
    """"X đã ký chương trình phối hợp với những cơ quan nào": the other parties, an abbreviation
    and its words one partner; a place that folds like the body's words ("Bố Trạch") is not it."""
    texts = {
        "p1": ("2016-06-16", "Ký kết chương trình phối hợp", "Ngày 15/6/2016, Bộ Công an và Ban Dân vận Trung ương ký "
               "kết Chương trình phối hợp công tác dân vận giai đoạn 2016-2021."),
        "p2": ("2022-04-14", "Ký kết chương trình giai đoạn mới", "Ngày 14/4/2022, Bộ Công an và Ban Dân vận TW ký kết "
               "chương trình phối hợp giai đoạn 2022-2026."),
        "p3": ("2021-11-08", "Ký kết ở huyện Bố Trạch", "Sáng 8/11, Công an huyện Bố Trạch và Hội Nông dân huyện ký "
               "kết chương trình phối hợp công tác giai đoạn 2021 – 2026."),
    }
    answerer = _answerer(tmp_path, texts)
    for question in ("bo cong an da ky chuong trinh phoi hop voi nhung co quan nao",
                     "Những đơn vị nào đã ký chương trình phối hợp với Bộ Công an về công tác dân vận?"):
        a = answerer.answer(question, mode="bm25")
        assert a.short.startswith("Ban Dân vận") and sorted(c.doc_id for c in a.citations) == ["p1", "p2"]
        assert "1 cơ quan, đơn vị đã ký với **Bộ Công an**" in a.text
    # "có chương trình … với những cơ quan cấp Trung ương nào": of that level only
    central = answerer.answer("Công an huyện Bố Trạch trực tiếp có chương trình phối hợp với những cơ quan, tổ chức "
                              "cấp Trung ương nào?", mode="bm25")
    assert not central.items
    local = answerer.answer("Công an huyện Bố Trạch có chương trình phối hợp với những cơ quan, tổ chức cấp huyện nào?",
                            mode="bm25")
    assert local.short == "Hội Nông dân huyện" and [c.doc_id for c in local.citations] == ["p3"]
    # its programmes, named word for word: not those of "Công an huyện Bố Trạch"
    for question in ("Bộ Công an đã ký những chương trình phối hợp nào?",
                     "Bộ Công an đã ký kết, triển khai những chương trình phối hợp nào?"):
        own = answerer.answer(question, mode="bm25")
        assert own.short != "1" and sorted(c.doc_id for c in own.citations) == ["p1", "p2"]
        assert "2 chương trình" in own.text


def test_which_police_bodies_signed_with_a_partner_keeps_to_the_side_asked(tmp_path):
    texts = {
        "m1": ("2024-03-05", "Ký kết ở tỉnh Tây Giang", "Ngày 5/3, Công an tỉnh Tây Giang, Hội Nông dân tỉnh và Ủy ban "
               "MTTQ Việt Nam tỉnh ký kết chương trình phối hợp giai đoạn 2024-2029."),
        "m2": ("2023-10-17", "Ký kết ở Trung ương", "Ngày 17/10, Bộ Công an và Ủy ban Trung ương MTTQ Việt Nam ký kết "
               "chương trình phối hợp giai đoạn 2023-2033."),
        "m3": ("2022-05-06", "Ký kết ở tỉnh Nam Sơn", "Ngày 6/5, Hội Nông dân tỉnh Nam Sơn và Ủy ban MTTQ Việt Nam tỉnh "
               "ký kết chương trình phối hợp giai đoạn 2022-2027."),
    }
    a = _answerer(tmp_path, texts).answer(
        "co quan cong an nao la mot ben ky chuong trinh phoi hop voi mat tran to quoc (MTTQ)?", mode="bm25")
    assert sorted(i.name for i in a.items) == ["Bộ Công an", "Công an tỉnh Tây Giang"]  # not the farmers' union
    assert sorted(c.doc_id for c in a.citations) == ["m1", "m2"]


def test_which_provinces_signed_with_a_partner_names_each_rows_province(tmp_path):
    """"Ban Dân vận những tỉnh nào đã ký … với X (hoặc Y)?": the other side's programmes with X or Y,
    each row with its article's place (the article writes "Ban Dân vận Tỉnh ủy", not the province);
    another body that signed with X is not of the side asked."""
    texts = {
        "b1": ("Tây Giang", "Ngày 3/11, Ban Dân vận Tỉnh ủy và Bộ Chỉ huy Quân sự tỉnh ký kết chương trình phối hợp "
                            "công tác dân vận giai đoạn 2023 - 2026."),
        "b2": ("Nam Sơn", "Ngày 5/4, Ban Dân vận Tỉnh ủy và Bộ Chỉ huy Bộ đội Biên phòng tỉnh ký kết chương trình phối "
                          "hợp công tác giai đoạn 2021 - 2026."),
        "b3": ("Đông Lâm", "Ngày 9/8, Hội Nông dân tỉnh và Bộ Chỉ huy Quân sự tỉnh ký kết chương trình phối hợp giai "
                           "đoạn 2022 - 2027."),
        "b4": ("Bắc Hà", "Ngày 2/3, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết chương trình phối hợp giai đoạn 2021 - 2026."),
    }
    answerer = _placed_answerer(tmp_path, texts)
    for question in ("Ban Dân vận những tỉnh nào đã ký kết chương trình phối hợp với Bộ Chỉ huy Quân sự hoặc Bộ đội "
                     "Biên phòng?",
                     "ban dan van cap tinh o dau da ky ket chuong trinh phoi hop voi bo chi huy quan su hay bo doi bien phong"):
        a = answerer.answer(question, mode="bm25")
        assert sorted(c.doc_id for c in a.citations) == ["b1", "b2"]
        assert "**Ban Dân vận Tỉnh ủy** (Tây Giang)" in a.text and "**Ban Dân vận Tỉnh ủy** (Nam Sơn)" in a.text
    # the side named before "nào", and each province's board counted as one of its own
    for question in ("Ban Dân vận nào có chương trình phối hợp với Bộ Chỉ huy Quân sự hoặc Bộ đội Biên phòng?",
                     "nhung ban dan van nao ky chuong trinh phoi hop voi bo chi huy quan su hay bo doi bien phong"):
        a = answerer.answer(question, mode="bm25")
        assert sorted(c.doc_id for c in a.citations) == ["b1", "b2"] and "2 cơ quan" in a.text
    # programmes by period and parties, asked with ten words between "chương trình" and "giữa"
    own = answerer.answer("Những chương trình phối hợp công tác dân vận giai đoạn 2021 - 2026 giữa ban dân vận và công an "
                          "là của những cơ quan nào?", mode="bm25")
    assert [c.doc_id for c in own.citations] == ["b4"] and "Công an tỉnh (Bắc Hà)" in own.text


def test_a_programme_many_articles_name_cites_a_few_and_counts_the_rest(tmp_path):
    texts = {f"m{i}": (f"2023-0{i + 1}-10", f"Sơ kết lần {i}", "Hai đơn vị tiếp tục thực hiện Chương trình phối hợp số "
                       "17-CTr/BDV-CA ngày 02/3/2021 giữa Ban Dân vận Tỉnh ủy và Công an tỉnh Tây Giang.")
             for i in range(6)}
    a = _answerer(tmp_path, texts).answer(
        "Những chương trình phối hợp nào được nêu đầy đủ số hiệu trong các bài viết?", mode="bm25")
    assert len(a.items) == 1 and len(a.citations) == 4  # the programme and three more of its articles
    assert "và 2 bài khác" in a.text


def test_leaders_of_a_body_at_the_events_of_a_topic(tmp_path):
    """"Lãnh đạo Bộ Nội vụ nào dự các hội nghị về người có uy tín?": people whose role names the
    body, in the articles holding the topic, a row per article."""
    texts = {
        "u1": ("2019-03-14", "Phát huy vai trò người có uy tín ở tỉnh Tây Giang",
               "Ngày 14/3, hội nghị về vai trò người có uy tín trong đồng bào dân tộc thiểu số. Dự hội nghị có đồng chí "
               "Lò Văn Khiêm, Thứ trưởng Bộ Nội vụ; đồng chí Hà Thị Mơ, Phó Chủ tịch UBND tỉnh."),
        "u2": ("2020-10-01", "Gặp mặt người có uy tín ở tỉnh Nam Sơn",
               "Ngày 1/10, hội nghị gặp mặt người có uy tín trong đồng bào dân tộc thiểu số. Phát biểu tại hội nghị, "
               "đồng chí Vi Văn Thắm, Cục trưởng Cục Dân tộc Bộ Nội vụ đánh giá cao vai trò của họ."),
        "u3": ("2021-05-05", "Hội nghị sơ kết ở tỉnh Đông Lâm",
               "Ngày 5/5, hội nghị sơ kết công tác dân vận. Dự hội nghị có đồng chí Mạc Văn Sơn, Thứ trưởng Bộ Nội vụ."),
        "u4": ("2022-02-02", "Tổng kết công tác năm ở tỉnh Bắc Hà",
               "Báo chí đưa tin hội nghị tổng kết ngày 2/2. Dự hội nghị có đồng chí Tạ Văn Lâm, Chánh Văn phòng Bộ Nội vụ."),
    }
    answerer = _answerer(tmp_path, texts)
    a = answerer.answer("lanh dao bo noi vu nao du cac hoi nghi ve nguoi co uy tin trong dong bao dan toc thieu so",
                        mode="bm25")
    assert sorted(i.name for i in a.items) == ["Lò Văn Khiêm", "Vi Văn Thắm"]  # not u3's: another topic
    assert "2 người của **Bộ Nội vụ**" in a.text
    events_first = answerer.answer("Ở các hội nghị về người có uy tín trong đồng bào dân tộc thiểu số, lãnh đạo cấp Bộ Nội "
                                   "vụ nào được nêu tên?", mode="bm25")
    assert sorted(i.name for i in events_first.items) == ["Lò Văn Khiêm", "Vi Văn Thắm"]
    reported = answerer.answer("Lãnh đạo Bộ Nội vụ nào có mặt trong các hội nghị được đưa tin?", mode="bm25")
    assert sorted(i.name for i in reported.items) == ["Lò Văn Khiêm", "Mạc Văn Sơn", "Tạ Văn Lâm", "Vi Văn Thắm"]
    # ^ "được đưa tin" is no topic: not only u4's, the article whose words say "đưa tin"


def test_the_leaders_of_a_general_department_head_it_as_chu_nhiem_however_it_is_spelled(tmp_path):
    """A general department is headed by its "Chủ nhiệm" (and "Phó Chủ nhiệm"), written "QĐND" in one article and
    "quân đội nhân dân" in lower case, with no comma after the name, in another; its other members are no leaders."""
    texts = {
        "g1": ("2023-09-05", "Kiểm tra công tác dân vận ở tỉnh Nam Sơn",
               "Chiều 5/9, đoàn công tác do Trung tướng Lâm Văn Đạo - Phó Chủ nhiệm Tổng cục Chính trị QĐND Việt Nam làm "
               "trưởng đoàn kiểm tra công tác dân vận."),
        "g2": ("2016-03-10", "Tăng cường phối hợp tuyên truyền",
               "Tới dự hội nghị có đại tướng Phùng Văn Toàn bí thư trung ương Đảng, chủ nhiệm Tổng cục chính trị quân đội "
               "nhân dân Việt Nam. Dự còn có Đại tá Mẫn Văn Hòa, Cục trưởng Cục Tuyên huấn, Tổng cục Chính trị QĐND."),
    }
    answerer = _answerer(tmp_path, texts)
    for question in ("lanh dao tong cuc chinh tri QDND nao xuat hien trong cac bai?",
                     "Những lãnh đạo Tổng cục Chính trị quân đội nhân dân nào được nêu tên trong kho bài?"):
        a = answerer.answer(question, mode="bm25")
        assert sorted(i.name for i in a.items) == ["Lâm Văn Đạo", "Phùng Văn Toàn"], question


def test_articles_devoted_to_a_topic_name_it_in_their_title(tmp_path):
    """"bài viết chuyên về X": X is what the article is about, so its title names it; an article
    that only mentions X is counted by "nhắc đến", not by "chuyên về"."""
    texts = {
        "t1": ("2017-03-15", "Phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số",
               "Ngày 14/3, Công an tỉnh Nam Sơn gặp mặt người có uy tín trong đồng bào dân tộc thiểu số."),
        "t2": ("2020-10-01", "Gặp mặt người có uy tín trong đồng bào dân tộc thiểu số ở huyện Đông Lâm",
               "Ngày 1/10, Công an huyện Đông Lâm gặp mặt 80 người có uy tín trong đồng bào dân tộc thiểu số."),
        "t3": ("2022-05-26", "Ký kết chương trình phối hợp công tác dân vận ở tỉnh Bắc Hà",
               "Ngày 26/5, Ban Dân vận Tỉnh ủy và Công an tỉnh Bắc Hà ký kết chương trình phối hợp. Hai bên phát huy "
               "vai trò người có uy tín trong đồng bào dân tộc thiểu số."),
    }
    answerer = _answerer(tmp_path, texts)
    named = answerer.answer("Có bao nhiêu bài viết nhắc đến người có uy tín trong đồng bào dân tộc thiểu số?",
                            mode="bm25")
    assert named.short == "3"
    devoted = answerer.answer("Có bao nhiêu bài viết chuyên về người có uy tín trong đồng bào dân tộc thiểu số?",
                              mode="bm25")
    assert devoted.short == "2" and sorted(c.doc_id for c in devoted.citations) == ["t1", "t2"]
    titled = answerer.answer("Có bao nhiêu bài viết mà tiêu đề nói về người có uy tín trong đồng bào dân tộc thiểu số?",
                             mode="bm25")  # its title says what the article is about
    assert titled.short == "2" and sorted(c.doc_id for c in titled.citations) == ["t1", "t2"]


def test_who_did_an_act_at_any_event_one_row_per_article(tmp_path):
    """"Ai chủ trì các hội nghị, buổi làm việc được đưa tin?": every chair (co-chairs too) of
    every article, each row citing its sentence; those who only attended are not listed."""
    texts = {
        "c1": ("2022-04-14", "Ký kết chương trình phối hợp", "Ngày 14/4/2022, tại Hà Nội, Bộ Nội vụ và Ban Dân vận "
               "Trung ương ký kết chương trình phối hợp. Đồng chí Trần Văn Bình, Bộ trưởng Bộ Nội vụ và đồng chí Lê "
               "Thị Hoa, Trưởng Ban Dân vận Trung ương đồng chủ trì hội nghị."),
        "c2": ("2023-06-26", "Tổng kết chương trình phối hợp ở tỉnh Nam Sơn", "Ngày 26/6, Công an tỉnh Nam Sơn tổ chức "
               "hội nghị tổng kết. Đại tá Phạm Quốc Dũng, Giám đốc Công an tỉnh chủ trì hội nghị. Dự hội nghị có "
               "đồng chí Vi Thị Lan, Phó Chủ tịch UBND tỉnh."),
    }
    answerer = _answerer(tmp_path, texts)
    a = answerer.answer("Ai chủ trì các hội nghị, buổi làm việc được đưa tin?", mode="bm25")
    assert sorted(i.name for i in a.items) == ["Lê Thị Hoa", "Phạm Quốc Dũng", "Trần Văn Bình"]
    assert [c.doc_id for c in a.citations] == ["c2", "c1"]  # newest first
    assert "3 người" in a.text
    # of a level: the posts held there ("Bộ trưởng Bộ …", "… Trung ương"; "… Công an tỉnh"), counted too
    central = answerer.answer("o cap Trung uong, co bao nhieu nguoi khac nhau duoc ghi la chu tri hoac dong chu tri cac "
                              "hoi nghi, buoi lam viec trong kho bai?", mode="bm25")
    assert central.short == "2" and sorted(i.name for i in central.items) == ["Lê Thị Hoa", "Trần Văn Bình"]
    local = answerer.answer("Ở cấp tỉnh (không tính các hội nghị cấp Trung ương), những ai chủ trì hội nghị, buổi lễ "
                            "trong các bài?", mode="bm25")
    assert [i.name for i in local.items] == ["Phạm Quốc Dũng"] and "cấp tỉnh" in local.text
    one = answerer.answer("Ở tỉnh Nam Sơn, ai chủ trì tại hội nghị và buổi làm việc?", mode="bm25")  # a place: its event
    assert "Trần Văn Bình" not in one.text and "Lê Thị Hoa" not in one.text


def test_who_gave_the_kind_of_speech_asked_not_any_speech(tmp_path):
    """"Ai phát biểu khai mạc các hội nghị?": the opening speeches only, and the answer says so."""
    texts = {
        "k1": ("2022-04-14", "Hội nghị tổng kết ở tỉnh Nam Sơn", "Ngày 14/4, hội nghị tổng kết được tổ chức. Phát biểu "
               "khai mạc hội nghị, đồng chí Trần Văn Bình, Trưởng Ban Dân vận Tỉnh ủy nêu rõ kết quả. Đồng chí Lê Thị "
               "Hoa, Phó Chủ tịch UBND tỉnh phát biểu chỉ đạo hội nghị."),
        "k2": ("2023-06-26", "Hội nghị sơ kết ở tỉnh Bắc Hà", "Ngày 26/6, hội nghị sơ kết được tổ chức. Đại tá Phạm Quốc "
               "Dũng, Giám đốc Công an tỉnh, Trưởng Ban Chỉ đạo phong trào phát biểu tại hội nghị."),
    }
    answerer = _answerer(tmp_path, texts)
    a = answerer.answer("Ai phát biểu khai mạc tại các hội nghị được đưa tin?", mode="bm25")
    assert [i.name for i in a.items] == ["Trần Văn Bình"] and "phát biểu khai mạc" in a.text
    directing = answerer.answer("Ai phát biểu chỉ đạo tại các hội nghị?", mode="bm25")  # not a "Ban Chỉ đạo"'s head
    assert [i.name for i in directing.items] == ["Lê Thị Hoa"]
    for question in ("trong cac bai, nhung ai phat bieu chi dao tai cac hoi nghi, le ky ket hay buoi lam viec?",
                     "Trong các bài, những ai được mô tả là 'phát biểu chỉ đạo' (tại hội nghị, lễ ký kết hay buổi làm "
                     "việc)? Ghi kèm chức vụ của từng người như bài viết."):  # the kinds of event listed: every event
        listed = answerer.answer(question, mode="bm25")
        assert [i.name for i in listed.items] == ["Lê Thị Hoa"] and "1 người" in listed.text, question
    named = answerer.answer("Trong các bài, những ai được ghi là người phát biểu khai mạc hội nghị, và đó là hội nghị gì?",
                            mode="bm25")  # one kind of event named across the articles; each row says its event
    assert [i.name for i in named.items] == ["Trần Văn Bình"] and "Hội nghị tổng kết ở tỉnh Nam Sơn" in named.text


def test_who_signed_the_programmes_across_the_archive_one_row_per_signer(tmp_path):
    texts = {
        "s1": ("2023-06-26", "Ký kết chương trình phối hợp ở xã Đông Khê", "Sáng 26/6, Công an xã Đông Khê và Ủy ban "
               "Mặt trận Tổ quốc xã tổ chức hội nghị. Đồng chí Lý Văn Hùng – Trưởng Công an xã và đồng chí Đào Thị "
               "Mai – Chủ tịch Ủy ban Mặt trận Tổ quốc xã ký kết chương trình phối hợp."),
        "s2": ("2022-03-02", "Ký kết chương trình phối hợp ở tỉnh Tây Giang", "Ngày 2/3, tại tỉnh Tây Giang, hội nghị "
               "ký kết chương trình phối hợp. Dự hội nghị có đồng chí Vũ Văn Long, Phó Chủ tịch UBND tỉnh."),
        "s3": ("2021-03-01", "Ký kết quy chế ở tỉnh Bắc Hà", "Ngày 1/3, đồng chí Hà Văn Sơn – Giám đốc Sở Nội vụ và đồng "
               "chí Lý Thị Mai – Chủ tịch Hội Nông dân tỉnh ký kết quy chế phối hợp."),  # a regulation, no programme
    }
    answerer = _answerer(tmp_path, texts)
    for question in ("Những ai được nêu tên là người trực tiếp ký kết các chương trình phối hợp?",
                     # "chương trình" named once, "được bài báo nêu đích danh": any article that names them
                     "Những người nào được bài báo nêu đích danh là người trực tiếp ký chương trình phối hợp?",
                     # what an aside sets apart is no manner of signing ("chỉ đạo")
                     "Giúp tôi liệt kê những người được bài viết ghi rõ là trực tiếp ký kết chương trình phối hợp (không "
                     "tính người chủ trì, chỉ đạo hay chứng kiến).",
                     "nhung ai la nguoi truc tiep ky chuong trinh phoi hop ma bai co neu ro ten?"):
        a = answerer.answer(question, mode="bm25")
        assert sorted(i.name for i in a.items) == ["Lý Văn Hùng", "Đào Thị Mai"], question  # not who only attended
        assert [c.doc_id for c in a.citations] == ["s1"]


def test_a_standing_committee_member_is_held_however_the_press_shortens_it():
    from danvan_qa.qa.roles import forms as _forms

    forms = _forms("uy vien ban thuong vu tinh uy")
    assert {"uy vien btv tinh uy", "uvtv tinh uy", "uy vien thuong vu tinh uy", "thuong vu tinh uy"} <= set(forms)
    assert "uvtv tinh uy" not in _forms("bi thu tinh uy")


def test_one_periods_programme_asked_signed_on_which_days_is_every_one_of_that_period(tmp_path):
    """"Chương trình … giai đoạn X đã được ký vào những ngày nào?": many bodies sign for one period, each on its day."""
    answerer = _answerer(tmp_path, {
        "d1": ("2022-05-26", "Ký kết chương trình phối hợp ở tỉnh Bắc Hà", "Ngày 26/5/2022, Ban Dân vận Tỉnh ủy Bắc Hà và "
               "Công an tỉnh Bắc Hà ký kết Chương trình phối hợp công tác dân vận giai đoạn 2022-2026."),
        "d2": ("2022-06-03", "Ký kết chương trình phối hợp ở tỉnh Nam Sơn", "Ngày 3/6/2022, Ban Dân vận Tỉnh ủy Nam Sơn và "
               "Công an tỉnh Nam Sơn ký kết Chương trình phối hợp công tác dân vận giai đoạn 2022-2026."),
        "d3": ("2023-09-05", "Sơ kết chương trình phối hợp ở tỉnh Bắc Hà", "Ngày 5/9/2023, Ban Dân vận Tỉnh ủy Bắc Hà và "
               "Công an tỉnh Bắc Hà sơ kết Chương trình phối hợp công tác dân vận giai đoạn 2022-2026."),  # no signing
    })
    a = answerer.answer("Chương trình phối hợp công tác dân vận giai đoạn 2022-2026 đã được ký vào những ngày nào?",
                        mode="bm25")
    assert "Ngày **26/5/2022** — " in a.text and "Ngày **3/6/2022** — " in a.text and "5/9/2023" not in a.text


def test_programmes_by_the_year_their_period_ends_counted_as_asked(tmp_path):
    answerer = _answerer(tmp_path, {
        "e1": ("2022-05-26", "Ký kết chương trình phối hợp ở tỉnh Bắc Hà",
               "Ngày 26/5/2022, Ban Dân vận Tỉnh ủy Bắc Hà và Công an tỉnh Bắc Hà ký kết Chương trình phối hợp "
               "công tác dân vận giai đoạn 2022-2026."),
        "e2": ("2026-01-10", "Ký kết chương trình phối hợp ở tỉnh Nam Sơn",
               "Ngày 10/1/2026, Ban Dân vận Tỉnh ủy Nam Sơn và Công an tỉnh Nam Sơn ký kết Chương trình phối hợp "
               "công tác dân vận giai đoạn 2026-2031."),
    })
    # "kéo dài đến năm 2026" is the period's last year, not any year it names nor the year of signing
    a = answerer.answer("Các bài nhắc tới bao nhiêu chương trình phối hợp có thời hạn kéo dài đến năm 2026?", mode="bm25")
    assert a.short == "1" and [c.doc_id for c in a.citations] == ["e1"]
    assert answerer.answer("co may chuong trinh phoi hop ket thuc vao nam 2031", mode="bm25").short == "1"  # "mấy" counts
    assert answerer.answer("Tính đến hết năm 2026, có bao nhiêu chương trình phối hợp được ký kết?",
                           mode="bm25").short == "2"  # "đến hết năm" bounds the signing, not the period's end
    # "được các bài nhắc đến": the programmes are counted, not the articles
    passive = answerer.answer("Có bao nhiêu chương trình phối hợp giai đoạn 2022-2026 giữa Ban Dân vận và Công an "
                              "được các bài nhắc đến?", mode="bm25")
    assert passive.short == "1" and "2022-2026" in passive.text
    when = answerer.answer("Các chương trình phối hợp giữa Ban Dân vận và Công an được ký kết vào những ngày nào?",
                           mode="bm25")
    assert "Ngày **26/5/2022** — " in when.text and "Ngày **10/1/2026** — " in when.text  # each row opens on its date


def test_models_named_across_the_articles_quoted_in_a_run_or_after_their_kind(tmp_path):
    texts = {
        "m1": ("2023-04-02", "Công an tỉnh Tây Giang nhân rộng mô hình tự quản",
               "Công an tỉnh Tây Giang triển khai các mô hình “Tổ tự quản về an ninh trật tự”, “Dòng họ tự quản an "
               "toàn” và “Camera an ninh khu phố” tại nhiều xã."),
        "m2": ("2023-03-02", "Ra mắt mô hình dân vận khéo ở tỉnh Bắc Hà",
               "Mô hình “Dân vận khéo” cấp tỉnh “Tôi giúp dân xã Bắc Hà” được Công an tỉnh Bắc Hà ra mắt ngày 2/3/2023."),
        "m3": ("2022-05-06", "Công an tỉnh Nam Sơn làm tốt công tác dân vận",
               "Công an tỉnh Nam Sơn hiện duy trì 25 mô hình “Dân vận khéo” trên các lĩnh vực công tác."),
    }
    answerer = _answerer(tmp_path, texts)
    own = answerer.answer("cac mo hinh tu quan duoc ke ten trong cac bai la nhung mo hinh nao", mode="bm25")
    assert [i.name for i in own.items] == ["Tổ tự quản về an ninh trật tự", "Dòng họ tự quản an toàn"]
    assert [c.doc_id for c in own.citations] == ["m1"]  # one sentence names both
    kind = answerer.answer('Có bao nhiêu mô hình "Dân vận khéo" được kể tên trong các bài?', mode="bm25")
    assert kind.short == "1" and [i.name for i in kind.items] == ["Tôi giúp dân xã Bắc Hà"]  # the kind is no model
    police = answerer.answer('Kể tên các mô hình "Dân vận khéo" của lực lượng công an được nêu trong các bài.',
                             mode="bm25")  # m2 writes "Công an tỉnh", never "lực lượng"
    assert [i.name for i in police.items] == ["Tôi giúp dân xã Bắc Hà"]
    # the number an article gives is asked of that article, not counted across the archive
    from danvan_qa.qa.archive import listing
    from danvan_qa.qa.questions import parse

    store = answerer.store
    for question in ("Theo các bài báo, Công an tỉnh Nam Sơn duy trì bao nhiêu mô hình Dân vận khéo?",
                     "Công an tỉnh Nam Sơn duy trì những mô hình nào?"):
        assert listing(parse(question, store.restorer.restore(question), store.stored_facts), store) is None


def test_where_a_topics_events_were_held_one_row_per_article_with_its_place(tmp_path):
    texts = {
        "t1": ("huyện Đông Khê, Tây Giang", "Gặp mặt người có uy tín trong đồng bào dân tộc thiểu số",
               "Ngày 3/2, tại huyện Đông Khê, Công an tỉnh Tây Giang tổ chức buổi gặp mặt người có uy tín trong đồng "
               "bào dân tộc thiểu số."),
        "t2": ("TP Nam Sơn, Nam Sơn", "Hội nghị phát huy vai trò người có uy tín",
               "Ngày 5/6, tại TP Nam Sơn, Bộ Công an tổ chức hội nghị phát huy vai trò người có uy tín trong đồng bào "
               "dân tộc thiểu số."),
        "t3": ("Bắc Hà", "Ký kết chương trình phối hợp công tác dân vận",  # the topic in passing: another event
               "Ngày 2/3, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết chương trình phối hợp tại hội nghị. Chương trình "
               "phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số."),
    }
    files = {f"{d}.txt": f'---\nid: {d}\ntitle: "{title}"\nplace: "{place}"\ndate: 2023-0{n}-10\n---\n{title}\n\n{text}\n'
             for n, (d, (place, title, text)) in enumerate(texts.items(), 1)}
    answerer = Answerer(*fake_store(tmp_path, files))
    for question in ("cong an da to chuc hoi nghi hay buoi gap mat voi nguoi co uy tin trong dong bao dan toc thieu so "
                     "o nhung dia phuong nao",
                     "Các hội nghị, buổi gặp mặt với người có uy tín trong đồng bào dân tộc thiểu số do ngành công an tổ "
                     "chức diễn ra ở những địa phương nào?",
                     "Các hội nghị với người có uy tín trong đồng bào dân tộc thiểu số đã diễn ra ở những thành phố, "
                     "huyện nào?",
                     "Các hội nghị với người có uy tín trong đồng bào dân tộc thiểu số diễn ra ở những địa phương nào, "
                     "năm nào?",  # each row is dated
                     "Công an đã tổ chức hội nghị hay buổi gặp mặt với người có uy tín trong đồng bào dân tộc thiểu số "
                     "ở những vùng, địa phương nào?",
                     "Các hội nghị, buổi gặp mặt về người có uy tín trong đồng bào dân tộc thiểu số liên quan đến "
                     "những vùng, địa phương nào?"):
        a = answerer.answer(question, mode="bm25")
        assert sorted(c.doc_id for c in a.citations) == ["t1", "t2"]
        assert all(c.quote.startswith("Ngày") for c in a.citations)  # the sentence that says where
        assert "**huyện Đông Khê, Tây Giang**" in a.text
    from danvan_qa.qa.archive import listing
    from danvan_qa.qa.questions import parse

    for one in ("Hội nghị phát huy vai trò người có uy tín diễn ra ở đâu?",  # one event's place: not a list
                "Hội nghị phát huy vai trò người có uy tín diễn ra ở đâu, năm nào?"):
        assert listing(parse(one, answerer.store.restorer.restore(one), answerer.store.stored_facts), answerer.store) is None


@pytest.mark.parametrize("question", [
    "Công an những địa phương nào đã tổ chức hội nghị hay buổi gặp mặt với người có uy tín trong đồng bào dân tộc "
    "thiểu số?",  # who held them, then the places asked
    "em dang len ke hoach gap mat o co so, cho em hoi cong an nhung noi nao da to chuc hoi nghi hoac gap mat nguoi co "
    "uy tin trong dong bao dtts?",  # what the asker says first, then the question, typed bare and short
    "Em đang lên kế hoạch gặp mặt ở cơ sở. Công an những nơi nào đã tổ chức hội nghị hoặc gặp mặt người có uy tín "
    "trong đồng bào dân tộc thiểu số?",
])
def test_where_a_topics_events_were_held_asked_after_who_held_them_or_what_the_asker_says_first(tmp_path, question):
    texts = {
        "t1": ("huyện Đông Khê, Tây Giang", "Gặp mặt người có uy tín trong đồng bào dân tộc thiểu số",
               "Ngày 3/2, tại huyện Đông Khê, Công an tỉnh Tây Giang tổ chức buổi gặp mặt người có uy tín trong đồng "
               "bào dân tộc thiểu số."),
        "t2": ("TP Nam Sơn, Nam Sơn", "Hội nghị phát huy vai trò người có uy tín",
               "Ngày 5/6, tại TP Nam Sơn, Công an tỉnh Nam Sơn tổ chức hội nghị phát huy vai trò người có uy tín trong "
               "đồng bào dân tộc thiểu số."),
        "t3": ("Bắc Hà", "Ký kết chương trình phối hợp công tác dân vận",
               "Ngày 2/3, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết chương trình phối hợp tại hội nghị."),
    }
    files = {f"{d}.txt": f'---\nid: {d}\ntitle: "{title}"\nplace: "{place}"\ndate: 2023-0{n}-10\n---\n{title}\n\n{text}\n'
             for n, (d, (place, title, text)) in enumerate(texts.items(), 1)}
    a = Answerer(*fake_store(tmp_path, files)).answer(question, mode="bm25")
    assert sorted(c.doc_id for c in a.citations) == ["t1", "t2"] and "**huyện Đông Khê, Tây Giang**" in a.text


def test_where_inspections_of_a_topic_were_held_asked_o_nhung_dau(tmp_path):
    """"Kiểm tra … đã diễn ra ở những đâu": inspections are events; "ở những đâu" asks every place."""
    texts = {
        "k1": ("TP Nam Sơn, Nam Sơn", "Kiểm tra chương trình phối hợp công tác dân vận của lực lượng vũ trang",
               "Ngày 3/8, tại TP Nam Sơn, đoàn kiểm tra làm việc về kết quả thực hiện chương trình phối hợp công tác dân "
               "vận của lực lượng vũ trang."),
        "k2": ("TP Đông Khê, Tây Giang", "Kiểm tra công tác dân vận của lực lượng vũ trang ở Đông Khê",
               "Ngày 5/9, tại TP Đông Khê, đoàn công tác kiểm tra việc thực hiện chương trình phối hợp công tác dân vận "
               "của lực lượng vũ trang."),
        "k3": ("Bắc Hà", "Hội thi tìm hiểu pháp luật ở Bắc Hà",
               "Ngày 2/3, Công an tỉnh Bắc Hà tổ chức hội thi tìm hiểu pháp luật cho đoàn viên."),
    }
    files = {f"{d}.txt": f'---\nid: {d}\ntitle: "{title}"\nplace: "{place}"\ndate: 2023-0{n}-10\n---\n{title}\n\n{text}\n'
             for n, (d, (place, title, text)) in enumerate(texts.items(), 1)}
    answerer = Answerer(*fake_store(tmp_path, files))
    a = answerer.answer("kiem tra chuong trinh phoi hop cong tac dan van cua LLVT da dien ra o nhung dau", mode="bm25")
    assert sorted(c.doc_id for c in a.citations) == ["k1", "k2"] and "**TP Nam Sơn, Nam Sơn**" in a.text


def test_military_regions_are_counted_once_across_the_articles(tmp_path):
    texts = {
        "r1": ("2023-04-02", "Hội nghị phối hợp ở tỉnh Tây Giang",
               "Ngày 2/3, Bộ Chỉ huy Quân sự tỉnh Tây Giang và Cục Chính trị Quân khu 5 tổ chức hội nghị."),
        "r2": ("2022-03-02", "Giao ban công tác dân vận lực lượng vũ trang",
               "Dự hội nghị có đại diện Quân khu 7 và Quân khu 5."),
    }
    answerer = _answerer(tmp_path, texts)
    for question in ("Các bài viết nhắc đến bao nhiêu quân khu khác nhau?", "co may quan khu duoc nhac toi trong cac bai",
                     "Lãnh đạo những Quân khu nào có mặt tại các hội nghị về công tác dân vận?",
                     "trong cac bai co nhac toi nhung quan khu nao"):  # the regions the articles name, not the articles
        a = answerer.answer(question, mode="bm25")
        assert sorted(i.name for i in a.items) == ["Quân khu 5", "Quân khu 7"], question
        assert a.short == ("2" if "bao" in question or "may" in question else "Quân khu 5")  # a count, or the first
        assert a.citations[0].doc_id == "r1"  # the newest article naming Quân khu 5


@pytest.mark.parametrize("question", ["Các bài có nhắc bao nhiêu hội thi, cuộc thi do công an tổ chức hoặc phối hợp tổ chức?",
                                      "Có bao nhiêu hội thi, cuộc thi trong các bài?"])
def test_events_of_a_kind_counted_across_the_archive_in_any_words_are_the_articles_reporting_one(tmp_path, question):
    texts = {"h1": ("2023-04-02", "Hội thi Dân vận khéo ở quận Đông Khê", "Ngày 2/4, Công an quận tổ chức hội thi Dân vận "
                    "khéo với 12 đội dự thi."),
             "h2": ("2022-03-02", "Trao giải cuộc thi tìm hiểu về ngành Công an", "Công an tỉnh Nam Sơn phối hợp tổ chức "
                    "cuộc thi tìm hiểu về ngành Công an."),
             "h3": ("2021-05-02", "Ký kết chương trình phối hợp", "Ngày 2/5, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết.")}
    a = _answerer(tmp_path, texts).answer(question, mode="bm25")
    assert a.short == "2" and sorted(c.doc_id for c in a.citations) == ["h1", "h2"]


def test_military_regions_asked_which_one_are_listed(tmp_path):
    texts = {"r1": ("2023-04-02", "Hội nghị ở tỉnh Tây Giang", "Ngày 2/3, Cục Chính trị Quân khu 5 tổ chức hội nghị."),
             "r2": ("2022-03-02", "Giao ban dân vận", "Dự hội nghị có đại diện Quân khu 7.")}
    a = _answerer(tmp_path, texts).answer("quan khu nao dc nhac den trong cac bai ve dan van, trong dip nao?", mode="bm25")
    assert sorted(i.name for i in a.items) == ["Quân khu 5", "Quân khu 7"]


def test_communes_named_across_the_articles_once_each_by_their_name(tmp_path):
    texts = {
        "c1": ("2024-04-02", "Kết nghĩa ở tỉnh Tây Giang",
               "Ngày 2/4, Công an tỉnh kết nghĩa với xã Đông Khê (huyện Bắc Hà). Công tác xã hội được chú trọng."),
        "c2": ("2023-03-02", "Ký kết ở xã vùng cao",
               "Xã Nam Sơn 3 ký kết chương trình phối hợp. Trước đó, xã Đông Khê và xã Bắc Hà đã làm tốt phong trào."),
    }
    answerer = _answerer(tmp_path, texts)
    for question in ("Những xã nào được nêu đích danh trong các bài?", "co bao nhieu xa duoc nhac den trong cac bai"):
        a = answerer.answer(question, mode="bm25")
        assert sorted(i.name for i in a.items) == ["Bắc Hà", "Nam Sơn 3", "Đông Khê"]  # "xã hội" is no commune
        assert sorted({c.doc_id for c in a.citations}) == ["c1", "c2"]  # Đông Khê cited in the newest article naming it
    assert answerer.answer("co bao nhieu xa duoc nhac den trong cac bai", mode="bm25").short == "3"
    # asked with what each row says: the list, each row citing its sentence, saying how it was read
    each = answerer.answer("Các bài nêu tên những xã nào, và mỗi xã có phong trào gì?", mode="bm25")
    assert sorted(i.name for i in each.items) == ["Bắc Hà", "Nam Sơn 3", "Đông Khê"] and each.kind != "two_part"
    assert each.understood == "Các bài nêu tên những xã nào?" and each.text.startswith("_Hiểu là: ")


def test_district_committees_named_with_their_alternatives_and_by_number(tmp_path):
    texts = {
        "d1": ("2024-04-02", "Ký kết ở huyện Bắc Hà", "Ban Dân vận Huyện ủy Bắc Hà và Công an huyện ký kết chương trình."),
        "d2": ("2023-10-12", "Giao lưu ở quận 21", "Chiều 12/10, Ban Dân vận Quận ủy quận 21 và Huyện ủy huyện Nam Sơn "
               "tổ chức giao lưu. Dự có UBND xã Tây Giang Nguyễn Văn An và đại diện 3 xã 2 phường."),
    }
    answerer = _answerer(tmp_path, texts)
    for named in ("nêu tên", "nêu đích danh"):  # the huyện ủy are counted, not the articles naming them
        a = answerer.answer(f"Các bài {named} Ban Dân vận của bao nhiêu huyện ủy, quận ủy khác nhau?", mode="bm25")
        assert a.short == "3" and sorted(i.name for i in a.items) == ["Bắc Hà", "Nam Sơn", "quận 21"]
    communes = answerer.answer("Những xã nào được nêu tên trong các bài?", mode="bm25")  # not "Tây Giang Nguyễn Văn An"
    assert [i.name for i in communes.items] == ["Tây Giang"]


def test_a_run_of_quoted_models_and_a_kind_before_its_model():
    from danvan_qa.qa.model_lists import _named

    names = [n for n, _ in _named("Xã triển khai mô hình “Camera an ninh” và “Dòng họ tự quản”; mô hình “Tổ tự quản” "
                                  "ở xã “Phước Lộc”. Mô hình “Dân vận khéo” cấp tỉnh “Tôi giúp dân” ra mắt.")]
    assert names == ["Camera an ninh", "Dòng họ tự quản", "Tổ tự quản", "Tôi giúp dân"]


def test_a_signing_date_read_outside_the_naming_sentence_is_cited_from_its_own(tmp_path):
    """A title names the programme, the lead gives the day: the row shows the day and quotes where it is."""
    texts = {
        "d1": ("2016-11-08", "Công an huyện Đông Khê và Ban Dân vận Huyện ủy ký kết chương trình phối hợp giai đoạn "
               "2016 – 2021",
               "Sáng nay (8-11), Công an huyện Đông Khê và Ban Dân vận Huyện ủy Đông Khê đã tổ chức hội nghị ký kết "
               "chương trình phối hợp công tác dân vận. Hai bên thống nhất nhiều nội dung."),
        "d2": ("2022-05-26", "Ký kết chương trình phối hợp ở tỉnh Nam Sơn",
               "Chiều ngày 26/5, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết chương trình phối hợp thực hiện công tác "
               "dân vận giai đoạn 2022-2026."),
    }
    a = _answerer(tmp_path, texts).answer(
        "Các chương trình phối hợp giữa Ban Dân vận và Công an được ký kết vào những ngày nào?", mode="bm25")
    assert len(a.items) == 2
    for day in ("8-11", "26/5"):
        assert f"**{day}**" in a.text
        assert any(day in c.quote for c in a.citations), day  # each day shown is in a quote


def test_models_of_a_kind_asked_leave_out_those_another_paragraph_names_for_another_movement(tmp_path):
    texts = {
        "k1": ("2022-05-06", "Ký kết chương trình phối hợp ở tỉnh Đông Lâm",
               "Phong trào thi đua “Dân vận khéo” được Công an tỉnh Đông Lâm hưởng ứng, với mô hình “Cổng trường an "
               "toàn” ở nhiều xã.\n\nVề an ninh trật tự, Công an tỉnh triển khai mô hình “Khu dân cư không ma túy”."),
        "k2": ("2023-03-02", "Công an tỉnh Bắc Hà với phong trào Dân vận khéo",
               "Nhiều mô hình điển hình như: “Bàn tiếp dân văn hóa”, “Nghe dân nói”.\n\nCông an tỉnh Bắc Hà tiếp tục "
               "nhân rộng các mô hình này."),
    }
    a = _answerer(tmp_path, texts).answer('Kể tên các mô hình "Dân vận khéo" của công an được nêu trong các bài.',
                                          mode="bm25")
    # k2's title names the kind for its every paragraph; k1's second paragraph is on another movement
    assert [i.name for i in a.items] == ["Bàn tiếp dân văn hóa", "Nghe dân nói", "Cổng trường an toàn"]


def test_the_events_asked_for_are_the_articles_reporting_one_each_citing_its_report(tmp_path):
    """"Những hội nghị tổng kết 10 năm nào được đưa tin?": a report titled "Tổng kết 10 năm …" is one (the
    classifier "hội nghị" need not be written), an article naming one in passing is not, and a row cites the
    sentence reporting it (past a page's "In bài này") rather than the title."""
    texts = {
        "e1": ("2023-10-17", "Hội nghị Tổng kết 10 năm chương trình phối hợp ở Tây Giang",
               "Ngày 17/10, tại tỉnh Tây Giang, Công an tỉnh tổ chức Hội nghị Tổng kết 10 năm chương trình phối hợp."),
        "e2": ("2023-06-27", "Tổng kết 10 năm thực hiện chương trình phối hợp ở Nam Sơn",
               "In bài này\n\nQua 10 năm thực hiện chương trình phối hợp, Mặt trận và công an tỉnh Nam Sơn đạt nhiều "
               "kết quả trong tổng kết 10 năm."),
        "e3": ("2020-04-28", "Bí thư Tỉnh ủy Bắc Hà làm việc với Ban Dân vận",
               "Ngày 28/4, Bí thư Tỉnh ủy Bắc Hà làm việc với Ban Dân vận Tỉnh ủy về kết quả công tác năm 2019. Bí "
               "thư cũng kiểm tra công tác chuẩn bị hội nghị tổng kết 10 năm thực hiện quy chế dân vận."),
    }
    answerer = _answerer(tmp_path, texts)
    a = answerer.answer("nhung hoi nghi tong ket 10 nam nao duoc dua tin", mode="bm25")
    assert [c.doc_id for c in a.citations] == ["e1", "e2"]
    held = answerer.answer("Những hội nghị tổng kết 10 năm nào đã được tổ chức theo các bài viết?", mode="bm25")
    assert [c.doc_id for c in held.citations] == ["e1", "e2"]
    assert a.citations[0].quote.startswith("Ngày 17/10")
    counted = answerer.answer("Có tất cả bao nhiêu hội nghị hoặc buổi gặp mặt tổng kết 10 năm được đưa tin?", mode="bm25")
    assert counted.short == "2" and [c.doc_id for c in counted.citations] == ["e1", "e2"]
    held = answerer.answer("tong cong co may hoi nghi tong ket 10 nam duoc dua tin la da to chuc?", mode="bm25")
    assert held.short == "2" and [c.doc_id for c in held.citations] == ["e1", "e2"]
    each = answerer.answer("Những hội nghị tổng kết 10 năm nào đã diễn ra, và mỗi hội nghị tổng kết gì?", mode="bm25")
    assert each.understood == "Những hội nghị tổng kết 10 năm nào đã diễn ra?"  # the list, each row citing its report
    assert [c.doc_id for c in each.citations] == ["e1", "e2"]
    held = answerer.answer("Có bao nhiêu hội nghị tổng kết 10 năm đã thực sự diễn ra theo các bài (không tính hội nghị "
                           "đang chuẩn bị)?", mode="bm25")  # "(thực sự) diễn ra theo các bài": reported
    assert held.short == "2" and [c.doc_id for c in held.citations] == ["e1", "e2"]
    where = [answerer.answer(f"Hội nghị tổng kết 10 năm chương trình phối hợp được tổ chức ở những {places} nào?",
                             mode="bm25") for places in ("địa phương", "cấp/địa phương")]  # "cấp/địa phương": places
    assert where[0].citations and where[1].text == where[0].text


def test_articles_naming_a_thing_asked_the_other_way_round_hold_it_not_its_words_apart(tmp_path):
    """"X được nhắc tới trong những tin nào (và trong bối cảnh gì)?": the articles naming X (its head
    noun with the rest), each row citing the sentence naming it, an abbreviation too."""
    texts = {
        "n1": ("2020-08-18", "Trao giải cuộc thi ở tỉnh Tây Giang", "Ngày 18-8, Công an tỉnh Tây Giang tổng kết 15 năm "
               "Ngày hội toàn dân bảo vệ an ninh Tổ quốc."),
        "n2": ("2023-06-27", "Tổng kết phong trào ở tỉnh Nam Sơn", "Ngày 27/6, hội nghị tổng kết phong trào toàn dân bảo "
               "vệ an ninh Tổ quốc diễn ra. Các xã tổ chức Ngày hội “Toàn dân bảo vệ ANTQ” trang trọng."),  # its words apart first
        "n3": ("2022-05-26", "Ký kết ở tỉnh Bắc Hà", "Ngày 26/5, hội nghị ký kết chương trình phối hợp về phong trào toàn dân "
               "bảo vệ an ninh Tổ quốc."),  # the words, but no "ngày hội"
    }
    a = _answerer(tmp_path, texts).answer(
        "Ngày hội toàn dân bảo vệ an ninh Tổ quốc được nhắc tới trong những tin nào và trong bối cảnh gì?", mode="bm25")
    assert a.understood == "Ngày hội toàn dân bảo vệ an ninh Tổ quốc được nhắc tới trong những tin nào?"
    assert [c.doc_id for c in a.citations] == ["n2", "n1"]
    assert "Ngày hội" in a.citations[0].quote  # the sentence naming it, though it writes "ANTQ"


def test_programmes_asked_with_their_full_number_leave_out_an_articles_short_form(tmp_path):
    texts = {
        "c1": ("2023-06-27", "Tổng kết ở tỉnh Tây Giang", "Ngày 26/6, Công an tỉnh Tây Giang tổng kết Chương trình phối "
               "hợp số 05/Ctr-BNV-MTTQ ngày 1/8/2013 giữa Bộ Nội vụ với Ủy ban Trung ương MTTQ Việt Nam."),
        "c2": ("2024-03-05", "Ký kết ở tỉnh Nam Sơn", "Chương trình phối hợp số 07 giữa Công an tỉnh Nam Sơn và Hội Nông "
               "dân tỉnh góp phần giữ vững an ninh."),
    }
    answerer = _answerer(tmp_path, texts)
    for asked in ("Những chương trình phối hợp nào được nêu đầy đủ số hiệu trong các bài viết?",
                  "cho minh xin danh sach cac chuong trinh phoi hop co ghi so hieu day du (so + ky hieu) trong kho bai"):
        full = answerer.answer(asked, mode="bm25")
        assert [c.doc_id for c in full.citations] == ["c1"], asked
    any_number = answerer.answer("Liệt kê các chương trình phối hợp có số hiệu cụ thể được nêu trong các tin.", mode="bm25")
    assert sorted(c.doc_id for c in any_number.citations) == ["c1", "c2"]


def test_the_holders_of_titles_asked_are_remembered_for_the_last_few_titles_only():
    from danvan_qa.qa import roles

    from danvan_qa.index.store import Kept

    index = roles.Roles(("p1", "p2"), "thu truong bo noi vu\ntruong ban dan van tinh uy", [0, 21], {}, Kept(roles.REMEMBERED))
    assert [p for p, _, _ in index.holders("truong")] == ["p1", "p2"]
    assert index.holders("truong") is index.holders("truong")  # read once
    for n in range(roles.REMEMBERED + 5):
        index.holders(f"chuc {n}")
    assert len(index.found) == roles.REMEMBERED and index.found.get("truong") is None  # the oldest let go


def test_a_title_asked_at_a_level_is_that_levels_body():
    from danvan_qa.qa.roles import Roles
    from danvan_qa.index.store import Kept
    from danvan_qa.qa.title_lists import _titles_in

    roles = Roles((), " | truong ban dan van tinh uy | truong ban dan van thanh uy | truong ban dan van trung uong | ", [], {},
                  Kept(1))
    assert _titles_in("cac bai bao neu ten nhung truong ban dan van cap tinh thanh uy nao".split(), roles) == \
        ["truong ban dan van tinh uy", "truong ban dan van thanh uy"]  # not the central committee's


def test_who_did_the_act_beside_a_person_at_each_of_their_events(tmp_path):
    texts = {
        "w1": ("2022-04-14", "Ký kết chương trình phối hợp", "Ngày 14/4/2022, Bộ Nội vụ và Ban Dân vận Trung ương ký kết "
               "chương trình phối hợp. Đồng chí Trần Văn Bình, Bộ trưởng Bộ Nội vụ và đồng chí Lê Thị Hoa, Trưởng Ban Dân "
               "vận Trung ương đồng chủ trì hội nghị. Dự hội nghị có đồng chí Vũ Văn Long, Thứ trưởng Bộ Nội vụ."),
        "w2": ("2023-06-26", "Sơ kết chương trình phối hợp", "Ngày 26/6, hội nghị sơ kết chương trình phối hợp. Đồng chí "
               "Trần Văn Bình, Bộ trưởng Bộ Nội vụ và đồng chí Đỗ Văn Hùng, Chủ tịch Ủy ban Trung ương MTTQ Việt Nam đồng "
               "chủ trì hội nghị."),
        "w3": ("2024-01-02", "Hội nghị ở tỉnh Tây Giang", "Ngày 2/1, đồng chí Phạm Quốc Dũng, Giám đốc Công an tỉnh Tây "
               "Giang và đồng chí Hà Văn Sơn, Bí thư Tỉnh ủy đồng chủ trì hội nghị. Dự hội nghị có đồng chí Trần Văn "
               "Bình, Bộ trưởng Bộ Nội vụ."),  # he attended, he did not chair
    }
    answerer = _answerer(tmp_path, texts)
    for question in ("Ông Trần Văn Bình đã cùng ai đồng chủ trì các hội nghị?",
                     "Trong các hội nghị mà ông Trần Văn Bình cùng chủ trì với lãnh đạo phía đối tác, người đồng chủ trì "
                     "với ông ở mỗi hội nghị là ai?",  # the others asked last
                     "Ông Trần Văn Bình từng đồng chủ trì (hoặc cùng chủ trì) hội nghị, buổi làm việc với những ai?",
                     "Đồng chí Trần Văn Bình đã cùng chủ trì hội nghị với những đồng chí lãnh đạo nào?"):
        a = answerer.answer(question, mode="bm25")
        assert sorted(i.name for i in a.items) == ["Lê Thị Hoa", "Đỗ Văn Hùng"], question  # not the guest's event
        assert [c.doc_id for c in a.citations] == ["w2", "w1"]  # newest first


def test_whom_the_acts_asked_were_done_for_a_row_per_sentence(tmp_path):
    texts = {
        "g1": ("2024-02-01", "Công an tỉnh Tây Giang thăm hỏi người có uy tín", "Tại buổi gặp mặt, lãnh đạo Công an "
               "tỉnh Tây Giang đã thăm hỏi, tặng quà Tết cho 80 người có uy tín trong vùng đồng bào dân tộc thiểu số."),
        "g2": ("2023-05-02", "Sơ kết ở tỉnh Nam Sơn", "Năm qua, Công an tỉnh Nam Sơn xây dựng 12 căn nhà tình nghĩa với "
               "tổng số tiền hơn 600 triệu đồng. Các mô hình góp phần tăng hiệu quả công tác."),  # "tăng", not "tặng"
        "g3": ("2022-01-20", "Công an tỉnh Bắc Hà đón Tết", "Công an tỉnh Bắc Hà tặng quà cho 1.200 hộ nghèo."),
    }
    a = _answerer(tmp_path, texts).answer("Lực lượng công an đã tặng quà hoặc xây nhà tình nghĩa cho những ai?",
                                          mode="bm25")
    assert [i.name for i in a.items] == ["80 người có uy tín trong vùng đồng bào dân tộc thiểu số",
                                         "xây dựng 12 căn nhà tình nghĩa", "1.200 hộ nghèo"]  # a number's dot is no stop
    assert [c.doc_id for c in a.citations] == ["g1", "g2", "g3"]
    # "…, vào dịp gì?" after it: the same rows, each citing its sentence
    again = _answerer(tmp_path / "again", texts)
    a = again.answer("công an tỉnh đã tặng quà cho những ai, vào dịp gì?", mode="bm25")
    assert [c.doc_id for c in a.citations] == ["g1", "g3"]


def test_acts_typed_without_marks_are_read_alone_not_as_the_words_before_them_lean(tmp_path):
    """"cong an tang qua": after "Công an", "tang" is most often "tăng" (cường); "tang qua" alone is "tặng quà"."""
    texts = {
        "g1": ("2024-02-01", "Công an tỉnh Tây Giang thăm người có uy tín", "Công an tỉnh Tây Giang tặng quà cho 80 người "
               "có uy tín. Công an tăng cường nắm tình hình."),
        "g2": ("2023-05-02", "Sơ kết ở tỉnh Nam Sơn", "Công an tăng cường phối hợp. Các mô hình góp phần tăng hiệu quả "
               "công tác. Công an tăng cường tuyên truyền."),
        "g3": ("2022-01-20", "Công an tỉnh Bắc Hà đón Tết", "Công an tỉnh Bắc Hà tặng quà cho 1.200 hộ nghèo. Công an tăng "
               "cường tuần tra."),
    }
    answerer = _answerer(tmp_path, texts)
    assert "tăng" in answerer.store.restorer.restore("cong an tang qua").split()  # the words before lean to "tăng"
    a = answerer.answer("cong an tang qua cho nhung ai vay, liet ke giup minh nhe", mode="bm25")
    assert [c.doc_id for c in a.citations] == ["g1", "g3"]  # not "tăng hiệu quả", nor refused for the request after it


def test_the_forms_of_a_practice_the_articles_name_a_row_per_sentence(tmp_path):
    texts = {
        "f1": ("2024-02-01", "Công an tỉnh Tây Giang gần dân", "Giám đốc Công an tỉnh Tây Giang tổ chức đối thoại trực "
               "tiếp với doanh nghiệp và nhân dân. Kết quả được ghi nhận."),
        "f2": ("2023-05-02", "Ban Dân vận Tỉnh ủy Nam Sơn", "Ban Dân vận Tỉnh ủy Nam Sơn tham mưu tổ chức đối thoại chuyên "
               "đề về đất đai, môi trường."),
        "f3": ("2022-01-02", "Hội nghị ở tỉnh Bắc Hà", "Hội nghị bàn cách tăng cường đối thoại."),  # in passing
    }
    a = _answerer(tmp_path, texts).answer("Các bài nhắc đến những hình thức đối thoại nào với người dân?", mode="bm25")
    assert [i.name for i in a.items] == ["đối thoại trực tiếp với doanh nghiệp và nhân dân", "đối thoại chuyên đề về đất đai"]
    assert [c.doc_id for c in a.citations] == ["f1", "f2"]


def test_the_leaders_of_a_body_are_who_heads_it_in_the_place_asked(tmp_path):
    texts = {
        "l1": ("2023-03-02", "Hội nghị ở tỉnh Tây Giang", "Ngày 2/3, dự hội nghị có đồng chí Trần Văn Bình, Trưởng Ban Dân "
               "vận Tỉnh ủy Tây Giang; đồng chí Lê Thị Hoa, Ủy viên Ban Dân vận Tỉnh ủy Tây Giang."),
        "l2": ("2024-05-04", "Buổi làm việc ở tỉnh Tây Giang", "Ngày 4/5, Phó Trưởng ban Thường trực Ban Dân vận Tỉnh ủy "
               "Tây Giang Phạm Quốc Dũng báo cáo kết quả công tác."),
        "l3": ("2024-06-01", "Hội nghị ở tỉnh Nam Sơn", "Ngày 1/6, đồng chí Đào Minh Tâm, Trưởng Ban Dân vận Tỉnh ủy Nam Sơn "
               "chủ trì hội nghị."),
    }
    answerer = _answerer(tmp_path, texts)
    for question in ("Những ai trong lãnh đạo Ban Dân vận Tỉnh ủy Tây Giang được nêu tên?",
                     "lanh dao ban dan van tinh uy tay giang gom nhung ai"):
        a = answerer.answer(question, mode="bm25")
        assert sorted(i.name for i in a.items) == ["Phạm Quốc Dũng", "Trần Văn Bình"]  # not a member, not Nam Sơn's
    every = answerer.answer("Lãnh đạo Ban Dân vận Tỉnh ủy gồm những ai?", mode="bm25")
    assert sorted(i.name for i in every.items) == ["Phạm Quốc Dũng", "Trần Văn Bình", "Đào Minh Tâm"]
    # its members, any title in it, asked with an aside in brackets
    members = answerer.answer("Những ai giữ chức vụ thuộc Ban Dân vận Tỉnh ủy (trưởng, phó, ủy viên) được nêu tên "
                              "trong các bài?", mode="bm25")
    assert sorted(i.name for i in members.items) == ["Lê Thị Hoa", "Phạm Quốc Dũng", "Trần Văn Bình", "Đào Minh Tâm"]
    assert "giữ chức vụ thuộc" in members.text


def test_articles_reporting_an_event_asked_with_a_classifier_and_the_police_as_a_force(tmp_path):
    """"buổi ký kết" is reported "hội nghị ký kết", "lực lượng Công an" as "Công an tỉnh"."""
    texts = {
        "r1": ("2022-05-26", "Ký kết chương trình phối hợp ở tỉnh Tây Giang", "Ngày 26/5, tại hội nghị, Ban Dân vận Tỉnh ủy "
               "và Công an tỉnh Tây Giang ký kết chương trình phối hợp công tác dân vận giai đoạn 2022-2026."),
        "r2": ("2021-11-08", "Ký kết ở huyện Bố Sơn", "Sáng 8/11, Công an huyện Bố Sơn và Ban Dân vận Huyện ủy Bố Sơn ký "
               "kết chương trình phối hợp công tác dân vận giai đoạn 2021-2026."),
        "r3": ("2023-03-02", "Hội nghị của Hội Nông dân", "Ngày 2/3, Hội Nông dân tỉnh Tây Giang tổ chức hội nghị tổng kết."),
    }
    a = _answerer(tmp_path, texts).answer("Có bao nhiêu bài báo đưa tin buổi ký kết chương trình phối hợp công tác dân vận "
                                          "giữa Ban Dân vận và lực lượng Công an?", mode="bm25")
    assert a.short == "2" and sorted(c.doc_id for c in a.citations) == ["r1", "r2"]


def test_events_counted_by_a_long_topic_whose_bodies_the_articles_join_otherwise(tmp_path):
    """"giữa Công an và Mặt trận Tổ quốc": no word pair "công an mặt trận" is asked of the articles."""
    texts = {
        "t1": ("2023-10-17", "Hội nghị tổng kết 10 năm chương trình phối hợp", "Ngày 17/10, Bộ Công an với Ủy ban Mặt trận "
               "Tổ quốc tỉnh Tây Giang tổ chức Hội nghị tổng kết 10 năm chương trình phối hợp về phong trào toàn dân bảo vệ "
               "an ninh Tổ quốc."),
        "t2": ("2023-06-26", "Tổng kết phong trào ở huyện Bố Sơn", "Ngày 26/6, Công an huyện Bố Sơn và MTTQ huyện tổ chức "
               "tổng kết 10 năm chương trình phối hợp về phong trào toàn dân bảo vệ an ninh Tổ quốc."),
        "t3": ("2023-03-02", "Hội nghị của Hội Nông dân", "Ngày 2/3, Hội Nông dân tỉnh Tây Giang tổ chức hội nghị tổng kết."),
    }
    a = _answerer(tmp_path, texts).answer("Có bao nhiêu hội nghị tổng kết 10 năm chương trình phối hợp giữa Công an và "
                                          "Mặt trận Tổ quốc về phong trào toàn dân bảo vệ an ninh Tổ quốc được đưa tin?",
                                          mode="bm25")
    assert a.short == "2" and sorted(c.doc_id for c in a.citations) == ["t1", "t2"]


def test_articles_reporting_events_of_several_kinds_are_those_on_the_topic(tmp_path):
    """"… bài đưa tin hội nghị hoặc buổi gặp mặt với X": the kinds are no words of the topic, and an
    article naming X in passing reports no such event."""
    texts = {
        "u1": ("2020-10-01", "Gặp mặt người có uy tín trong đồng bào dân tộc thiểu số", "Ngày 1/10, Công an tỉnh Tây Giang "
               "tổ chức gặp mặt người có uy tín trong đồng bào dân tộc thiểu số."),
        "u2": ("2017-03-15", "Phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số", "Ngày 15/3, hội nghị phát "
               "huy vai trò người có uy tín trong đồng bào dân tộc thiểu số diễn ra ở huyện Bố Sơn."),
        "u3": ("2022-05-26", "Ký kết chương trình phối hợp ở tỉnh Nam Sơn", "Ngày 26/5, Ban Dân vận Tỉnh ủy và Công an tỉnh "
               "Nam Sơn ký kết chương trình phối hợp. Hai bên sẽ phát huy vai trò người có uy tín trong đồng bào dân tộc "
               "thiểu số."),
    }
    answerer = _answerer(tmp_path, texts)
    a = answerer.answer("Có bao nhiêu bài đưa tin hội nghị hoặc buổi gặp mặt với người có uy tín trong "
                        "đồng bào dân tộc thiểu số?", mode="bm25")
    assert a.short == "2" and sorted(c.doc_id for c in a.citations) == ["u1", "u2"]
    one = answerer.answer("Có bao nhiêu bài báo tường thuật một hội nghị phát huy vai trò người có uy tín?", mode="bm25")
    assert one.short == "1" and [c.doc_id for c in one.citations] == ["u2"]  # "một hội nghị": of that kind



def test_programmes_signed_in_a_month_of_any_year(tmp_path):
    """"… được ký vào tháng 6?": every programme signed in June, whatever the year; not those of April."""
    texts = {
        "m1": ("2021-06-11", "Ký kết ở tỉnh Bắc Hà", "Ngày 10/6/2021, Ban Dân vận Tỉnh ủy Bắc Hà và Công an tỉnh Bắc Hà ký "
               "kết Chương trình phối hợp công tác dân vận giai đoạn 2021-2026."),
        "m2": ("2019-06-20", "Ký kết ở tỉnh Nam Sơn", "Ngày 19/6/2019, Ban Dân vận Tỉnh ủy Nam Sơn và Hội Nông dân tỉnh ký "
               "kết Chương trình phối hợp giai đoạn 2019-2024."),
        "m3": ("2016-04-04", "Ký kết ở tỉnh Tây Giang", "Ngày 3/4/2016, Ban Dân vận Tỉnh ủy Tây Giang và Công an tỉnh ký "
               "kết Chương trình phối hợp giai đoạn 2016-2021."),
    }
    answerer = _answerer(tmp_path, texts)
    june = answerer.answer("Những chương trình phối hợp nào được ký vào tháng 6?", mode="bm25")
    assert {c.doc_id for c in june.citations} == {"m1", "m2"}
    april = answerer.answer("nhung chuong trinh phoi hop nao duoc ky vao thang 4", mode="bm25")
    assert {c.doc_id for c in april.citations} == {"m3"}


def test_ranks_asked_by_grade_or_bound_are_the_ranks_they_stand_for(tmp_path):
    """"cấp úy" is đại úy … thiếu úy; "dưới đại tá" the ranks after it, not đại tá itself."""
    texts = {
        "r1": ("2023-03-02", "Hội nghị ở tỉnh Bắc Hà", "Dự hội nghị có Đại tá Trần Văn Bình, Giám đốc Công an tỉnh; "
               "Thượng tá Lê Văn Hải, Phó Giám đốc Công an tỉnh; Đại úy Phạm Quốc Dũng, Đội trưởng."),
        "r2": ("2022-05-04", "Hội nghị ở tỉnh Nam Sơn", "Dự hội nghị có Trung tướng Vi Văn Lâm, Thứ trưởng Bộ Nội vụ."),
    }
    answerer = _answerer(tmp_path, texts)
    below = answerer.answer("Những cán bộ nào mang cấp hàm dưới đại tá được nêu tên trong các bài?", mode="bm25")
    assert sorted(i.name for i in below.items) == ["Lê Văn Hải", "Phạm Quốc Dũng"]
    generals = answerer.answer("nhung ai mang cap ham cap tuong duoc neu ten trong cac bai", mode="bm25")
    assert [i.name for i in generals.items] == ["Vi Văn Lâm"]


def test_who_holds_a_rank_asked_with_a_bare_ai_is_every_holder(tmp_path):
    """Many hold a rank across an archive: "ai mang hàm Đại tá?" lists them all, not the likeliest one."""
    texts = {
        "h1": ("2023-03-02", "Hội nghị ở tỉnh Bắc Hà", "Dự hội nghị có Đại tá Trần Văn Bình, Giám đốc Công an tỉnh."),
        "h2": ("2022-05-04", "Hội nghị ở tỉnh Nam Sơn", "Dự hội nghị có Đại tá Vi Văn Lâm, Chỉ huy trưởng Bộ CHQS tỉnh; "
               "Thượng tá Lê Văn Hải, Phó Giám đốc Công an tỉnh."),
    }
    answerer = _answerer(tmp_path, texts)
    for question in ("Ai mang hàm Đại tá?", "ai co ham dai ta"):
        a = answerer.answer(question, mode="bm25")
        assert sorted(i.name for i in a.items) == ["Trần Văn Bình", "Vi Văn Lâm"]
    counted = answerer.answer("Mấy người được nêu với cấp hàm Đại tá?", mode="bm25")  # counted, as many as listed
    assert counted.short == "2" and sorted(i.name for i in counted.items) == ["Trần Văn Bình", "Vi Văn Lâm"]
    held = answerer.answer("co bao nhieu nguoi giu chuc Giam doc Cong an tinh", mode="bm25")  # a title, not a rank
    assert held.short == "1" and [i.name for i in held.items] == ["Trần Văn Bình"]


def test_programmes_signed_in_a_year_are_those_signed_then_not_those_running(tmp_path):
    """"ký năm 2016": signed in 2016 (or, undated, starting then), not a period of 2012-2016; "thời hạn đến
    năm 2026" names the period's last year."""
    texts = {
        "y1": ("2016-10-05", "Ký kết ở tỉnh Tây Giang", "Ngày 5/10/2016, Ban Dân vận Tỉnh ủy Tây Giang và Công an tỉnh Tây "
               "Giang ký kết Chương trình phối hợp công tác dân vận giai đoạn 2016-2021."),
        "y2": ("2012-03-04", "Ký kết ở tỉnh Nam Sơn", "Ngày 4/3/2012, Hội Nông dân tỉnh Nam Sơn và Công an tỉnh Nam Sơn ký "
               "kết chương trình phối hợp phòng chống tội phạm giai đoạn 2012-2016."),
        "y3": ("2021-11-08", "Ký kết ở huyện Bố Sơn", "Ngày 8/11/2021, Ban Dân vận Huyện ủy Bố Sơn và Công an huyện Bố Sơn "
               "ký kết chương trình phối hợp giai đoạn 2021-2026."),
    }
    answerer = _answerer(tmp_path, texts)
    signed = answerer.answer("Năm 2016 có bao nhiêu chương trình phối hợp được ký?", mode="bm25")
    assert [c.doc_id for c in signed.citations] == ["y1"]
    ending = answerer.answer("nhung chuong trinh phoi hop nao da duoc ky ket voi thoi han den nam 2026", mode="bm25")
    assert [c.doc_id for c in ending.citations] == ["y3"]


def test_which_units_signed_programmes_of_a_period_and_at_the_local_level(tmp_path):
    """"Những đơn vị nào đã ký kết chương trình … giữa A và B giai đoạn X?": the programmes of that period
    between those sides, with their parties; "ở cấp địa phương" leaves out the central one."""
    texts = {
        "c1": ("2016-06-15", "Ký kết ở Trung ương", "Ngày 15/6/2016, Ban Dân vận Trung ương và Bộ Công an ký kết Chương "
               "trình phối hợp công tác dân vận giai đoạn 2016-2021."),
        "c2": ("2016-10-05", "Ký kết ở tỉnh Tây Giang", "Ngày 5/10/2016, Ban Dân vận Tỉnh ủy Tây Giang và Công an tỉnh Tây "
               "Giang ký kết chương trình phối hợp công tác dân vận giai đoạn 2016-2021."),
        "c3": ("2021-04-02", "Ký kết ở tỉnh Nam Sơn", "Ngày 2/4/2021, Ban Dân vận Tỉnh ủy Nam Sơn và Công an tỉnh Nam Sơn "
               "ký kết chương trình phối hợp giai đoạn 2021-2026."),
    }
    answerer = _answerer(tmp_path, texts)
    every = answerer.answer("Những đơn vị nào đã ký kết chương trình phối hợp giữa Ban Dân vận và Công an giai đoạn "
                            "2016-2021?", mode="bm25")
    assert sorted(c.doc_id for c in every.citations) == ["c1", "c2"]
    pairs = answerer.answer("Những cặp cơ quan nào có chương trình phối hợp giữa Ban Dân vận và công an cho giai đoạn "
                            "2016-2021?", mode="bm25")
    assert sorted(c.doc_id for c in pairs.citations) == ["c1", "c2"]
    named = answerer.answer("Những cặp ban dân vận và cơ quan công an nào có chương trình phối hợp cho giai đoạn "
                            "2016-2021?", mode="bm25")
    assert sorted(c.doc_id for c in named.citations) == ["c1", "c2"]
    local = answerer.answer("Ở cấp địa phương, những đơn vị nào đã ký kết chương trình phối hợp giữa Ban Dân vận và Công "
                            "an giai đoạn 2016-2021?", mode="bm25")
    assert [c.doc_id for c in local.citations] == ["c2"]


def test_a_partner_is_counted_once_however_its_articles_write_its_province(tmp_path):
    """"Ban Dân vận Tỉnh ủy Tây Giang" and, in another article of Tây Giang, "Ban Dân vận Tỉnh ủy" are one
    body; a question that names no programme asks for no partners."""
    texts = {
        "w1": ("Tây Giang", "Ngày 3/11, Ban Dân vận Tỉnh ủy Tây Giang và Bộ Chỉ huy Quân sự tỉnh ký kết chương trình "
                            "phối hợp giai đoạn 2023 - 2026."),
        "w2": ("Tây Giang", "Ngày 5/4, Ban Dân vận Tỉnh ủy và Bộ Chỉ huy Quân sự tỉnh ký kết chương trình phối hợp "
                            "giai đoạn 2024 - 2027."),
    }
    answerer = _placed_answerer(tmp_path, texts)
    a = answerer.answer("Ban Dân vận nào có chương trình phối hợp với Bộ Chỉ huy Quân sự?", mode="bm25")
    assert "1 cơ quan" in a.text and sorted(c.doc_id for c in a.citations) == ["w1", "w2"]
    other = answerer.answer("Ban nào có trách nhiệm phối hợp với Bộ Chỉ huy Quân sự?", mode="bm25")
    assert "cơ quan, đơn vị đã ký" not in other.text


@pytest.mark.parametrize("question, across", [
    ("Mấy người được nêu với cấp hàm Đại tá?", True),
    ("co bao nhieu nguoi giu chuc Giam doc Cong an tinh", True),
    ("Có bao nhiêu người dự hội nghị mang hàm Đại tá?", False),  # the people of one event
    ("Có bao nhiêu người dự hội nghị giữ chức Giám đốc Công an tỉnh?", False),
])
def test_a_count_of_holders_is_across_the_archive_unless_it_names_an_event(question, across):
    from danvan_qa.ingest.facts import FactTable
    from danvan_qa.qa.questions import parse
    from danvan_qa.qa.title_lists import asks_holders

    assert asks_holders(parse(question, question, FactTable())) is across


def test_a_persons_sessions_with_a_body_are_their_events_whose_report_leads_with_it(tmp_path):
    texts = {
        "p1": ("2018-06-12", "Đoàn kiểm tra làm việc với Đảng ủy Công an tỉnh Tây Giang",
               "Chiều 11/6, Đoàn kiểm tra của Ban Dân vận Trung ương làm việc với Đảng ủy Công an tỉnh Tây Giang. Đồng chí "
               "Lê Thị Hạnh, Trưởng ban Dân vận Trung ương, Trưởng đoàn kiểm tra, phát biểu."),
        "p2": ("2020-07-07", "Kiểm tra công tác dân vận trong Công an tỉnh Tây Giang",
               "Chiều 7/7, Đoàn kiểm tra do đồng chí Lê Thị Hạnh, Trưởng ban Dân vận Trung ương, làm Trưởng đoàn có buổi "
               "làm việc với Đảng ủy Công an tỉnh Tây Giang."),
        "p3": ("2021-03-02", "Đoàn kiểm tra làm việc với Đảng ủy Quân sự tỉnh Nam Sơn",
               "Chiều 2/3, Đoàn kiểm tra do đồng chí Lê Thị Hạnh, Trưởng ban Dân vận Trung ương, làm Trưởng đoàn làm việc "
               "với Đảng ủy Quân sự tỉnh Nam Sơn."),
    }
    a = _answerer(tmp_path, texts).answer("Đoàn kiểm tra do bà Lê Thị Hạnh làm trưởng đoàn đã làm việc với Đảng ủy Công an "
                                          "tỉnh Tây Giang mấy lần theo các bài?", mode="bm25")
    assert a.short == "2" and {c.doc_id for c in a.citations} == {"p1", "p2"}


def test_a_persons_events_counted_at_a_place_are_those_whose_sentence_says_it(tmp_path):
    """"Bao nhiêu hội nghị, buổi làm việc tổ chức tại Hà Nội có ông X dự?": the count said first, two reports of one
    event once, only where its sentence holds it."""
    texts = {
        "x1": ("2022-04-14", "Ký kết chương trình phối hợp", "Ngày 14/4/2022, tại Hà Nội, Bộ Nội vụ và Ban Dân vận Trung "
               "ương tổ chức hội nghị ký kết chương trình phối hợp. Đồng chí Trần Văn Bình, Bộ trưởng Bộ Nội vụ dự."),
        "x2": ("2022-04-15", "Bộ Nội vụ ký kết chương trình phối hợp", "Ngày 14/4/2022, tại Hà Nội, Bộ Nội vụ và Ban Dân "
               "vận Trung ương tổ chức hội nghị ký kết chương trình phối hợp. Dự có đồng chí Trần Văn Bình."),
        "x3": ("2023-06-26", "Hội nghị sơ kết ở Đà Nẵng", "Ngày 26/6, tại Đà Nẵng, Bộ Nội vụ tổ chức hội nghị sơ kết. Đồng "
               "chí Trần Văn Bình, Bộ trưởng Bộ Nội vụ dự hội nghị."),
        "x4": ("2024-03-02", "Buổi làm việc về cải cách hành chính", "Ngày 2/3, tại Hà Nội, Bộ Nội vụ có buổi làm việc với "
               "Ban Tổ chức Trung ương. Đồng chí Trần Văn Bình chủ trì buổi làm việc."),
    }
    a = _answerer(tmp_path, texts).answer("Bao nhiêu hội nghị, buổi làm việc tổ chức tại Hà Nội có ông Trần Văn Bình "
                                          "dự? (mỗi sự kiện tính một lần)", mode="bm25")
    assert a.short == "2" and {c.doc_id for c in a.citations} == {"x1", "x2", "x4"}
    assert "(tại Hà Nội)" in a.text


def test_a_persons_events_counted_by_the_act_asked_are_those_they_did_it_at(tmp_path):
    """"X chủ trì hoặc đồng chủ trì bao nhiêu hội nghị": not the ones X only attended."""
    texts = {
        "c1": ("2022-04-14", "Hội nghị ký kết", "Ngày 14/4/2022, tại Hà Nội, Bộ Nội vụ tổ chức hội nghị ký kết. Đồng chí "
               "Trần Văn Bình, Bộ trưởng Bộ Nội vụ và đồng chí Lê Thị Hoa, Trưởng Ban Dân vận Trung ương đồng chủ trì hội nghị."),
        "c2": ("2023-06-26", "Hội nghị sơ kết", "Ngày 26/6, tại Hà Nội, Bộ Nội vụ tổ chức hội nghị sơ kết. Đồng chí Trần Văn "
               "Bình, Bộ trưởng Bộ Nội vụ chủ trì hội nghị."),
        "c3": ("2024-01-02", "Hội nghị ở tỉnh Tây Giang", "Ngày 2/1, tại Tây Giang, Công an tỉnh tổ chức hội nghị. Dự hội "
               "nghị có đồng chí Trần Văn Bình, Bộ trưởng Bộ Nội vụ."),
    }
    answerer = _answerer(tmp_path, texts)
    a = answerer.answer("Ông Trần Văn Bình chủ trì hoặc đồng chủ trì bao nhiêu hội nghị được các bài đưa tin?", mode="bm25")
    assert a.short == "2" and {c.doc_id for c in a.citations} == {"c1", "c2"}
    assert "**Trần Văn Bình** (chủ trì)" in a.text  # the answer says how the events were narrowed
    b = answerer.answer("Ông Trần Văn Bình đã chủ trì hoặc dự bao nhiêu hội nghị được đưa tin?", mode="bm25")
    assert b.short == "3"  # any of his events


def test_acts_asked_of_a_persons_events_are_each_read_and_a_name_is_no_act(tmp_path):
    """"chủ trì hoặc phát biểu": either; "Dư" in a name folds to "du" (attend) and asks no attending; "chương trình
    phối hợp với X" is no meeting with X."""
    texts = {
        "e1": ("2022-04-14", "Hội nghị tổng kết ở Tây Nam", "Ngày 14/4/2022, tại Tây Nam, hội nghị tổng kết diễn ra. "
               "Ông Dư Văn Tám, Trưởng ban Dân vận Huyện ủy chủ trì hội nghị."),
        "e2": ("2023-05-02", "Hội nghị sơ kết ở Tây Nam", "Ngày 2/5/2023, tại Tây Nam, hội nghị sơ kết diễn ra. Ông Dư Văn "
               "Tám, Trưởng ban Dân vận Huyện ủy phát biểu tại hội nghị."),
        "e3": ("2024-01-02", "Hội nghị ở Đông Nam", "Ngày 2/1/2024, tại Đông Nam, hội nghị diễn ra. Dự hội nghị có ông Dư "
               "Văn Tám, Trưởng ban Dân vận Huyện ủy."),
    }
    answerer = _answerer(tmp_path, texts)
    a = answerer.answer("Bao nhiêu hội nghị có ông Dư Văn Tám chủ trì hoặc phát biểu?", mode="bm25")
    assert a.short == "2" and {c.doc_id for c in a.citations} == {"e1", "e2"}
    b = answerer.answer("Bao nhiêu hội nghị có ông Dư Văn Tám chủ trì?", mode="bm25")
    assert b.short == "1" and {c.doc_id for c in b.citations} == {"e1"}
    c = answerer.answer("Ông Dư Văn Tám đã ký bao nhiêu chương trình phối hợp với Công an huyện Tây Nam?", mode="bm25")
    assert c.abstained and "Các bài viết nhắc đến" not in c.text  # no programme signed there: not his events of every kind


def test_a_list_asked_in_the_last_sentence_after_one_that_sets_the_scene(tmp_path):
    texts = {
        "v1": ("2022-04-14", "Hội nghị ở Tây Nam", "Ngày 14/4/2022, hội nghị diễn ra. Dự hội nghị có đồng chí Lê Văn An, "
               "Phó Giám đốc Sở Nội vụ tỉnh Tây Nam."),
        "v2": ("2023-05-02", "Hội nghị ở Đông Nam", "Ngày 2/5/2023, hội nghị diễn ra. Dự hội nghị có đồng chí Trần Thị Bích, "
               "Phó Giám đốc Sở Nội vụ tỉnh Đông Nam."),
    }
    a = _answerer(tmp_path, texts).answer("Tôi nhớ trong mấy bài có nhắc nhiều vị Phó Giám đốc Sở Nội vụ. Cho tôi danh "
                                          "sách đầy đủ những người được ghi là Phó Giám đốc Sở Nội vụ.", mode="bm25")
    assert sorted(i.name for i in a.items) == ["Lê Văn An", "Trần Thị Bích"]


def test_who_led_delegations_across_the_archive_by_act_or_by_role(tmp_path):
    texts = {
        "d1": ("2021-09-05", "Đoàn công tác kiểm tra ở Tây Nam", "Chiều 5/9, đoàn công tác của Ban Dân vận Trung ương do "
               "Trung tướng Hồ Văn Khải - Phó Chủ nhiệm Tổng cục Chính trị làm trưởng đoàn, kiểm tra chương trình phối hợp."),
        "d2": ("2019-06-11", "Buổi làm việc với Đảng ủy Công an", "Đồng chí Lương Thị Nga, Trưởng ban Dân vận Trung ương, "
               "Trưởng Đoàn kiểm tra; đồng chí Vũ Đức Mạnh, Phó Trưởng Đoàn kiểm tra đồng chủ trì buổi làm việc."),
        "d3": ("2020-04-28", "Bí thư Thành ủy làm việc", "Ngày 28/4, đồng chí Đinh Văn Hòa, Bí thư Thành ủy, Trưởng Đoàn "
               "đại biểu Quốc hội thành phố làm việc với Ban Dân vận Thành ủy."),
        "d4": ("2022-05-10", "Đoàn vận động viên dự giải thể thao", "Đoàn vận động viên tỉnh Vân Khê do ông Phùng Bá Lực, "
               "Giám đốc Sở Văn hóa làm trưởng đoàn dự giải thể thao toàn quốc."),
    }
    answerer = _answerer(tmp_path, texts)
    for asked in ("Những ai từng làm trưởng đoàn các đoàn kiểm tra, đoàn công tác đến làm việc với Công an? Mỗi người "
                  "kể một lần.", "nhung ai tung lam truong doan khi doan xuong lam viec voi luc luong vu trang?",
                  "Liệt kê các đoàn kiểm tra có nêu tên trưởng đoàn trong các bài, kèm tên trưởng đoàn.",
                  # kinds of delegation listed, or every head asked
                  "doan kiem tra, doan cong tac ve dan van thi ai lam truong doan?",
                  "Ai làm trưởng đoàn kiểm tra, kể hết giúp tôi"):
        a = answerer.answer(asked, mode="bm25")
        # the head of a delegation by the act or by the role; not a deputy, nor a deputies' delegation to the Assembly,
        # nor a sports team's
        assert sorted(i.name for i in a.items) == ["Hồ Văn Khải", "Lương Thị Nga"], asked
    one = answerer.answer("Đoàn công tác kiểm tra chiều 5/9 do ai làm trưởng đoàn?", mode="bm25")
    assert "Lương Thị Nga" not in one.text  # one delegation, dated: its own article answers
    # of a place or a year: that place's or year's delegation only
    for asked, head in (("đoàn kiểm tra, đoàn công tác năm 2021 thì ai làm trưởng đoàn?", "Hồ Văn Khải"),
                        ("Ai làm trưởng đoàn kiểm tra năm 2019, kể hết giúp tôi", "Lương Thị Nga"),
                        ("Ai làm trưởng đoàn kiểm tra làm việc với Đảng ủy Công an, kể hết giúp tôi", "Lương Thị Nga")):
        found = answerer.answer(asked, mode="bm25")
        assert found.abstained or head in {i.name for i in found.items} and "Phùng Bá Lực" not in found.text, asked
        assert not {"Hồ Văn Khải", "Lương Thị Nga"} <= {i.name for i in found.items}, asked  # not every head
    # others at a person's event, a person set aside ("Ngoài X, những ai dự …", a follow-up said back): X's event
    others = answerer.answer("Ngoài Hồ Văn Khải, những ai dự làm trưởng đoàn công tác kiểm tra ở Tây Nam?", mode="bm25")
    assert "Lương Thị Nga" not in others.text


def test_a_title_with_two_abbreviations_is_held_by_roles_that_write_it_out(tmp_path):
    texts = {
        "t1": ("2022-04-14", "Hội nghị ký kết", "Dự hội nghị có đồng chí Lương Thị Nga, Trưởng Ban Dân vận Trung ương; "
               "đồng chí Vi Thị Lan, Trưởng Ban Dân vận Tỉnh ủy Đông Lâm."),
        "t2": ("2010-12-24", "Buổi làm việc", "Dự buổi làm việc có đồng chí Hồ Văn Khải, Phó trưởng Ban Dân vận Trung ương."),
    }
    answerer = _answerer(tmp_path, texts)
    head = answerer.answer("trưởng BDV TW trong các bài là những ai?", mode="bm25")
    assert [i.name for i in head.items] == ["Lương Thị Nga"]  # not every Trưởng Ban Dân vận
    deputies = answerer.answer("co bao nhieu pho truong bdv tw dc neu ten?", mode="bm25")
    assert [i.name for i in deputies.items] == ["Hồ Văn Khải"] and deputies.short == "1"


def test_a_list_is_read_without_the_brackets_or_the_rules_that_keep_it_from_any_shape(tmp_path):
    texts = {
        "r1": ("2016-10-05", "Ký kết chương trình phối hợp ở Tây Nam", "Ngày 5/10/2016, Ban Dân vận Tỉnh ủy và Công an "
               "tỉnh Tây Nam ký kết Chương trình phối hợp số 07-CTr/BDVTU-CAT về công tác dân vận giai đoạn 2016-2021."),
        "r2": ("2017-01-13", "Ký kết chương trình phối hợp ở Đông Nam", "Ngày 13/1/2017, Công an tỉnh Đông Nam và Ủy ban "
               "MTTQ tỉnh ký Chương trình phối hợp số 13/CTrPH-CA-MTTQ về bảo vệ an ninh Tổ quốc."),
    }
    answerer = _answerer(tmp_path, texts)
    for asked in ("co bao nhieu ctr phoi hop dc neu day du so/ky hieu van ban (vd 01-CTr/ABC)? ko tinh ke hoach",
                  "Liệt kê các chương trình phối hợp (về dân vận hoặc an ninh) có ghi số hiệu trong các bài. Không tính "
                  "nghị quyết."):
        a = answerer.answer(asked, mode="bm25")
        assert {c.doc_id for c in a.citations} == {"r1", "r2"}, asked


def test_plainer_forms_of_a_question_come_once_each_in_order():
    from danvan_qa.qa.answering import plainer

    assert list(plainer("Theo các bài trong kho, những chương trình nào được ký (mọi cấp)? Tính mọi cấp.")) == [
        "Tính mọi cấp.",  # the last sentence: a request after a preamble, were it one
        "Theo các bài trong kho, những chương trình nào được ký? Tính mọi cấp.",
        "Theo các bài trong kho, những chương trình nào được ký?",
        "Những chương trình nào được ký?"]
    assert "Những hội nghị tổng kết nào đã được tổ chức?" in plainer(  # what the asker says first, then the question
        "Em đang lập cơ sở dữ liệu về các chương trình. Trong các bài báo, những hội nghị tổng kết nào đã được tổ chức?")
    assert "Cong an nhung noi nao to chuc gap mat?" in plainer("minh dang len ke hoach, cho minh hoi cong an nhung noi nao "
                                                               "to chuc gap mat?")
    assert "Bao nhiêu hội thi, cuộc thi trong các bài?" in plainer("Các bài có nhắc bao nhiêu hội thi, cuộc thi?")
    # a condition said first is no talk of the asker: kept ("Năm 2023, cho mình hỏi …"), nor is "TP." a sentence's end
    assert not any(form.startswith("Những tỉnh nào") for form in plainer("Năm 2023, cho mình hỏi những tỉnh nào đã "
                                                                        "tổ chức hội nghị ký kết?"))
    assert "Đại tá Lê Văn Hải, Giám đốc Công an TP. Nam Sơn đã dự những hội nghị nào?" in plainer(
        "Trong các bài, Đại tá Lê Văn Hải, Giám đốc Công an TP. Nam Sơn đã dự những hội nghị nào?")
    assert list(plainer("Ai chủ trì hội nghị?")) == []
    assert "?" not in plainer("Do ai chủ trì?")  # less its clause, no question: no form
    assert all("Van Khe" in form for form in plainer("tinh Van Khe, nam 2023 co bao nhieu hoi nghi?"))  # a place
    assert list(plainer("Có bao nhiêu lễ hoặc hội nghị ký kết được đưa tin?")) == [
        "Có bao nhiêu hội nghị ký kết được đưa tin?"]  # kinds of one signing: one kind
    assert "co bao nhieu hoi nghi ky ket?" in plainer("co bao nhieu le / hoi nghi ky ket?")
    # a request said before what it asks, after the clause of who held the events
    assert list(plainer("Đề nghị tổng hợp các hội nghị do Công an tổ chức về người có uy tín: diễn ra ở đâu?"))[-1] == \
        "Các hội nghị về người có uy tín: diễn ra ở đâu?"
    # where A signed with B: the programmes between them, each side written out, as typed
    assert "nhung chuong trinh phoi hop nao giua Ban Dan van va cong an giai doan 2022-2026?" in plainer(
        "bdv ky ctr phoi hop voi cong an giai doan 2022-2026 o nhung dau?")
    # … not where one signing took place ("ở đâu"): one article's question
    assert not any(f.startswith("Những chương trình") for f in plainer(
        "Ban A ký kết chương trình phối hợp với Công an tỉnh B giai đoạn 2022-2026 ở đâu?"))
    # the articles said first: "mấy bài này" are "these few", no count
    assert "Những ai làm Giám đốc Công an tỉnh được nhắc tên?" in plainer(
        "Trong mấy bài báo này, những ai làm Giám đốc Công an tỉnh được nhắc tên? Bà cần cho cháu làm bài.")
    assert "Co bao nhieu hoi nghi ky ket?" in plainer("Co bao nhieu le / hoi nghi ky ket?")  # bare stays bare
    # a condition said first is said last: "Chỉ tính giai đoạn X, …?" narrows what is counted
    assert list(plainer("Chỉ tính giai đoạn 2022-2026, có bao nhiêu hội nghị ký kết?")) == [
        "Có bao nhiêu hội nghị ký kết giai đoạn 2022-2026?"]
    # … a time said first is "within" it, said with "thì" or "thôi" too, before the closing particles
    assert "Có bao nhiêu hội nghị được đưa tin trong năm 2023?" in plainer(
        "Chỉ tính năm 2023 thì có bao nhiêu hội nghị được đưa tin vậy?")
    assert "Có những hội nghị nào trong tháng 11?" in plainer("Chỉ tính tháng 11 thôi: có những hội nghị nào ạ?")
    # … not a place's bare "Hà", nor the "thi" of "hội thi"
    assert all("Bac Ha" in f for f in plainer("chi tinh nam 2023 thi co bao nhieu hoi nghi o tinh Bac Ha?"))
    assert not any(f.startswith("Thì") for f in plainer("Chỉ tính các hội thi thì có bao nhiêu giải thưởng được trao?"))
    # … before "nha" closing it too
    assert "Có bao nhiêu hội nghị được đưa tin trong năm 2023?" in plainer(
        "Chỉ tính năm 2023, có bao nhiêu hội nghị được đưa tin nha?")
    # things named first and counted last with a bare classifier: counted first, "thì" and the closing words left out
    assert list(plainer("Các hội nghị ký kết thì có bao nhiêu cái vậy mn?"))[-1] == "Có bao nhiêu hội nghị ký kết?"
    assert "Co may hoi thi cuoc thi?" in plainer("hoi thi cuoc thi co may cai")
    assert not any(f.startswith("Có bao nhiêu Hội") for f in plainer("Hội nghị tổng kết có bao nhiêu đại biểu?"))
    # a request naming what it lists ("Liệt kê giúp mình tên các …"); why the asker asks, said first
    assert "Các mô hình “Dân vận khéo” của Công an tỉnh Nam Sơn nhé." in plainer(
        "Liệt kê giúp mình tên các mô hình “Dân vận khéo” của Công an tỉnh Nam Sơn nhé.")
    assert list(plainer("Năm nay mình muốn tổ chức hội thi nên hỏi: trong các bài có bao nhiêu hội thi?")) == [
        "Trong các bài có bao nhiêu hội thi?"]
    assert "Trong các bài có những hội nghị nào?" in plainer("Bên em là Ban Huyện ủy, muốn biết trong các bài có những "
                                                             "hội nghị nào?")
    assert list(plainer("Ở Nam Sơn, muốn biết thì hỏi ai?")) == []  # a place said first: no asker's lead
    for said in ("Tại Nam Sơn, em là cán bộ, muốn biết có những hội nghị nào?", "Em ở tỉnh Nam Sơn, muốn biết có những "
                 "hội nghị nào?", "Năm 2023 mình là cán bộ nên hỏi: có những hội nghị nào?"):  # a place or year: kept
        assert "Có những hội nghị nào?" not in plainer(said), said
    # a person named in the lead and asked of by a pronoun: asked of by name, as typed
    assert "Theo các bài, đồng chí Lê Văn Khải đã dự những hội nghị nào?" in plainer(
        "Em đang tổng hợp lịch công tác của đồng chí Lê Văn Khải: theo các bài, đồng chí ấy đã dự những hội nghị nào?")
    assert "Dong chi Le Van Khai da du nhung hoi nghi nao?" in plainer("Toi tim hieu ve ong Le Van Khai. Ong ay da du "
                                                                        "nhung hoi nghi nao?")
    # the articles said first, the things counted last; a place said first with "thì", said last
    assert "Có mấy cuộc thi / hội thi?" in plainer("mấy bài có nói về cuộc thi / hội thi, tổng cộng mấy cái v?")
    assert "Có mấy sự kiện được đưa tin ở tỉnh Nam Sơn?" in plainer(
        "ở tỉnh Nam Sơn thì có mấy sự kiện được đưa tin trong mấy bài này vậy?")
    assert "Co nhung hoi nghi nao o Bac Ha?" in plainer("o Bac Ha thi co nhung hoi nghi nao")
    assert list(plainer("Ở hội thi thì có bao nhiêu đội?")) == []  # no place
    # a list asked first, then short asks of its rows: the list alone, whose rows say them
    assert "mấy chương trình phối hợp có ghi số hiệu kiểu 'số 38' á?" in plainer(
        "mấy chương trình phối hợp có ghi số hiệu kiểu 'số 38' á, có những số nào, ký giữa ai v ạ")
    assert list(plainer("Ai chủ trì hội nghị ở Nam Sơn, ở đâu?")) == []  # no list asked first
    for asked, alone in (("Những hội nghị nào ở tỉnh Nam Sơn, tổng cộng bao nhiêu?", "Những hội nghị nào ở tỉnh Nam Sơn?"),
                         ("Những ai chủ trì hội nghị, ai nhiều nhất?", "Những ai chủ trì hội nghị?")):
        assert alone not in plainer(asked), asked  # a count, a most: not a row's ask, not left out
    # a request closing the question, after a comma or its question mark
    assert "Công an tặng quà cho những ai?" in plainer("Công an tặng quà cho những ai? kể hết giúp tôi")
    assert "cong an tang qua cho nhung ai vay?" in plainer("cong an tang qua cho nhung ai vay, liet ke giup minh nhe")
    for counted in ("Cuộc thi do công an tổ chức có bao nhiêu bạn?", "Hội nghị liên tịch có mấy ban?"):  # what is counted
        assert not any(f.startswith("Có") for f in plainer(counted)), counted


def test_a_count_no_article_answers_alone_is_the_archives_though_it_says_no_trong_cac_bai(tmp_path):
    texts = {
        "u1": ("2020-10-01", "Gặp mặt người có uy tín ở huyện Tây Nam", "Công an tỉnh tổ chức hội nghị gặp mặt "
               "người có uy tín trong đồng bào dân tộc thiểu số huyện Tây Nam."),
        "u2": ("2017-03-15", "Phát huy vai trò người có uy tín ở Đông Nam", "Công an tỉnh Đông Nam tổ chức buổi "
               "gặp mặt người có uy tín trong đồng bào dân tộc thiểu số."),
        "u3": ("2018-05-02", "Hội nghị ký kết ở Bắc Sơn", "Ngày 2/5, Ban Dân vận Tỉnh ủy Bắc Sơn và Công an tỉnh ký kết "
               "chương trình phối hợp. Dự hội nghị có ông Lê Văn Tâm, Trưởng Ban Dân vận Tỉnh ủy Bắc Sơn."),
    }
    answerer = _answerer(tmp_path, texts)
    a = answerer.answer("co bao nhieu hn / buoi gap mat voi nguoi co uy tin trong dong bao dtts co cong an to chuc? "
                        "tinh theo su kien", mode="bm25")
    assert a.short == "2" and {c.doc_id for c in a.citations} == {"u1", "u2"}
    for amount in ("Lương của Trưởng Ban Dân vận Tỉnh ủy là bao nhiêu?", "Mỗi nơi là bao nhiêu người có uy tín?"):
        assert answerer.answer(amount, mode="bm25").items == (), amount  # an amount or each one's figure: no list


def test_a_persons_events_asked_with_kinds_split_by_a_slash_and_what_each_row_says(answerer):
    a = answerer.answer("Trần Văn Bình dự những hội nghị / buổi làm việc nào, vai trò gì ở mỗi lần?", mode="bm25")
    assert [answerer.store.data.documents[a.citations[i.citation - 1].doc_id].doc_id for i in a.items] == ["a2", "a1"]


def test_a_persons_events_asked_as_a_request_to_list_the_events_they_took_part_in(answerer):
    a = answerer.answer("Để làm báo cáo, đề nghị liệt kê các hội nghị, buổi làm việc có sự tham gia của đồng chí Trần Văn "
                        "Bình (chủ trì hoặc dự), kèm ngày diễn ra.", mode="bm25")
    assert [answerer.store.data.documents[a.citations[i.citation - 1].doc_id].doc_id for i in a.items] == ["a2", "a1"]


def test_a_persons_event_reported_by_two_articles_is_one_row_with_the_other_under_it(tmp_path):
    texts = {
        "e1": ("2022-04-14", "Bộ Nội vụ và Ban Dân vận ký kết chương trình phối hợp", "Ngày 14/4/2022, tại Hà Nội, Bộ Nội "
               "vụ và Ban Dân vận Trung ương tổ chức hội nghị ký kết chương trình phối hợp. Đồng chí Trần Văn Bình, "
               "Thứ trưởng Bộ Nội vụ chủ trì hội nghị.", "Hà Nội"),
        "e2": ("2022-04-14", "Ký kết chương trình phối hợp giữa Bộ Nội vụ và Ban Dân vận", "Ngày 14/4/2022, tại Hà Nội, Bộ "
               "Nội vụ và Ban Dân vận Trung ương tổ chức hội nghị ký kết chương trình phối hợp. Đồng chí Trần Văn Bình, "
               "Thứ trưởng Bộ Nội vụ chủ trì hội nghị.", "Hà Nội"),
        "e3": ("2021-03-02", "Hội nghị sơ kết ở Bắc Hà", "Ngày 2/3/2021, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết. Dự "
               "hội nghị có đồng chí Trần Văn Bình, Thứ trưởng Bộ Nội vụ.", "Bắc Hà"),
    }
    a = _answerer(tmp_path, texts).answer("Đồng chí Trần Văn Bình đã dự những hội nghị nào, với cương vị gì?", mode="bm25")
    assert len(a.items) == 2 and "3 bài, 2 sự kiện" in a.text
    row = next(line for line in a.text.splitlines() if "cũng đưa tin trong bài" in line)
    assert row.startswith("  - ")  # under the event's row: one row, both articles cited
    assert {c.doc_id for c in a.citations} == {"e1", "e2", "e3"}



def test_two_events_of_one_body_on_one_day_are_two_rows_of_a_persons_events(tmp_path):
    texts = {
        "s1": ("2023-06-11", "Hội nghị về dân vận chính quyền ở Bắc Lâm", "Sáng 11/6, Ban Dân vận Tỉnh ủy Bắc Lâm tổ chức hội "
               "nghị về dân vận chính quyền. Bà Hà Thị Mơ, Trưởng Ban Dân vận Tỉnh ủy chủ trì hội nghị.", "Bắc Lâm"),
        "s2": ("2023-06-11", "Tăng cường công tác tôn giáo ở huyện Yên Khê", "Chiều 11/6, Ban Dân vận Tỉnh ủy Bắc Lâm tổ "
               "chức hội nghị về công tác tôn giáo. Bà Hà Thị Mơ, Trưởng Ban Dân vận Tỉnh ủy chủ trì hội nghị.", "Bắc Lâm"),
    }
    a = _answerer(tmp_path, texts).answer("Bà Hà Thị Mơ đã tham dự những hội nghị nào?", mode="bm25")
    assert len(a.items) == 2 and "cũng đưa tin" not in a.text


def test_a_count_of_what_the_archive_does_not_list_is_not_read_across_it(tmp_path):
    texts = {"x1": ("2023-01-02", "Hội nghị ở xã Phù Lãng", "Ngày 2/1, xã Phù Lãng tổ chức hội nghị. Dự hội nghị có 85 đại "
                    "biểu.")}
    answerer = _answerer(tmp_path, texts)
    assert answerer.answer("Huyện Yên Khê có bao nhiêu xã?", mode="bm25").items == ()  # an administrative fact
    empty = answerer.answer("Do ai chủ trì?", mode="bm25")  # its clause set aside leaves no question: no QueryError
    assert empty.text and empty.items == ()


@pytest.mark.parametrize("question", ["Thứ trưởng Bộ Nội vụ thì có mấy ông hả bạn?", "co may vi thu truong bo noi vu vay",
                                      "Có mấy Thứ trưởng Bộ Nội vụ, họ là ai?", "Có mấy Thứ trưởng Bộ Nội vụ hả bạn ơi?",
                                      "Thế có mấy Thứ trưởng Bộ Nội vụ?",
                                      "Có bao nhiêu Thứ trưởng Bộ Nội vụ?", "Những ông Thứ trưởng Bộ Nội vụ nào vậy ạ?",
                                      "thu truong bo noi vu thi bai bao goi may nguoi? dem giup minh"])
def test_a_title_asked_with_nothing_but_chat_around_it_is_its_holders(answerer, question):
    """A question saying only a title and the asking of many, however it is phrased: every article's holders."""
    a = answerer.answer(question, mode="bm25")
    assert sorted({i.name for i in a.items}) == ["Phạm Quốc Dũng", "Trần Văn Bình"]
    assert sorted(c.doc_id for c in a.citations) == ["a1", "a2", "a3"]


@pytest.mark.parametrize("question", ["Những ông tướng nào được nhắc tên?", "co may vi tuong vay",
                                      "Các tướng lĩnh nào có tên trong bài?"])
def test_a_general_asked_without_a_rank_is_any_generals_rank(tmp_path, question):
    a = _answerer(tmp_path, {
        "g1": ("2022-04-01", "Hội nghị ở tỉnh Nam Sơn", "Ngày 1/4, dự hội nghị có Thượng tướng Lê Văn Khải, Thứ trưởng "
                                                     "Bộ Nội vụ và Đại tá Hoàng Minh Khang, Giám đốc Công an tỉnh Nam Sơn."),
        "g2": ("2023-04-01", "Hội nghị ở tỉnh Bắc Hà", "Ngày 1/4, dự hội nghị có Thiếu tướng Phạm Quang Hưng, Cục trưởng "
                                                    "Cục Dân vận và đồng chí Trần Văn Bình, Thủ tướng."),
    }).answer(question, mode="bm25")
    assert sorted({i.name for i in a.items}) == ["Lê Văn Khải", "Phạm Quang Hưng"]


def test_a_title_asked_with_more_than_chat_is_not_the_whole_archives(answerer):
    """"… dự hội nghị ở tỉnh Bắc Hà": a place of its own; the holders elsewhere are no rows."""
    a = answerer.answer("Thứ trưởng Bộ Nội vụ có mấy ông dự hội nghị ở tỉnh Bắc Hà?", mode="bm25")
    assert "a3" not in {c.doc_id for c in a.citations}


def test_a_year_said_first_with_thi_counts_that_years_events(answerer):
    """"Chỉ tính năm 2024 thì … vậy?": the events held within that year, as when it is said last."""
    a = answerer.answer("Chỉ tính năm 2024 thì có bao nhiêu hội nghị được đưa tin vậy?", mode="bm25")
    assert a.short == "2" and {c.doc_id for c in a.citations} == {"a5", "a6"}


@pytest.mark.parametrize("question", ["Liệt kê các chương trình phối hợp mà bài viết ghi rõ cả số hiệu lẫn ngày ký.",
                                      "Có bao nhiêu số hiệu chương trình phối hợp được nêu trong các bài?"])
def test_programmes_asked_by_their_number_with_ma_or_counted_as_numbers(tmp_path, question):
    texts = {
        "n1": ("2016-06-16", "Ký kết chương trình phối hợp", "Ngày 15/6/2016, Ban Dân vận Tỉnh ủy Nam Sơn và Công an "
               "tỉnh Nam Sơn ký kết Chương trình số 12-CTr/BDVTU-CAT về phối hợp công tác dân vận giai đoạn 2016-2021."),
        "n2": ("2021-11-08", "Ký kết ở tỉnh Bắc Hà", "Ngày 8/11/2021, Ban Dân vận Tỉnh ủy Bắc Hà và Công an tỉnh Bắc Hà "
               "ký kết Chương trình số 07-CTr/BDVTU-CAT về phối hợp công tác dân vận giai đoạn 2021-2026."),
        "n3": ("2022-03-02", "Ký kết ở huyện Tây Giang", "Sáng 2/3, Công an huyện Tây Giang và Hội Nông dân huyện ký "
               "kết chương trình phối hợp công tác giai đoạn 2022 – 2027."),
    }
    answerer = _answerer(tmp_path, texts)
    a = answerer.answer(question, mode="bm25")
    assert len(a.items) == 2 and {c.doc_id for c in a.citations} == {"n1", "n2"}
    assert "12-CTr/BDVTU-CAT" in a.text and "07-CTr/BDVTU-CAT" in a.text
    # "mà" before what the programmes hold, not what an article writes of them: no list of the programmes
    assert not answerer.answer("Các chương trình mà Ban Dân vận Tỉnh ủy Nam Sơn ký với Công an tỉnh có mấy nội dung?",
                               mode="bm25").items


@pytest.mark.parametrize("question", ['Kể tên các mô hình "Dân vận khéo" tiêu biểu của Công an tỉnh Nam Sơn và Công an '
                                      'tỉnh Bắc Hà giúp mình nhé.',
                                      "cho xin ten cac mo hinh dien hinh 'dan van kheo' cua cong an tinh Nam Son va tinh Bac Ha",
                                      "Tên các mô hình 'Dân vận khéo' tiêu biểu của Công an tỉnh Nam Sơn với Công an tỉnh "
                                      "Bắc Hà là gì vậy ạ?",
                                      "Bài về Công an tỉnh Nam Sơn và bài về Công an tỉnh Bắc Hà nêu đích danh tổng cộng bao "
                                      "nhiêu mô hình “Dân vận khéo” tiêu biểu?"])
def test_models_of_two_places_named_are_each_places_own(tmp_path, question):
    """Two places joined by "và" or "với", listed or counted after their naming: each article holds one of them, not
    both; "tiêu biểu" says which models, not a name."""
    texts = {
        "p1": ("2023-04-02", "Công an tỉnh Nam Sơn làm tốt dân vận khéo", "Công an tỉnh Nam Sơn duy trì nhiều mô hình "
               "“Dân vận khéo”. Nhiều mô hình điển hình như: “Bàn tiếp dân thân thiện”, “Nghe dân nói”."),
        "p2": ("2023-03-02", "Công an tỉnh Bắc Hà với mô hình dân vận khéo", "Công an tỉnh Bắc Hà duy trì 20 mô hình "
               "“Dân vận khéo”, trong đó có mô hình “Khéo vận động đồng bào”."),
        "p3": ("2022-05-06", "Công an tỉnh Tây Giang làm tốt dân vận khéo", "Công an tỉnh Tây Giang có mô hình "
               "“Dân vận khéo” điển hình là mô hình “Xe cơm từ thiện”."),
    }
    a = _answerer(tmp_path, texts).answer(question, mode="bm25")
    assert sorted(i.name for i in a.items) == ["Bàn tiếp dân thân thiện", "Khéo vận động đồng bào", "Nghe dân nói"]


@pytest.mark.parametrize("question", ["bn vi thu truong bo noi vu dc neu ten trong loat bai nay vay?",
                                      "ds thu truong bo noi vu duoc nhac ten",
                                      "Thứ trưởng Bộ Nội vụ các nơi là ai? liệt kê giúp mình tên và tỉnh"])
def test_a_title_asked_in_chat_shorthand_is_its_holders(answerer, question):
    a = answerer.answer(question, mode="bm25")
    assert sorted({i.name for i in a.items}) == ["Phạm Quốc Dũng", "Trần Văn Bình"]


@pytest.mark.parametrize("question", ["truong ban dan van tinh uy , thanh uy o cac noi la ai vay, liet ke giup toi",
                                      "Trưởng ban Dân vận Tỉnh ủy, Thành ủy các nơi là ai?"])
def test_a_title_and_its_alternative_after_a_comma_asked_in_chat_are_their_holders(answerer, question):
    a = answerer.answer(question, mode="bm25")
    assert sorted({i.name for i in a.items}) == ["Vi Thị Lan", "Đào Minh Tâm"]


def test_a_title_set_aside_after_a_comma_is_no_alternative(answerer):
    a = answerer.answer("Thứ trưởng Bộ Nội vụ các nơi là ai, không kể Phó Chủ tịch UBND tỉnh?", mode="bm25")
    assert sorted({i.name for i in a.items}) == ["Phạm Quốc Dũng", "Trần Văn Bình"]


@pytest.mark.parametrize("question", ["Ban Dân vận Thành ủy có mấy ông Trưởng ban được nêu tên?",
                                      "Ban Dân vận Thành ủy có mấy đời Trưởng ban được nhắc trong các bài?"])
def test_a_body_asked_first_with_its_heads_counted_as_people_or_one_after_another(answerer, question):
    """The heads of the body asked (Thành ủy), not of every "Trưởng ban" (a Tỉnh ủy's too)."""
    a = answerer.answer(question, mode="bm25")
    assert a.short == "1" and [i.name for i in a.items] == ["Đào Minh Tâm"]


@pytest.mark.parametrize("question", [
    "Bao nhiêu cuộc thi/hội thi do công an tổ chức hoặc phối hợp tổ chức được nhắc trong các bài?",
    "Có bao nhiêu cuộc thi hoặc hội thi do lực lượng công an tổ chức/phối hợp tổ chức được đưa tin?",
    "hội thi, cuộc thi do công an tổ chức hoặc phối hợp tổ chức có mấy cái vậy mn?"])
def test_contests_counted_however_the_doer_and_the_articles_are_said(tmp_path, question):
    """"tổ chức/phối hợp tổ chức", "được nhắc trong các bài", "… có mấy cái?": the contests reported, counted."""
    a = _answerer(tmp_path, {
        "k1": ("2023-11-24", "Hội thi dân vận khéo ở huyện Tây Giang", "Ngày 24/11, Công an huyện Tây Giang phối hợp với "
               "Ban Dân vận Huyện ủy tổ chức hội thi Dân vận khéo năm 2023."),
        "k2": ("2020-08-18", "Trao giải cuộc thi tìm hiểu ở tỉnh Nam Sơn", "Ngày 18/8, Công an tỉnh Nam Sơn phối hợp "
               "với Tỉnh Đoàn trao giải cuộc thi viết tìm hiểu truyền thống Công an nhân dân."),
        "k3": ("2022-05-04", "Hội nghị ký kết ở tỉnh Bắc Hà", "Ngày 4/5, Ban Dân vận Tỉnh ủy và Công an tỉnh Bắc Hà "
               "ký kết chương trình phối hợp."),
    }).answer(question, mode="bm25")
    assert a.short == "2" and {c.doc_id for c in a.citations} == {"k1", "k2"}


@pytest.mark.parametrize("question", [
    "Những Giám đốc Công an tỉnh nào là Thiếu tướng?",  # a rank narrows the title
    "Có mấy Giám đốc Công an tỉnh mang hàm Thiếu tướng?",
    "Có mấy Bí thư Huyện ủy?",  # a level no role holds: not the Bí thư of another
    "Có mấy tượng Bác Hồ?",  # "tượng" is no "tướng"
    "Trong bài này có mấy Thứ trưởng Bộ Nội vụ?",  # one article
    "Có mấy bà Thứ trưởng Bộ Nội vụ?"])  # a woman: not every holder
def test_a_title_with_words_of_its_own_is_not_every_holders(tmp_path, question):
    """The words a question adds to a title narrow it: no list of every holder of the title across the archive."""
    from danvan_qa.qa.reading import read
    from danvan_qa.qa.title_lists import title_only

    answerer = _answerer(tmp_path, {
        "t1": ("2023-03-01", "Hội nghị ở tỉnh Nam Sơn", "Dự hội nghị có Thiếu tướng Lê Văn Khải, Giám đốc Công an tỉnh; "
               "ông Đinh Văn Toàn, Bí thư Tỉnh ủy; ông Trần Văn Bình, Thứ trưởng Bộ Nội vụ."),
        "t2": ("2023-04-01", "Hội nghị ở tỉnh Bắc Hà", "Dự hội nghị có Đại tá Phạm Quang Hưng, Giám đốc Công an tỉnh và "
               "bà Lê Thị Hoa, Thứ trưởng Bộ Nội vụ."),
    })
    assert title_only(read(question, answerer.store, answerer.settings).question, answerer.store) == []


def test_a_model_named_by_the_words_asked_is_a_model(tmp_path):
    """"Những mô hình an toàn giao thông nào": a model whose whole name is those words is one of them."""
    a = _answerer(tmp_path, {
        "g1": ("2023-04-02", "Công an tỉnh Tây Giang với an toàn giao thông", "Công an tỉnh Tây Giang triển khai mô hình "
               "“An toàn giao thông” và mô hình “Cổng trường an toàn giao thông” tại nhiều xã."),
    }).answer("Những mô hình an toàn giao thông nào được nêu trong các bài?", mode="bm25")
    assert [i.name for i in a.items] == ["An toàn giao thông", "Cổng trường an toàn giao thông"]


def test_a_kind_counted_in_an_article_is_no_model_and_one_places_models_named_are_its_figure(tmp_path):
    """"duy trì 20 mô hình “Dân vận khéo”": the kind, counted, no model of its own; "Công an tỉnh X được nhắc tới bao
    nhiêu mô hình?" asks the figure of one place, not a list of names."""
    answerer = _answerer(tmp_path, {
        "a5": ("2023-04-02", "Công an tỉnh Nam Sơn làm tốt dân vận khéo", "Công an tỉnh Nam Sơn duy trì 20 mô hình "
               "“Dân vận khéo”. Nhiều mô hình điển hình như: “Bàn tiếp dân thân thiện”, “Nghe dân nói”."),
        "a6": ("2023-03-02", "Công an tỉnh Bắc Hà với mô hình dân vận khéo", "Công an tỉnh Bắc Hà duy trì 12 mô hình "
               "“Dân vận khéo”, trong đó có mô hình “Khéo vận động đồng bào”."),
    })
    for question in ("Những mô hình dân vận khéo nào được nêu trong các bài?",
                     "Những mô hình dân vận khéo nào của Công an tỉnh Nam Sơn được nêu trong các bài?"):
        assert "Dân vận khéo" not in [i.name for i in answerer.answer(question, mode="bm25").items], question
    named = answerer.answer("Kể tên các mô hình “Dân vận khéo” được nêu trong các bài.", mode="bm25")
    assert sorted(i.name for i in named.items) == ["Bàn tiếp dân thân thiện", "Khéo vận động đồng bào", "Nghe dân nói"]
    assert answerer.answer("Công an tỉnh Bắc Hà được nhắc tới bao nhiêu mô hình?", mode="bm25").short != "2"
