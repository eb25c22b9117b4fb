// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch network virtualisation: the ARP and IPv6 neighbour discovery
 * responder.
 *
 * A VM in a VSID learns its neighbours' MACs from the switch, which
 * answers from the mapping table, as Hyper-V's host agent does: an ARP
 * request or neighbour solicitation from a VSID port, for target T, in
 * VSID V of routing domain R, is
 *
 *   answered with the router's MAC   T is V's gateway (the NA has the
 *                                    router flag)
 *   answered with the mapping's MAC  a mapping (R, T) is in V
 *   passed (flooded, as any          T is a CA of another local port of
 *   broadcast)                       V that has no mapping: a host
 *                                    without mappings keeps working
 *   dropped, "vnet-no-mapping"       anything else: no mapping, no reply
 *
 * What is not a question for the responder passes untouched: ARP replies,
 * gratuitous ARP and ARP probes (sender 0.0.0.0, or sender = target),
 * IPv6 duplicate address detection (source ::), solicitations for
 * link-local targets (no CA or mapping is link-local; VMs of a VSID keep
 * reaching each other's link-local addresses as they did), and other
 * EtherTypes, including a frame whose tag stayed in the payload (802.1ad;
 * the address guard lets those pass too).  A solicitation that breaks RFC
 * 4861's validity rules (section 7.1.1: hop limit 255, code 0, ICMPv6
 * length and checksum, options of non-zero length within the message, a
 * unicast target, DAD to the solicited-node group without a source
 * link-layer option; the checksum is not checked on a frame whose sender
 * left it to offload, CHECKSUM_PARTIAL) is dropped as "vnet-malformed", as
 * is a truncated or non-Ethernet/IPv4 ARP packet.  A solicitation for an
 * IPv4-mapped address asks for no IPv6 CA: "vnet-no-mapping".
 *
 * Where it sits: forward.c calls xsw_vnet_nd() once the request has taken
 * the whole ingress (the address guard, the ingress extensions, forwarding,
 * the port's "in" ACL and rate limit), in place of egress, for frames from
 * a VSID port, not from the tunnel port nor frames an extension injected.
 * The responder stands in for the destination, so the request meets what a
 * frame to the destination would meet on its way in, and the reply what a
 * frame from it would meet on its way out: it is a new frame, sent out of
 * the asking port only, through that port's egress (its "out" ACL and rate
 * limit, the egress extensions, its VLAN tagging and MTU) and counted in
 * its tx counters.  A VM behind an ACL that denies ARP or NA out of its
 * port so gets no answer, as the README's ACL section already says of
 * address resolution, and a capture extension sees both halves.  The
 * reply's context has no source port (as a frame xsw_inject_egress() sent)
 * and the request's VLAN and VSID.  A reply that cannot be allocated drops
 * the request as "nomem", and the VM asks again.
 *
 * Answers: an ARP reply (sender: the answered MAC and T; target: the
 * request's sender), or a neighbour advertisement from T to the
 * solicitation's source, hop limit 255, solicited and override flags set,
 * with a target link-layer address option.  The Ethernet destination is
 * the request's Ethernet source (the port's MAC, unless the port may
 * spoof MACs); whatever it is, the reply goes to the asking port alone.
 *
 * Everything runs under RCU with BH disabled; the reply is allocated
 * GFP_ATOMIC; nothing is locked.  Frames other than ARP and ICMPv6 never
 * get here: xsw_vnet_nd_wanted() costs them two EtherType compares, and
 * IPv6 a look at its next header.
 */

#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/ipv6.h>
#include <net/addrconf.h>
#include <net/ip6_checksum.h>
#include <net/ndisc.h>

#include "vnet.h"

/* A neighbour advertisement with its target link-layer address option */
struct nd_na {
	struct icmp6hdr icmph;
	struct in6_addr target;
	u8 opt_type;
	u8 opt_len;		/* in units of 8 bytes */
	u8 opt_mac[ETH_ALEN];
};

static int arp_parse(struct sk_buff *skb, struct xsw_nd_req *req)
{
	const struct xsw_arp_eth *arp = xsw_vnet_arp(skb, ETH_HLEN);

	if (!arp)
		return XSW_DROP_VNET_MALFORMED;
	/* Replies, probes and gratuitous ARP announce; nobody asks. */
	if (arp->hdr.ar_op != htons(ARPOP_REQUEST) || !arp->sip ||
	    arp->sip == arp->tip)
		return -1;
	req->arp = true;
	ipv6_addr_set_v4mapped(arp->tip, &req->target);
	ipv6_addr_set_v4mapped(arp->sip, &req->sender);
	memcpy(req->sha, arp->sha, ETH_ALEN);
	return 0;
}

/* The options of a solicitation of @len bytes: sound?  *@slla if one is. */
static bool ns_options(const struct nd_msg *ns, unsigned int len, bool *slla)
{
	unsigned int off = sizeof(*ns);
	const u8 *opt;

	*slla = false;
	while (off < len) {
		opt = (const u8 *)ns + off;
		if (len - off < 2 || !opt[1] || opt[1] * 8 > len - off)
			return false;
		if (opt[0] == ND_OPT_SOURCE_LL_ADDR)
			*slla = true;
		off += opt[1] * 8;
	}
	return true;
}

static int ns_parse(struct sk_buff *skb, struct xsw_nd_req *req)
{
	const unsigned int off = ETH_HLEN + sizeof(struct ipv6hdr);
	const struct ipv6hdr *ip6;
	const struct nd_msg *ns;
	unsigned int len;
	bool slla;

	if (!pskb_may_pull(skb, off))
		return XSW_DROP_VNET_MALFORMED;
	ip6 = (const struct ipv6hdr *)(skb->data + ETH_HLEN);
	if (ip6->nexthdr != IPPROTO_ICMPV6)
		return -1;
	/* Too short for a type: no solicitation, not the responder's. */
	if (!pskb_may_pull(skb, off + 1) ||
	    skb->data[off] != NDISC_NEIGHBOUR_SOLICITATION)
		return -1;

	ip6 = (const struct ipv6hdr *)(skb->data + ETH_HLEN);
	len = ntohs(ip6->payload_len);
	if (ip6->version != 6 || len < sizeof(*ns) ||
	    !pskb_may_pull(skb, off + len))
		return XSW_DROP_VNET_MALFORMED;
	ip6 = (const struct ipv6hdr *)(skb->data + ETH_HLEN);
	ns = (const struct nd_msg *)(skb->data + off);
	if (ip6->hop_limit != 255 || ns->icmph.icmp6_code ||
	    ipv6_addr_is_multicast(&ns->target) ||
	    ipv6_addr_is_multicast(&ip6->saddr) ||
	    !ns_options(ns, len, &slla))
		return XSW_DROP_VNET_MALFORMED;
	/* A sender that offloads the checksum has not written it yet. */
	if (skb->ip_summed != CHECKSUM_PARTIAL &&
	    csum_ipv6_magic(&ip6->saddr, &ip6->daddr, len, IPPROTO_ICMPV6,
			    csum_partial(ns, len, 0)))
		return XSW_DROP_VNET_MALFORMED;
	if (ipv6_addr_any(&ip6->saddr)) {
		/* Duplicate address detection: the owner answers, if any. */
		if (slla || !ipv6_addr_is_solict_mult(&ip6->daddr))
			return XSW_DROP_VNET_MALFORMED;
		return -1;
	}
	req->arp = false;
	req->target = ns->target;
	req->sender = ip6->saddr;
	return 0;
}

/**
 * xsw_vnet_nd_parse - read a question for the responder
 * @skb: an ARP or IPv6 frame, skb->data at the Ethernet header, its tag
 *	if any out of the payload
 * @req: filled in when the frame is a question
 *
 * Return: 0 for an ARP request or neighbour solicitation to answer (or
 * not, by the mappings); -1 for a frame that is none (to pass); or
 * XSW_DROP_VNET_MALFORMED.  May pull headers into the linear area.
 */
int xsw_vnet_nd_parse(struct sk_buff *skb, struct xsw_nd_req *req)
{
	__be16 proto = ((const struct ethhdr *)skb->data)->h_proto;
	int ret;

	if (proto == htons(ETH_P_ARP))
		ret = arp_parse(skb, req);
	else if (proto == htons(ETH_P_IPV6))
		ret = ns_parse(skb, req);
	else
		return -1;
	/* Read after the pulls, which may have moved the header. */
	if (!ret)
		ether_addr_copy(req->eth_src,
				((const struct ethhdr *)skb->data)->h_source);
	return ret;
}

/* A new frame of @len bytes after its Ethernet header, from @mac to @req. */
static struct sk_buff *reply_alloc(const struct xsw_nd_req *req,
				   const u8 *mac, __be16 proto,
				   unsigned int len)
{
	struct sk_buff *skb;
	struct ethhdr *eth;

	/* NET_SKB_PAD leaves room for a VLAN tag pushed in software. */
	skb = alloc_skb(NET_SKB_PAD + ETH_HLEN + len, GFP_ATOMIC);
	if (unlikely(!skb))
		return NULL;
	skb_reserve(skb, NET_SKB_PAD);
	eth = skb_put(skb, ETH_HLEN);
	ether_addr_copy(eth->h_dest, req->eth_src);
	ether_addr_copy(eth->h_source, mac);
	eth->h_proto = proto;
	skb_reset_mac_header(skb);
	skb_set_network_header(skb, ETH_HLEN);
	skb->protocol = proto;
	return skb;
}

static struct sk_buff *arp_reply(const struct xsw_nd_req *req, const u8 *mac)
{
	struct sk_buff *skb;
	struct xsw_arp_eth *arp;

	skb = reply_alloc(req, mac, htons(ETH_P_ARP), sizeof(*arp));
	if (unlikely(!skb))
		return NULL;
	arp = skb_put(skb, sizeof(*arp));
	arp->hdr.ar_hrd = htons(ARPHRD_ETHER);
	arp->hdr.ar_pro = htons(ETH_P_IP);
	arp->hdr.ar_hln = ETH_ALEN;
	arp->hdr.ar_pln = 4;
	arp->hdr.ar_op = htons(ARPOP_REPLY);
	memcpy(arp->sha, mac, ETH_ALEN);
	arp->sip = req->target.s6_addr32[3];
	memcpy(arp->tha, req->sha, ETH_ALEN);
	arp->tip = req->sender.s6_addr32[3];
	return skb;
}

static struct sk_buff *na_reply(const struct xsw_nd_req *req, const u8 *mac,
				bool router)
{
	struct ipv6hdr *ip6;
	struct sk_buff *skb;
	struct nd_na *na;

	BUILD_BUG_ON(sizeof(*na) != sizeof(struct nd_msg) + 8);
	skb = reply_alloc(req, mac, htons(ETH_P_IPV6),
			  sizeof(*ip6) + sizeof(*na));
	if (unlikely(!skb))
		return NULL;
	ip6 = skb_put(skb, sizeof(*ip6));
	ip6_flow_hdr(ip6, 0, 0);
	ip6->payload_len = htons(sizeof(*na));
	ip6->nexthdr = IPPROTO_ICMPV6;
	ip6->hop_limit = 255;
	ip6->saddr = req->target;
	ip6->daddr = req->sender;

	na = skb_put_zero(skb, sizeof(*na));
	na->icmph.icmp6_type = NDISC_NEIGHBOUR_ADVERTISEMENT;
	na->icmph.icmp6_router = router;
	na->icmph.icmp6_solicited = 1;
	na->icmph.icmp6_override = 1;
	na->target = req->target;
	na->opt_type = ND_OPT_TARGET_LL_ADDR;
	na->opt_len = 1;
	memcpy(na->opt_mac, mac, ETH_ALEN);
	na->icmph.icmp6_cksum =
		csum_ipv6_magic(&ip6->saddr, &ip6->daddr, sizeof(*na),
				IPPROTO_ICMPV6, csum_partial(na, sizeof(*na), 0));
	return skb;
}

/**
 * xsw_vnet_nd_build - the answer to a question
 * @req: the question, from xsw_vnet_nd_parse()
 * @mac: the MAC of @req->target
 * @router: @req->target is the distributed router (the NA's router flag)
 *
 * Context: any; allocates with GFP_ATOMIC.
 * Return: the ARP reply or neighbour advertisement, skb->data at its
 * Ethernet header; NULL when out of memory.
 */
struct sk_buff *xsw_vnet_nd_build(const struct xsw_nd_req *req,
				  const u8 *mac, bool router)
{
	return req->arp ? arp_reply(req, mac) : na_reply(req, mac, router);
}

/*
 * Is @addr a CA of a port of @vsid on @src's switch, other than @src?
 * Walks the ports, but only for a question no mapping answers.
 */
static bool local_ca(const struct xsw_port *src, u32 vsid,
		     const struct in6_addr *addr)
{
	const struct xsw_vport *vp;
	struct xsw_port *port;

	list_for_each_entry_rcu(port, &src->sw->ports, list) {
		if (port == src)
			continue;
		vp = rcu_dereference(port->vport);
		if (vp && vp->vs->vsid == vsid && xsw_vport_has_ca(vp, addr))
			return true;
	}
	return false;
}

/**
 * xsw_vnet_nd - the responder's step for a frame from a VSID port
 * @src: the port, in a VSID
 * @vp: its membership (@src->vport)
 * @skb: the frame, skb->data at the Ethernet header
 * @reply: set to the answer to send out of @src, or NULL
 *
 * Context: RCU, BH disabled.  Does not consume @skb.
 * Return: -1 with *@reply set: @skb was answered, to be consumed; -1
 * with *@reply NULL: let @skb go on; else the reason to drop @skb for
 * (XSW_DROP_VNET_NO_MAPPING, _VNET_MALFORMED or _NOMEM).
 */
int xsw_vnet_nd(const struct xsw_port *src, const struct xsw_vport *vp,
		struct sk_buff *skb, struct sk_buff **reply)
{
	const struct xsw_vsubnet *vs = vp->vs;
	const struct xsw_vmap *m;
	struct xsw_nd_req req;
	bool router = false;
	const u8 *mac;
	int ret;

	*reply = NULL;
	ret = xsw_vnet_nd_parse(skb, &req);
	if (ret)
		return ret;
	if (!req.arp) {
		if (ipv6_addr_type(&req.target) & IPV6_ADDR_LINKLOCAL)
			return -1;
		/* IPv4 CAs are kept IPv4-mapped: such a target is not one. */
		if (ipv6_addr_v4mapped(&req.target))
			return XSW_DROP_VNET_NO_MAPPING;
	}
	if (vs->has_gateway && ipv6_addr_equal(&vs->gateway, &req.target)) {
		mac = xsw_vnet_router_mac;
		router = true;
	} else {
		m = xsw_vmap_lookup_ca(xsw_vnet_store(dev_net(src->sw->dev)),
				       vs->rdid, &req.target);
		if (m && m->kmac.vsid == vs->vsid)
			mac = m->kmac.mac;
		else if (local_ca(src, vs->vsid, &req.target))
			return -1;
		else
			return XSW_DROP_VNET_NO_MAPPING;
	}
	*reply = xsw_vnet_nd_build(&req, mac, router);
	return *reply ? -1 : XSW_DROP_NOMEM;
}
