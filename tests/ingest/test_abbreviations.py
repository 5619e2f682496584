"""Abbreviations matched either way: a question's "CAND" is held by "Công an nhân dân", and its
written-out "Bộ Chỉ huy Quân sự" by "CHQS"; an ordinary word is never read as one."""

import re

import pytest

from danvan_qa.ingest.abbreviations import (aliases, capitals_written_out, is_abbreviation, shorthand_written_out, spellings,
                                            written_out)
from danvan_qa.ingest.facts import FactTable
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.extractive import Scorer
from danvan_qa.qa.questions import parse


def _scorer(question: str) -> Scorer:
    return Scorer(parse(question, question, FactTable()), lambda t: 1, 100)


def _words(sentence: str) -> set[str]:
    return set(re.findall(r"\w+", fold(sentence)))


def test_an_abbreviation_stands_for_its_words_and_back():
    assert (frozenset({"cand"}), frozenset({"cong", "an", "nhan", "dan"})) in aliases(["luc", "luong", "cand"])
    assert (frozenset({"chi", "huy", "quan", "su"}), frozenset({"chqs"})) in aliases("bo chi huy quan su tinh".split())
    assert aliases("ca hat va lam viec".split()) == []  # "ca" folds from "cá", "ca": no abbreviation
    # half written out by another abbreviation it opens or closes with: "Bộ CHQS", "BDV TW", "Ủy ban MTTQ"
    assert (frozenset({"bchqs"}), frozenset({"bo", "chqs"})) in aliases(["bchqs"])
    assert (frozenset({"bdvtw"}), frozenset({"bdv", "trung", "uong"})) in aliases(["bdvtw"])
    assert (frozenset({"bdvtw"}), frozenset({"bdv", "tw"})) in aliases(["bdvtw"])  # each half abbreviated
    assert (frozenset({"ubmttq"}), frozenset({"uy", "ban", "mttq"})) in aliases(["ubmttq"])
    assert is_abbreviation("mttq") and not is_abbreviation("ca")


def test_a_phrase_is_spelled_with_each_abbreviation_swapped_one_at_a_time():
    forms = spellings("pho truong ban dan van trung uong")
    assert forms[0] == "pho truong ban dan van trung uong"
    assert {"pho truong ban dan van tw", "pho truong bdvtw"} <= set(forms)
    assert "chu tich uy ban nhan dan tinh" in spellings("chu tich ubnd tinh")
    assert spellings("ca hat va lam viec") == ["ca hat va lam viec"]  # no abbreviation in it


def test_bch_before_a_force_is_a_command_not_an_executive_committee():
    assert "bch quan su" in spellings("bo chi huy quan su")
    assert "bo chi huy bien phong tinh" in spellings("bch bien phong tinh")
    assert "bo chi huy dang bo" not in spellings("bch dang bo")  # the Ban Chấp hành of a Party committee


def test_a_sentence_holds_a_question_word_through_its_other_form():
    abbreviated = _scorer("Lực lượng CAND có bao nhiêu mô hình?")
    assert "cand" in abbreviated.held(_words("Lực lượng Công an nhân dân có 212 mô hình"))
    assert "cand" not in abbreviated.held(_words("Lực lượng vũ trang có 212 mô hình"))
    written = _scorer("Bộ Chỉ huy Quân sự tỉnh ký với ai?")
    held = written.held(_words("Bộ CHQS tỉnh ký kết với Ban Dân vận"))
    assert {"chi", "huy", "su"} <= held
    assert written("Bộ CHQS tỉnh ký kết") > written("Bộ Công an ký kết")


def test_an_abbreviation_standing_alone_is_written_out_and_a_codes_parts_are_not():
    assert written_out("lan som nhat BDV TW lam viec voi Dang uy CA TW?") == \
        "lan som nhat Ban Dân vận Trung ương lam viec voi Dang uy Công an Trung ương?"
    assert written_out("ctr phoi hop nao ky som nhat") == "chương trình phoi hop nao ky som nhat"
    assert written_out("Chương trình 38-CTr/BDVTW-BCA ký ngày nào?") == "Chương trình 38-CTr/BDVTW-BCA ký ngày nào?"
    assert written_out("ca hát và Bộ CA-Bộ Quốc phòng") == "ca hát và Bộ CA-Bộ Quốc phòng"  # "ca" is a word; a pair stays


def test_capitals_that_fold_to_a_syllable_are_written_out_only_as_typed_in_capitals():
    assert capitals_written_out("BDV TU và CAT Nam Sơn") == "BDV Tỉnh ủy và Công an tỉnh Nam Sơn"
    assert capitals_written_out("PBT thường trực tỉnh ủy") == "Phó Bí thư thường trực tỉnh ủy"
    assert capitals_written_out("cát và tu bổ, 25-NQ/TƯ") == "cát và tu bổ, 25-NQ/TƯ"


def test_a_text_in_capitals_and_codes_written_with_dashes_or_dots_are_left_as_typed():
    assert capitals_written_out("NHỮNG ĐƠN VỊ NÀO ĐÃ TU BỔ NHÀ VĂN HÓA?") == "NHỮNG ĐƠN VỊ NÀO ĐÃ TU BỔ NHÀ VĂN HÓA?"
    assert written_out("Chương trình 38–CTr/BDVTW–BCA ở TP.HCM") == "Chương trình 38–CTr/BDVTW–BCA ở TP.HCM"
    assert written_out("Bộ CA.") == "Bộ Công an."


def test_a_director_typed_gd_before_a_police_body_is_written_out():
    assert written_out("liet ke cac GD CA tinh") == "liet ke cac Giám đốc Công an tinh"
    assert written_out("PGĐ Công an tỉnh là ai") == "Phó Giám đốc Công an tỉnh là ai"
    assert written_out("Sở GD tỉnh") == "Sở GD tỉnh"  # education's, before no police body
    assert written_out("Chương trình GĐ 2022-2027 ký ngày nào") == "Chương trình GĐ 2022-2027 ký ngày nào"  # a period


def test_a_phrase_with_two_abbreviations_is_also_spelled_written_out_whole():
    ways = spellings("truong bdv tw")
    assert "truong ban dan van trung uong" in ways and "truong ban dan van tw" in ways
    assert spellings("truong bdv") == ["truong bdv", "truong ban dan van"]  # one abbreviation: one swap, as before


@pytest.mark.parametrize("typed, read", [
    ("co nhung dai tuong nao dc nhac ten, ko tinh cong an?", "co nhung dai tuong nao duoc nhac ten, khong tinh cong an?"),
    ("Có bao nhiêu ctr phối hợp đc ký?", "Có bao nhiêu chương trình phối hợp được ký?"),
    ("co bao nhieu le / hn ky ket?", "co bao nhieu le / hoi nghi ky ket?"),
    ("lãnh đạo nào dự các HN về người có uy tín?", "lãnh đạo nào dự các hội nghị về người có uy tín?"),
    ("ct phoi hop ky ngay nao?", "chuong trinh phoi hop ky ngay nao?"),
    ("the con giam doc ca tp?", "the con giam doc cong an tp?"),  # after a post of the police
    ("bn ơi, hội nghị có bao nhiêu đại biểu?", "bn ơi, hội nghị có bao nhiêu đại biểu?"),  # "bạn" as often: left
    ("bn nguoi mang ham dai ta dc neu ten", "bao nhieu nguoi mang ham dai ta duoc neu ten"),  # counting a noun
    ("co bn cuoc thi dc dua tin", "co bao nhieu cuoc thi duoc dua tin"),
    ("tỉnh có bn mô hình", "tỉnh có bao nhiêu mô hình"),
    ("cho bn hoi, hoi nghi o dau?", "cho bn hoi, hoi nghi o dau?"),  # "cho bạn hỏi"
    ("bn oi co bn doi du thi", "bn oi co bao nhieu doi du thi"),
    ("bn giám đốc công an tỉnh được nêu tên?", "bao nhiêu giám đốc công an tỉnh được nêu tên?"),  # a title's holders
    ("bn thieu tuong duoc neu", "bao nhieu thieu tuong duoc neu"),
    ("may ng mang ham dai ta", "may nguoi mang ham dai ta"),  # "ng" counted: "người"
    ("nhung ng nao du hoi nghi", "nhung nguoi nao du hoi nghi"),
    ("ông ng văn hải là ai", "ông ng văn hải là ai"),  # "Ng." may be Nguyễn
    ("co may cuoc thi trong cac bai vay ad", "co may cuoc thi trong cac bai"),  # "ad" addressed, "vậy" after "bài"
    ("co may cuoc thi duoc dua tin vay", "co may cuoc thi duoc dua tin"),  # a closing particle asks nothing
    ("hội nghị ở đâu vậy?", "hội nghị ở đâu?"),
    ("ban tuyen giao ky ket o dau z", "ban tuyen giao ky ket o dau"),
    ("mo hinh ra mat ngay nao v", "mo hinh ra mat ngay nao"),
    ("Vì sao lại như vậy?", "Vì sao lại như vậy?"),
    ("Thế à?", "Thế à?"),
    ("cong an tinh duy tri may mo hinh tap the?", "cong an tinh duy tri may mo hinh tap the?"),  # "tập thể"
    ("Bao nhiêu hộ nghèo được vay?", "Bao nhiêu hộ nghèo được vay?"),  # a last word, not after a question word
    ("Ai được bầu thay thế?", "Ai được bầu thay thế?"),
    ("gioi tre gen z", "gioi tre gen z"),
    ("o BR-VT co bao nhieu mo hinh", "o Ba Ria - Vung Tau co bao nhieu mo hinh"),  # a province typed short
    ("Ở TT-Huế có mấy mô hình?", "Ở Thừa Thiên Huế có mấy mô hình?"),
    ("Số 12-CTr/BRVT", "Số 12-CTr/BRVT"),  # a code's part
    ("ca tinh co bao nhieu mo hinh?", "ca tinh co bao nhieu mo hinh?"),  # "cả tỉnh" as likely
    ("ca tinh nao duy tri bao nhieu mo hinh?", "cong an tinh nao duy tri bao nhieu mo hinh?"),  # no "cả tỉnh nào"
    ("Công an TP HN ký với ai?", "Công an TP HN ký với ai?"),  # Hà Nội
    ("cong tac dan van o hn", "cong tac dan van o hn"),
    ("bao nhiu thieu tuong co ten?", "bao nhieu thieu tuong co ten?"), ("Có bao nhiu bài?", "Có bao nhiêu bài?"),
    ("Số 38-CTr/BDVTW-BCA, DC 5", "Số 38-CTr/BDVTW-BCA, DC 5"),  # a code's part, a word in capitals
])
def test_chat_shorthand_is_written_out_where_it_stands_alone(typed, read):
    from danvan_qa.ingest.abbreviations import shorthand_written_out

    assert shorthand_written_out(typed) == read


def test_a_front_chair_said_short_is_also_spelled_with_the_committee_it_chairs():
    """"Chủ tịch MTTQ tỉnh" is how the press shortens "Chủ tịch Ủy ban MTTQ tỉnh" (or "… Ủy ban Trung ương MTTQ")."""
    ways = spellings("pho chu tich mat tran to quoc")
    assert "pho chu tich uy ban mat tran to quoc" in ways and "pho chu tich uy ban trung uong mttq" in ways
    assert not any("uy ban" in w for w in spellings("chu tich hoi nong dan"))


def test_a_central_committee_member_is_spelled_with_and_without_ban_chap_hanh():
    assert "uy vien ban chap hanh trung uong dang" in spellings("uy vien trung uong dang")
    assert "uy vien trung uong dang" in spellings("uy vien ban chap hanh trung uong dang")


def test_the_movement_and_a_programme_typed_short_are_written_out():
    assert written_out("Hội thi DVK có mấy phần thi?") == "Hội thi Dân vận khéo có mấy phần thi?"
    assert written_out("mấy lễ ký kết CTPH công tác dân vận") == "mấy lễ ký kết chương trình phối hợp công tác dân vận"


@pytest.mark.parametrize("typed, read", [
    ("Hội PN công an tỉnh tổ chức Trung thu ở đâu vậy mn?", "Hội PN công an tỉnh tổ chức Trung thu ở đâu?"),
    ("mo hinh 5 khong co o tinh nao vay moi nguoi", "mo hinh 5 khong co o tinh nao"),  # the readers addressed
    ("moi doi duoc thuong bao nhieu tien moi nguoi", "moi doi duoc thuong bao nhieu tien moi nguoi"),  # per person
    ("Ai đã gửi thư khen tới mọi người?", "Ai đã gửi thư khen tới mọi người?"),  # whom the letter went to
    ("Có bao nhiêu mô hình ở vùng DTTS và MN?", "Có bao nhiêu mô hình ở vùng DTTS và MN?"),  # MN: miền núi
])
def test_the_readers_a_question_addresses_are_not_part_of_it(typed, read):
    assert shorthand_written_out(typed) == read
    assert written_out("Hội PN tặng quà") == "Hội Phụ nữ tặng quà"


def test_bn_before_vi_is_a_count_only_before_a_title():
    """"bn vị Thứ trưởng": how many; "bn vì sao", "bn ví dụ", "bn vị trí": "bạn" as often."""
    assert shorthand_written_out("co bn vi thu truong") == "co bao nhieu vi thu truong"
    for typed in ("bn vì sao hội nghị bị hoãn?", "nhờ bn ví dụ giúp", "bn vi tri nao"):
        assert shorthand_written_out(typed) == typed
