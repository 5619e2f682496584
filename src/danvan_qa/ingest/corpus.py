"""Load articles from a folder: decode, front matter, boilerplate, metadata.

Every document's `text` is normalised and stripped of page furniture; chunk,
passage and fact offsets index into this `text`, which is for matching only.
Each document also keeps its `published` text (the file decoded, NFC, front
matter removed, nothing else changed) and `offsets`, the map from every
character of `text` to the character of `published` it was made from, so
citations can quote the article as published (`Document.published_span`).
A bad file, or one whose map cannot be built exactly, is reported by name
and skipped, never fatal.

HTML pages, Word files and PDFs are first turned into plain text by their readers
(`formats/`); that text is their published text, so quotes are verbatim slices of it.
`meta.jsonl` beside the documents overrides the metadata any of them carry (`sidecar`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from danvan_qa.errors import CorpusError
from danvan_qa.ingest import dates
from danvan_qa.ingest.formats import dispatch
from danvan_qa.ingest.front_matter import split_front_matter
from danvan_qa.ingest.normalize import NORMALIZER_VERSION, normalize_text, normalize_tracked, sub_tracked
from danvan_qa.ingest.sidecar import META_FILE, read_sidecar
from danvan_qa.ingest.splitting import title_of
from danvan_qa.ingest.walk import Skipped, read, walk

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", *dispatch.SUFFIXES)
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
    # The article as published, and the map from `text` to it: (text offset, published offset)
    # at the start of each run of characters that map one to one. None (a Document built
    # from text directly) means the text is its own published text.
    published: str | None = field(default=None, repr=False)
    offsets: tuple[tuple[int, int], ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        if self.published is None:
            object.__setattr__(self, "published", self.text)
            object.__setattr__(self, "offsets", ((0, 0),) if self.text else ())
            return
        offsets = tuple((int(a), int(b)) for a, b in self.offsets)  # JSON gives lists of lists
        object.__setattr__(self, "offsets", offsets)
        ends = [a for a, _ in offsets[1:]] + [len(self.text)]
        pub_end = -1
        for (a, p), b in zip(offsets, ends):
            if not (a < b and p > pub_end):
                raise ValueError(f"offset map of {self.doc_id!r} is not increasing at text offset {a}")
            pub_end = p + b - a - 1
        if (offsets[0][0] if offsets else 0) != 0 or pub_end >= len(self.published) or (self.text and not offsets):
            raise ValueError(f"offset map of {self.doc_id!r} does not cover its text within its published text")

    @cached_property
    def _run_starts(self) -> list[int]:
        return [a for a, _ in self.offsets]

    def _published_index(self, i: int) -> int:
        """The published index of `text[i]`."""
        run = bisect_right(self._run_starts, i) - 1
        norm, pub = self.offsets[run]
        return pub + i - norm

    def published_span(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) of `text` as the tight span of `published` it was made from.

        The start maps to the first character's source, the end to just after
        the last character's source, so characters dropped by normalisation
        (zero-width marks, stripped spaces, page furniture) at either edge are
        left out, and those inside are kept.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) is outside the text of {self.doc_id!r} ({len(self.text)} chars)")
        if start < end:
            return self._published_index(start), self._published_index(end - 1) + 1
        at = self._published_index(start) if start < len(self.text) else (
            self._published_index(start - 1) + 1 if start else 0)
        return at, at


@dataclass(frozen=True)
class CorpusLoad:
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...]


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 (with a BOM, or recognised without); anything else is refused."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw:
        order = _utf16_without_bom(raw)
        text = _decoded(raw, order) if order else None
        if text is None or "\x00" in text:
            raise ValueError("binary file (contains NUL bytes)")
        return text
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 (byte {exc.start}: {raw[exc.start:exc.start + 1]!r})") from None


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the NUL bytes are the high bytes of UTF-16 code units.

    Text in UTF-16 has a NUL in one of the two bytes of every character below U+0100 (letters
    without marks, digits, spaces: most of a Vietnamese text), and almost never in the other.
    """
    if len(raw) % 2:
        return None
    units, even, odd = len(raw) // 2, raw[0::2].count(0), raw[1::2].count(0)
    if odd * 4 >= units and even * 20 <= odd:
        return "utf-16-le"
    if even * 4 >= units and odd * 20 <= even:
        return "utf-16-be"
    return None


def _decoded(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _is_boilerplate(line: str) -> bool:
    s = line.strip()
    return any(p.fullmatch(s) for p in _BOILERPLATE)


def clean_body(text: str) -> tuple[str, list[str]]:
    """Drop page furniture and repeated captions; return (body, dropped lines)."""
    body, dropped, _ = clean_body_tracked(text)
    return body, dropped


def clean_body_tracked(text: str) -> tuple[str, list[str], list[int]]:
    """clean_body, plus for each character of the body its index in `text`.

    A kept line maps to its own characters (without the stripped spaces); the
    newline joining two kept lines maps to the newline that ended the first.
    """
    kept: list[tuple[str, int, int]] = []  # (stripped line, its index in text, index of the newline ending it)
    dropped: list[str] = []
    pos = 0
    for raw_line in text.split("\n"):
        start, pos = pos, pos + len(raw_line) + 1
        line = raw_line.strip()
        at = start + len(raw_line) - len(raw_line.lstrip())
        if not line:
            if kept and kept[-1][0] != "":
                kept.append(("", at, pos - 1))
            continue
        if _is_boilerplate(line):
            dropped.append(line)
            continue
        previous = next((k for k, _, _ in reversed(kept) if k), None)
        if line == previous:  # captions are often printed twice
            continue
        kept.append((line, at, pos - 1))
    body = "\n".join(k for k, _, _ in kept)
    origin: list[int] = []
    for n, (line, at, newline) in enumerate(kept):
        origin.extend(range(at, at + len(line)))
        if n + 1 < len(kept):
            origin.append(newline)
    lead = len(body) - len(body.lstrip())
    stripped = body.strip()
    body, origin = stripped, origin[lead : lead + len(stripped)]
    body, origin = sub_tracked(re.compile(r"\n{3,}"), "\n\n", body, origin)
    return body, dropped, origin


def published_text(raw: bytes) -> tuple[str, str, dict[str, str], list[int], list[str]]:
    """The article as published and as normalised and cleaned, with the map between them.

    Returns (published, text, front matter, map, dropped lines); `map[i]` is
    the index in `published` of the character `text[i]` was made from. The map
    is built step by step alongside the normalisation and the cleaning, then
    checked: strictly increasing, in range, and every character equal to its
    source or a normalisation of it. A failure is a ValueError, so the file is
    skipped rather than cited at the wrong place.
    """
    return _published(decode(raw), front_matter=True)


def _published(decoded: str, front_matter: bool) -> tuple[str, str, dict[str, str], list[int], list[str]]:
    """published_text of decoded text; an extracted document's text has no front matter to split."""
    nfc = unicodedata.normalize("NFC", decoded)
    normalised, norm_origin = normalize_tracked(nfc)
    if normalised != normalize_text(decoded):
        raise ValueError("the normalised text could not be mapped back to the published text")
    meta, body = split_front_matter(normalised) if front_matter else ({}, normalised)
    body_at = len(normalised) - len(body)
    first = norm_origin[body_at - 1] + 1 if body_at else 0  # just after the front matter's closing newline
    published = nfc[first:]
    text, dropped, body_origin = clean_body_tracked(body)
    mapping = [norm_origin[body_at + i] - first for i in body_origin]
    check_map(text, published, mapping)
    return published, text, meta, mapping, dropped


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _untoned(char: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", char) if c not in _TONE_MARKS)


def _comes_from(norm: str, pub: str) -> bool:
    """Whether normalisation turns `pub` into `norm` (a tone move swaps tones within a syllable)."""
    return norm == pub or normalize_text(pub) == norm or (norm.isalpha() and _untoned(norm) == _untoned(pub))


def runs(mapping: list[int]) -> tuple[tuple[int, int], ...]:
    """(text offset, published offset) where a run of one-to-one mapped characters starts."""
    out: list[tuple[int, int]] = []
    previous = -2
    for i, p in enumerate(mapping):
        if p != previous + 1:
            out.append((i, p))
        previous = p
    return tuple(out)


def check_map(text: str, published: str, mapping: list[int]) -> None:
    """ValueError unless `mapping` sends each character of `text` to a later character of `published` it can come from."""
    if len(mapping) != len(text):
        raise ValueError(f"offset map has {len(mapping)} entries for {len(text)} characters")
    previous = -1
    for i, p in enumerate(mapping):
        if not previous < p < len(published):
            raise ValueError(f"offset map is not increasing or out of range at character {i}")
        previous = p
    bounds = runs(mapping)
    for (a, p), (b, _) in zip(bounds, (*bounds[1:], (len(text), 0))):
        for i, (norm, pub) in enumerate(zip(text[a:b], published[p : p + b - a]), start=a):
            if norm != pub and not _comes_from(norm, pub):
                raise ValueError(f"character {i} of the text ({norm!r}) cannot come from {pub!r} of the published text")


def parse_document(
    path: Path, raw: bytes, doc_id: str | None = None, *, overrides: dict[str, str] | None = None,
    max_bytes: int | None = None,
) -> Document:
    """Build a Document from a file's bytes; raises ValueError with a reason.

    `overrides` (from meta.jsonl) win over the metadata the file carries; `max_bytes` bounds the
    text extracted from an HTML page, Word file or PDF.
    """
    if path.suffix.lower() in dispatch.SUFFIXES:
        extracted, meta = dispatch.read(path.suffix, raw, max_bytes)
        published, text, _, mapping, dropped = _published(extracted, front_matter=False)
    else:
        published, text, meta, mapping, dropped = published_text(raw)
        unknown = set(meta) - set(FRONT_MATTER_KEYS)
        if unknown:
            log.warning("%s: ignoring unknown front matter keys %s", path.name, sorted(unknown))
    meta.update(overrides or {})
    if not text.strip():
        raise ValueError("empty document (no text after removing page boilerplate)")
    title = title_of(meta.get("title") or next(line for line in text.split("\n") if line.strip()))
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
    basis = raw + f"|norm{NORMALIZER_VERSION}".encode()
    if path.suffix.lower() in dispatch.SUFFIXES:
        basis += f"|reader{dispatch.READER_VERSION}".encode()
    if any(q in v for v in meta.values() for q in "\"'"):  # quotes inside a value, now read with YAML's
        basis += b"|yaml-quotes"  # escapes: a store built by the older reader re-embeds what it cut
    if overrides:  # a new title or place changes what is embedded with every chunk
        basis += ("|meta" + json.dumps(overrides, sort_keys=True, ensure_ascii=False)).encode()
    digest = hashlib.sha256(basis).hexdigest()
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
        published=published,
        offsets=runs(mapping),
    )


def load_corpus(folder: Path, *, max_bytes: int = 2_000_000) -> CorpusLoad:
    """Every readable article under `folder` (sorted, recursive), plus what was skipped and why.

    Skips are logged at INFO only: the caller reports `skipped` once, to whoever asked. A line of
    meta.jsonl that cannot be used is reported among them, under the sidecar's path.
    """
    if not folder.is_dir():
        raise CorpusError(f"corpus folder {folder} does not exist or is not a folder")
    docs: dict[str, Document] = {}
    overrides, skipped = read_sidecar(folder, max_bytes)
    found, refused = walk(folder, SUFFIXES)
    skipped += refused
    for entry in found:
        path = entry.path
        relative = path.relative_to(folder)
        override = overrides.pop(unicodedata.normalize("NFC", relative.as_posix()), None)
        limit = max_bytes * dispatch.FILE_BYTES_FACTOR if path.suffix.lower() in dispatch.SUFFIXES else max_bytes
        try:
            doc = parse_document(path, read(entry.real, limit), relative.with_suffix("").as_posix(),
                                 overrides=override.values if override else None, max_bytes=max_bytes)
        except (ValueError, OSError) as exc:
            reason = str(exc)
        else:
            if doc.doc_id not in docs:
                docs[doc.doc_id] = doc
                continue
            reason = f"duplicate id {doc.doc_id!r} (already used by {Path(docs[doc.doc_id].path).name})"
        skipped.append(Skipped(str(path), reason))
    skipped += [Skipped(str(folder / META_FILE),
                        f"line {o.line}: no document {file} in the corpus; the line is ignored")
                for file, o in overrides.items()]
    skipped.sort(key=lambda s: Path(s.path))
    for s in skipped:
        log.info("skipping %s: %s", s.path, s.reason)
    return CorpusLoad(tuple(docs.values()), tuple(skipped))
