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
 * attribute.  Objects are named by ifindex or ifname in the network
 * namespace of the socket; when both are given, the ifindex wins and the
 * name must match it.
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
 *
 * XSW_CMD_SWITCH_SET        (admin) change a switch
 *   XSW_A_SWITCH_IFINDEX | XSW_A_SWITCH_IFNAME   required
 *   XSW_A_SWITCH_AGEING_TIME  u32 1..1000000, optional
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
 *
 * XSW_CMD_PORT_GET          one port (do), or all (dump)
 *   do:   XSW_A_PORT_IFINDEX | XSW_A_PORT_IFNAME   required
 *   dump: XSW_A_PORT_SWITCH_IFINDEX | _IFNAME      optional filter
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
 *   XSW_A_PORT_VLAN_MODE, _PVID (access only), _VLANS and _NATIVE_VLAN
 *   (trunk only), _MAC (all zeroes: forget, the next MAC seen sticks),
 *   _MAC_SPOOFING, _DHCP_GUARD, _ROUTER_GUARD, _ISOLATED, _LEARN_LIMIT
 *
 * XSW_CMD_FDB_NEW           (admin) add or replace a static entry
 *   XSW_A_FDB_SWITCH_IFINDEX | _SWITCH_IFNAME   required
 *   XSW_A_FDB_MAC             required, unicast
 *   XSW_A_FDB_VLAN            optional; default: the port's PVID (access)
 *                             or native VLAN (trunk)
 *   XSW_A_FDB_PORT_IFINDEX | _PORT_IFNAME       required
 *
 * XSW_CMD_FDB_DEL           (admin) delete an entry, static or learned
 *   XSW_A_FDB_SWITCH_IFINDEX | _SWITCH_IFNAME, XSW_A_FDB_MAC   required
 *   XSW_A_FDB_VLAN            optional; without it, every VLAN
 *
 * XSW_CMD_FDB_GET           dump the entries of one switch
 *   XSW_A_FDB_SWITCH_IFINDEX | _SWITCH_IFNAME   required
 *   -> per entry: _SWITCH_IFINDEX, _SWITCH_IFNAME, _MAC, _VLAN,
 *      _PORT_IFINDEX, _PORT_IFNAME, _STATIC (flag), _AGE (ms)
 *
 * XSW_CMD_FDB_FLUSH         (admin) delete learned entries
 *   XSW_A_FDB_SWITCH_IFINDEX | _SWITCH_IFNAME   required
 *   XSW_A_FDB_PORT_IFINDEX | _PORT_IFNAME       optional: one port's only
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

	__XSW_CMD_MAX,
	XSW_CMD_MAX = __XSW_CMD_MAX - 1
};

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

#endif /* _UAPI_LINUX_XSWITCH_H */
