"""The exported encoders (ONNX float32 and int8, OpenVINO bfloat16 and int8, the static table) against the float32 torch one, in one run.
Not a test: figures depend on the machine, so the table is headed by the CPU's class and flags.

Usage: python benchmarks/encoders.py [--set NAME=GOLD.jsonl[,GOLD…]@CORPUS …] [--chunks 600] [--repeat 3]
       [--encoders onnx,openvino,…] [--isa AVX2] [--write]

--isa runs the encoders as a smaller CPU would: ONEDNN_MAX_CPU_ISA caps oneDNN (torch, OpenVINO,
which then computes in float32), and for AVX2 and AVX512_CORE_VNNI benchmarks/cpuid_mask.c answers
every library's CPUID with the bigger instruction sets cleared, so ONNX Runtime, which has no cap of
its own, runs that CPU's kernels too (needs gcc and a CPU with the cpuid_fault flag).

For each encoder: retrieval quality (Recall@5, MRR@10, hybrid and dense) on each gold set over
its corpus, each in a store of its own; query-encoding p50 on every gold question; answer() p50;
passage throughput (chunks/s) encoding the real chunks of the corpora, repeated up to --chunks;
and the whole `build_index` of each corpus. Prints the table and the ratios to torch float32
that the issues set targets for (on an AVX2-only CPU: passages ≥ 1.5 × torch, a query ≤ 0.5 ×,
retrieval within 0.01; the static table ≥ 20 × torch); appends them to benchmarks/results.md with --write.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import os  # noqa: E402

from common import LINES, emulate_cpu, machine, pct, say, timed  # noqa: E402

from danvan_qa import build_index, open_store  # noqa: E402

from danvan_qa import evaluate  # noqa: E402
from danvan_qa.qa.answering import Answerer  # noqa: E402
from danvan_qa.embed import embedding  # noqa: E402
from danvan_qa.embed.embedding import get_embedder  # noqa: E402
from danvan_qa.evaluation.gold import load_gold_files  # noqa: E402
from danvan_qa.settings import Settings  # noqa: E402

ENCODERS = ("torch", "onnx", "onnx-int8", "openvino", "openvino-int8", "static")
DEFAULT_SETS = ("seeds=eval/gold.jsonl@corpus", "devset=../shared/devset/gold.jsonl@../shared/devset/corpus")


def _parse_set(spec: str) -> tuple[str, list[Path], Path]:
    name, rest = spec.split("=", 1)
    gold, corpus = rest.rsplit("@", 1)
    return name, [ROOT / g for g in gold.split(",")], ROOT / corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", action="append", dest="sets", help="NAME=GOLD[,GOLD…]@CORPUS (repeatable)")
    ap.add_argument("--chunks", type=int, default=600, help="passages encoded for the throughput figure")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--encoders", default=",".join(ENCODERS), help="torch first, then those to compare with it")
    ap.add_argument("--isa", help="run as a CPU of this level would, e.g. AVX2 (oneDNN capped; CPUID masked for all)")
    ap.add_argument("--write", action="store_true", help="append the table to benchmarks/results.md")
    args = ap.parse_args()
    if args.isa:
        emulate_cpu(args.isa)
    from danvan_qa.cpu import cpu_flags, this_cpu

    cpu = this_cpu()
    encoders = tuple(dict.fromkeys(["torch", *args.encoders.split(",")]))
    sets = [_parse_set(s) for s in (args.sets or DEFAULT_SETS)]
    sets = [s for s in sets if s[2].is_dir() and all(g.is_file() for g in s[1])]
    if not sets:
        sys.exit("no gold set with its corpus found (../shared/devset is read from beside the repo)")
    say(f"## Encoders on {cpu.describe()}: torch float32 against the others ({time.strftime('%Y-%m-%d')})\n")
    say(machine() + "\n")
    simd = sorted(f for f in cpu_flags() if f.startswith(("avx", "amx", "fma", "sse4")))
    say(f"CPU flags: {' '.join(simd)}\n")
    if os.environ.get("CPUID_MASK_ISA"):
        say(f"Emulated: every library's CPUID answered as an {os.environ['CPUID_MASK_ISA']} CPU's (benchmarks/cpuid_mask.c)\n")
    rows: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="danvan-enc-") as tmp:
        for encoder in encoders:
            embedding._cache.clear()  # drop the encoder measured before, and any threads it keeps
            gc.collect()
            r = rows[encoder] = {}
            for name, gold, corpus in sets:
                settings = Settings.from_env(corpus=corpus, store=Path(tmp) / f"{name}-{encoder}", encoder=encoder)
                get_embedder(settings)  # load (and export once) outside the timings
                t0 = time.perf_counter()
                r[f"{name} chunks"] = build_index(settings=settings).chunks
                r[f"{name} build s"] = time.perf_counter() - t0
                res = evaluate(gold, corpus=corpus, store=settings.store, settings=settings, baseline=False,
                               modes=("hybrid", "dense"))
                for mode in ("hybrid", "dense"):
                    agg = res.metrics["retrieval"][mode]["overall"]
                    r[f"{name} {mode} R@5"] = agg["Recall@5"]
                    r[f"{name} {mode} MRR@10"] = agg["MRR@10"]
                r[f"{name} contained"] = res.metrics["answers"]["overall"]["answer_contained"]
            name, gold, corpus = sets[0]
            settings = Settings.from_env(corpus=corpus, store=Path(tmp) / f"{name}-{encoder}", encoder=encoder)
            embedder = get_embedder(settings)
            questions = [i.question for g in gold for i in load_gold_files([g])]
            r["query ms p50"] = pct([t for q in questions for t in timed(lambda: embedder.encode_queries([q]),
                                                                             args.repeat)], 50)
            answerer = Answerer(open_store(settings=settings), settings)
            for q in questions[:5]:
                answerer.answer(q)  # warm-up
            r["answer ms p50"] = pct([t for q in questions for t in timed(lambda: answerer.answer(q), args.repeat)], 50)
            texts = [c.text for set_name, _, set_corpus in sets for c in open_store(settings=Settings.from_env(
                corpus=set_corpus, store=Path(tmp) / f"{set_name}-{encoder}", encoder=encoder)).data.chunks]
            texts = (texts * (args.chunks // max(len(texts), 1) + 1))[: args.chunks]
            t0 = time.perf_counter()
            embedder.encode_passages(texts)
            r["passages/s"] = len(texts) / (time.perf_counter() - t0)
            r["index chunks/s"] = sum(r[f"{n} chunks"] for n, _, _ in sets) / sum(r[f"{n} build s"] for n, _, _ in sets)
    keys = list(rows["torch"])
    say("| measure | " + " | ".join(encoders) + " | " + " | ".join(f"{e} / torch" for e in encoders[1:]) + " |")
    say("|---" * (2 * len(encoders)) + "|")
    for k in keys:
        base = rows["torch"][k]
        say(f"| {k} | " + " | ".join(f"{rows[e][k]:.3f}" for e in encoders) + " | "
            + " | ".join(f"{rows[e][k] / base if base else float('nan'):.2f}" for e in encoders[1:]) + " |")
    say()
    torch_q = rows["torch"]["query ms p50"]
    for e in encoders[1:]:
        worst = max(abs(rows[e][k] - rows["torch"][k]) for k in keys if "R@5" in k or "MRR" in k)
        say(f"- {e}: query encoding p50 {rows[e]['query ms p50'] / torch_q:.2f} × torch; answer() p50 "
            f"{rows[e]['answer ms p50'] / torch_q:.2f} × a bare torch query encoding; passages "
            f"{rows[e]['passages/s'] / rows['torch']['passages/s']:.2f} × torch, whole index "
            f"{rows[e]['index chunks/s'] / rows['torch']['index chunks/s']:.2f} ×; largest retrieval "
            f"difference (Recall@5, MRR@10) {worst:.3f}")
    if args.write:
        with (ROOT / "benchmarks" / "results.md").open("a", encoding="utf-8") as f:
            f.write("\n" + "\n".join(LINES) + "\n")


if __name__ == "__main__":
    main()
