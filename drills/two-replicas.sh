#!/usr/bin/env bash
# Two replicas on one database and broker, under load with timers firing (drills/README.md).
# --quick: about 10 s of load, then the checks.
exec bash "$(dirname "$0")/drill.sh" TwoReplicasDrill "$@"
