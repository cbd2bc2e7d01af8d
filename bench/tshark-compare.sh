#!/bin/bash
# bench/tshark-compare.sh [PACKETS] [WORK_DIR]
# Times `ward traffic` against `tshark -r FILE -q -z conv,tcp -z io,phs` (Debian's tshark) on the
# same capture, side by side in one run: a pcap of PACKETS packets (a million by default; Ethernet,
# IPv4, TCP, UDP and ICMP among a thousand hosts over a day, ten packets a conversation on average)
# written by Python's struct module.
# Needs tshark (apt-get install tshark) and python3.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
packets=${1:-1000000}
work=${2:-${TMPDIR:-/tmp}/ward-tshark}
command -v tshark >/dev/null || { echo "bench: needs tshark (apt-get install tshark)" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work"
python3 - "$work/capture.pcap" "$packets" <<'PY'
import random, struct, sys
path, n = sys.argv[1], int(sys.argv[2])
r = random.Random(7)
with open(path, "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    t = 1764000000.0
    for i in range(n):
        t += r.expovariate(n / 86400)
        c = r.randrange(n // 10)  # the conversation this packet belongs to
        proto = (6, 6, 6, 17, 17, 1)[c % 6]
        src = bytes((10, 0, c % 4, 1 + c % 249))
        dst = bytes((198, 51, 100 + c % 3, 1 + (c // 7) % 249))
        if proto == 6:
            l4 = struct.pack(">HHIIBBHHH", 1024 + c % 64000, (22, 80, 443, 8443, 5432)[c % 5], i, 0, 0x50,
                             r.choice((0x02, 0x10, 0x18, 0x11)), 64240, 0, 0)
        elif proto == 17:
            l4 = struct.pack(">HHHH", 1024 + c % 64000, (53, 123, 514)[c % 3], 8 + 20, 0) + bytes(20)
        else:
            l4 = struct.pack(">BBHHH", r.choice((0, 8)), 0, 0, r.randrange(65535), i & 0xffff) + bytes(56)
        ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(l4), i & 0xffff, 0, 64, proto, 0, src, dst) + l4
        frame = bytes(12) + b"\x08\x00" + ip
        f.write(struct.pack("<IIII", int(t), int((t % 1) * 1e6), len(frame), len(frame)) + frame)
PY
"$here/ward" help > /dev/null   # builds the jar first, outside the timings
times="$work/times"
/usr/bin/time -f "tshark %e %U %S %M" -a -o "$times" \
    tshark -r "$work/capture.pcap" -q -z conv,tcp -z io,phs > "$work/tshark.out" 2>/dev/null || true
/usr/bin/time -f "ward-traffic %e %U %S %M" -a -o "$times" \
    "$here/ward" traffic "$work/capture.pcap" --format json -o "$work/ward.json" -q || true
echo "$packets packets, $(du -m "$work/capture.pcap" | cut -f1) MiB"
python3 - "$work" <<'PY'
import json, re, sys
work = sys.argv[1]
t = {}
print(f"{'run':<14}{'wall s':>9}{'user s':>9}{'sys s':>9}{'max RSS MiB':>13}")
for row in open(f"{work}/times"):
    if re.match(r"^(tshark|ward-traffic) ", row):
        name, wall, user, sys_, rss = row.split()
        t[name] = float(wall)
        print(f"{name:<14}{float(wall):>9.2f}{float(user):>9.2f}{float(sys_):>9.2f}{int(rss) // 1024:>13}")
s = json.load(open(f"{work}/ward.json"))["summary"]
conv = sum(1 for l in open(f"{work}/tshark.out") if "<->" in l)
ward_tcp = s["conversations_by_protocol"].get("tcp", 0)
print(f"ward traffic took {t['tshark'] / t['ward-traffic']:.1f}x less time than tshark")
print(f"tcp conversations: tshark {conv}, ward {ward_tcp}; packets by protocol (ward): {s['protocols']}")
PY
