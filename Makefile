# A-lasso: `make run` to try it, `make test` to check it. Both set up what is missing.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
MANAGE := $(UV) run --frozen python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
SCALE ?= 100000
# Test processes (pytest-xdist, one database each): the suite runs in two on this 2-core machine.
TEST_WORKERS ?= 2
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15

.PHONY: help setup run worker test lint imports typecheck format test-sqlite test-postgres test-cache test-deps bench messages

help:
	@echo "make run    set up and serve A-lasso on http://$(HOST):$(PORT) with demo data (SQLite)"
	@echo "make test   set up and run lint, the layers, types and the whole test suite (SQLite, then PostgreSQL if DATABASE_URL is set)"
	@echo "make bench  run the benchmarks (SCALE=10000 for a smaller run)"

# uv itself, then the locked dependencies on the Python that .python-version names.
setup:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen
	@command -v msgfmt >/dev/null || { SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq gettext >/dev/null; }
	DEBUG=true $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

# Links in e-mails, the attestation's QR code and the credentials' issuer name this address:
# the one served here unless SITE_URL says otherwise (the worker sends the e-mails).
run worker: export DEBUG ?= true
run worker: export SITE_URL ?= http://$(HOST):$(PORT)
run: setup
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) credentials_keygen --if-missing
	$(MANAGE) demo --if-empty
	@echo ""
	@echo "  A-lasso: http://$(HOST):$(PORT)/   e-mails sent: http://$(HOST):$(PORT)/dev/mailbox/"
	@echo "  Links in e-mails and attestations: $(SITE_URL)/"
	@echo ""
	@trap 'kill 0' EXIT INT TERM; \
	  $(MANAGE) db_worker --interval 1 & \
	  $(MANAGE) runserver $(HOST):$(PORT)

worker: setup
	$(MANAGE) db_worker

# Debian's Chromium (Playwright's own browser download cannot work offline), the libraries
# WeasyPrint needs, Poppler and ZBar to read the attestation PDF's QR code back, and the npm
# packages (axe-core, the independent credential verifier), again when package-lock.json moves.
# nginx: the reverse proxy of the multi-process deployment check (bench/deploy_multi.py).
test-deps: setup
	@if [ ! -x /usr/bin/chromium ] || ! ldconfig -p | grep -q libpango-1.0 \
	    || ! command -v zbarimg >/dev/null || ! command -v pdftoppm >/dev/null \
	    || [ ! -x /usr/sbin/nginx ]; then \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
	    chromium fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
	    poppler-utils zbar-tools nginx-light >/dev/null; \
	fi
	@[ -f node_modules/axe-core/axe.min.js ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
	  || npm ci --no-audit --no-fund --silent

lint: setup
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .

# The layers of docs/architecture.md: an app importing one above it, or a sibling of its
# layer, fails here ([tool.importlinter] in pyproject.toml).
imports: setup
	$(UV) run --frozen lint-imports --no-logo

# mypy with django-stubs on the services, selectors and lifecycles ([tool.mypy] in pyproject.toml).
typecheck: setup
	DEBUG=true $(UV) run --frozen mypy

format: setup
	$(UV) run --frozen ruff check --fix .
	$(UV) run --frozen ruff format .

test-sqlite: test-deps
	env -u DATABASE_URL $(UV) run --frozen pytest -q -n $(TEST_WORKERS)

test-postgres: test-deps
	@if [ -n "$$DATABASE_URL" ]; then \
	  echo "== tests on $$DATABASE_URL"; $(UV) run --frozen pytest -q -n $(TEST_WORKERS); \
	else echo "DATABASE_URL is not set: skipping the PostgreSQL run"; fi

# The tests marked `cache` again, on Redis as production runs them, with those that start a
# second process sharing the cache (conftest.py). Each run keeps to its own key prefix.
test-cache: test-deps
	@if redis-cli -u "$(REDIS_TEST_URL)" ping >/dev/null 2>&1; then \
	  echo "== cache tests on $(REDIS_TEST_URL)"; \
	  REDIS_URL="$(REDIS_TEST_URL)" $(UV) run --frozen pytest -q -m cache; \
	else echo "Redis does not answer at $(REDIS_TEST_URL): skipping the cache run"; fi

test: lint imports typecheck test-sqlite test-postgres test-cache

# The benchmarks (bench/README.md): SQLite, then PostgreSQL when DATABASE_URL is set, at
# 1 000, 10 000 and 100 000 volunteers up to SCALE. wrk (Debian) sends the load; where it
# cannot be installed, the harness's own Python client does.
bench: setup
	@command -v wrk >/dev/null || { SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq wrk >/dev/null; } \
	  || echo "wrk could not be installed: the load test uses the Python client instead"
	$(UV) run --frozen python -m bench.run --scale $(SCALE)

# Rebuild the .po files after changing translatable text (then translate the English one);
# French plurals get their forms, so that "0 mission" stays singular (core/french_plurals.py).
messages: setup
	$(MANAGE) makemessages -l en -l fr --ignore=.venv --ignore=node_modules --no-obsolete
	$(UV) run --frozen python -m core.french_plurals
