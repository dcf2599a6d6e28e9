#!/usr/bin/env bash
# Installs what is missing, builds Blackstart (Release) and runs the built-in Ukraine 2015 scenario.
# Extra arguments go to `blackstart run` (e.g. --mitigation prepositioned-crews).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j"$(nproc)" --target blackstart
./build/release/cli/blackstart run --out blackstart-out "$@"
