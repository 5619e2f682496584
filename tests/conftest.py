from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from danvan_qa.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def pytest_report_header() -> list[str]:
    """The CPU the encoders ran on, at the top of every report: a test that hangs or slows on one
    machine and not another is read against it."""
    import os

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from common import cpu_name

    from danvan_qa.embed.runtimes import usable_cores

    try:
        import openvino as ov

        caps = " ".join(ov.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES"))
        openvino = f"openvino {ov.__version__} ({caps})"
    except Exception as exc:  # a report header must not stop the run
        openvino = f"openvino unavailable ({exc})"
    return [f"cpu: {cpu_name()}, {usable_cores()} of {os.cpu_count()} cores usable; {openvino}"]


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
