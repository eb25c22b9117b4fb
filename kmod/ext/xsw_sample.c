// SPDX-License-Identifier: GPL-2.0-only
/*
 * xsw_sample: sFlow-style packet sampling through psample.
 *
 * A capture extension: it sends one in @rate frames, chosen at random, to
 * a psample group of the switch's network namespace, where an sFlow agent
 * (hsflowd's psample module, or "psample" from libpsample) reads them off
 * the "psample" generic netlink family, as it does for tc's act_sample.
 *
 * psample_sample_packet() does the rest: it reports the original length
 * (PSAMPLE_ATTR_ORIGSIZE, skb->len) and the group's sequence number
 * (PSAMPLE_ATTR_GROUP_SEQ) itself, and copies the first bytes of the frame
 * from skb->data, which in the switch is the Ethernet header.  The frame
 * carries no 802.1Q tag inside the switch, so the sample has none either.
 *
 * Locking: the settings are one struct sample_cfg, replaced under RTNL by
 * configure() and read under RCU by capture().  The old one, and its
 * reference on a psample group, go after a grace period (call_rcu(); the
 * module's exit waits for those callbacks with rcu_barrier()).
 */

#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/random.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/psample.h>
#include <net/xswitch.h>

#define SAMPLE_VERSION "1.0"

struct sample_cfg {
	struct psample_group *group;	/* holds a reference */
	u32 rate;
	u32 trunc;			/* bytes to copy, 0 for all */
	bool ingress;
	bool egress;
	struct rcu_head rcu;
};

/* Per switch. */
struct sample {
	struct sample_cfg __rcu *cfg;	/* NULL until configured */
};

enum {
	OPT_RATE,
	OPT_GROUP,
	OPT_INGRESS,
	OPT_EGRESS,
	OPT_TRUNC,
};

static const struct xsw_ext_option sample_options[] = {
	[OPT_RATE] = XSW_EXT_OPT_U32("rate", 1000, 1, U32_MAX,
				     "sample 1 in this many frames, at random"),
	[OPT_GROUP] = XSW_EXT_OPT_U32("group", 1, 0, U32_MAX,
				      "psample group to send the samples to"),
	[OPT_INGRESS] = XSW_EXT_OPT_BOOL("ingress", true,
					 "sample frames entering the switch"),
	[OPT_EGRESS] = XSW_EXT_OPT_BOOL("egress", false,
					"sample each copy leaving a port"),
	[OPT_TRUNC] = XSW_EXT_OPT_U32("trunc", 128, 0, U32_MAX,
				      "bytes of each frame to copy, 0 for all"),
};

static void cfg_destroy(struct sample_cfg *cfg)
{
	psample_group_put(cfg->group);
	kfree(cfg);
}

/*
 * An RCU callback runs in softirq context; psample_group_put() only takes
 * a BH spinlock and allocates with GFP_ATOMIC, so it may be called here.
 */
static void cfg_free_rcu(struct rcu_head *head)
{
	cfg_destroy(container_of(head, struct sample_cfg, rcu));
}

static int sample_configure(struct xsw_ext *ext,
			    const struct xsw_ext_value *values,
			    struct netlink_ext_ack *extack)
{
	struct net_device *dev = xsw_switch_netdev(xsw_ext_switch(ext));
	struct sample *s = xsw_ext_priv(ext);
	struct sample_cfg *cfg, *old;

	cfg = kzalloc(sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		goto err_alloc;
	cfg->group = psample_group_get(dev_net(dev), values[OPT_GROUP].u32);
	if (!cfg->group)
		goto err_group;
	cfg->rate = values[OPT_RATE].u32;
	cfg->trunc = values[OPT_TRUNC].u32;
	cfg->ingress = values[OPT_INGRESS].on;
	cfg->egress = values[OPT_EGRESS].on;

	old = rcu_replace_pointer(s->cfg, cfg, lockdep_rtnl_is_held());
	if (old)
		call_rcu(&old->rcu, cfg_free_rcu);
	return 0;

err_group:
	kfree(cfg);
err_alloc:
	NL_SET_ERR_MSG(extack, "no memory for the sampling settings");
	return -ENOMEM;
}

static void sample_detach(struct xsw_ext *ext)
{
	struct sample *s = xsw_ext_priv(ext);
	struct sample_cfg *cfg = rtnl_dereference(s->cfg);

	/* No frame is in capture() any more: no grace period to wait for. */
	if (cfg)
		cfg_destroy(cfg);
}

static void sample_capture(struct xsw_ext *ext, const struct sk_buff *skb,
			   const struct xsw_fwd_ctx *ctx,
			   const struct xsw_port *dst)
{
	const struct sample *s = xsw_ext_priv(ext);
	const struct sample_cfg *cfg = rcu_dereference(s->cfg);
	struct psample_metadata md = {};

	if (!cfg || !(dst ? cfg->egress : cfg->ingress))
		return;
	if (cfg->rate != 1 && get_random_u32_below(cfg->rate))
		return;

	md.trunc_size = cfg->trunc ? min(cfg->trunc, skb->len) : skb->len;
	if (ctx->src)
		md.in_ifindex = xsw_port_netdev(ctx->src)->ifindex;
	if (dst)
		md.out_ifindex = xsw_port_netdev(dst)->ifindex;
	/*
	 * psample_sample_packet() takes a non-const skb but only reads it:
	 * skb->len, skb->protocol, the tunnel metadata and, with
	 * skb_copy_bits(), the first trunc_size bytes from skb->data.
	 */
	psample_sample_packet(cfg->group, (struct sk_buff *)skb, cfg->rate,
			      &md);
}

static struct xsw_ext_ops sample_ops = {
	.name		= "sample",
	.description	= "samples 1 in N frames to a psample group (sFlow)",
	.version	= SAMPLE_VERSION,
	.type		= XSW_EXT_TYPE_CAPTURE,
	.priv_size	= sizeof(struct sample),
	.options	= sample_options,
	.n_options	= ARRAY_SIZE(sample_options),
	.configure	= sample_configure,
	.detach		= sample_detach,
	.capture	= sample_capture,
};

static int __init sample_init(void)
{
	return xsw_ext_register(&sample_ops);
}

static void __exit sample_exit(void)
{
	xsw_ext_unregister(&sample_ops);
	/* The configure() leftovers still waiting in cfg_free_rcu(). */
	rcu_barrier();
}

module_init(sample_init);
module_exit(sample_exit);

MODULE_ALIAS("xswitch-ext-sample");
MODULE_DESCRIPTION("xswitch extension: packet sampling to psample");
MODULE_LICENSE("GPL");
MODULE_VERSION(SAMPLE_VERSION);
