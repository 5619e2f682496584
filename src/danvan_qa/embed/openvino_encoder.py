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
import os
from pathlib import Path

from danvan_qa.embed.modelfolder import build_verified
from danvan_qa.embed.onnx_encoder import (STAMP, Infer, OnnxEmbedder, source_digest, copy_tokenizer, ensure_onnx_model,
                                          min_cosine, onnx_dir)

log = logging.getLogger(__name__)

MIN_COSINE = 0.999  # against the float32 folder, at the precision this CPU runs
ENCODER = "openvino"


@functools.cache
def precision() -> str:
    """bf16 where the CPU computes it natively, else f32 (OpenVINO's own capability list); asked
    once per process, as the build's digest and every compile need it."""
    import openvino as ov

    return "bf16" if "BF16" in ov.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES") else "f32"


def openvino_infer(model: Path) -> Infer:
    """Runs the graph on OpenVINO's CPU plugin, one stream on every core (a question is one call)."""
    import openvino as ov

    core = ov.Core()
    compiled = core.compile_model(core.read_model(str(model)), "CPU", {
        "PERFORMANCE_HINT": "LATENCY", "INFERENCE_NUM_THREADS": os.cpu_count() or 1,
        "INFERENCE_PRECISION_HINT": precision()})
    request = compiled.create_infer_request()
    return lambda ids, mask: request.infer({"input_ids": ids, "attention_mask": mask})[0]


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
    return OnnxEmbedder(folder, model_id, batch_size, infer=openvino_infer(folder / "model.xml"))
