"""The static encoder: a token table distilled once from the local e5 folder, checked against the
model, and giving unit vectors that rank a related passage above unrelated ones."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from danvan_qa.embed import static_encoder as st
from danvan_qa.embed.embedding import get_embedder, model_id_for
from danvan_qa.embed.modelfolder import ensure_default_model
from danvan_qa.errors import ModelError
from danvan_qa.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def static(real_settings: Settings):
    return get_embedder(real_settings.replace(encoder="static"))


def test_table_distilled_and_checked(static, real_settings):
    folder = Path(real_settings.cache) / f"{ensure_default_model(Path(real_settings.cache)).name}-static"
    assert (folder / st.STAMP).is_file() and (folder / st.TABLE).is_file()
    assert st.agreement(folder, ensure_default_model(Path(real_settings.cache))) >= st.MIN_AGREEMENT
    assert static.dim == st.DIMS and static.model_id == model_id_for(real_settings.replace(encoder="static"))
    assert static.model_id != model_id_for(real_settings)  # a static store is refused by e5 and back


def test_vectors_are_unit_and_rank_the_related_passage_first(static):
    passages = ["Ban Dân vận và Công an tỉnh ký kết chương trình phối hợp giai đoạn 2021-2025.",
                "Giá lúa tại đồng bằng sông Cửu Long giảm nhẹ trong tuần qua.",
                "Đội tuyển bóng đá giành chiến thắng trong trận chung kết."]
    p = static.encode_passages(passages)
    q = static.encode_queries(["Chương trình phối hợp được ký kết cho giai đoạn nào?", ""])
    assert p.dtype == np.float32 and p.shape == (3, st.DIMS)
    assert np.allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-5)
    assert np.allclose(np.linalg.norm(q, axis=1), 1.0, atol=1e-5)  # an empty question too: no NaN
    assert int(np.argmax(q[0] @ p.T)) == 0
    assert static.encode_passages([]).shape == (0, st.DIMS)


def test_damaged_table_is_one_clear_error(tmp_path: Path):
    (tmp_path / st.TABLE).write_bytes(b"not a numpy file")
    with pytest.raises(ModelError, match="static encoder's table"):
        st.StaticEmbedder(tmp_path, "x")


def test_blocks_give_the_vectors_of_one_pass(static, monkeypatch):
    texts = [f"Hội nghị lần thứ {n} của Ban Dân vận tỉnh." for n in range(7)]
    whole = static.encode_passages(texts)
    monkeypatch.setattr(st, "_BLOCK", 3)
    assert np.array_equal(static.encode_passages(texts, progress=True), whole)
