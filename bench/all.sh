#!/usr/bin/env bash
# Every benchmark of bench/README.md in one session, then one table of every goal and ratio:
# the review of 10,000 events, `stats` over 10,000 incidents, start-up time and memory at idle,
# and the slash-command load against the two baseline bots and the two ceilings.
# Usage: bench/all.sh [ROUNDS] [OUT_DIR]   (make bench builds what it needs, then runs this)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${WARROOM_BUILD:-$repo/build}" && pwd)
rounds=${1:-3}
out=${2:-$build/bench}
rm -rf "$out"
mkdir -p "$out"
echo "######## load at start: $(cat /proc/loadavg)" | tee "$out/session.txt"
echo "######## review of one incident with 10,000 events"
"$build/warroom_review_bench" 10000 20 | tee "$out/review.txt"
echo "######## stats over 10,000 incidents"
"$build/warroom_stats_bench" --incidents 10000 --runs 10 --warroom "$build/warroom" |
  tee "$out/stats.txt"
echo "######## start-up time and memory at idle"
python3 "$repo/bench/startup.py" --warroom "$build/warroom" --runs 20 | tee "$out/startup.txt"
echo "######## slash commands"
status=0
WARROOM_BUILD=$build "$repo/bench/slash.sh" "$rounds" "$out/slash" || status=$?
echo "######## load at end: $(cat /proc/loadavg)" | tee -a "$out/session.txt"
echo
python3 "$repo/bench/summary.py" "$out" | tee "$out/summary.md"
exit "$status"
