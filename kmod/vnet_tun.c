// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch network virtualisation: the tunnel devices, and decapsulation.
 *
 * Encapsulation uses the kernel's own VXLAN code, as the OVS datapath does
 * (net/openvswitch/vport-vxlan.c): a collect-metadata vxlan device, which
 * takes each frame's outer header from the metadata_dst attached to it
 * (vnet_tx.c), and on receive attaches one that says which VNI and outer
 * addresses the frame came with.  That brings routing by the host's IP
 * stack, IPv6, GSO/GRO, checksums and PMTU handling.
 *
 * Only one collect-metadata vxlan device can own a UDP port in a
 * namespace, so the devices belong to the namespace's store, one per UDP
 * port that a switch with a PA uses, named "xsw-vxlan-PORT"; switches
 * with the same vxlan port share it.
 *
 * DOC: Tunnel device lifetimes
 * A switch holds a reference on the tunnel of its vxlan port while it has
 * at least one PA (sw->vtun); xsw_vtun_switch_update() takes and drops it
 * when a PA is added or deleted, when the switch's vxlan port changes and
 * when the switch goes (its PAs go with it).  The device is made with the
 * first reference and deleted with the last.  Should the device go first
 * (the user deletes it, or moves it to another namespace), the
 * NETDEV_UNREGISTER notifier detaches it: the tunnel stays, without a
 * device, and frames that would use it are dropped under "vnet-no-route"
 * until a PA of a switch that uses the port is added again, which makes a
 * new one.  At namespace exit the devices have gone before the store is
 * freed (devices go first); at rmmod every switch, and with it every
 * reference, goes before the stores are freed (main.c).  Everything here
 * runs under RTNL; the packet path reads sw->vtun and a tunnel's @dev
 * under RCU, and tunnels are freed after a grace period.
 */

#include <linux/etherdevice.h>
#include <linux/udp.h>
#include <net/dst_metadata.h>
#include <net/ip_tunnels.h>
#include <net/rtnetlink.h>
#include <net/vxlan.h>

#include "vnet.h"

/**
 * struct xsw_vtun - a namespace's tunnel device for one UDP port
 * @node: in the store's @tuns (RTNL writers, RCU readers)
 * @dev: the collect-metadata vxlan device, NULL once it is gone (RTNL
 *	writers, RCU readers); its rx_handler_data is the tunnel
 * @refs: switches that hold it (RTNL)
 * @port: the UDP port
 * @rcu: frees it
 */
struct xsw_vtun {
	struct list_head node;
	struct net_device __rcu *dev;
	unsigned int refs;
	u16 port;
	struct rcu_head rcu;
};

/* The PA @addr of a switch, for the packet path.  Context: RCU. */
struct xsw_pa *xsw_pa_lookup_rcu(struct xsw_vnet_store *s,
				 const struct in6_addr *addr)
{
	struct xsw_pa *pa;

	list_for_each_entry_rcu(pa, &s->pas, node, lockdep_rtnl_is_held())
		if (ipv6_addr_equal(&pa->addr, addr))
			return pa;
	return NULL;
}

/* @sw's first PA of a family: its outer source address.  Context: RCU. */
const struct xsw_pa *xsw_pa_of_switch_rcu(struct xsw_vnet_store *s,
					  const struct xsw_switch *sw,
					  bool v4)
{
	const struct xsw_pa *pa;

	list_for_each_entry_rcu(pa, &s->pas, node, lockdep_rtnl_is_held())
		if (pa->sw == sw && xsw_vaddr_is_v4(&pa->addr) == v4)
			return pa;
	return NULL;
}

/* A frame's outer address, IPv4 mapped. */
static void tun_addr(const struct ip_tunnel_info *info, bool src,
		     struct in6_addr *addr)
{
	if (ip_tunnel_info_af(info) == AF_INET)
		ipv6_addr_set_v4mapped(src ? info->key.u.ipv4.src :
				       info->key.u.ipv4.dst, addr);
	else
		*addr = src ? info->key.u.ipv6.src : info->key.u.ipv6.dst;
}

/**
 * xsw_vnet_decap - a frame a tunnel device received enters its switch
 * @skb: the inner frame, skb->data past its Ethernet header; the outer
 *	header gone and its key and addresses in the skb's metadata_dst
 * @encap: enum xsw_encap of the device: VXLAN (VNI = VSID) or NVGRE
 *	(GRE key = VSID << 8 | FlowID)
 *
 * A frame for no PA of a switch is counted in the device's rx_dropped; on
 * the PA's switch, one without a key (keyless GRE) under
 * "vnet-malformed", one whose VSID is not a local VSID of @encap under
 * "vnet-unknown-vsid" (so a VXLAN frame for an NVGRE VSID, and the other
 * way round, is dropped there: a VSID has one encapsulation), and one
 * from a PA that no mapping of the VSID's routing domain points at under
 * "vnet-unknown-pa".  The domain, not the VSID: a frame the sending host
 * routed (vnet_route.c) carries the destination's VSID but comes from the
 * PA of the source's, which may host no VM of the destination's VSID.  The
 * inner frame, counted as decapsulated by its vsubnet, enters the PA's
 * switch on its tunnel port (vnet_tx.c).  Malformed VXLAN headers never
 * get here (vtun_encap_rcv()).
 *
 * Context: a tunnel device's receive path, under RCU with BH disabled.
 * Return: RX_HANDLER_CONSUMED; @skb is consumed.
 */
rx_handler_result_t xsw_vnet_decap(struct sk_buff *skb, u8 encap)
{
	const struct ip_tunnel_info *info = skb_tunnel_info(skb);
	struct xsw_vnet_store *s = xsw_vnet_store(dev_net(skb->dev));
	const struct xsw_vsubnet *vs;
	struct in6_addr outer;
	struct xsw_switch *sw;
	struct xsw_pa *pa;
	u32 vsid;

	if (unlikely(!info))
		goto drop;
	tun_addr(info, false, &outer);
	pa = xsw_pa_lookup_rcu(s, &outer);
	if (unlikely(!pa))
		goto drop;
	sw = pa->sw;
	if (unlikely(!(info->key.tun_flags & TUNNEL_KEY))) {
		xsw_drop(&sw->tunnel, XSW_DROP_VNET_MALFORMED, skb);
		return RX_HANDLER_CONSUMED;
	}
	vsid = xsw_vnet_tun_vsid(encap, info->key.tun_id);
	vs = xsw_vsubnet_lookup_rcu(s, vsid);
	if (unlikely(!vs || vs->encap != encap)) {
		xsw_drop(&sw->tunnel, XSW_DROP_VNET_UNKNOWN_VSID, skb);
		return RX_HANDLER_CONSUMED;
	}
	tun_addr(info, true, &outer);
	if (unlikely(!xsw_vnet_has_pa(s, vs->rdid, &outer))) {
		xsw_drop(&sw->tunnel, XSW_DROP_VNET_UNKNOWN_PA, skb);
		return RX_HANDLER_CONSUMED;
	}
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (unlikely(!skb)) {
		xsw_count(&sw->tunnel, XSW_DROP_NOMEM);
		return RX_HANDLER_CONSUMED;
	}
	/* The VMs get the inner frame alone. */
	skb_dst_drop(skb);
	skb_push(skb, ETH_HLEN);
	xsw_vsubnet_count(vs, XSW_VS_DECAP, skb->len);
	xsw_vnet_rx(sw, vsid, skb);
	return RX_HANDLER_CONSUMED;

drop:
	dev_core_stats_rx_dropped_inc(skb->dev);
	kfree_skb(skb);
	return RX_HANDLER_CONSUMED;
}

/* The vxlan device's frames.  Context: RCU, BH disabled. */
static rx_handler_result_t vtun_rx(struct sk_buff **pskb)
{
	return xsw_vnet_decap(*pskb, XSW_ENCAP_VXLAN);
}

/*
 * DOC: Malformed VXLAN headers
 * Linux 6.1's vxlan_rcv() drops a datagram too short for the VXLAN and
 * inner Ethernet headers, or whose VXLAN header lacks the I flag or sets a
 * reserved bit, without counting it anywhere (UDP counts it as a datagram
 * received).  So that a user sees them, the tunnel device's UDP sockets
 * get vtun_encap_rcv() as their encap_rcv: it makes those checks first,
 * drops what fails them under "vnet-malformed" on the switch of the outer
 * destination PA (the tunnel device's rx_dropped if it is no PA), and
 * hands the rest to vxlan's own encap_rcv, which does everything else as
 * before.  vxlan makes its sockets when the device is opened and frees
 * them when it is closed, after a grace period, so each opening of one of
 * our devices is hooked (vtun_dev_create() and the NETDEV_UP notifier), and
 * a socket never outlives its device nor, so, this module.  Frames vxlan
 * itself counts (a truncated inner IP header: rx_errors and
 * rx_length_errors; an ECN mismatch: rx_frame_errors) are left to it.
 */

/* vxlan's own encap_rcv (vxlan_rcv(), not exported), the same for all. */
static int (*vtun_vxlan_rcv)(struct sock *sk, struct sk_buff *skb) __read_mostly;

/* The device of the tunnel of UDP port @port.  Context: RCU. */
static struct net_device *vtun_dev_of_port_rcu(struct xsw_vnet_store *s,
					       u16 port)
{
	struct xsw_vtun *tun;

	list_for_each_entry_rcu(tun, &s->tuns, node, lockdep_rtnl_is_held())
		if (tun->port == port)
			return rcu_dereference_rtnl(tun->dev);
	return NULL;
}

/* Drops and counts a datagram of @sk that fails vtun_encap_rcv(). */
static void vtun_malformed(struct sock *sk, struct sk_buff *skb)
{
	struct xsw_vnet_store *s = xsw_vnet_store(sock_net(sk));
	struct net_device *dev;
	struct in6_addr outer;
	struct xsw_pa *pa;

	if (ip_hdr(skb)->version == 4)
		ipv6_addr_set_v4mapped(ip_hdr(skb)->daddr, &outer);
	else
		outer = ipv6_hdr(skb)->daddr;
	pa = xsw_pa_lookup_rcu(s, &outer);
	if (pa) {
		xsw_drop(&pa->sw->tunnel, XSW_DROP_VNET_MALFORMED, skb);
		return;
	}
	dev = vtun_dev_of_port_rcu(s, ntohs(udp_hdr(skb)->dest));
	if (dev)
		dev_core_stats_rx_dropped_inc(dev);
	kfree_skb(skb);
}

/*
 * The encap_rcv of the tunnel devices' sockets: @skb->data is at the UDP
 * header.  See "Malformed VXLAN headers".  Context: UDP receive, RCU, BH
 * disabled.  Return: 0, @skb consumed, as vxlan_rcv().
 */
static int vtun_encap_rcv(struct sock *sk, struct sk_buff *skb)
{
	const struct vxlanhdr *vh;

	if (likely(pskb_may_pull(skb, VXLAN_HLEN + ETH_HLEN))) {
		vh = vxlan_hdr(skb);
		if (likely(vh->vx_flags == VXLAN_HF_VNI &&
			   !(vh->vx_vni & ~VXLAN_VNI_MASK)))
			return vtun_vxlan_rcv(sk, skb);
	}
	vtun_malformed(sk, skb);
	return 0;
}

static void vtun_hook_sock(struct vxlan_sock *vs)
{
	int (*rcv)(struct sock *sk, struct sk_buff *skb);
	struct udp_sock *up;

	if (!vs)
		return;
	up = udp_sk(vs->sock->sk);
	rcv = READ_ONCE(up->encap_rcv);
	if (rcv == vtun_encap_rcv)
		return;
	if (!vtun_vxlan_rcv) {
		vtun_vxlan_rcv = rcv;
		/* Set before any socket can call vtun_encap_rcv(). */
		smp_wmb();
	} else if (WARN_ON_ONCE(rcv != vtun_vxlan_rcv)) {
		return;
	}
	WRITE_ONCE(up->encap_rcv, vtun_encap_rcv);
}

/* Hooks the sockets of @dev, an open tunnel device.  Context: RTNL. */
static void vtun_hook(struct net_device *dev)
{
	struct vxlan_dev *vxlan = netdev_priv(dev);

	vtun_hook_sock(rtnl_dereference(vxlan->vn4_sock));
#if IS_ENABLED(CONFIG_IPV6)
	vtun_hook_sock(rtnl_dereference(vxlan->vn6_sock));
#endif
}

static struct net_device *vtun_dev_create(struct net *net, u16 port,
					  struct xsw_vtun *tun,
					  struct netlink_ext_ack *extack)
{
	struct vxlan_config conf = {
		.no_share = true,
		.flags = VXLAN_F_COLLECT_METADATA | VXLAN_F_UDP_ZERO_CSUM6_RX,
		/* The switch checks sizes against the ports' MTUs. */
		.mtu = IP_MAX_MTU,
		.dst_port = htons(port),
	};
	char name[IFNAMSIZ];
	struct net_device *dev;
	int err;

	snprintf(name, sizeof(name), "xsw-vxlan-%u", port);
	dev = vxlan_dev_create(net, name, NET_NAME_USER, &conf);
	if (IS_ERR(dev)) {
		NL_SET_ERR_MSG(extack,
			       "cannot create the vxlan device of the switch's vxlan port");
		return dev;
	}
	err = dev_change_flags(dev, dev->flags | IFF_UP, extack);
	if (!err)
		err = netdev_rx_handler_register(dev, vtun_rx, tun);
	if (err) {
		NL_SET_ERR_MSG(extack, "cannot bring the vxlan device up");
		rtnl_delete_link(dev, 0, NULL);
		return ERR_PTR(err);
	}
	vtun_hook(dev);
	return dev;
}

/* A tunnel whose device was deleted gets another. */
static int vtun_revive(struct net *net, struct xsw_vtun *tun,
		       struct netlink_ext_ack *extack)
{
	struct net_device *dev;

	if (rtnl_dereference(tun->dev))
		return 0;
	dev = vtun_dev_create(net, tun->port, tun, extack);
	if (IS_ERR(dev))
		return PTR_ERR(dev);
	rcu_assign_pointer(tun->dev, dev);
	return 0;
}

/* A reference on the tunnel of @port, made if need be. */
static struct xsw_vtun *vtun_get(struct net *net, u16 port,
				 struct netlink_ext_ack *extack)
{
	struct xsw_vnet_store *s = xsw_vnet_store(net);
	struct net_device *dev;
	struct xsw_vtun *tun;
	int err;

	xsw_vnet_assert();
	list_for_each_entry(tun, &s->tuns, node) {
		if (tun->port != port)
			continue;
		err = vtun_revive(net, tun, extack);
		if (err)
			return ERR_PTR(err);
		tun->refs++;
		return tun;
	}
	tun = kzalloc(sizeof(*tun), GFP_KERNEL_ACCOUNT);
	if (!tun)
		return ERR_PTR(-ENOMEM);
	tun->port = port;
	tun->refs = 1;
	dev = vtun_dev_create(net, port, tun, extack);
	if (IS_ERR(dev)) {
		kfree(tun);
		return ERR_CAST(dev);
	}
	rcu_assign_pointer(tun->dev, dev);
	list_add_rcu(&tun->node, &s->tuns);
	return tun;
}

static void vtun_put(struct xsw_vtun *tun)
{
	struct net_device *dev = rtnl_dereference(tun->dev);

	xsw_vnet_assert();
	if (--tun->refs)
		return;
	if (dev && check_net(dev_net(dev)) && list_empty(&dev->unreg_list)) {
		/* The notifier detaches it (tun->dev = NULL) on the way. */
		rtnl_delete_link(dev, 0, NULL);
	} else if (dev) {
		/*
		 * Its namespace is going, or it is already in a batch being
		 * unregistered: it goes anyway, without the tunnel.
		 */
		netdev_rx_handler_unregister(dev);
		RCU_INIT_POINTER(tun->dev, NULL);
	}
	WARN_ON(rtnl_dereference(tun->dev));
	list_del_rcu(&tun->node);
	kfree_rcu(tun, rcu);
}

/* Does @sw have a PA?  Context: RTNL. */
static bool switch_has_pa(struct xsw_vnet_store *s, const struct xsw_switch *sw)
{
	const struct xsw_pa *pa;

	list_for_each_entry(pa, &s->pas, node)
		if (pa->sw == sw)
			return true;
	return false;
}

/**
 * xsw_vtun_switch_update - make @sw hold the tunnel it needs now
 * @sw: the switch, after a change of its PAs or its vxlan port
 * @extack: where to say why not
 *
 * The tunnel of sw->vxlan_port while it has a PA, else none, with a
 * device: one deleted under it is made again.  Dropping a reference cannot
 * fail.
 *
 * Context: RTNL held.
 * Return: 0, or a negative errno with @extack set and nothing changed.
 */
int xsw_vtun_switch_update(struct xsw_switch *sw,
			   struct netlink_ext_ack *extack)
{
	struct net *net = dev_net(sw->dev);
	struct xsw_vtun *cur = rtnl_dereference(sw->vtun), *tun = NULL;
	u16 port = 0;

	xsw_vnet_assert();
	if (switch_has_pa(xsw_vnet_store(net), sw))
		port = sw->vxlan_port;
	if (cur && cur->port == port)
		return port ? vtun_revive(net, cur, extack) : 0;
	if (port) {
		tun = vtun_get(net, port, extack);
		if (IS_ERR(tun))
			return PTR_ERR(tun);
	}
	rcu_assign_pointer(sw->vtun, tun);
	if (cur)
		vtun_put(cur);
	return 0;
}

/* The device of @sw's tunnel, or NULL.  Context: RCU. */
struct net_device *xsw_vtun_dev_rcu(const struct xsw_switch *sw)
{
	const struct xsw_vtun *tun = rcu_dereference(sw->vtun);

	return tun ? rcu_dereference(tun->dev) : NULL;
}

/* Every switch of the namespace, so every reference, went first. */
void xsw_vtun_store_uninit(struct xsw_vnet_store *s)
{
	WARN_ON(!list_empty(&s->tuns));
}

/* A tunnel device going away, whoever deletes it, is detached. */
static int vtun_netdev_event(struct notifier_block *nb, unsigned long event,
			     void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct xsw_vtun *tun;

	if ((event != NETDEV_UNREGISTER && event != NETDEV_UP) ||
	    rcu_access_pointer(dev->rx_handler) != vtun_rx)
		return NOTIFY_DONE;
	if (event == NETDEV_UP) {
		/* Opened again, with new sockets */
		vtun_hook(dev);
		return NOTIFY_OK;
	}
	tun = rtnl_dereference(dev->rx_handler_data);
	netdev_rx_handler_unregister(dev);
	RCU_INIT_POINTER(tun->dev, NULL);
	return NOTIFY_OK;
}

static struct notifier_block vtun_notifier = {
	.notifier_call = vtun_netdev_event,
};

int xsw_vtun_init(void)
{
	return register_netdevice_notifier(&vtun_notifier);
}

void xsw_vtun_uninit(void)
{
	unregister_netdevice_notifier(&vtun_notifier);
}
