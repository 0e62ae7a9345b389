#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 3's figures: certdeck-cli beside certbot, lego, uacme and dehydrated against the same local
# Pebble (../shared/bench), steady state. Prints the peer table and the ratios the issue asks for:
#   single name and 10 SANs: certdeck median / fastest peer median (target <= 0.5)
#   ACME requests per issuance: certdeck vs the fewest of any peer (target <=)
#   50 % badNonce: successes out of tries (target 20/20)
# Usage: tests/bench/acme/bench-peers.sh [-n RUNS] [-b NONCE_TRIES] [PEER...]
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
shared=${CERTDECK_SHARED_BENCH:-$repo/../shared/bench}
[[ -x $shared/bench.sh ]] || { echo "error: $shared/bench.sh not found (the shared bench kit)" >&2; exit 1; }
runs=7 ntries=20
while getopts n:b: o; do case $o in n) runs=$OPTARG ;; b) ntries=$OPTARG ;; *) exit 2 ;; esac; done
shift $((OPTIND - 1))
peers=("$@"); ((${#peers[@]})) || peers=(certbot lego uacme dehydrated)

echo "== building certdeck-cli (release)" >&2
cmake --preset release -S "$repo" >/dev/null
cmake --build --preset release --target certdeck-cli -j "$(nproc)" >/dev/null
export CERTDECK_CLI=$repo/build/release/app/cli/certdeck-cli
export PEERS_D=$repo/tests/bench/peers.d
export BENCH_STATE=${BENCH_STATE:-${TMPDIR:-/tmp}/certdeck-bench}

summary=$("$shared/bench.sh" -n "$runs" -m 3 -k 10 -b "$ntries" certdeck "${peers[@]}")
echo "$summary"
"$shared/stop.sh" >/dev/null 2>&1 || true

/usr/bin/python3 - "$summary" <<'PY'
import re, sys
rows = {}
for line in sys.argv[1].splitlines():
    cells = [c.strip() for c in line.strip().strip('|').split('|')]
    if len(cells) < 7 or cells[0] in ('peer', '---'):
        continue
    def med(c):
        m = re.match(r'([0-9.]+)', c)
        return float(m.group(1)) if m else None
    reqs = re.match(r'([0-9.]+)', cells[5])
    rows[cells[0]] = dict(single=med(cells[2]), san=med(cells[3]), reqs=float(reqs.group(1)) if reqs else None, nonce=cells[6])
cd = rows.get('certdeck')
others = {k: v for k, v in rows.items() if k != 'certdeck'}
if not cd or not others:
    print('no figures'); sys.exit(1)
for key, label in (('single', 'single name'), ('san', '10 SANs')):
    best = min((v[key], k) for k, v in others.items() if v[key])
    print(f"{label}: certdeck {cd[key]:.3f} s, fastest peer {best[1]} {best[0]:.3f} s, ratio {cd[key] / best[0]:.2f} (target <= 0.50)")
fewest = min((v['reqs'], k) for k, v in others.items() if v['reqs'])
print(f"requests per issuance: certdeck {cd['reqs']:g}, fewest peer {fewest[1]} {fewest[0]:g} (target <=)")
print(f"50% badNonce: certdeck {cd['nonce']}")
PY
