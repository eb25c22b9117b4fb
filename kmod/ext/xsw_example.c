// SPDX-License-Identifier: GPL-2.0-only
/*
 * xsw_example: the extension to copy when writing a new one.
 *
 * It is a filter: it drops the frames of one EtherType.
 *
 *	xsw ext attach sw0 example
 *	xsw ext set sw0 example ethertype 34525	(0x86dd: drop IPv6)
 *	xsw ext set sw0 example ethertype 0	(drop nothing, the default)
 *
 * Every extension has the shape of this file:
 *
 *   - a private struct: the core allocates one, zeroed, for each switch
 *     the extension is attached to (ops.priv_size), and xsw_ext_priv()
 *     returns it;
 *   - a table of options, which the core parses and range-checks before
 *     handing the values to the configure callback;
 *   - the callbacks its type calls for, collected in a struct xsw_ext_ops;
 *   - module init registers the ops, module exit unregisters them.
 *
 * The core counts what each attachment saw and dropped, so an extension
 * needs no counters of its own for that.  When one does want counters,
 * they go in per-CPU memory allocated in the attach callback: a packet
 * callback runs on many CPUs at once and must not take locks or touch a
 * shared atomic.
 */

#include <linux/if_ether.h>
#include <linux/module.h>
#include <linux/skbuff.h>
#include <net/xswitch.h>

#define EXAMPLE_VERSION "1.0"

/* What the extension keeps for each switch it is attached to. */
struct example {
	__be16 ethertype;	/* the EtherType to drop, or 0 for none */
};

/* The options, in the order of the values array configure() receives. */
enum {
	OPT_ETHERTYPE,
};

static const struct xsw_ext_option example_options[] = {
	[OPT_ETHERTYPE] = XSW_EXT_OPT_U32("ethertype", 0, 0, 0xffff,
					  "EtherType to drop, 0 for none"),
};

/*
 * Called on attach with the defaults, and on every "xsw ext set" with the
 * whole new set of values.  Process context, RTNL held; it may sleep.
 */
static int example_configure(struct xsw_ext *ext,
			     const struct xsw_ext_value *values,
			     struct netlink_ext_ack *extack)
{
	struct example *ex = xsw_ext_priv(ext);

	/*
	 * The core has checked the range, so nothing can fail here.  Frames
	 * are in flight on other CPUs: a single word, written once with
	 * WRITE_ONCE() and read once with READ_ONCE(), needs nothing more.
	 * A setting of several fields that must change together would be
	 * published as one RCU-protected struct instead (see xsw_sample.c).
	 */
	WRITE_ONCE(ex->ethertype, htons((u16)values[OPT_ETHERTYPE].u32));
	return 0;
}

/*
 * Called for every frame on ingress, as it enters the switch (@dst is
 * NULL), and again on egress, once for each port the frame is about to
 * leave by (@dst is that port).  A frame dropped on ingress never reaches
 * egress, so filtering on ingress alone would do for frames from ports;
 * egress also sees the frames other extensions inject there, and is where
 * a filter that depends on the destination port looks at @dst.
 *
 * Runs under RCU with BH disabled, on any CPU, many at once: no sleeping,
 * no locks.  skb->data is at the Ethernet header.  Inside the switch the
 * frame carries no 802.1Q tag (its VLAN is @ctx->vlan), so h_proto is the
 * EtherType of the payload.
 */
static enum xsw_verdict example_filter(struct xsw_ext *ext,
				       struct sk_buff **pskb,
				       const struct xsw_fwd_ctx *ctx,
				       struct xsw_port *dst)
{
	const struct example *ex = xsw_ext_priv(ext);
	__be16 drop = READ_ONCE(ex->ethertype);
	const struct ethhdr *eth;

	if (!drop)
		return XSW_PASS;

	/*
	 * Make sure of a header before reading it.  The Ethernet header is
	 * always there, so this costs nothing; an IP header after it would
	 * need pskb_may_pull(skb, ETH_HLEN + sizeof(struct iphdr)).
	 */
	if (!pskb_may_pull(*pskb, ETH_HLEN))
		return XSW_PASS;
	eth = (const struct ethhdr *)(*pskb)->data;

	/* XSW_DROP: the core frees the frame and counts the drop. */
	return eth->h_proto == drop ? XSW_DROP : XSW_PASS;
}

/* Not const: xsw_ext_register() fills in .owner. */
static struct xsw_ext_ops example_ops = {
	.name		= "example",
	.description	= "drops the frames of one EtherType",
	.version	= EXAMPLE_VERSION,
	.type		= XSW_EXT_TYPE_FILTER,
	.priv_size	= sizeof(struct example),
	.options	= example_options,
	.n_options	= ARRAY_SIZE(example_options),
	.configure	= example_configure,
	.filter		= example_filter,
};

static int __init example_init(void)
{
	/* Last: a switch may attach the extension as soon as this returns. */
	return xsw_ext_register(&example_ops);
}

static void __exit example_exit(void)
{
	/* First: detaches it from every switch; then nothing calls in. */
	xsw_ext_unregister(&example_ops);
}

module_init(example_init);
module_exit(example_exit);

/* "xsw ext attach sw0 example" loads this module by its alias. */
MODULE_ALIAS("xswitch-ext-example");
MODULE_DESCRIPTION("xswitch example extension: drop one EtherType");
MODULE_LICENSE("GPL");
MODULE_VERSION(EXAMPLE_VERSION);
