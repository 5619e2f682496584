"""Mentions of one programme grouped however its articles write it."""

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
