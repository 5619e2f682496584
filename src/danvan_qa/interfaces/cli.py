"""Command line: `danvan-qa index | search | ask | events | eval | train | serve | shell`. Exit 2 on bad input, 1 on other failures."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from danvan_qa.errors import DanvanError, QueryError
from danvan_qa.evaluation.gold import GoldError
from danvan_qa.settings import ENCODERS, Settings

if TYPE_CHECKING:
    from danvan_qa.records import Answer

EXIT_USAGE = 2


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env(
        corpus=getattr(args, "corpus", None),
        store=getattr(args, "store", None),
        model=getattr(args, "model", None),
        encoder=getattr(args, "encoder", None),
        backend=getattr(args, "backend", None),
        milvus_uri=getattr(args, "milvus_uri", None),
        allow_uploads=getattr(args, "allow_uploads", None),
    )


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", type=Path, help="articles folder (env DANVAN_QA_CORPUS, default ./corpus)")
    p.add_argument("--store", type=Path, help="index folder (env DANVAN_QA_STORE, default ./vectorstore)")
    p.add_argument("--model", help="sentence-transformers model path or name (env DANVAN_QA_MODEL; "
                   "default: bundled multilingual-e5-small)")
    p.add_argument("--encoder", choices=ENCODERS,
                   help="auto (the default): chosen from the CPU's instruction sets, and named by `index` and "
                        "the chat's status line; openvino: OpenVINO, bfloat16 where the CPU has it (cosine 0.9999 "
                        "of float32), else float32; openvino-int8: int8 matrix products, retrieval within 0.01 but "
                        "answers slightly lower on unseen articles; torch: float32 sentence-transformers; onnx: "
                        "ONNX Runtime, torch's vectors; onnx-int8: ONNX Runtime int8 weights, retrieval slightly "
                        "lower; static: a token table distilled once from e5, tens of times faster, for archives "
                        "too big to embed, retrieval lower (benchmarks/results.md); the exported folders are "
                        "built once and verified (env DANVAN_QA_ENCODER)")
    p.add_argument("--backend", choices=("faiss", "milvus"),
                   help="where vectors and BM25 live (env DANVAN_QA_BACKEND, default faiss)")
    p.add_argument("--milvus-uri", help="Milvus Lite file or http://host:19530 (env DANVAN_QA_MILVUS_URI, "
                   "default: milvus.db in the store folder)")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="danvan-qa", description="Cited question answering over dân vận articles.")
    top.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = top.add_subparsers(dest="command", required=True)

    p = sub.add_parser("index", help="build or update the index from the corpus")
    _common(p)
    p.add_argument("--rebuild", action="store_true", help="ignore the existing index and embed everything again")

    p = sub.add_parser("search", help="show the passages retrieved for a query")
    _common(p)
    p.add_argument("query")
    p.add_argument("-k", type=int, default=5, help="number of passages (default 5)")
    p.add_argument("--mode", choices=("hybrid", "dense", "bm25"), default="hybrid")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("ask", help="answer a question with cited quotes (or say the articles do not tell)")
    _common(p)
    p.add_argument("question")
    p.add_argument("--json", action="store_true", help="print the Answer as JSON")

    p = sub.add_parser("events", help="print the extracted events, participants and programmes")
    _common(p)
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="the whole fact table as JSON")
    fmt.add_argument("--csv", action="store_true", help="one row per participant, as CSV")

    p = sub.add_parser("eval", help="evaluate retrieval and answers on a gold question file")
    _common(p)
    p.add_argument("gold", type=Path, nargs="+", help="gold question files, one JSON object per line (see docs/evaluation.md)")
    p.add_argument("--folds", type=int, default=0,
                   help="cross-validate the answer models by article over K folds and report held-out figures")
    p.add_argument("--k", type=int, default=10, help="passages retrieved per question for the retrieval metrics")
    p.add_argument("--modes", default="hybrid,bm25,dense", help="comma-separated retrieval modes to compare")
    p.add_argument("--report", type=Path, help="write report.md, metrics.json and chart.png into this folder")
    p.add_argument("--json", action="store_true", help="print the metrics as JSON on stdout")
    p.add_argument("--no-baseline", action="store_true", help="skip the naive sentence baseline (faster)")
    p.add_argument("--pooled", type=Path, help="relevance judgements of non-gold articles (eval/pooled.jsonl): "
                   "also report article retrieval counting those judged to answer a question")

    p = sub.add_parser("train", help="fit the answer ranker and abstention on gold files (by-article thresholds)")
    _common(p)
    p.add_argument("gold", type=Path, nargs="*",
                   help="gold question files (default: the development set's and eval/'s, over --articles)")
    p.add_argument("--articles", type=Path, action="append",
                   help="a folder of articles the gold files are about; repeat for several (default: --corpus, "
                        "and ../shared/devset/corpus when no gold file is given; several are gathered into the cache)")
    p.add_argument("--no-figures", action="store_true", help="skip the held-out figures (5 refits; faster)")
    p.add_argument("--out", type=Path, help="where to write the models (default: the package's answer_models.json)")

    p = sub.add_parser("serve", help="start the web chat (model folder and index prepared first if missing)")
    _common(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    p.add_argument("--allow-uploads", action="store_true", default=None,
                   help="show the chat's 'Thêm tài liệu' tab: anyone who can open the chat may add files to the "
                        "corpus, as it has no login (env DANVAN_QA_ALLOW_UPLOADS=1; default off)")

    p = sub.add_parser("shell", help="interactive question loop (index built first if missing)")
    _common(p)
    return top


def _index(args: argparse.Namespace, settings: Settings) -> int:
    from danvan_qa.cpu import describe_encoder
    from danvan_qa.index.indexer import build_index

    report = build_index(settings=settings, rebuild=args.rebuild, progress=sys.stderr.isatty(), release_encoder=True)
    for skipped in report.skipped:
        print(f"skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    print(report.summary())
    print(f"encoder: {describe_encoder(settings.encoder)}")
    return 0


def _search(args: argparse.Namespace, settings: Settings) -> int:
    from danvan_qa.qa.reading import retrieve

    passages = retrieve(args.query, args.k, mode=args.mode, settings=settings)
    if args.json:
        print(json.dumps([dataclasses.asdict(p) for p in passages], ensure_ascii=False, indent=1))
        return 0
    for n, p in enumerate(passages, start=1):
        print(f"[{n}] {p.score:.4f}  {p.title} ({p.date or 'không rõ ngày'})  {p.doc_id} [{p.start}:{p.end}]")
        print("    " + p.text.replace("\n", " ")[:300])
    if not passages:
        print("Không tìm thấy đoạn văn nào.")
    return 0


def _print_answer(answer: "Answer") -> None:
    print(answer.text)
    for c in answer.citations:
        print(f"[{c.n}] {c.title} ({c.date or 'không rõ ngày'}) {c.doc_id} [{c.start}:{c.end}]")


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    from danvan_qa.qa.answering import answer

    result = answer(args.question, settings=settings)
    if args.json:
        print(json.dumps(dataclasses.asdict(result), ensure_ascii=False, indent=1))
    else:
        _print_answer(result)
    return 0


def _events(args: argparse.Namespace, settings: Settings) -> int:
    from danvan_qa.qa.events import table_rows, write_csv
    from danvan_qa.qa.retrieval import open_store

    store = open_store(settings=settings)
    if args.json:
        print(json.dumps(store.facts.to_json(), ensure_ascii=False, indent=1))
    elif args.csv:
        write_csv(store, sys.stdout)
    else:
        for row in table_rows(store):
            print(f"{row['date'] or '?':10}  {row['place'] or '':16}  {row['event']}")
            for person in row["participants"].split("\n"):
                if person:
                    print(f"{'':28}- {person}")
            if row["programmes"]:
                print(f"{'':28}Chương trình: {row['programmes']}")
    return 0


def _eval(args: argparse.Namespace, settings: Settings) -> int:
    from danvan_qa.evaluation.report import metrics_json, print_summary, write_report
    from danvan_qa.evaluation.run import evaluate

    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    progress = False if args.json else True if sys.stderr.isatty() else _progress_line
    result = evaluate(args.gold, k=args.k, modes=modes, settings=settings, baseline=not args.no_baseline,
                      progress=progress, folds=args.folds, pooled=args.pooled)
    if args.json:
        print(metrics_json(result))
    else:
        print_summary(result)
    if args.report:
        for path in write_report(result, args.report):
            print(f"wrote {path}", file=sys.stderr if args.json else sys.stdout)
    return 0


def _progress_line(done: int, total: int) -> None:
    """Progress off a terminal (a log file, CI): one line about every tenth of the way."""
    print(f"eval: {done}/{total} questions", file=sys.stderr, flush=True)


def _train(args: argparse.Namespace, settings: Settings) -> int:
    from danvan_qa.evaluation.shipped import train
    from danvan_qa.qa.ranker import MODELS_FILE

    out = args.out or MODELS_FILE
    models = train(args.gold, settings, out, articles=args.articles or (), figures=not args.no_figures)
    print(f"fitted on {models.trained_on['questions']} questions about {models.trained_on['articles']} articles; "
          f"answer when P(answerable) >= {models.abstain_below:.3f}"
          + (f" ({models.abstain_below_open:.3f} from texts on other subjects)" if models.abstain_below_open is not None
             else "") + f"; wrote {out}")
    for name, fig in dict(models.trained_on.get("held_out") or {}).items():
        shown = ", ".join(f"{k} {v}" for k, v in fig.items()) if isinstance(fig, dict) else fig
        print(f"  held out, {name}: {shown}")
    return 0


def show_ready_line() -> None:
    """The ready logger's lines ("Sẵn sàng: <address>") plainly on stdout, without -v too: the one
    line a user of `make run` or `danvan-qa serve` waits for."""
    from danvan_qa.interfaces.ui import READY

    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(message)s"))
    READY.addHandler(handler)
    READY.setLevel(logging.INFO)
    READY.propagate = False


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from danvan_qa.interfaces.ui import serve

    show_ready_line()
    print(f"danvan-qa: serving on http://{args.host}:{args.port}", file=sys.stderr)
    serve(settings, host=args.host, port=args.port)
    return 0


def _shell(args: argparse.Namespace, settings: Settings) -> int:
    from danvan_qa.index.indexer import build_index
    from danvan_qa.qa.answering import answer

    print(build_index(settings=settings, progress=True).summary(), file=sys.stderr)
    print("Nhập câu hỏi (Ctrl-D để thoát):", file=sys.stderr)
    for line in sys.stdin:
        try:
            _print_answer(answer(line, settings=settings))
        except QueryError as exc:
            print(f"Lỗi: {exc}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = _settings(args)
        commands = {"index": _index, "search": _search, "ask": _ask, "events": _events, "eval": _eval, "train": _train,
                    "serve": _serve, "shell": _shell}
        return commands[args.command](args, settings)
    except (QueryError, GoldError, ValueError, FileNotFoundError) as exc:
        print(f"danvan-qa: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DanvanError as exc:
        print(f"danvan-qa: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `danvan-qa events --csv | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
    except OSError as exc:  # a disk or folder fault the layers below did not name: one line, not a traceback
        where = f": {exc.filename}" if exc.filename else ""
        print(f"danvan-qa: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
