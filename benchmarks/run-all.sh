#!/usr/bin/env bash
# Every figure of issue 9 in one run on one machine, and benchmarks/RESULTS.md rendered from it.
#
#   benchmarks/run-all.sh                 # the full run: ~20 s per HTTP step, 100,000 deadlines, 1,000,000 leads
#   QUICK=1 benchmarks/run-all.sh         # a smoke run: 4 s steps at small scale (RESULTS.md says QUICK)
#   STEPS="hello memory" benchmarks/run-all.sh   # only some steps (the report shows the others as missing)
#
# Steps, each writing a JSON result into RESULTS_DIR (benchmarks/results):
#   hello      hello-world ASP.NET Core app, LoadTest `hello`, closed loop: the HTTP baseline
#   http       the host in memory (a fresh host per workload): `activities` closed loop; `activities` open loop at
#              0.5 x the hello-world rate (p99 from the due time); `captures`; `ndjson`; `mix`
#   inprocess  LeadGrains.Benchmarks `ingest` (raw grain-call rate and NDJSON in process) and `handoff`
#   durable    throwaway PostgreSQL (durable defaults), host on it, `activities`; then `pgbench -N` on the same server
#   deadlines  LeadGrains.Benchmarks `deadlines`: open first-touch deadlines, breach lateness
#   memory     LeadGrains.Benchmarks `memory`: bytes per resident lead, deactivate, reactivate intact
#
# Tunables (environment): DURATION WARMUP (s, per HTTP step), CONCURRENCY (closed loop), NDJSON_CONCURRENCY,
# BATCH (lines per NDJSON request), FIXED_CONCURRENCY (most in flight in the open loop), FIXED_RATE (req/s; default
# half the measured hello-world rate), LEADS (population for activities, ndjson, mix), REPS, HANDOFF_LEADS,
# INGEST_LINES, DEADLINES, DEADLINE_WINDOW (s), MEMORY_LEADS, PGBENCH_SCALE, RESULTS_DIR, RESULTS (the markdown).
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/lib.sh

QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then
  : "${DURATION:=4}" "${WARMUP:=1}" "${LEADS:=2000}" "${HANDOFF_LEADS:=2000}" "${INGEST_LINES:=20000}"
  : "${DEADLINES:=5000}" "${DEADLINE_WINDOW:=30}" "${MEMORY_LEADS:=20000}" "${PGBENCH_SCALE:=1}"
else
  : "${DURATION:=20}" "${WARMUP:=5}" "${LEADS:=10000}" "${HANDOFF_LEADS:=10000}" "${INGEST_LINES:=100000}"
  : "${DEADLINES:=100000}" "${DEADLINE_WINDOW:=420}" "${MEMORY_LEADS:=1000000}" "${PGBENCH_SCALE:=10}"
fi
: "${CONCURRENCY:=32}" "${NDJSON_CONCURRENCY:=4}" "${BATCH:=100}" "${FIXED_CONCURRENCY:=64}" "${REPS:=50}"
: "${STEPS:=hello http inprocess durable deadlines memory}"
: "${RESULTS_DIR:=benchmarks/results}" "${RESULTS:=benchmarks/RESULTS.md}"
FIXED_RATE=${FIXED_RATE:-}

command="QUICK=$QUICK DURATION=$DURATION WARMUP=$WARMUP CONCURRENCY=$CONCURRENCY LEADS=$LEADS DEADLINES=$DEADLINES MEMORY_LEADS=$MEMORY_LEADS benchmarks/run-all.sh"
[ "$STEPS" = "hello http inprocess durable deadlines memory" ] || command="STEPS=\"$STEPS\" $command"
has_step() { [[ " $STEPS " == *" $1 "* ]]; }
failed=()
run() { # name, then the command; a failed step is reported and the run goes on
  local name=$1; shift
  if ! "$@"; then echo "!! step $name failed" >&2; failed+=("$name"); fi
}

work=$(mktemp -d /tmp/leadgrains-bench.XXXXXX)
trap lg_cleanup EXIT
mkdir -p "$RESULTS_DIR"
rm -f "$RESULTS_DIR"/*.json "$RESULTS_DIR"/*.log
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== building (Release)"
for project in src/LeadGrains.Host benchmarks/LeadGrains.LoadTest benchmarks/HelloWorld benchmarks/LeadGrains.Benchmarks; do
  dotnet build -c Release -v q -nologo "$project" >/dev/null
done

load() { # name url mode [options...]: LoadTest with the common settings, its result into RESULTS_DIR/name.json
  local name=$1 url=$2 mode=$3; shift 3
  dotnet "$LG_LOAD_DLL" --url "$url" --api-key "$LG_API_KEY" --mode "$mode" --name "$name" \
    --duration "$DURATION" --warmup "$WARMUP" --out "$RESULTS_DIR/$name.json" "$@" | grep -v '^result ' | sed 's/^/   /'
}

bench() { # command [arguments...]: an in-process LeadGrains.Benchmarks command; the silo's own log lines go to
  # RESULTS_DIR/COMMAND.log rather than the console (the deadlines silo, for one, logs errors from timers as it stops)
  dotnet "$LG_BENCH_DLL" "$@" | tee "$RESULTS_DIR/$1.log" | grep -v -E '^(warn|fail|info|      )' | sed 's/^/   /'
}

hello_step() {
  echo "== hello-world baseline: $CONCURRENCY concurrent, ${DURATION}s"
  lg_hello_start || return 1
  load hello "http://127.0.0.1:$HTTP_PORT" hello --concurrency "$CONCURRENCY" || { lg_app_stop; return 1; }
  lg_app_stop
}

host_load() { # name mode [options...]: a fresh in-memory host for one workload
  echo "== $1: host in memory, LoadTest $2 ${*:3}"
  lg_host_start Memory || return 1
  load "$1" "http://127.0.0.1:$HTTP_PORT" "$2" --reps "$REPS" "${@:3}" || { lg_app_stop; return 1; }
  lg_app_stop
}

http_step() {
  run activities host_load activities activities --concurrency "$CONCURRENCY" --leads "$LEADS"
  local rate=$FIXED_RATE
  if [ -z "$rate" ] && [ -f "$RESULTS_DIR/hello.json" ]; then
    rate=$(python3 -c "print(round($(lg_figure "$RESULTS_DIR/hello.json" rate) / 2))")
  fi
  if [ -n "$rate" ]; then
    run fixed host_load fixed activities --rate "$rate" --concurrency "$FIXED_CONCURRENCY" --leads "$LEADS"
  else
    echo "!! no hello-world rate and no FIXED_RATE: the fixed-rate step is skipped" >&2; failed+=(fixed)
  fi
  run captures host_load captures captures --concurrency "$CONCURRENCY"
  run ndjson host_load ndjson ndjson --concurrency "$NDJSON_CONCURRENCY" --batch "$BATCH" --leads "$LEADS"
  run mix host_load mix mix --concurrency "$CONCURRENCY" --leads "$LEADS"
}

inprocess_step() {
  echo "== in process: NDJSON ingest of $INGEST_LINES lines against raw grain calls"
  run ingest bench ingest "$INGEST_LINES" --json "$RESULTS_DIR/ingest.json"
  echo "== in process: sales-ready -> assigned, $HANDOFF_LEADS leads, 8 callers"
  run handoff bench handoff "$HANDOFF_LEADS" 8 --json "$RESULTS_DIR/handoff.json"
}

durable_step() {
  lg_find_postgres || return 1
  echo "== durable: PostgreSQL with durable defaults in $work"
  lg_postgres_start || return 1
  (cd "$LG_HOST_DIR" && dotnet LeadGrains.Host.dll db init | tail -n 1 | sed 's/^/   /') || return 1
  echo "== durable: host on PostgreSQL, LoadTest activities, $CONCURRENCY concurrent"
  lg_host_start Postgres || return 1
  load durable "http://127.0.0.1:$HTTP_PORT" activities --concurrency "$CONCURRENCY" --leads "$LEADS" --reps "$REPS" || { lg_app_stop; return 1; }
  lg_app_stop
  echo "== durable: pgbench -N, $CONCURRENCY clients, ${DURATION}s, scale $PGBENCH_SCALE, same server"
  lg_pgbench "$CONCURRENCY" "$DURATION" "$PGBENCH_SCALE" || return 1
  lg_result "$RESULTS_DIR/pgbench.json" pgbench "pgbench -N on the same PostgreSQL" \
    "pgbench -N -c $CONCURRENCY -j 2 -T $DURATION, scale $PGBENCH_SCALE: $PGBENCH_TPS tps, latency average $PGBENCH_LATENCY_MS ms" \
    "tps=$PGBENCH_TPS" "latency_ms=$PGBENCH_LATENCY_MS" "clients=$CONCURRENCY" "seconds=$DURATION" "scale=$PGBENCH_SCALE"
  lg_postgres_stop
}

deadlines_step() {
  echo "== in process: $DEADLINES open deadlines, ${DEADLINE_WINDOW}s window (waits the window out)"
  bench deadlines "$DEADLINES" "$DEADLINE_WINDOW" --json "$RESULTS_DIR/deadlines.json"
}

memory_step() {
  echo "== in process: memory per resident lead, $MEMORY_LEADS leads"
  bench memory "$MEMORY_LEADS" --json "$RESULTS_DIR/memory.json"
}

for step in hello http inprocess durable deadlines memory; do
  if has_step "$step"; then run "$step" "${step}_step"; fi
done

echo "== report"
commit=$(git rev-parse HEAD)
dirty=$(git status --porcelain --untracked-files=no | grep -v -E "benchmarks/(RESULTS.md|results/)" | head -n 1 || true)
{
  echo "machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) memory, $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo ".NET: SDK $(dotnet --version), runtime $(dotnet --list-runtimes | sed -n 's/^Microsoft.NETCore.App \([^ ]*\).*/\1/p' | tail -n 1); Orleans $(sed -n 's/.*<OrleansVersion>\(.*\)<\/OrleansVersion>.*/\1/p' Directory.Packages.props)"
  if lg_find_postgres 2>/dev/null; then echo "PostgreSQL: $(lg_postgres_version) (durable defaults: fsync, synchronous_commit, full_page_writes on)"; fi
  echo "commit: \`$commit\` ($(git rev-parse --abbrev-ref HEAD))${dirty:+, with uncommitted changes}"
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "load average (1, 5, 15 min) at the start: $load_start; at the end: $(cut -d' ' -f1-3 /proc/loadavg) — on an otherwise idle machine these stay near the run's own load"
  echo "settings: ${DURATION} s per HTTP step after ${WARMUP} s warm-up; closed loop $CONCURRENCY concurrent (NDJSON $NDJSON_CONCURRENCY, $BATCH lines a request); open loop up to $FIXED_CONCURRENCY in flight; $LEADS leads, 80 % of events on 20 % of them; $REPS reps"
  if [ ${#failed[@]} -gt 0 ]; then echo "**steps that failed: ${failed[*]}**"; fi
} >"$work/machine.txt"
quick_flag=0; [ "$QUICK" = 1 ] && quick_flag=1
dotnet "$LG_LOAD_DLL" report --results "$RESULTS_DIR" --out "$RESULTS" --machine "$work/machine.txt" --command "$command" --quick "$quick_flag"
if [ ${#failed[@]} -gt 0 ]; then echo "steps that failed: ${failed[*]}" >&2; exit 1; fi
