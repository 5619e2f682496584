"""One fact from each article: a question asking the same thing of several events is answered by
each article for itself (invented articles, fake embedder, the shipped models)."""

from types import SimpleNamespace

import pytest

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.per_article import asks_each
from danvan_qa.qa.questions import parse
from fakes import article_file, fake_store

ARTICLES = {
    "b1": ("2021-03-02", "Tổng kết chương trình phối hợp ở tỉnh Bắc Hà",
           "Ngày 2/3/2021, tại thành phố Bắc Hà, Ban Dân vận Tỉnh ủy và Công an tỉnh Bắc Hà tổ chức hội nghị "
           "tổng kết chương trình phối hợp công tác dân vận. Hội nghị khen thưởng 12 tập thể."),
    "b2": ("2023-05-04", "Tổng kết chương trình phối hợp ở tỉnh Nam Sơn",
           "Ngày 4/5/2023, tại huyện Đông Triều, Ban Dân vận Tỉnh ủy và Công an tỉnh Nam Sơn tổ chức hội nghị "
           "tổng kết chương trình phối hợp công tác dân vận. Hội nghị khen thưởng 20 tập thể."),
    "b4": ("2019-06-07", "Tổng kết chương trình phối hợp với Bộ đội Biên phòng tỉnh Nam Sơn",
           "Ngày 7/6/2019, Ban Dân vận Tỉnh ủy và Bộ Chỉ huy Bộ đội Biên phòng tỉnh Nam Sơn tổ chức hội nghị "
           "tổng kết chương trình phối hợp công tác dân vận. Hội nghị khen thưởng 15 tập thể."),
    "b5": ("2020-09-01", "Ký kết chương trình phối hợp ở tỉnh Đông Lâm",
           "Ngày 1/9/2020, Ban Dân vận Tỉnh ủy và Công an tỉnh Đông Lâm tổ chức hội nghị ký kết chương trình phối "
           "hợp công tác dân vận. Hội nghị khen thưởng 5 tập thể."),
    "b3": ("2022-08-09", "Hội Nông dân tỉnh Tây Giang tổ chức ngày hội",
           "Ngày 9/8/2022, Hội Nông dân tỉnh Tây Giang tổ chức ngày hội nông sản với 300 gian hàng."),
}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory):
    """The questions are asked in BM25 mode: the fake embedder's cosines are not e5's, and without
    dense scores the answer/abstain model weighs the question's nearness as unknown, so the shipped
    threshold applies."""
    from danvan_qa.qa.answering import Answerer

    folder = tmp_path_factory.mktemp("each")
    files = {f"{doc_id}.txt": article_file(doc_id, *row) for doc_id, row in ARTICLES.items()}
    store, settings = fake_store(folder, files)
    return Answerer(store, settings)


@pytest.mark.parametrize("question, each", [
    ("Ai phát biểu chỉ đạo tại các hội nghị ký kết chương trình phối hợp?", True),
    ("bo cong an to chuc hoi nghi ve nguoi co uy tin o nhung noi nao", True),
    ("Ban Dân vận đã làm việc với Công an vào những ngày nào?", True),
    ("Công an các tỉnh đã xây dựng bao nhiêu mô hình “Dân vận khéo”?", True),
    ("Các hội nghị tổng kết đã khen thưởng bao nhiêu tập thể?", True),
    ("Công an cấp tỉnh ở các nơi đã xây dựng bao nhiêu mô hình?", True),
    ("Công an những tỉnh nào đang duy trì bao nhiêu mô hình “Dân vận khéo”?", True),  # which, and each one's figure
    ("Những đoàn kiểm tra về công tác dân vận do ai làm trưởng đoàn?", True),
    ("ai lam truong doan cac doan kiem tra, doan cong tac ve cong tac dan van", True),
    # one event, or plural words that ask nothing of several events
    ("Bao nhiêu phần trăm công an các địa phương ở Thừa Thiên Huế đăng ký mô hình?", False),
    ("Công an những tỉnh Tây Nguyên nào phối hợp phát huy vai trò người có uy tín?", False),
    ("Công an những tỉnh nào đã trang bị máy bay không người lái?", False),  # "máy" (machine) asks no figure
    ("Những ai dự hội nghị ký kết?", False),
    ("Công an tỉnh và xã sẽ phối hợp tổ chức những hoạt động gì?", False),
    ("Mô hình của Công an tỉnh Bắc Hà được nhân rộng ở các địa phương nào?", False),
    ("Ban Dân vận cấp tỉnh có nhiệm vụ gì theo Quy chế?", False),
])
def test_what_asks_one_fact_of_several_events(question, each):
    no_names = SimpleNamespace(folded_names=())
    assert asks_each(parse(question, question, no_names)) is each, fold(question)


def test_each_article_gives_its_own_row_citing_its_own_sentence(answerer):
    a = answerer.answer("Ban Dân vận Tỉnh ủy và Công an tỉnh tổ chức hội nghị tổng kết chương trình phối hợp "
                        "công tác dân vận vào những ngày nào?", mode="bm25")
    docs = answerer.store.data.documents
    cited = [c.doc_id for c in a.citations]
    assert cited[:2] == ["b2", "b1"] or cited[-2:] == ["b2", "b1"]  # newest first
    for c in a.citations:  # each row quotes its own article as published, with its own date
        assert c.quote == docs[c.doc_id].published[c.start:c.end]
    assert "4/5/2023" in a.short and "2/3/2021" in a.short
    assert f"{len(cited)} bài viết" in a.text


def _decision(answerer, reading, passages, kind, value):
    from danvan_qa.qa.decide import Decision
    from danvan_qa.qa.records import Candidate, Evidence, Features

    p = passages[0]
    found = Candidate(kind or "none", value, Evidence.of(answerer.store.data.documents[p.doc_id], p.start, p.end),
                      Features(("rows",), (1.0,)))
    return Decision(reading, tuple(passages), found if kind else None, 0.9 if kind else 0.1, (found,))


def _asked_of(tmp_path, texts: dict[str, str], question: str):
    """An answerer over short invented articles {id: text} (fake embedder), the question read, and
    its passages retrieved by BM25."""
    from danvan_qa.qa.answering import Answerer
    from danvan_qa.qa.reading import read, retrieve_for

    files = {f"{d}.txt": f'---\nid: {d}\ntitle: "Tin {d}"\ndate: 2023-01-0{n}\n---\nTin {d}\n\n{t}\n'
             for n, (d, t) in enumerate(texts.items(), start=1)}
    store, settings = fake_store(tmp_path, files)
    reading = read(question, store, settings)
    return Answerer(store, settings), reading, retrieve_for(reading, store, settings, k=40, mode="bm25")


def test_only_articles_whose_typed_answer_is_trusted_give_rows(answerer):
    from danvan_qa.qa.per_article import each_article
    from danvan_qa.qa.reading import read, retrieve_for

    reading = read("Các hội nghị tổng kết khen thưởng bao nhiêu tập thể?", answerer.store, answerer.settings)
    passages = retrieve_for(reading, answerer.store, answerer.settings, k=40, mode="bm25")
    assert {p.doc_id for p in passages} == set(ARTICLES)
    verdicts = {"b1": ("span", "12"), "b2": ("span", "20"), "b3": (None, None), "b4": ("span", "15"), "b5": ("span", "5")}
    rows = each_article(passages, lambda own: _decision(answerer, reading, own, *verdicts[own[0].doc_id]),
                        answerer.store, reading.question)
    assert rows is not None and rows.found == 3 and rows.value == "20; 12; 15"
    verdicts["b1"] = verdicts["b4"] = ("sentence", None)  # a bare sentence does not say which fact it gives
    assert each_article(passages, lambda own: _decision(answerer, reading, own, *verdicts[own[0].doc_id]),
                        answerer.store, reading.question) is None


def test_a_question_naming_two_bodies_reads_only_the_articles_on_both(answerer):
    from danvan_qa.qa.per_article import each_article
    from danvan_qa.qa.reading import read, retrieve_for

    reading = read("Các hội nghị tổng kết chương trình phối hợp giữa Ban Dân vận Tỉnh ủy và Công an tỉnh khen "
                   "thưởng bao nhiêu tập thể?", answerer.store, answerer.settings)
    passages = retrieve_for(reading, answerer.store, answerer.settings, k=40, mode="bm25")
    assert "b4" in {p.doc_id for p in passages}
    asked = []
    rows = each_article(passages, lambda own: asked.append(own[0].doc_id) or _decision(answerer, reading, own, "span", "1"),
                        answerer.store, reading.question)
    assert rows is not None and sorted(asked) == ["b1", "b2"]  # the border guards' article is another pair's


def test_a_kind_of_event_asked_about_reads_only_the_articles_naming_it(answerer):
    from danvan_qa.qa.per_article import each_article
    from danvan_qa.qa.reading import read, retrieve_for

    reading = read("Các hội nghị tổng kết chương trình phối hợp khen thưởng bao nhiêu tập thể?", answerer.store,
                   answerer.settings)
    passages = retrieve_for(reading, answerer.store, answerer.settings, k=40, mode="bm25")
    assert "b5" in {p.doc_id for p in passages}
    asked = []
    each_article(passages, lambda own: asked.append(own[0].doc_id) or _decision(answerer, reading, own, "span", "1"),
                 answerer.store, reading.question)
    assert sorted(asked) == ["b1", "b2", "b4"]  # the signing conference is another kind of event


def test_an_inspection_team_asked_about_reads_the_articles_on_one_however_named(tmp_path):
    from danvan_qa.qa.per_article import each_article

    texts = {
        "t1": ("Ngày 5/9, Đoàn kiểm tra của Ban Dân vận Trung ương do đồng chí Lê Văn An làm trưởng đoàn làm việc "
               "với Công an tỉnh Bắc Hà."),
        "t2": ("Ngày 7/7, đoàn công tác của Bộ Nội vụ do đồng chí Trần Thị Bình làm trưởng đoàn làm việc với Công an "
               "tỉnh Nam Sơn."),
        "t3": "Ngày 9/8, đồng chí Phạm Văn Cường chủ trì hội nghị của Công an tỉnh Tây Giang với Ban Dân vận.",
    }
    answerer, reading, passages = _asked_of(tmp_path, texts, "Những đoàn kiểm tra làm việc với Công an do ai làm trưởng đoàn?")
    store = answerer.store
    assert {p.doc_id for p in passages} == set(texts)
    asked = []
    each_article(passages, lambda own: asked.append(own[0].doc_id) or _decision(answerer, reading, own, "span", "1"),
                 store, reading.question)
    assert sorted(asked) == ["t1", "t2"]  # a "đoàn công tác" with a "trưởng đoàn" is one too; a conference is not


def test_events_asked_about_a_topic_read_only_the_articles_reporting_one_on_it(tmp_path):
    from danvan_qa.qa.per_article import each_article

    texts = {  # u3 names the topic only in passing: its own conference was on something else
        "u1": ("Ngày 5/9, Công an tỉnh Bắc Hà tổ chức hội nghị phát huy vai trò người có uy tín trong đồng bào dân tộc "
               "thiểu số. Đồng chí Lê Văn An phát biểu tại hội nghị."),
        "u2": ("Ngày 7/7, hội nghị phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số ở tỉnh Nam Sơn. "
               "Phát biểu tại hội nghị, đồng chí Trần Thị Bình nhấn mạnh vai trò của họ."),
        "u3": ("Ngày 9/8, Ban Dân vận Tỉnh ủy Tây Giang tổ chức hội nghị tổng kết công tác dân vận. Đồng chí Phạm Văn "
               "Cường phát biểu. Năm qua, tỉnh phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số."),
    }
    answerer, reading, passages = _asked_of(tmp_path, texts, "Tại các hội nghị về phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số, những ai "
                   "đã phát biểu?")
    store = answerer.store
    assert {p.doc_id for p in passages} == set(texts)
    asked = []
    each_article(passages, lambda own: asked.append(own[0].doc_id) or _decision(answerer, reading, own, "span", "1"),
                 store, reading.question)
    assert sorted(asked) == ["u1", "u2"]


@pytest.mark.parametrize("question, topic", [
    ("Những đoàn kiểm tra về công tác dân vận làm việc với ngành Công an do ai làm trưởng đoàn?", "cong tac dan van"),
    ("cac hoi nghi ve an ninh nong thon dien ra o dau", "an ninh nong thon"),
    ("Các hội nghị tổng kết khen thưởng bao nhiêu tập thể?", None),  # no topic of their own
])
def test_the_topic_of_the_events_asked_about_ends_where_the_question_asks(question, topic):
    from danvan_qa.qa.per_article import _TOPIC

    found = _TOPIC.search(fold(question.lower()).replace("?", "").replace(",", ""))
    assert (found["topic"] if found else None) == topic


def test_who_acted_as_the_title_asked_is_kept_of_each_articles_people(tmp_path):
    """"… do ai làm trưởng đoàn?": the head of each delegation, by role or by "làm Trưởng đoàn" in their
    part of the sentence; a co-chair, a guest or another title's holder is no row, and an article with
    none gives none."""
    from danvan_qa.qa.decide import Decision
    from danvan_qa.qa.per_article import _holding
    from danvan_qa.qa.records import Candidate, Evidence, Features, Item

    texts = {
        "h1": ("Đồng chí Lê Văn An, Trưởng ban Dân vận Tỉnh ủy, Trưởng Đoàn kiểm tra; Đại tá Phạm Văn Cường, Giám đốc "
               "Công an tỉnh đồng chủ trì buổi làm việc."),
        "h2": ("Về phía Ban Dân vận có đồng chí Trần Thị Bình, Phó Trưởng ban làm Trưởng đoàn; về phía Công an có "
               "đồng chí Vũ Văn Long, Phó Giám đốc."),
        "h3": "Đồng chí Đào Minh Tâm, Bí thư Tỉnh ủy, Trưởng Đoàn đại biểu Quốc hội tỉnh làm việc với Công an tỉnh.",
        "h4": "Đồng chí Đỗ Văn Hùng, Phó Trưởng Đoàn kiểm tra làm việc với Công an tỉnh.",  # a deputy
    }
    answerer, reading, _ = _asked_of(tmp_path, texts, "Những đoàn kiểm tra làm việc với Công an do ai làm trưởng đoàn?")
    store = answerer.store

    def kept(doc_id: str) -> list[str] | None:
        doc = store.data.documents[doc_id]
        start = doc.text.index("Đồng chí" if "Đồng chí" in doc.text else "Về phía")
        ev = Evidence.of(doc, start, len(doc.text.rstrip()))
        items = tuple(Item(p.name, p.role, p.rank, p.acts, ev) for p in store.people_by_doc.get(doc_id, []))
        found = Candidate("people", None, ev, Features(("rows",), (1.0,)), items=items)
        d = _holding(Decision(reading, (), found, 0.9, (found,)), "truong doan", store)
        return None if d.chosen is None else [i.name for i in d.chosen.items]

    assert kept("h1") == ["Lê Văn An"] and kept("h2") == ["Trần Thị Bình"] and kept("h3") is None
    assert kept("h4") is None


def test_a_phrase_quoted_in_the_question_is_asked_of_the_sentences_holding_it(tmp_path):
    from danvan_qa.qa.per_article import each_article

    texts = {
        "q1": ("Công an tỉnh Bắc Hà đã xây dựng và duy trì 1.250 mô hình “Tự quản về an ninh trật tự”. Công an tỉnh "
               "hiện duy trì 24 mô hình “Dân vận khéo” trên các lĩnh vực."),
        "q2": "Công an tỉnh Nam Sơn đang duy trì 36 mô hình “Dân vận khéo” ở tất cả các lĩnh vực công tác.",
        "q3": "Công an tỉnh Tây Giang đã xây dựng 15 mô hình tự quản ở các xã.",  # never names the kind asked
    }
    answerer, reading, passages = _asked_of(tmp_path, texts, "Công an các tỉnh đã xây dựng, duy trì bao nhiêu mô hình “Dân vận khéo”?")
    store = answerer.store
    assert {p.doc_id for p in passages} == set(texts)
    read_texts = []
    each_article(passages, lambda own: read_texts.extend(p.text for p in own) or _decision(answerer, reading, own,
                                                                                            "span", "1"),
                 store, reading.question)
    # one sentence each, the one on the kind asked; q3 is not read (the normalised text has straight quotes)
    assert sorted(t.replace('"', "") for t in read_texts) == [
        "Công an tỉnh Nam Sơn đang duy trì 36 mô hình Dân vận khéo ở tất cả các lĩnh vực công tác.",
        "Công an tỉnh hiện duy trì 24 mô hình Dân vận khéo trên các lĩnh vực."]


def test_a_quoted_topic_of_the_events_chooses_articles_but_narrows_no_sentence(tmp_path):
    from danvan_qa.qa.per_article import each_article

    texts = {
        "t1": ("Ngày 2/3, Công an tỉnh Bắc Hà tổng kết phong trào “Dân vận khéo”. Đồng chí Lê Văn An phát biểu chỉ đạo "
               "hội nghị."),
        "t2": ("Ngày 4/5, Công an tỉnh Nam Sơn tổng kết phong trào “Dân vận khéo”. Đồng chí Trần Thị Bình phát biểu chỉ "
               "đạo hội nghị."),
        "t3": "Ngày 6/7, Công an tỉnh Tây Giang tổng kết phong trào thi đua. Đồng chí Vũ Văn Long phát biểu chỉ đạo.",
    }
    answerer, reading, passages = _asked_of(tmp_path, texts, "Ai phát biểu chỉ đạo tại các hội nghị tổng kết phong trào “Dân vận khéo”?")
    store = answerer.store
    read_by = {}
    each_article(passages, lambda own: read_by.setdefault(own[0].doc_id, " ".join(p.text for p in own))
                 and _decision(answerer, reading, own, "span", "1"), store, reading.question)
    assert sorted(read_by) == ["t1", "t2"]  # the article without the quoted phrase is not asked
    assert all("phát biểu chỉ đạo" in text for text in read_by.values())  # its speaker's sentence is read too
