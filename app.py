"""Start danvan-qa on the bundled corpus: build the model folder and index if missing, then serve.

The web chat arrives with its own issue; until then this runs the interactive
search loop in the terminal (`danvan-qa shell`).
"""

import sys

from danvan_qa.cli import main

if __name__ == "__main__":
    sys.exit(main(["shell", *sys.argv[1:]]))
