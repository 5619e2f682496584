"""The inference engines an OnnxEmbedder runs on, and the cores they may use: ONNX Runtime here,
OpenVINO's in openvino_encoder.py."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Protocol

import numpy as np


def usable_cores() -> int:
    """The cores this process may run on (its affinity), not the machine's: a container or
    `taskset` can give fewer than os.cpu_count() says, and threads beyond them only wait."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Runtime(Protocol):
    """What OnnxEmbedder needs of an inference engine. Both calls take (input_ids, attention_mask)
    and return unit vectors; `passages` may be called from `streams()` threads at once."""

    dim: int

    def query(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray: ...

    def passages(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray: ...

    def streams(self) -> int: ...


class OnnxRuntime:
    """ONNX Runtime: a question on one session over every core; passages on a second session of
    one thread, run from a thread per core at once (a stream each, sharing its weights), made when
    passages are first encoded, so a process that only answers holds one copy of the model. Two
    single-threaded streams encode about a fifth more passages a second than one run on two threads,
    which wait for each other inside every operator."""

    def __init__(self, model: Path) -> None:
        self._model = model
        self._session = self._open(usable_cores())  # the default counts physical cores: 1 of 2 here
        self._lock = threading.Lock()  # concurrent runs would each take every core
        self._passage_session: Any = None
        self.dim = int(self.query(np.zeros((1, 1), np.int64), np.ones((1, 1), np.int64)).shape[1])

    def _open(self, threads: int) -> Any:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        options.intra_op_num_threads = threads
        return ort.InferenceSession(str(self._model), options, providers=["CPUExecutionProvider"])

    def query(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        with self._lock:
            return self._session.run(None, {"input_ids": ids, "attention_mask": mask})[0]

    def streams(self) -> int:
        if usable_cores() < 2:
            return 1
        with self._lock:
            if self._passage_session is None:
                self._passage_session = self._open(1)
        return usable_cores()

    def passages(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        session = self._passage_session
        if session is None:  # one core, or streams() not asked: one run at a time on every core
            return self.query(ids, mask)
        return session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
