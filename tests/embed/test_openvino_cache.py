"""OpenVINO's compiled-model cache: kept beside the model, giving the same vectors; and the first
inferences of a fresh process on several streams at once finish (they once deadlocked inside
pybind11's numpy set-up, most often once the cache made the streams ready quickly)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from danvan_qa.embed import openvino_encoder as ov
from danvan_qa.embed.modelfolder import VERIFY_SENTENCES, ensure_default_model

pytestmark = pytest.mark.slow

# In a fresh process: four threads meet at a barrier and make their first inference at once.
RACE = textwrap.dedent("""
    import sys, threading
    from pathlib import Path
    import numpy as np
    from danvan_qa.embed.openvino_encoder import OpenVinoRuntime
    runtime = OpenVinoRuntime(Path(sys.argv[1]))
    runtime.streams()
    ids = np.ones((2, 16), np.int64)
    meet = threading.Barrier(4)
    def first_inference():
        meet.wait()
        runtime.passages(ids, ids)
    threads = [threading.Thread(target=first_inference, daemon=True) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    print(sum(t.is_alive() for t in threads))
""")


@pytest.fixture(scope="module")
def folder(real_settings) -> Path:
    cache = Path(real_settings.cache)
    return ov.ensure_openvino_model(ensure_default_model(cache), cache)


def test_compiled_models_are_cached_beside_the_model_and_give_the_same_vectors(folder):
    first = ov.openvino_embedder(folder, "test").encode_passages(list(VERIFY_SENTENCES))
    assert any((folder / ov.COMPILED).glob("*.blob"))
    again = ov.openvino_embedder(folder, "test").encode_passages(list(VERIFY_SENTENCES))  # from the cache
    assert np.allclose(first, again, atol=1e-6)


@pytest.mark.parametrize("attempt", range(3))  # the deadlock hit about one fresh process in two
def test_first_inferences_on_every_stream_at_once_finish(folder, attempt):
    out = subprocess.run([sys.executable, "-c", RACE, str(folder / "model.xml")], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "0", out.stderr[-2000:]
