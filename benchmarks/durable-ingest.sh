#!/usr/bin/env bash
# Durable single-event ingest against pgbench -N, on one throwaway PostgreSQL, in one run.
#
# Starts PostgreSQL from the installed server binaries (as the postgres OS user when run as root, loopback
# only, DURABLE default settings: fsync, synchronous_commit and full_page_writes stay on), installs the
# schema with `db init`, runs the host in Release with Storage=Postgres, and drives
# POST /api/v1/leads/{id}/activities with LeadGrains.LoadTest (every request a new event, so every 2xx is
# one stored write). Then, with the host stopped, pgbench -N on the same server for the same duration and
# concurrency. Prints both rates and their ratio. Tunables: DURATION (s), CONCURRENCY, LEADS, WARMUP (s),
# MODE (activities|captures), PGBENCH_SCALE.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
CONCURRENCY=${CONCURRENCY:-32}
LEADS=${LEADS:-2000}
WARMUP=${WARMUP:-5}
MODE=${MODE:-activities}
PGBENCH_SCALE=${PGBENCH_SCALE:-10}
API_KEY=benchmark-admin-key-0123456789

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pgbench" ]; then
  echo "durable-ingest: needs the PostgreSQL server binaries and pgbench (Debian: apt-get install postgresql)" >&2
  exit 1
fi

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

work=$(mktemp -d /tmp/leadgrains-bench.XXXXXX)
host_pid=
cleanup() {
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then kill "$host_pid"; wait "$host_pid" 2>/dev/null || true; fi
  if [ -f "$work/data/postmaster.pid" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres:postgres "$work"

echo "== building (Release)"
dotnet build -c Release -v q -nologo src/LeadGrains.Host >/dev/null
dotnet build -c Release -v q -nologo benchmarks/LeadGrains.LoadTest >/dev/null
HOST_DIR=$PWD/src/LeadGrains.Host/bin/Release/net10.0
LOAD_DLL=$PWD/benchmarks/LeadGrains.LoadTest/bin/Release/net10.0/LeadGrains.LoadTest.dll

echo "== starting PostgreSQL ($("$PG_BIN/postgres" --version)) in $work"
PG_PORT=$(free_port)
as_postgres "$PG_BIN/initdb" -D "$work/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $work -c max_connections=200 -c shared_buffers=256MB" start >/dev/null
psql() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q "$@"; }
psql -d postgres -c "CREATE DATABASE leadgrains" -c "CREATE DATABASE pgbench"
echo "   settings: $(psql -d postgres -At -c "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync','synchronous_commit','full_page_writes','wal_sync_method','shared_buffers')")"
export ConnectionStrings__LeadGrains="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=leadgrains;Maximum Pool Size=100"

echo "== db init"
(cd "$HOST_DIR" && dotnet LeadGrains.Host.dll db init | tail -n 1)

echo "== starting the host (Release, Storage=Postgres)"
HTTP_PORT=$(free_port)
(
  cd "$HOST_DIR"
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$HTTP_PORT" \
    LeadGrains__Storage=Postgres LeadGrains__ClusterId=bench LeadGrains__ServiceId=bench \
    LeadGrains__SiloPort="$(free_port)" LeadGrains__GatewayPort="$(free_port)" \
    LeadGrains__ApiKeys__0__Key="$API_KEY" LeadGrains__ApiKeys__0__Scopes__0=admin \
    Logging__LogLevel__Default=Warning
  exec dotnet LeadGrains.Host.dll >"$work/host.log" 2>&1
) &
host_pid=$!
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1; then break; fi
  kill -0 "$host_pid" 2>/dev/null || { echo "durable-ingest: the host exited:" >&2; cat "$work/host.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null || { echo "durable-ingest: the host is not ready" >&2; exit 1; }

echo "== ingest: $MODE, $CONCURRENCY concurrent, ${DURATION}s (after ${WARMUP}s warm-up)"
ingest=$(dotnet "$LOAD_DLL" --url "http://127.0.0.1:$HTTP_PORT" --api-key "$API_KEY" --mode "$MODE" \
  --concurrency "$CONCURRENCY" --duration "$DURATION" --warmup "$WARMUP" --leads "$LEADS")
echo "$ingest" | sed 's/^/   /'
ingest_rate=$(echo "$ingest" | sed -n 's/^result .* rate=\([0-9.]*\) .*/\1/p')
kill "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=

echo "== pgbench -N: $CONCURRENCY clients, ${DURATION}s, scale $PGBENCH_SCALE, same server"
"$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -i -q -s "$PGBENCH_SCALE" pgbench >/dev/null 2>&1
bench=$("$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -N -c "$CONCURRENCY" -j 2 -T "$DURATION" pgbench 2>&1)
echo "$bench" | grep -E "latency average|^tps" | sed 's/^/   /'
pgbench_tps=$(echo "$bench" | sed -n 's/^tps = \([0-9.]*\) .*/\1/p' | head -n 1)

echo "== result"
printf '   durable ingest:  %10.1f req/s\n   pgbench -N:      %10.1f tps\n   ratio:           %10.2f (goal >= 1.0)\n' \
  "$ingest_rate" "$pgbench_tps" "$(python3 -c "print($ingest_rate / $pgbench_tps)")"
