#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs to build, test and run its demo.
# Only what is missing is installed (apt-get --no-install-recommends); safe to run again.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-tools-dev qt6-l10n-tools libqt6sql6-sqlite
  libpoppler-cpp-dev libpoppler-qt6-dev poppler-utils qpdf liblcms2-dev
  qtkeychain-qt6-dev libcurl4-openssl-dev libboost-filesystem-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  zlib1g-dev libxml2-utils fonts-dejavu-core python3
  libssl-dev libcpp-httplib-dev qt6-httpserver-dev
  cups cups-client cups-bsd cups-filters libcups2-dev ghostscript
  openssh-server openssh-client
  gnome-keyring dbus dbus-x11 libsecret-tools libsecret-1-0
  xvfb xauth trayer x11-utils qt6-svg-dev
  dpkg-dev fakeroot file unzip
  openssl
  nghttp2-proxy
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: missing packages (${missing[*]}) and not root; run as root or install them" >&2
    exit 1
  fi
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}"
