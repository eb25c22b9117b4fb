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
 *              (sw->tunnel); to the router's MAC: routed into another
 *              VSID (vnet_route.c); broadcast and multicast: flooded to
 *              the VSID's local ports and the tunnel port
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

static bool vport_has_ca4(const struct xsw_vport *vp, __be32 addr)
{
	struct in6_addr a;

	ipv6_addr_set_v4mapped(addr, &a);
	return xsw_vport_has_ca(vp, &a);
}

/**
 * xsw_vnet_arp - the Ethernet/IPv4 ARP packet of a frame
 * @skb: an ARP frame, skb->data at the Ethernet header
 * @off: where the ARP packet starts: ETH_HLEN, or past the VLAN tags left
 *	in the payload
 *
 * Pulls it into the linear area.
 * Return: the packet, or NULL when it is truncated or another kind of ARP.
 */
const struct xsw_arp_eth *xsw_vnet_arp(struct sk_buff *skb, unsigned int off)
{
	const struct xsw_arp_eth *arp;

	if (!pskb_may_pull(skb, off + sizeof(*arp)))
		return NULL;
	arp = (const struct xsw_arp_eth *)(skb->data + off);
	if (arp->hdr.ar_hrd != htons(ARPHRD_ETHER) ||
	    arp->hdr.ar_pro != htons(ETH_P_IP) ||
	    arp->hdr.ar_hln != ETH_ALEN || arp->hdr.ar_pln != 4)
		return NULL;
	return arp;
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
 * discovery needs, pass; so does any other EtherType.  The EtherType is
 * the one behind the VLAN tags left in the payload (xsw_vlan_payload()),
 * or an 802.1ad tag would carry any source past the guard to a receiver
 * that takes the tag off; a frame that ends inside its tags is malformed.
 *
 * Return: -1 to let it pass, else the drop reason.
 */
int xsw_vnet_guard(const struct xsw_vport *vp, struct sk_buff *skb)
{
	const struct xsw_arp_eth *arp;
	const struct ipv6hdr *ip6;
	const struct iphdr *ip;
	__be16 proto;
	int off;

	off = xsw_vlan_payload(skb, &proto);
	if (off < 0)
		return XSW_DROP_VNET_MALFORMED;
	switch (proto) {
	case htons(ETH_P_IP):
		ip = xsw_vnet_ip4_hdr(skb, off);
		if (!ip)
			return XSW_DROP_VNET_MALFORMED;
		return vport_has_ca4(vp, ip->saddr) ? -1 :
		       XSW_DROP_VNET_SPOOFED_CA;
	case htons(ETH_P_IPV6):
		ip6 = xsw_vnet_ip6_hdr(skb, off);
		if (!ip6)
			return XSW_DROP_VNET_MALFORMED;
		if (ipv6_addr_any(&ip6->saddr) ||
		    ipv6_addr_type(&ip6->saddr) & IPV6_ADDR_LINKLOCAL)
			return -1;
		/* IPv4 CAs are kept IPv4-mapped: such a source is not one. */
		if (ipv6_addr_v4mapped(&ip6->saddr))
			return XSW_DROP_VNET_SPOOFED_CA;
		return xsw_vport_has_ca(vp, &ip6->saddr) ? -1 :
		       XSW_DROP_VNET_SPOOFED_CA;
	case htons(ETH_P_ARP):
		arp = xsw_vnet_arp(skb, off);
		if (!arp)
			return XSW_DROP_VNET_MALFORMED;
		return !arp->sip || vport_has_ca4(vp, arp->sip) ? -1 :
		       XSW_DROP_VNET_SPOOFED_CA;
	default:
		return -1;
	}
}

/**
 * xsw_vnet_local_port - the port of a mapping's VM on this switch
 * @sw: the switch, which has the mapping's PA
 * @m: the mapping
 *
 * The port in the mapping's VSID that has its CA: found by CA rather than
 * by the MAC a port sent first (port security), so that a VM that has sent
 * nothing yet - static neighbour entries, or a first frame that would be
 * the answer to this one - is reached all the same.  A walk of the ports:
 * the FDB, which callers try first, knows every VM that has sent a frame.
 *
 * Context: RCU.
 * Return: the port, or NULL.
 */
struct xsw_port *xsw_vnet_local_port(struct xsw_switch *sw,
				     const struct xsw_vmap *m)
{
	const struct xsw_vport *vp;
	struct xsw_port *port;

	list_for_each_entry_rcu(port, &sw->ports, list) {
		vp = rcu_dereference(port->vport);
		if (vp && vp->vs->vsid == m->kmac.vsid &&
		    xsw_vport_has_ca(vp, &m->kca.ca))
			return port;
	}
	return NULL;
}

/* Is @pa one of @sw's PAs?  Context: RCU. */
bool xsw_vnet_pa_is_local(struct xsw_vnet_store *s,
			  const struct xsw_switch *sw,
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
 * one of this switch's PAs, the local port of the VSID with the mapping's
 * CA (the MAC not learned yet); else the tunnel port, whose transmit encapsulates by the
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
	if (m && xsw_vnet_pa_is_local(s, sw, &m->pa)) {
		dst = xsw_vnet_local_port(sw, m);
		if (dst)
			return dst;
	}
	return &sw->tunnel;
}

/**
 * xsw_vnet_tun_id - the tunnel id of a VSID's frames, for a metadata_dst
 * @encap: enum xsw_encap
 * @vsid: the VSID
 *
 * VXLAN: the VNI is the VSID.  NVGRE (RFC 7637): the 32-bit GRE key is
 * VSID << 8 | FlowID, with FlowID 0, as a Linux gretap with
 * "key $((VSID << 8))" sends and expects.
 *
 * Return: the tun_id, whose low 32 bits the tunnel devices put on the wire.
 */
__be64 xsw_vnet_tun_id(u8 encap, u32 vsid)
{
	if (encap == XSW_ENCAP_NVGRE)
		vsid <<= 8;
	return key32_to_tunnel_id(cpu_to_be32(vsid));
}

/**
 * xsw_vnet_tun_vsid - the VSID of a received frame's tunnel id
 * @encap: enum xsw_encap of the device it came through
 * @tun_id: from its metadata_dst
 *
 * Return: the VNI for VXLAN; the key's upper 24 bits for NVGRE, whose
 * FlowID (the low 8 bits) is ignored.
 */
u32 xsw_vnet_tun_vsid(u8 encap, __be64 tun_id)
{
	u32 key = be32_to_cpu(tunnel_id_to_key32(tun_id));

	return encap == XSW_ENCAP_NVGRE ? key >> 8 : key;
}

/* Does @md say what a frame of this switch to its PA would say now? */
static bool tun_dst_current(const struct metadata_dst *md,
			    const struct ip_tunnel_key *want, bool v4)
{
	const struct ip_tunnel_key *key = &md->u.tun_info.key;

	if (key->tun_id != want->tun_id || key->tp_dst != want->tp_dst ||
	    key->tun_flags != want->tun_flags)
		return false;
	return v4 ? key->u.ipv4.src == want->u.ipv4.src :
		    ipv6_addr_equal(&key->u.ipv6.src, &want->u.ipv6.src);
}

/*
 * The outer header of a frame of @ctx's VSID to @ref's PA, with a
 * reference for the frame: @ref's, when it is current; else a new one,
 * which @ref keeps for the next frames.
 *
 * Sharing one metadata_dst per (VSID, PA), as the OVS datapath shares one
 * per flow action, lets the tunnel device use the route cache inside it
 * (ip_tunnel_info.dst_cache) instead of a route lookup per frame, and
 * saves an allocation and an RCU-deferred free per frame.  Measured with
 * "make bench" (xswitch-vxlan, docs/benchmark.md): see the commit.  The
 * price is one atomic reference per frame on a shared dst, which
 * dev_queue_xmit() would take anyway (skb_dst_force()).
 */
static struct metadata_dst *tun_dst_get(struct xsw_vpa_ref *ref,
					const struct ip_tunnel_key *want,
					bool v4)
{
	struct metadata_dst *md = rcu_dereference(ref->tun_dst), *old;

	if (likely(md && tun_dst_current(md, want, v4) &&
		   dst_hold_safe(&md->dst)))
		return md;
	md = metadata_dst_alloc(0, METADATA_IP_TUNNEL, GFP_ATOMIC);
	if (unlikely(!md))
		return NULL;
	md->u.tun_info.key = *want;
	md->u.tun_info.mode = IP_TUNNEL_INFO_TX;
	if (!v4)
		md->u.tun_info.mode |= IP_TUNNEL_INFO_IPV6;
	/* Without the cache the frame still goes; the next one tries again. */
	if (dst_cache_init(&md->u.tun_info.dst_cache, GFP_ATOMIC))
		return md;
	/* One reference for the frame, one for @ref. */
	dst_hold(&md->dst);
	old = unrcu_pointer(xchg(&ref->tun_dst, RCU_INITIALIZER(md)));
	if (old)
		dst_release(&old->dst);
	return md;
}

/*
 * One encapsulated copy of a frame of @vs to @ref's PA; consumes @skb.
 * VXLAN goes through @dev, the switch's vxlan device; NVGRE through the
 * namespace's gretap device of the PA's family (vnet_gre.c).
 */
static void encap(const struct xsw_fwd_ctx *ctx, struct xsw_vnet_store *s,
		  const struct xsw_vsubnet *vs, struct net_device *dev,
		  struct xsw_vpa_ref *ref, struct sk_buff *skb)
{
	const struct in6_addr *pa = &ref->key.pa;
	struct xsw_switch *sw = ctx->src->sw;
	bool v4 = xsw_vaddr_is_v4(pa);
	const struct xsw_pa *local = xsw_pa_of_switch_rcu(s, sw, v4);
	__be64 tun_id = xsw_vnet_tun_id(vs->encap, ctx->vsid);
	__be16 tp_dst = 0, flags = TUNNEL_KEY;
	struct ip_tunnel_key key;
	struct metadata_dst *md;

	if (vs->encap == XSW_ENCAP_NVGRE) {
		dev = xsw_gre_dev_rcu(s, v4);
	} else {
		tp_dst = htons(READ_ONCE(sw->vxlan_port));
		/* IPv6 UDP needs a checksum (RFC 6935 allows none, not all do). */
		if (!v4)
			flags |= TUNNEL_CSUM;
	}
	if (unlikely(!local || !dev)) {
		xsw_drop(ctx->src, XSW_DROP_VNET_NO_ROUTE, skb);
		return;
	}
	if (v4) {
		ip_tunnel_key_init(&key, local->addr.s6_addr32[3],
				   pa->s6_addr32[3], 0, 64, 0, 0, tp_dst,
				   tun_id, flags);
	} else {
		ip_tunnel_key_init(&key, 0, 0, 0, 64, 0, 0, tp_dst, tun_id,
				   flags);
		key.u.ipv6.src = local->addr;
		key.u.ipv6.dst = *pa;
	}
	md = tun_dst_get(ref, &key, v4);
	if (unlikely(!md)) {
		xsw_drop(ctx->src, XSW_DROP_NOMEM, skb);
		return;
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
 *	of the VSID (of another VSID of its routing domain for a routed
 *	frame: @ctx->vsid is then the destination's), never the tunnel port
 * @skb: the copy for the tunnel port, past the egress steps
 *
 * Broadcast and multicast go as unicast copies to each PA of the VSID's
 * mappings that is not this switch's; unicast to the PA of the
 * destination MAC's mapping, counted as a hit of the mapping.  Drops are
 * counted on the source port; with no tunnel device for the frame
 * ("vnet-no-route"), for VXLAN once per frame, for NVGRE, whose device
 * depends on the PA's family, once per copy.
 *
 * Context: RCU, BH disabled.  Consumes @skb.
 */
void xsw_vnet_tx(const struct xsw_fwd_ctx *ctx, struct sk_buff *skb)
{
	struct xsw_switch *sw = ctx->src->sw;
	struct xsw_vnet_store *s = xsw_vnet_store(dev_net(sw->dev));
	const u8 *dest = eth_hdr(skb)->h_dest;
	struct net_device *dev = NULL;
	const struct xsw_vsubnet *vs;
	struct xsw_vpa_ref *ref;
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
	if (vs->encap == XSW_ENCAP_VXLAN) {
		dev = xsw_vtun_dev_rcu(sw);
		if (unlikely(!dev)) {
			xsw_drop(ctx->src, XSW_DROP_VNET_NO_ROUTE, skb);
			return;
		}
	}
	if (likely(!is_multicast_ether_addr(dest))) {
		m = xsw_vmap_lookup_mac(s, ctx->vsid, dest);
		if (unlikely(!m || xsw_vnet_pa_is_local(s, sw, &m->pa))) {
			xsw_drop(ctx->src, XSW_DROP_VNET_NO_MAPPING, skb);
			return;
		}
		xsw_vmap_hit(m);
		encap(ctx, s, vs, dev, m->ref, skb);
		return;
	}
	list_for_each_entry_rcu(ref, &vs->pas, node) {
		if (xsw_vnet_pa_is_local(s, sw, &ref->key.pa))
			continue;
		copy = skb_clone(skb, GFP_ATOMIC);
		if (unlikely(!copy))
			xsw_count(ctx->src, XSW_DROP_NOMEM);
		else
			encap(ctx, s, vs, dev, ref, copy);
	}
	consume_skb(skb);
}
