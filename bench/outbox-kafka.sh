#!/usr/bin/env bash
# Outbox → Kafka benchmark (bench/README-outbox.md): N outbox rows (default 200000) shaped like a
# real conversation's events; how fast does the running service's relay publish them with acks=all,
# against Kafka's ProducerPerformance on the same broker? Usage: bench/outbox-kafka.sh [--quick | N].
# Starts a throw-away PostgreSQL + Kafka + service (via deployment/run-local.sh, data in
# target/bench-outbox, HTTP port 18110) unless BENCH_SERVICE_URL names a running service, in which
# case BENCH_JDBC_URL (or QUARKUS_DATASOURCE_JDBC_URL) and BENCH_KAFKA (or KAFKA_BOOTSTRAP_SERVERS)
# must name its database and broker.
set -euo pipefail
source "$(dirname "$0")/stack.sh"
if [[ -n $BENCH_QUICK ]]; then # a smoke-size run: about two minutes with the stack's start
  n=20000
  export BENCH_WARMUP=${BENCH_WARMUP:-5000}
else
  n=${1:-200000}
fi

stack_or_service target/bench-outbox "${BENCH_HTTP_PORT:-18110}" # not 8080 nor the others' ports
if [[ -z $stack ]]; then export BENCH_KAFKA=${BENCH_KAFKA:-${KAFKA_BOOTSTRAP_SERVERS:?set BENCH_KAFKA}}; fi
run_harness OutboxKafka "$n"
