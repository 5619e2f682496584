"""What `danvan-qa` prints when the store is damaged or cannot be written: one line and exit 1,
never a traceback or a wrong answer; and `danvan-qa index` repairs what it can. Each command
runs in a child process (tests/cli_child.py) with the fake embedder."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from danvan_qa.index.catalogue import current_generation

CHILD = Path(__file__).parents[1] / "cli_child.py"
QUESTION = "phối hợp công tác dân vận"


@pytest.fixture
def cli(tmp_path, corpus_copy):
    store = tmp_path / "store"

    def run(*args: str, full_disk: bool = False) -> subprocess.CompletedProcess:
        env = {**os.environ, "DANVAN_QA_TEST_FULL_DISK": "1" if full_disk else ""}
        return subprocess.run([sys.executable, str(CHILD), *args[:1], "--corpus", str(corpus_copy),
                               "--store", str(store), *args[1:]],
                              capture_output=True, text=True, env=env, timeout=300)

    run.store, run.corpus = store, corpus_copy  # type: ignore[attr-defined]
    assert run("index").returncode == 0
    return run


def _results(done: subprocess.CompletedProcess) -> object:
    """`search --json` output with its scores to 9 digits: the same ranking and scores, though a
    dot product may end in another last bit from one process to the next."""
    def rounded(x: object) -> object:
        if isinstance(x, float):
            return round(x, 9)
        if isinstance(x, list):
            return [rounded(v) for v in x]
        if isinstance(x, dict):
            return {k: rounded(v) for k, v in x.items()}
        return x
    assert done.returncode == 0, done.stderr
    return rounded(json.loads(done.stdout))


def _one_line_error(done: subprocess.CompletedProcess, *words: str) -> str:
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("danvan-qa: error: "), done.stderr
    assert all(w in lines[0] for w in words), lines[0]
    return lines[0]


def test_bad_bytes_in_current(cli):
    good = cli("search", QUESTION, "--json")
    (cli.store / "CURRENT").write_bytes(b"\xff\xfe\x00gen-\x9c\x80 not a name\n")
    for command in (("search", QUESTION), ("events",)):
        _one_line_error(cli(*command), "CURRENT is corrupted", "`danvan-qa index`")
    assert cli("index").returncode == 0
    assert _results(cli("search", QUESTION, "--json")) == _results(good)


@pytest.mark.parametrize("name, command", [
    ("dense.faiss", ("search", QUESTION, "--mode", "dense")),
    ("bm25_folded/data.csc.index.npy", ("search", QUESTION, "--mode", "bm25")),
    ("facts.bin", ("events", "--json")),
])
def test_same_size_damage_is_refused_then_repaired(cli, name, command):
    good = cli(*command)
    assert good.returncode == 0 and good.stdout
    path = current_generation(cli.store) / name
    data = bytearray(path.read_bytes())
    if path.suffix == ".bin":  # one letter of a person's name: still valid JSON, a quote nobody wrote
        at = data.index(b'"name":"', data.index(b'"people"')) + len(b'"name":"')
        while not 97 <= data[at] < 122:
            at += 1
        data[at] += 1
    else:
        data[len(data) // 2 : len(data) // 2 + 8] = b"\x7f" * 8
    path.write_bytes(bytes(data))
    _one_line_error(cli(*command), path.name, "is damaged", "`danvan-qa index`")
    index = cli("index")
    assert index.returncode == 0 and f"repaired {name}" in index.stdout
    assert cli(*command).stdout == good.stdout


def test_full_disk(cli):
    live = current_generation(cli.store)
    good = cli("search", QUESTION, "--json")
    (cli.corpus / "moi.txt").write_text("Bài mới\nMột hội nghị về công tác dân vận.", encoding="utf-8")
    _one_line_error(cli("index", full_disk=True), "No space left on device", "free some disk space")
    assert sorted(p.name for p in cli.store.iterdir()) == sorted([".lock", "CURRENT", live.name])
    assert _results(cli("search", QUESTION, "--json")) == _results(good)
    assert "1 added" in cli("index").stdout


@contextlib.contextmanager
def _read_only(folder: Path) -> Iterator[None]:
    """The folder made read-only for real: permissions for a user, a read-only bind mount for
    root (whom permissions do not stop); skipped where neither can be had."""
    if os.geteuid() != 0:
        paths = [folder, *folder.rglob("*")]
        modes = {p: p.stat().st_mode for p in paths}
        for p in reversed(paths):
            p.chmod(modes[p] & ~0o222)
        try:
            yield
        finally:
            for p in paths:
                p.chmod(modes[p])
        return
    if subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True).returncode:
        pytest.skip("root without mount: no way to make a folder read-only here")
    try:
        if subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True).returncode:
            pytest.skip("root without a read-only remount")
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_read_only_store(cli):
    good = cli("search", QUESTION, "--json")
    (cli.corpus / "moi.txt").write_text("Bài mới\nMột hội nghị về công tác dân vận.", encoding="utf-8")
    with _read_only(cli.store):
        _one_line_error(cli("index"), "cannot write the index", str(cli.store), "writable")
        assert _results(cli("search", QUESTION, "--json")) == _results(good)  # reading still works
    assert "1 added" in cli("index").stdout
