"""The learned answer models: fitting, JSON round trips, folds by article, thresholds."""

import random

import pytest

from danvan_qa.errors import ModelError
from danvan_qa.qa.ranker import AnswerModels, LinearModel, fit_linear, load_models, rank
from danvan_qa.qa.records import Features
from danvan_qa.evaluation.training import MAX_FALSE_REFUSALS, _choose_abstain, _choose_person_min, folds_by_group

NAMES = ("signal", "noise")


def _f(*values: float, names=NAMES) -> Features:
    return Features(names, values)


def _separable(n: int = 200, seed: int = 0):
    rng = random.Random(seed)
    rows, labels = [], []
    for _ in range(n):
        a, b = rng.random(), rng.random()
        rows.append(_f(a, b))
        labels.append(int(a > 0.5))  # only the first feature matters
    return rows, labels


def test_fit_linear_learns_the_rule_and_ignores_noise():
    rows, labels = _separable()
    model = fit_linear(NAMES, rows, labels)
    assert model.prob(_f(0.9, 0.1)) > 0.8 and model.prob(_f(0.1, 0.9)) < 0.2
    assert abs(model.weights[0]) > 5 * abs(model.weights[1])
    accuracy = sum((model.prob(r) >= 0.5) == bool(y) for r, y in zip(rows, labels)) / len(rows)
    assert accuracy > 0.95


def test_features_in_another_order_are_refused():
    rows, labels = _separable()
    model = fit_linear(NAMES, rows, labels)
    with pytest.raises(ModelError, match="refit"):
        model.prob(Features(("noise", "signal"), (0.1, 0.9)))
    with pytest.raises(ValueError, match="feature names"):
        fit_linear(("noise", "signal"), rows, labels)
    with pytest.raises(ValueError, match="2 feature names for 1 values"):
        Features(NAMES, (1.0,))
    assert _f(0.2, 0.7)["noise"] == 0.7


def test_rank_orders_by_the_model():
    rows, labels = _separable()
    model = fit_linear(NAMES, rows, labels)

    class C:
        def __init__(self, f):
            self.features = f

    low, high = C(_f(0.1, 0.5)), C(_f(0.9, 0.5))
    ranked = rank([low, high], model)
    assert [c for c, _ in ranked] == [high, low] and ranked[0][1] > ranked[1][1]


def test_fit_linear_with_one_class_predicts_it():
    x = ("x",)
    model = fit_linear(x, [_f(0.1, names=x), _f(0.7, names=x)], [1, 1])
    assert model.prob(_f(5.0, names=x)) > 0.99
    assert fit_linear(x, [_f(0.1, names=x), _f(0.7, names=x)], [0, 0]).prob(_f(0.3, names=x)) < 0.01


def test_models_round_trip_through_json(tmp_path):
    rows, labels = _separable()
    m = fit_linear(NAMES, rows, labels)
    models = AnswerModels(m, m, m, m, 0.42, 0.3, {"questions": 3})
    path = tmp_path / "models.json"
    models.save(path)
    back = load_models(path)
    assert back == models and back.fusion is None and LinearModel.from_json(m.to_json()) == m
    fused = AnswerModels(m, m, m, m, 0.42, 0.3, {"questions": 3}, fusion=m)
    fused.save(tmp_path / "fused.json")
    assert load_models(tmp_path / "fused.json") == fused
    two = AnswerModels(m, m, m, m, 0.6, 0.3, {"questions": 3}, abstain_below_open=0.37)
    two.save(tmp_path / "two.json")
    assert load_models(tmp_path / "two.json").abstain_below_open == 0.37 and back.abstain_below_open is None


def test_shipped_models_match_the_features():
    from danvan_qa.qa.candidates import SENTENCE_FEATURES
    from danvan_qa.qa.spans import SPAN_FEATURES
    from danvan_qa.qa.support import ANSWERABLE_FEATURES
    from danvan_qa.qa.who import PERSON_FEATURES

    models = load_models()
    assert models.sentence.names == SENTENCE_FEATURES and models.person.names == PERSON_FEATURES
    assert models.span.names == SPAN_FEATURES
    assert models.answerable.names == ANSWERABLE_FEATURES
    assert 0 < models.abstain_below < 1 and models.trained_on["articles"] >= 5
    # the shipped models are fitted on general paragraphs too (eval/open_domain): their answers have a threshold
    assert models.abstain_below_open is not None and 0 < models.abstain_below_open < 1


def test_shipped_models_say_what_they_were_fitted_on():
    """`make train` records the gold files' and articles' hashes, the library, the folds and the
    held-out figures; a gold file edited since then shows here, until the models are refitted."""
    import hashlib
    from pathlib import Path

    from danvan_qa.evaluation.shipped import DEFAULT_GOLD
    from danvan_qa.evaluation.gold import file_labels

    root = Path(__file__).resolve().parents[2]
    trained = load_models().trained_on
    assert {"sklearn", "folds", "corpus_sha256", "held_out"} <= trained.keys()
    assert "devset/gold" in trained["held_out"] and trained["held_out"]["devset/gold"]["questions"] > 0
    gold = [p if p.is_absolute() else root / p for p in DEFAULT_GOLD]
    for path, label in zip(gold, file_labels(gold)):
        if path.exists():  # the development set sits beside the repo and may be absent
            assert trained["gold"][label] == hashlib.sha256(path.read_bytes()).hexdigest(), f"refit: {label} changed"


def test_folds_keep_an_article_in_one_fold_and_balance():
    groups = [f"doc{i % 7}" for i in range(70)]
    fold = folds_by_group(groups, 3)
    assert fold == folds_by_group(groups, 3)  # deterministic
    for g in set(groups):
        assert len({f for f, h in zip(fold, groups) if h == g}) == 1
    sizes = [fold.count(f) for f in range(3)]
    assert max(sizes) - min(sizes) <= 10 and min(sizes) > 0


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_abstain_threshold_keeps_false_refusals_in_bounds(seed):
    rng = random.Random(seed)
    probs = [rng.random() for _ in range(300)]
    answerable = [rng.random() < 0.3 + 0.6 * p for p in probs]
    t = _choose_abstain(probs, answerable)
    pos = [p for p, a in zip(probs, answerable) if a]
    assert sum(p < t for p in pos) / len(pos) <= MAX_FALSE_REFUSALS
    assert sum(p < t + 0.02 for p in pos) / len(pos) > MAX_FALSE_REFUSALS - 0.02  # not lower than needed


def test_person_cut_keeps_the_right_people():
    # per question: right people at 0.8-0.9, wrong ones at 0.1-0.3
    rows = [(0.9, 1, q, "a") for q in range(5)] + [(0.8, 1, q, "a") for q in range(5)] + \
        [(0.2, 0, q, "a") for q in range(5)]
    t, rel = _choose_person_min(rows)
    assert 0.2 < t <= 0.8 or 0.25 < rel <= 0.85


def test_person_cut_counts_only_the_best_ones_article():
    # the right second person is in the best one's article; a likelier wrong one is in another article
    rows = [(0.9, 1, q, "a") for q in range(6)] + [(0.5, 1, q, "a") for q in range(6)] + \
        [(0.7, 0, q, "b") for q in range(6)]
    t, rel = _choose_person_min(rows)
    assert t <= 0.5 and rel <= 0.5 / 0.9  # the other article's people cost nothing, so the cut goes low


def test_support_features_enter_once_per_question_group():
    from danvan_qa.qa.support import ANSWERABLE_FEATURES, GROUPS, SUPPORT_FEATURES

    assert len(ANSWERABLE_FEATURES) == len(SUPPORT_FEATURES) * (1 + len(GROUPS)) + len(GROUPS)
    assert len(set(ANSWERABLE_FEATURES)) == len(ANSWERABLE_FEATURES)


def test_abstention_regularisation_is_one_of_the_grid():
    from danvan_qa.evaluation.training import ABSTAIN_C

    assert load_models().trained_on["abstain_c"] in ABSTAIN_C


def test_an_unknown_value_weighs_as_the_training_mean():
    """NaN (no dense score in a BM25-only search) is neither good nor bad evidence."""
    model = LinearModel(("a", "b"), (2.0, 1.0), 0.0, (0.5, 0.0), (0.25, 1.0))
    at_mean = model.prob(Features(("a", "b"), (0.5, 1.0)))
    assert model.prob(Features(("a", "b"), (float("nan"), 1.0))) == at_mean
    assert model.prob(Features(("a", "b"), (0.0, 1.0))) < at_mean  # a known low value still counts against


def test_an_unknown_value_is_fitted_as_its_column_s_mean():
    """A row whose dense score is unknown (its kept chunks none the dense retriever returned) is fitted,
    as it is weighed, at the mean; the others decide the weights."""
    rows, labels = _separable()
    model = fit_linear(NAMES, rows + [_f(float("nan"), 0.5)], labels + [1])
    assert model.mean[0] == pytest.approx(sum(r.values[0] for r in rows) / len(rows))
    assert model.prob(_f(0.9, 0.1)) > 0.8 and model.prob(_f(0.1, 0.9)) < 0.2


def test_a_bm25_only_search_leaves_the_questions_nearness_unknown(real_store, real_settings):
    from danvan_qa.qa.answering import Answerer

    answerer = Answerer(real_store, real_settings)
    question = "Ai chủ trì lễ ký kết chương trình phối hợp giai đoạn 2022-2026?"
    typed = next(c for c in answerer.decision(question, mode="bm25").candidates if c.kind != "none")
    assert typed.features["dense_top"] != typed.features["dense_top"]  # NaN: unknown
    who = typed.features["dense_top|who"]
    assert who != who and typed.features["dense_top|span"] == 0.0  # unknown in its group, nothing outside it
    hybrid = next(c for c in answerer.decision(question).candidates if c.kind != "none")
    assert 0.0 < hybrid.features["dense_top"] <= 1.0
