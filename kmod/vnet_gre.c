// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch network virtualisation: the NVGRE tunnel devices (RFC 7637).
 *
 * As VXLAN (vnet_tun.c), NVGRE uses the kernel's own tunnel code: a
 * collect-metadata gretap device for IPv4 PAs ("xsw-gre", made with
 * gretap_fb_dev_create() as net/openvswitch/vport-gre.c does) and a
 * collect-metadata ip6gretap device for IPv6 PAs ("xsw-gre6"), both
 * sending protocol 0x6558 (transparent Ethernet bridging) with the key
 * the metadata_dst of each frame carries: VSID << 8, FlowID 0 (vnet_tx.c).
 * On receive they attach one with the key and the outer addresses, and
 * xsw_vnet_decap() takes the frame from there.
 *
 * The kernel allows one collect-metadata gretap and one ip6gretap device
 * per namespace (ip_tunnel_newlink(), ip6gre_newlink()), whatever their
 * names, and GRE has no port to tell tunnels apart, so the devices belong
 * to the namespace's store, shared by its switches.
 *
 * DOC: NVGRE device lifetimes
 * The device of a family exists while the namespace has at least one
 * NVGRE virtual subnet and a switch has a PA of that family: a namespace
 * with VXLAN virtual subnets only never has one, so a user with a
 * collect-metadata gretap device of their own (Open vSwitch, say) is not
 * in the way of VXLAN.  xsw_gre_update() makes them (and deletes those no
 * longer needed) when a PA or an NVGRE virtual subnet is added, and adding
 * one fails, with the reason in extack, when a device it needs cannot be
 * made; xsw_gre_trim() deletes them when one is deleted.  Should a
 * device go first (the user deletes it), the NETDEV_UNREGISTER notifier
 * detaches it and frames that would use it are dropped under
 * "vnet-no-route" until the next PA or NVGRE virtual subnet is added,
 * which makes a new one.  At namespace exit the devices have gone before
 * the store is freed (devices go first); at rmmod every switch, with its
 * PAs, goes before the stores are freed, and the devices go with the last
 * PA.  Everything here runs under RTNL; the packet path reads the store's
 * @gre under RCU.
 */

#include <linux/etherdevice.h>
#include <linux/if_tunnel.h>
#include <linux/ip6_tunnel.h>
#include <linux/kmod.h>
#include <net/dst_metadata.h>
#include <net/gre.h>
#include <net/ip6_tunnel.h>
#include <net/ip_tunnels.h>
#include <net/rtnetlink.h>

#include "vnet.h"

static const char *const gre_names[2] = { "xsw-gre", "xsw-gre6" };

/*
 * rtnetlink's list of link types, which it does not export: the ip6gretap
 * type has no exported constructor as gretap has, and xsw-gre6 is made the
 * way rtnl_newlink() makes one.  __rtnl_link_register() adds a type at the
 * tail of the list, so right after xswitch's last type is added, under
 * RTNL, the list's head follows it.  Read under RTNL, as rtnetlink does.
 */
static struct list_head *link_ops_head;

/**
 * xsw_gre_link_register - register xswitch's last link type
 * @ops: the type
 *
 * rtnl_link_register(), which also finds rtnetlink's list of link types
 * for the ip6gretap device.
 *
 * Return: 0 or a negative errno.
 */
int xsw_gre_link_register(struct rtnl_link_ops *ops)
{
	int err;

	rtnl_lock();
	err = __rtnl_link_register(ops);
	if (!err)
		link_ops_head = ops->list.next;
	rtnl_unlock();
	return err;
}

/* The ip6gretap type, or NULL when ip6_gre is not loaded.  Context: RTNL. */
static const struct rtnl_link_ops *gre6_link_ops(void)
{
	const struct rtnl_link_ops *ops;

	ASSERT_RTNL();
	if (!link_ops_head)
		return NULL;
	list_for_each_entry(ops, link_ops_head, list)
		if (!strcmp(ops->kind, "ip6gretap"))
			return ops->setup && ops->newlink &&
			       ops->priv_size == sizeof(struct ip6_tnl) ?
			       ops : NULL;
	return NULL;
}

/**
 * xsw_gre_prepare - load ip6_gre before an IPv6 NVGRE device may be needed
 * @v6: an IPv6 PA or an NVGRE virtual subnet is about to be added
 *
 * rtnl_newlink() drops RTNL to load a link type's module; xswitch's
 * requests hold it throughout, so they call this first.  Once is enough:
 * ip_gre is a dependency of xswitch, ip6_gre cannot be one.
 *
 * Context: process, RTNL not held.
 */
void xsw_gre_prepare(bool v6)
{
	static bool tried;

	if (v6 && !READ_ONCE(tried)) {
		WRITE_ONCE(tried, true);
		request_module("rtnl-link-ip6gretap");
	}
}

/* A collect-metadata ip6gretap device, as "ip link add NAME type ip6gretap
 * external" makes; no encapsulation limit option, as a gretap has none.
 */
static struct net_device *gre6_dev_create(struct net *net, const char *name,
					  struct netlink_ext_ack *extack)
{
	static const struct nlattr md = {
		.nla_len = NLA_HDRLEN,
		.nla_type = IFLA_GRE_COLLECT_METADATA,
	};
	static const struct {
		struct nlattr nla;
		u32 flags;
	} flags = {
		.nla = { .nla_len = NLA_HDRLEN + sizeof(u32),
			 .nla_type = IFLA_GRE_FLAGS },
		.flags = IP6_TNL_F_IGN_ENCAP_LIMIT,
	};
	struct nlattr *data[IFLA_GRE_MAX + 1] = {};
	struct nlattr *tb[IFLA_MAX + 1] = {};
	const struct rtnl_link_ops *ops = gre6_link_ops();
	struct net_device *dev;
	LIST_HEAD(list_kill);
	int err;

	if (!ops) {
		NL_SET_ERR_MSG(extack,
			       "nvgre over ipv6 pas needs the ip6_gre module");
		return ERR_PTR(-EOPNOTSUPP);
	}
	data[IFLA_GRE_COLLECT_METADATA] = (struct nlattr *)&md;
	data[IFLA_GRE_FLAGS] = (struct nlattr *)&flags.nla;
	dev = rtnl_create_link(net, name, NET_NAME_USER, ops, tb, extack);
	if (IS_ERR(dev))
		return dev;
	err = ops->newlink(net, dev, tb, data, extack);
	if (err) {
		free_netdev(dev);
		return ERR_PTR(err);
	}
	/* The switch checks sizes against the ports' MTUs: the largest. */
	dev_set_mtu(dev, IP_MAX_MTU - dev->hard_header_len -
		    ((struct ip6_tnl *)netdev_priv(dev))->hlen -
		    sizeof(struct ipv6hdr));
	err = rtnl_configure_link(dev, NULL, 0, NULL);
	if (err) {
		ops->dellink(dev, &list_kill);
		unregister_netdevice_many(&list_kill);
		return ERR_PTR(err);
	}
	return dev;
}

/* The NVGRE device's frames.  Context: RCU, BH disabled. */
static rx_handler_result_t gre_rx(struct sk_buff **pskb)
{
	return xsw_vnet_decap(*pskb, XSW_ENCAP_NVGRE);
}

/* Makes @s's device of a family (@v6) in @net, up and receiving. */
static int gre_dev_add(struct xsw_vnet_store *s, struct net *net, bool v6,
		       struct netlink_ext_ack *extack)
{
	struct net_device *dev;
	int err;

	if (v6)
		dev = gre6_dev_create(net, gre_names[1], extack);
	else
		dev = gretap_fb_dev_create(net, gre_names[0], NET_NAME_USER);
	if (IS_ERR(dev)) {
		err = PTR_ERR(dev);
		if (err == -EEXIST && v6)
			NL_SET_ERR_MSG(extack,
				       "cannot create xsw-gre6: the namespace has a collect-metadata ip6gretap device, or a device of that name");
		else if (err == -EEXIST)
			NL_SET_ERR_MSG(extack,
				       "cannot create xsw-gre: the namespace has a collect-metadata gretap device, or a device of that name");
		else if (extack && !extack->_msg)
			xsw_set_msg(extack, v6 ?
				    "cannot create the nvgre device xsw-gre6" :
				    "cannot create the nvgre device xsw-gre");
		return err;
	}
	err = dev_change_flags(dev, dev->flags | IFF_UP, extack);
	if (!err)
		err = netdev_rx_handler_register(dev, gre_rx, s);
	if (err) {
		xsw_set_msg(extack, "cannot bring the nvgre device up");
		rtnl_delete_link(dev, 0, NULL);
		return err;
	}
	rcu_assign_pointer(s->gre[v6], dev);
	return 0;
}

/* Deletes @s's device of a family; the notifier detaches it on the way. */
static void gre_dev_del(struct xsw_vnet_store *s, bool v6)
{
	struct net_device *dev = rtnl_dereference(s->gre[v6]);

	if (!dev)
		return;
	if (check_net(dev_net(dev)) && list_empty(&dev->unreg_list)) {
		rtnl_delete_link(dev, 0, NULL);
	} else {
		/* Its namespace is going, or it is in a batch going already. */
		netdev_rx_handler_unregister(dev);
		RCU_INIT_POINTER(s->gre[v6], NULL);
	}
	WARN_ON(rtnl_dereference(s->gre[v6]));
}

/* The namespace of a switch with a PA of a family (@v6), or NULL. */
static struct net *pa_net(struct xsw_vnet_store *s, bool v6)
{
	const struct xsw_pa *pa;

	list_for_each_entry(pa, &s->pas, node)
		if (xsw_vaddr_is_v4(&pa->addr) != v6)
			return dev_net(pa->sw->dev);
	return NULL;
}

/* Deletes the devices no longer needed and, if @make, makes those needed. */
static int gre_sync(struct xsw_vnet_store *s, bool make,
		    struct netlink_ext_ack *extack)
{
	struct net *net;
	int err = 0, e;
	bool v6;

	xsw_vnet_assert();
	for (v6 = false; ; v6 = true) {
		net = s->num_nvgre ? pa_net(s, v6) : NULL;
		if (!net) {
			gre_dev_del(s, v6);
		} else if (make && check_net(net) &&
			   !rtnl_dereference(s->gre[v6])) {
			e = gre_dev_add(s, net, v6, extack);
			err = err ?: e;
		}
		if (v6)
			break;
	}
	return err;
}

/**
 * xsw_gre_update - give the namespace the NVGRE devices it needs now
 * @s: the namespace's store, after a PA or an NVGRE virtual subnet was
 *	added (@num_nvgre counts the latter)
 * @extack: where to say why not
 *
 * A family's device while there is an NVGRE virtual subnet and a PA of the
 * family, else none; a device deleted under it is made again.
 *
 * Context: RTNL held.
 * Return: 0, or a negative errno with @extack set; the devices that could
 * be made are.
 */
int xsw_gre_update(struct xsw_vnet_store *s, struct netlink_ext_ack *extack)
{
	return gre_sync(s, true, extack);
}

/**
 * xsw_gre_trim - delete the NVGRE devices the namespace no longer needs
 * @s: the namespace's store, after a PA or an NVGRE virtual subnet was
 *	deleted
 *
 * Never makes one: deletions run at namespace exit too, when a device
 * would outlive its namespace's teardown.  Cannot fail.
 *
 * Context: RTNL held.
 */
void xsw_gre_trim(struct xsw_vnet_store *s)
{
	gre_sync(s, false, NULL);
}

/* The device for NVGRE frames to a PA of a family.  Context: RCU. */
struct net_device *xsw_gre_dev_rcu(struct xsw_vnet_store *s, bool v4)
{
	return rcu_dereference(s->gre[!v4]);
}

/* Every PA of the namespace went first, and the devices with them. */
void xsw_gre_store_uninit(struct xsw_vnet_store *s)
{
	WARN_ON(rcu_access_pointer(s->gre[0]) ||
		rcu_access_pointer(s->gre[1]));
}

/* An NVGRE device going away, whoever deletes it, is detached. */
static int gre_netdev_event(struct notifier_block *nb, unsigned long event,
			    void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct xsw_vnet_store *s;

	if (event != NETDEV_UNREGISTER ||
	    rcu_access_pointer(dev->rx_handler) != gre_rx)
		return NOTIFY_DONE;
	s = rtnl_dereference(dev->rx_handler_data);
	netdev_rx_handler_unregister(dev);
	if (rtnl_dereference(s->gre[0]) == dev)
		RCU_INIT_POINTER(s->gre[0], NULL);
	if (rtnl_dereference(s->gre[1]) == dev)
		RCU_INIT_POINTER(s->gre[1], NULL);
	return NOTIFY_OK;
}

static struct notifier_block gre_notifier = {
	.notifier_call = gre_netdev_event,
};

int xsw_gre_init(void)
{
	return register_netdevice_notifier(&gre_notifier);
}

void xsw_gre_uninit(void)
{
	unregister_netdevice_notifier(&gre_notifier);
}
