#!/usr/bin/env bash
# kill -9 under load (drills/README.md). --quick: one kill, about a minute.
exec bash "$(dirname "$0")/drill.sh" KillNineDrill "$@"
