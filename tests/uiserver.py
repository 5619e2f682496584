"""Start `danvan-qa serve` on a free loopback port for the UI tests, and wait until it answers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
CHROMIUM = Path("/usr/bin/chromium")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(corpus: Path, store: Path, log: Path) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "DANVAN_QA_CORPUS": str(corpus), "DANVAN_QA_STORE": str(store)}
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "danvan_qa.interfaces.cli", "serve", "--port", str(port)],
                                stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_ready(url, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def wait_ready(url: str, proc: subprocess.Popen, log: Path, timeout: float = 300) -> None:
    from gradio_client import Client

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text()[-2000:]}")
        try:
            urllib.request.urlopen(url, timeout=5)
            break
        except OSError:
            time.sleep(1)
    client = Client(url, verbose=False)
    while time.monotonic() < deadline:
        history, *_ = ask(client, "công tác dân vận")
        if "chuẩn bị" not in content(history[-1]):
            return
        time.sleep(2)
    raise TimeoutError("the server never became ready")


def ask(client, question: str):
    return client.predict(question, [], 8, "hybrid", [], [], "", "", True, api_name="/ask")


def content(message: dict) -> str:
    value = message["content"]
    if isinstance(value, list):
        return "".join(part.get("text", "") for part in value if isinstance(part, dict))
    return str(value)


def ready_preparer(settings):
    """A Preparer that reports the store ready at once (the store is built by the test)."""
    from danvan_qa.interfaces.ui import Preparer

    ready = Preparer(settings)
    ready.state = "Sẵn sàng."
    ready.ready.set()
    ready.done.set()
    return ready


@contextmanager
def serving(settings, preparer) -> Iterator[tuple[object, str]]:
    """The chat app served in this process on a free port: (the Gradio app, its address)."""
    from danvan_qa.interfaces.ui import build_app, launch

    port = free_port()
    demo = launch(build_app(settings, preparer), port=port, block=False)
    try:
        yield demo, f"http://127.0.0.1:{port}/"
    finally:
        demo.close()
