"""Render an EvalResult: a compact terminal table, report.md, metrics.json and a PNG chart."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, TextIO

from danvan_qa.evaluation.run import EvalResult, QuestionResult, coverage_curve

HEADLINE = (
    ("answer_contained", "Answer contained"), ("exact_match", "Exact match (short)"), ("token_f1", "Token F1 (short)"),
    ("entity_precision", "Entity precision"), ("entity_recall", "Entity recall"), ("entity_f1", "Entity F1"),
    ("citations_exact", "Citations exact"), ("cites_gold_doc", "Cites a gold document"),
    ("cites_answer_evidence", "Cites answer evidence"), ("abstained_unanswerable", "Abstained (unanswerable)"),
    ("abstained_answerable", "Abstained (answerable)"), ("baseline_answer_contained", "Baseline: answer contained"),
    ("baseline_entity_recall", "Baseline: entity recall"),
)
RANKING = ("Success@1", "Success@5", "Success@10", "Recall@1", "Recall@5", "Recall@10", "MRR@10", "nDCG@10")
CHUNK_RANKING = ("Success@1", "Recall@1", "Recall@5", "MRR@10")
ARTICLE_RANKING = ("Success@1", "Recall@1", "Recall@5", "MRR@10")
RETRIEVAL_COLUMNS = (*(f"chunk {n}" for n in CHUNK_RANKING), *(f"article {n}" for n in ARTICLE_RANKING))
POOLED_RANKING = ("Success@1", "MRR@10")  # with pooled judgements: Recall counts judged articles too
TYPE_COLUMNS = ("questions", "answer_contained", "token_f1", "entity_precision", "entity_recall",
                "abstained_answerable", "abstained_unanswerable", "baseline_answer_contained")
FOLD_COLUMNS = ("questions", "answer_contained", "entity_precision", "entity_recall", "abstained_answerable",
                "abstained_unanswerable")


_IN_SAMPLE = ("answer_contained", "entity_precision", "entity_recall", "entity_f1", "abstained_unanswerable",
              "abstained_answerable", "accuracy")


def fmt(value: Any) -> str:
    if isinstance(value, float):
        return "–" if math.isnan(value) else f"{value:.3f}"
    return str(value)


def print_summary(result: EvalResult, out: TextIO | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, width=120)
    overall = result.metrics["answers"]["overall"]
    in_sample = result.metrics.get("answers_in_sample", {}).get("overall")
    held = f", held out over {result.meta['folds']} folds by article" if in_sample else ""
    table = Table(title=f"Answers ({overall['questions']} questions, {overall['unanswerable']} unanswerable{held})")
    table.add_column("metric")
    table.add_column("held out" if in_sample else "value", justify="right")
    if in_sample:
        table.add_column("in-sample", justify="right")
    for key, label in HEADLINE:
        extra = [fmt(in_sample[key]) if key in _IN_SAMPLE else "–"] if in_sample else []
        table.add_row(label, fmt(overall[key]), *extra)
    console.print(table)
    if in_sample:
        folds = Table(title="Per fold (held out)")
        for name in ("fold", *FOLD_COLUMNS):
            folds.add_column(name, justify="right")
        for f, v in result.metrics["folds"].items():
            folds.add_row(f, *(fmt(v[c]) for c in FOLD_COLUMNS))
        console.print(folds)
    if result.metrics.get("files"):
        files = Table(title="Per gold file" + (" (held out)" if in_sample else ""))
        for name in ("file", *FOLD_COLUMNS):
            files.add_column(name, justify="right")
        for f, v in result.metrics["files"].items():
            files.add_row(f, *(fmt(v[c]) for c in FOLD_COLUMNS))
        console.print(files)
    ranking = Table(title="Retrieval (chunks; relevant = holds gold evidence)")
    ranking.add_column("mode")
    for name in RANKING:
        ranking.add_column(name, justify="right")
    for mode, values in result.metrics["retrieval"].items():
        ranking.add_row(mode, *(fmt(values["overall"].get(n, float("nan"))) for n in RANKING))
    console.print(ranking)
    if result.metrics.get("retrieval_articles"):
        by_file = Table(title="Retrieval per gold file (chunks, then articles: relevant = a gold article)")
        for name in ("gold", "mode", *_retrieval_columns(result.metrics)):
            by_file.add_column(name, justify="right")
        for row in _retrieval_rows(result.metrics):
            by_file.add_row(*row)
        console.print(by_file)
    lat = result.metrics["latency_ms"]
    console.print(f"latency: retrieve p50 {lat['retrieve_p50']:.1f} ms, p95 {lat['retrieve_p95']:.1f} ms; "
                  f"answer p50 {lat['answer_p50']:.1f} ms, p95 {lat['answer_p95']:.1f} ms")


def metrics_json(result: EvalResult) -> str:
    clean = json.loads(json.dumps(result.metrics, default=str).replace("NaN", "null"))
    return json.dumps({"metrics": clean, "meta": result.meta}, ensure_ascii=False, indent=1)


def _worst(result: EvalResult, n: int = 20) -> list[QuestionResult]:
    """Confidently wrong first: answered unanswerables, then wrong or refused answerables."""
    wrong = [r for r in result.questions if not r.correct or (r.entities and r.entities.false_neg)]
    return sorted(wrong, key=lambda r: (r.answerable, -r.confidence))[:n]


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(r) + " |" for r in rows]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ↵ ")


def _retrieval_columns(metrics: dict) -> list[str]:
    pooled = [f"pooled article {n}" for n in POOLED_RANKING] if metrics.get("retrieval_articles_pooled") else []
    return [*RETRIEVAL_COLUMNS, *pooled]


def _retrieval_rows(metrics: dict) -> list[list[str]]:
    """One row per gold file (then all files) and mode: chunk measures, then article measures (and
    article measures with pooled judgements, when given)."""
    chunks, articles = metrics["retrieval"], metrics.get("retrieval_articles", {})
    pooled = metrics.get("retrieval_articles_pooled", {})
    groups = [g for g in next(iter(articles.values()), {}) if g.startswith("file:")] + ["overall"]
    rows = []
    for group in groups:
        for mode, values in chunks.items():
            by_article = articles.get(mode, {}).get(group, {})
            rows.append([group.removeprefix("file:") if group != "overall" else "all",
                         mode, *(fmt(values.get(group, {}).get(n, float("nan"))) for n in CHUNK_RANKING),
                         *(fmt(by_article.get(n, float("nan"))) for n in ARTICLE_RANKING),
                         *(fmt(pooled[mode].get(group, {}).get(n, float("nan"))) for n in POOLED_RANKING
                           if mode in pooled)])
    return rows


def report_markdown(result: EvalResult, chart: str | None) -> str:
    answers, meta = result.metrics["answers"], result.meta
    lines = ["# danvan-qa evaluation", "",
             f"Gold `{meta['gold']}` (sha256 {meta['gold_sha256']}), corpus `{meta['corpus']}` "
             f"(hash {meta['corpus_hash']}, {meta['documents']} documents, {meta['chunks']} chunks), "
             f"model `{meta['model']}`, danvan-qa {meta['package_version']}, k = {meta['k']}.", ""]
    in_sample = result.metrics.get("answers_in_sample", {}).get("overall")
    if in_sample:
        lines += [f"## Answers — held out ({meta['folds']} folds by article)", "",
                  "Every question was answered by models fitted without its article; the last column is the "
                  "shipped models, fitted on every question (in-sample).", ""]
        lines += _md_table(["metric", "held out", "in-sample"], [
            [label, fmt(answers["overall"][key]), fmt(in_sample[key]) if key in _IN_SAMPLE else "–"]
            for key, label in HEADLINE])
        lines += ["", "## Per fold (held out)", ""]
        lines += _md_table(["fold", *FOLD_COLUMNS], [[f, *(fmt(v[c]) for c in FOLD_COLUMNS)]
                                                      for f, v in result.metrics["folds"].items()])
    else:
        lines += ["## Answers", ""]
        lines += _md_table(["metric", "value"], [[label, fmt(answers["overall"][key])] for key, label in HEADLINE])
    if result.metrics.get("files"):
        lines += ["", "## Per gold file" + (" (held out)" if in_sample else ""), ""]
        lines += _md_table(["file", *FOLD_COLUMNS], [[f, *(fmt(v[c]) for c in FOLD_COLUMNS)]
                                                      for f, v in result.metrics["files"].items()])
    lines += ["", "## Per question type" + (" (held out)" if in_sample else ""), ""]
    types = [t for t in answers if t != "overall"]
    lines += _md_table(["type", *TYPE_COLUMNS], [[t, *(fmt(answers[t][c]) for c in TYPE_COLUMNS)] for t in types])
    lines += ["", "## Retrieval", "",
              "Chunks: relevant when they hold gold evidence (a question with several such chunks has "
              "Recall@1 below 1 even when its first chunk is right; questions with no such chunk are left "
              "out). Articles: relevant when they are a gold article, each ranked at its best chunk, over "
              "every answerable question (Success@1: a gold article first; Recall@1 is ½ at best for a "
              "question about two)." + (" Pooled: an article an assessor judged to answer the question "
              "counts as well as a gold one (`--pooled`)." if result.metrics.get("retrieval_articles_pooled")
              else ""), ""]
    lines += _md_table(["gold", "mode", *_retrieval_columns(result.metrics)], _retrieval_rows(result.metrics))
    lat = result.metrics["latency_ms"]
    lines += ["", f"Latency per question: retrieve p50 {lat['retrieve_p50']:.1f} ms / p95 {lat['retrieve_p95']:.1f} ms; "
              f"answer p50 {lat['answer_p50']:.1f} ms / p95 {lat['answer_p95']:.1f} ms.", ""]
    if chart:
        lines += [f"![Recall curves, per-type accuracy, precision against coverage]({chart})", "",
                  f"The answer threshold in use is P(answerable) ≥ {meta.get('abstain_below', float('nan')):.3f} "
                  + (f"({meta['abstain_below_open']:.3f} for texts on other subjects) "
                     if meta.get("abstain_below_open") is not None else "")
                  + "(chosen on held-out folds by `danvan-qa train`).", ""]
    lines += ["## Worst failures", ""]
    for r in _worst(result):
        lines += [f"### {r.id} ({r.type})", "", f"- **Question:** {_cell(r.question)}",
                  f"- **Expected:** {_cell(' / '.join(r.expected) or '(abstain)')}",
                  f"- **Got** (confidence {r.confidence:.2f}): {_cell(r.got)[:600]}",
                  "- **Retrieved:**", *[f"  - {_cell(p)}" for p in r.passages], ""]
    lines += ["## Settings", "", "```json", json.dumps(meta["settings"], ensure_ascii=False, indent=1), "```", ""]
    return "\n".join(lines)


def write_chart(result: EvalResult, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right, curve_ax) = plt.subplots(1, 3, figsize=(17, 4.5))
    for mode, per_query in result.ranking.items():
        ks = [1, 5, 10]
        left.plot(ks, [sum(v[f"Success@{k}"] for v in per_query.values()) / max(len(per_query), 1) for k in ks],
                  marker="o", label=f"{mode} Success@k")
        left.plot(ks, [sum(v[f"Recall@{k}"] for v in per_query.values()) / max(len(per_query), 1) for k in ks],
                  marker="x", linestyle="--", label=f"{mode} Recall@k")
    left.set(xlabel="k", ylabel="share", title="Retrieval", ylim=(0, 1.02))
    left.legend(fontsize=7)
    answers = result.metrics["answers"]
    types = [t for t in answers if t != "overall"]
    accuracy = [sum(r.correct for r in result.questions if r.type == t) / answers[t]["questions"] for t in types]
    right.barh(types, accuracy, color="#3b7dd8")
    right.set(xlim=(0, 1), title="Correct per question type (contained / abstained)")
    curve = coverage_curve(result.questions)
    curve_ax.plot([c for _, c, _ in curve], [p for _, _, p in curve], marker=".", color="#d8573b")
    chosen = result.meta.get("abstain_below")
    if chosen is not None and curve:
        t, c, p = min(curve, key=lambda row: abs(row[0] - chosen))
        curve_ax.scatter([c], [p], s=60, color="black", zorder=3, label=f"threshold {chosen:.2f}")
        curve_ax.legend(fontsize=7)
    curve_ax.set(xlabel="coverage (answerable questions answered)", ylabel="precision (answers holding the gold)",
                 title="Precision against coverage (confidence threshold)", xlim=(0, 1.02), ylim=(0, 1.02))
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_report(result: EvalResult, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    chart = folder / "chart.png"
    write_chart(result, chart)
    (folder / "metrics.json").write_text(metrics_json(result), encoding="utf-8")
    (folder / "report.md").write_text(report_markdown(result, chart.name), encoding="utf-8")
    return [folder / "report.md", folder / "metrics.json", chart]
