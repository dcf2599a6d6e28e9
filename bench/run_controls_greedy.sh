#!/usr/bin/env bash
# Times `blackstart controls ukraine-2015 --greedy 20 --runs 500` on all cores (goal: under a minute
# on 2 cores), side by side with an ensemble of the same number of scenario runs: the difference is
# what the ranking itself costs beyond running the campaign. Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build/release}
RUNS=${RUNS:-500}
GREEDY=${GREEDY:-20}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)" --target blackstart >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "--- controls ukraine-2015 --greedy $GREEDY --runs $RUNS"
/usr/bin/time -f "  %e s wall, %U s user, %S s system, max RSS %M KB" \
  "$BUILD_DIR/cli/blackstart" controls ukraine-2015 --greedy "$GREEDY" --runs "$RUNS" --out "$out/controls.csv" -q
# Scenario runs the ranking made: baseline + every candidate + the greedy rounds after the first.
candidates=$(($(grep -c ',single,' "$out/controls.csv")))
rounds=$((GREEDY < candidates ? GREEDY : candidates))
sets=$((1 + candidates))
for ((k = 2; k <= rounds; k++)); do sets=$((sets + candidates - k + 1)); done
total=$((sets * RUNS))
echo "  $candidates candidates, $rounds greedy rounds: $sets sets x $RUNS runs = $total scenario runs"
echo "--- ensemble ukraine-2015 --runs $total (the same number of runs, no ranking)"
/usr/bin/time -f "  %e s wall, %U s user, %S s system, max RSS %M KB" \
  "$BUILD_DIR/cli/blackstart" ensemble ukraine-2015 --runs "$total" --out "$out/ensemble" -q >/dev/null
