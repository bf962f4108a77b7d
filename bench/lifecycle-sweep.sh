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
  data=bench/.stack
  port=${BENCH_HTTP_PORT:-18080} # not 8080, so a developer's own run-local.sh can keep running
  for attempt in 1 2 3; do # another stack starting at the same moment can take a port first
    rm -rf "$data" # a fresh database and Kafka log every run: no bloat or backlog from earlier runs
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
  # The launcher prints the database it uses (its own, or the one QUARKUS_DATASOURCE_* names).
  summary=$(grep '^PostgreSQL  jdbc:' "$data/stack.log")
  export BENCH_JDBC_URL=$(sed -E 's/^PostgreSQL  (jdbc:[^ ]+).*/\1/' <<<"$summary")
  export BENCH_DB_USER=$(sed -E 's/.*\(user ([^,]+),.*/\1/' <<<"$summary")
  export BENCH_DB_PASSWORD=$(sed -E 's/.*, password (.*)\)$/\1/' <<<"$summary")
  export BENCH_SERVICE_URL=http://127.0.0.1:$port
  export BENCH_STACK_PID=$stack # the harness finds the service's process under it, for RSS
  export BENCH_THROWAWAY=1 # no need to delete the rows at the end
  export BENCH_PG_PID=$(head -1 "$data/postgres/postmaster.pid" 2>/dev/null || echo 0)
else
  export BENCH_JDBC_URL=${BENCH_JDBC_URL:-${QUARKUS_DATASOURCE_JDBC_URL:?set BENCH_JDBC_URL}}
  export BENCH_DB_USER=${BENCH_DB_USER:-${QUARKUS_DATASOURCE_USERNAME:-postgres}}
  export BENCH_DB_PASSWORD=${BENCH_DB_PASSWORD:-${QUARKUS_DATASOURCE_PASSWORD:-postgres}}
  if [[ ! -f target/local-stack.classpath ]]; then # the harness needs the JDBC driver from it
    ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/local-stack.classpath
  fi
fi
export BENCH_TIMEOUT_UNIT=${ORCHESTRATOR_LIFECYCLE_TIMEOUT_UNIT:-MINUTES}
export BENCH_GIT=$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+changes')

java=java
if [[ -n ${JAVA_HOME:-} ]]; then java=$JAVA_HOME/bin/java; fi
"$java" -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$(cat target/local-stack.classpath)" bench/LifecycleSweep.java "$n"
