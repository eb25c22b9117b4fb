// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: port ACLs - the rules of each port and direction, and the
 * immutable sets the packet path runs (acl_packet.c).
 */

/**
 * DOC: ACL sets
 *
 * Under RTNL, a port keeps its rules in struct xsw_acl_port, made at the
 * first ACL command that needs it: per direction, the rule objects in
 * evaluation order (priority, then id) and the default action, and one
 * id -> rule map for both directions, so that ids are unique on the port.
 *
 * Frames see a direction only through port->acl[], a struct xsw_acl_set
 * that never changes once published: the default action, the rules in
 * evaluation order, and a classifier built from them.  Every change builds
 * a new set aside from the rules as they are to be, and swaps it in with
 * rcu_assign_pointer(); a frame sees the old set or the new one, never a
 * mix.  Building is the only step that can fail (memory, too many
 * classifier entries); it comes before any change is made, so a refused
 * command leaves everything as it was.  A direction with no rule and the
 * default action allow has no set at all, and costs a frame one load.
 *
 * Rule objects are shared by the successive sets that hold them, so their
 * per-CPU counters count across changes.  A rule taken out goes on the
 * @dead list of the set being replaced - which holds it - and is freed
 * with that set, after a grace period: a frame that could still see the
 * rule holds that set or an older one, and older ones were unpublished
 * before it.  Sets are freed by call_rcu() callbacks that free their
 * classifier and dead rules at once, without another call_rcu(), so the
 * rcu_barrier() of module exit waits for all of it.
 *
 * When the port goes, xsw_port_uninit(), which runs once no frame can
 * reach the port, frees its current sets and rules.
 */

#include <linux/list_sort.h>
#include <linux/slab.h>

#include "acl.h"

/* Changes with every ACL change, so that dumps notice.  RTNL. */
unsigned int xsw_acl_seq;

/**
 * xsw_acl_rule_new - a rule object, not yet on any port
 * @rule: the rule; its id is given when it is added
 * @dir: XSW_ACL_DIR_IN or _OUT
 * @extack: where to say why the classifier cannot take the match
 *
 * Context: process.
 * Return: the rule, or an ERR_PTR().
 */
struct xsw_acl_rule_obj *xsw_acl_rule_new(const struct xsw_acl_rule *rule,
					  u8 dir,
					  struct netlink_ext_ack *extack)
{
	struct xsw_acl_rule_obj *obj;
	const char *why;
	int cpu;

	BUILD_BUG_ON(XSW_ACL_RULES_MAX != XSW_ACL_MAX_RULES);
	if (xsw_acl_match_check(&rule->match, &why)) {
		/* A static string, which NL_SET_ERR_MSG() cannot take. */
		if (extack)
			extack->_msg = why;
		return ERR_PTR(-EINVAL);
	}
	if (rule->action < XSW_ACL_ACTION_ALLOW ||
	    rule->action > XSW_ACL_ACTION_ALLOW_STATEFUL ||
	    (dir != XSW_ACL_DIR_IN && dir != XSW_ACL_DIR_OUT))
		return ERR_PTR(-EINVAL);

	obj = kzalloc(sizeof(*obj), GFP_KERNEL);
	if (!obj)
		return ERR_PTR(-ENOMEM);
	obj->stats = alloc_percpu_gfp(struct xsw_acl_stats, GFP_KERNEL);
	if (!obj->stats) {
		kfree(obj);
		return ERR_PTR(-ENOMEM);
	}
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(obj->stats, cpu)->syncp);
	obj->rule = *rule;
	obj->rule.id = 0;
	obj->dir = dir;
	INIT_LIST_HEAD(&obj->node);
	return obj;
}

/* Frees a rule no frame can see: never added, or its set is gone. */
void xsw_acl_rule_free(struct xsw_acl_rule_obj *obj)
{
	free_percpu(obj->stats);
	kfree(obj);
}

/* Frees every rule on @rules.  Context: no frame can see them. */
void xsw_acl_rules_free(struct list_head *rules)
{
	struct xsw_acl_rule_obj *obj, *tmp;

	list_for_each_entry_safe(obj, tmp, rules, node)
		xsw_acl_rule_free(obj);
	INIT_LIST_HEAD(rules);
}

/* The frames and bytes a rule decided, summed over the CPUs. */
void xsw_acl_rule_stats(const struct xsw_acl_rule_obj *obj, u64 *packets,
			u64 *bytes)
{
	int cpu;

	*packets = 0;
	*bytes = 0;
	for_each_possible_cpu(cpu) {
		const struct xsw_acl_stats *s = per_cpu_ptr(obj->stats, cpu);
		unsigned int start;
		u64 p, b;

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			p = u64_stats_read(&s->packets);
			b = u64_stats_read(&s->bytes);
		} while (u64_stats_fetch_retry(&s->syncp, start));
		*packets += p;
		*bytes += b;
	}
}

/* Evaluation order: priority, then id (unique on the port). */
static int rule_cmp(void *priv, const struct list_head *a,
		    const struct list_head *b)
{
	const struct xsw_acl_rule *x =
		&list_entry(a, struct xsw_acl_rule_obj, node)->rule;
	const struct xsw_acl_rule *y =
		&list_entry(b, struct xsw_acl_rule_obj, node)->rule;

	if (x->priority != y->priority)
		return x->priority < y->priority ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Puts @obj in its place; from the end, where most new rules go. */
static void rule_insert(struct list_head *rules, struct xsw_acl_rule_obj *obj)
{
	struct xsw_acl_rule_obj *pos;

	list_for_each_entry_reverse(pos, rules, node) {
		if (rule_cmp(NULL, &pos->node, &obj->node) < 0) {
			list_add(&obj->node, &pos->node);
			return;
		}
	}
	list_add(&obj->node, rules);
}

static void set_destroy(struct xsw_acl_set *set)
{
	xsw_acl_cls_destroy(set->cls);
	xsw_acl_rules_free(&set->dead);
	kvfree(set);
}

static void set_free_rcu(struct rcu_head *head)
{
	set_destroy(container_of(head, struct xsw_acl_set, rcu));
}

/*
 * The set for the @n rules on @rules and a default action: NULL when
 * frames need none, else a new set or an ERR_PTR() with @extack set.
 */
static struct xsw_acl_set *set_build(const struct list_head *rules,
				     unsigned int n, u8 default_action,
				     struct netlink_ext_ack *extack)
{
	struct xsw_acl_rule *tmp = NULL;
	struct xsw_acl_rule_obj *obj;
	struct xsw_acl_set *set;
	struct xsw_acl_cls *cls;
	unsigned int i = 0;

	if (!n && default_action == XSW_ACL_ACTION_ALLOW)
		return NULL;
	set = kvzalloc(struct_size(set, objs, n), GFP_KERNEL);
	if (!set)
		return ERR_PTR(-ENOMEM);
	if (n) {
		tmp = kvmalloc_array(n, sizeof(*tmp), GFP_KERNEL);
		if (!tmp) {
			kvfree(set);
			return ERR_PTR(-ENOMEM);
		}
	}
	list_for_each_entry(obj, rules, node) {
		set->objs[i] = obj;
		tmp[i] = obj->rule;
		tmp[i].action = i;
		i++;
	}
	cls = xsw_acl_cls_create(tmp, n);
	kvfree(tmp);
	if (IS_ERR(cls)) {
		kvfree(set);
		if (PTR_ERR(cls) == -E2BIG)
			NL_SET_ERR_MSG(extack,
				       "the rules' port ranges make too many classifier entries");
		return ERR_CAST(cls);
	}
	set->default_action = default_action;
	set->n = n;
	set->cls = cls;
	INIT_LIST_HEAD(&set->dead);
	return set;
}

/*
 * Publishes @set (which may be NULL) for a direction; the rules on @dead,
 * no longer configured, are freed with the set they were in.
 */
static void set_publish(struct xsw_port *port, int idx,
			struct xsw_acl_set *set, struct list_head *dead)
{
	struct xsw_acl_set *old = xsw_dereference(port->acl[idx]);

	rcu_assign_pointer(port->acl[idx], set);
	WRITE_ONCE(xsw_acl_seq, xsw_acl_seq + 1);
	if (!old) {
		/* No frame saw them: a rule always lives in a set. */
		WARN_ON_ONCE(!list_empty(dead));
		xsw_acl_rules_free(dead);
		return;
	}
	list_splice_init(dead, &old->dead);
	call_rcu(&old->rcu, set_free_rcu);
}

static struct xsw_acl_port *conf_get(struct xsw_port *port)
{
	struct xsw_acl_port *conf = port->acl_conf;
	int i;

	if (conf)
		return conf;
	conf = kzalloc(sizeof(*conf), GFP_KERNEL);
	if (!conf)
		return NULL;
	for (i = 0; i < ARRAY_SIZE(conf->dir); i++) {
		INIT_LIST_HEAD(&conf->dir[i].rules);
		conf->dir[i].default_action = XSW_ACL_ACTION_ALLOW;
	}
	idr_init(&conf->ids);
	port->acl_conf = conf;
	return conf;
}

/* Ids count up from the last one given, wrap, and skip those in use. */
static int id_alloc(struct xsw_acl_port *conf, struct xsw_acl_rule_obj *obj)
{
	int id = idr_alloc_cyclic(&conf->ids, obj, 1, 0, GFP_KERNEL);

	if (id < 0)
		return id;
	obj->rule.id = id;
	return 0;
}

static void ids_free(struct xsw_acl_port *conf, const struct list_head *rules)
{
	struct xsw_acl_rule_obj *obj;

	list_for_each_entry(obj, rules, node)
		if (obj->rule.id)
			idr_remove(&conf->ids, obj->rule.id);
}

/**
 * xsw_acl_add - add a rule to a port's ACL
 * @port: the port
 * @obj: from xsw_acl_rule_new(); consumed, and on success valid until
 *	RTNL is dropped, with its id set
 * @extack: where to say why not
 *
 * Context: RTNL held.
 * Return: 0, or a negative errno with nothing changed.
 */
int xsw_acl_add(struct xsw_port *port, struct xsw_acl_rule_obj *obj,
		struct netlink_ext_ack *extack)
{
	int idx = xsw_acl_idx(obj->dir), err;
	struct xsw_acl_port *conf;
	struct xsw_acl_set *set;
	struct xsw_acl_conf *d;
	LIST_HEAD(none);

	ASSERT_RTNL();
	conf = conf_get(port);
	if (!conf) {
		err = -ENOMEM;
		goto err_free;
	}
	d = &conf->dir[idx];
	if (d->n >= XSW_ACL_MAX_RULES) {
		NL_SET_ERR_MSG(extack,
			       "too many rules (10000 per port and direction)");
		err = -ENOSPC;
		goto err_free;
	}
	err = id_alloc(conf, obj);
	if (err)
		goto err_free;
	rule_insert(&d->rules, obj);
	set = set_build(&d->rules, d->n + 1, d->default_action, extack);
	if (IS_ERR(set)) {
		err = PTR_ERR(set);
		list_del(&obj->node);
		idr_remove(&conf->ids, obj->rule.id);
		goto err_free;
	}
	d->n++;
	set_publish(port, idx, set, &none);
	return 0;

err_free:
	xsw_acl_rule_free(obj);
	return err;
}

/**
 * xsw_acl_del - delete a rule from a port's ACL
 * @port: the port
 * @dir: the rule's direction, or 0 for either
 * @id: its id
 * @extack: where to say why not
 *
 * Context: RTNL held.
 * Return: 0, or a negative errno with nothing changed.
 */
int xsw_acl_del(struct xsw_port *port, u8 dir, u32 id,
		struct netlink_ext_ack *extack)
{
	struct xsw_acl_port *conf = port->acl_conf;
	struct xsw_acl_rule_obj *obj = NULL;
	struct xsw_acl_set *set;
	struct list_head *prev;
	struct xsw_acl_conf *d;
	LIST_HEAD(dead);
	int idx;

	ASSERT_RTNL();
	if (conf && id <= INT_MAX)
		obj = idr_find(&conf->ids, id);
	if (!obj || (dir && obj->dir != dir)) {
		if (dir)
			NL_SET_ERR_MSG(extack,
				       "rule id not found on this port and direction");
		else
			NL_SET_ERR_MSG(extack, "rule id not found on this port");
		return -ENOENT;
	}
	idx = xsw_acl_idx(obj->dir);
	d = &conf->dir[idx];
	prev = obj->node.prev;
	list_del(&obj->node);
	set = set_build(&d->rules, d->n - 1, d->default_action, extack);
	if (IS_ERR(set)) {
		list_add(&obj->node, prev);
		return PTR_ERR(set);
	}
	d->n--;
	idr_remove(&conf->ids, id);
	list_add(&obj->node, &dead);
	set_publish(port, idx, set, &dead);
	return 0;
}

/**
 * xsw_acl_flush - delete the rules of a port, in one direction or both
 * @port: the port
 * @dir: XSW_ACL_DIR_IN, _OUT, or 0 for both at once
 * @extack: where to say why not
 *
 * The default actions stay.
 *
 * Context: RTNL held.
 * Return: 0, or a negative errno with nothing changed.
 */
int xsw_acl_flush(struct xsw_port *port, u8 dir,
		  struct netlink_ext_ack *extack)
{
	struct xsw_acl_port *conf = port->acl_conf;
	struct xsw_acl_set *set[2] = {};
	LIST_HEAD(none);
	int i, err;

	ASSERT_RTNL();
	if (!conf)
		return 0;
	for (i = 0; i < ARRAY_SIZE(set); i++) {
		if ((dir && i != xsw_acl_idx(dir)) || !conf->dir[i].n)
			continue;
		set[i] = set_build(&none, 0, conf->dir[i].default_action,
				   extack);
		if (IS_ERR(set[i])) {
			err = PTR_ERR(set[i]);
			set[i] = NULL;
			goto err_sets;
		}
	}
	for (i = 0; i < ARRAY_SIZE(set); i++) {
		struct xsw_acl_conf *d = &conf->dir[i];
		LIST_HEAD(dead);

		if ((dir && i != xsw_acl_idx(dir)) || !d->n)
			continue;
		ids_free(conf, &d->rules);
		list_splice_init(&d->rules, &dead);
		d->n = 0;
		set_publish(port, i, set[i], &dead);
	}
	return 0;

err_sets:
	for (i = 0; i < ARRAY_SIZE(set); i++)
		if (set[i])
			set_destroy(set[i]);
	return err;
}

/**
 * xsw_acl_replace - swap a direction's whole ACL for another
 * @port: the port
 * @dir: XSW_ACL_DIR_IN or _OUT
 * @rules: from xsw_acl_rule_new(), of @dir; consumed
 * @default_action: the new default action, or 0 to keep it
 * @extack: where to say why not
 *
 * The new rules get ids in their order on @rules.
 *
 * Context: RTNL held.
 * Return: 0, or a negative errno with nothing changed.
 */
int xsw_acl_replace(struct xsw_port *port, u8 dir, struct list_head *rules,
		    u8 default_action, struct netlink_ext_ack *extack)
{
	struct xsw_acl_rule_obj *obj;
	struct xsw_acl_port *conf;
	struct xsw_acl_set *set;
	struct xsw_acl_conf *d;
	unsigned int n = 0;
	LIST_HEAD(dead);
	int err;

	ASSERT_RTNL();
	list_for_each_entry(obj, rules, node)
		n++;
	if (n > XSW_ACL_MAX_RULES) {
		NL_SET_ERR_MSG(extack,
			       "too many rules (10000 per port and direction)");
		err = -ENOSPC;
		goto err_free;
	}
	conf = conf_get(port);
	if (!conf) {
		err = -ENOMEM;
		goto err_free;
	}
	d = &conf->dir[xsw_acl_idx(dir)];
	if (!default_action)
		default_action = d->default_action;

	list_for_each_entry(obj, rules, node) {
		err = id_alloc(conf, obj);
		if (err)
			goto err_ids;
	}
	list_sort(NULL, rules, rule_cmp);
	set = set_build(rules, n, default_action, extack);
	if (IS_ERR(set)) {
		err = PTR_ERR(set);
		goto err_ids;
	}

	ids_free(conf, &d->rules);
	list_splice_init(&d->rules, &dead);
	list_splice_init(rules, &d->rules);
	d->n = n;
	d->default_action = default_action;
	set_publish(port, xsw_acl_idx(dir), set, &dead);
	return 0;

err_ids:
	ids_free(conf, rules);
err_free:
	xsw_acl_rules_free(rules);
	return err;
}

/**
 * xsw_acl_set_default - set the action for frames no rule matches
 * @port: the port
 * @dir: XSW_ACL_DIR_IN or _OUT
 * @action: XSW_ACL_ACTION_ALLOW or _DENY
 * @extack: where to say why not
 *
 * Context: RTNL held.
 * Return: 0, or a negative errno with nothing changed.
 */
int xsw_acl_set_default(struct xsw_port *port, u8 dir, u8 action,
			struct netlink_ext_ack *extack)
{
	int idx = xsw_acl_idx(dir);
	struct xsw_acl_port *conf;
	struct xsw_acl_set *set;
	struct xsw_acl_conf *d;
	LIST_HEAD(none);

	ASSERT_RTNL();
	if (action != XSW_ACL_ACTION_ALLOW && action != XSW_ACL_ACTION_DENY) {
		NL_SET_ERR_MSG(extack, "the default action is allow or deny");
		return -EINVAL;
	}
	if (!port->acl_conf && action == XSW_ACL_ACTION_ALLOW)
		return 0;
	conf = conf_get(port);
	if (!conf)
		return -ENOMEM;
	d = &conf->dir[idx];
	if (d->default_action == action)
		return 0;
	set = set_build(&d->rules, d->n, action, extack);
	if (IS_ERR(set))
		return PTR_ERR(set);
	d->default_action = action;
	set_publish(port, idx, set, &none);
	return 0;
}

/*
 * Frees a port's ACLs.  Context: no frame can reach the port any more
 * (xsw_port_uninit()); maybe an RCU callback.
 */
void xsw_acl_port_uninit(struct xsw_port *port)
{
	struct xsw_acl_port *conf = port->acl_conf;
	struct xsw_acl_set *set;
	int i;

	for (i = 0; i < ARRAY_SIZE(port->acl); i++) {
		set = rcu_dereference_protected(port->acl[i], 1);
		RCU_INIT_POINTER(port->acl[i], NULL);
		if (set)
			set_destroy(set);
	}
	if (!conf)
		return;
	for (i = 0; i < ARRAY_SIZE(conf->dir); i++)
		xsw_acl_rules_free(&conf->dir[i].rules);
	idr_destroy(&conf->ids);
	kfree(conf);
	port->acl_conf = NULL;
}
