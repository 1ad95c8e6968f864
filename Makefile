# Copydesk: `make demo` runs the demo newsroom, `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The demo agency serves its pictures on 127.0.0.1, which the worker may fetch only in the demo.
DEMO_ENV := COPYDESK_DEMO=1 COPYDESK_BASE_URL=http://127.0.0.1:$(PORT) WIRE_FETCH_ALLOW_HOSTS=127.0.0.1

.PHONY: demo test lint lock bench bench-search bench-ingest bench-latency clean

# Every package comes pinned and hashed from a lock file (requirements/*.txt, made by `make lock`
# from pyproject.toml), installed as they stand (--no-deps: the lock is complete, so no pip, old or
# new, resolves anything), then Copydesk itself.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml requirements/base.txt | $(BIN)/python
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/base.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml requirements/test.txt | $(BIN)/python
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/test.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@ $(VENV)/.installed

# Remake the lock files after changing a dependency in pyproject.toml (uv resolves; pip installs).
lock: | $(BIN)/python
	$(BIN)/pip install -q uv==0.13.9
	for extra in base test; do \
	  $(BIN)/uv pip compile -q pyproject.toml $$( [ $$extra = test ] && echo --extra test ) \
	    --generate-hashes --python-version 3.11 --python-platform x86_64-manylinux_2_28 \
	    --custom-compile-command "make lock" -o requirements/$$extra.txt; \
	done

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

demo: $(VENV)/.installed
	mkdir -p var
	$(DEMO_ENV) $(BIN)/copydesk migrate --noinput -v0
	$(DEMO_ENV) $(BIN)/copydesk collectstatic --noinput -v0
	$(DEMO_ENV) $(BIN)/copydesk load_demo
	@echo "Serving the demo newsroom at http://127.0.0.1:$(PORT)/ (admin at /admin/). Ctrl-C stops it."
	@echo "Mail (workflow notices, password resets, source alerts) is written to var/mail/, one file per message."
	@echo "Background tasks wait in the database until the worker runs them: 'COPYDESK_DEMO=1 $(BIN)/copydesk tasks' shows the queue."
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

# From a file landing in a drop folder to the story through Varnish, while a backlog is ingested.
bench-latency: $(VENV)/.installed
	$(BIN)/python bench/latency.py

clean:
	rm -rf var test-artifacts
