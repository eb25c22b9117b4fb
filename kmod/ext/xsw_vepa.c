// SPDX-License-Identifier: GPL-2.0-only
/*
 * xsw_vepa: 802.1Qbg VEPA (Virtual Ethernet Port Aggregator) forwarding.
 *
 * A VEPA does not switch between its local ports.  Every frame from a VM,
 * internal or host port goes out of the external port, and the adjacent
 * bridge, in reflective relay ("hairpin") mode, sends back what is meant
 * for another local port; so that bridge sees, filters and monitors the
 * traffic between the VMs too.  Frames from the external port are
 * delivered by the FDB, as the built-in forwarding would, except that:
 *
 *   - nothing is learned on the external port: a reflected frame carries
 *     a local port's source MAC, which would move that MAC to the uplink;
 *   - a reflected broadcast or multicast does not go back to the local
 *     port that sent it (as in macvlan's VEPA mode).
 *
 * With no external port, frames from local ports have no destination and
 * the core drops them as "no-destination".
 */

#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <net/xswitch.h>

#define VEPA_VERSION "1.0"

/**
 * struct vepa - per switch
 * @uplink: the external port, or NULL; written under RTNL by the port
 *	callbacks, read under RCU on the packet path
 */
struct vepa {
	struct xsw_port __rcu *uplink;
};

static int vepa_port_add(struct xsw_ext *ext, struct xsw_port *port,
			 struct netlink_ext_ack *extack)
{
	struct vepa *vepa = xsw_ext_priv(ext);

	if (xsw_port_type(port) == XSW_PORT_TYPE_EXTERNAL)
		rcu_assign_pointer(vepa->uplink, port);
	return 0;
}

static void vepa_port_del(struct xsw_ext *ext, struct xsw_port *port)
{
	struct vepa *vepa = xsw_ext_priv(ext);

	/* The core keeps @port valid for the frames still using it. */
	if (rtnl_dereference(vepa->uplink) == port)
		RCU_INIT_POINTER(vepa->uplink, NULL);
}

/*
 * A frame from a local port: learn its source (not for frames extensions
 * injected, as the built-in forwarding), send it up the uplink.
 */
static void from_local(struct vepa *vepa, struct xsw_fwd_ctx *ctx,
		       const struct ethhdr *eth, struct xsw_switch *sw)
{
	struct xsw_port *uplink = rcu_dereference(vepa->uplink);

	if (!ctx->origin && is_valid_ether_addr(eth->h_source))
		xsw_fdb_learn(sw, ctx->src, eth->h_source, ctx->vlan);
	if (uplink)
		xsw_fwd_add_dst(ctx, uplink);
}

/* A frame from the uplink: reflected, or from elsewhere on the network. */
static void from_uplink(struct xsw_fwd_ctx *ctx, const struct ethhdr *eth,
			struct xsw_switch *sw)
{
	struct xsw_port *dst;

	if (is_multicast_ether_addr(eth->h_dest)) {
		/* Not back to its sender, if that is a local port. */
		xsw_fwd_flood(ctx, xsw_fdb_lookup(sw, eth->h_source, ctx->vlan));
		return;
	}
	dst = xsw_fdb_lookup(sw, eth->h_dest, ctx->vlan);
	if (!dst)
		xsw_fwd_flood(ctx, NULL);
	else if (dst != ctx->src)
		xsw_fwd_add_dst(ctx, dst);
	/*
	 * Else the MAC is on the uplink itself (static, or learned before
	 * vepa was attached): no destination.
	 */
}

static enum xsw_verdict vepa_forward(struct xsw_ext *ext, struct sk_buff **pskb,
				     struct xsw_fwd_ctx *ctx)
{
	const struct ethhdr *eth = (const struct ethhdr *)(*pskb)->data;
	struct xsw_switch *sw = xsw_ext_switch(ext);

	/*
	 * The direction comes from the port's type, not from @uplink, so
	 * that a frame from an uplink being removed is not taken for a
	 * local one and learned there.
	 */
	if (xsw_port_type(ctx->src) == XSW_PORT_TYPE_EXTERNAL)
		from_uplink(ctx, eth, sw);
	else
		from_local(xsw_ext_priv(ext), ctx, eth, sw);
	return XSW_PASS;
}

static struct xsw_ext_ops vepa_ops = {
	.name		= "vepa",
	.description	= "802.1Qbg VEPA: local traffic hairpins through the uplink",
	.version	= VEPA_VERSION,
	.type		= XSW_EXT_TYPE_FORWARDING,
	.priv_size	= sizeof(struct vepa),
	.port_add	= vepa_port_add,
	.port_del	= vepa_port_del,
	.forward	= vepa_forward,
};

static int __init vepa_init(void)
{
	return xsw_ext_register(&vepa_ops);
}

static void __exit vepa_exit(void)
{
	xsw_ext_unregister(&vepa_ops);
}

module_init(vepa_init);
module_exit(vepa_exit);

MODULE_ALIAS("xswitch-ext-vepa");
MODULE_DESCRIPTION("xswitch extension: 802.1Qbg VEPA forwarding");
MODULE_LICENSE("GPL");
MODULE_VERSION(VEPA_VERSION);
