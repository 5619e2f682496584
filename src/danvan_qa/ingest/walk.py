"""The corpus walk: the article files under a folder, and never a file outside it.

A symbolic link is read only when it leads to a file inside the corpus folder that the walk
would not reach at its own path (a file already in the corpus would be indexed twice under
two ids). A link that leads outside the folder, a linked folder (never descended: its
articles inside the corpus are read where they are), and a broken link are each reported
as skipped with the reason. Files are opened without following a link in their last
component, so a file swapped for a link after the walk is refused, not read.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True)
class Found:
    path: Path  # where the article is in the corpus: its id and its reported path
    real: Path  # the file to read: the path itself, or where a link inside the corpus leads


def walk(folder: Path, suffixes: tuple[str, ...]) -> tuple[list[Found], list[Skipped]]:
    """The files under `folder` with one of `suffixes` (sorted as paths), and the links refused.

    Hidden files and README.md are left out without a report, as they are not articles.
    """
    root = folder.resolve()
    paths: list[Path] = []
    for here, dirs, files in os.walk(folder):  # does not descend into linked folders
        paths += [Path(here, n) for n in dirs if Path(n).suffix.lower() in suffixes or Path(here, n).is_symlink()]
        paths += [Path(here, n) for n in files if Path(n).suffix.lower() in suffixes]
    own = {p.resolve() for p in paths if not p.is_symlink()}
    found: list[Found] = []
    skipped: list[Skipped] = []
    for path in sorted(paths):
        if path.name.startswith(".") or path.name.lower() == "readme.md":
            continue
        if not path.is_symlink():
            found.append(Found(path, path))
            continue
        reason = _link_problem(path, root, own)
        if reason:
            skipped.append(Skipped(str(path), reason))
        else:
            found.append(Found(path, path.resolve()))
    return found, skipped


def _link_problem(path: Path, root: Path, own: set[Path]) -> str | None:
    target = path.resolve()
    if not target.is_relative_to(root):
        return f"symbolic link to {target}, outside the corpus folder (not followed)"
    if not target.exists():
        return "broken symbolic link"
    if target.is_dir():
        return f"symbolic link to the folder {target.relative_to(root)} (folders are not followed through links)"
    if target in own:
        return f"symbolic link to {target.relative_to(root)}, which is read at its own path"
    return None


def read(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; ValueError with the reason otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # the path became a link after the walk
            raise ValueError("became a symbolic link while the corpus was read (not followed)") from None
        raise
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise ValueError("not a regular file")
    with os.fdopen(fd, "rb") as handle:
        raw = handle.read(max_bytes + 1)  # no more than the limit, even if the file grows meanwhile
    size = max(info.st_size, len(raw))
    if size > max_bytes:
        raise ValueError(f"too large ({size} bytes > limit {max_bytes}; raise DANVAN_QA_MAX_DOC_BYTES)")
    return raw
