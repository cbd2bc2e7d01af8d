#!/bin/bash
# bench/fail2ban-compare.sh [COPIES] [WORK_DIR]   (RUNS=3 by default: each timing taken that many times)
# Times `ward logs` against `fail2ban-regex` with fail2ban's own sshd filter on the same real
# OpenSSH log (Loghub's OpenSSH_2k.log from ../shared/datasets/logs, repeated COPIES times, 500 by
# default: a million lines), side by side in one run; then compares the failures each counts per
# source address and sorts fail2ban's extra matches by kind of message, on the original file.
# Each timing is taken RUNS times, in rounds, and the run of median wall time reported.
# Needs fail2ban (apt-get install fail2ban) and python3.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
copies=${1:-500}
work=${2:-${TMPDIR:-/tmp}/ward-fail2ban}
runs=${RUNS:-3}
sample="$here/../shared/datasets/logs/loghub/OpenSSH/OpenSSH_2k.log"
filter=/etc/fail2ban/filter.d/sshd.conf
command -v fail2ban-regex >/dev/null || { echo "bench: needs fail2ban (apt-get install fail2ban)" >&2; exit 2; }
[ -f "$sample" ] || { echo "bench: no $sample (../shared is absent)" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work/root/var/log"
log="$work/root/var/log/auth.log"
for _ in $(seq "$copies"); do cat "$sample"; done > "$log"
touch -d 2015-12-31 "$log"   # Loghub's lines are of December 2015
lines=$(wc -l < "$log")
"$here/ward" help > /dev/null   # builds the jar first, outside the timings
: > "$work/times"
for _ in $(seq "$runs"); do
    /usr/bin/time -f "fail2ban-regex %e %U %S %M" -a -o "$work/times" \
        fail2ban-regex -o ip "$log" "$filter" > "$work/f2b.ips" 2> /dev/null || true
    /usr/bin/time -f "ward-logs %e %U %S %M" -a -o "$work/times" \
        "$here/ward" logs --root "$work/root" --format json -o "$work/ward.json" -q || true
done
# One core (taskset): the log as above and five times it; the difference is the steady pace once
# the JVM has started and compiled, which the shorter run mostly measures.
mkdir -p "$work/root5/var/log"
for _ in 1 2 3 4 5; do cat "$log"; done > "$work/root5/var/log/auth.log"
touch -d 2015-12-31 "$work/root5/var/log/auth.log"
for _ in $(seq "$runs"); do
    for r in root root5; do
        /usr/bin/time -f "one-core-$r %e %U %S %M" -a -o "$work/times" \
            taskset -c 0 "$here/ward" logs --root "$work/$r" --format json -o /dev/null -q || true
    done
done
rm -rf "$work/root5"
fail2ban-regex -o msg "$sample" "$filter" > "$work/f2b.msgs" 2> /dev/null || true
python3 - "$work" "$lines" "$copies" <<'PY'
import collections, json, re, sys
work, lines, copies = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
samples = collections.defaultdict(list)
for row in open(f"{work}/times"):
    if re.match(r"^(fail2ban-regex|ward-logs|one-core-root5?) ", row):
        name, *values = row.split()
        samples[name].append([float(v) for v in values])
# Each timing's run of median wall time, and the range of wall times of all its runs.
median = {k: sorted(v)[(len(v) - 1) // 2] for k, v in samples.items()}
t = {k: v[0] for k, v in median.items()}
print(f"{lines} lines ({copies} copies of Loghub's OpenSSH_2k.log), median of {len(samples['ward-logs'])} runs")
print(f"{'run':<16}{'wall s':>9}{'user s':>9}{'sys s':>9}{'max RSS MiB':>13}{'lines/s':>12}  wall s of all runs")
for name in ("fail2ban-regex", "ward-logs"):
    wall, user, sys_, rss = median[name]
    walls = [r[0] for r in samples[name]]
    print(f"{name:<16}{wall:>9.2f}{user:>9.2f}{sys_:>9.2f}{int(rss) // 1024:>13}{lines / wall:>12,.0f}"
          f"  {min(walls):.2f}-{max(walls):.2f}")
print(f"ward logs took {t['fail2ban-regex'] / t['ward-logs']:.0f}x less time than fail2ban-regex")
one = {k: t[k] for k in ("one-core-root", "one-core-root5") if k in t}
if len(one) == 2:
    a, b = one["one-core-root"], one["one-core-root5"]
    print(f"one core: {lines:,} lines in {a:.2f} s, {5 * lines:,} in {b:.2f} s: {5 * lines / b:,.0f} lines/s end to end, "
          f"{4 * lines / (b - a):,.0f} lines/s once started")
f2b = collections.Counter(l.strip() for l in open(f"{work}/f2b.ips") if l.strip())
summary = json.load(open(f"{work}/ward.json"))["summary"]
failed, invalid = summary["failed_logins_by_source"], summary["invalid_users_by_source"]
print(f"{'source':<18}{'fail2ban':>10}{'ward failed':>13}{'ward invalid user':>19}")
for ip, n in f2b.most_common(8):
    print(f"{ip:<18}{n // copies:>10}{failed.get(ip, 0) // copies:>13}{invalid.get(ip, 0) // copies:>19}  (per copy)")
kinds = collections.Counter()
for m in open(f"{work}/f2b.msgs"):
    m = m.strip()
    kind = ("Failed password/none (also ward's)" if " Failed " in m or "message repeated" in m
            else "Invalid user (ward: invalid_users_by_source)" if "Invalid user" in m
            else "pam_unix authentication failure" if "authentication failure" in m
            else "[preauth] disconnects and closes" if "preauth" in m
            else "other: " + m[m.find("]: ") + 3:][:50])
    kinds[kind] += 1
print("fail2ban's matches in one copy, by kind:")
for k, n in kinds.most_common():
    print(f"  {n:>5}  {k}")
PY
