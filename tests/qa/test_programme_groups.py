"""Mentions of one programme grouped however its articles write it."""

from danvan_qa.ingest.corpus import Document
from danvan_qa.ingest.facts import Programme
from danvan_qa.qa.programme_groups import programme_groups


def _mention(doc: str, period: str | None, number: str | None = None, parties: tuple[str, ...] = ()) -> Programme:
    return Programme(doc, f"Chương trình {number or period}", number, period, parties, None, None, 0, 10)


def _docs(groups) -> list[list[str]]:
    return sorted(sorted(p.doc_id for p in g) for g in groups)


def test_a_number_or_a_period_with_parties_is_one_programme():
    found = programme_groups([_mention("a", "2016-2021", "38-CTr/X"), _mention("b", "2016 – 2021", "38-CTr/X"),
                              _mention("c", "2016-2021", None, ("Ban Dân vận", "Công an")),
                              _mention("d", "2016 - 2021", None, ("Công an", "Ban Dân vận"))])
    assert _docs(found) == [["a", "b"], ["c", "d"]]


def test_a_period_alone_joins_its_own_articles_programme_or_the_only_one():
    alone = _mention("e", "2016-2021")
    only = programme_groups([_mention("a", "2016-2021", "38-CTr/X"), alone])
    assert _docs(only) == [["a", "e"]]
    own = programme_groups([_mention("a", "2016-2021", "38-CTr/X"), _mention("e", "2016-2021", None, ("A", "B")), alone])
    assert _docs(own) == [["a"], ["e", "e"]]


def test_a_period_alone_among_several_programmes_of_other_articles_stands_alone():
    found = programme_groups([_mention("a", "2016-2021", "38-CTr/X"), _mention("b", "2016-2021", None, ("A", "B")),
                              _mention("e", "2016-2021")])
    assert _docs(found) == [["a"], ["b"], ["e"]]  # not dropped: its article names a programme


def _doc(doc_id: str, place: str, text: str) -> Document:
    return Document(doc_id, f"{doc_id}.txt", "t", None, None, None, place, text, "h")


def test_a_party_named_by_its_level_is_its_articles_provinces():
    ours = [_mention("a", "2016-2021", None, ("Ban Dân vận Tỉnh ủy", "Công an tỉnh")),
            _mention("b", "2016-2021", None, ("Ban Dân vận Tỉnh ủy", "Công an tỉnh"))]
    documents = {"a": _doc("a", "Bắc Hà", ""), "b": _doc("b", "Nam Sơn", "")}
    assert _docs(programme_groups(ours, documents)) == [["a"], ["b"]]  # two provinces, two programmes
    documents["b"] = _doc("b", "Bắc Hà", "")
    assert _docs(programme_groups(ours, documents)) == [["a", "b"]]


def test_a_period_alone_joins_the_programme_whose_parties_its_article_names():
    found = [_mention("a", "2022-2026", None, ("Bộ Công an", "Ban Dân vận TW")),
             _mention("b", "2022-2026", None, ("Ban Dân vận Tỉnh ủy", "Công an tỉnh")), _mention("e", "2022-2026")]
    documents = {"a": _doc("a", "Hà Nội", ""), "b": _doc("b", "Bắc Hà", ""),
                 "e": _doc("e", "Hà Nội", "Bộ Công an và Ban Dân vận Trung ương họp bàn chương trình mới.")}
    assert _docs(programme_groups(found, documents)) == [["a", "e"], ["b"]]  # "TW" is "Trung ương"


def test_a_bare_number_joins_the_programme_whose_code_it_shortens():
    found = programme_groups([_mention("a", None, "09/Ctr-BCA-TTTW"), _mention("b", None, "09"),
                              _mention("c", None, "9"), _mention("d", None, "38-CTr/X"), _mention("e", None, "12")])
    assert _docs(found) == [["a", "b", "c"], ["d"], ["e"]]  # no code 12: it stands alone, not dropped
    two = programme_groups([_mention("a", None, "09/Ctr-X"), _mention("f", None, "09-CTr/Y"), _mention("b", None, "09")])
    assert _docs(two) == [["a"], ["b"], ["f"]]  # two codes of that number, neither named by its article
