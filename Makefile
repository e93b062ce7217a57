# Two commands on a fresh machine with Python 3.11 and make:
#   make run   - set up .venv and start the main job
#   make test  - set up .venv (and the system packages the tests need) and run the whole suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest bench data clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m geo check Anchorage --between Washington Beijing

test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check geo tests scripts benchmarks
	$(BIN)/ruff format --check geo tests scripts benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_distance.py

data: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[data]'
	$(BIN)/python scripts/build_data.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
