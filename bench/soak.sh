#!/usr/bin/env bash
# The crash and fault tests (tests/faults/, tag [faults]) at soak strength: the same test
# binary `make test` runs, with the knobs turned up. Each knob may be set beforehand to
# override it. Prints each scenario's figures ([faults] lines) and each test's duration.
# Usage: bench/soak.sh [BUILD_DIR]   (default build/; `make soak` builds first)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build}
[ -x "$build/warroom_tests" ] || { echo "soak: no $build/warroom_tests (run make build)" >&2; exit 1; }

export WARROOM_SOAK_KILLS=${WARROOM_SOAK_KILLS:-20}                  # kill -9 under load
export WARROOM_SOAK_TERMS=${WARROOM_SOAK_TERMS:-10}                  # SIGTERM under load
export WARROOM_STORM_SECONDS=${WARROOM_STORM_SECONDS:-60}            # each Slack storm phase
export WARROOM_SLOWLORIS_SECONDS=${WARROOM_SLOWLORIS_SECONDS:-60}    # 200 slow clients
export WARROOM_SLOWLORIS_CONNECTIONS=${WARROOM_SLOWLORIS_CONNECTIONS:-200}

started=$(date +%s)
"$build/warroom_tests" "[faults]" --durations yes
echo "soak: passed in $(( $(date +%s) - started )) s"
