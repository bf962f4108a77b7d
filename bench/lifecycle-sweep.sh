#!/usr/bin/env bash
# Lifecycle sweep benchmark (bench/README.md): N conversations (default 100000) fall due at one
# instant; how fast does the running service close them, and how fast could PostgreSQL alone?
# Usage: bench/lifecycle-sweep.sh [--quick] [N]; --quick: N = 10000 and a small warm-up. Starts a
# throw-away PostgreSQL + Kafka + service (via deployment/run-local.sh, data in bench/.stack) unless
# BENCH_SERVICE_URL names a running service, in which case BENCH_JDBC_URL (or
# QUARKUS_DATASOURCE_JDBC_URL) must name its database. With BENCH_OUT set, also writes
# lifecycle-<N>.md and lifecycle-<N>.csv there (bench/README.md).
set -euo pipefail
source "$(dirname "$0")/stack.sh"
if [[ -n $BENCH_QUICK ]]; then shift; fi
n=${1:-$([[ -n $BENCH_QUICK ]] && echo 10000 || echo 100000)}

# Not 8080: a developer's run-local.sh can keep running.
stack_or_service bench/.stack "${BENCH_HTTP_PORT:-18080}"
if [[ -n $stack ]]; then export BENCH_THROWAWAY=1; fi # no need to delete the rows at the end
export BENCH_TIMEOUT_UNIT=${ORCHESTRATOR_LIFECYCLE_TIMEOUT_UNIT:-MINUTES}
run_harness LifecycleSweep "$n"
