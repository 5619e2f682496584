"""The day a programme named by its number was reviewed, not the day it was signed (invented articles)."""

import pytest

from fakes import invented_answerer

TEXTS = {
    "r1": ("2019-03-05", "Ký kết chương trình phối hợp ở tỉnh Bình Lâm",
           "Ngày 5/3/2019, Ban Dân vận Tỉnh ủy Bình Lâm và Công an tỉnh Bình Lâm ký kết Chương trình số 12-CTr/BDV-CAT "
           "về phối hợp thực hiện công tác dân vận giai đoạn 2019-2024; hai bên định kỳ hội nghị sơ kết, tổng kết chương "
           "trình. Chương trình số 12 gồm 6 nội dung phối hợp."),
    "r2": ("2024-11-20", "Tổng kết 5 năm chương trình phối hợp ở tỉnh Bình Lâm",
           "Sáng 20/11, hội nghị tổng kết 5 năm thực hiện Chương trình số 12 đã diễn ra tại hội trường tỉnh. Hội nghị "
           "khen thưởng 10 tập thể."),
    "r3": ("2021-09-14", "Sơ kết chương trình phối hợp ở tỉnh Bình Lâm",
           "Chiều 14/9, Ban Dân vận Tỉnh ủy Bình Lâm và Công an tỉnh sơ kết 2 năm thực hiện Chương trình phối hợp "
           "số 12. Các đại biểu đánh giá cao kết quả phối hợp."),
}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    return invented_answerer(tmp_path_factory.mktemp("reviews"), TEXTS, "Bình Lâm")


@pytest.mark.parametrize("question, doc_id, day", [
    ("Hội nghị tổng kết Chương trình số 12 giữa Ban Dân vận Tỉnh ủy Bình Lâm và Công an tỉnh Bình Lâm về phối hợp "
     "thực hiện công tác dân vận được tổ chức ngày nào?", "r2", "20/11"),
    ("hoi nghi tong ket chuong trinh 12 giua ban dan van tinh uy binh lam va cong an tinh to chuc ngay nao", "r2",
     "20/11"),
    ("Sơ kết Chương trình phối hợp số 12 vào ngày nào?", "r3", "14/9"),
])
def test_a_review_of_a_numbered_programme_is_dated_by_its_own_sentence(answerer, question, doc_id, day):
    a = answerer.answer(question, mode="bm25")
    assert not a.abstained and a.short == day
    assert [c.doc_id for c in a.citations] == [doc_id]
    c = a.citations[0]
    assert c.quote == answerer.store.data.documents[doc_id].published[c.start:c.end] and day in c.quote


def test_a_signing_and_its_review_asked_together_are_answered_each_by_its_day(answerer):
    a = answerer.answer("Chương trình số 12 được ký ngày nào, và hội nghị tổng kết chương trình đó diễn ra ngày nào?",
                        mode="bm25")
    assert not a.abstained
    assert "5/3/2019" in a.text and "20/11" in a.text
    assert {c.doc_id for c in a.citations} == {"r1", "r2"}


def test_a_review_outside_the_articles_searched_does_not_answer(answerer):
    from danvan_qa.index.backends.base import Filters

    a = answerer.answer("Hội nghị tổng kết Chương trình số 12 diễn ra ngày nào?", mode="bm25",
                        filters=Filters(doc_ids=frozenset({"r1"})))  # the signing's article only
    assert "20/11" not in a.text and all(c.doc_id == "r1" for c in a.citations)
