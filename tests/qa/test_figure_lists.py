"""Each place's figure across the archive (invented articles with their place, fake embedder)."""

from danvan_qa.qa.answering import Answerer
from fakes import article_file, fake_store

ARTICLES = {  # id: (date, place, title, text)
    "f1": ("2023-09-19", "Bắc Sơn", "Duy trì mô hình dân vận khéo", "Duy trì mô hình dân vận khéo\nCông an tỉnh đang duy "
           "trì thực hiện 41 mô hình “Dân vận khéo” ở tất cả các lĩnh vực công tác."),
    "f2": ("2021-10-19", "Đông Lâm", "27 mô hình công an “dân vận khéo”", "27 mô hình công an “dân vận khéo”\nNgày 19/10, "
           "Công an tỉnh tổng kết phong trào. Công an tỉnh hiện duy trì 27 mô hình “dân vận khéo” trên các lĩnh vực."),
    "f3": ("2020-06-02", "TP Tây Hà, Nam Sơn", "Kiểm tra công tác dân vận ở thành phố", "Công an thành phố và Ban Dân vận "
           "Thành ủy kiểm tra chương trình phối hợp. Xây dựng, duy trì 35 mô hình “Dân vận khéo” trên địa bàn."),
    "f4": ("2021-12-01", "Nam Sơn", "Sôi nổi phong trào thi đua", "Ban Dân vận Tỉnh ủy tổng kết phong trào thi đua. Năm "
           "2021, toàn tỉnh có 1.950 mô hình “Dân vận khéo” được đăng ký xây dựng."),
}


def _answerer(folder) -> Answerer:
    files = {f"{d}.txt": article_file(d, date, title, text, place) for d, (date, place, title, text) in ARTICLES.items()}
    return Answerer(*fake_store(folder, files))


def test_each_provinces_police_figure_is_a_row_citing_the_sentence_that_gives_it(tmp_path):
    answerer = _answerer(tmp_path)
    for asked in ("Công an những tỉnh nào có nêu số mô hình “Dân vận khéo” mà lực lượng công an tỉnh đang duy trì, và mỗi "
                  "nơi là bao nhiêu mô hình? Không tính cấp huyện.",
                  "cong an nhung tinh nao neu con so cu the ve so mo hinh \"Dan van kheo\", moi tinh bao nhieu mo hinh?",
                  "ca tinh nao dang duy tri bao nhieu mo hinh dan van kheo? liet ke theo tinh"):  # the kind unquoted
        a = answerer.answer(asked, mode="bm25")
        # not the city's (f3), nor the province-wide figure of every sector (f4, no police in its sentence or lead)
        assert {c.doc_id for c in a.citations} == {"f1", "f2"}, asked
        assert "Bắc Sơn: 41 mô hình" in a.text and "Đông Lâm: 27 mô hình" in a.text
        quote = next(c.quote for c in a.citations if c.doc_id == "f2")
        assert quote.startswith("Công an tỉnh hiện duy trì 27"), quote  # who keeps the figure, not the headline


def test_without_a_body_every_provinces_figure_is_a_row(tmp_path):
    a = _answerer(tmp_path).answer("Những tỉnh nào có nêu số mô hình “Dân vận khéo”?", mode="bm25")
    assert {c.doc_id for c in a.citations} == {"f1", "f2", "f4"}  # a city's is still no province's


def test_a_figure_is_the_noun_as_written_after_a_number_that_is_no_year(tmp_path):
    texts = {  # id: (date, place, title, text)
        "g1": ("2023-01-01", "Hà Lâm", "Mô hình ở Hà Lâm", "Công an tỉnh Hà Lâm đẩy mạnh phong trào. Từ năm 2022 mô hình "
               "“Dân vận khéo” được nhân rộng. Công an tỉnh hiện duy trì 18 mô hình “Dân vận khéo”."),
        "g2": ("2023-02-01", "Sơn Nguyên", "Đội xung kích ở Sơn Nguyên", "Công an tỉnh Sơn Nguyên quản lý 150 đối tượng. "
               "Công an tỉnh duy trì 12 đội “xung kích”."),
        "g3": ("2023-03-01", "Đông Phù", "Tổ tự quản ở Đông Phù", "Công an tỉnh Đông Phù phối hợp 9 tổ chức đoàn thể. Công "
               "an tỉnh có 240 tổ “tự quản”."),
    }
    files = {f"{d}.txt": article_file(d, date, title, text, place) for d, (date, place, title, text) in texts.items()}
    answerer = Answerer(*fake_store(tmp_path, files))
    for asked, row in (("mô hình “Dân vận khéo”", "Hà Lâm: 18 mô hình"), ("đội “xung kích”", "Sơn Nguyên: 12 đội"),
                       ("tổ “tự quản”", "Đông Phù: 240 tổ")):
        a = answerer.answer(f"Công an những tỉnh nào nêu số {asked}, mỗi nơi bao nhiêu?", mode="bm25")
        assert row in a.text, a.text  # not "2022 mô hình", "150 đối(tượng)", "9 tổ (chức)"


def test_a_number_asked_first_and_each_province_in_a_request_after_it_is_each_provinces_figure(tmp_path):
    a = _answerer(tmp_path).answer("Công an cấp tỉnh ở các bài đang có/đã xây dựng bao nhiêu mô hình “Dân vận khéo”? "
                                   "Liệt kê theo từng tỉnh giúp em ạ.", mode="bm25")
    assert {c.doc_id for c in a.citations} == {"f1", "f2"}
    assert "Bắc Sơn: 41 mô hình" in a.text and "Đông Lâm: 27 mô hình" in a.text
    assert "số **mô hình “Dân vận khéo”** của từng nơi" in a.text  # the heading names the thing whole, quotes or not


def test_the_places_asked_first_then_the_number_are_each_places_figure(tmp_path):
    """"Công an các tỉnh có bao nhiêu mô hình …? liệt kê từng tỉnh", "Có mấy tỉnh mà bài báo nêu rõ Công an tỉnh có
    bao nhiêu mô hình …?": a row per province's police figure, counted."""
    answerer = _answerer(tmp_path)
    for asked in ("cong an cac tinh dang co bao nhieu mo hinh dan van kheo? liet ke tung tinh kem con so giup minh",
                  "Có mấy tỉnh mà bài báo nêu rõ Công an tỉnh có bao nhiêu mô hình “Dân vận khéo”?"):
        a = answerer.answer(asked, mode="bm25")
        assert {c.doc_id for c in a.citations} == {"f1", "f2"}, asked
        assert "Bắc Sơn: 41 mô hình" in a.text and "Đông Lâm: 27 mô hình" in a.text
    assert a.short == "2"
    for other in ("Công an tỉnh Bắc Sơn trao tặng máy tính cho bao nhiêu mô hình “Dân vận khéo”?",  # "máy tính", no "mấy tỉnh"
                  "Tỉnh Nam Sơn có bao nhiêu huyện và bao nhiêu mô hình “Dân vận khéo”?",  # two things asked
                  # "từng địa phương" is no request for each place's figure
                  "Công an tỉnh Bắc Sơn xây dựng bao nhiêu mô hình “Dân vận khéo” để hỗ trợ từng địa phương?"):
        assert "nêu số **mô hình" not in answerer.answer(other, mode="bm25").text, other


def test_the_number_asked_with_each_place_requested_in_other_words_is_each_places_figure(tmp_path):
    """"… con số mô hình …? Cho mình xin từng tỉnh và con số", "… tỉnh nào và bao nhiêu mô hình": each place's."""
    answerer = _answerer(tmp_path)
    for asked in ("Các bài có nêu con số mô hình “Dân vận khéo” mà công an cấp tỉnh đã xây dựng không? Cho mình xin từng "
                  "tỉnh và con số nhé.",
                  "Mô hình “Dân vận khéo” của công an cấp tỉnh trong các bài: tỉnh nào và bao nhiêu mô hình?"):
        a = answerer.answer(asked, mode="bm25")
        assert {c.doc_id for c in a.citations} == {"f1", "f2"}, asked
        assert "Bắc Sơn: 41 mô hình" in a.text and "Đông Lâm: 27 mô hình" in a.text
