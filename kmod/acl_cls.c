// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: the packet classifier under port ACLs.  The key it looks up and
 * the checks on rules are in acl_key.c.
 *
 * DOC: Tuple-space search
 *
 * Each rule becomes one or more entries, a (value, mask) pair over struct
 * xsw_acl_key: port ranges are cut into prefixes, so a rule with a source
 * and a destination range has one entry per pair of prefixes.  Entries with
 * the same mask form a "shape", and each shape is an open-addressing hash
 * table from a masked key to the best rule with that masked key.  A lookup
 * masks the frame's key with each shape's mask and probes its table, so it
 * costs one probe per shape whatever the number of rules.
 *
 * Rules are kept in order of preference (priority, then id, then their
 * place in the caller's array), so "better" is "lower index".  Shapes are
 * kept in order of the best rule they hold: once a match has been found,
 * the lookup stops at the first shape that cannot beat it.
 *
 * A classifier is immutable once built.  The caller builds a new one aside
 * (GFP_KERNEL), publishes it with rcu_assign_pointer() and frees the old
 * one after a grace period; lookups take no lock, write nothing and
 * allocate nothing.
 *
 * Only the key words a shape's mask covers are hashed and stored, and
 * table slots carry half of the hash, so probing a shape that does not
 * match rarely touches an entry.  A shape's longest probe sequence is
 * known when it is built and bounds every lookup in it.
 */

#include <linux/log2.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/sort.h>

#include "acl_cls.h"

/* ------------------------------------------------------ the classifier */

/* A hash table slot: an entry and half of its hash. */
struct slot {
	u32 tag;		/* the hash's upper half */
	u32 ent;		/* entry index + 1; 0: empty */
};

/*
 * A shape: the entries that share one mask.  Only the key words the mask
 * covers are hashed and stored; an entry is those words, masked, then the
 * index of its rule.
 */
struct shape {
	u32 best;			/* the best rule with an entry here */
	u32 nwords;			/* key words the mask covers */
	u8 word[XSW_ACL_KEY_WORDS];	/* which ones, ascending */
	u64 mask[XSW_ACL_KEY_WORDS];	/* and their masks */
	u32 slot_mask;			/* slots - 1, slots a power of 2 */
	u32 max_probe;			/* longest probe sequence */
	struct slot *slots;
	u64 *ents;			/* nents * (nwords + 1) */
	u32 nents;
};

/**
 * struct xsw_acl_cls - an immutable classifier
 * @seed: hashes a key's words
 * @nrules: rules in @rules
 * @nshapes: shapes in @shapes
 * @nents: entries in all shapes
 * @rules: a copy of the rules, best first
 * @shapes: in order of the best rule they hold
 * @slots: every shape's table
 * @ents: every shape's entries
 * @rcu: frees it (xsw_acl_cls_destroy_rcu())
 */
struct xsw_acl_cls {
	u64 seed;
	u32 nrules;
	u32 nshapes;
	u32 nents;
	struct xsw_acl_rule *rules;
	struct shape *shapes;
	struct slot *slots;
	u64 *ents;
	struct rcu_head rcu;
};

static u64 hash_words(const u64 *w, u32 n, u64 seed)
{
	u64 h = seed ^ n;
	u32 i;

	for (i = 0; i < n; i++) {
		h = (h ^ w[i]) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 32;
	}
	/* splitmix64's finaliser */
	h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
	h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
	return h ^ (h >> 31);
}

static bool words_equal(const u64 *a, const u64 *b, u32 n)
{
	u32 i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

static const u64 *shape_ent(const struct shape *s, u32 i)
{
	return s->ents + (size_t)i * (s->nwords + 1);
}

/* The best rule in @s that matches the masked words @w, or U32_MAX. */
static u32 shape_find(const struct shape *s, const u64 *w, u64 seed)
{
	u64 h = hash_words(w, s->nwords, seed);
	u32 i = h & s->slot_mask, tag = h >> 32, probe;

	for (probe = 0; probe <= s->max_probe; probe++) {
		const struct slot *sl = &s->slots[i];
		const u64 *e;

		if (!sl->ent)
			break;
		e = shape_ent(s, sl->ent - 1);
		if (sl->tag == tag && words_equal(e, w, s->nwords))
			return e[s->nwords];
		i = (i + 1) & s->slot_mask;
	}
	return U32_MAX;
}

/**
 * xsw_acl_cls_lookup - the best rule that matches a key
 * @cls: the classifier
 * @key: from xsw_acl_key_extract()
 *
 * Context: any; under RCU if @cls is published that way.
 * Return: the rule (in @cls's copy), or NULL.
 */
const struct xsw_acl_rule *xsw_acl_cls_lookup(const struct xsw_acl_cls *cls,
					      const struct xsw_acl_key *key)
{
	u64 w[XSW_ACL_KEY_WORDS];
	u32 best = U32_MAX, i, j, r;

	for (i = 0; i < cls->nshapes; i++) {
		const struct shape *s = &cls->shapes[i];

		/* Neither this shape nor any after it can do better. */
		if (s->best >= best)
			break;
		for (j = 0; j < s->nwords; j++)
			w[j] = key->words[s->word[j]] & s->mask[j];
		r = shape_find(s, w, cls->seed);
		if (r < best)
			best = r;
	}
	return best == U32_MAX ? NULL : &cls->rules[best];
}

/**
 * xsw_acl_cls_shapes - how many masks a lookup may probe
 * @cls: the classifier
 *
 * Return: the number of shapes.
 */
unsigned int xsw_acl_cls_shapes(const struct xsw_acl_cls *cls)
{
	return cls->nshapes;
}

/**
 * xsw_acl_cls_entries - what the rules became
 * @cls: the classifier
 *
 * Return: the number of distinct (shape, masked key) entries.
 */
unsigned int xsw_acl_cls_entries(const struct xsw_acl_cls *cls)
{
	return cls->nents;
}

/* --------------------------------------------------------------- build */

/* A rule's entries: one (value, mask) per pair of port prefixes. */
struct expansion {
	struct xsw_acl_key val;
	struct xsw_acl_key mask;
	struct xsw_acl_port_prefix sp[XSW_ACL_MAX_PORT_PREFIXES];
	struct xsw_acl_port_prefix dp[XSW_ACL_MAX_PORT_PREFIXES];
	int nsp;
	int ndp;
};

/* A shape while it is being found. */
struct build_shape {
	struct xsw_acl_key mask;
	u64 hash;
	u32 best;
	u32 count;		/* entries, before duplicates go */
};

struct build {
	struct xsw_acl_cls *cls;
	struct expansion x;
	struct build_shape *shapes;
	u32 nshapes;
	u32 cap;
	u32 *index;		/* shape index + 1, open addressing */
	u32 index_mask;
};

static void set_mac(u8 *val, u8 *mask, const u8 *mac, const u8 *mac_mask)
{
	int i;

	for (i = 0; i < ETH_ALEN; i++) {
		mask[i] = mac_mask[i];
		val[i] = mac[i] & mac_mask[i];
	}
}

/* IPv4 prefixes cover the last 4 bytes; eth_type says they are mapped. */
static void set_prefix(struct in6_addr *val, struct in6_addr *mask,
		       const struct xsw_acl_prefix *p)
{
	int bit = p->family == AF_INET ? 96 : 0, end = bit + p->len, i;

	for (; bit + 8 <= end; bit += 8)
		mask->s6_addr[bit / 8] = 0xff;
	if (bit < end)
		mask->s6_addr[bit / 8] = 0xff << (8 - (end - bit));
	for (i = 0; i < 16; i++)
		val->s6_addr[i] = p->addr.s6_addr[i] & mask->s6_addr[i];
}

/* What a key must have for the rule, but the ports. */
static void expand(const struct xsw_acl_match *m, struct expansion *x)
{
	struct xsw_acl_key *val = &x->val, *mask = &x->mask;
	u32 f = m->fields;

	memset(val, 0, sizeof(*val));
	memset(mask, 0, sizeof(*mask));
	if (f & XSW_ACL_M_SRC_MAC)
		set_mac(val->src_mac, mask->src_mac, m->src_mac,
			m->src_mac_mask);
	if (f & XSW_ACL_M_DST_MAC)
		set_mac(val->dst_mac, mask->dst_mac, m->dst_mac,
			m->dst_mac_mask);
	if (f & XSW_ACL_M_ETH_TYPE) {
		val->eth_type = m->eth_type;
		mask->eth_type = htons(0xffff);
	}
	if (f & XSW_ACL_M_VLAN_ID) {
		val->vlan_id = m->vlan_id;
		mask->vlan_id = 0xffff;
	}
	if (f & XSW_ACL_M_SRC_IP) {
		set_prefix(&val->src_ip, &mask->src_ip, &m->src_ip);
		val->eth_type = xsw_acl_family_eth_type(m->src_ip.family);
		mask->eth_type = htons(0xffff);
	}
	if (f & XSW_ACL_M_DST_IP) {
		set_prefix(&val->dst_ip, &mask->dst_ip, &m->dst_ip);
		val->eth_type = xsw_acl_family_eth_type(m->dst_ip.family);
		mask->eth_type = htons(0xffff);
	}
	if (f & (XSW_ACL_M_SRC_IP | XSW_ACL_M_DST_IP | XSW_ACL_M_IP_PROTO)) {
		val->flags |= XSW_ACL_KEY_IP;
		mask->flags |= XSW_ACL_KEY_IP;
	}
	if (f & XSW_ACL_M_IP_PROTO) {
		val->ip_proto = m->ip_proto;
		mask->ip_proto = 0xff;
	}
	if (f & XSW_ACL_M_ICMP_TYPE) {
		val->icmp_type = m->icmp_type;
		mask->icmp_type = 0xff;
	}
	if (f & XSW_ACL_M_ICMP_CODE) {
		val->icmp_code = m->icmp_code;
		mask->icmp_code = 0xff;
	}
	if (f & XSW_ACL_M_TCP_FLAGS) {
		val->tcp_flags = m->tcp_flags & m->tcp_flags_mask;
		mask->tcp_flags = m->tcp_flags_mask;
	}
	if (f & (XSW_ACL_M_SRC_PORT | XSW_ACL_M_DST_PORT | XSW_ACL_M_ICMP_TYPE |
		 XSW_ACL_M_ICMP_CODE | XSW_ACL_M_TCP_FLAGS)) {
		val->flags |= XSW_ACL_KEY_L4;
		mask->flags |= XSW_ACL_KEY_L4;
	}

	/* No range: one prefix that takes every port. */
	x->nsp = 1;
	x->sp[0].value = 0;
	x->sp[0].mask = 0;
	if (f & XSW_ACL_M_SRC_PORT)
		x->nsp = xsw_acl_port_range_expand(&m->src_port, x->sp);
	x->ndp = 1;
	x->dp[0].value = 0;
	x->dp[0].mask = 0;
	if (f & XSW_ACL_M_DST_PORT)
		x->ndp = xsw_acl_port_range_expand(&m->dst_port, x->dp);
}

static int expansion_size(const struct expansion *x)
{
	return x->nsp * x->ndp;
}

static void expansion_entry(const struct expansion *x, int i,
			    struct xsw_acl_key *val, struct xsw_acl_key *mask)
{
	const struct xsw_acl_port_prefix *sp = &x->sp[i / x->ndp];
	const struct xsw_acl_port_prefix *dp = &x->dp[i % x->ndp];

	*val = x->val;
	*mask = x->mask;
	val->src_port = htons(sp->value);
	mask->src_port = htons(sp->mask);
	val->dst_port = htons(dp->value);
	mask->dst_port = htons(dp->mask);
}

/* Grows the list of shapes, and rebuilds the index to twice its size. */
static int grow_shapes(struct build *b)
{
	u32 cap = b->cap ? 2 * b->cap : 16, i, j;
	struct build_shape *shapes;
	u32 *index;

	shapes = kvmalloc_array(cap, sizeof(*shapes), GFP_KERNEL);
	if (!shapes)
		return -ENOMEM;
	index = kvcalloc(2 * cap, sizeof(*index), GFP_KERNEL);
	if (!index) {
		kvfree(shapes);
		return -ENOMEM;
	}
	if (b->nshapes)
		memcpy(shapes, b->shapes, b->nshapes * sizeof(*shapes));
	kvfree(b->shapes);
	kvfree(b->index);
	b->shapes = shapes;
	b->index = index;
	b->index_mask = 2 * cap - 1;
	b->cap = cap;
	for (i = 0; i < b->nshapes; i++) {
		j = shapes[i].hash & b->index_mask;
		while (index[j])
			j = (j + 1) & b->index_mask;
		index[j] = i + 1;
	}
	return 0;
}

/* The shape with @mask, or -1 and the free index slot in @free. */
static int find_shape(const struct build *b, const struct xsw_acl_key *mask,
		      u64 hash, u32 *free)
{
	u32 j = hash & b->index_mask;
	const struct build_shape *s;

	for (; b->index[j]; j = (j + 1) & b->index_mask) {
		s = &b->shapes[b->index[j] - 1];
		if (s->hash == hash &&
		    words_equal(s->mask.words, mask->words, XSW_ACL_KEY_WORDS))
			return b->index[j] - 1;
	}
	*free = j;
	return -1;
}

static int add_shape(struct build *b, const struct xsw_acl_key *mask,
		     u32 rule)
{
	u64 hash = hash_words(mask->words, XSW_ACL_KEY_WORDS, b->cls->seed);
	struct build_shape *s;
	u32 free;
	int i, err;

	i = find_shape(b, mask, hash, &free);
	if (i >= 0) {
		b->shapes[i].count++;
		return 0;
	}
	if (b->nshapes == b->cap) {
		err = grow_shapes(b);
		if (err)
			return err;
		find_shape(b, mask, hash, &free);
	}
	s = &b->shapes[b->nshapes];
	s->mask = *mask;
	s->hash = hash;
	/* Rules come best first: the first to make a shape is its best. */
	s->best = rule;
	s->count = 1;
	b->index[free] = ++b->nshapes;
	return 0;
}

/* First pass: the shapes, in order of their best rule, and their sizes. */
static int find_shapes(struct build *b)
{
	struct xsw_acl_cls *cls = b->cls;
	struct xsw_acl_key val, mask;
	u32 r, total = 0;
	int i, err;

	err = grow_shapes(b);
	if (err)
		return err;
	for (r = 0; r < cls->nrules; r++) {
		expand(&cls->rules[r].match, &b->x);
		total += expansion_size(&b->x);
		if (total > XSW_ACL_MAX_ENTRIES)
			return -E2BIG;
		for (i = 0; i < expansion_size(&b->x); i++) {
			expansion_entry(&b->x, i, &val, &mask);
			err = add_shape(b, &mask, r);
			if (err)
				return err;
		}
	}
	return 0;
}

/* Room for each shape: tables at most half full. */
static int alloc_shapes(struct build *b)
{
	struct xsw_acl_cls *cls = b->cls;
	size_t nslots = 0, nwords = 0;
	struct shape *s;
	u32 i, w;

	cls->shapes = kvcalloc(b->nshapes, sizeof(*cls->shapes), GFP_KERNEL);
	if (!cls->shapes)
		return -ENOMEM;
	cls->nshapes = b->nshapes;
	for (i = 0; i < b->nshapes; i++) {
		const struct build_shape *bs = &b->shapes[i];

		s = &cls->shapes[i];
		s->best = bs->best;
		for (w = 0; w < XSW_ACL_KEY_WORDS; w++) {
			if (!bs->mask.words[w])
				continue;
			s->word[s->nwords] = w;
			s->mask[s->nwords++] = bs->mask.words[w];
		}
		s->slot_mask = roundup_pow_of_two(2 * bs->count) - 1;
		nslots += s->slot_mask + 1;
		nwords += (size_t)bs->count * (s->nwords + 1);
	}
	cls->slots = kvcalloc(nslots, sizeof(*cls->slots), GFP_KERNEL);
	cls->ents = kvmalloc_array(nwords, sizeof(*cls->ents), GFP_KERNEL);
	if (!cls->slots || !cls->ents)
		return -ENOMEM;
	nslots = 0;
	nwords = 0;
	for (i = 0; i < b->nshapes; i++) {
		s = &cls->shapes[i];
		s->slots = cls->slots + nslots;
		s->ents = cls->ents + nwords;
		nslots += s->slot_mask + 1;
		nwords += (size_t)b->shapes[i].count * (s->nwords + 1);
	}
	return 0;
}

static void shape_insert(struct xsw_acl_cls *cls, struct shape *s,
			 const struct xsw_acl_key *val, u32 rule)
{
	u64 w[XSW_ACL_KEY_WORDS + 1], h;
	u32 i, j, tag, probe;
	struct slot *sl;

	for (j = 0; j < s->nwords; j++)
		w[j] = val->words[s->word[j]] & s->mask[j];
	w[s->nwords] = rule;
	h = hash_words(w, s->nwords, cls->seed);
	tag = h >> 32;
	for (i = h & s->slot_mask, probe = 0;; i = (i + 1) & s->slot_mask,
	     probe++) {
		sl = &s->slots[i];
		if (!sl->ent)
			break;
		/* Rules come best first: a key already here keeps its rule. */
		if (sl->tag == tag &&
		    words_equal(shape_ent(s, sl->ent - 1), w, s->nwords))
			return;
	}
	memcpy(s->ents + (size_t)s->nents * (s->nwords + 1), w,
	       (s->nwords + 1) * sizeof(u64));
	sl->tag = tag;
	sl->ent = ++s->nents;
	s->max_probe = max(s->max_probe, probe);
	cls->nents++;
}

/* Second pass: every entry into its shape's table. */
static void fill_shapes(struct build *b)
{
	struct xsw_acl_cls *cls = b->cls;
	struct xsw_acl_key val, mask;
	u32 r, free;
	int i, s;

	for (r = 0; r < cls->nrules; r++) {
		expand(&cls->rules[r].match, &b->x);
		for (i = 0; i < expansion_size(&b->x); i++) {
			expansion_entry(&b->x, i, &val, &mask);
			s = find_shape(b, &mask,
				       hash_words(mask.words,
						  XSW_ACL_KEY_WORDS, cls->seed),
				       &free);
			shape_insert(cls, &cls->shapes[s], &val, r);
		}
	}
}

static void build_free(struct build *b)
{
	kvfree(b->index);
	kvfree(b->shapes);
	kfree(b);
}

struct order {
	u32 priority;
	u32 id;
	u32 index;
};

static int order_cmp(const void *a, const void *b)
{
	const struct order *x = a, *y = b;

	if (x->priority != y->priority)
		return x->priority < y->priority ? -1 : 1;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Copies the rules into @cls, best first. */
static int copy_rules(struct xsw_acl_cls *cls, const struct xsw_acl_rule *rules,
		      u32 n)
{
	struct order *order;
	u32 i;

	order = kvmalloc_array(n, sizeof(*order), GFP_KERNEL);
	if (!order)
		return -ENOMEM;
	cls->rules = kvmalloc_array(n, sizeof(*cls->rules), GFP_KERNEL);
	if (!cls->rules) {
		kvfree(order);
		return -ENOMEM;
	}
	for (i = 0; i < n; i++) {
		order[i].priority = rules[i].priority;
		order[i].id = rules[i].id;
		order[i].index = i;
	}
	sort(order, n, sizeof(*order), order_cmp, NULL);
	for (i = 0; i < n; i++)
		cls->rules[i] = rules[order[i].index];
	cls->nrules = n;
	kvfree(order);
	return 0;
}

/**
 * xsw_acl_cls_create - build a classifier
 * @rules: the rules, in any order; copied
 * @n: how many, up to XSW_ACL_MAX_RULES
 *
 * Context: process; allocates with GFP_KERNEL.
 * Return: the classifier, or ERR_PTR(): -EINVAL for a rule that
 * xsw_acl_match_check() refuses, -E2BIG for too many rules or more than
 * XSW_ACL_MAX_ENTRIES entries after port ranges are expanded, -ENOMEM.
 */
struct xsw_acl_cls *xsw_acl_cls_create(const struct xsw_acl_rule *rules,
				       unsigned int n)
{
	struct xsw_acl_cls *cls;
	struct build *b;
	unsigned int i;
	int err;

	if (n > XSW_ACL_MAX_RULES)
		return ERR_PTR(-E2BIG);
	for (i = 0; i < n; i++)
		if (xsw_acl_match_check(&rules[i].match, NULL))
			return ERR_PTR(-EINVAL);

	cls = kzalloc(sizeof(*cls), GFP_KERNEL);
	if (!cls)
		return ERR_PTR(-ENOMEM);
	cls->seed = get_random_u64();
	if (!n)
		return cls;

	err = -ENOMEM;
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		goto err_cls;
	b->cls = cls;
	err = copy_rules(cls, rules, n);
	if (err)
		goto err_build;
	err = find_shapes(b);
	if (err)
		goto err_build;
	err = alloc_shapes(b);
	if (err)
		goto err_build;
	fill_shapes(b);
	build_free(b);
	return cls;

err_build:
	build_free(b);
err_cls:
	xsw_acl_cls_destroy(cls);
	return ERR_PTR(err);
}

/**
 * xsw_acl_cls_destroy - free a classifier now
 * @cls: the classifier, or NULL
 *
 * Context: no lookup may still be using @cls.
 */
void xsw_acl_cls_destroy(struct xsw_acl_cls *cls)
{
	if (!cls)
		return;
	kvfree(cls->ents);
	kvfree(cls->slots);
	kvfree(cls->shapes);
	kvfree(cls->rules);
	kfree(cls);
}

static void destroy_rcu(struct rcu_head *head)
{
	xsw_acl_cls_destroy(container_of(head, struct xsw_acl_cls, rcu));
}

/**
 * xsw_acl_cls_destroy_rcu - free a classifier after an RCU grace period
 * @cls: the classifier, already unpublished, or NULL
 *
 * Context: any.  Module exit must rcu_barrier() after the last call.
 */
void xsw_acl_cls_destroy_rcu(struct xsw_acl_cls *cls)
{
	if (cls)
		call_rcu(&cls->rcu, destroy_rcu);
}
