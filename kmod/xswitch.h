/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xswitch core: objects shared between the files of xswitch.ko.
 *
 * The locking rules are written once, in the "DOC: Locking" block of
 * switch.c; the helpers here assert them.
 */
#ifndef _XSWITCH_H
#define _XSWITCH_H

#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/rtnetlink.h>
#include <linux/xswitch.h>
#include <net/xswitch.h>

#define XSW_DEFAULT_NAME	"xsw%d"

/**
 * struct xsw_switch - one switch; the private area of its net_device
 * @dev: the switch netdevice, which is also the host's management port
 * @num_ports: number of attached ports (RTNL)
 */
struct xsw_switch {
	struct net_device *dev;
	unsigned int num_ports;
};

/* switch.c */
extern struct rtnl_link_ops xsw_link_ops;
struct xsw_switch *xsw_switch_create(struct net *net, const char *name,
				     struct netlink_ext_ack *extack);
void xsw_switch_destroy(struct xsw_switch *sw);
struct xsw_switch *xsw_switch_find(struct net *net, int ifindex,
				   const char *name,
				   struct netlink_ext_ack *extack);

/* netlink.c */
extern struct genl_family xsw_genl_family;
int xsw_nl_init(void);
void xsw_nl_uninit(void);
void xsw_nl_notify_switch(struct xsw_switch *sw, u8 cmd);

/* nl_switch.c: handlers of the XSW_CMD_SWITCH_* operations */
int xsw_nl_switch_fill(struct sk_buff *skb, const struct xsw_switch *sw,
		       u8 cmd, u32 portid, u32 seq, int flags);
int xsw_nl_switch_new_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_switch_del_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_switch_get_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_switch_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);

#endif /* _XSWITCH_H */
