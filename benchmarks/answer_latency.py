"""How long answer() takes next to the one query embedding it cannot avoid. Not a test: figures
depend on the machine.

Usage: python benchmarks/answer_latency.py GOLD.jsonl... [--corpus DIR] [--store DIR] [--repeat 3]

For every gold question, in one process: the bare query embedding (the e5 encoder on the
question), retrieve(), and answer() split into its stages (retrieval, sentence ranking,
drafting, the answer/abstain model). Prints p50 / p95 per stage in milliseconds and the ratio
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
from danvan_qa.qa.answering import Answerer  # noqa: E402
from danvan_qa.embed.embedding import get_embedder  # noqa: E402
from danvan_qa.qa.extractive import Scorer  # noqa: E402
from danvan_qa.evaluation.gold import load_gold_files  # noqa: E402
from danvan_qa.qa.questions import parse  # noqa: E402
from danvan_qa.qa.retrieval import clean_query, search  # noqa: E402
from danvan_qa.settings import Settings  # noqa: E402
from danvan_qa.qa.support import answer_features  # noqa: E402


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
        "query embedding", "retrieval (search)", "parse + scorer", "sentence ranking", "draft", "abstain model",
        "answer()")}
    for q in questions:
        text = clean_query(q, settings.max_question_chars)
        restored = store.restorer.restore(text)
        stages["query embedding"] += timed(lambda: embedder.encode_queries([text]), args.repeat)
        passages = search(store, restored, settings.answer_passages, mode="hybrid", settings=settings)
        stages["retrieval (search)"] += timed(lambda: search(store, restored, settings.answer_passages, mode="hybrid",
                                                            settings=settings), args.repeat)
        parsed = parse(text, restored, store.facts)
        scorer = Scorer(parsed, store.restorer.folded_count, store.restorer.total)
        stages["parse + scorer"] += timed(lambda: Scorer(parse(text, restored, store.facts),
                                                         store.restorer.folded_count, store.restorer.total),
                                          args.repeat)
        ranked = answerer.rank(parsed, passages, scorer)
        stages["sentence ranking"] += timed(lambda: answerer.rank(parsed, passages, scorer), args.repeat)
        draft = answerer.draft(parsed, passages, ranked, scorer)
        stages["draft"] += timed(lambda: answerer.draft(parsed, passages, ranked, scorer), args.repeat)
        if draft is not None:
            stages["abstain model"] += timed(lambda: answerer.models.answerable.prob(
                answer_features(parsed, scorer, ranked, draft, store)), args.repeat)
        stages["answer()"] += timed(lambda: answerer.answer(q, k=settings.answer_passages), args.repeat)
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
