#!/bin/bash
# bench/unhide-compare.sh [RUNS]
# Times ward's cross-view scan of the processes (`ward procs --sample 0`: readdir, getdents64 and
# kill(2) on every pid up to pid_max, plus reading every process) against Debian's unhide doing
# its own (`unhide proc`: /proc by stat(2) on every pid; `unhide -d brute`: every pid by forking
# and by threads, checked twice), side by side, RUNS times each (3 by default), on this host.
# Needs root and unhide (apt-get install unhide).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
command -v unhide >/dev/null || { echo "bench: needs unhide (apt-get install unhide)" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "bench: needs root" >&2; exit 2; }
"$here/ward" help > /dev/null   # builds the jar first, outside the timings
times=$(mktemp)
for _ in $(seq "$runs"); do
    /usr/bin/time -f "ward-procs %e %U %S %M" -a -o "$times" \
        "$here/ward" procs --sample 0 --format json -o /dev/null -q || true
    /usr/bin/time -f "unhide-proc %e %U %S %M" -a -o "$times" unhide proc > /dev/null 2>&1 || true
    /usr/bin/time -f "unhide-brute %e %U %S %M" -a -o "$times" unhide -d brute > /dev/null 2>&1 || true
done
echo "pid_max $(cat /proc/sys/kernel/pid_max), $(ls -d /proc/[0-9]* | wc -l) processes, $runs runs each"
python3 - "$times" <<'PY'
import collections, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) == 5 and f[0] in ("ward-procs", "unhide-proc", "unhide-brute"):
        rows[f[0]].append(tuple(map(float, f[1:])))
print(f"{'run':<14}{'wall s (median)':>17}{'user s':>9}{'sys s':>9}{'max RSS MiB':>13}")
for name in ("ward-procs", "unhide-proc", "unhide-brute"):
    r = sorted(rows[name])
    if r:
        m = r[len(r) // 2]
        print(f"{name:<14}{m[0]:>17.2f}{m[1]:>9.2f}{m[2]:>9.2f}{int(m[3]) // 1024:>13}")
PY
rm -f "$times"
