#!/usr/bin/env bash
# Times the real CLI path (parse YAML + CSV, simulate, write summary.json/timeline.csv/events.csv)
# on the synthetic 100,000-asset three-layer scenario, and reports wall time and peak memory.
#
#   bench/run_cli_100k.sh            # build, generate, run 3 times
#   RUNS=1 ASSETS=10000 KEEP=1 bench/run_cli_100k.sh
#
# Environment: BUILD_DIR (default build/bench), ASSETS (default 100000), RUNS (default 3),
# KEEP=1 keeps the generated scenario and outputs (their folder is printed).
set -euo pipefail
cd "$(dirname "$0")/.."

build=${BUILD_DIR:-build/bench}
assets=${ASSETS:-100000}
runs=${RUNS:-3}

if [ ! -x /usr/bin/time ]; then
  echo "run_cli_100k: /usr/bin/time not found; install the Debian package 'time'" >&2
  exit 1
fi

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DBLACKSTART_BUILD_GUI=OFF -DBLACKSTART_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target blackstart blackstart_synth >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/blackstart-bench.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
  echo "keeping $work"
else
  trap 'rm -rf "$work"' EXIT
fi

"$build/bench/blackstart_synth" "$work/scenario" --assets "$assets"
du -sh "$work/scenario" | sed 's/^/input size: /'

for run in $(seq 1 "$runs"); do
  rm -rf "$work/out"
  status=0
  /usr/bin/time -v -o "$work/time.txt" \
    "$build/cli/blackstart" run "$work/scenario/scenario.yaml" --out "$work/out" -q >"$work/stdout.txt" || status=$?
  echo "--- run $run of $runs: blackstart run $work/scenario/scenario.yaml --out $work/out -q (exit $status)"
  grep -E "Elapsed \(wall clock\) time|Maximum resident set size|User time|System time" "$work/time.txt" | sed 's/^[[:space:]]*/  /'
  if [ "$status" -ne 0 ]; then
    cat "$work/stdout.txt"
    exit "$status"
  fi
done
du -sh "$work/out" | sed 's/^/output size: /'
echo "--- impact table of the last run"
cat "$work/stdout.txt"
