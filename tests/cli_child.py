"""Run the danvan-qa command line in a child process with the fake embedder, for the tests of
what it prints on failures. DANVAN_QA_TEST_FULL_DISK=1 makes every np.save find the disk full
part-way through its file, as a real full disk would."""

import errno
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import numpy as np  # noqa: E402

from danvan_qa.embed.embedding import model_id_for  # noqa: E402
from danvan_qa.index import indexer  # noqa: E402
from danvan_qa.interfaces.cli import main  # noqa: E402
from danvan_qa.qa import retrieval  # noqa: E402
from fakes import FakeEmbedder  # noqa: E402


def _full_disk_save(file, arr, *args, **kwargs):  # type: ignore[no-untyped-def]
    Path(file).write_bytes(b"\x93NUMPY" + b"\0" * 100)
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


if __name__ == "__main__":
    indexer.get_embedder = retrieval.get_embedder = lambda settings: FakeEmbedder(model_id=model_id_for(settings))
    if os.environ.get("DANVAN_QA_TEST_FULL_DISK"):
        np.save = _full_disk_save
    sys.exit(main(sys.argv[1:]))
