#!/usr/bin/env bash
# Configures and builds the project into build/ (used by test.sh and demo.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" "$@"
cmake --build build -j "$(nproc)"
