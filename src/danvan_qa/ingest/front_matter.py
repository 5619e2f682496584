"""The front matter of an article file: `---`, key: value lines, `---`, read as YAML reads them.

A malformed block is an error, not body text; a quoted value keeps the quotes and escapes
inside it ("25 mô hình công an \\"dân vận khéo\\"" is the title with its quotes).
"""

from __future__ import annotations

import json


def _unquoted(value: str) -> str:
    """A front-matter value as YAML reads it: "…" with its escapes (\\" is a quote), '…' with ''
    for a quote, or the bare text."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            return json.loads(value)
        except ValueError:
            return value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """`---` key: value `---` at the top; a malformed block is an error, not body text."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        raise ValueError("front matter opened with '---' but never closed")
    meta: dict[str, str] = {}
    for n, line in enumerate(text[4:end].splitlines(), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            raise ValueError(f"front matter line {n} is not 'key: value': {line!r}")
        meta[key.strip().lower()] = _unquoted(value.strip())
    body_start = text.find("\n", end + 4)
    return meta, "" if body_start < 0 else text[body_start + 1 :]
