/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xswitch: port ACLs.  The rules and the sets the packet path runs are
 * kept in acl.c ("DOC: ACL sets" there), run by acl_packet.c, and matched
 * by the classifier of acl_cls.h.
 */
#ifndef _XSW_ACL_H
#define _XSW_ACL_H

#include <linux/idr.h>
#include <linux/u64_stats_sync.h>

#include "xswitch.h"
#include "acl_cls.h"

/* Per-CPU counters of a rule. */
struct xsw_acl_stats {
	u64_stats_t packets;
	u64_stats_t bytes;
	struct u64_stats_sync syncp;
};

/**
 * struct xsw_acl_rule_obj - one rule of a port ACL
 * @rule: match, priority, id and action (XSW_ACL_ACTION_*)
 * @dir: XSW_ACL_DIR_IN or _OUT
 * @stats: the frames it decided, per CPU
 * @node: in its direction's struct xsw_acl_conf.rules while configured
 *	(RTNL); then in the @dead list of the set it was removed from
 */
struct xsw_acl_rule_obj {
	struct xsw_acl_rule rule;
	u8 dir;
	struct xsw_acl_stats __percpu *stats;
	struct list_head node;
};

/**
 * struct xsw_acl_set - one direction's ACL as frames see it; immutable
 * @default_action: XSW_ACL_ACTION_ALLOW or _DENY, when no rule matches
 * @n: rules in @objs
 * @cls: the classifier of the rules, whose action is their index in @objs
 * @dead: rules removed when this set was replaced, freed with it
 * @rcu: frees it
 * @objs: the rules, in evaluation order
 */
struct xsw_acl_set {
	u8 default_action;
	u32 n;
	struct xsw_acl_cls *cls;
	struct list_head dead;
	struct rcu_head rcu;
	struct xsw_acl_rule_obj *objs[];
};

/**
 * struct xsw_acl_conf - one direction's ACL as configured (RTNL)
 * @rules: struct xsw_acl_rule_obj.node, in evaluation order
 * @n: entries of @rules
 * @default_action: XSW_ACL_ACTION_ALLOW or _DENY
 */
struct xsw_acl_conf {
	struct list_head rules;
	unsigned int n;
	u8 default_action;
};

/**
 * struct xsw_acl_port - a port's ACL configuration (RTNL)
 * @dir: [XSW_ACL_IN] and [XSW_ACL_OUT]
 * @ids: rule id -> struct xsw_acl_rule_obj, both directions
 */
struct xsw_acl_port {
	struct xsw_acl_conf dir[2];
	struct idr ids;
};

/**
 * struct xsw_acl_frame - what the ACLs of a frame's path read from it
 * @key: the key, valid once @extracted
 * @extracted: @key has been read; only the first ACL a frame meets reads
 *	it, and its copies share it (they hold the same bytes)
 */
struct xsw_acl_frame {
	struct xsw_acl_key key;
	bool extracted;
};

/* The index in struct xsw_port.acl of XSW_ACL_DIR_IN or _OUT. */
static inline int xsw_acl_idx(u8 dir)
{
	return dir - XSW_ACL_DIR_IN;
}

/* acl.c */
extern unsigned int xsw_acl_seq;
struct xsw_acl_rule_obj *xsw_acl_rule_new(const struct xsw_acl_rule *rule,
					  u8 dir,
					  struct netlink_ext_ack *extack);
void xsw_acl_rule_free(struct xsw_acl_rule_obj *obj);
void xsw_acl_rules_free(struct list_head *rules);
void xsw_acl_rule_stats(const struct xsw_acl_rule_obj *obj, u64 *packets,
			u64 *bytes);
int xsw_acl_add(struct xsw_port *port, struct xsw_acl_rule_obj *obj,
		struct netlink_ext_ack *extack);
int xsw_acl_del(struct xsw_port *port, u8 dir, u32 id,
		struct netlink_ext_ack *extack);
int xsw_acl_flush(struct xsw_port *port, u8 dir,
		  struct netlink_ext_ack *extack);
int xsw_acl_replace(struct xsw_port *port, u8 dir, struct list_head *rules,
		    u8 default_action, struct netlink_ext_ack *extack);
int xsw_acl_set_default(struct xsw_port *port, u8 dir, u8 action,
			struct netlink_ext_ack *extack);
void xsw_acl_port_uninit(struct xsw_port *port);

/* acl_packet.c */
bool xsw_acl_pass(const struct xsw_acl_set *set, struct xsw_port *port,
		  u8 dir, struct xsw_acl_frame *af, const struct sk_buff *skb,
		  u16 vlan);

#endif /* _XSW_ACL_H */
