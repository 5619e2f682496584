"""Embed: the sentence encoder. Builds and verifies the model folder offline (`modelfolder`),
and encodes with torch (`embedding`) or ONNX Runtime (`onnx_encoder`).

Public face: `get_embedder`, `Embedder`, `model_id_for`.
"""

from danvan_qa.embed.embedding import Embedder, get_embedder, model_id_for

__all__ = ["Embedder", "get_embedder", "model_id_for"]
