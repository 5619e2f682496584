"""What this CPU computes fast, and the encoder chosen for it.

Measured (benchmarks/encoders.py, results.md by CPU class): with native bfloat16 dot products
(AVX-512 BF16 or AMX), OpenVINO in bfloat16 encodes passages ≈ 2× and questions ≈ 3× as fast as
torch float32, at cosine 0.99997: the choice there. Without them OpenVINO computes in float32, no
faster than torch, which already runs near the float32 peak; on an AVX2 CPU ONNX Runtime's int8
matrix products (onnx-int8) encode passages ≈ 1.4× and questions ≈ 2.4× as fast as torch with
hybrid retrieval within 0.01, so an AVX2 CPU gets onnx-int8; the levels between (AVX-VNNI,
AVX-512 without bfloat16) are not measured yet and keep OpenVINO.
`ONEDNN_MAX_CPU_ISA` (oneDNN's own cap, which OpenVINO's CPU plugin obeys) lowers the level read
here, and benchmarks/cpuid_mask.c lets a bigger CPU run a smaller one's kernels in every library.
"""

from __future__ import annotations

import functools
import os
import platform
from dataclasses import dataclass
from pathlib import Path

# oneDNN's ISA names, lowest first, with the cpuinfo flags each needs (its names, as far as we use them)
_LEVELS = (
    ("SSE41", {"sse4_1"}),
    ("AVX", {"avx"}),
    ("AVX2", {"avx2", "fma"}),
    ("AVX2_VNNI", {"avx2", "fma", "avx_vnni"}),
    ("AVX512_CORE", {"avx512f", "avx512bw", "avx512vl", "avx512dq"}),
    ("AVX512_CORE_VNNI", {"avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512_vnni"}),
    ("AVX512_CORE_BF16", {"avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512_vnni", "avx512_bf16"}),
    ("AVX512_CORE_AMX", {"avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512_vnni", "avx512_bf16", "amx_bf16"}),
)
_NAMES = {"SSE41": "SSE4.1", "AVX": "AVX", "AVX2": "AVX2", "AVX2_VNNI": "AVX2 + AVX-VNNI",
          "AVX512_CORE": "AVX-512", "AVX512_CORE_VNNI": "AVX-512 VNNI", "AVX512_CORE_BF16": "AVX-512 BF16",
          "AVX512_CORE_AMX": "AMX"}
_BF16 = ("AVX512_CORE_BF16", "AVX512_CORE_AMX")


@dataclass(frozen=True)
class CpuClass:
    """The instruction-set level the encoders may use here: the CPU's, under ONEDNN_MAX_CPU_ISA."""

    isa: str  # oneDNN's name of the level, e.g. "AVX2", or "" off x86
    capped: bool  # lowered by ONEDNN_MAX_CPU_ISA

    @property
    def bf16(self) -> bool:
        return self.isa in _BF16

    def describe(self) -> str:
        name = _NAMES.get(self.isa, platform.machine() or "unknown")
        return f"{name} (capped by ONEDNN_MAX_CPU_ISA)" if self.capped else name


def cpu_flags(cpuinfo: Path = Path("/proc/cpuinfo")) -> frozenset[str]:
    """The first processor's flags; empty where there is no /proc/cpuinfo."""
    try:
        with cpuinfo.open(encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("flags"):
                    return frozenset(line.split(":", 1)[1].split())
    except OSError:
        pass
    return frozenset()


def cpu_class(flags: frozenset[str], cap: str = "") -> CpuClass:
    """The highest level whose flags are all present, at most `cap` (a oneDNN ISA name, any case)."""
    reached = ""
    for name, needs in _LEVELS:
        if needs <= flags:
            reached = name
    order = [name for name, _ in _LEVELS]
    cap = cap.strip().upper()
    if cap in order and reached and order.index(cap) < order.index(reached):
        return CpuClass(cap, True)
    return CpuClass(reached, False)


@functools.cache
def this_cpu() -> CpuClass:
    return cpu_class(cpu_flags(), os.environ.get("ONEDNN_MAX_CPU_ISA", ""))


def choose_encoder(cpu: CpuClass | None = None) -> str:
    """The default encoder for `cpu` (this one's by default; see the module's docstring): ONNX
    Runtime in int8 on an AVX2 CPU, OpenVINO elsewhere; torch where neither runtime is installed."""
    cpu = cpu or this_cpu()
    if cpu.isa == "AVX2":  # measured (emulated); VNNI and AVX-512 without bfloat16 are not yet
        try:
            import onnxruntime  # noqa: F401

            return "onnx-int8"
        except ImportError:
            pass
    try:
        import openvino  # noqa: F401
    except ImportError:
        return "torch"
    return "openvino"


def precision_name(encoder: str, cpu: CpuClass) -> str:
    """How `encoder` computes on `cpu`, in words for the status line and `index`'s summary."""
    if encoder == "openvino":
        return "bfloat16" if cpu.bf16 else "float32"
    if encoder.endswith("-int8"):
        return "int8"
    if encoder == "static":
        return "static table"
    return "float32"


def describe_encoder(encoder: str) -> str:
    """E.g. "openvino, bfloat16; CPU AVX-512 BF16": what `index` and the chat's status line say."""
    return f"{encoder}, {precision_name(encoder, this_cpu())}; CPU {this_cpu().describe()}"
