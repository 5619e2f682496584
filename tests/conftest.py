from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from danvan_qa.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "corpus"
    shutil.copytree(CORPUS, dst)
    return dst


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings for the real model: the user's model cache (built once), a private store."""
    store = tmp_path_factory.mktemp("store")
    return Settings.from_env(corpus=CORPUS, store=store)


@pytest.fixture(scope="session")
def real_store(real_settings: Settings):
    """The bundled corpus indexed with the real e5 model, shared by the integration tests."""
    from danvan_qa import build_index, open_store

    build_index(settings=real_settings)
    return open_store(settings=real_settings)
