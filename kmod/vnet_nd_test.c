// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for vnet_nd.c, the ARP and neighbour discovery responder:
 * reading ARP requests and neighbour solicitations, well formed, not
 * questions, truncated and malformed (RFC 4861 section 7.1.1); and the
 * bytes of the ARP reply and the neighbour advertisement it builds, whose
 * checksum is checked against a naive one's complement sum.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/inet.h>
#include <linux/ipv6.h>
#include <net/ip6_checksum.h>
#include <net/ndisc.h>
#include <asm/unaligned.h>

#include "vnet.h"
#include "vnet_test_util.h"

/* KUNIT_EXPECT_MEMEQ() came after 6.1 */
#define EXPECT_MAC(test, got, want) \
	KUNIT_EXPECT_EQ(test, memcmp(got, want, ETH_ALEN), 0)

static const u8 arp_sha[ETH_ALEN] = { 0x02, 0, 0, 0, 0x50, 0x99 };
static const u8 mapped_mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0x50, 0x12 };

static struct in6_addr addr6(struct kunit *test, const char *text)
{
	struct in6_addr a;

	KUNIT_ASSERT_EQ(test, in6_pton(text, -1, a.s6_addr, -1, NULL), 1);
	return a;
}

static int parse(struct sk_buff *skb, struct xsw_nd_req *req)
{
	int ret = xsw_vnet_nd_parse(skb, req);

	kfree_skb(skb);
	return ret;
}

/* ARP */

static int parse_arp(struct kunit *test, u16 op, const char *sip,
		     const char *tip, u16 hrd, unsigned int len,
		     struct xsw_nd_req *req)
{
	struct xsw_arp_eth arp = {
		.hdr = {
			.ar_hrd = htons(hrd),
			.ar_pro = htons(ETH_P_IP),
			.ar_hln = ETH_ALEN,
			.ar_pln = 4,
			.ar_op = htons(op),
		},
		.sip = in_aton(sip),
		.tip = in_aton(tip),
	};

	memcpy(arp.sha, arp_sha, ETH_ALEN);
	return parse(vnet_test_frame(test, htons(ETH_P_ARP), &arp, len), req);
}

static void nd_parse_arp(struct kunit *test)
{
	unsigned int len = sizeof(struct xsw_arp_eth);
	struct xsw_nd_req req;
	struct in6_addr a;

	KUNIT_ASSERT_EQ(test, parse_arp(test, ARPOP_REQUEST, "10.1.1.11",
					"10.1.1.12", ARPHRD_ETHER, len, &req),
			0);
	KUNIT_EXPECT_TRUE(test, req.arp);
	ipv6_addr_set_v4mapped(in_aton("10.1.1.12"), &a);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&req.target, &a));
	ipv6_addr_set_v4mapped(in_aton("10.1.1.11"), &a);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&req.sender, &a));
	EXPECT_MAC(test, req.eth_src, vm_mac);
	EXPECT_MAC(test, req.sha, arp_sha);

	/* Replies, probes and gratuitous ARP ask nothing. */
	KUNIT_EXPECT_EQ(test, parse_arp(test, ARPOP_REPLY, "10.1.1.11",
					"10.1.1.12", ARPHRD_ETHER, len, &req),
			-1);
	KUNIT_EXPECT_EQ(test, parse_arp(test, ARPOP_REQUEST, "0.0.0.0",
					"10.1.1.12", ARPHRD_ETHER, len, &req),
			-1);
	KUNIT_EXPECT_EQ(test, parse_arp(test, ARPOP_REQUEST, "10.1.1.11",
					"10.1.1.11", ARPHRD_ETHER, len, &req),
			-1);
	/* Truncated, or not Ethernet/IPv4. */
	KUNIT_EXPECT_EQ(test, parse_arp(test, ARPOP_REQUEST, "10.1.1.11",
					"10.1.1.12", ARPHRD_ETHER, len - 1, &req),
			XSW_DROP_VNET_MALFORMED);
	KUNIT_EXPECT_EQ(test, parse_arp(test, ARPOP_REQUEST, "10.1.1.11",
					"10.1.1.12", ARPHRD_ETHER, 0, &req),
			XSW_DROP_VNET_MALFORMED);
	KUNIT_EXPECT_EQ(test, parse_arp(test, ARPOP_REQUEST, "10.1.1.11",
					"10.1.1.12", ARPHRD_IEEE802, len, &req),
			XSW_DROP_VNET_MALFORMED);
}

static void nd_parse_other(struct kunit *test)
{
	static const u8 lldp[16];
	struct xsw_nd_req req;
	struct sk_buff *skb;

	skb = vnet_test_frame(test, htons(ETH_P_LLDP), lldp, sizeof(lldp));
	KUNIT_EXPECT_EQ(test, parse(skb, &req), -1);
}

/* Neighbour solicitations */

/**
 * struct ns_case - a solicitation, as a change to a valid one
 * @name: what is wrong with it, or "valid"
 * @src: IPv6 source
 * @dst: IPv6 destination
 * @target: the target
 * @hlim: hop limit (0: 255)
 * @code: ICMPv6 code
 * @type: ICMPv6 type (0: a solicitation)
 * @nexthdr: IPv6 next header (0: ICMPv6)
 * @slla: a source link-layer address option of this many 8-byte units
 *	(its length field), 0 for none
 * @opt_room: bytes of option space, when not @slla * 8
 * @bad_csum: the ICMPv6 checksum is off by one
 * @plen_less: the payload length says this many bytes fewer
 * @cut: bytes cut off the end of the frame
 * @want: what xsw_vnet_nd_parse() returns
 */
struct ns_case {
	const char *name;
	const char *src, *dst, *target;
	u8 hlim, code, type, nexthdr, slla;
	int opt_room;
	bool bad_csum;
	int plen_less, cut;
	int want;
};

#define VM6 "2001:db8:5::11"
#define SOL "ff02::1:ff00:12"
#define TGT "2001:db8:5::12"
#define MALF XSW_DROP_VNET_MALFORMED

static const struct ns_case ns_cases[] = {
	{ "valid", VM6, SOL, TGT, .slla = 1, .want = 0 },
	{ "valid, unicast, no option", VM6, TGT, TGT, .want = 0 },
	{ "valid, from a link-local source", "fe80::11", SOL, TGT, .slla = 1,
	  .want = 0 },
	{ "DAD", "::", SOL, TGT, .want = -1 },
	{ "DAD with a source link-layer option", "::", SOL, TGT, .slla = 1,
	  .want = MALF },
	{ "DAD not to the solicited-node group", "::", "ff02::1", TGT,
	  .want = MALF },
	{ "hop limit 64", VM6, SOL, TGT, .hlim = 64, .slla = 1, .want = MALF },
	{ "code 1", VM6, SOL, TGT, .code = 1, .slla = 1, .want = MALF },
	{ "bad checksum", VM6, SOL, TGT, .slla = 1, .bad_csum = true,
	  .want = MALF },
	{ "multicast target", VM6, SOL, "ff02::1", .slla = 1, .want = MALF },
	{ "multicast source", "ff02::1", SOL, TGT, .slla = 1, .want = MALF },
	{ "option of length 0", VM6, SOL, TGT, .slla = 0, .opt_room = 8,
	  .want = MALF },
	{ "option past the end", VM6, SOL, TGT, .slla = 2, .opt_room = 8,
	  .want = MALF },
	{ "option cut to 1 byte", VM6, SOL, TGT, .slla = 1, .opt_room = 1,
	  .want = MALF },
	{ "shorter than a solicitation", VM6, SOL, TGT, .plen_less = 1,
	  .want = MALF },
	{ "payload length past the frame", VM6, SOL, TGT, .slla = 1, .cut = 4,
	  .want = MALF },
	{ "an echo request", VM6, TGT, TGT, .type = ICMPV6_ECHO_REQUEST,
	  .want = -1 },
	{ "an advertisement", VM6, TGT, TGT,
	  .type = NDISC_NEIGHBOUR_ADVERTISEMENT, .want = -1 },
	{ "UDP", VM6, TGT, TGT, .nexthdr = IPPROTO_UDP, .want = -1 },
	{ "no ICMPv6 type", VM6, TGT, TGT, .cut = 24, .want = -1 },
	{ "IPv6 header cut", VM6, TGT, TGT, .cut = 25, .want = MALF },
};

static void ns_case_desc(const struct ns_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(ns, ns_cases, ns_case_desc);

/* The frame of @c, freed by KUnit; its ICMPv6 part is 24 + 16 bytes. */
static struct sk_buff *ns_frame(struct kunit *test, const struct ns_case *c)
{
	unsigned int room = c->opt_room ? c->opt_room : c->slla * 8;
	u8 buf[sizeof(struct ipv6hdr) + sizeof(struct nd_msg) + 16] = {};
	struct ipv6hdr *ip6 = (struct ipv6hdr *)buf;
	struct nd_msg *ns = (struct nd_msg *)(ip6 + 1);
	unsigned int len = sizeof(*ns) + room;

	KUNIT_ASSERT_LE(test, room, 16u);
	ip6->version = 6;
	ip6->payload_len = htons(len - c->plen_less);
	ip6->nexthdr = c->nexthdr ?: IPPROTO_ICMPV6;
	ip6->hop_limit = c->hlim ?: 255;
	ip6->saddr = addr6(test, c->src);
	ip6->daddr = addr6(test, c->dst);
	ns->icmph.icmp6_type = c->type ?: NDISC_NEIGHBOUR_SOLICITATION;
	ns->icmph.icmp6_code = c->code;
	ns->target = addr6(test, c->target);
	if (room >= 2) {
		ns->opt[0] = ND_OPT_SOURCE_LL_ADDR;
		ns->opt[1] = c->slla;
		if (room >= 8)
			memcpy(&ns->opt[2], vm_mac, ETH_ALEN);
	} else if (room) {
		ns->opt[0] = ND_OPT_SOURCE_LL_ADDR;
	}
	ns->icmph.icmp6_cksum =
		csum_ipv6_magic(&ip6->saddr, &ip6->daddr, len - c->plen_less,
				IPPROTO_ICMPV6,
				csum_partial(ns, len - c->plen_less, 0));
	if (c->bad_csum)
		ns->icmph.icmp6_cksum =
			(__force __sum16)((__force u16)ns->icmph.icmp6_cksum ^ 1);
	return vnet_test_frame(test, htons(ETH_P_IPV6), buf,
		     sizeof(*ip6) + len - c->cut);
}

static void nd_parse_ns(struct kunit *test)
{
	const struct ns_case *c = test->param_value;
	struct in6_addr a;
	struct xsw_nd_req req;

	KUNIT_ASSERT_EQ(test, parse(ns_frame(test, c), &req), c->want);
	if (c->want)
		return;
	KUNIT_EXPECT_FALSE(test, req.arp);
	a = addr6(test, c->target);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&req.target, &a));
	a = addr6(test, c->src);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&req.sender, &a));
	EXPECT_MAC(test, req.eth_src, vm_mac);
}

/* The parser reads a solicitation whose headers are not in the linear area. */
static void nd_parse_ns_paged(struct kunit *test)
{
	const struct ns_case *c = &ns_cases[0];
	struct sk_buff *skb = ns_frame(test, c), *nl;
	struct xsw_nd_req req;
	struct page *page;

	/* Copy all but the Ethernet header into a page fragment. */
	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	nl = alloc_skb(ETH_HLEN, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, nl);
	skb_put_data(nl, skb->data, ETH_HLEN);
	memcpy(page_address(page), skb->data + ETH_HLEN, skb->len - ETH_HLEN);
	skb_add_rx_frag(nl, 0, page, 0, skb->len - ETH_HLEN, PAGE_SIZE);
	skb_reset_mac_header(nl);
	kfree_skb(skb);
	KUNIT_EXPECT_EQ(test, parse(nl, &req), 0);
}

/* Replies */

/* A naive one's complement sum of 16-bit big-endian words. */
static u16 naive_sum(const u8 *p, unsigned int len, u32 sum)
{
	unsigned int i;

	for (i = 0; i + 1 < len; i += 2)
		sum += p[i] << 8 | p[i + 1];
	if (len & 1)
		sum += p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return sum;
}

static void nd_build_arp(struct kunit *test)
{
	struct xsw_nd_req req = { .arp = true };
	const struct xsw_arp_eth *arp;
	const struct ethhdr *eth;
	struct sk_buff *skb;

	ipv6_addr_set_v4mapped(in_aton("10.1.1.12"), &req.target);
	ipv6_addr_set_v4mapped(in_aton("10.1.1.11"), &req.sender);
	ether_addr_copy(req.eth_src, vm_mac);
	memcpy(req.sha, arp_sha, ETH_ALEN);
	skb = xsw_vnet_nd_build(&req, mapped_mac, false);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_ASSERT_EQ(test, skb->len, ETH_HLEN + sizeof(*arp));
	KUNIT_EXPECT_EQ(test, ntohs(skb->protocol), ETH_P_ARP);
	KUNIT_EXPECT_PTR_EQ(test, skb_mac_header(skb), skb->data);

	eth = (const struct ethhdr *)skb->data;
	EXPECT_MAC(test, eth->h_dest, vm_mac);
	EXPECT_MAC(test, eth->h_source, mapped_mac);
	KUNIT_EXPECT_EQ(test, ntohs(eth->h_proto), ETH_P_ARP);
	arp = (const struct xsw_arp_eth *)(eth + 1);
	KUNIT_EXPECT_EQ(test, ntohs(arp->hdr.ar_hrd), ARPHRD_ETHER);
	KUNIT_EXPECT_EQ(test, ntohs(arp->hdr.ar_pro), ETH_P_IP);
	KUNIT_EXPECT_EQ(test, arp->hdr.ar_hln, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, arp->hdr.ar_pln, 4);
	KUNIT_EXPECT_EQ(test, ntohs(arp->hdr.ar_op), ARPOP_REPLY);
	EXPECT_MAC(test, arp->sha, mapped_mac);
	KUNIT_EXPECT_EQ(test, ntohl(arp->sip), ntohl(in_aton("10.1.1.12")));
	EXPECT_MAC(test, arp->tha, arp_sha);
	KUNIT_EXPECT_EQ(test, ntohl(arp->tip), ntohl(in_aton("10.1.1.11")));
	kfree_skb(skb);
}

static void check_na(struct kunit *test, bool router)
{
	struct xsw_nd_req req = { .arp = false };
	const struct ipv6hdr *ip6;
	const struct ethhdr *eth;
	const struct nd_msg *na;
	struct sk_buff *skb;
	unsigned int i;
	u32 sum = 0;

	req.target = addr6(test, TGT);
	req.sender = addr6(test, "fe80::11");
	ether_addr_copy(req.eth_src, vm_mac);
	skb = xsw_vnet_nd_build(&req, mapped_mac, router);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_ASSERT_EQ(test, skb->len, ETH_HLEN + sizeof(*ip6) + 32);
	KUNIT_EXPECT_EQ(test, ntohs(skb->protocol), ETH_P_IPV6);
	KUNIT_EXPECT_EQ(test, skb_network_offset(skb), ETH_HLEN);

	eth = (const struct ethhdr *)skb->data;
	EXPECT_MAC(test, eth->h_dest, vm_mac);
	EXPECT_MAC(test, eth->h_source, mapped_mac);
	KUNIT_EXPECT_EQ(test, ntohs(eth->h_proto), ETH_P_IPV6);
	ip6 = (const struct ipv6hdr *)(eth + 1);
	/* Version 6, traffic class and flow label 0 */
	KUNIT_EXPECT_EQ(test, get_unaligned_be32(ip6), 0x60000000u);
	KUNIT_EXPECT_EQ(test, ntohs(ip6->payload_len), 32);
	KUNIT_EXPECT_EQ(test, ip6->nexthdr, IPPROTO_ICMPV6);
	KUNIT_EXPECT_EQ(test, ip6->hop_limit, 255);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&ip6->saddr, &req.target));
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&ip6->daddr, &req.sender));

	na = (const struct nd_msg *)(ip6 + 1);
	KUNIT_EXPECT_EQ(test, na->icmph.icmp6_type,
			NDISC_NEIGHBOUR_ADVERTISEMENT);
	KUNIT_EXPECT_EQ(test, na->icmph.icmp6_code, 0);
	/* R, S, O: the first three bits after the checksum */
	KUNIT_EXPECT_EQ(test, ((const u8 *)na)[4], (router ? 0x80 : 0) | 0x60);
	KUNIT_EXPECT_EQ(test, ((const u8 *)na)[5] | ((const u8 *)na)[6] |
			((const u8 *)na)[7], 0);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&na->target, &req.target));
	KUNIT_EXPECT_EQ(test, na->opt[0], ND_OPT_TARGET_LL_ADDR);
	KUNIT_EXPECT_EQ(test, na->opt[1], 1);
	EXPECT_MAC(test, &na->opt[2], mapped_mac);

	/* Pseudo-header (addresses, length, next header) and message: 0xffff */
	for (i = 0; i < 16; i += 2)
		sum += ip6->saddr.s6_addr[i] << 8 | ip6->saddr.s6_addr[i + 1];
	for (i = 0; i < 16; i += 2)
		sum += ip6->daddr.s6_addr[i] << 8 | ip6->daddr.s6_addr[i + 1];
	sum += 32 + IPPROTO_ICMPV6;
	KUNIT_EXPECT_EQ(test, naive_sum((const u8 *)na, 32, sum), 0xffff);
	kfree_skb(skb);
}

static void nd_build_na(struct kunit *test)
{
	check_na(test, false);
}

static void nd_build_na_router(struct kunit *test)
{
	check_na(test, true);
}

/* An NA built from a parsed solicitation parses as no question. */
static void nd_build_na_roundtrip(struct kunit *test)
{
	struct sk_buff *skb = ns_frame(test, &ns_cases[0]);
	struct xsw_nd_req req, again;

	KUNIT_ASSERT_EQ(test, xsw_vnet_nd_parse(skb, &req), 0);
	kfree_skb(skb);
	skb = xsw_vnet_nd_build(&req, mapped_mac, false);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_EQ(test, parse(skb, &again), -1);
}

static struct kunit_case vnet_nd_cases[] = {
	KUNIT_CASE(nd_parse_arp),
	KUNIT_CASE(nd_parse_other),
	KUNIT_CASE_PARAM(nd_parse_ns, ns_gen_params),
	KUNIT_CASE(nd_parse_ns_paged),
	KUNIT_CASE(nd_build_arp),
	KUNIT_CASE(nd_build_na),
	KUNIT_CASE(nd_build_na_router),
	KUNIT_CASE(nd_build_na_roundtrip),
	{}
};

static struct kunit_suite vnet_nd_suite = {
	.name = "xswitch_vnet_nd",
	.test_cases = vnet_nd_cases,
};

kunit_test_suite(vnet_nd_suite);
