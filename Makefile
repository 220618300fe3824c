# Two entry points: `make demo` (replay the bundled archive, build, serve) and `make test`.
# Each sets up its own virtualenv idempotently: the stamp file is rebuilt when pyproject changes.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8001
STAMP := $(VENV)/.installed

.PHONY: demo test lint format setup clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/bantracker demo --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf data build *.egg-info

.PHONY: bench bench-quick
# Benchmarks need Debian's nginx (static server) and wrk (its ceiling): apt-get install nginx wrk
bench: $(STAMP)
	$(BIN)/python bench/run.py --large

bench-quick: $(STAMP)
	$(BIN)/python bench/run.py --quick
