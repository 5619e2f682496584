"""What opening a store costs at archive size: `Store.open`, open to the end of the first search, the
first `answer()` and `answer()` p50 / p95, each in fresh processes; optionally the real start-up,
`danvan-qa ask` from process start to exit. Not a test: figures depend on the machine.

Usage: python benchmarks/store_open.py [--sizes 1000,5000,20000] [--work DIR] [--rounds 5] [--cli-rounds 3]
                                       [--src SRC]

Articles are synthetic (archive.generate), indexed with the fake embedder of tests/fakes.py at the
real model's dimension and under its id: the files have their real sizes and no model loads while
indexing. In the timed children the fake embedder also encodes the questions (about 1 ms), so
`answer()` here is the answering path without the encoder's 8-10 ms; the checks (checksums on a
thread, vector norms, scores in range) stay on. The store is on a warm page cache, as on a server
that restarts. `--cli-rounds` runs `danvan-qa ask` with the configured encoder (its vectors search
the fake ones: the ranking is meaningless, the timing is not). `--src` points the children at
another checkout's `src`, to measure the code before a change on stores that code wrote.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import machine, say  # noqa: E402

QUERY = "phối hợp công tác dân vận"
# What a child process runs: open, first search, answers; one JSON line of seconds back.
CHILD = """
import json, random, sys, time
t0 = time.perf_counter()
sys.path[:0] = [{tests!r}, {src!r}]
from fakes import FakeEmbedder
from danvan_qa.embed.embedding import model_id_for
from danvan_qa.index.store import Store
from danvan_qa.ingest.names import PROVINCES
from danvan_qa.qa import retrieval
from danvan_qa.qa.answering import Answerer
from danvan_qa.settings import Settings
settings = Settings.from_env(store={store!r})
emb = FakeEmbedder(dim=384, model_id=model_id_for(settings))
retrieval.get_embedder = lambda s: emb
vector = emb.encode_queries([{query!r}])[0]
t1 = time.perf_counter()
store = Store.open(settings.store, emb.model_id, settings)
t2 = time.perf_counter()
store.dense_search(vector, 10)
store.lexical_search({query!r}, 10)
t3 = time.perf_counter()
answerer = Answerer(store, settings)
rng = random.Random(1)
questions = [rng.choice({questions!r}).format(place=rng.choice(sorted(PROVINCES))) for _ in range(101)]
t4 = time.perf_counter()
answerer.answer(questions[0])
t5 = time.perf_counter()
times = []
for q in questions[1:]:
    a = time.perf_counter()
    answerer.answer(q)
    times.append(time.perf_counter() - a)
print(json.dumps({{"imports": t1 - t0, "open": t2 - t1, "first search": t3 - t2, "first answer": t5 - t4,
                  "answers": times}}))
"""


def build(n: int, work: Path) -> Path:
    """The n-article store under `work`, generated and indexed once (kept for later runs)."""
    sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]
    from archive import generate
    from fakes import FakeEmbedder

    from danvan_qa.embed.embedding import model_id_for
    from danvan_qa.index.indexer import build_index
    from danvan_qa.settings import Settings

    corpus, store = work / f"corpus{n}", work / f"store{n}"
    if not corpus.is_dir():
        generate(n, corpus)
    emb = FakeEmbedder(dim=384, model_id=model_id_for(Settings.from_env()))
    report = build_index(settings=Settings(corpus=corpus, store=store), embedder=emb)
    say(f"{n} articles: {report.summary()}")
    return store


def child(store: Path, src: Path) -> dict[str, object]:
    from archive import QUESTIONS

    code = CHILD.format(tests=str(ROOT / "tests"), src=str(src), store=str(store), query=QUERY,
                        questions=list(QUESTIONS))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(src)})
    return json.loads(out.stdout.strip().splitlines()[-1])


def cli_ask(store: Path, src: Path) -> float:
    """Wall seconds of one `danvan-qa ask` process, start to exit."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "danvan_qa.interfaces.cli", "ask", "Ai chủ trì hội nghị ở Hà Nội?",
                    "--store", str(store)], check=True, capture_output=True,
                   env={**os.environ, "PYTHONPATH": str(src)})
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,5000,20000")
    ap.add_argument("--work", type=Path, default=Path("/tmp/danvan-store-open"))
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--cli-rounds", type=int, default=0)
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="the code the children run")
    ap.add_argument("--no-build", action="store_true", help="use the stores in --work as they are")
    args = ap.parse_args()
    say(machine())
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        store = args.work / f"store{n}" if args.no_build else build(n, args.work)
        runs = [child(store, args.src) for _ in range(args.rounds)]
        med = {k: statistics.median(float(r[k]) for r in runs) * 1000  # type: ignore[arg-type]
               for k in ("imports", "open", "first search", "first answer")}
        answers = sorted(t * 1000 for r in runs for t in r["answers"])  # type: ignore[union-attr]
        row = {"articles": n, **med, "answer p50": answers[len(answers) // 2],
               "answer p95": answers[int(len(answers) * 0.95)]}
        if args.cli_rounds:
            row["ask s"] = statistics.median(cli_ask(store, args.src) for _ in range(args.cli_rounds))
        rows.append(row)
        say(" ".join(f"{k}={v:.1f}" for k, v in row.items()))
    keys = list(rows[0])
    say("| " + " | ".join(keys) + " |")
    say("|---" * len(keys) + "|")
    for r in rows:
        say("| " + " | ".join(f"{r[k]:.0f}" if k == "articles" else f"{r[k]:.1f}" for k in keys) + " |")


if __name__ == "__main__":
    main()
