// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for acl_cls.c on random rule sets and keys, checked against
 * a linear scan of the rules (the reference in acl_test_util.h), up to
 * 10,000 rules; and the limits on rules and entries.
 */

#include <kunit/test.h>
#include <linux/ktime.h>
#include <linux/prandom.h>

#include "acl_test_util.h"

/* ---------------------------------------------------- random rule sets */

struct gen {
	struct rnd_state rnd;
};

static u32 below(struct gen *g, u32 n)
{
	return prandom_u32_state(&g->rnd) % n;
}

/* True one time in @n. */
static bool one_in(struct gen *g, u32 n)
{
	return !below(g, n);
}

static const u16 port_pool[] = { 0, 22, 53, 80, 443, 1023, 1024, 8080,
				 65535 };
static const u8 proto_pool[] = { IPPROTO_TCP, IPPROTO_UDP, IPPROTO_SCTP,
				 IPPROTO_ICMP, IPPROTO_ICMPV6, IPPROTO_GRE };
static const u8 icmp_pool[] = { 0, 1, 3, 8, 128, 129 };

static u16 gen_port(struct gen *g)
{
	if (one_in(g, 4))
		return below(g, 0x10000);
	return port_pool[below(g, ARRAY_SIZE(port_pool))];
}

static void gen_mac(struct gen *g, u8 *mac)
{
	static const u8 pool[][ETH_ALEN] = {
		{ 0x02, 0, 0, 0, 0, 1 }, { 0x02, 0, 0, 0, 0, 2 },
		{ 0x02, 0, 0, 0, 1, 1 }, { 0x01, 0, 0x5e, 0, 0, 1 },
	};

	if (one_in(g, 8))
		prandom_bytes_state(&g->rnd, mac, ETH_ALEN);
	else
		memcpy(mac, pool[below(g, ARRAY_SIZE(pool))], ETH_ALEN);
}

static void gen_mac_mask(struct gen *g, u8 *mask)
{
	static const u8 pool[][ETH_ALEN] = {
		{ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
		{ 0xff, 0xff, 0xff, 0, 0, 0 }, { 0x01, 0, 0, 0, 0, 0 },
	};

	memcpy(mask, pool[below(g, ARRAY_SIZE(pool))], ETH_ALEN);
}

/* Addresses from a few nearby ones, so that prefixes overlap. */
static void gen_addr(struct gen *g, u8 family, struct in6_addr *a)
{
	if (family == AF_INET) {
		u32 v = 0x0a000000 | below(g, 2) << 8 | below(g, 4);

		ipv6_addr_set_v4mapped(htonl(one_in(g, 8) ?
					     prandom_u32_state(&g->rnd) : v),
				       a);
		return;
	}
	if (one_in(g, 8)) {
		prandom_bytes_state(&g->rnd, a, sizeof(*a));
		return;
	}
	memset(a, 0, sizeof(*a));
	a->s6_addr32[0] = htonl(0x20010db8);
	a->s6_addr[7] = below(g, 2);
	a->s6_addr[15] = below(g, 4);
}

static u8 gen_plen(struct gen *g, u8 family)
{
	u8 max = family == AF_INET ? 32 : 128;

	switch (below(g, 5)) {
	case 0:
		return max;
	case 1:
		return max - 1 - below(g, 2);
	case 2:
		return max / 2;
	case 3:
		return below(g, 2) ? 0 : 8;
	default:
		return below(g, max + 1);
	}
}

static void gen_prefix(struct gen *g, u8 family, struct xsw_acl_prefix *p)
{
	gen_addr(g, family, &p->addr);
	p->family = family;
	p->len = gen_plen(g, family);
}

static void gen_range(struct gen *g, struct xsw_acl_port_range *r,
		      bool single)
{
	u16 a = gen_port(g), b;

	if (single || one_in(g, 3)) {
		r->lo = a;
		r->hi = a;
		return;
	}
	b = one_in(g, 4) ? a + below(g, 100) : gen_port(g);
	r->lo = min(a, b);
	r->hi = max(a, b);
}

static bool has_ports(u8 proto)
{
	return proto == IPPROTO_TCP || proto == IPPROTO_UDP ||
	       proto == IPPROTO_SCTP;
}

/* Any valid match; port ranges only single ports if @single. */
static void gen_match(struct gen *g, struct xsw_acl_match *m, bool single)
{
	static const u16 types[] = { ETH_P_IP, ETH_P_IPV6, ETH_P_ARP };
	u8 family = below(g, 3) ? (below(g, 2) ? AF_INET : AF_INET6) : 0;

	memset(m, 0, sizeof(*m));
	if (one_in(g, 4)) {
		m->fields |= M(SRC_MAC);
		gen_mac(g, m->src_mac);
		gen_mac_mask(g, m->src_mac_mask);
	}
	if (one_in(g, 4)) {
		m->fields |= M(DST_MAC);
		gen_mac(g, m->dst_mac);
		gen_mac_mask(g, m->dst_mac_mask);
	}
	if (one_in(g, 5)) {
		m->fields |= M(VLAN_ID);
		m->vlan_id = 1 + below(g, 3);
	}
	if (family) {
		if (below(g, 3)) {
			m->fields |= M(SRC_IP);
			gen_prefix(g, family, &m->src_ip);
		}
		if (below(g, 3)) {
			m->fields |= M(DST_IP);
			gen_prefix(g, family, &m->dst_ip);
		}
		if (one_in(g, 4)) {
			m->fields |= M(ETH_TYPE);
			m->eth_type = htons(family == AF_INET ? ETH_P_IP :
					    ETH_P_IPV6);
		}
	} else if (one_in(g, 3)) {
		m->fields |= M(ETH_TYPE);
		m->eth_type = htons(types[below(g, ARRAY_SIZE(types))]);
		if (m->eth_type == htons(ETH_P_ARP))
			return;
		family = m->eth_type == htons(ETH_P_IP) ? AF_INET : AF_INET6;
	}
	if (one_in(g, 3))
		return;

	m->fields |= M(IP_PROTO);
	m->ip_proto = proto_pool[below(g, ARRAY_SIZE(proto_pool))];
	if (m->ip_proto == IPPROTO_ICMP || m->ip_proto == IPPROTO_ICMPV6) {
		if (family)
			m->ip_proto = family == AF_INET ? IPPROTO_ICMP :
				      IPPROTO_ICMPV6;
		if (below(g, 2)) {
			m->fields |= M(ICMP_TYPE);
			m->icmp_type = icmp_pool[below(g, ARRAY_SIZE(icmp_pool))];
		}
		if (one_in(g, 3)) {
			m->fields |= M(ICMP_CODE);
			m->icmp_code = below(g, 4);
		}
	}
	if (has_ports(m->ip_proto)) {
		if (below(g, 2)) {
			m->fields |= M(SRC_PORT);
			gen_range(g, &m->src_port, single);
		}
		if (below(g, 2)) {
			m->fields |= M(DST_PORT);
			gen_range(g, &m->dst_port, single);
		}
	}
	if (m->ip_proto == IPPROTO_TCP && one_in(g, 3)) {
		static const u8 masks[] = { 0x02, 0x12, 0x3f, 0x17 };

		m->fields |= M(TCP_FLAGS);
		m->tcp_flags = prandom_u32_state(&g->rnd);
		m->tcp_flags_mask = masks[below(g, ARRAY_SIZE(masks))];
	}
}

/* Like @t, with other values but the same shape. */
static void gen_like(struct gen *g, struct xsw_acl_match *m,
		     const struct xsw_acl_match *t)
{
	*m = *t;
	if (m->fields & M(SRC_MAC))
		gen_mac(g, m->src_mac);
	if (m->fields & M(DST_MAC))
		gen_mac(g, m->dst_mac);
	if (m->fields & M(VLAN_ID))
		m->vlan_id = 1 + below(g, 3);
	if (m->fields & M(SRC_IP))
		gen_addr(g, t->src_ip.family, &m->src_ip.addr);
	if (m->fields & M(DST_IP))
		gen_addr(g, t->dst_ip.family, &m->dst_ip.addr);
	if (m->fields & M(SRC_PORT))
		gen_range(g, &m->src_port, true);
	if (m->fields & M(DST_PORT))
		gen_range(g, &m->dst_port, true);
	if (m->fields & M(ICMP_TYPE))
		m->icmp_type = icmp_pool[below(g, ARRAY_SIZE(icmp_pool))];
	if (m->fields & M(ICMP_CODE))
		m->icmp_code = below(g, 4);
	if (m->fields & M(TCP_FLAGS))
		m->tcp_flags = prandom_u32_state(&g->rnd);
}

/* A key as extraction could give it. */
static void gen_key(struct gen *g, struct xsw_acl_key *k)
{
	static const u16 types[] = { ETH_P_IP, ETH_P_IPV6, ETH_P_ARP };
	u8 family;

	memset(k, 0, sizeof(*k));
	gen_mac(g, k->src_mac);
	gen_mac(g, k->dst_mac);
	k->vlan_id = 1 + below(g, 3);
	k->eth_type = htons(types[below(g, ARRAY_SIZE(types))]);
	if (k->eth_type == htons(ETH_P_ARP) || one_in(g, 16))
		return;
	family = k->eth_type == htons(ETH_P_IP) ? AF_INET : AF_INET6;
	gen_addr(g, family, &k->src_ip);
	gen_addr(g, family, &k->dst_ip);
	k->flags = XSW_ACL_KEY_IP;
	k->ip_proto = proto_pool[below(g, ARRAY_SIZE(proto_pool))];
	if (one_in(g, 8)) {
		k->flags |= XSW_ACL_KEY_FRAG | XSW_ACL_KEY_LATER_FRAG;
		return;
	}
	if (k->ip_proto == IPPROTO_GRE || one_in(g, 16))
		return;
	k->flags |= XSW_ACL_KEY_L4;
	if (has_ports(k->ip_proto)) {
		k->src_port = htons(gen_port(g));
		k->dst_port = htons(gen_port(g));
		if (k->ip_proto == IPPROTO_TCP)
			k->tcp_flags = prandom_u32_state(&g->rnd);
	} else {
		k->icmp_type = icmp_pool[below(g, ARRAY_SIZE(icmp_pool))];
		k->icmp_code = below(g, 4);
	}
}

static void fit_mac(struct gen *g, u8 *mac, const u8 *want, const u8 *mask)
{
	int i;

	for (i = 0; i < ETH_ALEN; i++)
		mac[i] = (want[i] & mask[i]) | (mac[i] & ~mask[i]);
}

/* @a inside @p, the bits past the prefix kept. */
static void fit_prefix(struct in6_addr *a, const struct xsw_acl_prefix *p)
{
	int start = p->family == AF_INET ? 96 : 0, i, bit;

	if (p->family == AF_INET && !ipv6_addr_v4mapped(a))
		ipv6_addr_set_v4mapped(a->s6_addr32[3], a);
	for (i = 0; i < p->len; i++) {
		bit = start + i;
		a->s6_addr[bit / 8] &= ~(0x80 >> (bit % 8));
		a->s6_addr[bit / 8] |= p->addr.s6_addr[bit / 8] &
				       (0x80 >> (bit % 8));
	}
}

static u16 port_in(struct gen *g, const struct xsw_acl_port_range *r)
{
	switch (below(g, 4)) {
	case 0:
		return r->lo;
	case 1:
		return r->hi;
	default:
		return r->lo + below(g, (u32)r->hi - r->lo + 1);
	}
}

/* Changes @k to match @m, which it did not have to before. */
static void fit_key(struct gen *g, struct xsw_acl_key *k,
		    const struct xsw_acl_match *m)
{
	u32 f = m->fields;

	if (f & M(SRC_MAC))
		fit_mac(g, k->src_mac, m->src_mac, m->src_mac_mask);
	if (f & M(DST_MAC))
		fit_mac(g, k->dst_mac, m->dst_mac, m->dst_mac_mask);
	if (f & M(ETH_TYPE))
		k->eth_type = m->eth_type;
	if (f & M(VLAN_ID))
		k->vlan_id = m->vlan_id;
	if (f & (M(SRC_IP) | M(DST_IP) | M(IP_PROTO)))
		k->flags |= XSW_ACL_KEY_IP;
	if (f & M(SRC_IP)) {
		k->eth_type = htons(m->src_ip.family == AF_INET ? ETH_P_IP :
				    ETH_P_IPV6);
		fit_prefix(&k->src_ip, &m->src_ip);
	}
	if (f & M(DST_IP)) {
		k->eth_type = htons(m->dst_ip.family == AF_INET ? ETH_P_IP :
				    ETH_P_IPV6);
		fit_prefix(&k->dst_ip, &m->dst_ip);
	}
	if (f & M(IP_PROTO))
		k->ip_proto = m->ip_proto;
	if (f & (M(SRC_PORT) | M(DST_PORT) | M(ICMP_TYPE) | M(ICMP_CODE) |
		 M(TCP_FLAGS))) {
		k->flags |= XSW_ACL_KEY_L4;
		k->flags &= ~XSW_ACL_KEY_LATER_FRAG;
	}
	if (f & M(SRC_PORT))
		k->src_port = htons(port_in(g, &m->src_port));
	if (f & M(DST_PORT))
		k->dst_port = htons(port_in(g, &m->dst_port));
	if (f & M(ICMP_TYPE))
		k->icmp_type = m->icmp_type;
	if (f & M(ICMP_CODE))
		k->icmp_code = m->icmp_code;
	if (f & M(TCP_FLAGS))
		k->tcp_flags = (m->tcp_flags & m->tcp_flags_mask) |
			       (k->tcp_flags & ~m->tcp_flags_mask);
}

/* One small change that may or may not unmatch @m. */
static void spoil_key(struct gen *g, struct xsw_acl_key *k,
		      const struct xsw_acl_match *m)
{
	u8 *b = (u8 *)k;

	switch (below(g, 4)) {
	case 0:		/* a bit of any field */
		b[below(g, offsetof(struct xsw_acl_key, flags))] ^=
			1 << below(g, 8);
		break;
	case 1:		/* just outside a port range */
		if (m->fields & M(DST_PORT))
			k->dst_port = htons(below(g, 2) ? m->dst_port.lo - 1 :
					    m->dst_port.hi + 1);
		else if (m->fields & M(SRC_PORT))
			k->src_port = htons(below(g, 2) ? m->src_port.lo - 1 :
					    m->src_port.hi + 1);
		break;
	case 2:
		k->flags ^= below(g, 2) ? XSW_ACL_KEY_IP : XSW_ACL_KEY_L4;
		break;
	default:	/* a bit in the flags' byte */
		k->flags ^= BIT(below(g, 5));
		break;
	}
}

/* A key, most often made to match one or two of the rules. */
static void test_key(struct gen *g, struct xsw_acl_key *k,
		     const struct xsw_acl_rule *rules, u32 n)
{
	const struct xsw_acl_match *m;

	gen_key(g, k);
	if (one_in(g, 5))
		return;
	m = &rules[below(g, n)].match;
	fit_key(g, k, m);
	if (one_in(g, 4))
		fit_key(g, k, &rules[below(g, n)].match);
	if (one_in(g, 3))
		spoil_key(g, k, m);
}

/* Roughly how many bits of a key @m fixes. */
static int specificity(const struct xsw_acl_match *m)
{
	u32 f = m->fields;
	int bits = 0, i;

	for (i = 0; i < ETH_ALEN; i++) {
		if (f & M(SRC_MAC))
			bits += hweight8(m->src_mac_mask[i]);
		if (f & M(DST_MAC))
			bits += hweight8(m->dst_mac_mask[i]);
	}
	bits += f & M(ETH_TYPE) ? 16 : 0;
	bits += f & M(VLAN_ID) ? 12 : 0;
	bits += f & M(SRC_IP) ? m->src_ip.len : 0;
	bits += f & M(DST_IP) ? m->dst_ip.len : 0;
	bits += f & M(IP_PROTO) ? 8 : 0;
	if (f & M(SRC_PORT))
		bits += 16 - ilog2((u32)m->src_port.hi - m->src_port.lo + 1);
	if (f & M(DST_PORT))
		bits += 16 - ilog2((u32)m->dst_port.hi - m->dst_port.lo + 1);
	bits += f & M(ICMP_TYPE) ? 8 : 0;
	bits += f & M(ICMP_CODE) ? 8 : 0;
	bits += f & M(TCP_FLAGS) ? hweight8(m->tcp_flags_mask) : 0;
	return bits;
}

/*
 * Rules from @templates shapes (0: any), priorities below @prios.  With
 * any shapes, the broader a rule the later its priority, in three bands as
 * in a real ACL: else a few broad rules would win every lookup.
 */
static void gen_rules(struct gen *g, struct xsw_acl_rule *rules, u32 n,
		      u32 templates, u32 prios)
{
	struct xsw_acl_match t[8];
	int spec;
	u32 i;

	for (i = 0; i < templates; i++)
		gen_match(g, &t[i], true);
	for (i = 0; i < n; i++) {
		if (templates)
			gen_like(g, &rules[i].match, &t[below(g, templates)]);
		else	/* A rule that matches all would hide the others. */
			do {
				gen_match(g, &rules[i].match, false);
			} while (!rules[i].match.fields);
		rules[i].priority = below(g, prios);
		if (!templates && prios > 1) {
			spec = specificity(&rules[i].match);
			rules[i].priority += (spec < 48) * prios +
					     (spec < 24) * prios;
		}
		/* Unique, in no relation to the order. */
		rules[i].id = (i * 2654435761U) ^ 0x5a5a;
		rules[i].action = i;
	}
}

/*
 * Looks up @lookups keys in @cls and in @rules; false after a difference.
 * Counts the keys that matched a rule, and the rules that won at least once.
 */
static bool same_answers(struct kunit *test, struct gen *g,
			 const struct xsw_acl_cls *cls,
			 const struct xsw_acl_rule *rules, u32 n,
			 u32 lookups, u32 *hits, u32 *winners)
{
	const struct xsw_acl_rule *got, *want;
	unsigned long *won;
	struct xsw_acl_key k;
	u32 i;

	won = kunit_kcalloc(test, BITS_TO_LONGS(n), sizeof(long), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, won);
	*hits = 0;
	for (i = 0; i < lookups; i++) {
		test_key(g, &k, rules, n);
		got = xsw_acl_cls_lookup(cls, &k);
		want = ref_lookup(rules, n, &k);
		if (want) {
			(*hits)++;
			__set_bit(want - rules, won);
		}
		*winners = bitmap_weight(won, n);
		if (same_rule(got, want))
			continue;
		KUNIT_FAIL(test, "lookup %u: got id %d priority %u, want rule %d id %d priority %u",
			   i, got ? (int)got->id : -1, got ? got->priority : 0,
			   want ? (int)(want - rules) : -1,
			   want ? (int)want->id : -1,
			   want ? want->priority : 0);
		return false;
	}
	return true;
}

struct random_case {
	const char *desc;
	u32 seed;		/* mixed into SEED */
	u32 rules;
	u32 templates;		/* 0: any shapes */
	u32 prios;		/* priorities 0..prios-1 */
	u32 lookups;
};

static const struct random_case random_cases[] = {
	{ "200 rules, 8 shapes", 1, 200, 8, 50, 50000 },
	{ "200 rules, 8 other shapes", 2, 200, 8, 50, 50000 },
	{ "200 rules, 3 shapes, many ties", 3, 200, 3, 4, 50000 },
	{ "2000 rules, any shapes", 4, 2000, 0, 500, 50000 },
	{ "2000 other rules, any shapes", 5, 2000, 0, 2000, 50000 },
	{ "500 rules, any shapes, one priority", 6, 500, 0, 1, 50000 },
	{ "20 rules, any shapes", 7, 20, 0, 20, 50000 },
};

static void random_desc(const struct random_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(random, random_cases, random_desc);

static void cls_matches_reference(struct kunit *test)
{
	const struct random_case *c = test->param_value;
	u64 seed = SEED ^ ((u64)c->seed << 48);
	struct xsw_acl_rule *rules = rules_alloc(test, c->rules);
	struct xsw_acl_cls *cls;
	u32 i, hits, winners;
	struct gen g;
	u64 t;

	prandom_seed_state(&g.rnd, seed);
	gen_rules(&g, rules, c->rules, c->templates, c->prios);
	for (i = 0; i < c->rules; i++)
		KUNIT_ASSERT_EQ(test, xsw_acl_match_check(&rules[i].match,
							  NULL), 0);
	t = ktime_get_ns();
	cls = build(test, rules, c->rules);
	t = ktime_get_ns() - t;
	KUNIT_ASSERT_FALSE(test, IS_ERR(cls));
	if (c->templates)
		KUNIT_EXPECT_LE(test, xsw_acl_cls_shapes(cls), c->templates);

	if (!same_answers(test, &g, cls, rules, c->rules, c->lookups, &hits,
			  &winners))
		return;
	kunit_info(test, "seed %#llx: %u rules, %u shapes, %u entries, built in %llu us; %u lookups agree, %u matched a rule, %u rules won\n",
		   seed, c->rules, xsw_acl_cls_shapes(cls),
		   xsw_acl_cls_entries(cls), t / 1000, c->lookups, hits,
		   winners);
	/* Keys were aimed at the rules: most should hit one. */
	KUNIT_EXPECT_GT(test, hits, c->lookups / 2);
}

/* Values from the whole space rather than the few the generator reuses. */
static void spread(struct gen *g, struct xsw_acl_match *m)
{
	if (m->fields & M(SRC_MAC))
		prandom_bytes_state(&g->rnd, m->src_mac, ETH_ALEN);
	if (m->fields & M(DST_MAC))
		prandom_bytes_state(&g->rnd, m->dst_mac, ETH_ALEN);
	if (m->fields & M(SRC_IP))
		prandom_bytes_state(&g->rnd, &m->src_ip.addr.s6_addr32[3], 4);
	if ((m->fields & M(DST_IP)) && m->dst_ip.family == AF_INET)
		prandom_bytes_state(&g->rnd, &m->dst_ip.addr.s6_addr32[3], 4);
	else if (m->fields & M(DST_IP))
		prandom_bytes_state(&g->rnd, &m->dst_ip.addr, 16);
	if (m->fields & M(DST_PORT)) {
		m->dst_port.lo = below(g, 0x10000);
		m->dst_port.hi = m->dst_port.lo;
	}
}

/* 10,000 rules in 8 shapes, as a port ACL at its limit might have. */
static void cls_10k_rules(struct kunit *test)
{
	struct cls_test_ctx *ctx = test->priv;
	struct xsw_acl_match t[8] = {};
	struct xsw_acl_rule *rules;
	const u32 n = XSW_ACL_MAX_RULES, lookups = 2000;
	struct xsw_acl_cls *cls;
	u64 build_ns, lookup_ns;
	u32 i, hits, winners;
	struct gen g;

	prandom_seed_state(&g.rnd, SEED ^ n);
	t[0].fields = M(DST_IP);
	set_v4(&t[0].dst_ip, 0, 32);
	t[1].fields = M(SRC_IP) | M(DST_PORT) | M(IP_PROTO);
	t[1].ip_proto = IPPROTO_TCP;
	set_v4(&t[1].src_ip, 0, 24);
	t[2].fields = M(DST_IP) | M(DST_PORT) | M(IP_PROTO);
	t[2].dst_ip.family = AF_INET6;
	t[2].dst_ip.len = 64;
	t[2].ip_proto = IPPROTO_UDP;
	t[3].fields = M(SRC_MAC) | M(VLAN_ID);
	memset(t[3].src_mac_mask, 0xff, ETH_ALEN);
	t[4].fields = M(DST_MAC);
	memset(t[4].dst_mac_mask, 0xff, ETH_ALEN);
	t[5].fields = M(ETH_TYPE) | M(VLAN_ID);
	t[5].eth_type = htons(ETH_P_ARP);
	t[6].fields = M(SRC_IP) | M(DST_IP) | M(TCP_FLAGS) | M(IP_PROTO);
	t[6].ip_proto = IPPROTO_TCP;
	set_v4(&t[6].src_ip, 0, 16);
	set_v4(&t[6].dst_ip, 0, 16);
	t[6].tcp_flags_mask = 0x12;
	t[7].fields = M(ICMP_TYPE) | M(ICMP_CODE) | M(IP_PROTO);
	t[7].ip_proto = IPPROTO_ICMP;

	rules = rules_alloc(test, n);
	for (i = 0; i < n; i++) {
		gen_like(&g, &rules[i].match, &t[i % 8]);
		spread(&g, &rules[i].match);
		rules[i].priority = below(&g, 1000);
		rules[i].id = i;
	}
	build_ns = ktime_get_ns();
	cls = build(test, rules, n);
	build_ns = ktime_get_ns() - build_ns;
	KUNIT_ASSERT_FALSE(test, IS_ERR(cls));
	KUNIT_EXPECT_EQ(test, xsw_acl_cls_shapes(cls), 8U);

	if (!same_answers(test, &g, cls, rules, n, lookups, &hits, &winners))
		return;

	/* Time lookups alone, over keys made beforehand. */
	ctx->keys = kvcalloc(lookups, sizeof(*ctx->keys), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx->keys);
	for (i = 0; i < lookups; i++)
		test_key(&g, &ctx->keys[i], rules, n);
	lookup_ns = ktime_get_ns();
	for (i = 0; i < lookups; i++)
		hits += !!xsw_acl_cls_lookup(cls, &ctx->keys[i]);
	lookup_ns = ktime_get_ns() - lookup_ns;

	kunit_info(test, "%u rules: %u shapes, %u entries, built in %llu us; %u lookups agree, %u rules won; %llu ns a lookup\n",
		   n, xsw_acl_cls_shapes(cls), xsw_acl_cls_entries(cls),
		   build_ns / 1000, lookups, winners, lookup_ns / lookups);
	KUNIT_EXPECT_LT(test, build_ns, 100ULL * NSEC_PER_MSEC);
}

static void cls_limits(struct kunit *test)
{
	struct xsw_acl_rule *rules = rules_alloc(test, XSW_ACL_MAX_RULES + 1);
	const u32 wide = XSW_ACL_MAX_ENTRIES / (30 * 30);
	struct xsw_acl_cls *cls;
	u32 i, hits, winners;
	struct xsw_acl_key k;
	struct gen g;
	u64 t;

	/* Rules: at most 10,000. */
	for (i = 0; i <= XSW_ACL_MAX_RULES; i++) {
		rules[i].priority = 1 + i % 100;
		rules[i].id = i;
	}
	cls = build(test, rules, XSW_ACL_MAX_RULES + 1);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(cls), -E2BIG);
	cls = build(test, rules, XSW_ACL_MAX_RULES);
	KUNIT_ASSERT_FALSE(test, IS_ERR(cls));
	KUNIT_EXPECT_EQ(test, xsw_acl_cls_shapes(cls), 1U);
	KUNIT_EXPECT_EQ(test, xsw_acl_cls_entries(cls), 1U);
	memset(&k, 0, sizeof(k));
	KUNIT_EXPECT_EQ(test, found(cls, &k), 0U);

	/* Entries: 1-65534 x 1-65534 is 30 x 30 of them. */
	memset(rules, 0, (wide + 1) * sizeof(*rules));
	for (i = 0; i <= wide; i++) {
		struct xsw_acl_match *m = &rules[i].match;

		m->fields = M(SRC_IP) | M(SRC_PORT) | M(DST_PORT) | M(IP_PROTO);
		m->ip_proto = IPPROTO_TCP;
		set_v4(&m->src_ip, 0x0a000000 + i, 32);
		m->src_port.lo = 1;
		m->src_port.hi = 65534;
		m->dst_port = m->src_port;
		rules[i].id = i;
	}
	cls = build(test, rules, wide + 1);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(cls), -E2BIG);
	t = ktime_get_ns();
	cls = build(test, rules, wide);
	t = ktime_get_ns() - t;
	KUNIT_ASSERT_FALSE(test, IS_ERR(cls));
	kunit_info(test, "%u rules, %u entries: built in %llu us\n", wide,
		   xsw_acl_cls_entries(cls), t / 1000);
	KUNIT_EXPECT_EQ(test, xsw_acl_cls_entries(cls), wide * 30 * 30);
	/* 15 prefix lengths each way */
	KUNIT_EXPECT_EQ(test, xsw_acl_cls_shapes(cls), 15U * 15);
	prandom_seed_state(&g.rnd, SEED ^ 2);
	same_answers(test, &g, cls, rules, wide, 2000, &hits, &winners);

	/* One bad rule spoils the set. */
	rules[wide / 2].match.src_port.lo = 65535;
	cls = build(test, rules, wide);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(cls), -EINVAL);
}

static struct kunit_case acl_cls_random_test_cases[] = {
	KUNIT_CASE_PARAM(cls_matches_reference, random_gen_params),
	KUNIT_CASE(cls_10k_rules),
	KUNIT_CASE(cls_limits),
	{}
};

static struct kunit_suite acl_cls_random_test_suite = {
	.name = "xswitch-acl-cls-random",
	.init = cls_test_init,
	.exit = cls_test_exit,
	.test_cases = acl_cls_random_test_cases,
};

kunit_test_suite(acl_cls_random_test_suite);
