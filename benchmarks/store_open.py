"""What opening a store costs at archive size: `Store.open`, open to the end of the first search, the
first `answer()` and `answer()` p50 / p95, each in fresh processes; optionally the real start-up,
`danvan-qa ask` from process start to exit. Not a test: figures depend on the machine.

Usage: python benchmarks/store_open.py [--sizes 1000,5000,20000] [--work DIR] [--rounds 5] [--cli-rounds 3]
                                       [--src SRC] [--no-build]

Articles are synthetic (archive.generate), indexed with the fake embedder of tests/fakes.py at the
real model's dimension and under its id, in a child process: the files have their real sizes, no
model loads while indexing, and `index s` / `index peak MiB` are the indexer's own cost (add the
chunks at the encoder's measured chunks/s for a real build). In the timed children the fake embedder also encodes the questions (about 1 ms), so
`answer()` here is the answering path without the encoder's 8-10 ms (`list` the same for 40
questions across the archive, after the `first list` that reads every article's facts); the checks (checksums on a
thread, vector norms, scores in range) stay on. The store is on a warm page cache, as on a server
that restarts. `--cli-rounds` runs `danvan-qa ask` with the configured encoder (its vectors search
the fake ones: the ranking is meaningless, the timing is not). `--src` points the children at
another checkout's `src`, to measure the code before a change on stores that code wrote. Each
child reports its peak resident memory (`answering peak MiB`, `ask peak MiB`).
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
# Questions across the archive (qa/archive.py, programme_lists.py, document_lists.py): programmes by
# year, period, parties and signing, a body's partners, a person's history, people by title,
# documents by kind and year, counted.
LISTS = ("Những chương trình phối hợp nào được ký năm {year}?",
         "Có bao nhiêu chương trình phối hợp được ký trong giai đoạn {year}-{end}?",
         "Đồng chí {name} đã dự những hội nghị nào, với cương vị gì?",
         "Những ai là Giám đốc Công an tỉnh được nêu tên trong các bài?",
         "Có bao nhiêu người giữ chức Trưởng Ban Dân vận Tỉnh ủy được nêu tên trong các bài?",
         "Có bao nhiêu hội nghị ký kết chương trình phối hợp giữa Ban Dân vận tỉnh ủy, thành ủy và Công an tỉnh, "
         "thành phố?",
         "Có bao nhiêu chương trình phối hợp có Bộ đội Biên phòng tham gia?",
         "Bộ Công an đã ký chương trình phối hợp với những cơ quan nào?",
         "Những văn bản nào được ban hành trong năm {year}?",
         "Những kế hoạch phối hợp nào được ký kết theo các bài viết?",
         "Những chương trình phối hợp nào được nêu đầy đủ số hiệu trong các bài viết?")
# What a child process runs: open, first search, answers; one JSON line of seconds back.
# The start of every child: its clock, the checkout's tests and code, the fake embedder.
PRELUDE = """
import json, random, resource, sys, time
t0 = time.perf_counter()
sys.path[:0] = [{tests!r}, {src!r}, {benchmarks!r}]
from fakes import FakeEmbedder
from danvan_qa.embed.embedding import model_id_for
from danvan_qa.settings import Settings
"""
CHILD = PRELUDE + """
from danvan_qa.index.store import Store
from danvan_qa.ingest.names import PROVINCES
from danvan_qa.qa import retrieval
from danvan_qa.qa.answering import Answerer
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
names = [n for _, n in store.stored_facts.folded_names if len(n.split()) >= 3]
lists = [{lists!r}[3]] + [rng.choice({lists!r}).format(year=y, end=y + 5, name=rng.choice(names))
                          for y in (rng.randint(2016, 2024) for _ in range(40))]  # first: people by title
t6 = time.perf_counter()
answerer.answer(lists[0])  # the first question across the archive reads every article's facts
t7 = time.perf_counter()
list_times = []
for q in lists[1:]:
    a = time.perf_counter()
    answerer.answer(q)
    list_times.append(time.perf_counter() - a)
print(json.dumps({{"imports": t1 - t0, "open": t2 - t1, "first search": t3 - t2, "first answer": t5 - t4,
                  "answers": times, "first list": t7 - t6, "lists": list_times,
                  "peak MiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
# What the build child runs: generate (once) and index with the fake embedder; its seconds and peak.
BUILD = PRELUDE + """
from pathlib import Path
from archive import generate
from danvan_qa.index.indexer import build_index
corpus, store = Path({corpus!r}), Path({store!r})
if not corpus.is_dir():
    generate({n}, corpus)
emb = FakeEmbedder(dim=384, model_id=model_id_for(Settings.from_env()))
t0 = time.perf_counter()
report = build_index(settings=Settings(corpus=corpus, store=store), embedder=emb)
print(report.summary(), file=sys.stderr)
print(json.dumps({{"index s": time.perf_counter() - t0, "chunks": report.chunks,
                  "index peak MiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
# `danvan-qa ask` run as the console script runs it, telling its peak memory on the last line of stderr.
ASK = """
import resource, runpy, sys
sys.argv = ["danvan-qa", "ask", "Ai chủ trì hội nghị ở Hà Nội?", "--store", {store!r}]
try:
    runpy.run_module("danvan_qa.interfaces.cli", run_name="__main__")
finally:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=sys.stderr)
"""


def build(n: int, work: Path, src: Path) -> tuple[Path, dict[str, float]]:
    """The n-article store under `work`, generated once and indexed in a child process (the
    indexing time without the encoder, and the child's peak memory)."""
    corpus, store = work / f"corpus{n}", work / f"store{n}"
    code = BUILD.format(tests=str(ROOT / "tests"), src=str(src), benchmarks=str(ROOT / "benchmarks"),
                        corpus=str(corpus), store=str(store), n=n)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(src)})
    say(f"{n} articles: {out.stderr.strip().splitlines()[-1]}")
    return store, json.loads(out.stdout.strip().splitlines()[-1])


def child(store: Path, src: Path) -> dict[str, object]:
    from archive import QUESTIONS

    code = CHILD.format(tests=str(ROOT / "tests"), src=str(src), benchmarks=str(ROOT / "benchmarks"),
                        store=str(store), query=QUERY, questions=list(QUESTIONS), lists=list(LISTS))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(src)})
    return json.loads(out.stdout.strip().splitlines()[-1])


def cli_ask(store: Path, src: Path) -> tuple[float, float]:
    """Wall seconds of one `danvan-qa ask` process, start to exit, and its peak memory (MiB)."""
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", ASK.format(store=str(store))], check=True, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(src)})
    return time.perf_counter() - t0, float(out.stderr.strip().splitlines()[-1])


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
        store, built = (args.work / f"store{n}", {}) if args.no_build else build(n, args.work, args.src)
        runs = [child(store, args.src) for _ in range(args.rounds)]
        med = {k: statistics.median(float(r[k]) for r in runs) * 1000  # type: ignore[arg-type]
               for k in ("imports", "open", "first search", "first answer", "first list")}
        answers = sorted(t * 1000 for r in runs for t in r["answers"])  # type: ignore[union-attr]
        lists = sorted(t * 1000 for r in runs for t in r["lists"])  # type: ignore[union-attr]
        row = {"articles": n, **built, **med, "answer p50": answers[len(answers) // 2],
               "answer p95": answers[int(len(answers) * 0.95)], "list p50": lists[len(lists) // 2],
               "list p95": lists[int(len(lists) * 0.95)],
               "answering peak MiB": max(float(r["peak MiB"]) for r in runs)}  # type: ignore[arg-type]
        if args.cli_rounds:
            asks = [cli_ask(store, args.src) for _ in range(args.cli_rounds)]
            row["ask s"] = statistics.median(seconds for seconds, _ in asks)
            row["ask peak MiB"] = max(peak for _, peak in asks)
        rows.append(row)
        say(" ".join(f"{k}={v:.1f}" for k, v in row.items()))
    keys = list(rows[0])
    say("| " + " | ".join(keys) + " |")
    say("|---" * len(keys) + "|")
    for r in rows:
        say("| " + " | ".join(f"{r[k]:.0f}" if k in ("articles", "chunks") else f"{r[k]:.1f}" for k in keys) + " |")


if __name__ == "__main__":
    main()
