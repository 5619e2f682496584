"""Charts of the archive benchmark against the number of articles: time, memory and latency.

Usage: python benchmarks/archive_chart.py  (reads benchmarks/archive_runs.jsonl, which
`archive.py --write` appends to; writes benchmarks/archive.png). The latest run of each size wins,
and the title names the encoders of the runs drawn.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = ROOT / "benchmarks" / "archive_runs.jsonl"
PANELS = (
    ("time (s)", ("index s", "re-index +1 % s", "start-up to first answer s")),
    ("memory and disk (MiB)", ("index peak RSS MiB", "ask peak RSS MiB", "store MiB")),
    ("latency (ms)", ("answer() p50 ms", "answer() p95 ms", "events search p50 ms")),
)


def main() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    runs: dict[int, dict] = {}
    for line in RUNS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            runs[int(r["articles"])] = r
    sizes = sorted(runs)
    fig, axes = plt.subplots(1, len(PANELS), figsize=(15, 4))
    for ax, (label, keys) in zip(axes, PANELS):
        for key in keys:
            ax.plot(sizes, [runs[n][key] for n in sizes], marker="o", label=key)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("articles")
        ax.set_ylabel(label)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    encoders = sorted({runs[n]["encoder"] for n in sizes})
    fig.suptitle(f"Archive benchmark ({', '.join(encoders)}; 2 cores)")
    fig.tight_layout()
    fig.savefig(ROOT / "benchmarks" / "archive.png", dpi=110)


if __name__ == "__main__":
    main()
