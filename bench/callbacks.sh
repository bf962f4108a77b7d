#!/usr/bin/env bash
# Status callback delivery benchmark (bench/README-callbacks.md): N due deliveries (default 20000)
# to a healthy local sink, alone and beside a hanging endpoint; deliveries/s, latency, and the
# sink's own ceiling. Usage: bench/callbacks.sh [--quick] [N]; --quick: N = 5000 and a small
# warm-up. Starts a throw-away PostgreSQL + Kafka + service (via deployment/run-local.sh, data in
# target/bench-callbacks, HTTP port 18090) unless BENCH_SERVICE_URL names a running service, in
# which case BENCH_JDBC_URL (or QUARKUS_DATASOURCE_JDBC_URL) must name its database and the service
# must allow loopback targets. With BENCH_OUT set, also writes callbacks.md and callbacks.csv there.
set -euo pipefail
if [[ -n ${BENCH_OUT:-} ]]; then export BENCH_OUT=$(realpath -m "$BENCH_OUT"); fi # before the cd
cd "$(dirname "$0")/.."
export BENCH_QUICK=
if [[ ${1:-} == --quick ]]; then
  BENCH_QUICK=1
  shift
fi
n=${1:-$([[ -n $BENCH_QUICK ]] && echo 5000 || echo 20000)}

source bench/stack.sh
build_bench

if [[ -z ${BENCH_SERVICE_URL:-} ]]; then
  # Loopback targets are refused unless allowed: the sink runs on this machine. Port: not 8080 (a
  # developer's run) nor the other benchmarks'.
  export ORCHESTRATOR_CALLBACKS_ALLOW_PRIVATE_TARGETS=true
  start_stack target/bench-callbacks "${BENCH_HTTP_PORT:-18090}"
else
  use_running_service
fi
run_harness CallbackDelivery "$n"
