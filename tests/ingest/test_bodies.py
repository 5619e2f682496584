"""Organisations read from the shape of the text, and the groups that are an act's parties."""

import pytest

from danvan_qa.ingest.bodies import bodies, groups, party_groups


@pytest.mark.parametrize("text, expected", [
    ("Ban Dân vận Quận ủy quận 5 phối hợp với Công an quận 5 (TPHCM) tổ chức hội thi.",
     ["Ban Dân vận Quận ủy quận 5", "Công an quận 5"]),
    ("Ban Dân vận Tỉnh ủy phối hợp với Hội Cựu chiến binh (CCB) và Bộ Chỉ huy Quân sự (CHQS) đăng cai.",
     ["Ban Dân vận Tỉnh ủy", "Hội Cựu chiến binh", "Bộ Chỉ huy Quân sự"]),
    ("Ủy ban nhân dân (UBND) và ủy ban MTTQ Việt Nam tỉnh đã ký kết.", ["Ủy ban nhân dân", "ủy ban MTTQ Việt Nam tỉnh"]),
    ("Cục Cảnh sát điều tra (Bộ Công an) phối hợp với Công an Sơn La.", ["Cục Cảnh sát điều tra", "Công an Sơn La"]),
    ("Ý kiến của Ban Dân vận huyện ủy Lý Nhân và Công an huyện Duy Tiên.",
     ["Ban Dân vận huyện ủy Lý Nhân", "Công an huyện Duy Tiên"]),  # a two-syllable place is not a name
    ("Hội nghị đã thành công tốt đẹp.", []),
    # abbreviated heads: Ban Chỉ huy (BCH), Bộ đội Biên phòng (BĐBP)
    ("Ban Dân vận Huyện ủy, Công an huyện và BCH Quân sự huyện Đông Hòa đã ký kết.",
     ["Ban Dân vận Huyện ủy", "Công an huyện", "BCH Quân sự huyện Đông Hòa"]),
    # a board of two fields merged is one body; two boards are two
    ("Ban Tuyên giáo và Dân vận Thành ủy Lạc Sơn vừa ký kết với Bộ Chỉ huy Quân sự thành phố.",
     ["Ban Tuyên giáo và Dân vận Thành ủy Lạc Sơn", "Bộ Chỉ huy Quân sự thành phố"]),
    ("Ban Tuyên giáo và Ban Dân vận Tỉnh ủy tiếp đoàn.", ["Ban Tuyên giáo", "Ban Dân vận Tỉnh ủy"]),
    ("Ban Tuyên giáo và Công an tỉnh ký kết.", ["Ban Tuyên giáo", "Công an tỉnh"]),
])
def test_bodies(text, expected):
    found = bodies(text)
    assert [b.name for b in found] == expected
    assert all(text[b.start : b.end] == b.name for b in found)


def test_bodies_in_a_persons_role_are_not_parties():
    text = "Đại tá Nguyễn Hồng Sâm, Giám đốc Công an tỉnh và Trưởng ban Tuyên giáo Tỉnh ủy Tạ Đức Tuyên đồng chủ trì."
    assert groups(text) == ()


def test_the_parties_between_whom_come_first_when_asked():
    text = ("Công an tỉnh và Ủy ban MTTQ Việt Nam tỉnh tổ chức tổng kết Chương trình số 09 giữa Bộ Công an "
            "với Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam.")
    names = [[b.name for b in g] for g in party_groups(text, between=True)]
    assert names[0] == ["Bộ Công an", "Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam"]
    assert [b.name for b in party_groups(text, between=False)[0]] == ["Công an tỉnh", "Ủy ban MTTQ Việt Nam tỉnh"]
