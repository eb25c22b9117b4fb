/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xswitch: running a switch's extension pipeline on a frame - the capture
 * and filter chains on ingress, the forwarding extension, and the chains
 * again for each destination's copy on egress.
 *
 * Inlined into forward.c: with extensions attached these run for every
 * frame, several times, and a call per stage would cost more than the
 * loops.  Context: the packet path, under RCU with BH disabled.
 */
#ifndef _XSW_EXT_CHAIN_H
#define _XSW_EXT_CHAIN_H

#include "xswitch.h"

/*
 * The chains take and return the frame rather than a pointer to the
 * caller's: a filter may replace it, and the caller's own pointer should
 * not have its address taken (it would then live on the stack for the
 * whole of the packet path, extensions or not).
 */

/**
 * xsw_ext_ingress - the capture, then the filter extensions, on ingress
 * @skb: the frame
 * @ctx: the frame's context, with @ctx->pipe set
 *
 * Return: the frame, which a filter may have replaced, or NULL if a filter
 * dropped it (it is then consumed and counted).
 */
static __always_inline struct sk_buff *
xsw_ext_ingress(struct sk_buff *skb, const struct xsw_fwd_ctx *ctx)
{
	const struct xsw_ext_pipeline *pipe = ctx->pipe;
	unsigned int i, n = pipe->n_capture + pipe->n_filter;
	struct xsw_ext *ext;

	for (i = 0; i < pipe->n_capture; i++) {
		ext = pipe->chain[i];
		if (unlikely(ext == ctx->origin))
			continue;
		xsw_ext_count(ext, XSW_EXT_STAT_INGRESS);
		ext->ops->capture(ext, skb, ctx, NULL);
	}
	for (; i < n; i++) {
		ext = pipe->chain[i];
		if (unlikely(ext == ctx->origin))
			continue;
		xsw_ext_count(ext, XSW_EXT_STAT_INGRESS);
		if (unlikely(ext->ops->filter(ext, &skb, ctx, NULL) != XSW_PASS ||
			     !skb)) {
			xsw_ext_dropped(ext, ctx->src, skb);
			return NULL;
		}
	}
	return skb;
}

/**
 * xsw_ext_forward - the forwarding extension picks the destinations
 * @skb: the frame
 * @ctx: the frame's context, with @ctx->pipe->fwd set
 *
 * Return: as xsw_ext_ingress().
 */
static __always_inline struct sk_buff *
xsw_ext_forward(struct sk_buff *skb, struct xsw_fwd_ctx *ctx)
{
	struct xsw_ext *ext = ctx->pipe->fwd;

	xsw_ext_count(ext, XSW_EXT_STAT_INGRESS);
	if (unlikely(ext->ops->forward(ext, &skb, ctx) != XSW_PASS || !skb)) {
		xsw_ext_dropped(ext, ctx->src, skb);
		return NULL;
	}
	return skb;
}

/* One egress filter; NULL if it dropped the frame. */
static __always_inline struct sk_buff *
xsw_ext_egress_filter(struct xsw_ext *ext, struct sk_buff *skb,
		      const struct xsw_fwd_ctx *ctx, struct xsw_port *dst)
{
	xsw_ext_count(ext, XSW_EXT_STAT_EGRESS);
	if (likely(ext->ops->filter(ext, &skb, ctx, dst) == XSW_PASS && skb))
		return skb;
	xsw_ext_dropped(ext, dst, skb);
	return NULL;
}

/**
 * xsw_ext_egress - the extensions, for one destination's copy of a frame
 * @skb: the copy
 * @ctx: the frame's context, with @ctx->pipe set
 * @dst: the destination
 *
 * The forwarding extension's filter, the filters, then the captures.
 * Return: as xsw_ext_ingress().
 */
static __always_inline struct sk_buff *
xsw_ext_egress(struct sk_buff *skb, const struct xsw_fwd_ctx *ctx,
	       struct xsw_port *dst)
{
	const struct xsw_ext_pipeline *pipe = ctx->pipe;
	unsigned int i, n = pipe->n_capture + pipe->n_filter;
	struct xsw_ext *ext = pipe->fwd;

	if (ext && ext->ops->filter && ext != ctx->origin) {
		skb = xsw_ext_egress_filter(ext, skb, ctx, dst);
		if (!skb)
			return NULL;
	}
	for (i = pipe->n_capture; i < n; i++) {
		ext = pipe->chain[i];
		if (unlikely(ext == ctx->origin))
			continue;
		skb = xsw_ext_egress_filter(ext, skb, ctx, dst);
		if (!skb)
			return NULL;
	}
	for (i = 0; i < pipe->n_capture; i++) {
		ext = pipe->chain[i];
		if (unlikely(ext == ctx->origin))
			continue;
		xsw_ext_count(ext, XSW_EXT_STAT_EGRESS);
		ext->ops->capture(ext, skb, ctx, dst);
	}
	return skb;
}

#endif /* _XSW_EXT_CHAIN_H */
