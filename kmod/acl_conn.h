/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xswitch: connections opened by "allow-stateful" ACL rules, whose frames
 * are let through the same port both ways.  The lifetimes and the locking
 * are in the DOC blocks of acl_conn.c.
 */
#ifndef _XSW_ACL_CONN_H
#define _XSW_ACL_CONN_H

#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rhashtable-types.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#include "xswitch.h"
#include "acl_cls.h"

/*
 * Idle timeouts, in jiffies: a connection not seen for longer goes.  TCP
 * drops to the close timeout once a FIN or RST went either way.  ICMP is
 * an echo request and its replies.  "Other" is UDP, SCTP and every
 * protocol without ports.
 */
#define XSW_ACL_CONN_TCP_TIMEOUT	(300 * HZ)
#define XSW_ACL_CONN_TCP_CLOSE_TIMEOUT	(10 * HZ)
#define XSW_ACL_CONN_ICMP_TIMEOUT	(30 * HZ)
#define XSW_ACL_CONN_OTHER_TIMEOUT	(30 * HZ)

/* How often the GC work looks for expired connections. */
#define XSW_ACL_CONN_GC_INTERVAL	(5 * HZ)

/* Connections per switch: the default and the largest maximum. */
#define XSW_ACL_CONN_DEFAULT_MAX	65536
#define XSW_ACL_CONN_MAX_LIMIT		XSW_SWITCH_CONN_MAX_LIMIT

/**
 * struct xsw_acl_conn_key - a connection as its frames going in see it
 * @port: the port it was opened on; compared, never dereferenced
 * @src_ip: the source address of its frames going in (for ICMP, of the
 *	echo requests); IPv4 as ::ffff:a.b.c.d
 * @dst_ip: their destination address
 * @src_port: TCP/UDP/SCTP source port, else 0
 * @dst_port: TCP/UDP/SCTP destination port, else 0
 * @vlan_id: the VLAN the switch classified the frame into
 * @dir: XSW_ACL_DIR_IN; for ICMP, where the echo requests go
 * @ip_proto: IP protocol
 * @v6: an IPv6 connection
 * @icmp_type: ICMP_ECHO or ICMPV6_ECHO_REQUEST for ICMP, else 0
 * @pad: zero
 *
 * Every byte is a field or @pad, so keys hash and compare as words.
 */
struct xsw_acl_conn_key {
	const struct xsw_port *port;
	struct in6_addr src_ip;
	struct in6_addr dst_ip;
	__be16 src_port;
	__be16 dst_port;
	u16 vlan_id;
	u8 dir;
	u8 ip_proto;
	u8 v6;
	u8 icmp_type;
	u8 pad[6];
};

/**
 * struct xsw_acl_conn - one connection
 * @node: in table->tbl
 * @key: what it is
 * @last: jiffies when last seen (lock-free; written only when it differs)
 * @timeout: idle timeout in jiffies (lock-free; written only when it
 *	changes)
 * @opener: XSW_ACL_DIR_IN or _OUT, where it was opened (lock-free; written
 *	only when it changes, as an expired connection is opened again)
 * @queued: @last when it was put at the tail of table->lru (table->lock)
 * @list: in table->lru (table->lock)
 * @rcu: frees it
 */
struct xsw_acl_conn {
	struct rhash_head node;
	struct xsw_acl_conn_key key;
	unsigned long last;
	unsigned long timeout;
	u8 opener;
	unsigned long queued;
	struct list_head list;
	struct rcu_head rcu;
};

/**
 * struct xsw_acl_conn_table - a switch's connections
 * @tbl: key -> connection; lookups are lock-free under RCU
 * @lru: every connection, roughly least recently used first (@lock)
 * @lock: serialises every change to @tbl, @lru and the counters
 * @entries: connections in @tbl (@lock; the packet path reads it without)
 * @max: most connections; inserting one more evicts one (@lock)
 * @evictions: connections dropped to make room (@lock)
 * @expirations: connections dropped as idle (@lock)
 * @sweep_lock: one walk of @lru at a time (the GC, a port going)
 * @cursor: where that walk is, in @lru while it drops @lock (@lock)
 * @gc: the work that drops idle connections
 */
struct xsw_acl_conn_table {
	struct rhashtable tbl;
	struct list_head lru;
	spinlock_t lock;		/* see above */
	u32 entries;
	u32 max;
	u64 evictions;
	u64 expirations;
	struct mutex sweep_lock;	/* see above */
	struct list_head cursor;
	struct delayed_work gc;
};

int xsw_acl_conn_init(struct xsw_switch *sw);
void xsw_acl_conn_uninit(struct xsw_switch *sw);
void xsw_acl_conn_port_gone(struct xsw_port *port);
bool xsw_acl_conn_allows(struct xsw_switch *sw, const struct xsw_port *port,
			 u8 dir, const struct xsw_acl_key *key);
void xsw_acl_conn_track(struct xsw_switch *sw, const struct xsw_port *port,
			u8 dir, const struct xsw_acl_key *key);
void xsw_acl_conn_set_max(struct xsw_switch *sw, u32 max);
void xsw_acl_conn_stats(const struct xsw_switch *sw, u32 *entries,
			u64 *evictions, u64 *expirations, u32 *max);

/* The same at a given time, for acl_conn_test.c. */
bool xsw_acl_conn_allows_at(struct xsw_switch *sw,
			    const struct xsw_port *port, u8 dir,
			    const struct xsw_acl_key *key, unsigned long now);
void xsw_acl_conn_track_at(struct xsw_switch *sw, const struct xsw_port *port,
			   u8 dir, const struct xsw_acl_key *key,
			   unsigned long now);
void xsw_acl_conn_gc_at(struct xsw_switch *sw, unsigned long now);

#endif /* _XSW_ACL_CONN_H */
