"""The synthetic archive of benchmarks/archive.py: valid articles, each naming its own event."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from archive import generate  # noqa: E402

from danvan_qa.ingest.corpus import load_corpus  # noqa: E402
from danvan_qa.ingest.facts import extract  # noqa: E402


def test_generated_articles_load_and_differ(tmp_path):
    written = generate(12, tmp_path, seed=3)
    loaded = load_corpus(tmp_path)
    assert not loaded.skipped and len(loaded.documents) == 12 and written > 12 * 500
    docs = loaded.documents
    assert len({d.doc_id for d in docs}) == 12 and all(d.date and d.place for d in docs)
    assert sum(d.place in d.text for d in docs) >= 6  # the provinces it names are its own place
    assert len({d.text for d in docs}) == 12
    assert extract(docs).people  # names still read as names after substitution
    generate(2, tmp_path, seed=3, start=12)  # "1 % new articles": more files, none overwritten
    assert len(load_corpus(tmp_path).documents) == 14
    again = tmp_path / "again"
    generate(12, again, seed=3)
    assert [p.read_text() for p in sorted(again.iterdir())] == \
        [p.read_text() for p in sorted(tmp_path.iterdir())[:12]]  # deterministic
