"""Typed drafts over a small invented article (fake embedder, real BM25 and fact table): a
document number asked for, dates cued as "Sáng nay (8-3)", and a dateline never taken for the
date of the event."""

import pytest

from danvan_qa.qa.answering import Answerer
from danvan_qa.qa.reading import read
from danvan_qa.records import Passage
from fakes import article_file, fake_store

ARTICLE = """---
id: a1
title: "Ban Dân vận Huyện ủy Tân Lạc và Công an huyện ký kết chương trình phối hợp"
date: 2023-03-09
place: "huyện Tân Lạc"
---
Ban Dân vận Huyện ủy Tân Lạc và Công an huyện ký kết chương trình phối hợp

Thứ Năm, ngày 09/03/2023

Sáng nay (8-3), Ban Dân vận Huyện ủy Tân Lạc và Công an huyện Tân Lạc đã ký kết Chương trình phối hợp công tác dân vận giai đoạn 2023 – 2028.

Theo đó, lực lượng công an và Ban Dân vận huyện đã bám sát chủ trương của cấp ủy, chưa để xảy ra điểm nóng.

Hai bên thống nhất triển khai Kế hoạch số 07-KH/BCĐ về phối hợp bảo đảm an ninh trật tự ở cơ sở.
"""


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    return Answerer(*fake_store(tmp_path_factory.mktemp("drafts"), {"a1.txt": ARTICLE}))


def _one_article(folder, doc_id: str, date: str, title: str, text: str) -> Answerer:
    """An answerer over one invented article, with the fake embedder."""
    return Answerer(*fake_store(folder, {f"{doc_id}.txt": article_file(doc_id, date, title, text)}))


def typed(answerer, question):
    """The typed candidate the propose stage weighs first (None when only the sentence is proposed)."""
    first = answerer.decision(question, mode="bm25").candidates[0]
    return None if first.kind in ("sentence", "none") else (first.kind, first.value)


def test_a_document_number_asked_for_is_read_from_the_sentence_naming_it(answerer):
    assert typed(answerer, "Kế hoạch phối hợp bảo đảm an ninh trật tự ở cơ sở có số hiệu gì?") == ("span", "07-KH/BCĐ")


def test_a_number_asked_as_so_may_is_one_of_the_document_kind_asked_for(answerer):
    assert typed(answerer, "Hai bên triển khai kế hoạch số mấy về bảo đảm an ninh trật tự ở cơ sở?") == \
        ("span", "07-KH/BCĐ")
    assert typed(answerer, "Hai bên triển khai chỉ thị số mấy về bảo đảm an ninh trật tự ở cơ sở?") != \
        ("span", "07-KH/BCĐ")  # a plan's number does not answer for a directive


def test_a_programme_without_a_number_does_not_answer_a_question_about_its_number(answerer):
    assert typed(answerer, "Chương trình phối hợp công tác dân vận giai đoạn 2023 – 2028 có số hiệu gì?") is None


def test_the_date_of_the_signing_is_the_cued_one_not_the_dateline(answerer):
    assert answerer.store.facts.programmes[0].date == "2023-03-08"  # "Sáng nay (8-3)" is a date
    assert typed(answerer, "Ban Dân vận Huyện ủy và Công an huyện Tân Lạc ký kết chương trình vào ngày nào?") \
        in {("span", "8-3"), ("fact", "8-3")}


def test_a_date_read_off_a_dateline_is_quoted_where_a_sentence_tells_that_day(tmp_path):
    """Even a span scorer that prefers a bare dateline quotes the sentence telling the same day."""
    from dataclasses import replace

    from danvan_qa.qa.ranker import LinearModel, load_models
    from danvan_qa.qa.spans import SPAN_FEATURES

    n = len(SPAN_FEATURES)
    bare = LinearModel(SPAN_FEATURES, tuple(5.0 if f == "bare_line" else 0.0 for f in SPAN_FEATURES), 0.0,
                       (0.0,) * n, (1.0,) * n)
    answerer = _one_article(tmp_path, "d1", "2022-04-14", "Hội nghị ở tỉnh Nam Sơn",
                            "14/04/2022\n\nSáng nay, các đại biểu thảo luận.\n\nNgày 14/4/2022, tại tỉnh Nam Sơn, Ban "
                            "Dân vận Tỉnh ủy phối hợp với Công an tỉnh tổ chức hội nghị tổng kết công tác dân vận.")
    answerer = Answerer(answerer.store, answerer.settings, replace(load_models(), span=bare))
    decision = answerer.decision("Ban Dân vận Tỉnh ủy và Công an tỉnh Nam Sơn tổ chức hội nghị tổng kết vào ngày nào?",
                                 mode="bm25")
    span = decision.candidates[0]
    assert span.kind == "span" and span.evidence is not None
    doc = answerer.store.data.documents["d1"]
    assert doc.text[span.evidence.at[0]:span.evidence.at[1]].startswith("Ngày 14/4/2022")  # not the bare "14/04/2022"


def test_parties_are_all_the_bodies_of_the_sentence(answerer):
    kind, value = typed(answerer, "Chương trình phối hợp được ký giữa những cơ quan nào?")
    assert kind in ("list", "fact") and "Ban Dân vận Huyện ủy Tân Lạc" in value and "Công an huyện" in value


PARTIES = """---
id: p1
title: "Xã Mường Khến ký kết chương trình phối hợp bảo vệ an ninh"
date: 2026-01-20
---
Xã Mường Khến ký kết chương trình phối hợp bảo vệ an ninh

Chương trình nhằm cụ thể hóa Chương trình phối hợp số 21/CTrPH-CA-MTTQ ngày 13/01/2026 giữa Công an tỉnh Hòa Lạc với Ban Thường trực Ủy ban Mặt trận Tổ quốc tỉnh.

Chương trình phát huy vai trò nòng cốt của Công an xã, Hội Nông dân xã và Đoàn Thanh niên xã.
"""


NUMBERED = """---
id: n1
title: "Kết quả phối hợp công tác dân vận năm 2018"
date: 2018-06-20
---
Kết quả phối hợp công tác dân vận năm 2018

Chương trình phối hợp công tác dân vận năm 2018 số 02-CTr/BDVTU được xây dựng bởi Ban Dân vận Tỉnh ủy và Công an tỉnh, các cơ quan đã triển khai nhiều hoạt động phối hợp công tác dân vận năm 2018.

Ban Dân vận Huyện ủy, Công an huyện và Ban Chỉ huy Quân sự huyện Mường Khến đã xây dựng Chương trình số 15-CTr/BDV-CA-QS ngày 22/01/2018.
"""


@pytest.mark.parametrize("article, question, wanted, unwanted", [
    # between whom: the group after "giữa", though the question names one of its two bodies, not
    # another sentence's group of several
    (PARTIES, "Chương trình số 21/CTrPH-CA-MTTQ được ký giữa Công an tỉnh Hòa Lạc và những bên nào?",
     "Ban Thường trực Ủy ban Mặt trận Tổ quốc tỉnh", "Hội Nông dân"),
    # the sentence naming the programme number asked about leads
    (NUMBERED, "Chương trình phối hợp công tác dân vận số 15-CTr/BDV-CA-QS năm 2018 được xây dựng bởi những cơ "
               "quan nào?", "Ban Chỉ huy Quân sự huyện", "Tỉnh ủy"),
])
def test_the_parties_come_from_the_sentence_the_question_points_to(tmp_path, article, question, wanted, unwanted):
    answerer = Answerer(*fake_store(tmp_path, {"a.txt": article}))
    _, value = typed(answerer, question)
    assert wanted in value and unwanted not in value


ATTENDED = """---
id: b1
title: "Hội nghị sơ kết công tác dân vận huyện Mường Khến"
date: 2024-05-20
---
Hội nghị sơ kết công tác dân vận huyện Mường Khến

Ngày 20/5, huyện Mường Khến tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm.

Tham dự hội nghị có đồng chí Lò Văn Thắm, Phó Bí thư Thường trực Huyện ủy; đồng chí Hà Thị Nụ, Trưởng Ban Dân vận Huyện ủy; Thượng tá Đinh Công Vượng, Trưởng Công an huyện.

Hội nghị đã đánh giá kết quả thực hiện các mô hình dân vận khéo trên địa bàn.
"""


def _heading(answerer, question: str) -> str:
    """The first statement of the people the typed drafter proposes (weighed whether or not it is shown)."""
    first = answerer.decision(question, mode="bm25").candidates[0]
    assert first.kind == "people" and "Lò Văn Thắm" in {i.name for i in first.items}
    return "".join(str(part) for part in first.statements[0].parts)


def test_a_chair_question_answered_by_attendees_is_not_headed_as_chairing(tmp_path):
    """The article says who attended, not who chaired: the heading says what the quote says."""
    assert "Chủ trì" not in _heading(Answerer(*fake_store(tmp_path, {"b1.txt": ATTENDED})), "Ai chủ trì hội nghị sơ kết?")
    chaired = ATTENDED.replace("Hội nghị đã đánh giá", "Đồng chí Lò Văn Thắm, Phó Bí thư Thường trực Huyện ủy chủ trì "
                                                       "hội nghị. Hội nghị đã đánh giá")
    chair = Answerer(*fake_store(tmp_path / "chaired", {"b1.txt": chaired}))
    assert "Chủ trì" in _heading(chair, "Ai chủ trì hội nghị sơ kết?")


@pytest.mark.parametrize("sentence, names, written", [
    ("giữa Công an tỉnh với Ban Thường trực Ủy ban MTTQ tỉnh.", ["Công an tỉnh", "Ban Thường trực Ủy ban MTTQ tỉnh"],
     "Công an tỉnh với Ban Thường trực Ủy ban MTTQ tỉnh"),
    # a few words of the clause between two bodies are a body the reader missed: kept as written
    ("giữa Công an xã với Ủy ban MTTQ xã và các tổ chức chính trị – xã hội, Hội Cựu chiến binh xã.",
     ["Công an xã", "Ủy ban MTTQ xã", "Hội Cựu chiến binh xã"],
     "Công an xã với Ủy ban MTTQ xã và các tổ chức chính trị – xã hội, Hội Cựu chiến binh xã"),
    ("Công an tỉnh ký kết. Sau đó, Hội Nông dân tỉnh họp.", ["Công an tỉnh", "Hội Nông dân tỉnh"],
     "Công an tỉnh và Hội Nông dân tỉnh"),  # a sentence break between: listed
    ("A, B, C", ["Đoàn Thanh niên", "Hội Phụ nữ", "Công an xã"], "Đoàn Thanh niên, Hội Phụ nữ và Công an xã"),
])
def test_bodies_are_shown_as_the_sentence_joins_them(sentence, names, written):
    from danvan_qa.qa.drafts import as_written

    assert as_written(sentence, names) == written


@pytest.mark.parametrize("question, unheld", [
    ("Ban Dân vận Huyện ủy Tân Lạc có ký kết chương trình phối hợp với Công an huyện không?", False),
    ("Công an huyện Tân Lạc có giúp chữa bệnh tiểu đường không?", True),  # no article holds the predicate
    ("Công an huyện có chữa điểm nóng không?", True),  # "chữa" typed with diacritics is not the article's "chưa"
    ("Công an huyện Tân Lạc đã chữa bệnh tiểu đường cho ai?", False),  # not a yes/no question
])
def test_a_yes_no_question_needs_one_article_holding_its_rare_words(answerer, question, unheld):
    none = answerer.decision(question, mode="bm25").candidates[-1]
    assert none.kind == "none" and none.features["yes_no_unheld"] == float(unheld)


def test_a_persons_post_is_the_short_answer_and_the_role_is_shown_in_full(tmp_path):
    answerer = _one_article(tmp_path, "r1", "2023-03-09", "Hội nghị ở tỉnh Tây Giang",
                            "Dự hội nghị có đồng chí Lò Văn Khiêm, Ủy viên Trung ương Đảng, Bí thư Đảng ủy Công an tỉnh, "
                            "Giám đốc Công an tỉnh Tây Giang.")
    fact = answerer.decision("Lò Văn Khiêm giữ chức vụ gì?", mode="bm25").candidates[0]
    assert fact.kind == "fact" and fact.value == "Giám đốc Công an tỉnh Tây Giang"
    assert "Ủy viên Trung ương Đảng, Bí thư Đảng ủy Công an tỉnh, Giám đốc Công an tỉnh Tây Giang" in "".join(
        fact.statements[0].parts)


def test_a_programmes_number_is_the_short_answer_when_asked_for(tmp_path):
    answerer = _one_article(tmp_path, "n1", "2016-06-16", "Ký kết chương trình phối hợp",
                            "Ngày 15/6/2016, Bộ Nội vụ và Ban Dân vận Tỉnh ủy Tây Giang đã ký kết Chương trình số "
                            '17-CTr/BDV-BNV về "Phối hợp thực hiện công tác dân vận giai đoạn 2016 – 2021".')
    asked = answerer.decision("Chương trình phối hợp giai đoạn 2016-2021 có số hiệu là gì?", mode="bm25")
    assert asked.candidates[0].kind == "fact" and asked.candidates[0].value == "17-CTr/BDV-BNV"
    named = answerer.decision("Chương trình phối hợp giai đoạn 2016-2021 tên là gì?", mode="bm25")
    assert named.candidates[0].value == "Phối hợp thực hiện công tác dân vận giai đoạn 2016 – 2021"


def test_a_programmes_signing_date_answers_its_signing_not_an_event_about_it(tmp_path):
    answerer = _one_article(tmp_path, "s1", "2023-06-27", "Tổng kết chương trình phối hợp",
                            "Ngày 26/6, Công an tỉnh Tây Giang và Ủy ban MTTQ Việt Nam tỉnh tổ chức hội nghị tổng kết 10 "
                            "năm thực hiện Chương trình phối hợp số 17/CTr-BNV-MTTQ ngày 1/8/2013 giữa Bộ Nội vụ với Ban "
                            "Thường trực Ủy ban Trung ương MTTQ Việt Nam.")
    signed = answerer.decision("Chương trình phối hợp số 17 giữa Bộ Nội vụ và Mặt trận Tổ quốc được ký ngày nào?", mode="bm25")
    fact = signed.candidates[0]
    assert fact.kind == "fact" and fact.value == "1/8/2013"
    assert fact.features["missing_named"] == 0.0  # "Mặt trận Tổ quốc" is the article's "MTTQ"
    from danvan_qa.qa.reading import read

    def programme_date(question):
        return answerer.drafter.programme(read(question, answerer.store, answerer.settings).question, [])

    assert programme_date("Chương trình số 17 được ký ngày nào?").short == "1/8/2013"
    assert programme_date("Hội nghị tổng kết Chương trình số 17 diễn ra ngày nào?") is None  # the event's date is asked
    assert programme_date("Bộ Nội vụ họp bàn tổ chức hội nghị tổng kết Chương trình số 17 vào ngày nào?") is None
    assert programme_date("chuong trinh so 17 ky ngay nao").short == "1/8/2013"


def test_a_programme_asked_by_its_number_is_read_from_its_code_before_an_articles_short_form(tmp_path):
    from danvan_qa.qa.reading import read

    files = {"s1.txt": article_file("s1", "2023-06-27", "Tổng kết chương trình phối hợp",
                                    "Ngày 26/6, Công an tỉnh Tây Giang tổng kết Chương trình phối hợp số 17/CTr-BNV-MTTQ "
                                    "ngày 1/8/2013 giữa Bộ Nội vụ với Ủy ban Trung ương MTTQ Việt Nam."),
             "s2.txt": article_file("s2", "2023-07-01", "Chương trình phối hợp số 17 ở Nam Sơn",
                                    "Chương trình phối hợp số 17 giữa Bộ Nội vụ và Ủy ban Trung ương MTTQ Việt Nam được "
                                    "Nam Sơn triển khai sâu rộng. Chương trình phối hợp số 17 mang lại nhiều kết quả.")}
    answerer = Answerer(*fake_store(tmp_path, files))
    q = read("Chương trình phối hợp số 17 được ký ngày nào?", answerer.store, answerer.settings).question
    from types import SimpleNamespace

    ranked = [(SimpleNamespace(doc_id="s2"), 0.9), (SimpleNamespace(doc_id="s1"), 0.5)]  # s2 retrieved first
    assert answerer.drafter.programme(q, ranked).short == "1/8/2013"  # its "số 17" gives no day


def test_a_documents_date_is_the_one_after_its_number_not_the_events(tmp_path):
    answerer = _one_article(tmp_path, "d1", "2010-07-08", "Kiểm tra thực hiện quy chế dân vận",
                            "Chiều 7-7, tại tỉnh Bắc Hà, Đoàn kiểm tra tổng kết thực hiện Quyết định số 217-QĐ/TƯ ngày "
                            "25-2-2010 của Bộ Chính trị về quy chế dân vận làm việc với Công an tỉnh.")
    for question in ("Quyết định 217 được ban hành ngày nào?", "quyet dinh 217 ve quy che dan van la ngay nao"):
        found = answerer.decision(question, mode="bm25").candidates[0]
        assert found.kind == "span" and found.value == "25-2-2010", question
        assert "Quyết định số 217-QĐ/TƯ" in "".join(found.statements[0].parts)
    held = answerer.decision("Đoàn kiểm tra tổng kết Quyết định 217 làm việc với Công an tỉnh ngày nào?", mode="bm25")
    assert all(c.value != "25-2-2010" for c in held.candidates)  # the visit's date is asked, not the decision's
    centre = answerer.decision("Quyết định số 217-QĐ/TW được ban hành ngày nào?", mode="bm25")  # "TW": the article's "TƯ"
    assert centre.candidates[0].value == "25-2-2010"
    assert next(c for c in centre.candidates if c.kind == "none").features["names_unknown"] == 0.0  # a known number
    acting = answerer.decision("Chương trình hành động số 5 thực hiện Quyết định 217 ra ngày nào?", mode="bm25")
    assert all(c.value != "25-2-2010" for c in acting.candidates)  # the programme's date is asked, not the decision's
    from danvan_qa.qa.document_dates import asks_event_date
    from danvan_qa.qa.reading import read

    def event(question, before=None):
        return asks_event_date(read(question, answerer.store, answerer.settings).question, before)

    assert not event("Kết luận về tiếp tục thực hiện Quyết định 217 có từ ngày nào?")  # "tiếp tục" is no visit
    asked = "Quyết định 217 của Hội nghị Trung ương có từ ngày nào?"
    assert event(asked) and not event(asked, 0)  # an event named after the document is its issuer, not a visit


def test_on_a_text_of_another_subject_only_a_person_of_the_best_sentence_answers(tmp_path):
    """General paragraphs: the best sentence names the inventor in a way the name reader does not
    know; a Vietnamese name in another paragraph is no answer."""
    texts = {
        "web.txt": "Mạng toàn cầu\n\nMạng toàn cầu được kỹ sư người Anh Tim Berners-Lee phát minh vào năm 1989 tại "
                   "Genève. Sau đó, mạng lan ra khắp thế giới.\n",
        "bong.txt": "Câu lạc bộ bóng đá\n\nTiền đạo Nguyễn Văn An ghi 74 bàn và phát minh ra nhiều bài tập mới.\n",
    }
    answerer = Answerer(*fake_store(tmp_path, texts))
    drafts = [c for c in answerer.decision("Ai phát minh ra mạng toàn cầu?", mode="bm25").candidates
              if c.kind == "people"]
    assert not drafts  # no person of the best sentence: the sentence itself is the floor


def test_an_earlier_period_is_quoted_from_the_sentence_that_names_it(tmp_path):
    """"Giai đoạn trước": the article's earliest period, in bold inside its own sentence, not the
    sentence that ranked first (which names the later one)."""
    answerer = _one_article(tmp_path, "p1", "2023-11-03", "Ký kết chương trình phối hợp ở tỉnh Sơn Hà",
                            "Chiều 3/11, Ban Dân vận Tỉnh ủy và Bộ Chỉ huy Bộ đội Biên phòng tỉnh Sơn Hà ký kết chương "
                            "trình phối hợp giai đoạn 2023 - 2026.\n\nTrong 5 năm qua, việc thực hiện chương trình giai "
                            "đoạn 2018 - 2023 đã đạt nhiều kết quả.")
    question = "Chương trình phối hợp trước đó của Ban Dân vận Tỉnh ủy và Biên phòng là giai đoạn nào?"
    assert answerer.decision(question, mode="bm25").candidates[0].value == "2018 - 2023"
    a = answerer.answer(question, mode="bm25")
    assert a.short == "2018 - 2023" and "**2018 - 2023**" in a.text
    assert any("2018 - 2023" in c.quote and "2023 - 2026" not in c.quote for c in a.citations)


def test_an_earlier_period_asked_of_the_signing_rests_on_the_signing_too(tmp_path):
    """"Chương trình ký chiều 3/11 … giai đoạn trước đó": the sentence that echoes the question names the
    new period only. The earlier one is given (not the echoing sentence alone, which names the wrong one),
    and that sentence is quoted after it, since it says which programme was asked of."""
    answerer = _one_article(tmp_path, "p1", "2023-11-03", "Ký kết chương trình phối hợp ở tỉnh Sơn Hà",
                            "Chiều ngày 3/11, Ban Dân vận Tỉnh ủy và Bộ Chỉ huy Bộ đội Biên phòng tỉnh tổ chức hội nghị "
                            "ký kết chương trình phối hợp công tác giai đoạn 2023 - 2026 với sự tham dự của lãnh đạo "
                            "tỉnh.\n\nTheo báo cáo, các đơn vị đã tuyên truyền, vận động Nhân dân khu vực biên giới.\n\n"
                            "Trong 5 năm qua, việc thực hiện chương trình giai đoạn 2018 - 2023 đã đạt nhiều kết quả.")
    a = answerer.answer("chuong trinh phoi hop Ban Dan van Tinh uy ky voi Bo chi huy BDBP tinh chieu 3/11, "
                        "giai doan truoc do la giai doan nao?", mode="bm25")
    assert not a.abstained and a.short == "2018 - 2023"
    quotes = [c.quote for c in a.citations]
    assert any("2018 - 2023" in q for q in quotes) and any("Chiều ngày 3/11" in q for q in quotes)
    assert a.text.index("2018 - 2023") < a.text.index("Chiều ngày 3/11")


def test_a_rank_asked_gives_every_rank_the_archive_gives_the_person_each_dated(tmp_path):
    articles = {
        "r1": ("2019-05-10", "Công an tỉnh Hòa Định sơ kết phong trào toàn dân bảo vệ an ninh Tổ quốc",
               "Ngày 10/5, Công an tỉnh Hòa Định tổ chức hội nghị sơ kết. Dự hội nghị có Đại tá Lương Văn Khải, "
               "Giám đốc Công an tỉnh."),
        "r2": ("2023-08-02", "Ban Dân vận Tỉnh ủy Hòa Định và Công an tỉnh ký kết chương trình phối hợp",
               "Sáng 2/8, Ban Dân vận Tỉnh ủy Hòa Định và Công an tỉnh ký kết chương trình phối hợp. "
               "Thiếu tướng Lương Văn Khải, Giám đốc Công an tỉnh, phát biểu tại hội nghị."),
    }
    answerer = Answerer(*fake_store(tmp_path, {f"{k}.txt": article_file(k, *v) for k, v in articles.items()}))
    a = answerer.answer("Lương Văn Khải mang quân hàm gì?", mode="bm25")
    assert not a.abstained and a.short in ("Đại tá", "Thiếu tướng")
    assert "Đại tá" in a.text and "Thiếu tướng" in a.text  # a rank changes over the years
    assert "10/05/2019" in a.text and "02/08/2023" in a.text
    cited = {c.doc_id for c in a.citations}
    assert cited == {"r1", "r2"}  # each rank quoted from the article giving it
    store, settings = answerer.store, answerer.settings
    for year, rank in (("2019", "Đại tá"), ("2023", "Thiếu tướng"), ("2021", "Đại tá")):  # asked of a year: the rank
        # of the latest article up to it first,
        q = read(f"Lương Văn Khải mang quân hàm gì năm {year}?", store, settings).question  # whichever ranks first
        for order in (("r1", "r2"), ("r2", "r1")):
            passages = [Passage(d, f"{d}#0", "", None, None, "", 0, 1, 1.0) for d in order]
            assert answerer.drafter.person_role(q, passages).short == rank
