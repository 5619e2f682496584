"""Extraction of people, roles, ranks, events and programmes (no model needed)."""

from pathlib import Path

import pytest

from danvan_qa.ingest.corpus import Document, load_corpus
from danvan_qa.ingest.facts import extract, organisations
from danvan_qa.ingest.names import find_names, people

ROOT = Path(__file__).resolve().parents[2]
FACTS = extract(load_corpus(ROOT / "corpus").documents)


def _doc(text: str, date: str | None = "2022-05-26", place: str | None = None) -> Document:
    return Document("d", "d.txt", "Tiêu đề", date, None, None, place, text, "h")


def test_names_need_a_family_name_and_skip_places():
    text = "Bí thư Thành ủy Hà Nội Vương Đình Huệ làm việc tại Hà Nội. Ảnh: Văn Điệp. Đoàn kiểm tra đến."
    spans = find_names(text)
    assert [text[a:b] for a, b in spans] == ["Vương Đình Huệ"]


def test_rank_and_role_before_the_name():
    (p,) = people("UVTV Tỉnh ủy, Giám đốc Công an tỉnh Đại tá Nguyễn Thanh Tuấn.")
    assert (p.name, p.rank, p.role) == ("Nguyễn Thanh Tuấn", "Đại tá", "UVTV Tỉnh ủy, Giám đốc Công an tỉnh")


def test_role_after_the_name_stops_at_the_verb():
    (p,) = people("Thượng tướng Trần Quốc Tỏ, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Công an đã có cuộc họp.")
    assert (p.rank, p.role) == ("Thượng tướng", "Ủy viên Trung ương Đảng, Thứ trưởng Bộ Công an")


def test_list_after_colon_with_roles():
    text = ("Tham dự có các đồng chí Ủy viên Ban Thường vụ Thành ủy: Lê Hồng Sơn, Phó Chủ tịch UBND thành phố; "
            "Nguyễn Lan Hương, Trưởng ban Dân vận Thành ủy; Đoàn Duy Khương, Giám đốc Công an thành phố.")
    got = [(p.name, p.role) for p in people(text)]
    assert got == [("Lê Hồng Sơn", "Phó Chủ tịch UBND thành phố"),
                   ("Nguyễn Lan Hương", "Trưởng ban Dân vận Thành ủy"),
                   ("Đoàn Duy Khương", "Giám đốc Công an thành phố")]
    assert {p.group for p in people(text)} == {"Ủy viên Ban Thường vụ Thành ủy"}  # the title the list shares
    assert people("Tham dự còn có các đồng chí: Phạm Ngọc Lan, Chủ tịch Hội Liên hiệp Phụ nữ tỉnh.")[0].group is None


def test_dash_role():
    (p,) = people("Đồng chí Phạm Tất Thắng - Phó trưởng Ban Thường trực Ban Dân vận Trung ương phát biểu.")
    assert p.role == "Phó trưởng Ban Thường trực Ban Dân vận Trung ương"


def test_acts_per_sentence_shape():
    doc = _doc("Chiều ngày 26/5, Ban Dân vận Tỉnh ủy tổ chức hội nghị ký kết. "
               "Đồng chí Trương Thị Mai, Trưởng ban Dân vận Trung ương; Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an "
               "đồng chủ trì hội nghị. Cùng dự có các đồng chí: Nguyễn Thanh Hải, Trưởng Ban Dân nguyện Quốc hội. "
               "Phát biểu tại hội nghị, đồng chí Trương Thị Mai đề nghị thực hiện các kết luận của Bộ Chính trị. "
               "Hai ngành cần quán triệt 5 yêu cầu mà Tổng Bí thư Nguyễn Phú Trọng đã nhấn mạnh.")
    table = extract([doc])
    acts = {}
    for p in table.people:
        acts.setdefault(p.name, set()).update(p.acts)
    assert acts == {"Trương Thị Mai": {"đồng chủ trì", "phát biểu"}, "Tô Lâm": {"đồng chủ trì"},
                    "Nguyễn Thanh Hải": {"dự"}, "Nguyễn Phú Trọng": set()}
    (event,) = table.events
    assert (event.date, event.date_text, event.main) == ("2022-05-26", "26/5", True)
    assert {p.event_id for p in table.people if p.acts} == {event.event_id}


def test_seed_events_resolve_dates_and_places():
    main = {e.doc_id[:3]: (e.date, e.place) for e in FACTS.events if e.main}
    assert main == {"000": ("2016-11-04", "Hà Nội"), "001": ("2022-05-26", "Thừa Thiên Huế"),
                    "002": ("2020-04-28", "Hà Nội"), "003": ("2022-02-14", "Hà Nội"),
                    "004": ("2018-06-11", "Hà Nội")}
    past = [e for e in FACTS.events if e.doc_id.startswith("003") and not e.main]
    assert [e.date for e in past] == ["2016-06-15"]  # the 2016 signing the 2022 article recalls


def test_seed_programmes():
    by_number = {p.number: p for p in FACTS.programmes if p.number}
    p38 = by_number["38-Ctr/BDVTW-BCA"]
    assert p38.name == "Phối hợp thực hiện công tác dân vận giữa Ban Dân vận Trung ương và Bộ Công an, giai đoạn 2016 – 2021"
    assert (p38.period, p38.date, p38.parties) == ("2016 – 2021", "2016-06-15", ("Ban Dân vận Trung ương", "Bộ Công an"))
    hue = [p for p in FACTS.programmes if p.doc_id.startswith("001") and p.date]
    assert [(p.period, p.date, p.parties) for p in hue] == [("2022-2026", "2022-05-26", ("Ban Dân vận Tỉnh ủy", "Công an tỉnh"))]
    hanoi = [p for p in FACTS.programmes if p.doc_id.startswith("000")]
    assert [(p.name, p.date_text, p.parties) for p in hanoi] == [
        ("Chương trình phối hợp công tác dân vận giai đoạn 2016-2021", "4-11", ("Ban Dân vận Thành ủy", "Công an TP Hà Nội"))]


def test_every_fact_span_is_a_sentence_of_its_document():
    docs = {d.doc_id: d.text for d in load_corpus(ROOT / "corpus").documents}
    for fact in (*FACTS.events, *FACTS.people, *FACTS.programmes):
        text = docs[fact.doc_id][fact.start : fact.end]
        assert text and text == text.strip()
    for p in FACTS.people:
        assert p.name in docs[p.doc_id][p.start : p.end]
        if p.role:
            assert all(part.strip() in docs[p.doc_id][p.start : p.end] for part in p.role.split(","))


@pytest.mark.parametrize("sentence, expected", [
    ("Ban Dân vận Thành ủy và Công an TP Hà Nội tổ chức ký kết", ["Ban Dân vận Thành ủy", "Công an TP Hà Nội"]),
    ("Bộ Công an và Ban Dân vận Trung ương đã ký kết", ["Bộ Công an", "Ban Dân vận Trung ương"]),
])
def test_organisations(sentence, expected):
    assert organisations(sentence) == expected


DEVSET = ROOT.parent / "shared" / "devset"


@pytest.mark.skipif(not (DEVSET / "gold.jsonl").is_file(), reason=f"the development set is absent ({DEVSET})")
def test_names_recalled_on_devset_list_evidence():
    """Every person a gold list question names is read, with an act, from its evidence sentences."""
    from danvan_qa.ingest.chunking import sentence_spans
    from danvan_qa.evaluation.gold import load_gold

    docs = {d.doc_id: d for d in load_corpus(DEVSET / "corpus").documents}
    table = extract(docs.values())
    items = [i for i in load_gold(DEVSET / "gold.jsonl", {k: d.text for k, d in docs.items()})
             if i.type in ("attendees", "chair", "speaker") and i.entities]
    found = total = with_act = 0
    for item in items:
        text = docs[item.doc_ids[0]].text
        spans = [(a, b) for a, b in sentence_spans(text)
                 if any(ev in text[a:b] or text[a:b] in ev for ev in item.evidence)]
        read = {p.name: p.acts for p in table.people if p.doc_id == item.doc_ids[0] and (p.start, p.end) in spans}
        total += len(item.entities)
        found += sum(e in read for e in item.entities)
        with_act += sum(bool(read.get(e)) for e in item.entities)
    assert total >= 20
    assert found / total >= 0.9 and with_act / total >= 0.9


def test_programme_with_a_slash_number_its_own_date_and_parties():
    from danvan_qa.ingest.corpus import Document

    text = ("Ngày 26/6, Công an tỉnh và Ủy ban MTTQ tỉnh tổng kết 10 năm thực hiện Chương trình phối hợp số "
            "09/Ctr-BCA-TTTW ngày 1/8/2013 giữa Bộ Công an với Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam về "
            "\"Đẩy mạnh phong trào bảo vệ ANTQ trong tình hình mới\" giai đoạn 2013-2023.")
    doc = Document("x", "x.txt", "Tổng kết", "2023-06-27", None, None, None, text, "h")
    (p,) = extract([doc]).programmes
    assert (p.number, p.period, p.date, p.name) == (
        "09/Ctr-BCA-TTTW", "2013-2023", "2013-08-01", "Đẩy mạnh phong trào bảo vệ ANTQ trong tình hình mới")
    assert p.parties == ("Bộ Công an", "Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam")


def test_a_plan_signed_for_half_a_year_is_a_programme_of_its_parties():
    """"A vừa ký kết kế hoạch phối hợp … 6 tháng cuối năm 2025 với B": a cooperation document with neither number
    nor period, whose parties are the subject and the body after "với"; a plan named in passing is none."""
    from danvan_qa.ingest.corpus import Document

    text = ("Ngày 11/7, Ban Tuyên giáo và Dân vận Thành ủy Lạc Sơn vừa ký kết kế hoạch phối hợp thực hiện công tác "
            "dân vận 6 tháng cuối năm 2025 với Bộ Chỉ huy Quân sự thành phố. Các đơn vị sẽ xây dựng báo cáo theo kế "
            "hoạch phối hợp năm 2024 đã có.")
    doc = Document("x", "x.txt", "Ký kết", "2025-07-12", None, None, None, text, "h")
    (p,) = extract([doc]).programmes
    assert (p.name, p.number, p.period, p.date) == (
        "kế hoạch phối hợp thực hiện công tác dân vận 6 tháng cuối năm 2025", None, None, "2025-07-11")
    assert p.parties == ("Ban Tuyên giáo và Dân vận Thành ủy Lạc Sơn", "Bộ Chỉ huy Quân sự thành phố")


@pytest.mark.parametrize("text, expected", [
    # registering for a plan, or its secretary, is no signing
    ("Các chi hội đăng ký kế hoạch phối hợp năm 2025 với Hội Nông dân xã Đông Phú.", []),
    ("Ông Lê Văn Tâm, thư ký kế hoạch phối hợp năm 2025 của Ban Dân vận Tỉnh ủy, trình bày báo cáo.", []),
    # a plan carrying out a numbered programme is that programme's signing
    ("Ngày 5/3, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết Kế hoạch phối hợp thực hiện Chương trình số 05 năm 2025.",
     [("Chương trình số 05", None, ())]),
    # the signers are the clause's, not a body named before it
    ("Tại hội nghị do Ủy ban MTTQ tỉnh chủ trì, Ban Dân vận Tỉnh ủy đã ký kết kế hoạch phối hợp năm 2025 với Công an tỉnh.",
     [("kế hoạch phối hợp năm 2025", None, ("Ban Dân vận Tỉnh ủy", "Công an tỉnh"))]),
    # a plan of a period has it; the name stops at its clause
    ("Ngày 5/3, Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết kế hoạch phối hợp giai đoạn 2025-2030, trong đó năm 2026 tập "
     "trung vào vùng biên giới.", [("kế hoạch phối hợp giai đoạn 2025-2030", "2025-2030", ("Ban Dân vận Tỉnh ủy", "Công an tỉnh"))]),
    # "với B" before the year is a party; a year of what it is for is no plan's
    ("Ngày 5/3, Ban Dân vận Tỉnh ủy ký kết kế hoạch phối hợp với Hội Nông dân tỉnh năm 2025.",
     [("kế hoạch phối hợp với Hội Nông dân tỉnh năm 2025", None, ("Ban Dân vận Tỉnh ủy", "Hội Nông dân tỉnh"))]),
    ("Ngày 5/3, Ban Dân vận Tỉnh ủy ký kết kế hoạch phối hợp với Hội Cựu chiến binh tỉnh để tổ chức Đại hội năm 2025.", []),
])
def test_what_is_a_plan_signed_and_who_signed_it(text, expected):
    from danvan_qa.ingest.corpus import Document

    doc = Document("x", "x.txt", "Ký kết", "2025-03-10", None, None, None, text, "h")
    assert [(p.name, p.period, p.parties) for p in extract([doc]).programmes] == expected


def test_a_programme_signed_between_the_two_units_is_the_subjects():
    """"A và B ký kết chương trình phối hợp giữa hai đơn vị …": the parties are the subject's."""
    from danvan_qa.ingest.corpus import Document

    text = ("Ngày 5/3, Công an tỉnh và Ủy ban MTTQ Việt Nam tỉnh tổ chức hội nghị ký kết chương trình phối hợp "
            "giữa hai đơn vị về \"Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc\" giai đoạn 2023-2033.")
    doc = Document("x", "x.txt", "Ký kết", "2023-03-06", None, None, None, text, "h")
    (p,) = extract([doc]).programmes
    assert p.period == "2023-2033" and p.parties == ("Công an tỉnh", "Ủy ban MTTQ Việt Nam tỉnh")


@pytest.mark.parametrize("text, number, date, parties", [
    ("Căn cứ vào Chương trình số 02-CTr/BDVTU-CAT, ngày 15/12/2017 về phối hợp công tác dân vận giữa Ban Dân vận "
     "Tỉnh ủy, Bộ Chỉ huy Quân sự tỉnh và Công an tỉnh năm 2018.", "02-CTr/BDVTU-CAT", "2017-12-15",
     ("Ban Dân vận Tỉnh ủy", "Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh")),
    ("Ban Dân vận Thành ủy và Công an thành phố đã xây dựng Chương trình phối hợp công tác dân vận số "
     "15-CTr/BDV-CA ngày 22/01/2018 về công tác dân vận năm 2018.", "15-CTr/BDV-CA", "2018-01-22",
     ("Ban Dân vận Thành ủy", "Công an thành phố")),
    # once given in full, an article shortens the code to its number
    ("Chương trình phối hợp số 09 giữa Công an tỉnh và Ủy ban MTTQ Việt Nam tỉnh đã góp phần giữ vững an ninh.",
     "09", None, ("Công an tỉnh", "Ủy ban MTTQ Việt Nam tỉnh")),
])
def test_a_programme_named_only_by_its_number(text, number, date, parties):
    """No quoted name and no period: the number names it; its parties follow "giữa", or are the subject."""
    from danvan_qa.ingest.corpus import Document

    doc = Document("x", "x.txt", "Dân vận", "2018-06-01", None, None, None, text, "h")
    (p,) = extract([doc]).programmes
    assert (p.number, p.date, p.parties) == (number, date, parties)
    assert p.name.startswith("Chương trình") and p.name.endswith(number)
