#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 server on a loopback port.
# initdb refuses to run as root, so the server runs as the postgres user.
set -euo pipefail
PG_PORT="${PG_PORT:-54329}"
PGBIN="$(dirname "$(readlink -f "$(command -v initdb || echo /usr/lib/postgresql/15/bin/initdb)")")"
DATA="$(mktemp -d /tmp/putright-pg.XXXXXX)"
SOCK="$(mktemp -d /tmp/putright-pgsock.XXXXXX)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$DATA" "$SOCK"; fi
stop() {
  as_pg "$PGBIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DATA" "$SOCK"
}
trap stop EXIT
as_pg "$PGBIN/initdb" -D "$DATA" -U postgres -A trust --no-sync >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
  -o "-p $PG_PORT -k $SOCK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
# The application connects as an ordinary role, as production should (docs/security.md):
# not a superuser, so it cannot switch off the append-only triggers. CREATEDB only because
# the test runner creates and drops its own test database; production needs no CREATEDB.
as_pg "$PGBIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE putright LOGIN NOSUPERUSER NOCREATEROLE CREATEDB NOREPLICATION"
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres -O putright putright
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
export DATABASE_URL="postgres://putright@127.0.0.1:$PG_PORT/putright"
"$@"
