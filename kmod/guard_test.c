// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for guard.c: which frames DHCP guard and router guard drop,
 * including truncated and malformed ones.
 */

#include <kunit/test.h>
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/udp.h>
#include <net/ipv6.h>
#include <net/ndisc.h>

#include "xswitch.h"

enum l3 { V4, V6 };

struct guard_case {
	const char *desc;
	enum l3 l3;
	u8 proto;		/* L4 protocol */
	u16 sport;		/* UDP source port */
	u8 icmp_type;
	bool hbh;		/* IPv6: a hop-by-hop header before L4 */
	bool later_frag;	/* IPv4: a non-first fragment */
	int cut;		/* bytes cut off the end, -1: keep only Ethernet */
	u8 ihl;			/* IPv4 header length override, 0: 5 */
	int want;		/* reason, or -1 */
	u8 tags;		/* VLAN tags in the payload before IP */
};

static const struct guard_case guard_cases[] = {
	{ "dhcp server v4", V4, IPPROTO_UDP, 67, 0, false, false, 0, 0,
	  XSW_DROP_DHCP_GUARD },
	{ "dhcp client v4", V4, IPPROTO_UDP, 68, 0, false, false, 0, 0, -1 },
	{ "dhcpv6 server", V6, IPPROTO_UDP, 547, 0, false, false, 0, 0,
	  XSW_DROP_DHCP_GUARD },
	{ "dhcpv6 server after hop-by-hop", V6, IPPROTO_UDP, 547, 0, true,
	  false, 0, 0, XSW_DROP_DHCP_GUARD },
	{ "dhcpv6 client", V6, IPPROTO_UDP, 546, 0, false, false, 0, 0, -1 },
	{ "udp 67 over v6 is not dhcpv6", V6, IPPROTO_UDP, 67, 0, false,
	  false, 0, 0, -1 },
	{ "tcp port 67", V4, IPPROTO_TCP, 67, 0, false, false, 0, 0, -1 },
	{ "router advertisement", V6, IPPROTO_ICMPV6, 0,
	  NDISC_ROUTER_ADVERTISEMENT, false, false, 0, 0,
	  XSW_DROP_ROUTER_GUARD },
	{ "ra after hop-by-hop", V6, IPPROTO_ICMPV6, 0,
	  NDISC_ROUTER_ADVERTISEMENT, true, false, 0, 0,
	  XSW_DROP_ROUTER_GUARD },
	{ "icmpv6 redirect", V6, IPPROTO_ICMPV6, 0, NDISC_REDIRECT, false,
	  false, 0, 0, XSW_DROP_ROUTER_GUARD },
	{ "router solicitation", V6, IPPROTO_ICMPV6, 0,
	  NDISC_ROUTER_SOLICITATION, false, false, 0, 0, -1 },
	{ "icmpv4 redirect", V4, IPPROTO_ICMP, 0, ICMP_REDIRECT, false,
	  false, 0, 0, XSW_DROP_ROUTER_GUARD },
	{ "icmpv4 echo", V4, IPPROTO_ICMP, 0, ICMP_ECHO, false, false, 0, 0,
	  -1 },
	{ "later fragment", V4, IPPROTO_UDP, 67, 0, false, true, 0, 0, -1 },
	{ "udp header cut", V4, IPPROTO_UDP, 67, 0, false, false, 8, 0, -1 },
	{ "icmpv6 type cut", V6, IPPROTO_ICMPV6, 0,
	  NDISC_ROUTER_ADVERTISEMENT, false, false, 8, 0, -1 },
	{ "ipv4 header cut", V4, IPPROTO_UDP, 67, 0, false, false, 20, 0, -1 },
	{ "ipv6 header cut", V6, IPPROTO_UDP, 547, 0, false, false, 40, 0,
	  -1 },
	{ "ethernet only v4", V4, IPPROTO_UDP, 67, 0, false, false, -1, 0,
	  -1 },
	{ "ethernet only v6", V6, IPPROTO_UDP, 547, 0, false, false, -1, 0,
	  -1 },
	{ "ihl too small", V4, IPPROTO_UDP, 67, 0, false, false, 0, 4, -1 },
	{ "ihl past the end", V4, IPPROTO_UDP, 67, 0, false, false, 0, 15,
	  -1 },
	{ "dhcp server v4 behind a tag", V4, IPPROTO_UDP, 67, 0, false,
	  false, 0, 0, XSW_DROP_DHCP_GUARD, 1 },
	{ "ra behind two tags", V6, IPPROTO_ICMPV6, 0,
	  NDISC_ROUTER_ADVERTISEMENT, false, false, 0, 0,
	  XSW_DROP_ROUTER_GUARD, 2 },
	{ "dhcp server behind three tags", V4, IPPROTO_UDP, 67, 0, false,
	  false, 0, 0, -1, 3 },
	{ "tag cut", V4, IPPROTO_UDP, 67, 0, false, false, -1, 0, -1, 1 },
};

static void guard_case_desc(const struct guard_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(guard_case, guard_cases, guard_case_desc);

/* Ethernet + IP + 8 bytes of L4 header, as the case says. */
static struct sk_buff *build(struct kunit *test, const struct guard_case *c)
{
	struct sk_buff *skb = alloc_skb(256, GFP_KERNEL);
	u8 l4[8] = {};
	__be16 *proto;
	int len, i;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_reserve(skb, 64);
	proto = &((struct ethhdr *)skb_put_zero(skb, ETH_HLEN))->h_proto;
	skb_reset_mac_header(skb);
	/* 802.1ad outside, 802.1Q inside, as QinQ has them. */
	for (i = 0; i < c->tags; i++) {
		struct vlan_hdr *vh = skb_put_zero(skb, VLAN_HLEN);

		*proto = htons(i ? ETH_P_8021Q : ETH_P_8021AD);
		proto = &vh->h_vlan_encapsulated_proto;
	}
	*proto = htons(c->l3 == V4 ? ETH_P_IP : ETH_P_IPV6);

	if (c->proto == IPPROTO_UDP || c->proto == IPPROTO_TCP)
		*(__be16 *)l4 = htons(c->sport);
	else
		l4[0] = c->icmp_type;

	if (c->l3 == V4) {
		struct iphdr *iph = skb_put_zero(skb, sizeof(*iph));

		iph->version = 4;
		iph->ihl = c->ihl ?: 5;
		iph->protocol = c->proto;
		if (c->later_frag)
			iph->frag_off = htons(185);
	} else {
		struct ipv6hdr *ip6h = skb_put_zero(skb, sizeof(*ip6h));

		ip6h->version = 6;
		ip6h->nexthdr = c->proto;
		if (c->hbh) {
			u8 *hbh = skb_put_zero(skb, 8);

			ip6h->nexthdr = NEXTHDR_HOP;
			hbh[0] = c->proto;	/* next header, length 0 */
			hbh[2] = 1;		/* PadN option */
			hbh[3] = 4;
		}
	}
	skb_put_data(skb, l4, sizeof(l4));

	len = c->cut < 0 ? ETH_HLEN + (c->tags ? 2 : 0) : skb->len - c->cut;
	skb_trim(skb, len);
	return skb;
}

static void guard_classifies(struct kunit *test)
{
	const struct guard_case *c = test->param_value;
	struct xsw_port_policy pol = { .dhcp_guard = true,
				       .router_guard = true };
	struct sk_buff *skb = build(test, c);

	KUNIT_EXPECT_EQ(test, xsw_guard_check(&pol, skb), c->want);
	kfree_skb(skb);
}

/* What @skb gets with only the guard(s) in @pol on. */
static int check_with(struct sk_buff *skb, bool dhcp, bool router)
{
	struct xsw_port_policy pol = { .dhcp_guard = dhcp,
				       .router_guard = router };

	return xsw_guard_check(&pol, skb);
}

/* Each guard drops only its own frames, and nothing when off. */
static void guard_only_when_on(struct kunit *test)
{
	const struct guard_case *c = test->param_value;
	struct sk_buff *skb = build(test, c);
	int off, dhcp, router;

	off = check_with(skb, false, false);
	dhcp = check_with(skb, true, false);
	router = check_with(skb, false, true);
	kfree_skb(skb);

	KUNIT_EXPECT_EQ(test, off, -1);
	KUNIT_EXPECT_EQ(test, dhcp,
			c->want == XSW_DROP_DHCP_GUARD ? c->want : -1);
	KUNIT_EXPECT_EQ(test, router,
			c->want == XSW_DROP_ROUTER_GUARD ? c->want : -1);
}

static void guard_ignores_other_ethertypes(struct kunit *test)
{
	struct xsw_port_policy pol = { .dhcp_guard = true,
				       .router_guard = true };
	struct sk_buff *skb = alloc_skb(128, GFP_KERNEL);
	struct ethhdr *eth;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	eth = skb_put_zero(skb, 64);
	eth->h_proto = htons(ETH_P_ARP);
	skb_reset_mac_header(skb);
	KUNIT_EXPECT_EQ(test, xsw_guard_check(&pol, skb), -1);
	kfree_skb(skb);
}

static struct kunit_case guard_test_cases[] = {
	KUNIT_CASE_PARAM(guard_classifies, guard_case_gen_params),
	KUNIT_CASE_PARAM(guard_only_when_on, guard_case_gen_params),
	KUNIT_CASE(guard_ignores_other_ethertypes),
	{}
};

static struct kunit_suite guard_test_suite = {
	.name = "xswitch_guard",
	.test_cases = guard_test_cases,
};

kunit_test_suite(guard_test_suite);
