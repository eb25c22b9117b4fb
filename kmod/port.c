// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: ports.  A vm or external port takes over its lower device's
 * rx_handler and becomes its master; an internal port is a netdevice of
 * our own (iport.c); the host port is the switch netdevice.
 *
 * A port goes away when it is deleted, when its switch goes, and when its
 * lower device is unregistered or moves to another namespace (the
 * NETDEV_UNREGISTER notifier below).  Extensions are told before a port
 * is published, and may veto it, and again once it is off the list.
 * Removal is: off the list, tell the extensions, mark dead and flush its
 * FDB entries and stateful ACL connections, drop its bandwidth guarantee,
 * release the lower device (which waits for the packet path), free after
 * a grace period - its ACLs and rate limits with it.
 */

#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/netdevice.h>

#include "xswitch.h"
#include "acl.h"
#include "acl_conn.h"
#include "qos.h"

/* Changes whenever a port comes or goes, so port dumps notice.  RTNL. */
unsigned int xsw_port_seq;

static struct xsw_port_policy *policy_default(u8 type)
{
	struct xsw_port_policy *pol;

	pol = kzalloc(sizeof(*pol), GFP_KERNEL);
	if (!pol)
		return NULL;
	pol->vlan_mode = XSW_VLAN_MODE_ACCESS;
	pol->pvid = XSW_DEFAULT_PVID;
	pol->learn_limit = XSW_DEFAULT_LEARN_LIMIT;
	/* Hyper-V: VM ports may not spoof; the uplink carries many MACs. */
	pol->mac_spoofing = type == XSW_PORT_TYPE_EXTERNAL ||
			    type == XSW_PORT_TYPE_HOST ||
			    type == XSW_PORT_TYPE_TUNNEL;
	return pol;
}

/* Context: RTNL held.  The caller publishes the port afterwards. */
int xsw_port_init(struct xsw_port *port, struct xsw_switch *sw,
		  struct net_device *dev, u8 type)
{
	struct xsw_port_policy *pol;

	port->sw = sw;
	port->dev = dev;
	port->type = type;
	INIT_LIST_HEAD(&port->list);
	port->stats = xsw_stats_alloc();
	if (!port->stats)
		return -ENOMEM;
	pol = policy_default(type);
	if (!pol) {
		free_percpu(port->stats);
		return -ENOMEM;
	}
	RCU_INIT_POINTER(port->policy, pol);
	return 0;
}

/* Context: no reader can reach the port any more. */
void xsw_port_uninit(struct xsw_port *port)
{
	xsw_acl_port_uninit(port);
	xsw_qos_port_uninit(port);
	kfree(rcu_dereference_protected(port->policy, 1));
	free_percpu(port->stats);
}

static void port_free_rcu(struct rcu_head *head)
{
	struct xsw_port *port = container_of(head, struct xsw_port, rcu);

	xsw_port_uninit(port);
	kfree(port);
}

/* Context: RTNL held.  Returns a copy of the port's policy to change. */
struct xsw_port_policy *xsw_port_policy_dup(const struct xsw_port *port)
{
	return kmemdup(xsw_dereference(port->policy),
		       sizeof(struct xsw_port_policy), GFP_KERNEL);
}

/* Context: RTNL held.  Publishes @pol; packets see all of it or none. */
void xsw_port_policy_set(struct xsw_port *port, struct xsw_port_policy *pol)
{
	struct xsw_port_policy *old = xsw_dereference(port->policy);

	rcu_assign_pointer(port->policy, pol);
	kfree_rcu(old, rcu);
}

/* Context: RTNL held.  NULL forgets the MAC; the next one seen sticks. */
void xsw_port_set_mac(struct xsw_port *port, const u8 *mac)
{
	ASSERT_RTNL();
	WRITE_ONCE(port->mac, mac ? ether_addr_to_u64(mac) : 0);
}

/**
 * xsw_port_from_dev - the port a netdevice is, if any
 * @dev: a lower device, an internal port netdevice or a switch
 *
 * Context: RTNL held.
 */
struct xsw_port *xsw_port_from_dev(const struct net_device *dev)
{
	ASSERT_RTNL();
	if (rcu_access_pointer(dev->rx_handler) == xsw_port_rx_handler)
		return rtnl_dereference(dev->rx_handler_data);
	if (netif_is_xsw_iport(dev))
		return xsw_iport_port(dev);
	if (netif_is_xswitch(dev))
		return &((struct xsw_switch *)netdev_priv(dev))->host;
	return NULL;
}

/* Why @dev cannot be a port of @sw, or 0. */
static int check_lower(struct xsw_switch *sw, struct net_device *dev, u8 type,
		       struct netlink_ext_ack *extack)
{
	if (dev->flags & IFF_LOOPBACK) {
		NL_SET_ERR_MSG(extack, "a loopback device cannot be a port");
		return -EINVAL;
	}
	if (dev == sw->dev) {
		NL_SET_ERR_MSG(extack, "a switch cannot be a port of itself");
		return -ELOOP;
	}
	if (netif_is_xswitch(dev)) {
		NL_SET_ERR_MSG(extack, "a switch cannot be a port of a switch");
		return -ELOOP;
	}
	if (xsw_port_from_dev(dev)) {
		NL_SET_ERR_MSG(extack, "device is already a port of a switch");
		return -EBUSY;
	}
	if (netif_is_xsw_iport(dev)) {
		NL_SET_ERR_MSG(extack,
			       "an internal port's device belongs to its switch");
		return -EBUSY;
	}
	/* Masters forward or aggregate frames themselves: not an endpoint. */
	if (netif_is_bridge_master(dev)) {
		NL_SET_ERR_MSG(extack, "a bridge device cannot be a port");
		return -EINVAL;
	}
	if (netif_is_bond_master(dev)) {
		NL_SET_ERR_MSG(extack, "a bond device cannot be a port");
		return -EINVAL;
	}
	if (netif_is_team_master(dev)) {
		NL_SET_ERR_MSG(extack, "a team device cannot be a port");
		return -EINVAL;
	}
	if (netif_is_ovs_master(dev)) {
		NL_SET_ERR_MSG(extack, "an Open vSwitch datapath cannot be a port");
		return -EINVAL;
	}
	if (dev->type != ARPHRD_ETHER || dev->addr_len != ETH_ALEN ||
	    !is_valid_ether_addr(dev->dev_addr)) {
		NL_SET_ERR_MSG(extack, "only Ethernet devices can be ports");
		return -EOPNOTSUPP;
	}
	if (netif_is_bridge_port(dev)) {
		NL_SET_ERR_MSG(extack, "device is already a bridge port");
		return -EBUSY;
	}
	if (netif_is_bond_slave(dev)) {
		NL_SET_ERR_MSG(extack, "device is already in a bond");
		return -EBUSY;
	}
	if (netif_is_team_port(dev)) {
		NL_SET_ERR_MSG(extack, "device is already in a team");
		return -EBUSY;
	}
	if (netif_is_ovs_port(dev)) {
		NL_SET_ERR_MSG(extack, "device is already an Open vSwitch port");
		return -EBUSY;
	}
	if (netdev_is_rx_handler_busy(dev)) {
		NL_SET_ERR_MSG(extack,
			       "device's rx_handler is taken by another driver");
		return -EBUSY;
	}
	if (!net_eq(dev_net(dev), dev_net(sw->dev))) {
		NL_SET_ERR_MSG(extack,
			       "device is in another network namespace");
		return -EINVAL;
	}
	if (type == XSW_PORT_TYPE_EXTERNAL && sw->external) {
		NL_SET_ERR_MSG(extack, "switch already has an external port");
		return -EEXIST;
	}
	return 0;
}

/* Context: RTNL held.  Makes an initialised port visible to the switch. */
void xsw_port_publish(struct xsw_port *port)
{
	struct xsw_switch *sw = port->sw;

	ASSERT_RTNL();
	list_add_tail_rcu(&port->list, &sw->ports);
	WRITE_ONCE(xsw_port_seq, xsw_port_seq + 1);
	if (port->type == XSW_PORT_TYPE_EXTERNAL)
		sw->external = port;
	if (port->type != XSW_PORT_TYPE_HOST) {
		sw->num_ports++;
		xsw_switch_mtu_adjust(sw);
		xsw_nl_notify_port(port, XSW_CMD_PORT_NEW);
	}
}

/**
 * xsw_port_add - make an existing device a vm or external port
 * @sw: the switch
 * @dev: the lower device
 * @type: XSW_PORT_TYPE_VM or XSW_PORT_TYPE_EXTERNAL
 * @extack: where to say why not
 *
 * Context: RTNL held.
 * Return: the port, or an ERR_PTR with @extack set.
 */
struct xsw_port *xsw_port_add(struct xsw_switch *sw, struct net_device *dev,
			      u8 type, struct netlink_ext_ack *extack)
{
	struct xsw_port *port;
	int err;

	ASSERT_RTNL();
	err = check_lower(sw, dev, type, extack);
	if (!err && type == XSW_PORT_TYPE_EXTERNAL)
		err = xsw_qos_uplink_check(sw, dev, extack);
	if (err)
		return ERR_PTR(err);

	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port)
		return ERR_PTR(-ENOMEM);
	err = xsw_port_init(port, sw, dev, type);
	if (err)
		goto err_free;
	err = xsw_ext_port_add(port, extack);
	if (err)
		goto err_uninit;

	err = dev_set_promiscuity(dev, 1);
	if (err)
		goto err_ext;
	err = netdev_rx_handler_register(dev, xsw_port_rx_handler, port);
	if (err) {
		NL_SET_ERR_MSG(extack, "could not take the device's rx_handler");
		goto err_promisc;
	}
	err = netdev_master_upper_dev_link(dev, sw->dev, NULL, NULL, extack);
	if (err)
		goto err_rx_handler;

	xsw_port_publish(port);
	return port;

err_rx_handler:
	netdev_rx_handler_unregister(dev);
err_promisc:
	dev_set_promiscuity(dev, -1);
err_ext:
	xsw_ext_port_del(port);
err_uninit:
	xsw_port_uninit(port);
err_free:
	kfree(port);
	return ERR_PTR(err);
}

/**
 * xsw_port_del - detach a port from its switch
 * @port: any port but the host port
 *
 * An internal port's netdevice stays registered; the caller unregisters
 * it if it should go too.
 *
 * Context: RTNL held.  The port is freed after a grace period.
 */
void xsw_port_del(struct xsw_port *port)
{
	struct xsw_switch *sw = port->sw;
	struct net_device *dev = port->dev;

	ASSERT_RTNL();
	xsw_nl_notify_port(port, XSW_CMD_PORT_DEL);
	list_del_rcu(&port->list);
	xsw_ext_port_del(port);
	WRITE_ONCE(xsw_port_seq, xsw_port_seq + 1);
	sw->num_ports--;
	if (sw->external == port)
		sw->external = NULL;
	xsw_fdb_port_gone(port);
	xsw_acl_conn_port_gone(port);
	xsw_qos_port_gone(port);
	xsw_vnet_port_gone(port);

	if (port->type == XSW_PORT_TYPE_INTERNAL) {
		xsw_iport_detach(dev);
	} else {
		netdev_upper_dev_unlink(dev, sw->dev);
		netdev_rx_handler_unregister(dev);
		dev_set_promiscuity(dev, -1);
	}
	xsw_switch_mtu_adjust(sw);
	call_rcu(&port->rcu, port_free_rcu);
}

static int port_netdev_event(struct notifier_block *nb, unsigned long event,
			     void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct xsw_port *port;

	if (netif_is_xswitch(dev)) {
		/* The host port: extensions hear of its link changes too. */
		if (event == NETDEV_UP || event == NETDEV_DOWN ||
		    event == NETDEV_CHANGE)
			xsw_ext_port_link(&((struct xsw_switch *)netdev_priv(dev))->host);
		return NOTIFY_DONE;
	}
	port = xsw_port_from_dev(dev);
	if (!port)
		return NOTIFY_DONE;

	switch (event) {
	case NETDEV_UNREGISTER:
		/*
		 * An internal port netdevice moving to a container's
		 * namespace stays a port; everything else leaves.
		 */
		if (port->type == XSW_PORT_TYPE_INTERNAL &&
		    dev->reg_state == NETREG_REGISTERED)
			break;
		xsw_port_del(port);
		break;
	case NETDEV_CHANGEMTU:
		xsw_switch_mtu_adjust(port->sw);
		break;
	case NETDEV_CHANGEADDR:
		if (port->type == XSW_PORT_TYPE_INTERNAL) {
			xsw_port_set_mac(port, dev->dev_addr);
			xsw_nl_notify_port(port, XSW_CMD_PORT_SET);
		}
		break;
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
		xsw_ext_port_link(port);
		xsw_nl_notify_port(port, XSW_CMD_PORT_SET);
		break;
	case NETDEV_PRE_TYPE_CHANGE:
		return notifier_from_errno(-EBUSY);
	}
	return NOTIFY_DONE;
}

static struct notifier_block port_notifier = {
	.notifier_call = port_netdev_event,
};

int xsw_port_notifier_init(void)
{
	return register_netdevice_notifier(&port_notifier);
}

void xsw_port_notifier_uninit(void)
{
	unregister_netdevice_notifier(&port_notifier);
}
