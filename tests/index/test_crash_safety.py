"""SIGKILL an indexer at random points, many times: the store is always the old or the new
complete one. Two indexers at once: the second waits for the file lock; neither corrupts it."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from danvan_qa.index import store as st
from danvan_qa.index.catalogue import current_generation
from fakes import FakeEmbedder

CHILD = Path(__file__).parents[1] / "indexer_child.py"
KILLS = 30


def _write_corpus(folder: Path, version: str, n: int = 120) -> None:
    folder.mkdir(exist_ok=True)
    for i in range(n):
        body = " ".join(f"Câu {j} về công tác dân vận, phiên bản {version}, bài {i}." for j in range(60))
        (folder / f"bai{i:03d}.txt").write_text(f"Bài {i} ({version})\n{body}\n", encoding="utf-8")


def _state(store: Path) -> str:
    """Which corpus version the loadable store holds ('A' or 'B'); fails if it cannot load or is mixed."""
    opened = st.Store.open(store, FakeEmbedder().model_id)  # checks chunks, vectors, FAISS and BM25 agree
    data = opened.data
    versions = {"A" if "phiên bản A" in d.text else "B" for d in data.documents.values()}
    assert len(data.documents) == 120 and len(versions) == 1, versions
    assert len(data.chunks) == opened.backend.vectors.shape[0] == opened.backend.dense.ntotal
    return versions.pop()


def _run(corpus: Path, store: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(CHILD), str(corpus), str(store)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_sigkill_during_builds_leaves_a_complete_store(tmp_path):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    _write_corpus(corpus, "A")
    assert _run(corpus, store).wait(timeout=120) == 0
    t0 = time.monotonic()
    assert _run(corpus, store).wait(timeout=120) == 0  # a no-op run: measures start-up cost
    startup = time.monotonic() - t0
    _write_corpus(corpus, "B")
    t0 = time.monotonic()
    assert _run(corpus, store).wait(timeout=120) == 0
    full = time.monotonic() - t0
    assert _state(store) == "B"
    rng = random.Random(7)
    expected, killed_mid_write = "B", 0
    for _ in range(KILLS):
        target = "A" if expected == "B" else "B"
        _write_corpus(corpus, target)
        proc = _run(corpus, store)
        time.sleep(rng.uniform(startup * 0.8, full * 1.1))
        proc.send_signal(signal.SIGKILL)
        finished = proc.wait(timeout=60) == 0
        got = _state(store)
        assert got in (expected, target)
        if got == target:
            expected = target
        killed_mid_write += not finished
    assert killed_mid_write >= KILLS // 2  # most kills really interrupted a build
    assert _run(corpus, store).wait(timeout=120) == 0  # and the next run completes normally
    leftovers = [p.name for p in store.iterdir() if p.name.startswith((".gen-", "gen-"))]
    assert len(leftovers) == 1


def test_two_indexers_at_once(tmp_path):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    _write_corpus(corpus, "A")
    first, second = _run(corpus, store), _run(corpus, store)
    outs = [p.communicate(timeout=300) for p in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, outs
    summaries = sorted(o[0] for o in outs)
    # one built everything; the other waited for the lock and then found nothing to do
    assert any("120 added" in s for s in summaries) and any("120 unchanged" in s for s in summaries)
    assert _state(store) == "A"
    manifest = json.loads((current_generation(store) / "manifest.json").read_text())
    assert len(manifest["documents"]) == 120
