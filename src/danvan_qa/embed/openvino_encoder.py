"""The sentence encoder on OpenVINO, in bfloat16 where the CPU computes it natively.

int8 made the encoder fast but moved its vectors enough to cost retrieval (up to 0.03 on our gold
sets). bfloat16 keeps float32's range and loses only mantissa bits, so on a CPU with native
bfloat16 dot products (AVX-512 BF16, AMX) its vectors stay at cosine ≈ 0.99997 of float32 while
passages encode about twice as fast and a question in about a fifth of torch's time
(benchmarks/encoders.py). Where the CPU has no bfloat16, OpenVINO computes in float32: the same
vectors as torch, still faster. The graph is the verified float32 ONNX export, converted once into
OpenVINO's format in the cache and checked against the float32 model at the precision it will run.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import queue
import threading
from pathlib import Path
from typing import Any

import numpy as np

from danvan_qa.embed.modelfolder import build_verified
from danvan_qa.embed.onnx_encoder import (STAMP, OnnxEmbedder, source_digest, copy_tokenizer, ensure_onnx_model,
                                          min_cosine, onnx_dir, usable_cores)

log = logging.getLogger(__name__)

MIN_COSINE = 0.999  # against the float32 folder, at the precision this CPU runs
ENCODER = "openvino"


@functools.cache
def precision() -> str:
    """bf16 where the CPU computes it natively, else f32 (OpenVINO's own capability list); asked
    once per process, as the build's digest and every compile need it."""
    import openvino as ov

    return "bf16" if "BF16" in ov.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES") else "f32"


class OpenVinoRuntime:
    """OpenVINO's CPU plugin, compiled twice, each on first use: for a question, one stream on every
    usable core (latency); for passages, one single-threaded stream per usable core (about a fifth
    faster than one stream on both, which wait for each other inside every layer). The passage
    streams are set, not left to the THROUGHPUT hint, and not pinned to cores: as fast here, and the
    same on any machine. (With the hint, the CI machine hung in the OpenVINO test, cause not known.)
    Passages compile with no shape cache: with it, every new batch shape kept its buffers, and
    memory grew with the archive (1.8 GB after 1,200 chunks on one stream, 3.0 on two; 1.4 without)."""

    def __init__(self, model: Path) -> None:
        import openvino as ov

        self._core = ov.Core()
        self._path = str(model)
        self.dim = int(self._core.read_model(self._path).output(0).get_partial_shape()[1].get_length())
        self._query_lock = threading.Lock()
        self._query: Any = None  # one infer request, used under its lock
        self._passages_lock = threading.Lock()  # apart: a question never waits on the passage model's compile
        self._free: queue.Queue[Any] | None = None  # idle passage requests; its maxsize is the streams

    def _compile(self, config: dict[str, Any]) -> Any:
        return self._core.compile_model(self._path, "CPU", {"INFERENCE_PRECISION_HINT": precision(), **config})

    def query(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        with self._query_lock:
            if self._query is None:
                self._query = self._compile({"PERFORMANCE_HINT": "LATENCY",
                                             "INFERENCE_NUM_THREADS": usable_cores()}).create_infer_request()
            return self._query.infer({"input_ids": ids, "attention_mask": mask})[0].copy()  # the request's own buffer

    def _requests(self) -> queue.Queue[Any]:
        with self._passages_lock:
            if self._free is None:
                n = usable_cores()
                compiled = self._compile({"NUM_STREAMS": n, "INFERENCE_NUM_THREADS": n, "ENABLE_CPU_PINNING": False,
                                          "CPU_RUNTIME_CACHE_CAPACITY": 0})
                self._free = queue.Queue(maxsize=n)
                for _ in range(n):
                    self._free.put(compiled.create_infer_request())
            return self._free

    def streams(self) -> int:
        return self._requests().maxsize

    def passages(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        free = self._requests()
        request = free.get()
        try:
            return request.infer({"input_ids": ids, "attention_mask": mask})[0].copy()
        finally:
            free.put(request)


def ensure_openvino_model(source: Path, cache: Path) -> Path:
    """A verified OpenVINO folder for the sentence-transformers folder `source`, converted from its
    float32 ONNX export (built first if needed)."""
    import openvino as ov

    onnx_folder = ensure_onnx_model(source, cache, "onnx")
    digest = hashlib.sha256(f"{source_digest(source)}:{ov.__version__}:{precision()}".encode()).hexdigest()[:16]

    def build(tmp: Path) -> float:
        log.info("converting %s to OpenVINO (%s, once)", onnx_folder, precision())
        copy_tokenizer(onnx_folder, tmp)
        ov.save_model(ov.convert_model(str(onnx_folder / "model.onnx")), str(tmp / "model.xml"), compress_to_fp16=False)
        return min_cosine(openvino_embedder(tmp, "check"), source)

    return build_verified(onnx_dir(source, cache, ENCODER), STAMP, digest, MIN_COSINE, build,
                          "the OpenVINO model disagrees with the float32 one (min cosine {cosine:.4f} < {floor}); "
                          "refusing to use it (use DANVAN_QA_ENCODER=onnx or torch)")


def openvino_embedder(folder: Path, model_id: str, batch_size: int = 16) -> OnnxEmbedder:
    return OnnxEmbedder(folder, model_id, batch_size, runtime=OpenVinoRuntime(folder / "model.xml"))
