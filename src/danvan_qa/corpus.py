"""Load articles from a folder: decode, front matter, boilerplate, metadata.

Every document's `text` is normalised and stripped of page furniture; all
offsets elsewhere (chunks, citations) index into this `text`. A bad file is
reported by name and skipped, never fatal.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from . import dates
from .errors import CorpusError
from .normalize import NORMALIZER_VERSION, normalize_text

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md")
FRONT_MATTER_KEYS = ("id", "title", "date", "url", "source", "place")
_BOILERPLATE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"nhập thông tin",
        r"•?\s*lỗi\s*:\s*email không hợp lệ",
        r"đóng",
        r"bình luận\s*\(\d+\)",
        r"lên đầu trang",
        r"\[?\s*bản in\s*\]?",
        r"tin mới",
        r"tin liên quan",
        r"chia sẻ",
        r"cập nhật\s*:.*",
        r"(lượt xem|số lượt xem|lượt đọc)\s*:?\s*[\d.,]+",
        r"[\d.,]+\s+lượt xem",
        r"thứ\s+\w+\s*,\s*\d{1,2}/\d{1,2}/\d{4}.*",
        r"\d{1,2}/\d{1,2}/\d{4}\s*,?\s*\d{1,2}:\d{2}.*",
        r"(www\.)?[\w-]+(\.[\w-]+)+\.(vn|com|net|org)/?",
        r".* - ảnh \d+",
        r"[|.•\-–—]*",
    )
]
_SOURCE_LINE = re.compile(r"^nguồn\s*:\s*(.{2,80})$", re.IGNORECASE | re.MULTILINE)
_HOST = re.compile(r"^(?:www\.)?([\w-]+(?:\.[\w-]+)+\.(?:vn|com|net|org))/?$", re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: str
    title: str
    date: str | None  # ISO yyyy-mm-dd
    url: str | None
    source: str | None
    place: str | None
    text: str
    content_hash: str


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True)
class CorpusLoad:
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...]


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is refused."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 (byte {exc.start}: {raw[exc.start:exc.start + 1]!r})") from None


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
        meta[key.strip().lower()] = value.strip().strip("\"'")
    body_start = text.find("\n", end + 4)
    return meta, "" if body_start < 0 else text[body_start + 1 :]


def _is_boilerplate(line: str) -> bool:
    s = line.strip()
    return any(p.fullmatch(s) for p in _BOILERPLATE)


def clean_body(text: str) -> tuple[str, list[str]]:
    """Drop page furniture and repeated captions; return (body, dropped lines)."""
    kept: list[str] = []
    dropped: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        if _is_boilerplate(line):
            dropped.append(line)
            continue
        previous = next((k for k in reversed(kept) if k), None)
        if line == previous:  # captions are often printed twice
            continue
        kept.append(line)
    body = "\n".join(kept).strip()
    return re.sub(r"\n{3,}", "\n\n", body), dropped


def parse_document(path: Path, raw: bytes, doc_id: str | None = None) -> Document:
    """Build a Document from a file's bytes; raises ValueError with a reason."""
    meta, body = split_front_matter(normalize_text(decode(raw)))
    unknown = set(meta) - set(FRONT_MATTER_KEYS)
    if unknown:
        log.warning("%s: ignoring unknown front matter keys %s", path.name, sorted(unknown))
    text, dropped = clean_body(body)
    if not text.strip():
        raise ValueError("empty document (no text after removing page boilerplate)")
    title = meta.get("title") or next(line for line in text.split("\n") if line.strip())
    date = meta.get("date")
    if date:
        if dates.parse_iso(date) is None:
            raise ValueError(f"front matter date {date!r} is not ISO yyyy-mm-dd")
    else:
        found = dates.article_date("\n".join(dropped), text)
        date = found.isoformat() if found else None
    source = meta.get("source") or next(
        (m.group(1).lower() for line in dropped if (m := _HOST.match(line))), None
    )
    if source is None and (credit := _SOURCE_LINE.search(text)):
        source = credit.group(1).strip()
    digest = hashlib.sha256(raw + f"|norm{NORMALIZER_VERSION}".encode()).hexdigest()
    return Document(
        doc_id=meta.get("id") or doc_id or path.stem,
        path=str(path),
        title=title.strip(),
        date=date,
        url=meta.get("url") or None,
        source=source,
        place=meta.get("place") or None,
        text=text,
        content_hash=digest,
    )


def load_corpus(folder: Path, *, max_bytes: int = 2_000_000) -> CorpusLoad:
    """Every readable article under `folder` (sorted, recursive), plus what was skipped and why."""
    if not folder.is_dir():
        raise CorpusError(f"corpus folder {folder} does not exist or is not a folder")
    docs: dict[str, Document] = {}
    skipped: list[Skipped] = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES):
        if path.name.startswith(".") or path.name.lower() == "readme.md":
            continue
        reason = _file_problem(path, max_bytes)
        if reason is None:
            try:
                doc = parse_document(path, path.read_bytes(), path.relative_to(folder).with_suffix("").as_posix())
            except (ValueError, OSError) as exc:
                reason = str(exc)
            else:
                if doc.doc_id in docs:
                    reason = f"duplicate id {doc.doc_id!r} (already used by {Path(docs[doc.doc_id].path).name})"
                else:
                    docs[doc.doc_id] = doc
                    continue
        log.warning("skipping %s: %s", path, reason)
        skipped.append(Skipped(str(path), reason))
    return CorpusLoad(tuple(docs.values()), tuple(skipped))


def _file_problem(path: Path, max_bytes: int) -> str | None:
    if path.is_symlink() and not path.exists():
        return "broken symbolic link"
    if not path.is_file():
        return "not a regular file"
    size = path.stat().st_size
    if size > max_bytes:
        return f"too large ({size} bytes > limit {max_bytes}; raise DANVAN_QA_MAX_DOC_BYTES)"
    return None
