// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for acl_cls.c on hand-made rule sets: the order of rules
 * across shapes and in ties, frames through extraction and lookup, MAC
 * masks, the empty classifier and freeing after a grace period.  Random
 * rule sets and the limits are in acl_cls_random_test.c.
 */

#include <kunit/test.h>

#include "acl_test_util.h"

/* -------------------------------------------------- hand-made rule sets */

static void v4_key(struct xsw_acl_key *k, u8 proto, u32 dst)
{
	memset(k, 0, sizeof(*k));
	k->eth_type = htons(ETH_P_IP);
	ipv6_addr_set_v4mapped(htonl(SRC4), &k->src_ip);
	ipv6_addr_set_v4mapped(htonl(dst), &k->dst_ip);
	k->ip_proto = proto;
	k->flags = IP_L4;
}

/* A shape tried first may hold only a worse rule than a later shape's. */
static void cls_priority_across_shapes(struct kunit *test)
{
	struct xsw_acl_rule r[3] = {};
	struct xsw_acl_cls *cls;
	struct xsw_acl_key k;

	r[0].match.fields = M(DST_IP);
	set_v4(&r[0].match.dst_ip, 0x0a000063, 32);
	r[0].priority = 1;
	r[0].id = 0;
	r[1].match.fields = M(DST_IP);
	set_v4(&r[1].match.dst_ip, DST4, 32);
	r[1].priority = 100;
	r[1].id = 1;
	r[2].match.fields = M(IP_PROTO);
	r[2].match.ip_proto = IPPROTO_UDP;
	r[2].priority = 50;
	r[2].id = 2;

	cls = build(test, r, ARRAY_SIZE(r));
	KUNIT_ASSERT_FALSE(test, IS_ERR(cls));
	KUNIT_EXPECT_EQ(test, xsw_acl_cls_shapes(cls), 2U);
	KUNIT_EXPECT_EQ(test, xsw_acl_cls_entries(cls), 3U);
	v4_key(&k, IPPROTO_UDP, DST4);
	KUNIT_EXPECT_EQ(test, found(cls, &k), 2U);
	v4_key(&k, IPPROTO_TCP, DST4);
	KUNIT_EXPECT_EQ(test, found(cls, &k), 1U);
	v4_key(&k, IPPROTO_UDP, 0x0a000063);
	KUNIT_EXPECT_EQ(test, found(cls, &k), 0U);
	v4_key(&k, IPPROTO_TCP, 0x0a000064);
	KUNIT_EXPECT_EQ(test, found(cls, &k), U32_MAX);
}

/* Equal priorities: the lower id; equal ids too: the earlier rule. */
static void cls_ties(struct kunit *test)
{
	struct xsw_acl_rule r[4] = {};
	const struct xsw_acl_rule *got;
	struct xsw_acl_cls *cls;
	struct xsw_acl_key k;
	int i;

	for (i = 0; i < 3; i++) {
		r[i].match.fields = M(IP_PROTO);
		r[i].match.ip_proto = IPPROTO_TCP;
		r[i].priority = 5;
		r[i].action = i;
	}
	r[0].id = 9;
	r[1].id = 3;
	r[2].id = 3;
	r[3].match.fields = M(DST_IP);	/* another shape */
	set_v4(&r[3].match.dst_ip, DST4, 32);
	r[3].priority = 5;
	r[3].id = 4;
	r[3].action = 3;

	cls = build(test, r, ARRAY_SIZE(r));
	KUNIT_ASSERT_FALSE(test, IS_ERR(cls));
	KUNIT_EXPECT_EQ(test, xsw_acl_cls_entries(cls), 2U);
	v4_key(&k, IPPROTO_TCP, DST4);
	got = xsw_acl_cls_lookup(cls, &k);
	KUNIT_ASSERT_NOT_NULL(test, got);
	KUNIT_EXPECT_EQ(test, got->id, 3U);
	KUNIT_EXPECT_EQ(test, got->action, 1);
	v4_key(&k, IPPROTO_UDP, DST4);
	KUNIT_EXPECT_EQ(test, found(cls, &k), 4U);

	/* Now a better priority in the other shape wins. */
	r[3].priority = 4;
	cls = build(test, r, ARRAY_SIZE(r));
	KUNIT_ASSERT_FALSE(test, IS_ERR(cls));
	v4_key(&k, IPPROTO_TCP, DST4);
	KUNIT_EXPECT_EQ(test, found(cls, &k), 4U);
}

/* Frames through extraction and lookup: fragments, families, flags. */
static void cls_frames(struct kunit *test)
{
	static const struct frame tcp4 = { "", V4, IPPROTO_TCP };
	static const struct frame later4 = { "", V4, IPPROTO_TCP,
					     .frag = LATER };
	static const struct frame udp4 = { "", V4, IPPROTO_UDP };
	static const struct frame udp6 = { "", V6, IPPROTO_UDP };
	static const struct frame arp = { "", ARP };
	struct xsw_acl_rule r[6] = {};
	struct xsw_acl_cls *cls;
	struct sk_buff *skb;
	struct xsw_acl_key k;
	int i;

	/* 0: tcp, any port - but only with ports */
	r[0].match.fields = M(DST_PORT) | M(IP_PROTO);
	r[0].match.ip_proto = IPPROTO_TCP;
	r[0].match.dst_port.hi = 65535;
	r[0].priority = 10;
	/* 1: tcp */
	r[1].match.fields = M(IP_PROTO);
	r[1].match.ip_proto = IPPROTO_TCP;
	r[1].priority = 20;
	/* 2: any IPv4 */
	r[2].match.fields = M(SRC_IP);
	set_v4(&r[2].match.src_ip, 0, 0);
	r[2].priority = 30;
	/* 3: SYN without ACK to port 80 */
	r[3].match.fields = M(TCP_FLAGS) | M(DST_PORT) | M(IP_PROTO);
	r[3].match.ip_proto = IPPROTO_TCP;
	r[3].match.tcp_flags = 0x02;
	r[3].match.tcp_flags_mask = 0x12;
	r[3].match.dst_port.lo = DPORT;
	r[3].match.dst_port.hi = DPORT;
	r[3].priority = 5;
	/* 4: arp */
	r[4].match.fields = M(ETH_TYPE);
	r[4].match.eth_type = htons(ETH_P_ARP);
	r[4].priority = 40;
	/* 5: udp */
	r[5].match.fields = M(IP_PROTO);
	r[5].match.ip_proto = IPPROTO_UDP;
	r[5].priority = 50;
	for (i = 0; i < ARRAY_SIZE(r); i++)
		r[i].id = i;
	cls = build(test, r, ARRAY_SIZE(r));
	KUNIT_ASSERT_FALSE(test, IS_ERR(cls));

#define FRAME_KEY(f) do {					\
		skb = build_frame(test, &(f));			\
		xsw_acl_key_extract(skb, VLAN, &k);		\
		kfree_skb(skb);					\
	} while (0)

	FRAME_KEY(tcp4);		/* SYN ACK */
	KUNIT_EXPECT_EQ(test, found(cls, &k), 0U);
	k.tcp_flags = 0x02;		/* SYN */
	KUNIT_EXPECT_EQ(test, found(cls, &k), 3U);
	k.dst_port = htons(DPORT + 1);
	KUNIT_EXPECT_EQ(test, found(cls, &k), 0U);
	FRAME_KEY(later4);
	KUNIT_EXPECT_EQ(test, found(cls, &k), 1U);
	FRAME_KEY(udp4);
	KUNIT_EXPECT_EQ(test, found(cls, &k), 2U);
	FRAME_KEY(udp6);
	KUNIT_EXPECT_EQ(test, found(cls, &k), 5U);
	/* An IPv6 frame from a v4-mapped address is not IPv4. */
	ipv6_addr_set_v4mapped(htonl(SRC4), &k.src_ip);
	KUNIT_EXPECT_EQ(test, found(cls, &k), 5U);
	FRAME_KEY(arp);
	KUNIT_EXPECT_EQ(test, found(cls, &k), 4U);
#undef FRAME_KEY
}

static void cls_mac_masks(struct kunit *test)
{
	static const u8 oui[ETH_ALEN] = { 0x02, 0xaa, 0xbb };
	static const u8 oui_mask[ETH_ALEN] = { 0xff, 0xff, 0xff };
	static const u8 group[ETH_ALEN] = { 0x01 };
	struct xsw_acl_rule r[2] = {};
	struct xsw_acl_cls *cls;
	struct xsw_acl_key k = {};

	r[0].match.fields = M(SRC_MAC);
	memcpy(r[0].match.src_mac, oui, ETH_ALEN);
	memcpy(r[0].match.src_mac_mask, oui_mask, ETH_ALEN);
	r[0].id = 0;
	r[1].match.fields = M(DST_MAC);
	memcpy(r[1].match.dst_mac, group, ETH_ALEN);
	memcpy(r[1].match.dst_mac_mask, group, ETH_ALEN);
	r[1].id = 1;
	cls = build(test, r, ARRAY_SIZE(r));
	KUNIT_ASSERT_FALSE(test, IS_ERR(cls));

	memcpy(k.src_mac, oui, 3);
	k.src_mac[5] = 0x42;
	KUNIT_EXPECT_EQ(test, found(cls, &k), 0U);
	k.src_mac[2] ^= 1;
	KUNIT_EXPECT_EQ(test, found(cls, &k), U32_MAX);
	k.dst_mac[0] = 0x33;		/* an IPv6 multicast MAC */
	KUNIT_EXPECT_EQ(test, found(cls, &k), 1U);
}

static void cls_empty(struct kunit *test)
{
	struct xsw_acl_cls *cls = build(test, NULL, 0);
	struct xsw_acl_key k = {};

	KUNIT_ASSERT_FALSE(test, IS_ERR(cls));
	KUNIT_EXPECT_EQ(test, xsw_acl_cls_shapes(cls), 0U);
	KUNIT_EXPECT_EQ(test, xsw_acl_cls_entries(cls), 0U);
	KUNIT_EXPECT_NULL(test, xsw_acl_cls_lookup(cls, &k));
}

static void cls_destroy_rcu(struct kunit *test)
{
	struct xsw_acl_rule r = {
		.match = { .fields = M(IP_PROTO), .ip_proto = IPPROTO_TCP },
	};
	struct xsw_acl_cls *cls = xsw_acl_cls_create(&r, 1);

	KUNIT_ASSERT_FALSE(test, IS_ERR(cls));
	xsw_acl_cls_destroy_rcu(cls);
	xsw_acl_cls_destroy_rcu(NULL);
	rcu_barrier();
}

static struct kunit_case acl_cls_test_cases[] = {
	KUNIT_CASE(cls_priority_across_shapes),
	KUNIT_CASE(cls_ties),
	KUNIT_CASE(cls_frames),
	KUNIT_CASE(cls_mac_masks),
	KUNIT_CASE(cls_empty),
	KUNIT_CASE(cls_destroy_rcu),
	{}
};

static struct kunit_suite acl_cls_test_suite = {
	.name = "xswitch-acl-cls",
	.init = cls_test_init,
	.exit = cls_test_exit,
	.test_cases = acl_cls_test_cases,
};

kunit_test_suite(acl_cls_test_suite);
