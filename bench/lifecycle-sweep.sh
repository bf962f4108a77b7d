#!/usr/bin/env bash
# Lifecycle sweep benchmark (bench/README.md): N conversations (default 100000) fall due at one
# instant; how fast does the running service close them, and how fast could PostgreSQL alone?
# Usage: bench/lifecycle-sweep.sh [--quick] [N]; --quick: N = 10000 and a small warm-up. Starts a
# throw-away PostgreSQL + Kafka + service (via deployment/run-local.sh, data in bench/.stack) unless
# BENCH_SERVICE_URL names a running service, in which case BENCH_JDBC_URL (or
# QUARKUS_DATASOURCE_JDBC_URL) must name its database. With BENCH_OUT set, also writes
# lifecycle-<N>.md and lifecycle-<N>.csv there (bench/README.md).
set -euo pipefail
if [[ -n ${BENCH_OUT:-} ]]; then export BENCH_OUT=$(realpath -m "$BENCH_OUT"); fi # before the cd
cd "$(dirname "$0")/.."
export BENCH_QUICK=
if [[ ${1:-} == --quick ]]; then
  BENCH_QUICK=1
  shift
fi
n=${1:-$([[ -n $BENCH_QUICK ]] && echo 10000 || echo 100000)}

source bench/stack.sh
build_bench

if [[ -z ${BENCH_SERVICE_URL:-} ]]; then
  start_stack bench/.stack "${BENCH_HTTP_PORT:-18080}" # not 8080: a developer's run-local.sh can keep running
  export BENCH_THROWAWAY=1 # no need to delete the rows at the end
else
  use_running_service
fi
export BENCH_TIMEOUT_UNIT=${ORCHESTRATOR_LIFECYCLE_TIMEOUT_UNIT:-MINUTES}
run_harness LifecycleSweep "$n"
