"""One settings object: defaults, overridden by DANVAN_QA_* env vars, then by CLI flags."""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

ENV_PREFIX = "DANVAN_QA_"
ENCODERS = ("auto", "torch", "onnx", "onnx-int8", "openvino", "openvino-int8", "static")
DENSE_WEIGHT = {"static": 0.1}  # the fusion's dense weight per encoder, where it is not 1.0
_COLLECTION = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,254}")


def _default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "danvan-qa"


@dataclass(frozen=True)
class Settings:
    """Every tunable of the pipeline. Env var: DANVAN_QA_<FIELD NAME IN CAPS>."""

    corpus: Path = Path("corpus")
    store: Path = Path("vectorstore")
    cache: Path = field(default_factory=_default_cache)
    model: str = ""  # "" = the bundled multilingual-e5-small; else any sentence-transformers path/name
    # auto: chosen from the CPU (cpu.py), replaced by the choice when the settings are made |
    # openvino: bfloat16 where the CPU has it (cosine 0.99997 of float32), queries ≈ 3× and passages
    # ≈ 2× faster than torch (the choice there); float32 elsewhere, no faster | openvino-int8: weight
    # MatMuls in int8, retrieval within 0.01 but held-out entity recall 0.027 lower | torch: float32
    # sentence-transformers | onnx: ONNX Runtime, torch's vectors | onnx-int8: int8 MatMuls on ONNX
    # Runtime, hybrid retrieval within 0.01; on AVX2 passages ≈ 1.4× and queries ≈ 2.4× faster than
    # torch (the choice on an AVX2 CPU) | static: a token table distilled from e5, no transformer at
    # all (for archives too big to embed; retrieval cost in benchmarks/results.md)
    encoder: str = "auto"
    chunk_size: int = 1000  # characters; chosen on eval/dev.jsonl by benchmarks/tune_retrieval.py
    chunk_overlap: int = 200
    batch_size: int = 8  # full chunks' tokens per batch: 8 ran as fast as 16 or faster on every encoder measured
    rrf_k: int = 10
    # fusion weights and rrf_k: tuned on eval/dev.jsonl (docs/internals.md, Retrieval); a dense weight
    # below 0 is the encoder's own: 1.0, but 0.1 for the static table, whose dense ranking only
    # lowered BM25's on our own questions at any higher weight (docs/encoders.md)
    weight_dense: float = -1.0
    weight_bm25: float = 1.0
    candidates: int = 50  # per retriever, before fusion
    fusion_depth: int = 30  # fused chunks the learned fusion re-scores (qa/fusion.py)
    index_type: str = "auto"  # auto | flat | hnsw | ivf
    hnsw_threshold: int = 50_000  # chunks; "auto" switches from exact Flat to HNSW above this
    ivf_nprobe: int = 32  # inverted lists visited per query by an "ivf" index
    answer_passages: int = 8  # passages answer() reads
    # p(answerable) below which answer() abstains; 0 = the threshold chosen on held-out
    # articles by `danvan-qa train` and shipped in answer_models.json
    abstain_threshold: float = 0.0
    max_question_chars: int = 2000
    request_timeout_s: float = 20.0  # the web chat's time budget per question
    max_doc_bytes: int = 2_000_000  # a news article is far smaller; bigger files are reported and skipped
    backend: str = "faiss"  # faiss: files in the store folder | milvus: a Milvus Lite file or server
    milvus_uri: str = ""  # "" = milvus.db in the store folder (Milvus Lite); a path, or http://host:19530
    milvus_token: str = field(default="", repr=False)  # "user:password" or an API key; never stored or shown
    milvus_collection: str = "danvan_qa"  # one collection per store
    # The chat's "Thêm tài liệu" tab: off unless asked for, since the chat has no login and an
    # upload is written into the corpus folder (`serve --allow-uploads`, DANVAN_QA_ALLOW_UPLOADS=1)
    allow_uploads: bool = False

    def __post_init__(self) -> None:
        if self.encoder not in ENCODERS:
            raise ValueError(f"{ENV_PREFIX}ENCODER={self.encoder!r}: expected one of {', '.join(ENCODERS)}")
        if self.encoder == "auto":
            from danvan_qa.cpu import choose_encoder

            object.__setattr__(self, "encoder", store_encoder(self.store) or choose_encoder())
        if self.backend not in ("faiss", "milvus"):
            raise ValueError(f"{ENV_PREFIX}BACKEND={self.backend!r}: expected 'faiss' or 'milvus'")
        if not _COLLECTION.fullmatch(self.milvus_collection):
            raise ValueError(
                f"{ENV_PREFIX}MILVUS_COLLECTION={self.milvus_collection!r}: use letters, digits and _ "
                "(starting with a letter or _, at most 255 characters)"
            )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> "Settings":
        """Defaults <- env vars <- explicit overrides (None values are ignored)."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is not None and raw != "":
                values[f.name] = _coerce(f.name, raw, cls)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def dense_weight(self) -> float:
        """The fusion's dense weight: `weight_dense`, or the encoder's own when that is below 0."""
        return self.weight_dense if self.weight_dense >= 0 else DENSE_WEIGHT.get(self.encoder, 1.0)

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def store_encoder(store: Path) -> str | None:
    """The encoder the store in `store` was built with, as its manifest records it (None without
    one): `auto` keeps it, so a store built before the CPU's choice changed (AVX2 CPUs went from
    openvino to onnx-int8) is still read, not refused or re-embedded. Read here, not through
    index/catalogue.py (a layer above), from the files it writes: CURRENT and manifest.json."""
    import json

    try:
        generation = (store / "CURRENT").read_text(encoding="utf-8").strip()
        if not generation.startswith("gen-") or "/" in generation:
            return None
        model_id = json.loads((store / generation / "manifest.json").read_text(encoding="utf-8"))["model"]["id"]
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no store yet, or a damaged one: opening it says what is wrong
    m = re.search(r"\[([a-z0-9-]+)[^\]]*\]$", str(model_id))
    encoder = m.group(1) if m else "torch"  # the torch encoder adds nothing to the model's id
    return encoder if encoder in ENCODERS and encoder != "auto" else None


def _coerce(name: str, raw: str, cls: type) -> Any:
    default = next(f for f in dataclasses.fields(cls) if f.name == name)
    kind = default.type if isinstance(default.type, str) else default.type.__name__
    try:
        if kind == "Path":
            return Path(raw).expanduser()
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "bool":
            return _flag(raw)
    except ValueError as exc:
        raise ValueError(f"{ENV_PREFIX}{name.upper()}={raw!r} is not a valid {kind}") from exc
    return raw


def _flag(raw: str) -> bool:
    """An on/off env var as people write it; anything else is an error, not a silent "off"."""
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError(raw)
