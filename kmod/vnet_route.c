// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch network virtualisation: the distributed router.
 *
 * Every host routes between the virtual subnets of a routing domain for
 * the frames its own VMs send, as HNV's distributed router does: a VM
 * sends a frame for another subnet to its gateway, whose address resolves
 * to xsw_vnet_router_mac on every host, and the switch it is plugged
 * into routes it there and then.  The built-in forwarding step
 * (forward.c) calls xsw_vnet_route() for a unicast frame of a VSID whose
 * destination MAC is the router's; every other frame pays one compare.
 *
 *   lookup     the destination IPv4 or IPv6 address in the frame's
 *              routing domain, by (RDID, CA) in the mapping table: never
 *              across domains.  Other EtherTypes, and addresses in no
 *              prefix of the domain, are "vnet-no-route"; an address in a
 *              prefix but with no mapping is "vnet-no-mapping".
 *   TTL        a TTL or hop limit of 1 or less is dropped as "vnet-ttl".
 *              No ICMP time exceeded is sent: the switch has no address
 *              of its own in the customer's network to send it from, and
 *              HNV sends none either.  (traceroute through the gateway
 *              shows nothing for the hop.)
 *   rewrite    source MAC the router's, destination MAC the mapping's,
 *              TTL decremented (IPv4 header checksum updated) or hop
 *              limit decremented, the frame's VSID (ctx->vsid) the
 *              mapping's.
 *   deliver    a mapping to one of this switch's PAs: the local port of
 *              the new VSID with the mapping's CA; to a remote PA: the
 *              tunnel port, whose transmit (vnet_tx.c) encapsulates with
 *              the new VSID.  The rest of the pipeline (ingress ACL and
 *              rate limit, egress isolation, ACL, QoS, extensions) sees
 *              the routed frame, in its new VSID.
 *
 * The receiving host accepts the encapsulated frame although it comes
 * from a PA that may host no VM of the destination's VSID: vnet_tun.c
 * checks the outer source against the PAs of the whole routing domain.
 *
 * A frame that arrives decapsulated for the router's MAC (the sending host
 * did not route it: a Linux vxlan host with a static neighbour entry for
 * the gateway, say) is routed too, when the destination is a VM of this
 * host; one whose destination is on another host is dropped as
 * "vnet-no-route", since a frame never goes back into the tunnel.
 *
 * Context: RCU with BH disabled, as the whole pipeline; no lock, no atomic
 * (a mapping's hit counter is per CPU).
 */

#include <linux/etherdevice.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <net/ip.h>

#include "vnet.h"

/* Is @addr inside a prefix of a vsubnet of @vnet?  Context: RCU. */
static bool vnet_has_prefix(const struct xsw_vnet *vnet,
			    const struct in6_addr *addr)
{
	const struct xsw_vsubnet *vs;

	list_for_each_entry_rcu(vs, &vnet->vsubnets, node)
		if (xsw_vprefix_contains(vs->prefixes, vs->n_prefixes, addr))
			return true;
	return false;
}

/**
 * xsw_vnet_route_lookup - the mapping a frame to the router goes to
 * @s: the store
 * @vs: the frame's virtual subnet, its source's
 * @skb: the frame, skb->data at its Ethernet header
 * @mp: set to the mapping
 *
 * Pulls in the IPv4 or IPv6 header, refuses a TTL or hop limit that would
 * run out here, and looks the destination address up in @vs's routing
 * domain, no other.
 *
 * Context: RCU.
 * Return: -1 with *@mp set, else the drop reason.
 */
int xsw_vnet_route_lookup(struct xsw_vnet_store *s,
			  const struct xsw_vsubnet *vs, struct sk_buff *skb,
			  struct xsw_vmap **mp)
{
	const struct ipv6hdr *ip6;
	const struct iphdr *ip;
	struct in6_addr daddr;
	struct xsw_vmap *m;
	u8 ttl;

	switch (eth_hdr(skb)->h_proto) {
	case htons(ETH_P_IP):
		ip = xsw_vnet_ip4_hdr(skb, ETH_HLEN);
		if (!ip)
			return XSW_DROP_VNET_MALFORMED;
		ipv6_addr_set_v4mapped(ip->daddr, &daddr);
		ttl = ip->ttl;
		break;
	case htons(ETH_P_IPV6):
		ip6 = xsw_vnet_ip6_hdr(skb, ETH_HLEN);
		if (!ip6)
			return XSW_DROP_VNET_MALFORMED;
		/* IPv4 CAs are kept IPv4-mapped: such an address is none. */
		if (ipv6_addr_v4mapped(&ip6->daddr))
			return XSW_DROP_VNET_NO_ROUTE;
		daddr = ip6->daddr;
		ttl = ip6->hop_limit;
		break;
	default:
		return XSW_DROP_VNET_NO_ROUTE;
	}
	if (ttl <= 1)
		return XSW_DROP_VNET_TTL;
	m = xsw_vmap_lookup_ca(s, vs->rdid, &daddr);
	if (!m)
		return vnet_has_prefix(vs->vnet, &daddr) ?
		       XSW_DROP_VNET_NO_MAPPING : XSW_DROP_VNET_NO_ROUTE;
	*mp = m;
	return -1;
}

/**
 * xsw_vnet_route_rewrite - what the router does to the frame it routes
 * @skb: the frame, checked by xsw_vnet_route_lookup()
 * @mac: the destination's MAC
 *
 * Makes the headers writable first: the frame may be a clone (a packet
 * socket on the VM's device holds the other one).  The IPv4 checksum is
 * updated incrementally; a CHECKSUM_COMPLETE sum no longer matches the
 * packet and is dropped, as the kernel's own forwarding does.
 *
 * Return: -1, or XSW_DROP_NOMEM.
 */
int xsw_vnet_route_rewrite(struct sk_buff *skb, const u8 *mac)
{
	bool v4 = eth_hdr(skb)->h_proto == htons(ETH_P_IP);
	struct ethhdr *eth;

	if (skb_ensure_writable(skb, ETH_HLEN + (v4 ? sizeof(struct iphdr) :
						 sizeof(struct ipv6hdr))))
		return XSW_DROP_NOMEM;
	eth = eth_hdr(skb);
	ether_addr_copy(eth->h_dest, mac);
	ether_addr_copy(eth->h_source, xsw_vnet_router_mac);
	if (v4)
		ip_decrease_ttl((struct iphdr *)(skb->data + ETH_HLEN));
	else
		((struct ipv6hdr *)(skb->data + ETH_HLEN))->hop_limit--;
	skb_forward_csum(skb);
	return -1;
}

/* The local port of @m's VM: the FDB's if in its VSID, else by its CA */
static struct xsw_port *local_port(const struct xsw_fwd_ctx *ctx,
				   struct xsw_switch *sw,
				   const struct xsw_vmap *m)
{
	struct xsw_port *port = xsw_fdb_lookup(sw, m->kmac.mac, ctx->vlan);

	if (port && xsw_port_vsid(port) == m->kmac.vsid)
		return port;
	return xsw_vnet_local_port(sw, m);
}

/**
 * xsw_vnet_route - route a frame of a VSID sent to the router's MAC
 * @ctx: the frame's context, @ctx->vsid the source's VSID; on success
 *	the destination's, with the one destination in @ctx->dst
 * @skb: the frame, unicast to xsw_vnet_router_mac
 *
 * Finds the destination's mapping, then where it goes (a local port of
 * its VSID, or the tunnel port for a remote PA), then rewrites the frame;
 * a frame that is dropped is left as it came.  A local delivery counts a
 * hit of the mapping; xsw_vnet_tx() counts the hit of a remote one.
 *
 * Context: RCU, BH disabled.
 * Return: -1, or the drop reason; the caller drops the frame.
 */
int xsw_vnet_route(struct xsw_fwd_ctx *ctx, struct sk_buff *skb)
{
	struct xsw_switch *sw = ctx->src->sw;
	struct xsw_vnet_store *s = xsw_vnet_store(dev_net(sw->dev));
	const struct xsw_vsubnet *vs = xsw_vsubnet_lookup_rcu(s, ctx->vsid);
	struct xsw_port *dst;
	struct xsw_vmap *m;
	int reason;

	if (unlikely(!vs))
		return XSW_DROP_VNET_UNKNOWN_VSID;
	reason = xsw_vnet_route_lookup(s, vs, skb, &m);
	if (reason >= 0)
		return reason;
	/* The key's VSID: the VSID the frame moves to. */
	ctx->vsid = m->kmac.vsid;
	if (xsw_vnet_pa_is_local(s, sw, &m->pa))
		dst = local_port(ctx, sw, m);
	else if (ctx->src != &sw->tunnel)
		dst = &sw->tunnel;
	else
		return XSW_DROP_VNET_NO_ROUTE;
	if (!dst)
		return XSW_DROP_VNET_NO_MAPPING;
	reason = xsw_vnet_route_rewrite(skb, m->kmac.mac);
	if (reason >= 0)
		return reason;
	if (dst != &sw->tunnel)
		xsw_vmap_hit(m);
	ctx->dst[0] = dst;
	ctx->n_dst = 1;
	return -1;
}
