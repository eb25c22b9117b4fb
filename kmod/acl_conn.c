// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: stateful ACL connections.  An "allow-stateful" rule that lets a
 * frame through (port P, direction D) opens a connection; the frames of
 * that connection are then let through P whatever its rules say: the
 * opener's (the same addresses and ports, direction D) and the return
 * traffic (the addresses and ports reversed, the other direction).
 */

/**
 * DOC: What a connection is
 *
 * A connection is the frame that opened it, reduced to struct
 * xsw_acl_conn_key: the port, the VLAN, the IP family and protocol, the
 * addresses and, for TCP, UDP and SCTP, the ports; and the direction it
 * was opened in, @opener.  Its frames are the opener's (the same tuple
 * going @opener) and the return traffic (the tuple reversed, going the
 * other way).  So that one hash lookup finds a connection from a frame of
 * either kind, the key is written as the frame going "in" would see it:
 * a frame going out has its tuple reversed.  The direction the frame goes
 * then tells the two kinds apart.  A frame that is neither, unsolicited
 * traffic, costs one lookup that misses.
 *
 * The frame key has no ICMP identifier, so ICMP connections are by type: an
 * echo request (ICMP 8, ICMPv6 128) opens one, echo requests the same way
 * are the opener's and echo replies (0, 129) between the same addresses
 * the other way are its return traffic.  Their key is the opener's tuple
 * and direction, which the type tells, so that a ping each way between
 * two hosts is two connections.  Other ICMP messages, errors about a
 * connection included, are none of these.  Frames whose ports were not
 * read (later fragments, cut headers) are none either for TCP, UDP and
 * SCTP; other protocols are by addresses alone.  Non-IP and malformed
 * frames never are.
 *
 * Every time a frame of the connection is seen, the connection's @last is
 * set to now, at most once per jiffy.  It expires once idle for longer
 * than its @timeout: XSW_ACL_CONN_TCP_TIMEOUT, down to
 * XSW_ACL_CONN_TCP_CLOSE_TIMEOUT once a FIN or RST went either way (a SYN
 * without ACK from the opener starts it again, as when a client reuses its
 * port), and the ICMP and "other" timeouts.  An expired connection lets
 * nothing through even before the GC has removed it, and an opening frame
 * brings it back as new - from either side: the frame an allow-stateful
 * rule lets through becomes the opener.
 */

/**
 * DOC: Connection lifetimes and locking
 *
 * The packet path (RCU, BH disabled) looks connections up without a lock
 * and refreshes them with WRITE_ONCE() of @last, @timeout and @opener,
 * which it writes only when they change; it takes no lock and touches no
 * atomic for a known connection.  A new connection takes table->lock, like
 * a new MAC in the FDB.  table->lock (a BH spinlock) serialises every
 * insertion and removal, table->lru and the counters; it nests inside RTNL
 * and table->sweep_lock.
 *
 * A connection is removed (from the hash table and table->lru, under the
 * lock) when it expires and the GC finds it, when it is evicted to make
 * room, or when its port goes; it is freed with kfree_rcu(), so a lookup
 * that found it may still refresh it.
 *
 * table->lru is in order of insertion, with "second chance" instead of
 * moving an entry at each use (which would take the lock per packet): when
 * the table is full, the entry at the head is dropped if it was not seen
 * since it was queued, and otherwise goes to the tail to be looked at again
 * later.  So a busy connection outlives idle ones that were opened after it.
 *
 * The GC and xsw_acl_conn_port_gone() walk table->lru a batch at a time,
 * dropping the lock in between, with table->cursor marking their place;
 * table->sweep_lock keeps that to one walk at a time.
 *
 * Keys hold a port pointer.  xsw_acl_conn_port_gone() runs after
 * xsw_fdb_port_gone() has marked the port dead (under fdb->lock), and no
 * connection is inserted for a dead port once table->lock is held, so none
 * outlives its port to match a new port at the same address.
 *
 * The table lives from xsw_acl_conn_init() to xsw_acl_conn_uninit(), which
 * runs once no packet can reach the switch: it stops the GC and frees
 * every connection at once.
 */

#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>
#include <net/tcp.h>

#include "xswitch.h"
#include "acl_conn.h"

/* Entries the full table looks at, at most, for one not seen recently. */
#define EVICT_SCAN	8
/* Entries a walk of table->lru handles per holding of table->lock. */
#define SWEEP_BATCH	256

static int conn_cmp(struct rhashtable_compare_arg *arg, const void *obj)
{
	const u64 *a = arg->key;
	const u64 *b = (const u64 *)&((const struct xsw_acl_conn *)obj)->key;
	u64 diff = 0;
	unsigned int i;

	for (i = 0; i < sizeof(struct xsw_acl_conn_key) / sizeof(u64); i++)
		diff |= a[i] ^ b[i];
	return diff != 0;
}

static const struct rhashtable_params conn_params = {
	.head_offset		= offsetof(struct xsw_acl_conn, node),
	.key_offset		= offsetof(struct xsw_acl_conn, key),
	.key_len		= sizeof(struct xsw_acl_conn_key),
	.obj_cmpfn		= conn_cmp,
	.automatic_shrinking	= true,
};

/* The rest of conn_key(), the tuple reversed for @swap. */
static bool conn_key_addrs(struct xsw_acl_conn_key *ck,
			   const struct xsw_port *port,
			   const struct xsw_acl_key *key, bool swap)
{
	ck->port = port;
	ck->src_ip = swap ? key->dst_ip : key->src_ip;
	ck->dst_ip = swap ? key->src_ip : key->dst_ip;
	ck->vlan_id = key->vlan_id;
	ck->ip_proto = key->ip_proto;
	ck->v6 = key->eth_type == htons(ETH_P_IPV6);
	return true;
}

/*
 * The key of the connection @key, going @dir on @port, would open or
 * belong to, and in *@opens whether @key may open it (an ICMP echo reply
 * may not).  False for a frame that can be neither.
 */
static bool conn_key(struct xsw_acl_conn_key *ck, const struct xsw_port *port,
		     u8 dir, const struct xsw_acl_key *key, bool *opens)
{
	/* Written as going in: a frame going out has its tuple reversed. */
	bool swap = dir == XSW_ACL_DIR_OUT;
	u8 req, rep;

	BUILD_BUG_ON(sizeof(*ck) % sizeof(u64));
	BUILD_BUG_ON(offsetof(struct xsw_acl_conn, key) % sizeof(u64));
	if (dir != XSW_ACL_DIR_IN && dir != XSW_ACL_DIR_OUT)
		return false;
	if ((key->flags & (XSW_ACL_KEY_IP | XSW_ACL_KEY_MALFORMED)) !=
	    XSW_ACL_KEY_IP)
		return false;

	memset(ck, 0, sizeof(*ck));
	ck->dir = XSW_ACL_DIR_IN;
	switch (key->ip_proto) {
	case IPPROTO_TCP:
	case IPPROTO_UDP:
	case IPPROTO_SCTP:
		if (!(key->flags & XSW_ACL_KEY_L4))
			return false;
		ck->src_port = swap ? key->dst_port : key->src_port;
		ck->dst_port = swap ? key->src_port : key->dst_port;
		break;
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		/* The key has ICMP fields only with the family's own ICMP. */
		if (!(key->flags & XSW_ACL_KEY_L4))
			return false;
		req = key->ip_proto == IPPROTO_ICMP ? ICMP_ECHO :
						       ICMPV6_ECHO_REQUEST;
		rep = key->ip_proto == IPPROTO_ICMP ? ICMP_ECHOREPLY :
						       ICMPV6_ECHO_REPLY;
		/* Written as the requests go: a reply's went the other way. */
		if (key->icmp_type == req)
			swap = false;
		else if (key->icmp_type == rep)
			swap = true;
		else
			return false;
		ck->icmp_type = req;
		ck->dir = swap ? XSW_ACL_DIR_IN + XSW_ACL_DIR_OUT - dir : dir;
		*opens = !swap;
		return conn_key_addrs(ck, port, key, swap);
	default:
		break;
	}
	*opens = true;
	return conn_key_addrs(ck, port, key, swap);
}

static unsigned long default_timeout(u8 ip_proto)
{
	switch (ip_proto) {
	case IPPROTO_TCP:
		return XSW_ACL_CONN_TCP_TIMEOUT;
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		return XSW_ACL_CONN_ICMP_TIMEOUT;
	default:
		return XSW_ACL_CONN_OTHER_TIMEOUT;
	}
}

static bool expired(const struct xsw_acl_conn *c, unsigned long now)
{
	return time_after(now, READ_ONCE(c->last) + READ_ONCE(c->timeout));
}

/* Note that @key, of @c either way, was seen @now. */
static void seen(struct xsw_acl_conn *c, const struct xsw_acl_key *key,
		 unsigned long now)
{
	if (READ_ONCE(c->last) != now)
		WRITE_ONCE(c->last, now);
	if (c->key.ip_proto == IPPROTO_TCP &&
	    (key->tcp_flags & (TCPHDR_FIN | TCPHDR_RST)) &&
	    READ_ONCE(c->timeout) > XSW_ACL_CONN_TCP_CLOSE_TIMEOUT)
		WRITE_ONCE(c->timeout, XSW_ACL_CONN_TCP_CLOSE_TIMEOUT);
}

/*
 * @key, going @dir, is a frame of @c, either way, and is let through: by
 * @c itself (which has not expired) or by an allow-stateful rule.  Refreshes
 * @c; an expired @c starts over with @key's side as the opener, and the
 * opener's SYN without ACK (its port reused) restores the long timeout.
 */
static void refresh(struct xsw_acl_conn *c, u8 dir,
		    const struct xsw_acl_key *key, unsigned long now)
{
	unsigned long timeout = default_timeout(c->key.ip_proto);
	bool restart = expired(c, now);

	if (restart && READ_ONCE(c->opener) != dir)
		WRITE_ONCE(c->opener, dir);
	if ((restart ||
	     (c->key.ip_proto == IPPROTO_TCP && READ_ONCE(c->opener) == dir &&
	      (key->tcp_flags & (TCPHDR_SYN | TCPHDR_ACK | TCPHDR_FIN |
				 TCPHDR_RST)) == TCPHDR_SYN)) &&
	    READ_ONCE(c->timeout) != timeout)
		WRITE_ONCE(c->timeout, timeout);
	seen(c, key, now);
}

static void conn_delete(struct xsw_acl_conn_table *t, struct xsw_acl_conn *c)
{
	lockdep_assert_held(&t->lock);
	rhashtable_remove_fast(&t->tbl, &c->node, conn_params);
	list_del(&c->list);
	WRITE_ONCE(t->entries, t->entries - 1);
	kfree_rcu(c, rcu);
}

/* Drops one connection, the least recently used of a few from the head. */
static void evict_one(struct xsw_acl_conn_table *t, unsigned long now)
{
	struct xsw_acl_conn *c;
	unsigned long last;
	struct list_head *pos;
	int i;

	lockdep_assert_held(&t->lock);
	for (i = 0;; i++) {
		pos = t->lru.next;
		if (pos == &t->cursor)
			pos = pos->next;
		if (pos == &t->lru)
			return;
		c = list_entry(pos, struct xsw_acl_conn, list);
		if (expired(c, now)) {
			t->expirations++;
			break;
		}
		last = READ_ONCE(c->last);
		if (i >= EVICT_SCAN || last == c->queued) {
			t->evictions++;
			break;
		}
		/* Seen since it was queued: a second chance. */
		c->queued = last;
		list_move_tail(&c->list, &t->lru);
	}
	conn_delete(t, c);
}

/* Opens @ck for @key going @dir, full or not, unless the port is gone. */
static void conn_insert(struct xsw_acl_conn_table *t,
			const struct xsw_acl_conn_key *ck, u8 dir,
			const struct xsw_acl_key *key, unsigned long now)
{
	struct xsw_acl_conn *c;

	lockdep_assert_held(&t->lock);
	if (READ_ONCE(ck->port->dead))
		return;
	/* Another CPU may have opened it since the lock-free lookup. */
	c = rhashtable_lookup(&t->tbl, ck, conn_params);
	if (c) {
		refresh(c, dir, key, now);
		return;
	}
	if (t->entries >= t->max)
		evict_one(t, now);

	c = kmalloc(sizeof(*c), GFP_ATOMIC);
	if (!c)
		return;
	c->key = *ck;
	c->last = now;
	c->queued = now;
	c->timeout = default_timeout(ck->ip_proto);
	c->opener = dir;
	seen(c, key, now);
	if (rhashtable_insert_fast(&t->tbl, &c->node, conn_params)) {
		kfree(c);
		return;
	}
	list_add_tail(&c->list, &t->lru);
	WRITE_ONCE(t->entries, t->entries + 1);
}

/**
 * xsw_acl_conn_track_at - an allow-stateful rule let @key through
 * @sw: the switch
 * @port: the port
 * @dir: XSW_ACL_DIR_IN or _OUT
 * @key: the frame
 * @now: the time, in jiffies
 *
 * Opens the connection, or refreshes it if it is open, @key being the
 * opener's frame or the return traffic.
 *
 * Context: packet path, under RCU with BH disabled.
 */
void xsw_acl_conn_track_at(struct xsw_switch *sw, const struct xsw_port *port,
			   u8 dir, const struct xsw_acl_key *key,
			   unsigned long now)
{
	struct xsw_acl_conn_table *t = sw->conn;
	struct xsw_acl_conn_key ck;
	struct xsw_acl_conn *c;
	bool opens;

	if (!conn_key(&ck, port, dir, key, &opens) || !opens)
		return;
	c = rhashtable_lookup(&t->tbl, &ck, conn_params);
	if (likely(c)) {
		refresh(c, dir, key, now);
		return;
	}
	spin_lock(&t->lock);
	conn_insert(t, &ck, dir, key, now);
	spin_unlock(&t->lock);
}

/* See xsw_acl_conn_track_at(). */
void xsw_acl_conn_track(struct xsw_switch *sw, const struct xsw_port *port,
			u8 dir, const struct xsw_acl_key *key)
{
	xsw_acl_conn_track_at(sw, port, dir, key, jiffies);
}

/**
 * xsw_acl_conn_allows_at - is @key a frame of an open connection?
 * @sw: the switch
 * @port: the port
 * @dir: XSW_ACL_DIR_IN or _OUT, where @key is going
 * @key: the frame
 * @now: the time, in jiffies
 *
 * Refreshes the connection if so.  One hash lookup, hit or miss.
 *
 * Context: packet path, under RCU with BH disabled.
 * Return: true if a connection opened on @port lets @key through: as the
 * opener's frame going the way it was opened, or as its return traffic
 * going the other way.
 */
bool xsw_acl_conn_allows_at(struct xsw_switch *sw,
			    const struct xsw_port *port, u8 dir,
			    const struct xsw_acl_key *key, unsigned long now)
{
	struct xsw_acl_conn_key ck;
	struct xsw_acl_conn *c;
	bool opens;

	/* The usual case, no allow-stateful rule: no key, no hash. */
	if (!READ_ONCE(sw->conn->entries))
		return false;
	if (!conn_key(&ck, port, dir, key, &opens))
		return false;
	c = rhashtable_lookup(&sw->conn->tbl, &ck, conn_params);
	if (!c || expired(c, now))
		return false;
	refresh(c, dir, key, now);
	return true;
}

/* See xsw_acl_conn_allows_at(). */
bool xsw_acl_conn_allows(struct xsw_switch *sw, const struct xsw_port *port,
			 u8 dir, const struct xsw_acl_key *key)
{
	return xsw_acl_conn_allows_at(sw, port, dir, key, jiffies);
}

/*
 * Drops the connections of @port, or with @port NULL the ones expired at
 * @now, a batch at a time.
 */
static void sweep(struct xsw_acl_conn_table *t, const struct xsw_port *port,
		  unsigned long now)
{
	struct xsw_acl_conn *c;
	int i;

	might_sleep();
	mutex_lock(&t->sweep_lock);
	spin_lock_bh(&t->lock);
	list_add(&t->cursor, &t->lru);
	for (;;) {
		for (i = 0; i < SWEEP_BATCH; i++) {
			if (list_is_last(&t->cursor, &t->lru))
				goto done;
			c = list_entry(t->cursor.next, struct xsw_acl_conn,
				       list);
			list_move(&t->cursor, &c->list);
			if (port) {
				if (c->key.port == port)
					conn_delete(t, c);
			} else if (expired(c, now)) {
				t->expirations++;
				conn_delete(t, c);
			}
		}
		spin_unlock_bh(&t->lock);
		cond_resched();
		spin_lock_bh(&t->lock);
	}
done:
	list_del_init(&t->cursor);
	spin_unlock_bh(&t->lock);
	mutex_unlock(&t->sweep_lock);
}

/* The GC at a given time, for acl_conn_test.c.  Context: process. */
void xsw_acl_conn_gc_at(struct xsw_switch *sw, unsigned long now)
{
	sweep(sw->conn, NULL, now);
}

static void conn_gc(struct work_struct *work)
{
	struct xsw_acl_conn_table *t = container_of(to_delayed_work(work),
						    struct xsw_acl_conn_table,
						    gc);

	sweep(t, NULL, jiffies);
	queue_delayed_work(system_power_efficient_wq, &t->gc,
			   XSW_ACL_CONN_GC_INTERVAL);
}

/**
 * xsw_acl_conn_port_gone - drop the connections of a port being removed
 * @port: the port, which xsw_fdb_port_gone() has marked dead
 *
 * Context: RTNL held; sleeps.
 */
void xsw_acl_conn_port_gone(struct xsw_port *port)
{
	struct xsw_acl_conn_table *t = port->sw->conn;

	ASSERT_RTNL();
	if (!t)
		return;
	/* Else frames in flight could open connections again. */
	WARN_ON_ONCE(!READ_ONCE(port->dead));
	sweep(t, port, jiffies);
}

/**
 * xsw_acl_conn_set_max - set the most connections the switch keeps
 * @sw: the switch
 * @max: from 1 to XSW_ACL_CONN_MAX_LIMIT; clamped to that
 *
 * Evicts connections until there are no more than @max.
 *
 * Context: RTNL held; sleeps.
 */
void xsw_acl_conn_set_max(struct xsw_switch *sw, u32 max)
{
	struct xsw_acl_conn_table *t = sw->conn;
	bool done;
	int i;

	ASSERT_RTNL();
	max = clamp_t(u32, max, 1, XSW_ACL_CONN_MAX_LIMIT);
	spin_lock_bh(&t->lock);
	t->max = max;
	for (;;) {
		for (i = 0; i < SWEEP_BATCH && t->entries > t->max; i++)
			evict_one(t, jiffies);
		done = t->entries <= t->max;
		spin_unlock_bh(&t->lock);
		if (done)
			break;
		cond_resched();
		spin_lock_bh(&t->lock);
	}
}

/**
 * xsw_acl_conn_stats - the table's counters
 * @sw: the switch
 * @entries: the open connections
 * @evictions: connections dropped to make room for new ones
 * @expirations: connections dropped as idle
 * @max: the most connections
 *
 * Context: any but hard IRQ; takes the table's BH spinlock.
 */
void xsw_acl_conn_stats(const struct xsw_switch *sw, u32 *entries,
			u64 *evictions, u64 *expirations, u32 *max)
{
	struct xsw_acl_conn_table *t = sw->conn;

	spin_lock_bh(&t->lock);
	*entries = t->entries;
	*evictions = t->evictions;
	*expirations = t->expirations;
	*max = t->max;
	spin_unlock_bh(&t->lock);
}

/* Context: process. */
int xsw_acl_conn_init(struct xsw_switch *sw)
{
	struct xsw_acl_conn_table *t;
	int err;

	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	err = rhashtable_init(&t->tbl, &conn_params);
	if (err) {
		kfree(t);
		return err;
	}
	INIT_LIST_HEAD(&t->lru);
	INIT_LIST_HEAD(&t->cursor);
	spin_lock_init(&t->lock);
	mutex_init(&t->sweep_lock);
	t->max = XSW_ACL_CONN_DEFAULT_MAX;
	INIT_DELAYED_WORK(&t->gc, conn_gc);
	queue_delayed_work(system_power_efficient_wq, &t->gc,
			   XSW_ACL_CONN_GC_INTERVAL);
	sw->conn = t;
	return 0;
}

static void conn_free(void *ptr, void *arg)
{
	kfree(ptr);
}

/* Context: process; no packet can reach the switch any more. */
void xsw_acl_conn_uninit(struct xsw_switch *sw)
{
	struct xsw_acl_conn_table *t = sw->conn;

	if (!t)
		return;
	cancel_delayed_work_sync(&t->gc);
	rhashtable_free_and_destroy(&t->tbl, conn_free, NULL);
	mutex_destroy(&t->sweep_lock);
	kfree(t);
	sw->conn = NULL;
}
