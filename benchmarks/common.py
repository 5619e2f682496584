"""Helpers shared by the benchmark scripts: a report that is printed and kept, percentiles,
timing, a machine description and synthetic embedding-like vectors."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

LINES: list[str] = []


def say(line: str = "") -> None:
    print(line, flush=True)
    LINES.append(line)


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def timed(fn, repeat: int = 1) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def cpu_name() -> str:
    """The CPU's model name, from /proc/cpuinfo where there is one."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> str:
    cpu = cpu_name()
    mem = int(next(ln.split()[1] for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal")))
    import faiss
    import torch

    return (f"{cpu}, {os.cpu_count()} cores, {mem / 2**20:.0f} GiB RAM; Python {platform.python_version()}, "
            f"torch {torch.__version__} ({torch.get_num_threads()} threads), faiss {faiss.__version__}")


def synthetic_vectors(n: int, rng: np.random.Generator, dim: int = 384, latent: int = 24) -> np.ndarray:
    """Normalised vectors on a low-dimensional manifold around a common direction, like sentence
    embeddings (mean pairwise cosine ≈ 0.75), not the uniform noise that no real corpus looks like."""
    basis = np.random.default_rng(12345).normal(size=(latent + 1, dim)).astype(np.float32)
    basis /= np.linalg.norm(basis, axis=1, keepdims=True)
    out = np.empty((n, dim), dtype=np.float32)
    for lo in range(0, n, 100_000):
        hi = min(n, lo + 100_000)
        z = rng.normal(size=(hi - lo, latent)).astype(np.float32) * 0.12
        x = basis[0] + z @ basis[1:] + 0.01 * rng.normal(size=(hi - lo, dim)).astype(np.float32)
        out[lo:hi] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


def corpus_sentences(store) -> list[str]:
    """Every sentence of the indexed articles: the raw material of the synthetic corpora."""
    return [d.text[a:b] for d in store.data.documents.values() for a, b in store.sentences(d.doc_id)]


MASKED_LEVELS = ("AVX2", "AVX512_CORE_VNNI")  # what cpuid_mask.c can emulate


def emulate_cpu(isa: str) -> None:
    """Run this benchmark as a CPU of level `isa` would: oneDNN (torch, OpenVINO) and MKL capped by
    their own variables, and, for MASKED_LEVELS, every library's CPUID answered by cpuid_mask.c
    (LD_PRELOAD, built here with gcc), so that ONNX Runtime, which has no cap, runs that CPU's
    kernels too. Re-executes the script once with the library preloaded, and checks it took."""
    isa = isa.upper()
    os.environ["ONEDNN_MAX_CPU_ISA"] = isa  # read when torch's and OpenVINO's kernels are first made
    os.environ["MKL_ENABLE_INSTRUCTIONS"] = "AVX512" if isa.startswith("AVX512") else \
        "AVX2" if isa.startswith("AVX2") else isa.replace("SSE41", "SSE4_2")  # torch's float32 GEMMs
    if isa not in MASKED_LEVELS:
        return
    if os.environ.get("CPUID_MASK_ISA"):  # re-executed: the library must have taken
        if os.environ["CPUID_MASK_ISA"] != isa:
            sys.exit(f"--isa {isa} inside a run already emulating {os.environ['CPUID_MASK_ISA']}")
        from numpy._core._multiarray_umath import __cpu_features__ as features

        if isa == "AVX2" and features.get("AVX512F"):
            sys.exit("--isa AVX2: CPUID is not masked (is LD_PRELOAD honoured here?)")
        return
    if "cpuid_fault" not in Path("/proc/cpuinfo").read_text():
        sys.exit(f"--isa {isa}: this CPU cannot fault on CPUID (no cpuid_fault flag); only oneDNN could be capped")
    lib = Path.home() / ".cache" / "danvan-qa" / "bench" / "cpuid_mask.so"
    source = Path(__file__).with_name("cpuid_mask.c")
    if not lib.is_file() or lib.stat().st_mtime < source.stat().st_mtime:
        lib.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", str(lib), str(source)], check=True)
    if " " in str(lib):
        sys.exit(f"--isa {isa}: LD_PRELOAD cannot name {lib} (a space in the path)")
    os.environ.pop("PYTHONFAULTHANDLER", None)  # its SIGSEGV handler would replace the library's
    os.environ["CPUID_MASK_ISA"] = isa
    os.environ["LD_PRELOAD"] = f"{lib} {os.environ.get('LD_PRELOAD', '')}".strip()
    os.execv(sys.executable, list(getattr(sys, "orig_argv", [sys.executable, *sys.argv])))
