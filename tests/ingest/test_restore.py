from danvan_qa.ingest.normalize import syllables
from danvan_qa.ingest.restore import Restorer, Vocabulary

TEXT = [
    "Đồng chí Đoàn Duy Khương, Giám đốc Công an thành phố, dự lễ ký kết.",
    "Ban Dân vận Tỉnh ủy và Công an tỉnh ký kết chương trình phối hợp.",
    "Bảo vệ an ninh, bảo đảm trật tự; nhiều mô hình được nhân rộng.",
]


def _restorer():
    return Restorer(Vocabulary.from_token_lists(syllables(t) for t in TEXT))


def test_restores_from_corpus_vocabulary_and_keeps_case():
    r = _restorer()
    assert r.restore("Doan Duy Khuong giam doc cong an") == "Đoàn Duy Khương giám đốc công an"
    assert r.restore("ky ket chuong trinh phoi hop?") == "ký kết chương trình phối hợp?"


def test_question_words_beat_frequent_lookalikes():
    # "bảo" and "nhiều" are frequent in the text; the question phrase wins
    assert _restorer().restore("bao nhieu mo hinh") == "bao nhiêu mô hình"


def test_a_question_phrase_keeps_its_reading_after_words_that_pull_another():
    """"xây dựng bảo vệ" is frequent, so "dựng bảo" pulls "bao nhieu" to "bảo nhiều" unless pinned."""
    text = ["Xây dựng bảo vệ an ninh, xây dựng bảo vệ Tổ quốc, xây dựng bảo đảm trật tự."] * 30 + TEXT
    r = Restorer(Vocabulary.from_token_lists(syllables(t) for t in text))
    assert r.restore("xay dung bao nhieu mo hinh") == "xây dựng bao nhiêu mô hình"
    assert r.restore("xay dung bao ve") == "xây dựng bảo vệ"  # the rest is read as before


def test_how_long_is_read_as_asked_whatever_the_articles_hold():
    """News text holds "bảo", "đại", "lâu" rarely beside each other's readings: "bao lau" and "keo dai" have one reading
    in a question ("bao lâu", "kéo dài"), not "bảo lau", "kéo đại"."""
    text = ["Đại tướng dự Đại hội; bảo vệ an ninh, bảo đảm trật tự; Đại đoàn kết toàn dân."] * 20 + TEXT
    r = Restorer(Vocabulary.from_token_lists(syllables(t) for t in text))
    assert r.restore("thoi han bao lau").endswith("bao lâu")
    assert r.restore("keo dai bao lau") == "kéo dài bao lâu"


def test_queries_with_diacritics_and_unknown_words_are_left_alone():
    r = _restorer()
    assert r.restore("Giám đốc là ai") == "Giám đốc là ai"
    assert r.restore("xyzzy 2022-2026") == "xyzzy 2022-2026"
    assert r.restore("!!!") == "!!!"


def test_vocabulary_round_trips_json():
    v = Vocabulary.from_token_lists([["a", "b"], ["a"]])
    assert Vocabulary.from_json(v.to_json()) == v
    assert v.unigrams["a"] == 2 and v.bigrams["a b"] == 1


def test_a_word_in_capitals_among_others_is_an_abbreviation_kept_as_typed():
    r = Restorer(Vocabulary.from_token_lists(syllables(t) for t in [*TEXT, "Cả tỉnh cùng làm, cả nước cùng vui."]))
    assert r.restore("giam doc CA tinh") == "giám đốc CA tỉnh"  # not "cả"
    assert r.restore("BAN DAN VAN") == "BAN DÂN VẬN"  # a question typed all in capitals is restored


def test_a_codes_parts_in_capitals_are_restored_as_before():
    r = Restorer(Vocabulary.from_token_lists(syllables(t) for t in [*TEXT, "Quyết định 290-QĐ/TƯ về quy chế, tu bổ."]))
    assert r.restore("quyet dinh 290-QD/TU ban hanh") == "quyết định 290-QĐ/TƯ ban hanh"


def test_by_whom_is_read_as_asked():
    r = Restorer(Vocabulary.from_token_lists(syllables(t) for t in [*TEXT, "Đó là kế hoạch. Đó là ai? Đó là người ban hành."]))
    assert r.restore("do ai ban hanh") == "do ai ban hành"  # "do ai": by whom, not "đó ai"
