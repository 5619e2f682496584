"""The level a body works at, read from its name, and the level a question selects by."""

import pytest

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.levels import asked_level, level, post_level


@pytest.mark.parametrize("parties, found", [
    (("Ban Dân vận Trung ương", "Bộ Công an"), "trung uong"),
    (("Ban Dân vận TW", "Bộ Công an"), "trung uong"),
    (("Ban Dân vận Tỉnh ủy", "BCH Quân sự", "Công an tỉnh"), "tinh"),  # "quân sự" is no "quận"
    (("Ban Dân vận Thành ủy", "Công an TP Hà Nội"), "tinh"),  # a centrally-run city is a province's equal
    (("Công an TP.HCM", "Ban Dân vận Thành ủy"), "tinh"),
    (("Công an thành phố", "Ban Dân vận Thành ủy Bắc Hà"), "huyen"),  # a city within a province
    (("Công an huyện Đông Triều", "Ban dân vận huyện ủy Đông Triều"), "huyen"),
    (("Ban Dân vận Tỉnh ủy", "Công an thị xã Tây Giang"), "huyen"),  # the most local party's level
    (("Đảng ủy xã Tân Lập", "Công an xã"), "xa"),
    (("Hội Nông dân", "Ủy ban MTTQ Việt Nam"), None),
    (("Sở Lao động - Thương binh và Xã hội tỉnh",), "tinh"),  # "xã hội" is no "xã"
])
def test_a_programme_is_at_its_most_local_partys_level(parties, found):
    assert level(parties) == found


@pytest.mark.parametrize("question, found", [
    ("Ở cấp huyện, những chương trình phối hợp nào được ký kết?", "huyen"),
    ("nhung chuong trinh phoi hop cap tinh nao giua cong an va ban dan van", "tinh"),
    ("Các chương trình phối hợp ở cấp cơ sở nào được nêu?", "xa"),
    ("Những chương trình phối hợp nào được ký kết năm 2022?", None),
])
def test_the_level_a_question_asks_for(question, found):
    assert asked_level(fold(question.lower())) == found


@pytest.mark.parametrize("role, found", [
    ("Thứ trưởng Bộ Công an", "trung uong"),  # a ministry's post, wherever "Bộ" stands
    ("Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an", "trung uong"),
    ("Phó Trưởng Ban Dân vận Trung ương", "trung uong"),
    ("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy", "tinh"),  # the most local post
    ("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "tinh"),  # a province's command, not a ministry
    ("Trưởng Ban Dân vận Huyện ủy Tây Sơn", "huyen"),
    ("cán bộ Công an xã", "xa"),
    ("Phó Giám đốc", None),
])
def test_the_level_of_a_persons_post(role, found):
    assert post_level(role) == found

