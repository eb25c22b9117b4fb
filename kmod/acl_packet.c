// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: a port ACL on the packet path.  forward.c calls it for the "in"
 * ACL of a frame's ingress port, once the destinations are known, and for
 * the "out" ACL of each destination; only when that ACL exists, so a port
 * without one costs a frame a load and a test.
 */

#include "acl.h"
#include "acl_conn.h"

static void count(struct xsw_acl_rule_obj *obj, unsigned int len)
{
	struct xsw_acl_stats *s = this_cpu_ptr(obj->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->packets);
	u64_stats_add(&s->bytes, len);
	u64_stats_update_end(&s->syncp);
}

/**
 * xsw_acl_pass - may a frame pass a port's ACL in one direction?
 * @set: the ACL, from rcu_dereference(@port->acl[])
 * @port: the port
 * @dir: XSW_ACL_DIR_IN or _OUT
 * @af: the frame's key, read here if no ACL read it before
 * @skb: the frame (or a copy), skb->data at the Ethernet header
 * @vlan: the VLAN the switch put it in
 *
 * A frame of a connection that an allow-stateful rule opened on @port -
 * the opener's, going the way it was opened, or the return traffic, going
 * the other way - passes before the rules are looked at.  Otherwise the
 * best rule that matches counts the frame and decides; with none, the
 * default action does.  Frames whose headers are cut short are matched on
 * the fields that could be read (xsw_acl_key_extract()).
 *
 * Context: packet path, under RCU with BH disabled.
 */
bool xsw_acl_pass(const struct xsw_acl_set *set, struct xsw_port *port,
		  u8 dir, struct xsw_acl_frame *af, const struct sk_buff *skb,
		  u16 vlan)
{
	const struct xsw_acl_rule *hit;
	struct xsw_acl_rule_obj *obj;

	if (!af->extracted) {
		xsw_acl_key_extract(skb, vlan, &af->key);
		af->extracted = true;
	}
	if (xsw_acl_conn_allows(port->sw, port, dir, &af->key))
		return true;

	hit = xsw_acl_cls_lookup(set->cls, &af->key);
	if (!hit)
		return set->default_action == XSW_ACL_ACTION_ALLOW;
	obj = set->objs[hit->action];
	count(obj, skb->len);
	switch (obj->rule.action) {
	case XSW_ACL_ACTION_DENY:
		return false;
	case XSW_ACL_ACTION_ALLOW_STATEFUL:
		xsw_acl_conn_track(port->sw, port, dir, &af->key);
		return true;
	default:
		return true;
	}
}
