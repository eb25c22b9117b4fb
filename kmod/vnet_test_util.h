/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the network virtualisation KUnit suites share: a VM's MAC and
 * hand-built Ethernet frames; addresses and prefixes from text, and a
 * store with two routing domains (Contoso, RDID 1, and Fabrikam, RDID 2)
 * to add vsubnets and mappings to, freed by the suite's .exit.  Static
 * inline, so that a suite may leave some unused.
 */
#ifndef _XSW_VNET_TEST_UTIL_H
#define _XSW_VNET_TEST_UTIL_H

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/inet.h>
#include <linux/skbuff.h>

#include "vnet.h"

static const u8 vm_mac[ETH_ALEN] __maybe_unused = {
	0x02, 0, 0, 0, 0x50, 0x11
};

/*
 * An Ethernet frame from vm_mac to broadcast, of @proto with @len bytes
 * of @payload; the caller frees it.
 */
static inline struct sk_buff *vnet_test_frame(struct kunit *test,
					      __be16 proto,
					      const void *payload,
					      unsigned int len)
{
	struct sk_buff *skb = alloc_skb(ETH_HLEN + len, GFP_KERNEL);
	struct ethhdr *eth;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	eth = skb_put(skb, ETH_HLEN);
	eth_broadcast_addr(eth->h_dest);
	ether_addr_copy(eth->h_source, vm_mac);
	eth->h_proto = proto;
	skb_put_data(skb, payload, len);
	skb_reset_mac_header(skb);
	return skb;
}

static inline struct xsw_vprefix pfx(const char *text, u8 len)
{
	struct xsw_vprefix p = { .len = len };
	__be32 v4;

	if (in4_pton(text, -1, (u8 *)&v4, -1, NULL)) {
		ipv6_addr_set_v4mapped(v4, &p.addr);
		p.len += 96;
	} else {
		in6_pton(text, -1, p.addr.s6_addr, -1, NULL);
	}
	return p;
}

static inline struct in6_addr addr(const char *text)
{
	return pfx(text, 0).addr;
}

/* The fixture: a store and its two routing domains */
struct vnet_test_ctx {
	struct xsw_vnet_store s;
	struct xsw_vnet *vnet[2];
};

static inline int vnet_test_init(struct kunit *test)
{
	struct vnet_test_ctx *ctx;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	KUNIT_ASSERT_EQ(test, xsw_vnet_store_init(&ctx->s), 0);
	rtnl_lock();
	ctx->vnet[0] = xsw_vnet_add(&ctx->s, "Contoso", 1, NULL);
	ctx->vnet[1] = xsw_vnet_add(&ctx->s, "Fabrikam", 2, NULL);
	rtnl_unlock();
	KUNIT_ASSERT_FALSE(test, IS_ERR(ctx->vnet[0]));
	KUNIT_ASSERT_FALSE(test, IS_ERR(ctx->vnet[1]));
	test->priv = ctx;
	return 0;
}

static inline void vnet_test_exit(struct kunit *test)
{
	struct vnet_test_ctx *ctx = test->priv;

	rtnl_lock();
	xsw_vnet_store_uninit(&ctx->s);
	rtnl_unlock();
	rcu_barrier();
}

/* A vsubnet of @vnet with one prefix, or none when @prefix is NULL. */
static inline struct xsw_vsubnet *subnet(struct kunit *test,
					 struct xsw_vnet *vnet, u32 vsid,
					 const char *prefix, u8 len)
{
	struct vnet_test_ctx *ctx = test->priv;
	struct xsw_vsubnet *vs;

	vs = kzalloc(struct_size(vs, prefixes, 1), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, vs);
	vs->vsid = vsid;
	vs->encap = XSW_ENCAP_VXLAN;
	if (prefix) {
		vs->prefixes[0] = pfx(prefix, len);
		vs->n_prefixes = 1;
		vs->has_gateway = xsw_vprefix_default_gateway(vs->prefixes, 1,
							      &vs->gateway);
	}
	rtnl_lock();
	vs = xsw_vsubnet_add(&ctx->s, vs, vnet, NULL);
	rtnl_unlock();
	KUNIT_ASSERT_FALSE(test, IS_ERR(vs));
	return vs;
}

static inline int add_map(struct kunit *test, struct xsw_vsubnet *vs,
			  const char *ca, u8 mac_last, const char *pa,
			  struct xsw_vmap **out)
{
	struct vnet_test_ctx *ctx = test->priv;
	u8 mac[ETH_ALEN] = { 2, 0, 0, 0, 0, mac_last };
	struct in6_addr a = addr(ca), p = addr(pa);
	struct xsw_vmap *m;
	int err;

	m = xsw_vmap_new(vs, &a, mac, &p);
	KUNIT_ASSERT_NOT_NULL(test, m);
	rtnl_lock();
	err = xsw_vmap_insert(&ctx->s, vs, m, NULL);
	rtnl_unlock();
	if (err)
		xsw_vmap_free(m);
	else if (out)
		*out = m;
	return err;
}

#endif /* _XSW_VNET_TEST_UTIL_H */
