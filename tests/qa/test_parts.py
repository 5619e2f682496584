"""Two-part questions: split where a conjunction stands between two question words, each part
answered, one answer with one list of citations."""

import pytest

from danvan_qa.qa.parts import joined, listed_part, split_parts
from danvan_qa.records import Answer, AnswerItem, Citation


@pytest.mark.parametrize("question, parts", [
    ("Chương trình giữa Ban A và Công an B được ký ngày nào và cho giai đoạn nào?",
     ("Chương trình giữa Ban A và Công an B được ký ngày nào?", "Cho giai đoạn nào?")),
    ("Ai chủ trì hội nghị ở tỉnh A, và ai phát biểu ở tỉnh B?", ("Ai chủ trì hội nghị ở tỉnh A?", "Ai phát biểu ở tỉnh B?")),
    ("Tỉnh A ký ngày nào, còn tỉnh B ký ngày nào?", ("Tỉnh A ký ngày nào?", "Tỉnh B ký ngày nào?")),
    # "còn" parts the two; the "và" between two parties does not
    ("Quy chế giữa Ban A và Hội B ký cho nhiệm kỳ nào, còn chương trình giữa Hội C và Công an là giai đoạn nào?",
     ("Quy chế giữa Ban A và Hội B ký cho nhiệm kỳ nào?", "Chương trình giữa Hội C và Công an là giai đoạn nào?")),
    ("Ở hội nghị năm 2016, đơn vị nào phát biểu; và khi đoàn về làm việc năm 2020, đơn vị đó có bao nhiêu mô hình?",
     ("Ở hội nghị năm 2016, đơn vị nào phát biểu?", "Khi đoàn về làm việc năm 2020, đơn vị đó có bao nhiêu mô hình?")),
    ("Hội nghị ở tỉnh A do ai chủ trì và chương trình giữa Hội C và Công an là giai đoạn nào?",
     ("Hội nghị ở tỉnh A do ai chủ trì?", "Chương trình giữa Hội C và Công an là giai đoạn nào?")),
    # a bare comma between a part ending with its question word and one opening with the next
    ("Tỉnh A ký chương trình ngày nào, ai chỉ đạo hội nghị?", ("Tỉnh A ký chương trình ngày nào?", "Ai chỉ đạo hội nghị?")),
    # … or one that asks its own after a subject of its own
    ("Mô hình X ra mắt ngày nào, thời gian thực hiện là từ năm nào đến năm nào?",
     ("Mô hình X ra mắt ngày nào?", "Thời gian thực hiện là từ năm nào đến năm nào?")),
    # … or a part going on a few words after its question word, then one with a subject or a verb of its own
    ("Hội thi ở quận A có bao nhiêu đội dự thi, giải nhất về đơn vị nào?",
     ("Hội thi ở quận A có bao nhiêu đội dự thi?", "Giải nhất về đơn vị nào?")),
    ("Cuộc thi ở tỉnh A do Công an phối hợp với ai tổ chức, nhận được bao nhiêu bài dự thi?",
     ("Cuộc thi ở tỉnh A do Công an phối hợp với ai tổ chức?", "Nhận được bao nhiêu bài dự thi?")),
    # … or "<noun> nào" and what it did
    ("Hội thi ở quận A có bao nhiêu đội dự thi, đội nào đạt giải nhất?",
     ("Hội thi ở quận A có bao nhiêu đội dự thi?", "Đội nào đạt giải nhất?")),
    # a lead before a colon saying what both are asked of: left out of the first part, its place kept
    ("Cho tôi 2 thông tin ở Nam Sơn: Ban A ký ngày nào; và Công an B duy trì bao nhiêu mô hình?",
     ("Ở Nam Sơn, Ban A ký ngày nào?", "Công an B duy trì bao nhiêu mô hình?")),
    ("Tôi chuẩn bị bài giảng về hội thi: các bài đã tường thuật những hội thi nào, và đơn vị nào tổ chức từng cuộc?",
     ("Các bài đã tường thuật những hội thi nào?", "Đơn vị nào tổ chức từng cuộc?")),
    # … not "Theo bài X: …", whose X is what both ask of, nor "Tội phạm ma túy ở A: …", a topic
    ("Theo bài Hội thi pháp luật ở Tây Giang: có bao nhiêu đội dự thi, và đội nào đạt giải nhất?",
     ("Theo bài Hội thi pháp luật ở Tây Giang: có bao nhiêu đội dự thi?", "Đội nào đạt giải nhất?")),
    ("Tội phạm ma túy ở Bắc Hà: ai chủ trì hội nghị, và hội nghị có bao nhiêu đại biểu?",
     ("Tội phạm ma túy ở Bắc Hà: ai chủ trì hội nghị?", "Hội nghị có bao nhiêu đại biểu?")),
    # … a topic said first is what the first part asks of
    ("Cuộc thi viết X: Công an phối hợp với đơn vị nào tổ chức, và cuộc thi nhận được bao nhiêu bài dự thi?",
     ("Cuộc thi viết X: Công an phối hợp với đơn vị nào tổ chức?", "Cuộc thi nhận được bao nhiêu bài dự thi?")),
    # two question sentences, the second opening with "Còn"
    ("Quyết định 12 về quy chế ban hành ngày nào? Còn Nghị quyết 7 thì ngày nào?",
     ("Quyết định 12 về quy chế ban hành ngày nào?", "Còn Nghị quyết 7 thì ngày nào?")),
    # … or naming only what the first is asked again of
    ("Trưởng ban Tuyên giáo Tỉnh ủy Nam Sơn tên gì? Còn Trưởng ban Tuyên giáo Tỉnh ủy Bắc Hà?",
     ("Trưởng ban Tuyên giáo Tỉnh ủy Nam Sơn tên gì?", "Còn Trưởng ban Tuyên giáo Tỉnh ủy Bắc Hà?")),
    # ", và" opening a clause of its own, a comma inside it before the second question word
    ("Chương trình số 12 được ký ngày nào, và trong cuộc họp ngày 4/2 chuẩn bị tổng kết chương trình, ông A họp với ai?",
     ("Chương trình số 12 được ký ngày nào?", "Trong cuộc họp ngày 4/2 chuẩn bị tổng kết chương trình, ông A họp với ai?")),
    # ", còn ở X …": the first part asked again of a place, "còn" kept to say so
    ("Giám đốc Công an tỉnh Nam Sơn là ai, còn ở Bắc Hà là ai?", ("Giám đốc Công an tỉnh Nam Sơn là ai?", "Còn ở Bắc Hà là ai?")),
    # a second question sentence with a subject of its own, as after a bare comma
    ("Hội thi X năm 2023 có bao nhiêu đội dự thi? giải nhất về tay đơn vị nào?",
     ("Hội thi X năm 2023 có bao nhiêu đội dự thi?", "Giải nhất về tay đơn vị nào?")),
    # a last part asking only when, however long the first
    ("Thượng tướng A họp với ai bên Ban Dân vận Trung ương, ngày nào nhé",
     ("Thượng tướng A họp với ai bên Ban Dân vận Trung ương?", "Ngày nào nhé")),
])
def test_a_question_asking_two_things_is_split(question, parts):
    assert split_parts(question, question) == parts


def test_a_comparison_of_two_figures_asks_each():
    assert split_parts("Công an tỉnh A hay Công an tỉnh B duy trì nhiều mô hình 'Dân vận khéo' hơn — mỗi bên bao nhiêu?",
                       "Công an tỉnh A hay Công an tỉnh B duy trì nhiều mô hình 'Dân vận khéo' hơn — mỗi bên bao nhiêu?") == (
        "Công an tỉnh A duy trì bao nhiêu mô hình 'Dân vận khéo'?", "Công an tỉnh B duy trì bao nhiêu mô hình 'Dân vận khéo'?")
    assert split_parts("Ai chủ trì hay tham dự hội nghị?", "Ai chủ trì hay tham dự hội nghị?") is None  # no figures compared


def test_two_things_asked_one_fact_each_are_asked_alone():
    asked = ("Chương trình 12 (Ban Dân vận – Công an Nam Sơn) và Chương trình 07 (Công an – Mặt trận Bắc Hà) lần lượt ký "
             "ngày nào? Cái nào ký sớm hơn?")
    assert split_parts(asked, asked) == ("Chương trình 12 (Ban Dân vận – Công an Nam Sơn) ký ngày nào?",
                                         "Chương trình 07 (Công an – Mặt trận Bắc Hà) ký ngày nào?")  # the reader compares
    asked = "Công an tỉnh Nam Sơn và Công an tỉnh Bắc Hà mỗi nơi duy trì bao nhiêu mô hình? Nơi nào nhiều hơn?"
    assert split_parts(asked, asked) == ("Công an tỉnh Nam Sơn duy trì bao nhiêu mô hình?",
                                         "Công an tỉnh Bắc Hà duy trì bao nhiêu mô hình?")
    for one in ("Hội nghị giữa Ban Dân vận và Công an tỉnh Nam Sơn lần lượt do ai chủ trì?",  # one event of two parties
                "Giám đốc và Phó Giám đốc Công an tỉnh Tây Giang lần lượt là ai?",  # the place is both titles'
                "Nam Sơn và Bắc Hà lần lượt tổ chức bao nhiêu hội thi?",  # events counted: the archive's count
                "Công an tỉnh ký với Ban Dân vận Tỉnh ủy Bắc Hà và Mặt trận lần lượt vào ngày nào?"):  # "với": one signer
        assert split_parts(one, one) is None, one


@pytest.mark.parametrize("question", [
    "Ai chủ trì hội nghị ký kết giữa Ban A và Công an B?",  # one question word
    "Đồng chí C dự những hội nghị nào giữa Ban A và Bộ B, với chức vụ gì?",  # the second asks inside the clause
    "Những ai dự hội nghị?",
    "Những đơn vị nào còn hạn chế, cụ thể là gì?",  # "còn" is "still" here
    "Ai, với chức vụ gì, chủ trì hội nghị?",  # the comma opens an aside, not a part
    "Công an tỉnh A phát động phong trào ở xã nào, huyện nào?",  # one place, at two levels
    "Hội nghị ký kết ở huyện B diễn ra ở đâu, cụ thể là tại xã nào?",  # what follows narrows the first
    "Hội nghị ký kết ở tỉnh A tổ chức ở huyện nào, tỉnh A hay tỉnh nào?",
    "Hội nghị tổ chức ở xã nào, thuộc huyện B hay huyện nào?",
    "Ai chủ trì hội nghị, ở đâu?",  # one word before the next question word: the same event's place
    "Ông A đã dự những hội nghị nào với Ban Dân vận Trung ương, ngày nào?",  # each row's day, not a part
    "Chương trình phối hợp nào được ký gần đây nhất, vào ngày nào?",  # the day of the one found
    "Trong tháng 11 (năm nào cũng được), các bài ghi lại bao nhiêu sự kiện?",  # a question word in an aside
    "Ông A dự những hội nghị nào về dân vận, vai trò gì ở mỗi lần?",  # what each row says, not a part
    "Các bài có nêu tên Trưởng ban A nào không? Nếu có thì là những ai?",  # the same list, asked again
    "Những ai cùng ông A chủ trì hội nghị? Mỗi người giữ chức vụ gì?",  # what each row says
    "Hội Phụ nữ Công an tỉnh có được nhắc trong bài nào không? Họ làm hoạt động gì?",  # "họ": the first's subject
    "Bài nào nêu số mô hình “Dân vận khéo” của công an? Cho biết tỉnh nào và bao nhiêu mô hình.",  # each place's figure
])
def test_one_question_is_not_split(question):
    assert split_parts(question, question) is None


@pytest.mark.parametrize("question, listed", [
    ("Các bài nêu tên những phường nào, và mỗi phường có mô hình gì?", "Các bài nêu tên những phường nào?"),
    ("Lễ hội Tây Giang được nhắc trong những tin nào và trong bối cảnh gì?", "Lễ hội Tây Giang được nhắc trong những tin nào?"),
    ("Ai chủ trì hội nghị, và ai phát biểu?", None),  # no list, no row
    # which place each row is of, asked after the list: a request of its rows, not a second question
    ("Các bài nhắc tên những đồng chí Giám đốc Công an tỉnh nào? ghi rõ tỉnh nào giúp mình",
     "Các bài nhắc tên những đồng chí Giám đốc Công an tỉnh nào?"),
    ("Những ai chủ trì hội nghị, và mới đây ai được khen thưởng?", None),  # "mới", not "mỗi"
])
def test_a_list_asked_with_what_each_row_says(question, listed):
    """The list part, which the answerer asks alone when it is a list across the articles."""
    assert listed_part(question, question) == listed


def test_the_split_reads_question_words_with_their_diacritics():
    typed = "hoi nghi o dau va 6 thang dau nam nao"  # "đâu" asks, "đầu" does not
    restored = "hội nghị ở đâu và 6 tháng đầu năm nào"
    assert split_parts(typed, restored) == ("hoi nghi o dau?", "6 thang dau nam nao")


def _answer(short, quote_start, text):
    c = Citation(1, "d1", "Tiêu đề", None, None, quote_start, quote_start + 10, "trích dẫn")
    item = AnswerItem(short, None, None, (), 1)
    return Answer("q", "date", short, (item,), text, (c,), False, 0.8)


def test_parts_are_shown_numbered_with_one_list_of_citations():
    one = _answer("15/6", 0, "**15/6** [1]")
    two = _answer("2016-2021", 50, "**2016-2021** [1] và \\[1\\] trong bài")  # an escaped bracket is article text
    both = joined("Ngày nào và giai đoạn nào?", [("Ngày nào?", one), ("Giai đoạn nào?", two)])
    assert both.text == "**1. Ngày nào?**\n\n**15/6** [1]\n\n**2. Giai đoạn nào?**\n\n**2016-2021** [2] và \\[1\\] trong bài"
    assert [c.n for c in both.citations] == [1, 2] and [i.citation for i in both.items] == [1, 2]
    assert both.short == "15/6 | 2016-2021" and not both.abstained
    same = joined("q", [("a?", one), ("b?", _answer("x", 0, "**x** [1]"))])  # the same quote keeps its number
    assert [c.n for c in same.citations] == [1] and same.text.endswith("**x** [1]")


def test_two_part_questions_over_the_bundled_articles(real_store, real_settings):
    """Our own two-part questions about the bundled articles (eval/cross.jsonl): answered part by
    part, each part's quotes cited, and most parts holding their gold answer."""
    import json
    from pathlib import Path

    from danvan_qa.evaluation.metrics import contains_answer
    from danvan_qa.qa.answering import answer

    root = Path(__file__).resolve().parents[2]
    bundled = {p.stem for p in (root / "corpus").glob("*.txt")}
    rows = [json.loads(line) for line in (root / "eval" / "cross.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["kind"] == "two_part" and all(set(p["doc_ids"]) & bundled for p in r["parts"])]
    assert rows
    held = 0
    for row in rows:
        a = answer(row["question"], store=real_store, settings=real_settings)
        assert a.kind == "two_part" and "**1. " in a.text and "**2. " in a.text
        assert all(f"[{c.n}]" in a.text for c in a.citations)
        held += sum(contains_answer(a.text, p["answers"]) for p in row["parts"])
    assert held >= 0.75 * 2 * len(rows)


def test_a_second_part_found_nowhere_is_asked_of_the_first_parts_articles_with_its_topic(monkeypatch):
    """"Hội thi X có bao nhiêu đội dự thi, và đội nào đạt giải nhất?": the second part alone finds
    nothing; asked as "<topic of the first> đội nào …" within the article the first part cites, it does."""
    from types import SimpleNamespace

    from danvan_qa.qa import answering

    asked = []

    def decision(self, question, *, k, mode, filters):
        asked.append((question, filters))
        return question, filters

    def compose(decided, store):
        question, filters = decided
        if filters is not None:  # the retry: the first part's article, its topic before the question
            found = filters.doc_ids == frozenset({"d1"}) and question.startswith("Hội thi Dân vận khéo của huyện A")
            return _answer("Công an xã A", 0, "**Công an xã A** [1]") if found else _nothing(question)
        return _answer("12", 0, "**12** [1]") if question.startswith("Hội thi") else _nothing(question)

    monkeypatch.setattr(answering.Answerer, "decision", decision)
    monkeypatch.setattr(answering, "compose", compose)
    answerer = object.__new__(answering.Answerer)
    answerer.store = SimpleNamespace(restorer=SimpleNamespace(restore=lambda text: text),
                                     stored_facts=SimpleNamespace(folded_names=()))
    answerer.settings = SimpleNamespace(max_question_chars=2000)
    both = answerer.answer("Hội thi Dân vận khéo của huyện A có bao nhiêu đội dự thi, và đội nào đạt giải nhất?")
    assert not both.abstained and both.short == "12 | Công an xã A"
    # alone first, in the first part's article (it names no place of its own: "huyện A" is the first's), then
    # everywhere, then with the first part's topic
    assert [(q, f.doc_ids if f else None) for q, f in asked[1:3]] == [("Đội nào đạt giải nhất?", frozenset({"d1"})),
                                                                      ("Đội nào đạt giải nhất?", None)]
    assert len(asked) == 4


def _nothing(question):
    return Answer(question, "other", None, (), "Không tìm thấy thông tin này trong các bài viết hiện có.", (), True, 0.1)


def test_a_per_row_part_typed_without_diacritics_is_one_when_restoring_misses_it():
    typed = "ngay hoi X duoc nhac toi trong nhung tin nao va trong boi canh gi"
    restored = "ngày hội X được nhắc tới trong những tin nào và trong bôi cảnh gì"  # "bối cảnh" not restored
    assert listed_part(typed, restored) == "ngay hoi X duoc nhac toi trong nhung tin nao?"


def test_a_second_part_asked_of_the_first_parts_time_is_answered_from_its_articles(tmp_path):
    from danvan_qa.qa.answering import Answerer
    from fakes import article_file, fake_store

    texts = {
        "s1": ("2022-05-27", "Ban Dân vận Tỉnh ủy và Công an tỉnh Nam Sơn ký kết chương trình phối hợp",
               "Chiều 26/5, Ban Dân vận Tỉnh ủy và Công an tỉnh Nam Sơn ký kết chương trình phối hợp giai đoạn "
               "2022-2026. Dự lễ ký kết có Đại tá Hoàng Văn Lực, Giám đốc Công an tỉnh."),
        "s2": ("2023-03-02", "Giám đốc Công an tỉnh Tây Giang làm việc với Công an huyện",  # another province's director
               "Ngày 1/3, Đại tá Vũ Minh Tân, Giám đốc Công an tỉnh Tây Giang, làm việc với Công an huyện Bố Sơn. "
               "Giám đốc Công an tỉnh yêu cầu Công an huyện làm tốt công tác dân vận."),
    }
    store, settings = fake_store(tmp_path, {f"{d}.txt": article_file(d, *row) for d, row in texts.items()})
    answerer = Answerer(store, settings)
    both = answerer.answer("BDV TU và CAT Nam Sơn ký chương trình phối hợp 2022-2026 vào ngày nào, và Giám đốc CAT khi "
                           "đó là ai?", mode="bm25")
    assert both.short == "26/5 | Hoàng Văn Lực"  # "CAT", "TU" read written out; "khi đó": of the signing's article


def test_a_second_part_naming_no_place_of_its_own_is_asked_of_the_first_parts_place(tmp_path):
    """"Chỉ huy trưởng BĐBP tỉnh X là ai, và chương trình mới ký với Ban Dân vận Tỉnh ủy là giai đoạn nào?": X's."""
    from fakes import invented_answerer

    texts = {
        "p1": ("2023-11-04", "Ký kết chương trình phối hợp ở tỉnh Nam Sơn",
               "Chiều 3/11, Ban Dân vận Tỉnh ủy và Bộ Chỉ huy Bộ đội Biên phòng tỉnh Nam Sơn tổ chức hội nghị ký kết "
               "chương trình phối hợp công tác giai đoạn 2023 - 2026. Đại tá Lê Văn Hải, Chỉ huy trưởng Bộ đội Biên "
               "phòng tỉnh Nam Sơn chủ trì hội nghị."),
        "p2": ("2022-05-27", "Chương trình phối hợp mới ở tỉnh Bắc Hà",
               "Ban Dân vận Tỉnh ủy và Công an tỉnh Bắc Hà ký chương trình phối hợp mới giai đoạn 2022 - 2026. Chương "
               "trình phối hợp mới ký với Ban Dân vận Tỉnh ủy có 5 nội dung."),
    }
    answerer = invented_answerer(tmp_path, texts)
    both = answerer.answer("Chỉ huy trưởng Bộ đội Biên phòng tỉnh Nam Sơn là ai, và chương trình phối hợp mới ký với Ban "
                           "Dân vận Tỉnh ủy là giai đoạn nào?", mode="bm25")
    assert "Lê Văn Hải" in both.text and "2023 - 2026" in both.text and "2022 - 2026" not in both.text
    assert {c.doc_id for c in both.citations} == {"p1"}


def test_a_second_part_asked_of_another_province_is_the_first_with_the_province_swapped(tmp_path):
    """"… Thành ủy Hà Nội là ai, còn ở TPHCM là ai?": the same title, of the other city."""
    from fakes import invented_answerer

    texts = {
        "v1": ("2020-04-28", "Làm việc với Ban Dân vận Thành ủy Hà Nội",
               "Báo cáo tại buổi làm việc, Phó Trưởng ban Thường trực Ban Dân vận Thành ủy Hà Nội Lê Minh Hạnh cho biết "
               "nhiều kết quả.", "Hà Nội"),
        "v2": ("2023-11-25", "Hội thi dân vận khéo ở quận 5",
               "Dự có đồng chí Trịnh Thu Vân, Thành ủy viên, Phó Trưởng ban Thường trực Ban Dân vận Thành ủy TPHCM.",
               "quận 5, TPHCM"),
    }
    answerer = invented_answerer(tmp_path, texts)
    both = answerer.answer("pho truong ban thuong truc ban dan van thanh uy ha noi la ai, con o tphcm la ai?", mode="bm25")
    assert "Lê Minh Hạnh" in both.text and "Trịnh Thu Vân" in both.text
    assert {c.doc_id for c in both.citations} == {"v1", "v2"}


def test_a_second_part_found_nowhere_is_asked_with_the_topic_said_before_the_colon(tmp_path):
    from fakes import invented_answerer

    texts = {
        "w1": ("2020-08-19", "Trao giải cuộc thi viết về Công an nhân dân",
               "Ngày 18-8, Công an tỉnh phối hợp với Tỉnh Đoàn tổ chức lễ trao giải cuộc thi viết tìm hiểu Ngày truyền "
               "thống Công an nhân dân. Qua hơn 1 tháng triển khai, cuộc thi đã nhận được 12.345 bài dự thi của đoàn "
               "viên, thanh niên.", "Bắc Hà"),
    }
    answerer = invented_answerer(tmp_path, texts)
    both = answerer.answer("Cuộc thi viết tìm hiểu Ngày truyền thống Công an nhân dân ở Bắc Hà: Công an tỉnh phối hợp với "
                           "đơn vị nào tổ chức, và nhận được bao nhiêu bài dự thi?", mode="bm25")
    assert both.short == "Tỉnh Đoàn | 12.345"


def test_a_request_before_the_colon_is_no_topic_for_a_second_part_asked_again(tmp_path):
    from danvan_qa.qa.parts import with_topic
    from fakes import article_file, fake_store

    store = fake_store(tmp_path, {"h1.txt": article_file("h1", "2023-05-06", "Hội thi dân vận khéo ở xã Tân An",
                                                         "Ngày 6/5, xã Tân An tổ chức hội thi dân vận khéo.")})[0]
    again = with_topic("Anh chị cho em hỏi: hội thi dân vận khéo ở xã Tân An có bao nhiêu đội dự thi?",
                       "Đội nào đạt giải nhất?", store)
    assert "hội thi dân vận khéo ở xã tân an" in again.lower() and "đội nào đạt giải nhất" in again.lower()  # the topic


@pytest.mark.parametrize("first, second, read", [
    # "(giữ) chức này": the title the first part names
    ("Ai là Trưởng ban Dân vận Tỉnh ủy Nam Sơn tại hội nghị năm 2018", "ai giữ chức này khi ký chương trình năm 2022?",
     "ai là Trưởng ban Dân vận Tỉnh ủy Nam Sơn khi ký chương trình năm 2022?"),
    ("Giám đốc Công an tỉnh Bắc Hà dự lễ ký kết năm 2020 là ai", "năm 2023 ai ở chức vụ đó?",
     "năm 2023 ai ở chức Giám đốc Công an tỉnh Bắc Hà?"),
    # "chương trình tương tự": the programme the first part named, without whom or when
    ("Tây Giang ký chương trình phối hợp dân vận 2016-2021 giữa Ban Dân vận Tỉnh ủy và Công an tỉnh ngày nào",
     "Bắc Hà ký chương trình tương tự ngày nào?", "Bắc Hà ký chương trình phối hợp dân vận 2016-2021 ngày nào?"),
    # the title's body only: not what the first part goes on to say, nor a person's name after it
    ("Chủ tịch Ủy ban MTTQ tỉnh Bắc Hà hiện nay là ai", "năm 2019 ai giữ chức vụ này?",
     "năm 2019 ai là Chủ tịch Ủy ban MTTQ tỉnh Bắc Hà?"),
    ("Trưởng ban Dân vận Tỉnh ủy Nam Sơn phát biểu gì tại hội nghị", "ai giữ chức này năm 2020?",
     "ai là Trưởng ban Dân vận Tỉnh ủy Nam Sơn năm 2020?"),
    ("Chủ tịch Nguyễn Văn Hải phát biểu gì", "ai giữ chức này năm 2015?", "ai là Chủ tịch năm 2015?"),
    ("Ban Dân vận ký kế hoạch phối hợp 6 tháng đầu năm 2024 cùng Công an tỉnh khi nào",  # not with whom
     "Đoàn Thanh niên có ký kế hoạch tương tự không?", "Đoàn Thanh niên có ký kế hoạch phối hợp 6 tháng đầu năm 2024 không?"),
])
def test_a_second_part_saying_this_title_or_a_similar_thing_is_read_with_the_first_parts(tmp_path, first, second, read):
    from danvan_qa.qa.parts import second_reading
    from fakes import article_file, fake_store

    store, _ = fake_store(tmp_path, {"a.txt": article_file("a", "2022-01-01", "Ký kết", "Hai bên ký kết chương trình.")})
    assert second_reading(first, second, store) == read


def test_a_second_part_naming_only_a_person_is_asked_of_the_one_event_the_first_names(tmp_path):
    """"Ở hội nghị X (17/10), có bao nhiêu tập thể được khen thưởng, và ai chủ trì cùng Thượng tướng Y?": who chaired X
    with Y, not another event Y chaired."""
    from fakes import invented_answerer

    texts = {
        "e1": ("2023-10-18", "Hội nghị tổng kết 10 năm chương trình phối hợp về phong trào toàn dân",
               "Ngày 17/10, tại Nam Sơn, Hội nghị tổng kết 10 năm chương trình phối hợp về phong trào toàn dân bảo vệ an "
               "ninh được tổ chức. Thượng tướng Hoàng Minh Khang, Thứ trưởng; ông Đặng Quốc Huy, Chủ tịch Ủy ban "
               "MTTQ tỉnh chủ trì Hội nghị. Có 48 tập thể tiêu biểu được khen thưởng tại Hội nghị."),
        "e2": ("2022-04-15", "Ký kết chương trình phối hợp công tác dân vận giai đoạn 2022 - 2026",
               "Ngày 14/4, tại Bắc Hà, Ban Dân vận và Công an tổ chức hội nghị ký kết chương trình phối hợp công tác dân "
               "vận. Thượng tướng Hoàng Minh Khang, Thứ trưởng; đồng chí Vũ Thị Lan, Trưởng Ban Dân vận đồng chủ trì "
               "Hội nghị."),
    }
    answerer = invented_answerer(tmp_path, texts)
    both = answerer.answer("Ở hội nghị tổng kết 10 năm chương trình phối hợp về phong trào toàn dân (17/10), có bao nhiêu "
                           "tập thể tiêu biểu được khen thưởng, và ai chủ trì cùng Thượng tướng Hoàng Minh Khang?", mode="bm25")
    assert "48" in both.text and "Đặng Quốc Huy" in both.text.split("**2.")[1]
    assert "Vũ Thị Lan" not in both.text
    first = "Ở hội nghị tổng kết 10 năm chương trình phối hợp về phong trào toàn dân (17/10), có bao nhiêu tập thể được khen thưởng"
    titled = answerer.answer(f"{first}, và ai chủ trì cùng Thứ trưởng Hoàng Minh Khang?", mode="bm25")  # a title, no rank
    assert "Đặng Quốc Huy" in titled.text.split("**2.")[1] and "Vũ Thị Lan" not in titled.text
    across = answerer.answer(f"{first}, và Thượng tướng Hoàng Minh Khang được nhắc đến trong bao nhiêu bài viết?",
                             mode="bm25")  # asks no one, and across the archive: both articles
    assert {c.doc_id for c in across.citations} == {"e1", "e2"}
    articles = answerer.answer(f"{first}, và có bao nhiêu bài viết nói về chương trình phối hợp?", mode="bm25")
    assert {c.doc_id for c in articles.citations} == {"e1", "e2"}


def test_where_one_event_was_held_and_a_figure_of_it_are_two_parts():
    """"… diễn ra ở tỉnh nào và bao nhiêu đội": one event's place and number, not each place's figure."""
    question = "Hội thi Dân vận khéo diễn ra ở tỉnh nào và bao nhiêu đội tham gia?"
    assert split_parts(question, question) is not None
