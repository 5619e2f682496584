"""Evaluation: gold question files (`gold`), metrics (`metrics`), the evaluation run with
cross-validation by article (`run`), fitting the answer models (`training`) and the report.

Public face: `evaluate`, `EvalResult`, `load_gold_files`.
"""

from danvan_qa.evaluation.gold import load_gold_files
from danvan_qa.evaluation.run import EvalResult, evaluate

__all__ = ["EvalResult", "evaluate", "load_gold_files"]
