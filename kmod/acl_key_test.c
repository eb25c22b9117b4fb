// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for acl_key.c: keys read from hand-built frames, port range
 * expansion, and the checks on matches (which the classifier must agree
 * with).
 */

#include <kunit/test.h>
#include <linux/prandom.h>

#include "acl_test_util.h"

/* ------------------------------------------------------ frames -> keys */

#define BAD	XSW_ACL_KEY_MALFORMED

static const struct frame frames[] = {
	{ "arp", ARP, .flags = 0 },
	{ "ipv4 tcp with options", V4, IPPROTO_TCP, .ihl = 7, .flags = IP_L4 },
	{ "ipv4 udp", V4, IPPROTO_UDP, .flags = IP_L4 },
	{ "ipv4 udp with ethernet padding", V4, IPPROTO_UDP, .pad = 18,
	  .flags = IP_L4 },
	{ "ipv4 icmp", V4, IPPROTO_ICMP, .flags = IP_L4 },
	{ "ipv4 sctp", V4, IPPROTO_SCTP, .flags = IP_L4 },
	{ "ipv4 gre has no l4 fields", V4, IPPROTO_GRE,
	  .flags = XSW_ACL_KEY_IP },
	{ "ipv4 icmpv6 is not icmp", V4, IPPROTO_ICMPV6,
	  .flags = XSW_ACL_KEY_IP },
	{ "ipv4 first fragment", V4, IPPROTO_UDP, .frag = FIRST,
	  .flags = IP_L4 | XSW_ACL_KEY_FRAG },
	{ "ipv4 later fragment", V4, IPPROTO_TCP, .frag = LATER,
	  .flags = XSW_ACL_KEY_IP | XSW_ACL_KEY_FRAG |
		   XSW_ACL_KEY_LATER_FRAG },
	{ "ipv6 tcp", V6, IPPROTO_TCP, .flags = IP_L4 },
	{ "ipv6 udp after hop-by-hop", V6, IPPROTO_UDP, .hbh = true,
	  .flags = IP_L4 },
	{ "ipv6 icmpv6", V6, IPPROTO_ICMPV6, .flags = IP_L4 },
	{ "ipv6 icmp is not icmpv6", V6, IPPROTO_ICMP,
	  .flags = XSW_ACL_KEY_IP },
	{ "ipv6 gre has no l4 fields", V6, IPPROTO_GRE,
	  .flags = XSW_ACL_KEY_IP },
	{ "ipv6 first fragment", V6, IPPROTO_UDP, .frag = FIRST,
	  .flags = IP_L4 | XSW_ACL_KEY_FRAG },
	{ "ipv6 later fragment after hop-by-hop", V6, IPPROTO_TCP,
	  .hbh = true, .frag = LATER,
	  .flags = XSW_ACL_KEY_IP | XSW_ACL_KEY_FRAG |
		   XSW_ACL_KEY_LATER_FRAG },
	{ "ipv4 tcp header cut", V4, IPPROTO_TCP, .cut = 8,
	  .flags = XSW_ACL_KEY_IP | BAD },
	{ "ipv4 tcp past the total length", V4, IPPROTO_TCP, .len_delta = -8,
	  .flags = XSW_ACL_KEY_IP | BAD },
	{ "ipv4 total length past the frame", V4, IPPROTO_UDP,
	  .len_delta = 10, .flags = IP_L4 | BAD },
	{ "ipv4 total length under the header", V4, IPPROTO_UDP,
	  .len_delta = -18, .flags = BAD },
	{ "ipv4 header cut", V4, IPPROTO_TCP, .cut = 30, .flags = BAD },
	{ "ipv4 options cut", V4, IPPROTO_TCP, .ihl = 15, .cut = 50,
	  .flags = BAD },
	{ "ipv4 ihl too small", V4, IPPROTO_UDP, .ihl = 4, .flags = BAD },
	{ "ipv6 udp header cut", V6, IPPROTO_UDP, .cut = 4,
	  .flags = XSW_ACL_KEY_IP | BAD },
	{ "ipv6 header cut", V6, IPPROTO_TCP, .cut = 40, .flags = BAD },
	{ "ipv6 hop-by-hop cut", V6, IPPROTO_TCP, .hbh = true, .cut = 27,
	  .flags = XSW_ACL_KEY_IP | BAD, .no_proto = true },
	{ "ethernet header cut", ARP, .cut = 32, .flags = BAD },
	{ "ipv4 tcp behind an 802.1ad tag", V4, IPPROTO_TCP, .tags = 1,
	  .flags = IP_L4 },
	{ "ipv6 udp behind 802.1ad and 802.1q tags", V6, IPPROTO_UDP,
	  .tags = 2, .flags = IP_L4 },
	{ "ipv4 behind three tags is not read", V4, IPPROTO_UDP, .tags = 3,
	  .flags = 0 },
	{ "802.1ad tag cut", ARP, .tags = 1, .cut = 30, .flags = BAD },
};

static void frame_desc(const struct frame *f, char *desc)
{
	strscpy(desc, f->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(frame, frames, frame_desc);

/* The key @f should give, from its flags. */
static void frame_key(const struct frame *f, unsigned int len,
		      struct xsw_acl_key *k)
{
	memset(k, 0, sizeof(*k));
	k->vlan_id = VLAN;
	k->flags = f->flags;
	if (len < ETH_HLEN)
		return;
	memcpy(k->dst_mac, dst_mac, ETH_ALEN);
	memcpy(k->src_mac, src_mac, ETH_ALEN);
	if (f->tags > 2)	/* what stands behind the second tag */
		k->eth_type = htons(ETH_P_8021Q);
	else if (f->flags & XSW_ACL_KEY_MALFORMED && f->tags)
		k->eth_type = htons(ETH_P_8021AD);
	else
		k->eth_type = htons(f->l3 == ARP ? ETH_P_ARP :
				    f->l3 == V4 ? ETH_P_IP : ETH_P_IPV6);
	if (!(f->flags & XSW_ACL_KEY_IP))
		return;
	if (f->l3 == V4) {
		ipv6_addr_set_v4mapped(htonl(SRC4), &k->src_ip);
		ipv6_addr_set_v4mapped(htonl(DST4), &k->dst_ip);
	} else {
		k->src_ip = src6;
		k->dst_ip = dst6;
	}
	k->ip_proto = f->no_proto ? 0 : f->proto;
	if (!(f->flags & XSW_ACL_KEY_L4))
		return;
	if (f->proto == IPPROTO_ICMP) {
		k->icmp_type = 3;
		k->icmp_code = 4;
	} else if (f->proto == IPPROTO_ICMPV6) {
		k->icmp_type = 1;
		k->icmp_code = 3;
	} else {
		k->src_port = htons(SPORT);
		k->dst_port = htons(DPORT);
		if (f->proto == IPPROTO_TCP)
			k->tcp_flags = TCPFLAGS;
	}
}

static void key_extracts(struct kunit *test)
{
	const struct frame *f = test->param_value;
	struct sk_buff *skb = build_frame(test, f);
	struct xsw_acl_key got, want;

	frame_key(f, skb->len, &want);
	memset(&got, 0xa5, sizeof(got));
	xsw_acl_key_extract(skb, VLAN, &got);
	kfree_skb(skb);

	KUNIT_EXPECT_EQ(test, got.flags, want.flags);
	KUNIT_EXPECT_EQ(test, ntohs(got.eth_type), ntohs(want.eth_type));
	KUNIT_EXPECT_EQ(test, got.vlan_id, want.vlan_id);
	KUNIT_EXPECT_EQ(test, got.ip_proto, want.ip_proto);
	KUNIT_EXPECT_EQ(test, ntohs(got.src_port), ntohs(want.src_port));
	KUNIT_EXPECT_EQ(test, ntohs(got.dst_port), ntohs(want.dst_port));
	KUNIT_EXPECT_EQ(test, got.icmp_type, want.icmp_type);
	KUNIT_EXPECT_EQ(test, got.icmp_code, want.icmp_code);
	KUNIT_EXPECT_EQ(test, got.tcp_flags, want.tcp_flags);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&got.src_ip, &want.src_ip));
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&got.dst_ip, &want.dst_ip));
	/* And the rest: the MACs and the padding. */
	KUNIT_EXPECT_EQ(test, memcmp(&got, &want, sizeof(got)), 0);
}

/* ---------------------------------------------------------- port ranges */

struct range_case {
	u16 lo;
	u16 hi;
	int n;		/* prefixes, -1: not checked */
};

static const struct range_case range_cases[] = {
	{ 0, 65535, 1 }, { 0, 0, 1 }, { 65535, 65535, 1 }, { 80, 80, 1 },
	{ 1, 65534, 30 }, { 1, 65535, 16 }, { 0, 65534, 16 },
	{ 1024, 65535, 6 }, { 0, 1023, 1 }, { 1, 2, 2 }, { 2, 3, 1 },
	{ 32767, 32768, 2 }, { 1000, 2000, -1 }, { 12345, 54321, -1 },
};

static void range_desc(const struct range_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%u-%u", c->lo, c->hi);
}

KUNIT_ARRAY_PARAM(range, range_cases, range_desc);

/*
 * The prefixes are minimal if each is a largest aligned block inside the
 * range: blocks are nested or disjoint, so every cover needs at least one
 * block inside each largest one.
 */
static void check_prefixes(struct kunit *test, u32 lo, u32 hi,
			   const struct xsw_acl_port_prefix *p, int n)
{
	u32 next = lo, size;
	int i;

	KUNIT_ASSERT_GT(test, n, 0);
	for (i = 0; i < n; i++) {
		size = (u16)~p[i].mask + 1;
		KUNIT_ASSERT_EQ(test, (u32)p[i].value, next);
		KUNIT_ASSERT_EQ(test, p[i].value & ~p[i].mask, 0);
		/* A power of two: the mask is leading ones. */
		KUNIT_ASSERT_TRUE(test, is_power_of_2(size));
		if (size < 0x10000) {
			u32 parent = p[i].value & ~(2 * size - 1);

			KUNIT_ASSERT_TRUE(test, parent < lo ||
					  parent + 2 * size - 1 > hi);
		}
		next += size;
	}
	KUNIT_ASSERT_EQ(test, next, hi + 1);
}

static void range_expands(struct kunit *test)
{
	const struct range_case *c = test->param_value;
	struct xsw_acl_port_prefix p[XSW_ACL_MAX_PORT_PREFIXES];
	struct xsw_acl_port_range r = { c->lo, c->hi };
	int n, i, hits;
	u32 port;

	n = xsw_acl_port_range_expand(&r, p);
	if (c->n >= 0)
		KUNIT_EXPECT_EQ(test, n, c->n);
	check_prefixes(test, c->lo, c->hi, p, n);
	for (port = 0; port <= 0xffff; port++) {
		for (hits = 0, i = 0; i < n; i++)
			hits += (port & p[i].mask) == p[i].value;
		if (hits != (port >= c->lo && port <= c->hi)) {
			KUNIT_FAIL(test, "port %u is in %d prefixes", port, hits);
			return;
		}
	}
}

static void range_expands_random(struct kunit *test)
{
	struct xsw_acl_port_prefix p[XSW_ACL_MAX_PORT_PREFIXES];
	struct xsw_acl_port_range r;
	struct rnd_state rnd;
	int i, n, most = 0;
	u32 a, b;

	prandom_seed_state(&rnd, SEED ^ 1);
	for (i = 0; i < 5000; i++) {
		a = prandom_u32_state(&rnd) & 0xffff;
		b = prandom_u32_state(&rnd) & 0xffff;
		r.lo = min(a, b);
		r.hi = max(a, b);
		n = xsw_acl_port_range_expand(&r, p);
		check_prefixes(test, r.lo, r.hi, p, n);
		most = max(most, n);
	}
	KUNIT_EXPECT_LE(test, most, XSW_ACL_MAX_PORT_PREFIXES);
	r.lo = 2;
	r.hi = 1;
	KUNIT_EXPECT_EQ(test, xsw_acl_port_range_expand(&r, p), -EINVAL);
}

/* ----------------------------------------------------------- validation */

#define V4MAPPED(a, b, c, d) \
	{ .s6_addr = { [10] = 0xff, [11] = 0xff, [12] = a, b, c, d } }
#define PFX4(a, b, c, d, l) \
	{ .addr = V4MAPPED(a, b, c, d), .family = AF_INET, .len = l }
#define PFX6(l) \
	{ .addr = { .s6_addr = { 0x20, 0x01, 0x0d, 0xb8 } }, \
	  .family = AF_INET6, .len = l }

struct check_case {
	const char *desc;
	struct xsw_acl_match m;
	const char *why;	/* NULL: valid */
};

static const struct check_case check_cases[] = {
	{ "empty", { 0 } },
	{ "ipv4 five-tuple",
	  { M(SRC_IP) | M(DST_IP) | M(SRC_PORT) | M(DST_PORT) | M(IP_PROTO),
	    .ip_proto = IPPROTO_TCP, .src_ip = PFX4(10, 0, 0, 0, 8),
	    .dst_ip = PFX4(10, 1, 2, 3, 32),
	    .src_port = { 1024, 65535 }, .dst_port = { 80, 80 } } },
	{ "icmpv6 type for ipv6",
	  { M(DST_IP) | M(ICMP_TYPE) | M(IP_PROTO),
	    .ip_proto = IPPROTO_ICMPV6, .dst_ip = PFX6(32), .icmp_type = 128 } },
	{ "sctp ports",
	  { M(DST_PORT) | M(IP_PROTO), .ip_proto = IPPROTO_SCTP,
	    .dst_port = { 0, 65535 } } },
	{ "syn without ack",
	  { M(TCP_FLAGS) | M(IP_PROTO), .ip_proto = IPPROTO_TCP,
	    .tcp_flags = 0x02, .tcp_flags_mask = 0x12 } },
	{ "unknown field", { BIT(20) }, "unknown match field" },
	{ "vlan 4096", { M(VLAN_ID), .vlan_id = 4096 },
	  "vlan id is out of range" },
	{ "reversed port range",
	  { M(SRC_PORT) | M(IP_PROTO), .ip_proto = IPPROTO_TCP,
	    .src_port = { 10, 5 } },
	  "port range is reversed" },
	{ "reversed destination range",
	  { M(SRC_PORT) | M(DST_PORT) | M(IP_PROTO), .ip_proto = IPPROTO_UDP,
	    .src_port = { 5, 10 }, .dst_port = { 6, 5 } },
	  "port range is reversed" },
	{ "ipv4 /33", { M(SRC_IP), .src_ip = PFX4(10, 0, 0, 0, 33) },
	  "prefix is longer than the address" },
	{ "ipv6 /129", { M(DST_IP), .dst_ip = PFX6(129) },
	  "prefix is longer than the address" },
	{ "no family", { M(SRC_IP) }, "unknown address family" },
	{ "ipv4 not v4-mapped",
	  { M(SRC_IP), .src_ip = { .family = AF_INET, .len = 8 } },
	  "ipv4 address is not v4-mapped" },
	{ "mixed families",
	  { M(SRC_IP) | M(DST_IP), .src_ip = PFX4(10, 0, 0, 0, 8),
	    .dst_ip = PFX6(32) },
	  "ip prefixes of mixed family" },
	{ "ipv4 prefix, eth_type ipv6",
	  { M(SRC_IP) | M(ETH_TYPE), .src_ip = PFX4(10, 0, 0, 0, 8),
	    .eth_type = htons(ETH_P_IPV6) },
	  "eth_type does not match the address family" },
	{ "ip_proto, eth_type arp",
	  { M(ETH_TYPE) | M(IP_PROTO), .ip_proto = IPPROTO_TCP,
	    .eth_type = htons(ETH_P_ARP) },
	  "ip_proto needs eth_type ipv4 or ipv6" },
	{ "ports without ip_proto", { M(DST_PORT), .dst_port = { 1, 2 } },
	  "ports need ip_proto tcp, udp or sctp" },
	{ "ports with icmp",
	  { M(DST_PORT) | M(IP_PROTO), .ip_proto = IPPROTO_ICMP,
	    .dst_port = { 1, 2 } },
	  "ports need ip_proto tcp, udp or sctp" },
	{ "tcp flags with udp",
	  { M(TCP_FLAGS) | M(IP_PROTO), .ip_proto = IPPROTO_UDP,
	    .tcp_flags_mask = 2 },
	  "tcp flags need ip_proto tcp" },
	{ "icmp type without ip_proto", { M(ICMP_TYPE) },
	  "icmp fields need ip_proto icmp or icmpv6" },
	{ "icmp code with tcp",
	  { M(ICMP_CODE) | M(IP_PROTO), .ip_proto = IPPROTO_TCP },
	  "icmp fields need ip_proto icmp or icmpv6" },
	{ "icmp with an ipv6 prefix",
	  { M(ICMP_TYPE) | M(SRC_IP) | M(IP_PROTO), .ip_proto = IPPROTO_ICMP,
	    .src_ip = PFX6(32) },
	  "icmp is for ipv4 and icmpv6 for ipv6" },
	{ "icmpv6 with eth_type ipv4",
	  { M(ICMP_CODE) | M(ETH_TYPE) | M(IP_PROTO),
	    .ip_proto = IPPROTO_ICMPV6, .eth_type = htons(ETH_P_IP) },
	  "icmp is for ipv4 and icmpv6 for ipv6" },
};

static void check_desc(const struct check_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(check, check_cases, check_desc);

static void match_checks(struct kunit *test)
{
	const struct check_case *c = test->param_value;
	struct xsw_acl_rule rules[2] = {};
	struct xsw_acl_cls *cls;
	const char *why = NULL;
	int err;

	err = xsw_acl_match_check(&c->m, &why);
	/* The classifier refuses what the check refuses. */
	rules[1].match = c->m;
	cls = xsw_acl_cls_create(rules, 2);
	if (c->why) {
		KUNIT_EXPECT_EQ(test, err, -EINVAL);
		KUNIT_EXPECT_STREQ(test, why ?: "(none)", c->why);
		KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(cls), -EINVAL);
	} else {
		KUNIT_EXPECT_EQ(test, err, 0);
		KUNIT_EXPECT_NULL(test, why);
		KUNIT_EXPECT_FALSE(test, IS_ERR(cls));
	}
	if (!IS_ERR(cls))
		xsw_acl_cls_destroy(cls);
}

static struct kunit_case acl_key_test_cases[] = {
	KUNIT_CASE_PARAM(key_extracts, frame_gen_params),
	KUNIT_CASE_PARAM(range_expands, range_gen_params),
	KUNIT_CASE(range_expands_random),
	KUNIT_CASE_PARAM(match_checks, check_gen_params),
	{}
};

static struct kunit_suite acl_key_test_suite = {
	.name = "xswitch-acl-key",
	.test_cases = acl_key_test_cases,
};

kunit_test_suite(acl_key_test_suite);
