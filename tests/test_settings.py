from pathlib import Path

import pytest

from danvan_qa.settings import Settings


def test_env_then_overrides():
    env = {"DANVAN_QA_STORE": "/tmp/s", "DANVAN_QA_CHUNK_SIZE": "500", "DANVAN_QA_WEIGHT_BM25": "0.7",
           "DANVAN_QA_MODEL": "some/model"}
    s = Settings.from_env(env, chunk_size=900, corpus=None)
    assert s.store == Path("/tmp/s") and s.chunk_size == 900 and s.weight_bm25 == 0.7
    assert s.model == "some/model" and s.corpus == Path("corpus")


def test_bad_env_value_is_named():
    with pytest.raises(ValueError, match="DANVAN_QA_CHUNK_SIZE='big'"):
        Settings.from_env({"DANVAN_QA_CHUNK_SIZE": "big"})
