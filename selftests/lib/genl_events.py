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
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True    # no __pycache__ in the tree
import genl

# enum xsw_cmd in uapi/linux/xswitch.h
CMDS = {1: "SWITCH_NEW", 2: "SWITCH_DEL", 3: "SWITCH_GET", 4: "SWITCH_SET",
        5: "PORT_NEW", 6: "PORT_DEL", 7: "PORT_GET", 8: "PORT_SET",
        26: "VNET_NEW", 27: "VNET_DEL", 29: "VSUBNET_NEW", 30: "VSUBNET_DEL",
        32: "PA_NEW", 33: "PA_DEL", 35: "VPORT_SET", 37: "MAP_NEW",
        38: "MAP_DEL", 40: "MAP_FLUSH", 41: "MAP_BULK"}
# The network virtualisation commands' attribute sets begin with a pad
# attribute; their names are not in attribute 2, so only "cmd" is printed.
FIRST_VNET_CMD = 26
IFNAME_ATTR = 2		# XSW_A_SWITCH_IFNAME == XSW_A_PORT_IFNAME == 2


def main():
    ready, seconds = sys.argv[1], float(sys.argv[2])
    sock = genl.open_socket()
    try:
        group = genl.resolve(sock, "xswitch", "events")
    except LookupError as e:
        sys.exit(f"genl_events: {e}")
    genl.join(sock, group)
    open(ready, "w").close()

    end = time.monotonic() + seconds
    while True:
        left = end - time.monotonic()
        if left <= 0:
            break
        if not select.select([sock], [], [], left)[0]:
            continue
        for _, cmd, body in genl.messages(sock.recv(65536)):
            if cmd >= FIRST_VNET_CMD:
                print(json.dumps({"cmd": CMDS.get(cmd, str(cmd))}),
                      flush=True)
                continue
            ifname = dict(genl.attrs(body)).get(IFNAME_ATTR, b"").rstrip(b"\0")
            print(json.dumps({"cmd": CMDS.get(cmd, str(cmd)),
                              "ifname": ifname.decode()}), flush=True)


if __name__ == "__main__":
    main()
