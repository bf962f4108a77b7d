# Sourced by the benchmark scripts: a throw-away PostgreSQL + Kafka + service for one run, or a
# service that is already running, and the harness launcher. Expects to run from the project root.

stack=
stop_stack() {
  if [[ -n $stack ]] && kill -0 "$stack" 2>/dev/null; then
    echo "Stopping the stack..."
    kill -INT "$stack" # run-local.sh stops the app, Kafka and PostgreSQL in that order
    wait "$stack" || true
  fi
}
trap stop_stack EXIT

# start_stack DATA_DIR PORT: starts deployment/run-local.sh with its data in DATA_DIR (wiped: a
# fresh database and Kafka log every run) and the service on PORT, waits until it listens, and
# exports what the harnesses read: BENCH_JDBC_URL, BENCH_DB_USER, BENCH_DB_PASSWORD, BENCH_KAFKA,
# BENCH_SERVICE_URL, BENCH_STACK_PID (the harness finds the service and Kafka under it) and
# BENCH_PG_PID. Settings of the service come from the caller's environment.
start_stack() {
  local data=$1 port=$2
  for attempt in 1 2 3; do # another stack starting at the same moment can take a port first
    rm -rf "$data"
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
  local summary
  summary=$(grep '^PostgreSQL  jdbc:' "$data/stack.log")
  export BENCH_JDBC_URL=$(sed -E 's/^PostgreSQL  (jdbc:[^ ]+).*/\1/' <<<"$summary")
  export BENCH_DB_USER=$(sed -E 's/.*\(user ([^,]+),.*/\1/' <<<"$summary")
  export BENCH_DB_PASSWORD=$(sed -E 's/.*, password (.*)\)$/\1/' <<<"$summary")
  export BENCH_KAFKA=$(sed -nE 's/^Kafka +([^ ]+).*/\1/p' "$data/stack.log" | head -1)
  export BENCH_SERVICE_URL=http://127.0.0.1:$port
  export BENCH_STACK_PID=$stack
  export BENCH_PG_PID=$(head -1 "$data/postgres/postmaster.pid" 2>/dev/null || echo 0)
}

# use_running_service: BENCH_SERVICE_URL names a service; its database comes from BENCH_JDBC_URL
# or the service's own QUARKUS_DATASOURCE_* variables.
use_running_service() {
  export BENCH_JDBC_URL=${BENCH_JDBC_URL:-${QUARKUS_DATASOURCE_JDBC_URL:?set BENCH_JDBC_URL}}
  export BENCH_DB_USER=${BENCH_DB_USER:-${QUARKUS_DATASOURCE_USERNAME:-postgres}}
  export BENCH_DB_PASSWORD=${BENCH_DB_PASSWORD:-${QUARKUS_DATASOURCE_PASSWORD:-postgres}}
  if [[ ! -f target/local-stack.classpath ]]; then # the harness needs JDBC and Kafka from it
    ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/local-stack.classpath
  fi
}

# run_harness FILE.java ARGS...: the single-file harness on the test classpath.
run_harness() {
  export BENCH_GIT=$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+changes')
  local java=java
  if [[ -n ${JAVA_HOME:-} ]]; then java=$JAVA_HOME/bin/java; fi
  "$java" -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "$(cat target/local-stack.classpath)" "$@"
}
