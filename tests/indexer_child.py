"""Run build_index with the fake embedder in a child process, for the crash and lock tests."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from danvan_qa.index.indexer import build_index  # noqa: E402
from danvan_qa.settings import Settings  # noqa: E402
from fakes import FakeEmbedder  # noqa: E402

if __name__ == "__main__":
    corpus, store = Path(sys.argv[1]), Path(sys.argv[2])
    report = build_index(settings=Settings(corpus=corpus, store=store), embedder=FakeEmbedder())
    print(report.summary(), flush=True)
