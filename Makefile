# newsgraph — the two commands: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= demo.duckdb
SHARED ?= ../shared

.PHONY: setup demo test lint typecheck bench eval clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: setup
	rm -f $(DB)
	$(BIN)/newsgraph ingest demo/articles demo/html demo/wire.jsonl --db $(DB)
	$(BIN)/newsgraph stats --db $(DB)

lint: setup
	$(BIN)/ruff check src tests benchmarks

typecheck: setup
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest

bench: setup
	$(BIN)/python benchmarks/bench_ingest.py --corpus $(SHARED)/corpus/bbc

eval: setup
	$(BIN)/newsgraph eval all --data $(SHARED)/eval --update-docs docs/EVALUATION.md

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache $(DB)
