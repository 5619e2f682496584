"""Score conversations: is each follow-up, read with the last subject, answered as the gold says?

    python -m danvan_qa.evaluation.conversations eval/conversations.jsonl [--corpus DIR --store DIR]

Each line is {"id", "turns": [{"question", "answers", …}, {"question", "answers", "form", …}, …]}:
two turns or more, every turn after the first a follow-up of the turns before it. Figures: first
turn contained, follow-up contained (overall and by form), and follow-ups the reader rewrote. No model is fitted on these, so nothing is held out; the rewriting rules were
written beside this set, so an unseen set is the fairer judge.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from danvan_qa.evaluation.gold import json_lines
from danvan_qa.evaluation.metrics import contains_answer

if TYPE_CHECKING:
    from danvan_qa.records import Answer


def load_conversations(path: Path) -> list[dict[str, Any]]:
    """The conversations of a JSONL file; a line of fewer than two turns is refused by number."""
    rows = []
    for n, row in json_lines(path):
        turns = row.get("turns")
        if not isinstance(turns, list) or len(turns) < 2 or not all(t.get("question") for t in turns):
            raise ValueError(f"{path}:{n}: expected two turns or more, each with a question")
        rows.append(row)
    return rows


def answered(reply: "Answer") -> str:
    """A reply's text without its "Hiểu là: …" line: a rewritten question that names the first
    turn's answer ("Ngoài Trần Văn Bình, những ai …?") answers nothing by that."""
    return reply.text.split("\n\n", 1)[-1] if reply.understood is not None else reply.text


def score(rows: list[dict[str, Any]], answerer, **options) -> dict[str, Any]:
    """Ask each conversation in a fresh Conversation (`options` go to each `ask`: mode, filters);
    contained shares, overall and by form."""
    from danvan_qa.qa.conversation import Conversation

    chat = Conversation(answerer)
    first: list[bool] = []
    by_form: dict[str, list[bool]] = defaultdict(list)
    rewritten = 0
    for row in rows:
        chat.reset()
        one, *later = row["turns"]
        first.append(contains_answer(chat.ask(one["question"], **options).text, one.get("answers", [])))
        for turn in later:
            reply = chat.ask(turn["question"], **options)
            rewritten += reply.understood is not None
            by_form[turn.get("form", "other")].append(contains_answer(answered(reply), turn.get("answers", [])))
    follow = [ok for oks in by_form.values() for ok in oks]
    share = (lambda xs: round(sum(xs) / len(xs), 3) if xs else None)
    return {"conversations": len(rows), "first_contained": share(first), "follow_up_contained": share(follow),
            "follow_up_rewritten": share([True] * rewritten + [False] * (len(follow) - rewritten)),
            "by_form": {form: {"n": len(oks), "contained": share(oks)} for form, oks in sorted(by_form.items())}}


def main(argv: list[str] | None = None) -> int:
    from danvan_qa.index.indexer import build_index
    from danvan_qa.qa.answering import Answerer
    from danvan_qa.qa.retrieval import open_store
    from danvan_qa.settings import Settings

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--store", type=Path)
    args = ap.parse_args(argv)
    if not args.gold.is_file():
        print(f"error: gold file {args.gold} is missing", file=sys.stderr)
        return 1
    settings = Settings.from_env(corpus=args.corpus, store=args.store)
    build_index(settings=settings)
    figures = score(load_conversations(args.gold), Answerer(open_store(settings=settings), settings))
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
