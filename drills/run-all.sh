#!/usr/bin/env bash
# Runs the fault drills (drills/README.md) and prints a summary; exit 1 when any failed.
# drills/run-all.sh [--quick] [--repeat N] [drill...]   (no drill named: every drill)
# Once: each drill's output is shown and goes to target/drills/<drill>.out.
# --repeat N: each drill N times in a row, a line per run and a total per drill; run i's output
# goes to target/drills/<drill>-<i>.out, and a failed run's service logs to <drill>-<i>.logs/.
set -uo pipefail
cd "$(dirname "$0")/.."
all=(kill-9 kafka-outage postgres-restart two-replicas callback-sinks)
options=()
repeat=0
drills=()
while (($#)); do
  case $1 in
    --quick) options+=("$1") ;;
    --repeat)
      repeat=${2:-}
      [[ $repeat =~ ^[1-9][0-9]*$ ]] || { echo "--repeat needs a count" >&2; exit 2; }
      shift ;;
    -*) echo "unknown option $1; usage: $0 [--quick] [--repeat N] [drill...]" >&2; exit 2 ;;
    *)
      [[ -f drills/$1.sh && " ${all[*]} " == *" $1 "* ]] || {
        echo "no drill $1; drills: ${all[*]}" >&2
        exit 2
      }
      drills+=("$1") ;;
  esac
  shift
done
((${#drills[@]})) || drills=("${all[@]}")
mkdir -p target/drills

# The drill's directory under target/drills/, named after its class in drills/<drill>.sh.
drill_class() {
  sed -n 's/.*drill\.sh" \([A-Za-z]*\).*/\1/p' "drills/$1.sh"
}

# Runs drill $1 once, its output to file $2 (and to the terminal when $3 is "show").
run_once() {
  if [[ $3 == show ]]; then
    bash "drills/$1.sh" "${options[@]}" 2>&1 | tee "$2"
  else
    bash "drills/$1.sh" "${options[@]}" >"$2" 2>&1
  fi
}

# Today's behaviour: every named drill once, its output shown, a summary at the end.
run_each_once() {
  local failed=0 summary=() drill started result
  for drill in "${drills[@]}"; do
    started=$SECONDS
    if run_once "$drill" "target/drills/$drill.out" show; then result=PASSED; else
      result=FAILED
      failed=1
    fi
    summary+=("$(printf '%-18s %s in %d s' "$drill" "$result" $((SECONDS - started)))")
  done
  printf '\n'
  printf '%s\n' "${summary[@]}"
  return $failed
}

# Drill $1, $repeat times: a line per run as it ends (a failed run's FAIL lines under it).
run_repeated() {
  local drill=$1 passed=0 failed=0 i started out
  for ((i = 1; i <= repeat; i++)); do
    started=$SECONDS
    out="target/drills/$drill-$i.out"
    if run_once "$drill" "$out" quiet; then
      passed=$((passed + 1))
      printf '%-18s run %d/%d PASSED in %d s\n' "$drill" "$i" "$repeat" $((SECONDS - started))
    else
      failed=$((failed + 1))
      printf '%-18s run %d/%d FAILED in %d s (%s)\n' "$drill" "$i" "$repeat" \
        $((SECONDS - started)) "$out"
      grep -E '^(FAIL|Exception|Caused by)' "$out" | sed 's/^/    /'
      keep_logs "$drill" "$i"
    fi
  done
  totals+=("$drill: $passed passed, $failed failed")
  ((failed == 0))
}

# The next run wipes the drill's directory: keep a failed run's service logs beside its output.
keep_logs() {
  local dir
  dir="target/drills/$(drill_class "$1")"
  mkdir -p "target/drills/$1-$2.logs"
  cp "$dir"/*.log "target/drills/$1-$2.logs/" 2>/dev/null || true
}

if ((repeat == 0)); then
  run_each_once
  exit $?
fi
totals=()
status=0
for drill in "${drills[@]}"; do
  run_repeated "$drill" || status=1
done
printf '\n'
printf '%s\n' "${totals[@]}"
exit $status
