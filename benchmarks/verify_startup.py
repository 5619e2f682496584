"""What the store's checks cost at start-up: `Store.open` to the end of the first dense and
lexical search, with the checks and without them. Not a test: figures depend on the machine.

Usage: python benchmarks/verify_startup.py [--sizes 0,3000] [--rounds 21] [--cli-rounds 7] [--dim 384]

The checks: every file's CRC-32 and the vector norms, on a thread started once the store is
read, which the first search waits for, doing what is left itself (all of it, under 8 MiB). Size 0 is the bundled
corpus; other sizes are synthetic articles (archive.generate). Vectors come from a fake embedder
of the real model's dimension, so the files have their real sizes while no model loads: the
first search comes as early as it can, the worst case for a check that runs beside start-up (a
real start-up loads the encoder meanwhile). Both variants run interleaved in random order in one
process, on a warm page cache, so load on the machine falls on both alike.

Then the real start-up: `danvan-qa search` in fresh processes (imports, the store, the default
encoder loaded from its cache, the query encoded, hybrid search), with and without the checks,
alternately. The store's vectors are the fake embedder's under the real model's id, so the real
encoder searches them: the ranking is meaningless, the timing is not.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import say  # noqa: E402
from fakes import FakeEmbedder  # noqa: E402

from danvan_qa.embed.embedding import model_id_for  # noqa: E402
from danvan_qa.index import checksums  # noqa: E402
from danvan_qa.index import store as st  # noqa: E402
from danvan_qa.index.catalogue import current_generation, read_manifest  # noqa: E402
from danvan_qa.index.indexer import build_index  # noqa: E402
from danvan_qa.settings import Settings  # noqa: E402

QUERY = "phối hợp công tác dân vận"


class _NoChecks:
    """A verifier that checks nothing."""

    def __init__(self, *args: Any) -> None: ...

    def start(self) -> None: ...

    def check(self) -> None: ...


VARIANTS = {"without": [("danvan_qa.index.catalogue.Verifier", _NoChecks)], "with": []}


def _first_search(root: Path, emb: FakeEmbedder, vector: Any) -> float:
    t0 = time.perf_counter()
    store = st.Store.open(root, emb.model_id)
    store.dense_search(vector, 10)
    store.lexical_search(QUERY, 10)
    return time.perf_counter() - t0


def measure(root: Path, emb: FakeEmbedder, rounds: int) -> dict[str, float]:
    vector = emb.encode_queries([QUERY])[0]
    _first_search(root, emb, vector)  # page cache and lazy imports warm for every variant
    times: dict[str, list[float]] = {k: [] for k in VARIANTS}
    rng = random.Random(0)
    for _ in range(rounds):
        for name in rng.sample(list(VARIANTS), len(VARIANTS)):
            with contextlib.ExitStack() as patches:
                for target, value in VARIANTS[name]:
                    patches.enter_context(mock.patch(target, value))
                times[name].append(_first_search(root, emb, vector))
    return {k: statistics.median(v) for k, v in times.items()}


def cli_child(store: str, checks: bool) -> None:
    """In a fresh process: `danvan-qa search` on `store`, with or without the checks."""
    from danvan_qa.interfaces.cli import main

    with contextlib.ExitStack() as patches:
        for target, value in [] if checks else VARIANTS["without"]:
            patches.enter_context(mock.patch(target, value))
        main(["search", QUERY, "-k", "1", "--store", store, "--corpus", str(ROOT / "corpus")])


def cli_startup(root: Path, rounds: int) -> dict[str, float]:
    """Median wall seconds of a `danvan-qa search` process with the checks and without."""
    times: dict[str, list[float]] = {"without": [], "with": []}
    for _ in range(rounds):
        for name in times:
            code = (f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); import verify_startup; "
                    f"verify_startup.cli_child({str(root)!r}, {name == 'with'})")
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
            times[name].append(time.perf_counter() - t0)
    return {k: statistics.median(v) for k, v in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="0,3000")
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--cli-rounds", type=int, default=7)
    args = parser.parse_args()
    emb = FakeEmbedder(dim=args.dim, model_id=model_id_for(Settings.from_env()))
    with tempfile.TemporaryDirectory(prefix="danvan-verify-") as work:
        for n in (int(s) for s in args.sizes.split(",")):
            corpus = ROOT / "corpus"
            if n:
                from archive import generate

                corpus = Path(work) / f"corpus{n}"
                generate(n, corpus)
            root = Path(work) / f"store{n}"
            report = build_index(settings=Settings(corpus=corpus, store=root), embedder=emb)
            gen = current_generation(root)
            assert gen is not None
            mib = sum(p.stat().st_size for p in gen.rglob("*") if p.is_file()) / 2**20
            t0 = time.perf_counter()
            assert checksums.verify(gen, read_manifest(root)) == []
            alone = time.perf_counter() - t0
            say(f"{'bundled corpus' if not n else f'{n} synthetic articles'}: {report.chunks} chunks, dim {args.dim}, "
                f"{mib:.1f} MiB; every file verified in one thread: {alone * 1000:.0f} ms")
            med = measure(root, emb, args.rounds)
            say(f"  open to the end of the first dense + lexical search: {med['without'] * 1000:.1f} ms without "
                f"checks, {med['with'] * 1000:.1f} ms with ({(med['with'] / med['without'] - 1) * 100:+.1f} %), "
                f"median of {args.rounds}")
            cli = cli_startup(root, args.cli_rounds)
            say(f"  `danvan-qa search` process, start to exit: {cli['without']:.2f} s without checks, "
                f"{cli['with']:.2f} s with ({(cli['with'] / cli['without'] - 1) * 100:+.1f} %), "
                f"median of {args.cli_rounds}")


if __name__ == "__main__":
    main()
