#!/usr/bin/env bash
# Tracing overhead (issue 18): the create benchmark (bench/create-throughput.sh) twice, each on its
# own throw-away stack. "off" is the default: W3C trace context is propagated, spans are made and
# dropped, none is exported. "on": every span (HTTP, SQL, outbox, Kafka intake, webhooks) is
# exported over OTLP/HTTP to a local receiver (bench/otlp-sink.py) that answers 200, as a collector
# next to the service would. Usage: bench/tracing-overhead.sh [--quick | SECONDS] (default --quick:
# 5 s per measurement, about 3 minutes a side). Writes bench/results/tracing-overhead-DATE.md and
# each side's CSV files under bench/results/tracing-overhead-DATE/{off,on}. The sides run one after
# the other: compare them only on a quiet machine (the pgbench line shows what each side got).
set -euo pipefail
cd "$(dirname "$0")/.."
arg=${1:---quick}
name=tracing-overhead-$(date +%F)
out=bench/results/$name
port=${BENCH_OTLP_PORT:-14318}
# The service's port: not create-throughput.sh's 18100, which another run may hold; Vert.x binds a
# port that is taken anyway (SO_REUSEPORT), and requests would then reach the other service.
export BENCH_HTTP_PORT=${BENCH_HTTP_PORT:-18177}
for p in "$port" "$BENCH_HTTP_PORT"; do
  if ss -ltn | grep -q ":$p "; then echo "Port $p is taken; set BENCH_OTLP_PORT / BENCH_HTTP_PORT."; exit 1; fi
done
mkdir -p "$out"

python3 bench/otlp-sink.py "$port" >"$out/otlp-sink.log" 2>&1 &
sink=$!
trap 'kill "$sink" 2>/dev/null || true' EXIT

echo "== tracing off (default: propagate, export nothing)"
BENCH_OUT=$out/off bash bench/create-throughput.sh "$arg" | tee "$out/off.log"
echo "== tracing on (export every span over OTLP/HTTP to 127.0.0.1:$port)"
ORCHESTRATOR_TRACING_OTLP_ENDPOINT=http://127.0.0.1:$port \
  QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf \
  BENCH_OUT=$out/on bash bench/create-throughput.sh "$arg" | tee "$out/on.log"

exports=$(grep -c '^export' "$out/otlp-sink.log" || true)
bytes=$(awk '/^export/ {s += $3} END {print s + 0}' "$out/otlp-sink.log")
{
  echo "# Tracing overhead, $(date +%F)"
  echo
  echo "Create benchmark (\`bench/create-throughput.sh $arg\`), tracing off (default: traceparent"
  echo "propagated, spans dropped) vs on (every span exported over OTLP/HTTP to a local receiver)."
  echo "Git $(git rev-parse --short HEAD), $(nproc) cores, load average before the summary:"
  echo "$(cut -d' ' -f1-3 /proc/loadavg). The receiver took $exports export requests, $bytes bytes."
  echo
  echo "| concurrency | off: creates/s | on: creates/s | on ÷ off | off: p50 / p99 ms | on: p50 / p99 ms |"
  echo "|---|---|---|---|---|---|"
  join -t, <(tail -n +2 "$out/off/create-concurrency.csv" | sort) \
    <(tail -n +2 "$out/on/create-concurrency.csv" | sort) | sort -n |
    awk -F, '{printf "| %s | %.0f | %.0f | %.2f | %.1f / %.1f | %.1f / %.1f |\n", $1, $2, $7, $7 / $2, $3, $4, $8, $9}'
  echo
  echo "pgbench on the same PostgreSQL in the same minutes (what the machine gave each side), tps:"
  join -t, <(tail -n +2 "$out/off/create-pgbench.csv" | sort) \
    <(tail -n +2 "$out/on/create-pgbench.csv" | sort) | sort -n |
    awk -F, '{printf "c=%s off %.0f, on %.0f; ", $1, $2, $4} END {print ""}'
  paste -d, <(tail -n +2 "$out/off/create-paced.csv") <(tail -n +2 "$out/on/create-paced.csv") |
    awk -F, '{printf "\nOpen loop at half the highest rate: off %.0f/s, p99 %.1f ms; on %.0f/s, p99 %.1f ms.\n", $2, $4, $7, $9}'
} >"bench/results/$name.md"
cat "bench/results/$name.md"
