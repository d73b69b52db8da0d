#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1 and print its URL; install it if absent.
# Usage: eval "$(bash .ci/postgres.sh)"   (exports VIGIL_TEST_DATABASE_URL)
set -euo pipefail
PORT=${VIGIL_PG_PORT:-54329}
DIR=${VIGIL_PG_DIR:-/tmp/vigil-pg-$PORT}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ]; then
  echo "installing PostgreSQL (apt)" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
run_as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -f "$DIR/postmaster.pid" ]; then run_as "$bindir/pg_ctl" -D "$DIR" -m immediate stop >&2 || true; fi
rm -rf "$DIR"; mkdir -p "$DIR"
if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi
run_as "$bindir/initdb" -D "$DIR" -U vigil -A trust --no-sync >/dev/null
run_as "$bindir/pg_ctl" -D "$DIR" -l "$DIR/log" -w -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
echo "export VIGIL_TEST_DATABASE_URL=postgresql://vigil@127.0.0.1:$PORT/vigil"
