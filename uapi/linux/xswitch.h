/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * xswitch generic netlink interface.
 *
 * Family name XSW_GENL_NAME ("xswitch"), version XSW_GENL_VERSION.
 * Notifications go to the multicast group XSW_MCGRP_EVENTS ("events").
 *
 * Every command that changes state needs CAP_NET_ADMIN in the caller's
 * network namespace.  Validation is strict: unknown attributes and
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
 *   -> XSW_CMD_SWITCH_GET, per switch:
 *      XSW_A_SWITCH_IFINDEX   u32
 *      XSW_A_SWITCH_IFNAME    string
 *      XSW_A_SWITCH_MTU       u32
 *      XSW_A_SWITCH_ADDRESS   binary, ETH_ALEN
 *      XSW_A_SWITCH_OPERSTATE u8, enum IF_OPER_* of <linux/if.h>
 *      XSW_A_SWITCH_UP        flag, present when administratively up
 *      XSW_A_SWITCH_NUM_PORTS u32
 *
 * Notifications on XSW_MCGRP_EVENTS carry the same attributes as the
 * XSW_CMD_SWITCH_GET reply:
 *   XSW_CMD_SWITCH_NEW        a switch was created (by netlink or ip link)
 *   XSW_CMD_SWITCH_DEL        a switch is going away
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

	__XSW_A_SWITCH_MAX,
	XSW_A_SWITCH_MAX = __XSW_A_SWITCH_MAX - 1
};

#endif /* _UAPI_LINUX_XSWITCH_H */
