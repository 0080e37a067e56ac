#!/usr/bin/env bash
# A throwaway PostgreSQL for the audit store tests, on loopback only.
#
#   eval "$(bash .ci/postgres.sh)"          start one; prints the exports below
#   bash .ci/postgres.sh stop               stop it and remove its folder
#
# Prints, for the caller to eval:
#   MODELGATE_TEST_POSTGRES_URL      postgres://modelgate:<random>@127.0.0.1:<port>/modelgate_test
#   MODELGATE_TEST_POSTGRES_RESTART  a command that restarts the server (the restart test uses it)
#   MODELGATE_TEST_POSTGRES_DIR      the cluster's folder (for `stop`)
# Everything else goes to stderr, so stdout stays eval-able.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

# Runs a command as the cluster's owner: PostgreSQL refuses to run as root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

find_bin() {
  local dir
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return 0
  fi
  # Debian keeps the server binaries out of PATH, one folder per major version: take the newest.
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

if [ "${1:-}" = "stop" ]; then
  dir="${MODELGATE_TEST_POSTGRES_DIR:?set MODELGATE_TEST_POSTGRES_DIR (printed when the server was started)}"
  bin="$(find_bin)"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  rm -rf "$dir"
  exit 0
fi

if ! bin="$(find_bin)"; then
  log "installing PostgreSQL (Debian package postgresql)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  bin="$(find_bin)" || { log "PostgreSQL binaries not found after installing"; exit 1; }
fi
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/modelgate-pg.XXXXXX")"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
chmod 700 "$dir"

password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$password" >"$dir/pwfile"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir/pwfile"; fi

# A free port: the kernel picks one for a socket bound to port 0.
port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"

as_owner "$bin/initdb" -D "$dir/data" -U modelgate --pwfile="$dir/pwfile" --auth=scram-sha-256 \
  --encoding=UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
rm -f "$dir/pwfile"

# Durability settings are off: the cluster lives for one test run, and the tests' restarts are clean ones.
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >&2 \
  || { cat "$dir/server.log" >&2; exit 1; }

PGPASSWORD="$password" "$bin/psql" -h 127.0.0.1 -p "$port" -U modelgate -d postgres -v ON_ERROR_STOP=1 -qAt \
  -c 'CREATE DATABASE modelgate_test' >&2

log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (folder $dir)"
echo "export MODELGATE_TEST_POSTGRES_URL='postgres://modelgate:$password@127.0.0.1:$port/modelgate_test'"
if [ "$(id -u)" -eq 0 ]; then
  echo "export MODELGATE_TEST_POSTGRES_RESTART='cd / && runuser -u postgres -- $bin/pg_ctl -D $dir/data -l $dir/server.log -w -t 60 -m fast restart'"
else
  echo "export MODELGATE_TEST_POSTGRES_RESTART='$bin/pg_ctl -D $dir/data -l $dir/server.log -w -t 60 -m fast restart'"
fi
echo "export MODELGATE_TEST_POSTGRES_DIR='$dir'"
