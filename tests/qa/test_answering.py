"""answer() with the real model over the bundled articles: lists, roles, programmes, abstention, citations."""

import re

import pytest

from danvan_qa import Answer, QueryError, answer

pytestmark = pytest.mark.slow


def ask(real_store, real_settings, question: str) -> Answer:
    result = answer(question, store=real_store, settings=real_settings)
    check_citations(real_store, result)
    return result


def check_citations(store, result: Answer) -> None:
    """Every quote is the published article's span; every [n] has a citation and every citation is used."""
    for c in result.citations:
        assert store.data.documents[c.doc_id].published[c.start : c.end] == c.quote
    used = {int(n) for n in re.findall(r"\[(\d+)\]", result.text)}
    assert used == {c.n for c in result.citations}
    assert [c.n for c in result.citations] == list(range(1, len(result.citations) + 1))
    for item in result.items:
        assert item.citation in used


def test_attendees_list_with_roles(real_store, real_settings):
    a = ask(real_store, real_settings, "Ai tham dự lễ ký kết ngày 4-11 ở Hà Nội?")
    assert not a.abstained and a.kind == "attendees"
    names = {i.name: i.role for i in a.items}
    assert set(names) == {"Ngô Thị Thanh Hằng", "Lê Hồng Sơn", "Nguyễn Lan Hương", "Đoàn Duy Khương"}
    assert names["Ngô Thị Thanh Hằng"] == "Ủy viên Ban Chấp hành Trung ương Đảng, Phó Bí thư Thường trực Thành ủy"
    # the title the list gives its people leads their own role
    assert names["Đoàn Duy Khương"] == "Ủy viên Ban Thường vụ Thành ủy, Giám đốc Công an thành phố"
    assert "Ngô Thị Thanh Hằng** — Ủy viên Ban Chấp hành Trung ương Đảng" in a.text


def test_event_is_picked_by_date_and_place(real_store, real_settings):
    hue = ask(real_store, real_settings, "tham du hoi nghi ky ket ngay 26/5 gom nhung ai")
    assert {i.name for i in hue.items} == {"Phan Ngọc Thọ", "Nguyễn Thanh Bình", "Nguyễn Chí Tài", "Nguyễn Thanh Tuấn"}
    assert {c.doc_id for c in hue.citations} == {"001_d7706499b23905a8"}
    chair = ask(real_store, real_settings, "ai dong chu tri buoi lam viec 11/6/2018")
    assert [i.name for i in chair.items] == ["Trương Thị Mai", "Tô Lâm"]
    assert chair.items[1].rank == "Thượng tướng"


def test_roles_both_ways(real_store, real_settings):
    a = ask(real_store, real_settings, "giam doc cong an tinh thua thien hue la ai")
    assert a.short == "Nguyễn Thanh Tuấn" and a.items[0].rank == "Đại tá"
    b = ask(real_store, real_settings, "Giám đốc Công an thành phố Hà Nội là ai?")
    assert b.short == "Đoàn Duy Khương"
    c = ask(real_store, real_settings, "Đoàn Duy Khương giữ chức vụ gì?")
    assert c.short == "Giám đốc Công an thành phố"


def test_programmes(real_store, real_settings):
    a = ask(real_store, real_settings, "Chương trình số 38-Ctr/BDVTW-BCA là chương trình gì?")
    assert a.short.startswith("Phối hợp thực hiện công tác dân vận giữa Ban Dân vận Trung ương và Bộ Công an")
    b = ask(real_store, real_settings, "Chương trình 38-Ctr/BDVTW-BCA được ký ngày nào?")
    assert b.short == "15/6/2016"
    c = ask(real_store, real_settings, "ky ket 26/5 giai doan nao")
    assert c.short == "2022-2026"
    d = ask(real_store, real_settings, "Chương trình phối hợp ký ngày 4-11 ở Hà Nội là giữa những cơ quan nào?")
    assert d.short == "Ban Dân vận Thành ủy và Công an TP Hà Nội"


def test_numbers_and_dates(real_store, real_settings):
    assert ask(real_store, real_settings, "bao nhieu mo hinh dan van kheo").short == "212"
    date = ask(real_store, real_settings, "Vương Đình Huệ làm việc với Ban Dân vận Thành ủy ngày nào?")
    assert date.short == "28/4" and "(28/4/2020)" in date.text  # completed as the article writes it


@pytest.mark.parametrize("question", [
    "Ai là Giám đốc Công an tỉnh Nghệ An?",
    "Chương trình số 45-Ctr/BDVTW-BCA là gì?",
    "Ai là Chủ tịch UBND tỉnh Thừa Thiên Huế?",  # only a Phó Chủ tịch is named
    "Lễ ký kết ngày 20/10/2023 có ai tham dự?",
    "gia xang hom nay bao nhieu",
])
def test_abstains_when_the_articles_do_not_say(real_store, real_settings, question):
    a = ask(real_store, real_settings, question)
    assert a.abstained and a.citations == () and a.items == () and a.short is None
    assert "Không tìm thấy" in a.text


def test_article_markup_is_escaped_in_the_text(real_store, real_settings):
    a = ask(real_store, real_settings, "Quyết định số 290-QĐ/TW của Bộ Chính trị về việc gì?")
    assert not a.abstained
    assert "<" not in a.text.replace("\\<", "")


def test_bad_question(real_store, real_settings):
    with pytest.raises(QueryError):
        answer("", store=real_store, settings=real_settings)
