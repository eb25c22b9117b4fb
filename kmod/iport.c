// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: internal ports, netdevices xswitch makes for the host or a
 * container.  What the host sends on one enters the switch; what the
 * switch sends to it comes up its stack.  The port's MAC, for the spoofing
 * check, is the netdevice's and follows it.  One may move to another
 * namespace and stays a port there; it is deleted with its switch, or by
 * "xsw port del" or "ip link del".
 */

#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/if_vlan.h>

#include "xswitch.h"

/**
 * struct xsw_iport - private area of an internal port netdevice
 * @port: the port, NULL once detached (RCU; written under RTNL)
 */
struct xsw_iport {
	struct xsw_port __rcu *port;
};

bool netif_is_xsw_iport(const struct net_device *dev)
{
	return dev->rtnl_link_ops == &xsw_iport_link_ops;
}

/* Context: RTNL held. */
struct xsw_port *xsw_iport_port(const struct net_device *dev)
{
	const struct xsw_iport *ip = netdev_priv(dev);

	return rtnl_dereference(ip->port);
}

/* Context: RTNL held.  The netdevice stays, with no switch behind it. */
void xsw_iport_detach(struct net_device *dev)
{
	struct xsw_iport *ip = netdev_priv(dev);

	RCU_INIT_POINTER(ip->port, NULL);
	netif_carrier_off(dev);
}

/**
 * xsw_ingress_xmit - a frame the host sends on an internal or host port
 * @port: the port
 * @skb: the frame, skb->data at its Ethernet header
 *
 * Gets the frame into the shape xsw_ingress() wants: an 802.1Q tag still
 * in the payload (a raw socket's) moves to the accelerated tag.
 * Context: ndo_start_xmit, BH disabled.
 */
void xsw_ingress_xmit(struct xsw_port *port, struct sk_buff *skb)
{
	if (unlikely(!pskb_may_pull(skb, ETH_HLEN))) {
		xsw_drop(port, XSW_DROP_MALFORMED, skb);
		return;
	}
	skb_reset_mac_header(skb);
	if (unlikely(eth_type_vlan(eth_hdr(skb)->h_proto) &&
		     !skb_vlan_tag_present(skb))) {
		skb->protocol = eth_hdr(skb)->h_proto;
		__skb_pull(skb, ETH_HLEN);
		skb = skb_vlan_untag(skb);
		if (!skb) {
			xsw_count(port, XSW_DROP_MALFORMED);
			return;
		}
		__skb_push(skb, ETH_HLEN);
	}
	xsw_ingress(port, skb);
}

static netdev_tx_t iport_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct xsw_iport *ip = netdev_priv(dev);
	struct xsw_port *port;

	rcu_read_lock();
	port = rcu_dereference(ip->port);
	if (likely(port)) {
		xsw_ingress_xmit(port, skb);
	} else {
		dev_core_stats_tx_dropped_inc(dev);
		kfree_skb(skb);
	}
	rcu_read_unlock();
	return NETDEV_TX_OK;
}

/* The netdevice's view: what it sends is what the switch receives. */
void xsw_port_get_stats64(struct xsw_port *port,
			  struct rtnl_link_stats64 *stats)
{
	struct xsw_stats_sum sum;
	int i;

	xsw_stats_sum(port->stats, &sum);
	stats->tx_packets = sum.rx_packets;
	stats->tx_bytes = sum.rx_bytes;
	stats->rx_packets = sum.tx_packets;
	stats->rx_bytes = sum.tx_bytes;
	for (i = 0; i < XSW_DROP_NUM; i++)
		stats->tx_dropped += sum.drops[i];
}

static void iport_get_stats64(struct net_device *dev,
			      struct rtnl_link_stats64 *stats)
{
	struct xsw_iport *ip = netdev_priv(dev);
	struct xsw_port *port;

	rcu_read_lock();
	port = rcu_dereference(ip->port);
	if (port)
		xsw_port_get_stats64(port, stats);
	rcu_read_unlock();
}

static int iport_open(struct net_device *dev)
{
	struct xsw_iport *ip = netdev_priv(dev);

	if (rtnl_dereference(ip->port))
		netif_carrier_on(dev);
	return 0;
}

static int iport_stop(struct net_device *dev)
{
	netif_carrier_off(dev);
	return 0;
}

static const struct net_device_ops iport_netdev_ops = {
	.ndo_start_xmit		= iport_xmit,
	.ndo_open		= iport_open,
	.ndo_stop		= iport_stop,
	.ndo_get_stats64	= iport_get_stats64,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
};

/* ethtool -S: the drop counters of the port behind the netdevice. */
static struct xsw_port *ethtool_port(struct net_device *dev)
{
	if (netif_is_xswitch(dev))
		return &((struct xsw_switch *)netdev_priv(dev))->host;
	return xsw_iport_port(dev);
}

static int xsw_get_sset_count(struct net_device *dev, int sset)
{
	return sset == ETH_SS_STATS ? XSW_DROP_NUM : -EOPNOTSUPP;
}

static void xsw_get_strings(struct net_device *dev, u32 sset, u8 *data)
{
	int i;

	if (sset != ETH_SS_STATS)
		return;
	for (i = 0; i < XSW_DROP_NUM; i++)
		ethtool_sprintf(&data, "drop_%s", xsw_drop_names[i]);
}

static void xsw_get_ethtool_stats(struct net_device *dev,
				  struct ethtool_stats *estats, u64 *data)
{
	struct xsw_port *port = ethtool_port(dev);
	struct xsw_stats_sum sum = {};

	if (port)
		xsw_stats_sum(port->stats, &sum);
	memcpy(data, sum.drops, sizeof(sum.drops));
}

static void xsw_get_drvinfo(struct net_device *dev,
			    struct ethtool_drvinfo *info)
{
	strscpy(info->driver, XSW_LINK_KIND, sizeof(info->driver));
}

/* Shared by internal ports and the switch netdevice (the host port). */
const struct ethtool_ops xsw_ethtool_ops = {
	.get_drvinfo		= xsw_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_sset_count		= xsw_get_sset_count,
	.get_strings		= xsw_get_strings,
	.get_ethtool_stats	= xsw_get_ethtool_stats,
};

static void iport_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->netdev_ops = &iport_netdev_ops;
	dev->ethtool_ops = &xsw_ethtool_ops;
	dev->rtnl_link_ops = &xsw_iport_link_ops;
	dev->needs_free_netdev = true;
	dev->priv_flags |= IFF_NO_QUEUE | IFF_LIVE_ADDR_CHANGE;
	dev->features |= NETIF_F_LLTX | NETIF_F_HW_VLAN_CTAG_TX;
	dev->hw_features |= NETIF_F_HW_VLAN_CTAG_TX;
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = ETH_MAX_MTU;
	eth_hw_addr_random(dev);
}

static int iport_validate(struct nlattr *tb[], struct nlattr *data[],
			  struct netlink_ext_ack *extack)
{
	NL_SET_ERR_MSG(extack,
		       "create internal ports with: xsw port add SWITCH name NAME type internal");
	return -EOPNOTSUPP;
}

struct rtnl_link_ops xsw_iport_link_ops __read_mostly = {
	.kind		= "xswitch-port",
	.priv_size	= sizeof(struct xsw_iport),
	.setup		= iport_setup,
	.validate	= iport_validate,
};

/**
 * xsw_iport_create - make an internal port netdevice and attach it
 * @sw: the switch
 * @name: the netdevice's name, may hold one "%d"
 * @extack: where to say why not
 *
 * Context: RTNL held.
 * Return: the port, or an ERR_PTR with @extack set.
 */
struct xsw_port *xsw_iport_create(struct xsw_switch *sw, const char *name,
				  struct netlink_ext_ack *extack)
{
	struct net *net = dev_net(sw->dev);
	struct net_device *dev;
	struct xsw_port *port;
	int err;

	ASSERT_RTNL();
	if (!dev_valid_name(name)) {
		NL_SET_ERR_MSG(extack, "invalid interface name");
		return ERR_PTR(-EINVAL);
	}
	if (__dev_get_by_name(net, name)) {
		NL_SET_ERR_MSG(extack, "interface name already in use");
		return ERR_PTR(-EEXIST);
	}
	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port)
		return ERR_PTR(-ENOMEM);
	dev = alloc_netdev(sizeof(struct xsw_iport), name, NET_NAME_USER,
			   iport_setup);
	if (!dev) {
		err = -ENOMEM;
		goto err_free;
	}
	dev_net_set(dev, net);
	dev->mtu = sw->dev->mtu;
	err = xsw_port_init(port, sw, dev, XSW_PORT_TYPE_INTERNAL);
	if (err)
		goto err_netdev;

	err = register_netdevice(dev);
	if (err) {
		NL_SET_ERR_MSG(extack, "could not register the port device");
		goto err_uninit;
	}
	/* Extensions see the final name and ifindex, and may veto. */
	err = xsw_ext_port_add(port, extack);
	if (err) {
		unregister_netdevice(dev);	/* frees dev: needs_free_netdev */
		xsw_port_uninit(port);
		kfree(port);
		return ERR_PTR(err);
	}
	rcu_assign_pointer(((struct xsw_iport *)netdev_priv(dev))->port, port);
	/* We know this port's MAC: it is the netdevice's (port.c follows it). */
	xsw_port_set_mac(port, dev->dev_addr);
	xsw_port_publish(port);
	return port;

err_uninit:
	xsw_port_uninit(port);
err_netdev:
	free_netdev(dev);
err_free:
	kfree(port);
	return ERR_PTR(err);
}
