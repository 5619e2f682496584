"""Follow-up questions: read with the subject of the last exchange, said back as "Hiểu là: …";
`answer()` itself stays stateless."""

import json
from pathlib import Path

import pytest

from danvan_qa.evaluation.metrics import contains_answer
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.answering import Answerer
from danvan_qa.qa.conversation import Conversation
from danvan_qa.qa.followups import Context, next_context, topic_of, understand
from danvan_qa.records import Answer, AnswerItem, Citation
from fakes import article_file, fake_store

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = """---
id: a1
title: "Ban Dân vận Huyện ủy Tân Lạc và Công an huyện ký kết chương trình phối hợp"
date: 2023-03-09
---
Sáng nay (8-3), Ban Dân vận Huyện ủy Tân Lạc và Công an huyện Tân Lạc đã ký kết Chương trình phối hợp công tác dân vận giai đoạn 2023 – 2028.

Đồng chí Trần Văn Bình, Trưởng Ban Dân vận Huyện ủy chủ trì hội nghị.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return fake_store(tmp_path_factory.mktemp("conversation"), {"a1.txt": ARTICLE})[0]


CONTEXT = Context("Ai chủ trì hội nghị ký kết chương trình phối hợp ở huyện Tân Lạc?",
                  "hội nghị ký kết chương trình phối hợp ở huyện Tân Lạc", person="Trần Văn Bình",
                  programme="Chương trình phối hợp công tác dân vận giai đoạn 2023 – 2028")


@pytest.mark.parametrize("follow_up, understood", [
    ("Ông ấy giữ chức vụ gì?", "Trần Văn Bình giữ chức vụ gì?"),
    ("dong chi do giu chuc vu gi", "Trần Văn Bình giu chuc vu gi"),  # without diacritics, same reading
    ("Còn ai nữa?", "Những ai dự hội nghị ký kết chương trình phối hợp ở huyện Tân Lạc?"),
    ("con ai du nua", "Những ai dự hội nghị ký kết chương trình phối hợp ở huyện Tân Lạc?"),
    ("Ngày nào?", "hội nghị ký kết chương trình phối hợp ở huyện Tân Lạc ngày nào?"),
    ("Chương trình đó giai đoạn nào?", "Chương trình phối hợp công tác dân vận giai đoạn 2023 – 2028 giai đoạn nào?"),
    ("Hội nghị đó diễn ra ở đâu?", "hội nghị ký kết chương trình phối hợp ở huyện Tân Lạc diễn ra ở đâu?"),
    ("hội nghị vừa nói diễn ra hôm nào?", "hội nghị ký kết chương trình phối hợp ở huyện Tân Lạc diễn ra hôm nào?"),
    ("Chương trình kia giai đoạn nào?", "Chương trình phối hợp công tác dân vận giai đoạn 2023 – 2028 giai đoạn nào?"),
    # "ở đó": at the last event; "huyện đó": the place the last question named; "còn X thì sao, …": X, asked that
    ("Ở đó có những ai phát biểu?", "Tại hội nghị ký kết chương trình phối hợp ở huyện Tân Lạc có những ai phát biểu?"),
    ("Còn mô hình ở huyện đó thì sao, có bao nhiêu mô hình?", "mô hình ở huyện Tân Lạc có bao nhiêu mô hình?"),
    ("Còn ở huyện Lạc Sơn thì ký ngày nào?", "ở huyện Lạc Sơn ký ngày nào?"),  # "còn X thì <asked>": X, asked that
])
def test_a_follow_up_is_read_with_the_last_subject(store, follow_up, understood):
    assert understand(follow_up, CONTEXT, store) == understood


def test_the_programme_they_signed_is_the_one_signed_at_the_last_event(store):
    """"chương trình họ ký": after "Ai là Giám đốc … đồng chủ trì lễ ký kết với X?", the one signed there."""
    last = Context("Ai là Giám đốc Công an tỉnh đồng chủ trì lễ ký kết với Ban Tuyên giáo Tỉnh ủy Nam Sơn?",
                   topic_of("Ai là Giám đốc Công an tỉnh đồng chủ trì lễ ký kết với Ban Tuyên giáo Tỉnh ủy Nam Sơn?"),
                   person="Lê Văn Hải")
    assert understand("chương trình họ ký là giai đoạn nào?", last, store) == \
        "chương trình ký tại lễ ký kết với Ban Tuyên giáo Tỉnh ủy Nam Sơn là giai đoạn nào?"


@pytest.mark.parametrize("question", [
    "Ai chủ trì hội nghị ký kết ở huyện Tân Lạc?",  # names its own subject
    "Chương trình phối hợp giai đoạn 2023 – 2028 ký ngày nào?",
    "tạm biệt", "ok",  # small talk is not a follow-up
    # names that read "ở đó", "huyện đó" folded, "ở đây", and a province when the last place was a district's
    "Hội nghị tại Đồ Sơn diễn ra ngày nào?", "Huyện Đô Lương có bao nhiêu mô hình?",
    "Mô hình ở độ cao 1.000 m có mấy hộ?", "Các bài ở đây nói gì về mô hình dân vận khéo?", "Hội nghị ở tỉnh đó ngày nào?",
    "Con số đó thì sao, ở tỉnh Nam Sơn?",
])
def test_a_question_that_stands_alone_is_left_as_asked(store, question):
    assert understand(question, CONTEXT, store) == question
    assert understand("Ông ấy giữ chức vụ gì?", None, store) == "Ông ấy giữ chức vụ gì?"  # nothing to refer to


def test_a_programme_named_by_its_number_is_referred_to_by_it(store):
    first = "Chương trình số 17-CTr/BDV-CA về phối hợp công tác dân vận giữa Ban Dân vận và Công an được ký ngày nào?"
    numbered = Context(first, topic_of(first))
    assert understand("Hội nghị tổng kết chương trình đó diễn ra ngày nào?", numbered, store) == \
        "Hội nghị tổng kết Chương trình số 17-CTr/BDV-CA diễn ra ngày nào?"  # not its parties again


def test_the_two_parties_referred_to_are_those_the_last_question_named(store):
    last = Context("Chương trình số 17 giữa Ban Dân vận Tỉnh ủy Nam Sơn và Công an tỉnh được ký ngày nào?",
                   "Chương trình số 17 giữa Ban Dân vận Tỉnh ủy Nam Sơn và Công an tỉnh")
    assert understand("Chương trình tiếp theo giữa hai bên ký ngày nào?", last, store) == \
        "Chương trình tiếp theo giữa Ban Dân vận Tỉnh ủy Nam Sơn và Công an tỉnh ký ngày nào?"
    assert understand("hai don vi do ky chuong trinh giai doan 2026-2030 khi nao", last, store) == \
        "Ban Dân vận Tỉnh ủy Nam Sơn và Công an tỉnh ky chuong trinh giai doan 2026-2030 khi nao"
    placed = Context("Chương trình giữa Ban Dân vận Tỉnh ủy và Công an tỉnh Nam Sơn được ký ngày nào?",
                     "Chương trình giữa Ban Dân vận Tỉnh ủy và Công an tỉnh Nam Sơn")
    assert understand("Hai bên ký chương trình tiếp theo khi nào?", placed, store) == \
        "Ban Dân vận Tỉnh ủy và Công an tỉnh Nam Sơn ký chương trình tiếp theo khi nào?"  # a place's "Nam" goes on
    said = Context("Ban Dân vận Tỉnh ủy Nam Sơn và Công an tỉnh ký chương trình số 17 ngày nào?",
                   "Ban Dân vận Tỉnh ủy Nam Sơn và Công an tỉnh ký chương trình số 17")  # two bodies, no "giữa"
    assert understand("Chương trình tiếp theo giữa hai bên ký ngày nào?", said, store) == \
        "Chương trình tiếp theo giữa Ban Dân vận Tỉnh ủy Nam Sơn và Công an tỉnh ký ngày nào?"
    assert understand("Hai bên có mời Hội Nông dân tỉnh và Hội Cựu chiến binh tỉnh dự lễ ký không?", said, store) == \
        "Ban Dân vận Tỉnh ủy Nam Sơn và Công an tỉnh có mời Hội Nông dân tỉnh và Hội Cựu chiến binh tỉnh dự lễ ký không?"
    three = Context("Ban Dân vận Tỉnh ủy, Công an tỉnh và Hội Nông dân tỉnh ký chương trình nào?", "chương trình")
    assert "hai bên ký" in understand("Hai bên ký ngày nào?", three, store).lower()  # which two of three: not said
    for other in ("Bao nhiêu cây được trồng hai bên đường tỉnh 12?",  # not the parties
                  "Chương trình giữa Hội Nông dân và Công an xã ký ngày nào?"):  # names its own two
        assert understand(other, placed, store) == other


def test_the_same_figure_asked_of_another_unit_is_the_last_question_of_it(store):
    last = Context("Công an tỉnh Nam Sơn hiện duy trì bao nhiêu mô hình “Dân vận khéo”?", "mô hình “Dân vận khéo”")
    assert understand("con số đó ở Công an tỉnh Bắc Hà là bao nhiêu?", last, store) == \
        "Công an tỉnh Bắc Hà hiện duy trì bao nhiêu mô hình “Dân vận khéo”?"


def test_who_else_sets_aside_the_people_already_shown(store):
    shown = Context(CONTEXT.question, CONTEXT.topic, CONTEXT.person, CONTEXT.programme, shown=("Trần Văn Bình",))
    assert understand("Còn ai nữa?", shown, store) == \
        "Ngoài Trần Văn Bình, những ai dự hội nghị ký kết chương trình phối hợp ở huyện Tân Lạc?"


def test_who_else_after_a_noun_asked_for_leaves_the_noun_out(store):
    asked = "Thứ trưởng Bộ Nội vụ nào họp ngày 14/2/2022 về tổng kết chương trình phối hợp?"
    shown = Context(asked, "Thứ trưởng Bộ Nội vụ họp ngày 14/2/2022 về tổng kết chương trình phối hợp",
                    shown=("Trần Văn Bình",))
    assert understand("Còn ai nữa?", shown, store) == \
        "Ngoài Trần Văn Bình, những ai dự họp ngày 14/2/2022 về tổng kết chương trình phối hợp?"
    for asked, said in (("Những Thứ trưởng nào dự hội nghị ở tỉnh Nam Sơn?", "dự hội nghị ở tỉnh Nam Sơn"),
                        ("Phó Chủ tịch nào chủ trì hội nghị ở tỉnh Nam Sơn?", "dự hội nghị ở tỉnh Nam Sơn")):
        last = Context(asked, "hội nghị ở tỉnh Nam Sơn", shown=("Trần Văn Bình",))
        assert understand("Còn ai nữa?", last, store) == f"Ngoài Trần Văn Bình, những ai {said}?"  # not "dự dự"


def test_who_else_again_sets_aside_everyone_shown_so_far(store):
    first = Context(CONTEXT.question, CONTEXT.topic, shown=("Trần Văn Bình",))
    understood = understand("Còn ai nữa?", first, store)
    answered = Answer(understood, "attendees", "Lê Thị Hoa", tuple(AnswerItem(n, None, None, ("dự",), 1) for n in (
        "Lê Thị Hoa", "Phạm Quốc Dũng")), "…", (), False, 0.9)
    again = next_context(understood, answered, first, store)
    assert understand("Còn ai nữa?", again, store) == \
        "Ngoài Trần Văn Bình, Lê Thị Hoa, Phạm Quốc Dũng, những ai dự hội nghị ký kết chương trình phối hợp ở huyện Tân Lạc?"


def test_who_else_asks_the_act_the_follow_up_names(store):
    shown = Context(CONTEXT.question, CONTEXT.topic, CONTEXT.person, CONTEXT.programme, shown=("Trần Văn Bình",))
    assert understand("Còn ai đồng chủ trì nữa?", shown, store) == \
        "Ngoài Trần Văn Bình, những ai đồng chủ trì hội nghị ký kết chương trình phối hợp ở huyện Tân Lạc?"
    assert understand("con ai ky nua", shown, store) == \
        "Ngoài Trần Văn Bình, những ai ky hội nghị ký kết chương trình phối hợp ở huyện Tân Lạc?"
    assert understand("Còn ai dự kỳ họp nữa?", shown, store).startswith("Ngoài Trần Văn Bình, những ai dự ")  # no act


def test_a_bare_follow_up_asks_of_the_event_not_of_the_person_last_asked_for(store):
    asked = "Trưởng Ban Dân vận Huyện ủy nào chủ trì hội nghị ký kết ở huyện Tân Lạc?"
    last = Context(asked, topic_of(asked), person="Trần Văn Bình", shown=("Trần Văn Bình",))
    # typed without diacritics, the follow-up is restored on its own (the topic's marks would keep it from it)
    assert understand("o dau vay?", last, store) == "hội nghị ký kết ở huyện Tân Lạc ở đâu?"  # "vay" asks nothing
    # answered by a place, the words before the event are its parties, and stay
    parties = "Ban Dân vận Huyện ủy và Công an huyện tổ chức hội nghị ký kết ở huyện Tân Lạc ở đâu?"
    assert understand("ngay nao", Context(parties, topic_of(parties)), store) == \
        "Ban Dân vận Huyện ủy và Công an huyện tổ chức hội nghị ký kết ở huyện Tân Lạc ngày nào"


def test_the_topic_is_the_question_without_what_it_asks():
    assert topic_of("Ai chủ trì hội nghị ký kết ở huyện Tân Lạc?") == "hội nghị ký kết ở huyện Tân Lạc"
    assert topic_of("Chương trình số 12-CTr/BDV là chương trình phối hợp giữa những cơ quan nào?") == \
        "Chương trình số 12-CTr/BDV"
    assert topic_of("Hội thi Dân vận khéo năm 2023 của huyện Tân Lạc có bao nhiêu đội dự thi?") == \
        "Hội thi Dân vận khéo năm 2023 của huyện Tân Lạc"  # the counted teams are what it asked, not its subject
    assert topic_of("Công an tỉnh Bắc Hà đã xây dựng bao nhiêu mô hình Dân vận khéo?") == \
        "Công an tỉnh Bắc Hà đã xây dựng mô hình Dân vận khéo"
    assert topic_of("Hội nghị gặp mặt người có uy tín ở huyện Tân Lạc do ai tổ chức?") == \
        "Hội nghị gặp mặt người có uy tín ở huyện Tân Lạc"  # the doer asked for is no part of it
    assert topic_of("Kế hoạch số 07-KH/BCĐ về bảo đảm an ninh ở huyện Tân Lạc được ban hành ngày nào?") == \
        "Kế hoạch số 07-KH/BCĐ về bảo đảm an ninh ở huyện Tân Lạc"  # what was done to it is asked of it, not part of it
    assert topic_of("Hội Nông dân huyện Tân Lạc được thành lập năm nào?") == "Hội Nông dân huyện Tân Lạc"
    assert topic_of("Mô hình Dân vận khéo của Công an huyện Tân Lạc ra mắt ngày nào?") == \
        "Mô hình Dân vận khéo của Công an huyện Tân Lạc"  # "ra mắt": no noun's complement
    assert topic_of("Hội nghị sơ kết ở huyện Tân Lạc ngày 8/3 có Phó Chủ tịch UBND tỉnh nào dự?") == \
        "Hội nghị sơ kết ở huyện Tân Lạc ngày 8/3"  # its guest asked for is no part of it


def test_an_event_referred_to_as_su_kien_and_its_participants_counted_are_the_last_topics(store):
    asked = "Hội nghị sơ kết ở huyện Tân Lạc ngày 8/3 có Phó Chủ tịch UBND tỉnh nào dự?"
    last = Context(asked, topic_of(asked), person="Trần Văn Bình", shown=("Trần Văn Bình",))
    assert understand("sự kiện đó có bao nhiêu đại biểu dự?", last, store) == \
        "Hội nghị sơ kết ở huyện Tân Lạc ngày 8/3 có bao nhiêu đại biểu dự?"
    assert understand("Có bao nhiêu cán bộ chiến sĩ tham gia?", last, store) == \
        "Hội nghị sơ kết ở huyện Tân Lạc ngày 8/3 có bao nhiêu cán bộ chiến sĩ tham gia?"  # an event's, not the archive's
    for alone in ("Có bao nhiêu bài viết nhắc đến người có uy tín?", "Có bao nhiêu đội dự thi hội thi dân vận khéo?",
                  "Có bao nhiêu người được nêu tên trong các bài viết?"):  # an event or the archive of their own
        assert understand(alone, last, store) == alone
    assert "8/3 có bao nhiêu" in understand("Co bao nhieu can bo tham gia?", last, store)  # capitalised, restored too


def test_a_topic_keeps_what_completes_its_noun_and_the_body_before_a_guest():
    assert topic_of("Ai dự buổi lễ ra mắt?") == "buổi lễ ra mắt"
    assert topic_of("Ai chủ trì đại hội thành lập?") == "đại hội thành lập"
    assert topic_of("Bộ Nội vụ có Thứ trưởng nào dự hội nghị ký kết ở huyện Tân Lạc?") == \
        "Bộ Nội vụ có Thứ trưởng dự hội nghị ký kết ở huyện Tân Lạc"  # "Bộ Nội vụ" names no event: not cut there


def test_a_thing_referred_to_keeps_the_bodies_doing_it(store):
    """"Kế hoạch đó" after "Ban A và Công an B ký kế hoạch … với đơn vị nào?" is their plan, not any body's."""
    asked = "Ban Dân vận Huyện ủy Tân Lạc và Công an huyện ký kế hoạch phối hợp với đơn vị nào?"
    assert understand("Kế hoạch đó cho khoảng thời gian nào?", Context(asked, topic_of(asked)), store) == \
        "kế hoạch phối hợp của Ban Dân vận Huyện ủy Tân Lạc và Công an huyện cho khoảng thời gian nào?"  # not "với đơn vị"
    attending = "Đại diện Ban Dân vận Tỉnh ủy dự hội nghị ký kết ở huyện Tân Lạc ngày nào?"  # attends, holds nothing
    assert understand("Hội nghị đó diễn ra ở đâu?", Context(attending, topic_of(attending)), store) == \
        "hội nghị ký kết ở huyện Tân Lạc diễn ra ở đâu?"
    led = "Thứ trưởng Bộ Nội vụ nào dự hội nghị ký kết ở huyện Tân Lạc?"  # a title, not a body doing it
    assert understand("Hội nghị đó diễn ra ngày nào?", Context(led, topic_of(led)), store) == \
        "hội nghị ký kết ở huyện Tân Lạc diễn ra ngày nào?"


def _conversations():
    """Our own two-turn conversations about the bundled articles (eval/conversations.jsonl)."""
    bundled = {p.stem for p in (ROOT / "corpus").glob("*.txt")}
    rows = [json.loads(line) for line in (ROOT / "eval" / "conversations.jsonl").read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if set(r["turns"][0]["doc_ids"]) <= bundled]


def test_conversations_over_the_bundled_articles(real_store, real_settings):
    """Each follow-up is read with its subject and says so; most are answered as the gold says."""
    conversations = _conversations()
    assert len(conversations) >= 5
    chat = Conversation(Answerer(real_store, real_settings))
    contained = who_else = 0
    for row in conversations:
        chat.reset()
        first, second = row["turns"]
        shown = {item.name for item in chat.ask(first["question"]).items}
        answer = chat.ask(second["question"])
        assert answer.understood and answer.understood != second["question"]
        if second.get("form") == "con_ai":  # "who else": none of those already shown again
            who_else += 1
            assert not shown & {item.name for item in answer.items}, answer.text
        assert answer.text.startswith("_Hiểu là:")
        contained += contains_answer(answer.text, second["answers"])
    assert contained >= 0.75 * len(conversations) and who_else
    # answer() itself keeps no state: the same follow-up asked alone is not rewritten
    from danvan_qa.qa.answering import answer

    alone = answer(conversations[0]["turns"][1]["question"], store=real_store, settings=real_settings)
    assert alone.understood is None and "Hiểu là" not in alone.text


def test_reset_forgets_the_subject(real_store, real_settings):
    chat = Conversation(Answerer(real_store, real_settings))
    row = _conversations()[0]
    chat.ask(row["turns"][0]["question"])
    assert chat.context is not None and fold(chat.context.topic)
    chat.reset()
    assert chat.context is None and chat.ask(row["turns"][1]["question"]).understood is None


def test_the_conversation_eval_refuses_a_line_of_one_turn(tmp_path):
    from danvan_qa.evaluation.conversations import load_conversations

    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "c1", "turns": [{"question": "Ai chủ trì?"}, {"question": "Còn ai nữa?"}]}\n'
                    '{"id": "c2", "turns": [{"question": "Ai chủ trì?"}]}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"c.jsonl:2: expected two turns or more"):
        load_conversations(path)
    assert [r["id"] for r in load_conversations(_first_line(path))] == ["c1"]


def test_every_later_turn_of_a_conversation_is_scored_as_a_follow_up(tmp_path):
    """A third turn follows the second: it is asked in the same conversation and counted."""
    from danvan_qa.evaluation.conversations import score

    one, settings = fake_store(tmp_path, {"a1.txt": ARTICLE})
    rows = [{"id": "c1", "turns": [
        {"question": "Ai chủ trì hội nghị ký kết ở huyện Tân Lạc?", "answers": ["Trần Văn Bình"]},
        {"question": "Ông ấy giữ chức vụ gì?", "answers": ["Trưởng Ban Dân vận Huyện ủy"]},
        {"question": "Chương trình đó giai đoạn nào?", "answers": ["2023 – 2028"]}]}]
    figures = score(rows, Answerer(one, settings), mode="bm25")
    assert figures["by_form"]["other"]["n"] == 2
    assert figures["first_contained"] == 1.0 and figures["follow_up_contained"] == 1.0


def _first_line(path):
    ok = path.with_name("ok.jsonl")
    ok.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    return ok



def test_a_follow_up_is_scored_on_its_answer_not_on_how_it_was_understood():
    """"Còn ai nữa?" is said back as "Ngoài Trần Văn Bình, …": the name in that line is no answer."""
    from danvan_qa.evaluation.conversations import answered
    from danvan_qa.qa.compose import NO_ANSWER
    from danvan_qa.records import Answer

    understood = "Ngoài Trần Văn Bình, những ai dự hội nghị?"
    reply = Answer(question="Còn ai nữa?", kind="attendees", short=None, items=(), citations=(), abstained=True,
                   confidence=0.1, text=f"_Hiểu là: {understood}_\n\n{NO_ANSWER}", understood=understood)
    assert not contains_answer(answered(reply), ["Trần Văn Bình"])
    plain = Answer(question="Ai chủ trì?", kind="chair", short="Trần Văn Bình", items=(), citations=(),
                   abstained=False, confidence=0.9, text="**Trần Văn Bình** [1]")
    assert contains_answer(answered(plain), ["Trần Văn Bình"])


OTHER = """---
id: b1
title: "Ban Dân vận Huyện ủy Lạc Sơn và Công an huyện ký kết chương trình phối hợp"
date: 2023-04-12
---
Ngày 11-4, Ban Dân vận Huyện ủy Lạc Sơn và Công an huyện Lạc Sơn ký kết Chương trình phối hợp công tác dân vận giai đoạn 2023 – 2027.

Bà Lê Thị Hoa, Trưởng Ban Dân vận Huyện ủy chủ trì buổi lễ.
"""


def test_a_question_naming_no_place_or_person_is_asked_of_the_event_just_discussed(tmp_path):
    """"Trưởng Ban Dân vận Huyện ủy nào chủ trì hội nghị ký kết?" after a question on one district's
    signing is about that signing, though another district's article answers it as well or better."""
    two, settings = fake_store(tmp_path, {"a1.txt": ARTICLE, "b1.txt": OTHER})
    chat = Conversation(Answerer(two, settings))
    first = chat.ask("Chương trình phối hợp ở huyện Lạc Sơn giai đoạn nào?", mode="bm25")  # fake vectors: words only
    assert {c.doc_id for c in first.citations} == {"b1"}
    follow = chat.ask("Trưởng Ban Dân vận Huyện ủy nào chủ trì hội nghị ký kết?", mode="bm25")
    assert "Lê Thị Hoa" in follow.text and "Trần Văn Bình" not in follow.text
    assert follow.understood and follow.text.startswith("_Hiểu là:")
    across = chat.ask("Những ai chủ trì các hội nghị được đưa tin?", mode="bm25")  # asked of the whole archive
    assert {c.doc_id for c in across.citations} == {"a1", "b1"}
    chat.reset()  # asked alone, the question is answered from the whole archive
    alone = chat.ask("Trưởng Ban Dân vận Huyện ủy nào chủ trì hội nghị ký kết?", mode="bm25")
    assert "Lê Thị Hoa" not in alone.text


def test_a_follow_up_the_archive_does_not_answer_is_asked_of_the_article_just_cited(tmp_path):
    """"Chương trình đó …", understood, that the whole archive leaves unanswered (here: an answerer that
    refuses whatever is asked without a filter) is asked of the last answer's articles, and says so."""
    from dataclasses import replace

    from danvan_qa.qa.conversation import ask_in_context

    class ArchiveRefuses(Answerer):
        def answer(self, question, **options):
            found = super().answer(question, **options)
            return found if options.get("filters") else replace(found, abstained=True, citations=())

    answerer = ArchiveRefuses(*fake_store(tmp_path, {"a1.txt": ARTICLE}))
    cited = replace(CONTEXT, docs=("a1",))
    answer, _ = ask_in_context(answerer, "Chương trình đó giai đoạn nào?", cited, mode="bm25")
    assert not answer.abstained and "2023 – 2028" in answer.text
    assert answer.understood.endswith("(trong bài vừa dẫn)?")
    nothing_cited, _ = ask_in_context(answerer, "Chương trình đó giai đoạn nào?", CONTEXT, mode="bm25")
    assert nothing_cited.abstained


def test_a_doer_named_by_a_title_or_a_body_is_no_person_to_refer_to(store):
    """"Ai ban hành Chỉ thị số 7?" answered "Bộ trưởng Bộ Nội vụ": a later "ông ấy" is not that title."""
    asked = "Ai ban hành Chỉ thị số 7?"
    for short, person in (("Bộ trưởng Bộ Nội vụ", None), ("Ban Dân vận Tỉnh ủy", None), ("Lê Thị Hoa", "Lê Thị Hoa")):
        answered = Answer(asked, "role", short, (), "…", (), False, 0.9)
        assert next_context(asked, answered, None, store).person == person


def test_a_document_asked_for_is_what_a_follow_up_refers_to(store):
    """"… ban hành chỉ thị nào?" answered by a sentence naming "Chỉ thị số 05/CT-UBND": "Chỉ thị đó" is it."""
    from danvan_qa.records import Citation

    asked = "Hội thảo được tổ chức sau khi tỉnh ban hành chỉ thị nào?"
    quote = "Hội thảo diễn ra sau khi UBND tỉnh ban hành Chỉ thị số 05/CT-UBND, ngày 2/3/2020 về công tác dân vận."
    answered = Answer(asked, "other", None, (), "…", (Citation(1, "a1", "Hội thảo", None, None, 0, len(quote), quote),),
                      False, 0.9)
    last = next_context(asked, answered, None, store)
    assert understand("Chỉ thị đó ban hành ngày nào?", last, store) == "Chỉ thị số 05/CT-UBND ban hành ngày nào?"


def test_a_follow_up_asked_of_that_time_is_the_event_just_discussed_even_where_two_reports_answer_it(tmp_path):
    texts = {
        "n1": ("2023-05-15", "Chủ tịch UBND tỉnh Nam Sơn làm việc với Công an tỉnh",
               "Chiều 14/5, đồng chí Nguyễn Văn Hai, Chủ tịch UBND tỉnh Nam Sơn có buổi làm việc với Công an tỉnh. Dự "
               "buổi làm việc có Thiếu tướng Trần Văn Ba, Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Công an tỉnh."),
        "n2": ("2022-01-10", "Công an tỉnh Tây Giang tổng kết công tác năm",  # two reports of one ceremony
               "Đại tá Lê Văn Tư, Giám đốc Công an tỉnh Tây Giang, trao giấy khen cho giám đốc công an tỉnh các đơn vị."),
        "n3": ("2022-01-11", "Tây Giang: Công an tỉnh tổng kết công tác năm",
               "Đại tá Lê Văn Tư, Giám đốc Công an tỉnh Tây Giang, trao giấy khen cho giám đốc công an tỉnh các đơn vị."),
    }
    store, settings = fake_store(tmp_path, {f"{d}.txt": article_file(d, *row) for d, row in texts.items()})
    chat = Conversation(Answerer(store, settings))
    first = chat.ask("Chủ tịch UBND tỉnh Nam Sơn có buổi làm việc với Công an tỉnh là ai?", mode="bm25")
    assert "Nguyễn Văn Hai" in first.text
    then = chat.ask("giám đốc công an tỉnh lúc đó?", mode="bm25")  # "lúc đó" names no place "Lúc"
    assert "Trần Văn Ba" in then.text and "Lê Văn Tư" not in then.text


def test_a_noun_the_last_question_asked_which_of_is_the_one_it_answered(store):
    last = Context("Ngày 8/9, Ban Dân vận Tỉnh ủy Nam Sơn tiếp đoàn công tác của tỉnh nào?",
                   "Ngày 8/9, Ban Dân vận Tỉnh ủy Nam Sơn tiếp đoàn công tác của tỉnh", answered="Bắc Hà")
    assert understand("Đoàn đó tặng quà gì?", last, store) == "đoàn công tác của tỉnh Bắc Hà tặng quà gì?"
    # the answer alone where it opens with the noun; "do" (by) and "ngày nay" (nowadays) are no "đó" / "này"
    contest = Context("Cuộc thi nào được tổ chức ngày 5/3?", "Cuộc thi được tổ chức ngày 5/3", answered="Cuộc thi Dân vận khéo")
    assert understand("Cuộc thi đó có bao nhiêu đội?", contest, store) == "Cuộc thi Dân vận khéo có bao nhiêu đội?"
    assert "Dân vận khéo" not in understand("Cuộc thi do ai chủ trì?", contest, store)
    dated = Context("Hội nghị tổng kết được tổ chức vào ngày nào?", "Hội nghị tổng kết được tổ chức", answered="5/3/2024")
    assert "5/3/2024" not in understand("Ngày nay mô hình được nhân rộng thế nào?", dated, store)
    # not when the last answer abstained, nor for "lúc đó" (that time) or a noun it did not ask of
    unanswered = Context(last.question, last.topic)
    assert "Bắc Hà" not in understand("Đoàn đó tặng quà gì?", unanswered, store)
    assert "Bắc Hà" not in understand("Lúc đó ai phát biểu?", last, store)
    assert "Bắc Hà" not in understand("Hội nghị đó ở đâu?", last, store)


def test_a_follow_up_asked_of_that_time_typed_without_marks_is_asked_of_the_last_event(store):
    """"con giam doc cong an thanh pho luc do la ai?": "lúc đó" (however it is restored) is the event just asked
    about, the lower-case "lễ" opening it (not the surname Lê)."""
    last = Context("Ai là Trưởng ban Dân vận Thành ủy dự lễ ký chương trình phối hợp với Công an TP giai đoạn 2016-2021?",
                   "là Trưởng ban Dân vận Thành ủy dự lễ ký chương trình phối hợp với Công an TP giai đoạn 2016-2021")
    said = understand("con giam doc cong an thanh pho luc do la ai?", last, store)
    assert said.endswith("tại lễ ký chương trình phối hợp với Công an TP giai đoạn 2016-2021 là ai?"), said
    said = understand("Còn Giám đốc Công an thành phố lúc đó là ai?", last, store)
    assert said.startswith("Giám đốc Công an thành phố tại lễ ký"), said  # "còn" (and), not a word of the topic
    said = understand("Con số đại biểu dự lúc đó là bao nhiêu?", last, store)
    assert said.startswith("Con số đại biểu dự tại lễ ký"), said  # "Con số" (the figure) is kept


def test_a_topic_ends_where_it_asks_which_province_hosted():
    assert topic_of("Hội nghị sơ kết giữa Cục Chính trị Quân khu 9 với 12 tỉnh đó tỉnh nào đăng cai?") == \
        "Hội nghị sơ kết giữa Cục Chính trị Quân khu 9 với 12 tỉnh"
    assert topic_of("Công an huyện Đông Lâm ký chương trình phối hợp công tác dân vận với cơ quan nào?") == \
        "Công an huyện Đông Lâm ký chương trình phối hợp công tác dân vận"  # not "… với cơ quan", which was asked
    assert topic_of("Bộ Công an phối hợp với tỉnh nào tổ chức hội nghị về người có uy tín ngày 14/3?") == \
        "Bộ Công an phối hợp với tỉnh tổ chức hội nghị về người có uy tín ngày 14/3"  # asked mid-way: the event kept


def test_how_about_another_title_place_or_year_asks_the_last_question_of_it(store):
    """"Còn Phó Giám đốc thì sao?", "thế còn huyện Y?", "còn năm 2022?": the last question, with the title it asked
    for (its body kept when only the head is said), the place or the year it named in place of the one said now."""
    asked = "Hội nghị ký kết ở huyện Đông Lâm năm 2021 có Giám đốc Công an tỉnh nào dự?"
    context = Context(asked, topic_of(asked))
    assert understand("Còn Phó Giám đốc thì sao?", context, store) == \
        "Hội nghị ký kết ở huyện Đông Lâm năm 2021 có Phó Giám đốc Công an tỉnh nào dự?"
    assert understand("còn Chủ tịch UBND tỉnh?", context, store) == \
        "Hội nghị ký kết ở huyện Đông Lâm năm 2021 có Chủ tịch UBND tỉnh nào dự?"
    assert understand("Thế còn huyện Tây Sơn thì sao?", context, store) == \
        "Hội nghị ký kết ở huyện Tây Sơn năm 2021 có Giám đốc Công an tỉnh nào dự?"
    assert understand("còn năm 2022?", context, store) == \
        "Hội nghị ký kết ở huyện Đông Lâm năm 2022 có Giám đốc Công an tỉnh nào dự?"
    assert "nào dự nào" not in understand("Còn Thứ trưởng nào dự?", context, store)  # a question of its own
    # another head keeps no body of the one asked; a place replaces the one of its unit; a new ask is no swap
    assert understand("Còn Chủ tịch thì sao?", context, store) == \
        "Hội nghị ký kết ở huyện Đông Lâm năm 2021 có Chủ tịch nào dự?"
    named = "Công an tỉnh Nam Sơn tổ chức hội nghị ở huyện Đông Lâm, có Giám đốc Công an tỉnh nào dự?"
    assert understand("Còn huyện Tây Sơn thì sao?", Context(named, topic_of(named)), store) == \
        "Công an tỉnh Nam Sơn tổ chức hội nghị ở huyện Tây Sơn, có Giám đốc Công an tỉnh nào dự?"
    for own in ("Còn Giám đốc Công an tỉnh thì phát biểu ra sao?", "Còn Giám đốc Công an tỉnh có phát biểu không?"):
        assert "nào dự" not in understand(own, context, store), own


def test_how_about_another_title_after_a_question_asking_who_holds_one(store):
    """"ai là Trưởng ban Dân vận Huyện ủy?" then "thế còn giám đốc ca tỉnh?": the title asked as "ai là X" or "X là ai"
    is swapped too, and "ca" typed after a post is the police."""
    asked = "Tại hội nghị ký kết ở huyện Đông Lâm, ai là Trưởng ban Dân vận Huyện ủy?"
    context = Context(asked, topic_of(asked))
    assert understand("thế còn giám đốc ca tỉnh?", context, store) == \
        "Tại hội nghị ký kết ở huyện Đông Lâm, ai là giám đốc công an tỉnh?"
    other = "Trưởng ban Dân vận Huyện ủy Đông Lâm là ai?"
    assert understand("Còn Chủ tịch UBND huyện thì sao?", Context(other, topic_of(other)), store) == \
        "Chủ tịch UBND huyện là ai?"
    assert understand("ai chủ trì?", context, store) != "ai chủ trì?"  # nothing swapped: the topic filled in as before


def test_how_about_something_not_swapped_is_asked_of_the_last_topic(store):
    """"thế còn giai đoạn trước đó thì sao?": no title, place, year or side to swap; what it names, asked of the
    last topic, without "thế còn … thì sao"."""
    asked = "Ban Dân vận Huyện ủy ký chương trình phối hợp với Công an huyện Đông Lâm cho giai đoạn nào?"
    said = understand("the con giai doan truoc do thi sao?", Context(asked, topic_of(asked)), store)
    assert "the con" not in fold(said) and "thi sao" not in fold(said), said
    assert fold(said).lower().endswith("giai doan truoc do?") and "dong lam" in fold(said).lower(), said


def test_a_person_put_in_for_ong_ay_is_not_read_as_that_thing(store):
    """"hoi nghi ong ay du …" with Đỗ Tân for "ông ấy": "hội nghị Đỗ Tân" folds as "hoi nghi do tan", which is not
    "hội nghị đó" to be filled in with the last topic."""
    context = Context("thieu tuong do tan giu chuc vu gi?", "thiếu tướng đỗ tân giữ chức vụ", person="Đỗ Tân")
    assert understand("hoi nghi ong ay du la tong ket nghi quyet nao?", context, store) == \
        "hoi nghi Đỗ Tân du la tong ket nghi quyet nao?"


def test_a_thing_referred_to_in_a_follow_up_typed_bare_reads_as_restored(store):
    """"ai chu tri hoi nghi do?": the topic put in with its marks, the rest restored too, so that the act asked
    ("chủ trì") is read as one, not left bare beside words with marks."""
    asked = "Hội nghị ký kết ở huyện Đông Lâm có Giám đốc Công an tỉnh nào dự?"
    said = understand("ai chu tri hoi nghi do?", Context(asked, topic_of(asked)), store)
    assert said.lower().startswith("ai chủ trì hội nghị ký kết ở huyện đông lâm"), said


def test_how_about_the_other_side_asks_the_last_question_of_it(store):
    asked = "Lễ ký kết ở huyện Đông Lâm do ai bên Ban Dân vận Huyện ủy đồng chủ trì?"
    assert understand("Còn phía Công an huyện thì ai?", Context(asked, topic_of(asked)), store) == \
        "Lễ ký kết ở huyện Đông Lâm do ai bên Công an huyện đồng chủ trì?"



def test_the_programme_after_or_before_one_is_asked_by_its_period_and_parties(tmp_path):
    """"thế còn chương trình giai đoạn sau thì ký hôm nào?" after a question on Chương trình số 17: the programme
    of the same parties whose period starts where 17's ends, in another article, asked by its period and parties."""
    from fakes import invented_answerer

    texts = {
        "n1": ("2016-10-05", "Ký kết chương trình phối hợp ở Nam Sơn", "Ngày 5/10/2016, Ban Dân vận Tỉnh ủy Nam Sơn và "
               "Công an tỉnh Nam Sơn ký kết Chương trình số 17-CTr/BDVTU-CAT về phối hợp công tác dân vận giai đoạn "
               "2016-2021."),
        "n2": ("2022-03-05", "Nam Sơn ký chương trình phối hợp mới", "Ngày 5/3/2022, Ban Dân vận Tỉnh ủy Nam Sơn và Công "
               "an tỉnh Nam Sơn ký kết Chương trình phối hợp giai đoạn 2022-2026."),
        "n3": ("2022-07-09", "Đông Lâm ký chương trình phối hợp", "Ngày 9/7/2022, Ban Dân vận Tỉnh ủy Đông Lâm và Công an "
               "tỉnh Đông Lâm ký kết Chương trình phối hợp giai đoạn 2022-2026."),
    }
    chat = Conversation(invented_answerer(tmp_path, texts))
    chat.ask("Chương trình số 17 giữa Ban Dân vận Tỉnh ủy Nam Sơn và Công an tỉnh Nam Sơn ký ngày nào?", mode="bm25")
    after = chat.ask("thế còn chương trình giai đoạn sau thì ký hôm nào?", mode="bm25")
    assert "2022-2026" in after.understood and "Nam Sơn" in after.understood, after.understood
    assert "5/3/2022" in after.text and {c.doc_id for c in after.citations} == {"n2"}
    chat.reset()
    chat.ask("Chương trình phối hợp giai đoạn 2022-2026 giữa Ban Dân vận Tỉnh ủy Nam Sơn và Công an tỉnh Nam Sơn ký ngày "
             "nào?", mode="bm25")
    before = chat.ask("còn chương trình giai đoạn trước đó ký ngày nào?", mode="bm25")
    assert "2016-2021" in before.understood and "5/10/2016" in before.text, before.text


def test_a_noun_asked_which_of_two_turns_back_is_the_one_answered_then(store):
    """"xã đó" two turns after "… kết nghĩa với xã nào?" answered "Tân Phú": that xã, though the last turn asked a period."""
    first = Context("Công an tỉnh Nam Sơn kết nghĩa với xã nào?", "Công an tỉnh Nam Sơn kết nghĩa với xã", answered="Tân Phú")
    reply = Answer(question="Giai đoạn nào?", kind="period", short="2018 - 2022", items=(), citations=(), abstained=False,
                   confidence=0.9, text="Giai đoạn **2018 - 2022**")
    second = next_context("Công an tỉnh Nam Sơn kết nghĩa với xã giai đoạn nào?", reply, first, store)
    assert second.earlier[0] == (first.question, "Tân Phú")
    assert "Tân Phú" in understand("Xã đó thuộc huyện nào?", second, store)


def test_a_bare_follow_up_keeps_the_topic_it_was_asked_of(store):
    """"co bn cbcs tham gia" asked of the model just discussed: the next follow-up is of that model, not of "cbcs"."""
    last = Context("Mô hình Xóm bốn an ở Nam Sơn ra mắt ngày nào?", "Mô hình Xóm bốn an ở Nam Sơn ra mắt")
    asked = understand("Tổng cộng bao nhiêu cán bộ, chiến sĩ tham gia?", last, store)
    assert asked.startswith("Mô hình Xóm bốn an ở Nam Sơn")  # "tổng cộng …" counts who took part: of the model
    reply = Answer(question=asked, kind="number", short="hơn 200", items=(), citations=(), abstained=False,
                   confidence=0.9, text="**hơn 200**")
    assert next_context(asked, reply, last, store).topic == last.topic


def test_a_pronoun_for_a_person_the_question_itself_introduces_is_not_the_last_person(store):
    last = Context("Ai dự hội nghị ở huyện Tân Lạc?", "hội nghị ở huyện Tân Lạc", person="Trần Văn Bình")
    assert "Trần Văn Bình" not in understand("Có một đại biểu cao tuổi phát biểu ở đó, ông ấy tên gì?", last, store)
    assert "Trần Văn Bình" in understand("Ông ấy phát biểu gì?", last, store)
    # … but a person named in the same clause is no introduction: "ông ấy" is the last person
    assert "Trần Văn Bình" in understand("Có cán bộ nào đi cùng ông ấy không?", last, store)


@pytest.mark.parametrize("follow_up, meant", [
    ("bà ấy giữ chức gì?", "Đặng Thị Lan"),  # of the two co-chairs listed, the woman's name
    ("Ông ấy giữ chức vụ gì?", "Lê Văn Khải"),
    ("đồng chí đó giữ chức vụ gì?", "Lê Văn Khải"),  # saying neither: the last exchange's person
])
def test_a_pronoun_that_says_woman_or_man_picks_the_person_shown_whose_name_fits(store, follow_up, meant):
    both = Context("Ai đồng chủ trì hội nghị ký kết?", "hội nghị ký kết", person="Lê Văn Khải",
                   shown=("Lê Văn Khải", "Đặng Thị Lan"))
    assert understand(follow_up, both, store).startswith(f"{meant} giữ chức")


def _answering(store, answers):
    """A fake answerer: `answers(question, doc_ids)` gives (short, cited doc) or None (refused); every call is kept."""
    asked = []

    class Answering:
        def __init__(self):
            self.store = store

        def answer(self, question, **options):
            within = options.get("filters")
            asked.append((question, within.doc_ids if within else None))
            found = answers(question, within.doc_ids if within else None)
            if found is None:
                return Answer(question, "other", None, (), "Không tìm thấy thông tin này.", (), True, 0.1)
            short, doc = found
            return Answer(question, "other", short, (), f"**{short}** [1]",
                          (Citation(1, doc, "Tiêu đề", None, None, 0, 5, short),), False, 0.9)
    return Answering(), asked


def test_a_refused_follow_up_is_asked_of_the_articles_just_cited_without_its_lúc_đó(store):
    """"giam doc cong an huyen Tan Lac luc do la ai" that the archive at large refuses (restored, "luc do" may read
    "lực đó"): the article just cited answers it, asked without the time it already fixes."""
    from danvan_qa.qa.conversation import ask_in_context

    answering, asked = _answering(store, lambda q, docs: ("Trần Văn Bình", "a1") if docs == frozenset({"a1"})
                                  and "luc do" not in q else None)
    last = Context("chu tich ubnd huyen Tan Lac lam viec voi cong an huyen hom nao",
                   "chủ tịch ubnd huyện Tân Lạc làm việc với công an huyện", docs=("a1",))
    answer, _ = ask_in_context(answering, "giam doc cong an huyen Tan Lac luc do la ai", last)
    assert answer.short == "Trần Văn Bình" and not answer.abstained
    assert asked[-1] == ("giam doc cong an huyen Tan Lac la ai", frozenset({"a1"}))


def test_a_refused_follow_up_is_asked_as_typed_of_the_articles_just_cited_when_as_understood_it_is_not(store):
    """"hội nghị đó tổ chức ngày nào?" understood with the wrong subject is refused, there too: the article just cited
    answers it as typed."""
    from danvan_qa.qa.conversation import ask_in_context

    answering, asked = _answering(store, lambda q, docs: ("3/11", "a1") if docs == frozenset({"a1"}) and
                                  q == "hoi nghi do to chuc ngay nao?" else None)
    last = Context("Còn phía Biên phòng thì ai cùng chủ trì?", "phía Biên phòng cùng chủ trì", docs=("a1",))
    answer, _ = ask_in_context(answering, "hoi nghi do to chuc ngay nao?", last)
    assert answer.short == "3/11" and "trong bài vừa dẫn" in answer.text
    assert asked[-1] == ("hoi nghi do to chuc ngay nao?", frozenset({"a1"}))


def test_a_follow_up_of_that_time_answered_from_another_article_is_asked_of_the_one_just_cited(store):
    """"Lúc đó Giám đốc Công an thành phố là ai?": the archive at large answers from another city's article; the event
    just discussed is in the article just cited, which answers it."""
    from danvan_qa.qa.conversation import ask_in_context

    answering, asked = _answering(store, lambda q, docs: ("Đoàn Văn Một", "a1") if docs == frozenset({"a1"}) else
                                  ("Lê Văn Khác", "a2"))
    last = Context("Ban Dân vận Thành ủy ký chương trình phối hợp với Công an thành phố cho giai đoạn nào?",
                   "Ban Dân vận Thành ủy ký chương trình phối hợp với Công an thành phố", docs=("a1",))
    answer, _ = ask_in_context(answering, "Lúc đó Giám đốc Công an thành phố là ai nhỉ?", last)
    assert answer.short == "Đoàn Văn Một" and [c.doc_id for c in answer.citations] == ["a1"]
    answering, _ = _answering(store, lambda q, docs: ("Lê Văn Khác", "a2"))  # not when no article just cited answers
    answer, _ = ask_in_context(answering, "Lúc đó Giám đốc Công an thành phố là ai nhỉ?", last)
    assert answer.short == "Lê Văn Khác"


def test_an_answer_asked_of_the_articles_just_cited_that_cites_another_is_not_taken_as_theirs(store):
    """A fact the table holds may cite another article even when asked of the last ones: no "(trong bài vừa dẫn)"."""
    from danvan_qa.qa.conversation import ask_in_context

    answering, _ = _answering(store, lambda q, docs: ("Lê Văn Khác", "a2"))
    last = Context("Ban Dân vận Thành ủy ký chương trình phối hợp với Công an thành phố cho giai đoạn nào?",
                   "Ban Dân vận Thành ủy ký chương trình phối hợp với Công an thành phố", docs=("a1",))
    answer, _ = ask_in_context(answering, "Lúc đó Đại tá Lê Văn Khác giữ chức vụ gì?", last)
    assert "trong bài vừa dẫn" not in answer.text


def test_a_topic_is_the_event_not_its_guest_however_the_guest_is_qualified():
    assert topic_of("Hội nghị gặp mặt ở huyện Đông Khê có vị Phó Cục trưởng nào của Cục Cảnh sát điều tra tội phạm về ma "
                    "túy dự?") == "Hội nghị gặp mặt ở huyện Đông Khê"


def test_and_who_did_something_else_is_no_who_else(store):
    """"còn ai thông qua dự thảo?" asks who did another thing at the event, not who else attended."""
    last = Context("Hội nghị đó ai chủ trì?", "Hội nghị ký kết chương trình phối hợp chủ trì", shown=("Lê Văn Một",))
    assert not understand("con ai thong qua du thao chuong trinh?", last, store).startswith("Ngoài")
    assert understand("Còn ai đồng chủ trì nữa?", last, store).startswith("Ngoài Lê Văn Một, những ai đồng chủ trì")
    assert understand("con ai du?", last, store).startswith("Ngoài Lê Văn Một, những ai")


def test_a_bare_follow_up_answered_from_the_articles_just_cited_keeps_their_event_as_the_topic(store):
    """"Còn ai thông qua dự thảo chương trình?" answered from the event's article: "chương trình đó" next is still that
    event's, not "thông qua dự thảo chương trình" of any article."""
    from dataclasses import replace

    event = "Hội nghị ký kết chương trình phối hợp giữa Ban Dân vận Tỉnh ủy và Công an tỉnh"
    last = Context(f"{event} do ai chủ trì?", event, programme=event, docs=("a1",))
    said = Answer("Còn ai thông qua dự thảo chương trình?", "person", "Lê Văn Một", (), "**Lê Văn Một** [1]",
                  (Citation(1, "a1", "Tiêu đề", None, None, 0, 5, "Lê Văn Một"),), False, 0.9)
    after = next_context("Còn ai thông qua dự thảo chương trình?", said, last, store)
    assert after.topic == event and after.programme == event
    elsewhere = replace(said, citations=(Citation(1, "a2", "Tiêu đề", None, None, 0, 5, "Lê Văn Một"),))
    assert next_context("Còn ai thông qua dự thảo chương trình?", elsewhere, last, store).topic != event


def test_a_topic_leaves_no_word_dangling_before_what_it_asked():
    assert topic_of("Ban Dân vận Thành ủy và Công an thành phố ký chương trình phối hợp công tác dân vận cho giai đoạn "
                    "nào?") == "Ban Dân vận Thành ủy và Công an thành phố ký chương trình phối hợp công tác dân vận"


@pytest.mark.parametrize("question, alone", [
    ("giam doc cong an huyen luc do la ai", "giam doc cong an huyen la ai"),
    ("Năm 2023 chủ tịch hội đó là ai?", "Năm 2023 chủ tịch hội đó là ai?"),  # "hội đó", no "hồi đó"
    ("Nguồn lực đó năm 2023 là bao nhiêu?", "Nguồn lực đó năm 2023 là bao nhiêu?"),
])
def test_only_a_time_said_lúc_đó_is_left_out_when_asked_of_the_articles_just_cited(question, alone):
    from danvan_qa.qa.conversation import _without_then

    assert _without_then(question) == alone


def test_a_province_swapped_keeps_one_unit_and_never_replaces_a_persons_name(store):
    from danvan_qa.qa.swaps import swapped

    assert swapped("tỉnh Hà Giang", "Giám đốc Công an tỉnh Cao Bằng là ai?", store) == \
        "Giám đốc Công an tỉnh Hà Giang là ai?"
    assert swapped("Hà Giang", "Bà Lê Thị Huệ giữ chức vụ gì?", store) is None  # "Huệ" folds like Huế
