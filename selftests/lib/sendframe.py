#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Send exact Ethernet frames on an interface, for the xswitch selftests.

    sendframe.py [-c COUNT] IFNAME --src MAC --dst MAC [--tag TPID:VID]...
                 KIND [ARGS...]

KIND is one of:
    raw ETHERTYPE [HEX]              ethertype and payload as given (padded)
    udp4 SIP DIP SPORT DPORT         IPv4/UDP, 16 bytes of payload
    udp6 SIP DIP SPORT DPORT         IPv6/UDP
    icmp4 SIP DIP TYPE CODE          IPv4/ICMP (type 5: a redirect to SIP)
    icmp6 SIP DIP TYPE CODE          IPv6/ICMPv6, hop limit 255 (type 134: a
                                     router advertisement, 137: a redirect)
    ns6 SIP DIP TARGET [HLIM]        a neighbour solicitation for TARGET with
                                     a source link-layer option (--src),
                                     hop limit HLIM (255)
    vxlan4 SIP DIP VNI ISRC IDST IKIND [IARGS...]
                                     IPv4/UDP/VXLAN to port --vxlan-port
                                     (4789), UDP checksum 0, around the
                                     inner frame ISRC -> IDST of kind IKIND
                                     (any of the above but vxlan4, vxlan6)
    vxlan6 SIP DIP VNI ISRC IDST IKIND [IARGS...]
                                     the same over IPv6, UDP checksum set

VXLAN options, to build malformed headers: --vx-flags N, the header's first
32-bit word (default 0x08000000: the I flag alone); --vx-rsvd N, its last
byte (default 0); --cut N, keep only N bytes of the UDP payload (the VXLAN
header and the inner frame), the UDP and IP lengths made to match.

--tag may repeat, outermost first: "--tag 0x88a8:100 --tag 0x8100:5" makes
a QinQ frame.  Checksums are correct, so a receiving stack would accept the
frames.  Frames go out of an AF_PACKET socket exactly as built (padded to
60 bytes); run it in the namespace of IFNAME (ip netns exec NS ...).
"""

import argparse
import ipaddress
import socket
import struct
import sys


def mac(text):
    b = bytes(int(x, 16) for x in text.split(":"))
    if len(b) != 6:
        raise argparse.ArgumentTypeError("bad MAC %r" % text)
    return b


def tag(text):
    tpid, vid = text.split(":")
    return int(tpid, 0), int(vid, 0)


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ipv4(src, dst, proto, l4):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(l4), 0x1234, 0,
                      64, proto, 0, ipaddress.IPv4Address(src).packed,
                      ipaddress.IPv4Address(dst).packed)
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    return 0x0800, hdr + l4


def ipv6(src, dst, nexthdr, l4, hlim=64):
    s = ipaddress.IPv6Address(src).packed
    d = ipaddress.IPv6Address(dst).packed
    hdr = struct.pack("!IHBB16s16s", 6 << 28, len(l4), nexthdr, hlim, s, d)
    return 0x86DD, hdr + l4


def pseudo4(src, dst, proto, length):
    return (ipaddress.IPv4Address(src).packed +
            ipaddress.IPv4Address(dst).packed +
            struct.pack("!BBH", 0, proto, length))


def pseudo6(src, dst, proto, length):
    return (ipaddress.IPv6Address(src).packed +
            ipaddress.IPv6Address(dst).packed +
            struct.pack("!IxxxB", length, proto))


def udp(pseudo, sip, dip, sport, dport):
    payload = b"xswitch-selftest"
    length = 8 + len(payload)
    hdr = struct.pack("!HHHH", sport, dport, length, 0)
    c = csum(pseudo(sip, dip, 17, length) + hdr + payload) or 0xFFFF
    return struct.pack("!HHHH", sport, dport, length, c) + payload


def vxlan(o, a, v6):
    sip, dip, vni = a[0], a[1], int(a[2], 0)
    etype, l3 = build_l3(a[5], a[6:], o)
    inner = mac(a[4]) + mac(a[3]) + struct.pack("!H", etype) + l3
    payload = struct.pack("!II", o.vx_flags, (vni << 8) | o.vx_rsvd) + inner
    if o.cut is not None:
        payload = payload[:o.cut]
    sport, length = 49152 + vni % 16384, 8 + len(payload)
    hdr = struct.pack("!HHHH", sport, o.vxlan_port, length, 0)
    if not v6:
        return ipv4(sip, dip, 17, hdr + payload)
    c = csum(pseudo6(sip, dip, 17, length) + hdr + payload) or 0xFFFF
    hdr = struct.pack("!HHHH", sport, o.vxlan_port, length, c)
    return ipv6(sip, dip, 17, hdr + payload)


def build_l3(kind, a, o=None):
    src = o.src if o is not None else None
    if kind in ("vxlan4", "vxlan6") and o is not None:
        return vxlan(o, a, kind == "vxlan6")
    if kind == "raw":
        etype = int(a[0], 0)
        payload = bytes.fromhex(a[1]) if len(a) > 1 else b"xswitch-selftest"
        return etype, payload
    if kind == "udp4":
        sip, dip, sport, dport = a[0], a[1], int(a[2]), int(a[3])
        return ipv4(sip, dip, 17, udp(pseudo4, sip, dip, sport, dport))
    if kind == "udp6":
        sip, dip, sport, dport = a[0], a[1], int(a[2]), int(a[3])
        return ipv6(sip, dip, 17, udp(pseudo6, sip, dip, sport, dport))
    if kind == "icmp4":
        sip, dip, typ, code = a[0], a[1], int(a[2]), int(a[3])
        if typ == 5:
            # A redirect: gateway, then the offending datagram's header.
            _, orig = ipv4(dip, "192.0.2.1", 17, b"\0" * 8)
            body = ipaddress.IPv4Address(sip).packed + orig
        else:
            body = struct.pack("!HH", 0x4242, 1) + b"xswitch-selftest"
        msg = struct.pack("!BBH", typ, code, 0) + body
        msg = msg[:2] + struct.pack("!H", csum(msg)) + msg[4:]
        return ipv4(sip, dip, 1, msg)
    if kind == "icmp6":
        sip, dip, typ, code = a[0], a[1], int(a[2]), int(a[3])
        if typ == 134:
            # Router advertisement: hop limit, flags, lifetime, timers.
            body = struct.pack("!BBHII", 64, 0, 1800, 0, 0)
        elif typ == 137:
            # Redirect: reserved, target, destination.
            body = (b"\0" * 4 + ipaddress.IPv6Address(sip).packed +
                    ipaddress.IPv6Address("2001:db8::1").packed)
        else:
            body = struct.pack("!HH", 0x4242, 1) + b"xswitch-selftest"
        msg = struct.pack("!BBH", typ, code, 0) + body
        c = csum(pseudo6(sip, dip, 58, len(msg)) + msg)
        msg = msg[:2] + struct.pack("!H", c) + msg[4:]
        return ipv6(sip, dip, 58, msg, hlim=255)
    if kind == "ns6":
        sip, dip, target = a[0], a[1], a[2]
        hlim = int(a[3]) if len(a) > 3 else 255
        body = (b"\0" * 4 + ipaddress.IPv6Address(target).packed +
                struct.pack("!BB", 1, 1) + src)
        msg = struct.pack("!BBH", 135, 0, 0) + body
        c = csum(pseudo6(sip, dip, 58, len(msg)) + msg)
        msg = msg[:2] + struct.pack("!H", c) + msg[4:]
        return ipv6(sip, dip, 58, msg, hlim=hlim)
    raise SystemExit("sendframe.py: unknown kind %r" % kind)


def main():
    p = argparse.ArgumentParser(usage=__doc__)
    p.add_argument("-c", "--count", type=int, default=1)
    p.add_argument("ifname")
    p.add_argument("--src", type=mac, required=True)
    p.add_argument("--dst", type=mac, required=True)
    p.add_argument("--tag", type=tag, action="append", default=[])
    p.add_argument("--vxlan-port", type=int, default=4789)
    p.add_argument("--vx-flags", type=lambda x: int(x, 0), default=0x08000000)
    p.add_argument("--vx-rsvd", type=lambda x: int(x, 0), default=0)
    p.add_argument("--cut", type=int)
    p.add_argument("kind")
    p.add_argument("args", nargs="*")
    o = p.parse_args()

    etype, payload = build_l3(o.kind, o.args, o)
    frame = o.dst + o.src
    for tpid, vid in o.tag:
        frame += struct.pack("!HH", tpid, vid)
    frame += struct.pack("!H", etype) + payload
    frame += b"\0" * max(0, 60 - len(frame))

    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((o.ifname, 0))
    for _ in range(o.count):
        s.send(frame)
    s.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
