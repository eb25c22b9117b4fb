// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: extensions - the registry of companion modules, their
 * attachment to switches, and the chains the packet path runs them in.
 *
 * DOC: Extension lifetimes
 *
 * Everything here changes under RTNL: the registry, each switch's list of
 * attachments (sw->exts, sorted by priority then attach order) and each
 * extension type's list of its attachments.  The packet path sees none of
 * that; it reads sw->pipeline, an immutable array built from sw->exts on
 * every change and swapped in with rcu_assign_pointer().  A frame takes
 * one snapshot of it at ingress and uses that same snapshot for every
 * destination, so attach, detach and reorder never show a frame half of a
 * change.  NULL means nothing is attached: the packet path then costs one
 * load and one test.
 *
 * Detach takes an attachment out of the pipeline, waits for a grace period
 * (synchronize_net()), and only then calls the extension's port_del and
 * detach callbacks and frees it, so no packet can be inside one of its
 * callbacks by then.  Unloading an extension's module calls
 * xsw_ext_unregister(), which detaches it from every switch the same way;
 * attachments therefore hold no reference on the module, and rmmod of an
 * attached extension works.  A module reference is held only while its
 * attach callback runs.
 */

#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/u64_stats_sync.h>

#include "xswitch.h"

/* Most extensions attached to one switch. */
#define XSW_EXT_MAX_PER_SWITCH	32
/* Biggest private area. */
#define XSW_EXT_MAX_PRIV	(64 * 1024)

/* Every registered extension (RTNL). */
LIST_HEAD(xsw_ext_types);
/* Attach order, which breaks ties between equal priorities (RTNL). */
static u32 xsw_ext_order;
/* Changes with every registration, attach and detach, for dumps (RTNL). */
unsigned int xsw_ext_seq;

/* Registry */

struct xsw_ext_reg *xsw_ext_reg_find(const char *name)
{
	struct xsw_ext_reg *t;

	ASSERT_RTNL();
	list_for_each_entry(t, &xsw_ext_types, node)
		if (!strcmp(t->ops->name, name))
			return t;
	return NULL;
}

/* Names are module-alias safe: [a-z0-9_-], 1..XSW_EXT_NAME_LEN - 1. */
bool xsw_ext_name_valid(const char *name)
{
	size_t len = strnlen(name, XSW_EXT_NAME_LEN);
	size_t i;

	if (!len || len >= XSW_EXT_NAME_LEN)
		return false;
	for (i = 0; i < len; i++)
		if (!(name[i] >= 'a' && name[i] <= 'z') &&
		    !(name[i] >= '0' && name[i] <= '9') &&
		    name[i] != '-' && name[i] != '_')
			return false;
	return true;
}

static bool option_valid(const struct xsw_ext_option *opt)
{
	if (!opt->name || !xsw_ext_name_valid(opt->name))
		return false;
	switch (opt->type) {
	case XSW_EXT_OPT_U32:
		return opt->min <= opt->max && opt->def >= opt->min &&
		       opt->def <= opt->max;
	case XSW_EXT_OPT_BOOL:
		return opt->def <= 1;
	case XSW_EXT_OPT_STRING:
		return opt->max < XSW_EXT_OPT_MAX_LEN;	/* and the NUL */
	case XSW_EXT_OPT_BINARY:
		return opt->max <= XSW_EXT_OPT_MAX_LEN;
	case XSW_EXT_OPT_MAC:
	case XSW_EXT_OPT_IP:
		return true;
	}
	return false;
}

/* Why @ops cannot be registered, or NULL. */
static const char *ops_invalid(const struct xsw_ext_ops *ops)
{
	unsigned int i, j;

	if (!ops->name || !xsw_ext_name_valid(ops->name))
		return "name must be 1-31 characters of a-z, 0-9, - and _";
	switch (ops->type) {
	case XSW_EXT_TYPE_CAPTURE:
		if (!ops->capture || ops->filter || ops->forward)
			return "a capture extension has capture() only";
		break;
	case XSW_EXT_TYPE_FILTER:
		if (!ops->filter || ops->capture || ops->forward)
			return "a filter extension has filter() only";
		break;
	case XSW_EXT_TYPE_FORWARDING:
		if (!ops->forward || ops->capture)
			return "a forwarding extension has forward() and maybe filter()";
		break;
	default:
		return "unknown type";
	}
	if (ops->priv_size > XSW_EXT_MAX_PRIV)
		return "priv_size is over 64 KiB";
	if (ops->n_options > XSW_EXT_MAX_OPTIONS ||
	    (ops->n_options && (!ops->options || !ops->configure)))
		return "options need an array of at most 16 and configure()";
	for (i = 0; i < ops->n_options; i++) {
		if (!option_valid(&ops->options[i]))
			return "an option has a bad name, type, range or default";
		for (j = 0; j < i; j++)
			if (!strcmp(ops->options[i].name, ops->options[j].name))
				return "two options have the same name";
	}
	return NULL;
}

/**
 * __xsw_ext_register - register an extension; see xsw_ext_register()
 * @ops: the extension
 * @owner: its module
 */
int __xsw_ext_register(struct xsw_ext_ops *ops, struct module *owner)
{
	const char *why = ops_invalid(ops);
	struct xsw_ext_reg *t;
	int err = 0;

	if (why) {
		pr_err("extension %s: %s\n", ops->name ?: "(null)", why);
		return -EINVAL;
	}
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	ops->owner = owner;
	t->ops = ops;
	INIT_LIST_HEAD(&t->attached);

	rtnl_lock();
	if (xsw_ext_reg_find(ops->name))
		err = -EEXIST;
	else
		list_add_tail(&t->node, &xsw_ext_types);
	if (!err)
		xsw_ext_load_registered(ops->name);
	xsw_ext_seq++;
	rtnl_unlock();
	if (err)
		kfree(t);
	return err;
}
EXPORT_SYMBOL_GPL(__xsw_ext_register);

/**
 * xsw_ext_unregister - withdraw an extension; see the header
 * @ops: as registered
 */
void xsw_ext_unregister(struct xsw_ext_ops *ops)
{
	struct xsw_ext *ext, *tmp;
	struct xsw_ext_reg *t;

	rtnl_lock();
	t = xsw_ext_reg_find(ops->name);
	if (WARN_ON(!t || t->ops != ops)) {
		rtnl_unlock();
		return;
	}
	list_for_each_entry_safe(ext, tmp, &t->attached, type_node)
		xsw_ext_detach(ext);
	list_del(&t->node);
	xsw_ext_seq++;
	rtnl_unlock();
	kfree(t);
}
EXPORT_SYMBOL_GPL(xsw_ext_unregister);

/* The attachment of @ops to @sw, or NULL. */
struct xsw_ext *xsw_ext_find(struct xsw_switch *sw,
			     const struct xsw_ext_ops *ops)
{
	struct xsw_ext *ext;

	ASSERT_RTNL();
	list_for_each_entry(ext, &sw->exts, sw_node)
		if (ext->ops == ops)
			return ext;
	return NULL;
}

/* Option values */

/* Fills @values with @ops' defaults. */
void xsw_ext_values_default(const struct xsw_ext_ops *ops,
			    struct xsw_ext_value *values)
{
	unsigned int i;

	memset(values, 0, ops->n_options * sizeof(*values));
	for (i = 0; i < ops->n_options; i++) {
		if (ops->options[i].type == XSW_EXT_OPT_U32)
			values[i].u32 = ops->options[i].def;
		else if (ops->options[i].type == XSW_EXT_OPT_BOOL)
			values[i].on = ops->options[i].def;
	}
}

/* Pipeline */

static int ext_cmp(const struct xsw_ext *a, const struct xsw_ext *b)
{
	if (a->priority != b->priority)
		return a->priority < b->priority ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* Puts @ext into @sw->exts at its place in calling order. */
static void exts_insert(struct xsw_switch *sw, struct xsw_ext *ext)
{
	struct xsw_ext *pos;

	list_for_each_entry(pos, &sw->exts, sw_node) {
		if (ext_cmp(ext, pos) < 0) {
			list_add_tail(&ext->sw_node, &pos->sw_node);
			return;
		}
	}
	list_add_tail(&ext->sw_node, &sw->exts);
}

/*
 * Builds the pipeline from @sw->exts and publishes it.  The allocation is
 * small and must not fail: detach cannot fail, and set is all or nothing.
 */
static void pipeline_update(struct xsw_switch *sw)
{
	struct xsw_ext_pipeline *pipe = NULL, *old;
	unsigned int n = 0, i = 0;
	struct xsw_ext *ext;

	ASSERT_RTNL();
	list_for_each_entry(ext, &sw->exts, sw_node)
		n++;
	if (n) {
		pipe = kzalloc(struct_size(pipe, chain, n),
			       GFP_KERNEL | __GFP_NOFAIL);
		list_for_each_entry(ext, &sw->exts, sw_node)
			if (ext->ops->type == XSW_EXT_TYPE_CAPTURE)
				pipe->chain[i++] = ext;
		pipe->n_capture = i;
		list_for_each_entry(ext, &sw->exts, sw_node)
			if (ext->ops->type == XSW_EXT_TYPE_FILTER)
				pipe->chain[i++] = ext;
		pipe->n_filter = i - pipe->n_capture;
		list_for_each_entry(ext, &sw->exts, sw_node)
			if (ext->ops->type == XSW_EXT_TYPE_FORWARDING)
				pipe->fwd = ext;
	}
	old = xsw_dereference(sw->pipeline);
	rcu_assign_pointer(sw->pipeline, pipe);
	if (old)
		kfree_rcu(old, rcu);
}

/* Attach and detach */

static void ext_free(struct xsw_ext *ext)
{
	kfree(ext->values);
	free_percpu(ext->stats);
	kfree(ext);
}

static struct xsw_ext *ext_alloc(struct xsw_switch *sw,
				 const struct xsw_ext_ops *ops)
{
	struct xsw_ext *ext;

	ext = kzalloc(struct_size(ext, priv, DIV_ROUND_UP(ops->priv_size,
							  sizeof(long))),
		      GFP_KERNEL);
	if (!ext)
		return NULL;
	ext->ops = ops;
	ext->sw = sw;
	ext->stats = netdev_alloc_pcpu_stats(struct xsw_ext_stats);
	ext->values = kcalloc(ops->n_options, sizeof(*ext->values),
			      GFP_KERNEL);
	if (!ext->stats || (ops->n_options && !ext->values)) {
		ext_free(ext);
		return NULL;
	}
	return ext;
}

/* Tells @ext about every port, in list order; unwinds on a veto. */
static int ports_add(struct xsw_ext *ext, struct netlink_ext_ack *extack)
{
	struct xsw_port *port, *done;
	int err;

	if (!ext->ops->port_add)
		return 0;
	list_for_each_entry(port, &ext->sw->ports, list) {
		err = ext->ops->port_add(ext, port, extack);
		if (err)
			goto err_unwind;
	}
	return 0;

err_unwind:
	list_for_each_entry(done, &ext->sw->ports, list) {
		if (done == port)
			break;
		if (ext->ops->port_del)
			ext->ops->port_del(ext, done);
	}
	return err;
}

static void ports_del(struct xsw_ext *ext)
{
	struct xsw_port *port;

	if (!ext->ops->port_del)
		return;
	list_for_each_entry(port, &ext->sw->ports, list)
		ext->ops->port_del(ext, port);
}

/**
 * xsw_ext_attach - attach an extension to a switch
 * @sw: the switch
 * @ops: a registered extension, found under this RTNL
 * @priority: its place among extensions of its type, lower first
 * @values: its first option values, @ops->n_options of them
 * @extack: where to say why not
 *
 * Context: RTNL held.
 * Return: the attachment, or an ERR_PTR with @extack set.
 */
struct xsw_ext *xsw_ext_attach(struct xsw_switch *sw,
			       const struct xsw_ext_ops *ops, u32 priority,
			       const struct xsw_ext_value *values,
			       struct netlink_ext_ack *extack)
{
	struct xsw_ext_pipeline *pipe = xsw_dereference(sw->pipeline);
	struct xsw_ext *ext;
	unsigned int n = 0;
	int err;

	ASSERT_RTNL();
	if (xsw_ext_find(sw, ops)) {
		NL_SET_ERR_MSG(extack, "extension is already attached to this switch");
		return ERR_PTR(-EEXIST);
	}
	if (ops->type == XSW_EXT_TYPE_FORWARDING && pipe && pipe->fwd) {
		NL_SET_ERR_MSG(extack, "switch already has a forwarding extension");
		return ERR_PTR(-EBUSY);
	}
	list_for_each_entry(ext, &sw->exts, sw_node)
		n++;
	if (n >= XSW_EXT_MAX_PER_SWITCH) {
		NL_SET_ERR_MSG(extack, "switch has the most extensions it can hold (32)");
		return ERR_PTR(-ENOSPC);
	}
	/* Keeps the module in while its attach callback runs. */
	if (!try_module_get(ops->owner)) {
		NL_SET_ERR_MSG(extack, "extension is being unloaded");
		return ERR_PTR(-ENOENT);
	}

	err = -ENOMEM;
	ext = ext_alloc(sw, ops);
	if (!ext)
		goto err_put;
	ext->priority = priority;
	ext->order = xsw_ext_order++;
	if (ops->n_options)
		memcpy(ext->values, values, ops->n_options * sizeof(*values));

	err = ops->attach ? ops->attach(ext, extack) : 0;
	if (err)
		goto err_free;
	err = ops->configure ? ops->configure(ext, ext->values, extack) : 0;
	if (err)
		goto err_detach;
	err = ports_add(ext, extack);
	if (err)
		goto err_detach;

	exts_insert(sw, ext);
	list_add_tail(&ext->type_node, &xsw_ext_reg_find(ops->name)->attached);
	pipeline_update(sw);
	xsw_ext_seq++;
	module_put(ops->owner);
	xsw_nl_notify_ext(ext, XSW_CMD_EXT_ATTACH);
	return ext;

err_detach:
	if (ops->detach)
		ops->detach(ext);
err_free:
	ext_free(ext);
err_put:
	module_put(ops->owner);
	return ERR_PTR(err);
}

/**
 * xsw_ext_detach - detach an extension from its switch and free it
 * @ext: the attachment
 *
 * Context: RTNL held; sleeps for a grace period.
 */
void xsw_ext_detach(struct xsw_ext *ext)
{
	ASSERT_RTNL();
	xsw_nl_notify_ext(ext, XSW_CMD_EXT_DETACH);
	list_del(&ext->sw_node);
	list_del(&ext->type_node);
	pipeline_update(ext->sw);
	xsw_ext_seq++;
	/* No frame can be in its callbacks, or hold its pipeline, after. */
	synchronize_net();
	ports_del(ext);
	if (ext->ops->detach)
		ext->ops->detach(ext);
	ext_free(ext);
}

/* Context: RTNL held.  Before the switch's ports go. */
void xsw_ext_detach_all(struct xsw_switch *sw)
{
	struct xsw_ext *ext, *tmp;

	list_for_each_entry_safe(ext, tmp, &sw->exts, sw_node)
		xsw_ext_detach(ext);
}

/**
 * xsw_ext_set - change an attached extension's priority and options
 * @ext: the attachment
 * @priority: the new priority, or a negative number to keep it
 * @values: the whole new set of option values, or NULL to keep them
 * @extack: where to say why not
 *
 * All or nothing: the extension's configure callback may refuse the
 * values, and then nothing changes.
 *
 * Context: RTNL held.
 */
int xsw_ext_set(struct xsw_ext *ext, long priority,
		const struct xsw_ext_value *values,
		struct netlink_ext_ack *extack)
{
	const struct xsw_ext_ops *ops = ext->ops;
	int err;

	ASSERT_RTNL();
	if (values && ops->n_options) {
		err = ops->configure(ext, values, extack);
		if (err)
			return err;
		memcpy(ext->values, values, ops->n_options * sizeof(*values));
	}
	if (priority >= 0 && priority != ext->priority) {
		list_del(&ext->sw_node);
		ext->priority = priority;
		exts_insert(ext->sw, ext);
		pipeline_update(ext->sw);
	}
	xsw_nl_notify_ext(ext, XSW_CMD_EXT_SET);
	return 0;
}

/* Counters summed over CPUs, in enum xsw_ext_stats_attr order from INGRESS. */
void xsw_ext_stats_sum(const struct xsw_ext *ext, u64 *sum)
{
	unsigned int start;
	int cpu, i;

	memset(sum, 0, XSW_EXT_STAT_NUM * sizeof(*sum));
	for_each_possible_cpu(cpu) {
		const struct xsw_ext_stats *s = per_cpu_ptr(ext->stats, cpu);
		u64 c[XSW_EXT_STAT_NUM];

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			for (i = 0; i < XSW_EXT_STAT_NUM; i++)
				c[i] = u64_stats_read(&s->c[i]);
		} while (u64_stats_fetch_retry(&s->syncp, start));
		for (i = 0; i < XSW_EXT_STAT_NUM; i++)
			sum[i] += c[i];
	}
}

/* Ports: calls into every attached extension.  RTNL held. */

/* A new port; any extension may veto it. */
int xsw_ext_port_add(struct xsw_port *port, struct netlink_ext_ack *extack)
{
	struct xsw_switch *sw = port->sw;
	struct xsw_ext *ext, *done;
	int err;

	ASSERT_RTNL();
	list_for_each_entry(ext, &sw->exts, sw_node) {
		if (!ext->ops->port_add)
			continue;
		err = ext->ops->port_add(ext, port, extack);
		if (err)
			goto err_unwind;
	}
	return 0;

err_unwind:
	list_for_each_entry(done, &sw->exts, sw_node) {
		if (done == ext)
			break;
		if (done->ops->port_del)
			done->ops->port_del(done, port);
	}
	return err;
}

void xsw_ext_port_del(struct xsw_port *port)
{
	struct xsw_ext *ext;

	ASSERT_RTNL();
	list_for_each_entry(ext, &port->sw->exts, sw_node)
		if (ext->ops->port_del)
			ext->ops->port_del(ext, port);
}

void xsw_ext_port_link(struct xsw_port *port)
{
	struct xsw_ext *ext;

	ASSERT_RTNL();
	list_for_each_entry(ext, &port->sw->exts, sw_node)
		if (ext->ops->port_link)
			ext->ops->port_link(ext, port);
}
