/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the ACL KUnit suites share: the fixture that frees rules and
 * classifiers, hand-built frames, and the reference matcher - struct
 * xsw_acl_match's documentation read literally - that the classifier is
 * checked against.  Static inline, so that a suite may leave some unused.
 */
#ifndef _XSW_ACL_TEST_UTIL_H
#define _XSW_ACL_TEST_UTIL_H

#include <kunit/test.h>
#include <linux/icmp.h>
#include <linux/ip.h>
#include <linux/if_vlan.h>
#include <linux/ipv6.h>
#include <linux/slab.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <asm/unaligned.h>

#include "acl_cls.h"

/* The random tests' seed; each test mixes in its own number. */
#define SEED		0x5eed0ac1c1a5ULL
#define VLAN		7

#define M(f)		XSW_ACL_M_##f

struct cls_test_ctx {
	struct xsw_acl_rule *rules;
	struct xsw_acl_key *keys;
	struct xsw_acl_cls *cls;
};

static inline int cls_test_init(struct kunit *test)
{
	test->priv = kunit_kzalloc(test, sizeof(struct cls_test_ctx),
				   GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, test->priv);
	return 0;
}

static inline void cls_test_exit(struct kunit *test)
{
	struct cls_test_ctx *ctx = test->priv;

	if (!IS_ERR_OR_NULL(ctx->cls))
		xsw_acl_cls_destroy(ctx->cls);
	kvfree(ctx->rules);
	kvfree(ctx->keys);
}

/* Zeroed rules that the fixture frees. */
static inline struct xsw_acl_rule *rules_alloc(struct kunit *test, u32 n)
{
	struct cls_test_ctx *ctx = test->priv;

	kvfree(ctx->rules);
	ctx->rules = kvcalloc(n, sizeof(*ctx->rules), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx->rules);
	return ctx->rules;
}

/* Builds a classifier that the fixture frees; may be an ERR_PTR(). */
static inline struct xsw_acl_cls *build(struct kunit *test,
					const struct xsw_acl_rule *rules, u32 n)
{
	struct cls_test_ctx *ctx = test->priv;

	if (!IS_ERR_OR_NULL(ctx->cls))
		xsw_acl_cls_destroy(ctx->cls);
	ctx->cls = xsw_acl_cls_create(rules, n);
	return ctx->cls;
}

/* ------------------------------------------------------ the reference */

static inline bool ref_prefix(const struct xsw_acl_prefix *p,
			      const struct xsw_acl_key *k,
			      const struct in6_addr *a)
{
	u32 mask;

	if (p->family == AF_INET) {
		mask = p->len ? ~0U << (32 - p->len) : 0;
		return k->eth_type == htons(ETH_P_IP) &&
		       !((ntohl(a->s6_addr32[3]) ^
			  ntohl(p->addr.s6_addr32[3])) & mask);
	}
	return k->eth_type == htons(ETH_P_IPV6) &&
	       ipv6_prefix_equal(a, &p->addr, p->len);
}

static inline bool ref_mac(const u8 *mac, const u8 *want, const u8 *mask)
{
	int i;

	for (i = 0; i < ETH_ALEN; i++)
		if ((mac[i] ^ want[i]) & mask[i])
			return false;
	return true;
}

static inline bool ref_port(__be16 port,
			    const struct xsw_acl_port_range *r)
{
	return ntohs(port) >= r->lo && ntohs(port) <= r->hi;
}

/* struct xsw_acl_match's documentation, read literally. */
static inline bool ref_match(const struct xsw_acl_match *m,
			     const struct xsw_acl_key *k)
{
	bool ip = k->flags & XSW_ACL_KEY_IP, l4 = k->flags & XSW_ACL_KEY_L4;
	u32 f = m->fields;

	if ((f & XSW_ACL_M_SRC_MAC) &&
	    !ref_mac(k->src_mac, m->src_mac, m->src_mac_mask))
		return false;
	if ((f & XSW_ACL_M_DST_MAC) &&
	    !ref_mac(k->dst_mac, m->dst_mac, m->dst_mac_mask))
		return false;
	if ((f & XSW_ACL_M_ETH_TYPE) && k->eth_type != m->eth_type)
		return false;
	if ((f & XSW_ACL_M_VLAN_ID) && k->vlan_id != m->vlan_id)
		return false;
	if ((f & XSW_ACL_M_SRC_IP) &&
	    !(ip && ref_prefix(&m->src_ip, k, &k->src_ip)))
		return false;
	if ((f & XSW_ACL_M_DST_IP) &&
	    !(ip && ref_prefix(&m->dst_ip, k, &k->dst_ip)))
		return false;
	if ((f & XSW_ACL_M_IP_PROTO) && !(ip && k->ip_proto == m->ip_proto))
		return false;
	if ((f & XSW_ACL_M_SRC_PORT) &&
	    !(l4 && ref_port(k->src_port, &m->src_port)))
		return false;
	if ((f & XSW_ACL_M_DST_PORT) &&
	    !(l4 && ref_port(k->dst_port, &m->dst_port)))
		return false;
	if ((f & XSW_ACL_M_ICMP_TYPE) && !(l4 && k->icmp_type == m->icmp_type))
		return false;
	if ((f & XSW_ACL_M_ICMP_CODE) && !(l4 && k->icmp_code == m->icmp_code))
		return false;
	if ((f & XSW_ACL_M_TCP_FLAGS) &&
	    !(l4 && !((k->tcp_flags ^ m->tcp_flags) & m->tcp_flags_mask)))
		return false;
	return true;
}

/* A linear scan: the lowest priority, then the lowest id, then the first. */
static inline const struct xsw_acl_rule *
ref_lookup(const struct xsw_acl_rule *rules, u32 n, const struct xsw_acl_key *k)
{
	const struct xsw_acl_rule *best = NULL;
	u32 i;

	for (i = 0; i < n; i++) {
		const struct xsw_acl_rule *r = &rules[i];

		if (!ref_match(&r->match, k))
			continue;
		if (!best || r->priority < best->priority ||
		    (r->priority == best->priority && r->id < best->id))
			best = r;
	}
	return best;
}

static inline bool same_rule(const struct xsw_acl_rule *a,
			     const struct xsw_acl_rule *b)
{
	if (!a || !b)
		return a == b;
	return a->priority == b->priority && a->id == b->id &&
	       a->action == b->action;
}

/* ------------------------------------------------------------ frames */

enum l3 { ARP, V4, V6 };
enum frag { WHOLE, FIRST, LATER };

#define SPORT		1234
#define DPORT		80
#define TCPFLAGS	0x12	/* SYN ACK */
#define SRC4		0x0a000001
#define DST4		0x0a000002

static const u8 src_mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 1 };
static const u8 dst_mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 2 };
static const struct in6_addr src6 = { .s6_addr = { 0x20, 0x01, 0x0d, 0xb8,
						   [15] = 1 } };
static const struct in6_addr dst6 = { .s6_addr = { 0x20, 0x01, 0x0d, 0xb8,
						   [15] = 2 } };

struct frame {
	const char *desc;
	enum l3 l3;
	u8 proto;		/* L4 protocol */
	u8 ihl;			/* IPv4 header length field, 0: 5 */
	bool hbh;		/* IPv6: a hop-by-hop header before L4 */
	enum frag frag;
	int len_delta;		/* added to the IP total/payload length */
	int pad;		/* bytes after the IP packet */
	int cut;		/* bytes cut off the end of the frame */
	u8 flags;		/* XSW_ACL_KEY_* the key should have */
	bool no_proto;		/* IPv6: cut before the upper layer */
	int tags;		/* VLAN tags in the payload: 802.1ad, then 802.1Q */
};

#define IP_L4	(XSW_ACL_KEY_IP | XSW_ACL_KEY_L4)

static inline int l4_len(u8 proto)
{
	switch (proto) {
	case IPPROTO_TCP:
		return 20;
	case IPPROTO_SCTP:
		return 12;
	default:
		return 8;
	}
}

/*
 * Ethernet, IP, L4 as @f says: IPv4 10.0.0.1 -> 10.0.0.2, IPv6 2001:db8::1
 * -> ::2, ports 1234 -> 80, TCP flags SYN ACK, ICMP 3/4, ICMPv6 1/3.
 */
static inline struct sk_buff *build_frame(struct kunit *test,
					  const struct frame *f)
{
	struct sk_buff *skb = alloc_skb(512, GFP_KERNEL);
	struct ipv6hdr *ip6h = NULL;
	struct iphdr *iph = NULL;
	struct ethhdr *eth;
	__be16 *proto;
	int l3, i;
	u8 *l4;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	eth = skb_put_zero(skb, ETH_HLEN);
	memcpy(eth->h_dest, dst_mac, ETH_ALEN);
	memcpy(eth->h_source, src_mac, ETH_ALEN);
	proto = &eth->h_proto;
	for (i = 0; i < f->tags; i++) {
		struct vlan_hdr *vh = skb_put_zero(skb, VLAN_HLEN);

		*proto = htons(i ? ETH_P_8021Q : ETH_P_8021AD);
		vh->h_vlan_TCI = htons(100 + i);
		proto = &vh->h_vlan_encapsulated_proto;
	}
	l3 = skb->len;
	if (f->l3 == ARP) {
		*proto = htons(ETH_P_ARP);
		skb_put_zero(skb, 28);
		goto cut;
	}
	if (f->l3 == V4) {
		int hlen = max_t(int, f->ihl ?: 5, 5) * 4;

		*proto = htons(ETH_P_IP);
		iph = skb_put_zero(skb, hlen);
		iph->version = 4;
		iph->ihl = f->ihl ?: 5;
		iph->ttl = 64;
		iph->protocol = f->proto;
		iph->saddr = htonl(SRC4);
		iph->daddr = htonl(DST4);
		memset(iph + 1, IPOPT_NOOP, hlen - sizeof(*iph));
		if (f->frag == FIRST)
			iph->frag_off = htons(IP_MF);
		else if (f->frag == LATER)
			iph->frag_off = htons(185);
	} else {
		u8 *next;

		*proto = htons(ETH_P_IPV6);
		ip6h = skb_put_zero(skb, sizeof(*ip6h));
		ip6h->version = 6;
		ip6h->hop_limit = 64;
		ip6h->saddr = src6;
		ip6h->daddr = dst6;
		next = &ip6h->nexthdr;
		if (f->hbh) {
			u8 *hbh = skb_put_zero(skb, 8);

			*next = NEXTHDR_HOP;
			next = &hbh[0];
			hbh[2] = 1;	/* PadN, 4 bytes */
			hbh[3] = 4;
		}
		if (f->frag) {
			struct frag_hdr *fh = skb_put_zero(skb, sizeof(*fh));

			*next = NEXTHDR_FRAGMENT;
			next = &fh->nexthdr;
			fh->frag_off = htons(f->frag == FIRST ? IP6_MF : 185 << 3);
			fh->identification = htonl(1);
		}
		*next = f->proto;
	}

	l4 = skb_put_zero(skb, l4_len(f->proto));
	if (f->proto == IPPROTO_ICMP || f->proto == IPPROTO_ICMPV6) {
		l4[0] = f->proto == IPPROTO_ICMP ? 3 : 1;
		l4[1] = f->proto == IPPROTO_ICMP ? 4 : 3;
	} else {
		put_unaligned_be16(SPORT, l4);
		put_unaligned_be16(DPORT, l4 + 2);
		l4[12] = 5 << 4;	/* TCP data offset */
		l4[13] = TCPFLAGS;
	}

	if (iph)
		iph->tot_len = htons(skb->len - l3 + f->len_delta);
	else
		ip6h->payload_len = htons(skb->len - l3 - sizeof(*ip6h) +
					  f->len_delta);
	skb_put_zero(skb, f->pad);
cut:
	skb_trim(skb, skb->len - f->cut);
	return skb;
}

/* ---------------------------------------------------------- rule sets */

static inline void set_v4(struct xsw_acl_prefix *p, u32 addr, u8 len)
{
	ipv6_addr_set_v4mapped(htonl(addr), &p->addr);
	p->family = AF_INET;
	p->len = len;
}

static inline u32 found(const struct xsw_acl_cls *cls,
			const struct xsw_acl_key *k)
{
	const struct xsw_acl_rule *r = xsw_acl_cls_lookup(cls, k);

	return r ? r->id : U32_MAX;
}

#endif /* _XSW_ACL_TEST_UTIL_H */
