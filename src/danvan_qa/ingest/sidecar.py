"""Metadata the user sets beside the documents: `meta.jsonl` in the corpus folder.

Each line is a JSON object naming a document by its path relative to the corpus folder
("file") with any of title, date, url, place and source, which override what was read from
the document itself (front matter, a page's meta tags, a Word file's properties). A Word file
or a PDF often carries no usable title or date, and this is where a user gives them. A line
that cannot be used is reported with its number and left out; it never stops indexing.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from danvan_qa.ingest import dates
from danvan_qa.ingest.normalize import normalize_text
from danvan_qa.ingest.walk import Skipped, read

META_FILE = "meta.jsonl"
KEYS = ("title", "date", "url", "place", "source")


@dataclass(frozen=True)
class Override:
    line: int
    values: dict[str, str]  # some of KEYS, normalised as the documents' own metadata is


def read_sidecar(folder: Path, max_bytes: int) -> tuple[dict[str, Override], list[Skipped]]:
    """The overrides by document path (relative, POSIX), and each line that was left out, with why."""
    path = folder / META_FILE
    if not path.exists() and not path.is_symlink():
        return {}, []
    try:
        raw = read(path, max_bytes)
    except (ValueError, OSError) as exc:
        return {}, [Skipped(str(path), f"not read ({exc})")]
    overrides: dict[str, Override] = {}
    problems: list[Skipped] = []
    for n, line in enumerate(raw.removeprefix(b"\xef\xbb\xbf").split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            file, values = _entry(line)
            if file in overrides:
                raise ValueError(f"{file} was already given on line {overrides[file].line}")
        except ValueError as exc:
            problems.append(Skipped(str(path), f"line {n}: {exc}; the line is ignored"))
            continue
        overrides[file] = Override(n, values)
    return overrides, problems


def _entry(line: bytes) -> tuple[str, dict[str, str]]:
    """(file, values) of one line; ValueError saying what is wrong with it."""
    try:
        entry = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError("not valid UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(entry, dict):
        raise ValueError("not a JSON object")
    file = entry.pop("file", None)
    if not isinstance(file, str) or not file.strip():
        raise ValueError('no "file" (the document\'s path relative to the corpus folder)')
    relative = PurePosixPath(unicodedata.normalize("NFC", file.strip().replace("\\", "/")))
    if relative.is_absolute() or ".." in relative.parts:
        raise ValueError(f'"file" {file!r} is not a path inside the corpus folder')
    unknown = sorted(set(entry) - set(KEYS))
    if unknown:
        raise ValueError(f"unknown keys {unknown} (known: file, {', '.join(KEYS)})")
    values: dict[str, str] = {}
    for key, value in entry.items():
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f'"{key}" must be a non-empty string')
        values[key] = unicodedata.normalize("NFC", value.strip()) if key == "url" else normalize_text(value).strip()
    if "date" in values:
        day = dates.parse_iso(values["date"])
        if day is None:
            raise ValueError(f"date {values['date']!r} is not ISO yyyy-mm-dd")
        values["date"] = day.isoformat()
    return relative.as_posix(), values
