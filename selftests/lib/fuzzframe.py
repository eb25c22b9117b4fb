#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Send malformed and random Ethernet frames, for selftests/packet_fuzz.sh.

    fuzzframe.py IFNAME --seed N --count N --src MAC --dst MAC[,MAC...]
                 [--vids 10,20]
    fuzzframe.py IFNAME --case NAME --src MAC --dst MAC

The second form sends one frame of a named case (CASES below): a guard's
target in a form the guard must still see through.

Sends COUNT frames on IFNAME (an AF_PACKET socket; run it in IFNAME's
namespace), the same ones for the same arguments.  Each is built from
what the switch parses, then, for a part of them, broken:

  VLAN      none, priority (VID 0), 802.1Q (--vids, or random), 802.1ad,
            double tags, tags cut short
  IPv4      IHL 0..15, options, total length too short or too long,
            fragments (first and later), bad version
  IPv6      extension header chains (hop-by-hop, routing, destination,
            fragment, AH; more than the parsers follow), lengths past the
            end, payload length wrong
  L4        TCP (any flags), UDP, SCTP, ICMP, ICMPv6; whole or cut short
  guards    DHCP and DHCPv6 server messages, router advertisements and
            redirects, whole, cut short and in fragments
  MACs      --src (so port security lets most through), or random
            (spoofed), multicast or zero; --dst, broadcast, multicast,
            random
  random    random bytes after the Ethernet header; random bytes flipped,
            frames cut at a random length

Prints one line of JSON: {"seed", "sent", "refused" (by the socket),
"stack_drops" (frames the receiving stack frees before the switch sees
them: an outer VLAN tag with less than 6 bytes after the Ethernet
header), "kinds": {...}}.
"""

import argparse
import json
import os
import random
import socket
import struct
import sys

# -I leaves the script's directory out of the path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sendframe import csum  # noqa: E402

TPIDS = (0x8100, 0x88A8)


def mac(text):
    return bytes(int(x, 16) for x in text.split(":"))


class Gen:
    def __init__(self, o):
        self.r = random.Random(o.seed)
        self.o = o
        self.src = mac(o.src)
        self.dsts = [mac(d) for d in o.dst.split(",")]
        self.kinds = {}

    def kind(self, name):
        self.kinds[name] = self.kinds.get(name, 0) + 1

    def rbytes(self, n):
        return bytes(self.r.getrandbits(8) for _ in range(n))

    def ip4(self):
        r = self.r
        return r.choice([bytes([10, 0, 0, r.randrange(1, 5)]),
                         bytes([192, 0, 2, 1]), bytes([255] * 4),
                         bytes([224, 0, 0, 1]), self.rbytes(4)])

    def ip6(self):
        r = self.r
        return r.choice([b"\xfe\x80" + b"\0" * 13 + bytes([r.randrange(1, 5)]),
                         b"\xff\x02" + b"\0" * 13 + b"\x01",
                         b"\x20\x01\x0d\xb8" + b"\0" * 11 + b"\x01",
                         self.rbytes(16)])

    def port(self):
        r = self.r
        return r.choice([67, 68, 546, 547, 53, 80, 443, 9, 0, 65535,
                         r.randrange(65536)])

    # ---------------------------------------------------------- L4
    def l4(self, proto, v6):
        r = self.r
        pay = self.rbytes(r.choice([0, 0, 4, 16, 64]))
        if proto == 6:
            h = struct.pack("!HHIIBBHHH", self.port(), self.port(),
                            r.getrandbits(32), r.getrandbits(32),
                            r.choice([0x50, 0x60, 0x40, 0xF0]),
                            r.getrandbits(8), 8192, 0, 0)
        elif proto == 17:
            sport = r.choice([547 if v6 else 67, self.port()])
            h = struct.pack("!HHHH", sport, self.port(), 8 + len(pay), 0)
        elif proto == 132:
            h = struct.pack("!HHII", self.port(), self.port(),
                            r.getrandbits(32), 0)
        elif proto in (1, 58):
            if v6:
                t = r.choice([128, 129, 133, 134, 135, 136, 137, 1,
                              r.randrange(256)])
            else:
                t = r.choice([0, 8, 5, 3, 11, r.randrange(256)])
            h = struct.pack("!BBHI", t, r.choice([0, 1, r.randrange(256)]),
                            0, r.getrandbits(32))
        else:
            h = b""
        data = h + pay
        if r.random() < 0.25:
            self.kind("l4-cut")
            data = data[:r.randrange(len(data) + 1)]
        return data

    def proto(self, v6):
        r = self.r
        return r.choice([6, 17, 17, 132, 58 if v6 else 1, 58 if v6 else 1,
                         1 if v6 else 58, 47, r.randrange(256)])

    # ---------------------------------------------------------- L3
    def ipv4(self):
        r = self.r
        proto = self.proto(False)
        l4 = self.l4(proto, False)
        ihl = 5
        opts = b""
        if r.random() < 0.2:
            ihl = r.randrange(6, 16)
            opts = self.rbytes((ihl - 5) * 4)
            self.kind("ip4-options")
        frag = 0
        if r.random() < 0.15:
            frag = r.choice([0x2000, 0x2000 | r.randrange(1, 0x2000),
                             r.randrange(1, 0x2000)])
            self.kind("ip4-frag")
        tot = 20 + len(opts) + len(l4)
        if r.random() < 0.15:
            tot = r.choice([0, 19, 20 + len(opts) - 1, tot + 1, tot + 100,
                            65535])
            self.kind("ip4-totlen")
        verihl = 0x40 | ihl
        if r.random() < 0.1:
            verihl = r.choice([0x45 & 0xF0 | r.randrange(0, 5),
                               0x65, r.getrandbits(8)])
            self.kind("ip4-bad-ihl-version")
        hdr = struct.pack("!BBHHHBBH4s4s", verihl, 0, tot & 0xFFFF, 1, frag,
                          64, proto, 0, self.ip4(), self.ip4()) + opts
        hdr = hdr[:10] + struct.pack("!H", csum(hdr[:20])) + hdr[12:]
        return 0x0800, hdr + l4

    def ipv6(self):
        r = self.r
        nexthdrs = []
        for _ in range(r.choice([0, 0, 1, 2, 3, 9])):
            nexthdrs.append(r.choice([0, 43, 60, 44, 51]))
        proto = self.proto(True)
        l4 = self.l4(proto, True)
        body = l4
        nh = proto
        for h in reversed(nexthdrs):
            if h == 44:
                off = r.choice([0, 0, r.randrange(1, 0x2000)]) << 3
                ext = struct.pack("!BBHI", nh, 0, off | r.choice([0, 1]),
                                  r.getrandbits(32))
            elif h == 51:
                ln = r.choice([1, 2, 4])
                ext = bytes([nh, ln]) + self.rbytes((ln + 2) * 4 - 2)
            else:
                ln = r.choice([0, 0, 1])
                ext = bytes([nh, ln]) + self.rbytes((ln + 1) * 8 - 2)
            if r.random() < 0.1:
                # A length that runs past the end of the frame.
                ext = ext[:1] + bytes([255]) + ext[2:]
                self.kind("ip6-ext-len")
            body = ext + body
            nh = h
        if nexthdrs:
            self.kind("ip6-ext")
        plen = len(body)
        if r.random() < 0.15:
            plen = r.choice([0, 1, plen - 1 if plen else 0, plen + 1, 65535])
            self.kind("ip6-plen")
        ver = 6 if r.random() > 0.05 else r.randrange(16)
        hdr = struct.pack("!IHBB16s16s", ver << 28, plen, nh,
                          r.choice([255, 64, 1]), self.ip6(), self.ip6())
        return 0x86DD, hdr + body

    def l3(self):
        r = self.r
        x = r.random()
        if x < 0.4:
            self.kind("ipv4")
            return self.ipv4()
        if x < 0.8:
            self.kind("ipv6")
            return self.ipv6()
        if x < 0.85:
            self.kind("arp")
            return 0x0806, self.rbytes(28)
        if x < 0.9:
            self.kind("802.3-length")
            return r.randrange(0x600), self.rbytes(r.randrange(46))
        self.kind("random-ethertype")
        return r.choice([0x88B5, 0x88CC, r.randrange(0x600, 0x10000)]), \
            self.rbytes(r.randrange(100))

    # ---------------------------------------------------------- L2
    def tags(self):
        r = self.r
        x = r.random()
        vids = [int(v) for v in self.o.vids.split(",") if v] or [1]
        if x < 0.55:
            return []
        self.kind("tagged")
        if x < 0.65:
            return [(0x8100, r.randrange(8) << 13)]      # priority tag
        if x < 0.8:
            return [(0x8100, r.choice(vids + [r.randrange(4096)]))]
        if x < 0.88:
            self.kind("802.1ad")
            return [(0x88A8, r.randrange(4096))]
        self.kind("double-tag")
        return [(r.choice(TPIDS), r.choice(vids + [0])),
                (r.choice(TPIDS), r.randrange(4096))]

    def macs(self):
        r = self.r
        x = r.random()
        if x < 0.8:
            src = self.src
        else:
            self.kind("src-mac-other")
            src = r.choice([self.rbytes(6), b"\0" * 6, b"\x01\0\x5e\0\0\1",
                            b"\x02" + self.rbytes(5)])
        dst = r.choice(self.dsts + [b"\xff" * 6, b"\x01\x00\x5e\x00\x00\x01",
                                    b"\x33\x33\x00\x00\x00\x01",
                                    b"\x02" + self.rbytes(5)])
        return dst, src

    def frame(self):
        r = self.r
        dst, src = self.macs()
        tags = self.tags()
        etype, payload = self.l3()
        if r.random() < 0.05:
            self.kind("random-payload")
            payload = self.rbytes(r.randrange(1500))
        f = dst + src
        for tpid, tci in tags:
            f += struct.pack("!HH", tpid, tci)
        f += struct.pack("!H", etype) + payload
        x = r.random()
        if x < 0.1:
            self.kind("flipped")
            b = bytearray(f)
            for _ in range(r.randrange(1, 8)):
                i = r.randrange(12, len(b))
                b[i] ^= 1 << r.randrange(8)
            f = bytes(b)
        elif x < 0.25:
            self.kind("cut")
            f = f[:r.randrange(12, len(f) + 1)]
        elif x < 0.6:
            f += b"\0" * max(0, 60 - len(f))
        return f[:1514]


def udp_dhcp(sport, dport):
    return struct.pack("!HHHH", sport, dport, 8 + 240, 0) + b"\x02" + b"\0" * 239


def ip4_hdr(proto, l4, ihl=5, frag=0):
    opts = b"\x01" * ((ihl - 5) * 4)          # NOPs
    hdr = struct.pack("!BBHHHBBH4s4s", 0x40 | ihl, 0, 20 + len(opts) + len(l4),
                      1, frag, 64, proto, 0, bytes([10, 0, 0, 1]),
                      bytes([255] * 4)) + opts
    return hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:] + l4


def ip6_hdr(nh, body):
    return struct.pack("!IHBB16s16s", 6 << 28, len(body), nh, 255,
                       b"\xfe\x80" + b"\0" * 13 + b"\x01",
                       b"\xff\x02" + b"\0" * 13 + b"\x01") + body


RA = struct.pack("!BBHBBHII", 134, 0, 0, 64, 0, 1800, 0, 0)
# name: (ethertype, payload, the drop reason the switch must give it: a
# guard's, or the VLAN step's where it drops the frame first)
CASES = {
    "dhcp4-ip-options": (0x0800, ip4_hdr(17, udp_dhcp(67, 68), ihl=7),
                         "dhcp-guard"),
    "dhcp4-first-fragment": (0x0800, ip4_hdr(17, udp_dhcp(67, 68),
                                             frag=0x2000), "dhcp-guard"),
    "dhcp6-behind-ext-headers": (
        0x86DD, ip6_hdr(0, bytes([60, 0]) + b"\x01\x04" + b"\0" * 4 +
                        bytes([17, 1]) + b"\x01\x0c" + b"\0" * 12 +
                        udp_dhcp(547, 546)), "dhcp-guard"),
    "ra-behind-hop-by-hop": (0x86DD, ip6_hdr(0, bytes([58, 0]) +
                                             b"\x01\x04" + b"\0" * 4 + RA),
                             "router-guard"),
    "ra-in-first-fragment": (0x86DD, ip6_hdr(44, struct.pack("!BBHI", 58, 0,
                                                              1, 7) + RA),
                             "router-guard"),
    # 802.1ad, which the switch carries as payload, in front.
    "dhcp4-behind-802.1ad": (0x88A8, struct.pack("!HH", 100, 0x0800) +
                             ip4_hdr(17, udp_dhcp(67, 68)), "dhcp-guard"),
    # 802.1ad and 802.1Q in the payload: the guard looks through both.
    "ra-behind-two-tags": (0x88A8, struct.pack("!HHHH", 100, 0x8100, 5, 0x86DD)
                           + ip6_hdr(58, RA), "router-guard"),
    # A priority tag (the port's VLAN) with a tag for another behind it:
    # the VLAN step drops it before any guard (VLAN hopping).
    "ra-behind-priority-tag": (0x8100, struct.pack("!HHHH", 0, 0x8100, 5,
                                                   0x86DD)
                               + ip6_hdr(58, RA), "vlan"),
    "redirect4-ip-options": (0x0800, ip4_hdr(1, struct.pack("!BBHI", 5, 1, 0, 0)
                                             + b"\0" * 28, ihl=6),
                             "router-guard"),
}


def send_case(o):
    etype, payload, _ = CASES[o.case]
    f = mac(o.dst) + mac(o.src) + struct.pack("!H", etype) + payload
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((o.ifname, 0))
    s.send(f + b"\0" * max(0, 60 - len(f)))
    return 0


def main():
    p = argparse.ArgumentParser(usage=__doc__)
    p.add_argument("ifname")
    p.add_argument("--case", choices=sorted(CASES))
    p.add_argument("--list-cases", action="store_true")
    p.add_argument("--seed", type=int)
    p.add_argument("--count", type=int)
    p.add_argument("--src", default="02:00:00:00:00:01")
    p.add_argument("--dst", default="ff:ff:ff:ff:ff:ff")
    p.add_argument("--vids", default="")
    o = p.parse_args()
    if o.list_cases:
        for name in sorted(CASES):
            print(name, CASES[name][2])
        return 0
    if o.case:
        return send_case(o)
    if o.seed is None or o.count is None:
        p.error("--seed and --count are needed")

    g = Gen(o)
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((o.ifname, 0))
    sent = refused = stack = 0
    for _ in range(o.count):
        f = g.frame()
        try:
            s.send(f)
        except OSError:
            refused += 1
            continue
        sent += 1
        if 14 <= len(f) < 20 and struct.unpack("!H", f[12:14])[0] in TPIDS:
            stack += 1
    print(json.dumps({"seed": o.seed, "sent": sent, "refused": refused,
                      "stack_drops": stack, "kinds": g.kinds},
                     sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
