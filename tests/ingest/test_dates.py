import datetime as dt

from danvan_qa.ingest import dates
from danvan_qa.ingest.dates import article_date, find_dates, infer_year


def test_full_and_short_dates():
    found = [(d.day, d.month, d.year) for d in find_dates("Ngày 4-11, ... (ngày 27-5-2016) Chiều ngày 26/5")]
    assert found == [(4, 11, None), (27, 5, 2016), (26, 5, None)]


def test_the_long_form_in_the_order_dates_stand():
    text = "Ngày 4-11, công ty thành lập ngày 1 tháng 4 năm 1976; ông mất ngày 4 tháng 7, còn ngày 31 tháng 2 năm 1990 thì không có."
    found = [(text[d.start:d.end], d.day, d.month, d.year) for d in find_dates(text)]
    assert found == [("4-11", 4, 11, None), ("1 tháng 4 năm 1976", 1, 4, 1976), ("4 tháng 7", 4, 7, None)]
    assert [(d.day, d.month, d.year) for d in find_dates("ngày 2 tháng 9/1945")] == [(2, 9, 1945)]
    assert list(find_dates("Tết Trung thu, ngày 15 tháng 8 âm lịch")) == []  # lunar: no calendar day
    assert list(find_dates("Lễ hội diễn ra vào ngày 10/3 âm lịch hằng năm")) == []  # written short, too


def test_periods_and_document_numbers_are_not_dates():
    assert list(find_dates("giai đoạn 2016-2021, Nghị quyết 25-NQ/TW, 2022 - 2026, 38-Ctr")) == []
    # a bare d/m without a cue word is not taken for a date
    assert list(find_dates("tỉ lệ 3/4 số xã")) == []


def test_invalid_day_month_rejected():
    assert list(find_dates("ngày 31/2/2020 và ngày 12/13")) == []


def test_header_dates():
    assert article_date("Thứ Hai, 14/02/2022 15:12", "") == dt.date(2022, 2, 14)
    assert article_date("Cập nhật:26/05/2022 5:24:35 CH", "") == dt.date(2022, 5, 26)
    assert article_date("Thứ Ba, 12/06/2018, 08:55 [GMT+7]", "") == dt.date(2018, 6, 12)


def test_year_inferred_from_the_article():
    body = "Ngày 4-11, Ban Dân vận ký kết ... giai đoạn 2016-2021 ... (ngày 27-5-2016)."
    assert infer_year(body) == 2016
    assert article_date("", body) == dt.date(2016, 11, 4)
    body = "Ngày 28/4, Bí thư làm việc ... năm 2019, ba tháng đầu năm ... cuối năm 2020."
    assert article_date("", body) == dt.date(2020, 4, 28)


def test_no_date():
    assert article_date("", "Không có ngày tháng nào ở đây.") is None


def test_document_numbers_of_every_kind_and_shape():
    text = ("Chương trình số 38-Ctr/BDVTW-BCA, Chương trình phối hợp số 13/CTrPH-CA-MTTQ-CTCTV, "
            "Quyết định số 290-QĐ/TƯ, Hướng dẫn 01-HD/BDVTW và Kế hoạch 03-KH/BCĐ; ngày 15/6/2016, tỷ lệ 12/15.")
    assert [m.group(0) for m in dates.CODE.finditer(text)] == [
        "38-Ctr/BDVTW-BCA", "13/CTrPH-CA-MTTQ-CTCTV", "290-QĐ/TƯ", "01-HD/BDVTW", "03-KH/BCĐ"]
