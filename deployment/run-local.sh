#!/usr/bin/env bash
# Runs the service on http://localhost:8080 with its own PostgreSQL and Kafka (data kept in .local/).
# Needs only a JDK 17+. PostgreSQL or Kafka is not started when QUARKUS_DATASOURCE_REACTIVE_URL or
# KAFKA_BOOTSTRAP_SERVERS is set. Arguments go to the application. Ctrl-C stops everything.
set -euo pipefail

# A script started in the background by another script inherits SIGINT ignored, and bash cannot
# trap an ignored signal: run again with SIGINT restored, so that `kill -INT` works like Ctrl-C.
if [[ -z ${RUN_LOCAL_SIGINT_RESTORED:-} ]] && env --default-signal=INT true 2>/dev/null; then
  RUN_LOCAL_SIGINT_RESTORED=1 exec env --default-signal=INT bash "$0" "$@"
fi
cd "$(dirname "$0")/.."

# The service's JVM options, as in the image (pom.xml's Jib JAVA_TOOL_OPTIONS, deployment/Dockerfile)
# and sized like a pod of k8s/base: heap 75% of its 768 MiB memory limit, and the serial collector,
# which the JVM picks there by itself (one CPU). Without MaxRAM the heap would follow this machine's
# RAM, and G1's own structures alone take ~40 MiB: idle RSS ~330 MiB instead of ~280 (bench/startup.sh).
# SERVICE_JAVA_OPTS replaces them; --print-java-opts prints them.
service_java_opts=${SERVICE_JAVA_OPTS--XX:MaxRAM=768m -XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
if [[ ${1:-} == --print-java-opts ]]; then
  echo "$service_java_opts"
  exit 0
fi
export LOCAL_STACK_JAVA_OPTS=$service_java_opts

classpath_file=target/local-stack.classpath
# (Re)build when the jar or the launcher's classpath is missing or any source is newer (the
# benchmarks in src/bench are built by bench/stack.sh).
if [[ ! -f target/quarkus-app/quarkus-run.jar || ! -f $classpath_file ]] ||
  [[ -n $(find src pom.xml -path src/bench -prune -o -newer "$classpath_file" -print -quit) ]]; then
  echo "Building the service (./mvnw package -DskipTests)..."
  ./mvnw -q -B -ntp package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
  touch "$classpath_file"
fi

java=java
if [[ -n ${JAVA_HOME:-} ]]; then java=$JAVA_HOME/bin/java; fi

# The launcher runs in its own session so that Ctrl-C reaches only this script, which asks the
# launcher to stop; the launcher then stops the app, Kafka and PostgreSQL in that order. (Signalled
# by the terminal too, the app would be stopping while Kafka already is, not before it.)
setsid "$java" -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  io.conversationorchestrator.testing.LocalStack "$@" &
launcher=$!
interrupted=
trap 'interrupted=1; kill -TERM "$launcher" 2>/dev/null || true' INT TERM HUP
status=0
wait "$launcher" || status=$?
if [[ -n $interrupted ]]; then # wait for the launcher's clean-up, then exit as interrupted
  wait "$launcher" || true
  exit 130
fi
exit "$status"
