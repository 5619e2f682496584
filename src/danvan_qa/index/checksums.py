"""Per-file checksums of a generation and the sanity of its vectors: damage that sizes miss.

A file damaged in place keeps its size and often still parses: a changed letter in facts.json
is quoted as if the article said it, a flipped float in dense.faiss ranks by scores like 1e37.
So every file's CRC-32 (zlib, streamed in 1 MiB blocks: about 2 GB/s, no dependency) is written
into the manifest at publish. The indexer verifies the live generation before it reuses any of
it; an opened store verifies on a thread of its own, so start-up does not wait for it, and its
first search waits for the verdict instead (`Verifier.check`).
"""

from __future__ import annotations

import threading
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np

from danvan_qa.errors import StoreError

KEY = "crc32"  # the manifest's entry: {file name relative to the generation: 8 hex digits}
REPAIR_HINT = "run `danvan-qa index` to repair it (`--rebuild` re-embeds everything)"
NORM_TOLERANCE = 0.02  # |‖v‖ - 1| allowed: bfloat16 encoders normalise inside the graph
_BLOCK = 1 << 20
_ROWS = 1 << 16  # vectors checked per block: bounds the temporary copy at archive size


def file_crc(path: Path) -> str:
    """CRC-32 of a file as 8 hex digits, read a block at a time into one buffer."""
    crc, buffer = 0, bytearray(_BLOCK)
    view = memoryview(buffer)
    with path.open("rb") as fh:
        while n := fh.readinto(buffer):
            crc = zlib.crc32(view[:n], crc)
    return f"{crc:08x}"


def record(folder: Path) -> dict[str, str]:
    """The CRC-32 of every file under `folder`, by path relative to it."""
    return {str(p.relative_to(folder)): file_crc(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def bad_vectors(vectors: np.ndarray) -> int:
    """How many rows are not finite unit vectors (what every encoder here writes)."""
    bad = 0
    for i in range(0, len(vectors), _ROWS):
        block = np.asarray(vectors[i : i + _ROWS], dtype=np.float32)
        with np.errstate(all="ignore"):
            norms = np.sqrt(np.einsum("ij,ij->i", block, block))
        bad += int(np.count_nonzero(~(np.abs(norms - 1.0) <= NORM_TOLERANCE)))  # NaN counts as bad
    return bad


def _check_vectors(path: Path) -> str | None:
    vectors = np.load(path, mmap_mode="r", allow_pickle=False)
    if vectors.ndim != 2:
        return f"an array of {vectors.ndim} dimensions, not a matrix"
    bad = bad_vectors(vectors)
    return f"{bad} of {len(vectors)} vectors are not finite unit vectors" if bad else None


# What is checked beyond the checksum, by file: also for a store written before checksums were.
CONTENT_CHECKS: dict[str, Callable[[Path], str | None]] = {"vectors.npy": _check_vectors}


@dataclass(frozen=True)
class Damage:
    """A file of a generation that cannot be trusted, and why."""

    path: Path
    reason: str

    @property
    def name(self) -> str:
        return self.path.name

    def error(self) -> StoreError:
        return StoreError(f"index file {self.path} is damaged ({self.reason}); {REPAIR_HINT}")


def verify(gen: Path, manifest: dict[str, Any]) -> list[Damage]:
    """Every damaged file of the generation: checksum mismatches and failed content checks."""
    damage = []
    expected: dict[str, str] = dict(manifest.get(KEY) or {})
    for name in sorted(set(expected) | {n for n in CONTENT_CHECKS if (gen / n).is_file()}):
        path = gen / name
        try:
            if name in expected and (crc := file_crc(path)) != expected[name]:
                damage.append(Damage(path, f"checksum {crc}, expected {expected[name]}"))
            elif name in CONTENT_CHECKS and (reason := CONTENT_CHECKS[name](path)):
                damage.append(Damage(path, reason))
        except (OSError, ValueError) as exc:  # unreadable, or not the array it should be
            damage.append(Damage(path, f"unreadable: {exc}"))
    return damage


class Verifier:
    """`verify` of one generation on a daemon thread; `damage()` and `check()` wait for it.

    Thread-safe: the store that owns it is shared between request threads, and every one of
    them may be the first to search.
    """

    def __init__(self, gen: Path, manifest: dict[str, Any]) -> None:
        self._result: list[Damage] = []
        self._thread = threading.Thread(target=self._run, args=(gen, manifest), name="verify-store", daemon=True)
        self._thread.start()

    def _run(self, gen: Path, manifest: dict[str, Any]) -> None:
        try:
            self._result = verify(gen, manifest)
        except Exception as exc:  # noqa: BLE001 - a verifier that dies must not pass the store
            self._result = [Damage(gen, f"could not be verified: {type(exc).__name__}: {exc}")]

    def damage(self) -> list[Damage]:
        """The damaged files, once verification has finished."""
        self._thread.join()
        return list(self._result)

    def check(self) -> None:
        """Raise the first damage as a StoreError naming the file and the fix; else return."""
        if self._thread.is_alive():
            self._thread.join()
        if self._result:
            raise self._result[0].error()
