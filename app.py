"""Start the danvan-qa web chat on the bundled corpus (http://127.0.0.1:7860 by default).

The page opens at once; the model folder and the index are built in the
background if missing, with a status line on the page, and "Sẵn sàng: <address>"
is printed once the chat can answer. Extra arguments are those of
`danvan-qa serve` (--host, --port, --corpus, --store, --model).
"""

import sys

from danvan_qa.interfaces.cli import main

if __name__ == "__main__":
    sys.exit(main(["serve", *sys.argv[1:]]))
