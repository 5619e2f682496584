"""The sentence encoder on OpenVINO: in bfloat16 where the CPU computes it natively (the default),
or with its weight MatMuls in int8 (the fastest indexer).

bfloat16 keeps float32's range and loses only mantissa bits, so on a CPU with native bfloat16 dot
products (AVX-512 BF16, AMX) its vectors stay at cosine ≈ 0.99997 of float32 while passages encode
about 2.6× as fast as torch; where the CPU has no bfloat16, OpenVINO computes in float32. ONNX
Runtime's dynamic int8 moved vectors enough to cost retrieval up to 0.03; NNCF's static int8,
calibrated once on the bundled articles with SmoothQuant, keeps cosine ≥ 0.996 and retrieval within
0.01 of float32 while passages encode 1.2–1.3× as fast as in bfloat16 (benchmarks/encoders.py). The
graph is the verified float32 ONNX export, converted once into OpenVINO's format in the cache (and
quantised from that), and checked against the float32 model at the precision it will run.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import queue
import re
import threading
from pathlib import Path
from typing import Any

import numpy as np

from danvan_qa.cpu import this_cpu
from danvan_qa.embed.modelfolder import build_verified
from danvan_qa.embed.onnx_encoder import (MAX_TOKENS, STAMP, OnnxEmbedder, source_digest, copy_tokenizer,
                                          ensure_onnx_model, min_cosine, onnx_dir, outlier_matmuls, prompts)
from danvan_qa.embed.runtimes import usable_cores

log = logging.getLogger(__name__)

# against the float32 folder, at the precision this CPU runs
MIN_COSINE = {"openvino": 0.999, "openvino-int8": 0.99}
# What int8 measures its activation ranges on: the bundled articles cut at 600, 1,000 and 1,400
# characters (as the indexer cuts them, title and place first) and the questions of the bundled
# gold set, as the encoder sees them (prompt names, not prompts): more passages than one cut gave
# ranges closer to float32's (dense top-5 agreement 0.946 -> 0.958).
CALIBRATION = Path(__file__).with_name("calibration.jsonl")
COMPILED = "compiled"  # OpenVINO's compiled-model cache, in the model folder


@functools.cache
def precision() -> str:
    """bf16 where the CPU computes it natively (and OpenVINO lists it), else f32; asked once per
    process, as the build's digest and every compile need it. Under ONEDNN_MAX_CPU_ISA below
    AVX-512 BF16, f32: OpenVINO's list ignores the cap, its kernels do not."""
    import openvino as ov

    native = this_cpu().bf16 or not this_cpu().isa  # off x86, OpenVINO's list alone decides
    return "bf16" if native and "BF16" in ov.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES") else "f32"


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

        # pybind11's numpy API is set up on the first use of an array, behind two locks taken in
        # opposite orders (a C++ static's guard, then the GIL): first uses on two stream threads at
        # once deadlocked (the hang in the OpenVINO tests, more often as the compiled-model cache
        # made the streams ready sooner). Set up here, on one thread, before any stream runs.
        ov.Tensor(np.zeros(1, dtype=np.int64)).data  # noqa: B018
        self._core = ov.Core()
        # Compiled models kept beside the model (keyed by its path, size and time): a later
        # process imports in a fraction of a second what took 1-6 s to compile.
        self._core.set_property({"CACHE_DIR": str(model.parent / COMPILED)})
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


def ensure_openvino_model(source: Path, cache: Path, encoder: str = "openvino") -> Path:
    """A verified OpenVINO folder for the sentence-transformers folder `source`: "openvino" is
    converted from its float32 ONNX export (built first if needed), "openvino-int8" quantised from
    that."""
    import openvino as ov

    if encoder not in MIN_COSINE:
        raise ValueError(f"unknown OpenVINO encoder {encoder!r} (expected one of {', '.join(MIN_COSINE)})")
    basis = f"{source_digest(source)}:{ov.__version__}:{precision()}"
    if encoder == "openvino":
        onnx_folder = ensure_onnx_model(source, cache, "onnx")

        def build(tmp: Path) -> float:
            log.info("converting %s to OpenVINO (%s, once)", onnx_folder, precision())
            copy_tokenizer(onnx_folder, tmp)
            ov.save_model(ov.convert_model(str(onnx_folder / "model.onnx")), str(tmp / "model.xml"),
                          compress_to_fp16=False)
            return min_cosine(openvino_embedder(tmp, "check"), source)
    else:
        from importlib.metadata import version

        fp32, onnx_model = ensure_openvino_model(source, cache), ensure_onnx_model(source, cache, "onnx") / "model.onnx"
        basis += f":{version('nncf')}:{hashlib.sha256(CALIBRATION.read_bytes()).hexdigest()}"

        def build(tmp: Path) -> float:
            log.info("quantising %s to int8 (once, about a minute)", fp32)
            copy_tokenizer(fp32, tmp)
            _quantise(fp32, onnx_model, tmp / "model.xml")
            return min_cosine(openvino_embedder(tmp, "check"), source)

    # a folder per precision: a capped run (ONEDNN_MAX_CPU_ISA) does not rebuild the uncapped one's
    folder = onnx_dir(source, cache, encoder if precision() == "bf16" else f"{encoder}-f32")
    return build_verified(folder, STAMP, hashlib.sha256(basis.encode()).hexdigest()[:16],
                          MIN_COSINE[encoder], build,
                          f"the {encoder} model disagrees with the float32 one (min cosine {{cosine:.4f}} < {{floor}}); "
                          f"refusing to use it (use DANVAN_QA_ENCODER={'onnx' if encoder == 'openvino' else 'openvino'} "
                          "or torch)")


def _calibration(folder: Path) -> list[dict[str, np.ndarray]]:
    """The calibration texts, each tokenised with its prompt as `folder`'s encoder will see it."""
    from tokenizers import Tokenizer

    prefixes = prompts(folder)
    tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS)
    items = []
    for line in CALIBRATION.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        ids = np.array([tok.encode(prefixes.get(record["prompt"], "") + record["text"]).ids], dtype=np.int64)
        items.append({"input_ids": ids, "attention_mask": np.ones_like(ids)})
    return items


def _quantise(fp32: Path, onnx_model: Path, out: Path) -> None:
    """Post-training int8 of the weight MatMuls, weights and activations, with NNCF's transformer
    preset: SmoothQuant moves activation outliers into the weights first, and softmax, layer norm
    and GELU stay in float. Some MatMuls stay in bfloat16 too: attention's own (query × key,
    scores × value), whose inputs are both activations (OpenVINO fuses them, with the softmax, into
    one ScaledDotProductAttention a layer, never quantised); the few down-projections whose inputs carry
    outliers (as in ONNX int8); and all of the first and last layers, which no later layer
    corrects. All in int8 was 1.43× as fast as bfloat16 but agreed with float32's dense top 5 on
    0.946 of our questions; this is 1.2–1.3× at 0.956 (bfloat16: 0.991), retrieval within 0.01."""
    import nncf
    import openvino as ov

    logging.getLogger("nncf").setLevel(logging.WARNING)  # its progress bars stay; its notes do not
    data = _calibration(fp32)
    model = ov.Core().read_model(str(fp32 / "model.xml"))
    matmuls = [op for op in model.get_ops() if op.get_type_name() == "MatMul"]
    attention = [op.get_friendly_name() for op in matmuls if not any(
        i.get_source_output().get_node().get_type_name() == "Constant" for i in op.inputs())]
    layer = {op.get_friendly_name(): int(m.group(1)) for op in matmuls
             if (m := re.search(r"layer\.(\d+)/", op.get_friendly_name()))}
    ends = [name for name, i in layer.items() if i in (min(layer.values()), max(layer.values()))] if layer else []
    keep = nncf.IgnoredScope(names=sorted({*attention, *outlier_matmuls(onnx_model), *ends}), validate=False)
    log.info("int8: %d of %d MatMuls stay in float", len(keep.names), len(matmuls))
    model = nncf.quantize(model, nncf.Dataset(data), model_type=nncf.ModelType.TRANSFORMER,
                          subset_size=len(data), ignored_scope=keep)
    ov.save_model(model, str(out), compress_to_fp16=False)


def openvino_embedder(folder: Path, model_id: str, batch_size: int = 16) -> OnnxEmbedder:
    return OnnxEmbedder(folder, model_id, batch_size, runtime=OpenVinoRuntime(folder / "model.xml"))
