from pathlib import Path

import pytest

from danvan_qa.ingest.corpus import load_corpus
from danvan_qa.ingest.facts import extract
from danvan_qa.qa.questions import parse, places

FACTS = extract(load_corpus(Path(__file__).resolve().parents[2] / "corpus").documents)


@pytest.mark.parametrize("question, kind", [
    ("Ai tham dự lễ ký kết ngày 4-11 ở Hà Nội?", "attendees"),
    ("ai dong chu tri buoi lam viec 11/6/2018", "chair"),
    ("Những người nào đã chủ trì hội nghị?", "chair"),  # "người nào" asks for people, as "ai" does
    ("Người dân tộc nào sinh sống ở xã?", "other"),  # … but not when a noun follows "người"
    ("Ai phát biểu chỉ đạo tại hội nghị ở Thừa Thiên Huế?", "speaker"),
    ("Giám đốc Công an tỉnh Thừa Thiên Huế là ai?", "role"),
    ("Đoàn Duy Khương giữ chức vụ gì?", "person_role"),
    ("Đoàn Duy Khương còn là trưởng ban chỉ đạo nào?", "person_role"),  # not "chỉ đạo": an act
    ("Đoàn Duy Khương là ai?", "person_role"),
    ("Người cùng dự lễ ký kết với Đoàn Duy Khương là ai?", "role"),  # one named beside the one asked for
    ("Hội nghị diễn ra hôm nào?", "date"),
    ("Điều Đại tá Đoàn Duy Khương nhấn mạnh là bí thư chi bộ phải làm gì?", "other"),  # no role asked of him
    ("to lam mang quan ham gi", "rank"),
    ("Tô Lâm mang hàm gì?", "rank"),  # "hàm" without "quân"
    ("Chương trình số 38-Ctr/BDVTW-BCA là gì?", "program_name"),
    ("ky ket 26/5 giai doan nao", "program_period"),
    ("Kế hoạch phối hợp áp dụng cho thời gian nào?", "program_period"),
    ("Thành cổ Tây Lâm là kinh đô trong khoảng thời gian nào?", "program_period"),  # a span, not a day
    ("Lễ ký kết diễn ra vào thời gian nào?", "date"),
    ("Chương trình được ký giữa những cơ quan nào?", "parties"),
    ("vuong dinh hue lam viec voi ban dan van ngay nao", "date"),
    ("Buổi làm việc diễn ra ở đâu?", "place"),
    ("Công an tỉnh kết nghĩa với xã nào?", "place"),  # a commune, district or ward is a place
    ("mo hinh thuc hien o huyen nao", "place"),
    ("Nhân dân tham gia chương trình quốc gia nào?", "program_name"),
    ("bao nhieu mo hinh dan van kheo", "number"),
    ("Nghị quyết lần thứ mấy được nhắc tới?", "number"),
    ("Tổ chức bộ máy cần sắp xếp như thế nào?", "other"),  # "máy" is not "mấy"
    ("Ngoài hai đồng chí chủ trì, ai cùng dự buổi làm việc?", "attendees"),
    # who-questions read by their focus and the act after it, whatever else they mention
    ("Giám đốc Công an tỉnh nào đã phát biểu tại lễ ký kết?", "speaker"),
    ("Lãnh đạo Tỉnh ủy nào có mặt tại hội nghị ngày 26/5?", "attendees"),
    ("Hai đồng chí nào cùng ký kết chương trình phối hợp?", "attendees"),
    ("Hội nghị có Thượng tướng Tô Lâm dự do ai chủ trì?", "chair"),
    ("Thượng tướng nào ghi nhận kết quả tại hội nghị?", "speaker"),
    ("Chủ tịch Hội Cựu chiến binh thành phố tên là gì?", "role"),
    ("Giám đốc Công an tỉnh dự buổi làm việc với Phó Chủ tịch Ngô Thị Thanh Hằng là ai?", "role"),
    # … and questions that only look like them
    ("Thượng tướng Tô Lâm sinh năm nào?", "date"),
    ("Đơn vị nào đoạt giải nhất hội thi?", "parties"),  # an organisation, not a person
    ("Giải ba của hội thi thuộc về ai?", "other"),
    ("Lễ ký kết kéo dài bao lâu?", "duration"),
    ("Khi nào thì tập thể được tặng Giấy khen?", "other"),  # a condition, not a date
    ("khi nao thi dan se an long", "other"),
    ("Ngoài chương trình phối hợp, hội nghị còn ký kết gì?", "other"),
    ("Chương trình phối hợp giai đoạn 2023-2033 nhằm đẩy mạnh phong trào gì?", "other"),
    ("Ngày hội toàn dân bảo vệ an ninh Tổ quốc được nhắc tới trong những tin nào?", "other"),  # a festival's name
    ("Ngày nay quần thể tháp còn mấy tháp?", "number"),  # "ngày nay" is nowadays, no date asked
    ("Ngày ký kết chương trình phối hợp?", "date"),
    ("Ngày 8-9, Ban Dân vận Tỉnh ủy tiếp đoàn công tác của tỉnh nào?", "place"),  # the day is given, a place asked
    ("Ngày 18/9/2024, Ban Dân vận Tỉnh ủy tiếp đoàn công tác của tỉnh nào?", "place"),
    ("Ngày lễ ký kết?", "date"),
    ("Hội thi ở quận Đông Hà có mấy đội dự thi?", "number"),  # how many took part, not who
    ("Hội nghị ông dự là tổng kết 10 năm thực hiện nghị quyết nào?", "other"),  # a document, not who attended
    ("Hội nghị diễn ra ngày mấy?", "date"),
    ("Hội thi kéo dài mấy ngày?", "duration"),
    ("Chương trình có thời hạn mấy năm, giai đoạn nào?", "program_period"),
    ("Chương trình có thời hạn bao lâu, giai đoạn nào?", "program_period"),  # the period answers both
    ("Thời gian thực hiện mô hình là từ năm nào đến năm nào?", "program_period"),  # a span, not a year
])
def test_classification(question, kind):
    from danvan_qa.ingest.restore import Restorer, Vocabulary
    from danvan_qa.ingest.normalize import syllables

    restorer = Restorer(Vocabulary.from_token_lists(syllables(d.text) for d in load_corpus(
        Path(__file__).resolve().parents[2] / "corpus").documents))
    assert parse(question, restorer.restore(question), FACTS).kind == kind


def test_constraints():
    q = parse("Lễ ký kết ngày 4-11 ở Hà Nội giai đoạn 2016 - 2021 theo Chương trình 38-Ctr/BDVTW-BCA của Ngô Thị Thanh Hằng",
              "", FACTS)
    assert q.dates[0] == (4, 11, None)
    assert q.periods == ("2016-2021",)
    assert q.codes == ("38-Ctr/BDVTW-BCA",)
    assert q.person == "Ngô Thị Thanh Hằng"
    assert "Hà Nội" in q.proper_nouns


@pytest.mark.parametrize("restored, expected", [
    ("Ai là Giám đốc Công an tỉnh Bình Dương?", ("binh duong",)),
    ("Ban Dân vận Tỉnh ủy Cà Mau và Công an tỉnh ký ngày nào?", ("ca mau",)),
    ("Hội thi ở quận 10 năm 2023 có bao nhiêu đội?", ("quan 10",)),
    ("Công an TP. Hà Nội ký với ai?", ("ha noi",)),
    ("ai là giám đốc công an tỉnh sơn la", ("son la",)),  # typed in lower case
    ("Nguyễn Văn An mang quân hàm gì?", ()),  # "quân hàm" is not "quận"
    ("Mô hình nào của Công an tỉnh liên quan đến cấp giấy?", ()),  # no capital: no name
    ("Công an tỉnh phát động phong trào ngày nào?", ()),
    ("Hội nghị với Ban Dân vận 12 tỉnh, thành diễn ra khi nào?", ()),
    ("Lễ kết nghĩa giữa Công an tỉnh và xã vùng cao Tây Đức là cho giai đoạn nào?", ("tay duc",)),  # not "và xã"
    ("Huyện miền núi Tân Hà có bao nhiêu xã?", ("tan ha",)),
])
def test_places_the_question_names(restored, expected):
    assert places(restored) == expected


@pytest.mark.parametrize("restored, expected", [
    ("năm 2021 tỉnh đồng nai có bao nhiêu mô hình", ("dong nai",)),  # a province, typed in lower case
    ("Tại hội nghị ở Bà Rịa - Vũng Tàu ai dự?", ("ba ria vung tau",)),
    ("Ai chủ trì lễ ký kết ở Thành phố Hồ Chí Minh?", ("ho chi minh",)),
    ("Đồng chí Nguyễn Thái Bình giữ chức vụ gì?", ()),  # the tail of a name is not the province
])
def test_provinces_are_read_whole_with_or_without_capitals(restored, expected):
    assert places(restored) == expected


@pytest.mark.parametrize("typed, expected", [
    ("nam 2021 tinh dong nai co bao nhieu mo hinh", ("dong nai",)),  # restored, it may read "đồng nại"
    ("hoi thi llvt quan 3 nam 2023 giai nhat thuoc ve ai", ("quan 3",)),  # no unit word to restore
    ("ba ria - vung tau co bao nhieu mo hinh", ("ba ria vung tau",)),
    ("cong an tp hue ky voi ai", ("hue",)),
    ("vuong dinh hue lam viec voi ai", ()),  # a one-syllable name needs its unit: here it ends a name
    ("ong nguyen thai binh giu chuc vu gi", ()),  # after a surname: a person
])
def test_a_question_without_diacritics_is_read_folded(typed, expected):
    assert places(typed, typed) == expected


@pytest.mark.parametrize("question, act", [
    ("Ai chủ trì buổi làm việc?", "chủ trì"),
    ("Những ai tham dự buổi làm việc của Chủ tịch tỉnh?", "dự"),  # "buổi làm việc" is the event
    ("Về phía Bộ Công an, ai dự lễ ký kết?", "dự"),
    ("ai làm việc với công an tỉnh", "làm việc"),  # lower case, as restored from "ai lam viec…"
    ("Ai đề nghị hai cơ quan quán triệt 5 yêu cầu?", "phát biểu"),
])
def test_the_act_asked_about(question, act):
    assert parse(question, question, FACTS).act == act


@pytest.mark.parametrize("question, topic", [
    ("Thủ đô của Pháp là gì?", ["thu", "do", "phap"]),  # "đô" is not the question word "đó"
    ("Hội nghị diễn ra ở đâu?", ["hoi", "nghi"]),  # "hội" is not "hỏi"
    ("hoi nghi dien ra o dau", ["nghi"]),  # typed without diacritics: matched folded
    ("Cây cầu có từ bao giờ?", ["cay", "cau", "tu"]),  # "giờ" of "bao giờ" asks, it is no topic
    ("Vì sao sông lại đổi tên?", ["song", "doi"]),  # nor "lại" of "sao … lại"
    ("Công an tỉnh Gia Lai ký kết chương trình nào?", ["cong", "an", "tinh", "gia", "lai", "ky", "ket", "chuong", "trinh"]),
])
def test_question_words_are_read_with_their_diacritics(question, topic):
    from danvan_qa.qa.questions import content_tokens

    assert content_tokens(parse(question, question, FACTS)) == topic


def test_a_person_is_named_by_whole_capitalised_words_or_in_a_question_typed_in_lower_case():
    from danvan_qa.ingest.facts import FactTable, Person

    known = FactTable((), tuple(Person("d", None, n, None, None, (), "khác", 0, 1) for n in ("Công An", "Tô Lâm", "An Hà")), ())
    assert parse("Những ai là Giám đốc Công an tỉnh được nêu tên?", "", known).person is None  # a body, not a name
    assert parse("Đại tướng Tô Lâm giữ chức vụ gì?", "", known).person == "Tô Lâm"
    assert parse("dai tuong to lam giu chuc vu gi", "", known).person == "Tô Lâm"  # typed in lower case
    assert parse("Ban Hà Nội làm việc với ai?", "", known).person is None  # "An Hà" is not in it, whole


@pytest.mark.parametrize("typed, kept, each", [
    ("Ai chủ trì hội nghị? Nêu từng người.", "Ai chủ trì hội nghị?", None),
    ("Công an tỉnh xây dựng bao nhiêu mô hình? Nêu từng con số.", "Công an tỉnh xây dựng bao nhiêu mô hình?", None),
    ("ai chu tri hoi nghi? ke ten", "ai chu tri hoi nghi?", None),
    # a request after the question, as users chat: "kể tên giúp mình", "cho mình danh sách tên nhé"
    ("giam doc cong an tinh nao duoc neu ten? ke ten giup minh", "giam doc cong an tinh nao duoc neu ten?", None),
    ("ai chu tri hoi nghi? cho minh danh sach ten nhe", "ai chu tri hoi nghi?", None),
    ("Cho mình hỏi, ai chủ trì hội nghị?", "Ai chủ trì hội nghị?", None),  # asking, before the question
    ("xin hoi ai chu tri hoi nghi", "Ai chu tri hoi nghi", None),
    ("Cho học sinh bao nhiêu suất?", "Cho học sinh bao nhiêu suất?", None),  # "cho" of the question itself
    ("Công an tỉnh xây dựng bao nhiêu mô hình? Liệt kê các con số mà bài viết nêu.",
     "Công an tỉnh xây dựng bao nhiêu mô hình?", None),
    ("Ai chủ trì hội nghị? Nêu rõ chức vụ.", "Ai chủ trì hội nghị? Nêu rõ chức vụ.", None),  # a second thing asked
    ("Kể tên những người dự hội nghị.", "Kể tên những người dự hội nghị.", None),  # the question itself
    # "Theo các bài báo, …" frames a question across articles; one article's own reading drops it
    ("Theo các bài báo, Công an tỉnh xây dựng bao nhiêu mô hình?", "Theo các bài báo, Công an tỉnh xây dựng bao nhiêu mô hình?",
     "Công an tỉnh xây dựng bao nhiêu mô hình?"),
    ("Theo bài viết về lễ ký kết, ai chủ trì?", "Theo bài viết về lễ ký kết, ai chủ trì?", None),  # names its article
    # who asks, a request for a list of people, a count said after its title
    ("Biên tập viên đài địa phương hỏi: những sự kiện nào diễn ra vào tháng 11? Kể tên từng sự kiện.",
     "Những sự kiện nào diễn ra vào tháng 11?", None),
    ("Cho tôi danh sách đầy đủ những người được ghi là Thứ trưởng Bộ Nội vụ.",
     "Những người nào được ghi là Thứ trưởng Bộ Nội vụ?", None),
    ("Thiếu tướng thì có mấy người?", "Có mấy người là Thiếu tướng?", None),
    ("Giúp tôi liệt kê những người được bài viết ghi là Thứ trưởng.", "Những người nào được bài viết ghi là Thứ trưởng?", None),
    ("Hội nghị thì có bao nhiêu người?", "Hội nghị thì có bao nhiêu người?", None),  # who attended one event
    ("thế lễ trao giải tổ chức hôm nào?", "thế lễ trao giải tổ chức ngày nào?", None),  # which day, as said in chat
    ("Hôm nào ký?", "Ngày nào ký?", None),
    # how to count, said before a question that says it again
    ("Đếm theo bài báo (không đếm sự kiện): có bao nhiêu bài nhắc tới Chương trình số 17?",
     "Có bao nhiêu bài nhắc tới Chương trình số 17?", None),
    ("dem theo su kien: co bao nhieu hoi nghi tong ket?", "Co bao nhieu hoi nghi tong ket?", None),
    ("Mình đang làm hồ sơ khen thưởng bên Mặt trận: những ai dự hội nghị?", "Những ai dự hội nghị?", None),  # why asked
    # each row of a list of people shows the role: asking for it again frames the list
    ("Những ai dự hội nghị? Ghi kèm chức vụ của từng người như bài viết.", "Những ai dự hội nghị?", None),
    ("nhung ai du hoi nghi? cho biet chuc vu cua tung nguoi", "nhung ai du hoi nghi?", None),
    # how to count, said after the question, clause by clause; an exclusion beside it stays
    ("co bao nhieu bai viet nhac den Chuong trinh so 17? tinh theo bai", "co bao nhieu bai viet nhac den Chuong trinh so 17?",
     None),
    ("Có bao nhiêu lễ ký kết? Tính theo sự kiện: hai bài cùng đưa tin một hội nghị chỉ tính một.", "Có bao nhiêu lễ ký kết?",
     None),
    ("Những hội nghị nào? Mỗi hội nghị kể một lần, không tính hội nghị sơ kết.",
     "Những hội nghị nào? không tính hội nghị sơ kết.", None),
    ("Những hội nghị nào được đưa tin? Xin liệt kê theo thứ tự thời gian.", "Những hội nghị nào được đưa tin?", None),
    ("Ai chủ trì? Ai phát biểu?", "Ai chủ trì? Ai phát biểu?", None),  # a second question is no rule
    ("Có bao nhiêu hội nghị năm 2023? Tính theo tỉnh thì tỉnh nào nhiều nhất?",  # a rule's words that ask: a question
     "Có bao nhiêu hội nghị năm 2023? Tính theo tỉnh thì tỉnh nào nhiều nhất?", None),
])
def test_words_that_only_frame_a_question_are_dropped(typed, kept, each):
    from danvan_qa.qa.asides import without_asides

    assert without_asides(typed) == kept
    assert without_asides(typed, lead=True) == (each or kept)


def test_a_sentences_first_word_is_no_name():
    asked = parse("Công an tỉnh có bao nhiêu mô hình? Nêu rõ mô hình của Đồn Biên phòng.",
                  "Công an tỉnh có bao nhiêu mô hình? Nêu rõ mô hình của Đồn Biên phòng.", FACTS)
    assert asked.proper_nouns == ("Đồn Biên",)  # not "Nêu", which starts the second sentence
    for text, name in (("Ai là Giám đốc Công an TP. Hồ Chí Minh?", "Hồ Chí Minh"),
                       ("PGS.TS. Nguyễn Văn Bình là ai?", "Nguyễn Văn Bình")):  # an abbreviation's dot ends no sentence
        assert name in parse(text, text, FACTS).proper_nouns


@pytest.mark.parametrize("folded, restored, counting", [
    ("co may nguoi mang ham thieu tuong", "có mấy người mang hàm thiếu tướng", True),
    ("bao nhieu chuong trinh", "bao nhiêu chương trình", True),
    ("nhung ai la thu truong", "những ai là thứ trưởng", False),
    ("may bay nao cho doan cong tac", "máy bay nào chở đoàn công tác", False),  # "máy" folds to "may" too
])
def test_a_list_asking_how_many_is_answered_by_its_count(folded, restored, counting):
    from danvan_qa.qa.records import counts

    assert counts(folded, restored) is counting


@pytest.mark.parametrize("place, text", [
    ("hcm", "cong an tphcm to chuc hoi nghi"),
    ("hcm", "tai tp.hcm, ban dan van"),
    ("ho chi minh", "ban dan van thanh uy tp hcm"),
    ("hcm", "thanh pho ho chi minh"),
])
def test_ho_chi_minh_city_is_held_however_the_press_shortens_it(place, text):
    from danvan_qa.qa.questions import place_in

    assert place_in(place, text)
    assert place_in(place, text, r"(?:tai|tp|thanh pho)\s+")  # still after its unit word
    assert not place_in(place, "cong an tinh bac ha")


def test_units_in_the_plural_name_no_place_unless_a_name_follows():
    from danvan_qa.qa.questions import places

    assert places("công an các tỉnh đang duy trì bao nhiêu mô hình", None) == ()  # not a place "Đang Duy"
    assert "bo trach" in places("Ban Dân vận các huyện Bố Trạch, Quảng Ninh ký kết", None)


@pytest.mark.parametrize("question", ["Bộ trưởng Bộ Công an ban hành chỉ thị nào về công tác dân vận?",
                                      "Giám đốc Công an tỉnh ký quyết định nào?"])
def test_a_document_asked_for_is_no_person(question):
    """"X ban hành chỉ thị nào?": the "nào" asks for the document, not for the title before it."""
    assert parse(question, question, FACTS).kind not in ("role", "speaker", "chair", "attendees")


@pytest.mark.parametrize("text, named", [
    ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"), ("TP.HCM", "Hồ Chí Minh"), ("tỉnh Hà Giang", "Hà Giang"),
    ("ha giang", "Hà Giang"), ("Nam Sơn", None), ("Hà Giang là ai", None),  # a name outside it; more than a name
])
def test_a_province_of_the_gazetteer_is_read_however_it_is_written(text, named):
    from danvan_qa.qa.questions import gazetteer_province

    assert gazetteer_province(text) == named
