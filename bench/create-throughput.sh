#!/usr/bin/env bash
# Create throughput and footprint benchmark (bench/README-create.md): POST /v2/Conversations with 2
# participants at concurrency 1, 8, 32, 128 next to pgbench running the service's transaction on the
# same PostgreSQL, an open-loop run at half the highest rate, and the service's start-up time and
# RSS. Usage: bench/create-throughput.sh [--quick | SECONDS] (seconds per measurement, default 20;
# --quick: 5, about two minutes in all). Starts a throw-away PostgreSQL + Kafka + service (via
# deployment/run-local.sh, data in target/bench-create, HTTP port 18100) unless BENCH_SERVICE_URL
# names a running service, in which case BENCH_JDBC_URL (or QUARKUS_DATASOURCE_JDBC_URL) must name
# its database (start-up figures are then left out; RSS needs BENCH_SERVICE_PID).
set -euo pipefail
source "$(dirname "$0")/stack.sh"
arg=${1:-20} # --quick is for the harness

stack_or_service target/bench-create "${BENCH_HTTP_PORT:-18100}" # not 8080 nor the others' ports
if [[ -n $stack ]]; then export BENCH_THROWAWAY=1; fi # the harness leaves its rows: all is discarded
# pgbench from PATH, else the newest PostgreSQL client installed; none: the harness uses JDBC.
if [[ -z ${BENCH_PGBENCH:-} ]]; then
  BENCH_PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1 || true)
fi
export BENCH_PGBENCH
[[ -n $BENCH_PGBENCH ]] || echo "Note: pgbench not found; the database figures come from JDBC clients instead."
run_harness CreateThroughput "$arg"
