# Shared by the benchmark scripts (source it): a throwaway PostgreSQL with durable defaults, the host and the
# hello-world app started and stopped by process id, free loopback ports, and result files. Callers set `work`
# (a temporary folder) and call lg_cleanup from their EXIT trap.

LG_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LG_HOST_DIR=$LG_ROOT/src/LeadGrains.Host/bin/Release/net10.0
LG_HELLO_DIR=$LG_ROOT/benchmarks/HelloWorld/bin/Release/net10.0
LG_LOAD_DLL=$LG_ROOT/benchmarks/LeadGrains.LoadTest/bin/Release/net10.0/LeadGrains.LoadTest.dll
LG_BENCH_DLL=$LG_ROOT/benchmarks/LeadGrains.Benchmarks/bin/Release/net10.0/LeadGrains.Benchmarks.dll
LG_API_KEY=benchmark-admin-key-0123456789
lg_app_pid=
PG_BIN=
PG_PORT=
HTTP_PORT=

lg_free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
lg_as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# Newest installed PostgreSQL server binaries with pgbench, or a message and failure.
lg_find_postgres() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pgbench" ]; then
    echo "needs the PostgreSQL server binaries and pgbench (Debian: apt-get install postgresql)" >&2
    return 1
  fi
}

# PostgreSQL in $work/data on a free loopback port, as the test fixture starts it, but with the DURABLE defaults:
# fsync, synchronous_commit and full_page_writes stay on; only max_connections and shared_buffers are given.
# Creates the databases leadgrains and pgbench, and exports the host's connection string.
lg_postgres_start() {
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$work"
  PG_PORT=$(lg_free_port)
  lg_as_postgres "$PG_BIN/initdb" -D "$work/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  lg_as_postgres "$PG_BIN/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $work -c max_connections=200 -c shared_buffers=256MB" start >/dev/null
  lg_psql -d postgres -c "CREATE DATABASE leadgrains" -c "CREATE DATABASE pgbench"
  echo "   PostgreSQL $(lg_postgres_version) on port $PG_PORT: $(lg_psql -d postgres -At -c "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync','synchronous_commit','full_page_writes','wal_sync_method','shared_buffers')")"
  export ConnectionStrings__LeadGrains="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=leadgrains;Maximum Pool Size=100"
}

lg_postgres_version() { "$PG_BIN/postgres" --version | sed 's/^postgres (PostgreSQL) //'; }
lg_psql() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q "$@"; }

lg_postgres_stop() {
  if [ -n "${work:-}" ] && [ -f "$work/data/postmaster.pid" ]; then
    lg_as_postgres "$PG_BIN/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null || true
  fi
}

# pgbench -N (simple update: an account update, a select and a history insert, one commit each) on the same server.
# Prints pgbench's summary and sets PGBENCH_TPS and PGBENCH_LATENCY_MS.
lg_pgbench() { # clients seconds scale
  "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -i -q -s "$3" pgbench >/dev/null 2>&1
  local out
  out=$("$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -N -c "$1" -j 2 -T "$2" pgbench 2>&1)
  echo "$out" | grep -E "latency average|^tps" | sed 's/^/   /'
  PGBENCH_TPS=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\) .*/\1/p' | head -n 1)
  PGBENCH_LATENCY_MS=$(echo "$out" | sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' | head -n 1)
}

# Waits until GET $1 answers, failing (with the log) if process $2 exits or 60 s pass.
lg_wait_ready() { # url pid log
  for _ in $(seq 1 120); do
    if curl -fs "$1" >/dev/null 2>&1; then return 0; fi
    kill -0 "$2" 2>/dev/null || { echo "the process exited:" >&2; cat "$3" >&2; return 1; }
    sleep 0.5
  done
  echo "not ready after 60 s: $1" >&2
  return 1
}

# The host in Release, in Production (API key required, logging at Warning), with its own free ports, the given
# storage (Memory or Postgres), and the per-key rate limit lifted so that it does not cap the load (the limiter
# still runs). Sets HTTP_PORT and lg_app_pid.
lg_host_start() { # storage
  HTTP_PORT=$(lg_free_port)
  local silo_port gateway_port
  silo_port=$(lg_free_port); gateway_port=$(lg_free_port)
  (
    cd "$LG_HOST_DIR"
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$HTTP_PORT" \
      LeadGrains__Storage="$1" LeadGrains__ClusterId=bench LeadGrains__ServiceId=bench \
      LeadGrains__SiloPort="$silo_port" LeadGrains__GatewayPort="$gateway_port" \
      LeadGrains__ApiKeys__0__Key="$LG_API_KEY" LeadGrains__ApiKeys__0__Scopes__0=admin \
      LeadGrains__Api__RateLimit__PermitsPerSecond=1000000 LeadGrains__Api__RateLimit__Burst=1000000 \
      Logging__LogLevel__Default=Warning
    exec dotnet LeadGrains.Host.dll >"$work/host.log" 2>&1
  ) &
  lg_app_pid=$!
  lg_wait_ready "http://127.0.0.1:$HTTP_PORT/health/ready" "$lg_app_pid" "$work/host.log"
}

# The hello-world baseline app in Release on a free port. Sets HTTP_PORT and lg_app_pid.
lg_hello_start() {
  HTTP_PORT=$(lg_free_port)
  (
    cd "$LG_HELLO_DIR"
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$HTTP_PORT"
    exec dotnet HelloWorld.dll >"$work/hello.log" 2>&1
  ) &
  lg_app_pid=$!
  lg_wait_ready "http://127.0.0.1:$HTTP_PORT/" "$lg_app_pid" "$work/hello.log"
}

lg_app_stop() {
  if [ -n "$lg_app_pid" ] && kill -0 "$lg_app_pid" 2>/dev/null; then kill "$lg_app_pid"; wait "$lg_app_pid" 2>/dev/null || true; fi
  lg_app_pid=
}

lg_cleanup() {
  lg_app_stop
  lg_postgres_stop
  if [ -n "${work:-}" ]; then rm -rf "$work"; fi
}

# A result file in the shape LeadGrains.LoadTest's report reads: lg_result FILE NAME TITLE DETAIL key=value...
lg_result() {
  python3 - "$@" <<'PY'
import json, sys
path, name, title, detail, *pairs = sys.argv[1:]
figures = {key: float(value) for key, value in (pair.split("=", 1) for pair in pairs)}
with open(path, "w") as out:
    json.dump({"name": name, "title": title, "detail": detail, "figures": figures}, out, indent=2)
PY
}

# A number from a result file: lg_figure FILE KEY
lg_figure() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["figures"][sys.argv[2]])' "$1" "$2"; }
