"""How long answer() takes next to the one query embedding it cannot avoid. Not a test: figures
depend on the machine.

Usage: python benchmarks/answer_latency.py GOLD.jsonl... [--corpus DIR] [--store DIR] [--repeat 3]

For every gold question, in one process: the bare query embedding (the e5 encoder on the
question), and answer() split into the stages of its pipeline (read, retrieve, sentence
candidates + rank, propose, decide, compose), each called as Answerer calls it. Prints p50 / p95 per stage in milliseconds and the ratio
answer() p50 / query-embedding p50.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import machine, pct, say, timed  # noqa: E402

from danvan_qa import build_index, open_store  # noqa: E402
from danvan_qa.embed.embedding import get_embedder  # noqa: E402
from danvan_qa.evaluation.gold import load_gold_files  # noqa: E402
from danvan_qa.qa.answering import Answerer  # noqa: E402
from danvan_qa.qa.candidates import sentence_candidates  # noqa: E402
from danvan_qa.qa.compose import compose  # noqa: E402
from danvan_qa.qa.decide import decide  # noqa: E402
from danvan_qa.qa.propose import propose  # noqa: E402
from danvan_qa.qa.ranker import rank  # noqa: E402
from danvan_qa.qa.reading import read, retrieve_for  # noqa: E402
from danvan_qa.settings import Settings  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path, nargs="+")
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--store", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    settings = Settings.from_env(corpus=args.corpus, store=args.store)
    build_index(settings=settings)
    store = open_store(settings=settings)
    embedder = get_embedder(settings)
    answerer = Answerer(store, settings)
    questions = [i.question for i in load_gold_files(args.gold)]
    for q in questions[:10]:  # warm-up
        answerer.answer(q, k=settings.answer_passages)
    stages: dict[str, list[float]] = {k: [] for k in (
        "query embedding", "read", "retrieve", "sentence candidates + rank", "propose", "decide", "compose",
        "answer()")}
    k, models = settings.answer_passages, answerer.models
    for q in questions:
        reading = read(q, store, settings)
        stages["query embedding"] += timed(lambda: embedder.encode_queries([reading.text]), args.repeat)
        stages["read"] += timed(lambda: read(q, store, settings), args.repeat)
        passages = retrieve_for(reading, store, settings, k=k, fusion=answerer.fusion)
        stages["retrieve"] += timed(lambda: retrieve_for(reading, store, settings, k=k, fusion=answerer.fusion),
                                    args.repeat)

        def ranked_sentences():
            return rank(sentence_candidates(reading.question, passages, store, reading.scorer), models.sentence)

        ranked = ranked_sentences()
        stages["sentence candidates + rank"] += timed(ranked_sentences, args.repeat)
        candidates = propose(reading, passages, ranked, store, answerer.drafter)
        stages["propose"] += timed(lambda: propose(reading, passages, ranked, store, answerer.drafter), args.repeat)
        decision = decide(reading, passages, candidates, models.answerable, answerer.abstain_below)
        stages["decide"] += timed(lambda: decide(reading, passages, candidates, models.answerable,
                                                 answerer.abstain_below), args.repeat)
        stages["compose"] += timed(lambda: compose(decision, store), args.repeat)
        stages["answer()"] += timed(lambda: answerer.answer(q, k=k), args.repeat)
    say(f"### answer() latency ({len(questions)} gold questions x {args.repeat}, {len(store.data.documents)} "
        f"articles, {len(store)} chunks)\n")
    say(f"Machine: {machine()}\n")
    say("| stage | p50 ms | p95 ms |")
    say("|---|---|---|")
    for name, values in stages.items():
        say(f"| {name} | {pct(values, 50):.1f} | {pct(values, 95):.1f} |")
    ratio = pct(stages["answer()"], 50) / pct(stages["query embedding"], 50)
    say(f"\nanswer() p50 / bare query embedding p50 = {ratio:.2f}")


if __name__ == "__main__":
    main()
