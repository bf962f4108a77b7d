#!/usr/bin/env bash
# PostgreSQL restart under load (drills/README.md): 20 s without the database. --quick: 5 s.
exec bash "$(dirname "$0")/drill.sh" PostgresRestartDrill "$@"
