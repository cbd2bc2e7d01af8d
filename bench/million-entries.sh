#!/bin/bash
# bench/million-entries.sh [WORK_DIR] [HEAP]
# Makes a tree of a million small files (1,000 directories of 1,000) and runs `ward baseline init`
# and `check` over it with the JVM's heap capped (default 64 MiB): the scan streams entries into the
# store and the check merges two streams, so neither may need memory in proportion to the tree.
# Prints wall time and peak RSS of each run, and the entry count from the report.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-${TMPDIR:-/tmp}/ward-million}
heap=${2:-64m}
rm -rf "$work" && mkdir -p "$work/tree/data"
echo "making 1,000,000 files under $work/tree/data ..." >&2
python3 - "$work/tree/data" <<'PY'
import os, sys
base = sys.argv[1]
for d in range(1000):
    path = os.path.join(base, f"d{d:03}")
    os.mkdir(path)
    for f in range(1000):
        with open(os.path.join(path, f"f{f:03}"), "w") as out:
            out.write(f"{d}/{f}\n")
PY
printf 'NORMAL = p+i+n+u+g+s+m+c+sha256\n/data NORMAL\n' > "$work/rules.conf"
"$here/ward" help > /dev/null   # builds the jar first, outside the timings
for verb in init check; do
    JAVA_TOOL_OPTIONS="-Xmx$heap" /usr/bin/time -f "$verb: %e s wall, %M KiB peak RSS" \
        "$here/ward" baseline "$verb" --config "$work/rules.conf" --db "$work/base.db" --root "$work/tree" \
        --format json -o "$work/$verb.json" -q 2>&1 | grep -v '^Picked up' || true
    python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print('  entries', r['stats']['files'],
        'changes', sum(len(v) for v in r['changes'].values()))" "$work/$verb.json"
done
