"""The sentence encoder on ONNX Runtime: float32, or with its matrix weights quantised to int8.

The model is exported once to ONNX from the local folder, with mean pooling and normalisation in
the graph, into a temporary folder renamed into the cache after its vectors are checked against
the float32 model on Vietnamese sentences (a folder that disagrees is refused). Float32 gives
torch's vectors (cosine 1.0000). int8 (MatMul weights per channel, activations per run; the word
embeddings and the few MatMuls whose inputs carry outliers stay float32) keeps hybrid retrieval
within 0.01 and is what an AVX2 CPU gets by default (cpu.py): there it encodes passages ≈ 1.4×
and questions ≈ 2.4× as fast as torch, where OpenVINO in float32 is no faster than torch.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import threading
import warnings
from pathlib import Path
from collections import deque
from concurrent.futures import Future, TimeoutError as FutureTimeout
from functools import partial
from typing import Callable, Sequence, TypeVar

import numpy as np

from danvan_qa.embed.modelfolder import VERIFY_SENTENCES, build_verified
from danvan_qa.embed.runtimes import OnnxRuntime, Runtime
from danvan_qa.errors import ModelError

log = logging.getLogger(__name__)
T = TypeVar("T")

MIN_COSINE = {"onnx": 0.999, "onnx-int8": 0.99}  # against the float32 folder, per encoder
BUILD_VERSION = 4  # 3: the check covers queries as well as passages; 4: attention exported as plain ops
STAMP = "danvan_onnx.json"
MAX_TOKENS = 512
OUTLIER_RATIO = 200.0  # max/mean |activation| above which a MatMul input is not quantised
_TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
                    "config_sentence_transformers.json")
# A passage as long as an indexed chunk, so the check also covers long inputs.
_LONG = " ".join(VERIFY_SENTENCES * 4)


def onnx_dir(source: Path, cache: Path, encoder: str) -> Path:
    return cache / f"{source.name}-{encoder}"


def source_digest(source: Path) -> str:
    h = hashlib.sha256(f"{BUILD_VERSION}".encode())
    for name in sorted(p.name for p in source.iterdir() if p.is_file()):
        h.update(f"{name}:{(source / name).stat().st_size}".encode())
    return h.hexdigest()[:16]


def _pooling_is_mean(source: Path) -> bool:
    config = source / "1_Pooling" / "config.json"
    if not config.is_file():
        return False
    info = json.loads(config.read_text(encoding="utf-8"))
    return bool(info.get("pooling_mode_mean_tokens")) and not any(
        v for k, v in info.items() if k.startswith("pooling_mode_") and k != "pooling_mode_mean_tokens")


def _export(source: Path, out: Path) -> None:
    """Trace the transformer with mean pooling and normalisation into one ONNX graph."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(source)
    # Attention as plain MatMul/Softmax ops: traced from torch's fused kernel it becomes a
    # NaN-guarding Where over every score, a quarter of ONNX Runtime's time on an AVX2 CPU; the plain
    # ops are what runtimes fuse (OpenVINO in bfloat16 encodes 15 % more passages a second).
    model = AutoModel.from_pretrained(source, attn_implementation="eager").eval()

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: "torch.Tensor", attention_mask: "torch.Tensor") -> "torch.Tensor":
            hidden = self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1)

    sample = tok(["query: a", "passage: a b c"], padding=True, return_tensors="pt")
    axes = {"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"}, "embedding": {0: "batch"}}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer warnings about shape-dependent branches of HF code
        torch.onnx.export(Pooled(), (sample["input_ids"], sample["attention_mask"]), str(out),
                          input_names=["input_ids", "attention_mask"], output_names=["embedding"],
                          dynamic_axes=axes, opset_version=17, dynamo=False)


def outlier_matmuls(fp32: Path) -> list[str]:
    """The weight MatMuls whose inputs carry outliers (max |x| over OUTLIER_RATIO × mean |x| on the
    check passages). Quantising such an input to 8 bits per tensor crushes its ordinary values, so
    these stay float32 (in e5-small: 3 of 72, the down-projections after a GELU)."""
    import onnx
    import onnxruntime as ort
    from tokenizers import Tokenizer

    model = onnx.load(str(fp32))
    weights = {i.name for i in model.graph.initializer}
    nodes = [n for n in model.graph.node if n.op_type == "MatMul" and n.input[1] in weights]
    inputs = list(dict.fromkeys(n.input[0] for n in nodes))
    for name in inputs:
        model.graph.output.append(onnx.helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, None))
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    tok = Tokenizer.from_file(str(fp32.parent / "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS)
    ratio = dict.fromkeys(inputs, 0.0)
    for text in [*VERIFY_SENTENCES, _LONG]:
        ids = np.array([tok.encode(text).ids], dtype=np.int64)
        for name, x in zip(inputs, session.run(inputs, {"input_ids": ids, "attention_mask": np.ones_like(ids)})):
            x = np.abs(x)
            ratio[name] = max(ratio[name], float(x.max() / max(float(x.mean()), 1e-12)))
    return [n.name for n in nodes if ratio[n.input[0]] > OUTLIER_RATIO]


def seven_bit_weights() -> bool:
    """Whether int8 weights keep to 7 bits here: without VNNI, an AVX2 CPU multiplies int8 pairs
    into 16-bit sums that saturate with full-range weights (ONNX Runtime's `reduce_range`). On an
    emulated AVX2 CPU 7 bits lifted the lowest passage cosine to float32 from 0.9946 to 0.9978."""
    from danvan_qa.cpu import this_cpu

    return this_cpu().isa in ("SSE41", "AVX", "AVX2", "AVX512_CORE")


def _quantise(fp32: Path, out: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    keep = outlier_matmuls(fp32)
    log.info("quantising MatMuls to int8; %d with outlier inputs stay float32", len(keep))
    quantize_dynamic(str(fp32), str(out), op_types_to_quantize=["MatMul"], per_channel=True,
                     weight_type=QuantType.QInt8, nodes_to_exclude=keep, reduce_range=seven_bit_weights())


def min_cosine(embedder: "OnnxEmbedder", source: Path) -> float:
    """Lowest cosine between this exported encoder and the float32 folder, on short and long
    passages and on queries."""
    from sentence_transformers import SentenceTransformer

    texts = [*VERIFY_SENTENCES, _LONG]
    model = SentenceTransformer(str(source), device="cpu")
    worst = 1.0
    for prompt, ours in (("passage", embedder.encode_passages(texts)), ("query", embedder.encode_queries(texts))):
        ref = model.encode(texts, prompt_name=prompt, normalize_embeddings=True)
        worst = min(worst, float(np.min(np.sum(ours * ref, axis=1))))
    return worst


def ensure_onnx_model(source: Path, cache: Path, encoder: str = "onnx") -> Path:
    """A verified ONNX folder (`encoder` "onnx" or "onnx-int8") for the sentence-transformers
    folder `source`, built if needed."""
    if encoder not in MIN_COSINE:
        raise ValueError(f"unknown ONNX encoder {encoder!r} (expected one of {', '.join(MIN_COSINE)})")
    if not (source / "tokenizer.json").is_file() or not _pooling_is_mean(source):
        raise ModelError(f"the {encoder} encoder needs a local sentence-transformers folder with a fast "
                         f"tokenizer and mean pooling; {source} is not one (use DANVAN_QA_ENCODER=torch)")

    def build(tmp: Path) -> float:
        log.info("exporting %s to ONNX (%s, once, about a minute)", source, encoder)
        copy_tokenizer(source, tmp)
        _export(source, tmp / "model.onnx")
        if encoder == "onnx-int8":
            _quantise(tmp / "model.onnx", tmp / "model_int8.onnx")
            os.replace(tmp / "model_int8.onnx", tmp / "model.onnx")
        return min_cosine(OnnxEmbedder(tmp, "check", alone=encoder == "onnx-int8"), source)

    # a folder per weight width: a capped or emulated run does not rebuild the machine's own
    folder = onnx_dir(source, cache, f"{encoder}-7bit" if encoder == "onnx-int8" and seven_bit_weights() else encoder)
    return build_verified(folder, STAMP, source_digest(source), MIN_COSINE[encoder], build,
                          f"the {encoder} export disagrees with the model (min cosine {{cosine:.4f}} < {{floor}}); "
                          "refusing to use it (use DANVAN_QA_ENCODER=onnx or torch)")


def prompts(folder: Path) -> dict[str, str]:
    """The model's prompts by name ("query: ", "passage: " for e5); none if it has no
    sentence-transformers config."""
    config = folder / "config_sentence_transformers.json"
    return dict(json.loads(config.read_text(encoding="utf-8")).get("prompts") or {}) if config.is_file() else {}


def copy_tokenizer(source: Path, dest: Path) -> None:
    for name in _TOKENIZER_FILES:
        if (source / name).is_file():
            shutil.copy2(source / name, dest / name)


PAD_MULTIPLE = 16  # batch widths rounded up to this: few distinct shapes for runtimes that specialise per shape
ROW_TOKENS = 256  # a batch's padded tokens per row of `batch_size`: about one full chunk with its title
COUNT_BLOCK = 1024  # texts tokenised at once to count their tokens
BATCH_TIMEOUT_S = 120.0  # a passage batch takes about a second; one still running after minutes is stuck
STUCK = "streams_stuck.txt"  # in the model folder: its streams got stuck once on this machine


def token_batches(lengths: np.ndarray, budget: int) -> list[np.ndarray]:
    """Indices of texts in batches, shortest first, each as many as fit in `budget` padded tokens
    (its width, the longest rounded up to PAD_MULTIPLE, times its rows); at least one text each."""
    order = np.argsort(lengths, kind="stable")
    batches: list[np.ndarray] = []
    start = 0
    for end in range(1, len(order) + 1):
        width = -(-int(lengths[order[end - 1]]) // PAD_MULTIPLE) * PAD_MULTIPLE
        if end - start > 1 and width * (end - start) > budget:
            batches.append(order[start : end - 1])
            start = end - 1
    if start < len(order):
        batches.append(order[start:])
    return batches


def _on_thread(work: Callable[[], T]) -> Future[T]:
    """`work()` on a daemon thread of its own: a batch stuck inside a runtime can neither hold up
    the process's exit, as a pool's worker would, nor the batches after it."""
    future: Future[T] = Future()

    def run() -> None:
        try:
            future.set_result(work())
        except BaseException as exc:  # handed to whoever waits on the batch
            future.set_exception(exc)

    threading.Thread(target=run, name="encode", daemon=True).start()
    return future


class OnnxEmbedder:
    """Encodes with an exported graph on a Runtime (ONNX Runtime by default, or e.g. OpenVINO's);
    passages in batches of similar length, so little is padding, as many batches at once as the
    runtime has streams, and one more being tokenised meanwhile. A stream stuck inside the runtime
    (a batch, or the passage model's compile, still running after BATCH_TIMEOUT_S) is a warning:
    the rest go one batch at a time through `query`, which on OpenVINO is a model of its own, and
    a note in the model folder keeps later processes from trying the streams again."""

    def __init__(self, folder: Path, model_id: str, batch_size: int = 16, runtime: Runtime | None = None,
                 alone: bool = False) -> None:
        """`alone`: each passage in a run of its own, for a model that quantises its activations per
        run (onnx-int8): batched, a passage's vector moved with its neighbours and their padding
        (dense Recall@5 on the seeds −0.035 at 8 chunks a batch, −0.010 at 16); alone it is the
        same however the archive is cut, and as fast, two streams on two cores."""
        from tokenizers import Tokenizer

        config = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8")) \
            if (folder / "tokenizer_config.json").is_file() else {}
        self._prompts = prompts(folder)
        self._tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tok.no_padding()  # padded here, per batch, with the mask to match
        self._tok.enable_truncation(MAX_TOKENS)
        pad = config.get("pad_token") or "<pad>"
        pad = pad.get("content", "<pad>") if isinstance(pad, dict) else pad
        self._pad = self._tok.token_to_id(pad) or 0
        self._runtime = runtime or OnnxRuntime(folder / "model.onnx")
        self.model_id = model_id
        self._batch_size = batch_size
        self._alone = alone
        self.dim = self._runtime.dim
        self._lock = threading.Lock()
        self._tokenising = threading.Lock()  # one batch at a time: the tokenizer is parallel inside already
        self._stuck_note = folder / STUCK
        self._one_stream = self._stuck_note.is_file()  # set for good when a stream gets stuck

    def _padded(self, ids: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
        width = -(-max(len(i) for i in ids) // PAD_MULTIPLE) * PAD_MULTIPLE
        input_ids = np.full((len(ids), width), self._pad, dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.int64)
        for row, seq in enumerate(ids):
            input_ids[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1
        return input_ids, mask

    def _tokenised(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        with self._tokenising:
            encodings = self._tok.encode_batch(list(texts))
        return self._padded([e.ids for e in encodings])

    def _token_counts(self, texts: Sequence[str]) -> np.ndarray:
        """Each text's token count, tokenised a block at a time and let go."""
        counts = np.zeros(len(texts), dtype=np.int64)
        for at in range(0, len(texts), COUNT_BLOCK):
            with self._tokenising:
                encodings = self._tok.encode_batch(list(texts[at : at + COUNT_BLOCK]))
            counts[at : at + len(encodings)] = [len(e.ids) for e in encodings]
        return counts

    def _encode(self, texts: Sequence[str], prompt: str, progress: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        prefix = self._prompts.get(prompt, "")
        if len(texts) == 1:  # a question: one call, no threads
            return np.ascontiguousarray(self._runtime.query(*self._tokenised([prefix + texts[0]])), dtype=np.float32)
        # Batches of texts of the same token count, filled to a token budget (`batch_size` full
        # chunks in flight, split over the runtime's streams), so little is padding and short texts
        # go many to a batch. Each batch is tokenised again on the thread that encodes it, and at
        # most streams + 1 batches exist at once: an archive's tokens are never all held, only
        # their counts. The runtimes let go of the GIL.
        streams = 1 if self._one_stream else self._streams()
        lengths = self._token_counts([prefix + t for t in texts])
        budget = 1 if self._alone else max(1, self._batch_size // streams) * ROW_TOKENS
        batches = deque(token_batches(lengths, budget))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=len(texts), desc="embedding", unit="chunk")

        def tokenised(batch: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            return self._tokenised([prefix + texts[i] for i in batch])

        def encode(batch: np.ndarray) -> np.ndarray:
            return self._runtime.passages(*tokenised(batch))

        def done(batch: np.ndarray, vectors: np.ndarray) -> None:
            out[batch] = vectors
            if bar is not None:
                bar.update(len(batch))

        with self._lock:
            pending: deque[tuple[np.ndarray, Future[np.ndarray]]] = deque()
            try:
                while not self._one_stream and (batches or pending):
                    while batches and len(pending) <= streams:
                        batch = batches.popleft()
                        pending.append((batch, _on_thread(partial(encode, batch))))
                    batch, vectors = pending[0]
                    done(batch, vectors.result(timeout=BATCH_TIMEOUT_S))
                    pending.popleft()
            except FutureTimeout:
                self._stuck(f"a passage batch did not finish in {BATCH_TIMEOUT_S:.0f} s on {streams} streams")
                batches.extendleft(batch for batch, _ in reversed(pending))
            for batch in batches:  # after a stuck stream: each batch on this thread, as a question is
                done(batch, self._runtime.query(*tokenised(batch)))
        if bar is not None:
            bar.close()
        return out

    def _streams(self) -> int:
        """The runtime's streams, asked on a thread of their own: asking may compile a model."""
        try:
            return _on_thread(self._runtime.streams).result(timeout=BATCH_TIMEOUT_S)
        except FutureTimeout:
            self._stuck(f"the passage model was not ready in {BATCH_TIMEOUT_S:.0f} s")
            return 1

    def _stuck(self, what: str) -> None:
        log.warning("%s; encoding passages one batch at a time on the question model from now on "
                    "(delete %s to try the streams again)", what, self._stuck_note)
        self._one_stream = True
        try:
            self._stuck_note.write_text(f"{what}\n", encoding="utf-8")
        except OSError as exc:  # a read-only cache: this process still goes on with one stream
            log.warning("could not write %s: %s", self._stuck_note, exc)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, "query", False)

    def encode_passages(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        return self._encode(texts, "passage", progress)
