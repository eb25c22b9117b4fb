/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xswitch: FDB entries, shared by fdb.c and the netlink code that dumps
 * them.
 */
#ifndef _XSW_FDB_H
#define _XSW_FDB_H

#include "xswitch.h"

/* Exactly 8 bytes, no padding: fdb.c hashes and compares it as words. */
struct xsw_fdb_key {
	u8 mac[ETH_ALEN];
	u16 vlan;
};

/**
 * struct xsw_fdb_entry - one (VLAN, MAC) -> port mapping
 * @node: in fdb->tbl
 * @key: VLAN and MAC
 * @port: where the MAC is (RCU; changed under fdb->lock)
 * @updated: jiffies when last seen (written only when it differs)
 * @is_static: added by hand; never ages or moves
 * @list: in fdb->all
 * @rcu: frees the entry
 */
struct xsw_fdb_entry {
	struct rhash_head node;
	struct xsw_fdb_key key;
	struct xsw_port __rcu *port;
	unsigned long updated;
	bool is_static;
	struct hlist_node list;
	struct rcu_head rcu;
};

int xsw_fdb_cache_init(void);
void xsw_fdb_cache_uninit(void);

#endif /* _XSW_FDB_H */
