#!/usr/bin/env bash
# Load run against gunicorn (2 workers) and a throwaway PostgreSQL on loopback.
#   bash bench/load/run.sh 600                           ten minutes of load
#   bash bench/load/run.sh 120 --kill-worker-at 40       SIGKILL a gunicorn worker at 40 s
#   bash bench/load/run.sh 120 --restart-db-at 40        restart PostgreSQL at 40 s
# Other options: see `.venv/bin/python bench/load/run.py --help`.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PG_PORT="${PG_PORT:-54360}"
exec bash bench/load/postgres.sh .venv/bin/python bench/load/run.py "$@"
