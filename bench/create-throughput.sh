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
cd "$(dirname "$0")/.."
arg=${1:-20}

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
  data=target/bench-create
  port=${BENCH_HTTP_PORT:-18100} # beside 8080 (a developer's run) and the other benchmarks' ports
  url=http://127.0.0.1:$port
  ready_at=
  for attempt in 1 2 3; do # another stack starting at the same moment can take a port first
    rm -rf "$data" # a fresh database and Kafka log every run
    mkdir -p "$data"
    echo "Starting PostgreSQL, Kafka and the service (builds first if needed; log: $data/stack.log)..."
    LOCAL_STACK_DATA=$data QUARKUS_HTTP_PORT=$port bash deployment/run-local.sh >"$data/stack.log" 2>&1 &
    stack=$!
    # The launcher prints its summary just before it starts the service's JVM: from then on, poll
    # readiness often, since the moment it first answers 200 is the start-up figure.
    for ((waited = 0; waited < 600; waited++)); do # a first build included
      if grep -q '^Service ' "$data/stack.log" || ! kill -0 "$stack" 2>/dev/null; then
        break
      fi
      sleep 1
    done
    for ((polls = 0; polls < 6000; polls++)); do
      if curl -sf -o /dev/null --max-time 1 "$url/q/health/ready"; then
        ready_at=$(date +%s.%N)
        break
      fi
      kill -0 "$stack" 2>/dev/null || break
      sleep 0.05
    done
    if [[ -n $ready_at ]]; then
      break
    fi
    if kill -0 "$stack" 2>/dev/null; then
      echo "The service did not get ready within 5 minutes; see $data/stack.log"
      exit 1
    fi
    wait "$stack" || true
    stack=
    # A port race: ours taken, or another stack's PostgreSQL answering on the port we were given.
    grep -m1 -E 'Address already in use|Could not create database' "$data/stack.log" ||
      { tail -30 "$data/stack.log"; exit 1; }
    ((attempt < 3)) || exit 1
    echo "A port was taken while starting; again..."
  done
  # The launcher prints the database it uses (its own, or the one QUARKUS_DATASOURCE_* names).
  summary=$(grep '^PostgreSQL  jdbc:' "$data/stack.log")
  export BENCH_JDBC_URL=$(sed -E 's/^PostgreSQL  (jdbc:[^ ]+).*/\1/' <<<"$summary")
  export BENCH_DB_USER=$(sed -E 's/.*\(user ([^,]+),.*/\1/' <<<"$summary")
  export BENCH_DB_PASSWORD=$(sed -E 's/.*, password (.*)\)$/\1/' <<<"$summary")
  export BENCH_SERVICE_URL=$url
  export BENCH_STACK_PID=$stack # the harness finds the service's process under it
  export BENCH_PG_PID=$(head -1 "$data/postgres/postmaster.pid" 2>/dev/null || echo 0)
  export BENCH_STACK_LOG=$data/stack.log BENCH_READY_AT=$ready_at
  export BENCH_THROWAWAY=1 # the harness leaves its rows: the stack and its data are discarded
else
  export BENCH_JDBC_URL=${BENCH_JDBC_URL:-${QUARKUS_DATASOURCE_JDBC_URL:?set BENCH_JDBC_URL}}
  export BENCH_DB_USER=${BENCH_DB_USER:-${QUARKUS_DATASOURCE_USERNAME:-postgres}}
  export BENCH_DB_PASSWORD=${BENCH_DB_PASSWORD:-${QUARKUS_DATASOURCE_PASSWORD:-postgres}}
  if [[ ! -f target/local-stack.classpath ]]; then # the harness needs JDBC and Vert.x from it
    ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/local-stack.classpath
  fi
fi
# pgbench from PATH, else the newest PostgreSQL client installed; none: the harness uses JDBC.
if [[ -z ${BENCH_PGBENCH:-} ]]; then
  BENCH_PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1 || true)
fi
export BENCH_PGBENCH
[[ -n $BENCH_PGBENCH ]] || echo "Note: pgbench not found; the database figures come from JDBC clients instead."
export BENCH_GIT=$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+changes')

java=java
if [[ -n ${JAVA_HOME:-} ]]; then java=$JAVA_HOME/bin/java; fi
"$java" -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$(cat target/local-stack.classpath)" \
  bench/CreateThroughput.java "$arg"
