"""Typed spans inside a sentence: the number, year, duration or place a question asks for."""

import pytest

from danvan_qa.qa.extractive import (Sentence, date_span, duration_span, number_span, period_span, place_span,
                                     year_span)
from danvan_qa.qa.periods import relative_period
from danvan_qa.ingest.facts import FactTable
from danvan_qa.qa.questions import parse


def s(text: str, start: int = 100) -> Sentence:
    return Sentence("d", start, start + len(text), text, 0.0)


def q(text: str):
    return parse(text, text, FactTable())


@pytest.mark.parametrize("question, sentence, expected", [
    ("Có bao nhiêu mô hình Dân vận khéo?", "Toàn tỉnh có 2.071 mô hình được đăng ký.", "2.071"),
    ("Bao nhiêu Công an tỉnh đã ký kết?", "Đến nay 63/63 Công an tỉnh đã ký kết.", "63/63"),
    ("Bao nhiêu Công an tỉnh đã ký kết?", "Có 62/63 đơn vị Công an tỉnh, thành phố đã ký.", "62/63"),
    ("Bao nhiêu Công an tỉnh đã ký kết?", "Ngày 15/6/2016, Bộ Công an đã ký kết.", None),  # a date is no count
    ("Bộ Công an ủng hộ bao nhiêu tiền?", "Bộ Công an đã ủng hộ hơn 6,5 tỷ đồng cho các tỉnh.", "hơn 6,5 tỷ đồng"),
    ("Giá bao nhiêu tiền một suất?", "Mỗi suất có giá từ 25.000 đến 40.000 đồng.", "25.000 đến 40.000 đồng"),  # a range
    ("Có bao nhiêu đại biểu dự?", "Hội nghị diễn ra sáng nay.", None),
    # "mỗi đơn vị … một mô hình" is per unit, no total; a year's figure is a total
    ("Công an tỉnh xây dựng bao nhiêu mô hình?", "Tỉnh chỉ đạo các đơn vị, mỗi đơn vị tối thiểu xây dựng một mô hình.",
     None),
    ("Mỗi đơn vị xây dựng bao nhiêu mô hình?", "Tỉnh chỉ đạo các đơn vị, mỗi đơn vị tối thiểu xây dựng một mô hình.",
     "một"),
    ("Hồ đón bao nhiêu lượt khách?", "Mỗi năm hồ đón hơn 300 nghìn lượt khách.", "hơn 300"),
    ("Bao nhiêu già làng dự hội nghị?", "Dự có lãnh đạo tỉnh; cùng 30 già làng, trưởng bản.", "30"),  # not "giá"
    ("Năm 2021 số mô hình tăng bao nhiêu?", "Số mô hình năm 2021 tăng 276 mô hình so với năm 2020.", "276"),
    # the unit kept, not the verb after it; "số mấy" shown from "số"
    ("Hội nghị sơ kết bao nhiêu năm thực hiện Nghị quyết?", "Hội nghị sơ kết 05 năm thực hiện Nghị quyết.", "05 năm"),
    ("Tỉnh tiếp Đoàn kiểm tra số mấy?", "Tỉnh tiếp Đoàn kiểm tra số 1 của Ban Chỉ đạo.", "số 1"),
    ("Tây Nguyên có bao nhiêu người có uy tín?", "Tây Nguyên đã có hơn 8.100 người có uy tín.", "hơn 8.100"),
    ("Công an tỉnh thực hiện Chỉ thị số mấy?", "Công an tỉnh thực hiện Chỉ thị số 13 của Bộ.", "Chỉ thị số 13"),
])
def test_numbers_next_to_what_is_counted(question, sentence, expected):
    span = number_span(q(question), s(sentence))
    assert (span.text if span else None) == expected
    if span:  # offsets are the document's
        assert sentence[span.start - 100 : span.end - 100] == span.text


def test_a_year_the_question_does_not_name():
    span = year_span(q("Năm 2021 tỉnh đạt kết quả cao, còn năm nào nữa?"), s("Kết quả năm 2021 cao hơn năm 2019."))
    assert span.text == "2019"
    assert year_span(q("Năm nào?"), s("Ngày 4-11 đã ký kết.")) is None


@pytest.mark.parametrize("question, sentence, expected", [
    ("Sông chảy qua mấy quốc gia?", "Sông chảy qua sáu quốc gia trước khi ra biển.", "sáu"),
    ("Hội có bao nhiêu thành viên?", "Hai mươi lăm thành viên đã dự buổi họp.", "Hai mươi lăm"),
    ("Tỉnh có bao nhiêu mô hình?", "Tỉnh có 212 mô hình và hai đội.", "212"),  # digits first
    ("Sao Hỏa là hành tinh thứ mấy tính từ Mặt Trời?", "Sao Hỏa là hành tinh thứ tư tính từ Mặt Trời.", "thứ tư"),
    ("Đây là vườn quốc gia thứ mấy?", "Cúc Phương là vườn quốc gia đầu tiên của cả nước.", "đầu tiên"),
    ("Đoàn kiểm tra số mấy làm việc?", "Đoàn kiểm tra số 1 đã làm việc.", "số 1"),
])
def test_a_number_or_an_ordinal_in_digits_or_words(question, sentence, expected):
    found = number_span(q(question), s(sentence))
    assert (found.text if found else None) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    ("Văn Miếu được dựng lên từ bao giờ?", "Dưới triều Lý, Văn Miếu được xây dựng năm 1070 để thờ Khổng Tử.", "năm 1070"),
    ("Phố cổ hưng thịnh khi nào?", "Từ thế kỷ 16 đến thế kỷ 18, đây là thương cảng sầm uất.", "thế kỷ 16"),
    ("Sau trận năm 1288, khi nào nhà Trần dời đô?", "Năm 1288 thắng trận, đến năm 1400 thì mất ngôi.", "năm 1400"),  # not the year asked with
    ("Công ty ra đời ngày nào?", "Công ty được thành lập năm 1976 ở California.", None),  # a day is asked: a year is no answer
    ("Apple ra đời ngày nào?", "Công ty được thành lập vào ngày 1 tháng 4 năm 1976.", "1 tháng 4 năm 1976"),
    # a lunar day, as written; of two, the one after the question's words
    ("Hội thu của đình diễn ra bao giờ?", "Đình mở hội xuân vào ngày mùng 6 tháng Giêng âm lịch và hội thu từ ngày 10 "
     "đến ngày 12 tháng 8 âm lịch.", "từ ngày 10 đến ngày 12 tháng 8 âm lịch"),
    ("hoi xuan cua dinh vao ngay nao", "Đình mở hội xuân vào ngày mùng 6 tháng Giêng âm lịch.",
     "ngày mùng 6 tháng Giêng âm lịch"),
    ("Lễ hội diễn ra khi nào?", "Lễ hội diễn ra từ 10-12 tháng 3 âm lịch.", "từ 10-12 tháng 3 âm lịch"),
    ("Lễ hội diễn ra ngày nào?", "Lễ hội diễn ra vào ngày 10/3 âm lịch hằng năm.", "ngày 10/3 âm lịch"),
])
def test_a_date_in_any_written_form(question, sentence, expected):
    found = date_span(q(question), s(sentence), None)
    assert (found[0].text if found else None) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Cuộc thi được triển khai trong 3 tháng.", "3 tháng"),
    ("Hội nghị kéo dài hai ngày.", "hai ngày"),
    ("Cuộc thi diễn ra từ ngày 1/3 đến ngày 30/4.", "từ ngày 1/3 đến ngày 30/4"),
    ("Hội nghị đã thành công tốt đẹp.", None),
])
def test_durations(sentence, expected):
    span = duration_span(s(sentence))
    assert (span.text if span else None) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Lễ kết nghĩa diễn ra tại xã Phước Đức.", "xã Phước Đức"),
    ("Hội nghị được tổ chức ở Cần Thơ.", "Cần Thơ"),
    ("Tỉnh Đồng Tháp đăng cai hội nghị năm nay.", "Tỉnh Đồng Tháp"),
    ("Hội nghị đã thành công tốt đẹp.", None),
    # a person after a role ending in "tỉnh" is no place; a province's name ends the place
    ("Dự có Phó Chủ tịch UBND tỉnh Lương Văn Khải; Giám đốc Công an tỉnh.", None),
    ("Phó Chủ tịch UBND tỉnh Quảng Nam Hồ Minh Đạt phát biểu.", "tỉnh Quảng Nam"),
    ("Mô hình ra đời ở huyện Lê Thủy.", "huyện Lê Thủy"),  # a district may bear a person's name
    # land and water named by their noun, after "tại / ở" or a verb of going
    ("Ông mất do tai nạn tại đèo Khau Vai.", "đèo Khau Vai"),
    ("Sau trận đánh, đoàn quân rút lên đỉnh núi Hàm Rồng rồi tản về các làng.", "đỉnh núi Hàm Rồng"),
    ("Bà sinh năm 1901 tại thị trấn Morez, miền đông nước Pháp.", "thị trấn Morez"),
    ("Chủ tịch Hồ Chí Minh gửi thư khen.", None),  # "Hồ" is a name here, not a lake
    ("Trận lượt về diễn ra trên sân Tây Giang, tỉnh Nam Sơn.", "sân Tây Giang"),  # a ground, after "trên"
    ("Ban nhạc biểu diễn trên sân khấu chính.", None),  # a stage is no ground
])
def test_places(sentence, expected):
    span = place_span(s(sentence), None)
    assert (span.text if span else None) == expected


@pytest.mark.parametrize("question, expected", [
    ("Chương trình phối hợp giai đoạn tiếp theo là giai đoạn nào?", "2022 – 2026"),
    ("Hội nghị đánh giá kết quả của giai đoạn trước là giai đoạn nào?", "2016 – 2021"),
    ("Hội nghị tổng kết chương trình phối hợp giai đoạn nào?", "2016 – 2021"),  # no relative period: the clause decides
])
def test_a_relative_period_is_the_later_or_the_earlier(question, expected):
    sentence = s("Hội nghị tổng kết chương trình phối hợp giai đoạn 2016 – 2021 và nội dung chương trình giai đoạn 2022 – 2026.")
    assert period_span(q(question), sentence).text == expected


def test_which_questions_name_a_relative_period():
    assert relative_period(q("giai doan tiep theo la giai doan nao")) is True
    assert relative_period(q("Giai đoạn trước là giai đoạn nào?")) is False
    assert relative_period(q("Chương trình áp dụng cho giai đoạn nào?")) is None
    assert relative_period(q("chuong trinh truoc do la giai doan nao")) is False  # asked of the programme
    assert relative_period(q("Chương trình phối hợp trước năm 2018 là giai đoạn nào?")) is None  # a bound, not relative
    assert relative_period(q("Chương trình phối hợp trước 2018 là giai đoạn nào?")) is None


@pytest.mark.parametrize("sentence, expected", [
    ("Hai bên ký kế hoạch phối hợp công tác dân vận 6 tháng cuối năm 2025.", "6 tháng cuối năm 2025"),
    ("Triển khai nhiệm vụ quý III năm 2023 và những tháng tiếp theo.", "quý III năm 2023"),
    ("Chương trình giai đoạn 2016 – 2021 và kế hoạch 6 tháng đầu năm 2022.", "2016 – 2021"),  # a span of years first
])
def test_a_period_inside_one_year_when_no_span_of_years_is_named(sentence, expected):
    assert period_span(q("Kế hoạch áp dụng cho giai đoạn nào?"), s(sentence)).text == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Vào đầu thập niên 1930, người Pháp dựng tại đây một khu nghỉ mát.", "đầu thập niên 1930"),
    ("Nghề này hình thành ở đây từ khoảng cuối thế kỷ XVI.", "cuối thế kỷ XVI"),
    ("Vào mùa mưa, từ tháng Năm đến tháng Tám, nước đổ về rất lớn.", "từ tháng Năm đến tháng Tám"),
    ("Lễ hội diễn ra từ ngày 20 đến ngày 23 tháng Ba âm lịch hằng năm.", "từ ngày 20 đến ngày 23 tháng Ba âm lịch"),
    ("Các đền được xây dựng trong khoảng từ thế kỷ X đến thế kỷ XII.", "từ thế kỷ X đến thế kỷ XII"),
    ("Nhà giáo Lê Văn Khang (1310–1375) dạy học ở quê.", "1310–1375"),
    ("Chương trình giai đoạn 2016 – 2021 kéo dài từ năm 2016 đến thế kỷ sau.", "2016 – 2021"),  # years first
])
def test_a_span_of_time_written_out_when_no_span_of_years_is_named(sentence, expected):
    assert period_span(q("Việc đó diễn ra trong giai đoạn nào?"), s(sentence)).text == expected


def test_a_sentence_without_a_span_of_time_has_no_period():
    assert period_span(q("giai đoạn nào?"), s("Thứ Năm, họp từ 8 giờ đến 10 giờ tại hội trường.")) is None
    assert period_span(q("giai đoạn nào?"), s("Năm 2023 đơn vị có 120 cán bộ.")) is None  # one year is no span


def test_the_new_programme_asked_is_the_later_period():
    sentence = "Chương trình giai đoạn 2018 - 2023 đạt kết quả; nay hai bên ký chương trình giai đoạn 2023 - 2026."
    asked = parse("Chương trình phối hợp mới áp dụng cho giai đoạn nào?", "Chương trình phối hợp mới áp dụng cho giai đoạn nào?",
                  FactTable())
    assert period_span(asked, s(sentence)).text == "2023 - 2026"


def test_a_programme_that_has_just_ended_asks_no_later_period():
    just = parse("Chương trình phối hợp mới kết thúc là giai đoạn nào?", "Chương trình phối hợp mới kết thúc là giai đoạn nào?",
                 FactTable())
    assert relative_period(just) is None  # "mới" as "just": no relative period
