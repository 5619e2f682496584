"""Evaluation: gold question files (`gold`), metrics (`metrics`), the evaluation run with
cross-validation by article (`run`), fitting the answer models (`training`) and the report.

Public face: `evaluate`, `EvalResult`, `load_gold_files`.
"""

from typing import TYPE_CHECKING

from danvan_qa.lazy import lazy_exports

if TYPE_CHECKING:
    from danvan_qa.evaluation.gold import load_gold_files
    from danvan_qa.evaluation.run import EvalResult, evaluate

_EXPORTS = {
    "EvalResult": "run",
    "evaluate": "run",
    "load_gold_files": "gold",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
