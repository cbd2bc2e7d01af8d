#!/bin/bash
# bench/debsums-compare.sh [WORK_DIR]
# Times `ward packages` against `debsums -ac` (Debian's debsums: every file of every package,
# conffiles included, changed ones listed) on this machine's own /, side by side in one run, with
# wall time, CPU time and peak memory; then compares the sets of changed and missing files both
# report. Each tool runs twice, the page cache warmed by the first run; both runs are shown.
# Needs root (to read every file), debsums and python3.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-${TMPDIR:-/tmp}/ward-debsums}
command -v debsums >/dev/null || { echo "bench: needs debsums (apt-get install debsums)" >&2; exit 2; }
mkdir -p "$work" && : > "$work/times"
"$here/ward" help > /dev/null   # builds the jar first, outside the timings
for run in 1 2; do
    /usr/bin/time -f "debsums-$run %e %U %S %M" -a -o "$work/times" debsums -ac > "$work/debsums.out" 2> "$work/debsums.err" || true
    /usr/bin/time -f "ward-$run %e %U %S %M" -a -o "$work/times" "$here/ward" packages --format json \
        -o "$work/ward.json" -q || true
done
python3 - "$work" <<'PY'
import json, re, sys
work = sys.argv[1]
rows = [l.split() for l in open(f"{work}/times") if re.match(r"^(debsums|ward)-\d ", l)]
print(f"{'run':<12}{'wall s':>9}{'user s':>9}{'sys s':>9}{'max RSS MiB':>13}")
t = {}
for name, wall, user, sys_, rss in rows:
    t[name] = float(wall)
    print(f"{name:<12}{float(wall):>9.2f}{float(user):>9.2f}{float(sys_):>9.2f}{int(rss) // 1024:>13}")
for run in ("1", "2"):
    print(f"run {run}: ward packages is {t['debsums-' + run] / t['ward-' + run]:.1f}x faster than debsums -ac")
changed = {l.strip() for l in open(f"{work}/debsums.out") if l.strip()}
missing = {m.group(1) for l in open(f"{work}/debsums.err") if (m := re.search(r"missing file (\S+)", l))}
report = json.load(open(f"{work}/ward.json"))
ward = {"changed": set(), "missing": set()}
for f in report["findings"]:
    if f["check"] in ("linux.packages.file_changed", "linux.packages.conffile_changed"):
        ward["changed"].add(f["paths"][0])
    elif f["check"] == "linux.packages.file_missing":
        ward["missing"].add(f["paths"][0])
for kind, theirs in (("changed", changed), ("missing", missing)):
    ours = ward[kind]
    same = "same" if ours == theirs else f"differ: only debsums {sorted(theirs - ours)[:5]}, only ward {sorted(ours - theirs)[:5]}"
    print(f"{kind:<8} debsums {len(theirs):>5}  ward {len(ours):>5}  {same}")
print("files verified by ward:", report["summary"]["files_verified"], "of", report["summary"]["packages"], "packages")
PY
