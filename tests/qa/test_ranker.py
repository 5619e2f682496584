"""The learned answer models: fitting, JSON round trips, folds by article, thresholds."""

import random

import pytest

from danvan_qa.qa.ranker import AnswerModels, LinearModel, fit_linear, load_models
from danvan_qa.evaluation.training import MAX_FALSE_REFUSALS, _choose_abstain, _choose_person_min, _folds


def _separable(n: int = 200, seed: int = 0):
    rng = random.Random(seed)
    rows, labels = [], []
    for _ in range(n):
        a, b = rng.random(), rng.random()
        rows.append((a, b))
        labels.append(int(a > 0.5))  # only the first feature matters
    return rows, labels


def test_fit_linear_learns_the_rule_and_ignores_noise():
    rows, labels = _separable()
    model = fit_linear(("signal", "noise"), rows, labels)
    assert model.prob((0.9, 0.1)) > 0.8 and model.prob((0.1, 0.9)) < 0.2
    assert abs(model.weights[0]) > 5 * abs(model.weights[1])
    accuracy = sum((model.prob(r) >= 0.5) == bool(y) for r, y in zip(rows, labels)) / len(rows)
    assert accuracy > 0.95


def test_fit_linear_with_one_class_predicts_it():
    model = fit_linear(("x",), [(0.1,), (0.7,)], [1, 1])
    assert model.prob((5.0,)) > 0.99
    assert fit_linear(("x",), [(0.1,), (0.7,)], [0, 0]).prob((0.3,)) < 0.01


def test_models_round_trip_through_json(tmp_path):
    rows, labels = _separable()
    m = fit_linear(("signal", "noise"), rows, labels)
    models = AnswerModels(m, m, m, 0.42, 0.3, {"questions": 3})
    path = tmp_path / "models.json"
    models.save(path)
    back = load_models(path)
    assert back == models and LinearModel.from_json(m.to_json()) == m


def test_shipped_models_match_the_features():
    from danvan_qa.qa.candidates import SENTENCE_FEATURES
    from danvan_qa.qa.support import ANSWERABLE_FEATURES
    from danvan_qa.qa.who import PERSON_FEATURES

    models = load_models()
    assert models.sentence.names == SENTENCE_FEATURES and models.person.names == PERSON_FEATURES
    assert models.answerable.names == ANSWERABLE_FEATURES
    assert 0 < models.abstain_below < 1 and models.trained_on["articles"] >= 5


def test_folds_keep_an_article_in_one_fold_and_balance():
    groups = [f"doc{i % 7}" for i in range(70)]
    fold = _folds(groups, 3)
    assert fold == _folds(groups, 3)  # deterministic
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
