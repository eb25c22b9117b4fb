#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Print the xswitch family's notifications as JSON lines.

    genl_events.py READY_FILE SECONDS

Resolves the "xswitch" generic netlink family and its "events" group,
joins the group, touches READY_FILE, then prints one line per
notification for SECONDS seconds:

    {"cmd": "PORT_NEW", "ifname": "v1"}

Plain sockets only, so it runs wherever python3 does.
"""
import json
import os
import select
import socket
import struct
import sys
import time

NETLINK_GENERIC = 16
SOL_NETLINK = 270
NETLINK_ADD_MEMBERSHIP = 1
GENL_ID_CTRL = 0x10
CTRL_CMD_GETFAMILY = 3
CTRL_ATTR_FAMILY_ID = 1
CTRL_ATTR_FAMILY_NAME = 2
CTRL_ATTR_MCAST_GROUPS = 7
CTRL_ATTR_MCAST_GRP_NAME = 1
CTRL_ATTR_MCAST_GRP_ID = 2
NLM_F_REQUEST = 1
NLMSG_ERROR = 2

# enum xsw_cmd in uapi/linux/xswitch.h
CMDS = {1: "SWITCH_NEW", 2: "SWITCH_DEL", 3: "SWITCH_GET", 4: "SWITCH_SET",
        5: "PORT_NEW", 6: "PORT_DEL", 7: "PORT_GET", 8: "PORT_SET"}
IFNAME_ATTR = 2		# XSW_A_SWITCH_IFNAME == XSW_A_PORT_IFNAME == 2


def attrs(buf):
    """Yield (type, payload) of the netlink attributes in buf."""
    off = 0
    while off + 4 <= len(buf):
        alen, atype = struct.unpack_from("=HH", buf, off)
        if alen < 4:
            return
        yield atype & 0x3fff, buf[off + 4:off + alen]
        off += (alen + 3) & ~3


def messages(buf):
    """Yield (type, genl cmd, attribute bytes) of the messages in buf."""
    off = 0
    while off + 16 <= len(buf):
        mlen, mtype = struct.unpack_from("=IH", buf, off)
        if mlen < 16:
            return
        body = buf[off + 16:off + mlen]
        cmd = body[0] if body else 0
        yield mtype, cmd, body[4:]
        off += (mlen + 3) & ~3


def resolve(sock):
    name = b"xswitch\0"
    attr = struct.pack("=HH", 4 + len(name), CTRL_ATTR_FAMILY_NAME) + name
    attr += b"\0" * (-len(attr) % 4)
    genl = struct.pack("=BBH", CTRL_CMD_GETFAMILY, 1, 0)
    msg = genl + attr
    sock.send(struct.pack("=IHHII", 16 + len(msg), GENL_ID_CTRL,
                          NLM_F_REQUEST, 1, 0) + msg)
    for mtype, _, body in messages(sock.recv(65536)):
        if mtype == NLMSG_ERROR:
            sys.exit("genl_events: no xswitch family")
        groups = {}
        for atype, payload in attrs(body):
            if atype != CTRL_ATTR_MCAST_GROUPS:
                continue
            for _, grp in attrs(payload):
                g = dict(attrs(grp))
                gname = g[CTRL_ATTR_MCAST_GRP_NAME].rstrip(b"\0").decode()
                groups[gname] = struct.unpack("=I", g[CTRL_ATTR_MCAST_GRP_ID])[0]
        return groups["events"]
    sys.exit("genl_events: no reply")


def main():
    ready, seconds = sys.argv[1], float(sys.argv[2])
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
    sock.bind((0, 0))
    group = resolve(sock)
    sock.setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, group)
    open(ready, "w").close()

    end = time.monotonic() + seconds
    while True:
        left = end - time.monotonic()
        if left <= 0:
            break
        if not select.select([sock], [], [], left)[0]:
            continue
        for _, cmd, body in messages(sock.recv(65536)):
            ifname = dict(attrs(body)).get(IFNAME_ATTR, b"").rstrip(b"\0")
            print(json.dumps({"cmd": CMDS.get(cmd, str(cmd)),
                              "ifname": ifname.decode()}), flush=True)


if __name__ == "__main__":
    main()
