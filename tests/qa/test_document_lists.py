"""Documents across the archive, and the documents of a person's events (invented articles)."""

from danvan_qa.qa.answering import Answerer
from fakes import article_file, fake_store

TEXTS = {
    "k1": ("2018-06-12", "Làm việc với Đảng ủy Công an Trung ương",
           "Chiều 11/6/2018, tại Hà Nội, đã diễn ra buổi làm việc giữa Đoàn kiểm tra của Ban Chỉ đạo sơ kết Nghị quyết "
           "số 17-NQ/TW về công tác dân vận với Đảng ủy Công an Trung ương. Đồng chí Lê Thị Hạnh, Trưởng ban Dân vận "
           "Trung ương, Trưởng Đoàn kiểm tra chủ trì buổi làm việc. Bộ Công an đã ban hành Chỉ thị số 09/CT-BCA."),
    "k2": ("2020-07-07", "Tổng kết Quyết định 120",
           "Chiều 7/7/2020, tại Hà Nội, Đoàn kiểm tra tổng kết thực hiện Quyết định số 120-QĐ/TW ngày 25/2/2010 của Bộ "
           "Chính trị (Quyết định số 120) do đồng chí Lê Thị Hạnh, Trưởng ban Dân vận Trung ương làm Trưởng đoàn có "
           "buổi làm việc với Đảng ủy Công an Trung ương."),
    "k3": ("2021-03-02", "Hội nghị ở Nam Sơn",
           "Ngày 2/3/2021, Ban Dân vận Tỉnh ủy Nam Sơn tổ chức hội nghị triển khai Nghị quyết số 33-NQ/TU. Đồng chí "
           "Trần Văn Khải, Trưởng ban Dân vận Tỉnh ủy chủ trì hội nghị."),
    "k4": ("2022-09-10", "Hội nghị quán triệt Chỉ thị 49",  # her conference, not an inspection
           "Ngày 10/9/2022, tại Hà Nội, Ban Dân vận Trung ương tổ chức hội nghị quán triệt Chỉ thị số 49-CT/TW. Đồng "
           "chí Lê Thị Hạnh, Trưởng ban Dân vận Trung ương chủ trì hội nghị."),
}


def test_the_documents_of_a_persons_events_once_each_from_their_event_sentences(tmp_path):
    files = {f"{d}.txt": article_file(d, date, title, text) for d, (date, title, text) in TEXTS.items()}
    answerer = Answerer(*fake_store(tmp_path, files))
    a = answerer.answer("Bà Lê Thị Hạnh từng dẫn đoàn kiểm tra làm việc với Đảng ủy Công an Trung ương về việc thực "
                        "hiện những văn bản nào?", mode="bm25")
    assert [i.name for i in a.items] == ["Quyết định số 120-QĐ/TW", "Nghị quyết số 17-NQ/TW"]  # newest first
    each = answerer.answer("Bà Lê Thị Hạnh từng dẫn đoàn kiểm tra làm việc với Đảng ủy Công an Trung ương; mỗi lần đó là "
                           "để sơ kết/tổng kết văn bản nào?", mode="bm25")  # one document each time: several
    assert [i.name for i in each.items] == ["Quyết định số 120-QĐ/TW", "Nghị quyết số 17-NQ/TW"]
    # once each ("Quyết định số 120" is the coded one), and not a document of another sentence (the Chỉ thị 09)
    # nor of another person's event (k3)
    assert "Chỉ thị" not in a.text and "33-NQ/TU" not in a.text and a.text.count("Quyết định số 120") == 1
    # nor the documents of her conference (k4): the question asks of inspections; a day asked is that day's event
    dated = answerer.answer("Ngày 11/6/2018, đoàn kiểm tra do bà Lê Thị Hạnh dẫn đầu làm việc về những văn bản nào?",
                            mode="bm25")
    assert "49-CT/TW" not in dated.text and "120-QĐ/TW" not in dated.text
    for c in a.citations:
        assert c.quote == answerer.store.data.documents[c.doc_id].published[c.start:c.end]


def test_documents_of_a_year_asked_opening_with_which_document(tmp_path):
    """"van ban nao (nghi quyet, chuong trinh...) co ngay ban hanh trong nam 2010?": every document of that year."""
    store, settings = fake_store(tmp_path, {f"{d}.txt": article_file(d, *row) for d, row in TEXTS.items()})
    a = Answerer(store, settings).answer("van ban nao (nghi quyet, chi thi...) co ngay ban hanh trong nam 2010?",
                                         mode="bm25")
    assert "120-QĐ/TW" in a.text and {c.doc_id for c in a.citations} == {"k2"} and a.text.startswith("Các bài viết nêu 1")
    texts = TEXTS | {"k5": ("2023-06-05", "Sơ kết Nghị quyết 41", "Ngày 5/6/2023, Ban Dân vận Tỉnh ủy Nam Sơn sơ kết Nghị "
                            "quyết 41 của Tỉnh ủy.")}
    store, settings = fake_store(tmp_path / "kinds", {f"{d}.txt": article_file(d, *row) for d, row in texts.items()})
    b = Answerer(store, settings).answer("nghi quyet nao co so hieu day du duoc nhac trong cac bai vay?", mode="bm25")
    assert sorted(i.name for i in b.items) == ["Nghị quyết số 17-NQ/TW", "Nghị quyết số 33-NQ/TU"]  # a kind first; not "41"


def test_documents_written_with_their_number_and_day_of_issue_of_every_kind_listed(tmp_path):
    texts = TEXTS | {"k5": ("2023-06-05", "Sơ kết Nghị quyết 41", "Ngày 5/6/2023, Ban Dân vận Tỉnh ủy Nam Sơn sơ kết Nghị quyết "
                            "số 41-NQ/TW ngày 3-6-2013 của Bộ Chính trị.")}
    store, settings = fake_store(tmp_path, {f"{d}.txt": article_file(d, *row) for d, row in texts.items()})
    a = Answerer(store, settings).answer("Giúp tôi liệt kê các nghị quyết, quyết định, chỉ thị mà bài viết ghi rõ cả số "
                                         "hiệu lẫn ngày ban hành.", mode="bm25")
    assert "120-QĐ/TW" in a.text and "41-NQ/TW" in a.text and "09/CT-BCA" not in a.text and "33-NQ/TU" not in a.text
    assert {c.doc_id for c in a.citations} == {"k2", "k5"}


def test_documents_asked_of_the_kinds_said_after_van_ban_are_of_those_kinds_only(tmp_path):
    texts = TEXTS | {"k6": ("2019-05-04", "Ký kết chương trình phối hợp ở Nam Sơn", "Ngày 4/5/2019, Ban Dân vận Tỉnh ủy Nam "
                            "Sơn và Công an tỉnh ký Chương trình phối hợp số 05/CTr-BDV-CA về công tác dân vận.")}
    store, settings = fake_store(tmp_path, {f"{d}.txt": article_file(d, *row) for d, row in texts.items()})
    answerer = Answerer(store, settings)
    a = answerer.answer("Các văn bản nghị quyết, quyết định, chỉ thị có số hiệu được viện dẫn trong các bài là những văn "
                        "bản nào?", mode="bm25")
    assert "17-NQ/TW" in a.text and "120-QĐ/TW" in a.text and "09/CT-BCA" in a.text
    assert "05/CTr-BDV-CA" not in a.text  # a programme is no kind said
    both = answerer.answer("Những văn bản, chương trình nào có số hiệu được nêu trong các bài?", mode="bm25")
    assert "05/CTr-BDV-CA" in both.text and "17-NQ/TW" in both.text  # a comma: documents and programmes
    besides = answerer.answer("Những văn bản nào có số hiệu được viện dẫn trong các bài, ngoài văn bản chỉ thị?",
                              mode="bm25")  # a kind set aside is no kind asked
    assert "17-NQ/TW" in besides.text and "120-QĐ/TW" in besides.text
