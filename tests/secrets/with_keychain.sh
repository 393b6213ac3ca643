#!/bin/sh
# Runs a command against a real, unlocked Secret Service (DESIGN.md sections 5 and 9), e.g.
#
#     sh tests/secrets/with_keychain.sh build/bin/tst_secretstore
#
# A private session bus (dbus-run-session) with gnome-keyring-daemon on it, whose login keyring is created and
# unlocked with a throw-away password given on stdin. HOME, XDG_DATA_HOME and XDG_RUNTIME_DIR point into a temporary
# folder, so the keyring files, Qt's test-mode settings and the sockets never touch the real user's, and parallel
# runs do not share a keyring. Works headless and as root (CI); needs the packages dbus and gnome-keyring.
set -eu

if [ "${HUB_KEYCHAIN_INNER:-}" != 1 ]; then
    if [ "$#" -eq 0 ]; then
        echo "with_keychain: usage: with_keychain.sh COMMAND [ARG...]" >&2
        exit 2
    fi
    for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "with_keychain: $tool is missing; install the packages dbus and gnome-keyring (scripts/bootstrap)" >&2
            exit 1
        fi
    done
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/hub-keychain.XXXXXX")
    mkdir -m 700 "$tmp/runtime" "$tmp/data"
    status=0
    HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/runtime" HUB_KEYCHAIN_INNER=1 \
        dbus-run-session -- sh "$0" "$@" || status=$?
    rm -rf "$tmp"
    exit "$status"
fi

# Inside the private bus: start the keyring daemon (it forks and stays until the bus goes away) and wait until it
# owns org.freedesktop.secrets, so the first request does not race it (or D-Bus-activate a second daemon).
printf '%s' "hub-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
tries=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 100 ]; then
        echo "with_keychain: gnome-keyring-daemon did not appear on the session bus within 10 s" >&2
        exit 1
    fi
    sleep 0.1
done
unset HUB_KEYCHAIN_INNER
exec "$@"
