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

Requests, for the fuzzers (selftests/lib/nlfuzz.py):

    sock = genl.open_socket(ext_ack=True)
    fam = genl.family_id(sock, "xswitch")
    msg = genl.message(fam, cmd, genl.attr(1, b"sw0\0"))
    res = genl.transact(sock, msg)     # Result: .error, .msg, .offs, .replies

attr() builds one attribute (padded), nest() a nested one.  transact()
sends bytes as they are (a fuzzer's message may lie about its lengths) and
reads until the ack or the end of the dump.
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
NLM_F_MULTI = 2
NLM_F_ACK = 4
NLM_F_ROOT = 0x100
NLM_F_MATCH = 0x200
NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH
NLM_F_CAPPED = 0x100
NLM_F_ACK_TLVS = 0x200
NLMSG_ERROR = 2
NLMSG_DONE = 3
NETLINK_CAP_ACK = 10
NETLINK_EXT_ACK = 11
NLMSGERR_ATTR_MSG = 1
NLMSGERR_ATTR_OFFS = 2
NLMSGERR_ATTR_MISS_TYPE = 5
NLA_F_NESTED = 0x8000
SO_SNDBUFFORCE = 32
SO_RCVBUFFORCE = 33


class NoFamily(LookupError):
    """nlctrl knows no generic netlink family of that name."""


class NoGroup(LookupError):
    """The family has no multicast group of that name."""


def attrs(buf, flags=False):
    """Yield (type, payload) of the netlink attributes in buf; the type
    with its flags (NLA_F_NESTED, NLA_F_NET_BYTEORDER) if flags."""
    off = 0
    while off + 4 <= len(buf):
        alen, atype = struct.unpack_from("=HH", buf, off)
        if alen < 4:
            return
        yield atype if flags else atype & 0x3fff, buf[off + 4:off + alen]
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


def open_socket(ext_ack=False, bufsize=0):
    """A generic netlink socket, bound.

    ext_ack: ask for extended acks (messages, offsets) and capped acks (the
    request is not echoed).  bufsize: force send and receive buffers of
    that many bytes (needs CAP_NET_ADMIN), for very large requests.
    """
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
    if ext_ack:
        sock.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        sock.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
    if bufsize:
        sock.setsockopt(socket.SOL_SOCKET, SO_SNDBUFFORCE, bufsize)
        sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, bufsize)
    sock.bind((0, 0))
    return sock


def attr(atype, payload):
    """One netlink attribute of type atype, padded to 4 bytes."""
    a = struct.pack("=HH", 4 + len(payload), atype) + payload
    return a + b"\0" * (-len(a) % 4)


def nest(atype, *children):
    """A nested attribute (NLA_F_NESTED set) holding the attributes given."""
    return attr(atype | NLA_F_NESTED, b"".join(children))


def message(family, cmd, payload=b"", flags=NLM_F_REQUEST | NLM_F_ACK,
            seq=0, version=1, reserved=0):
    """A generic netlink request: headers, then payload (the attributes)."""
    body = struct.pack("=BBH", cmd, version, reserved) + payload
    return struct.pack("=IHHII", 16 + len(body), family, flags, seq, 0) + body


class Result:
    """What came back: error (0 or a negative errno), the extack message
    (str, "" when none), offs (the offending attribute's offset in the
    request, or None), miss_type (the missing attribute, or None), and
    replies (the attribute bytes of each reply message)."""

    def __init__(self):
        self.error = None
        self.msg = ""
        self.offs = None
        self.miss_type = None
        self.replies = []

    def __repr__(self):
        return (f"error={self.error} msg={self.msg!r} offs={self.offs} "
                f"miss_type={self.miss_type}")


def _ack(res, mflags, payload, capped_hdr):
    """Fill res from an NLMSG_ERROR's or an NLMSG_DONE's payload."""
    res.error = struct.unpack_from("=i", payload)[0]
    if not mflags & NLM_F_ACK_TLVS:
        return
    off = 4
    if capped_hdr:		# the request's header (CAP_ACK: nothing more)
        off += 16 if mflags & NLM_F_CAPPED else \
            struct.unpack_from("=I", payload, 4)[0]
    for atype, val in attrs(payload[off:]):
        if atype == NLMSGERR_ATTR_MSG:
            res.msg = val.rstrip(b"\0").decode(errors="replace")
        elif atype == NLMSGERR_ATTR_OFFS and len(val) == 4:
            res.offs = struct.unpack("=I", val)[0]
        elif atype == NLMSGERR_ATTR_MISS_TYPE and len(val) == 4:
            res.miss_type = struct.unpack("=I", val)[0]


def transact(sock, msg):
    """Send msg (bytes, sent as they are) and read what answers it.

    Netlink runs a request in the sender's sendmsg(), so its answer (the
    ack, or the first part of a dump, whose later parts each recvmsg()
    makes) is queued when send() returns: reading never waits.  Returns a
    Result whose error is None when nothing (or no ack) came, as for a
    request without NLM_F_ACK.  Raises OSError when the socket reports an
    error (ENOBUFS: an answer was lost).
    """
    sock.send(msg)
    return answer(sock)


def answer(sock):
    """What is queued on sock in answer to the request sent last: see
    transact()."""
    res = Result()
    while True:
        try:
            # 64 KiB: more than a dump's part (32 KiB at most), and
            # below malloc's mmap threshold, which would cost a page
            # fault per page on every call.
            buf = sock.recv(65536, socket.MSG_DONTWAIT)
        except BlockingIOError:
            return res
        off = 0
        while off + 16 <= len(buf):
            mlen, mtype, mflags = struct.unpack_from("=IHH", buf, off)
            if mlen < 16:
                break
            payload = buf[off + 16:off + mlen]
            if mtype == NLMSG_ERROR:
                _ack(res, mflags, payload, True)
                return res
            if mtype == NLMSG_DONE:
                _ack(res, mflags, payload, False)
                return res
            res.replies.append(payload[4:])
            off += (mlen + 3) & ~3


def family_id(sock, family):
    """The id of a generic netlink family by name; NoFamily if none."""
    name = family.encode() + b"\0"
    msg = message(GENL_ID_CTRL, CTRL_CMD_GETFAMILY,
                  attr(CTRL_ATTR_FAMILY_NAME, name), flags=NLM_F_REQUEST)
    sock.send(msg)
    for mtype, _, body in messages(sock.recv(65536)):
        if mtype == NLMSG_ERROR:
            raise NoFamily(f"no {family} family")
        for atype, payload in attrs(body):
            if atype == CTRL_ATTR_FAMILY_ID:
                return struct.unpack("=H", payload)[0]
    raise NoFamily(f"no {family} family")


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
