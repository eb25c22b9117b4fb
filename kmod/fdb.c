// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: the forwarding database, (VLAN, MAC) -> port.
 *
 * Lookups and the check for an already-known MAC are lock-free under RCU.
 * A known entry is written only when something changed: its port (a MAC
 * that moved) or its timestamp (at most once per jiffy).  New entries,
 * moves and deletions take fdb->lock, which also guards each port's count
 * of learned MACs.
 */

#include <linux/etherdevice.h>
#include <linux/jhash.h>
#include <linux/rhashtable.h>
#include <asm/unaligned.h>

#include "xswitch.h"
#include "fdb.h"

/*
 * The key is 8 bytes: hash it as two words and compare it as one, inline,
 * rather than through rhashtable's generic jhash2() loop and memcmp().
 */
static u32 fdb_hash(const void *data, u32 len, u32 seed)
{
	const struct xsw_fdb_key *key = data;

	return jhash_2words(get_unaligned((const u32 *)key->mac),
			    get_unaligned((const u16 *)(key->mac + 4)) |
			    (u32)key->vlan << 16, seed);
}

static int fdb_cmp(struct rhashtable_compare_arg *arg, const void *obj)
{
	const struct xsw_fdb_entry *f = obj;

	return get_unaligned((const u64 *)arg->key) !=
	       get_unaligned((const u64 *)&f->key);
}

static const struct rhashtable_params fdb_params = {
	.head_offset		= offsetof(struct xsw_fdb_entry, node),
	.key_offset		= offsetof(struct xsw_fdb_entry, key),
	.key_len		= sizeof(struct xsw_fdb_key),
	.hashfn			= fdb_hash,
	.obj_cmpfn		= fdb_cmp,
	.automatic_shrinking	= true,
};

static struct kmem_cache *fdb_cache __read_mostly;

static void fdb_key(struct xsw_fdb_key *key, const u8 *mac, u16 vlan)
{
	BUILD_BUG_ON(sizeof(*key) != sizeof(u64));
	memset(key, 0, sizeof(*key));
	ether_addr_copy(key->mac, mac);
	key->vlan = vlan;
}

static struct xsw_fdb_entry *fdb_find(struct xsw_fdb *fdb, const u8 *mac,
				      u16 vlan)
{
	struct xsw_fdb_key key;

	fdb_key(&key, mac, vlan);
	return rhashtable_lookup(&fdb->tbl, &key, fdb_params);
}

static struct xsw_port *fdb_port_locked(struct xsw_fdb *fdb,
					struct xsw_fdb_entry *f)
{
	return rcu_dereference_protected(f->port, lockdep_is_held(&fdb->lock));
}

static void fdb_changed(struct xsw_fdb *fdb)
{
	lockdep_assert_held(&fdb->lock);
	WRITE_ONCE(fdb->seq, fdb->seq + 1);
}

static void fdb_entry_free(struct rcu_head *head)
{
	kmem_cache_free(fdb_cache, container_of(head, struct xsw_fdb_entry, rcu));
}

static void fdb_delete(struct xsw_fdb *fdb, struct xsw_fdb_entry *f)
{
	struct xsw_port *port = fdb_port_locked(fdb, f);

	lockdep_assert_held(&fdb->lock);
	rhashtable_remove_fast(&fdb->tbl, &f->node, fdb_params);
	hlist_del_rcu(&f->list);
	if (!f->is_static)
		port->learned--;
	fdb_changed(fdb);
	call_rcu(&f->rcu, fdb_entry_free);
}

static struct xsw_fdb_entry *fdb_create(struct xsw_fdb *fdb,
					struct xsw_port *port, const u8 *mac,
					u16 vlan, bool is_static)
{
	struct xsw_fdb_entry *f;

	lockdep_assert_held(&fdb->lock);
	f = kmem_cache_zalloc(fdb_cache, GFP_ATOMIC);
	if (!f)
		return ERR_PTR(-ENOMEM);
	fdb_key(&f->key, mac, vlan);
	RCU_INIT_POINTER(f->port, port);
	f->updated = jiffies;
	f->is_static = is_static;
	if (rhashtable_lookup_insert_fast(&fdb->tbl, &f->node, fdb_params)) {
		kmem_cache_free(fdb_cache, f);
		return ERR_PTR(-ENOMEM);
	}
	hlist_add_head_rcu(&f->list, &fdb->all);
	if (!is_static)
		port->learned++;
	fdb_changed(fdb);
	return f;
}

/* May @port learn one more MAC?  Counts the refusal.  fdb->lock held. */
static bool may_learn(struct xsw_port *port)
{
	const struct xsw_port_policy *pol = rcu_dereference(port->policy);

	lockdep_assert_held(&port->sw->fdb.lock);
	if (port->dead)
		return false;
	if (port->learned < pol->learn_limit)
		return true;
	xsw_count(port, XSW_DROP_LEARN_LIMIT);
	return false;
}

/**
 * xsw_fdb_learn - note that @mac in @vlan was seen on @src
 * @sw: the switch
 * @src: the ingress port
 * @mac: the frame's source MAC, a valid unicast address
 * @vlan: the frame's VLAN
 *
 * Context: packet path, under RCU with BH disabled.
 */
void xsw_fdb_learn(struct xsw_switch *sw, struct xsw_port *src,
		   const u8 *mac, u16 vlan)
{
	struct xsw_fdb *fdb = &sw->fdb;
	struct xsw_fdb_entry *f;
	unsigned long now = jiffies;

	f = fdb_find(fdb, mac, vlan);
	if (likely(f)) {
		if (unlikely(rcu_access_pointer(f->port) != src) &&
		    !f->is_static) {
			/* The MAC moved: re-home it, if the new port may. */
			spin_lock(&fdb->lock);
			/* Still there, and still elsewhere? */
			if (fdb_find(fdb, mac, vlan) == f &&
			    rcu_access_pointer(f->port) != src) {
				struct xsw_port *old = fdb_port_locked(fdb, f);

				if (may_learn(src)) {
					old->learned--;
					src->learned++;
					rcu_assign_pointer(f->port, src);
					fdb_changed(fdb);
				} else {
					fdb_delete(fdb, f);
				}
			}
			spin_unlock(&fdb->lock);
		}
		if (unlikely(READ_ONCE(f->updated) != now))
			WRITE_ONCE(f->updated, now);
		return;
	}

	spin_lock(&fdb->lock);
	if (may_learn(src) && !fdb_find(fdb, mac, vlan))
		fdb_create(fdb, src, mac, vlan, false);
	spin_unlock(&fdb->lock);
}
EXPORT_SYMBOL_GPL(xsw_fdb_learn);

/**
 * xsw_fdb_lookup - the port that @mac in @vlan was seen on
 * Context: under RCU.
 * Return: the port, or NULL to flood.
 */
struct xsw_port *xsw_fdb_lookup(struct xsw_switch *sw, const u8 *mac,
				u16 vlan)
{
	struct xsw_fdb_entry *f = fdb_find(&sw->fdb, mac, vlan);

	return f ? rcu_dereference(f->port) : NULL;
}
EXPORT_SYMBOL_GPL(xsw_fdb_lookup);

/**
 * xsw_fdb_add_static - point @mac in @vlan at @port for good
 * Context: RTNL held.  Replaces a learned or static entry.
 */
int xsw_fdb_add_static(struct xsw_switch *sw, struct xsw_port *port,
		       const u8 *mac, u16 vlan, struct netlink_ext_ack *extack)
{
	struct xsw_fdb *fdb = &sw->fdb;
	struct xsw_fdb_entry *f;
	int err = 0;

	ASSERT_RTNL();
	spin_lock_bh(&fdb->lock);
	rcu_read_lock();
	f = fdb_find(fdb, mac, vlan);
	if (f)
		fdb_delete(fdb, f);
	rcu_read_unlock();
	f = fdb_create(fdb, port, mac, vlan, true);
	if (IS_ERR(f)) {
		NL_SET_ERR_MSG(extack, "no memory for the fdb entry");
		err = PTR_ERR(f);
	}
	spin_unlock_bh(&fdb->lock);
	return err;
}

static bool fdb_match(const struct xsw_fdb_entry *f,
		      const struct xsw_fdb_filter *flt)
{
	if (flt->mac && !ether_addr_equal(f->key.mac, flt->mac))
		return false;
	if (flt->vlan && f->key.vlan != flt->vlan)
		return false;
	return !flt->port || rcu_access_pointer(f->port) == flt->port;
}

/**
 * xsw_fdb_del - forget @mac in @vlan, static or learned
 * @sw: the switch
 * @port: only entries on this port, or NULL for any port
 * @mac: the MAC
 * @vlan: the VLAN, or 0 for every VLAN
 * @extack: where to say there was no such entry
 *
 * Context: RTNL held.
 * Return: 0, or -ENOENT when no entry matched (and nothing was deleted).
 */
int xsw_fdb_del(struct xsw_switch *sw, const struct xsw_port *port,
		const u8 *mac, u16 vlan, struct netlink_ext_ack *extack)
{
	struct xsw_fdb_filter flt = { .mac = mac, .vlan = vlan };
	struct xsw_fdb *fdb = &sw->fdb;
	struct xsw_fdb_entry *f;
	struct hlist_node *n;
	bool elsewhere = false;
	int err = -ENOENT;

	ASSERT_RTNL();
	spin_lock_bh(&fdb->lock);
	hlist_for_each_entry_safe(f, n, &fdb->all, list) {
		if (!fdb_match(f, &flt))
			continue;
		if (port && rcu_access_pointer(f->port) != port) {
			elsewhere = true;
			continue;
		}
		fdb_delete(fdb, f);
		err = 0;
	}
	spin_unlock_bh(&fdb->lock);
	if (err && elsewhere)
		NL_SET_ERR_MSG(extack, "the fdb entry is on another port");
	else if (err)
		NL_SET_ERR_MSG(extack, "no such fdb entry");
	return err;
}

/**
 * xsw_fdb_port_vlans - forget a port's entries in VLANs it left
 * @port: the port, its new policy published and no frame classified by
 *	the old one still in flight (the caller synchronized)
 *
 * Static entries as well as learned ones: a static entry in a VLAN the
 * port does not carry could not be added now, and would send its MAC's
 * frames to a port that drops them, where without it they are flooded in
 * the VLAN.  (The Linux bridge forgets a port's learned entries in a VLAN
 * it deletes, nbp_vlan_delete(), and keeps its static ones.)  FDB changes
 * send no notification; the port's PORT_SET says what changed.
 *
 * Context: RTNL held.
 */
void xsw_fdb_port_vlans(struct xsw_port *port)
{
	const struct xsw_port_policy *pol = xsw_dereference(port->policy);
	struct xsw_fdb *fdb = &port->sw->fdb;
	struct xsw_fdb_entry *f;
	struct hlist_node *n;

	ASSERT_RTNL();
	spin_lock_bh(&fdb->lock);
	hlist_for_each_entry_safe(f, n, &fdb->all, list)
		if (rcu_access_pointer(f->port) == port &&
		    !xsw_vlan_member(pol, f->key.vlan))
			fdb_delete(fdb, f);
	spin_unlock_bh(&fdb->lock);
}

/**
 * xsw_fdb_port_gone - forget a port that is being removed
 * @port: the port, already off the switch's list
 *
 * Frames from the port still in flight cannot learn it again afterwards.
 */
void xsw_fdb_port_gone(struct xsw_port *port)
{
	spin_lock_bh(&port->sw->fdb.lock);
	port->dead = true;
	spin_unlock_bh(&port->sw->fdb.lock);
	xsw_fdb_flush(port->sw, port, true);
}

/**
 * xsw_fdb_flush_match - forget the entries a filter matches
 * @sw: the switch
 * @flt: which entries
 *
 * Context: any, may not sleep; takes fdb->lock.
 */
void xsw_fdb_flush_match(struct xsw_switch *sw,
			 const struct xsw_fdb_filter *flt)
{
	struct xsw_fdb *fdb = &sw->fdb;
	struct xsw_fdb_entry *f;
	struct hlist_node *n;

	spin_lock_bh(&fdb->lock);
	hlist_for_each_entry_safe(f, n, &fdb->all, list) {
		if (!fdb_match(f, flt) || (f->is_static && !flt->with_static))
			continue;
		fdb_delete(fdb, f);
	}
	spin_unlock_bh(&fdb->lock);
}

/**
 * xsw_fdb_flush - forget entries
 * @sw: the switch
 * @port: only this port's entries, or NULL for all
 * @with_static: static entries too
 *
 * Context: any, may not sleep; takes fdb->lock.
 */
void xsw_fdb_flush(struct xsw_switch *sw, struct xsw_port *port,
		   bool with_static)
{
	struct xsw_fdb_filter flt = { .port = port, .with_static = with_static };

	xsw_fdb_flush_match(sw, &flt);
}

static unsigned long gc_interval(const struct xsw_fdb *fdb)
{
	return clamp(READ_ONCE(fdb->ageing) / 10, (unsigned long)HZ,
		     10UL * HZ);
}

static void fdb_gc(struct work_struct *work)
{
	struct xsw_fdb *fdb = container_of(to_delayed_work(work),
					   struct xsw_fdb, gc);
	unsigned long ageing = READ_ONCE(fdb->ageing);
	struct xsw_fdb_entry *f;
	struct hlist_node *n;

	spin_lock_bh(&fdb->lock);
	hlist_for_each_entry_safe(f, n, &fdb->all, list) {
		if (!f->is_static &&
		    time_after(jiffies, READ_ONCE(f->updated) + ageing))
			fdb_delete(fdb, f);
	}
	spin_unlock_bh(&fdb->lock);
	queue_delayed_work(system_power_efficient_wq, &fdb->gc,
			   gc_interval(fdb));
}

/* Context: RTNL held. */
void xsw_fdb_set_ageing(struct xsw_switch *sw, unsigned int seconds)
{
	ASSERT_RTNL();
	WRITE_ONCE(sw->fdb.ageing, (unsigned long)seconds * HZ);
	mod_delayed_work(system_power_efficient_wq, &sw->fdb.gc,
			 gc_interval(&sw->fdb));
}

int xsw_fdb_init(struct xsw_switch *sw)
{
	struct xsw_fdb *fdb = &sw->fdb;
	int err;

	spin_lock_init(&fdb->lock);
	INIT_HLIST_HEAD(&fdb->all);
	fdb->ageing = XSW_DEFAULT_AGEING * HZ;
	err = rhashtable_init(&fdb->tbl, &fdb_params);
	if (err)
		return err;
	INIT_DELAYED_WORK(&fdb->gc, fdb_gc);
	queue_delayed_work(system_power_efficient_wq, &fdb->gc,
			   gc_interval(fdb));
	return 0;
}

/* Context: every port is gone, so every entry is. */
void xsw_fdb_uninit(struct xsw_switch *sw)
{
	cancel_delayed_work_sync(&sw->fdb.gc);
	WARN_ON(!hlist_empty(&sw->fdb.all));
	rhashtable_destroy(&sw->fdb.tbl);
}

int xsw_fdb_cache_init(void)
{
	fdb_cache = KMEM_CACHE(xsw_fdb_entry, 0);
	return fdb_cache ? 0 : -ENOMEM;
}

void xsw_fdb_cache_uninit(void)
{
	kmem_cache_destroy(fdb_cache);
}
