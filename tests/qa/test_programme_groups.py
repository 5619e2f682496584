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


def test_a_bare_number_joins_the_programme_whose_code_it_shortens_when_its_article_names_the_parties():
    coded = _mention("a", None, "05/Ctr-BNV-MTTQ", ("Bộ Nội vụ", "Ủy ban Trung ương MTTQ Việt Nam"))
    other = _mention("d", None, "05-CTr/HND", ("Công an tỉnh", "Hội Nông dân tỉnh"))
    docs = {"a": _doc("a", "Tây Giang", "…"), "d": _doc("d", "Bắc Hà", "…"),
            "b": _doc("b", "Nam Sơn", "Thực hiện chương trình số 05 của Bộ Nội vụ và Ủy ban Trung ương MTTQ Việt Nam."),
            "c": _doc("c", "Nam Sơn", "Chương trình phối hợp số 5 được triển khai."),
            "e": _doc("e", "Đông Lâm", "Chương trình phối hợp số 12 được triển khai.")}
    found = programme_groups([coded, other, _mention("b", None, "05"), _mention("c", None, "5"),
                              _mention("e", None, "12")], docs)
    # b names the parties of one code numbered 5 and joins it; c, in b's province, is b's; e stands alone
    assert _docs(found) == [["a", "b", "c"], ["d"], ["e"]]
    apart = programme_groups([_mention("b", None, "12"), _mention("c", None, "13"), _mention("f", None, "12")], docs)
    assert _docs(apart) == [["b"], ["c"], ["f"]]  # other numbers, or one number in two places, are two


def test_a_plan_of_a_year_joins_no_other_programme_and_two_places_plans_stay_apart():
    """A plan with no day and no parties has its article as a key, not an empty period shared with a numbered
    programme; two provinces' "kế hoạch phối hợp năm 2025" signed the same day are told by their parties."""
    from danvan_qa.ingest.corpus import Document
    from danvan_qa.ingest.facts import Programme
    from danvan_qa.qa.programme_groups import programme_groups

    docs = {d: Document(d, f"{d}.txt", "t", "2025-01-16", None, None, place, "x" * 200, "h")
            for d, place in (("a", "Nam Sơn"), ("b", "Nam Sơn"), ("n", "Nam Sơn"), ("h", "Bắc Hà"))}
    numbered = Programme("a", "Chương trình phối hợp số 05", "05", None, ("Ban Dân vận Tỉnh ủy", "Công an tỉnh"),
                         None, None, 0, 80, (0, 80))
    bare = Programme("b", "kế hoạch phối hợp năm 2026", None, None, (), None, None, 0, 80)
    ours = Programme("n", "kế hoạch phối hợp năm 2025", None, None, ("Ban Dân vận Tỉnh ủy", "Hội Nông dân tỉnh"),
                     "2025-01-15", "ngày 15/1", 0, 80, (0, 80), (0, 80))
    theirs = Programme("h", "Kế hoạch phối hợp năm 2025", None, None, ("Ban Dân vận Tỉnh ủy", "Công an tỉnh"),
                       "2025-01-15", "ngày 15/1", 0, 80, (0, 80), (0, 80))
    groups = programme_groups([numbered, bare, ours, theirs], docs)
    assert sorted([p.doc_id for p in g] for g in groups) == [["a"], ["b"], ["h"], ["n"]]
