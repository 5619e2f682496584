"""Who wrote an article and where it comes from, read from its credit lines (invented articles,
fake embedder, real BM25)."""

from types import SimpleNamespace

import pytest

from danvan_qa.qa.answering import Answerer
from danvan_qa.qa.bylines import asks_byline, byline
from danvan_qa.qa.questions import parse
from danvan_qa.qa.records import Evidence
from fakes import fake_store

SIGNED = ('---\nid: c1\ntitle: "Ký kết chương trình phối hợp ở tỉnh Bắc Hà"\ndate: 2023-03-09\n---\n'
          "Ký kết chương trình phối hợp ở tỉnh Bắc Hà\n\n"
          "Ngày 8/3, Ban Dân vận Tỉnh ủy và Công an tỉnh Bắc Hà ký kết chương trình phối hợp công tác dân vận.\n\n"
          "Theo đó, hai bên thống nhất tuyên truyền, vận động Nhân dân tham gia bảo vệ an ninh trật tự.\n\n"
          "Bài và ảnh: Lê Minh Châu\n")
WIRED = ('---\nid: c2\ntitle: "Hội Nông dân tỉnh Tây Giang tổ chức ngày hội nông sản"\ndate: 2022-08-09\n---\n'
         "Hội Nông dân tỉnh Tây Giang tổ chức ngày hội nông sản\n\n"
         "Ngày 9/8, Hội Nông dân tỉnh Tây Giang tổ chức ngày hội nông sản với 300 gian hàng.\n\n"
         "Nguồn: Thông tấn xã Việt Nam\n")


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    return Answerer(*fake_store(tmp_path_factory.mktemp("credits"), {"c1.txt": SIGNED, "c2.txt": WIRED}))


@pytest.mark.parametrize("question, asked", [
    ("Ai viết bài và chụp ảnh về lễ ký kết ở Bắc Hà?", "author"),
    ("tac gia bai viet ve ngay hoi nong san la ai", "author"),
    ("Bài viết về ngày hội nông sản lấy nguồn từ đâu?", "source"),
    ("Bài về ngày hội được đăng trên báo nào?", "source"),
    ("Ai ký kết chương trình phối hợp?", None),
    ("Ai thực hiện mô hình dân vận khéo ở Bắc Hà?", None),  # the article's subject, not its author
    ("Ai viết bài hát về lực lượng Công an?", None),
    ("Ai chụp ảnh lưu niệm cùng đoàn công tác?", None),
    ("Ai đưa anh Nguyễn Văn An đi cấp cứu?", None),
    ("Kinh phí thực hiện mô hình lấy từ nguồn nào?", None),
    ("Người dân lấy nguồn nước từ đâu?", None),
    ("Ai chụp ảnh cho bài viết về lễ ký kết?", "photo"),
    ("Ảnh trong các bài là của những tác giả ảnh nào?", "photo"),
    ("tac gia anh trong cac bai la ai", "photo"),
    ("Ai là tác giả của sáng kiến tổ tự quản?", None),
    ("Theo bài viết, ai chủ trì hội nghị?", None),
])
def test_questions_asking_who_wrote_an_article_or_its_source(question, asked):
    assert asks_byline(parse(question, question, SimpleNamespace(folded_names=()))) == asked


def test_the_last_credit_line_is_read_and_a_sentence_starting_with_theo_is_not(answerer):
    doc = answerer.store.data.documents["c1"]
    name, statement = byline("author", doc, lambda a, b: Evidence.of(doc, a, b))
    ev = statement.evidence
    assert name == "Lê Minh Châu" and doc.published[ev.start:ev.end] == "Bài và ảnh: Lê Minh Châu"
    assert byline("source", doc, lambda a, b: Evidence.of(doc, a, b)) is None  # "Theo đó, hai bên …" credits no one
    signed = SIGNED.replace("Bài và ảnh: Lê Minh Châu", "Theo kế hoạch năm nay\n\nBài: Lê Minh Châu\n\nẢnh: Trần Bình")
    twice = SimpleNamespace(text=signed.split("---\n", 2)[2])
    assert byline("author", twice, lambda a, b: (a, b))[0] == "Lê Minh Châu"  # the writer, not the photographer
    assert byline("photo", twice, lambda a, b: (a, b))[0] == "Trần Bình"
    assert byline("source", twice, lambda a, b: (a, b)) is None  # a subheading "Theo kế hoạch …" is no source


def test_a_credit_is_answered_from_the_article_holding_the_topic_and_quoted_as_published(answerer):
    a = answerer.answer("Ai viết bài về lễ ký kết chương trình phối hợp ở tỉnh Bắc Hà?", mode="bm25")
    assert a.short == "Lê Minh Châu" and [c.doc_id for c in a.citations] == ["c1"]
    c = a.citations[0]
    assert c.quote == answerer.store.data.documents["c1"].published[c.start:c.end] and "Lê Minh Châu" in c.quote
    source = answerer.answer("Bài viết về ngày hội nông sản ở Tây Giang lấy nguồn từ đâu?", mode="bm25")
    assert source.short == "Thông tấn xã Việt Nam" and source.citations[0].doc_id == "c2"
    other = answerer.decision("Ai viết bài về giá vàng hôm nay?", mode="bm25")  # no article holds the topic
    assert all(c.value != "Lê Minh Châu" for c in other.candidates)


def test_photo_credits_across_the_articles_captions_too(tmp_path):
    captioned = WIRED.replace("Nguồn: Thông tấn xã Việt Nam\n",
                              "Các đại biểu tham quan gian hàng của hội viên. Ảnh: Đào Thu Hà\n")
    answerer = Answerer(*fake_store(tmp_path, {"c1.txt": SIGNED, "c2.txt": captioned}))
    a = answerer.answer("Ảnh trong các bài là của những tác giả ảnh nào?", mode="bm25")
    assert [i.name for i in a.items] == ["Lê Minh Châu", "Đào Thu Hà"]  # newest article first
    docs = answerer.store.data.documents
    assert all(c.quote == docs[c.doc_id].published[c.start:c.end] for c in a.citations)
    assert a.citations[1].quote.endswith("Ảnh: Đào Thu Hà")  # the caption it closes
    one = answerer.answer("Ai chụp ảnh cho bài về ngày hội nông sản ở Tây Giang?", mode="bm25")
    assert one.short == "Đào Thu Hà"  # a single article's photographs, from its caption
