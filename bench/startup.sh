#!/usr/bin/env bash
# Start-up and idle footprint of the service, variants compared back-to-back in one run.
# Usage: bench/startup.sh [-n K] [NAME=JVM-OPTIONS ...]
# Starts PostgreSQL + Kafka once (deployment/run-local.sh with LOCAL_STACK_SERVICE=none, data in
# target/bench-startup, wiped), then for K rounds starts the service once per variant, in turn
# (so a load change on the machine touches every variant alike), and reports the median of: JVM
# process start → /q/health/ready answers 200, Quarkus' "started in", and after a settle (default
# 15 s, STARTUP_SETTLE) VmRSS, threads, heap used and committed, metaspace used. A variant is
# NAME=OPTIONS: JVM options as in run-local.sh; a `java=PATH` word picks another java (default:
# JAVA_HOME's or PATH's), an `app=DIR` word another build of the fast-jar (default
# target/quarkus-app; the JVM runs in that directory, as the launchers do, for the CDS archive),
# a NAME=VALUE word (upper case) an environment variable. Without variants: `default`, the options run-local.sh gives the service.
# One unmeasured start first applies the migrations to the fresh database. The table is printed
# and appended to bench/results/startup-<date>.md.
set -euo pipefail
source "$(dirname "$0")/stack.sh"
rounds=5
if [[ ${1:-} == -n ]]; then
  rounds=$2
  shift 2
fi
variants=("$@")
if ((${#variants[@]} == 0)); then
  variants=("default=$(bash deployment/run-local.sh --print-java-opts)")
fi
settle=${STARTUP_SETTLE:-15}
port=${BENCH_HTTP_PORT:-18150}
data=target/bench-startup
java_default=java
if [[ -n ${JAVA_HOME:-} ]]; then java_default=$JAVA_HOME/bin/java; fi

rm -rf "$data"
mkdir -p "$data"
echo "Starting PostgreSQL and Kafka (log: $data/stack.log)..."
LOCAL_STACK_DATA=$data LOCAL_STACK_SERVICE=none bash deployment/run-local.sh >"$data/stack.log" 2>&1 &
stack=$! # stack.sh's exit trap stops it
for ((waited = 0; waited < 600; waited++)); do
  [[ -f $data/service.env ]] && break
  kill -0 "$stack" 2>/dev/null || { tail -30 "$data/stack.log"; exit 1; }
  sleep 1
done
set -a
source "$data/service.env"
set +a
export QUARKUS_HTTP_PORT=$port

# start_once NAME OPTIONS LOG: prints "ready_s started_s rss_mib threads heap_used heap_committed
# metaspace cpu_s" (MiB; cpu_s: the JVM's user+system CPU seconds until ready, which a busy machine
# inflates far less than the wall time) for one start of the service.
start_once() {
  local opts=() java=$java_default app=target/quarkus-app word log vars=()
  for word in $2; do
    case $word in
      java=*) java=${word#java=} ;;
      app=*) app=${word#app=} ;;
      [A-Z_]*=*) vars+=("$word") ;;
      *) opts+=("$word") ;;
    esac
  done
  log=$(realpath "$3")
  local t0 t1 pid
  t0=$(date +%s.%N)
  (cd "$app" && exec env "${vars[@]}" "$java" "${opts[@]}" -jar quarkus-run.jar) >"$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "the service ended; see $3" >&2; tail -20 "$3" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s.%N)
  local ticks cpu
  ticks=$(sed 's/.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }') # utime + stime
  cpu=$(bc -l <<<"$ticks / $(getconf CLK_TCK)" | xargs printf '%.2f')
  sleep "$settle"
  local rss threads metrics
  rss=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
  threads=$(awk '/^Threads:/ { print $2 }' "/proc/$pid/status")
  metrics=$(curl -sf "http://127.0.0.1:$port/q/metrics" || true)
  kill -TERM "$pid"
  wait "$pid" || true
  local started
  started=$(grep -oE 'started in [0-9.]+s' "$3" | grep -oE '[0-9.]+' | head -1)
  mib() { # sum of the samples of metric $1 whose labels match $2
    awk -v m="$1" -v l="$2" 'index($0, m "{") == 1 && $0 ~ l { s += $NF } END { printf "%.0f", s / 1048576 }' <<<"$metrics"
  }
  echo "$(bc -l <<<"$t1 - $t0" | xargs printf '%.2f') ${started:-?} $rss $threads" \
    "$(mib jvm_memory_used_bytes 'area="heap"') $(mib jvm_memory_committed_bytes 'area="heap"')" \
    "$(mib jvm_memory_used_bytes 'id="Metaspace"') $cpu"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Migrating the fresh database (one start, not measured)..."
start_once warm-up "${variants[0]#*=}" "$data/warm-up.log" >/dev/null
for ((round = 1; round <= rounds; round++)); do
  for v in "${variants[@]}"; do
    name=${v%%=*}
    figures=$(start_once "$name" "${v#*=}" "$data/$name-$round.log")
    echo "round $round  $name  $figures"
    echo "$figures" >>"$data/$name.figures"
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

table=$(
  echo "## Start-up and idle footprint ($(date -u +%Y-%m-%dT%H:%M:%SZ), git $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo '+changes'))"
  echo
  echo "Median of $rounds starts per variant, in turn; settle ${settle} s; load average before $load_before, after $load_after; $(nproc) cores."
  echo
  echo '| variant | start → ready (s) | CPU until ready (s) | "started in" (s) | RSS idle (MiB) | threads | heap used / committed (MiB) | metaspace (MiB) | JVM options |'
  echo '|---|---|---|---|---|---|---|---|---|'
  for v in "${variants[@]}"; do
    name=${v%%=*}
    col() { awk -v c="$1" '{ print $c }' "$data/$name.figures" | median; }
    echo "| $name | $(col 1) | $(col 8) | $(col 2) | $(col 3) | $(col 4) | $(col 5) / $(col 6) | $(col 7) | \`${v#*=}\` |"
  done
)
echo
echo "$table"
mkdir -p bench/results
printf '%s\n\n' "$table" >>"bench/results/startup-$(date +%F).md"
