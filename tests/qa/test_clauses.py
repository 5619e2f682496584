"""The short answer of "vì sao / như thế nào / là gì": the clause a cue word of the question's form
opens in the chosen sentence, and none where no cue stands (invented sentences)."""

import pytest

from danvan_qa.ingest.facts import FactTable
from danvan_qa.qa.clauses import asked_clause
from danvan_qa.qa.questions import parse


def clause(question: str, sentence: str) -> str | None:
    found = asked_clause(parse(question, question, FactTable()), sentence)
    return sentence[found[0]:found[1]] if found else None


@pytest.mark.parametrize("question, sentence, expected", [
    ("Vì sao đèo này mang tên Mây Trắng?", "Đèo mang tên Mây Trắng vì quanh năm bị mây che phủ.", "quanh năm bị mây che phủ"),
    ("Do đâu bến cảng mất vai trò?", "Bến cảng mất vai trò do cửa sông bị bồi lấp, tàu lớn khó vào.", "cửa sông bị bồi lấp"),
    ("Vì sao hồ được gọi là Ba Sơn?", "Tên gọi Ba Sơn bắt nguồn từ việc hồ có ba nhánh.", "việc hồ có ba nhánh"),
    ("Tàu qua kênh như thế nào?", "Tàu vượt qua độ chênh mực nước bằng hệ thống âu thuyền.", "hệ thống âu thuyền"),
    ("Đoạn sông này được gọi bằng tên gì?", "Đoạn hạ lưu được người dân gọi là sông Chín Rồng, dài 200 km.", "sông Chín Rồng"),
    ("Khẩu hiệu của trường là gì?", "Màu đỏ, gọi là son, là màu của trường, và khẩu hiệu của trường là “Sự thật”.", "Sự thật"),
    ("Loài vi khuẩn được đặt tên là gì?", "Loài vi khuẩn này được đặt tên là Bacillus nova để ghi nhận công lao của ông.",
     "Bacillus nova"),
])
def test_the_clause_a_cue_of_the_question_s_form_opens(question, sentence, expected):
    assert clause(question, sentence) == expected


def test_no_clause_without_a_cue_nor_after_one_that_opens_a_consequence():
    assert clause("Vì sao lá cây có màu xanh?", "Vì vậy lá cây thường có màu xanh.") is None  # a consequence
    assert clause("Vì sao hồ cạn?", "Hồ cạn dần trong mùa khô.") is None  # the sentence is the answer


@pytest.mark.parametrize("question, sentence, expected", [
    ("Ai phát minh ra mạng Lưới Sao?", "Năm 1989, Tom Verner-Lake, nhà khoa học người Anh, phát minh ra mạng Lưới Sao.",
     "Tom Verner-Lake"),
    ("Máy tính Táo I do ai thiết kế?", "Máy tính Táo I được Wozniek thiết kế và lắp ráp bằng tay.", "Wozniek"),
    ("Ai thiết kế nhà hát?", "Nhà hát do hai kiến trúc sư Harley và Brayer thiết kế.", "Harley và Brayer"),
    ("Ai sáng tác bản giao hưởng?", "Bản giao hưởng của Ludwig van Beetzen ra đời năm 1824.", "Ludwig van Beetzen"),
])
def test_who_on_a_text_of_another_subject_is_the_first_name_the_question_does_not_hold(question, sentence, expected):
    found = asked_clause(parse(question, question, FactTable()), sentence, other_subject=True)
    assert found and sentence[found[0]:found[1]] == expected


@pytest.mark.parametrize("question, sentence, expected", [
    ("Ai ban hành Chỉ thị số 7?", "Năm 2021, sau khi Bộ trưởng Bộ Nội chính ban hành Chỉ thị số 7, tỉnh triển khai.",
     "Bộ trưởng Bộ Nội chính"),
    ("ai cong nhan pho co la di san", "Năm 1999, UNESCO đã công nhận Phố Cổ là di sản thế giới.", "UNESCO"),
    ("Ai ký chương trình phối hợp?", "Tại hội nghị, Công an tỉnh và Ban Dân vận Tỉnh ủy Sơn Hà đã ký chương trình.",
     "Công an tỉnh và Ban Dân vận Tỉnh ủy Sơn Hà"),
    ("Bằng khen do ai trao?", "Chủ tịch UBND tỉnh trao Bằng khen cho 5 tập thể.", "Chủ tịch UBND tỉnh"),
    ("Ai từng ký chương trình?", "Năm 2020, Công an tỉnh đã ký kết chương trình.", "Công an tỉnh"),  # past "từng"
])
def test_who_is_the_doer_named_right_before_the_act_the_question_names(question, sentence, expected):
    assert clause(question, sentence) == expected  # news too: a body or a title, which the name reader has no person for
    # not the reason after it: "… do ông A chủ trì vì Trưởng ban đi vắng" is A's
    assert clause("Ai chủ trì hội nghị?", "Hội nghị do ông Lê Văn An chủ trì vì Trưởng ban đi vắng.") == "Lê Văn An"


@pytest.mark.parametrize("question, sentence", [
    ("Ai chủ trì hội nghị?", "Đồng chí Lê Văn An, Bí thư Tỉnh ủy chủ trì hội nghị."),  # the role of the name before it
    ("Chùa do ai dựng nên?", "Chùa được các thương nhân Nhật Bản dựng nên."),  # inside a common noun's phrase
    ("Ai sáng tác bản giao hưởng?", "Bản giao hưởng của Ludwig van Beetzen ra đời năm 1824."),  # the act is not there
    ("Ai là Bí thư Tỉnh ủy?", "Bí thư Tỉnh ủy dự hội nghị."),  # "ai là" asks for a name, not a doer
    ("Ai chủ trì hội nghị?", "Sau đó, Ban Dân vận chủ động phối hợp."),  # "chủ trì" whole, not the "chủ" of "chủ động"
    ("Ai ký kết chương trình?", "Năm 2023, Ban Dân vận Tỉnh ủy kỳ vọng nhiều."),  # "ký" is not "kỳ"
])
def test_no_doer_where_the_run_before_the_act_is_not_one(question, sentence):
    assert clause(question, sentence) is None  # on news the name reader's people answer these


def test_no_cue_inside_a_body_s_name_nor_a_reason_s_noun():
    assert clause("Hội nghị bàn về nội dung gì?", "Thành ủy Sơn Hà tổ chức hội nghị bàn về công tác dân vận.") is None
    assert clause("Vì sao trận đấu bị hoãn?", "Lý do là vì mưa lớn kéo dài .") == "mưa lớn kéo dài"
    assert clause("Vua đổi tên nước thành gì?", "Năm 1054, vua đổi tên nước thành Đại Nam Sơn.") == "Đại Nam Sơn"


def test_a_name_on_another_subject_leaves_out_the_word_opening_its_clause_and_is_nearest_the_question():
    def name(question: str, sentence: str) -> str | None:
        found = asked_clause(parse(question, question, FactTable()), sentence, other_subject=True)
        return sentence[found[0]:found[1]] if found else None

    assert name("Ai thiết kế tháp?", "Theo Gustave Eifelo, tháp cao 300 m.") == "Gustave Eifelo"
    assert name("Ai thiết kế tháp?", "Tại Quảng Bình, kỹ sư Lê Văn Tám thiết kế tháp.") == "Lê Văn Tám"
