# putright: `make run` sets up and serves the demo; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
DEMO_ENV := DEBUG=true PUTRIGHT_STAFF_2FA=optional
PG_PORT ?= 54329
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run setup setup-dev system-packages assets test test-fast lint typecheck pytest test-postgres bench bench-peer clean lock

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-15s %s\n", $$1, $$2}'

# Installs exactly the versions in requirements.lock, each checked against its SHA-256 hashes,
# then putright itself without resolving anything again (docs/security.md, V10).
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

LOCK_VENV := /tmp/putright-lock-venv
lock: ## Regenerate requirements.lock (every version pinned, with hashes) from pyproject.toml
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install --quiet pip-tools
	$(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --extra dev --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links \
	  -o requirements.lock pyproject.toml

system-packages: ## Install the Debian packages (Chromium, Pango for PDF, fonts) if missing
	@need=""; \
	for p in chromium libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation poppler-utils; do \
	  dpkg -s $$p >/dev/null 2>&1 || need="$$need $$p"; \
	done; \
	if [ -n "$$need" ]; then \
	  echo "Installing Debian packages:$$need"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$need >/dev/null; \
	fi

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: node_modules/.installed ## Build the GOV.UK Frontend stylesheet and copy its assets
	node scripts/build-assets.mjs

setup: system-packages $(VENV)/.installed assets ## Install everything (Python, Node and Debian packages)

run: setup ## Set up, load demo data, serve on http://127.0.0.1:$(PORT) (make run PORT=8080 for another) and run the worker beside it
	$(DEMO_ENV) $(BIN)/putright migrate --no-input -v0
	$(DEMO_ENV) $(BIN)/putright demo --url http://127.0.0.1:$(PORT)
	@# The worker sends the queued emails and letters. Ctrl-C stops the web server; the trap
	@# then stops the worker (a background job of this shell does not see the Ctrl-C itself).
	$(DEMO_ENV) $(BIN)/putright worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(DEMO_ENV) $(BIN)/putright runserver 127.0.0.1:$(PORT)

lint: $(VENV)/.installed ## ruff
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(VENV)/.installed ## mypy (strict on the rules core)
	$(BIN)/mypy src/putright

pytest: setup ## pytest on SQLite, browser journeys included
	$(BIN)/pytest -q -p no:cacheprovider

test: setup lint typecheck pytest ## The whole suite: lint, types, tests

test-fast: ## The inner loop: ruff, mypy and the tests without a browser, in the existing virtualenv
	@test -x $(BIN)/pytest || { echo "No virtualenv at $(VENV): run make setup once"; exit 1; }
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src/putright
	$(BIN)/pytest -q -p no:cacheprovider -m "not e2e"

test-postgres: setup ## The database tests against a throwaway PostgreSQL server
	bash .ci/postgres.sh $(BIN)/pytest -q -p no:cacheprovider -m "not e2e"

bench: setup ## Benchmarks (see bench/README.md)
	$(PY) bench/bench_calendar.py
	$(PY) bench/run.py $(BENCH_ARGS)

bench-sqlite: setup ## Scale benchmarks on SQLite only (10k and 100k complaints)
	$(PY) bench/run.py --databases sqlite $(BENCH_ARGS)

bench-postgres: setup ## Scale benchmarks on a throwaway PostgreSQL (10k, 100k, 1M complaints)
	$(PY) bench/run.py --databases postgres $(BENCH_ARGS)

# Not tied to `setup`: it runs from this checkout with the venv as it is (VENV=... to use another).
bench-peer: ## putright beside django-helpdesk at 100,000 cases (as root; bench/peer.py): table into bench/RESULTS.md
	@test -x $(PY) || { echo "No virtualenv at $(VENV): run make setup once, or give VENV=/path/to/venv"; exit 1; }
	$(PY) bench/peer.py --venv $(abspath $(VENV))

bench-quick: setup ## A few minutes: 10k complaints on both databases, short load phases
	$(PY) bench/run.py --sizes 10000 --requests 30 --duration 10 --out /tmp/putright-bench.json --markdown /tmp/putright-bench.md

clean: ## Remove the virtualenv, node modules and built assets
	rm -rf $(VENV) node_modules src/putright/static/vendor

.PHONY: load load-kill load-restart
LOAD_SECONDS ?= 600
load: setup ## Load run: locust against gunicorn and PostgreSQL for LOAD_SECONDS (docs/load-and-faults.md)
	bash bench/load/run.sh $(LOAD_SECONDS) --out /tmp/putright-load.json $(LOAD_ARGS)

load-kill: setup ## Load with a gunicorn worker SIGKILLed three times; acknowledged complaints counted
	bash bench/load/run.sh 120 --kill-worker-at 30 --kill-worker-at 60 --kill-worker-at 90 --out /tmp/putright-load-kill.json

load-restart: setup ## Load with PostgreSQL restarted 40 s in; time to recover measured
	bash bench/load/run.sh 120 --restart-db-at 40 --out /tmp/putright-load-restart.json
