#!/bin/bash
# bench/ss-compare.sh [RUNS]
# Times listing the live host's sockets with their processes: `ward net --no-connect-scan` (and
# `ward net` with its connect scan of the loopback ports), `ss -tulpnw` and `lsof -i -n -P`, side by
# side, RUNS times each (5 by default); prints the median of each. Needs root, ss (iproute2) and lsof.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
for t in ss lsof; do command -v "$t" >/dev/null || { echo "bench: needs $t" >&2; exit 2; }; done
"$here/ward" help > /dev/null   # builds the jar first, outside the timings
times=$(mktemp)
for _ in $(seq "$runs"); do
    /usr/bin/time -f "ward-net %e %U %S %M" -a -o "$times" \
        "$here/ward" net --no-connect-scan --format json -o /dev/null -q || true
    /usr/bin/time -f "ward-net-scan %e %U %S %M" -a -o "$times" \
        "$here/ward" net --format json -o /dev/null -q || true
    /usr/bin/time -f "ss-tulpnw %e %U %S %M" -a -o "$times" ss -tulpnw > /dev/null
    /usr/bin/time -f "lsof-i %e %U %S %M" -a -o "$times" lsof -i -n -P > /dev/null || true
done
echo "$(ls -d /proc/[0-9]* | wc -l) processes, $(cat /proc/net/tcp /proc/net/tcp6 /proc/net/udp /proc/net/udp6 | grep -c ':') sockets, $runs runs each"
python3 - "$times" <<'PY'
import collections, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) == 5 and f[0] in ("ward-net", "ward-net-scan", "ss-tulpnw", "lsof-i"):
        rows[f[0]].append(tuple(map(float, f[1:])))
print(f"{'run':<15}{'wall s (median)':>17}{'user s':>9}{'sys s':>9}{'max RSS MiB':>13}")
for name in ("ward-net", "ward-net-scan", "ss-tulpnw", "lsof-i"):
    r = sorted(rows[name])
    m = r[len(r) // 2]
    print(f"{name:<15}{m[0]:>17.2f}{m[1]:>9.2f}{m[2]:>9.2f}{int(m[3]) // 1024:>13}")
PY
rm -f "$times"
