"""Articles whose headline holds a phrase the user quotes or names, word for word."""

import pytest

from danvan_qa.ingest.facts import FactTable
from danvan_qa.qa.headlines import asked_phrase
from danvan_qa.qa.questions import parse
from fakes import invented_answerer

TEXTS = {
    "h1": ("2017-03-15", "Phát huy vai trò người có uy tín ở huyện Bắc Sơn",
           "Ngày 14/3, Công an huyện Bắc Sơn gặp mặt người có uy tín trong đồng bào dân tộc thiểu số."),
    "h2": ("2020-10-01", "Gặp mặt người có uy tín trong đồng bào dân tộc ở tỉnh Nam Hà",
           "Ngày 30/9, Công an tỉnh Nam Hà gặp mặt 120 người có uy tín."),
    # the words apart in the title, the phrase in the text: not a headline holding it
    "h3": ("2021-05-20", "Người dân tin tưởng, có uy tín với chính quyền",
           "Ngày 19/5, Ban Dân vận Huyện ủy Tây Hà gặp mặt người có uy tín tiêu biểu."),
}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    return invented_answerer(tmp_path_factory.mktemp("headlines"), TEXTS)


@pytest.mark.parametrize("question, phrase", [
    ("Bao nhiêu bài có tiêu đề chứa cụm 'người có uy tín'?", "người có uy tín"),
    ("cho hỏi có bao nhiêu bài mà ngay tiêu đề đã nhắc tới “dân vận khéo”?", "dân vận khéo"),
    ("nhung bai nao co tieu de chua chu dan van kheo", "dan van kheo"),
    ("Những bài nào có tên bài có cụm từ Dân vận khéo?", "Dân vận khéo"),
    ("Tiêu đề bài viết về hội nghị là gì?", None),  # asks a title, names no phrase
    ("Bài nào có tiêu đề nói về người có uy tín?", None),  # a topic, not a phrase: read by its words
    ("Trong bài có tiêu đề chứa cụm “Dân vận khéo”, ai là Chủ tịch UBND xã?", None),  # one article's fact
    ("Bài viết có tiêu đề chứa cụm 'Dân vận khéo' được đăng ngày nào?", None),
])
def test_the_phrase_a_question_asks_headlines_to_hold(question, phrase):
    assert asked_phrase(parse(question, question, FactTable())) == phrase


def test_articles_whose_headline_holds_the_phrase_word_for_word(answerer):
    a = answerer.answer("Bao nhiêu bài có tiêu đề chứa cụm 'người có uy tín'?", mode="bm25")
    assert a.short == "2" and sorted({c.doc_id for c in a.citations}) == ["h1", "h2"]
    assert all(c.start == 0 for c in a.citations)  # each row cites its title
