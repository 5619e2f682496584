"""A static encoder for very large archives: one vector per token, distilled once from e5-small.

A sentence's vector is the mean of its tokens' rows, so encoding is tokenising and a table look-up:
no transformer runs at index or question time. The table is distilled as model2vec does it, from
the local model folder, offline: each token of the vocabulary is encoded alone by e5-small, the
vectors are reduced by PCA and weighted down by how common the token is (the vocabulary's order
stands for its frequency: SIF weighting on a Zipf law). What it costs in retrieval is measured by
benchmarks/encoders.py; it is a first stage for archives too large to embed with e5, not the default.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from pathlib import Path
from typing import Sequence

import numpy as np

from danvan_qa.embed.modelfolder import VERIFY_SENTENCES, build_verified
from danvan_qa.embed.onnx_encoder import copy_tokenizer, onnx_dir, source_digest
from danvan_qa.errors import ModelError

log = logging.getLogger(__name__)

DIMS = 256  # PCA components kept (model2vec's default)
SIF = 1e-4  # weight of a token: SIF / (SIF + p), p its Zipf probability from its rank
BUILD_VERSION = 1
STAMP = "danvan_static.json"
TABLE = "table.npy"
MIN_AGREEMENT = 0.999  # cosine of the table's rows to the same tokens encoded again at check time
_BATCH = 512  # tokens distilled per forward pass
_BLOCK = 2048  # texts tokenised at once when encoding


def _token_vectors(model: "object", ids: np.ndarray, specials: tuple[int, int]) -> np.ndarray:
    """e5's vector of each token alone: mean of its last hidden states over <s> token </s>."""
    import torch

    bos, eos = specials
    batch = np.stack([np.full(len(ids), bos), ids, np.full(len(ids), eos)], axis=1)
    with torch.inference_mode():
        hidden = model(input_ids=torch.from_numpy(batch), attention_mask=torch.ones(batch.shape, dtype=torch.long))
    return hidden.last_hidden_state.mean(dim=1).numpy()


def _specials(source: Path) -> tuple[int, int, set[int]]:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(source / "tokenizer.json"))
    added = set(tok.get_added_tokens_decoder())  # ids of <s>, <pad>, </s>, <unk>, <mask>
    ids = tok.encode("a", add_special_tokens=True).ids
    return ids[0], ids[-1], added | {ids[0], ids[-1]}


def distill(source: Path, out: Path, progress: bool = True) -> None:
    """Write the static table (float16, vocabulary × DIMS) and its tokenizer into `out`."""
    import torch
    from sklearn.decomposition import PCA
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(source)).eval()
    size = int(model.get_input_embeddings().num_embeddings)
    bos, eos, special = _specials(source)
    vectors = np.zeros((size, model.config.hidden_size), dtype=np.float32)
    starts = range(0, size, _BATCH)
    if progress:
        from tqdm import tqdm

        starts = tqdm(starts, desc="distilling static encoder", unit="batch")
    for at in starts:
        ids = np.arange(at, min(at + _BATCH, size))
        vectors[ids] = _token_vectors(model, ids, (bos, eos))
    keep = np.array([i not in special for i in range(size)])
    pca = PCA(n_components=DIMS, random_state=0).fit(vectors[keep])
    table = pca.transform(vectors).astype(np.float32)
    rank = np.arange(1, size + 1, dtype=np.float64)
    p = (1.0 / rank) / np.sum(1.0 / rank)
    table *= (SIF / (SIF + p))[:, None].astype(np.float32)
    table[~keep] = 0.0
    np.save(out / TABLE, table.astype(np.float16))
    np.savez(out / "pca.npz", mean=pca.mean_.astype(np.float32), components=pca.components_.astype(np.float32))
    copy_tokenizer(source, out)


def agreement(folder: Path, source: Path) -> float:
    """Lowest cosine between the table's rows for the tokens of the check sentences and the same
    tokens encoded again by e5 and projected: a damaged or mismatched table fails it."""
    import torch
    from transformers import AutoModel

    embedder = StaticEmbedder(folder, "check")
    ids = np.unique(np.concatenate([embedder.token_ids(s) for s in VERIFY_SENTENCES]))
    bos, eos, _ = _specials(source)
    fresh = _token_vectors(AutoModel.from_pretrained(str(source)).eval(), ids, (bos, eos))
    pca = np.load(folder / "pca.npz")
    fresh = (fresh - pca["mean"]) @ pca["components"].T
    rows = embedder.table[ids].astype(np.float32)
    cos = np.sum(rows * fresh, axis=1) / (np.linalg.norm(rows, axis=1) * np.linalg.norm(fresh, axis=1) + 1e-12)
    return float(np.min(cos))


def ensure_static_model(source: Path, cache: Path) -> Path:
    """A verified static folder for the sentence-transformers folder `source`, distilled if needed
    (a few minutes, once)."""
    if not (source / "tokenizer.json").is_file():
        raise ModelError(f"the static encoder needs a local model folder with a fast tokenizer; {source} has none")
    digest = hashlib.sha256(f"{source_digest(source)}:{BUILD_VERSION}:{DIMS}:{SIF}".encode()).hexdigest()[:16]

    def build(tmp: Path) -> float:
        log.info("distilling a static encoder from %s (once, a few minutes)", source)
        distill(source, tmp)
        return agreement(tmp, source)

    return build_verified(onnx_dir(source, cache, "static"), STAMP, digest, MIN_AGREEMENT, build,
                          "the static table disagrees with the model (min cosine {cosine:.4f} < {floor}); "
                          "refusing to use it (use DANVAN_QA_ENCODER=openvino)")


class StaticEmbedder:
    """Mean of the token rows, normalised. Queries and passages are encoded alike (a static table
    has no use for e5's prompts); thread-safe, as the table is only read."""

    def __init__(self, folder: Path, model_id: str) -> None:
        from tokenizers import Tokenizer

        try:
            self.table = np.load(folder / TABLE, mmap_mode="r")
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot read the static encoder's table {folder / TABLE}: {exc}") from exc
        self._tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tok.no_padding()
        self._tok.no_truncation()
        self.model_id = model_id
        self.dim = int(self.table.shape[1])
        self._lock = threading.Lock()  # the tokenizer is parallel inside already

    def token_ids(self, text: str) -> np.ndarray:
        return np.asarray(self._tok.encode(text, add_special_tokens=False).ids, dtype=np.int64)

    def _encode(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        """In blocks of _BLOCK texts: an archive's tokens are never all held at once."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        starts = range(0, len(texts), _BLOCK)
        if progress:
            from tqdm import tqdm

            starts = tqdm(starts, desc="embedding", unit="block")
        for at in starts:
            with self._lock:
                encodings = self._tok.encode_batch(list(texts[at : at + _BLOCK]), add_special_tokens=False)
            for row, enc in enumerate(encodings, start=at):
                if enc.ids:
                    out[row] = self.table[np.asarray(enc.ids)].astype(np.float32).mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        out[norms[:, 0] == 0, 0] = 1.0  # a text with no token the table knows: a unit vector all the same
        return out

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts)

    def encode_passages(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        return self._encode(texts, progress)
