"""People, acts and roles read by `facts.extract`, scored on the gold questions about people.

For every gold item of type attendees / chair / speaker / role with an answer, the article is
run through the extractor and the people it finds in the item's evidence sentences are compared
with the gold names there:

* names: mention-level precision and recall. The gold names of a sentence are the gold person
  names of that article (entities, and answers of "who is …" items) that occur in it; a name the
  extractor reads there that no gold item names counts against precision.
* acts: for each gold entity found, whether its acts fit the question type (chair: a chairing
  act, speaker: a speaking act, attendees: any act at the event).
* roles: for "what is X's role / rank" items, whether each gold answer is one of the
  comma-separated parts of the role read for X (exact) or inside it (contained); for
  "who is the <role>" items, whether the role read for the answer matches the question.

The 26 articles are split into 5 folds by article. The extractor's few tunable settings
(`facts.Tuning`) are chosen on 4 folds by grid search and scored on the held-out fold; held-out
figures are printed first, then in-sample ones.

Usage: python benchmarks/people_eval.py [--gold FILE ...] [--show-errors] [--no-tune]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from danvan_qa.ingest.chunking import sentence_spans
from danvan_qa.ingest.corpus import Document, load_corpus
from danvan_qa.ingest.facts import CHAIR_ACTS, SPEAK_ACTS, Person, Tuning, extract
from danvan_qa.evaluation.gold import GoldItem, load_gold
from danvan_qa.ingest.normalize import fold

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "devset"
CORPORA = (ROOT / "corpus", DEVSET / "corpus")
GOLD = (DEVSET / "gold.jsonl", ROOT / "eval" / "gold.jsonl", ROOT / "eval" / "dev.jsonl",
        ROOT / "eval" / "devset_more.jsonl")
PEOPLE_TYPES = ("attendees", "chair", "speaker", "role", "person_role")
FOLDS = 5
GRID = {"near": (25, 45, 70, 100), "verb_near": (8, 12, 20, 30)}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    acts_ok: int = 0
    acts_n: int = 0
    role_exact: int = 0
    role_contained: int = 0
    role_n: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for f in dataclasses.fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def precision(self) -> float:
        return self.tp / max(self.tp + self.fp, 1)

    @property
    def recall(self) -> float:
        return self.tp / max(self.tp + self.fn, 1)

    def line(self) -> str:
        return (f"names P {self.precision:.3f} R {self.recall:.3f} (tp {self.tp}, fp {self.fp}, fn {self.fn}) | "
                f"acts {self.acts_ok / max(self.acts_n, 1):.3f} ({self.acts_ok}/{self.acts_n}) | "
                f"roles exact {self.role_exact / max(self.role_n, 1):.3f} "
                f"contained {self.role_contained / max(self.role_n, 1):.3f} ({self.role_n})")

    def objective(self) -> float:
        return (self.precision + self.recall + self.acts_ok / max(self.acts_n, 1)
                + self.role_exact / max(self.role_n, 1))


def load_items(paths: list[Path], docs: dict[str, Document]) -> list[GoldItem]:
    texts = {d: doc.text for d, doc in docs.items()}
    items: list[GoldItem] = []
    for path in paths:
        if path.is_file():
            items += [i for i in load_gold(path, texts) if i.type in PEOPLE_TYPES and i.answers]
    return items


def gold_names(items: list[GoldItem]) -> dict[str, set[str]]:
    """Per article, every person name the gold items give (entities, and names answering "who")."""
    names: dict[str, set[str]] = {}
    for item in items:
        for doc_id in item.doc_ids:
            names.setdefault(doc_id, set()).update(item.entities)
    for item in items:  # "Giám đốc … là ai?" answers a name that may be no item's entity
        for doc_id in item.doc_ids:
            names[doc_id].update(a for a in item.answers if _looks_like_name(a, names[doc_id]))
    return names


def _looks_like_name(text: str, known: set[str]) -> bool:
    words = text.split()
    return text in known or (2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
                             and not any(w in ("Ban", "Bộ", "Công", "Ủy", "Tỉnh", "Thành") for w in words))


def _evidence_sentences(item: GoldItem, doc: Document) -> list[tuple[int, int]]:
    spans = [(m.start(), m.start() + len(ev)) for ev in item.evidence for m in re.finditer(re.escape(ev), doc.text)]
    return [(a, b) for a, b in sentence_spans(doc.text) if any(s < b and e > a for s, e in spans)]


def _role_parts(person: Person) -> list[str]:
    return [p.strip() for p in (person.role or "").split(", ") if p.strip()]


def _role_fits_question(role_parts: list[str], question: str) -> bool:
    q = set(re.findall(r"\w+", fold(question)))
    for part in role_parts:
        tokens = re.findall(r"\w+", fold(part))
        core = [t for t in tokens if t not in {"tinh", "thanh", "pho", "tp", "uy"}]
        if len(tokens) >= 2 and tokens[0] in q and tokens[1] in q and sum(t in q for t in core) >= 0.75 * len(core):
            return True
    return False


def score_item(item: GoldItem, doc: Document, people: list[Person], names: set[str]) -> Score:
    s = Score()
    for a, b in _evidence_sentences(item, doc):
        found = [p for p in people if p.start == a and p.end == b]
        sentence = doc.text[a:b]
        expected = sorted(n for n in names if n in sentence)
        got = [p.name for p in found]
        s.tp += sum(min(got.count(n), 1) for n in expected)
        s.fn += sum(n not in got for n in expected)
        s.fp += sum(n not in expected for n in got)
        for n in expected:
            if n not in got:
                s.errors.append(f"{item.id} missed name {n!r} in: {sentence[:160]}")
        for n in got:
            if n not in expected:
                s.errors.append(f"{item.id} extra name {n!r} in: {sentence[:160]}")
    by_name: dict[str, list[Person]] = {}
    for a, b in _evidence_sentences(item, doc):
        for p in people:
            if p.start == a and p.end == b:
                by_name.setdefault(p.name, []).append(p)
    if item.type in ("attendees", "chair", "speaker"):
        wanted = {"chair": CHAIR_ACTS, "speaker": SPEAK_ACTS}.get(item.type)
        for n in item.entities:
            acts = {act for p in by_name.get(n, []) for act in p.acts}
            ok = bool(acts) if wanted is None else bool(acts & wanted)
            s.acts_n += 1
            s.acts_ok += ok
            if not ok:
                s.errors.append(f"{item.id} {item.type}: {n!r} has acts {sorted(acts)}")
    else:
        answer_names = [a for a in item.answers if a in names]
        if answer_names:  # "who is the <role>": the role read for the answer must match the question
            for n in answer_names:
                parts = [x for p in by_name.get(n, []) for x in _role_parts(p)]
                ok = _role_fits_question(parts, item.question)
                s.role_n += 1
                s.role_exact += ok
                s.role_contained += ok
                if not ok:
                    s.errors.append(f"{item.id} role of {n!r} {parts} does not fit: {item.question}")
        else:  # "what is X's role / rank": the question names X
            qf = fold(item.question)
            person = max((n for n in names if fold(n) in qf), key=len, default=None)
            mentions = by_name.get(person or "", [])
            parts = [x for p in mentions for x in _role_parts(p)] + [p.rank for p in mentions if p.rank]
            whole = " | ".join([p.role or "" for p in mentions] + [p.rank or "" for p in mentions])
            exact = all(a in parts for a in item.answers)
            s.role_n += 1
            s.role_exact += exact
            s.role_contained += all(a in whole for a in item.answers)
            if not exact:
                s.errors.append(f"{item.id} role of {person!r}: gold {list(item.answers)} read {parts}")
    return s


def evaluate(items: list[GoldItem], docs: dict[str, Document], doc_ids: set[str], tuning: Tuning,
             names: dict[str, set[str]]) -> Score:
    chosen = [d for d in docs.values() if d.doc_id in doc_ids]
    table = extract(chosen, tuning=tuning)
    people: dict[str, list[Person]] = {}
    for p in table.people:
        people.setdefault(p.doc_id, []).append(p)
    total = Score()
    for item in items:
        doc_id = item.doc_ids[0]
        if doc_id in doc_ids:
            total.add(score_item(item, docs[doc_id], people.get(doc_id, []), names.get(doc_id, set())))
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, nargs="*", default=list(GOLD))
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--no-tune", action="store_true", help="score the default settings only")
    args = ap.parse_args()
    docs: dict[str, Document] = {}
    for folder in CORPORA:
        if folder.is_dir():
            docs.update({d.doc_id: d for d in load_corpus(folder).documents})
    items = load_items(args.gold, docs)
    names = gold_names(items)
    articles = sorted({i.doc_ids[0] for i in items} | set(docs))
    folds = [set(articles[k::FOLDS]) for k in range(FOLDS)]
    print(f"{len(items)} items on {len({i.doc_ids[0] for i in items})} articles; "
          f"{len(articles)} articles in {FOLDS} folds; types {dict(Counter(i.type for i in items))}")
    grid = [Tuning()] if args.no_tune else [
        dataclasses.replace(Tuning(), **dict(zip(GRID, values))) for values in itertools.product(*GRID.values())]
    held, inside = Score(), Score()
    held_lines, in_lines = [], []
    for k, fold_ids in enumerate(folds):
        train = set(articles) - fold_ids
        best = max(grid, key=lambda t: (evaluate(items, docs, train, t, names).objective(), t == Tuning()))
        h = evaluate(items, docs, fold_ids, best, names)
        i = evaluate(items, docs, train, best, names)
        held.add(h)
        inside.add(i)
        chosen = {name: getattr(best, name) for name in GRID}
        held_lines.append(f"  fold {k} held-out  {h.line()}  tuned {chosen}")
        in_lines.append(f"  fold {k} in-sample {i.line()}")
    print("Held-out folds (settings chosen on the other four):")
    print("\n".join(held_lines))
    print(f"  all held-out      {held.line()}")
    print("In-sample (the four tuning folds of each split):")
    print("\n".join(in_lines))
    print(f"  all in-sample     {inside.line()}")
    default = evaluate(items, docs, set(articles), Tuning(), names)
    print(f"Default settings, all articles: {default.line()}")
    if args.show_errors:
        print("\n".join(sorted(set(default.errors))))


if __name__ == "__main__":
    main()
