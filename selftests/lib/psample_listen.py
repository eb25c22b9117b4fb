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
import os
import select
import socket
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True    # no __pycache__ in the tree
import genl

SO_RCVBUFFORCE = 33

# include/uapi/linux/psample.h
PSAMPLE_CMD_SAMPLE = 0
ATTRS = {0: "in_ifindex", 1: "out_ifindex", 2: "origsize", 3: "group",
         4: "seq", 5: "rate"}
PSAMPLE_ATTR_DATA = 6


def sample(body):
    """A sample's attributes as a dict."""
    out = {v: 0 for v in ATTRS.values()}
    data = b""
    for atype, payload in genl.attrs(body):
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
    sock = genl.open_socket()
    try:
        group = genl.resolve(sock, "psample", "packets")
    except genl.NoFamily as e:
        sys.exit(f"psample_listen: {e} (modprobe psample)")
    except genl.NoGroup as e:
        sys.exit(f"psample_listen: {e}")
    if sys.argv[1:] == ["--group-id"]:
        print(group)
        return 0
    ready, seconds = sys.argv[1], float(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    # Room for a burst: a lost sample must be a test failure, not a
    # slow reader's.
    sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 8 << 20)
    genl.join(sock, group)
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
        for _, cmd, body in genl.messages(buf):
            if cmd != PSAMPLE_CMD_SAMPLE or (count and seen >= count):
                continue
            print(json.dumps(sample(body)), flush=True)
            seen += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
