#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""A fuzzer for the xswitch generic netlink family.

    nlfuzz.py [--header FILE] [--seed N] MODE [ARG]

MODE is one of:
  baseline        build the baseline configuration (below) and print it
  structured      every case of the table below; each must be refused with
                  an extack message and leave the state as it was
  random N        N random mutations of valid messages: no answer may be
                  a crash (the caller checks dmesg), a refusal must leave
                  the state as it was; refusals without a message are
                  counted and reported, not failed
  fault           fail-nth over every state-changing command: fail the
                  1st, 2nd, ... allocation until the command succeeds;
                  each failure must be an error that changed nothing
  list            print the structured cases without sending them

Runs as root inside a network namespace of its own (the caller makes it),
with xswitch and xsw_example loaded.  The baseline, which every mode
builds first and rebuilds when a request it expected to succeed changed
the state: two switches, fzsw0 (ports: external fzext0, vm fzvm0 (access,
PVID 10), vm fzvm1 (trunk 10,20,30, native 10), internal fzint0) and fzsw1
(vm fzvm2); static FDB entries; ACL rules in both directions and a
default deny; QoS limits, a guarantee and a link rate; extension
"example" attached to fzsw0.  Network virtualisation: vnets fzvnA (rdid
100; VSIDs 5001, with an IPv4 and an IPv6 prefix and a gateway, and 5002,
layer 2 only over NVGRE) and fzvnB (rdid 200, empty); PA 192.0.2.10 of
fzsw0 (the address is fzint0's, as is 192.0.2.11); fzvm0 in VSID 5001
with two CAs; mappings in both VSIDs (MAP_NEW and MAP_BULK); fzsw0's
VXLAN port 4790.  Devices that are not ports: fzspare (veth), fzbr0 (a
Linux bridge).  Every link stays down and IPv6 is off, so no frame moves
and the state is only what requests make it.

"The state" is what the GET dumps return of configuration: switches,
ports, static FDB entries, ACLs, QoS, extensions, vnets, virtual subnets,
PAs, ports' VSIDs and mappings, without counters, ifindexes, generation
numbers, addresses the kernel makes up, or learned entries.

Attribute numbers are read from uapi/linux/xswitch.h (its enums); the
table TYPES below gives each attribute's type and range, as the UAPI
comments and kmod/netlink.c's policies do.  A command or attribute the
header has and the table does not is an error, so the table cannot fall
behind.

Output: one line per case that failed, "FAIL <op> <attr>: <what was
sent>: <what came back>", then "structured: N cases, N passed, N failed"
(or the random/fault summary).  Exit status 0 when nothing failed.
"""
import argparse
import errno
import os
import random
import re
import socket
import struct
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True    # no __pycache__ in the tree
import genl  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = os.path.join(HERE, "..", "..", "uapi", "linux", "xswitch.h")


# ---------------------------------------------------------------------------
# The UAPI: enum values from the header

def parse_header(path):
    """{name: value} of every enumerator and numeric #define in path."""
    text = open(path).read()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    vals = {}
    for m in re.finditer(r"#define\s+(\w+)\s+(0x[0-9a-fA-F]+|\d+)U*L*", text):
        vals[m.group(1)] = int(m.group(2), 0)
    for body in re.findall(r"enum\s+\w+\s*\{(.*?)\}", text, flags=re.S):
        n = -1
        for item in body.split(","):
            item = item.strip()
            if not item:
                continue
            if "=" in item:
                name, expr = (s.strip() for s in item.split("=", 1))
                n = eval(expr, {}, vals)  # "__X - 1", numbers
            else:
                name, n = item, n + 1
            vals[name] = n
    return vals


# ---------------------------------------------------------------------------
# The table: every attribute's type.  Types:
#   u8/u16/u32/u64:MIN:MAX, ifindex, ifname (lookup), str:MAXLEN, mac,
#   bin:LEN (exact), binr:MIN:MAX, flag, nest:SET (a nest of SET's
#   attributes), list:SET:ATTR (a nest of ATTRs, each a nest of SET),
#   alist:SET:ATTR (a nest of ATTRs of SET, each a value of ATTR's type),
#   ro:TYPE (read-only: the kernel sends it, no request may carry it)

U64MAX = (1 << 64) - 1
TYPES = {
    "SWITCH": {
        "IFINDEX": "ifindex", "IFNAME": "ifname", "MTU": "ro:u32",
        "ADDRESS": "ro:mac", "OPERSTATE": "ro:u8", "UP": "ro:flag",
        "NUM_PORTS": "ro:u32", "AGEING_TIME": "u32:1:1000000",
        "STATS": "ro:nest", "PAD": "ro:u32",
        "CONN_MAX": "u32:1:1000000", "CONN_ENTRIES": "ro:u32",
        "CONN_EVICTIONS": "ro:u64", "CONN_EXPIRED": "ro:u64",
        "VXLAN_PORT": "u16:1:65535",
    },
    "PORT": {
        "IFINDEX": "ifindex", "IFNAME": "ifname",
        "SWITCH_IFINDEX": "ifindex", "SWITCH_IFNAME": "ifname",
        "TYPE": "u8:1:3", "VLAN_MODE": "u8:1:2", "PVID": "u16:1:4094",
        "VLANS": "bin:512", "NATIVE_VLAN": "u16:0:4094", "MAC": "mac",
        "MAC_SPOOFING": "u8:0:1", "DHCP_GUARD": "u8:0:1",
        "ROUTER_GUARD": "u8:0:1", "ISOLATED": "u8:0:1",
        "LEARN_LIMIT": "u32:0:1000000", "LEARNED": "ro:u32",
        "CARRIER": "ro:u8", "MTU": "ro:u32", "STATS": "ro:nest",
    },
    "FDB": {
        "SWITCH_IFINDEX": "ifindex", "SWITCH_IFNAME": "ifname",
        "MAC": "mac", "VLAN": "u16:1:4094", "PORT_IFINDEX": "ifindex",
        "PORT_IFNAME": "ifname", "STATIC": "flag", "AGE": "ro:u32",
    },
    "EXT": {
        "NAME": "str:31", "TYPE": "ro:u8", "DESCRIPTION": "ro:str",
        "VERSION": "ro:str", "OPTIONS": "list:EXT_OPT:OPTION",
        "ATTACHMENTS": "ro:nest", "ATTACHMENT": "ro:nest",
        "SWITCH_IFINDEX": "ifindex", "SWITCH_IFNAME": "ifname",
        "PRIORITY": "u32:0:65535", "STATS": "ro:nest",
    },
    "EXT_OPT": {
        "OPTION": "ro:nest", "NAME": "str:31", "TYPE": "ro:u8",
        "VALUE": "binr:0:64", "RANGE_MIN": "ro:u32", "RANGE_MAX": "ro:u32",
        "DEFAULT": "ro:u32", "HELP": "ro:str",
    },
    "ACL": {
        "PORT_IFINDEX": "ifindex", "PORT_IFNAME": "ifname", "DIR": "u8:1:2",
        "ID": "u32:1:4294967295", "PRIORITY": "u32:0:4294967295",
        "ACTION": "u8:1:3", "DEFAULT": "u8:1:2", "SRC_MAC": "mac",
        "SRC_MAC_MASK": "mac", "DST_MAC": "mac", "DST_MAC_MASK": "mac",
        "ETH_TYPE": "u16:0:65535", "VLAN_ID": "u16:1:4094",
        "SRC_IP": "binr:4:16", "DST_IP": "binr:4:16",
        "SRC_PREFIX": "u8:0:128", "DST_PREFIX": "u8:0:128",
        "IP_PROTO": "u8:0:255", "SRC_PORT_MIN": "u16:0:65535",
        "SRC_PORT_MAX": "u16:0:65535", "DST_PORT_MIN": "u16:0:65535",
        "DST_PORT_MAX": "u16:0:65535", "ICMP_TYPE": "u8:0:255",
        "ICMP_CODE": "u8:0:255", "TCP_FLAGS": "u8:0:255",
        "TCP_FLAGS_MASK": "u8:0:255", "STATS": "ro:nest",
        "RULES": "list:ACL:RULE", "RULE": "ro:nest", "SHAPES": "ro:u32",
        "PAD": "ro:u32",
    },
    "QOS": {
        "PORT_IFINDEX": "ifindex", "PORT_IFNAME": "ifname", "DIR": "u8:1:2",
        "MAX_RATE": "u64:1:1000000000000", "BURST": "u32:1:268435456",
        "MIN_RATE": "u64:1:1000000000000", "MIN_WEIGHT": "u32:1:100",
        "CLASS": "ro:u32", "STATS": "ro:nest", "PAD": "ro:u32",
        "SWITCH_IFINDEX": "ifindex", "SWITCH_IFNAME": "ifname",
        "HTB_MAJOR": "ro:u16", "LIMIT": "ro:nest", "DEL_MAX": "flag",
        "DEL_MIN": "flag", "LINK_RATE": "u64:1:1000000000000",
        "DEL_LINK": "flag",
    },
    "VNET": {
        "PAD": "ro:u32", "NAME": "str:31", "RDID": "u32:0:4294967295",
        "NUM_VSUBNETS": "ro:u32", "GEN": "ro:u64",
    },
    "VSUBNET": {
        "PAD": "ro:u32", "VSID": "u32:4096:16777214", "VNET": "str:31",
        "RDID": "ro:u32", "PREFIXES": "list:VPREFIX:PREFIX",
        "PREFIX": "ro:nest", "GATEWAY": "binr:4:16", "ENCAP": "u8:1:2",
        "NUM_PORTS": "ro:u32", "NUM_MAPS": "ro:u32", "NUM_PAS": "ro:u32",
        "GEN": "ro:u64", "STATS": "ro:nest",
    },
    "VPREFIX": {
        "PREFIX": "ro:nest", "ADDR": "binr:4:16", "LEN": "u8:0:128",
    },
    "PA": {
        "PAD": "ro:u32", "SWITCH_IFINDEX": "ifindex",
        "SWITCH_IFNAME": "ifname", "ADDR": "binr:4:16", "GEN": "ro:u64",
    },
    "VPORT": {
        "PAD": "ro:u32", "PORT_IFINDEX": "ifindex", "PORT_IFNAME": "ifname",
        "VSID": "u32:0:16777214", "CAS": "alist:VPORT:CA",
        "CA": "binr:4:16", "GEN": "ro:u64",
    },
    "MAP": {
        "PAD": "ro:u32", "VSID": "u32:4096:16777214", "CA": "binr:4:16",
        "MAC": "mac", "PA": "binr:4:16", "RDID": "ro:u32", "GEN": "ro:u64",
        "HITS": "ro:u64", "ENTRIES": "list:MAP:ENTRY", "ENTRY": "ro:nest",
        "COUNT": "ro:u32", "GEN_MIN": f"u64:0:{U64MAX}",
    },
}
PREFIX = {"SWITCH": "XSW_A_SWITCH_", "PORT": "XSW_A_PORT_",
          "FDB": "XSW_A_FDB_", "EXT": "XSW_A_EXT_",
          "EXT_OPT": "XSW_A_EXT_OPT_", "ACL": "XSW_A_ACL_",
          "QOS": "XSW_A_QOS_", "VNET": "XSW_A_VNET_",
          "VSUBNET": "XSW_A_VSUBNET_", "VPREFIX": "XSW_A_VPREFIX_",
          "PA": "XSW_A_PA_", "VPORT": "XSW_A_VPORT_", "MAP": "XSW_A_MAP_"}
# The header's enum of each set, to check the table against it.
ENUM_PREFIX = {"SWITCH": "XSW_A_SWITCH_", "PORT": "XSW_A_PORT_",
               "FDB": "XSW_A_FDB_", "EXT": "XSW_A_EXT_",
               "EXT_OPT": "XSW_A_EXT_OPT", "ACL": "XSW_A_ACL_",
               "QOS": "XSW_A_QOS_", "VNET": "XSW_A_VNET_",
               "VSUBNET": "XSW_A_VSUBNET_", "VPREFIX": "XSW_A_VPREFIX_",
               "PA": "XSW_A_PA_", "VPORT": "XSW_A_VPORT_",
               "MAP": "XSW_A_MAP_"}
# A list's element that its parent set's enum holds, not the nest's own.
ELEMENT = {("EXT_OPT", "OPTION"): "XSW_A_EXT_OPTION",
           ("VPREFIX", "PREFIX"): "XSW_A_VSUBNET_PREFIX"}

V = {}          # parse_header()
IFX = {}        # device name -> ifindex, after each baseline build


def anum(aset, name):
    """The number of attribute NAME of set ASET."""
    return V[full_name(aset, name)]


def full_name(aset, name):
    return ELEMENT.get((aset, name), PREFIX[aset] + name)


def check_table():
    """Errors where the header and TYPES disagree."""
    errs = []
    for aset, pfx in ENUM_PREFIX.items():
        names = {k for k in V if k.startswith(pfx) and not
                 k.endswith(("_UNSPEC", "_MAX"))}
        if aset == "EXT":
            names = {k for k in names if not k.startswith("XSW_A_EXT_OPT")
                     and not k.startswith("XSW_A_EXT_STATS_")}
        if aset == "EXT_OPT":
            names = {k for k in names if k.startswith("XSW_A_EXT_OPT_")
                     or k == "XSW_A_EXT_OPTION"}
        if aset == "ACL":
            names = {k for k in names if not k.startswith("XSW_A_ACL_STATS_")}
        if aset == "QOS":
            names = {k for k in names if not k.startswith("XSW_A_QOS_STATS_")}
        if aset == "VSUBNET":
            names = {k for k in names
                     if not k.startswith("XSW_A_VSUBNET_STATS_")}
        known = {full_name(aset, a) for a in TYPES[aset]}
        for k in sorted(names - known):
            errs.append(f"{k} is in the header but not in TYPES[{aset}]")
        for k in sorted(known - set(V)):
            errs.append(f"{k} is in TYPES but not in the header")
    cmds = {k[8:] for k in V if k.startswith("XSW_CMD_")
            and k not in ("XSW_CMD_UNSPEC", "XSW_CMD_MAX", "__XSW_CMD_MAX")}
    mine = {op.split("/")[0] for op in OPS}
    for c in sorted(cmds - mine):
        errs.append(f"XSW_CMD_{c} is in the header but has no cases")
    return errs


# ---------------------------------------------------------------------------
# Encoding

def enc_int(size, v):
    return struct.pack({1: "=B", 2: "=H", 4: "=I", 8: "=Q"}[size],
                       v & ((1 << (8 * size)) - 1))


SIZES = {"u8": 1, "u16": 2, "u32": 4, "u64": 8}


def enc_value(aset, name, value):
    """The payload of attribute NAME of ASET holding value."""
    t = TYPES[aset][name].split(":")
    if t[0] == "ro":
        t = t[1:]
    kind = t[0]
    if kind in SIZES:
        return enc_int(SIZES[kind], value)
    if kind == "ifindex":
        return enc_int(4, IFX.get(value, 0) if isinstance(value, str)
                       else value)
    if kind in ("ifname", "str"):     # names may be any bytes
        return (value if isinstance(value, bytes) else value.encode()) + \
            b"\0"
    if kind == "flag":
        return b""
    if kind in ("mac", "bin", "binr", "nest"):
        return bytes(value)
    if kind == "list":
        return b"".join(genl.nest(anum(t[1], t[2]), enc(t[1], item))
                        for item in value)
    if kind == "alist":
        return b"".join(enc_attr(t[1], t[2], item) for item in value)
    raise ValueError(f"no encoding for {aset} {name}")


def enc_attr(aset, name, value):
    t = TYPES[aset][name]
    a = anum(aset, name)
    if t.startswith(("list:", "alist:")):
        a |= genl.NLA_F_NESTED
    return genl.attr(a, enc_value(aset, name, value))


def enc(aset, items):
    """Attributes from [(name, value)]; raw bytes items go as they are."""
    out = b""
    for it in items:
        out += it if isinstance(it, bytes) else enc_attr(aset, *it)
    return out


def mac(s):
    return bytes(int(x, 16) for x in s.split(":"))


def vlans(*ids):
    bm = bytearray(512)
    for v in ids:
        bm[v // 8] |= 1 << (v % 8)
    return bytes(bm)


def opt(name, value):
    return [("NAME", name), ("VALUE", value)]


def ip(s):
    """An address attribute's payload: 4 bytes for IPv4, 16 for IPv6."""
    return socket.inet_pton(socket.AF_INET6 if ":" in s else socket.AF_INET,
                            s)


def pfx(s):
    """A prefix (XSW_A_VSUBNET_PREFIX) of "ADDR/LEN"."""
    a, n = s.split("/")
    return [("ADDR", ip(a)), ("LEN", int(n))]


def ment(vsid, ca, mac_, pa):
    """A mapping's attributes (MAP_NEW, or an entry of MAP_BULK)."""
    return [("VSID", vsid), ("CA", ip(ca)), ("MAC", mac(mac_)),
            ("PA", ip(pa))]


# ---------------------------------------------------------------------------
# Commands: their attribute set, the attributes they use (the UAPI's tree),
# the groups of which one is required, and a valid message against the
# baseline.  "ops/variant" names a second valid message of one command.

def O(aset, use, req, seed, dump=False, admin=True):
    return {"set": aset, "use": use.split(), "req": [g.split("|")
            for g in req.split()], "seed": seed, "dump": dump,
            "admin": admin}


R1 = [("ACTION", 1), ("PRIORITY", 5), ("IP_PROTO", 6),
      ("DST_PORT_MIN", 22), ("DST_PORT_MAX", 23)]
R2 = [("ACTION", 2), ("SRC_IP", bytes([192, 168, 0, 0])),
      ("SRC_PREFIX", 16)]
R3 = [("ACTION", 3), ("ETH_TYPE", 0x86dd), ("DST_IP", bytes(16)),
      ("DST_PREFIX", 8), ("IP_PROTO", 58), ("ICMP_TYPE", 128),
      ("ICMP_CODE", 0)]

OPS = {
    "SWITCH_NEW": O("SWITCH", "IFNAME", "", [("IFNAME", "fzsw9")]),
    "SWITCH_DEL": O("SWITCH", "IFINDEX IFNAME", "IFINDEX|IFNAME",
                    [("IFNAME", "fzsw1")]),
    "SWITCH_GET": O("SWITCH", "IFINDEX IFNAME", "IFINDEX|IFNAME",
                    [("IFNAME", "fzsw0")], admin=False),
    "SWITCH_SET": O("SWITCH", "IFINDEX IFNAME AGEING_TIME CONN_MAX "
                    "VXLAN_PORT", "IFINDEX|IFNAME",
                    [("IFNAME", "fzsw0"), ("AGEING_TIME", 300),
                     ("CONN_MAX", 100), ("VXLAN_PORT", 8472)]),
    "PORT_NEW": O("PORT", "SWITCH_IFINDEX SWITCH_IFNAME TYPE IFINDEX IFNAME",
                  "SWITCH_IFINDEX|SWITCH_IFNAME IFINDEX|IFNAME",
                  [("SWITCH_IFNAME", "fzsw0"), ("TYPE", 2),
                   ("IFNAME", "fzspare")]),
    "PORT_NEW/internal": O("PORT", "SWITCH_IFINDEX SWITCH_IFNAME TYPE IFNAME",
                           "SWITCH_IFINDEX|SWITCH_IFNAME IFNAME",
                           [("SWITCH_IFNAME", "fzsw0"), ("TYPE", 3),
                            ("IFNAME", "fzint9")]),
    "PORT_DEL": O("PORT", "IFINDEX IFNAME", "IFINDEX|IFNAME",
                  [("IFNAME", "fzvm1")]),
    "PORT_GET": O("PORT", "IFINDEX IFNAME", "IFINDEX|IFNAME",
                  [("IFNAME", "fzvm0")], admin=False),
    "PORT_SET": O("PORT", "IFINDEX IFNAME VLAN_MODE PVID VLANS NATIVE_VLAN "
                  "MAC MAC_SPOOFING DHCP_GUARD ROUTER_GUARD ISOLATED "
                  "LEARN_LIMIT", "IFINDEX|IFNAME",
                  [("IFNAME", "fzvm0"), ("VLAN_MODE", 2),
                   ("VLANS", vlans(10, 40)), ("NATIVE_VLAN", 40),
                   ("MAC", mac("02:00:00:00:0a:0a")), ("MAC_SPOOFING", 1),
                   ("DHCP_GUARD", 0), ("ROUTER_GUARD", 0), ("ISOLATED", 1),
                   ("LEARN_LIMIT", 7)]),
    "PORT_SET/access": O("PORT", "IFINDEX IFNAME VLAN_MODE PVID",
                         "IFINDEX|IFNAME",
                         [("IFNAME", "fzvm1"), ("VLAN_MODE", 1),
                          ("PVID", 20)]),
    "FDB_NEW": O("FDB", "SWITCH_IFINDEX SWITCH_IFNAME MAC VLAN PORT_IFINDEX "
                 "PORT_IFNAME", "SWITCH_IFINDEX|SWITCH_IFNAME MAC "
                 "PORT_IFINDEX|PORT_IFNAME",
                 [("SWITCH_IFNAME", "fzsw0"),
                  ("MAC", mac("02:00:00:00:01:09")), ("VLAN", 10),
                  ("PORT_IFNAME", "fzvm0")]),
    "FDB_DEL": O("FDB", "SWITCH_IFINDEX SWITCH_IFNAME MAC VLAN",
                 "SWITCH_IFINDEX|SWITCH_IFNAME MAC",
                 [("SWITCH_IFNAME", "fzsw0"),
                  ("MAC", mac("02:00:00:00:01:01")), ("VLAN", 10)]),
    "FDB_GET": O("FDB", "SWITCH_IFINDEX SWITCH_IFNAME",
                 "SWITCH_IFINDEX|SWITCH_IFNAME",
                 [("SWITCH_IFNAME", "fzsw0")], dump=True, admin=False),
    "FDB_FLUSH": O("FDB", "SWITCH_IFINDEX SWITCH_IFNAME PORT_IFINDEX "
                   "PORT_IFNAME STATIC", "SWITCH_IFINDEX|SWITCH_IFNAME",
                   [("SWITCH_IFNAME", "fzsw0"), ("PORT_IFNAME", "fzvm0"),
                    ("STATIC", True)]),
    "EXT_GET": O("EXT", "NAME SWITCH_IFINDEX SWITCH_IFNAME", "NAME",
                 [("NAME", "example"), ("SWITCH_IFNAME", "fzsw0")],
                 admin=False),
    "EXT_ATTACH": O("EXT", "SWITCH_IFINDEX SWITCH_IFNAME NAME PRIORITY "
                    "OPTIONS", "SWITCH_IFINDEX|SWITCH_IFNAME NAME",
                    [("SWITCH_IFNAME", "fzsw1"), ("NAME", "example"),
                     ("PRIORITY", 10),
                     ("OPTIONS", [opt("ethertype", enc_int(4, 0x88b6))])]),
    "EXT_DETACH": O("EXT", "SWITCH_IFINDEX SWITCH_IFNAME NAME",
                    "SWITCH_IFINDEX|SWITCH_IFNAME NAME",
                    [("SWITCH_IFNAME", "fzsw0"), ("NAME", "example")]),
    "EXT_SET": O("EXT", "SWITCH_IFINDEX SWITCH_IFNAME NAME PRIORITY OPTIONS",
                 "SWITCH_IFINDEX|SWITCH_IFNAME NAME PRIORITY|OPTIONS",
                 [("SWITCH_IFNAME", "fzsw0"), ("NAME", "example"),
                  ("PRIORITY", 60),
                  ("OPTIONS", [opt("ethertype", enc_int(4, 0x0800))])]),
    "ACL_ADD": O("ACL", "PORT_IFINDEX PORT_IFNAME DIR ACTION PRIORITY "
                 "SRC_MAC SRC_MAC_MASK DST_MAC DST_MAC_MASK ETH_TYPE VLAN_ID "
                 "SRC_IP DST_IP SRC_PREFIX DST_PREFIX IP_PROTO SRC_PORT_MIN "
                 "SRC_PORT_MAX DST_PORT_MIN DST_PORT_MAX TCP_FLAGS "
                 "TCP_FLAGS_MASK", "PORT_IFINDEX|PORT_IFNAME DIR ACTION",
                 [("PORT_IFNAME", "fzvm0"), ("DIR", 1), ("ACTION", 2),
                  ("PRIORITY", 7), ("SRC_MAC", mac("02:00:00:00:00:01")),
                  ("SRC_MAC_MASK", mac("ff:ff:ff:ff:ff:00")),
                  ("DST_MAC", mac("02:00:00:00:00:02")),
                  ("DST_MAC_MASK", mac("ff:ff:ff:ff:ff:ff")),
                  ("VLAN_ID", 10), ("SRC_IP", bytes([10, 1, 0, 0])),
                  ("SRC_PREFIX", 16), ("DST_IP", bytes([10, 2, 0, 1])),
                  ("DST_PREFIX", 32), ("IP_PROTO", 6),
                  ("SRC_PORT_MIN", 1000), ("SRC_PORT_MAX", 2000),
                  ("DST_PORT_MIN", 80), ("DST_PORT_MAX", 80),
                  ("TCP_FLAGS", 2), ("TCP_FLAGS_MASK", 0x12)]),
    "ACL_ADD/icmp": O("ACL", "PORT_IFINDEX PORT_IFNAME DIR ACTION ETH_TYPE "
                      "IP_PROTO ICMP_TYPE ICMP_CODE",
                      "PORT_IFINDEX|PORT_IFNAME DIR ACTION",
                      [("PORT_IFNAME", "fzvm1"), ("DIR", 2), ("ACTION", 1),
                       ("ETH_TYPE", 0x0800), ("IP_PROTO", 1),
                       ("ICMP_TYPE", 8), ("ICMP_CODE", 0)]),
    "ACL_DEL": O("ACL", "PORT_IFINDEX PORT_IFNAME ID DIR",
                 "PORT_IFINDEX|PORT_IFNAME ID",
                 [("PORT_IFNAME", "fzvm0"), ("ID", 1), ("DIR", 1)]),
    "ACL_GET": O("ACL", "PORT_IFINDEX PORT_IFNAME DIR", "",
                 [("PORT_IFNAME", "fzvm0"), ("DIR", 1)], dump=True,
                 admin=False),
    "ACL_FLUSH": O("ACL", "PORT_IFINDEX PORT_IFNAME DIR",
                   "PORT_IFINDEX|PORT_IFNAME",
                   [("PORT_IFNAME", "fzvm0"), ("DIR", 2)]),
    "ACL_REPLACE": O("ACL", "PORT_IFINDEX PORT_IFNAME DIR RULES DEFAULT",
                     "PORT_IFINDEX|PORT_IFNAME DIR RULES",
                     [("PORT_IFNAME", "fzvm0"), ("DIR", 1),
                      ("DEFAULT", 2), ("RULES", [R1, R2, R3])]),
    "ACL_SET": O("ACL", "PORT_IFINDEX PORT_IFNAME DIR DEFAULT",
                 "PORT_IFINDEX|PORT_IFNAME DIR DEFAULT",
                 [("PORT_IFNAME", "fzvm0"), ("DIR", 1), ("DEFAULT", 2)]),
    "QOS_SET": O("QOS", "PORT_IFINDEX PORT_IFNAME DIR MAX_RATE BURST "
                 "MIN_RATE MIN_WEIGHT", "PORT_IFINDEX|PORT_IFNAME",
                 [("PORT_IFNAME", "fzvm1"), ("DIR", 2),
                  ("MAX_RATE", 5000000), ("BURST", 30000),
                  ("MIN_RATE", 2000000)]),
    "QOS_SET/link": O("QOS", "PORT_IFINDEX PORT_IFNAME LINK_RATE",
                      "PORT_IFINDEX|PORT_IFNAME LINK_RATE",
                      [("PORT_IFNAME", "fzext0"),
                       ("LINK_RATE", 2000000000)]),
    "QOS_GET": O("QOS", "PORT_IFINDEX PORT_IFNAME", "PORT_IFINDEX|PORT_IFNAME",
                 [("PORT_IFNAME", "fzvm0")], admin=False),
    "QOS_DEL": O("QOS", "PORT_IFINDEX PORT_IFNAME DEL_MAX DIR DEL_MIN",
                 "PORT_IFINDEX|PORT_IFNAME",
                 [("PORT_IFNAME", "fzvm1"), ("DEL_MIN", True)]),
    "QOS_DEL/link": O("QOS", "PORT_IFINDEX PORT_IFNAME DEL_LINK",
                      "PORT_IFINDEX|PORT_IFNAME",
                      [("PORT_IFNAME", "fzext0"), ("DEL_LINK", True)]),
    "VNET_NEW": O("VNET", "NAME RDID", "NAME RDID",
                  [("NAME", "fzvn9"), ("RDID", 900)]),
    "VNET_DEL": O("VNET", "NAME", "NAME", [("NAME", "fzvnB")]),
    "VNET_GET": O("VNET", "NAME", "NAME", [("NAME", "fzvnA")], admin=False),
    "VNET_GET/all": O("VNET", "", "", [], dump=True, admin=False),
    "VSUBNET_NEW": O("VSUBNET", "VSID VNET PREFIXES GATEWAY ENCAP",
                     "VSID VNET",
                     [("VSID", 5003), ("VNET", "fzvnA"),
                      ("PREFIXES", [pfx("10.1.3.0/24"),
                                    pfx("2001:db8:3::/64")]),
                      ("GATEWAY", ip("10.1.3.1")), ("ENCAP", 2)]),
    "VSUBNET_NEW/l2": O("VSUBNET", "VSID VNET", "VSID VNET",
                        [("VSID", 5004), ("VNET", "fzvnB")]),
    "VSUBNET_DEL": O("VSUBNET", "VSID", "VSID", [("VSID", 5002)]),
    "VSUBNET_GET": O("VSUBNET", "VSID", "VSID", [("VSID", 5001)],
                     admin=False),
    "VSUBNET_GET/all": O("VSUBNET", "", "", [], dump=True, admin=False),
    "PA_NEW": O("PA", "SWITCH_IFINDEX SWITCH_IFNAME ADDR",
                "SWITCH_IFINDEX|SWITCH_IFNAME ADDR",
                [("SWITCH_IFNAME", "fzsw0"), ("ADDR", ip("192.0.2.11"))]),
    "PA_DEL": O("PA", "SWITCH_IFINDEX SWITCH_IFNAME ADDR",
                "SWITCH_IFINDEX|SWITCH_IFNAME ADDR",
                [("SWITCH_IFNAME", "fzsw0"), ("ADDR", ip("192.0.2.10"))]),
    "PA_GET": O("PA", "", "", [], dump=True, admin=False),
    "VPORT_SET": O("VPORT", "PORT_IFINDEX PORT_IFNAME VSID CAS",
                   "PORT_IFINDEX|PORT_IFNAME VSID",
                   [("PORT_IFNAME", "fzvm1"), ("VSID", 5001),
                    ("CAS", [ip("10.1.1.21"), ip("2001:db8:1::21")])]),
    "VPORT_SET/leave": O("VPORT", "PORT_IFINDEX PORT_IFNAME VSID",
                         "PORT_IFINDEX|PORT_IFNAME VSID",
                         [("PORT_IFNAME", "fzvm0"), ("VSID", 0)]),
    "VPORT_GET": O("VPORT", "", "", [], dump=True, admin=False),
    "MAP_NEW": O("MAP", "VSID CA MAC PA", "VSID CA MAC PA",
                 ment(5001, "10.1.1.30", "02:00:00:00:51:30",
                      "198.51.100.30")),
    "MAP_DEL": O("MAP", "VSID CA", "VSID CA",
                 [("VSID", 5001), ("CA", ip("10.1.1.12"))]),
    "MAP_GET": O("MAP", "VSID CA", "VSID CA",
                 [("VSID", 5001), ("CA", ip("10.1.1.12"))], admin=False),
    "MAP_GET/filter": O("MAP", "VSID GEN_MIN", "",
                      [("VSID", 5001), ("GEN_MIN", 1)], dump=True,
                      admin=False),
    "MAP_FLUSH": O("MAP", "VSID", "", [("VSID", 5002)]),
    "MAP_BULK": O("MAP", "ENTRIES", "ENTRIES",
                  [("ENTRIES", [ment(5001, "10.1.1.40", "02:00:00:00:51:40",
                                     "198.51.100.40"),
                                ment(5002, "172.16.0.6", "02:00:00:00:52:06",
                                     "198.51.100.20")])]),
}

# Dumps, for the state and as seeds of random messages.
DUMPS = {
    "SWITCH_GET": [], "PORT_GET": [("SWITCH_IFNAME", "fzsw0")],
    "EXT_GET": [], "ACL_GET": [], "QOS_GET": [],
    "FDB_GET": [("SWITCH_IFNAME", "fzsw0")],
    "VNET_GET": [], "VSUBNET_GET": [], "MAP_GET": [("VSID", 5002)],
}


def cmd_of(op):
    return V["XSW_CMD_" + op.split("/")[0]]


# ---------------------------------------------------------------------------
# The connection

class Conn:
    def __init__(self):
        self.sock = genl.open_socket(ext_ack=True, bufsize=4 << 20)
        self.fam = genl.family_id(self.sock, "xswitch")
        self.seq = 0

    def raw(self, msg):
        return genl.transact(self.sock, msg)

    def message(self, op, payload, flags=None, version=1, reserved=0,
                cmd=None):
        self.seq += 1
        if flags is None:
            flags = genl.NLM_F_REQUEST | (genl.NLM_F_DUMP if OPS[op]["dump"]
                                          else genl.NLM_F_ACK)
        return genl.message(self.fam, cmd_of(op) if cmd is None else cmd,
                            payload, flags, self.seq, version, reserved)

    def request(self, op, payload, **kw):
        return self.raw(self.message(op, payload, **kw))

    def do(self, op, items):
        """A request that must succeed (building the baseline)."""
        aset = OPS[op]["set"]
        res = self.request(op, enc(aset, items))
        if res.error != 0:
            raise RuntimeError(f"{op} {items}: {res}")
        return res

    def dump(self, op, items):
        self.seq += 1
        aset = OPS[op]["set"]
        msg = genl.message(self.fam, cmd_of(op), enc(aset, items),
                           genl.NLM_F_REQUEST | genl.NLM_F_DUMP, self.seq)
        for _ in range(10):
            res = self.raw(msg)
            if res.error == 0:
                return res.replies
        raise RuntimeError(f"dump {op}: {res}")


# ---------------------------------------------------------------------------
# The state: configuration only

VOLATILE = {
    "SWITCH": {"IFINDEX", "ADDRESS", "OPERSTATE", "STATS", "PAD",
               "CONN_ENTRIES", "CONN_EVICTIONS", "CONN_EXPIRED"},
    "PORT": {"IFINDEX", "SWITCH_IFINDEX", "LEARNED", "CARRIER", "STATS"},
    "FDB": {"SWITCH_IFINDEX", "PORT_IFINDEX", "AGE"},
    "ACL": {"PORT_IFINDEX", "STATS", "PAD"},
    "QOS": {"PORT_IFINDEX", "SWITCH_IFINDEX", "STATS", "PAD"},
    "EXT": {"SWITCH_IFINDEX", "STATS"},
    # The namespace's change counter moves on with every change made,
    # and with the baseline's rebuilding; a vsubnet's counters with its
    # traffic.  No PAD: VSUBNET's number is XSW_A_VPREFIX_ADDR's inside
    # its prefixes.
    "VNET": {"GEN"},
    "VSUBNET": {"GEN", "STATS"},
    "PA": {"SWITCH_IFINDEX", "GEN"},
    "VPORT": {"PORT_IFINDEX", "GEN"},
    "MAP": {"GEN", "HITS"},
}


def norm(aset, buf):
    """A message's attributes without the volatile ones, as bytes; nests
    (NLA_F_NESTED) are normalised too, with the same set's volatile
    numbers (no nest of ours reuses one for configuration).  Dumps list
    objects in the order they were made, and attributes in a fixed order,
    so equal configurations give equal bytes."""
    drop = DROP[aset]
    out = []
    for atype, val in genl.attrs(buf, flags=True):
        if atype & 0x3fff in drop:
            continue
        if atype & genl.NLA_F_NESTED:
            val = norm(aset, val)
        out.append(genl.attr(atype, val))
    return b"".join(out)


DROP = {}


def read_state(conn):
    """The configuration, as a comparable tuple."""
    state = {}
    sws = conn.dump("SWITCH_GET", [])
    state["switches"] = sorted(norm("SWITCH", m) for m in sws)
    state["ports"] = sorted(norm("PORT", m) for m in
                            conn.dump("PORT_GET", []))
    fdb = []
    for m in sws:
        name = dict(genl.attrs(m))[anum("SWITCH", "IFNAME")]
        name = name.rstrip(b"\0")
        for e in conn.dump("FDB_GET", [("SWITCH_IFNAME", name)]):
            if anum("FDB", "STATIC") in dict(genl.attrs(e)):
                fdb.append(norm("FDB", e))
    state["fdb"] = sorted(fdb)
    state["acl"] = sorted(norm("ACL", m) for m in conn.dump("ACL_GET", []))
    state["qos"] = sorted(norm("QOS", m) for m in conn.dump("QOS_GET", []))
    state["ext"] = sorted(norm("EXT", m) for m in conn.dump("EXT_GET", []))
    for key, aset in (("vnets", "VNET"), ("vsubnets", "VSUBNET"),
                      ("pas", "PA"), ("vports", "VPORT"), ("maps", "MAP")):
        state[key] = sorted(norm(aset, m) for m in
                            conn.dump(aset + "_GET", []))
    return state


def loosen(state):
    """state without the ports' MACs: a new internal port's is random, so
    two runs of a command that makes one differ only there."""
    drop = anum("PORT", "MAC")
    st = dict(state)
    st["ports"] = sorted(b"".join(genl.attr(t, v) for t, v in
                                  genl.attrs(m, flags=True)
                                  if t & 0x3fff != drop)
                         for m in state["ports"])
    return st


def state_diff(a, b):
    """A short description of how two states differ."""
    out = []
    for k in a:
        if a[k] != b[k]:
            gone = [x for x in a[k] if x not in b[k]]
            new = [x for x in b[k] if x not in a[k]]
            out.append(f"{k}: {len(gone)} gone, {len(new)} new/changed")
    return "; ".join(out)


# ---------------------------------------------------------------------------
# The baseline

VETHS = ["fzext0", "fzvm0", "fzvm1", "fzvm2", "fzspare"]


def sh(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def devices():
    return set(os.listdir("/sys/class/net"))


def build_baseline(conn):
    """Delete every switch (with them their ports' VSIDs and their PAs),
    mapping, virtual subnet and vnet of the namespace, then make the
    baseline."""
    for m in conn.dump("SWITCH_GET", []):
        name = dict(genl.attrs(m))[anum("SWITCH", "IFNAME")]
        conn.do("SWITCH_DEL", [("IFNAME", name.rstrip(b"\0"))])
    conn.do("MAP_FLUSH", [])
    for m in conn.dump("VSUBNET_GET", []):
        vsid = dict(genl.attrs(m))[anum("VSUBNET", "VSID")]
        conn.do("VSUBNET_DEL", [("VSID", struct.unpack("=I", vsid)[0])])
    for m in conn.dump("VNET_GET", []):
        name = dict(genl.attrs(m))[anum("VNET", "NAME")]
        conn.do("VNET_DEL", [("NAME", name.rstrip(b"\0"))])
    have = devices()
    for v in VETHS:
        if v not in have:
            sh("ip", "link", "add", v, "type", "veth", "peer", "name", v + "p")
    if "fzbr0" not in have:
        sh("ip", "link", "add", "fzbr0", "type", "bridge")
    d = conn.do
    d("SWITCH_NEW", [("IFNAME", "fzsw0")])
    d("SWITCH_NEW", [("IFNAME", "fzsw1")])
    d("SWITCH_SET", [("IFNAME", "fzsw0"), ("AGEING_TIME", 120),
                     ("CONN_MAX", 5000)])
    for sw, dev, typ in (("fzsw0", "fzext0", 1), ("fzsw0", "fzvm0", 2),
                         ("fzsw0", "fzvm1", 2), ("fzsw1", "fzvm2", 2)):
        d("PORT_NEW", [("SWITCH_IFNAME", sw), ("TYPE", typ),
                       ("IFNAME", dev)])
    d("PORT_NEW", [("SWITCH_IFNAME", "fzsw0"), ("TYPE", 3),
                   ("IFNAME", "fzint0")])
    d("PORT_SET", [("IFNAME", "fzvm0"), ("VLAN_MODE", 1), ("PVID", 10),
                   ("MAC", mac("02:00:00:00:00:10")), ("DHCP_GUARD", 1),
                   ("ROUTER_GUARD", 1), ("LEARN_LIMIT", 100)])
    d("PORT_SET", [("IFNAME", "fzvm1"), ("VLAN_MODE", 2),
                   ("VLANS", vlans(10, 20, 30)), ("NATIVE_VLAN", 10),
                   ("MAC", mac("02:00:00:00:00:11")), ("ISOLATED", 1)])
    d("PORT_SET", [("IFNAME", "fzvm2"), ("MAC", mac("02:00:00:00:00:12"))])
    d("PORT_SET", [("IFNAME", "fzint0"), ("MAC", mac("02:00:00:00:00:13"))])
    d("PORT_SET", [("IFNAME", "fzext0"), ("VLAN_MODE", 2),
                   ("VLANS", vlans(10, 20, 30, 40)), ("NATIVE_VLAN", 0)])
    d("FDB_NEW", [("SWITCH_IFNAME", "fzsw0"),
                  ("MAC", mac("02:00:00:00:01:01")),
                  ("PORT_IFNAME", "fzvm0")])
    d("FDB_NEW", [("SWITCH_IFNAME", "fzsw0"),
                  ("MAC", mac("02:00:00:00:01:02")), ("VLAN", 20),
                  ("PORT_IFNAME", "fzvm1")])
    d("FDB_NEW", [("SWITCH_IFNAME", "fzsw1"),
                  ("MAC", mac("02:00:00:00:01:03")),
                  ("PORT_IFNAME", "fzvm2")])
    d("ACL_ADD", [("PORT_IFNAME", "fzvm0"), ("DIR", 1)] + R1)
    d("ACL_ADD", [("PORT_IFNAME", "fzvm0"), ("DIR", 2)] + R2)
    d("ACL_ADD", [("PORT_IFNAME", "fzvm1"), ("DIR", 1)] + R3)
    d("ACL_SET", [("PORT_IFNAME", "fzvm1"), ("DIR", 2), ("DEFAULT", 2)])
    d("QOS_SET", [("PORT_IFNAME", "fzvm0"), ("DIR", 1),
                  ("MAX_RATE", 10000000), ("BURST", 20000)])
    d("QOS_SET", [("PORT_IFNAME", "fzvm1"), ("MIN_WEIGHT", 20)])
    d("QOS_SET", [("PORT_IFNAME", "fzint0"), ("MIN_RATE", 100000000)])
    d("QOS_SET", [("PORT_IFNAME", "fzext0"), ("LINK_RATE", 1000000000)])
    ext_attach(conn, [("SWITCH_IFNAME", "fzsw0"), ("NAME", "example"),
                      ("PRIORITY", 50),
                      ("OPTIONS", [opt("ethertype", enc_int(4, 0x88b5))])])
    build_vnets(conn)
    IFX.clear()
    for dev in devices():
        with open(f"/sys/class/net/{dev}/ifindex") as f:
            IFX[dev] = int(f.read())


def build_vnets(conn):
    """The network virtualisation part of the baseline."""
    d = conn.do
    for a in PA_ADDRS:      # the host owns a PA: fzint0 has it
        sh("ip", "addr", "replace", a + "/32", "dev", "fzint0")
    d("SWITCH_SET", [("IFNAME", "fzsw0"), ("VXLAN_PORT", 4790)])
    d("VNET_NEW", [("NAME", "fzvnA"), ("RDID", 100)])
    d("VNET_NEW", [("NAME", "fzvnB"), ("RDID", 200)])
    d("VSUBNET_NEW", [("VSID", 5001), ("VNET", "fzvnA"),
                      ("PREFIXES", [pfx("10.1.1.0/24"),
                                    pfx("2001:db8:1::/64")]),
                      ("GATEWAY", ip("10.1.1.254"))])
    d("VSUBNET_NEW", [("VSID", 5002), ("VNET", "fzvnA"), ("ENCAP", 2)])
    d("PA_NEW", [("SWITCH_IFNAME", "fzsw0"), ("ADDR", ip(PA_ADDRS[0]))])
    d("VPORT_SET", [("PORT_IFNAME", "fzvm0"), ("VSID", 5001),
                    ("CAS", [ip("10.1.1.11"), ip("2001:db8:1::11")])])
    d("MAP_NEW", ment(5001, "10.1.1.11", "02:00:00:00:00:10", PA_ADDRS[0]))
    d("MAP_NEW", ment(5001, "10.1.1.12", "02:00:00:00:51:12",
                      "198.51.100.20"))
    d("MAP_BULK", [("ENTRIES", [
        ment(5002, "172.16.0.5", "02:00:00:00:52:05", "198.51.100.20"),
        ment(5002, "2001:db8:9::5", "02:00:00:00:52:15",
             "198.51.100.21")])])


PA_ADDRS = ["192.0.2.10", "192.0.2.11"]


def ext_attach(conn, items):
    """EXT_ATTACH, again while the module loads (EAGAIN)."""
    for _ in range(100):
        res = conn.request("EXT_ATTACH", enc("EXT", items))
        if res.error != -errno.EAGAIN:
            break
        time.sleep(0.1)     # polling, bounded: 100 tries
    if res.error != 0:
        raise RuntimeError(f"EXT_ATTACH {items}: {res}")


# ---------------------------------------------------------------------------
# Structured cases

class Case:
    """One request that must be refused.  kind: "strict" (an error with
    an extack message), "core" (an error: genetlink's core refuses it
    before the family sees it, and says nothing), "either" (refused with
    a message, or accepted without changing the state: an attribute the
    command may honour, named so that honouring it changes nothing)."""

    def __init__(self, op, attr, label, build, kind="strict", **hdr):
        self.op, self.attr, self.label = op, attr, label
        self.build, self.kind, self.hdr = build, kind, hdr

    def name(self):
        return f"{self.op} {self.attr}: {self.label}"


def without(items, names):
    return [it for it in items if isinstance(it, bytes) or it[0] not in names]


def seed(op):
    return list(OPS[op]["seed"])


def a_raw(aset, name, payload, flags=0):
    return genl.attr(anum(aset, name) | flags, payload)


# Names that a command gives to what it creates rather than looks up.
CREATE = {("SWITCH_NEW", "IFNAME"), ("PORT_NEW/internal", "IFNAME"),
          ("VNET_NEW", "NAME")}


def bad_attrs(aset, name, op=None):
    """(label, attribute bytes) of values of NAME that its type refuses
    (and, for a name op looks up, names of nothing)."""
    t = TYPES[aset][name].split(":")
    kind = t[0]
    out = []
    r = lambda p, f=0: a_raw(aset, name, p, f)  # noqa: E731
    if kind in SIZES:
        s, lo, hi = SIZES[kind], int(t[1]), int(t[2])
        for n in sorted({0, s - 1, s + 1} - {s}):
            out.append((f"length {n} for a {kind}", r(b"\0" * n)))
        full = (1 << (8 * s)) - 1
        if lo > 0:
            out.append((f"value {lo - 1}, below {lo}", r(enc_int(s, lo - 1))))
        if hi < full:
            out.append((f"value {hi + 1}, above {hi}", r(enc_int(s, hi + 1))))
            if hi + 1 < full:
                out.append((f"value {full:#x}", r(enc_int(s, full))))
    elif kind == "ifindex":
        for n in (0, 3, 5):
            out.append((f"length {n} for an ifindex", r(b"\0" * n)))
        out.append(("ifindex 0", r(enc_int(4, 0))))
        out.append(("ifindex of no device", r(enc_int(4, 0x7ffffff0))))
        out.append(("ifindex 1 (lo)", r(enc_int(4, 1))))
    elif kind in ("ifname", "str"):
        n = 15 if kind == "ifname" else int(t[1])
        out.append(("string without a NUL", r(b"fzsw0")))
        out.append((f"string of {n + 1} characters", r(b"a" * (n + 1) + b"\0")))
        out.append((f"string of {n + 40} characters, no NUL",
                    r(b"b" * (n + 40))))
        out.append(("length 0", r(b"")))
        out.append(("empty string", r(b"\0")))
        if (op, name) not in CREATE:
            out.append(("no object of that name", r(b"fznosuch\0")))
    elif kind == "mac":
        for n in (0, 5, 7):
            out.append((f"length {n} for a MAC", r(b"\2" * n)))
    elif kind == "bin":
        n = int(t[1])
        for m in (0, n - 1, n + 1):
            out.append((f"length {m}, not {n}", r(b"\0" * m)))
    elif kind == "binr":
        lo, hi = int(t[1]), int(t[2])
        if lo:
            out.append((f"length {lo - 1}, below {lo}", r(b"\1" * (lo - 1))))
        out.append((f"length {hi + 1}, above {hi}", r(b"\1" * (hi + 1))))
    elif kind == "flag":
        out.append(("flag with 1 byte", r(b"\1")))
        out.append(("flag with 4 bytes", r(b"\1\0\0\0")))
    elif kind == "list":
        sub, elem = t[1], t[2]
        e = anum(sub, elem)
        f = genl.NLA_F_NESTED
        out.append(("nest holding bytes, not attributes",
                    r(b"\1\2\3\4\5", f)))
        out.append(("nest without NLA_F_NESTED",
                    r(genl.attr(e | f, b""))))
        out.append(("nest holding an unknown attribute",
                    r(genl.attr(0x3ff0, b"\0" * 4), f)))
        out.append(("element holding bytes, not attributes",
                    r(genl.attr(e | f, b"\1\2\3\4\5"), f)))
        out.append(("element without NLA_F_NESTED",
                    r(genl.attr(e, genl.attr(1, b"x\0")), f)))
        out.append(("element holding an unknown attribute",
                    r(genl.nest(e, genl.attr(0x3ff0, b"\0" * 4)), f)))
        deep = genl.attr(1, b"\0" * 4)
        for _ in range(200):
            deep = genl.nest(e, deep)
        out.append(("200 levels of nesting", r(deep, f)))
    elif kind == "alist":
        e = anum(t[1], t[2])
        f = genl.NLA_F_NESTED
        lo, hi = (int(x) for x in TYPES[t[1]][t[2]].split(":")[1:])
        out.append(("nest holding bytes, not attributes",
                    r(b"\1\2\3\4\5", f)))
        out.append(("nest without NLA_F_NESTED",
                    r(genl.attr(e, b"\1" * lo))))
        out.append(("nest holding an unknown attribute",
                    r(genl.attr(0x3ff0, b"\1" * lo), f)))
        out.append(("nest holding the nest's own type",
                    r(genl.attr(anum(aset, name), b"\1" * lo), f)))
        out.append((f"element of length {lo - 1}, below {lo}",
                    r(genl.attr(e, b"\1" * (lo - 1)), f)))
        out.append((f"element of length {hi + 1}, above {hi}",
                    r(genl.attr(e, b"\1" * (hi + 1)), f)))
    return out


def good_value(aset, name):
    """A value of NAME's type that its policy would accept."""
    t = TYPES[aset][name].split(":")
    if t[0] == "ro":
        t = t[1:]
    k = t[0]
    if k in SIZES:
        return a_raw(aset, name, enc_int(SIZES[k], int(t[1]) if len(t) > 1
                                          else 1))
    if k == "ifindex":
        return a_raw(aset, name, enc_int(4, IFX.get("fzsw1", 1)))
    if k in ("ifname", "str"):
        return a_raw(aset, name, b"fzsw1\0")
    if k == "mac":
        return a_raw(aset, name, mac("02:00:00:00:01:01"))
    if k == "flag":
        return a_raw(aset, name, b"")
    if k == "nest":
        return a_raw(aset, name, genl.attr(1, b"\0" * 4), genl.NLA_F_NESTED)
    if k in ("list", "alist"):
        return a_raw(aset, name, b"", genl.NLA_F_NESTED)
    return a_raw(aset, name, b"\0" * 8)


# Attributes a command does not use whose value a command could honour;
# their cases name a value that makes honouring them change nothing (or
# refuse), or they are left out where honouring them must change state.
UNUSED_EITHER = {
    ("FDB_FLUSH", "MAC"): ("a MAC no entry has",
                           lambda: a_raw("FDB", "MAC",
                                         mac("02:00:00:00:01:77"))),
    ("FDB_FLUSH", "VLAN"): ("a VLAN no entry of the port is in",
                            lambda: a_raw("FDB", "VLAN", enc_int(2, 30))),
}
UNUSED_SKIP = {("FDB_NEW", "STATIC"), ("FDB_DEL", "STATIC"),
               ("FDB_GET", "STATIC")}
# A dump may honour them as filters: then it must list nothing.
UNUSED_EITHER.update({
    ("FDB_GET", "MAC"): UNUSED_EITHER[("FDB_FLUSH", "MAC")],
    ("FDB_GET", "VLAN"): ("a VLAN no entry is in",
                          lambda: a_raw("FDB", "VLAN", enc_int(2, 30))),
    ("FDB_GET", "PORT_IFNAME"): ("a port of another switch",
                                 lambda: a_raw("FDB", "PORT_IFNAME",
                                               b"fzvm2\0")),
    ("FDB_GET", "PORT_IFINDEX"): ("a port of another switch",
                                  lambda: a_raw("FDB", "PORT_IFINDEX",
                                                enc_int(4, IFX["fzvm2"]))),
})
# Unused attributes that name an object: name another one than the request
# concerns, so that honouring them must refuse too.
UNUSED_WRONG = {
    ("FDB_DEL", "PORT_IFNAME"): b"fzvm1\0",
    ("FDB_DEL", "PORT_IFINDEX"): "fzvm1",
    ("PORT_DEL", "SWITCH_IFNAME"): b"fzsw1\0",
    ("PORT_DEL", "SWITCH_IFINDEX"): "fzsw1",
    ("PORT_GET", "SWITCH_IFNAME"): b"fzsw1\0",
    ("PORT_GET", "SWITCH_IFINDEX"): "fzsw1",
    ("QOS_GET", "SWITCH_IFNAME"): b"fzsw1\0",
    ("QOS_GET", "SWITCH_IFINDEX"): "fzsw1",
}


def it(name, value):
    return (name, value)


def semantic_cases():
    """Well-formed requests that ask for nonsense: (op, attr, label,
    items)."""
    S = []
    add = lambda op, attr, label, items: S.append((op, attr, label, items))  # noqa: E731,E501
    m = mac
    add("SWITCH_NEW", "IFNAME", "a switch's name in use", [it("IFNAME", "fzsw1")])
    add("SWITCH_NEW", "IFNAME", "a device's name in use", [it("IFNAME", "fzvm0")])
    add("SWITCH_NEW", "IFNAME", "a name with a slash", [it("IFNAME", "fz/sw")])
    add("SWITCH_DEL", "IFNAME", "a device that is not a switch", [it("IFNAME", "fzvm0")])
    add("SWITCH_DEL", "IFINDEX", "ifindex and name of two switches",
        [it("IFINDEX", "fzsw1"), it("IFNAME", "fzsw0")])
    add("SWITCH_SET", "IFNAME", "a device that is not a switch",
        [it("IFNAME", "fzvm0"), it("AGEING_TIME", 10)])
    add("SWITCH_GET", "IFNAME", "a device that is not a switch", [it("IFNAME", "fzint0")])
    pn = [it("SWITCH_IFNAME", "fzsw0"), it("TYPE", 2)]
    add("PORT_NEW", "IFNAME", "a device that is already a port", pn + [it("IFNAME", "fzvm2")])
    add("PORT_NEW", "IFNAME", "the switch itself", pn + [it("IFNAME", "fzsw0")])
    add("PORT_NEW", "IFNAME", "another switch", pn + [it("IFNAME", "fzsw1")])
    add("PORT_NEW", "IFNAME", "a Linux bridge", pn + [it("IFNAME", "fzbr0")])
    add("PORT_NEW", "IFNAME", "loopback", pn + [it("IFNAME", "lo")])
    add("PORT_NEW", "TYPE", "a second external port",
        [it("SWITCH_IFNAME", "fzsw0"), it("TYPE", 1), it("IFNAME", "fzspare")])
    add("PORT_NEW", "TYPE", "type HOST",
        [it("SWITCH_IFNAME", "fzsw0"), it("TYPE", 4), it("IFNAME", "fzspare")])
    add("PORT_NEW", "SWITCH_IFNAME", "a device that is not a switch",
        [it("SWITCH_IFNAME", "fzvm0"), it("TYPE", 2), it("IFNAME", "fzspare")])
    add("PORT_NEW/internal", "IFNAME", "a device's name in use",
        [it("SWITCH_IFNAME", "fzsw0"), it("TYPE", 3), it("IFNAME", "fzspare")])
    add("PORT_NEW/internal", "IFINDEX", "an ifindex for an internal port",
        [it("SWITCH_IFNAME", "fzsw0"), it("TYPE", 3), it("IFNAME", "fzint9"),
         it("IFINDEX", "fzspare")])
    add("PORT_DEL", "IFNAME", "the switch (its host port)", [it("IFNAME", "fzsw0")])
    add("PORT_DEL", "IFNAME", "a device that is not a port", [it("IFNAME", "fzspare")])
    add("PORT_DEL", "IFINDEX", "ifindex and name of two ports",
        [it("IFINDEX", "fzvm0"), it("IFNAME", "fzvm1")])
    add("PORT_GET", "IFNAME", "a device that is not a port", [it("IFNAME", "fzspare")])
    ps = [it("IFNAME", "fzvm0")]
    add("PORT_SET", "PVID", "a PVID for a trunk",
        ps + [it("VLAN_MODE", 2), it("VLANS", vlans(10)), it("PVID", 10)])
    add("PORT_SET", "VLANS", "VLANs for an access port", ps + [it("VLANS", vlans(10))])
    add("PORT_SET", "NATIVE_VLAN", "a native VLAN outside the trunk's VLANs",
        [it("IFNAME", "fzvm1"), it("NATIVE_VLAN", 99)])
    add("PORT_SET", "VLANS", "VLAN 0 in the bitmap",
        [it("IFNAME", "fzvm1"), it("VLANS", vlans(0, 10, 20, 30))])
    add("PORT_SET", "VLANS", "VLAN 4095 in the bitmap",
        [it("IFNAME", "fzvm1"), it("VLANS", vlans(10, 20, 30, 4095))])
    add("PORT_SET", "MAC", "a multicast MAC", ps + [it("MAC", m("01:00:5e:00:00:01"))])
    add("PORT_SET", "IFNAME", "a device that is not a port",
        [it("IFNAME", "fzspare"), it("ISOLATED", 1)])
    fn = [it("SWITCH_IFNAME", "fzsw0")]
    add("FDB_NEW", "MAC", "a multicast MAC",
        fn + [it("MAC", m("01:00:5e:00:00:01")), it("PORT_IFNAME", "fzvm0")])
    add("FDB_NEW", "MAC", "the broadcast MAC",
        fn + [it("MAC", m("ff:ff:ff:ff:ff:ff")), it("PORT_IFNAME", "fzvm0")])
    add("FDB_NEW", "MAC", "MAC zero",
        fn + [it("MAC", m("00:00:00:00:00:00")), it("PORT_IFNAME", "fzvm0")])
    add("FDB_NEW", "VLAN", "a VLAN the port does not carry",
        fn + [it("MAC", m("02:00:00:00:01:55")), it("VLAN", 30),
              it("PORT_IFNAME", "fzvm0")])
    add("FDB_NEW", "PORT_IFNAME", "a port of another switch",
        fn + [it("MAC", m("02:00:00:00:01:55")), it("PORT_IFNAME", "fzvm2")])
    add("FDB_NEW", "PORT_IFNAME", "a device that is not a port",
        fn + [it("MAC", m("02:00:00:00:01:55")), it("PORT_IFNAME", "fzspare")])
    add("FDB_DEL", "MAC", "a MAC no entry has",
        fn + [it("MAC", m("02:00:00:00:01:55"))])
    add("FDB_DEL", "VLAN", "an entry's MAC in another VLAN",
        fn + [it("MAC", m("02:00:00:00:01:01")), it("VLAN", 20)])
    add("FDB_FLUSH", "PORT_IFNAME", "a port of another switch",
        fn + [it("PORT_IFNAME", "fzvm2")])
    add("FDB_GET", "SWITCH_IFNAME", "a device that is not a switch",
        [it("SWITCH_IFNAME", "fzvm0")])
    ea = [it("SWITCH_IFNAME", "fzsw0"), it("NAME", "example")]
    add("EXT_ATTACH", "NAME", "already attached", ea)
    add("EXT_ATTACH", "NAME", "no such extension (module)",
        [it("SWITCH_IFNAME", "fzsw1"), it("NAME", "fznosuch")])
    ea1 = [it("SWITCH_IFNAME", "fzsw1"), it("NAME", "example")]
    add("EXT_ATTACH", "OPTIONS", "an unknown option",
        ea1 + [it("OPTIONS", [opt("fznosuch", enc_int(4, 1))])])
    add("EXT_ATTACH", "OPTIONS", "a u32 option of 2 bytes",
        ea1 + [it("OPTIONS", [opt("ethertype", b"\1\2")])])
    add("EXT_ATTACH", "OPTIONS", "an option above its range",
        ea1 + [it("OPTIONS", [opt("ethertype", enc_int(4, 0x10000))])])
    add("EXT_ATTACH", "OPTIONS", "an option without a value",
        ea1 + [it("OPTIONS", [[("NAME", "ethertype")]])])
    add("EXT_ATTACH", "OPTIONS", "an option without a name",
        ea1 + [it("OPTIONS", [[("VALUE", enc_int(4, 1))]])])
    add("EXT_ATTACH", "SWITCH_IFNAME", "a device that is not a switch",
        [it("SWITCH_IFNAME", "fzvm0"), it("NAME", "example")])
    add("EXT_SET", "NAME", "not attached to the switch", ea1 + [it("PRIORITY", 5)])
    add("EXT_SET", "OPTIONS", "an unknown option",
        ea + [it("OPTIONS", [opt("fznosuch", enc_int(4, 1))])])
    add("EXT_SET", "OPTIONS", "an option above its range",
        ea + [it("OPTIONS", [opt("ethertype", enc_int(4, 0x10000))])])
    add("EXT_DETACH", "NAME", "not attached to the switch", ea1)
    add("EXT_DETACH", "NAME", "no such extension",
        [it("SWITCH_IFNAME", "fzsw0"), it("NAME", "fznosuch")])
    add("EXT_GET", "NAME", "no such extension", [it("NAME", "fznosuch")])
    aa = [it("PORT_IFNAME", "fzvm0"), it("DIR", 1), it("ACTION", 1)]
    add("ACL_ADD", "SRC_PORT_MAX", "a port MAX without its MIN",
        aa + [it("IP_PROTO", 6), it("SRC_PORT_MAX", 80)])
    add("ACL_ADD", "DST_PORT_MIN", "ports without ip_proto",
        aa + [it("DST_PORT_MIN", 80)])
    add("ACL_ADD", "DST_PORT_MIN", "ports with ip_proto icmp",
        aa + [it("IP_PROTO", 1), it("DST_PORT_MIN", 80)])
    add("ACL_ADD", "DST_PORT_MAX", "a port range MIN > MAX",
        aa + [it("IP_PROTO", 6), it("DST_PORT_MIN", 90), it("DST_PORT_MAX", 80)])
    add("ACL_ADD", "ICMP_TYPE", "icmp type with ip_proto tcp",
        aa + [it("IP_PROTO", 6), it("ICMP_TYPE", 8)])
    add("ACL_ADD", "TCP_FLAGS", "tcp flags with ip_proto udp",
        aa + [it("IP_PROTO", 17), it("TCP_FLAGS", 2)])
    add("ACL_ADD", "TCP_FLAGS_MASK", "a flags mask without flags",
        aa + [it("IP_PROTO", 6), it("TCP_FLAGS_MASK", 2)])
    add("ACL_ADD", "SRC_IP", "an address of 5 bytes", aa + [it("SRC_IP", b"\1" * 5)])
    add("ACL_ADD", "DST_IP", "an IPv4 and an IPv6 address",
        aa + [it("SRC_IP", b"\1" * 4), it("DST_IP", b"\1" * 16)])
    add("ACL_ADD", "SRC_PREFIX", "prefix /33 of an IPv4 address",
        aa + [it("SRC_IP", b"\1" * 4), it("SRC_PREFIX", 33)])
    add("ACL_ADD", "SRC_PREFIX", "a prefix without its address",
        aa + [it("SRC_PREFIX", 8)])
    add("ACL_ADD", "SRC_MAC_MASK", "a MAC mask without its MAC",
        aa + [it("SRC_MAC_MASK", m("ff:ff:ff:00:00:00"))])
    add("ACL_ADD", "ETH_TYPE", "an IPv6 address with eth_type IPv4",
        aa + [it("ETH_TYPE", 0x0800), it("SRC_IP", b"\1" * 16)])
    add("ACL_ADD", "PORT_IFNAME", "a device that is not a port",
        [it("PORT_IFNAME", "fzspare"), it("DIR", 1), it("ACTION", 1)])
    add("ACL_DEL", "ID", "no rule of that id",
        [it("PORT_IFNAME", "fzvm0"), it("ID", 999)])
    add("ACL_DEL", "DIR", "a rule of the other direction",
        [it("PORT_IFNAME", "fzvm0"), it("ID", 1), it("DIR", 2)])
    add("ACL_FLUSH", "PORT_IFNAME", "a device that is not a port",
        [it("PORT_IFNAME", "fzspare")])
    ar = [it("PORT_IFNAME", "fzvm0"), it("DIR", 1)]
    add("ACL_REPLACE", "RULES", "a rule without an action",
        ar + [it("RULES", [R1, [("PRIORITY", 3)]])])
    add("ACL_REPLACE", "RULES", "a rule with a port",
        ar + [a_raw("ACL", "RULES", genl.nest(
            anum("ACL", "RULE"), enc("ACL", R1) + a_raw("ACL", "PORT_IFNAME",
                                                        b"fzvm1\0")),
            genl.NLA_F_NESTED)])
    add("ACL_REPLACE", "RULES", "a rule with a bad match",
        ar + [it("RULES", [R1, [("ACTION", 1), ("DST_PORT_MIN", 80)]])])
    big = [a_raw("ACL", "RULES", b"".join(
        genl.nest(anum("ACL", "RULE"), enc("ACL", [("ACTION", 1),
                                                  ("PRIORITY", i)]))
        for i in range(k, min(k + 1500, 10001))), genl.NLA_F_NESTED)
        for k in range(0, 10001, 1500)]
    add("ACL_REPLACE", "RULES", "10001 rules (most: 10000)", ar + big)
    add("ACL_REPLACE", "DEFAULT", "default allow-stateful",
        ar + [it("DEFAULT", 3), it("RULES", [])])
    add("ACL_SET", "DEFAULT", "default allow-stateful",
        ar + [it("DEFAULT", 3)])
    qs = [it("PORT_IFNAME", "fzvm1")]
    add("QOS_SET", "MAX_RATE", "a max rate without a direction",
        qs + [it("MAX_RATE", 1000000)])
    add("QOS_SET", "DIR", "a direction without a max rate", qs + [it("DIR", 1)])
    add("QOS_SET", "BURST", "a burst without a max rate", qs + [it("BURST", 9000)])
    add("QOS_SET", "MIN_WEIGHT", "a min rate and a min weight",
        qs + [it("MIN_RATE", 1000000), it("MIN_WEIGHT", 5)])
    add("QOS_SET", "MIN_RATE", "a guarantee on the external port",
        [it("PORT_IFNAME", "fzext0"), it("MIN_RATE", 1000000)])
    add("QOS_SET", "LINK_RATE", "a link rate on a vm port",
        qs + [it("LINK_RATE", 1000000)])
    add("QOS_SET", "PORT_IFNAME", "nothing to set", qs)
    add("QOS_SET", "MIN_RATE", "a minimum of 900 Gbit/s on a 1 Gbit/s uplink",
        qs + [it("MIN_RATE", 900 * 10**9)])
    add("QOS_DEL", "DEL_MIN", "a guarantee the port does not have",
        [it("PORT_IFNAME", "fzvm0"), it("DEL_MIN", True)])
    add("QOS_DEL", "DIR", "a limit the port does not have",
        [it("PORT_IFNAME", "fzvm0"), it("DIR", 2)])
    add("QOS_DEL", "DEL_LINK", "a link rate on a vm port",
        [it("PORT_IFNAME", "fzvm0"), it("DEL_LINK", True)])
    add("QOS_GET", "PORT_IFNAME", "a device that is not a port",
        [it("PORT_IFNAME", "fzspare")])
    vnet_cases(add)
    return S


def vnet_cases(add):
    """The network virtualisation's refusals (issue 10's list, and more)."""
    vn = lambda name, rdid: [it("NAME", name), it("RDID", rdid)]  # noqa: E731
    add("VNET_NEW", "NAME", "a vnet's name in use", vn("fzvnA", 901))
    add("VNET_NEW", "RDID", "an rdid used by another vnet", vn("fzvn9", 100))
    add("VNET_DEL", "NAME", "a vnet that has virtual subnets",
        [it("NAME", "fzvnA")])
    add("VNET_GET/all", "NAME", "a name in a dump (the dump lists, a do "
        "gets)", [it("NAME", "fzvnA")])
    add("VSUBNET_GET/all", "VSID", "a vsid in a dump (the dump lists, a do "
        "gets)", [it("VSID", 5001)])
    P = lambda *p: it("PREFIXES", [pfx(x) for x in p])  # noqa: E731
    vs = lambda vsid=5003, vnet="fzvnA": [it("VSID", vsid),  # noqa: E731
                                          it("VNET", vnet)]
    add("VSUBNET_NEW", "VSID", "a vsid in use", vs(5001) + [P("10.1.9.0/24")])
    add("VSUBNET_NEW", "VSID", "a vsid in use by another vnet's subnet",
        vs(5002, "fzvnB"))
    add("VSUBNET_NEW", "PREFIXES", "a prefix overlapping another subnet's "
        "in the routing domain", vs() + [P("10.1.1.128/25")])
    add("VSUBNET_NEW", "PREFIXES", "an IPv6 prefix holding another subnet's "
        "in the routing domain", vs() + [P("10.1.3.0/24", "2001:db8::/32")])
    add("VSUBNET_NEW", "PREFIXES", "two prefixes of the request overlap",
        vs() + [P("10.1.3.0/24", "10.1.3.64/26")])
    add("VSUBNET_NEW", "PREFIXES", "host bits set", vs() + [P("10.1.3.1/24")])
    add("VSUBNET_NEW", "PREFIXES", "an IPv4 prefix of length 33",
        vs() + [P("10.1.3.0/33")])
    add("VSUBNET_NEW", "PREFIXES", "an IPv4-mapped IPv6 prefix",
        vs() + [P("::ffff:10.1.3.0/120")])
    add("VSUBNET_NEW", "PREFIXES", "an address of 5 bytes",
        vs() + [it("PREFIXES", [[("ADDR", b"\12\1\3\0\0"), ("LEN", 24)]])])
    add("VSUBNET_NEW", "PREFIXES", "a prefix without its length",
        vs() + [it("PREFIXES", [[("ADDR", ip("10.1.3.0"))]])])
    add("VSUBNET_NEW", "PREFIXES", "a prefix without its address",
        vs() + [it("PREFIXES", [[("LEN", 24)]])])
    add("VSUBNET_NEW", "PREFIXES", "17 prefixes (most: 16)",
        vs() + [P(*(f"10.2.{i}.0/24" for i in range(17)))])
    add("VSUBNET_NEW", "GATEWAY", "a gateway outside the prefixes",
        vs() + [P("10.1.3.0/24"), it("GATEWAY", ip("10.1.4.1"))])
    add("VSUBNET_NEW", "GATEWAY", "the prefix's network address",
        vs() + [P("10.1.3.0/24"), it("GATEWAY", ip("10.1.3.0"))])
    add("VSUBNET_NEW", "GATEWAY", "the prefix's broadcast address",
        vs() + [P("10.1.3.0/24"), it("GATEWAY", ip("10.1.3.255"))])
    add("VSUBNET_NEW", "GATEWAY", "a gateway of a layer-2-only subnet",
        vs() + [it("GATEWAY", ip("10.1.3.1"))])
    add("VSUBNET_NEW", "GATEWAY", "a gateway of 5 bytes",
        vs() + [P("10.1.3.0/24"), it("GATEWAY", b"\12\1\3\1\0")])
    add("VSUBNET_NEW", "VNET", "a vnet's rdid for its name",
        vs() + [it("VNET", "100")])
    add("VSUBNET_DEL", "VSID", "a virtual subnet that has ports",
        [it("VSID", 5001)])
    add("VSUBNET_DEL", "VSID", "a vsid no subnet has", [it("VSID", 5999)])
    add("VSUBNET_GET", "VSID", "a vsid no subnet has", [it("VSID", 5999)])
    pa = lambda sw, a: [it("SWITCH_IFNAME", sw), it("ADDR", ip(a))]  # noqa: E731,E501
    add("PA_NEW", "ADDR", "an address the host does not own",
        pa("fzsw0", "198.51.100.1"))
    add("PA_NEW", "ADDR", "the switch's PA already", pa("fzsw0", PA_ADDRS[0]))
    add("PA_NEW", "ADDR", "another switch's PA", pa("fzsw1", PA_ADDRS[0]))
    add("PA_NEW", "ADDR", "a multicast address", pa("fzsw0", "224.0.0.1"))
    add("PA_NEW", "ADDR", "an IPv4-mapped IPv6 address",
        pa("fzsw0", "::ffff:" + PA_ADDRS[1]))
    add("PA_NEW", "ADDR", "an address of 5 bytes",
        [it("SWITCH_IFNAME", "fzsw0"), it("ADDR", ip(PA_ADDRS[1]) + b"\0")])
    add("PA_NEW", "SWITCH_IFNAME", "a device that is not a switch",
        pa("fzint0", PA_ADDRS[1]))
    add("PA_DEL", "ADDR", "a PA the switch does not have",
        pa("fzsw0", PA_ADDRS[1]))
    add("PA_DEL", "SWITCH_IFNAME", "another switch's PA",
        pa("fzsw1", PA_ADDRS[0]))
    ca = lambda *a: it("CAS", [ip(x) for x in a])  # noqa: E731
    vp = lambda port="fzvm1", vsid=5001: [it("PORT_IFNAME", port),  # noqa: E731,E501
                                          it("VSID", vsid)]
    add("VPORT_SET", "CAS", "a CA outside the subnet's prefixes",
        vp() + [ca("10.1.1.21", "10.9.9.9")])
    add("VPORT_SET", "CAS", "the subnet's gateway", vp() + [ca("10.1.1.254")])
    add("VPORT_SET", "CAS", "a CA given twice",
        vp() + [ca("10.1.1.21", "10.1.1.21")])
    add("VPORT_SET", "CAS", "a multicast CA",
        vp(vsid=5002) + [ca("224.0.0.5")])
    add("VPORT_SET", "CAS", "an IPv4-mapped IPv6 CA",
        vp(vsid=5002) + [ca("::ffff:10.1.1.21")])
    add("VPORT_SET", "CAS", "an empty list of CAs", vp() + [it("CAS", [])])
    add("VPORT_SET", "CAS", "17 CAs (most: 16)",
        vp() + [ca(*(f"10.1.1.{i}" for i in range(30, 47)))])
    add("VPORT_SET", "CAS", "joining without CAs", vp())
    add("VPORT_SET", "CAS", "CAs of a port leaving its VSID",
        vp("fzvm0", 0) + [ca("10.1.1.11")])
    add("VPORT_SET", "VSID", "a vsid no subnet has",
        vp(vsid=5999) + [ca("10.1.1.21")])
    add("VPORT_SET", "VSID", "vsid 100, below the VSIDs",
        vp(vsid=100) + [ca("10.1.1.21")])
    add("VPORT_SET", "PORT_IFNAME", "the external port",
        vp("fzext0") + [ca("10.1.1.21")])
    add("VPORT_SET", "PORT_IFNAME", "a device that is not a port",
        vp("fzspare") + [ca("10.1.1.21")])
    add("VPORT_SET", "PORT_IFNAME", "the switch (its host port)",
        vp("fzsw0") + [ca("10.1.1.21")])
    mn = lambda vsid, ca_, pa_="198.51.100.30": ment(  # noqa: E731
        vsid, ca_, "02:00:00:00:51:30", pa_)
    add("MAP_NEW", "VSID", "a vsid no subnet has", mn(5999, "10.1.1.30"))
    add("MAP_NEW", "CA", "a CA outside the subnet's prefixes",
        mn(5001, "10.9.9.9"))
    add("MAP_NEW", "CA", "the subnet's gateway", mn(5001, "10.1.1.254"))
    add("MAP_NEW", "CA", "a CA the routing domain maps already",
        mn(5001, "10.1.1.11"))
    add("MAP_NEW", "CA", "a CA another subnet of the routing domain maps",
        mn(5002, "10.1.1.12"))
    add("MAP_NEW", "CA", "a multicast CA", mn(5002, "224.0.0.5"))
    add("MAP_NEW", "CA", "an IPv4-mapped IPv6 CA", mn(5002, "::ffff:10.1.1.7"))
    add("MAP_NEW", "CA", "a CA of 5 bytes",
        [i if i[0] != "CA" else it("CA", b"\12\1\1\36\0")
         for i in mn(5001, "10.1.1.30")])
    add("MAP_NEW", "PA", "a multicast PA", mn(5001, "10.1.1.30", "224.0.0.5"))
    add("MAP_NEW", "PA", "an IPv4-mapped IPv6 PA",
        mn(5001, "10.1.1.30", "::ffff:198.51.100.30"))
    for bad, label in (("01:00:5e:00:00:01", "a multicast MAC"),
                       ("00:00:00:00:00:00", "MAC zero")):
        add("MAP_NEW", "MAC", label,
            [i if i[0] != "MAC" else it("MAC", mac(bad))
             for i in mn(5001, "10.1.1.30")])
    mi = lambda vsid, ca_: [it("VSID", vsid), it("CA", ip(ca_))]  # noqa: E731
    for op in ("MAP_DEL", "MAP_GET"):
        add(op, "CA", "a CA no mapping has", mi(5001, "10.1.1.99"))
        add(op, "CA", "a CA mapped in another subnet of the routing domain",
            mi(5002, "10.1.1.12"))
        add(op, "VSID", "a vsid no subnet has", mi(5999, "10.1.1.12"))
    add("MAP_GET/filter", "CA", "a CA in a dump (the dump lists, a do gets)",
        [it("VSID", 5001), it("CA", ip("10.1.1.12"))])
    add("MAP_GET/filter", "VSID", "a vsid no subnet has", [it("VSID", 5999)])
    add("MAP_FLUSH", "VSID", "a vsid no subnet has", [it("VSID", 5999)])
    E = lambda *e: it("ENTRIES", list(e))  # noqa: E731
    good = mn(5001, "10.1.1.30")
    add("MAP_BULK", "ENTRIES", "an empty list of mappings", [E()])
    add("MAP_BULK", "ENTRIES", "the second mapping's vsid does not exist",
        [E(good, mn(5999, "10.1.1.31"))])
    add("MAP_BULK", "ENTRIES", "the second mapping's CA is the first's",
        [E(good, mn(5001, "10.1.1.30", "198.51.100.31"))])
    add("MAP_BULK", "ENTRIES", "the third mapping's CA is outside the "
        "prefixes", [E(good, mn(5002, "172.16.0.31"), mn(5001, "10.9.9.9"))])
    add("MAP_BULK", "ENTRIES", "the second mapping without its PA",
        [E(good, mn(5002, "172.16.0.31")[:3])])
    add("MAP_BULK", "ENTRIES", "the second mapping's MAC is multicast",
        [E(good, [i if i[0] != "MAC" else it("MAC", mac("01:00:5e:00:00:01"))
                  for i in mn(5002, "172.16.0.31")])])
    add("MAP_BULK", "ENTRIES", "a mapping in the second list of entries "
        "exists", [E(good), E(mn(5001, "10.1.1.11"))])


def structured_cases():
    cases = []
    C = lambda *a, **k: cases.append(Case(*a, **k))  # noqa: E731
    for op, d in OPS.items():
        aset = d["set"]
        for name in d["use"]:
            for label, raw in bad_attrs(aset, name, op):
                C(op, name, label, lambda op=op, aset=aset, name=name,
                  raw=raw: enc(aset, without(seed(op), {name}) + [raw]))
            bads = bad_attrs(aset, name, op)
            if bads:
                label, raw = bads[0]
                good = [i for i in seed(op) if i[0] == name]
                good = enc(aset, good) if good else good_value(aset, name)
                C(op, name, f"twice: good, then {label}",
                  lambda op=op, aset=aset, name=name, raw=raw, good=good:
                  enc(aset, without(seed(op), {name})) + good + raw)
                C(op, name, f"twice: {label}, then good",
                  lambda op=op, aset=aset, name=name, raw=raw, good=good:
                  enc(aset, without(seed(op), {name})) + raw + good)
        for grp in d["req"]:
            C(op, "|".join(grp), "missing (required)",
              lambda op=op, aset=aset, grp=grp:
              enc(aset, without(seed(op), set(grp))))
        used = set(d["use"]) | set(OPS[op.split("/")[0]]["use"])
        for name in TYPES[aset]:
            key = (op.split("/")[0], name)
            if name in used or key in UNUSED_SKIP:
                continue
            if key in UNUSED_EITHER:
                label, mk = UNUSED_EITHER[key]
                C(op, name, f"not used by the command, {label}",
                  lambda op=op, aset=aset, mk=mk: enc(aset, seed(op)) + mk(),
                  kind="either")
            elif key in UNUSED_WRONG:
                w = UNUSED_WRONG[key]
                C(op, name, "not used by the command, naming another object",
                  lambda op=op, aset=aset, name=name, w=w:
                  enc(aset, seed(op)) + a_raw(aset, name, w if isinstance(
                      w, bytes) else enc_int(4, IFX.get(w, 0))))
            else:
                C(op, name, "not used by the command",
                  lambda op=op, aset=aset, name=name:
                  enc(aset, seed(op)) + good_value(aset, name))
        top = V["__" + PREFIX[aset] + "MAX"]
        for t, label in ((0, "type 0 (UNSPEC)"), (top, f"type {top} (MAX + 1)"),
                         (0x3fff, "type 0x3fff")):
            C(op, "-", f"unknown attribute {label}",
              lambda op=op, aset=aset, t=t:
              enc(aset, seed(op)) + genl.attr(t, b"\0" * 4))
        plain = [i for i in seed(op) if not TYPES[aset][i[0]].startswith(
            ("list", "alist", "flag"))][:1]
        for plain in plain:
            C(op, plain[0], "NLA_F_NESTED on an attribute that is not a nest",
              lambda op=op, aset=aset, plain=plain:
              enc(aset, without(seed(op), {plain[0]})) + genl.attr(
                  anum(aset, plain[0]) | genl.NLA_F_NESTED,
                  enc_value(aset, *plain)))
        C(op, "-", "3 bytes after the last attribute",
          lambda op=op, aset=aset: enc(aset, seed(op)) + b"\4\0\1")
        if seed(op):
            C(op, "-", "last attribute's length past the message's end",
              lambda op=op, aset=aset: lie_len(enc(aset, seed(op)), +8))
        C(op, "-", "an attribute of length 2",
          lambda op=op, aset=aset: enc(aset, seed(op)) + b"\2\0\1\0")
        if "/" in op:
            continue
        # No version case: like every genetlink family, xswitch reads no
        # meaning into genlmsghdr.version (a newer one must still work).
        C(op, "-", "genl reserved field 1",
          lambda op=op, aset=aset: enc(aset, seed(op)), reserved=1)
        C(op, "-", "nlmsg_flags CREATE|EXCL",
          lambda op=op, aset=aset: enc(aset, seed(op)),
          flags=genl.NLM_F_REQUEST | genl.NLM_F_ACK | 0x600)
        if d["dump"]:
            C(op, "-", "as a do request (dump only)",
              lambda op=op, aset=aset: enc(aset, seed(op)), kind="core",
              flags=genl.NLM_F_REQUEST | genl.NLM_F_ACK)
        elif op not in DUMPS:
            C(op, "-", "as a dump (do only)",
              lambda op=op, aset=aset: enc(aset, seed(op)), kind="core",
              flags=genl.NLM_F_REQUEST | genl.NLM_F_DUMP)
    for op, attr, label, items in semantic_cases():
        C(op, attr, label, lambda op=op, items=items:
          enc(OPS[op]["set"], items))
    for c in (0, V["XSW_CMD_MAX"] + 1, 200, 255):
        C("cmd", "-", f"unknown command {c}", lambda: b"", kind="core", cmd=c)
    return cases


def lie_len(payload, delta):
    """payload whose last attribute claims delta more bytes than it has."""
    off = last = 0
    while off + 4 <= len(payload):
        last = off
        off += (struct.unpack_from("=H", payload, off)[0] + 3) & ~3
    alen = struct.unpack_from("=H", payload, last)[0]
    return payload[:last] + struct.pack("=H", alen + delta) + payload[last + 2:]


def send_case(conn, case):
    hdr = dict(case.hdr)
    cmd = hdr.pop("cmd", None)
    op = case.op if case.op != "cmd" else "SWITCH_GET"
    return conn.request(op, case.build(), cmd=cmd, **hdr)


def describe(payload):
    return payload.hex() if len(payload) <= 48 else \
        payload[:40].hex() + f"...({len(payload)} bytes)"


def run_structured(conn, only_list=False):
    cases = structured_cases()
    if only_list:
        for c in cases:
            print(f"{c.kind:6} {c.name()}")
        print(f"{len(cases)} cases")
        return 0
    build_baseline(conn)
    before = read_state(conn)
    failed = []
    core_silent = 0
    for c in cases:
        payload = c.build()
        res = send_case(conn, c)
        why = None
        if res.error is None:
            why = "no answer"
        elif res.error == 0 and c.kind != "either":
            why = "accepted"
        elif res.error == 0 and res.replies:
            why = f"accepted, and listed {len(res.replies)} objects"
        elif res.error < 0 and not res.msg and c.kind != "core":
            why = f"refused ({errname(res.error)}) without a message"
        elif res.error < 0 and not res.msg:
            core_silent += 1
        if not OPS.get(c.op, {}).get("admin", True) and res.error:
            after = before     # a refused read
        else:
            after = read_state(conn)
        if after != before:
            why = (why + "; " if why else "") + \
                "state changed: " + state_diff(before, after)
            build_baseline(conn)
            before = read_state(conn)
        if why:
            failed.append(c)
            print(f"FAIL {c.name()}: sent {describe(payload)}: {why}"
                  + (f" [{res}]" if res.error else ""))
        else:
            print(f"ok   {c.name()}: {errname(res.error)} "
                  f"{res.msg!r}" if res.error else f"ok   {c.name()}: "
                  "accepted, nothing changed")
    print(f"structured: {len(cases)} cases, {len(cases) - len(failed)} "
          f"passed, {len(failed)} failed; {core_silent} refused by "
          "genetlink's core, which sends no message")
    return 1 if failed else 0


def errname(e):
    if e is None:
        return "none"
    return errno.errorcode.get(-e, str(e)) if e < 0 else str(e)


# ---------------------------------------------------------------------------
# Random mutations

def seeds():
    out = []
    for op, d in OPS.items():
        out.append((op, genl.NLM_F_REQUEST | (genl.NLM_F_DUMP if d["dump"]
                                              else genl.NLM_F_ACK),
                    enc(d["set"], d["seed"])))
    for op, items in DUMPS.items():
        aset = OPS[op]["set"]
        out.append((op, genl.NLM_F_REQUEST | genl.NLM_F_DUMP,
                    enc(aset, items)))
    return out


def attr_offsets(buf):
    offs, off = [], 0
    while off + 4 <= len(buf):
        alen = struct.unpack_from("=H", buf, off)[0]
        if alen < 4:
            break
        offs.append((off, alen))
        off += (alen + 3) & ~3
    return offs


def mutate(rng, payload, pool):
    """payload (the attributes) changed 1 to 3 times."""
    b = bytearray(payload)
    for _ in range(rng.randint(1, 3)):
        offs = attr_offsets(bytes(b))
        k = rng.randrange(9)
        if k == 0 and b:                       # bit flips
            for _ in range(rng.randint(1, 4)):
                i = rng.randrange(len(b))
                b[i] ^= 1 << rng.randrange(8)
        elif k == 1 and offs:                  # an attribute's length
            o, alen = rng.choice(offs)
            n = rng.choice([0, 1, 3, 4, alen - 1, alen + 1, alen + 4,
                            rng.randrange(0x10000)])
            b[o:o + 2] = struct.pack("=H", max(0, min(n, 0xffff)))
        elif k == 2 and b:                     # truncation
            del b[rng.randrange(len(b)):]
        elif k == 3:                           # splice from another seed
            other = rng.choice(pool)
            oo = attr_offsets(other)
            if oo:
                o, alen = rng.choice(oo)
                piece = other[o:o + ((alen + 3) & ~3)]
                at = rng.choice([x[0] for x in offs] + [len(b)])
                b[at:at] = piece
        elif k == 4 and offs:                  # random type
            o, _ = rng.choice(offs)
            t = rng.randrange(40) | rng.choice([0, 0, genl.NLA_F_NESTED,
                                                0x4000])
            b[o + 2:o + 4] = struct.pack("=H", t)
        elif k == 5 and offs:                  # duplicate
            o, alen = rng.choice(offs)
            b += b[o:o + ((alen + 3) & ~3)]
        elif k == 6 and offs:                  # delete
            o, alen = rng.choice(offs)
            del b[o:o + ((alen + 3) & ~3)]
        elif k == 7:                           # random attribute
            n = rng.choice([0, 1, 2, 4, 6, 8, 16, 64, 600])
            b += genl.attr(rng.randrange(40) | rng.choice(
                [0, genl.NLA_F_NESTED]), rng.randbytes(n))
        elif k == 8 and offs:                  # inside a nest
            o, alen = rng.choice(offs)
            inner = bytes(b[o + 4:o + alen])
            if attr_offsets(inner):
                new = mutate(rng, inner, pool)
                piece = genl.attr(struct.unpack_from("=H", b, o + 2)[0], new)
                b[o:o + ((alen + 3) & ~3)] = piece
    return bytes(b)


ADMIN_CMDS = set()


def run_random(conn, count, seed_):
    rng = random.Random(seed_)
    pool_s = seeds()
    pool = [p for _, _, p in pool_s]
    for op, d in OPS.items():
        if d["admin"]:
            ADMIN_CMDS.add(cmd_of(op))
    build_baseline(conn)
    before = read_state(conn)
    n_ref = n_acc = n_silent = n_none = n_core = dirty = 0
    silent = {}
    failed = 0
    for i in range(count):
        op, flags, payload = rng.choice(pool_s)
        cmd = cmd_of(op)
        if rng.randrange(20) == 0:
            cmd = rng.randrange(V["XSW_CMD_MAX"] + 2)
        mutated = mutate(rng, payload, pool)
        ver = 1 if rng.randrange(30) else rng.randrange(256)
        res = conn.request(op, mutated, flags=flags, version=ver, cmd=cmd)
        changes = cmd in ADMIN_CMDS
        if res.error is None:
            n_none += 1
        elif res.error < 0:
            n_ref += 1
            if not res.msg and res.error == -errno.EOPNOTSUPP:
                n_core += 1
            elif not res.msg:
                n_silent += 1
                key = (f"{OPS_BY_CMD.get(cmd, cmd)} "
                       f"{'dump' if flags & genl.NLM_F_DUMP else 'do'} "
                       f"{errname(res.error)}")
                if key not in silent:
                    silent[key] = [0, describe(mutated)]
                silent[key][0] += 1
        else:
            n_acc += 1
        if not changes:
            continue
        after = read_state(conn)
        if after != before:
            if res.error is not None and res.error < 0:
                failed += 1
                print(f"FAIL random #{i} {OPS_BY_CMD.get(cmd, cmd)}: refused "
                      f"({errname(res.error)} {res.msg!r}) but the state "
                      f"changed: {state_diff(before, after)}; sent "
                      f"{mutated.hex()}")
            dirty += 1
            before = after
        if dirty >= 20 or not baseline_present(before):
            build_baseline(conn)
            before = read_state(conn)
            dirty = 0
    print(f"random: {count} messages (seed {seed_}): {n_acc} accepted, "
          f"{n_ref} refused, {n_none} unanswered; {n_silent} refused "
          f"without a message, and {n_core} with EOPNOTSUPP by genetlink's "
          f"core (unknown command, or do or dump it lacks); {failed} "
          "half-applied")
    for key, (n, example) in sorted(silent.items(), key=lambda x: -x[1][0]):
        print(f"  no message: {key}: {n} times, e.g. {example}")
    return 1 if failed else 0


OPS_BY_CMD = {}


def baseline_present(state):
    names = b"".join(state["switches"])
    return b"fzsw0\0" in names and b"fzsw1\0" in names


# ---------------------------------------------------------------------------
# Fault injection

def fail_nth_path():
    p = "/proc/thread-self/fail-nth"
    return p if os.path.exists(p) else None


def run_fault(conn, max_n):
    path = fail_nth_path()
    if not path:
        print("SKIP: no /proc/thread-self/fail-nth (CONFIG_FAULT_INJECTION)")
        return 4
    fd = os.open(path, os.O_RDWR)
    build_baseline(conn)
    s0 = read_state(conn)
    points = failed = 0
    per_op = []
    ops = [op for op, d in OPS.items() if d["admin"]] + \
        [op for op, d in OPS.items() if not d["admin"]] + \
        [f"{op}/dump" for op in DUMPS]
    for op in ops:
        dump = op.endswith("/dump")
        base = op[:-5] if dump else op
        items = DUMPS[base] if dump else OPS[base]["seed"]
        flags = genl.NLM_F_REQUEST | (genl.NLM_F_DUMP if dump or
                                      OPS[base]["dump"] else genl.NLM_F_ACK)
        payload = enc(OPS[base]["set"], items)
        res = conn.request(base, payload, flags=flags)
        if res.error != 0:
            print(f"FAIL {op}: the valid request is refused: {res}")
            failed += 1
            continue
        s1 = read_state(conn)
        if s1 != s0:
            build_baseline(conn)
            if read_state(conn) != s0:
                print("FAIL the baseline is not the same when rebuilt")
                return 1
        admin = OPS[base]["admin"]
        n = 0
        while n < max_n:
            n += 1
            drain(conn)
            msg = conn.message(base, payload, flags=flags)
            os.pwrite(fd, str(n).encode(), 0)
            sent = lost = None
            try:
                conn.sock.send(msg)
                sent = True
                res = genl.answer(conn.sock)
            except OSError as e:
                lost = e
            left = int(os.pread(fd, 32, 0).strip() or b"0")
            os.pwrite(fd, b"0", 0)
            drain(conn)
            injected = left == 0
            # A read changes nothing: its state is read once, below.
            st = read_state(conn) if admin or not injected else s0
            if not injected:
                if lost or res.error != 0:
                    print(f"FAIL {op}: no fault injected, yet "
                          f"{lost or res}")
                    failed += 1
                elif loosen(st) != loosen(s1):
                    print(f"FAIL {op}: succeeded, state not as without "
                          f"faults: {state_diff(s1, st)}")
                    failed += 1
                break
            points += 1
            if not sent:
                ok = st == s0           # the request never got there
                what = f"not sent ({lost})"
            elif lost or res.error is None:
                ok = st == s0 or loosen(st) == loosen(s1)  # either
                what = f"answer lost ({lost or 'no answer'})"
            elif res.error < 0:
                ok = st == s0
                what = f"refused ({errname(res.error)})"
            else:
                ok = loosen(st) == loosen(s1)
                what = "succeeded"
            if not ok:
                failed += 1
                print(f"FAIL {op}: fault {n}: {what}, and the state "
                      f"changed: {state_diff(s0, st)}")
            if st != s0:
                build_baseline(conn)
                if read_state(conn) != s0:
                    print("FAIL the baseline is not the same when rebuilt")
                    return 1
        if st != s0:
            build_baseline(conn)
        per_op.append(f"{op}:{n - 1}")
        print(f"ok   {op}: {n - 1} allocations failed in turn")
    print(f"fault: {len(ops)} commands, {points} injection points; "
          f"{failed} failures")
    print("fault: points per command: " + " ".join(per_op))
    return 1 if failed else 0


def drain(conn):
    while True:
        try:
            conn.sock.recv(1 << 16, socket.MSG_DONTWAIT)
        except BlockingIOError:
            return
        except OSError:
            continue


# ---------------------------------------------------------------------------

def init(header):
    """Read the header; the errors of the table against it."""
    V.update(parse_header(header))
    for aset, names in VOLATILE.items():
        DROP[aset] = {anum(aset, a) for a in names}
    for op in OPS:
        OPS_BY_CMD[cmd_of(op)] = op.split("/")[0]
    return check_table()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--header", default=HEADER)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-faults", type=int, default=3000)
    ap.add_argument("mode", choices=["baseline", "structured", "random",
                                     "fault", "list"])
    ap.add_argument("count", nargs="?", type=int, default=1000)
    args = ap.parse_args()
    errs = init(args.header)
    if errs:
        for e in errs:
            print(f"FAIL table: {e}")
        return 1
    if args.mode == "list":
        return run_structured(None, only_list=True)
    conn = Conn()
    if args.mode == "baseline":
        build_baseline(conn)
        st = read_state(conn)
        print(" ".join(f"{k}={len(v)}" for k, v in st.items()))
        return 0
    if args.mode == "structured":
        return run_structured(conn)
    if args.mode == "random":
        return run_random(conn, args.count, args.seed)
    return run_fault(conn, args.max_faults)


if __name__ == "__main__":
    sys.exit(main())
