# SPDX-License-Identifier: GPL-2.0-only
"""Generic netlink over plain sockets, for the selftests' listeners.

    sock = genl.open_socket()
    group = genl.resolve(sock, "psample", "packets")
    genl.join(sock, group)
    for mtype, cmd, body in genl.messages(sock.recv(65536)):
        ... dict(genl.attrs(body)) ...

resolve() asks nlctrl for a family's multicast group id; it raises NoFamily
when there is no such family (its module is not loaded) and NoGroup when
the family has no such group, both LookupErrors that say so ("no psample
family", "no \"packets\" group").  Plain sockets only, so it runs wherever
python3 does.
"""
import socket
import struct

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


class NoFamily(LookupError):
    """nlctrl knows no generic netlink family of that name."""


class NoGroup(LookupError):
    """The family has no multicast group of that name."""


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


def open_socket():
    """A generic netlink socket, bound."""
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
    sock.bind((0, 0))
    return sock


def resolve(sock, family, group):
    """The id of the generic netlink family's multicast group, by name.

    Asks nlctrl over sock.  Raises NoFamily if there is no such family,
    NoGroup if it has no such group.
    """
    name = family.encode() + b"\0"
    attr = struct.pack("=HH", 4 + len(name), CTRL_ATTR_FAMILY_NAME) + name
    attr += b"\0" * (-len(attr) % 4)
    msg = struct.pack("=BBH", CTRL_CMD_GETFAMILY, 1, 0) + attr
    sock.send(struct.pack("=IHHII", 16 + len(msg), GENL_ID_CTRL,
                          NLM_F_REQUEST, 1, 0) + msg)
    for mtype, _, body in messages(sock.recv(65536)):
        if mtype == NLMSG_ERROR:
            raise NoFamily(f"no {family} family")
        for atype, payload in attrs(body):
            if atype != CTRL_ATTR_MCAST_GROUPS:
                continue
            for _, grp in attrs(payload):
                g = dict(attrs(grp))
                gname = g[CTRL_ATTR_MCAST_GRP_NAME].rstrip(b"\0")
                if gname == group.encode():
                    return struct.unpack("=I", g[CTRL_ATTR_MCAST_GRP_ID])[0]
    raise NoGroup(f"no \"{group}\" group")


def join(sock, group_id):
    """Join the multicast group group_id (from resolve())."""
    sock.setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, group_id)
