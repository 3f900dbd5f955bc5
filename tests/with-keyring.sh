#!/bin/bash
# Runs "$@" inside a private D-Bus session bus with a real gnome-keyring (Secret Service) whose
# login keyring is unlocked with a throwaway password, in a throwaway HOME that is removed
# afterwards (gnome-keyring writes $HOME/.local/share/keyrings/login.keyring). Used by CTest for
# secretstore_test (each discovered test gets its own bus, daemon and keyring). Exit status is the
# command's.
set -euo pipefail
home="$(mktemp -d "${TMPDIR:-/tmp}/einvoice-keyring.XXXXXX")"
trap 'rm -rf "$home"' EXIT
export HOME="$home"
export XDG_RUNTIME_DIR="$home/run"
export XDG_DATA_HOME="$home/.local/share"
export XDG_CONFIG_HOME="$home/.config"
export XDG_CACHE_HOME="$home/.cache"
mkdir -m 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY GNOME_KEYRING_CONTROL
export EINVOICE_TEST_KEYRING_HOME="$home"
# dbus-daemon warns about the fd limit when not root; harmless. The daemon exits with the bus.
dbus-run-session -- bash -c '
    printf %s "throwaway-$$" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    "$@"' bash "$@"
