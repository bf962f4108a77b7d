#!/usr/bin/env bash
# Status callback delivery benchmark (bench/README-callbacks.md): N due deliveries (default 20000)
# to a healthy local sink, alone and beside a hanging endpoint; deliveries/s, latency, and the
# sink's own ceiling. Usage: bench/callbacks.sh [--quick] [N]; --quick: N = 5000 and a small
# warm-up. Starts a throw-away PostgreSQL + Kafka + service (via deployment/run-local.sh, data in
# target/bench-callbacks, HTTP port 18090) unless BENCH_SERVICE_URL names a running service, in
# which case BENCH_JDBC_URL (or QUARKUS_DATASOURCE_JDBC_URL) must name its database and the service
# must allow loopback targets. With BENCH_OUT set, also writes callbacks.md and callbacks.csv there.
set -euo pipefail
source "$(dirname "$0")/stack.sh"
if [[ -n $BENCH_QUICK ]]; then shift; fi
n=${1:-$([[ -n $BENCH_QUICK ]] && echo 5000 || echo 20000)}

# Loopback targets are refused unless allowed: the sink runs on this machine. Port: not 8080 (a
# developer's run) nor the other benchmarks'.
export ORCHESTRATOR_CALLBACKS_ALLOW_PRIVATE_TARGETS=${ORCHESTRATOR_CALLBACKS_ALLOW_PRIVATE_TARGETS:-true}
stack_or_service target/bench-callbacks "${BENCH_HTTP_PORT:-18090}"
run_harness CallbackDelivery "$n"
