#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Print the packet samples of the kernel's psample family as JSON lines.

    psample_listen.py READY_FILE SECONDS [COUNT]
    psample_listen.py --group-id

An independent psample consumer, as hsflowd's or tc's act_sample users are:
it resolves the "psample" generic netlink family and its "packets" group,
joins the group, touches READY_FILE, then prints one line per sample for
SECONDS seconds or until COUNT samples came:

    {"group": 7, "seq": 12, "rate": 1, "origsize": 60, "in_ifindex": 5,
     "out_ifindex": 0, "len": 60, "ethertype": 34997}

(ethertype is read from the sampled bytes; 0 and len 0 when there are
none.)  If the socket overflowed, it prints {"error": "ENOBUFS"} and exits
with status 1.  --group-id prints the id of the "packets" multicast group
and exits.  Plain sockets only, so it runs wherever python3 does.
"""
import errno
import json
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
SO_RCVBUFFORCE = 33

# include/uapi/linux/psample.h
PSAMPLE_CMD_SAMPLE = 0
ATTRS = {0: "in_ifindex", 1: "out_ifindex", 2: "origsize", 3: "group",
         4: "seq", 5: "rate"}
PSAMPLE_ATTR_DATA = 6


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
    """The id of the psample family's "packets" multicast group."""
    name = b"psample\0"
    attr = struct.pack("=HH", 4 + len(name), CTRL_ATTR_FAMILY_NAME) + name
    attr += b"\0" * (-len(attr) % 4)
    msg = struct.pack("=BBH", CTRL_CMD_GETFAMILY, 1, 0) + attr
    sock.send(struct.pack("=IHHII", 16 + len(msg), GENL_ID_CTRL,
                          NLM_F_REQUEST, 1, 0) + msg)
    for mtype, _, body in messages(sock.recv(65536)):
        if mtype == NLMSG_ERROR:
            sys.exit("psample_listen: no psample family (modprobe psample)")
        for atype, payload in attrs(body):
            if atype != CTRL_ATTR_MCAST_GROUPS:
                continue
            for _, grp in attrs(payload):
                g = dict(attrs(grp))
                gname = g[CTRL_ATTR_MCAST_GRP_NAME].rstrip(b"\0")
                if gname == b"packets":
                    return struct.unpack("=I", g[CTRL_ATTR_MCAST_GRP_ID])[0]
    sys.exit("psample_listen: no \"packets\" group")


def sample(body):
    """A sample's attributes as a dict."""
    out = {v: 0 for v in ATTRS.values()}
    data = b""
    for atype, payload in attrs(body):
        if atype in ATTRS:
            # IIFINDEX and OIFINDEX are u16, the others u32.
            fmt = "=H" if len(payload) == 2 else "=I"
            out[ATTRS[atype]] = struct.unpack(fmt, payload[:struct.calcsize(fmt)])[0]
        elif atype == PSAMPLE_ATTR_DATA:
            data = payload
    out["len"] = len(data)
    out["ethertype"] = struct.unpack("!H", data[12:14])[0] if len(data) >= 14 else 0
    return out


def main():
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
    sock.bind((0, 0))
    group = resolve(sock)
    if sys.argv[1:] == ["--group-id"]:
        print(group)
        return 0
    ready, seconds = sys.argv[1], float(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    # Room for a burst: a lost sample must be a test failure, not a
    # slow reader's.
    sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 8 << 20)
    sock.setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, group)
    open(ready, "w").close()

    seen = 0
    end = time.monotonic() + seconds
    while not count or seen < count:
        left = end - time.monotonic()
        if left <= 0:
            break
        if not select.select([sock], [], [], left)[0]:
            continue
        try:
            buf = sock.recv(1 << 20)
        except OSError as e:
            if e.errno == errno.ENOBUFS:
                print(json.dumps({"error": "ENOBUFS"}), flush=True)
                return 1
            raise
        for _, cmd, body in messages(buf):
            if cmd != PSAMPLE_CMD_SAMPLE or (count and seen >= count):
                continue
            print(json.dumps(sample(body)), flush=True)
            seen += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
