#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One-command set-up on Debian 12 (as root or through sudo):
#   installer/setup.sh app    install what is missing, build, and launch the desktop app
#   installer/setup.sh test   install what is missing, build with -Werror, run every test, then the
#                             unit and integration tests again under ASan+UBSan, then build the .deb
#   installer/setup.sh deps [--test]
#                             only install the Debian packages: installer/debian-packages.txt (build and
#                             run), with --test also installer/debian-test-packages.txt (test servers)
# Idempotent: packages already installed are not touched; builds are incremental (ccache).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=$(nproc 2>/dev/null || echo 2)
# ccache hits across clones in different folders (CI builds a fresh clone each time).
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

step() { printf '\n==> %s\n' "$*"; }

# deps [--test]: the packages to build and run; with --test also the servers the tests start.
deps() {
    local wanted missing=() lists=(installer/debian-packages.txt)
    [ "${1:-}" = --test ] && lists+=(installer/debian-test-packages.txt)
    wanted=$(cat "${lists[@]}" | grep -Ev '^\s*(#|$)')
    for p in $wanted; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        step "Installing ${#missing[@]} Debian packages: ${missing[*]}"
        as_root apt-get update -qq
        # nginx, sshd, Knot, PowerDNS, Dovecot ... are installed for the test fixtures, which run their
        # own instances on loopback: keep the packages from starting system-wide services meanwhile
        # (Debian's policy-rc.d convention), unless the machine already has a policy of its own.
        local policy=/usr/sbin/policy-rc.d own_policy=0
        if [ ! -e "$policy" ]; then
            own_policy=1
            printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
            as_root chmod 0755 "$policy"
        fi
        local rc=0
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
            >/dev/null || rc=$?
        [ "$own_policy" = 1 ] && as_root rm -f "$policy"
        [ "$rc" = 0 ] || exit "$rc"
    fi
}

build() {
    step "Building ($1)"
    cmake --preset "$1" >/dev/null
    cmake --build --preset "$1" -j "$jobs"
}

cmd=${1:-}
shift || true
case "$cmd" in
deps)
    deps "$@"
    ;;
app)
    deps
    build release
    step "Launching Certdeck"
    exec "$root/build/release/app/gui/certdeck" "$@"
    ;;
test)
    start=$(date +%s)
    deps --test
    build ci
    step "Running every test (unit, integration, gui)"
    ctest --preset ci -j "$jobs" --timeout 900
    step "Packaging: building and checking the .deb"
    (cd build/ci && cpack -G DEB >/dev/null)
    deb=$(ls -t build/ci/certdeck_*.deb | head -n 1)
    depends=$(dpkg-deb --field "$deb" Depends)
    for need in qt6-qpa-plugins libqt6sql6-sqlite libsecret-1-0; do
        case "$depends" in *"$need"*) ;; *) echo "error: $deb does not depend on $need" >&2; exit 1 ;; esac
    done
    contents=$(dpkg-deb --contents "$deb")
    for path in ./usr/bin/certdeck ./usr/bin/certdeck-cli ./usr/share/applications/org.certdeck.Certdeck.desktop \
        ./usr/share/metainfo/org.certdeck.Certdeck.metainfo.xml ./usr/share/man/man1/certdeck-cli.1 \
        ./usr/lib/systemd/user/certdeck-renew.timer; do
        case "$contents" in *" $path"*) ;; *) echo "error: $deb lacks $path" >&2; exit 1 ;; esac
    done
    echo "$deb: ok ($depends)"
    if [ "${CERTDECK_SKIP_ASAN:-0}" != 1 ]; then
        # Only what the sanitizer run executes: the unit and integration tests and the CLI.
        step "Building (asan): unit and integration tests"
        cmake --preset asan >/dev/null
        targets=$(ctest --test-dir build/asan -N -L 'unit|integration' | awk '/Test +#/ {print $3}' | grep -E '^(unit|integration)_' || true)
        cmake --build --preset asan -j "$jobs" --target certdeck-cli $targets
        step "Running the unit and integration tests under ASan+UBSan"
        ctest --preset asan -j "$jobs" --timeout 900
    fi
    step "All tests passed in $(( $(date +%s) - start )) s"
    ;;
*)
    sed -n '3,8p' "${BASH_SOURCE[0]}" >&2
    exit 2
    ;;
esac
