#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: installs what is missing, builds into build/ and runs
# every test with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
chmod 700 "$XDG_RUNTIME_DIR"
cd build
# --timeout: a hung test fails after 10 minutes instead of eating the CI budget.
ctest --output-on-failure --no-tests=error --timeout 600 -j "$(nproc)"
