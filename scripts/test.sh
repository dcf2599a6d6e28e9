#!/usr/bin/env bash
# Installs what is missing, builds everything (Release) and runs the whole test suite through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
export QT_QPA_PLATFORM=offscreen
# MPI is installed by install-deps.sh; the MPI build adds the 2-rank ensemble test.
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DBLACKSTART_WERROR=ON -DBLACKSTART_WITH_MPI=ON >/dev/null
cmake --build build/release -j"$(nproc)"
ctest --test-dir build/release --output-on-failure -j"$(nproc)" "$@"
