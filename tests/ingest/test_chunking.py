from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from danvan_qa.ingest.chunking import MIN_CHUNK, chunk_document, context_text
from danvan_qa.ingest.corpus import Document, load_corpus

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _doc(text: str) -> Document:
    return Document("d", "d.txt", "Tiêu đề", None, None, None, None, text, "h")


@pytest.mark.parametrize("size, overlap", [(300, 50), (700, 150), (1200, 200)])
def test_seed_chunk_offsets_are_exact(size, overlap):
    for doc in load_corpus(CORPUS).documents:
        chunks = chunk_document(doc, size, overlap)
        assert chunks, doc.doc_id
        for c in chunks:
            assert doc.text[c.start : c.end] == c.text
            assert len(c.text) <= size + MIN_CHUNK
            assert len(c.text) >= MIN_CHUNK or len(chunks) == 1
        starts = [c.start for c in chunks]
        assert starts == sorted(set(starts))
        # together the chunks cover every non-space character of the document
        covered = set()
        for c in chunks:
            covered.update(range(c.start, c.end))
        assert all(i in covered for i, ch in enumerate(doc.text) if not ch.isspace())


def test_chunks_prefer_sentence_boundaries():
    text = " ".join(f"Câu số {i} nói về công tác dân vận ở cơ sở." for i in range(40))
    chunks = chunk_document(_doc(text), 200, 40)
    assert all(c.text.endswith(".") for c in chunks[:-1])


def test_overlap_must_be_smaller_than_size():
    with pytest.raises(ValueError, match="overlap"):
        chunk_document(_doc("abc"), 100, 100)


def test_context_carries_title_and_place():
    doc = Document("d", "d.txt", "Tiêu đề", None, None, None, "Huế", "Tiêu đề\nThân.", "h")
    assert context_text(doc, "Thân.") == "Tiêu đề (Huế)\nThân."
    assert context_text(doc, "Tiêu đề\nThân.") == "(Huế)\nTiêu đề\nThân."


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["ký kết", "Hà Nội", ". ", "\n", "\n\n", "ở", "và", ", ", "; ", "x" * 30]),
                min_size=1, max_size=200))
def test_offsets_exact_on_random_text(parts):
    text = "".join(parts).strip()
    if not text:
        return
    for c in chunk_document(_doc(text), 120, 30):
        assert text[c.start : c.end] == c.text
