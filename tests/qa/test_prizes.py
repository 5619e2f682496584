"""The holder of a prize a question asks about (invented sentences and articles)."""

import pytest

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.prizes import asked_grade, holder
from fakes import invented_answerer


@pytest.mark.parametrize("question, grade", [
    ("Đội nào đoạt giải nhất hội thi?", "nhat"),
    ("giai nhi ve tay ai", "nhi"),
    ("Giải khuyến khích thuộc về những đơn vị nào?", "khuyen khich"),
    ("Tác phẩm nào được trao giải A?", "A"),
    ("Hội thi có bao nhiêu giải nhất?", None),  # a count, not a holder
    ("Giải nhất trị giá bao nhiêu?", None),
    ("Giải nhất được trao khi nào?", None),
    ("Hội thi được tổ chức ở đâu?", None),
    ("Ai đoạt giải a?", None),  # a lower-case letter is no grade
    ("Ai trao giải nhất tại hội thi?", None),  # who gave it
    ("Giải nhất được trao tại hội thi nào?", None),  # which contest
    ("Ban tổ chức trao giải nhất cho đơn vị nào?", "nhat"),
    ("Đội nào được trao giải nhì?", "nhi"),
])
def test_the_grade_asked_is_read_only_when_the_holder_is_asked(question, grade):
    assert asked_grade(fold(question), question) == grade


@pytest.mark.parametrize("sentence, grade, expected", [
    ("Kết quả, giải nhất thuộc về đội Xuân Lâm; giải nhì là đội Bến Gỗ; giải ba là đội Cát Tiên và đội Hòa Mỹ…",
     "nhat", "đội Xuân Lâm"),
    ("Kết quả, giải nhất thuộc về đội Xuân Lâm; giải nhì là đội Bến Gỗ; giải ba là đội Cát Tiên và đội Hòa Mỹ…",
     "ba", "đội Cát Tiên và đội Hòa Mỹ"),
    ("Ban tổ chức trao giải nhì cho Công an xã Tân Phú, giải ba cho Công an xã Mỹ Lợi.", "nhi", "Công an xã Tân Phú"),
    ("Chung cuộc, đội Công an phường Đông Hòa xuất sắc giành giải nhất.", "nhat", "đội Công an phường Đông Hòa"),
    ("Tập thơ “Mùa gặt” của ông được trao Giải A năm 2010.", "A", "Tập thơ “Mùa gặt” của ông"),
    ("Giải khuyến khích: Công an huyện Lạc Sơn và Công an huyện Mai Châu.", "khuyen khich",
     "Công an huyện Lạc Sơn và Công an huyện Mai Châu"),
])
def test_the_holder_is_read_beside_its_grade(sentence, grade, expected):
    span = holder(sentence, grade)
    assert span is not None and sentence[span[0]:span[1]] == expected


@pytest.mark.parametrize("sentence, grade", [
    ("Kết quả, giải nhất thuộc về đội Xuân Lâm.", "nhi"),  # another grade
    ("Hội thi trao 1 giải nhất, 2 giải nhì và 3 giải ba.", "nhat"),  # counts, no holder
    ("Ban tổ chức đã hòa giải nhiều vụ việc.", "nhat"),
])
def test_a_sentence_without_the_holder_of_that_grade_names_none(sentence, grade):
    assert holder(sentence, grade) is None


TEXTS = {
    "a1": ("2023-11-24", "Hội thi Dân vận khéo ở huyện Mỹ Lâm",
           "Ngày 24-11, Ban Dân vận Huyện ủy Mỹ Lâm phối hợp với Công an huyện tổ chức hội thi Dân vận khéo năm 2023. "
           "Hội thi có 12 đội dự thi đến từ Công an các xã, thị trấn. Các đội tranh tài qua ba phần thi: chào hỏi, "
           "kiến thức và xử lý tình huống. Kết quả, giải nhất thuộc về Công an xã Tân Hòa; giải nhì là Công an thị "
           "trấn Mỹ Lâm; giải ba là Công an xã Phú Thọ."),
    "a2": ("2023-06-02", "Hội nghị sơ kết ở huyện Bến Cát",
           "Ngày 2-6, Ban Dân vận Huyện ủy Bến Cát tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm. Hội nghị "
           "biểu dương 5 tập thể có thành tích xuất sắc."),
}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    return invented_answerer(tmp_path_factory.mktemp("prizes"), TEXTS, "Mỹ Lâm")


@pytest.mark.parametrize("question, expected", [
    ("Giải nhất hội thi Dân vận khéo huyện Mỹ Lâm về tay ai?", "Công an xã Tân Hòa"),
    ("doi nao doat giai nhi hoi thi dan van kheo huyen My Lam", "Công an thị trấn Mỹ Lâm"),
    ("Hội thi Dân vận khéo huyện Mỹ Lâm có bao nhiêu đội dự thi, và đơn vị nào đoạt giải ba?", "Công an xã Phú Thọ"),
])
def test_the_prize_asked_is_answered_by_its_holder_quoted(answerer, question, expected):
    a = answerer.answer(question, mode="bm25")
    assert not a.abstained and expected in a.short
    for c in a.citations:
        assert c.quote == answerer.store.data.documents[c.doc_id].published[c.start:c.end]
    assert any(expected in c.quote for c in a.citations)
