"""Small learned models for answering: logistic regressions stored as JSON weights.

Five models, fitted by `training.py` on gold questions and shipped with the
package (`answer_models.json`): the learned fusion of the hybrid ranking
(`fusion.py`), the sentence ranker, the person ranker for "who" questions, the
span scorer for the short answer of typed questions and the answer/abstain
model. Scoring needs only numpy; fitting
uses scikit-learn (imported lazily). Logistic regression keeps the models
readable and their probabilities close to calibrated, which the abstention
threshold relies on.
"""

from __future__ import annotations

import json
import math
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol, Sequence, TypeVar

from danvan_qa.errors import ModelError
from danvan_qa.qa.records import Features

MODELS_FILE = Path(__file__).with_name("answer_models.json")


@dataclass(frozen=True)
class LinearModel:
    """p = sigmoid(bias + sum(w * (x - mean) / scale))."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    def prob(self, x: Features) -> float:
        """P(label = 1) of named features; features named otherwise than the model's are refused."""
        if x.names != self.names:
            raise ModelError(f"features {x.names[:3]}… do not match the model's {self.names[:3]}…; "
                             "refit the answer models with `danvan-qa train`")
        # an unknown value (NaN: no dense score in a BM25-only search) weighs as the training mean would
        z = self.bias + sum(w * (v - m) / s for w, v, m, s in zip(self.weights, x.values, self.mean, self.scale)
                            if v == v)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, object]:
        return {"names": list(self.names), "weights": list(self.weights), "bias": self.bias,
                "mean": list(self.mean), "scale": list(self.scale)}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> "LinearModel":
        return cls(tuple(data["names"]), tuple(data["weights"]), float(data["bias"]),  # type: ignore[arg-type]
                   tuple(data["mean"]), tuple(data["scale"]))  # type: ignore[arg-type]


def fit_linear(names: Sequence[str], rows: Sequence[Features], labels: Sequence[int],
               c: float = 1.0, balanced: bool = False) -> LinearModel:
    """Fit a standardised, L2-regularised logistic regression (`c`: inverse regularisation strength)
    on rows that all carry exactly these feature names."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    names = tuple(names)
    if any(r.names != names for r in rows):
        raise ValueError("every row must carry the model's feature names, in its order")
    x = np.asarray([r.values for r in rows], dtype=float).reshape(len(rows), len(names))
    y = np.asarray(labels, dtype=int)
    # an unknown value (NaN: a search whose kept chunks the dense retriever did not return) is fitted as the
    # column's mean, as `prob` weighs it
    with warnings.catch_warnings():  # a column all unknown has no mean: 0
        warnings.simplefilter("ignore", RuntimeWarning)
        mean = np.nan_to_num(np.nanmean(x, axis=0)) if x.size else x.mean(axis=0)
    x = np.where(np.isnan(x), mean, x)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    if len(set(y.tolist())) < 2:  # a degenerate fold: predict the only class seen
        bias = 30.0 if y.size and y[0] == 1 else -30.0
        return LinearModel(tuple(names), (0.0,) * len(names), bias, tuple(mean.tolist()), tuple(scale.tolist()))
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced" if balanced else None)
    model.fit((x - mean) / scale, y)
    return LinearModel(tuple(names), tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]),
                       tuple(mean.tolist()), tuple(scale.tolist()))


class Scored(Protocol):
    features: Features


T = TypeVar("T", bound=Scored)


def rank(candidates: Sequence[T], model: LinearModel) -> list[tuple[T, float]]:
    """The rank stage: candidates with the model's probability, most likely first."""
    return sorted(((c, model.prob(c.features)) for c in candidates), key=lambda cp: -cp[1])


@dataclass(frozen=True)
class AnswerModels:
    """The fitted models and the thresholds chosen for them on held-out folds."""

    sentence: LinearModel
    person: LinearModel
    span: LinearModel
    answerable: LinearModel
    abstain_below: float  # answer only when P(answerable) reaches this
    person_min: float  # list every person whose probability reaches this (at least the best one)
    trained_on: dict[str, object]
    person_rel: float = 0.0  # … and reaches this share of the best person's probability
    fusion: LinearModel | None = None  # re-scores the hybrid ranking (qa/fusion.py); None: plain RRF
    abstain_below_open: float | None = None  # … for an answer from a text on another subject (support.OPEN_BELOW)

    def to_json(self) -> dict[str, object]:
        return {"sentence": self.sentence.to_json(), "person": self.person.to_json(), "span": self.span.to_json(),
                "answerable": self.answerable.to_json(), "abstain_below": self.abstain_below,
                "person_min": self.person_min, "person_rel": self.person_rel, "trained_on": self.trained_on,
                **({"fusion": self.fusion.to_json()} if self.fusion else {}),
                **({"abstain_below_open": self.abstain_below_open} if self.abstain_below_open is not None else {})}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> "AnswerModels":
        if "span" not in data:
            raise ModelError("the answer models file has no span scorer; refit it with `danvan-qa train`")
        return cls(LinearModel.from_json(data["sentence"]), LinearModel.from_json(data["person"]),  # type: ignore
                   LinearModel.from_json(data["span"]), LinearModel.from_json(data["answerable"]), float(data["abstain_below"]),  # type: ignore
                   float(data["person_min"]), dict(data.get("trained_on") or {}),  # type: ignore
                   float(data.get("person_rel", 0.0)),  # type: ignore
                   LinearModel.from_json(data["fusion"]) if data.get("fusion") else None,  # type: ignore
                   None if data.get("abstain_below_open") is None else float(data["abstain_below_open"]))  # type: ignore

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


@lru_cache(maxsize=4)
def load_models(path: Path = MODELS_FILE) -> AnswerModels:
    """The shipped models (read once per process)."""
    return AnswerModels.from_json(json.loads(path.read_text(encoding="utf-8")))
