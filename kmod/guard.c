// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: DHCP guard and router guard, Hyper-V's port protections
 * against a VM that pretends to be a DHCP server or a router.
 *
 * The frame is read with skb->data at its Ethernet header; the outer
 * 802.1Q tag is already out of the payload.  Tags left in it (802.1ad,
 * which the switch carries as payload, or a tag inside the frame's VLAN)
 * are looked through (xsw_vlan_payload()): a VM must not hide a server
 * message from the guards behind a tag that a receiver, or the network
 * behind a trunk, takes off.  Headers are pulled before they are read; a frame too
 * short to hold the headers its ethertype promises is not a server
 * message and passes.
 */

#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/udp.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/ndisc.h>

#include "xswitch.h"

#define DHCP_SERVER_PORT	67
#define DHCPV6_SERVER_PORT	547
struct l4 {
	u8 proto;
	bool v6;
	int off;		/* from skb->data */
};

/* The L4 header of the first fragment; false if there is none to read. */
static bool find_l4(struct sk_buff *skb, struct l4 *l4)
{
	__be16 proto;
	int off = xsw_vlan_payload(skb, &proto);

	if (off < 0)
		return false;
	l4->v6 = proto == htons(ETH_P_IPV6);
	if (proto == htons(ETH_P_IP)) {
		const struct iphdr *iph;

		if (!pskb_may_pull(skb, off + sizeof(*iph)))
			return false;
		iph = (const struct iphdr *)(skb->data + off);
		/* Only the first fragment holds the L4 header. */
		if (iph->ihl < 5 || iph->version != 4 ||
		    (iph->frag_off & htons(IP_OFFSET)))
			return false;
		l4->proto = iph->protocol;
		l4->off = off + iph->ihl * 4;
		return true;
	}
	if (proto == htons(ETH_P_IPV6)) {
		const struct ipv6hdr *ip6h;
		__be16 frag_off;
		u8 nexthdr;
		int l4off;

		if (!pskb_may_pull(skb, off + sizeof(*ip6h)))
			return false;
		ip6h = (const struct ipv6hdr *)(skb->data + off);
		if (ip6h->version != 6)
			return false;
		nexthdr = ip6h->nexthdr;
		l4off = ipv6_skip_exthdr(skb, off + sizeof(*ip6h), &nexthdr,
					 &frag_off);
		if (l4off < 0 || (frag_off & htons(~0x7)))
			return false;
		l4->proto = nexthdr;
		l4->off = l4off;
		return true;
	}
	return false;
}

static bool is_dhcp_server(struct sk_buff *skb, const struct l4 *l4, bool v6)
{
	const struct udphdr *uh;

	if (l4->proto != IPPROTO_UDP ||
	    !pskb_may_pull(skb, l4->off + sizeof(*uh)))
		return false;
	uh = (const struct udphdr *)(skb->data + l4->off);
	return uh->source == htons(v6 ? DHCPV6_SERVER_PORT : DHCP_SERVER_PORT);
}

static bool is_router_message(struct sk_buff *skb, const struct l4 *l4,
			      bool v6)
{
	u8 type;

	if (l4->proto != (v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP) ||
	    !pskb_may_pull(skb, l4->off + 1))
		return false;
	type = skb->data[l4->off];
	if (v6)
		return type == NDISC_ROUTER_ADVERTISEMENT ||
		       type == NDISC_REDIRECT;
	return type == ICMP_REDIRECT;
}

/**
 * xsw_guard_check - apply a port's DHCP and router guards to a frame
 * @pol: the ingress port's policy
 * @skb: the frame, skb->data at its Ethernet header
 *
 * Return: the drop reason, or -1 to let the frame pass.
 */
int xsw_guard_check(const struct xsw_port_policy *pol, struct sk_buff *skb)
{
	struct l4 l4;

	if (!find_l4(skb, &l4))
		return -1;
	if (pol->dhcp_guard && is_dhcp_server(skb, &l4, l4.v6))
		return XSW_DROP_DHCP_GUARD;
	if (pol->router_guard && is_router_message(skb, &l4, l4.v6))
		return XSW_DROP_ROUTER_GUARD;
	return -1;
}
