"""An archive-sized end-to-end benchmark: synthetic articles written as files, timed through the
real CLI. Not a test: figures depend on the machine.

Usage: python benchmarks/archive.py [--sizes 1000,5000] [--encoder openvino|openvino-int8|torch|onnx|onnx-int8] [--keep DIR] [--write]

Articles are recombined from the bundled and development articles (`../shared/devset`, when
present): the title and lede of one, paragraphs of two others, with people, provinces, dates,
document numbers and periods replaced from pools, so every synthetic article names its own
event; they are written in the front-matter format. For each size N it measures, in fresh
processes: `danvan-qa index` (wall time, chunks/s, peak RSS, store size on disk); re-indexing
after 1 % new articles; start-up to the first answer (`danvan-qa ask`); and, in one process,
`answer()` p50 / p95 and the events-table search p50.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = ROOT / "benchmarks" / "archive_runs.jsonl"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import LINES, machine, pct, say  # noqa: E402

from danvan_qa.ingest import dates  # noqa: E402
from danvan_qa.ingest.corpus import load_corpus  # noqa: E402
from danvan_qa.ingest.names import PROVINCES, SURNAMES  # noqa: E402

SOURCES = (ROOT / "corpus", ROOT.parent / "shared" / "devset" / "corpus")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Quốc", "Thanh", "Hồng", "Ngọc", "Xuân", "Hữu", "Công", "Anh")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Phong", "Quân",
         "Sơn", "Thảo", "Trung", "Tuấn", "Vinh", "Yến", "Khánh", "Hạnh", "Lực", "Tâm", "Hiếu")
# A person's name as the articles write it after a title or "đồng chí": 2-4 capitalised syllables.
_NAME = re.compile(r"((?:đồng chí|Đồng chí|ông|bà|Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá) )"
                   r"([A-ZĐ][\wÀ-ỹ]*(?: [A-ZĐ][\wÀ-ỹ]*){1,3})")
_DAY = re.compile(r"(?<!\d)(\d{1,2})([/-])(\d{1,2})(?:\2(\d{4}))?(?!\d)")
QUESTIONS = ("Ai chủ trì hội nghị ở {place}?", "Ban Dân vận Tỉnh ủy {place} ký kết chương trình phối hợp ngày nào?",
             "Ai là Giám đốc Công an tỉnh {place}?", "Chương trình phối hợp ở {place} giai đoạn nào?",
             "ai tham du le ky ket o {place}", "Có bao nhiêu mô hình Dân vận khéo ở {place}?")


def _articles() -> list[tuple[str, list[str]]]:
    out = []
    for folder in SOURCES:
        if folder.is_dir():
            for doc in load_corpus(folder).documents:
                paragraphs = [p.strip() for p in doc.text.split("\n") if len(p.strip()) > 40]
                out.append((doc.title, [p for p in paragraphs if p != doc.title]))
    return out


def _person(rng: random.Random) -> str:
    return f"{rng.choice(sorted(SURNAMES))} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _substitute(text: str, rng: random.Random, people: dict[str, str], place: str, year: int) -> str:
    text = _NAME.sub(lambda m: m.group(1) + people.setdefault(m.group(2), _person(rng)), text)
    text = re.sub("|".join(re.escape(p) for p in sorted(PROVINCES, key=len, reverse=True)), place, text)
    text = dates.CODE.sub(lambda m: f"{rng.randint(1, 99):02d}-Ctr/BDV-CA", text)
    text = dates.PERIOD.sub(lambda m: f"{year} - {year + 5}", text)
    return _DAY.sub(lambda m: f"{rng.randint(1, 28)}{m.group(2)}{rng.randint(1, 12)}"
                    + (f"{m.group(2)}{year}" if m.group(4) else ""), text)


def generate(n: int, out: Path, seed: int = 0, start: int = 0) -> int:
    """Write articles start … start + n - 1 into `out`; returns the characters written."""
    rng = random.Random(seed * 1_000_003 + start)
    sources = _articles()
    if len(sources) < 3:
        sys.exit("need at least 3 source articles")
    out.mkdir(parents=True, exist_ok=True)
    places = sorted(PROVINCES)
    size = 0
    for i in range(start, start + n):
        lead, *others = rng.sample(sources, 3)
        place, year, people = rng.choice(places), rng.randint(2010, 2025), {}
        body = lead[1][:2] + [p for o in others for p in rng.sample(o[1], min(len(o[1]), rng.randint(2, 5)))]
        title = _substitute(lead[0], rng, people, place, year)
        text = "\n\n".join(_substitute(p, rng, people, place, year) for p in body)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        doc = (f'---\nid: a{i:06d}\ntitle: "{title.replace(chr(34), chr(39))}"\ndate: {date}\n'
               f'place: "{place}"\nsource: archive\n---\n{title}\n\n{text}\n')
        (out / f"a{i:06d}.txt").write_text(doc, encoding="utf-8")
        size += len(doc)
    return size


def _cli(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one `danvan-qa` process."""
    t0 = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "danvan_qa.interfaces.cli", *args], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"danvan-qa {' '.join(args)} failed with exit code {child.returncode}")
    return time.perf_counter() - t0, usage.ru_maxrss / 1024  # KiB on Linux


def _du(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def run(n: int, work: Path, encoder: str) -> dict[str, float]:
    corpus, store = work / f"corpus-{n}", work / f"store-{n}"
    generate(n, corpus)
    env = {**os.environ, "DANVAN_QA_CORPUS": str(corpus), "DANVAN_QA_STORE": str(store),
           "DANVAN_QA_ENCODER": encoder, "PYTHONPATH": str(ROOT / "src")}
    wall, rss = _cli(["index"], env)
    from danvan_qa import open_store
    from danvan_qa.settings import Settings

    settings = Settings.from_env(corpus=corpus, store=store, encoder=encoder)
    chunks = len(open_store(settings=settings))
    r = {"articles": n, "chunks": chunks, "index s": wall, "chunks/s": chunks / wall, "index peak RSS MiB": rss,
         "store MiB": _du(store)}
    generate(max(1, n // 100), corpus, start=n)
    r["re-index +1 % s"], _ = _cli(["index"], env)
    r["start-up to first answer s"], r["ask peak RSS MiB"] = _cli(["ask", "Ai chủ trì hội nghị ở Hà Nội?"], env)
    from danvan_qa.qa.answering import Answerer
    from danvan_qa.qa.retrieval import open_store as reopen

    st = reopen(settings=settings)
    answerer = Answerer(st, settings)
    rng = random.Random(1)
    questions = [rng.choice(QUESTIONS).format(place=rng.choice(sorted(PROVINCES))) for _ in range(100)]
    answerer.answer(questions[0])
    times = []
    for q in questions:
        t0 = time.perf_counter()
        answerer.answer(q)
        times.append((time.perf_counter() - t0) * 1000)
    r["answer() p50 ms"], r["answer() p95 ms"] = pct(times, 50), pct(times, 95)
    from danvan_qa.qa.events import search_events

    search_events(st, "", 1)  # the table is built once per store
    times = []
    for needle in ["Hà Nội", "ky ket", "Giám đốc", "2020", *rng.sample(sorted(PROVINCES), 6)]:
        t0 = time.perf_counter()
        search_events(st, needle, 1)
        times.append((time.perf_counter() - t0) * 1000)
    r["events search p50 ms"] = pct(times, 50)
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,5000")
    ap.add_argument("--encoder", default="openvino")
    ap.add_argument("--keep", type=Path, help="keep the generated corpora and stores here")
    ap.add_argument("--write", action="store_true", help="append the table to benchmarks/results.md")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="danvan-archive-"))
    say(f"## Archive benchmark, encoder {args.encoder} ({time.strftime('%Y-%m-%d')})\n")
    say(machine() + "\n")
    results = []
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            results.append(run(n, work, args.encoder))
            say(" ".join(f"{k}={v:.1f}" for k, v in results[-1].items()))
            if args.write:  # one JSON line per size, read by archive_chart.py
                with RUNS.open("a", encoding="utf-8") as f:
                    f.write(json.dumps({"encoder": args.encoder, "date": time.strftime("%Y-%m-%d"),
                                        **results[-1]}) + "\n")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    keys = list(results[0])
    say()
    say("| " + " | ".join(keys) + " |")
    say("|---" * len(keys) + "|")
    for r in results:
        say("| " + " | ".join(f"{r[k]:.0f}" if r[k] >= 100 else f"{r[k]:.1f}" for k in keys) + " |")
    if args.write:
        with (ROOT / "benchmarks" / "results.md").open("a", encoding="utf-8") as f:
            f.write("\n" + "\n".join(LINES) + "\n")


if __name__ == "__main__":
    main()
