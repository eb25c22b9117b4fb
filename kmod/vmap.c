// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch network virtualisation: the CA-PA mapping table.
 *
 * A mapping is in three indexes of its namespace's store:
 *   - by_ca, (RDID, CA) -> mapping, unique: what the data path looks up to
 *     encapsulate a frame routed or sent to a CA, and the ARP/ND responder
 *     to answer for one.  A CA is unique in its routing domain.
 *   - by_mac, (VSID, MAC) -> mappings, a list since one VM's MAC may have
 *     an IPv4 and an IPv6 CA: the data path's layer-2 lookup.
 *   - maps, an id -> mapping xarray that dumps and flushes walk in order.
 * Each vsubnet keeps the distinct PAs its mappings point at, with a count,
 * so the data path has its replication list for broadcast and multicast
 * without walking the mappings.  Each routing domain keeps the same one
 * level up, in the store's rd_pas: (RDID, PA) counted by the vsubnets of
 * the domain that point at the PA, so that the decapsulation check, which
 * must admit a frame routed on the sending host (it carries the
 * destination's VSID but comes from the PA of the source's), is one hash
 * lookup however many mappings there are.
 *
 * Writers hold RTNL (vnet.h); readers of by_ca, by_mac and the PA lists
 * need only RCU.  A mapping never changes once inserted.
 */

#include <linux/percpu.h>
#include <net/dst_metadata.h>

#include "vnet.h"

static const struct rhashtable_params by_ca_params = {
	.key_len	= sizeof(struct xsw_vmap_key_ca),
	.key_offset	= offsetof(struct xsw_vmap, kca),
	.head_offset	= offsetof(struct xsw_vmap, ca_node),
	.automatic_shrinking = true,
};

static const struct rhashtable_params by_mac_params = {
	.key_len	= sizeof(struct xsw_vmap_key_mac),
	.key_offset	= offsetof(struct xsw_vmap, kmac),
	.head_offset	= offsetof(struct xsw_vmap, mac_node),
	.automatic_shrinking = true,
};

/*
 * A vsubnet's PA references are found by (VSID, PA) here rather than by
 * walking its @pas: a bulk load into a VSID spread over 200 hosts spent a
 * tenth of its kernel time in that walk.
 */
static const struct rhashtable_params pa_refs_params = {
	.key_len	= sizeof(struct xsw_vpa_key),
	.key_offset	= offsetof(struct xsw_vpa_ref, key),
	.head_offset	= offsetof(struct xsw_vpa_ref, hnode),
	.automatic_shrinking = true,
};

/* (RDID, PA) -> struct xsw_vrd_pa: the decapsulation check's index */
static const struct rhashtable_params rd_pas_params = {
	.key_len	= sizeof(struct xsw_vrd_pa_key),
	.key_offset	= offsetof(struct xsw_vrd_pa, key),
	.head_offset	= offsetof(struct xsw_vrd_pa, hnode),
	.automatic_shrinking = true,
};

int xsw_vmap_init(struct xsw_vnet_store *s)
{
	int err;

	xa_init_flags(&s->maps, XA_FLAGS_ALLOC);
	xa_init(&s->hits);
	err = rhashtable_init(&s->by_ca, &by_ca_params);
	if (err)
		return err;
	err = rhltable_init(&s->by_mac, &by_mac_params);
	if (err)
		goto err_ca;
	err = rhashtable_init(&s->pa_refs, &pa_refs_params);
	if (err)
		goto err_mac;
	err = rhashtable_init(&s->rd_pas, &rd_pas_params);
	if (err)
		goto err_pa_refs;
	return 0;

err_pa_refs:
	rhashtable_destroy(&s->pa_refs);
err_mac:
	rhltable_destroy(&s->by_mac);
err_ca:
	rhashtable_destroy(&s->by_ca);
	return err;
}

/*
 * Every mapping was flushed with its vsubnet.  The hit counters go last:
 * the store goes after the namespace's devices, so no frame is still on
 * its way through a mapping (and a mapping's RCU callback does not touch
 * them).
 */
void xsw_vmap_uninit(struct xsw_vnet_store *s)
{
	unsigned long i;
	void *chunk;

	WARN_ON(s->num_maps);
	rhashtable_destroy(&s->rd_pas);
	rhashtable_destroy(&s->pa_refs);
	rhltable_destroy(&s->by_mac);
	rhashtable_destroy(&s->by_ca);
	xa_for_each(&s->hits, i, chunk)
		free_percpu((void __percpu __force *)chunk);
	xa_destroy(&s->hits);
}

/*
 * Points @m->stats at its zeroed slot of the chunk of its id.  The xarray
 * holds the chunks' per-CPU pointers as plain ones.
 */
static int vmap_hits_attach(struct xsw_vnet_store *s, struct xsw_vmap *m)
{
	unsigned long idx = m->id / XSW_VMAP_HITS_CHUNK;
	struct xsw_vmap_pcpu __percpu *chunk;
	int cpu, err;

	chunk = (struct xsw_vmap_pcpu __percpu __force *)xa_load(&s->hits, idx);
	if (!chunk) {
		chunk = __alloc_percpu_gfp(sizeof(*chunk) * XSW_VMAP_HITS_CHUNK,
					   __alignof__(*chunk),
					   GFP_KERNEL_ACCOUNT);
		if (!chunk)
			return -ENOMEM;
		err = xa_err(xa_store(&s->hits, idx, (void __force *)chunk,
				      GFP_KERNEL_ACCOUNT));
		if (err) {
			free_percpu(chunk);
			return err;
		}
	}
	m->stats = chunk + m->id % XSW_VMAP_HITS_CHUNK;
	/*
	 * A mapping that had this id before may still count a frame that
	 * was on its way when it went; at most that one is counted here.
	 */
	for_each_possible_cpu(cpu)
		u64_stats_set(&per_cpu_ptr(m->stats, cpu)->hits, 0);
	return 0;
}

/**
 * xsw_vmap_new - a mapping, not yet in any table
 * @vs: its virtual subnet
 * @ca: customer address, checked by the caller
 * @mac: the CA's MAC
 * @pa: the PA of the host the CA is on
 *
 * Return: the mapping or NULL.
 */
struct xsw_vmap *xsw_vmap_new(const struct xsw_vsubnet *vs,
			      const struct in6_addr *ca, const u8 *mac,
			      const struct in6_addr *pa)
{
	struct xsw_vmap *m;

	m = kzalloc(sizeof(*m), GFP_KERNEL_ACCOUNT);
	if (!m)
		return NULL;
	m->kca.rdid = vs->rdid;
	m->kca.ca = *ca;
	m->kmac.vsid = vs->vsid;
	ether_addr_copy(m->kmac.mac, mac);
	m->pa = *pa;
	return m;
}

static struct xsw_vpa_ref *pa_ref_find(struct xsw_vnet_store *s,
				       const struct xsw_vsubnet *vs,
				       const struct in6_addr *pa)
{
	struct xsw_vpa_key key = { .vsid = vs->vsid, .pa = *pa };

	return rhashtable_lookup_fast(&s->pa_refs, &key, pa_refs_params);
}

/**
 * xsw_vnet_has_pa - does a mapping of a routing domain point at a PA?
 * @s: the store
 * @rdid: the routing domain
 * @pa: the address
 *
 * Context: RCU read side (the decapsulation check).
 */
bool xsw_vnet_has_pa(struct xsw_vnet_store *s, u32 rdid,
		     const struct in6_addr *pa)
{
	struct xsw_vrd_pa_key key = { .rdid = rdid, .pa = *pa };

	return rhashtable_lookup(&s->rd_pas, &key, rd_pas_params);
}

/* A vsubnet of @rdid points at @pa now: count it in the domain's index. */
static int rd_pa_get(struct xsw_vnet_store *s, u32 rdid,
		     const struct in6_addr *pa)
{
	struct xsw_vrd_pa_key key = { .rdid = rdid, .pa = *pa };
	struct xsw_vrd_pa *rp;
	int err;

	rp = rhashtable_lookup_fast(&s->rd_pas, &key, rd_pas_params);
	if (rp) {
		rp->refs++;
		return 0;
	}
	rp = kzalloc(sizeof(*rp), GFP_KERNEL_ACCOUNT);
	if (!rp)
		return -ENOMEM;
	rp->key = key;
	rp->refs = 1;
	err = rhashtable_insert_fast(&s->rd_pas, &rp->hnode, rd_pas_params);
	if (err)
		kfree(rp);
	return err;
}

static void rd_pa_put(struct xsw_vnet_store *s, u32 rdid,
		      const struct in6_addr *pa)
{
	struct xsw_vrd_pa_key key = { .rdid = rdid, .pa = *pa };
	struct xsw_vrd_pa *rp;

	rp = rhashtable_lookup_fast(&s->rd_pas, &key, rd_pas_params);
	if (WARN_ON(!rp) || --rp->refs)
		return;
	rhashtable_remove_fast(&s->rd_pas, &rp->hnode, rd_pas_params);
	kfree_rcu(rp, rcu);
}

static struct xsw_vpa_ref *pa_ref_get(struct xsw_vnet_store *s,
				      struct xsw_vsubnet *vs,
				      const struct in6_addr *pa)
{
	struct xsw_vpa_ref *ref = pa_ref_find(s, vs, pa);
	int err;

	if (ref) {
		ref->refs++;
		return ref;
	}
	ref = kzalloc(sizeof(*ref), GFP_KERNEL_ACCOUNT);
	if (!ref)
		return ERR_PTR(-ENOMEM);
	ref->key.vsid = vs->vsid;
	ref->key.pa = *pa;
	ref->refs = 1;
	err = rd_pa_get(s, vs->rdid, pa);
	if (err)
		goto err_free;
	err = rhashtable_insert_fast(&s->pa_refs, &ref->hnode, pa_refs_params);
	if (err)
		goto err_rd;
	list_add_tail_rcu(&ref->node, &vs->pas);
	vs->num_pas++;
	return ref;

err_rd:
	rd_pa_put(s, vs->rdid, pa);
err_free:
	kfree(ref);
	return ERR_PTR(err);
}

/*
 * After a grace period no frame can reach the ref, so none can install
 * another outer header in it: the last one is released with it.
 */
static void pa_ref_free_rcu(struct rcu_head *head)
{
	struct xsw_vpa_ref *ref = container_of(head, struct xsw_vpa_ref, rcu);
	struct metadata_dst *md = rcu_dereference_protected(ref->tun_dst, 1);

	if (md)
		dst_release(&md->dst);
	kfree(ref);
}

static void pa_ref_put(struct xsw_vnet_store *s, struct xsw_vsubnet *vs,
		       const struct in6_addr *pa)
{
	struct xsw_vpa_ref *ref = pa_ref_find(s, vs, pa);

	if (WARN_ON(!ref) || --ref->refs)
		return;
	rhashtable_remove_fast(&s->pa_refs, &ref->hnode, pa_refs_params);
	list_del_rcu(&ref->node);
	vs->num_pas--;
	rd_pa_put(s, vs->rdid, pa);
	call_rcu(&ref->rcu, pa_ref_free_rcu);
}

/**
 * xsw_vmap_insert - publish a mapping
 * @s: the store
 * @vs: its virtual subnet, the one xsw_vmap_new() was given
 * @m: the mapping; the caller frees it on failure
 * @extack: where to say why not
 *
 * Return: 0, or -EEXIST when the routing domain has the CA already,
 * -ENOSPC when the namespace has XSW_MAPS_MAX mappings, or another
 * negative errno.
 */
int xsw_vmap_insert(struct xsw_vnet_store *s, struct xsw_vsubnet *vs,
		    struct xsw_vmap *m, struct netlink_ext_ack *extack)
{
	int err;

	xsw_vnet_assert();
	if (s->num_maps >= XSW_MAPS_MAX) {
		NL_SET_ERR_MSG(extack, "too many mappings in the namespace");
		return -ENOSPC;
	}
	err = xa_alloc(&s->maps, &m->id, m, xa_limit_32b, GFP_KERNEL_ACCOUNT);
	if (err)
		return err;
	err = vmap_hits_attach(s, m);
	if (err)
		goto err_id;
	/* Set before the mapping is published: the data path follows them. */
	m->vs = vs;
	m->ref = pa_ref_get(s, vs, &m->pa);
	if (IS_ERR(m->ref)) {
		err = PTR_ERR(m->ref);
		goto err_id;
	}
	err = rhashtable_lookup_insert_fast(&s->by_ca, &m->ca_node,
					    by_ca_params);
	if (err) {
		if (err == -EEXIST)
			NL_SET_ERR_MSG(extack,
				       "the routing domain has a mapping for this ca");
		goto err_ref;
	}
	err = rhltable_insert(&s->by_mac, &m->mac_node, by_mac_params);
	if (err)
		goto err_ca;
	m->gen = xsw_vnet_gen_next(s);
	vs->num_maps++;
	s->num_maps++;
	return 0;

err_ca:
	rhashtable_remove_fast(&s->by_ca, &m->ca_node, by_ca_params);
err_ref:
	pa_ref_put(s, vs, &m->pa);
err_id:
	xa_erase(&s->maps, m->id);
	return err;
}

/* Unpublishes a mapping and frees it after a grace period. */
void xsw_vmap_remove(struct xsw_vnet_store *s, struct xsw_vmap *m)
{
	xsw_vnet_assert();
	rhashtable_remove_fast(&s->by_ca, &m->ca_node, by_ca_params);
	rhltable_remove(&s->by_mac, &m->mac_node, by_mac_params);
	xa_erase(&s->maps, m->id);
	pa_ref_put(s, m->vs, &m->pa);
	m->vs->num_maps--;
	s->num_maps--;
	xsw_vnet_gen_next(s);
	kfree_rcu(m, rcu);
}

/* The mapping of (RDID, CA), for the control path.  Context: RTNL. */
struct xsw_vmap *xsw_vmap_find(struct xsw_vnet_store *s, u32 rdid,
			       const struct in6_addr *ca)
{
	struct xsw_vmap *m;

	xsw_vnet_assert();
	rcu_read_lock();
	m = xsw_vmap_lookup_ca(s, rdid, ca);
	rcu_read_unlock();
	return m;
}

/**
 * xsw_vmap_flush - remove every mapping, or a vsubnet's
 * @s: the store
 * @vs: the vsubnet, or NULL for all
 *
 * Return: how many went.
 */
unsigned int xsw_vmap_flush(struct xsw_vnet_store *s, struct xsw_vsubnet *vs)
{
	unsigned int n = 0;
	struct xsw_vmap *m;
	unsigned long id;

	xsw_vnet_assert();
	if (vs && !vs->num_maps)
		return 0;
	xa_for_each(&s->maps, id, m) {
		if (vs && m->vs != vs)
			continue;
		xsw_vmap_remove(s, m);
		if (!(++n % 1024))
			cond_resched();
	}
	return n;
}

u64 xsw_vmap_hits(const struct xsw_vmap *m)
{
	u64 sum = 0;
	int cpu;

	for_each_possible_cpu(cpu) {
		const struct xsw_vmap_pcpu *c = per_cpu_ptr(m->stats, cpu);
		unsigned int start;
		u64 hits;

		do {
			start = u64_stats_fetch_begin(&c->syncp);
			hits = u64_stats_read(&c->hits);
		} while (u64_stats_fetch_retry(&c->syncp, start));
		sum += hits;
	}
	return sum;
}

/**
 * xsw_vmap_lookup_ca - the mapping of a CA in a routing domain
 * @s: the store
 * @rdid: the routing domain
 * @ca: the address, IPv4 mapped
 *
 * Context: RCU read side.
 * Return: the mapping, or NULL.
 */
struct xsw_vmap *xsw_vmap_lookup_ca(struct xsw_vnet_store *s, u32 rdid,
				    const struct in6_addr *ca)
{
	struct xsw_vmap_key_ca key = { .rdid = rdid, .ca = *ca };

	return rhashtable_lookup(&s->by_ca, &key, by_ca_params);
}

/**
 * xsw_vmap_lookup_mac - a mapping of a MAC in a VSID
 * @s: the store
 * @vsid: the VSID
 * @mac: the MAC
 *
 * When the MAC has several CAs, any of their mappings: they name the same
 * host.
 *
 * Context: RCU read side.
 * Return: the mapping, or NULL.
 */
struct xsw_vmap *xsw_vmap_lookup_mac(struct xsw_vnet_store *s, u32 vsid,
				     const u8 *mac)
{
	struct xsw_vmap_key_mac key = { .vsid = vsid };
	struct rhlist_head *list;

	ether_addr_copy(key.mac, mac);
	list = rhltable_lookup(&s->by_mac, &key, by_mac_params);
	return list ? container_of(list, struct xsw_vmap, mac_node) : NULL;
}
