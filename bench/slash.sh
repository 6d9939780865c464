#!/usr/bin/env bash
# Slash-command load, side by side in one session with the shared harness (../shared/bench):
# warroom, the two baseline bots (Bolt-JS; Flask + SQLite) and the HTTP ceiling (cpp-httplib
# with a handler that does no work: warroom_ceilings http), each through run.sh (signed
# `/incident update` requests over 50 incidents, wrk at 16 and at 2 connections, durability and
# memory checks), interleaved over ROUNDS; after each round the disk ceiling: single-row SQLite
# commits with synchronous=FULL in the folder the runs use (warroom_ceilings sqlite). Prints the
# harness's table of medians with ratios, then the goals table (bench/summary.py).
# Usage: bench/slash.sh [ROUNDS] [OUT_DIR]   (needs build/warroom and build/warroom_ceilings)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${WARROOM_SHARED:-$repo/../shared}
build=$(cd "${WARROOM_BUILD:-$repo/build}" && pwd)
rounds=${1:-3}
out=${2:-$build/bench-slash}
work=${TMPDIR:-/tmp} # run.sh's default: the data folders and the commit ceiling share one disk
for needed in "$shared/bench/run.sh" "$build/warroom" "$build/warroom_ceilings"; do
  [ -x "$needed" ] || { echo "bench: $needed is missing (make bench builds it)" >&2; exit 1; }
done
"$shared/bench/setup.sh"
peers=$(cd "$shared/peers" && pwd)
rm -rf "$out"
mkdir -p "$out"

worst=0
note_status() { # note_status CODE: keep the worst exit status (1 beats 3 beats 0), as compare.sh does
  if [ "$1" -ne 0 ] && { [ "$worst" -eq 0 ] || [ "$1" -eq 1 ]; }; then worst=$1; fi
}
for round in $(seq 1 "$rounds"); do
  for target in bolt-js flask-sqlite warroom httplib-empty; do
    echo "######## round $round/$rounds: $target"
    echo "LOAD round=$round target=$target $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/load.txt"
    case $target in
      bolt-js) cmd=(node "$peers/bolt-js/app.js") ;;
      flask-sqlite) # shellcheck disable=SC2016 # $1 is expanded by that sh: the peer's folder
        cmd=(sh -c 'cd "$1" && exec gunicorn -c gunicorn.conf.py app:app' sh "$peers/flask-sqlite") ;;
      warroom) cmd=("$build/warroom" serve --port {PORT} --db {DATA}/warroom.db) ;;
      httplib-empty) cmd=("$build/warroom_ceilings" http --port {PORT}) ;;
    esac
    code=0
    "$shared/bench/run.sh" --work-dir "$work" --out-dir "$out/round$round" --name "$target" \
      -- "${cmd[@]}" || code=$?
    # The ceiling verifies and stores nothing: its probes fail (status 3) by design.
    if [ "$target" = httplib-empty ] && [ "$code" -eq 3 ]; then code=0; fi
    [ "$code" -eq 0 ] || echo "bench: $target, round $round: run.sh exited $code" >&2
    note_status "$code"
  done
  echo "LOAD round=$round target=sqlite-commit $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/load.txt"
  "$build/warroom_ceilings" sqlite "$work" 5 | tee -a "$out/ceilings.txt"
done

echo
echo "######## $rounds round(s), medians; $(nproc) cores, shared machine: compare ratios, not absolute figures"
grep -h '^RESULT' "$out"/round*/*-results.txt |
  python3 "$shared/bench/summarize.py" --baseline bolt-js --baseline flask-sqlite || true
echo
python3 "$repo/bench/summary.py" "$out"
exit "$worst"
