#!/usr/bin/env bash
# Runs every benchmark in turn and writes bench/results/<name>.md with their tables and plots
# (bench/README.md). Usage: bench/run-all.sh [--quick]. Needs a JDK 17+ and curl (pgbench optional).
# <name> is today's date (yyyy-mm-dd, with -quick for --quick runs); when that name is taken,
# -2, -3... is added: earlier results are never overwritten. Each benchmark starts and stops its
# own throw-away PostgreSQL + Kafka + service; one that is missing or fails is reported as such in
# the results and the others still run. Exit status 1 when any failed.
set -uo pipefail # no -e: a failing benchmark must not stop the others
cd "$(dirname "$0")/.."
quick=
if [[ ${1:-} == --quick ]]; then quick=--quick; fi

name=$(date +%F)${quick:+-quick}
for ((k = 2; ; k++)); do
  [[ -e bench/results/$name || -e bench/results/$name.md ]] || break
  name=$(date +%F)${quick:+-quick}-$k
done
out=$PWD/bench/results/$name
mkdir -p "$out/logs" # logs/*.log are not committed (.gitignore): failures are quoted in the report
export BENCH_OUT=$out
trap 'echo "Interrupted."; exit 130' INT TERM

git=$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+changes')
{
  echo "started=$(date +%s)"
  echo "quick=${quick:+1}"
  echo "git=$git"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg | sed 's| | / |g')"
} >"$out/run.properties"
: >"$out/runs.tsv"
echo "Results go to bench/results/$name.md and bench/results/$name/"

# Once for all: each script's run-local.sh builds only when a source is newer than the classpath.
echo "Building the service and the benchmarks once (./mvnw -Pbench package -DskipTests)..."
if ! ./mvnw -q -B -ntp -Pbench package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/local-stack.classpath >"$out/logs/build.log" 2>&1; then
  tail -40 "$out/logs/build.log"
  echo "The build failed: nothing was measured (log: $out/logs/build.log)."
  exit 1
fi
touch target/local-stack.classpath target/bench-classes/.built
source bench/stack.sh # run_harness, for the report

failed=0
# One benchmark: its label (the section it writes, or create for create + footprint), its script
# and arguments. Output goes to the terminal and to logs/<label>.log.
bench() {
  local label=$1 script=bench/$2 status start=$SECONDS
  shift 2
  if [[ ! -f $script ]]; then
    status="not present"
    echo "== $label: $script is not present"
  else
    echo "== $label: bash $script $* (log: bench/results/$name/logs/$label.log)"
    # tee ignores Ctrl-C, so that the script's clean-up (stopping its stack) can still write.
    bash "$script" "$@" 2>&1 | (trap '' INT && exec tee "$out/logs/$label.log")
    local code=${PIPESTATUS[0]}
    if ((code == 0)); then status=ok; else status="failed (exit $code)"; fi
  fi
  [[ $status == ok ]] || failed=1
  printf '%s\t%s\t%s\t%s\n' "$label" "bash $script${*:+ $*}" "$status" $((SECONDS - start)) >>"$out/runs.tsv"
}

if [[ -n $quick ]]; then
  bench create create-throughput.sh --quick
  bench outbox-kafka outbox-kafka.sh --quick
  bench lifecycle-10000 lifecycle-sweep.sh --quick 10000
  bench lifecycle-50000 lifecycle-sweep.sh --quick 50000
  export BENCH_SPREAD_SECONDS=60 # deadlines spread over a minute: CPU per transition and lateness
  bench lifecycle-10000-spread60 lifecycle-sweep.sh --quick 10000
  unset BENCH_SPREAD_SECONDS
  bench callbacks callbacks.sh --quick
else
  bench create create-throughput.sh
  bench outbox-kafka outbox-kafka.sh
  bench lifecycle-100000 lifecycle-sweep.sh 100000
  bench lifecycle-1000000 lifecycle-sweep.sh 1000000
  export BENCH_SPREAD_SECONDS=60 # deadlines spread over a minute: CPU per transition and lateness
  bench lifecycle-100000-spread60 lifecycle-sweep.sh 100000
  unset BENCH_SPREAD_SECONDS
  bench callbacks callbacks.sh
fi

{
  echo "finished=$(date +%s)"
  echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg | sed 's| | / |g')"
} >>"$out/run.properties"
BENCH_JVM_OPTS=-Djava.awt.headless=true run_harness Report "$out" || failed=1
if ((failed)); then
  echo "Some benchmarks failed or are missing: see bench/results/$name.md"
fi
exit $failed
