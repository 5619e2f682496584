"""Documents added from the chat ("Thêm tài liệu"), Gradio-free so each rule is tested on its own.

The chat has no login, so an upload is only taken when the settings allow it (`serve
--allow-uploads`, DANVAN_QA_ALLOW_UPLOADS=1), and each file is held to what the corpus reader
would accept before it is written into the corpus folder: its extension, its size, what its
first bytes say it is (ingest/formats/common.kind_of), and a reading of it with the corpus's own
reader, so a scanned PDF or a page with no article is refused at once, with its reason in
Vietnamese, instead of being skipped later where the user cannot see it. A file is saved under a
name of its own (no folder parts, never over an existing article), then the corpus is indexed
again in the background (build_index embeds only what changed) while the status line says
where that stands.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import unicodedata
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Protocol

from danvan_qa.errors import DanvanError
from danvan_qa.ingest.corpus import SUFFIXES, Document, parse_document
from danvan_qa.ingest.formats.common import kind_of
from danvan_qa.ingest.formats.dispatch import FILE_BYTES_FACTOR
from danvan_qa.settings import Settings

if TYPE_CHECKING:
    from danvan_qa.embed.embedding import Embedder

log = logging.getLogger(__name__)

ALLOWED = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
# What the first bytes may say for each extension (UTF-16 text without a mark reads as "binary":
# the corpus's decoder tells it from real binary data).
EXPECTED = {".txt": ("text", "binary"), ".md": ("text", "binary"), ".html": ("html", "text"),
            ".htm": ("html", "text"), ".docx": ("zip",), ".pdf": ("pdf",)}
WHAT = {".txt": "văn bản thuần", ".md": "văn bản thuần", ".html": "trang HTML", ".htm": "trang HTML",
        ".docx": "tài liệu Word (.docx)", ".pdf": "tệp PDF"}
KIND_VN = {"pdf": "một tệp PDF", "zip": "một tệp nén zip", "image": "một hình ảnh", "html": "một trang HTML",
           "ole": "một tệp Office cũ (.doc) hoặc có mật khẩu", "binary": "dữ liệu nhị phân", "text": "văn bản thuần"}
MAX_NAME_BYTES = 150  # a file name's stem in UTF-8; file systems allow 255 bytes with the suffix
MSG_OFF = "Chức năng thêm tài liệu đang tắt (bật bằng danvan-qa serve --allow-uploads)."
MSG_NOT_READY = "Hệ thống đang chuẩn bị chỉ mục; vui lòng thêm tài liệu sau khi dòng trạng thái báo sẵn sàng."
MSG_NONE = "Chưa chọn tệp nào."

# The corpus reader's reasons (English, for the logs and the CLI) as the chat says them.
_REASONS = (
    ("empty file", "tệp rỗng"),
    ("empty document (the Word file", "tài liệu Word không có chữ"),
    ("empty document", "tài liệu không có nội dung (sau khi bỏ phần đầu trang, cuối trang)"),
    ("no text layer", "tệp PDF không có lớp chữ (bản quét); hãy tải lên bản PDF có chữ hoặc tệp Word"),
    ("encrypted PDF (it needs a password)", "tệp PDF có mật khẩu; hãy tải lên bản không khóa"),
    ("encrypted PDF", "tệp PDF được mã hóa, không mở được"),
    ("damaged PDF", "tệp PDF bị hỏng, không đọc được"),
    ("damaged or truncated zip", "tệp Word bị hỏng hoặc bị cắt cụt"),
    ("a zip archive but not a Word", "tệp nén zip nhưng không phải tài liệu Word"),
    ("the Word document unpacks", "tệp Word giải nén ra quá lớn"),
    ("damaged Word", "tệp Word bị hỏng, không đọc được"),
    ("no article text in the HTML", "trang HTML không có nội dung bài viết (chỉ có menu, liên kết hoặc mã)"),
    ("not an HTML page", "không đọc được trang HTML"),
    ("the HTML page could not be read", "không đọc được trang HTML"),
    ("the extracted text is too large", "phần chữ trong tệp quá dài"),
    ("binary file", "dữ liệu nhị phân, không phải văn bản"),
    ("not valid UTF-8", "văn bản không ở bảng mã UTF-8 hay UTF-16"),
    ("front matter opened", "phần đầu mở bằng '---' mà không đóng"),
    ("front matter line", "phần đầu có dòng không theo dạng 'khóa: giá trị'"),
    ("front matter date", "ngày ở phần đầu không theo dạng yyyy-mm-dd"),
)


class Refusal(ValueError):
    """Why one uploaded file is not taken, in Vietnamese, as the chat shows it."""


@dataclass(frozen=True)
class Refused:
    name: str  # as the user named it
    reason: str


@dataclass(frozen=True)
class Saved:
    name: str  # as the user named it
    path: Path  # where it now lies in the corpus
    doc_id: str
    title: str


def vietnamese(reason: str) -> str:
    """A reader's reason as the chat says it; one not known here is kept after a plain preface."""
    for start, said in _REASONS:
        if reason.startswith(start):
            return said
    return f"không đọc được tệp ({reason})"


def safe_name(name: str) -> str:
    """The last part of `name` only ("../../x.txt" → "x.txt"), NFC, without control or path
    characters or leading dots, its extension in lower case; Refusal if nothing usable is left or
    the extension is not one the corpus reads."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name or ""))[-1]
    base = "".join(c if c.isalnum() or c in "-_. ()" else "_" for c in base if unicodedata.category(c)[0] != "C")
    stem, dot, suffix = base.rpartition(".")
    if not dot or f".{suffix.lower()}" not in ALLOWED:
        raise Refusal(f"định dạng không được hỗ trợ; chỉ nhận {', '.join(ALLOWED)}")
    stem = " ".join(stem.split()).lstrip(". ").rstrip(". ")
    while len(stem.encode()) > MAX_NAME_BYTES:
        stem = stem[:-1]
    if not stem:
        raise Refusal("tên tệp không dùng được")
    return f"{stem}.{suffix.lower()}"


def byte_limit(suffix: str, settings: Settings) -> int:
    """The most bytes the corpus reads of a file of this kind (as ingest/corpus.load_corpus does)."""
    return settings.max_doc_bytes * (1 if suffix in (".txt", ".md") else FILE_BYTES_FACTOR)


def check(name: str, raw: bytes, settings: Settings) -> Document:
    """The document `raw` reads as under the safe `name`; Refusal with the reason it would not be read."""
    suffix = Path(name).suffix
    limit = byte_limit(suffix, settings)
    if len(raw) > limit:
        raise Refusal(f"tệp quá lớn ({_mb(len(raw))}; tối đa {_mb(limit)} cho tệp {suffix})")
    if not raw.strip():
        raise Refusal("tệp rỗng")
    kind = kind_of(raw)
    if kind not in EXPECTED[suffix]:
        raise Refusal(f"nội dung không phải {WHAT[suffix]} như đuôi {suffix} cho biết, mà là {KIND_VN[kind]}")
    try:
        return parse_document(Path(name), raw, Path(name).stem, max_bytes=settings.max_doc_bytes)
    except ValueError as exc:
        raise Refusal(vietnamese(str(exc))) from None


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def free_name(folder: Path, name: str, taken_ids: Iterable[str] = ()) -> str:
    """`name`, or "stem-2.ext", "stem-3.ext"…: a name whose stem no article in `folder` has (with
    any extension, in any case: "a.pdf" beside "a.txt" would share its id) and no indexed document
    uses as its id."""
    stem, suffix = Path(name).stem, Path(name).suffix
    used = {p.stem.casefold() for p in folder.iterdir() if p.suffix.lower() in SUFFIXES} if folder.is_dir() else set()
    used |= {i.casefold() for i in taken_ids}
    n, candidate = 1, stem
    while candidate.casefold() in used:
        n += 1
        candidate = f"{stem}-{n}"
    return candidate + suffix


def save(folder: Path, name: str, raw: bytes, taken_ids: Iterable[str] = ()) -> Path:
    """Write `raw` under a free name in `folder`, never over a file (one written meanwhile included)."""
    folder.mkdir(parents=True, exist_ok=True)
    taken = set(taken_ids)
    while True:
        path = folder / free_name(folder, name, taken)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        except FileExistsError:  # written by someone else since free_name looked: take the next one
            taken.add(path.stem)
            continue
        with os.fdopen(fd, "wb") as out:
            out.write(raw)
        return path


def read_upload(path: Path, settings: Settings) -> bytes:
    """An uploaded file's bytes, read no further than one past its kind's limit (check() says why)."""
    with path.open("rb") as handle:
        return handle.read(byte_limit(path.suffix.lower(), settings) + 1)


def accept(uploads: Iterable[tuple[str, bytes]], settings: Settings, taken_ids: Iterable[str] = ()
           ) -> tuple[list[Saved], list[Refused]]:
    """Check each (name, bytes) and save the good ones in the corpus folder; a bad file is refused
    with its reason and the others are still saved."""
    taken = set(taken_ids)
    saved: list[Saved] = []
    refused: list[Refused] = []
    for original, raw in uploads:
        try:
            name = safe_name(original)
            name = free_name(settings.corpus, name, taken)
            doc = check(name, raw, settings)
            if doc.doc_id != Path(name).stem and doc.doc_id in taken:  # an id from the file's front matter
                raise Refusal(f"mã bài viết {doc.doc_id!r} ở phần đầu tệp đã có trong kho")
            path = save(settings.corpus, name, raw, taken)
        except Refusal as exc:
            refused.append(Refused(original, str(exc)))
            continue
        except OSError as exc:
            log.error("could not save upload %r: %s", original, exc)
            refused.append(Refused(original, "không lưu được tệp vào thư mục bài viết; xem nhật ký máy chủ"))
            continue
        doc_id = doc.doc_id if doc.doc_id != Path(name).stem else path.stem
        taken.add(doc_id)
        saved.append(Saved(original, path, doc_id, doc.title))
        log.info("upload %r saved as %s", original, path)
    return saved, refused


class Status(Protocol):
    """What the uploader needs of ui.Preparer (named here, not imported: ui imports this module)."""

    state: str
    ready: threading.Event


class Uploader:
    """Takes the chat's uploads and indexes them, one batch after another, on a thread of its own."""

    def __init__(self, settings: Settings, preparer: Status, embedder: "Embedder | None" = None) -> None:
        self.settings = settings
        self.preparer = preparer  # its `state` is the chat's status line
        self.embedder = embedder  # None: the encoder the settings name (a test passes a fake one)
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="danvan-upload")
        self.lock = threading.Lock()
        self.pending: set[str] = set()  # ids saved and not yet indexed
        self.batches = 0  # batches saved and not yet indexed

    @property
    def allowed(self) -> bool:
        return self.settings.allow_uploads

    @property
    def busy(self) -> bool:
        return self.batches > 0

    def add(self, paths: Iterable[str | Path] | None) -> tuple[list[Saved], list[Refused], Future | None]:
        """Check and save the files at `paths` (the browser's uploads), then index them in the
        background; returns what was saved, what was refused and why, and the indexing job."""
        files = [Path(p) for p in paths or []]
        if not self.allowed:
            return [], [Refused(p.name, MSG_OFF) for p in files] or [Refused("", MSG_OFF)], None
        if not self.preparer.ready.is_set():
            return [], [Refused(p.name, MSG_NOT_READY) for p in files] or [Refused("", MSG_NOT_READY)], None
        with self.lock:  # one batch's names and ids are chosen before the next one looks
            taken = set(self._indexed_ids()) | self.pending
            saved, refused = accept(((p.name, read_upload(p, self.settings)) for p in files), self.settings, taken)
            if not saved:
                return saved, refused, None
            self.pending |= {s.doc_id for s in saved}
            self.batches += 1
        self.preparer.state = f"Đã lưu {len(saved)} tài liệu; đang lập chỉ mục (đọc, cắt đoạn, tính vectơ)…"
        return saved, refused, self.pool.submit(self._index, saved)

    def _indexed_ids(self) -> list[str]:
        from danvan_qa.qa.retrieval import open_store

        return list(open_store(settings=self.settings).data.documents)

    def _index(self, saved: list[Saved]) -> int:
        """Index the corpus (only what changed is embedded) and open the new generation; the
        number of the batch's documents the chat can now answer from."""
        from danvan_qa.index.indexer import build_index
        from danvan_qa.qa.retrieval import open_store

        ids = {s.doc_id for s in saved}
        try:
            report = build_index(settings=self.settings, embedder=self.embedder)
            for skipped in report.skipped:
                log.warning("skipped %s: %s", skipped.path, skipped.reason)
            self.preparer.state = "Đang mở chỉ mục mới…"
            documents = open_store(settings=self.settings).data.documents
            found = sum(1 for i in ids if i in documents)
            total = f"{len(documents)} bài viết, {report.chunks} đoạn"
            if found == len(ids):
                self.preparer.state = f"Đã thêm {found} tài liệu; có thể hỏi ngay. Kho có {total}."
            else:
                self.preparer.state = f"Đã thêm {found}/{len(ids)} tài liệu; có thể hỏi ngay. Kho có {total}; " \
                                      "tệp chưa thêm được ghi trong nhật ký máy chủ."
            return found
        except DanvanError as exc:
            log.error("indexing uploads failed: %s", exc)
            self.preparer.state = f"Chưa thêm được tài liệu vào chỉ mục: {exc}. Các tệp đã lưu sẽ được " \
                                  "lập chỉ mục ở lần chạy sau; các câu hỏi vẫn dùng chỉ mục cũ."
        except Exception:  # noqa: BLE001 - logged; the status line says it in plain words
            log.exception("indexing uploads failed")
            self.preparer.state = "Chưa thêm được tài liệu vào chỉ mục; xem nhật ký máy chủ. " \
                                  "Các câu hỏi vẫn dùng chỉ mục cũ."
        finally:
            with self.lock:
                self.pending -= ids
                self.batches -= 1
        return 0
