"""The decide stage: answer or abstain, from calibrated probabilities.

The no-answer candidate is one of the candidates. It wins outright on hard evidence (the
question names what no retrieved article holds, or no answer is left); otherwise the answer
the question asks for (the typed one when there is one, else the best sentence) is scored by
the answer/abstain model, then the best sentence if the typed one falls short, and no-answer
wins when neither reaches the threshold chosen on held-out articles.
"""

from __future__ import annotations

from dataclasses import dataclass

from danvan_qa.qa.ranker import LinearModel
from danvan_qa.qa.reading import Reading
from danvan_qa.qa.records import Candidate
from danvan_qa.qa.support import is_open
from danvan_qa.records import Passage


@dataclass(frozen=True)
class Decision:
    """What to show: the chosen answer (None when the no-answer candidate won) and P(answerable)."""

    reading: Reading
    passages: tuple[Passage, ...]
    chosen: Candidate | None
    p_answer: float
    candidates: tuple[Candidate, ...]
    loosened: str | None = None  # the question less a qualifier, as the answer read it (relax.py): said back


def preferred(candidates: list[Candidate]) -> Candidate | None:
    """The answer to weigh against no-answer, or None when hard evidence leaves none."""
    none = next(c for c in candidates if c.kind == "none")
    if any(none.features[name] for name in ("names_unknown", "small_talk", "yes_no_unheld")):
        return None
    return next((c for c in candidates if c.kind != "none"), None)


def decide(reading: Reading, passages: list[Passage], candidates: list[Candidate], model: LinearModel,
           threshold: float, open_threshold: float | None = None) -> Decision:
    """The typed answer when the model trusts it; else the best sentence when it does (the floor:
    a weak typed answer does not turn a supported sentence into a refusal); else no answer. An
    answer from a text on another subject than the archive's is held to `open_threshold`."""
    best = preferred(candidates)
    if best is None:
        return Decision(reading, tuple(passages), None, 0.0, tuple(candidates))

    def cut(c: Candidate) -> float:
        return open_threshold if open_threshold is not None and is_open(c.features, reading.question.folded) \
            else threshold

    p = model.prob(best.features)
    chosen = best if p >= cut(best) else None
    if chosen is None and best.kind != "sentence":
        sentence = next((c for c in candidates if c.kind == "sentence"), None)
        p_sentence = model.prob(sentence.features) if sentence is not None else 0.0
        if sentence is not None and p_sentence >= cut(sentence):
            chosen, p = sentence, p_sentence
    return Decision(reading, tuple(passages), chosen, p, tuple(candidates))
