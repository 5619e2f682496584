from pathlib import Path

import pytest

from danvan_qa.corpus import load_corpus
from danvan_qa.facts import extract
from danvan_qa.questions import parse, places

FACTS = extract(load_corpus(Path(__file__).resolve().parents[1] / "corpus").documents)


@pytest.mark.parametrize("question, kind", [
    ("Ai tham dự lễ ký kết ngày 4-11 ở Hà Nội?", "attendees"),
    ("ai dong chu tri buoi lam viec 11/6/2018", "chair"),
    ("Ai phát biểu chỉ đạo tại hội nghị ở Thừa Thiên Huế?", "speaker"),
    ("Giám đốc Công an tỉnh Thừa Thiên Huế là ai?", "role"),
    ("Đoàn Duy Khương giữ chức vụ gì?", "person_role"),
    ("to lam mang quan ham gi", "rank"),
    ("Chương trình số 38-Ctr/BDVTW-BCA là gì?", "program_name"),
    ("ky ket 26/5 giai doan nao", "program_period"),
    ("Chương trình được ký giữa những cơ quan nào?", "parties"),
    ("vuong dinh hue lam viec voi ban dan van ngay nao", "date"),
    ("Buổi làm việc diễn ra ở đâu?", "place"),
    ("bao nhieu mo hinh dan van kheo", "number"),
    ("Nghị quyết lần thứ mấy được nhắc tới?", "number"),
    ("Tổ chức bộ máy cần sắp xếp như thế nào?", "other"),  # "máy" is not "mấy"
    ("Ngoài hai đồng chí chủ trì, ai cùng dự buổi làm việc?", "attendees"),
])
def test_classification(question, kind):
    from danvan_qa.restore import Restorer, Vocabulary
    from danvan_qa.normalize import syllables

    restorer = Restorer(Vocabulary.from_token_lists(syllables(d.text) for d in load_corpus(
        Path(__file__).resolve().parents[1] / "corpus").documents))
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
])
def test_places_the_question_names(restored, expected):
    assert places(restored) == expected
