# Sourced by the benchmark scripts (source "$(dirname "$0")/stack.sh", with their arguments in
# place): goes to the project root, builds the harnesses when needed, sets BENCH_QUICK=1 when the
# first argument is --quick (the caller shifts it off), and provides a throw-away PostgreSQL +
# Kafka + service for one run, or a service that is already running, and the harness launcher.

if [[ -n ${BENCH_OUT:-} ]]; then export BENCH_OUT=$(realpath -m "$BENCH_OUT"); fi # before the cd
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export BENCH_QUICK=
if [[ ${1:-} == --quick ]]; then BENCH_QUICK=1; fi

stack=
stop_stack() {
  if [[ -n $stack ]] && kill -0 "$stack" 2>/dev/null; then
    echo "Stopping the stack..."
    kill -INT "$stack" # run-local.sh stops the app, Kafka and PostgreSQL in that order
    wait "$stack" || true
  fi
}
trap stop_stack EXIT

# build_bench: compiles the harnesses (src/bench/java, Maven profile bench) into
# target/bench-classes when a source or the pom is newer than the last build.
build_bench() {
  local stamp=target/bench-classes/.built
  if [[ ! -f $stamp ]] || [[ -n $(find src/bench pom.xml -newer "$stamp" -print -quit) ]]; then
    echo "Building the benchmarks (./mvnw -Pbench compiler:testCompile@bench)..."
    ./mvnw -q -B -ntp -Pbench compiler:testCompile@bench
    touch "$stamp"
  fi
}

# stack_or_service DATA_DIR PORT: start_stack, unless BENCH_SERVICE_URL names a running service.
stack_or_service() {
  if [[ -z ${BENCH_SERVICE_URL:-} ]]; then
    start_stack "$@"
  else
    use_running_service
  fi
}

# start_stack DATA_DIR PORT: starts deployment/run-local.sh with its data in DATA_DIR (wiped: a
# fresh database and Kafka log every run) and the service on PORT, waits until it is ready, and
# exports what the harnesses read: BENCH_JDBC_URL, BENCH_DB_USER, BENCH_DB_PASSWORD, BENCH_KAFKA,
# BENCH_SERVICE_URL, BENCH_STACK_PID (the harness finds the service and Kafka under it),
# BENCH_PG_PID, BENCH_STACK_LOG and BENCH_READY_AT (epoch seconds when readiness first answered
# 200: the launcher logs the start of the service's JVM, so this gives the start-up time). Settings
# of the service come from the caller's environment.
start_stack() {
  local data=$1 port=$2 ready_at=
  for attempt in 1 2 3; do # another stack starting at the same moment can take a port first
    rm -rf "$data"
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
      if curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$port/q/health/ready"; then
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
  export BENCH_STACK_LOG=$data/stack.log BENCH_READY_AT=$ready_at
}

# use_running_service: BENCH_SERVICE_URL names a service; its database comes from BENCH_JDBC_URL
# or the service's own QUARKUS_DATASOURCE_* variables.
use_running_service() {
  export BENCH_JDBC_URL=${BENCH_JDBC_URL:-${QUARKUS_DATASOURCE_JDBC_URL:?set BENCH_JDBC_URL}}
  export BENCH_DB_USER=${BENCH_DB_USER:-${QUARKUS_DATASOURCE_USERNAME:-postgres}}
  export BENCH_DB_PASSWORD=${BENCH_DB_PASSWORD:-${QUARKUS_DATASOURCE_PASSWORD:-postgres}}
}

# run_harness CLASS ARGS...: io.conversationorchestrator.bench.CLASS, compiled by build_bench, on
# the test classpath (JDBC, Kafka, Vert.x, XChart); JVM options from BENCH_JVM_OPTS.
run_harness() {
  local class=$1
  shift
  if [[ ! -f target/local-stack.classpath ]]; then # written by run-local.sh or run-all.sh
    ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/local-stack.classpath
  fi
  export BENCH_GIT=$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+changes')
  local java=java
  if [[ -n ${JAVA_HOME:-} ]]; then java=$JAVA_HOME/bin/java; fi
  # shellcheck disable=SC2086 # BENCH_JVM_OPTS: words
  "$java" -Djava.util.logging.manager=org.jboss.logmanager.LogManager ${BENCH_JVM_OPTS:-} \
    -cp "target/bench-classes:$(cat target/local-stack.classpath)" \
    "io.conversationorchestrator.bench.$class" "$@"
}

build_bench
