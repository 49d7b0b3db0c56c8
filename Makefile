# The README's two commands: `make demo` (main job on the bundled sample) and `make test`.
VENV   ?= .venv
PYTHON ?= python3
BIN    := $(VENV)/bin
DEMO_HOME := $(CURDIR)/.demo-home

.PHONY: setup demo test gates bench lint clean

$(BIN)/dateline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[web,dev,train]'
	touch $@

setup: $(BIN)/dateline

demo: setup
	rm -rf $(DEMO_HOME)
	DATELINE_HOME=$(DEMO_HOME) $(BIN)/dateline ingest examples/
	DATELINE_HOME=$(DEMO_HOME) $(BIN)/dateline articles
	DATELINE_HOME=$(DEMO_HOME) $(BIN)/dateline quotes
	DATELINE_HOME=$(DEMO_HOME) $(BIN)/dateline timeline CHL NOR
	@echo
	@echo "Browse it: DATELINE_HOME=$(DEMO_HOME) $(BIN)/dateline serve  ->  http://127.0.0.1:8000/"

test: setup
	$(BIN)/python -m pytest -q

gates: setup
	$(BIN)/python -m pytest -q -m gate

bench: setup
	$(BIN)/python bench/run.py

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/mypy

clean:
	rm -rf $(DEMO_HOME) .pytest_cache
