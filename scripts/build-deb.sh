#!/usr/bin/env bash
# Builds the Debian package einvoice-connector_<version>_<arch>.deb with CPack.
#   scripts/build-deb.sh [BUILD_DIR [OUTPUT_DIR]]
# BUILD_DIR defaults to build/ (the one scripts/build.sh and scripts/test.sh use), OUTPUT_DIR to
# BUILD_DIR/packages. Configures and builds first (only what is out of date), then packages.
# Needs dpkg-dev (dpkg-shlibdeps computes Depends); CPack writes root-owned entries itself, no fakeroot needed.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${1:-build}"
out_dir="${2:-$build_dir/packages}"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}"
cmake --build "$build_dir" -j "$(nproc)"
mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"
(cd "$build_dir" && cpack --config CPackConfig.cmake -G DEB -B "$out_dir")
rm -rf "$out_dir/_CPack_Packages"
ls -l "$out_dir"/*.deb
