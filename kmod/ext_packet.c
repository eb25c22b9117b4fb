// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: extensions on the packet path - the helpers extensions call on
 * packets (the chains themselves are run by ext_chain.h, inlined into
 * forward.c).  Everything here runs under RCU with BH disabled, takes no
 * lock and counts per CPU.
 */

#include <linux/etherdevice.h>
#include <linux/module.h>

#include "xswitch.h"

/* How deep injection may nest on one CPU. */
#define XSW_INJECT_MAX_DEPTH	4

static DEFINE_PER_CPU(u8, xsw_inject_depth);

/* @ext dropped the frame: count it, free it unless the extension did. */
void xsw_ext_dropped(struct xsw_ext *ext, struct xsw_port *port,
		     struct sk_buff *skb)
{
	xsw_ext_count(ext, XSW_EXT_STAT_DROPPED);
	if (skb)
		xsw_drop(port, XSW_DROP_EXTENSION, skb);
	else
		xsw_count(port, XSW_DROP_EXTENSION);
}

/* Helpers for extensions */

/**
 * xsw_fwd_add_dst - add a destination
 * @ctx: the context passed to the forward callback
 * @port: a port of the same switch
 *
 * Return: 0; -EEXIST if it is one already; -ENOSPC if the frame has
 * XSW_FWD_MAX_DST destinations; -EINVAL for a port of another switch.
 */
int xsw_fwd_add_dst(struct xsw_fwd_ctx *ctx, struct xsw_port *port)
{
	if (port->sw != ctx->src->sw)
		return -EINVAL;
	return xsw_fwd_add(ctx, port);
}
EXPORT_SYMBOL_GPL(xsw_fwd_add_dst);

/**
 * xsw_fwd_del_dst - remove a destination
 * @ctx: the context passed to the forward callback
 * @port: one of its destinations
 *
 * Return: 0, or -ENOENT if @port is not a destination.
 */
int xsw_fwd_del_dst(struct xsw_fwd_ctx *ctx, struct xsw_port *port)
{
	unsigned int i;

	for (i = 0; i < ctx->n_dst; i++) {
		if (ctx->dst[i] != port)
			continue;
		ctx->n_dst--;
		memmove(&ctx->dst[i], &ctx->dst[i + 1],
			(ctx->n_dst - i) * sizeof(ctx->dst[0]));
		return 0;
	}
	return -ENOENT;
}
EXPORT_SYMBOL_GPL(xsw_fwd_del_dst);

/**
 * xsw_fwd_flood - send the frame to every port of its VLAN
 * @ctx: the context passed to the forward callback
 * @except: a port to leave out besides the source, or NULL
 *
 * Flooding replaces any explicit destinations.  Ports that are down,
 * outside the VLAN, or isolated from an isolated source are skipped.
 */
void xsw_fwd_flood(struct xsw_fwd_ctx *ctx, const struct xsw_port *except)
{
	ctx->flood = true;
	ctx->flood_except = except;
}
EXPORT_SYMBOL_GPL(xsw_fwd_flood);

/**
 * xsw_ext_clone - clone a frame, counted as the extension's
 * @ext: the attachment cloning
 * @skb: the frame; a capture extension may clone the frame it is shown
 *
 * Return: the clone (GFP_ATOMIC), which shares the data: make it writable
 * before changing it.  NULL when out of memory.
 */
struct sk_buff *xsw_ext_clone(struct xsw_ext *ext, const struct sk_buff *skb)
{
	/* Cloning only marks the original as cloned and shares its data. */
	struct sk_buff *clone = skb_clone((struct sk_buff *)skb, GFP_ATOMIC);

	if (clone)
		xsw_ext_count(ext, XSW_EXT_STAT_CLONED);
	return clone;
}
EXPORT_SYMBOL_GPL(xsw_ext_clone);

/* Runs @fn under RCU and BH-off unless injection nests too deep here. */
static int inject(struct xsw_ext *ext, struct xsw_port *port,
		  struct sk_buff *skb, u16 vlan, bool egress)
{
	int err = 0;

	if (unlikely(port->sw != ext->sw || vlan > XSW_VLAN_MAX ||
		     !pskb_may_pull(skb, ETH_HLEN))) {
		kfree_skb(skb);
		return -EINVAL;
	}
	local_bh_disable();
	rcu_read_lock();
	if (unlikely(__this_cpu_read(xsw_inject_depth) >= XSW_INJECT_MAX_DEPTH)) {
		xsw_count(port, XSW_DROP_EXTENSION);
		kfree_skb(skb);
		err = -ELOOP;
	} else {
		__this_cpu_inc(xsw_inject_depth);
		xsw_ext_count(ext, XSW_EXT_STAT_INJECTED);
		skb_reset_mac_header(skb);
		if (egress)
			xsw_egress_inject(ext, port, vlan, skb);
		else
			xsw_ingress_inject(ext, port, skb);
		__this_cpu_dec(xsw_inject_depth);
	}
	rcu_read_unlock();
	local_bh_enable();
	return err;
}

/**
 * xsw_inject_ingress - switch a frame as if it came in on a port
 * @ext: the attachment injecting it
 * @port: a port of @ext's switch
 * @skb: the frame, which the caller gives up; skb->data at the Ethernet
 *	header, a VLAN tag (if any) in the skb's accelerated tag
 *
 * The frame takes the whole pipeline except the callbacks of @ext itself
 * (a forwarding extension is still asked where it goes, and can tell by
 * &xsw_fwd_ctx.origin).  Injected frames are trusted: the port's MAC
 * spoofing, DHCP and router guards do not apply and no MAC is learned.
 *
 * Context: any but hard IRQ; @ext must be attached.
 * Return: 0 when the frame entered the switch (it may still be dropped
 * later), -EINVAL for a frame too short or a port of another switch,
 * -ELOOP when injections nest too deep.  @skb is consumed either way.
 */
int xsw_inject_ingress(struct xsw_ext *ext, struct xsw_port *port,
		       struct sk_buff *skb)
{
	return inject(ext, port, skb, 0, false);
}
EXPORT_SYMBOL_GPL(xsw_inject_ingress);

/**
 * xsw_inject_egress - send a frame out of a port
 * @ext: the attachment injecting it
 * @port: a port of @ext's switch
 * @vlan: the VLAN the frame belongs to, 0..4094; the port tags it (or
 *	not) for its VLAN mode, and drops it if it does not carry @vlan
 * @skb: the frame, untagged, skb->data at the Ethernet header
 *
 * The frame takes the egress extensions for @port, except @ext itself,
 * with a context whose @src is NULL.
 *
 * Context: any but hard IRQ; @ext must be attached.
 * Return: as xsw_inject_ingress().
 */
int xsw_inject_egress(struct xsw_ext *ext, struct xsw_port *port, u16 vlan,
		      struct sk_buff *skb)
{
	return inject(ext, port, skb, vlan, true);
}
EXPORT_SYMBOL_GPL(xsw_inject_egress);

/**
 * xsw_switch_netdev - a switch's net_device
 * @sw: the switch
 */
struct net_device *xsw_switch_netdev(const struct xsw_switch *sw)
{
	return sw->dev;
}
EXPORT_SYMBOL_GPL(xsw_switch_netdev);

/**
 * xsw_port_netdev - a port's net_device
 * @port: the port
 *
 * Return: the lower device of a vm or external port, the port netdevice of
 * an internal port, the switch's own for the host port.
 */
struct net_device *xsw_port_netdev(const struct xsw_port *port)
{
	return port->dev;
}
EXPORT_SYMBOL_GPL(xsw_port_netdev);

/**
 * xsw_port_type - a port's type
 * @port: the port
 *
 * Return: XSW_PORT_TYPE_EXTERNAL, _VM, _INTERNAL or _HOST.
 */
u8 xsw_port_type(const struct xsw_port *port)
{
	return port->type;
}
EXPORT_SYMBOL_GPL(xsw_port_type);
