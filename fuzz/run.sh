#!/bin/sh
# Runs every libFuzzer target built in BUILD_DIR (`make fuzz`): each starts from its seeds
# (../shared/fixtures and tests/fuzz/corpus/<target>) and runs FUZZ_RUNS inputs, at most
# FUZZ_SECONDS seconds per target. The slower targets run a share of FUZZ_RUNS so that the
# default takes three to four minutes: command (three commands on SQLite per input) an
# eighth, mrkdwn (every message template) a quarter. A crash, leak, timeout or out-of-memory
# input is copied into tests/fuzz/corpus/<target>/ (a regression test from then on) and the
# script fails.
# fuzz/<target>.dict, when there is one, gives libFuzzer the words the target understands.
# Usage: fuzz/run.sh BUILD_DIR [TARGET…]
set -u
build=${1:?usage: fuzz/run.sh BUILD_DIR [TARGET...]}
shift
runs=${FUZZ_RUNS:-200000}
seconds=${FUZZ_SECONDS:-100}
source_dir=$(cd "$(dirname "$0")/.." && pwd)
fixtures=$source_dir/../shared/fixtures/slack
targets=${*:-form event interaction command mrkdwn markdown}

# Fixture files that suit a target, one per line.
fixtures_for() {
  [ -d "$fixtures" ] || return 0
  case $1 in
    form) ls "$fixtures"/*.body ;;
    event | interaction) ls "$fixtures"/*.json ;;
  esac
}

failed=""
for target in $targets; do
  fuzzer=$build/fuzz_$target
  [ -x "$fuzzer" ] || { echo "fuzz: $fuzzer is not built (make fuzz builds it)" >&2; exit 2; }
  work=$build/fuzz-corpus/$target      # grows run after run; never committed
  artifacts=$build/fuzz-artifacts/$target
  mkdir -p "$work" "$artifacts"
  for file in $(fixtures_for "$target"); do cp "$file" "$work/fixture-$(basename "$file")"; done
  case $target in
    command) target_runs=$((runs / 8)) ;;
    mrkdwn) target_runs=$((runs / 4)) ;;
    *) target_runs=$runs ;;
  esac
  dict=""
  [ -f "$source_dir/fuzz/$target.dict" ] && dict="-dict=$source_dir/fuzz/$target.dict"
  echo "== fuzz_$target: $target_runs runs (at most ${seconds}s)"
  start=$(date +%s)
  # halt_on_error: UBSan findings are crashes; detect_leaks: a leak is a finding too.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$fuzzer" -runs="$target_runs" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=8192 -print_final_stats=1 -artifact_prefix="$artifacts/" $dict \
      "$work" "$source_dir/tests/fuzz/corpus/$target" >"$build/fuzz-$target.log" 2>&1
  status=$?
  elapsed=$(( $(date +%s) - start ))
  grep -aE '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' \
    "$build/fuzz-$target.log" | sed 's/^/   /'
  echo "   ${elapsed}s, exit $status (log: $build/fuzz-$target.log)"
  if [ "$status" -ne 0 ]; then
    grep -aE 'ERROR|what\(\)|SUMMARY' "$build/fuzz-$target.log" | head -5 | sed 's/^/   /'
    for artifact in "$artifacts"/*; do
      [ -f "$artifact" ] || continue
      kept=$source_dir/tests/fuzz/corpus/$target/$(basename "$artifact")
      cp "$artifact" "$kept" && rm "$artifact"
      echo "   kept $kept: fix the bug, keep the file (tests/fuzz/regressions_test.cpp replays it)"
    done
    failed="$failed $target"
  fi
done
if [ -n "$failed" ]; then
  echo "fuzz: crashes in:$failed" >&2
  exit 1
fi
echo "fuzz: no crash in $targets"
