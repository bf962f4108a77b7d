#!/usr/bin/env bash
# Callback receivers misbehaving: 5xx, slow, refused, redirect, 4xx; retries on the schedule, DEAD
# (the dead-letter queue) and redelivery, a healthy receiver unaffected (drills/README.md).
# --quick is the same drill (it takes about as long: the retry schedule sets its length).
exec bash "$(dirname "$0")/drill.sh" CallbackSinksDrill "$@"
