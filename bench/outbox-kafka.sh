#!/usr/bin/env bash
# Outbox → Kafka benchmark (bench/README-outbox.md): N outbox rows (default 200000) shaped like a
# real conversation's events; how fast does the running service's relay publish them with acks=all,
# against Kafka's ProducerPerformance on the same broker? Usage: bench/outbox-kafka.sh [--quick | N].
# Starts a throw-away PostgreSQL + Kafka + service (via deployment/run-local.sh, data in
# target/bench-outbox, HTTP port 18110) unless BENCH_SERVICE_URL names a running service, in which
# case BENCH_JDBC_URL (or QUARKUS_DATASOURCE_JDBC_URL) and BENCH_KAFKA (or KAFKA_BOOTSTRAP_SERVERS)
# must name its database and broker.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ${1:-} == --quick ]]; then # a smoke-size run: about two minutes with the stack's start
  n=20000
  export BENCH_WARMUP=${BENCH_WARMUP:-5000}
else
  n=${1:-200000}
fi

stack=
stop_stack() {
  if [[ -n $stack ]] && kill -0 "$stack" 2>/dev/null; then
    echo "Stopping the stack..."
    kill -INT "$stack" # run-local.sh stops the app, Kafka and PostgreSQL in that order
    wait "$stack" || true
  fi
}
trap stop_stack EXIT

if [[ -z ${BENCH_SERVICE_URL:-} ]]; then
  data=target/bench-outbox
  port=${BENCH_HTTP_PORT:-18110} # not 8080 (a developer's run) nor the other benchmarks' ports
  for attempt in 1 2 3; do # another stack starting at the same moment can take a port first
    rm -rf "$data" # a fresh database and Kafka log every run
    mkdir -p "$data"
    echo "Starting PostgreSQL, Kafka and the service (builds first if needed; log: $data/stack.log)..."
    LOCAL_STACK_DATA=$data QUARKUS_HTTP_PORT=$port bash deployment/run-local.sh >"$data/stack.log" 2>&1 &
    stack=$!
    for ((waited = 0; waited < 600; waited++)); do # a first build included
      if grep -q 'Listening on' "$data/stack.log" || ! kill -0 "$stack" 2>/dev/null; then
        break
      fi
      sleep 1
    done
    if kill -0 "$stack" 2>/dev/null; then
      break
    fi
    wait "$stack" || true
    stack=
    grep -m1 'Address already in use' "$data/stack.log" || { tail -30 "$data/stack.log"; exit 1; }
    ((attempt < 3)) || exit 1
    echo "A port was taken while starting; again..."
  done
  # The launcher prints the database and broker it uses (its own, or those the environment names).
  summary=$(grep '^PostgreSQL  jdbc:' "$data/stack.log")
  export BENCH_JDBC_URL=$(sed -E 's/^PostgreSQL  (jdbc:[^ ]+).*/\1/' <<<"$summary")
  export BENCH_DB_USER=$(sed -E 's/.*\(user ([^,]+),.*/\1/' <<<"$summary")
  export BENCH_DB_PASSWORD=$(sed -E 's/.*, password (.*)\)$/\1/' <<<"$summary")
  export BENCH_KAFKA=$(sed -nE 's/^Kafka +([^ ]+).*/\1/p' "$data/stack.log" | head -1)
  export BENCH_SERVICE_URL=http://127.0.0.1:$port
  export BENCH_STACK_PID=$stack # the harness finds the service and Kafka under it, for CPU figures
  export BENCH_PG_PID=$(head -1 "$data/postgres/postmaster.pid" 2>/dev/null || echo 0)
else
  export BENCH_JDBC_URL=${BENCH_JDBC_URL:-${QUARKUS_DATASOURCE_JDBC_URL:?set BENCH_JDBC_URL}}
  export BENCH_DB_USER=${BENCH_DB_USER:-${QUARKUS_DATASOURCE_USERNAME:-postgres}}
  export BENCH_DB_PASSWORD=${BENCH_DB_PASSWORD:-${QUARKUS_DATASOURCE_PASSWORD:-postgres}}
  export BENCH_KAFKA=${BENCH_KAFKA:-${KAFKA_BOOTSTRAP_SERVERS:?set BENCH_KAFKA}}
  if [[ ! -f target/local-stack.classpath ]]; then # the harness needs JDBC and Kafka from it
    ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/local-stack.classpath
  fi
fi
export BENCH_GIT=$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+changes')

java=java
if [[ -n ${JAVA_HOME:-} ]]; then java=$JAVA_HOME/bin/java; fi
"$java" -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$(cat target/local-stack.classpath)" \
  bench/OutboxKafka.java "$n"
