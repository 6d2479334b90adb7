# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
ACCORD := $(VENV)/bin/accord
DB ?= accord.duckdb

.PHONY: setup setup-test demo test eval bench clean

$(VENV)/.installed: pyproject.toml requirements/models.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/models.txt
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[test]'
	touch $@

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

demo: setup
	$(ACCORD) ingest samples/ --db $(DB)
	$(ACCORD) summary --db $(DB)

test: setup-test
	$(PY) -m pytest -q

eval: setup
	$(ACCORD) evaluate samples/gold.json samples/

bench: setup
	$(ACCORD) bench samples/

clean:
	rm -rf $(VENV) $(DB) build *.egg-info
