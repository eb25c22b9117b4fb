// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: the "xswitch" generic netlink family, its policies and
 * notifications.  The handlers live in nl_<object>.c; only files named
 * netlink.c or nl_*.c touch netlink attributes.
 */

#include <linux/if.h>
#include <linux/module.h>

#include "xswitch.h"

/*
 * Cleared before the family is unregistered at module exit, so that the
 * switches deleted afterwards do not send to a family that is gone.  Read
 * and written under RTNL, which every notification is sent under.
 */
static bool xsw_nl_ready;

#define IFNAME_POLICY	{ .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 }
#define IFINDEX_POLICY	NLA_POLICY_MIN(NLA_U32, 1)
#define BOOL_POLICY	NLA_POLICY_MAX(NLA_U8, 1)

static struct netlink_range_validation ageing_range = {
	.min = 1, .max = XSW_MAX_AGEING,
};

static struct netlink_range_validation conn_max_range = {
	.min = 1, .max = XSW_SWITCH_CONN_MAX_LIMIT,
};

static struct netlink_range_validation learn_limit_range = {
	.max = XSW_MAX_LEARN_LIMIT,
};

static const struct nla_policy switch_new_policy[XSW_A_SWITCH_IFNAME + 1] = {
	[XSW_A_SWITCH_IFNAME]		= IFNAME_POLICY,
};

/* Names one switch: SWITCH_DEL, SWITCH_GET */
static const struct nla_policy switch_id_policy[XSW_A_SWITCH_IFNAME + 1] = {
	[XSW_A_SWITCH_IFINDEX]		= IFINDEX_POLICY,
	[XSW_A_SWITCH_IFNAME]		= IFNAME_POLICY,
};

static const struct nla_policy switch_set_policy[XSW_A_SWITCH_CONN_MAX + 1] = {
	[XSW_A_SWITCH_IFINDEX]		= IFINDEX_POLICY,
	[XSW_A_SWITCH_IFNAME]		= IFNAME_POLICY,
	[XSW_A_SWITCH_AGEING_TIME]	= NLA_POLICY_FULL_RANGE(NLA_U32, &ageing_range),
	[XSW_A_SWITCH_CONN_MAX]		= NLA_POLICY_FULL_RANGE(NLA_U32, &conn_max_range),
};

static const struct nla_policy port_new_policy[XSW_A_PORT_TYPE + 1] = {
	[XSW_A_PORT_IFINDEX]		= IFINDEX_POLICY,
	[XSW_A_PORT_IFNAME]		= IFNAME_POLICY,
	[XSW_A_PORT_SWITCH_IFINDEX]	= IFINDEX_POLICY,
	[XSW_A_PORT_SWITCH_IFNAME]	= IFNAME_POLICY,
	[XSW_A_PORT_TYPE]		= NLA_POLICY_RANGE(NLA_U8, XSW_PORT_TYPE_EXTERNAL,
							   XSW_PORT_TYPE_INTERNAL),
};

/* PORT_DEL and PORT_GET: one port; a dump may name a switch instead. */
static const struct nla_policy port_id_policy[XSW_A_PORT_SWITCH_IFNAME + 1] = {
	[XSW_A_PORT_IFINDEX]		= IFINDEX_POLICY,
	[XSW_A_PORT_IFNAME]		= IFNAME_POLICY,
	[XSW_A_PORT_SWITCH_IFINDEX]	= IFINDEX_POLICY,
	[XSW_A_PORT_SWITCH_IFNAME]	= IFNAME_POLICY,
};

static const struct nla_policy port_set_policy[XSW_A_PORT_LEARN_LIMIT + 1] = {
	[XSW_A_PORT_IFINDEX]		= IFINDEX_POLICY,
	[XSW_A_PORT_IFNAME]		= IFNAME_POLICY,
	[XSW_A_PORT_VLAN_MODE]		= NLA_POLICY_RANGE(NLA_U8, XSW_VLAN_MODE_ACCESS,
							   XSW_VLAN_MODE_TRUNK),
	[XSW_A_PORT_PVID]		= NLA_POLICY_RANGE(NLA_U16, 1, XSW_VLAN_MAX),
	[XSW_A_PORT_VLANS]		= NLA_POLICY_EXACT_LEN(XSW_VLAN_BITMAP_LEN),
	[XSW_A_PORT_NATIVE_VLAN]	= NLA_POLICY_MAX(NLA_U16, XSW_VLAN_MAX),
	[XSW_A_PORT_MAC]		= NLA_POLICY_ETH_ADDR,
	[XSW_A_PORT_MAC_SPOOFING]	= BOOL_POLICY,
	[XSW_A_PORT_DHCP_GUARD]		= BOOL_POLICY,
	[XSW_A_PORT_ROUTER_GUARD]	= BOOL_POLICY,
	[XSW_A_PORT_ISOLATED]		= BOOL_POLICY,
	[XSW_A_PORT_LEARN_LIMIT]	= NLA_POLICY_FULL_RANGE(NLA_U32, &learn_limit_range),
};

static const struct nla_policy fdb_policy[XSW_A_FDB_STATIC + 1] = {
	[XSW_A_FDB_SWITCH_IFINDEX]	= IFINDEX_POLICY,
	[XSW_A_FDB_SWITCH_IFNAME]	= IFNAME_POLICY,
	[XSW_A_FDB_MAC]			= NLA_POLICY_ETH_ADDR,
	[XSW_A_FDB_VLAN]		= NLA_POLICY_RANGE(NLA_U16, 1, XSW_VLAN_MAX),
	[XSW_A_FDB_PORT_IFINDEX]	= IFINDEX_POLICY,
	[XSW_A_FDB_PORT_IFNAME]		= IFNAME_POLICY,
	[XSW_A_FDB_STATIC]		= { .type = NLA_FLAG },
};

static struct netlink_range_validation ext_priority_range = {
	.max = XSW_EXT_PRIORITY_MAX,
};

static const struct nla_policy ext_opt_policy[XSW_A_EXT_OPT_VALUE + 1] = {
	[XSW_A_EXT_OPT_NAME]		= { .type = NLA_NUL_STRING,
					    .len = XSW_EXT_NAME_LEN - 1 },
	[XSW_A_EXT_OPT_VALUE]		= { .type = NLA_BINARY,
					    .len = XSW_EXT_OPT_MAX_LEN },
};

static const struct nla_policy ext_opts_policy[XSW_A_EXT_OPTION + 1] = {
	[XSW_A_EXT_OPTION]		= NLA_POLICY_NESTED(ext_opt_policy),
};

/* Every XSW_CMD_EXT_* request; each handler says what it needs. */
static const struct nla_policy ext_policy[XSW_A_EXT_PRIORITY + 1] = {
	[XSW_A_EXT_NAME]		= { .type = NLA_NUL_STRING,
					    .len = XSW_EXT_NAME_LEN - 1 },
	[XSW_A_EXT_OPTIONS]		= NLA_POLICY_NESTED(ext_opts_policy),
	[XSW_A_EXT_SWITCH_IFINDEX]	= IFINDEX_POLICY,
	[XSW_A_EXT_SWITCH_IFNAME]	= IFNAME_POLICY,
	[XSW_A_EXT_PRIORITY]		= NLA_POLICY_FULL_RANGE(NLA_U32, &ext_priority_range),
};

#define ACL_PORT_POLICY \
	[XSW_A_ACL_PORT_IFINDEX]	= IFINDEX_POLICY, \
	[XSW_A_ACL_PORT_IFNAME]		= IFNAME_POLICY, \
	[XSW_A_ACL_DIR]			= NLA_POLICY_RANGE(NLA_U8, XSW_ACL_DIR_IN, \
							   XSW_ACL_DIR_OUT)

/* A rule: in XSW_CMD_ACL_ADD, and in each XSW_A_ACL_RULE of _REPLACE. */
#define ACL_RULE_POLICY \
	[XSW_A_ACL_PRIORITY]		= { .type = NLA_U32 }, \
	[XSW_A_ACL_ACTION]		= NLA_POLICY_RANGE(NLA_U8, XSW_ACL_ACTION_ALLOW, \
							   XSW_ACL_ACTION_ALLOW_STATEFUL), \
	[XSW_A_ACL_SRC_MAC]		= NLA_POLICY_ETH_ADDR, \
	[XSW_A_ACL_SRC_MAC_MASK]	= NLA_POLICY_ETH_ADDR, \
	[XSW_A_ACL_DST_MAC]		= NLA_POLICY_ETH_ADDR, \
	[XSW_A_ACL_DST_MAC_MASK]	= NLA_POLICY_ETH_ADDR, \
	[XSW_A_ACL_ETH_TYPE]		= { .type = NLA_U16 }, \
	[XSW_A_ACL_VLAN_ID]		= NLA_POLICY_RANGE(NLA_U16, 1, XSW_VLAN_MAX), \
	[XSW_A_ACL_SRC_IP]		= NLA_POLICY_RANGE(NLA_BINARY, 4, 16), \
	[XSW_A_ACL_DST_IP]		= NLA_POLICY_RANGE(NLA_BINARY, 4, 16), \
	[XSW_A_ACL_SRC_PREFIX]		= NLA_POLICY_MAX(NLA_U8, 128), \
	[XSW_A_ACL_DST_PREFIX]		= NLA_POLICY_MAX(NLA_U8, 128), \
	[XSW_A_ACL_IP_PROTO]		= { .type = NLA_U8 }, \
	[XSW_A_ACL_SRC_PORT_MIN]	= { .type = NLA_U16 }, \
	[XSW_A_ACL_SRC_PORT_MAX]	= { .type = NLA_U16 }, \
	[XSW_A_ACL_DST_PORT_MIN]	= { .type = NLA_U16 }, \
	[XSW_A_ACL_DST_PORT_MAX]	= { .type = NLA_U16 }, \
	[XSW_A_ACL_ICMP_TYPE]		= { .type = NLA_U8 }, \
	[XSW_A_ACL_ICMP_CODE]		= { .type = NLA_U8 }, \
	[XSW_A_ACL_TCP_FLAGS]		= { .type = NLA_U8 }, \
	[XSW_A_ACL_TCP_FLAGS_MASK]	= { .type = NLA_U8 }

static const struct nla_policy acl_add_policy[XSW_A_ACL_TCP_FLAGS_MASK + 1] = {
	ACL_PORT_POLICY,
	ACL_RULE_POLICY,
};

static const struct nla_policy acl_rule_policy[XSW_A_ACL_TCP_FLAGS_MASK + 1] = {
	ACL_RULE_POLICY,
};

static const struct nla_policy acl_rules_policy[XSW_A_ACL_RULE + 1] = {
	[XSW_A_ACL_RULE]		= NLA_POLICY_NESTED(acl_rule_policy),
};

static const struct nla_policy acl_replace_policy[XSW_A_ACL_RULES + 1] = {
	ACL_PORT_POLICY,
	[XSW_A_ACL_DEFAULT]		= NLA_POLICY_RANGE(NLA_U8, XSW_ACL_ACTION_ALLOW,
							   XSW_ACL_ACTION_DENY),
	[XSW_A_ACL_RULES]		= NLA_POLICY_NESTED(acl_rules_policy),
};

static const struct nla_policy acl_del_policy[XSW_A_ACL_ID + 1] = {
	ACL_PORT_POLICY,
	[XSW_A_ACL_ID]			= NLA_POLICY_MIN(NLA_U32, 1),
};

/* ACL_GET and ACL_FLUSH: a port, maybe one direction. */
static const struct nla_policy acl_port_policy[XSW_A_ACL_DIR + 1] = {
	ACL_PORT_POLICY,
};

static const struct nla_policy acl_set_policy[XSW_A_ACL_DEFAULT + 1] = {
	ACL_PORT_POLICY,
	[XSW_A_ACL_DEFAULT]		= NLA_POLICY_RANGE(NLA_U8, XSW_ACL_ACTION_ALLOW,
							   XSW_ACL_ACTION_DENY),
};

static struct netlink_range_validation qos_rate_range = {
	.min = 1, .max = XSW_QOS_RATE_MAX,
};

static struct netlink_range_validation qos_burst_range = {
	.min = 1, .max = XSW_QOS_BURST_MAX,
};

#define QOS_PORT_POLICY \
	[XSW_A_QOS_PORT_IFINDEX]	= IFINDEX_POLICY, \
	[XSW_A_QOS_PORT_IFNAME]		= IFNAME_POLICY

#define QOS_DIR_POLICY \
	[XSW_A_QOS_DIR]			= NLA_POLICY_RANGE(NLA_U8, XSW_ACL_DIR_IN, \
							   XSW_ACL_DIR_OUT)

static const struct nla_policy qos_set_policy[XSW_A_QOS_LINK_RATE + 1] = {
	QOS_PORT_POLICY,
	QOS_DIR_POLICY,
	[XSW_A_QOS_MAX_RATE]		= NLA_POLICY_FULL_RANGE(NLA_U64, &qos_rate_range),
	[XSW_A_QOS_BURST]		= NLA_POLICY_FULL_RANGE(NLA_U32, &qos_burst_range),
	[XSW_A_QOS_MIN_RATE]		= NLA_POLICY_FULL_RANGE(NLA_U64, &qos_rate_range),
	[XSW_A_QOS_MIN_WEIGHT]		= NLA_POLICY_RANGE(NLA_U32, 1, XSW_QOS_WEIGHT_MAX),
	[XSW_A_QOS_LINK_RATE]		= NLA_POLICY_FULL_RANGE(NLA_U64, &qos_rate_range),
};

static const struct nla_policy qos_get_policy[XSW_A_QOS_SWITCH_IFNAME + 1] = {
	QOS_PORT_POLICY,
	[XSW_A_QOS_SWITCH_IFINDEX]	= IFINDEX_POLICY,
	[XSW_A_QOS_SWITCH_IFNAME]	= IFNAME_POLICY,
};

static const struct nla_policy qos_del_policy[XSW_A_QOS_DEL_LINK + 1] = {
	QOS_PORT_POLICY,
	QOS_DIR_POLICY,
	[XSW_A_QOS_DEL_MAX]		= { .type = NLA_FLAG },
	[XSW_A_QOS_DEL_MIN]		= { .type = NLA_FLAG },
	[XSW_A_QOS_DEL_LINK]		= { .type = NLA_FLAG },
};

static const struct genl_ops xsw_genl_ops[] = {
	{
		.cmd		= XSW_CMD_SWITCH_NEW,
		.doit		= xsw_nl_switch_new_doit,
		.policy		= switch_new_policy,
		.maxattr	= ARRAY_SIZE(switch_new_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_SWITCH_DEL,
		.doit		= xsw_nl_switch_del_doit,
		.policy		= switch_id_policy,
		.maxattr	= ARRAY_SIZE(switch_id_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_SWITCH_GET,
		.doit		= xsw_nl_switch_get_doit,
		.dumpit		= xsw_nl_switch_get_dumpit,
		.policy		= switch_id_policy,
		.maxattr	= ARRAY_SIZE(switch_id_policy) - 1,
	},
	{
		.cmd		= XSW_CMD_SWITCH_SET,
		.doit		= xsw_nl_switch_set_doit,
		.policy		= switch_set_policy,
		.maxattr	= ARRAY_SIZE(switch_set_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_PORT_NEW,
		.doit		= xsw_nl_port_new_doit,
		.policy		= port_new_policy,
		.maxattr	= ARRAY_SIZE(port_new_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_PORT_DEL,
		.doit		= xsw_nl_port_del_doit,
		.policy		= port_id_policy,
		.maxattr	= ARRAY_SIZE(port_id_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_PORT_GET,
		.doit		= xsw_nl_port_get_doit,
		.dumpit		= xsw_nl_port_get_dumpit,
		.policy		= port_id_policy,
		.maxattr	= ARRAY_SIZE(port_id_policy) - 1,
	},
	{
		.cmd		= XSW_CMD_PORT_SET,
		.doit		= xsw_nl_port_set_doit,
		.policy		= port_set_policy,
		.maxattr	= ARRAY_SIZE(port_set_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_FDB_NEW,
		.doit		= xsw_nl_fdb_new_doit,
		.policy		= fdb_policy,
		.maxattr	= ARRAY_SIZE(fdb_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_FDB_DEL,
		.doit		= xsw_nl_fdb_del_doit,
		.policy		= fdb_policy,
		.maxattr	= ARRAY_SIZE(fdb_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_FDB_GET,
		.dumpit		= xsw_nl_fdb_get_dumpit,
		.policy		= fdb_policy,
		.maxattr	= ARRAY_SIZE(fdb_policy) - 1,
	},
	{
		.cmd		= XSW_CMD_FDB_FLUSH,
		.doit		= xsw_nl_fdb_flush_doit,
		.policy		= fdb_policy,
		.maxattr	= ARRAY_SIZE(fdb_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_EXT_GET,
		.doit		= xsw_nl_ext_get_doit,
		.dumpit		= xsw_nl_ext_get_dumpit,
		.policy		= ext_policy,
		.maxattr	= ARRAY_SIZE(ext_policy) - 1,
	},
	{
		.cmd		= XSW_CMD_EXT_ATTACH,
		.doit		= xsw_nl_ext_attach_doit,
		.policy		= ext_policy,
		.maxattr	= ARRAY_SIZE(ext_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_EXT_DETACH,
		.doit		= xsw_nl_ext_detach_doit,
		.policy		= ext_policy,
		.maxattr	= ARRAY_SIZE(ext_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_EXT_SET,
		.doit		= xsw_nl_ext_set_doit,
		.policy		= ext_policy,
		.maxattr	= ARRAY_SIZE(ext_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_ACL_ADD,
		.doit		= xsw_nl_acl_add_doit,
		.policy		= acl_add_policy,
		.maxattr	= ARRAY_SIZE(acl_add_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_ACL_DEL,
		.doit		= xsw_nl_acl_del_doit,
		.policy		= acl_del_policy,
		.maxattr	= ARRAY_SIZE(acl_del_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_ACL_GET,
		.dumpit		= xsw_nl_acl_get_dumpit,
		.policy		= acl_port_policy,
		.maxattr	= ARRAY_SIZE(acl_port_policy) - 1,
	},
	{
		.cmd		= XSW_CMD_ACL_FLUSH,
		.doit		= xsw_nl_acl_flush_doit,
		.policy		= acl_port_policy,
		.maxattr	= ARRAY_SIZE(acl_port_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_ACL_REPLACE,
		.doit		= xsw_nl_acl_replace_doit,
		.policy		= acl_replace_policy,
		.maxattr	= ARRAY_SIZE(acl_replace_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_ACL_SET,
		.doit		= xsw_nl_acl_set_doit,
		.policy		= acl_set_policy,
		.maxattr	= ARRAY_SIZE(acl_set_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_QOS_SET,
		.doit		= xsw_nl_qos_set_doit,
		.policy		= qos_set_policy,
		.maxattr	= ARRAY_SIZE(qos_set_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_QOS_GET,
		.doit		= xsw_nl_qos_get_doit,
		.dumpit		= xsw_nl_qos_get_dumpit,
		.policy		= qos_get_policy,
		.maxattr	= ARRAY_SIZE(qos_get_policy) - 1,
	},
	{
		.cmd		= XSW_CMD_QOS_DEL,
		.doit		= xsw_nl_qos_del_doit,
		.policy		= qos_del_policy,
		.maxattr	= ARRAY_SIZE(qos_del_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
};

enum xsw_nl_mcgrp {
	XSW_NL_MCGRP_EVENTS,
};

static const struct genl_multicast_group xsw_nl_mcgrps[] = {
	[XSW_NL_MCGRP_EVENTS] = { .name = XSW_MCGRP_EVENTS },
};

/* resv_start_op stays 0: strict validation for every operation. */
struct genl_family xsw_genl_family __ro_after_init = {
	.name		= XSW_GENL_NAME,
	.version	= XSW_GENL_VERSION,
	.netnsok	= true,
	/* Handlers take RTNL themselves; genl_mutex would add nothing. */
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.ops		= xsw_genl_ops,
	.n_ops		= ARRAY_SIZE(xsw_genl_ops),
	.mcgrps		= xsw_nl_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(xsw_nl_mcgrps),
};

typedef int (*fill_fn)(struct sk_buff *skb, const void *obj, u8 cmd,
		       u32 portid, u32 seq, int flags);

/*
 * Context: RTNL held.  Best effort: a notification that cannot be built is
 * reported to listeners as a socket error, like rtnetlink does.
 */
static void notify(struct net *net, fill_fn fill, const void *obj, u8 cmd)
{
	struct sk_buff *skb;
	int err;

	ASSERT_RTNL();
	if (!xsw_nl_ready || !genl_has_listeners(&xsw_genl_family, net,
						 XSW_NL_MCGRP_EVENTS))
		return;

	skb = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!skb) {
		err = -ENOBUFS;
		goto err_set;
	}
	err = fill(skb, obj, cmd, 0, 0, 0);
	if (err) {
		kfree_skb(skb);
		goto err_set;
	}
	genlmsg_multicast_netns(&xsw_genl_family, net, skb, 0,
				XSW_NL_MCGRP_EVENTS, GFP_KERNEL);
	return;

err_set:
	netlink_set_err(net->genl_sock, 0,
			xsw_genl_family.mcgrp_offset + XSW_NL_MCGRP_EVENTS, err);
}

/* XSW_CMD_SWITCH_NEW or _DEL: a switch came or is going. */
void xsw_nl_notify_switch(struct xsw_switch *sw, u8 cmd)
{
	notify(dev_net(sw->dev), (fill_fn)xsw_nl_switch_fill, sw, cmd);
}

/* XSW_CMD_PORT_NEW, _DEL, or _SET for a change of settings or link. */
void xsw_nl_notify_port(struct xsw_port *port, u8 cmd)
{
	notify(dev_net(port->sw->dev), (fill_fn)xsw_nl_port_fill, port, cmd);
}

/* XSW_CMD_EXT_ATTACH, _DETACH or _SET: an attachment came, went or changed. */
void xsw_nl_notify_ext(struct xsw_ext *ext, u8 cmd)
{
	notify(dev_net(ext->sw->dev), (fill_fn)xsw_nl_ext_fill_one, ext, cmd);
}

/**
 * xsw_nl_put_stats - put a nest of counters
 * @skb: the message
 * @attr: the nest's type
 * @stats: the counters
 * @traffic: with rx and tx, or only the drops
 */
int xsw_nl_put_stats(struct sk_buff *skb, int attr,
		     struct xsw_stats __percpu *stats, bool traffic)
{
	struct nlattr *nest, *drops;
	struct xsw_stats_sum sum;
	int i;

	xsw_stats_sum(stats, &sum);
	nest = nla_nest_start(skb, attr);
	if (!nest)
		return -EMSGSIZE;
	if (traffic &&
	    (nla_put_u64_64bit(skb, XSW_A_STATS_RX_PACKETS, sum.rx_packets,
			       XSW_A_STATS_PAD) ||
	     nla_put_u64_64bit(skb, XSW_A_STATS_RX_BYTES, sum.rx_bytes,
			       XSW_A_STATS_PAD) ||
	     nla_put_u64_64bit(skb, XSW_A_STATS_TX_PACKETS, sum.tx_packets,
			       XSW_A_STATS_PAD) ||
	     nla_put_u64_64bit(skb, XSW_A_STATS_TX_BYTES, sum.tx_bytes,
			       XSW_A_STATS_PAD)))
		goto err_cancel;
	drops = nla_nest_start(skb, XSW_A_STATS_DROPS);
	if (!drops)
		goto err_cancel;
	for (i = 0; i < XSW_DROP_NUM; i++)
		if (nla_put_u64_64bit(skb, XSW_A_DROP_VLAN + i, sum.drops[i],
				      XSW_A_DROP_PAD))
			goto err_cancel;
	nla_nest_end(skb, drops);
	nla_nest_end(skb, nest);
	return 0;

err_cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/**
 * xsw_nl_dev - the netdevice named by an ifindex or an ifname attribute
 * @net: the namespace to look in
 * @attrs: the request's attributes
 * @a_index: the ifindex attribute's type
 * @a_name: the ifname attribute's type
 * @missing: the message when neither attribute is there
 * @extack: where to say why not
 *
 * Context: RTNL held.
 * Return: the device; ERR_PTR(-EINVAL) when neither attribute is there,
 * ERR_PTR(-ENODEV) when nothing has that name; @extack set either way.
 */
struct net_device *xsw_nl_dev(struct net *net, struct nlattr **attrs,
			      int a_index, int a_name, const char *missing,
			      struct netlink_ext_ack *extack)
{
	struct net_device *dev;

	dev = xsw_dev_find(net, attrs[a_index] ? nla_get_u32(attrs[a_index]) : 0,
			   attrs[a_name] ? nla_data(attrs[a_name]) : NULL,
			   missing, extack);
	if (IS_ERR(dev))
		NL_SET_BAD_ATTR(extack, attrs[a_index] ?: attrs[a_name]);
	return dev;
}

/**
 * xsw_nl_port - the port named by an ifindex or an ifname attribute
 * @net: the namespace to look in: a port whose netdevice is elsewhere is
 *	no such port here
 * @attrs: the request's attributes
 * @a_index: the ifindex attribute's type
 * @a_name: the ifname attribute's type
 * @extack: where to say why not
 *
 * Context: RTNL held.
 * Return: the port, or an ERR_PTR() with @extack set.
 */
struct xsw_port *xsw_nl_port(struct net *net, struct nlattr **attrs,
			     int a_index, int a_name,
			     struct netlink_ext_ack *extack)
{
	struct net_device *dev;
	struct xsw_port *port;

	dev = xsw_nl_dev(net, attrs, a_index, a_name,
			 "port ifindex or name is required", extack);
	if (PTR_ERR(dev) == -ENODEV)
		NL_SET_ERR_MSG(extack, "no such port");
	if (IS_ERR(dev))
		return ERR_CAST(dev);
	port = xsw_port_from_dev(dev);
	if (!port) {
		NL_SET_ERR_MSG_ATTR(extack, attrs[a_index] ?: attrs[a_name],
				    "device is not a switch port");
		return ERR_PTR(-ENOENT);
	}
	return port;
}

/* The switch named by a pair of attributes, or an ERR_PTR with @extack set. */
struct xsw_switch *xsw_nl_switch(struct net *net, struct nlattr **attrs,
				 int a_index, int a_name,
				 struct netlink_ext_ack *extack)
{
	const char *name = NULL;
	struct xsw_switch *sw;
	int ifindex = 0;

	if (attrs[a_index])
		ifindex = nla_get_u32(attrs[a_index]);
	if (attrs[a_name])
		name = nla_data(attrs[a_name]);
	sw = xsw_switch_find(net, ifindex, name, extack);
	if (IS_ERR(sw))
		NL_SET_BAD_ATTR(extack, attrs[a_index] ?: attrs[a_name]);
	return sw;
}

int xsw_nl_init(void)
{
	int err;

	err = genl_register_family(&xsw_genl_family);
	if (err)
		return err;
	rtnl_lock();
	xsw_nl_ready = true;
	rtnl_unlock();
	return 0;
}

void xsw_nl_uninit(void)
{
	rtnl_lock();
	xsw_nl_ready = false;
	rtnl_unlock();
	genl_unregister_family(&xsw_genl_family);
}
