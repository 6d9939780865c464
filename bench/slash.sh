#!/usr/bin/env bash
# Slash-command load: warroom against the two baseline bots, side by side in one session, with
# the shared harness (../shared/bench: signed /incident update requests over 50 incidents,
# wrk at 16 and at 2 connections, durability and memory checks). Prints one Markdown table of
# medians with ratios against each baseline. Usage: bench/slash.sh [ROUNDS] [OUT_DIR]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${WARROOM_SHARED:-$repo/../shared}
rounds=${1:-3}
out=${2:-$repo/build/bench-slash}
[ -x "$shared/bench/compare.sh" ] || { echo "bench: no harness at $shared/bench" >&2; exit 1; }
"$shared/bench/setup.sh"
mkdir -p "$out"
cd "$shared"
exec bench/compare.sh --rounds "$rounds" --out-dir "$out" --name warroom -- \
  "$repo/build/warroom" serve --port {PORT} --db {DATA}/warroom.db
