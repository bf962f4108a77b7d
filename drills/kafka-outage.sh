#!/usr/bin/env bash
# Kafka outage under load (drills/README.md): 60 s without the broker. --quick: 15 s.
exec bash "$(dirname "$0")/drill.sh" KafkaOutageDrill "$@"
