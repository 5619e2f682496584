"""Embed: the sentence encoder. Builds and verifies the model folder offline (`modelfolder`),
and encodes with torch (`embedding`) or ONNX Runtime (`onnx_encoder`).

Public face: `get_embedder`, `Embedder`, `model_id_for`.
"""

from typing import TYPE_CHECKING

from danvan_qa.lazy import lazy_exports

if TYPE_CHECKING:
    from danvan_qa.embed.embedding import Embedder, get_embedder, model_id_for

_EXPORTS = {
    "Embedder": "embedding",
    "get_embedder": "embedding",
    "model_id_for": "embedding",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
