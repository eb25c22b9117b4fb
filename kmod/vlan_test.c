// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for vlan.c: which VLAN a frame is classified into on each
 * kind of port, and how it leaves.
 */

#include <kunit/test.h>
#include <linux/if_vlan.h>

#include "xswitch.h"

static void access_port(struct xsw_port_policy *pol, u16 pvid)
{
	memset(pol, 0, sizeof(*pol));
	pol->vlan_mode = XSW_VLAN_MODE_ACCESS;
	pol->pvid = pvid;
}

/* Trunk carrying 10 and 20, native @native. */
static void trunk_port(struct xsw_port_policy *pol, u16 native)
{
	memset(pol, 0, sizeof(*pol));
	pol->vlan_mode = XSW_VLAN_MODE_TRUNK;
	pol->native = native;
	__set_bit(10, pol->vlans);
	__set_bit(20, pol->vlans);
}

/* A frame with the tag @tag_proto/@tci, if any, out of band; @inner next. */
static struct sk_buff *frame(struct kunit *test, __be16 tag_proto, u16 tci,
			     __be16 inner)
{
	struct sk_buff *skb = alloc_skb(128, GFP_KERNEL);
	struct ethhdr *eth;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_reserve(skb, 32);
	eth = skb_put_zero(skb, 60);
	eth->h_proto = inner ?: htons(ETH_P_IP);
	skb->protocol = eth->h_proto;
	skb_reset_mac_header(skb);
	if (tag_proto)
		__vlan_hwaccel_put_tag(skb, tag_proto, tci);
	return skb;
}

struct ingress_case {
	const char *desc;
	bool trunk;
	u16 native;		/* trunk */
	__be16 tag_proto;	/* 0: untagged */
	u16 tci;
	bool ok;
	u16 vlan;
	__be16 inner;		/* the payload's ethertype; 0: IPv4 */
};

static const struct ingress_case ingress_cases[] = {
	{ "access untagged", false, 0, 0, 0, true, 5 },
	{ "access priority-tagged", false, 0, htons(ETH_P_8021Q), 0x6000,
	  true, 5 },
	{ "access tagged", false, 0, htons(ETH_P_8021Q), 5, false, 0 },
	{ "access qinq is payload", false, 0, htons(ETH_P_8021AD), 100, true,
	  5 },
	{ "trunk listed", true, 0, htons(ETH_P_8021Q), 10, true, 10 },
	{ "trunk listed with priority", true, 0, htons(ETH_P_8021Q),
	  0xe014, true, 20 },
	{ "trunk unlisted", true, 0, htons(ETH_P_8021Q), 30, false, 0 },
	{ "trunk untagged, no native", true, 0, 0, 0, false, 0 },
	{ "trunk untagged, native", true, 7, 0, 0, true, 7 },
	{ "trunk tagged native", true, 7, htons(ETH_P_8021Q), 7, true, 7 },
	{ "trunk qinq, native", true, 7, htons(ETH_P_8021AD), 10, true, 7 },
	/* A priority tag must not hide a tag: VLAN hopping. */
	{ "access priority tag hides a tag", false, 0, htons(ETH_P_8021Q),
	  0x6000, false, 0, htons(ETH_P_8021Q) },
	{ "access priority tag hides a qinq tag", false, 0,
	  htons(ETH_P_8021Q), 0, false, 0, htons(ETH_P_8021AD) },
	{ "trunk priority tag hides a tag, native", true, 7,
	  htons(ETH_P_8021Q), 0, false, 0, htons(ETH_P_8021Q) },
	/* Tags inside a real tag, or an 802.1ad one, stay payload. */
	{ "access qinq hides a tag", false, 0, htons(ETH_P_8021AD), 100,
	  true, 5, htons(ETH_P_8021Q) },
	{ "trunk listed hides a tag", true, 0, htons(ETH_P_8021Q), 10, true,
	  10, htons(ETH_P_8021Q) },
};

static void ingress_case_desc(const struct ingress_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(ingress_case, ingress_cases, ingress_case_desc);

static void vlan_ingress_classifies(struct kunit *test)
{
	const struct ingress_case *c = test->param_value;
	struct xsw_port_policy *pol;
	struct sk_buff *skb;
	unsigned int len;
	u16 vlan = 0;
	bool ok;

	pol = kunit_kzalloc(test, sizeof(*pol), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pol);
	if (c->trunk)
		trunk_port(pol, c->native);
	else
		access_port(pol, 5);
	skb = frame(test, c->tag_proto, c->tci, c->inner);
	len = skb->len;

	ok = xsw_vlan_ingress(pol, skb, &vlan);
	KUNIT_EXPECT_EQ(test, ok, c->ok);
	if (c->ok)
		KUNIT_EXPECT_EQ(test, vlan, c->vlan);

	if (c->tag_proto == htons(ETH_P_8021AD)) {
		/* The 802.1ad tag went back into the payload, intact. */
		struct vlan_ethhdr *veth = (struct vlan_ethhdr *)skb->data;

		KUNIT_EXPECT_FALSE(test, skb_vlan_tag_present(skb));
		KUNIT_EXPECT_EQ(test, skb->len, len + VLAN_HLEN);
		KUNIT_EXPECT_EQ(test, veth->h_vlan_proto, htons(ETH_P_8021AD));
		KUNIT_EXPECT_EQ(test, ntohs(veth->h_vlan_TCI), c->tci);
		KUNIT_EXPECT_EQ(test, veth->h_vlan_encapsulated_proto,
				c->inner ?: htons(ETH_P_IP));
		KUNIT_EXPECT_PTR_EQ(test, (void *)skb_mac_header(skb),
				    (void *)skb->data);
	}
	kfree_skb(skb);
}

static void vlan_egress_tags(struct kunit *test)
{
	struct xsw_port_policy *pol;
	struct sk_buff *skb;

	pol = kunit_kzalloc(test, sizeof(*pol), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pol);

	/* Access: untagged out, only its own VLAN. */
	access_port(pol, 5);
	skb = frame(test, htons(ETH_P_8021Q), 5, 0);
	KUNIT_EXPECT_TRUE(test, xsw_vlan_egress(pol, skb, 5));
	KUNIT_EXPECT_FALSE(test, skb_vlan_tag_present(skb));
	KUNIT_EXPECT_FALSE(test, xsw_vlan_egress(pol, skb, 6));
	kfree_skb(skb);

	/* Trunk: listed VLANs tagged, native untagged, others refused. */
	trunk_port(pol, 7);
	skb = frame(test, 0, 0, 0);
	KUNIT_EXPECT_TRUE(test, xsw_vlan_egress(pol, skb, 20));
	KUNIT_EXPECT_TRUE(test, skb_vlan_tag_present(skb));
	KUNIT_EXPECT_EQ(test, skb_vlan_tag_get_id(skb), 20);
	KUNIT_EXPECT_EQ(test, skb->vlan_proto, htons(ETH_P_8021Q));
	KUNIT_EXPECT_TRUE(test, xsw_vlan_egress(pol, skb, 7));
	KUNIT_EXPECT_FALSE(test, skb_vlan_tag_present(skb));
	KUNIT_EXPECT_FALSE(test, xsw_vlan_egress(pol, skb, 30));
	kfree_skb(skb);
}

static void vlan_membership(struct kunit *test)
{
	struct xsw_port_policy *pol;
	int vid, members = 0;

	pol = kunit_kzalloc(test, sizeof(*pol), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pol);
	trunk_port(pol, 7);
	for (vid = 1; vid <= XSW_VLAN_MAX; vid++)
		members += xsw_vlan_member(pol, vid);
	KUNIT_EXPECT_EQ(test, members, 3);

	access_port(pol, 4094);
	KUNIT_EXPECT_TRUE(test, xsw_vlan_member(pol, 4094));
	KUNIT_EXPECT_FALSE(test, xsw_vlan_member(pol, 1));
}

static struct kunit_case vlan_test_cases[] = {
	KUNIT_CASE_PARAM(vlan_ingress_classifies, ingress_case_gen_params),
	KUNIT_CASE(vlan_egress_tags),
	KUNIT_CASE(vlan_membership),
	{}
};

static struct kunit_suite vlan_test_suite = {
	.name = "xswitch_vlan",
	.test_cases = vlan_test_cases,
};

kunit_test_suite(vlan_test_suite);
