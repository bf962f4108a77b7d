#!/usr/bin/env bash
# Runs one fault drill (drills/README.md): drills/drill.sh <DrillClass> [--quick].
# Builds the service jar and the test classes first when any source is newer, like run-local.sh.
# Needs only a JDK 17+; PostgreSQL and Kafka are started by the drill itself, in target/drills/.
set -euo pipefail
cd "$(dirname "$0")/.."
drill=${1:?usage: drills/drill.sh <DrillClass> [--quick]}
shift

classpath_file=target/local-stack.classpath
if [[ ! -f target/quarkus-app/quarkus-run.jar || ! -f $classpath_file ]] ||
  [[ -n $(find src pom.xml -newer "$classpath_file" -print -quit) ]]; then
  echo "Building the service and the drills (./mvnw package -DskipTests)..."
  ./mvnw -q -B -ntp package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
  touch "$classpath_file"
fi

java=java
if [[ -n ${JAVA_HOME:-} ]]; then java=$JAVA_HOME/bin/java; fi
exec "$java" -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  "io.conversationorchestrator.drills.$drill" "$@"
