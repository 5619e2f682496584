"""The ONNX encoders: exported once from the local folder, verified, and giving torch's vectors."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np
import pytest

from danvan_qa.embed import onnx_encoder as ox
from danvan_qa.embed import openvino_encoder as ov
from danvan_qa.embed import runtimes
from danvan_qa.errors import ModelError
from danvan_qa.embed.modelfolder import VERIFY_SENTENCES, ensure_default_model
from danvan_qa.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def source(real_settings: Settings) -> Path:
    return ensure_default_model(Path(real_settings.cache))


@pytest.fixture(scope="module")
def torch_vectors(source: Path) -> tuple[np.ndarray, np.ndarray]:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(source), device="cpu")
    texts = list(VERIFY_SENTENCES)
    return (model.encode(texts, prompt_name="query", normalize_embeddings=True),
            model.encode(texts, prompt_name="passage", normalize_embeddings=True))


@pytest.mark.parametrize("encoder, floor", [("onnx", 0.999), ("onnx-int8", 0.99), ("openvino", 0.999),
                                            ("openvino-int8", 0.99)])
def test_exported_vectors_are_torchs(encoder, floor, source, torch_vectors, real_settings):
    if encoder.startswith("openvino"):
        folder = ov.ensure_openvino_model(source, Path(real_settings.cache), encoder)
        embedder = ov.openvino_embedder(folder, "test", batch_size=3)
    else:
        embedder = ox.OnnxEmbedder(ox.ensure_onnx_model(source, Path(real_settings.cache), encoder), "test",
                                   batch_size=3, alone=encoder == "onnx-int8")  # as get_embedder makes it
    queries = embedder.encode_queries(list(VERIFY_SENTENCES))
    passages = embedder.encode_passages(list(VERIFY_SENTENCES))  # batches of 3, sorted by length
    assert queries.shape == passages.shape == (len(VERIFY_SENTENCES), 384)
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-4)
    assert np.min(np.sum(queries * torch_vectors[0], axis=1)) >= floor  # the "query: " prompt applied
    assert np.min(np.sum(passages * torch_vectors[1], axis=1)) >= floor  # in the input's order
    assert np.max(np.sum(queries * passages, axis=1)) < 0.999  # ...and the prompts differ
    assert embedder.encode_passages([]).shape == (0, 384)


def test_a_folder_that_disagrees_is_refused_and_never_published(source, tmp_path, monkeypatch):
    monkeypatch.setitem(ox.MIN_COSINE, "onnx", 1.5)  # no export can reach it
    with pytest.raises(ModelError, match="refusing"):
        ox.ensure_onnx_model(source, tmp_path, "onnx")
    assert not any(tmp_path.iterdir())  # neither the folder nor a half-built temp dir
    monkeypatch.undo()

    folder = ox.ensure_onnx_model(source, tmp_path, "onnx")
    stamp = json.loads((folder / ox.STAMP).read_text())
    assert stamp["cosine"] >= ox.MIN_COSINE["onnx"]
    mtime = (folder / "model.onnx").stat().st_mtime
    assert ox.ensure_onnx_model(source, tmp_path, "onnx") == folder  # reused
    assert (folder / "model.onnx").stat().st_mtime == mtime


def test_only_a_mean_pooled_local_folder_can_be_exported(tmp_path):
    (tmp_path / "tokenizer.json").write_text("{}")
    with pytest.raises(ModelError, match="mean pooling"):
        ox.ensure_onnx_model(tmp_path, tmp_path / "cache", "onnx")
    with pytest.raises(ValueError, match="unknown ONNX encoder"):
        ox.ensure_onnx_model(tmp_path, tmp_path / "cache", "onnx-int4")


def test_the_encoder_is_part_of_the_model_id_and_a_store_refuses_another(real_store, real_settings):
    from danvan_qa import retrieve
    from danvan_qa.embed.embedding import model_id_for
    from danvan_qa.errors import StoreError

    other = real_settings.replace(encoder="onnx" if real_settings.encoder != "onnx" else "torch")
    assert model_id_for(other) != model_id_for(real_settings)
    with pytest.raises(StoreError, match=r"built with model .* DANVAN_QA_ENCODER"):
        retrieve("Ai chủ trì lễ ký kết?", settings=other)  # queries must come from the encoder that built it
    assert retrieve("Ai chủ trì lễ ký kết?", settings=real_settings)


def test_an_unknown_encoder_is_a_clear_error():
    with pytest.raises(ValueError, match="DANVAN_QA_ENCODER='tf'"):
        Settings.from_env({"DANVAN_QA_ENCODER": "tf"})


def test_int8_keeps_the_matmuls_with_outlier_inputs_float32(source, real_settings):
    """Only a few MatMuls stay float32, and they are the ones whose inputs carry outliers."""
    import onnx

    fp32 = ox.ensure_onnx_model(source, Path(real_settings.cache), "onnx") / "model.onnx"
    keep = ox.outlier_matmuls(fp32)
    assert 0 < len(keep) < 12  # of 72 weight MatMuls in e5-small
    model = onnx.load(str(ox.ensure_onnx_model(source, Path(real_settings.cache), "onnx-int8") / "model.onnx"),
                      load_external_data=False)
    float_matmuls = {n.name for n in model.graph.node if n.op_type == "MatMul"}
    assert set(keep) <= float_matmuls
    assert any(n.op_type == "MatMulInteger" for n in model.graph.node)


def test_openvino_int8_quantises_the_weight_matmuls_only(source, real_settings):
    """Every weight MatMul reads int8 activations but those of the first and last layers and the
    outlier down-projections; attention's own MatMuls (both inputs activations) do not; the
    folder is verified and built once."""
    import openvino

    cache = Path(real_settings.cache)
    folder = ov.ensure_openvino_model(source, cache, "openvino-int8")
    assert json.loads((folder / ox.STAMP).read_text())["cosine"] >= ov.MIN_COSINE["openvino-int8"]
    mtime = (folder / "model.xml").stat().st_mtime
    assert ov.ensure_openvino_model(source, cache, "openvino-int8") == folder
    assert (folder / "model.xml").stat().st_mtime == mtime
    outliers = set(ox.outlier_matmuls(ox.ensure_onnx_model(source, cache, "onnx") / "model.onnx"))
    model = openvino.Core().read_model(str(folder / "model.xml"))
    quantised, plain, fused = set(), set(), 0
    for op in model.get_ops():
        sources = [i.get_source_output().get_node().get_type_name() for i in op.inputs()]
        if op.get_type_name() == "MatMul":
            (quantised if "FakeQuantize" in sources else plain).add(op.get_friendly_name())
        elif op.get_type_name() == "ScaledDotProductAttention":  # attention exported as plain ops, fused
            assert "FakeQuantize" not in sources
            fused += 1
    attention = {n for n in plain | quantised if n.endswith(("self/MatMul", "self/MatMul_1"))}
    assert (len(attention), fused) in ((24, 0), (0, 12)) and attention <= plain  # 2 MatMuls or 1 op a layer
    ends = {n for n in plain | quantised if "layer.0/" in n or "layer.11/" in n} - attention
    assert len(ends) == 12 and outliers and outliers | ends <= plain  # 6 weight MatMuls a layer
    assert len(quantised) == 72 - len(outliers | ends)  # of e5-small's 72 weight MatMuls


def test_the_openvino_folder_is_converted_once_verified_at_its_precision(source, real_settings):
    folder = ov.ensure_openvino_model(source, Path(real_settings.cache))
    stamp = json.loads((folder / ox.STAMP).read_text())
    assert stamp["cosine"] >= ov.MIN_COSINE["openvino"]
    assert ov.precision() in ("bf16", "f32")
    mtime = (folder / "model.xml").stat().st_mtime
    assert ov.ensure_openvino_model(source, Path(real_settings.cache)) == folder
    assert (folder / "model.xml").stat().st_mtime == mtime
    # One question alone and the same question batched with longer ones give the same vector.
    embedder = ov.openvino_embedder(folder, "test")
    alone = embedder.encode_queries([VERIFY_SENTENCES[0]])
    batched = embedder.encode_queries(list(VERIFY_SENTENCES))[:1]
    assert float(np.sum(alone * batched)) >= 0.999


class _CountingRuntime:
    """A fake runtime: a row's vector is a function of its tokens (so order and padding can be
    checked), and it records how many batches it is given at once."""

    dim = 4

    def __init__(self, streams: int) -> None:
        self._streams, self._lock, self.busy, self.most, self.widths = streams, threading.Lock(), 0, 0, []
        self.shapes: list[tuple[int, int]] = []
        self._meet = threading.Barrier(min(streams, 2), timeout=10)  # the first two batches must overlap

    def query(self, ids, mask):
        vec = np.stack([(ids * mask).sum(1), mask.sum(1), ids[:, 0], np.ones(len(ids))], axis=1).astype(np.float32)
        return vec / np.linalg.norm(vec, axis=1, keepdims=True)

    def passages(self, ids, mask):
        with self._lock:
            self.busy += 1
            self.most = max(self.most, self.busy)
            self.widths.append(ids.shape[1])
            self.shapes.append(ids.shape)
            first = len(self.widths) <= 2
        if first:
            self._meet.wait()
        try:
            return self.query(ids, mask)
        finally:
            with self._lock:
                self.busy -= 1

    def streams(self) -> int:
        return self._streams


@pytest.mark.parametrize("streams", [1, 2])
def test_passages_run_on_every_stream_and_come_back_in_order(streams, source):
    texts = [f"{VERIFY_SENTENCES[i % len(VERIFY_SENTENCES)]} {'thêm ' * (i * 7 % 23)}" for i in range(41)]
    runtime = _CountingRuntime(streams)
    embedder = ox.OnnxEmbedder(source, "fake", batch_size=8, runtime=runtime)
    batched = embedder.encode_passages(texts, progress=True)
    alone = np.concatenate([embedder.encode_passages([t]) for t in texts])  # one text: the query call
    assert np.allclose(batched, alone, atol=1e-6)  # each row is its own text's, padding masked out
    assert all(w % ox.PAD_MULTIPLE == 0 for w in runtime.widths)
    budget = 8 // streams * ox.ROW_TOKENS  # batch_size full chunks split over the streams
    assert all(rows * width <= budget or rows == 1 for rows, width in runtime.shapes)
    assert sum(rows for rows, _ in runtime.shapes) == len(texts)
    assert streams <= runtime.most <= streams + 1  # every stream used; batches in flight bounded


def test_passages_go_alone_for_a_model_that_quantises_activations_per_run(source):
    texts = [f"{VERIFY_SENTENCES[i % len(VERIFY_SENTENCES)]} {'thêm ' * (i * 5 % 11)}" for i in range(9)]
    runtime = _CountingRuntime(2)
    embedder = ox.OnnxEmbedder(source, "fake", batch_size=8, runtime=runtime, alone=True)
    vectors = embedder.encode_passages(texts)
    assert [rows for rows, _ in runtime.shapes] == [1] * len(texts)  # one passage a run, on both streams
    assert runtime.most >= 2
    assert np.allclose(vectors, np.concatenate([embedder.encode_passages([t]) for t in texts]), atol=1e-6)


def test_onnx_runtime_streams_give_the_question_sessions_vectors(source, real_settings, monkeypatch):
    monkeypatch.setattr(runtimes, "usable_cores", lambda: 2)  # two cores, whatever this machine has
    folder = ox.ensure_onnx_model(source, Path(real_settings.cache), "onnx")
    runtime = runtimes.OnnxRuntime(folder / "model.onnx")
    ids, mask = np.array([[0, 6, 7, 8, 2], [0, 9, 2, 1, 1]], dtype=np.int64), np.array([[1] * 5, [1, 1, 1, 0, 0]])
    assert runtime.streams() == 2
    assert runtime._passage_session is not None  # passages run on a session of their own
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:  # both streams at once on the one passage session
        both = list(pool.map(lambda _: runtime.passages(ids, mask), range(2)))
    assert all(np.allclose(b, runtime.query(ids, mask), atol=1e-5) for b in both)
    monkeypatch.setattr(runtimes, "usable_cores", lambda: 1)
    one = runtimes.OnnxRuntime(folder / "model.onnx")
    assert one.streams() == 1 and one._passage_session is None  # one core: passages take the question's


def test_attention_is_exported_as_plain_ops(source, real_settings):
    import onnx

    folder = ox.ensure_onnx_model(source, Path(real_settings.cache), "onnx")
    ops = {n.op_type for n in onnx.load(str(folder / "model.onnx"), load_external_data=False).graph.node}
    assert "Softmax" in ops and "IsNaN" not in ops  # no NaN guard over every attention score


@pytest.mark.parametrize("isa, seven", [("AVX2", True), ("AVX512_CORE", True), ("AVX2_VNNI", False),
                                        ("AVX512_CORE_VNNI", False), ("AVX512_CORE_AMX", False)])
def test_int8_weights_keep_to_seven_bits_where_the_cpu_has_no_vnni(isa, seven, monkeypatch):
    from danvan_qa import cpu

    monkeypatch.setattr(cpu, "this_cpu", lambda: cpu.CpuClass(isa, False))
    assert ox.seven_bit_weights() is seven


def test_batches_hold_texts_of_like_token_counts_up_to_a_budget():
    lengths = np.array([300, 5, 40, 17, 300, 33, 8, 120, 64, 2])
    batches = ox.token_batches(lengths, budget=128)
    assert sorted(np.concatenate(batches).tolist()) == list(range(len(lengths)))  # each text once
    widths = [-(-int(lengths[b].max()) // ox.PAD_MULTIPLE) * ox.PAD_MULTIPLE for b in batches]
    assert all(w * len(b) <= 128 or len(b) == 1 for w, b in zip(widths, batches))
    assert widths == sorted(widths)  # shortest first, so a batch's texts are of like length
    assert [len(b) for b in batches][0] > 1 and len(batches[-1]) == 1  # short texts many to a batch
    # a full batch: adding the next text would have passed the budget
    for b, nxt in zip(batches, batches[1:]):
        wider = -(-int(lengths[nxt[0]]) // ox.PAD_MULTIPLE) * ox.PAD_MULTIPLE
        assert wider * (len(b) + 1) > 128


class _StuckRuntime(_CountingRuntime):
    """A fake runtime that never comes back from its first passage batch, or from compiling its
    passage model (the first `streams()`), as a wedged native runtime."""

    def __init__(self, stuck: str) -> None:
        super().__init__(2)
        self.stuck, self.never, self.asked = stuck, threading.Event(), 0

    def streams(self) -> int:
        self.asked += 1
        if self.stuck == "compile" and self.asked == 1:
            self.never.wait()
        return super().streams()

    def passages(self, ids, mask):
        with self._lock:
            self.widths.append(ids.shape[1])
            first = len(self.widths) == 1
        if self.stuck == "batch" and first:
            self.never.wait()
        return self.query(ids, mask)


@pytest.mark.parametrize("stuck", ["batch", "compile"])
def test_a_stuck_stream_costs_a_timeout_not_the_process(stuck, source, tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(ox, "BATCH_TIMEOUT_S", 0.5)
    ox.copy_tokenizer(source, tmp_path)  # the note is written into the folder: not the real model's
    texts = [f"{VERIFY_SENTENCES[i % len(VERIFY_SENTENCES)]} {'thêm ' * i}" for i in range(20)]
    runtime = _StuckRuntime(stuck)
    embedder = ox.OnnxEmbedder(tmp_path, "fake", batch_size=4, runtime=runtime)
    with caplog.at_level("WARNING", logger=ox.__name__):
        batched = embedder.encode_passages(texts)
    assert "one batch at a time" in caplog.text and (tmp_path / ox.STUCK).is_file()
    alone = np.concatenate([embedder.encode_passages([t]) for t in texts])
    assert np.allclose(batched, alone, atol=1e-6)  # every row, a stuck batch's too
    calls, asked = len(runtime.widths), runtime.asked
    embedder.encode_passages(texts)
    ox.OnnxEmbedder(tmp_path, "fake", batch_size=4, runtime=runtime).encode_passages(texts)  # a later process
    assert (len(runtime.widths), runtime.asked) == (calls, asked)  # the streams are not tried again
    runtime.never.set()
