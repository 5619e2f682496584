"""Citations quote the article as published: the map from the normalised text back to it.

A document's `text` is normalised and cleaned for matching; its `published` text is the file
decoded, NFC, front matter removed. `Document.published_span` maps a span of the one to the
tight span of the other, and every citation quotes `published` at its offsets.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from danvan_qa.ingest.corpus import Document, _is_boilerplate, check_map, clean_body, decode, load_corpus, parse_document
from danvan_qa.ingest.normalize import normalize_text

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT.parent / "shared" / "devset"

CRAFTED = (
    "---\r\nid: crafted\r\ntitle: Bài thử\r\ndate: 2022-05-26\r\n---\r\n"
    "Cập nhật:26/05/2022 5:24:35 CH\r\n"
    "  Ban Dân vận Tỉnh uỷ và Công an tỉnh ký kết chương trình phối hợp.  \r\n"
    "Phong trào \u201cDân vận khéo\u201d được hưởng ứng,\u00a0có 212\u202fmô hình.\r\n"
    "Bình luận (0)\r\n"
    "Toàn cảnh hội nghị.\r\n"
    "Toàn cảnh hội nghị.\r\n"
    "Đồng chí Nguyễn\u200b Văn \u00adAn phát biểu về sự hoà hợp và thuỷ lợi\u2019s.\r\n"
    "\r\n\r\n\r\n"
    "\t Lên đầu trang \r\n"
    "Kết thúc bài, quý khách khoẻ.\r\n"
)


def _published_of(raw: str) -> str:
    """The published text, written out by hand for the test: NFC, front matter cut."""
    text = unicodedata.normalize("NFC", raw)
    return text[text.index("---\r\n", 5) + 5 :] if text.startswith("---") else text


def _fields(doc: Document) -> dict:
    return {k: v for k, v in doc.__dict__.items() if not k.startswith("_")}


def assert_consistent(doc: Document, a: int, b: int) -> None:
    """The published span of text[a:b] normalises back to it, line by line.

    Between two lines of the span, the published text may only hold what cleaning drops:
    spaces at the line ends, blank lines, page furniture and a caption's repeat.
    """
    text, pub = doc.text, doc.published
    p_start, p_end = doc.published_span(a, b)
    assert 0 <= p_start <= p_end <= len(pub)
    pieces, at = [], a
    for piece in text[a:b].split("\n"):
        pieces.append((at, at + len(piece)))
        at += len(piece) + 1
    spans = [doc.published_span(x, y) for x, y in pieces]
    assert spans[0][0] == p_start and (spans[-1][1] == p_end or pieces[-1][0] == b)  # a span may end on "\n"
    for (x, y), (s, e) in zip(pieces, spans):
        assert normalize_text(pub[s:e]) == text[x:y], (a, b)
    for (x, y), (_, e), (s, _) in zip(pieces, spans, spans[1:]):
        gap = normalize_text(pub[e:s]).split("\n")
        assert len(gap) >= 2 and not gap[0].strip() and not gap[-1].strip(), (a, b, gap)
        line = text[text.rfind("\n", 0, y) + 1 : text.find("\n", y) if "\n" in text[y:] else len(text)]
        previous = line or next((l for l in reversed(text[:x].split("\n")) if l), None)
        for dropped in gap[1:-1]:
            assert not dropped.strip() or _is_boilerplate(dropped) or dropped.strip() == previous, (a, b, dropped)


@pytest.fixture(scope="module")
def crafted():
    return parse_document(Path("crafted.txt"), CRAFTED.encode("utf-8"))


def test_published_text_is_the_file_without_front_matter(crafted):
    assert crafted.published == _published_of(CRAFTED)
    assert crafted.published.startswith("Cập nhật:26/05/2022") and crafted.published.endswith("khoẻ.\r\n")
    assert crafted.text == clean_body(normalize_text(crafted.published))[0]


@pytest.mark.parametrize("normalised, published", [
    ("Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh uỷ"),  # old tone placement
    ('"Dân vận khéo"', "\u201cDân vận khéo\u201d"),  # curly quotes
    ("hưởng ứng, có 212 mô hình.", "hưởng ứng,\u00a0có 212\u202fmô hình."),  # odd spaces
    ("Nguyễn Văn An", "Nguyễn\u200b Văn \u00adAn"),  # zero-width marks inside are kept
    ("hòa hợp và thủy lợi's", "hoà hợp và thuỷ lợi\u2019s"),
    ("phối hợp.\nPhong trào", "phối hợp.  \r\nPhong trào"),  # trailing spaces and CRLF inside
    ("mô hình.\nToàn cảnh", "mô hình.\r\nBình luận (0)\r\nToàn cảnh"),  # a dropped line inside
    ("Toàn cảnh hội nghị.\nĐồng chí", "Toàn cảnh hội nghị.\r\nToàn cảnh hội nghị.\r\nĐồng chí"),  # caption twice
    ("lợi's.\n\nKết thúc", "lợi\u2019s.\r\n\r\n\r\n\r\n\t Lên đầu trang \r\nKết thúc"),
    ("quý khách khỏe.", "quý khách khoẻ."),
])
def test_span_maps_to_the_published_substring(crafted, normalised, published):
    start = crafted.text.index(normalised)
    p_start, p_end = crafted.published_span(start, start + len(normalised))
    assert crafted.published[p_start:p_end] == published
    assert published in _published_of(CRAFTED)


def test_spans_are_tight_and_line_spans_normalise_back(crafted):
    text, pub = crafted.text, crafted.published
    # a span starting or ending next to dropped characters leaves them out
    assert crafted.published_span(0, 3) == (pub.index("Ban"), pub.index("Ban") + 3)
    assert pub[slice(*crafted.published_span(0, len(text)))] == pub[pub.index("Ban") : pub.rindex(".") + 1]
    bounds = [0] + [m.end() for m in re.finditer(r"\W", text)] + [len(text)]
    for a in bounds:
        for b in bounds:
            if a <= b:
                assert_consistent(crafted, a, b)
    assert crafted.published_span(len(text), len(text)) == (pub.rindex(".") + 1,) * 2


def test_offset_map_is_compact_and_survives_json(crafted):
    assert 1 < len(crafted.offsets) < 20  # runs, not one entry per character
    row = json.loads(json.dumps(_fields(crafted), ensure_ascii=False))
    again = Document(**row)
    assert again == crafted and again.published_span(5, 40) == crafted.published_span(5, 40)


def test_a_wrong_map_fails_loudly(crafted):
    good = [crafted.published_span(i, i + 1)[0] for i in range(len(crafted.text))]
    check_map(crafted.text, crafted.published, good)
    shifted = good[:10] + [p + 1 for p in good[10:]]
    with pytest.raises(ValueError, match="cannot come from"):
        check_map(crafted.text, crafted.published, shifted)
    with pytest.raises(ValueError, match="increasing"):
        check_map(crafted.text, crafted.published, good[:5] + [good[3]] + good[6:])
    with pytest.raises(ValueError):
        Document(**{**_fields(crafted), "offsets": ((0, 0), (5, 2))})
    with pytest.raises(ValueError, match="outside"):
        crafted.published_span(0, len(crafted.text) + 1)


def test_document_built_from_text_is_its_own_published_text():
    doc = Document("d", "d.txt", "T", None, None, None, None, "Tiêu đề\nThân.", "h")
    assert doc.published == doc.text and doc.published_span(3, 9) == (3, 9)


# -- property: random articles built from the pieces normalisation and cleaning change --------
WORDS = ["Tỉnh uỷ", "hoà", "Thuỷ", "khoẻ", "quý", "Dân vận", "212", "Nguyễn Văn An", "HOÀ", "ký kết", "a"]
JOINERS = [" ", "  ", "\u00a0", "\u202f", "\u200b", "\u200b ", "\u00ad", ", ", ". ", "\t", " \ufeff"]
QUOTES = [("\u201c", "\u201d"), ("\u2018", "\u2019"), ("«", "»"), ("", "")]
FURNITURE = ["Bình luận (0)", "Lên đầu trang", "Tin mới", " Bản in]", "Lượt xem: 1.234", "www.cand.com.vn", ""]
ENDINGS = ["\n", "\r\n", "\r", "\r\n\r\n", "\n\n\n"]


@st.composite
def articles(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()) and lines:
            lines.append(lines[-1] if draw(st.booleans()) else draw(st.sampled_from(FURNITURE)))
            continue
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
        parts = [words[0]] + [draw(st.sampled_from(JOINERS)) + w for w in words[1:]]
        left, right = draw(st.sampled_from(QUOTES))
        line = left + "".join(parts) + right
        if draw(st.booleans()):
            line = unicodedata.normalize("NFD", line)
        lines.append(draw(st.sampled_from(["", " ", "\u00a0", "\t "])) + line + draw(st.sampled_from(["", "  ", "\u200b"])))
    body = "".join(line + draw(st.sampled_from(ENDINGS)) for line in lines)
    return ("---\r\nid: p\r\n---\r\n" + body) if draw(st.booleans()) else body


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.data())
def test_every_mapped_span_is_consistent(raw, data):
    try:
        doc = parse_document(Path("p.txt"), raw.encode("utf-8"))
    except ValueError as exc:
        assert "empty document" in str(exc)
        return
    text, pub = doc.text, doc.published
    assert pub == _published_of(raw)
    bounds = sorted({0, len(text), *(m.end() for m in re.finditer(r"\W", text)), *(m.start() for m in re.finditer(r"\W", text))})
    a, b = sorted(data.draw(st.lists(st.sampled_from(bounds), min_size=2, max_size=2)))
    assert_consistent(doc, a, b)
    span = pub[slice(*doc.published_span(a, b))]
    if a < b:  # tight: the span starts and ends on characters the text was made from
        assert normalize_text(span[0]) and normalize_text(span[-1])
    for i in range(len(text)):  # one character to one character, increasing
        assert doc.published_span(i, i + 1)[1] - doc.published_span(i, i + 1)[0] == 1


# -- every citation of the gold questions, over the seeds and the development set --------------
def _check_citations(store, settings_, gold: Path, corpus: Path) -> int:
    from danvan_qa import answer
    from danvan_qa.evaluation.run import published_text
    from danvan_qa.interfaces.ui_render import citation_html, esc

    paths = {d.doc_id: Path(d.path) for d in load_corpus(corpus).documents}
    raw = {d: decode(p.read_bytes()) for d, p in paths.items()}
    checked = changed = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        question = json.loads(line)["question"]
        for c in answer(question, store=store, settings=settings_).citations:
            doc = store.data.documents[c.doc_id]
            assert doc.published[c.start : c.end] == c.quote, (question, c)
            assert c.quote in raw[c.doc_id], (question, c.quote)
            assert published_text(str(paths[c.doc_id]))[c.start : c.end] == c.quote
            assert citation_html(store, c).count(f"<mark>{esc(c.quote)}</mark>") == 2  # context and whole article
            checked += 1
            changed += normalize_text(c.quote) != c.quote
    assert checked, "no citation was produced"
    return changed


@pytest.mark.slow
def test_every_seed_citation_quotes_the_published_text(real_store, real_settings):
    _check_citations(real_store, real_settings, ROOT / "eval" / "gold.jsonl", ROOT / "corpus")


@pytest.fixture(scope="module")
def devset_store(tmp_path_factory):
    if not (DEVSET / "corpus").is_dir() or not (DEVSET / "gold.jsonl").is_file():
        pytest.skip(f"development set not found at {DEVSET} (../shared/devset beside the checkout)")
    from danvan_qa import build_index, open_store
    from danvan_qa.settings import Settings

    settings_ = Settings.from_env(corpus=DEVSET / "corpus", store=tmp_path_factory.mktemp("devset-store"))
    build_index(settings=settings_)
    return open_store(settings=settings_), settings_


@pytest.mark.slow
def test_every_devset_citation_quotes_the_published_text(devset_store):
    store, settings_ = devset_store
    changed = _check_citations(store, settings_, DEVSET / "gold.jsonl", DEVSET / "corpus")
    assert changed, "no quote differs from its normalised form: the test would not notice a normalised quote"
