"""Names, ranks, roles and acts read from the shape of invented sentences (no model needed).

Every person and place here is invented; the sentences copy the shapes news articles use.
"""

import pytest

from danvan_qa.ingest.corpus import Document
from danvan_qa.ingest.facts import CHAIR_ACTS, extract
from danvan_qa.ingest.names import find_names, people


def _people(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.rank, p.role) for p in people(text)]


def _acts(text: str) -> dict[str, tuple[str, ...]]:
    doc = Document("d", "d.txt", "Tiêu đề", "2023-05-14", None, None, None, text, "h")
    return {p.name: p.acts for p in extract([doc]).people}


@pytest.mark.parametrize("text, expected", [
    # "Về phía <organisation> có …"
    ("Về phía Công an tỉnh có đồng chí Thiếu tướng Lương Văn Khải - Ủy viên BTV Tỉnh ủy, Giám đốc Công an tỉnh.",
     [("Lương Văn Khải", "Thiếu tướng", "Ủy viên BTV Tỉnh ủy, Giám đốc Công an tỉnh")]),
    # "các đồng chí: A, role; B, role"
    ("Tham dự còn có các đồng chí: Phạm Ngọc Lan, Chủ tịch Hội Liên hiệp Phụ nữ tỉnh; Đinh Công Hậu, Bí thư "
     "Tỉnh đoàn; Kiều Thị Sen, Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh.",
     [("Phạm Ngọc Lan", None, "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh"), ("Đinh Công Hậu", None, "Bí thư Tỉnh đoàn"),
      ("Kiều Thị Sen", None, "Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh")]),
    # ranks before names, in a list joined by "và"
    ("Trung tướng Hoàng Đức Thắng, Thứ trưởng Bộ Công an và Thiếu tướng Trịnh Minh Khoa, Cục trưởng Cục Tham "
     "mưu cùng dự.",
     [("Hoàng Đức Thắng", "Trung tướng", "Thứ trưởng Bộ Công an"),
      ("Trịnh Minh Khoa", "Thiếu tướng", "Cục trưởng Cục Tham mưu")]),
    # roles in lower case after "ông / bà"
    ("Ông Nguyễn Văn Khải, phó chủ tịch UBND huyện, cho biết huyện đã hoàn thành kế hoạch.",
     [("Nguyễn Văn Khải", None, "phó chủ tịch UBND huyện")]),
    ("Theo bà Trần Thị Minh Hoa, giám đốc Sở Nội vụ, các xã đều triển khai mô hình.",
     [("Trần Thị Minh Hoa", None, "giám đốc Sở Nội vụ")]),
    # role before the name, with a rank at its end and a place inside it
    ("Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Lại Quốc Hưng; Giám đốc Công an tỉnh Đại tá Cù Văn Tám.",
     [("Lại Quốc Hưng", None, "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh"),
      ("Cù Văn Tám", "Đại tá", "Giám đốc Công an tỉnh")]),
    ("Bí thư Thành ủy Hà Nội Lê Minh Quân làm việc với Ban Dân vận.",
     [("Lê Minh Quân", None, "Bí thư Thành ủy Hà Nội")]),
    # a hyphen before the role, at the start of the sentence
    ("Đồng chí Bùi Văn Tâm - Thường vụ Huyện ủy, Trưởng Ban Dân vận chỉ đạo Hội nghị.",
     [("Bùi Văn Tâm", None, "Thường vụ Huyện ủy, Trưởng Ban Dân vận")]),
    # a dash with no space before it, as hurried copy writes it
    ("Dự có Thiếu tướng Phan Văn Lộc- Phó Chính ủy Quân khu 4 và lãnh đạo các sở.",
     [("Phan Văn Lộc", "Thiếu tướng", "Phó Chính ủy Quân khu 4")]),
    # a role in brackets, a lower-case rank
    ("Đại úy Tạ Quang Vinh (Phó Trưởng Công an xã) đã vận động người dân.",
     [("Tạ Quang Vinh", "Đại úy", "Phó Trưởng Công an xã")]),
    ("Thượng tá Võ Thành Nam, Chính ủy Bộ đội Biên phòng tỉnh, Bí thư Đảng ủy phát biểu.",
     [("Võ Thành Nam", "Thượng tá", "Chính ủy Bộ đội Biên phòng tỉnh, Bí thư Đảng ủy")]),
    # a rank after a comma, a role ending in "TP", an ethnic-minority name
    ("Phó Giám đốc Công an tỉnh, Đại tá Nguyễn Văn An phát biểu.",
     [("Nguyễn Văn An", "Đại tá", "Phó Giám đốc Công an tỉnh")]),
    ("Chủ tịch UBND TP Lê Văn Bình dự.", [("Lê Văn Bình", None, "Chủ tịch UBND TP")]),
    ("ông Sùng A Páo, Bí thư chi bộ bản cho biết.", [("Sùng A Páo", None, "Bí thư chi bộ bản")]),
    ("Theo đại tá Quách Văn Lợi, Giám đốc Công an tỉnh, kết quả rất khả quan.",
     [("Quách Văn Lợi", "Đại tá", "Giám đốc Công an tỉnh")]),
    # names listed without roles
    ("Các đồng chí Nguyễn Văn An, Trần Văn Bình và Lê Thị Cúc đã trao quà.",
     [("Nguyễn Văn An", None, None), ("Trần Văn Bình", None, None), ("Lê Thị Cúc", None, None)]),
    # a name after a person cue that does not start with a common family name
    ("Dự buổi gặp mặt có ông Y Blăk Niê, Phó Chủ tịch UBND xã.",
     [("Y Blăk Niê", None, "Phó Chủ tịch UBND xã")]),
    # the title written right before the next name, with no comma between, is that person's
    ("Dự có Đại tá Nguyễn Văn An - Chỉ huy trưởng Bộ CHQS tỉnh, Bí thư Thành ủy Lê Văn Bình và các sở.",
     [("Nguyễn Văn An", "Đại tá", "Chỉ huy trưởng Bộ CHQS tỉnh"), ("Lê Văn Bình", None, "Bí thư Thành ủy")]),
    ("Phó Bí thư Tỉnh ủy Trần Văn Cường, Chủ tịch UBND tỉnh Đại tá Lê Văn Dũng phát biểu.",
     [("Trần Văn Cường", None, "Phó Bí thư Tỉnh ủy"), ("Lê Văn Dũng", "Đại tá", "Chủ tịch UBND tỉnh")]),
    # a name in capitals after a rank or cue, as interviews write it; capitals alone are no name
    ("Trung tướng TRẦN VĂN CƯỜNG, Thứ trưởng Bộ Công an: tôi biểu dương mô hình này.",
     [("TRẦN VĂN CƯỜNG", "Trung tướng", "Thứ trưởng Bộ Công an")]),
    ("UBND TỈNH HÀ NAM và CÔNG AN TỈNH ký kết.", []),
    # … but a comma keeps it with the name before
    ("Dự có Đại tá Nguyễn Văn An, Giám đốc Công an tỉnh, Phó Chủ tịch UBND tỉnh; Lê Văn Bình, Bí thư Huyện ủy.",
     [("Nguyễn Văn An", "Đại tá", "Giám đốc Công an tỉnh, Phó Chủ tịch UBND tỉnh"),
      ("Lê Văn Bình", None, "Bí thư Huyện ủy")]),
    # after a person cue, a name that is also a country's is the person's
    ("Đồng chí Hà Lan, Chủ tịch Hội Nông dân xã phát biểu.", [("Hà Lan", None, "Chủ tịch Hội Nông dân xã")]),
])
def test_people_shapes(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text", [
    "Hội nghị diễn ra tại tỉnh Hà Nam, huyện Kim Bôi và quận Hoàn Kiếm.",
    "Cán bộ thấm nhuần Chủ nghĩa Mác - Lê Nin và tư tưởng Hồ Chí Minh.",
    "Ban Dân vận huyện ủy Lý Nhân và Công an TP Lâm Đồng tham gia. Ảnh: Văn Điệp",
    "Bài và ảnh: Lê Thu Trang",
    "Đoàn Thanh niên và Đoàn Kiểm tra số 1 làm việc với xã. Trang Chủ",
    "Ban Tôn giáo tỉnh, Ban Chỉ đạo Tây Nam bộ và Hội Cựu chiến binh cùng phối hợp.",
    "Thương nhân Nhật Bản, Bồ Đào Nha, Hà Lan đến buôn bán.",  # countries that hold a family name
])
def test_places_credits_and_bodies_are_not_people(text):
    assert [text[a:b] for a, b in find_names(text)] == []


@pytest.mark.parametrize("text, expected", [
    # the act verb after a long list is shared by everyone listed
    ("Đồng chí Đặng Hữu Phước, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Dân vận Tỉnh ủy, và Đại tá Lưu Minh Đạt, "
     "Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Công an tỉnh, đồng chủ trì buổi lễ.",
     {"Đặng Hữu Phước": ("đồng chủ trì",), "Lưu Minh Đạt": ("đồng chủ trì",)}),
    ("Đại tướng Lâm Quốc Bảo, Bộ trưởng; ông Tôn Thất Hiển, Chủ tịch Ủy ban Trung ương MTTQ Việt Nam chủ trì "
     "Hội nghị.", {"Lâm Quốc Bảo": ("chủ trì",), "Tôn Thất Hiển": ("chủ trì",)}),
    ("Đồng chí Bùi Văn Tâm - Thường vụ Huyện ủy, Trưởng Ban Dân vận chỉ đạo Hội nghị.", {"Bùi Văn Tâm": ("chỉ đạo",)}),
    ("Về phía Công an tỉnh có đồng chí Thiếu tướng Lương Văn Khải - Giám đốc Công an tỉnh.",
     {"Lương Văn Khải": ("dự",)}),
    ("Tham dự buổi làm việc, về phía Ban Dân vận có đồng chí Lại Quốc Hưng, Phó trưởng Ban làm Trưởng đoàn; về "
     "phía Công an tỉnh có Trung tướng Cù Văn Tám, Giám đốc Công an tỉnh.",
     {"Lại Quốc Hưng": ("dự", "dẫn đoàn"), "Cù Văn Tám": ("dự",)}),
    ("Tham dự còn có các đồng chí: Phạm Ngọc Lan, Chủ tịch Hội Liên hiệp Phụ nữ tỉnh; Đinh Công Hậu, Bí thư "
     "Tỉnh đoàn.", {"Phạm Ngọc Lan": ("dự",), "Đinh Công Hậu": ("dự",)}),
    ("Đồng chí Lê Quang Tùng và đồng chí Vũ Thanh Bình cùng ký kết chương trình phối hợp.",
     {"Lê Quang Tùng": ("ký kết",), "Vũ Thanh Bình": ("ký kết",)}),
    ("Phát biểu tại hội nghị, Phó Chủ tịch UBND tỉnh Đỗ Thị Hồng Nhung đề nghị các ngành phối hợp chặt chẽ.",
     {"Đỗ Thị Hồng Nhung": ("phát biểu",)}),
    ("Ông Nguyễn Văn Khải, phó chủ tịch UBND huyện, cho biết huyện đã hoàn thành kế hoạch.",
     {"Nguyễn Văn Khải": ("phát biểu",)}),
    ("Thượng tá Ngô Quốc Việt, Phó Giám đốc Công an tỉnh trao Bằng khen cho các tập thể.",
     {"Ngô Quốc Việt": ("trao tặng",)}),
    ("Chiều 14/5, đồng chí Mai Xuân Trường - Bí thư Tỉnh ủy có buổi làm việc với đồng chí Tăng Thị Hà, Trưởng ban "
     "Dân vận Tỉnh ủy.", {"Mai Xuân Trường": ("làm việc",), "Tăng Thị Hà": ("làm việc",)}),
    ("Thiếu tướng Hoàng Đức Thắng cùng các đại biểu dự Hội nghị.", {"Hoàng Đức Thắng": ("dự",)}),
    ("Hội nghị do đồng chí Hà Văn Sơn, Phó Chủ tịch UBND tỉnh chủ trì.", {"Hà Văn Sơn": ("chủ trì",)}),
    ("Chủ trì hội nghị có đồng chí Hà Văn Sơn, Phó Chủ tịch UBND tỉnh và đồng chí Lê Thị Cúc, Trưởng ban Dân vận.",
     {"Hà Văn Sơn": ("chủ trì",), "Lê Thị Cúc": ("chủ trì",)}),
    ("Đồng chí Hà Văn Sơn, Phó Chủ tịch UBND tỉnh dự và phát biểu chỉ đạo hội nghị.",
     {"Hà Văn Sơn": ("dự", "phát biểu")}),
    ("Các đồng chí Nguyễn Văn An, Trần Văn Bình và Lê Thị Cúc đã trao quà cho các hộ nghèo.",
     {"Nguyễn Văn An": ("trao tặng",), "Trần Văn Bình": ("trao tặng",), "Lê Thị Cúc": ("trao tặng",)}),
    ("Phát biểu tại hội nghị, đồng chí Hà Văn Sơn đánh giá cao sự phối hợp của đồng chí Lê Thị Cúc.",
     {"Hà Văn Sơn": ("phát biểu",), "Lê Thị Cúc": ()}),
    ("Đại diện Ban Dân vận Trung ương có đồng chí Hồ Minh Tâm, Vụ trưởng Vụ Dân tộc.", {"Hồ Minh Tâm": ("dự",)}),
    ("Thượng tá Vi Văn Toản, Trưởng phòng PV05 Công an tỉnh cho biết: năm qua đơn vị phối hợp tốt.",
     {"Vi Văn Toản": ("phát biểu",)}),
    ("Hội nghị thông qua dự thảo do đồng chí Lê Quang Tùng trình bày.", {"Lê Quang Tùng": ()}),
    ("Hai ngành thực hiện các yêu cầu mà Tổng Bí thư Nguyễn Hữu Nghĩa đã nhấn mạnh.", {"Nguyễn Hữu Nghĩa": ()}),
])
def test_acts_shapes(text, expected):
    assert _acts(text) == expected


def test_chairing_acts_include_directing_and_leading():
    assert {"chủ trì", "đồng chủ trì", "chỉ đạo", "làm việc", "dẫn đoàn"} <= CHAIR_ACTS


@pytest.mark.parametrize("role, post", [
    ("Ủy viên Bộ Chính trị, Bí thư Đảng ủy Công an Trung ương, Bộ trưởng Bộ Công an", "Bộ trưởng Bộ Công an"),
    ("UVTV Tỉnh ủy, Phó Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh"),
    ("Ủy viên Trung ương Đảng, Trưởng Ban Dân nguyện Quốc hội, Phó Trưởng Đoàn kiểm tra", "Trưởng Ban Dân nguyện Quốc hội"),
    ("Phó Bí thư Thường trực Tỉnh ủy", "Phó Bí thư Thường trực Tỉnh ủy"),  # a Party post that is the post
    ("Ủy viên Ban Thường vụ Tỉnh ủy", "Ủy viên Ban Thường vụ Tỉnh ủy"),  # seats alone: the role itself
])
def test_the_post_a_role_names_once_party_seats_are_set_aside(role, post):
    from danvan_qa.ingest.names import main_post

    assert main_post(role) == post


def test_a_ranked_name_may_be_followed_by_its_title_with_a_space_alone():
    """Hurried text: "có đại tướng A bí thư …, chủ nhiệm …" — the titles are A's; a verb after a name is none."""
    found = people("Dự có đại tướng Lê Văn Khang bí thư trung ương Đảng, chủ nhiệm Tổng cục chính trị.")
    assert [(p.name, p.rank, p.role) for p in found] == [
        ("Lê Văn Khang", "Đại tướng", "bí thư trung ương Đảng, chủ nhiệm Tổng cục chính trị")]
    assert people("Đại tá Trần Văn Hòa trưởng thành từ chiến sĩ.")[0].role is None  # one word: no title
    assert people("Đại tướng Lê Văn Khang chỉ huy chiến dịch biên giới.")[0].role is None  # a deed, no body named
    assert people("Ông Trần Văn Hòa bí thư chi bộ phát biểu.")[0].role is None  # no rank: left as before


def test_a_role_goes_on_through_a_committee_named_in_quotes():
    found = people("Dự có Trung tướng Hồ Văn An, Thứ trưởng Bộ Công an, Trưởng Ban Chỉ đạo Trung ương phong trào "
                   "“Toàn dân bảo vệ an ninh Tổ quốc”; ông Lê Văn Ba, Trưởng ban \"Vì người nghèo\" xã, phát biểu.")
    assert [p.role for p in found] == [
        "Thứ trưởng Bộ Công an, Trưởng Ban Chỉ đạo Trung ương phong trào “Toàn dân bảo vệ an ninh Tổ quốc”",
        "Trưởng ban \"Vì người nghèo\" xã"]
    said = people("Đồng chí Trần Văn Cư, Bí thư Chi bộ, nói: \"Chúng tôi sẽ làm tốt\".")
    assert said[0].role == "Bí thư Chi bộ"  # words said after the role are no part of it
    assert people("Dự có bà Lò Thị Hạnh, Trưởng Ban Dân vận Tỉnh ủy \"bật mí\" bí quyết.")[0].role == \
        "Trưởng Ban Dân vận Tỉnh ủy"  # words in quotes after a body, no movement or committee they name


def test_the_post_asked_is_the_part_of_the_role_that_opens_with_it():
    from danvan_qa.ingest.names import main_post

    role = "Ủy viên Trung ương Đảng, Thứ trưởng Bộ Công an, Trưởng Ban Chỉ đạo Trung ương phong trào “Toàn dân”"
    assert main_post(role, "truong ban") == "Trưởng Ban Chỉ đạo Trung ương phong trào “Toàn dân”"
    assert main_post(role) == main_post(role, "giam doc") == "Thứ trưởng Bộ Công an"
