"""Start the danvan-qa web chat on the bundled corpus (http://127.0.0.1:7860 by default).

The page opens at once; the model folder and the index are built in the
background if missing, with a status line on the page, and "Sẵn sàng: <address>"
is printed here once the chat can answer. Extra arguments are those of
`danvan-qa serve` (--host, --port, --corpus, --store, --model).
"""

import logging
import sys

from danvan_qa.interfaces.cli import main
from danvan_qa.interfaces.ui import READY


def show_ready_line() -> None:
    """The ready logger's lines on the terminal, plainly: the one line a user waits for."""
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(message)s"))
    READY.addHandler(handler)
    READY.setLevel(logging.INFO)
    READY.propagate = False


if __name__ == "__main__":
    show_ready_line()
    sys.exit(main(["serve", *sys.argv[1:]]))
