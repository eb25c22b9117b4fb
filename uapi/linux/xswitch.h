/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * xswitch generic netlink interface.
 *
 * Family name XSW_GENL_NAME ("xswitch"), version XSW_GENL_VERSION.
 * Notifications go to the multicast group XSW_MCGRP_EVENTS ("events").
 *
 * Every command that changes state (marked "admin") needs CAP_NET_ADMIN
 * (GENL_ADMIN_PERM); reading needs nothing.  Validation is strict: unknown attributes and
 * out-of-range values are refused with an extended-ack message naming the
 * attribute, and so is an attribute the command does not take (it is
 * never ignored); a missing required one gets a message too.  Objects
 * are named by ifindex or ifname in the network namespace of the socket;
 * when both are given, the ifindex wins and the name must match it.
 *
 * Attribute tree of each command (-> marks what the kernel sends back):
 *
 * XSW_CMD_SWITCH_NEW        (admin) create a switch netdevice
 *   XSW_A_SWITCH_IFNAME       string, optional; may hold one "%d" template.
 *                             Default "xsw%d".
 *   -> reply XSW_CMD_SWITCH_NEW with the new switch's attributes, as
 *      for XSW_CMD_SWITCH_GET.
 *
 * XSW_CMD_SWITCH_DEL        (admin) delete a switch and all its ports
 *   XSW_A_SWITCH_IFINDEX      u32  \ one of them is required
 *   XSW_A_SWITCH_IFNAME       string /
 *
 * XSW_CMD_SWITCH_GET        one switch (do) or every switch (dump)
 *   XSW_A_SWITCH_IFINDEX      u32    \ do: one is required
 *   XSW_A_SWITCH_IFNAME       string / dump: none
 *   -> XSW_CMD_SWITCH_GET, one message per switch:
 *      XSW_A_SWITCH_IFINDEX   u32
 *      XSW_A_SWITCH_IFNAME    string
 *      XSW_A_SWITCH_MTU       u32
 *      XSW_A_SWITCH_ADDRESS   binary, ETH_ALEN
 *      XSW_A_SWITCH_OPERSTATE u8, enum IF_OPER_*, as IFLA_OPERSTATE
 *      XSW_A_SWITCH_UP        flag, present when administratively up
 *      XSW_A_SWITCH_NUM_PORTS u32, the host port not counted
 *      XSW_A_SWITCH_AGEING_TIME u32 seconds
 *      XSW_A_SWITCH_STATS     nest: XSW_A_STATS_DROPS only, switch-wide
 *      XSW_A_SWITCH_CONN_MAX  u32, most stateful ACL connections
 *      XSW_A_SWITCH_CONN_ENTRIES   u32, connections tracked now
 *      XSW_A_SWITCH_CONN_EVICTIONS u64, dropped to make room, ever
 *      XSW_A_SWITCH_CONN_EXPIRED   u64, dropped as idle, ever
 *
 * XSW_CMD_SWITCH_SET        (admin) change a switch
 *   XSW_A_SWITCH_IFINDEX | XSW_A_SWITCH_IFNAME   required
 *   XSW_A_SWITCH_AGEING_TIME  u32 1..1000000, optional
 *   XSW_A_SWITCH_CONN_MAX     u32 1..XSW_SWITCH_CONN_MAX_LIMIT, optional;
 *                             default 65536.  Lowering it below the
 *                             connections tracked evicts the oldest.
 *
 * XSW_CMD_PORT_NEW          (admin) attach a port
 *   XSW_A_PORT_SWITCH_IFINDEX | XSW_A_PORT_SWITCH_IFNAME   required
 *   XSW_A_PORT_TYPE           u8 EXTERNAL, VM (default) or INTERNAL
 *   XSW_A_PORT_IFINDEX | XSW_A_PORT_IFNAME
 *                             external, vm: the existing device, required;
 *                             internal: XSW_A_PORT_IFNAME, the name of the
 *                             netdevice to create (may hold "%d")
 *   -> reply XSW_CMD_PORT_NEW with the port, as for XSW_CMD_PORT_GET
 *
 * XSW_CMD_PORT_DEL          (admin) detach a port; an internal port's
 *                           netdevice is deleted with it
 *   XSW_A_PORT_IFINDEX | XSW_A_PORT_IFNAME   required
 *   XSW_A_PORT_SWITCH_IFINDEX | _IFNAME      optional: the port must be
 *                                            on this switch
 *
 * XSW_CMD_PORT_GET          one port (do), or all (dump)
 *   do:   XSW_A_PORT_IFINDEX | XSW_A_PORT_IFNAME   required
 *         XSW_A_PORT_SWITCH_IFINDEX | _IFNAME      optional, as for DEL
 *   dump: XSW_A_PORT_SWITCH_IFINDEX | _IFNAME      optional filter
 *         XSW_A_PORT_IFINDEX | XSW_A_PORT_IFNAME   optional: that port
 *   -> per port: XSW_A_PORT_IFINDEX, _IFNAME, _SWITCH_IFINDEX,
 *      _SWITCH_IFNAME, _TYPE, _VLAN_MODE, _PVID, _NATIVE_VLAN, _VLANS,
 *      _MAC (when known), _MAC_SPOOFING, _DHCP_GUARD, _ROUTER_GUARD,
 *      _ISOLATED, _LEARN_LIMIT, _LEARNED, _CARRIER, _MTU,
 *      _STATS (nest enum xsw_stats_attr, with every drop reason)
 *      The switch netdevice is listed as the port of type HOST.
 *
 * XSW_CMD_PORT_SET          (admin) change a port's settings; attributes
 *                           left out keep their value; all or nothing
 *   XSW_A_PORT_IFINDEX | XSW_A_PORT_IFNAME   required
 *   XSW_A_PORT_SWITCH_IFINDEX | _IFNAME      optional, as for DEL
 *   XSW_A_PORT_VLAN_MODE, _PVID (access only), _VLANS and _NATIVE_VLAN
 *   (trunk only; the native VLAN must be one of the VLANs),
 *   _MAC (all zeroes: forget, the next MAC seen sticks),
 *   _MAC_SPOOFING, _DHCP_GUARD, _ROUTER_GUARD, _ISOLATED, _LEARN_LIMIT
 *
 * XSW_CMD_FDB_NEW           (admin) add or replace a static entry
 *   XSW_A_FDB_SWITCH_IFINDEX | _SWITCH_IFNAME   required
 *   XSW_A_FDB_MAC             required, unicast
 *   XSW_A_FDB_VLAN            optional; default: the port's PVID (access)
 *                             or native VLAN (trunk); a VLAN the port
 *                             carries
 *   XSW_A_FDB_PORT_IFINDEX | _PORT_IFNAME       required
 *   (XSW_A_FDB_STATIC is refused: the entry is always static)
 *
 * XSW_CMD_FDB_DEL           (admin) delete an entry, static or learned
 *   XSW_A_FDB_SWITCH_IFINDEX | _SWITCH_IFNAME, XSW_A_FDB_MAC   required
 *   XSW_A_FDB_VLAN            optional; without it, every VLAN
 *   XSW_A_FDB_PORT_IFINDEX | _PORT_IFNAME       optional: only the entries
 *                             on this port (ENOENT if the MAC is only on
 *                             others)
 *
 * XSW_CMD_FDB_GET           dump the entries of one switch
 *   XSW_A_FDB_SWITCH_IFINDEX | _SWITCH_IFNAME   required
 *   -> per entry: _SWITCH_IFINDEX, _SWITCH_IFNAME, _MAC, _VLAN,
 *      _PORT_IFINDEX, _PORT_IFNAME, _STATIC (flag), _AGE (ms)
 *
 * XSW_CMD_FDB_FLUSH         (admin) delete learned entries that match
 *                           every filter given
 *   XSW_A_FDB_SWITCH_IFINDEX | _SWITCH_IFNAME   required
 *   XSW_A_FDB_PORT_IFINDEX | _PORT_IFNAME       optional: one port's only
 *   XSW_A_FDB_MAC             optional: this MAC's only
 *   XSW_A_FDB_VLAN            optional: this VLAN's only
 *   XSW_A_FDB_STATIC          flag: static entries too
 *
 * XSW_CMD_EXT_GET           registered extensions (dump), or one (do)
 *   XSW_A_EXT_NAME            do: required
 *   XSW_A_EXT_SWITCH_IFINDEX | _SWITCH_IFNAME   optional: list only the
 *                             attachment to this switch
 *   -> per extension: XSW_A_EXT_NAME, _TYPE, _DESCRIPTION, _VERSION,
 *      _OPTIONS (nest of XSW_A_EXT_OPTION: the declarations, each with
 *      XSW_A_EXT_OPT_NAME, _TYPE, _RANGE_MIN, _RANGE_MAX, _DEFAULT, _HELP),
 *      _ATTACHMENTS (nest of XSW_A_EXT_ATTACHMENT, one per switch of the
 *      caller's namespace the extension is attached to, each holding
 *      XSW_A_EXT_SWITCH_IFINDEX, _SWITCH_IFNAME, _PRIORITY,
 *      _OPTIONS (nest of XSW_A_EXT_OPTION with XSW_A_EXT_OPT_NAME, _TYPE
 *      and _VALUE: the current values) and _STATS (nest enum
 *      xsw_ext_stats_attr))
 *
 * XSW_CMD_EXT_ATTACH        (admin) enable an extension on a switch.  If
 *                           no extension of that name is registered, the
 *                           kernel starts loading module "xswitch-ext-NAME"
 *                           and fails with EAGAIN: send it again (later
 *                           tries get EAGAIN while it loads, ENOENT if the
 *                           load did not register the extension)
 *   XSW_A_EXT_SWITCH_IFINDEX | _SWITCH_IFNAME, XSW_A_EXT_NAME   required
 *   XSW_A_EXT_PRIORITY        u32 0..65535, optional, default 100; lower
 *                             runs first among extensions of one type,
 *                             ties in attach order
 *   XSW_A_EXT_OPTIONS         optional initial option values (as for SET)
 *
 * XSW_CMD_EXT_SET           (admin) change an attached extension; all or
 *                           nothing
 *   XSW_A_EXT_SWITCH_IFINDEX | _SWITCH_IFNAME, XSW_A_EXT_NAME   required
 *   XSW_A_EXT_PRIORITY        optional
 *   XSW_A_EXT_OPTIONS         nest of XSW_A_EXT_OPTION, each with
 *                             XSW_A_EXT_OPT_NAME and XSW_A_EXT_OPT_VALUE;
 *                             options left out keep their value
 *
 * XSW_CMD_EXT_DETACH        (admin) disable an extension on a switch
 *   XSW_A_EXT_SWITCH_IFINDEX | _SWITCH_IFNAME, XSW_A_EXT_NAME   required
 *
 * XSW_CMD_ACL_ADD           (admin) add a rule to a port's ACL
 *   XSW_A_ACL_PORT_IFINDEX | XSW_A_ACL_PORT_IFNAME   required
 *   XSW_A_ACL_DIR             u8 enum xsw_acl_dir, required
 *   XSW_A_ACL_ACTION          u8 enum xsw_acl_action, required
 *   XSW_A_ACL_PRIORITY        u32, optional, default
 *                             XSW_ACL_PRIORITY_DEFAULT
 *   the match, every attribute optional (none at all: every frame):
 *   XSW_A_ACL_SRC_MAC, _DST_MAC   binary ETH_ALEN
 *   XSW_A_ACL_SRC_MAC_MASK, _DST_MAC_MASK
 *                             binary ETH_ALEN, only with its MAC; default
 *                             all ones
 *   XSW_A_ACL_ETH_TYPE        u16, host order
 *   XSW_A_ACL_VLAN_ID         u16 1..4094, the VLAN the switch put the
 *                             frame in
 *   XSW_A_ACL_SRC_IP, _DST_IP binary, 4 (IPv4) or 16 (IPv6) bytes; both of
 *                             one family
 *   XSW_A_ACL_SRC_PREFIX, _DST_PREFIX
 *                             u8, only with its address; default the
 *                             address's length
 *   XSW_A_ACL_IP_PROTO        u8
 *   XSW_A_ACL_SRC_PORT_MIN, _SRC_PORT_MAX, _DST_PORT_MIN, _DST_PORT_MAX
 *                             u16; a MAX needs its MIN and defaults to it;
 *                             need IP_PROTO tcp, udp or sctp
 *   XSW_A_ACL_ICMP_TYPE, _ICMP_CODE
 *                             u8; need IP_PROTO icmp (IPv4) or icmpv6 (IPv6)
 *   XSW_A_ACL_TCP_FLAGS       u8, byte 13 of the TCP header; needs IP_PROTO
 *                             tcp
 *   XSW_A_ACL_TCP_FLAGS_MASK  u8, only with TCP_FLAGS; default 0xff
 *   -> reply XSW_CMD_ACL_ADD with the rule as XSW_CMD_ACL_GET shows it;
 *      its XSW_A_ACL_ID is the id the kernel gave it
 *
 * XSW_CMD_ACL_DEL           (admin) delete a rule
 *   XSW_A_ACL_PORT_IFINDEX | _PORT_IFNAME, XSW_A_ACL_ID   required
 *   XSW_A_ACL_DIR             optional: the rule must be in this direction
 *
 * XSW_CMD_ACL_GET           dump ACLs, with their counters
 *   XSW_A_ACL_PORT_IFINDEX | _PORT_IFNAME   optional: one port's only
 *   XSW_A_ACL_DIR             optional: one direction's only
 *   -> per port and direction, first a message without XSW_A_ACL_ID:
 *      XSW_A_ACL_PORT_IFINDEX, _PORT_IFNAME, _DIR, _DEFAULT, _SHAPES;
 *      then one message per rule, in evaluation order:
 *      XSW_A_ACL_PORT_IFINDEX, _PORT_IFNAME, _DIR, _ID, _PRIORITY, _ACTION,
 *      the rule's match attributes as for XSW_CMD_ACL_ADD (a MAC always
 *      with its mask, an address with its prefix, a port MIN with its MAX,
 *      TCP_FLAGS with their mask), _STATS (nest enum xsw_acl_stats_attr).
 *      A dump of every port leaves out the directions that have no rule
 *      and the default action allow.
 *
 * XSW_CMD_ACL_FLUSH         (admin) delete a port's rules; the default
 *                           actions stay
 *   XSW_A_ACL_PORT_IFINDEX | _PORT_IFNAME   required
 *   XSW_A_ACL_DIR             optional; without it, both directions
 *
 * XSW_CMD_ACL_REPLACE       (admin) swap a port and direction's whole rule
 *                           set for another; each frame meets either the
 *                           old set or the new one, never a mix
 *   XSW_A_ACL_PORT_IFINDEX | _PORT_IFNAME, XSW_A_ACL_DIR   required
 *   XSW_A_ACL_RULES           nest of XSW_A_ACL_RULE, required, may be
 *                             empty; each XSW_A_ACL_RULE holds one rule's
 *                             _ACTION, _PRIORITY and match, as for
 *                             XSW_CMD_ACL_ADD.  May be repeated, as an
 *                             attribute holds at most 64 KiB (some 1,500
 *                             rules): the rules of all of them, in order,
 *                             up to XSW_ACL_RULES_MAX
 *   XSW_A_ACL_DEFAULT         optional: a default action, swapped in with
 *                             the rules
 *   The new rules get ids in the order given; dump to learn them.  10,000
 *   rules make a message of some 400 KB: the sender needs a send buffer
 *   that large (SO_SNDBUFFORCE), and NETLINK_CAP_ACK to keep the ack small.
 *
 * XSW_CMD_ACL_SET           (admin) set a port and direction's default
 *                           action
 *   XSW_A_ACL_PORT_IFINDEX | _PORT_IFNAME, XSW_A_ACL_DIR   required
 *   XSW_A_ACL_DEFAULT         u8 XSW_ACL_ACTION_ALLOW or _DENY, required
 *
 * Port ACLs.  Each port has an ACL for frames from the port into the
 * switch (XSW_ACL_DIR_IN) and one for frames from the switch out of the
 * port (XSW_ACL_DIR_OUT), of up to XSW_ACL_RULES_MAX rules each.  A frame
 * meets its ingress port's "in" ACL once the switch has picked its
 * destinations, and each copy meets its egress port's "out" ACL before
 * the egress extensions see it.  Of the rules that match, the one with the
 * lowest priority, then the lowest id, decides; when none matches, the
 * default action (initially allow) does.  Allow-stateful allows the frame
 * and tracks its connection, whose return traffic the other direction of
 * the same port then allows before its rules are looked at.  Denied frames
 * count under the drop reason "acl" of the port whose ACL denied them.
 * Frames an extension injected meet no ACL.  Rule ids are given by the
 * kernel, 1..2^31-1, unique on a port across both directions; they count
 * up, wrapping around and skipping ids in use.  A command that is refused
 * changes nothing.
 *
 * XSW_CMD_QOS_SET           (admin) set a port's rate limit in one
 *                           direction, its bandwidth guarantee on the
 *                           uplink, or both; all or nothing
 *   XSW_A_QOS_PORT_IFINDEX | XSW_A_QOS_PORT_IFNAME   required
 *   XSW_A_QOS_DIR             u8 enum xsw_acl_dir: the limit's direction;
 *                             with XSW_A_QOS_MAX_RATE only
 *   XSW_A_QOS_MAX_RATE        u64 bits/s, 1..XSW_QOS_RATE_MAX; needs DIR
 *   XSW_A_QOS_BURST           u32 bytes, 1..XSW_QOS_BURST_MAX, only with
 *                             MAX_RATE; default: 300 ms at the rate (what
 *                             TCP needs to reach the rate through a
 *                             policer), at least two frames of the port's
 *                             MTU with a VLAN header, at most
 *                             XSW_QOS_BURST_MAX
 *   XSW_A_QOS_MIN_RATE        u64 bits/s, 1..XSW_QOS_RATE_MAX \ vm and
 *   XSW_A_QOS_MIN_WEIGHT      u32 1..100                      / internal
 *                             ports only, one or the other; replaces the
 *                             port's guarantee of either kind
 *   XSW_A_QOS_LINK_RATE       u64 bits/s, 1..XSW_QOS_RATE_MAX, external
 *                             port only: the capacity of the uplink that
 *                             the guarantees share, for userspace's HTB
 *                             tree; unset, userspace uses the device's
 *                             speed
 *   At least MAX_RATE, a MIN_* or LINK_RATE is required.
 *
 * XSW_CMD_QOS_DEL           (admin) remove a port's limits or guarantee
 *   XSW_A_QOS_PORT_IFINDEX | XSW_A_QOS_PORT_IFNAME   required
 *   XSW_A_QOS_DEL_MAX         flag: the limits of both directions
 *   XSW_A_QOS_DIR             u8: the limit of this direction only
 *   XSW_A_QOS_DEL_MIN         flag: the guarantee
 *   XSW_A_QOS_DEL_LINK        flag: the link rate (external port)
 *   None of them: everything the port has, which may be nothing.
 *   Naming a limit or a guarantee the port does not have is refused
 *   (ENOENT), and then nothing is removed.
 *
 * XSW_CMD_QOS_GET           one port's QoS (do), or every port's (dump)
 *   do:   XSW_A_QOS_PORT_IFINDEX | _PORT_IFNAME     required
 *   dump: XSW_A_QOS_PORT_IFINDEX | _PORT_IFNAME     optional: that port
 *         XSW_A_QOS_SWITCH_IFINDEX | _SWITCH_IFNAME optional: that switch
 *   -> per port (a dump of several leaves out ports with no QoS at all):
 *      XSW_A_QOS_PORT_IFINDEX, _PORT_IFNAME, _SWITCH_IFINDEX,
 *      _SWITCH_IFNAME;
 *      _MIN_RATE or _MIN_WEIGHT, _CLASS and _HTB_MAJOR, when the port has
 *      a guarantee;
 *      _LINK_RATE and _HTB_MAJOR, when the (external) port has a link rate;
 *      one XSW_A_QOS_LIMIT nest per direction with a limit, holding
 *      XSW_A_QOS_DIR, _MAX_RATE, _BURST (the default filled in) and
 *      _STATS (nest enum xsw_qos_stats_attr)
 *
 * Port QoS.  A port may have a maximum rate in each direction (XSW_ACL_DIR_IN:
 * from the port into the switch; _OUT: from the switch out of the port),
 * enforced by a token bucket policer: frames above the rate are dropped and
 * counted under the drop reason "qos" of the port.  A frame's bytes are
 * counted as the port counters count them, from the Ethernet header (no FCS,
 * no 802.1Q tag), a GSO frame as its length.  A frame passes while the bucket
 * holds any credit, and may take it below zero: over any time T a direction
 * passes at most rate * T + burst bytes plus one frame, and a frame larger
 * than the burst (GSO) still passes.  A frame meets its ingress port's "in"
 * limit once, after the "in" ACL, and each copy its egress port's "out" limit
 * after the "out" ACL, before the egress extensions.  Frames an extension
 * injected meet no limit, as they meet no ACL.  Setting a limit starts it
 * with a full bucket.
 *
 * A vm or internal port may have a minimum bandwidth on the uplink, as a
 * rate or as a weight.  xswitch does not schedule: it classifies, and an HTB
 * qdisc that userspace installs on the external port's device, with handle
 * XSW_A_QOS_HTB_MAJOR:, does the rest.  The first guarantee a port gets
 * gives it an HTB class minor (XSW_A_QOS_CLASS, from XSW_QOS_CLASS_MIN up,
 * the lowest free on the switch) that it keeps while it exists.  While at
 * least one port of the switch has a guarantee, every frame sent out of the
 * external port gets skb->priority = HTB_MAJOR:CLASS of the port it came
 * from, or 0 (HTB's default class) when that port has no guarantee or the
 * frame has no source port (an extension sent it out of the port directly),
 * before the egress extensions see it.  Minors below XSW_QOS_CLASS_MIN are
 * left to userspace (the root and the default class).
 *
 * Extension option values (XSW_A_EXT_OPT_VALUE) are encoded by type:
 *   U32     4 bytes, host order     BOOL    1 byte, 0 or 1
 *   STRING  NUL-terminated          BINARY  raw bytes
 *   MAC     6 bytes                 IP      4 (IPv4) or 16 (IPv6) bytes,
 *                                           0 bytes for "none"
 * and at most XSW_EXT_OPT_MAX_LEN bytes long.
 *
 * Dumps set NLM_F_DUMP_INTR on a message when the set of objects changed
 * while the dump was in progress; the reader should start again.
 *
 * Notifications on XSW_MCGRP_EVENTS carry the same attributes as the
 * matching GET reply:
 *   XSW_CMD_SWITCH_NEW        a switch was created (by netlink or ip link)
 *   XSW_CMD_SWITCH_DEL        a switch is going away
 *   XSW_CMD_SWITCH_SET        a switch's settings changed
 *   XSW_CMD_PORT_NEW          a port was attached
 *   XSW_CMD_PORT_DEL          a port is being detached
 *   XSW_CMD_PORT_SET          a port's settings or link state changed
 *   XSW_CMD_EXT_ATTACH        an extension was attached to a switch
 *   XSW_CMD_EXT_SET           an attached extension's settings changed
 *   XSW_CMD_EXT_DETACH        an extension was detached (by command, with
 *                             its switch, or by rmmod of its module)
 *   The XSW_CMD_EXT_* notifications carry XSW_A_EXT_NAME, _TYPE and the
 *   one attachment concerned.
 *
 * Network virtualisation (HNV-style).  One store per network namespace:
 * routing domains (vnets), virtual subnets (VSIDs), each switch's provider
 * addresses (PAs), ports' membership of a VSID with their customer addresses
 * (CAs), and CA-PA mappings.  Addresses are 4 (IPv4) or 16 (IPv6) bytes;
 * an IPv4-mapped IPv6 address is refused (say it as IPv4).  Every object
 * carries _GEN: the namespace's change counter when it last changed; every
 * change bumps it.  This is the control plane only: no frame is
 * encapsulated yet, and the mapping hit counters stay 0.
 *
 * XSW_CMD_VNET_NEW          (admin) a routing domain
 *   XSW_A_VNET_NAME           string < XSW_VNET_NAME_LEN, required, unique
 *   XSW_A_VNET_RDID           u32, required, unique in the namespace
 *
 * XSW_CMD_VNET_DEL          (admin) refused while it has virtual subnets
 *   XSW_A_VNET_NAME           required
 *
 * XSW_CMD_VNET_GET          one (do, XSW_A_VNET_NAME) or all (dump)
 *   -> XSW_A_VNET_NAME, _RDID, _NUM_VSUBNETS, _GEN
 *
 * XSW_CMD_VSUBNET_NEW       (admin) a virtual subnet
 *   XSW_A_VSUBNET_VSID        u32 XSW_VSID_MIN..XSW_VSID_MAX, required,
 *                             unique in the namespace
 *   XSW_A_VSUBNET_VNET        string, the routing domain, required
 *   XSW_A_VSUBNET_PREFIXES    nest of XSW_A_VSUBNET_PREFIX (nest enum
 *                             xsw_vprefix_attr: _ADDR and _LEN), at most
 *                             XSW_VSUBNET_PREFIXES_MAX; optional: without
 *                             one the subnet is layer 2 only (no gateway,
 *                             any CA).  Host bits must be clear; no two
 *                             prefixes of one routing domain may overlap.
 *   XSW_A_VSUBNET_GATEWAY     address inside a prefix; default: the lowest
 *                             host address of the first IPv4 prefix (none
 *                             for a /32 or without an IPv4 prefix)
 *   XSW_A_VSUBNET_ENCAP       u8 enum xsw_encap, default VXLAN
 *
 * XSW_CMD_VSUBNET_DEL       (admin) refused while ports are in it; its
 *                           mappings go with it (one XSW_CMD_MAP_FLUSH
 *                           notification)
 *   XSW_A_VSUBNET_VSID        required
 *
 * XSW_CMD_VSUBNET_GET       one (do, _VSID) or all (dump)
 *   -> XSW_A_VSUBNET_VSID, _VNET, _RDID, _PREFIXES, _GATEWAY (if any),
 *      _ENCAP, _NUM_PORTS, _NUM_MAPS, _NUM_PAS (distinct PAs its mappings
 *      point at), _GEN, _STATS (nest enum xsw_vsubnet_stats_attr: frames
 *      and bytes in from its ports, out to its ports, encapsulated into
 *      the tunnel per copy, decapsulated from it and accepted; bytes from
 *      the inner Ethernet header)
 *
 * XSW_CMD_PA_NEW            (admin) a provider address of a switch
 *   XSW_A_PA_SWITCH_IFINDEX | _SWITCH_IFNAME   required
 *   XSW_A_PA_ADDR             required; the host must own it, and no
 *                             switch of the namespace may have it already
 * XSW_CMD_PA_DEL            (admin) same attributes
 * XSW_CMD_PA_GET            dump; -> _SWITCH_IFINDEX, _SWITCH_IFNAME,
 *                           _ADDR, _GEN.  A switch's PAs go with it (one
 *                           XSW_CMD_PA_DEL notification each).
 *
 * XSW_CMD_VPORT_SET         (admin) a vm or internal port joins a VSID,
 *                           or leaves it
 *   XSW_A_VPORT_PORT_IFINDEX | _PORT_IFNAME    required
 *   XSW_A_VPORT_VSID          u32: the VSID, or 0 to leave
 *   XSW_A_VPORT_CAS           nest of XSW_A_VPORT_CA (address), 1 to
 *                             XSW_VPORT_CAS_MAX, required to join; each
 *                             inside the VSID's prefixes (any CA for a
 *                             layer-2-only subnet), none the gateway
 * XSW_CMD_VPORT_GET         dump of the ports in a VSID; -> _PORT_IFINDEX,
 *                           _PORT_IFNAME, _VSID, _CAS, _GEN.  A port
 *                           leaves its VSID when it is deleted.
 *
 * XSW_CMD_MAP_NEW           (admin) a CA-PA mapping
 *   XSW_A_MAP_VSID            required, an existing VSID
 *   XSW_A_MAP_CA              required, inside the VSID's prefixes (any
 *                             for layer 2 only); unique in the routing
 *                             domain; not the gateway
 *   XSW_A_MAP_MAC             binary ETH_ALEN, required, unicast
 *   XSW_A_MAP_PA              required, unicast: a local or remote PA
 * XSW_CMD_MAP_DEL           (admin) XSW_A_MAP_VSID and _CA required
 * XSW_CMD_MAP_GET           one (do: _VSID and _CA) or all (dump; _VSID
 *                           optional filter, _GEN_MIN optional: only
 *                           mappings with _GEN >= it)
 *   -> XSW_A_MAP_VSID, _RDID, _CA, _MAC, _PA, _GEN, _HITS (u64, frames the
 *      data path sent by the mapping; 0 until the data path exists)
 * XSW_CMD_MAP_FLUSH         (admin) every mapping, or a VSID's (_VSID)
 *   notification: XSW_A_MAP_VSID (if given), _COUNT (how many went), _GEN
 * XSW_CMD_MAP_BULK          (admin) add many mappings, all or none
 *   XSW_A_MAP_ENTRIES         nest of XSW_A_MAP_ENTRY (nest enum
 *                             xsw_map_attr: _VSID, _CA, _MAC, _PA as for
 *                             MAP_NEW); repeated as often as needed, since
 *                             one attribute holds at most 64 KiB
 *   notification: one XSW_CMD_MAP_BULK with _COUNT, _GEN_MIN (the first
 *   added mapping's _GEN) and _GEN (the last's): a listener that needs the
 *   mappings dumps with _GEN_MIN.  Single MAP_NEW and MAP_DEL notify each
 *   mapping with its attributes.
 *
 * XSW_A_SWITCH_VXLAN_PORT (SWITCH_SET, SWITCH_GET) u16 1..65535: the UDP
 * destination port of the switch's VXLAN frames, default 4789.
 *
 * Notifications of the network virtualisation commands: XSW_CMD_VNET_NEW,
 * _DEL, XSW_CMD_VSUBNET_NEW, _DEL, XSW_CMD_PA_NEW, _DEL, XSW_CMD_VPORT_SET,
 * XSW_CMD_MAP_NEW, _DEL, _FLUSH, _BULK, with the attributes of the
 * object's GET reply (FLUSH and BULK: as said above).
 */
#ifndef _UAPI_LINUX_XSWITCH_H
#define _UAPI_LINUX_XSWITCH_H

#define XSW_GENL_NAME		"xswitch"
#define XSW_GENL_VERSION	1
#define XSW_MCGRP_EVENTS	"events"

/* The rtnl_link kind: ip link add NAME type xswitch */
#define XSW_LINK_KIND		"xswitch"

enum xsw_cmd {
	XSW_CMD_UNSPEC,
	XSW_CMD_SWITCH_NEW,
	XSW_CMD_SWITCH_DEL,
	XSW_CMD_SWITCH_GET,
	XSW_CMD_SWITCH_SET,
	XSW_CMD_PORT_NEW,
	XSW_CMD_PORT_DEL,
	XSW_CMD_PORT_GET,
	XSW_CMD_PORT_SET,
	XSW_CMD_FDB_NEW,
	XSW_CMD_FDB_DEL,
	XSW_CMD_FDB_GET,
	XSW_CMD_FDB_FLUSH,
	XSW_CMD_EXT_GET,
	XSW_CMD_EXT_ATTACH,
	XSW_CMD_EXT_DETACH,
	XSW_CMD_EXT_SET,
	XSW_CMD_ACL_ADD,
	XSW_CMD_ACL_DEL,
	XSW_CMD_ACL_GET,
	XSW_CMD_ACL_FLUSH,
	XSW_CMD_ACL_REPLACE,
	XSW_CMD_ACL_SET,
	XSW_CMD_QOS_SET,
	XSW_CMD_QOS_GET,
	XSW_CMD_QOS_DEL,
	XSW_CMD_VNET_NEW,
	XSW_CMD_VNET_DEL,
	XSW_CMD_VNET_GET,
	XSW_CMD_VSUBNET_NEW,
	XSW_CMD_VSUBNET_DEL,
	XSW_CMD_VSUBNET_GET,
	XSW_CMD_PA_NEW,
	XSW_CMD_PA_DEL,
	XSW_CMD_PA_GET,
	XSW_CMD_VPORT_SET,
	XSW_CMD_VPORT_GET,
	XSW_CMD_MAP_NEW,
	XSW_CMD_MAP_DEL,
	XSW_CMD_MAP_GET,
	XSW_CMD_MAP_FLUSH,
	XSW_CMD_MAP_BULK,

	__XSW_CMD_MAX,
	XSW_CMD_MAX = __XSW_CMD_MAX - 1
};

/* The largest XSW_A_SWITCH_CONN_MAX. */
#define XSW_SWITCH_CONN_MAX_LIMIT	1000000

enum xsw_switch_attr {
	XSW_A_SWITCH_UNSPEC,
	XSW_A_SWITCH_IFINDEX,		/* u32 */
	XSW_A_SWITCH_IFNAME,		/* string, < IFNAMSIZ */
	XSW_A_SWITCH_MTU,		/* u32, read-only */
	XSW_A_SWITCH_ADDRESS,		/* binary ETH_ALEN, read-only */
	XSW_A_SWITCH_OPERSTATE,		/* u8 IF_OPER_*, read-only */
	XSW_A_SWITCH_UP,		/* flag, read-only */
	XSW_A_SWITCH_NUM_PORTS,		/* u32, read-only */
	XSW_A_SWITCH_AGEING_TIME,	/* u32 seconds, 1..1000000 */
	XSW_A_SWITCH_STATS,		/* nest enum xsw_stats_attr, read-only */
	XSW_A_SWITCH_PAD,
	XSW_A_SWITCH_CONN_MAX,		/* u32 1..XSW_SWITCH_CONN_MAX_LIMIT */
	XSW_A_SWITCH_CONN_ENTRIES,	/* u32, read-only */
	XSW_A_SWITCH_CONN_EVICTIONS,	/* u64, read-only */
	XSW_A_SWITCH_CONN_EXPIRED,	/* u64, read-only */
	XSW_A_SWITCH_VXLAN_PORT,	/* u16 1..65535, default 4789 */

	__XSW_A_SWITCH_MAX,
	XSW_A_SWITCH_MAX = __XSW_A_SWITCH_MAX - 1
};

enum xsw_port_type {
	XSW_PORT_TYPE_UNSPEC,
	XSW_PORT_TYPE_EXTERNAL,		/* the uplink NIC; at most one */
	XSW_PORT_TYPE_VM,		/* an existing netdev: tap, veth */
	XSW_PORT_TYPE_INTERNAL,		/* a netdev xswitch creates */
	XSW_PORT_TYPE_HOST,		/* the switch netdevice itself; made
					 * and deleted with the switch
					 */

	__XSW_PORT_TYPE_MAX,
	XSW_PORT_TYPE_MAX = __XSW_PORT_TYPE_MAX - 1
};

enum xsw_vlan_mode {
	XSW_VLAN_MODE_UNSPEC,
	XSW_VLAN_MODE_ACCESS,		/* untagged on the wire, in PVID */
	XSW_VLAN_MODE_TRUNK,		/* tagged, listed VLANs; native untagged */

	__XSW_VLAN_MODE_MAX,
	XSW_VLAN_MODE_MAX = __XSW_VLAN_MODE_MAX - 1
};

#define XSW_VLAN_MAX		4094
#define XSW_VLAN_BITMAP_LEN	(4096 / 8)

enum xsw_port_attr {
	XSW_A_PORT_UNSPEC,
	XSW_A_PORT_IFINDEX,		/* u32, the port's netdevice */
	XSW_A_PORT_IFNAME,		/* string */
	XSW_A_PORT_SWITCH_IFINDEX,	/* u32 */
	XSW_A_PORT_SWITCH_IFNAME,	/* string */
	XSW_A_PORT_TYPE,		/* u8 enum xsw_port_type */
	XSW_A_PORT_VLAN_MODE,		/* u8 enum xsw_vlan_mode */
	XSW_A_PORT_PVID,		/* u16 1..4094, access mode */
	XSW_A_PORT_VLANS,		/* binary XSW_VLAN_BITMAP_LEN, bit N =
					 * VLAN N, trunk mode; bits 0 and 4095
					 * must be clear
					 */
	XSW_A_PORT_NATIVE_VLAN,		/* u16 0..4094, trunk; 0: none */
	XSW_A_PORT_MAC,			/* binary ETH_ALEN, the VM's MAC */
	XSW_A_PORT_MAC_SPOOFING,	/* u8 0|1 */
	XSW_A_PORT_DHCP_GUARD,		/* u8 0|1 */
	XSW_A_PORT_ROUTER_GUARD,	/* u8 0|1 */
	XSW_A_PORT_ISOLATED,		/* u8 0|1 */
	XSW_A_PORT_LEARN_LIMIT,		/* u32 0..1000000; 0: learn nothing */
	XSW_A_PORT_LEARNED,		/* u32, read-only */
	XSW_A_PORT_CARRIER,		/* u8, read-only */
	XSW_A_PORT_MTU,			/* u32, read-only */
	XSW_A_PORT_STATS,		/* nest enum xsw_stats_attr, read-only */

	__XSW_A_PORT_MAX,
	XSW_A_PORT_MAX = __XSW_A_PORT_MAX - 1
};

enum xsw_stats_attr {
	XSW_A_STATS_UNSPEC,
	XSW_A_STATS_PAD,
	XSW_A_STATS_RX_PACKETS,		/* u64 */
	XSW_A_STATS_RX_BYTES,		/* u64 */
	XSW_A_STATS_TX_PACKETS,		/* u64 */
	XSW_A_STATS_TX_BYTES,		/* u64 */
	XSW_A_STATS_DROPS,		/* nest enum xsw_drop_attr */

	__XSW_A_STATS_MAX,
	XSW_A_STATS_MAX = __XSW_A_STATS_MAX - 1
};

/*
 * Why frames were dropped, one u64 each; every reason is always sent.
 * Names as the CLI prints them are in the comments.
 */
enum xsw_drop_attr {
	XSW_A_DROP_UNSPEC,
	XSW_A_DROP_PAD,
	XSW_A_DROP_VLAN,		/* "vlan" */
	XSW_A_DROP_SPOOFED_MAC,		/* "spoofed-mac" */
	XSW_A_DROP_DHCP_GUARD,		/* "dhcp-guard" */
	XSW_A_DROP_ROUTER_GUARD,	/* "router-guard" */
	XSW_A_DROP_ISOLATED,		/* "isolated" */
	XSW_A_DROP_MTU,			/* "mtu" */
	XSW_A_DROP_LEARN_LIMIT,		/* "learn-limit": MACs not learned;
					 * the frame itself is forwarded
					 */
	XSW_A_DROP_NO_DESTINATION,	/* "no-destination" */
	XSW_A_DROP_MALFORMED,		/* "malformed": truncated headers */
	XSW_A_DROP_LINK_DOWN,		/* "link-down": egress port down */
	XSW_A_DROP_NOMEM,		/* "nomem" */
	XSW_A_DROP_EXTENSION,		/* "extension": a filter or forwarding
					 * extension said so
					 */
	XSW_A_DROP_ACL,			/* "acl": a port ACL denied it */
	XSW_A_DROP_QOS,			/* "qos": above a port's max rate */
	XSW_A_DROP_VNET_NO_MAPPING,	/* "vnet-no-mapping": unicast in a
					 * VSID to a MAC that no local port
					 * has and no mapping names, or
					 * routed to an unmapped CA
					 */
	XSW_A_DROP_VNET_UNKNOWN_PA,	/* "vnet-unknown-pa": encapsulated,
					 * from a PA no mapping of the
					 * VSID's routing domain points at
					 */
	XSW_A_DROP_VNET_UNKNOWN_VSID,	/* "vnet-unknown-vsid": encapsulated
					 * with a VNI that is no local VSID
					 */
	XSW_A_DROP_VNET_NO_ROUTE,	/* "vnet-no-route": no tunnel device
					 * or no local PA of the family; or
					 * nowhere to route it
					 */
	XSW_A_DROP_VNET_SPOOFED_CA,	/* "vnet-spoofed-ca": a VSID port sent
					 * from an address not its CA
					 */
	XSW_A_DROP_VNET_TTL,		/* "vnet-ttl": TTL ran out in the
					 * distributed router
					 */
	XSW_A_DROP_VNET_MALFORMED,	/* "vnet-malformed": truncated or bad
					 * headers in a VSID frame
					 */

	__XSW_A_DROP_MAX,
	XSW_A_DROP_MAX = __XSW_A_DROP_MAX - 1
};

enum xsw_fdb_attr {
	XSW_A_FDB_UNSPEC,
	XSW_A_FDB_SWITCH_IFINDEX,	/* u32 */
	XSW_A_FDB_SWITCH_IFNAME,	/* string */
	XSW_A_FDB_MAC,			/* binary ETH_ALEN */
	XSW_A_FDB_VLAN,			/* u16 1..4094 */
	XSW_A_FDB_PORT_IFINDEX,		/* u32 */
	XSW_A_FDB_PORT_IFNAME,		/* string */
	XSW_A_FDB_STATIC,		/* flag */
	XSW_A_FDB_AGE,			/* u32 ms since last seen, read-only */

	__XSW_A_FDB_MAX,
	XSW_A_FDB_MAX = __XSW_A_FDB_MAX - 1
};

enum xsw_ext_type {
	XSW_EXT_TYPE_UNSPEC,
	XSW_EXT_TYPE_CAPTURE,		/* sees packets, cannot drop or change */
	XSW_EXT_TYPE_FILTER,		/* may drop, change, clone, inject */
	XSW_EXT_TYPE_FORWARDING,	/* picks destinations; one per switch */

	__XSW_EXT_TYPE_MAX,
	XSW_EXT_TYPE_MAX = __XSW_EXT_TYPE_MAX - 1
};

#define XSW_EXT_NAME_LEN	32	/* with the NUL */
#define XSW_EXT_MAX_OPTIONS	16
#define XSW_EXT_OPT_MAX_LEN	64
#define XSW_EXT_PRIORITY_MAX	65535
#define XSW_EXT_PRIORITY_DEFAULT 100

enum xsw_ext_opt_type {
	XSW_EXT_OPT_UNSPEC,
	XSW_EXT_OPT_U32,
	XSW_EXT_OPT_BOOL,
	XSW_EXT_OPT_STRING,
	XSW_EXT_OPT_BINARY,
	XSW_EXT_OPT_MAC,
	XSW_EXT_OPT_IP,

	__XSW_EXT_OPT_MAX,
	XSW_EXT_OPT_MAX = __XSW_EXT_OPT_MAX - 1
};

enum xsw_ext_attr {
	XSW_A_EXT_UNSPEC,
	XSW_A_EXT_NAME,			/* string, < XSW_EXT_NAME_LEN */
	XSW_A_EXT_TYPE,			/* u8 enum xsw_ext_type, read-only */
	XSW_A_EXT_DESCRIPTION,		/* string, read-only */
	XSW_A_EXT_VERSION,		/* string, read-only */
	XSW_A_EXT_OPTIONS,		/* nest of XSW_A_EXT_OPTION */
	XSW_A_EXT_ATTACHMENTS,		/* nest of XSW_A_EXT_ATTACHMENT,
					 * read-only
					 */
	XSW_A_EXT_ATTACHMENT,		/* nest enum xsw_ext_attr */
	XSW_A_EXT_SWITCH_IFINDEX,	/* u32 */
	XSW_A_EXT_SWITCH_IFNAME,	/* string */
	XSW_A_EXT_PRIORITY,		/* u32 0..XSW_EXT_PRIORITY_MAX */
	XSW_A_EXT_STATS,		/* nest enum xsw_ext_stats_attr,
					 * read-only
					 */

	__XSW_A_EXT_MAX,
	XSW_A_EXT_MAX = __XSW_A_EXT_MAX - 1
};

/* Inside XSW_A_EXT_OPTIONS */
enum xsw_ext_opt_attr {
	XSW_A_EXT_OPT_UNSPEC,
	XSW_A_EXT_OPTION,		/* nest enum xsw_ext_opt_attr */
	XSW_A_EXT_OPT_NAME,		/* string, < XSW_EXT_NAME_LEN */
	XSW_A_EXT_OPT_TYPE,		/* u8 enum xsw_ext_opt_type, read-only */
	XSW_A_EXT_OPT_VALUE,		/* binary, see "option values" above */
	XSW_A_EXT_OPT_RANGE_MIN,	/* u32, read-only: U32 only */
	XSW_A_EXT_OPT_RANGE_MAX,	/* u32, read-only: U32's maximum,
					 * STRING's and BINARY's longest
					 */
	XSW_A_EXT_OPT_DEFAULT,		/* u32, read-only: U32 and BOOL */
	XSW_A_EXT_OPT_HELP,		/* string, read-only */

	__XSW_A_EXT_OPT_MAX,
	XSW_A_EXT_OPT_MAX = __XSW_A_EXT_OPT_MAX - 1
};

/* Per extension and switch, summed over CPUs; u64 each. */
enum xsw_ext_stats_attr {
	XSW_A_EXT_STATS_UNSPEC,
	XSW_A_EXT_STATS_PAD,
	XSW_A_EXT_STATS_INGRESS,	/* packets handed to it on ingress */
	XSW_A_EXT_STATS_EGRESS,		/* packets handed to it on egress,
					 * once per destination
					 */
	XSW_A_EXT_STATS_DROPPED,	/* packets it dropped */
	XSW_A_EXT_STATS_INJECTED,	/* packets it injected */
	XSW_A_EXT_STATS_CLONED,		/* packets it cloned */

	__XSW_A_EXT_STATS_MAX,
	XSW_A_EXT_STATS_MAX = __XSW_A_EXT_STATS_MAX - 1
};

#define XSW_ACL_RULES_MAX	10000	/* per port and direction */
#define XSW_ACL_PRIORITY_DEFAULT 100

enum xsw_acl_dir {
	XSW_ACL_DIR_UNSPEC,
	XSW_ACL_DIR_IN,			/* from the port into the switch */
	XSW_ACL_DIR_OUT,		/* from the switch out of the port */

	__XSW_ACL_DIR_MAX,
	XSW_ACL_DIR_MAX = __XSW_ACL_DIR_MAX - 1
};

enum xsw_acl_action {
	XSW_ACL_ACTION_UNSPEC,
	XSW_ACL_ACTION_ALLOW,
	XSW_ACL_ACTION_DENY,
	XSW_ACL_ACTION_ALLOW_STATEFUL,	/* allow, and the return traffic */

	__XSW_ACL_ACTION_MAX,
	XSW_ACL_ACTION_MAX = __XSW_ACL_ACTION_MAX - 1
};

enum xsw_acl_attr {
	XSW_A_ACL_UNSPEC,
	XSW_A_ACL_PORT_IFINDEX,		/* u32 */
	XSW_A_ACL_PORT_IFNAME,		/* string */
	XSW_A_ACL_DIR,			/* u8 enum xsw_acl_dir */
	XSW_A_ACL_ID,			/* u32, given by the kernel */
	XSW_A_ACL_PRIORITY,		/* u32, lower first */
	XSW_A_ACL_ACTION,		/* u8 enum xsw_acl_action */
	XSW_A_ACL_DEFAULT,		/* u8 XSW_ACL_ACTION_ALLOW or _DENY */
	XSW_A_ACL_SRC_MAC,		/* binary ETH_ALEN */
	XSW_A_ACL_SRC_MAC_MASK,		/* binary ETH_ALEN */
	XSW_A_ACL_DST_MAC,		/* binary ETH_ALEN */
	XSW_A_ACL_DST_MAC_MASK,		/* binary ETH_ALEN */
	XSW_A_ACL_ETH_TYPE,		/* u16, host order */
	XSW_A_ACL_VLAN_ID,		/* u16 1..4094 */
	XSW_A_ACL_SRC_IP,		/* binary, 4 or 16 bytes */
	XSW_A_ACL_DST_IP,		/* binary, 4 or 16 bytes */
	XSW_A_ACL_SRC_PREFIX,		/* u8 */
	XSW_A_ACL_DST_PREFIX,		/* u8 */
	XSW_A_ACL_IP_PROTO,		/* u8 */
	XSW_A_ACL_SRC_PORT_MIN,		/* u16 */
	XSW_A_ACL_SRC_PORT_MAX,		/* u16 */
	XSW_A_ACL_DST_PORT_MIN,		/* u16 */
	XSW_A_ACL_DST_PORT_MAX,		/* u16 */
	XSW_A_ACL_ICMP_TYPE,		/* u8 */
	XSW_A_ACL_ICMP_CODE,		/* u8 */
	XSW_A_ACL_TCP_FLAGS,		/* u8 */
	XSW_A_ACL_TCP_FLAGS_MASK,	/* u8 */
	XSW_A_ACL_STATS,		/* nest enum xsw_acl_stats_attr,
					 * read-only
					 */
	XSW_A_ACL_RULES,		/* nest of XSW_A_ACL_RULE */
	XSW_A_ACL_RULE,			/* nest enum xsw_acl_attr: one rule */
	XSW_A_ACL_SHAPES,		/* u32, read-only: the masks a lookup
					 * in the direction's rules may probe
					 */
	XSW_A_ACL_PAD,

	__XSW_A_ACL_MAX,
	XSW_A_ACL_MAX = __XSW_A_ACL_MAX - 1
};

/* Per rule, summed over CPUs; u64 each. */
enum xsw_acl_stats_attr {
	XSW_A_ACL_STATS_UNSPEC,
	XSW_A_ACL_STATS_PAD,
	XSW_A_ACL_STATS_PACKETS,	/* frames the rule decided */
	XSW_A_ACL_STATS_BYTES,		/* their bytes, from the Ethernet
					 * header on
					 */

	__XSW_A_ACL_STATS_MAX,
	XSW_A_ACL_STATS_MAX = __XSW_A_ACL_STATS_MAX - 1
};

#define XSW_QOS_RATE_MAX	1000000000000ULL	/* bits/s: 1 Tbit/s */
#define XSW_QOS_BURST_MAX	268435456U		/* bytes: 256 MiB */
#define XSW_QOS_WEIGHT_MAX	100
#define XSW_QOS_CLASS_MIN	0x10	/* HTB class minors xswitch gives */
#define XSW_QOS_CLASS_MAX	0xffdf
#define XSW_QOS_HTB_MAJOR_DEFAULT 1

enum xsw_qos_attr {
	XSW_A_QOS_UNSPEC,
	XSW_A_QOS_PORT_IFINDEX,		/* u32 */
	XSW_A_QOS_PORT_IFNAME,		/* string */
	XSW_A_QOS_DIR,			/* u8 enum xsw_acl_dir */
	XSW_A_QOS_MAX_RATE,		/* u64 bits/s */
	XSW_A_QOS_BURST,		/* u32 bytes */
	XSW_A_QOS_MIN_RATE,		/* u64 bits/s */
	XSW_A_QOS_MIN_WEIGHT,		/* u32 1..XSW_QOS_WEIGHT_MAX */
	XSW_A_QOS_CLASS,		/* u32, read-only: the port's HTB class
					 * minor
					 */
	XSW_A_QOS_STATS,		/* nest enum xsw_qos_stats_attr,
					 * read-only
					 */
	XSW_A_QOS_PAD,
	XSW_A_QOS_SWITCH_IFINDEX,	/* u32 */
	XSW_A_QOS_SWITCH_IFNAME,	/* string */
	XSW_A_QOS_HTB_MAJOR,		/* u16, read-only: the handle of the
					 * uplink's HTB qdisc
					 */
	XSW_A_QOS_LIMIT,		/* nest enum xsw_qos_attr, read-only:
					 * one direction's limit
					 */
	XSW_A_QOS_DEL_MAX,		/* flag, QOS_DEL: both limits */
	XSW_A_QOS_DEL_MIN,		/* flag, QOS_DEL: the guarantee */
	XSW_A_QOS_LINK_RATE,		/* u64 bits/s, external port only:
					 * the uplink capacity guarantees
					 * share
					 */
	XSW_A_QOS_DEL_LINK,		/* flag, QOS_DEL: the link rate */

	__XSW_A_QOS_MAX,
	XSW_A_QOS_MAX = __XSW_A_QOS_MAX - 1
};

/* Per port and direction, since the port was made; u64 each. */
enum xsw_qos_stats_attr {
	XSW_A_QOS_STATS_UNSPEC,
	XSW_A_QOS_STATS_PAD,
	XSW_A_QOS_STATS_DROPPED_PACKETS,	/* frames above the rate */
	XSW_A_QOS_STATS_DROPPED_BYTES,		/* their bytes */

	__XSW_A_QOS_STATS_MAX,
	XSW_A_QOS_STATS_MAX = __XSW_A_QOS_STATS_MAX - 1
};

/* Network virtualisation */
#define XSW_VNET_NAME_LEN		32	/* with the NUL */
#define XSW_VSID_MIN			4096
#define XSW_VSID_MAX			0xfffffe	/* 2^24 - 2 */
#define XSW_VSUBNET_PREFIXES_MAX	16
#define XSW_VPORT_CAS_MAX		16
#define XSW_MAPS_MAX			4000000	/* per namespace */
#define XSW_VXLAN_PORT_DEFAULT		4789

enum xsw_encap {
	XSW_ENCAP_UNSPEC,
	XSW_ENCAP_VXLAN,		/* RFC 7348, VNI = VSID */
	XSW_ENCAP_NVGRE,		/* RFC 7637, key = VSID << 8 */

	__XSW_ENCAP_MAX,
	XSW_ENCAP_MAX = __XSW_ENCAP_MAX - 1
};

enum xsw_vnet_attr {
	XSW_A_VNET_UNSPEC,
	XSW_A_VNET_PAD,
	XSW_A_VNET_NAME,		/* string, < XSW_VNET_NAME_LEN */
	XSW_A_VNET_RDID,		/* u32 */
	XSW_A_VNET_NUM_VSUBNETS,	/* u32, read-only */
	XSW_A_VNET_GEN,			/* u64, read-only */

	__XSW_A_VNET_MAX,
	XSW_A_VNET_MAX = __XSW_A_VNET_MAX - 1
};

/* Inside XSW_A_VSUBNET_PREFIX */
enum xsw_vprefix_attr {
	XSW_A_VPREFIX_UNSPEC,
	XSW_A_VPREFIX_ADDR,		/* binary, 4 or 16 bytes */
	XSW_A_VPREFIX_LEN,		/* u8, 0..32 or 0..128 */

	__XSW_A_VPREFIX_MAX,
	XSW_A_VPREFIX_MAX = __XSW_A_VPREFIX_MAX - 1
};

enum xsw_vsubnet_attr {
	XSW_A_VSUBNET_UNSPEC,
	XSW_A_VSUBNET_PAD,
	XSW_A_VSUBNET_VSID,		/* u32 XSW_VSID_MIN..XSW_VSID_MAX */
	XSW_A_VSUBNET_VNET,		/* string, the vnet's name */
	XSW_A_VSUBNET_RDID,		/* u32, read-only */
	XSW_A_VSUBNET_PREFIXES,		/* nest of XSW_A_VSUBNET_PREFIX */
	XSW_A_VSUBNET_PREFIX,		/* nest enum xsw_vprefix_attr */
	XSW_A_VSUBNET_GATEWAY,		/* binary, 4 or 16 bytes */
	XSW_A_VSUBNET_ENCAP,		/* u8 enum xsw_encap */
	XSW_A_VSUBNET_NUM_PORTS,	/* u32, read-only */
	XSW_A_VSUBNET_NUM_MAPS,		/* u32, read-only */
	XSW_A_VSUBNET_NUM_PAS,		/* u32, read-only */
	XSW_A_VSUBNET_GEN,		/* u64, read-only */
	XSW_A_VSUBNET_STATS,		/* nest enum xsw_vsubnet_stats_attr,
					 * read-only
					 */

	__XSW_A_VSUBNET_MAX,
	XSW_A_VSUBNET_MAX = __XSW_A_VSUBNET_MAX - 1
};

/*
 * Inside XSW_A_VSUBNET_STATS: a virtual subnet's traffic on this host,
 * u64 each, bytes counted from the (inner) Ethernet header.
 */
enum xsw_vsubnet_stats_attr {
	XSW_A_VSUBNET_STATS_UNSPEC,
	XSW_A_VSUBNET_STATS_PAD,
	XSW_A_VSUBNET_STATS_IN_PACKETS,		/* from its ports into the
						 * switch, past their checks
						 */
	XSW_A_VSUBNET_STATS_IN_BYTES,
	XSW_A_VSUBNET_STATS_OUT_PACKETS,	/* delivered to its ports */
	XSW_A_VSUBNET_STATS_OUT_BYTES,
	XSW_A_VSUBNET_STATS_ENCAP_PACKETS,	/* sent into the tunnel, one
						 * per remote PA
						 */
	XSW_A_VSUBNET_STATS_ENCAP_BYTES,
	XSW_A_VSUBNET_STATS_DECAP_PACKETS,	/* received from the tunnel
						 * and accepted
						 */
	XSW_A_VSUBNET_STATS_DECAP_BYTES,

	__XSW_A_VSUBNET_STATS_MAX,
	XSW_A_VSUBNET_STATS_MAX = __XSW_A_VSUBNET_STATS_MAX - 1
};

enum xsw_pa_attr {
	XSW_A_PA_UNSPEC,
	XSW_A_PA_PAD,
	XSW_A_PA_SWITCH_IFINDEX,	/* u32 */
	XSW_A_PA_SWITCH_IFNAME,		/* string */
	XSW_A_PA_ADDR,			/* binary, 4 or 16 bytes */
	XSW_A_PA_GEN,			/* u64, read-only */

	__XSW_A_PA_MAX,
	XSW_A_PA_MAX = __XSW_A_PA_MAX - 1
};

enum xsw_vport_attr {
	XSW_A_VPORT_UNSPEC,
	XSW_A_VPORT_PAD,
	XSW_A_VPORT_PORT_IFINDEX,	/* u32 */
	XSW_A_VPORT_PORT_IFNAME,	/* string */
	XSW_A_VPORT_VSID,		/* u32, 0: none */
	XSW_A_VPORT_CAS,		/* nest of XSW_A_VPORT_CA */
	XSW_A_VPORT_CA,			/* binary, 4 or 16 bytes */
	XSW_A_VPORT_GEN,		/* u64, read-only */

	__XSW_A_VPORT_MAX,
	XSW_A_VPORT_MAX = __XSW_A_VPORT_MAX - 1
};

enum xsw_map_attr {
	XSW_A_MAP_UNSPEC,
	XSW_A_MAP_PAD,
	XSW_A_MAP_VSID,			/* u32 */
	XSW_A_MAP_CA,			/* binary, 4 or 16 bytes */
	XSW_A_MAP_MAC,			/* binary ETH_ALEN */
	XSW_A_MAP_PA,			/* binary, 4 or 16 bytes */
	XSW_A_MAP_RDID,			/* u32, read-only */
	XSW_A_MAP_GEN,			/* u64, read-only */
	XSW_A_MAP_HITS,			/* u64, read-only */
	XSW_A_MAP_ENTRIES,		/* nest of XSW_A_MAP_ENTRY, MAP_BULK */
	XSW_A_MAP_ENTRY,		/* nest enum xsw_map_attr */
	XSW_A_MAP_COUNT,		/* u32, FLUSH and BULK notifications */
	XSW_A_MAP_GEN_MIN,		/* u64, dump filter; BULK notification */

	__XSW_A_MAP_MAX,
	XSW_A_MAP_MAX = __XSW_A_MAP_MAX - 1
};

#endif /* _UAPI_LINUX_XSWITCH_H */
