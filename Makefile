# Copydesk: `make demo` runs the demo newsroom, `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEMO_ENV := COPYDESK_DEMO=1 COPYDESK_BASE_URL=http://127.0.0.1:$(PORT)

.PHONY: demo test lint bench bench-search bench-ingest clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

demo: $(VENV)/.installed
	mkdir -p var
	$(DEMO_ENV) $(BIN)/copydesk migrate --noinput -v0
	$(DEMO_ENV) $(BIN)/copydesk collectstatic --noinput -v0
	$(DEMO_ENV) $(BIN)/copydesk load_demo
	@echo "Serving the demo newsroom at http://127.0.0.1:$(PORT)/ (admin at /admin/). Ctrl-C stops it."
	$(DEMO_ENV) $(BIN)/copydesk worker & worker=$$!; \
	$(DEMO_ENV) $(BIN)/copydesk demo_agency & agency=$$!; \
	trap 'kill $$worker $$agency 2>/dev/null' EXIT INT TERM; \
	$(DEMO_ENV) $(BIN)/gunicorn copydesk.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --threads 4 \
		--access-logfile - --graceful-timeout 5

test: $(VENV)/.test-installed node_modules/.installed
	$(BIN)/python -m pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Page benchmark on PostgreSQL (wrk, nginx, Varnish): ARTICLES=1000000 make bench for the large run.
bench: $(VENV)/.installed
	$(BIN)/python bench/pages.py

# Search latency, feed and sitemap generation, reindex time, on PostgreSQL and SQLite (ARTICLES=100000).
bench-search: $(VENV)/.installed
	$(BIN)/python bench/search.py

# Wire ingest: items/s stored and stories/s published, first vs last 1,000 items (ITEMS=10000).
bench-ingest: $(VENV)/.installed
	$(BIN)/python bench/ingest.py

clean:
	rm -rf var test-artifacts
