#!/usr/bin/env bash
# Durable single-event ingest against pgbench -N, on one throwaway PostgreSQL, in one run.
#
# Starts PostgreSQL from the installed server binaries (as the postgres OS user when run as root, loopback
# only, DURABLE default settings: fsync, synchronous_commit and full_page_writes stay on), installs the
# schema with `db init`, runs the host in Release with Storage=Postgres, and drives
# POST /api/v1/leads/{id}/activities with LeadGrains.LoadTest (every request a new event, so every 2xx is
# one stored write). Then, with the host stopped, pgbench -N on the same server for the same duration and
# concurrency. Prints both rates and their ratio. Tunables: DURATION (s), CONCURRENCY, LEADS, WARMUP (s),
# MODE (activities|captures), PGBENCH_SCALE. benchmarks/run-all.sh runs the same as one of its steps.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/lib.sh

DURATION=${DURATION:-20}
CONCURRENCY=${CONCURRENCY:-32}
LEADS=${LEADS:-2000}
WARMUP=${WARMUP:-5}
MODE=${MODE:-activities}
PGBENCH_SCALE=${PGBENCH_SCALE:-10}

lg_find_postgres
work=$(mktemp -d /tmp/leadgrains-bench.XXXXXX)
trap lg_cleanup EXIT

echo "== building (Release)"
dotnet build -c Release -v q -nologo src/LeadGrains.Host >/dev/null
dotnet build -c Release -v q -nologo benchmarks/LeadGrains.LoadTest >/dev/null

echo "== starting PostgreSQL in $work"
lg_postgres_start

echo "== db init"
(cd "$LG_HOST_DIR" && dotnet LeadGrains.Host.dll db init | tail -n 1)

echo "== starting the host (Release, Storage=Postgres)"
lg_host_start Postgres

echo "== ingest: $MODE, $CONCURRENCY concurrent, ${DURATION}s (after ${WARMUP}s warm-up)"
ingest=$(dotnet "$LG_LOAD_DLL" --url "http://127.0.0.1:$HTTP_PORT" --api-key "$LG_API_KEY" --mode "$MODE" \
  --concurrency "$CONCURRENCY" --duration "$DURATION" --warmup "$WARMUP" --leads "$LEADS")
echo "$ingest" | sed 's/^/   /'
ingest_rate=$(echo "$ingest" | sed -n 's/^result .* rate=\([0-9.]*\) .*/\1/p')
lg_app_stop

echo "== pgbench -N: $CONCURRENCY clients, ${DURATION}s, scale $PGBENCH_SCALE, same server"
lg_pgbench "$CONCURRENCY" "$DURATION" "$PGBENCH_SCALE"

echo "== result"
printf '   durable ingest:  %10.1f req/s\n   pgbench -N:      %10.1f tps\n   ratio:           %10.2f (goal >= 1.0)\n' \
  "$ingest_rate" "$PGBENCH_TPS" "$(python3 -c "print($ingest_rate / $PGBENCH_TPS)")"
