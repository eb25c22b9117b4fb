// SPDX-License-Identifier: GPL-2.0-only
/*
 * xsw_selftest: three extensions for the selftests, built out of tree
 * against the installed headers the way a third party would build one
 * (see Makefile).  Not installed, not depmod'ed: the tests insmod it.
 *
 *   st-capture   a capture extension that does nothing; the core's
 *                counters show what it was handed, and when.
 *   st-filter    a filter: "drop" drops every frame; "veto" refuses a port
 *                of that name in port_add; "mirror" copies every frame
 *                entering the switch to the port of that name.  configure
 *                refuses a "mirror" equal to "veto".
 *   st-forward   a forwarding extension that asks for the built-in FDB
 *                forwarding: a no-op that replaces it.
 *
 * Locking: configure, port_add, port_del and detach run under RTNL (the
 * core's contract); they alone touch the port list and the option
 * strings.  The packet path reads "drop" with READ_ONCE() and the mirror
 * port under RCU, and takes no lock.
 */

#include <linux/module.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/xswitch.h>

/* ------------------------------------------------------------ st-capture */

static void capture(struct xsw_ext *ext, const struct sk_buff *skb,
		    const struct xsw_fwd_ctx *ctx, const struct xsw_port *dst)
{
}

static struct xsw_ext_ops st_capture_ops = {
	.name		= "st-capture",
	.description	= "selftest: a capture extension that does nothing",
	.version	= "1",
	.type		= XSW_EXT_TYPE_CAPTURE,
	.capture	= capture,
};

/* ------------------------------------------------------------- st-filter */

enum { OPT_DROP, OPT_VETO, OPT_MIRROR, N_OPTS };

static const struct xsw_ext_option st_filter_opts[N_OPTS] = {
	[OPT_DROP] = XSW_EXT_OPT_BOOL("drop", 0, "drop every frame"),
	[OPT_VETO] = XSW_EXT_OPT_STRING("veto", IFNAMSIZ - 1,
					"refuse a port with this device name"),
	[OPT_MIRROR] = XSW_EXT_OPT_STRING("mirror", IFNAMSIZ - 1,
					  "copy every incoming frame to this port"),
};

struct st_port {
	struct list_head node;
	struct xsw_port *port;
};

struct st_filter {
	bool drop;
	struct xsw_port __rcu *mirror;
	char veto[IFNAMSIZ];
	char mirror_name[IFNAMSIZ];
	struct list_head ports;		/* struct st_port, as port_add saw them */
};

static bool port_is(const struct xsw_port *port, const char *name)
{
	return name[0] && !strcmp(xsw_port_netdev(port)->name, name);
}

static int filter_attach(struct xsw_ext *ext, struct netlink_ext_ack *extack)
{
	struct st_filter *f = xsw_ext_priv(ext);

	INIT_LIST_HEAD(&f->ports);
	return 0;
}

static void filter_detach(struct xsw_ext *ext)
{
	struct st_filter *f = xsw_ext_priv(ext);
	struct st_port *p, *tmp;

	list_for_each_entry_safe(p, tmp, &f->ports, node) {
		list_del(&p->node);
		kfree(p);
	}
}

static int filter_configure(struct xsw_ext *ext,
			    const struct xsw_ext_value *v,
			    struct netlink_ext_ack *extack)
{
	struct st_filter *f = xsw_ext_priv(ext);
	struct xsw_port *mirror = NULL;
	struct st_port *p;

	ASSERT_RTNL();
	/* A refusal, for the tests of "all or nothing". */
	if (v[OPT_VETO].str[0] && !strcmp(v[OPT_VETO].str, v[OPT_MIRROR].str)) {
		NL_SET_ERR_MSG(extack, "st-filter cannot mirror to a port it vetoes");
		return -EINVAL;
	}
	list_for_each_entry(p, &f->ports, node) {
		if (port_is(p->port, v[OPT_MIRROR].str)) {
			mirror = p->port;
			break;
		}
	}
	WRITE_ONCE(f->drop, v[OPT_DROP].on);
	strscpy(f->veto, v[OPT_VETO].str, sizeof(f->veto));
	strscpy(f->mirror_name, v[OPT_MIRROR].str, sizeof(f->mirror_name));
	rcu_assign_pointer(f->mirror, mirror);
	return 0;
}

static int filter_port_add(struct xsw_ext *ext, struct xsw_port *port,
			   struct netlink_ext_ack *extack)
{
	struct st_filter *f = xsw_ext_priv(ext);
	struct st_port *p;

	ASSERT_RTNL();
	if (port_is(port, f->veto)) {
		NL_SET_ERR_MSG(extack, "vetoed by st-filter");
		return -EPERM;
	}
	p = kmalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->port = port;
	list_add(&p->node, &f->ports);
	if (port_is(port, f->mirror_name))
		rcu_assign_pointer(f->mirror, port);
	return 0;
}

static void filter_port_del(struct xsw_ext *ext, struct xsw_port *port)
{
	struct st_filter *f = xsw_ext_priv(ext);
	struct st_port *p;

	ASSERT_RTNL();
	if (rtnl_dereference(f->mirror) == port)
		RCU_INIT_POINTER(f->mirror, NULL);
	list_for_each_entry(p, &f->ports, node) {
		if (p->port == port) {
			list_del(&p->node);
			kfree(p);
			return;
		}
	}
}

static enum xsw_verdict filter(struct xsw_ext *ext, struct sk_buff **pskb,
			       const struct xsw_fwd_ctx *ctx,
			       struct xsw_port *dst)
{
	struct st_filter *f = xsw_ext_priv(ext);
	struct xsw_port *mirror;
	struct sk_buff *copy;

	if (READ_ONCE(f->drop))
		return XSW_DROP;
	if (dst)
		return XSW_PASS;

	/* Not back out of the port it came in on. */
	mirror = rcu_dereference(f->mirror);
	if (mirror && mirror != ctx->src) {
		copy = xsw_ext_clone(ext, *pskb);
		if (copy)
			xsw_inject_egress(ext, mirror, ctx->vlan, copy);
	}
	return XSW_PASS;
}

static struct xsw_ext_ops st_filter_ops = {
	.name		= "st-filter",
	.description	= "selftest: drop everything, veto a port, mirror to a port",
	.version	= "1",
	.type		= XSW_EXT_TYPE_FILTER,
	.priv_size	= sizeof(struct st_filter),
	.options	= st_filter_opts,
	.n_options	= N_OPTS,
	.attach		= filter_attach,
	.detach		= filter_detach,
	.configure	= filter_configure,
	.port_add	= filter_port_add,
	.port_del	= filter_port_del,
	.filter		= filter,
};

/* ------------------------------------------------------------ st-forward */

static enum xsw_verdict forward(struct xsw_ext *ext, struct sk_buff **pskb,
				struct xsw_fwd_ctx *ctx)
{
	xsw_fwd_builtin(ctx, *pskb);
	return XSW_PASS;
}

static struct xsw_ext_ops st_forward_ops = {
	.name		= "st-forward",
	.description	= "selftest: the built-in forwarding, as an extension",
	.version	= "1",
	.type		= XSW_EXT_TYPE_FORWARDING,
	.forward	= forward,
};

/* ---------------------------------------------------------------- module */

static struct xsw_ext_ops *const all_ops[] = {
	&st_capture_ops, &st_filter_ops, &st_forward_ops,
};

static int __init st_init(void)
{
	int i, err;

	for (i = 0; i < ARRAY_SIZE(all_ops); i++) {
		err = xsw_ext_register(all_ops[i]);
		if (err)
			goto err_unregister;
	}
	return 0;

err_unregister:
	while (--i >= 0)
		xsw_ext_unregister(all_ops[i]);
	return err;
}

static void __exit st_exit(void)
{
	int i;

	for (i = ARRAY_SIZE(all_ops) - 1; i >= 0; i--)
		xsw_ext_unregister(all_ops[i]);
}

module_init(st_init);
module_exit(st_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("xswitch selftest extensions: st-capture, st-filter, st-forward");
MODULE_AUTHOR("The xswitch developers");
MODULE_ALIAS("xswitch-ext-st-capture");
MODULE_ALIAS("xswitch-ext-st-filter");
MODULE_ALIAS("xswitch-ext-st-forward");
