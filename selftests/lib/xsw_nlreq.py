# SPDX-License-Identifier: GPL-2.0-only
"""Send raw xswitch generic netlink requests and check the answers.

    python3 xsw_nlreq.py UAPI_HEADER NETDEV... < CASES

One case a line, "EXPECT [--dump] CMD [ATTR=TYPE:VALUE]...":
  ok             done (errno 0)
  ok:N           done, with N messages in answer
  E|REGEX|ATTR   refused with errno E, an extended-ack message matching
                 REGEX, pointing at attribute ATTR ("-": not checked, as
                 for a dump's own refusal, whose NLMSG_DONE carries the
                 message only); and the switches' state is as before
  miss|REGEX|ATTR  refused with EINVAL, a message matching REGEX and the
                 NLMSGERR_ATTR_MISS_TYPE pointer at ATTR; state as before
or "fdb SWITCH MAC/VLAN/PORT/static|learned..." (sorted; "-" for none):
the switch's entries, read with a raw FDB_GET dump.

CMD is an XSW_CMD_* name without its prefix (FDB_FLUSH).  ATTR is an
attribute of the command's object without XSW_A_<OBJECT>_ (MAC,
SWITCH_IFNAME); TYPE:VALUE is u8:N, u16:N, u32:N, u64:N, str:TEXT,
mac:02:00:00:00:00:01, flag: (no value), nest: (empty) or hex:BYTES.
Numbers come from the UAPI header: the requests are what a client in any
language would send, with no library in between.

The state compared around each refusal is every switch's, port's, FDB
entry's, extension attachment's, ACL's and QoS setting's attributes, and
every vnet's, virtual subnet's, PA's, VSID port's and mapping's, from raw
dumps, without what moves by itself (counters, ages, link state).

Prints "not ok: CASE: ANSWER" for each case that failed and a last line
"cases=N failed=M"; exits 1 when any failed.
"""
import json
import re
import shlex
import struct
import sys

import genl

OBJECTS = ("SWITCH", "PORT", "FDB", "EXT", "ACL", "QOS", "VNET", "VSUBNET",
           "PA", "VPORT", "MAP")
# The network virtualisation's objects, dumped whole.
NV_OBJECTS = ("VNET", "VSUBNET", "PA", "VPORT", "MAP")

# Attributes that move by themselves, per object; and nests to look into.
VOLATILE = {
    "SWITCH": ("OPERSTATE", "UP", "STATS", "CONN_ENTRIES", "CONN_EVICTIONS",
               "CONN_EXPIRED"),
    "PORT": ("LEARNED", "CARRIER", "MTU", "STATS"),
    "FDB": ("AGE",),
    "EXT": ("STATS",),
    "ACL": ("STATS",),
    "QOS": ("STATS",),
    "VNET": (), "VSUBNET": (), "PA": (), "VPORT": (), "MAP": ("HITS",),
}
NESTS = {"EXT": ("ATTACHMENTS", "ATTACHMENT"), "QOS": ("LIMIT",)}


def enums(header):
    """{enum name: {member name: value}} of the header (implicit values)."""
    out = {}
    with open(header, encoding="utf-8") as f:
        text = f.read()
    for enum, body in re.findall(r"enum (\w+) \{(.*?)\};", text, re.S):
        body = re.sub(r"/\*.*?\*/", "", body, flags=re.S)
        out[enum] = {name: n for n, name in
                     enumerate(re.findall(r"^\s*(\w+)\s*,", body, re.M))}
    return out


def encode(spec):
    """The payload of TYPE:VALUE."""
    kind, _, val = spec.partition(":")
    sizes = {"u8": "B", "u16": "H", "u32": "I", "u64": "Q"}
    if kind in sizes:
        return struct.pack("=" + sizes[kind], int(val, 0))
    if kind == "str":
        return val.encode() + b"\0"
    if kind == "mac":
        return bytes(int(x, 16) for x in val.split(":"))
    if kind in ("flag", "nest"):
        return b""
    if kind == "hex":
        return bytes.fromhex(val)
    raise SystemExit(f"unknown attribute type {kind}")


class Client:
    """A socket to the xswitch family, and the header's numbers."""

    def __init__(self, header, netdevs):
        self.enums = enums(header)
        self.vals = {k: v for e in self.enums.values() for k, v in e.items()}
        self.sock = genl.open_socket(ext_ack=True)
        self.fam = genl.family_id(self.sock, "xswitch")
        self.netdevs = netdevs

    def attr_id(self, obj, name):
        return self.vals[f"XSW_A_{obj}_{name}"]

    def names(self, obj):
        """{value: name} of the object's attributes (enum xsw_OBJ_attr)."""
        prefix = f"XSW_A_{obj}_"
        return {v: k[len(prefix):] for k, v in
                self.enums[f"xsw_{obj.lower()}_attr"].items()
                if k.startswith(prefix)}

    def send(self, cmd, specs, dump=False):
        """(genl.Result, {offset: attribute name}) of one request."""
        obj = next(o for o in OBJECTS if cmd.startswith(o + "_"))
        body, where = b"", {}
        for spec in specs:
            name, _, value = spec.partition("=")
            where[20 + len(body)] = name     # nlmsghdr + genlmsghdr
            nested = genl.NLA_F_NESTED if value.startswith("nest:") else 0
            body += genl.attr(self.attr_id(obj, name) | nested,
                              encode(value))
        flags = genl.NLM_F_REQUEST | genl.NLM_F_ACK
        if dump:
            flags |= genl.NLM_F_DUMP
        msg = genl.message(self.fam, self.vals["XSW_CMD_" + cmd], body,
                           flags=flags, seq=1)
        return genl.transact(self.sock, msg), where

    def strip(self, obj, buf):
        """The attributes of buf but the volatile ones, as bytes."""
        drop = {self.attr_id(obj, a) for a in VOLATILE[obj]}
        nests = {self.attr_id(obj, a) for a in NESTS.get(obj, ())}
        out = b""
        for atype, payload in genl.attrs(buf):
            if atype in drop:
                continue
            if atype in nests:
                payload = self.strip(obj, payload)
            out += genl.attr(atype, payload)
        return out

    def dump(self, cmd, specs=()):
        obj = cmd.split("_")[0]
        res, _ = self.send(cmd, list(specs), dump=True)
        if res.error:
            raise SystemExit(f"{cmd} dump failed: {res}")
        return [self.strip(obj, body) for body in res.replies]

    def state(self):
        """Every setting of every switch in the namespace, as bytes."""
        s = [self.dump("SWITCH_GET"), self.dump("PORT_GET"),
             self.dump("EXT_GET"), self.dump("ACL_GET"), self.dump("QOS_GET")]
        for dev in self.netdevs:
            s.append(self.dump("FDB_GET", [f"SWITCH_IFNAME=str:{dev}"]))
        s += [self.dump(obj + "_GET") for obj in NV_OBJECTS]
        return s

    def fdb(self, sw):
        """The switch's entries, "MAC/VLAN/PORT/static|learned", sorted."""
        ids = {n: self.attr_id("FDB", n)
               for n in ("MAC", "VLAN", "PORT_IFNAME", "STATIC")}
        out = []
        for body in self.dump("FDB_GET", [f"SWITCH_IFNAME=str:{sw}"]):
            a = dict(genl.attrs(body))
            out.append("%s/%d/%s/%s" % (
                ":".join(f"{b:02x}" for b in a[ids["MAC"]]),
                struct.unpack("=H", a[ids["VLAN"]])[0],
                a[ids["PORT_IFNAME"]].rstrip(b"\0").decode(),
                "static" if ids["STATIC"] in a else "learned"))
        return " ".join(sorted(out)) or "-"


def check(client, line):
    """None when the case holds, else what went wrong."""
    if line.startswith("fdb "):
        words = line.split()
        got = client.fdb(words[1])
        want = " ".join(words[2:])
        return None if got == want else f"fdb {got}"
    if "|" in line.split()[0]:
        # E|REGEX|ATTR: the regex may hold blanks.
        kind, regex, rest = line.split("|", 2)
        expect = f"{kind}|{regex}|{rest.split()[0]}"
        args = shlex.split(rest)[1:]
    else:
        expect, args = line.split()[0], shlex.split(line)[1:]
    dump = args[0] == "--dump"
    if dump:
        args = args[1:]
    cmd = args[0]
    refusal = "|" in expect
    before = client.state() if refusal else None
    res, where = client.send(cmd, args[1:], dump)
    errno = -(res.error or 0)
    obj = cmd.split("_")[0]
    answer = json.dumps({
        "errno": errno, "msg": res.msg,
        "attr": where.get(res.offs), "miss":
        client.names(obj).get(res.miss_type), "replies": len(res.replies)})
    if expect.startswith("ok"):
        n = expect.partition(":")[2]
        good = errno == 0 and (not n or int(n) == len(res.replies))
        return None if good else answer
    kind, regex, attr = expect.split("|")
    if kind == "miss":
        good = (errno == 22 and
                client.names(obj).get(res.miss_type) == attr)
    else:
        good = (errno == int(kind) and
                (attr == "-" or where.get(res.offs) == attr))
    good = good and bool(res.msg) and re.search(regex, res.msg)
    if not good:
        return answer
    if client.state() != before:
        return answer + " and the state changed"
    return None


def main(argv):
    client = Client(argv[1], argv[2:])
    cases = failed = 0
    for line in sys.stdin:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        cases += 1
        why = check(client, line)
        if why:
            failed += 1
            print(f"not ok: {line}: {why}")
    print(f"cases={cases} failed={failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
