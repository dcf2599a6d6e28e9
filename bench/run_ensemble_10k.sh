#!/usr/bin/env bash
# Times 10,000 runs of the built-in Ukraine 2015 scenario on all cores (goal: under 10 s on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build/release}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)" --target blackstart >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for threads in 1 2; do
  echo "--- threads $threads"
  /usr/bin/time -f "  %e s wall, %U s user, %S s system, max RSS %M KB" \
    "$BUILD_DIR/cli/blackstart" ensemble ukraine-2015 --runs "${RUNS:-10000}" --threads "$threads" --out "$out/t$threads" -q >/dev/null
done
cmp "$out/t1/runs.csv" "$out/t2/runs.csv" && cmp "$out/t1/bands.csv" "$out/t2/bands.csv" && echo "  outputs identical for 1 and 2 threads"
