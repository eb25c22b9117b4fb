// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: the packet pipeline.
 *
 * Every frame takes the same path, whichever port it came from:
 *
 *   port rx -> ingress (VLAN, port security, capture then filter
 *              extensions)
 *           -> forwarding (the forwarding extension, or built-in: learn,
 *              FDB)
 *           -> built-in policies: the ingress port's "in" ACL, then its
 *              "in" rate limit
 *           -> egress, per destination (isolation, the destination's
 *              "out" ACL, its "out" rate limit, the uplink's HTB class,
 *              the forwarding extension's filter, filter then capture
 *              extensions, VLAN, MTU) -> port tx
 *
 * Network virtualisation (vnet_tx.c has its steps) adds: at ingress, a VSID
 * port's address guard after port security; in forwarding, the FDB
 * restricted to the frame's VSID, then the mappings, and the distributed
 * router for frames to its MAC (vnet_route.c), which rewrites the frame
 * and moves it to the destination's VSID before the policies; after the
 * "in" rate limit, the ARP/ND responder (vnet_nd.c), which answers a VSID
 * port's ARP requests and neighbour solicitations instead of sending them
 * on, the reply taking the asking port's egress; at egress, VSID isolation
 * with the other isolation checks, and encapsulation as the transmit of
 * the switch's tunnel port, so after the ACL, QoS and egress extensions.
 * Decapsulated frames enter on that tunnel port.
 *
 * The extensions a frame meets are one snapshot, ctx->pipe, taken at
 * ingress (ext.c).  Frames an extension injected are trusted: they skip
 * port security, the ACLs and the rate limits.  A frame's ACL key is read
 * at most once, by the first ACL on its path, and shared by its copies
 * (struct xsw_acl_frame, on the ingress stack).  The whole path runs under
 * RCU with BH disabled, takes no lock and touches no shared atomic (a new
 * stateful ACL connection aside, which takes its table's lock as a new MAC
 * does the FDB's, and a port's rate limit, whose token bucket has a lock:
 * qos.c); frames are handled with skb->data at the Ethernet header.
 */

#include <linux/etherdevice.h>
#include <linux/if_vlan.h>

#include "acl.h"
#include "ext_chain.h"
#include "qos.h"
#include "vnet.h"

/* Is @mac the port's MAC?  The first MAC a port sends becomes its MAC. */
static __always_inline bool mac_allowed(struct xsw_port *port, const u8 *mac)
{
	u64 want = READ_ONCE(port->mac);
	u64 got = ether_addr_to_u64(mac);

	if (likely(want == got))
		return true;
	if (want || !is_valid_ether_addr(mac))
		return false;
	/* Sticky: only the first one wins, even against another CPU. */
	return cmpxchg64(&port->mac, 0, got) == 0 || READ_ONCE(port->mac) == got;
}

static void port_xmit(struct xsw_port *dst, struct sk_buff *skb)
{
	xsw_stats_tx(dst, skb->len);
	xsw_vport_count(rcu_dereference(dst->vport), XSW_VS_OUT, skb->len);

	if (dst->type == XSW_PORT_TYPE_HOST || dst->type == XSW_PORT_TYPE_INTERNAL) {
		/* Up the port netdevice's own stack. */
		dev_forward_skb(dst->dev, skb);
		return;
	}
	skb->dev = dst->dev;
	skb_forward_csum(skb);
	dev_queue_xmit(skb);
}

static bool port_up(const struct xsw_port *port)
{
	return netif_running(port->dev) && netif_carrier_ok(port->dev);
}

/*
 * The extensions' part of egress, out of line so that transmit(), which
 * runs for every copy, does not pay for the registers the chains need when
 * no extension is attached (docs/benchmark.md has the measurements).
 */
static noinline struct sk_buff *ext_egress(struct sk_buff *skb,
					   const struct xsw_fwd_ctx *ctx,
					   struct xsw_port *dst)
{
	return xsw_ext_egress(skb, ctx, dst);
}

/*
 * The last steps of egress, for a copy already allowed to reach @dst: the
 * port's "out" ACL and rate limit, its HTB class on the uplink, the egress
 * extensions, then tag it for the port's VLAN mode, check its size, send
 * it.  @af is the frame's ACL key; NULL for a frame an extension injected,
 * which meets no ACL and no rate limit.
 */
static void transmit(const struct xsw_fwd_ctx *ctx, struct xsw_acl_frame *af,
		     struct xsw_port *dst, struct sk_buff *skb)
{
	const struct xsw_port_policy *pol = rcu_dereference(dst->policy);
	const struct xsw_acl_set *acl = rcu_dereference(dst->acl[XSW_ACL_OUT]);
	const struct xsw_qos_limit *lim = rcu_dereference(dst->qos[XSW_ACL_OUT]);

	if (unlikely(acl) && !ctx->origin &&
	    !xsw_acl_pass(acl, dst, XSW_ACL_DIR_OUT, af, skb, ctx->vlan)) {
		xsw_drop(dst, XSW_DROP_ACL, skb);
		return;
	}
	if (unlikely(lim) && !ctx->origin && !xsw_qos_pass(lim, skb->len)) {
		xsw_drop(dst, XSW_DROP_QOS, skb);
		return;
	}
	xsw_qos_classify(ctx->src, dst, skb);
	if (unlikely(ctx->pipe)) {
		skb = ext_egress(skb, ctx, dst);
		if (!skb)
			return;
	}
	if (unlikely(!xsw_vlan_egress(pol, skb, ctx->vlan)))
		xsw_drop(dst, XSW_DROP_VLAN, skb);
	else if (unlikely(skb->len - ETH_HLEN > dst->dev->mtu &&
			  !skb_is_gso(skb)))
		xsw_drop(dst, XSW_DROP_MTU, skb);
	else if (unlikely(dst->type == XSW_PORT_TYPE_TUNNEL))
		xsw_vnet_tx(ctx, skb);
	else
		port_xmit(dst, skb);
}

/*
 * May a frame of @ctx's VSID go out of @dst?  Only to a port of the same
 * VSID, none for none; the tunnel port carries every VSID's frames, except
 * back into the tunnel (never re-encapsulated).
 */
static __always_inline bool vsid_allows(const struct xsw_fwd_ctx *ctx,
					const struct xsw_port *dst)
{
	if (unlikely(dst->type == XSW_PORT_TYPE_TUNNEL))
		return ctx->vsid && ctx->src != dst;
	return xsw_port_vsid(dst) == ctx->vsid;
}

/* Send one copy to an explicit destination, or drop it and count why. */
static void deliver(const struct xsw_fwd_ctx *ctx, struct xsw_acl_frame *af,
		    bool src_isolated, struct xsw_port *dst,
		    struct sk_buff *skb)
{
	const struct xsw_port_policy *pol = rcu_dereference(dst->policy);

	if (unlikely(dst == ctx->src))
		/* The tunnel's own frame with no local destination */
		xsw_drop(ctx->src, dst->type == XSW_PORT_TYPE_TUNNEL ?
			 XSW_DROP_VNET_NO_MAPPING : XSW_DROP_NO_DESTINATION,
			 skb);
	else if (unlikely(src_isolated && pol->isolated))
		xsw_drop(ctx->src, XSW_DROP_ISOLATED, skb);
	else if (unlikely(!vsid_allows(ctx, dst)))
		xsw_drop(ctx->src, XSW_DROP_ISOLATED, skb);
	else if (unlikely(!port_up(dst)))
		xsw_drop(dst, XSW_DROP_LINK_DOWN, skb);
	else
		transmit(ctx, af, dst, skb);
}

/*
 * May a flooded frame go out of @dst?  A port that may not is skipped, not
 * counted; *isolated records that isolation said no.
 */
static bool flood_to(const struct xsw_fwd_ctx *ctx, bool src_isolated,
		     struct xsw_port *dst, bool *isolated)
{
	const struct xsw_port_policy *pol = rcu_dereference(dst->policy);

	if (dst == ctx->src || dst == ctx->flood_except || !port_up(dst) ||
	    !xsw_vlan_member(pol, ctx->vlan) || !vsid_allows(ctx, dst))
		return false;
	if (src_isolated && pol->isolated) {
		*isolated = true;
		return false;
	}
	return true;
}

/* A copy of a flooded frame to @prev, if any, before the next port. */
static void flood_copy(const struct xsw_fwd_ctx *ctx, struct xsw_acl_frame *af,
		       struct xsw_port *prev, struct sk_buff *skb)
{
	struct sk_buff *copy;

	if (!prev)
		return;
	copy = skb_clone(skb, GFP_ATOMIC);
	if (!copy)
		xsw_count(prev, XSW_DROP_NOMEM);
	else
		transmit(ctx, af, prev, copy);
}

static void flood(const struct xsw_fwd_ctx *ctx, struct xsw_acl_frame *af,
		  bool src_isolated, struct sk_buff *skb)
{
	struct xsw_port *port, *prev = NULL;
	struct xsw_switch *sw = ctx->src->sw;
	bool isolated = false;

	list_for_each_entry_rcu(port, &sw->ports, list) {
		if (!flood_to(ctx, src_isolated, port, &isolated))
			continue;
		flood_copy(ctx, af, prev, skb);
		prev = port;
	}
	/* A VSID's frame also goes to the VSID's other hosts. */
	if (unlikely(ctx->vsid) && vsid_allows(ctx, &sw->tunnel)) {
		flood_copy(ctx, af, prev, skb);
		prev = &sw->tunnel;
	}
	if (prev)
		transmit(ctx, af, prev, skb);
	else
		xsw_drop(ctx->src, isolated ? XSW_DROP_ISOLATED :
			 XSW_DROP_NO_DESTINATION, skb);
}

static __always_inline void egress(const struct xsw_fwd_ctx *ctx,
				   struct xsw_acl_frame *af, bool src_isolated,
				   struct sk_buff *skb)
{
	struct sk_buff *copy;
	int i;

	if (ctx->flood) {
		flood(ctx, af, src_isolated, skb);
		return;
	}
	if (!ctx->n_dst) {
		xsw_drop(ctx->src, XSW_DROP_NO_DESTINATION, skb);
		return;
	}

	for (i = 0; i < ctx->n_dst - 1; i++) {
		copy = skb_clone(skb, GFP_ATOMIC);
		if (!copy)
			xsw_count(ctx->dst[i], XSW_DROP_NOMEM);
		else
			deliver(ctx, af, src_isolated, ctx->dst[i], copy);
	}
	deliver(ctx, af, src_isolated, ctx->dst[i], skb);
}

/*
 * Built-in forwarding, first step: learn the source, unless an extension
 * injected the frame or it came out of the tunnel.
 */
static __always_inline void learn(struct xsw_fwd_ctx *ctx,
				  const struct ethhdr *eth)
{
	/* Decapsulated frames' MACs are not learned: mappings place them. */
	if (!ctx->origin && likely(is_valid_ether_addr(eth->h_source)) &&
	    likely(ctx->src->type != XSW_PORT_TYPE_TUNNEL))
		xsw_fdb_learn(ctx->src->sw, ctx->src, eth->h_source, ctx->vlan);
}

/* Built-in forwarding, second step: the destination.  NULL means flood. */
static __always_inline struct xsw_port *lookup(struct xsw_fwd_ctx *ctx,
					       const struct ethhdr *eth)
{
	struct xsw_switch *sw = ctx->src->sw;
	struct xsw_port *dst;

	if (is_multicast_ether_addr(eth->h_dest))
		return NULL;
	if (unlikely(ether_addr_equal(eth->h_dest, sw->dev->dev_addr)))
		return &sw->host;
	dst = xsw_fdb_lookup(sw, eth->h_dest, ctx->vlan);
	if (unlikely(ctx->vsid))
		return xsw_vnet_fwd(ctx, dst, eth->h_dest);
	return dst;
}

/**
 * xsw_fwd_builtin - forward a frame as the switch would on its own
 * @ctx: the context passed to the forward callback
 * @skb: the frame
 *
 * Learns the source MAC on the source port (unless an extension injected
 * the frame) and adds the destination the FDB gives, as xsw_fwd_add_dst()
 * would, or floods.  It does not route: the frame is the extension's, and
 * read-only here, so a frame of a VSID for the router's MAC finds no
 * mapping (the tunnel port drops it as "vnet-no-mapping").
 */
void xsw_fwd_builtin(struct xsw_fwd_ctx *ctx, const struct sk_buff *skb)
{
	struct xsw_port *dst;

	learn(ctx, eth_hdr(skb));
	dst = lookup(ctx, eth_hdr(skb));
	if (dst)
		xsw_fwd_add(ctx, dst);
	else
		xsw_fwd_flood(ctx, NULL);
}
EXPORT_SYMBOL_GPL(xsw_fwd_builtin);

/*
 * Built-in forwarding of a frame whose context has no destination yet.  A
 * frame of a VSID for the router's MAC is routed (vnet_route.c), which may
 * rewrite it and change ctx->vsid, unless it is ARP or neighbour discovery,
 * which the responder takes later; any other frame pays for that one
 * compare.  Return: -1, or the reason to drop the frame.
 */
static __always_inline int builtin_fill(struct xsw_fwd_ctx *ctx,
					struct sk_buff *skb)
{
	const struct ethhdr *eth = eth_hdr(skb);

	learn(ctx, eth);
	if (unlikely(ctx->vsid) &&
	    unlikely(xsw_vnet_is_router_mac(eth->h_dest)) &&
	    !xsw_vnet_nd_not_routed(skb))
		return xsw_vnet_route(ctx, skb);
	ctx->dst[0] = lookup(ctx, eth);
	if (ctx->dst[0])
		ctx->n_dst = 1;
	else
		ctx->flood = true;
	return -1;
}

/*
 * The ARP/ND responder's answer to @req's frame, out of the asking port
 * through its egress, with no source port: the request already met
 * ingress.
 */
static noinline void nd_reply(const struct xsw_fwd_ctx *req,
			      struct sk_buff *reply)
{
	struct xsw_fwd_ctx ctx = {
		.vlan = req->vlan,
		.pipe = req->pipe,
		.vsid = req->vsid,
	};
	struct xsw_acl_frame af;

	af.extracted = false;
	if (unlikely(!port_up(req->src)))
		xsw_drop(req->src, XSW_DROP_LINK_DOWN, reply);
	else
		transmit(&ctx, &af, req->src, reply);
}

/*
 * The ARP/ND responder (vnet_nd.c), in place of egress for an ARP or
 * ICMPv6 frame from a VSID port.  Returns true when it consumed @skb:
 * answered or dropped.  Out of line: other frames never pay for it.
 */
static noinline bool nd_respond(const struct xsw_fwd_ctx *req,
				const struct xsw_vport *vp,
				struct sk_buff *skb)
{
	struct sk_buff *reply;
	int reason;

	reason = xsw_vnet_nd(req->src, vp, skb, &reply);
	if (reason >= 0) {
		xsw_drop(req->src, reason, skb);
		return true;
	}
	if (!reply)
		return false;
	consume_skb(skb);
	nd_reply(req, reply);
	return true;
}

/*
 * The extensions' part of ingress: captures, filters, then forwarding by
 * the forwarding extension or the built-in one.  Inline, unlike
 * ext_egress(): it runs once per frame, and measured cheaper so.  Returns
 * the frame, or NULL if an extension dropped it.
 */
static __always_inline struct sk_buff *
ext_ingress(struct sk_buff *skb, struct xsw_fwd_ctx *ctx)
{
	int reason;

	skb = xsw_ext_ingress(skb, ctx);
	if (!skb)
		return NULL;
	if (ctx->pipe->fwd)
		return xsw_ext_forward(skb, ctx);
	reason = builtin_fill(ctx, skb);
	if (unlikely(reason >= 0)) {
		xsw_drop(ctx->src, reason, skb);
		return NULL;
	}
	return skb;
}

/*
 * The ingress path.  @origin is the extension that injected the frame, or
 * NULL; always_inline so that the common case (NULL) costs nothing.
 */
static __always_inline void ingress(struct xsw_port *src, struct sk_buff *skb,
				    struct xsw_ext *origin, u32 vsid)
{
	const struct xsw_port_policy *pol = rcu_dereference(src->policy);
	const struct xsw_vport *vp = rcu_dereference(src->vport);
	struct xsw_switch *sw = src->sw;
	const struct xsw_qos_limit *lim;
	const struct xsw_acl_set *acl;
	struct xsw_acl_frame af;
	struct xsw_fwd_ctx ctx;
	int reason;

	xsw_stats_rx(src, skb->len);

	if (unlikely(!(sw->dev->flags & IFF_UP)))
		reason = XSW_DROP_LINK_DOWN;
	else if (unlikely(!xsw_vlan_ingress(pol, skb, &ctx.vlan)))
		reason = XSW_DROP_VLAN;
	else if (origin)
		reason = -1;	/* trusted: no port security */
	else if (!pol->mac_spoofing &&
		 unlikely(!mac_allowed(src, eth_hdr(skb)->h_source)))
		reason = XSW_DROP_SPOOFED_MAC;
	else if (unlikely(pol->dhcp_guard || pol->router_guard))
		reason = xsw_guard_check(pol, skb);
	else
		reason = -1;
	if (unlikely(vp)) {
		vsid = vp->vs->vsid;
		if (reason < 0 && !origin)
			reason = xsw_vnet_guard(vp, skb);
	}
	if (unlikely(reason >= 0)) {
		xsw_drop(src, reason, skb);
		return;
	}
	xsw_vport_count(vp, XSW_VS_IN, skb->len);

	ctx.src = src;
	ctx.flood = false;
	ctx.n_dst = 0;
	ctx.origin = origin;
	ctx.flood_except = NULL;
	ctx.pipe = rcu_dereference(sw->pipeline);
	ctx.vsid = vsid;

	if (unlikely(ctx.pipe)) {
		skb = ext_ingress(skb, &ctx);
		if (!skb)
			return;
	} else {
		reason = builtin_fill(&ctx, skb);
		if (unlikely(reason >= 0)) {
			xsw_drop(src, reason, skb);
			return;
		}
	}

	af.extracted = false;
	acl = rcu_dereference(src->acl[XSW_ACL_IN]);
	if (unlikely(acl) && !origin &&
	    !xsw_acl_pass(acl, src, XSW_ACL_DIR_IN, &af, skb, ctx.vlan)) {
		xsw_drop(src, XSW_DROP_ACL, skb);
		return;
	}
	lim = rcu_dereference(src->qos[XSW_ACL_IN]);
	if (unlikely(lim) && !origin && !xsw_qos_pass(lim, skb->len)) {
		xsw_drop(src, XSW_DROP_QOS, skb);
		return;
	}
	/* Not for the tunnel port (no vport) nor injected frames. */
	if (unlikely(vp) && !origin && xsw_vnet_nd_wanted(skb) &&
	    nd_respond(&ctx, vp, skb))
		return;
	egress(&ctx, &af, pol->isolated, skb);
}

/**
 * xsw_ingress - switch a frame that came in on a port
 * @src: the ingress port
 * @skb: the frame, owned by the caller alone, skb->data at the Ethernet
 *	header, any 802.1Q tag in the hardware-accelerated tag
 *
 * Context: under RCU with BH disabled.  Consumes @skb.
 */
void xsw_ingress(struct xsw_port *src, struct sk_buff *skb)
{
	ingress(src, skb, NULL, 0);
}

/**
 * xsw_vnet_rx - switch a decapsulated frame
 * @sw: the switch whose PA it was sent to
 * @vsid: the VSID of its VNI, checked by the caller
 * @skb: the inner frame, skb->data at its Ethernet header
 *
 * It comes in on the switch's tunnel port.  Context: as xsw_ingress().
 */
void xsw_vnet_rx(struct xsw_switch *sw, u32 vsid, struct sk_buff *skb)
{
	ingress(&sw->tunnel, skb, NULL, vsid);
}

/* xsw_inject_ingress(): @origin's frame, as if @src had sent it. */
void xsw_ingress_inject(struct xsw_ext *origin, struct xsw_port *src,
			struct sk_buff *skb)
{
	ingress(src, skb, origin, 0);
}

/*
 * xsw_inject_egress(): @origin's frame, out of @dst in @vlan; no ACL, no
 * rate limit, and no source port, so HTB's default class.
 */
void xsw_egress_inject(struct xsw_ext *origin, struct xsw_port *dst,
		       u16 vlan, struct sk_buff *skb)
{
	struct xsw_fwd_ctx ctx = {
		.vlan = vlan,
		.origin = origin,
		.pipe = rcu_dereference(dst->sw->pipeline),
	};

	if (unlikely(!port_up(dst)))
		xsw_drop(dst, XSW_DROP_LINK_DOWN, skb);
	else
		transmit(&ctx, NULL, dst, skb);
}

/**
 * xsw_port_rx_handler - frames from the lower device of a vm or external port
 * @pskb: the frame
 *
 * Context: the device's receive path, under RCU with BH disabled.
 */
rx_handler_result_t xsw_port_rx_handler(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	struct xsw_port *port;

	if (unlikely(skb->pkt_type == PACKET_LOOPBACK))
		return RX_HANDLER_PASS;

	port = rcu_dereference(skb->dev->rx_handler_data);
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (unlikely(!skb)) {
		xsw_count(port, XSW_DROP_NOMEM);
		return RX_HANDLER_CONSUMED;
	}
	skb_push(skb, ETH_HLEN);
	xsw_ingress(port, skb);
	return RX_HANDLER_CONSUMED;
}
