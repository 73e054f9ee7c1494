#!/usr/bin/env bash
# The full crash campaign: SIGKILL the saving child 500 times (CI runs 50),
# reopening the store after each kill; prints kills, acknowledged saves and
# losses (a loss fails the run).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-500}"
KINERJA_CRASH_ROUNDS="$rounds" cargo test --locked --release --test crash -- --nocapture 2>&1 \
    | grep -E "crash campaign|test result|panicked|assert"
