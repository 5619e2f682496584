"""Per-file checksums of a generation and the sanity of its vectors: damage that sizes miss.

A file damaged in place keeps its size and often still parses: a changed letter in facts.bin
is quoted as if the article said it, a flipped float in dense.faiss ranks by scores like 1e37.
So every file's CRC-32 (zlib over a memory map: about 2 GB/s, no dependency) is written
into the manifest at publish. The indexer verifies the live generation before it reuses any of
it; an opened store verifies on a thread of its own, so start-up does not wait for it, and its
first search waits for the verdict instead (`Verifier.check`).
"""

from __future__ import annotations

import mmap
import os
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
_ROWS = 1 << 16  # vectors checked per block: bounds the temporary copy at archive size
BACKGROUND_FROM = 8 << 20  # bytes of files from which a store is verified on a thread of its own


def file_crc(path: Path) -> str:
    """CRC-32 of a file as 8 hex digits, over a memory map: one call that lets go of the GIL for
    the whole file, so a verifying thread does not wait on start-up's thread block by block."""
    with path.open("rb") as fh:
        if os.fstat(fh.fileno()).st_size == 0:
            return f"{zlib.crc32(b''):08x}"
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            return f"{zlib.crc32(mapped):08x}"


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


def _check_file(gen: Path, name: str, expected: str | None) -> Damage | None:
    path = gen / name
    try:
        if expected is not None and (crc := file_crc(path)) != expected:
            return Damage(path, f"checksum {crc}, expected {expected}")
        if name in CONTENT_CHECKS and (reason := CONTENT_CHECKS[name](path)):
            return Damage(path, reason)
    except (OSError, ValueError) as exc:  # unreadable, or not the array it should be
        return Damage(path, f"unreadable: {exc}")
    return None


def _to_check(gen: Path, manifest: dict[str, Any]) -> dict[str, str | None]:
    """The files to check, with their recorded CRC (None: a content check only)."""
    expected: dict[str, str | None] = dict(manifest.get(KEY) or {})
    return {**{n: None for n in CONTENT_CHECKS if (gen / n).is_file()}, **expected}


def verify(gen: Path, manifest: dict[str, Any]) -> list[Damage]:
    """Every damaged file of the generation: checksum mismatches and failed content checks."""
    found = (_check_file(gen, name, crc) for name, crc in sorted(_to_check(gen, manifest).items()))
    return [d for d in found if d is not None]


class Verifier:
    """`verify` of one generation, file by file, on a thread of its own once `start`ed;
    `damage()` and `check()` wait for the verdict, checking the files still left themselves.

    Started when the store has been read, not before: a thread that reads files beside one that
    parses JSON waits for the GIL at every call, slowing both; beside the encoder's loading and
    the first query, which let go of it, it runs freely. A small store (under `BACKGROUND_FROM`
    bytes) gets no thread: starting one costs more than its checks, which the first search does.
    Thread-safe: a store is shared between request threads, and any may be the first to search.
    """

    def __init__(self, gen: Path, manifest: dict[str, Any]) -> None:
        self._gen = gen
        self._pending = sorted(_to_check(gen, manifest).items())
        self._busy = 0
        self._damage: list[Damage] = []
        self._lock = threading.Condition()
        self._sound = False
        sizes = (manifest.get("files") or {}).values()
        self._size = sum(s for s in sizes if isinstance(s, int))

    def start(self) -> None:
        """Check the files on a daemon thread from now on (a small store's wait for `check`)."""
        if self._size >= BACKGROUND_FROM:
            threading.Thread(target=self._work, name="verify-store", daemon=True).start()

    def _work(self) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    return
                name, crc = self._pending.pop()
                self._busy += 1
            try:
                found = _check_file(self._gen, name, crc)
            except Exception as exc:  # noqa: BLE001 - a check that dies must not pass the file
                found = Damage(self._gen / name, f"could not be verified: {type(exc).__name__}: {exc}")
            with self._lock:
                self._busy -= 1
                if found:
                    self._damage.append(found)
                self._lock.notify_all()

    def damage(self) -> list[Damage]:
        """The damaged files, once every file has been checked."""
        self._work()
        with self._lock:
            self._lock.wait_for(lambda: not self._busy)
            return sorted(self._damage, key=lambda d: d.path)

    def check(self) -> None:
        """Raise the first damage as a StoreError naming the file and the fix; else return
        (at once, once the files are known sound: every search asks)."""
        if self._sound:
            return
        if damage := self.damage():
            raise damage[0].error()
        self._sound = True
