// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for vnet_route.c: the router's lookup (the destination's
 * mapping, only in the frame's own routing domain, and the reasons it
 * gives when there is none), its TTL and hop limit check, and its rewrite
 * of the MACs, the TTL with the IPv4 checksum, and the hop limit, on a
 * clone whose original must not change.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <net/ip.h>

#include "vnet_test_util.h"

static const u8 dst_mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0x50, 0x22 };

/* A frame to the router from vm_mac: @len bytes of @payload, freed by us */
static struct sk_buff *frame(struct kunit *test, __be16 proto,
			     const void *payload, unsigned int len)
{
	struct sk_buff *skb = alloc_skb(ETH_HLEN + len, GFP_KERNEL);
	struct ethhdr *eth;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	eth = skb_put(skb, ETH_HLEN);
	ether_addr_copy(eth->h_dest, xsw_vnet_router_mac);
	ether_addr_copy(eth->h_source, vm_mac);
	eth->h_proto = proto;
	skb_put_data(skb, payload, len);
	skb_reset_mac_header(skb);
	return skb;
}

static struct sk_buff *frame4(struct kunit *test, const char *daddr, u8 ttl,
			      unsigned int len)
{
	struct iphdr ip = {
		.version = 4,
		.ihl = 5,
		.ttl = ttl,
		.protocol = IPPROTO_ICMP,
		.tot_len = htons(sizeof(ip)),
		.saddr = in_aton("10.1.1.11"),
		.daddr = in_aton(daddr),
	};

	ip.check = ip_fast_csum(&ip, ip.ihl);
	return frame(test, htons(ETH_P_IP), &ip, len);
}

static struct sk_buff *frame6(struct kunit *test, const char *daddr, u8 hops)
{
	struct ipv6hdr ip6 = {
		.version = 6,
		.nexthdr = IPPROTO_ICMPV6,
		.hop_limit = hops,
	};

	ip6.saddr = addr("2001:db8:1::11");
	ip6.daddr = addr(daddr);
	return frame(test, htons(ETH_P_IPV6), &ip6, sizeof(ip6));
}

/* ------------------------------------------------------------ lookup */

/*
 * Contoso (RDID 1): 5001 10.1.1.0/24, 5002 10.1.2.0/24, 5003
 * 2001:db8:2::/64.  Fabrikam (RDID 2): the same IPv4 prefixes in 6001 and
 * 6002, and 10.1.3.0/24 in 6003.  Both have 10.1.1.11 and 10.1.2.12, with
 * different MACs.
 */
static void route_fixture(struct kunit *test)
{
	struct vnet_test_ctx *ctx = test->priv;
	struct xsw_vsubnet *c1, *c2, *c3, *f1, *f2, *f3;

	c1 = subnet(test, ctx->vnet[0], 5001, "10.1.1.0", 24);
	c2 = subnet(test, ctx->vnet[0], 5002, "10.1.2.0", 24);
	c3 = subnet(test, ctx->vnet[0], 5003, "2001:db8:2::", 64);
	f1 = subnet(test, ctx->vnet[1], 6001, "10.1.1.0", 24);
	f2 = subnet(test, ctx->vnet[1], 6002, "10.1.2.0", 24);
	f3 = subnet(test, ctx->vnet[1], 6003, "10.1.3.0", 24);
	KUNIT_ASSERT_EQ(test, add_map(test, c1, "10.1.1.11", 0x11,
				      "192.168.1.10", NULL), 0);
	KUNIT_ASSERT_EQ(test, add_map(test, c2, "10.1.2.12", 0x12,
				      "192.168.2.20", NULL), 0);
	KUNIT_ASSERT_EQ(test, add_map(test, f1, "10.1.1.11", 0x61,
				      "192.168.1.10", NULL), 0);
	KUNIT_ASSERT_EQ(test, add_map(test, f2, "10.1.2.12", 0x62,
				      "192.168.2.20", NULL), 0);
	KUNIT_ASSERT_EQ(test, add_map(test, f3, "10.1.3.13", 0x63,
				      "192.168.2.20", NULL), 0);
	KUNIT_ASSERT_EQ(test, add_map(test, c3, "2001:db8:2::12", 0x32,
				      "192.168.2.20", NULL), 0);
}

/* The vsubnet of @vsid, which the fixture made */
static struct xsw_vsubnet *vsubnet(struct kunit *test, u32 vsid)
{
	struct vnet_test_ctx *ctx = test->priv;
	struct xsw_vsubnet *vs;

	rtnl_lock();
	vs = xsw_vsubnet_find(&ctx->s, vsid);
	rtnl_unlock();
	KUNIT_ASSERT_NOT_NULL(test, vs);
	return vs;
}

struct lookup_case {
	const char *desc;
	u32 vsid;		/* the frame's */
	const char *daddr;
	u8 ttl;
	int reason;		/* -1: routed */
	u8 mac_last;		/* of the mapping it is routed to */
	u32 to_vsid;
};

static const struct lookup_case lookup_cases[] = {
	{ "contoso 5001 to 5002", 5001, "10.1.2.12", 64, -1, 0x12, 5002 },
	{ "fabrikam 6001 to 6002, same CA", 6001, "10.1.2.12", 64, -1, 0x62,
	  6002 },
	{ "back, 5002 to 5001", 5002, "10.1.1.11", 2, -1, 0x11, 5001 },
	{ "ipv6, 5001 to 5003", 5001, "2001:db8:2::12", 64, -1, 0x32, 5003 },
	{ "ttl 1", 5001, "10.1.2.12", 1, XSW_DROP_VNET_TTL },
	{ "ttl 0", 5001, "10.1.2.12", 0, XSW_DROP_VNET_TTL },
	{ "hop limit 1", 5001, "2001:db8:2::12", 1, XSW_DROP_VNET_TTL },
	{ "unmapped in a prefix", 5001, "10.1.2.99", 64,
	  XSW_DROP_VNET_NO_MAPPING },
	{ "unmapped ipv6 in a prefix", 5001, "2001:db8:2::99", 64,
	  XSW_DROP_VNET_NO_MAPPING },
	/* mapped in Fabrikam only, and in none of Contoso's prefixes */
	{ "other routing domain", 5001, "10.1.3.13", 64,
	  XSW_DROP_VNET_NO_ROUTE },
	{ "outside every prefix", 6001, "172.16.0.1", 64,
	  XSW_DROP_VNET_NO_ROUTE },
};

static void lookup_desc(const struct lookup_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lookup, lookup_cases, lookup_desc);

static void route_lookup(struct kunit *test)
{
	const struct lookup_case *c = test->param_value;
	struct vnet_test_ctx *ctx = test->priv;
	struct xsw_vmap *m = NULL;
	struct xsw_vsubnet *vs;
	struct sk_buff *skb;
	int reason;

	route_fixture(test);
	vs = vsubnet(test, c->vsid);
	skb = strchr(c->daddr, ':') ? frame6(test, c->daddr, c->ttl) :
	      frame4(test, c->daddr, c->ttl, sizeof(struct iphdr));
	rcu_read_lock();
	reason = xsw_vnet_route_lookup(&ctx->s, vs, skb, &m);
	rcu_read_unlock();
	kfree_skb(skb);
	KUNIT_EXPECT_EQ(test, reason, c->reason);
	if (c->reason >= 0)
		return;
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_EQ(test, m->kmac.mac[5], c->mac_last);
	KUNIT_EXPECT_EQ(test, m->kmac.vsid, c->to_vsid);
	KUNIT_EXPECT_EQ(test, m->kca.rdid, vs->rdid);
}

/* Not IP, or too short to be: never routed. */
static void route_lookup_refused(struct kunit *test)
{
	struct vnet_test_ctx *ctx = test->priv;
	static const int want[] = {
		XSW_DROP_VNET_NO_ROUTE,
		XSW_DROP_VNET_MALFORMED,
		XSW_DROP_VNET_NO_ROUTE,
	};
	struct sk_buff *skb[ARRAY_SIZE(want)];
	struct xsw_vmap *m = NULL;
	struct xsw_vsubnet *vs;
	u8 arp[28] = {};
	unsigned int i;

	route_fixture(test);
	vs = vsubnet(test, 5001);
	skb[0] = frame(test, htons(ETH_P_ARP), arp, sizeof(arp));
	skb[1] = frame4(test, "10.1.2.12", 64, sizeof(struct iphdr) - 1);
	/* an IPv4 CA, but written as IPv6 */
	skb[2] = frame6(test, "::ffff:10.1.2.12", 64);
	for (i = 0; i < ARRAY_SIZE(want); i++) {
		rcu_read_lock();
		KUNIT_EXPECT_EQ_MSG(test, xsw_vnet_route_lookup(&ctx->s, vs,
								skb[i], &m),
				    want[i], "frame %u", i);
		rcu_read_unlock();
		kfree_skb(skb[i]);
	}
	KUNIT_EXPECT_NULL(test, m);
}

/* The decapsulation check: any PA of the routing domain, only while used */
static void route_domain_pas(struct kunit *test)
{
	struct vnet_test_ctx *ctx = test->priv;
	struct in6_addr pa1 = addr("192.168.1.10");
	struct in6_addr pa3 = addr("192.168.3.30");
	struct xsw_vsubnet *c2;
	struct xsw_vmap *m;

	route_fixture(test);
	c2 = vsubnet(test, 5002);
	rcu_read_lock();
	/* 5002 has no mapping at PA1, but 5001 of its domain has. */
	KUNIT_EXPECT_TRUE(test, xsw_vnet_has_pa(&ctx->s, 1, &pa1));
	KUNIT_EXPECT_TRUE(test, xsw_vnet_has_pa(&ctx->s, 2, &pa1));
	KUNIT_EXPECT_FALSE(test, xsw_vnet_has_pa(&ctx->s, 1, &pa3));
	KUNIT_EXPECT_FALSE(test, xsw_vnet_has_pa(&ctx->s, 3, &pa1));
	rcu_read_unlock();

	KUNIT_ASSERT_EQ(test, add_map(test, c2, "10.1.2.30", 0x30,
				      "192.168.3.30", &m), 0);
	rcu_read_lock();
	KUNIT_EXPECT_TRUE(test, xsw_vnet_has_pa(&ctx->s, 1, &pa3));
	KUNIT_EXPECT_FALSE(test, xsw_vnet_has_pa(&ctx->s, 2, &pa3));
	rcu_read_unlock();
	rtnl_lock();
	xsw_vmap_remove(&ctx->s, m);
	/* Contoso's 5001 goes: PA1 stays for Fabrikam only. */
	xsw_vsubnet_del(&ctx->s, xsw_vsubnet_find(&ctx->s, 5001));
	rtnl_unlock();
	rcu_read_lock();
	KUNIT_EXPECT_FALSE(test, xsw_vnet_has_pa(&ctx->s, 1, &pa3));
	KUNIT_EXPECT_FALSE(test, xsw_vnet_has_pa(&ctx->s, 1, &pa1));
	KUNIT_EXPECT_TRUE(test, xsw_vnet_has_pa(&ctx->s, 2, &pa1));
	rcu_read_unlock();
}

/* ----------------------------------------------------------- rewrite */

static void expect_macs(struct kunit *test, const struct sk_buff *skb,
			const u8 *dest, const u8 *source)
{
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(eth_hdr(skb)->h_dest, dest));
	KUNIT_EXPECT_TRUE(test,
			  ether_addr_equal(eth_hdr(skb)->h_source, source));
}

static void route_rewrite_ipv4(struct kunit *test)
{
	struct sk_buff *orig = frame4(test, "10.1.2.12", 64,
				      sizeof(struct iphdr));
	struct sk_buff *skb = skb_clone(orig, GFP_KERNEL);
	const struct iphdr *ip;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_ASSERT_EQ(test, xsw_vnet_route_rewrite(skb, dst_mac), -1);
	expect_macs(test, skb, dst_mac, xsw_vnet_router_mac);
	ip = (const struct iphdr *)(skb->data + ETH_HLEN);
	KUNIT_EXPECT_EQ(test, ip->ttl, 63);
	/* a header with its checksum sums to zero */
	KUNIT_EXPECT_EQ(test, ip_fast_csum(ip, ip->ihl), 0);
	KUNIT_EXPECT_EQ(test, ip->daddr, in_aton("10.1.2.12"));

	/* the original, which shared the data, is untouched */
	expect_macs(test, orig, xsw_vnet_router_mac, vm_mac);
	ip = (const struct iphdr *)(orig->data + ETH_HLEN);
	KUNIT_EXPECT_EQ(test, ip->ttl, 64);
	KUNIT_EXPECT_EQ(test, ip_fast_csum(ip, ip->ihl), 0);
	kfree_skb(skb);
	kfree_skb(orig);
}

/* TTL 255 to 254 and 2 to 1: the checksum's carry either way */
static void route_rewrite_ttl_edges(struct kunit *test)
{
	static const u8 ttls[] = { 255, 2, 129, 128 };
	const struct iphdr *ip;
	struct sk_buff *skb;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ttls); i++) {
		skb = frame4(test, "10.1.2.12", ttls[i], sizeof(struct iphdr));
		KUNIT_ASSERT_EQ(test, xsw_vnet_route_rewrite(skb, dst_mac), -1);
		ip = (const struct iphdr *)(skb->data + ETH_HLEN);
		KUNIT_EXPECT_EQ(test, ip->ttl, ttls[i] - 1);
		KUNIT_EXPECT_EQ(test, ip_fast_csum(ip, ip->ihl), 0);
		kfree_skb(skb);
	}
}

static void route_rewrite_ipv6(struct kunit *test)
{
	struct sk_buff *orig = frame6(test, "2001:db8:2::12", 64);
	struct sk_buff *skb = skb_clone(orig, GFP_KERNEL);
	const struct ipv6hdr *ip6;
	struct in6_addr want = addr("2001:db8:2::12");

	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_ASSERT_EQ(test, xsw_vnet_route_rewrite(skb, dst_mac), -1);
	expect_macs(test, skb, dst_mac, xsw_vnet_router_mac);
	ip6 = (const struct ipv6hdr *)(skb->data + ETH_HLEN);
	KUNIT_EXPECT_EQ(test, ip6->hop_limit, 63);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&ip6->daddr, &want));
	ip6 = (const struct ipv6hdr *)(orig->data + ETH_HLEN);
	KUNIT_EXPECT_EQ(test, ip6->hop_limit, 64);
	expect_macs(test, orig, xsw_vnet_router_mac, vm_mac);
	kfree_skb(skb);
	kfree_skb(orig);
}

static struct kunit_case vnet_route_cases[] = {
	KUNIT_CASE_PARAM(route_lookup, lookup_gen_params),
	KUNIT_CASE(route_lookup_refused),
	KUNIT_CASE(route_domain_pas),
	KUNIT_CASE(route_rewrite_ipv4),
	KUNIT_CASE(route_rewrite_ttl_edges),
	KUNIT_CASE(route_rewrite_ipv6),
	{}
};

static struct kunit_suite vnet_route_suite = {
	.name = "xswitch_vnet_route",
	.init = vnet_test_init,
	.exit = vnet_test_exit,
	.test_cases = vnet_route_cases,
};

kunit_test_suite(vnet_route_suite);
