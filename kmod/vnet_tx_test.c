// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for vnet_tx.c: the address guard of a VSID port on IPv4,
 * IPv6 and ARP frames, from its CAs, from other addresses, and truncated.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/inet.h>
#include <linux/ip.h>
#include <linux/ipv6.h>

#include "vnet.h"
#include "vnet_test_util.h"

/* A port in a VSID with the CAs 10.1.1.11 and 2001:db8:1::11. */
static struct xsw_vport *guard_vport(struct kunit *test)
{
	struct xsw_vport *vp;

	vp = kunit_kzalloc(test, struct_size(vp, cas, 2), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, vp);
	vp->n_cas = 2;
	ipv6_addr_set_v4mapped(in_aton("10.1.1.11"), &vp->cas[0]);
	KUNIT_ASSERT_EQ(test, in6_pton("2001:db8:1::11", -1,
				       vp->cas[1].s6_addr, -1, NULL), 1);
	return vp;
}

static int run_guard(struct kunit *test, struct sk_buff *skb)
{
	int ret = xsw_vnet_guard(guard_vport(test), skb);

	kfree_skb(skb);
	return ret;
}

static int guard_ip4(struct kunit *test, const char *saddr, unsigned int len)
{
	struct iphdr ip = {
		.version = 4,
		.ihl = 5,
		.ttl = 64,
		.protocol = IPPROTO_ICMP,
		.saddr = in_aton(saddr),
		.daddr = in_aton("10.1.1.12"),
	};

	return run_guard(test, vnet_test_frame(test, htons(ETH_P_IP), &ip, len));
}

static void vnet_guard_ipv4(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, guard_ip4(test, "10.1.1.11", sizeof(struct iphdr)), -1);
	KUNIT_EXPECT_EQ(test, guard_ip4(test, "10.1.1.12", sizeof(struct iphdr)),
			XSW_DROP_VNET_SPOOFED_CA);
	KUNIT_EXPECT_EQ(test, guard_ip4(test, "0.0.0.0", sizeof(struct iphdr)),
			XSW_DROP_VNET_SPOOFED_CA);
	KUNIT_EXPECT_EQ(test, guard_ip4(test, "10.1.1.11", sizeof(struct iphdr) - 1),
			XSW_DROP_VNET_MALFORMED);
	KUNIT_EXPECT_EQ(test, guard_ip4(test, "10.1.1.11", 0),
			XSW_DROP_VNET_MALFORMED);
}

static int guard_ip6(struct kunit *test, const char *saddr, unsigned int len)
{
	struct ipv6hdr ip6 = {
		.version = 6,
		.nexthdr = IPPROTO_ICMPV6,
		.hop_limit = 255,
	};

	KUNIT_EXPECT_EQ(test, in6_pton(saddr, -1, ip6.saddr.s6_addr, -1, NULL), 1);
	return run_guard(test, vnet_test_frame(test, htons(ETH_P_IPV6), &ip6, len));
}

static void vnet_guard_ipv6(struct kunit *test)
{
	unsigned int len = sizeof(struct ipv6hdr);

	KUNIT_EXPECT_EQ(test, guard_ip6(test, "2001:db8:1::11", len), -1);
	/* Neighbour discovery: link-local sources and DAD from :: pass. */
	KUNIT_EXPECT_EQ(test, guard_ip6(test, "fe80::11", len), -1);
	KUNIT_EXPECT_EQ(test, guard_ip6(test, "::", len), -1);
	KUNIT_EXPECT_EQ(test, guard_ip6(test, "2001:db8:1::12", len),
			XSW_DROP_VNET_SPOOFED_CA);
	/* The CA's IPv4 address as IPv4-mapped IPv6 is not the CA. */
	KUNIT_EXPECT_EQ(test, guard_ip6(test, "::ffff:10.1.1.11", len),
			XSW_DROP_VNET_SPOOFED_CA);
	KUNIT_EXPECT_EQ(test, guard_ip6(test, "2001:db8:1::11", len - 1),
			XSW_DROP_VNET_MALFORMED);
}

static int guard_arp(struct kunit *test, const char *sip, u16 hrd,
		     unsigned int len)
{
	struct xsw_arp_eth arp = {
		.hdr = {
			.ar_hrd = htons(hrd),
			.ar_pro = htons(ETH_P_IP),
			.ar_hln = ETH_ALEN,
			.ar_pln = 4,
			.ar_op = htons(ARPOP_REQUEST),
		},
		.sip = in_aton(sip),
		.tip = in_aton("10.1.1.12"),
	};

	ether_addr_copy(arp.sha, vm_mac);
	return run_guard(test, vnet_test_frame(test, htons(ETH_P_ARP), &arp, len));
}

static void vnet_guard_arp(struct kunit *test)
{
	unsigned int len = sizeof(struct xsw_arp_eth);

	KUNIT_EXPECT_EQ(test, guard_arp(test, "10.1.1.11", ARPHRD_ETHER, len), -1);
	/* An ARP probe has no sender address yet. */
	KUNIT_EXPECT_EQ(test, guard_arp(test, "0.0.0.0", ARPHRD_ETHER, len), -1);
	KUNIT_EXPECT_EQ(test, guard_arp(test, "10.1.1.13", ARPHRD_ETHER, len),
			XSW_DROP_VNET_SPOOFED_CA);
	KUNIT_EXPECT_EQ(test, guard_arp(test, "10.1.1.11", ARPHRD_ETHER, len - 1),
			XSW_DROP_VNET_MALFORMED);
	KUNIT_EXPECT_EQ(test, guard_arp(test, "10.1.1.11", ARPHRD_IEEE802, len),
			XSW_DROP_VNET_MALFORMED);
}

static void vnet_guard_other(struct kunit *test)
{
	static const u8 lldp[16];
	struct sk_buff *skb;

	skb = vnet_test_frame(test, htons(ETH_P_LLDP), lldp, sizeof(lldp));
	KUNIT_EXPECT_EQ(test, run_guard(test, skb), -1);
}

static struct kunit_case vnet_guard_cases[] = {
	KUNIT_CASE(vnet_guard_ipv4),
	KUNIT_CASE(vnet_guard_ipv6),
	KUNIT_CASE(vnet_guard_arp),
	KUNIT_CASE(vnet_guard_other),
	{}
};

static struct kunit_suite vnet_guard_suite = {
	.name = "xswitch_vnet_guard",
	.test_cases = vnet_guard_cases,
};

kunit_test_suite(vnet_guard_suite);
