// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: the switch netdevice and its lifetime.
 */

/**
 * DOC: Locking
 *
 * RTNL serialises every change to the configuration: switches, ports, port
 * policies, port ACLs (acl.c has their lifetimes), port QoS (qos.c), static
 * FDB entries, switch settings, the extension registry and attachments
 * (ext.c has theirs).  Generic netlink handlers that change state take RTNL
 * themselves; netdevice notifiers and rtnl_link_ops callbacks already run
 * under it.  Functions that need it say so with ASSERT_RTNL(), and read
 * RCU-published configuration with xsw_dereference() or rtnl_dereference().
 *
 * The packet path never takes a lock on known traffic and never touches a
 * shared atomic, but for the token bucket of a port that has a rate limit
 * (qos.c says why).  It runs under RCU with BH disabled and reads the port
 * list, port policies, ACL sets, rate limits and the FDB with
 * rcu_dereference().  Writers publish with rcu_assign_pointer()/
 * list_add_tail_rcu() under RTNL and free with kfree_rcu()/call_rcu() or
 * after synchronize_net().  Counters are per CPU.
 *
 * A rate limit's bucket lock (a BH spinlock) serialises the frames that
 * meet that limit; it nests inside nothing on the packet path and inside
 * RTNL when a limit is set.
 *
 * fdb->lock (a BH spinlock) guards changes to the FDB - new MACs and moves
 * from the packet path, deletions, flushes and ageing - and each port's
 * count of learned MACs and its dead flag.  It nests inside RTNL.
 *
 * A port's MAC for the spoofing check is written once from the packet path
 * with cmpxchg64() (the first MAC seen sticks) and otherwise under RTNL.
 *
 * A switch lives exactly as long as its net_device: it is created by
 * "ip link add ... type xswitch" or XSW_CMD_SWITCH_NEW, and deleted by
 * "ip link del", XSW_CMD_SWITCH_DEL, the namespace going away, or
 * rtnl_link_unregister() at module exit.  All of these go through
 * xsw_link_dellink(), which detaches every port (port.c says how) in the
 * same unregister batch, and end in ndo_uninit.
 */

#include <linux/etherdevice.h>
#include <linux/module.h>

#include "xswitch.h"
#include "acl_conn.h"

bool netif_is_xswitch(const struct net_device *dev)
{
	return dev->rtnl_link_ops == &xsw_link_ops;
}
EXPORT_SYMBOL_GPL(netif_is_xswitch);

static int xsw_dev_init(struct net_device *dev)
{
	struct xsw_switch *sw = netdev_priv(dev);
	int err;

	INIT_LIST_HEAD(&sw->ports);
	INIT_LIST_HEAD(&sw->exts);
	sw->qos_major = XSW_QOS_HTB_MAJOR_DEFAULT;
	sw->vxlan_port = XSW_VXLAN_PORT_DEFAULT;
	sw->stats = xsw_stats_alloc();
	if (!sw->stats)
		return -ENOMEM;
	err = xsw_port_init(&sw->host, sw, dev, XSW_PORT_TYPE_HOST);
	if (err)
		goto err_stats;
	/* In no port list: only the VSIDs' frames reach it (forward.c). */
	err = xsw_port_init(&sw->tunnel, sw, dev, XSW_PORT_TYPE_TUNNEL);
	if (err)
		goto err_host;
	err = xsw_fdb_init(sw);
	if (err)
		goto err_tunnel;
	err = xsw_acl_conn_init(sw);
	if (err)
		goto err_fdb;
	xsw_port_publish(&sw->host);
	return 0;

err_fdb:
	xsw_fdb_uninit(sw);
err_tunnel:
	xsw_port_uninit(&sw->tunnel);
	sw->tunnel.stats = NULL;
err_host:
	xsw_port_uninit(&sw->host);
	sw->host.stats = NULL;
err_stats:
	free_percpu(sw->stats);
	sw->stats = NULL;
	return err;
}

/*
 * Called both when a registered switch is unregistered and when
 * register_netdevice() fails after ndo_init; only the first was announced.
 * Every other port went in xsw_link_dellink().
 */
static void xsw_dev_uninit(struct net_device *dev)
{
	struct xsw_switch *sw = netdev_priv(dev);

	if (dev->reg_state == NETREG_UNREGISTERING)
		xsw_nl_notify_switch(sw, XSW_CMD_SWITCH_DEL);
	list_del_rcu(&sw->host.list);
	WARN_ON(!list_empty(&sw->ports));
	xsw_fdb_port_gone(&sw->host);
	xsw_acl_conn_uninit(sw);
	xsw_fdb_uninit(sw);
}

/* Runs from free_netdev() once nothing can reach the switch any more. */
static void xsw_dev_free(struct net_device *dev)
{
	struct xsw_switch *sw = netdev_priv(dev);

	if (sw->host.stats)
		xsw_port_uninit(&sw->host);
	if (sw->tunnel.stats)
		xsw_port_uninit(&sw->tunnel);
	free_percpu(sw->stats);
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

/* The host sends on its port, the switch netdevice. */
static netdev_tx_t xsw_dev_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct xsw_switch *sw = netdev_priv(dev);

	rcu_read_lock();
	xsw_ingress_xmit(&sw->host, skb);
	rcu_read_unlock();
	return NETDEV_TX_OK;
}

static void xsw_dev_get_stats64(struct net_device *dev,
				struct rtnl_link_stats64 *stats)
{
	struct xsw_switch *sw = netdev_priv(dev);

	xsw_port_get_stats64(&sw->host, stats);
}

static int xsw_dev_change_mtu(struct net_device *dev, int new_mtu)
{
	struct xsw_switch *sw = netdev_priv(dev);

	dev->mtu = new_mtu;
	sw->mtu_by_user = true;
	return 0;
}

/* ip link set dev X master SWITCH */
static int xsw_dev_add_slave(struct net_device *dev, struct net_device *slave,
			     struct netlink_ext_ack *extack)
{
	return PTR_ERR_OR_ZERO(xsw_port_add(netdev_priv(dev), slave,
					    XSW_PORT_TYPE_VM, extack));
}

/* ip link set dev X nomaster */
static int xsw_dev_del_slave(struct net_device *dev, struct net_device *slave)
{
	struct xsw_port *port = xsw_port_from_dev(slave);

	if (!port || port->sw != netdev_priv(dev) ||
	    port->type == XSW_PORT_TYPE_HOST)
		return -EINVAL;
	xsw_port_del(port);
	return 0;
}

static const struct net_device_ops xsw_netdev_ops = {
	.ndo_init		= xsw_dev_init,
	.ndo_uninit		= xsw_dev_uninit,
	.ndo_open		= xsw_dev_open,
	.ndo_stop		= xsw_dev_stop,
	.ndo_start_xmit		= xsw_dev_xmit,
	.ndo_get_stats64	= xsw_dev_get_stats64,
	.ndo_change_mtu		= xsw_dev_change_mtu,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_add_slave		= xsw_dev_add_slave,
	.ndo_del_slave		= xsw_dev_del_slave,
};

/**
 * xsw_switch_mtu_adjust - keep the switch MTU within its ports'
 * @sw: the switch
 *
 * As the bridge does: the switch follows the smallest port MTU unless the
 * user set one, and never exceeds it.
 * Context: RTNL held.
 */
void xsw_switch_mtu_adjust(struct xsw_switch *sw)
{
	struct net_device *dev = sw->dev;
	unsigned int min = ETH_MAX_MTU;
	struct xsw_port *port;
	bool by_user;

	ASSERT_RTNL();
	list_for_each_entry(port, &sw->ports, list)
		if (port->type != XSW_PORT_TYPE_HOST)
			min = min(min, port->dev->mtu);
	dev->max_mtu = min;
	if (!sw->num_ports || (sw->mtu_by_user && dev->mtu <= min))
		return;
	by_user = sw->mtu_by_user;
	dev_set_mtu(dev, min);
	sw->mtu_by_user = by_user;
}

static void xsw_setup(struct net_device *dev)
{
	struct xsw_switch *sw = netdev_priv(dev);

	ether_setup(dev);
	dev->netdev_ops = &xsw_netdev_ops;
	dev->rtnl_link_ops = &xsw_link_ops;
	dev->needs_free_netdev = true;
	dev->priv_destructor = xsw_dev_free;
	dev->ethtool_ops = &xsw_ethtool_ops;
	dev->priv_flags |= IFF_NO_QUEUE | IFF_LIVE_ADDR_CHANGE;
	/*
	 * A switch stays in the namespace it was made in, as a bridge does:
	 * its ports, its notifications and its extensions' state (a psample
	 * group, say) all belong to that namespace, and none of them could
	 * follow the netdevice.
	 */
	dev->features |= NETIF_F_LLTX | NETIF_F_HW_VLAN_CTAG_TX |
			 NETIF_F_NETNS_LOCAL;
	dev->hw_features |= NETIF_F_HW_VLAN_CTAG_TX;
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

/*
 * Extensions are detached first, then ports go before the switch, in the
 * same batch as their netdevices.
 */
static void xsw_link_dellink(struct net_device *dev, struct list_head *head)
{
	struct xsw_switch *sw = netdev_priv(dev);
	struct xsw_port *port, *tmp;

	ASSERT_RTNL();
	/* Its PAs, and with the last its tunnel device (vnet_tun.c) */
	xsw_pa_switch_gone(sw);
	WARN_ON(rtnl_dereference(sw->vtun));
	xsw_ext_detach_all(sw);
	list_for_each_entry_safe(port, tmp, &sw->ports, list) {
		struct net_device *pdev = port->dev;
		u8 type = port->type;

		if (type == XSW_PORT_TYPE_HOST)
			continue;
		xsw_port_del(port);
		if (type == XSW_PORT_TYPE_INTERNAL)
			unregister_netdevice_queue(pdev, head);
	}
	unregister_netdevice_queue(dev, head);
}

struct rtnl_link_ops xsw_link_ops __read_mostly = {
	.kind		= XSW_LINK_KIND,
	.priv_size	= sizeof(struct xsw_switch),
	.setup		= xsw_setup,
	.validate	= xsw_link_validate,
	.newlink	= xsw_link_newlink,
	.dellink	= xsw_link_dellink,
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
	LIST_HEAD(kill);

	ASSERT_RTNL();
	xsw_link_dellink(sw->dev, &kill);
	unregister_netdevice_many(&kill);
}

/**
 * xsw_dev_find - a netdevice named by ifindex or name in a namespace
 * @net: the namespace
 * @ifindex: ifindex, or 0 to look up by @name
 * @name: name, or NULL; with @ifindex, must name the same device
 * @missing: the message when neither is given
 * @extack: where to say why the lookup failed
 *
 * Context: RTNL held; the device stays valid until RTNL is dropped.
 * Return: the device, or ERR_PTR(-EINVAL) (nothing to look up, or a name
 * that is not the ifindex's) or ERR_PTR(-ENODEV), with @extack set.
 */
struct net_device *xsw_dev_find(struct net *net, int ifindex,
				const char *name, const char *missing,
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
		/* NL_SET_ERR_MSG() wants a literal; @missing is static too. */
		if (extack)
			extack->_msg = missing;
		return ERR_PTR(-EINVAL);
	}

	if (!dev) {
		NL_SET_ERR_MSG(extack, "no such device");
		return ERR_PTR(-ENODEV);
	}
	return dev;
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

	dev = xsw_dev_find(net, ifindex, name,
			   "switch ifindex or name is required", extack);
	if (PTR_ERR(dev) == -ENODEV)
		NL_SET_ERR_MSG(extack, "no such switch");
	if (IS_ERR(dev))
		return ERR_CAST(dev);
	if (!netif_is_xswitch(dev)) {
		NL_SET_ERR_MSG(extack, "device is not an xswitch");
		return ERR_PTR(-EOPNOTSUPP);
	}
	return netdev_priv(dev);
}
