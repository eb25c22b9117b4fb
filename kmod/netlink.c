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

static const struct nla_policy xsw_switch_new_policy[XSW_A_SWITCH_IFNAME + 1] = {
	[XSW_A_SWITCH_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
};

/* Names one switch: SWITCH_DEL, SWITCH_GET */
static const struct nla_policy xsw_switch_id_policy[XSW_A_SWITCH_IFNAME + 1] = {
	[XSW_A_SWITCH_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[XSW_A_SWITCH_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
};

static const struct genl_ops xsw_genl_ops[] = {
	{
		.cmd		= XSW_CMD_SWITCH_NEW,
		.doit		= xsw_nl_switch_new_doit,
		.policy		= xsw_switch_new_policy,
		.maxattr	= ARRAY_SIZE(xsw_switch_new_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_SWITCH_DEL,
		.doit		= xsw_nl_switch_del_doit,
		.policy		= xsw_switch_id_policy,
		.maxattr	= ARRAY_SIZE(xsw_switch_id_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_SWITCH_GET,
		.doit		= xsw_nl_switch_get_doit,
		.dumpit		= xsw_nl_switch_get_dumpit,
		.policy		= xsw_switch_id_policy,
		.maxattr	= ARRAY_SIZE(xsw_switch_id_policy) - 1,
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
	.module		= THIS_MODULE,
	.ops		= xsw_genl_ops,
	.n_ops		= ARRAY_SIZE(xsw_genl_ops),
	.mcgrps		= xsw_nl_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(xsw_nl_mcgrps),
};

/**
 * xsw_nl_notify_switch - tell the events group a switch came or is going
 * @sw: the switch
 * @cmd: XSW_CMD_SWITCH_NEW or XSW_CMD_SWITCH_DEL
 *
 * Context: RTNL held.  Best effort: a notification that cannot be built is
 * reported to listeners as a socket error, like rtnetlink does.
 */
void xsw_nl_notify_switch(struct xsw_switch *sw, u8 cmd)
{
	struct net *net = dev_net(sw->dev);
	struct sk_buff *skb;
	int err;

	ASSERT_RTNL();
	if (!xsw_nl_ready || !genl_has_listeners(&xsw_genl_family, net,
						 XSW_NL_MCGRP_EVENTS))
		return;

	skb = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!skb) {
		err = -ENOBUFS;
		goto err_set;
	}
	err = xsw_nl_switch_fill(skb, sw, cmd, 0, 0, 0);
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
