#!/usr/bin/env bash
# .ci/postgres.sh, with the server's data directory and binaries exported so the load
# runner can restart PostgreSQL in the middle of a run (pg_ctl restart -m fast).
set -euo pipefail
PG_PORT="${PG_PORT:-54360}"
PGBIN="$(dirname "$(readlink -f "$(command -v initdb || echo /usr/lib/postgresql/15/bin/initdb)")")"
DATA="$(mktemp -d /tmp/putright-load-pg.XXXXXX)"
SOCK="$(mktemp -d /tmp/putright-load-pgsock.XXXXXX)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$DATA" "$SOCK"; fi
stop() {
  as_pg "$PGBIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DATA" "$SOCK"
}
trap stop EXIT
as_pg "$PGBIN/initdb" -D "$DATA" -U postgres -A trust --no-sync >/dev/null
# Durable settings (fsync on): the kill and restart tests count committed rows afterwards.
as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
  -o "-p $PG_PORT -k $SOCK -c listen_addresses=127.0.0.1" start >/dev/null
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres putright
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, data in $DATA"
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/putright"
export PUTRIGHT_LOAD_PGDATA="$DATA" PUTRIGHT_LOAD_PGBIN="$PGBIN"
"$@"
