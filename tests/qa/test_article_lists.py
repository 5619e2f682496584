"""Articles and the events they report, counted by topic across the archive (invented articles, fake
embedder, real fact extraction)."""

import pytest
from types import SimpleNamespace

from danvan_qa.ingest.abbreviations import aliases, held_through
from danvan_qa.qa.asides import without_asides
from fakes import invented_answerer as _answerer  # {id: (date, title, text[, place])}

REVIEWS = {
    "v1": ("2023-10-17", "Hội nghị tổng kết 10 năm chương trình phối hợp giữa Công an và MTTQ tỉnh Tây Giang",
           "Ngày 17/10, Công an tỉnh Tây Giang và Ủy ban MTTQ tỉnh tổ chức Hội nghị tổng kết 10 năm Chương trình phối hợp "
           "số 09 về phong trào toàn dân bảo vệ an ninh Tổ quốc."),
    "v2": ("2023-06-26", "Phát huy sức mạnh toàn dân ở huyện Bố Sơn",
           "Ngày 26/6, hội nghị tổng kết 10 năm thực hiện Chương trình phối hợp 09 giữa Công an huyện Bố Sơn và MTTQ "
           "huyện về phong trào toàn dân bảo vệ an ninh Tổ quốc diễn ra tại huyện."),
    # names the same words, but reports a contest: a review recalled in passing, deep in the text
    "v3": ("2020-04-28", "Hội thi dân vận khéo ở tỉnh Nam Sơn",
           "Ngày 28/4, Ban Dân vận Tỉnh ủy Nam Sơn tổ chức hội thi dân vận khéo. Có 20 đội dự thi. Các đội thi đến từ "
           "các huyện, thị xã. Ban tổ chức trao giải cho các đội. Năm trước, Công an tỉnh và Mặt trận Tổ quốc tỉnh đã "
           "tổng kết 10 năm chương trình phối hợp."),
}

SESSIONS = {
    "w1": ("2010-12-24", "Ban Dân vận Trung ương làm việc với Đảng ủy Công an tỉnh Tây Giang",
           "Ngày 23/12, Ban Dân vận Trung ương đã làm việc với Đảng ủy Công an tỉnh Tây Giang về thực hiện quy chế dân chủ."),
    "w2": ("2018-06-12", "Nâng cao hiệu quả công tác dân vận của Công an tỉnh Tây Giang",
           "Chiều 11/6, Đoàn kiểm tra của Ban Dân vận Trung ương làm việc với Đảng ủy Công an tỉnh Tây Giang về công tác "
           "dân vận. Đồng chí Lê Văn Hòa, Trưởng đoàn, phát biểu."),
    # the same bodies at a signing: no working session
    "w3": ("2022-04-14", "Ban Dân vận Trung ương và Công an tỉnh Tây Giang ký kết chương trình phối hợp",
           "Ngày 14/4, Ban Dân vận Trung ương và Công an tỉnh Tây Giang ký kết chương trình phối hợp giai đoạn 2022-2026. "
           "Dự lễ ký kết có đại diện Đảng ủy Công an tỉnh Tây Giang."),
    "w4": ("2023-09-05", "Phát huy vai trò của lực lượng vũ trang ở TP Bắc Hà",
           "Chiều 5/9, đoàn công tác do Trung tướng Đỗ Văn Hải làm trưởng đoàn kiểm tra việc thực hiện chương trình phối "
           "hợp công tác dân vận của lực lượng vũ trang tại TP Bắc Hà."),
    "w5": ("2023-11-03", "Ký kết chương trình phối hợp công tác dân vận của lực lượng vũ trang",
           "Ngày 3/11, Ban Dân vận Tỉnh ủy và Bộ Chỉ huy Quân sự tỉnh Nam Sơn ký kết chương trình phối hợp công tác dân "
           "vận của lực lượng vũ trang."),
}


@pytest.fixture(scope="module")
def reviews(tmp_path_factory):
    return _answerer(tmp_path_factory.mktemp("reviews"), REVIEWS)


@pytest.fixture(scope="module")
def sessions(tmp_path_factory):
    return _answerer(tmp_path_factory.mktemp("sessions"), SESSIONS)


def _cited(a) -> list[str]:
    return sorted({c.doc_id for c in a.citations})


def test_articles_reporting_an_event_leave_out_one_recalling_it_in_passing(reviews):
    a = reviews.answer("co bao nhieu bai viet dua tin hoi nghi tong ket 10 nam chuong trinh phoi hop giua cong an va "
                       "mat tran to quoc", mode="bm25")
    assert a.short == "2" and _cited(a) == ["v1", "v2"]


def test_the_front_as_the_press_shortens_it_is_the_fatherland_front():
    """"Mặt trận" alone is held where an article writes "MTTQ"; the whole name keeps its own abbreviation."""
    assert held_through(aliases("giua cong an va mat tran".split(), short=True), {"cong", "an", "mttq"}) >= {"mat", "tran"}
    assert held_through(aliases("giua cong an va mat tran".split()), {"cong", "an", "mttq"}) == set()  # for topics only
    assert held_through(aliases("mat tran to quoc".split()), {"mttq"}) == {"mat", "tran", "to", "quoc"}


def test_a_programme_named_by_number_and_its_parties_short_names(reviews):
    a = reviews.answer("Chương trình phối hợp số 09 giữa công an và Mặt trận được nhắc đích danh trong mấy bài?",
                       mode="bm25")
    assert a.short == "2" and _cited(a) == ["v1", "v2"]


def test_a_count_asked_as_a_request_is_a_count(reviews):
    assert without_asides("Giúp tôi đếm số hội nghị tổng kết đã diễn ra.") == "Có bao nhiêu hội nghị tổng kết đã diễn ra."
    assert without_asides("dem giup minh xem co bao nhieu bai") == "co bao nhieu bai"
    assert without_asides("Đêm hội diễn ra ở đâu?") == "Đêm hội diễn ra ở đâu?"  # no request
    a = reviews.answer("Giúp tôi đếm số hội nghị tổng kết 10 năm đã diễn ra được các bài đưa tin.", mode="bm25")
    assert a.short == "2" and _cited(a) == ["v1", "v2"]  # "được các bài đưa tin": the events reported


def test_reviews_counted_as_cuoc_tong_ket(reviews):
    a = reviews.answer("Bao nhiêu cuộc tổng kết 10 năm Chương trình phối hợp 09 (công an với Mặt trận Tổ quốc) được đưa "
                       "tin?", mode="bm25")
    assert a.short == "2" and _cited(a) == ["v1", "v2"]
    # said actively, what the count takes in closing it
    a = reviews.answer("Các bài đưa tin bao nhiêu cuộc tổng kết 10 năm phối hợp giữa công an và Mặt trận Tổ quốc về phong "
                       "trào toàn dân bảo vệ an ninh Tổ quốc, tính cả cấp trung ương?", mode="bm25")
    assert a.short == "2" and _cited(a) == ["v1", "v2"]


def test_the_number_of_things_asked_is_a_count():
    assert without_asides("so chuong trinh phoi hop ket thuc nam 2026 la bao nhieu?") == \
        "Có bao nhiêu chuong trinh phoi hop ket thuc nam 2026?"
    assert without_asides("Số lượng mô hình được đăng ký là bao nhiêu?") == "Có bao nhiêu mô hình được đăng ký?"
    assert without_asides("Số hiệu của chương trình là bao nhiêu?") == "Số hiệu của chương trình là bao nhiêu?"
    for same in ("Số người tham gia tăng bao nhiêu?", "Sở Kế hoạch và Đầu tư đã giải ngân được bao nhiêu?",
                 "Đem số liệu hai năm so sánh thì tăng bao nhiêu?", "Đêm xem phim có bao nhiêu người?",
                 "dem xem phim co bao nhieu nguoi"):  # no count asked as a request, however they fold
        assert without_asides(same) == same


def test_a_title_about_a_topics_head_with_the_rest_in_the_text(tmp_path):
    """"bài mà tiêu đề nói về người có uy tín trong đồng bào dân tộc thiểu số": a title naming "người có
    uy tín" is about it when its text says the rest."""
    texts = {
        "t1": ("2017-03-15", "Phát huy vai trò của hơn 800 người có uy tín",
               "Ngày 14/3, Công an tỉnh Nam Sơn gặp mặt người có uy tín trong đồng bào dân tộc thiểu số."),
        "t2": ("2022-05-26", "Ký kết chương trình phối hợp ở tỉnh Bắc Hà",
               "Ngày 26/5, Ban Dân vận Tỉnh ủy và Công an tỉnh Bắc Hà ký kết chương trình phối hợp, phát huy vai trò "
               "người có uy tín trong đồng bào dân tộc thiểu số."),
    }
    a = _answerer(tmp_path, texts).answer("Có bao nhiêu bài viết mà tiêu đề nói về người có uy tín trong đồng bào dân "
                                          "tộc thiểu số?", mode="bm25")
    assert a.short == "1" and _cited(a) == ["t1"]


def test_events_of_a_kind_are_the_articles_whose_title_or_lead_says_that_kind(sessions):
    a = sessions.answer("Có bao nhiêu buổi làm việc với Đảng ủy Công an tỉnh Tây Giang được đưa tin?", mode="bm25")
    assert a.short == "2" and _cited(a) == ["w1", "w2"]  # not the signing its delegates attended
    a = sessions.answer("Ban Dân vận Trung ương đã có bao nhiêu buổi làm việc với Đảng ủy Công an tỉnh Tây Giang được "
                        "đưa tin?", mode="bm25")  # who held them, said first
    assert a.short == "2" and _cited(a) == ["w1", "w2"]
    a = sessions.answer("Co bao nhieu dot kiem tra chuong trinh phoi hop cong tac dan van cua luc luong vu trang duoc "
                        "dua tin?", mode="bm25")
    assert a.short == "1" and _cited(a) == ["w4"]  # not the signing of such a programme


def test_an_inspection_asked_of_viec_thuc_hien_x_is_one_of_x(tmp_path):
    """"việc thực hiện X" is X: a report titled "Kiểm tra X" counts (not the signing of X)."""
    texts = {k: SESSIONS[k] for k in ("w4", "w5")} | {
        "w6": ("2020-08-20", "Kiểm tra chương trình phối hợp công tác dân vận của lực lượng vũ trang năm 2020",
               "Tại buổi làm việc, Công an TP Đông Lâm báo cáo với đoàn kiểm tra kết quả thực hiện chương trình phối hợp "
               "giữa Công an thành phố và Ban Dân vận Thành ủy về công tác dân vận.")}
    a = _answerer(tmp_path, texts).answer("Có mấy đợt kiểm tra việc thực hiện chương trình phối hợp công tác dân vận của "
                                          "lực lượng vũ trang được đưa tin?", mode="bm25")
    assert a.short == "2" and _cited(a) == ["w4", "w6"]


def test_the_times_one_body_met_another_are_their_sessions_reported(sessions):
    a = sessions.answer("Mấy lần Ban Dân vận Trung ương hoặc đoàn kiểm tra của Ban làm việc với Đảng ủy Công an tỉnh Tây "
                        "Giang?", mode="bm25")  # the first of the alternatives, the one the articles name
    assert a.short == "2" and _cited(a) == ["w1", "w2"]


@pytest.mark.parametrize("question", [
    "Ban Dân vận TW hoặc đoàn do lãnh đạo Ban làm trưởng đoàn đã làm việc với Đảng ủy Công an tỉnh Tây Giang mấy lần "
    "theo các bài?",  # the count said last, "TW" as typed
    "Tổng cộng mấy lần đoàn của BDV TW (hoặc do Trưởng ban dẫn đầu) có buổi làm việc với Đảng ủy Công an tỉnh Tây Giang?",
])
def test_the_times_one_body_met_another_asked_in_other_words(sessions, question):
    a = sessions.answer(question, mode="bm25")
    assert a.short == "2" and _cited(a) == ["w1", "w2"]


def test_a_body_whose_name_opens_with_doan_keeps_it_when_its_sessions_are_counted():
    from danvan_qa.ingest.facts import FactTable
    from danvan_qa.qa.article_lists import as_sessions
    from danvan_qa.qa.questions import parse

    store = SimpleNamespace(stored_facts=FactTable())
    for question in ("Mấy lần Đoàn Thanh niên tỉnh Nam Sơn làm việc với Công an tỉnh Nam Sơn?",
                     "Đoàn kiểm tra của Ban đã làm việc với Công an tỉnh Nam Sơn mấy lần?"):
        asked = as_sessions(parse(question, question, FactTable()), store)
        assert asked is not None and asked.text.startswith(("Đoàn Thanh niên", "Đoàn kiểm tra")), asked


def test_viec_lam_a_job_is_a_topic_word_not_a_light_noun(tmp_path):
    texts = {"j1": ("2023-02-01", "Tạo việc làm cho người lao động nông thôn ở Tây Giang",
                    "Năm qua, tỉnh Tây Giang tạo việc làm cho 2.000 người lao động nông thôn."),
             "j2": ("2023-03-01", "Việc làm cho người lao động nông thôn ở Nam Sơn",
                    "Huyện Nam Sơn giải quyết việc làm cho người lao động nông thôn."),
             "j3": ("2023-04-01", "Người lao động nông thôn học nghề", "Người lao động nông thôn ở Bắc Hà học nghề.")}
    a = _answerer(tmp_path, texts).answer("Có bao nhiêu bài viết về việc làm cho người lao động nông thôn?", mode="bm25")
    assert a.short == "2" and _cited(a) == ["j1", "j2"]


def test_a_signing_reported_is_counted_whatever_tense_the_question_asks_it_in(sessions):
    a = sessions.answer("Có bao nhiêu bài báo tường thuật một hội nghị đã ký kết chương trình phối hợp giai đoạn "
                        "2022-2026?", mode="bm25")
    assert a.short == "1" and _cited(a) == ["w3"]


def test_places_counted_are_the_places_of_the_programmes_not_the_programmes(tmp_path):
    rows = {
        "g1": ("2016-10-05", "Ký kết ở tỉnh Tây Giang", "Ngày 5/10/2016, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết Chương trình "
               "phối hợp công tác dân vận giai đoạn 2016-2021.", "Tây Giang"),
        "g2": ("2016-11-08", "Ký kết ở huyện Đông Khê", "Ngày 8/11/2016, Ban Dân vận Huyện ủy Đông Khê và Công an huyện Đông "
               "Khê ký kết chương trình phối hợp công tác dân vận giai đoạn 2016-2021.", "Tây Giang"),
        "g3": ("2016-11-04", "Ký kết ở thành phố Nam Sơn", "Ngày 4/11/2016, Ban Dân vận Thành ủy và Công an thành phố ký kết "
               "chương trình phối hợp công tác dân vận giai đoạn 2016-2021.", "Nam Sơn"),
    }
    answerer = _answerer(tmp_path, rows)
    a = answerer.answer("Có mấy địa phương tổ chức ký kết chương trình phối hợp công tác dân vận giai đoạn 2016-2021 giữa "
                        "ban dân vận và công an?", mode="bm25")
    assert a.short == "2" and "3 chương trình, ở 2 địa phương" in a.text


def test_events_counted_are_one_however_many_articles_report_them(tmp_path):
    """"Bao nhiêu sự kiện ký kết … được các bài đưa tin?": two reports of one signing (same day, place, kinds, bodies) are
    one event, the second cited under the first; "bao nhiêu bài" still counts the articles."""
    texts = {
        "e1": ("2022-04-14", "Bộ Nội vụ và Ban Dân vận Trung ương ký kết chương trình phối hợp giai đoạn 2022-2026",
               "Ngày 14/4/2022, tại Hà Nội, Bộ Nội vụ và Ban Dân vận Trung ương tổ chức hội nghị ký kết chương trình "
               "phối hợp giai đoạn 2022-2026.", "Trung ương"),
        "e2": ("2022-04-15", "Ký kết chương trình phối hợp giai đoạn 2022-2026 giữa Bộ Nội vụ và Ban Dân vận Trung ương",
               "Ngày 14/4/2022, tại Hà Nội, Bộ Nội vụ và Ban Dân vận Trung ương tổ chức hội nghị ký kết chương trình "
               "phối hợp giai đoạn 2022-2026 với nhiều nội dung mới.", "Trung ương"),
        "e3": ("2022-05-26", "Ban Dân vận Tỉnh ủy Nam Sơn ký kết chương trình phối hợp giai đoạn 2022-2026",
               "Chiều 26/5, tại tỉnh Nam Sơn, Ban Dân vận Tỉnh ủy và Công an tỉnh tổ chức hội nghị ký kết chương trình "
               "phối hợp giai đoạn 2022-2026.", "Nam Sơn"),
    }
    answerer = _answerer(tmp_path, texts)
    a = answerer.answer("Bao nhiêu sự kiện ký kết chương trình phối hợp giai đoạn 2022-2026 được các bài đưa tin?",
                        mode="bm25")
    assert a.short == "2" and {c.doc_id for c in a.citations} == {"e1", "e2", "e3"}
    assert "\n  - cũng đưa tin trong bài" in a.text or "\n  - cũng nêu trong bài" in a.text  # under its row
    b = answerer.answer("Bao nhiêu bài viết đưa tin ký kết chương trình phối hợp giai đoạn 2022-2026?", mode="bm25")
    assert b.short == "3"


def test_of_x_with_y_asked_of_no_event_is_the_topic_not_who_held_it(tmp_path):
    """"trách nhiệm của cán bộ với nhân dân": no event is asked, so "của cán bộ" is no body that held one."""
    leads = ("Đảng viên xã Vĩnh Kha thường xuyên đến từng hộ lắng nghe ý kiến bà con.",
             "Cấp ủy phường Tây Mộc duy trì đối thoại định kỳ mỗi quý với bà con khu phố.",
             "Chi bộ thôn Nà Lừu chọn cách làm gần gũi để vận động bà con làm đường.")
    texts = {f"t{i}": (f"2023-0{i + 3}-10", f"Gần dân ở địa bàn số {i + 1}",
                       f"{lead} Bà con tin tưởng và tích cực hưởng ứng các phong trào thi đua. Việc này thể hiện trách "
                       "nhiệm của cán bộ với nhân dân trên địa bàn.")
             for i, lead in enumerate(leads)}
    a = _answerer(tmp_path, texts).answer("Có bao nhiêu bài viết nói về trách nhiệm của cán bộ với nhân dân?",
                                          mode="bm25")
    assert a.short == "3"


def test_articles_said_to_report_a_topic_leave_out_one_naming_it_in_passing(reviews):
    """"bài đưa tin tổng kết 10 năm": the articles reporting one, not one recalling it deep in its text."""
    a = reviews.answer("co bao nhieu bai dua tin tong ket 10 nam?", mode="bm25")
    assert a.short == "2" and _cited(a) == ["v1", "v2"]


def test_sessions_counted_with_the_count_between_and_an_alternative_body(sessions):
    a = sessions.answer("Theo các bài, Đảng ủy Công an tỉnh Tây Giang đã có mấy buổi làm việc với Ban Dân vận Trung ương "
                        "hoặc với đoàn kiểm tra của Ban?", mode="bm25")
    assert a.short == "2" and _cited(a) == ["w1", "w2"]
    b = sessions.answer("Theo các bài, có bao nhiêu buổi làm việc với Đảng ủy Công an tỉnh Tây Giang do Ban Dân vận Trung "
                        "ương hoặc đoàn do Trưởng ban Dân vận Trung ương dẫn đầu?", mode="bm25")  # who held them, after
    assert b.short == "2" and _cited(b) == ["w1", "w2"]
    c = sessions.answer("Có bao nhiêu buổi làm việc giữa đoàn của Ban Dân vận Trung ương / Ban Chỉ đạo Trung ương với Đảng "
                        "ủy Công an tỉnh Tây Giang được đưa tin?", mode="bm25")  # both named "giữa … với …"
    assert c.short == "2" and _cited(c) == ["w1", "w2"]


def test_kinds_of_event_asked_with_a_comma_between_them_are_each_asked(tmp_path):
    texts = {"k1": ("2023-11-24", "Nhân rộng điển hình khéo ở quận Đông Hà", "Ngày 24-11, Ban Dân vận Quận ủy phối hợp "
                    "với Công an quận tổ chức hội thi Dân vận khéo năm 2023."),
             "k2": ("2020-08-18", "Trao giải cuộc thi tìm hiểu ngày truyền thống", "Ngày 18-8, Công an tỉnh Nam Sơn tổ "
                    "chức lễ trao giải cuộc thi viết tìm hiểu ngày truyền thống."),
             "k3": ("2021-05-02", "Hội thảo về công tác dân vận", "Ngày 2/5, Ban Dân vận Tỉnh ủy tổ chức hội thảo.")}
    a = _answerer(tmp_path, texts).answer("Có những hội thi, cuộc thi nào được tổ chức trong các bài?", mode="bm25")
    assert a.short.startswith("Nhân rộng") and _cited(a) == ["k1", "k2"]


def test_a_topic_asked_of_any_of_two_kinds_of_document_is_the_act_alone(reviews):
    """"… tổng kết 10 năm thực hiện một nghị quyết hay một chương trình phối hợp": any of them."""
    a = reviews.answer("Có bao nhiêu bài đưa tin việc tổng kết 10 năm thực hiện một nghị quyết hay một chương trình phối "
                       "hợp?", mode="bm25")
    assert a.short == "2" and _cited(a) == ["v1", "v2"]


def test_a_count_framed_by_how_many_articles_there_are_and_reported_as_tuong_thuat(sessions, reviews):
    """"Trong 50 bài, bao nhiêu bài …": a frame ("bài bao nhiêu" is not "bài báo"); "được tường thuật": reported."""
    a = sessions.answer("bao nhieu buoi lam viec voi Dang uy Cong an tinh Tay Giang duoc tuong thuat?", mode="bm25")
    assert a.short == "2" and _cited(a) == ["w1", "w2"]
    b = reviews.answer("Trong 3 bài, bao nhiêu bài đưa tin tổng kết 10 năm chương trình phối hợp?", mode="bm25")
    assert b.short == "2" and _cited(b) == ["v1", "v2"]


@pytest.mark.parametrize("question, counted", [
    ("Có bao nhiêu lễ ký kết chương trình phối hợp giai đoạn 2022–2026 thực sự diễn ra theo các bài?", True),
    ("Có bao nhiêu hội nghị ký kết được đưa tin?", True),
    ("Có bao nhiêu hội nghị diễn ra ở tỉnh Nam Sơn?", False),  # where, not as the articles tell: no count of reports
])
def test_events_counted_as_the_articles_tell_them_held(question, counted):
    from danvan_qa.ingest.facts import FactTable
    from danvan_qa.qa.article_lists import counts_reports
    from danvan_qa.qa.questions import parse

    assert counts_reports(parse(question, question, FactTable())) is counted


@pytest.mark.parametrize("question, counted", [
    ("Có mấy buổi gặp mặt người cao tuổi tiêu biểu do lực lượng công an tổ chức được đưa tin?", "2"),  # the police
    ("Có mấy buổi gặp mặt người cao tuổi tiêu biểu mà ngành công an tổ chức hoặc tham dự được đưa tin?", "2"),
    ("co may buoi gap mat nguoi cao tuoi tieu bieu co cong an to chuc hoac lanh dao cong an du duoc dua tin?", "2"),
    ("Có mấy buổi gặp mặt người cao tuổi tiêu biểu được tổ chức, được các bài đưa tin?", "3"),  # "có mấy … được": anyone
])
def test_events_held_by_the_police_however_the_question_calls_them(tmp_path, question, counted):
    texts = {"g1": ("2023-01-10", "Công an tỉnh Nam Sơn gặp mặt người cao tuổi tiêu biểu",
                    "Ngày 9/1, Công an tỉnh Nam Sơn tổ chức buổi gặp mặt người cao tuổi tiêu biểu trên địa bàn tỉnh."),
             "g2": ("2023-02-12", "Gặp mặt người cao tuổi tiêu biểu ở huyện Tây Giang",
                    "Ngày 11/2, Công an huyện Tây Giang tổ chức gặp mặt người cao tuổi tiêu biểu các xã vùng cao."),
             "g3": ("2023-03-15", "Hội Nông dân tỉnh Bắc Hà gặp mặt người cao tuổi tiêu biểu",
                    "Ngày 14/3, Hội Nông dân tỉnh Bắc Hà tổ chức gặp mặt người cao tuổi tiêu biểu trong tỉnh.")}
    assert _answerer(tmp_path, texts).answer(question, mode="bm25").short == counted


def test_co_and_ma_folded_from_other_words_name_no_one_who_held_the_events(tmp_path):
    """"các cơ quan, tổ chức tham gia phong trào X" folds to "cac co quan to chuc tham gia …": "cơ quan" is words of the
    topic, not "có quan" holding something; only the article saying it all holds the topic."""
    texts = {
        "d1": ("2023-03-06", "Tây Giang tổng kết phong trào toàn dân bảo vệ an ninh Tổ quốc",
               "Ngày 5/3, Ủy ban MTTQ huyện Tây Giang tổng kết phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2022. "
               "Đồng chí Trần Văn Bình, Chủ tịch Ủy ban MTTQ huyện phát biểu khai mạc hội nghị tổng kết. "
               "Hội nghị biểu dương 20 cơ quan, tổ chức tham gia phong trào toàn dân bảo vệ an ninh Tổ quốc tiêu biểu."),
        "d2": ("2023-04-11", "Hội thi tìm hiểu pháp luật ở huyện Bắc Hà",
               "Ngày 10/4, Đoàn Thanh niên huyện Bắc Hà tổ chức hội thi tìm hiểu pháp luật năm 2023. "
               "Đồng chí Lê Văn Khải, Bí thư Huyện đoàn phát biểu khai mạc hội thi tìm hiểu pháp luật. "
               "Hội thi tìm hiểu pháp luật thu hút 300 học sinh các trường trung học phổ thông tham gia."),
        "d3": ("2023-05-20", "Hội nghị tổng kết công tác dân vận ở Nam Sơn",
               "Ngày 19/5, Ban Dân vận Huyện ủy Nam Sơn tổ chức hội nghị tổng kết công tác dân vận năm 2022. "
               "Đồng chí Phạm Quang Hưng, Trưởng Ban Dân vận Huyện ủy chủ trì hội nghị tổng kết công tác dân vận. "
               "Hội nghị tổng kết có sự tham gia của 120 đại biểu đến từ các xã, thị trấn."),
        "d4": ("2023-06-02", "Hội Nông dân tỉnh Bắc Hà sơ kết 6 tháng",
               "Ngày 1/6, Hội Nông dân tỉnh Bắc Hà sơ kết công tác hội 6 tháng đầu năm 2023. "
               "Đồng chí Lê Thị Hoa, Chủ tịch Hội Nông dân tỉnh phát biểu tại hội nghị sơ kết 6 tháng. "
               "Nhiều tổ chức tham gia phong trào toàn dân bảo vệ an ninh Tổ quốc được biểu dương."),
    }
    answerer = _answerer(tmp_path, texts)
    a = answerer.answer("Có bao nhiêu bài viết nhắc đến các cơ quan, tổ chức tham gia phong trào toàn dân bảo vệ an ninh "
                        "Tổ quốc?", mode="bm25")
    assert a.short == "1" and {c.doc_id for c in a.citations} == {"d1"}
    # "có sự tham gia của …" names no one who held them: the review reported
    held = answerer.answer("Có mấy hội nghị tổng kết có sự tham gia của đại biểu đến từ các xã được đưa tin?", mode="bm25")
    assert held.short == "1" and {c.doc_id for c in held.citations} == {"d3"}
