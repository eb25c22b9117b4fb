#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Keep frames flowing into a switch while its ports come and go.

    flood.py STATEFILE IFNAME...

Sends, until SIGTERM, bursts of broadcast frames round-robin on each
IFNAME, looked up by name at every send: an interface that does not exist
(yet, or any more) or is down is skipped, so the names may be ports or the
peers of ports that a test deletes and re-creates.  The frames are what
the switch parses: IPv4 UDP, IPv4 ICMP echo, IPv6 UDP and ARP-less raw
frames of an experimental ethertype, from a fixed source MAC per IFNAME
(so that port security learns it once).  Every second, and at exit, it
writes "sent N skipped M" to STATEFILE (atomically, by rename).  Bursts
are paced (10 ms apart) so that the flood does not starve the test.  Run it
in the namespace of the IFNAMEs.
"""

import os
import signal
import socket
import struct
import sys
import time

# -I leaves the script's directory out of the path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sendframe import csum  # noqa: E402

BURST = 8


def ipv4(proto, l4):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(l4), 1, 0, 64,
                      proto, 0, bytes([10, 99, 0, 1]), bytes([10, 99, 255, 255]))
    return hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:] + l4


def frames(src):
    bcast = b"\xff" * 6
    udp = struct.pack("!HHHH", 4000, 9, 16, 0) + b"xswitch!"
    icmp = struct.pack("!BBHHH", 8, 0, 0, 0x4242, 1) + b"xswitch!"
    icmp = icmp[:2] + struct.pack("!H", csum(icmp)) + icmp[4:]
    v6 = (struct.pack("!IHBB", 6 << 28, len(udp), 17, 64) +
          b"\xfd" + b"\0" * 14 + b"\x01" + b"\xff\x02" + b"\0" * 13 + b"\x01")
    out = [bcast + src + b"\x08\x00" + ipv4(17, udp),
           bcast + src + b"\x08\x00" + ipv4(1, icmp),
           bcast + src + b"\x86\xdd" + v6 + udp,
           bcast + src + b"\x88\xb6" + b"xswitch-flood"]
    return [f + b"\0" * max(0, 60 - len(f)) for f in out]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    state, names = sys.argv[1], sys.argv[2:]
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    per = {n: frames(bytes([2, 0, 0, 0xfd, 0, i + 1]))
           for i, n in enumerate(names)}
    sent = skipped = 0
    last = time.monotonic()

    def report():
        with open(state + ".tmp", "w") as f:
            f.write("sent %d skipped %d\n" % (sent, skipped))
        os.rename(state + ".tmp", state)

    while not stop:
        for n in names:
            for f in per[n]:
                try:
                    for _ in range(BURST // len(per[n]) or 1):
                        s.sendto(f, (n, 0))
                        sent += 1
                except OSError:
                    skipped += 1
                    break
        if time.monotonic() - last >= 1:
            report()
            last = time.monotonic()
        time.sleep(0.01)
    report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
