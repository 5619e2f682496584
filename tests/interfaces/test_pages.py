"""The chat's pages without Gradio: a person's record, a programme's page and the timeline, built
from an invented archive (conftest.py) with real fact extraction."""

from __future__ import annotations

import re

import pytest

from danvan_qa.interfaces import timeline
from danvan_qa.interfaces.pages import (find_people, find_programmes, person_html, person_rows, programme_facts,
                                        programme_html, programmes, programmes_cell)
from danvan_qa.interfaces.timeline import BY_PARTNER, BY_PLACE, OTHER, Bar
from invented import ARTICLES, SIGNED_URL

ISO = re.compile(r"\b\d{4}-\d\d-\d\d\b")


def assert_no_plumbing(html: str) -> None:
    """What officials must not see: document ids, character offsets, ISO dates."""
    assert not any(doc_id in html for doc_id in ARTICLES), html
    assert "ký tự" not in html and not ISO.search(html), html


def test_names_are_found_with_or_without_diacritics(invented_store):
    assert find_people(invented_store, "tran van binh") == ["Trần Văn Bình"]
    assert find_people(invented_store, "Quốc Dũng") == ["Phạm Quốc Dũng"]
    assert find_people(invented_store, "  ") == [] and find_people(invented_store, "nguyen") == []


def test_a_persons_events_newest_first_with_the_role_there_and_a_verbatim_citation(invented_store):
    rows = person_rows(invented_store, "Trần Văn Bình")
    assert [r.date for r in rows] == ["2023-12-19", "2022-08-09", "2021-06-10"]  # one row per article
    assert rows[0].role == "Phó Bí thư Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy Bắc Hà" and rows[0].acts == ("phát biểu",)
    assert rows[2].acts == ("chủ trì",) and "ký kết" in rows[2].event and "Bắc Hà" in rows[2].event
    docs = invented_store.data.documents
    for row in rows:
        assert "Trần Văn Bình" in row.cite.quote
        assert any(row.cite.quote in d.published and row.cite.title == d.title for d in docs.values())
    assert rows[2].cite.url == SIGNED_URL and rows[0].cite.url is None


def test_the_person_page_shows_dates_as_officials_write_them_links_and_escapes(invented_store):
    html = person_html(invented_store, "Trần Văn Bình")
    assert ["19/12/2023", "09/08/2022", "10/06/2021"] == re.findall(r"<tr><td>([\d/]+)</td>", html)
    assert f'href="{SIGNED_URL}"' in html and html.count("<a ") == 1  # only the article with a URL is linked
    assert_no_plumbing(html)
    other = person_html(invented_store, "Phạm Quốc Dũng")
    assert "&lt;b&gt;dân vận&lt;/b&gt;" in other and "<b>" not in other  # a title's markup is text
    assert "javascript:" not in other  # a link that is not http(s) is not a link
    assert "Không tìm thấy" in person_html(invented_store, "Người Không Có")


def test_a_programme_named_by_several_articles_is_one_page_with_its_facts_cited(invented_store):
    found = find_programmes(invented_store, "bdv-ca")
    assert len(found) == 1 and find_programmes(invented_store, "bac ha") == found
    record = found[0]
    assert {m.doc_id for m in record.mentions} == {"bv-0001", "bv-0002", "bv-0004"}  # by number (2), the period alone
    facts = {f.label: f for f in programme_facts(invented_store, record)}
    assert facts["Số hiệu"].value == "07-CTr/BDV-CA" and facts["Giai đoạn"].value == "2021-2026"
    assert facts["Các bên"].value == "Ban Dân vận Tỉnh ủy Bắc Hà – Công an tỉnh Bắc Hà"
    assert facts["Ngày ký"].value == "10/06/2021" and facts["Ngày ký"].cite.url == SIGNED_URL
    assert all("07-CTr/BDV-CA" in f.cite.quote for f in facts.values())
    assert find_programmes(invented_store, "2016") == []


def test_reviews_are_found_by_number_or_by_period_and_parties(invented_store):
    record = find_programmes(invented_store, "07-ctr")[0]
    reviews = programmes(invented_store).reviews[record.key]
    assert [(r.kind, r.date) for r in reviews] == [("Sơ kết", "2023-12-19"), ("Tổng kết", "2026-03-05")]
    assert "số 07-CTr/BDV-CA" in reviews[0].cite.quote  # named by its number
    assert "giai đoạn 2021-2026" in reviews[1].cite.quote  # by its period, in an article naming its parties
    assert reviews[1].cite.url == "https://bao.example.vn/tong-ket"
    assert list(programmes(invented_store).reviews) == [record.key]  # the signing article is not a review
    html = programme_html(invented_store, record.key)
    assert "19/12/2023" in html and "05/03/2026" in html and "Sơ kết" in html and "Tổng kết" in html
    assert_no_plumbing(html)
    assert "Không tìm thấy" in programme_html(invented_store, "khong-co")


def test_programme_links_in_the_events_table_open_its_page(invented_store):
    key = find_programmes(invented_store, "07-ctr")[0].key
    cell = programmes_cell(invented_store, "bv-0001")
    assert cell.startswith("[Chương trình phối hợp số 07-CTr/BDV-CA") and cell.endswith(
        f"](?chuong-trinh={key.replace('/', '%2F')})")
    assert programmes_cell(invented_store, "bv-0003") == ""
    assert programmes(invented_store) is programmes(invented_store)  # built once per store


def test_timeline_counts_events_per_year_by_province_or_partner_and_follows_the_search(invented_store):
    assert timeline.timeline(invented_store, BY_PLACE) == [
        Bar("2021", "Bắc Hà", 1), Bar("2022", "Đông Lâm", 2), Bar("2023", "Bắc Hà", 1), Bar("2026", "Bắc Hà", 1)]
    partners = timeline.timeline(invented_store, BY_PARTNER)
    assert Bar("2022", "Công an tỉnh Đông Lâm", 1) in partners and Bar("2022", "Ban Dân vận Tỉnh ủy Đông Lâm", 1) in partners
    assert sum(b.events for b in partners if b.year == "2021") == 2  # an event with two bodies counts for each
    assert timeline.timeline(invented_store, BY_PLACE, "dong lam") == [Bar("2022", "Đông Lâm", 2)]
    with pytest.raises(ValueError):
        timeline.timeline(invented_store, "tuần")


def test_timeline_keeps_the_largest_groups_and_counts_the_rest_together(invented_store, monkeypatch):
    monkeypatch.setattr(timeline, "GROUPS_SHOWN", 1)
    assert timeline.timeline(invented_store, BY_PLACE) == [
        Bar("2021", "Bắc Hà", 1), Bar("2022", OTHER, 2), Bar("2023", "Bắc Hà", 1), Bar("2026", "Bắc Hà", 1)]
    assert timeline.province("thành phố Hà Đông") == timeline.province("Hà Đông") == "Hà Đông"


def test_the_chart_draws_a_stacked_bar_per_year_with_escaped_labels():
    bars = [Bar("2021", "<b>Nam Sơn</b>", 1), Bar("2021", OTHER, 2), Bar("2023", "<b>Nam Sơn</b>", 3)]
    html = timeline.chart_html(bars)
    assert html.count("<rect") == 3 and "<b>" not in html and "&lt;b&gt;Nam Sơn&lt;/b&gt;" in html
    assert re.findall(r'text-anchor="middle">([^<]+)</text>', html) == ["3", "2021", "3", "2023"]  # totals, years
    heights = [float(h) for h in re.findall(r'height="([\d.]+)" fill', html)]
    assert heights[0] * 2 == pytest.approx(heights[1]) and heights[0] * 3 == pytest.approx(heights[2])
    legend = re.findall(r"</span>([^<]+)</li>", html)
    assert legend == ["&lt;b&gt;Nam Sơn&lt;/b&gt;", OTHER]  # the rest counted together, last
    assert "Chưa có sự kiện" in timeline.chart_html([])


def test_a_plans_page_address_holds_its_name_and_year():
    """Plans of two years between the same parties have two addresses, not one told apart by the order read."""
    from types import SimpleNamespace

    from danvan_qa.ingest.facts import Programme
    from danvan_qa.interfaces.pages import _record

    store = SimpleNamespace(data=SimpleNamespace(documents={"x": SimpleNamespace(date="2025-01-10")}))
    keys = [_record(store, [Programme("x", f"kế hoạch phối hợp năm {y}", None, None, ("Ban Dân vận Tỉnh ủy",),
                                      None, None, 0, 10)]).key for y in (2024, 2025)]
    assert keys == ["ke-hoach-phoi-hop-nam-2024-ban-dan-van-tinh-uy", "ke-hoach-phoi-hop-nam-2025-ban-dan-van-tinh-uy"]
