"""The corpus walk: links never lead outside the corpus, odd encodings are read, skips are reported once."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from danvan_qa.ingest.corpus import decode, load_corpus
from danvan_qa.ingest.walk import read

ARTICLE = "Bài {name}\nNgày 4/11, đồng chí Nguyễn Văn An dự hội nghị.\n"


def article(path: Path, name: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(name=name), encoding="utf-8")
    return path


@pytest.fixture
def linked(tmp_path):
    """A corpus with links out of it, within it, and to what it already holds."""
    outside = article(tmp_path / "outside" / "secret.txt", "bên ngoài")
    corpus = tmp_path / "corpus"
    article(corpus / "a.txt", "một")
    article(corpus / "nguon" / "b.txt", "hai")
    article(corpus / "kho" / "c.txt.bak", "ba")  # not an article file by its name, but a link may name it
    os.symlink(outside, corpus / "ra-ngoai.txt")
    os.symlink("../outside/secret.txt", corpus / "tuong-doi.txt")
    os.symlink(outside.parent, corpus / "thu-muc-ngoai")
    os.symlink(corpus / "nguon", corpus / "thu-muc-trong")
    os.symlink(corpus / "a.txt", corpus / "trung.txt")
    os.symlink(corpus / "kho" / "c.txt.bak", corpus / "c.txt")
    if Path("/etc/hostname").is_file():
        os.symlink("/etc/hostname", corpus / "hostname.txt")
    return corpus


def test_links_out_of_the_corpus_are_skipped_with_the_reason(linked):
    loaded = load_corpus(linked)
    reasons = {Path(s.path).name: s.reason for s in loaded.skipped}
    for name in ("ra-ngoai.txt", "tuong-doi.txt", "thu-muc-ngoai", "hostname.txt"):
        if name != "hostname.txt" or Path("/etc/hostname").is_file():
            assert "outside the corpus folder" in reasons[name], name
    assert all("bên ngoài" not in d.text for d in loaded.documents)
    assert not any(Path(d.path).resolve().is_relative_to(linked.parent / "outside") for d in loaded.documents)


def test_links_within_the_corpus(linked):
    loaded = load_corpus(linked)
    reasons = {Path(s.path).name: s.reason for s in loaded.skipped}
    docs = {d.doc_id: d for d in loaded.documents}
    assert sorted(docs) == ["a", "c", "nguon/b"]  # each article once, at its own path
    assert docs["c"].title == "Bài ba" and docs["c"].path == str(linked / "c.txt")  # a link to a file inside
    assert "read at its own path" in reasons["trung.txt"]
    assert "folder" in reasons["thu-muc-trong"] and "outside" not in reasons["thu-muc-trong"]


def test_a_corpus_folder_reached_through_a_link_is_read(tmp_path):
    article(tmp_path / "real" / "a.txt", "một")
    os.symlink(tmp_path / "real", tmp_path / "corpus")
    loaded = load_corpus(tmp_path / "corpus")
    assert [d.doc_id for d in loaded.documents] == ["a"] and not loaded.skipped


def test_a_file_swapped_for_a_link_is_not_read(tmp_path):
    os.symlink("/etc/hostname", tmp_path / "a.txt")
    with pytest.raises(ValueError, match="symbolic link"):
        read(tmp_path / "a.txt", 1000)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_decoded(tmp_path, encoding):
    text = "Bài không có BOM\nNgày 4/11, Ban Dân vận và Công an tỉnh ký kết chương trình phối hợp.\n"
    assert decode(text.encode(encoding)) == text
    (tmp_path / "u.txt").write_bytes(text.encode(encoding))
    loaded = load_corpus(tmp_path)
    assert [d.title for d in loaded.documents] == ["Bài không có BOM"] and not loaded.skipped


@pytest.mark.parametrize("raw", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", b"\x00" * 64,
                                 "chữ".encode() + b"\x00\x00" + "chữ".encode()])
def test_binary_is_still_refused(raw):
    with pytest.raises(ValueError, match="binary"):
        decode(raw)


def test_each_skip_is_reported_once_by_the_caller(tmp_path, caplog):
    article(tmp_path / "a.txt", "một")
    (tmp_path / "hong.txt").write_bytes(b"\xe9t\xe9")
    with caplog.at_level(logging.WARNING):
        loaded = load_corpus(tmp_path)
    assert [Path(s.path).name for s in loaded.skipped] == ["hong.txt"]
    assert not [r for r in caplog.records if "hong.txt" in r.getMessage()]  # the caller prints it, once
