// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch network virtualisation: the data path's steps in the pipeline
 * (forward.c) for frames of a VSID.
 *
 *   ingress    a VSID port's address guard, xsw_vnet_guard(), after port
 *              security; the frame's context gets the port's VSID
 *   forwarding unicast: the FDB, restricted to the VSID's ports, else the
 *              mapping of the destination MAC, xsw_vnet_fwd(): a local PA
 *              names a local port, a remote one the switch's tunnel port
 *              (sw->tunnel); broadcast and multicast: flooded to the
 *              VSID's local ports and the tunnel port
 *   egress     a port of another VSID, or of none, is never a destination
 *              (forward.c checks every copy); the tunnel port's copy goes
 *              through the ACL, QoS and extension steps as any port's,
 *              then xsw_vnet_tx() encapsulates it: one unicast copy per
 *              remote PA of the VSID for broadcast and multicast, else
 *              to the PA of the destination MAC's mapping
 *   receive    vnet_tun.c decapsulates and checks the VNI and outer
 *              source; the inner frame enters on the tunnel port with its
 *              VSID (forward.c: xsw_vnet_rx()) and is forwarded as above,
 *              except that it is never sent back into the tunnel
 *
 * Everything runs under RCU with BH disabled, as the rest of the pipeline.
 */

#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <net/dst_metadata.h>
#include <net/ip_tunnels.h>

#include "vnet.h"

/* Is @addr one of @vp's CAs? */
static bool vport_has_ca(const struct xsw_vport *vp,
			 const struct in6_addr *addr)
{
	unsigned int i;

	for (i = 0; i < vp->n_cas; i++)
		if (ipv6_addr_equal(&vp->cas[i], addr))
			return true;
	return false;
}

static bool vport_has_ca4(const struct xsw_vport *vp, __be32 addr)
{
	struct in6_addr a;

	ipv6_addr_set_v4mapped(addr, &a);
	return vport_has_ca(vp, &a);
}

/* The sender address of an Ethernet/IPv4 ARP packet at @off, or -1. */
static int arp_sender(struct sk_buff *skb, unsigned int off, __be32 *sip)
{
	const struct arphdr *arp;

	if (!pskb_may_pull(skb, off + sizeof(*arp) + 2 * (ETH_ALEN + 4)))
		return -1;
	arp = (const struct arphdr *)(skb->data + off);
	if (arp->ar_hrd != htons(ARPHRD_ETHER) ||
	    arp->ar_pro != htons(ETH_P_IP) || arp->ar_hln != ETH_ALEN ||
	    arp->ar_pln != 4)
		return -1;
	memcpy(sip, (const u8 *)(arp + 1) + ETH_ALEN, 4);
	return 0;
}

/**
 * xsw_vnet_guard - the address guard of a port in a VSID
 * @vp: the port's membership
 * @skb: the frame, skb->data at the Ethernet header, its VLAN tag if any
 *	out of the payload
 *
 * The port may send IPv4 and IPv6 only from its CAs, and ARP only with a
 * CA as sender.  ARP probes (sender 0.0.0.0), IPv6 duplicate address
 * detection (from ::) and IPv6 link-local sources, which neighbour
 * discovery needs, pass; so does any other EtherType.
 *
 * Return: -1 to let it pass, else the drop reason.
 */
int xsw_vnet_guard(const struct xsw_vport *vp, struct sk_buff *skb)
{
	__be16 proto = eth_hdr(skb)->h_proto;
	const struct ipv6hdr *ip6;
	const struct iphdr *ip;
	__be32 sip;

	switch (proto) {
	case htons(ETH_P_IP):
		if (!pskb_may_pull(skb, ETH_HLEN + sizeof(*ip)))
			return XSW_DROP_VNET_MALFORMED;
		ip = (const struct iphdr *)(skb->data + ETH_HLEN);
		if (ip->version != 4)
			return XSW_DROP_VNET_MALFORMED;
		return vport_has_ca4(vp, ip->saddr) ? -1 :
		       XSW_DROP_VNET_SPOOFED_CA;
	case htons(ETH_P_IPV6):
		if (!pskb_may_pull(skb, ETH_HLEN + sizeof(*ip6)))
			return XSW_DROP_VNET_MALFORMED;
		ip6 = (const struct ipv6hdr *)(skb->data + ETH_HLEN);
		if (ip6->version != 6)
			return XSW_DROP_VNET_MALFORMED;
		if (ipv6_addr_any(&ip6->saddr) ||
		    ipv6_addr_type(&ip6->saddr) & IPV6_ADDR_LINKLOCAL)
			return -1;
		/* IPv4 CAs are kept IPv4-mapped: such a source is not one. */
		if (ipv6_addr_v4mapped(&ip6->saddr))
			return XSW_DROP_VNET_SPOOFED_CA;
		return vport_has_ca(vp, &ip6->saddr) ? -1 :
		       XSW_DROP_VNET_SPOOFED_CA;
	case htons(ETH_P_ARP):
		if (arp_sender(skb, ETH_HLEN, &sip))
			return XSW_DROP_VNET_MALFORMED;
		return !sip || vport_has_ca4(vp, sip) ? -1 :
		       XSW_DROP_VNET_SPOOFED_CA;
	default:
		return -1;
	}
}

/* The local port of @ctx's VSID whose MAC is @mac.  Context: RCU. */
static struct xsw_port *vsid_port_by_mac(const struct xsw_fwd_ctx *ctx,
					 struct xsw_switch *sw, const u8 *mac)
{
	u64 want = ether_addr_to_u64(mac);
	struct xsw_port *port;

	list_for_each_entry_rcu(port, &sw->ports, list)
		if (READ_ONCE(port->mac) == want &&
		    xsw_port_vsid(port) == ctx->vsid)
			return port;
	return NULL;
}

/* Is @pa one of @sw's PAs?  Context: RCU. */
static bool pa_is_local(struct xsw_vnet_store *s, const struct xsw_switch *sw,
			const struct in6_addr *pa)
{
	const struct xsw_pa *p = xsw_pa_lookup_rcu(s, pa);

	return p && p->sw == sw;
}

/**
 * xsw_vnet_fwd - where a unicast frame of a VSID goes
 * @ctx: the frame's context, @ctx->vsid set
 * @dst: what the FDB said, or NULL
 * @mac: the destination MAC
 *
 * The FDB's port if it is in the VSID; else, when the MAC's mapping names
 * one of this switch's PAs, the local port of the VSID with that MAC (not
 * learned yet); else the tunnel port, whose transmit encapsulates by the
 * mapping or drops the frame under "vnet-no-mapping".
 *
 * Context: RCU.
 * Return: the destination port.
 */
struct xsw_port *xsw_vnet_fwd(const struct xsw_fwd_ctx *ctx,
			      struct xsw_port *dst, const u8 *mac)
{
	struct xsw_switch *sw = ctx->src->sw;
	struct xsw_vnet_store *s;
	struct xsw_vmap *m;

	if (dst && xsw_port_vsid(dst) == ctx->vsid)
		return dst;
	s = xsw_vnet_store(dev_net(sw->dev));
	m = xsw_vmap_lookup_mac(s, ctx->vsid, mac);
	if (m && pa_is_local(s, sw, &m->pa)) {
		dst = vsid_port_by_mac(ctx, sw, mac);
		if (dst)
			return dst;
	}
	return &sw->tunnel;
}

/*
 * One encapsulated copy of a frame of @vs to @pa, by the tunnel device
 * @dev; consumes @skb.
 */
static void encap(const struct xsw_fwd_ctx *ctx, struct xsw_vnet_store *s,
		  const struct xsw_vsubnet *vs, struct net_device *dev,
		  const struct in6_addr *pa, struct sk_buff *skb)
{
	struct xsw_switch *sw = ctx->src->sw;
	bool v4 = xsw_vaddr_is_v4(pa);
	const struct xsw_pa *local = xsw_pa_of_switch_rcu(s, sw, v4);
	__be64 tun_id = key32_to_tunnel_id(cpu_to_be32(ctx->vsid));
	__be16 tp_dst = htons(READ_ONCE(sw->vxlan_port));
	struct ip_tunnel_info *info;
	struct metadata_dst *md;

	if (unlikely(!local)) {
		xsw_drop(ctx->src, XSW_DROP_VNET_NO_ROUTE, skb);
		return;
	}
	md = metadata_dst_alloc(0, METADATA_IP_TUNNEL, GFP_ATOMIC);
	if (unlikely(!md)) {
		xsw_drop(ctx->src, XSW_DROP_NOMEM, skb);
		return;
	}
	info = &md->u.tun_info;
	info->mode = IP_TUNNEL_INFO_TX;
	if (v4) {
		ip_tunnel_key_init(&info->key, local->addr.s6_addr32[3],
				   pa->s6_addr32[3], 0, 64, 0, 0, tp_dst,
				   tun_id, TUNNEL_KEY);
	} else {
		/* IPv6 UDP needs a checksum (RFC 6935 allows none, not all do). */
		ip_tunnel_key_init(&info->key, 0, 0, 0, 64, 0, 0, tp_dst,
				   tun_id, TUNNEL_KEY | TUNNEL_CSUM);
		info->mode |= IP_TUNNEL_INFO_IPV6;
		info->key.u.ipv6.src = local->addr;
		info->key.u.ipv6.dst = *pa;
	}
	skb_dst_drop(skb);
	skb_dst_set(skb, &md->dst);
	xsw_stats_tx(&sw->tunnel, skb->len);
	xsw_vsubnet_count(vs, XSW_VS_ENCAP, skb->len);
	skb->dev = dev;
	skb_forward_csum(skb);
	dev_queue_xmit(skb);
}

/**
 * xsw_vnet_tx - the tunnel port's transmit: encapsulate a frame of a VSID
 * @ctx: the frame's context; @ctx->vsid is set and @ctx->src is a port
 *	of the VSID, never the tunnel port
 * @skb: the copy for the tunnel port, past the egress steps
 *
 * Broadcast and multicast go as unicast copies to each PA of the VSID's
 * mappings that is not this switch's; unicast to the PA of the
 * destination MAC's mapping, counted as a hit of the mapping.  Drops are
 * counted on the source port.  NVGRE is not there yet: a VSID that asks
 * for it sends nothing ("vnet-no-route") rather than the wrong format.
 *
 * Context: RCU, BH disabled.  Consumes @skb.
 */
void xsw_vnet_tx(const struct xsw_fwd_ctx *ctx, struct sk_buff *skb)
{
	struct xsw_switch *sw = ctx->src->sw;
	struct xsw_vnet_store *s = xsw_vnet_store(dev_net(sw->dev));
	const u8 *dest = eth_hdr(skb)->h_dest;
	struct net_device *dev = xsw_vtun_dev_rcu(sw);
	const struct xsw_vsubnet *vs;
	const struct xsw_vpa_ref *ref;
	struct sk_buff *copy;
	struct xsw_vmap *m;

	if (WARN_ON_ONCE(ctx->src == &sw->tunnel)) {
		xsw_drop(ctx->src, XSW_DROP_VNET_NO_MAPPING, skb);
		return;
	}
	vs = xsw_vsubnet_lookup_rcu(s, ctx->vsid);
	if (unlikely(!vs)) {
		xsw_drop(ctx->src, XSW_DROP_VNET_UNKNOWN_VSID, skb);
		return;
	}
	if (unlikely(!dev || vs->encap != XSW_ENCAP_VXLAN)) {
		xsw_drop(ctx->src, XSW_DROP_VNET_NO_ROUTE, skb);
		return;
	}
	if (likely(!is_multicast_ether_addr(dest))) {
		m = xsw_vmap_lookup_mac(s, ctx->vsid, dest);
		if (unlikely(!m || pa_is_local(s, sw, &m->pa))) {
			xsw_drop(ctx->src, XSW_DROP_VNET_NO_MAPPING, skb);
			return;
		}
		xsw_vmap_hit(m);
		encap(ctx, s, vs, dev, &m->pa, skb);
		return;
	}
	list_for_each_entry_rcu(ref, &vs->pas, node) {
		if (pa_is_local(s, sw, &ref->key.pa))
			continue;
		copy = skb_clone(skb, GFP_ATOMIC);
		if (unlikely(!copy))
			xsw_count(ctx->src, XSW_DROP_NOMEM);
		else
			encap(ctx, s, vs, dev, &ref->key.pa, copy);
	}
	consume_skb(skb);
}
