#!/bin/bash
# bench/aide-compare.sh [SOURCE_DIR] [WORK_DIR]   (RUNS=3 by default: each timing taken that many times)
# Copies a real tree (default /usr) and times `ward baseline init|check` against `aide --init|--check`
# with the same rules (p+i+n+u+g+s+m+c+sha256), side by side in one run, with wall time, CPU time
# and peak memory; then plants the same changes for both and compares the paths each reports.
# Every run is timed twice: cold (page cache dropped first, so the disk is read) and warm (the tree
# read into the page cache first, so hashing and the walk are what is measured).
# Also times sha256sum over the same files on all cores (the floor for hashing the same bytes),
# cat over them with as many readers as ward has (the floor for reading them: on a cold tree, what
# the disk allows), and ward's check with --trust-ctime, which AIDE has no equivalent of.
# Each timing is taken RUNS times, in rounds (every tool once, then again), so that this machine's
# drift falls on all tools alike; the run of median wall time is reported, with the range of all.
# Needs root (to keep owners), Debian's aide package, and python3.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-/usr}
work=${2:-${TMPDIR:-/tmp}/ward-bench}
runs=${RUNS:-3}
ward="$here/ward"
command -v aide >/dev/null || { echo "bench: needs aide (apt-get install aide)" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work/tree"
name=$(basename "$src")
echo "copying $src to $work/tree/$name ..." >&2
cp -a "$src" "$work/tree/$name"
tree="$work/tree/$name"
files=$(find "$tree" -type f | wc -l)
bytes=$(du -sb "$tree" | cut -f1)

cat > "$work/aide.conf" <<CONF
database_in=file:$work/aide.db
database_out=file:$work/aide.db.new
gzip_dbout=no
report_url=stdout
NORMAL = p+i+n+u+g+s+m+c+sha256
$tree NORMAL
CONF
cat > "$work/ward.conf" <<CONF
NORMAL = p+i+n+u+g+s+m+c+sha256
/$name NORMAL
CONF

# run STATE LABEL CMD...: prints "STATE-LABEL wall_s user_s sys_s max_rss_kb" to the results file
run() {
    local state=$1 label=$2; shift 2
    sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
    if [ "$state" = warm ]; then
        find "$tree" -type f -print0 | xargs -0 -P"$(nproc)" -n 256 cat > /dev/null
    fi
    /usr/bin/time -f "$state-$label %e %U %S %M" -a -o "$work/times" "$@" > "$work/$label.out" 2> "$work/$label.err" || true
}
: > "$work/times"
"$ward" help > /dev/null   # builds the jar first, outside the timings
for state in cold warm; do
    for _ in $(seq "$runs"); do
        run $state sha256sum sh -c "find '$tree' -type f -print0 | xargs -0 -P$(nproc) -n 256 sha256sum > /dev/null"
        run $state read sh -c "find '$tree' -type f -print0 | xargs -0 -P$((4 * $(nproc))) -n 256 cat > /dev/null"
        run $state aide-init aide --init -c "$work/aide.conf"
        mv "$work/aide.db.new" "$work/aide.db"
        run $state ward-init "$ward" baseline init --config "$work/ward.conf" --db "$work/ward.db" --root "$work/tree" -q
    done
done

# The same planted changes for both: a changed byte with its mtime put back, a mode change, a
# removed file, an added file, a same-content replacement (new inode) and a symlink retargeted.
mapfile -t pick < <(find "$tree" -type f -size +1k | sort | head -n 5 || true)
cp -p "${pick[0]}" "$work/orig" && printf 'X' | dd of="${pick[0]}" bs=1 seek=100 conv=notrunc 2>/dev/null \
    && touch -r "$work/orig" "${pick[0]}"
chmod o+w "${pick[1]}"
rm -f "${pick[2]}"
echo planted > "$(dirname "${pick[3]}")/ward-bench-added"
cp -p "${pick[4]}" "${pick[4]}.new" && mv "${pick[4]}.new" "${pick[4]}"
link=$(find "$tree" -type l | sort | head -n 1 || true)
[ -n "$link" ] && ln -sfn /nonexistent-target "$link"

for state in cold warm; do
    for _ in $(seq "$runs"); do
        run $state aide-check aide --check -c "$work/aide.conf"
        run $state ward-check "$ward" baseline check --config "$work/ward.conf" --db "$work/ward.db" --root "$work/tree" \
            --format json -o "$work/ward-check.json" -q
        run $state ward-check-ctime "$ward" baseline check --config "$work/ward.conf" --db "$work/ward.db" \
            --root "$work/tree" --trust-ctime --format json -o "$work/ward-check-ctime.json" -q
    done
done

python3 - "$work" "$tree" "$name" "$files" "$bytes" <<'PY'
import json, re, sys
work, tree, name, files, bytes_ = sys.argv[1:6]
samples = {}
for line in open(f"{work}/times"):
    f = line.split()
    if len(f) == 5 and not line.startswith("Command"):
        samples.setdefault(f[0], []).append([float(x) for x in f[1:]])
# Each label's run of median wall time, and the range of wall times of all its runs.
times = {k: sorted(v)[(len(v) - 1) // 2] for k, v in samples.items()}
spread = {k: (min(r[0] for r in v), max(r[0] for r in v)) for k, v in samples.items()}
def aide_paths(text):
    sets, section = {"added": set(), "removed": set(), "changed": set()}, None
    for line in text.splitlines():
        m = re.match(r"^(Added|Removed|Changed) entries:", line)
        if m:
            section = m.group(1).lower(); continue
        if line.startswith("-----") or not line.strip():
            continue
        if re.match(r"^[A-Z].*:$", line) and not line.startswith(("Added", "Removed", "Changed")):
            section = None
        m = re.match(r"^[a-z!][^:]*: (/.*)$", line)
        if section and m:
            sets[section].add(m.group(1)[len(tree) - len(name) - 1:])
    return sets
aide = aide_paths(open(f"{work}/aide-check.out").read())
def ward_paths(file):
    report = json.load(open(file))
    return {k: {c["path"] for c in report["changes"][k]} for k in ("added", "removed", "changed")}
print(f"tree: {tree} ({files} files, {int(bytes_) / 2**20:.0f} MiB)")
runs = ("read", "sha256sum", "aide-init", "ward-init", "aide-check", "ward-check", "ward-check-ctime")
for state in ("cold", "warm"):
    print(f"\n{state}: {'page cache dropped before each run' if state == 'cold' else 'tree in the page cache'}")
    print(f"{'run':17} {'wall s':>8} {'user s':>8} {'sys s':>8} {'max RSS MiB':>12}  wall s of all runs")
    t = {k: times[f"{state}-{k}"] for k in runs if f"{state}-{k}" in times}
    for k, (w, u, s, m) in t.items():
        lo, hi = spread[f"{state}-{k}"]
        print(f"{k:17} {w:8.2f} {u:8.2f} {s:8.2f} {m / 1024:12.0f}  {lo:.2f}-{hi:.2f}")
    for a, b in (("aide-init", "ward-init"), ("aide-check", "ward-check"), ("aide-check", "ward-check-ctime")):
        if a in t and b in t and t[b][0] > 0:
            print(f"{b} is {t[a][0] / t[b][0]:.1f}x faster than {a}")
    if "sha256sum" in t and "ward-init" in t:
        print(f"ward-init takes {t['ward-init'][0] / t['sha256sum'][0]:.2f}x the time of sha256sum on all cores")
    if "read" in t and "ward-init" in t:
        print(f"ward-init takes {t['ward-init'][0] / t['read'][0]:.2f}x the time of reading the files with cat")
print()
agree = True
for label, file in (("ward", "ward-check.json"), ("ward --trust-ctime", "ward-check-ctime.json")):
    ward = ward_paths(f"{work}/{file}")
    for k in ("added", "removed", "changed"):
        same = aide[k] == ward[k]
        agree &= same
        print(f"{k:8} aide {len(aide[k]):3}  {label} {len(ward[k]):3}  {'same' if same else 'DIFFER'}")
        if not same:
            print("   only aide:", sorted(aide[k] - ward[k])[:10])
            print("   only ward:", sorted(ward[k] - aide[k])[:10])
sys.exit(0 if agree else 1)
PY
