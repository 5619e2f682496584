import unicodedata

from hypothesis import given, strategies as st

from danvan_qa.ingest.normalize import fold, has_diacritics, lexical_tokens, normalize_text, syllables


def test_nfd_input_becomes_nfc():
    nfd = unicodedata.normalize("NFD", "Ủy viên Ban Chấp hành Trung ương Đảng")
    assert nfd != "Ủy viên Ban Chấp hành Trung ương Đảng"
    assert normalize_text(nfd) == "Ủy viên Ban Chấp hành Trung ương Đảng"


def test_old_and_new_tone_placement_are_equal():
    assert normalize_text("hoà thuỷ khoá khoẻ Hoà HOÀ") == "hòa thủy khóa khỏe Hòa HÒA"
    assert normalize_text("cụ thể hoá") == normalize_text("cụ thể hóa")


def test_tone_is_not_moved_where_placement_is_fixed():
    # qu + y is a consonant + vowel; closed syllables keep the tone on the main vowel
    assert normalize_text("quý quỷ hoàng thuyền khoảng") == "quý quỷ hoàng thuyền khoảng"


def test_spaces_quotes_and_controls():
    assert normalize_text("a\u00a0b\u200bc “Dân vận khéo” ‘x’\x00y") == 'a bc "Dân vận khéo" \'x\' y'


def test_fold_strips_diacritics_one_char_per_char():
    text = normalize_text("Đoàn Duy Khương ký kết ở Thừa Thiên Huế")
    assert fold(text) == "doan duy khuong ky ket o thua thien hue"
    assert len(fold(text)) == len(text)


def test_has_diacritics():
    assert has_diacritics("ký kết")
    assert not has_diacritics("ky ket 2022")


def test_one_letter_syllables_are_kept():
    assert syllables("Tổ chức ở Hà Nội và 5 tỉnh") == ["tổ", "chức", "ở", "hà", "nội", "và", "5", "tỉnh"]


def test_lexical_tokens_fold_and_bigrams():
    exact, folded = lexical_tokens("Ký kết")
    assert exact == ["ký", "kết"]
    assert folded == ["ky", "ket", "ky_ket"]
    assert lexical_tokens("ky ket")[1] == folded


@given(st.text())
def test_normalize_is_idempotent_and_fold_preserves_length(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert len(fold(once)) == len(once)


def test_a_percentage_is_searched_by_its_words():
    """"Bao nhiêu phần trăm …" finds the sentence that writes "100%"."""
    exact, folded = lexical_tokens("100% công an đăng ký")
    assert exact[:3] == ["100", "phần", "trăm"] and "phan_tram" in folded
    assert lexical_tokens("5 mô hình")[0] == ["5", "mô", "hình"]  # a number alone is left as it is
