#!/usr/bin/env bash
# Runs every fault drill (drills/README.md) and prints a summary; exit 1 when any failed.
# drills/run-all.sh [--quick]. Each drill's output also goes to target/drills/<drill>.out.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/drills
failed=0
summary=()
for drill in kill-9 kafka-outage postgres-restart two-replicas callback-sinks; do
  started=$SECONDS
  if bash "drills/$drill.sh" "$@" 2>&1 | tee "target/drills/$drill.out"; then
    result=PASSED
  else
    result=FAILED
    failed=1
  fi
  summary+=("$(printf '%-18s %s in %d s' "$drill" "$result" $((SECONDS - started)))")
done
printf '\n'
printf '%s\n' "${summary[@]}"
exit $failed
