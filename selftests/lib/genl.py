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

Requests, with the kernel's extended ack:

    sock = genl.open_socket(ext_ack=True)
    fam = genl.family_id(sock, "xswitch")
    replies, ack = genl.request(sock, fam, cmd, genl.attr(1, b"sw0\0"))
    ack.errno, ack.msg, ack.offset, ack.miss_type
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
NLA_F_NESTED = 0x8000
NLM_F_REQUEST = 1
NLM_F_ACK = 4
NLM_F_DUMP = 0x300
NLM_F_CAPPED = 0x100
NLM_F_ACK_TLVS = 0x200
NLMSG_ERROR = 2
NLMSG_DONE = 3
NETLINK_CAP_ACK = 10
NETLINK_EXT_ACK = 11
NLMSGERR_ATTR_MSG = 1
NLMSGERR_ATTR_OFFS = 2
NLMSGERR_ATTR_MISS_TYPE = 5


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


def attr(atype, payload):
    """One netlink attribute, padded."""
    a = struct.pack("=HH", 4 + len(payload), atype) + payload
    return a + b"\0" * (-len(a) % 4)


def open_socket(ext_ack=False):
    """A generic netlink socket, bound; with ext_ack, errors carry the
    kernel's message (and acks only the request's header)."""
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
    sock.bind((0, 0))
    if ext_ack:
        sock.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        sock.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
    return sock


def _get_family(sock, family):
    """nlctrl's attributes of family, as a list of (type, payload)."""
    name = family.encode() + b"\0"
    msg = struct.pack("=BBH", CTRL_CMD_GETFAMILY, 1, 0)
    msg += attr(CTRL_ATTR_FAMILY_NAME, name)
    sock.send(struct.pack("=IHHII", 16 + len(msg), GENL_ID_CTRL,
                          NLM_F_REQUEST, 1, 0) + msg)
    for mtype, _, body in messages(sock.recv(65536)):
        if mtype == NLMSG_ERROR:
            raise NoFamily(f"no {family} family")
        return list(attrs(body))
    raise NoFamily(f"no {family} family")


def family_id(sock, family):
    """The id of a generic netlink family, by name (NoFamily if none)."""
    for atype, payload in _get_family(sock, family):
        if atype == CTRL_ATTR_FAMILY_ID:
            return struct.unpack("=H", payload[:2])[0]
    raise NoFamily(f"no {family} family")


def resolve(sock, family, group):
    """The id of the generic netlink family's multicast group, by name.

    Asks nlctrl over sock.  Raises NoFamily if there is no such family,
    NoGroup if it has no such group.
    """
    for atype, payload in _get_family(sock, family):
        if atype != CTRL_ATTR_MCAST_GROUPS:
            continue
        for _, grp in attrs(payload):
            g = dict(attrs(grp))
            gname = g[CTRL_ATTR_MCAST_GRP_NAME].rstrip(b"\0")
            if gname == group.encode():
                return struct.unpack("=I", g[CTRL_ATTR_MCAST_GRP_ID])[0]
    raise NoGroup(f"no \"{group}\" group")


class Ack:
    """The kernel's answer to a request: errno (0: done), and from the
    extended ack the message, the offset of the attribute at fault (from
    the start of the request) and the type of a missing one, or None."""

    def __init__(self, buf):
        self.errno, self.msg, self.offset, self.miss_type = 0, None, None, None
        mlen, mtype, mflags = struct.unpack_from("=IHH", buf)
        self.errno = -struct.unpack_from("=i", buf, 16)[0]
        if not mflags & NLM_F_ACK_TLVS:
            return
        tlvs = 20               # NLMSG_DONE: the errno, then the TLVs
        if mtype == NLMSG_ERROR:
            olen = 16 if mflags & NLM_F_CAPPED else \
                struct.unpack_from("=I", buf, 20)[0]
            tlvs += (olen + 3) & ~3
        for atype, payload in attrs(buf[tlvs:mlen]):
            if atype == NLMSGERR_ATTR_MSG:
                self.msg = payload.rstrip(b"\0").decode()
            elif atype == NLMSGERR_ATTR_OFFS:
                self.offset = struct.unpack("=I", payload)[0]
            elif atype == NLMSGERR_ATTR_MISS_TYPE:
                self.miss_type = struct.unpack("=I", payload)[0]


def request(sock, family, cmd, body=b"", dump=False, seq=1):
    """Send one request (version 1) and read to its end.

    Returns (replies, ack): replies the (genl cmd, attribute bytes) of the
    messages the kernel answered with, ack an Ack (errno 0 after a dump
    that ended well).
    """
    flags = NLM_F_REQUEST | NLM_F_ACK | (NLM_F_DUMP if dump else 0)
    msg = struct.pack("=BBH", cmd, 1, 0) + body
    sock.send(struct.pack("=IHHII", 16 + len(msg), family, flags, seq, 0)
              + msg)
    replies = []
    while True:
        buf = sock.recv(1 << 20)
        off = 0
        while off + 16 <= len(buf):
            mlen, mtype = struct.unpack_from("=IH", buf, off)
            if mlen < 16:
                break
            one = buf[off:off + mlen]
            off += (mlen + 3) & ~3
            if mtype == NLMSG_ERROR:
                return replies, Ack(one)
            if mtype == NLMSG_DONE:
                return replies, Ack(one)
            replies.append((one[16], one[20:]))


def join(sock, group_id):
    """Join the multicast group group_id (from resolve())."""
    sock.setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, group_id)
