"""The invented archive (tests/invented.py) indexed once with the fake embedder and real fact
extraction, for the pages' unit and browser tests."""

from __future__ import annotations

import pytest

from danvan_qa.index.indexer import build_index
from danvan_qa.index.store import Store
from danvan_qa.settings import Settings
from fakes import FakeEmbedder
from invented import write_articles


@pytest.fixture(scope="session")
def invented_settings(tmp_path_factory) -> Settings:
    root = tmp_path_factory.mktemp("invented")
    write_articles(root / "corpus")
    emb = FakeEmbedder()
    # The fake model's id with no encoder suffix, so the store opens without the real model.
    settings = Settings(corpus=root / "corpus", store=root / "store", model=emb.model_id, encoder="torch")
    build_index(settings=settings, embedder=emb)
    return settings


@pytest.fixture(scope="session")
def invented_store(invented_settings) -> Store:
    return Store.open(invented_settings.store, FakeEmbedder().model_id)
