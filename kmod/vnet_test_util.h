/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the network virtualisation KUnit suites of the data path share: a
 * VM's MAC and hand-built Ethernet frames.  Static, so that a suite may
 * leave some unused.
 */
#ifndef _XSW_VNET_TEST_UTIL_H
#define _XSW_VNET_TEST_UTIL_H

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>

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

#endif /* _XSW_VNET_TEST_UTIL_H */
