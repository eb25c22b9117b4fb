// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: the switch netdevice and its lifetime.
 */

/**
 * DOC: Locking
 *
 * RTNL serialises every change to the configuration: creating and deleting
 * switches, and everything that will hang off them.  Generic netlink
 * handlers that change state take RTNL themselves; netdevice notifiers and
 * rtnl_link_ops callbacks already run under it.  Functions that need it say
 * so with ASSERT_RTNL().
 *
 * The packet path never takes a lock.  It runs under RCU (softirq or
 * rcu_read_lock()) and reads configuration through rcu_dereference();
 * writers publish with rcu_assign_pointer() under RTNL and free with
 * kfree_rcu() or after synchronize_net().  Counters are per CPU.
 *
 * A switch lives exactly as long as its net_device: it is created by
 * "ip link add ... type xswitch" or XSW_CMD_SWITCH_NEW, and destroyed by
 * unregister_netdevice() from "ip link del", XSW_CMD_SWITCH_DEL, the
 * namespace going away, or rtnl_link_unregister() at module exit.  All of
 * these end in ndo_uninit, which is the one place teardown happens.
 */

#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/u64_stats_sync.h>

#include "xswitch.h"

bool netif_is_xswitch(const struct net_device *dev)
{
	return dev->rtnl_link_ops == &xsw_link_ops;
}
EXPORT_SYMBOL_GPL(netif_is_xswitch);

static int xsw_dev_init(struct net_device *dev)
{
	dev->tstats = netdev_alloc_pcpu_stats(struct pcpu_sw_netstats);
	return dev->tstats ? 0 : -ENOMEM;
}

/*
 * Called both when a registered switch is unregistered and when
 * register_netdevice() fails after ndo_init; only the first was announced.
 */
static void xsw_dev_uninit(struct net_device *dev)
{
	if (dev->reg_state == NETREG_UNREGISTERING)
		xsw_nl_notify_switch(netdev_priv(dev), XSW_CMD_SWITCH_DEL);
}

/* Runs from free_netdev() once nothing can reach the device any more. */
static void xsw_dev_free(struct net_device *dev)
{
	free_percpu(dev->tstats);
	dev->tstats = NULL;
}

static int xsw_dev_open(struct net_device *dev)
{
	netif_carrier_on(dev);
	return 0;
}

static int xsw_dev_stop(struct net_device *dev)
{
	netif_carrier_off(dev);
	return 0;
}

/*
 * The host sends on the management port.  Until ports exist there is
 * nowhere to deliver the frame, so it is dropped and counted.
 */
static netdev_tx_t xsw_dev_xmit(struct sk_buff *skb, struct net_device *dev)
{
	dev_core_stats_tx_dropped_inc(dev);
	kfree_skb(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops xsw_netdev_ops = {
	.ndo_init		= xsw_dev_init,
	.ndo_uninit		= xsw_dev_uninit,
	.ndo_open		= xsw_dev_open,
	.ndo_stop		= xsw_dev_stop,
	.ndo_start_xmit		= xsw_dev_xmit,
	.ndo_get_stats64	= dev_get_tstats64,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
};

static void xsw_setup(struct net_device *dev)
{
	struct xsw_switch *sw = netdev_priv(dev);

	ether_setup(dev);
	dev->netdev_ops = &xsw_netdev_ops;
	dev->rtnl_link_ops = &xsw_link_ops;
	dev->needs_free_netdev = true;
	dev->priv_destructor = xsw_dev_free;
	dev->priv_flags |= IFF_NO_QUEUE;
	dev->features |= NETIF_F_LLTX;
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = ETH_MAX_MTU;
	eth_hw_addr_random(dev);

	sw->dev = dev;
}

static int xsw_link_validate(struct nlattr *tb[], struct nlattr *data[],
			     struct netlink_ext_ack *extack)
{
	if (tb[IFLA_ADDRESS]) {
		if (nla_len(tb[IFLA_ADDRESS]) != ETH_ALEN) {
			NL_SET_ERR_MSG_ATTR(extack, tb[IFLA_ADDRESS],
					    "address must be 6 bytes");
			return -EINVAL;
		}
		if (!is_valid_ether_addr(nla_data(tb[IFLA_ADDRESS]))) {
			NL_SET_ERR_MSG_ATTR(extack, tb[IFLA_ADDRESS],
					    "address must be a unicast MAC");
			return -EADDRNOTAVAIL;
		}
	}
	return 0;
}

static int xsw_link_newlink(struct net *src_net, struct net_device *dev,
			    struct nlattr *tb[], struct nlattr *data[],
			    struct netlink_ext_ack *extack)
{
	int err;

	err = register_netdevice(dev);
	if (err)
		return err;
	xsw_nl_notify_switch(netdev_priv(dev), XSW_CMD_SWITCH_NEW);
	return 0;
}

struct rtnl_link_ops xsw_link_ops __read_mostly = {
	.kind		= XSW_LINK_KIND,
	.priv_size	= sizeof(struct xsw_switch),
	.setup		= xsw_setup,
	.validate	= xsw_link_validate,
	.newlink	= xsw_link_newlink,
};

/**
 * xsw_switch_create - create and register a switch netdevice
 * @net: namespace to create it in
 * @name: interface name, may hold one "%d"; NULL for the default
 * @extack: where to say why it failed
 *
 * The path for XSW_CMD_SWITCH_NEW; "ip link add" goes through
 * xsw_link_newlink() instead and ends in the same state.
 *
 * Context: RTNL held.
 * Return: the new switch, or an ERR_PTR.
 */
struct xsw_switch *xsw_switch_create(struct net *net, const char *name,
				     struct netlink_ext_ack *extack)
{
	struct net_device *dev;
	int err;

	ASSERT_RTNL();

	if (!name)
		name = XSW_DEFAULT_NAME;
	if (!dev_valid_name(name)) {
		NL_SET_ERR_MSG(extack, "invalid interface name");
		return ERR_PTR(-EINVAL);
	}
	if (__dev_get_by_name(net, name)) {
		NL_SET_ERR_MSG(extack, "interface name already in use");
		return ERR_PTR(-EEXIST);
	}

	dev = alloc_netdev(sizeof(struct xsw_switch), name, NET_NAME_USER,
			   xsw_setup);
	if (!dev)
		return ERR_PTR(-ENOMEM);
	dev_net_set(dev, net);

	err = register_netdevice(dev);
	if (err) {
		NL_SET_ERR_MSG(extack, "could not register the switch device");
		free_netdev(dev);
		return ERR_PTR(err);
	}
	xsw_nl_notify_switch(netdev_priv(dev), XSW_CMD_SWITCH_NEW);
	return netdev_priv(dev);
}

/**
 * xsw_switch_destroy - delete a switch and everything attached to it
 * @sw: the switch
 *
 * Context: RTNL held.  The memory goes when the last reference to the
 * net_device is dropped, after the RCU grace periods unregistering waits
 * for.
 */
void xsw_switch_destroy(struct xsw_switch *sw)
{
	ASSERT_RTNL();
	unregister_netdevice(sw->dev);
}

/**
 * xsw_switch_find - look a switch up by ifindex or name in a namespace
 * @net: the namespace
 * @ifindex: ifindex, or 0 to look up by @name
 * @name: name, or NULL; with @ifindex, must name the same device
 * @extack: where to say why the lookup failed
 *
 * Context: RTNL held; the switch stays valid until RTNL is dropped.
 * Return: the switch, or an ERR_PTR with @extack set.
 */
struct xsw_switch *xsw_switch_find(struct net *net, int ifindex,
				   const char *name,
				   struct netlink_ext_ack *extack)
{
	struct net_device *dev;

	ASSERT_RTNL();

	if (ifindex) {
		dev = __dev_get_by_index(net, ifindex);
		if (dev && name && strcmp(dev->name, name)) {
			NL_SET_ERR_MSG(extack,
				       "ifindex and name refer to different devices");
			return ERR_PTR(-EINVAL);
		}
	} else if (name) {
		dev = __dev_get_by_name(net, name);
	} else {
		NL_SET_ERR_MSG(extack, "switch ifindex or name is required");
		return ERR_PTR(-EINVAL);
	}

	if (!dev) {
		NL_SET_ERR_MSG(extack, "no such device");
		return ERR_PTR(-ENODEV);
	}
	if (!netif_is_xswitch(dev)) {
		NL_SET_ERR_MSG(extack, "device is not an xswitch");
		return ERR_PTR(-EOPNOTSUPP);
	}
	return netdev_priv(dev);
}
