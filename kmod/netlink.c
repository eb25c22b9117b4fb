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

/*
 * Context: RTNL held.  Best effort: a notification that cannot be built is
 * reported to listeners as a socket error, like rtnetlink does.
 */
static void notify(struct net *net, xsw_fill_fn fill, const void *obj, u8 cmd)
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
	notify(dev_net(sw->dev), (xsw_fill_fn)xsw_nl_switch_fill, sw, cmd);
}

/* XSW_CMD_PORT_NEW, _DEL, or _SET for a change of settings or link. */
void xsw_nl_notify_port(struct xsw_port *port, u8 cmd)
{
	notify(dev_net(port->sw->dev), (xsw_fill_fn)xsw_nl_port_fill, port, cmd);
}

/* XSW_CMD_EXT_ATTACH, _DETACH or _SET: an attachment came, went or changed. */
void xsw_nl_notify_ext(struct xsw_ext *ext, u8 cmd)
{
	notify(dev_net(ext->sw->dev), (xsw_fill_fn)xsw_nl_ext_fill_one, ext, cmd);
}

/* A change to an object of @net: @fill builds the message of @cmd. */
void xsw_nl_notify_obj(struct net *net, xsw_fill_fn fill, const void *obj,
		       u8 cmd)
{
	notify(net, fill, obj, cmd);
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

/**
 * xsw_nl_port_on - the port a request names, on the switch it may name
 * @net: the namespace to look in
 * @attrs: the request's attributes
 * @a_index: the port ifindex attribute's type
 * @a_name: the port ifname attribute's type
 * @a_sw_index: the switch ifindex attribute's type
 * @a_sw_name: the switch ifname attribute's type
 * @extack: where to say why not
 *
 * As xsw_nl_port().  A request that names a port may name its switch too;
 * then the port must be on it, so that a request meant for one switch
 * never acts on another.
 *
 * Context: RTNL held.
 * Return: the port, or an ERR_PTR() with @extack set.
 */
struct xsw_port *xsw_nl_port_on(struct net *net, struct nlattr **attrs,
				int a_index, int a_name, int a_sw_index,
				int a_sw_name, struct netlink_ext_ack *extack)
{
	struct xsw_switch *sw;
	struct xsw_port *port;

	port = xsw_nl_port(net, attrs, a_index, a_name, extack);
	if (IS_ERR(port) || (!attrs[a_sw_index] && !attrs[a_sw_name]))
		return port;
	sw = xsw_nl_switch(net, attrs, a_sw_index, a_sw_name, extack);
	if (IS_ERR(sw))
		return ERR_CAST(sw);
	if (port->sw != sw) {
		NL_SET_ERR_MSG_ATTR(extack, attrs[a_sw_index] ?: attrs[a_sw_name],
				    "port is not on this switch");
		return ERR_PTR(-EINVAL);
	}
	return port;
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
