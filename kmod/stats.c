// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: per-CPU counters and drops by reason.
 */

#include <linux/skbuff.h>

#include "xswitch.h"

const char * const xsw_drop_names[XSW_DROP_NUM] = {
	[XSW_DROP_VLAN]			= "vlan",
	[XSW_DROP_SPOOFED_MAC]		= "spoofed-mac",
	[XSW_DROP_DHCP_GUARD]		= "dhcp-guard",
	[XSW_DROP_ROUTER_GUARD]		= "router-guard",
	[XSW_DROP_ISOLATED]		= "isolated",
	[XSW_DROP_MTU]			= "mtu",
	[XSW_DROP_LEARN_LIMIT]		= "learn-limit",
	[XSW_DROP_NO_DESTINATION]	= "no-destination",
	[XSW_DROP_MALFORMED]		= "malformed",
	[XSW_DROP_LINK_DOWN]		= "link-down",
	[XSW_DROP_NOMEM]		= "nomem",
	[XSW_DROP_EXTENSION]		= "extension",
	[XSW_DROP_ACL]			= "acl",
	[XSW_DROP_QOS]			= "qos",
	[XSW_DROP_VNET_NO_MAPPING]	= "vnet-no-mapping",
	[XSW_DROP_VNET_UNKNOWN_PA]	= "vnet-unknown-pa",
	[XSW_DROP_VNET_UNKNOWN_VSID]	= "vnet-unknown-vsid",
	[XSW_DROP_VNET_NO_ROUTE]	= "vnet-no-route",
	[XSW_DROP_VNET_SPOOFED_CA]	= "vnet-spoofed-ca",
	[XSW_DROP_VNET_TTL]		= "vnet-ttl",
	[XSW_DROP_VNET_MALFORMED]	= "vnet-malformed",
};

struct xsw_stats __percpu *xsw_stats_alloc(void)
{
	struct xsw_stats __percpu *stats;
	int cpu;

	/* Every UAPI drop reason has a counter, and only those. */
	BUILD_BUG_ON(ARRAY_SIZE(xsw_drop_names) !=
		     XSW_A_DROP_MAX - XSW_A_DROP_VLAN + 1);

	stats = alloc_percpu_gfp(struct xsw_stats, GFP_KERNEL);
	if (!stats)
		return NULL;
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(stats, cpu)->syncp);
	return stats;
}

void xsw_stats_sum(struct xsw_stats __percpu *stats, struct xsw_stats_sum *sum)
{
	int cpu, i;

	memset(sum, 0, sizeof(*sum));
	for_each_possible_cpu(cpu) {
		const struct xsw_stats *s = per_cpu_ptr(stats, cpu);
		struct xsw_stats_sum one;
		unsigned int start;

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			one.rx_packets = u64_stats_read(&s->rx_packets);
			one.rx_bytes = u64_stats_read(&s->rx_bytes);
			one.tx_packets = u64_stats_read(&s->tx_packets);
			one.tx_bytes = u64_stats_read(&s->tx_bytes);
			for (i = 0; i < XSW_DROP_NUM; i++)
				one.drops[i] = u64_stats_read(&s->drops[i]);
		} while (u64_stats_fetch_retry(&s->syncp, start));

		sum->rx_packets += one.rx_packets;
		sum->rx_bytes += one.rx_bytes;
		sum->tx_packets += one.tx_packets;
		sum->tx_bytes += one.tx_bytes;
		for (i = 0; i < XSW_DROP_NUM; i++)
			sum->drops[i] += one.drops[i];
	}
}

static void count_one(struct xsw_stats __percpu *stats, enum xsw_drop reason)
{
	struct xsw_stats *s = this_cpu_ptr(stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->drops[reason]);
	u64_stats_update_end(&s->syncp);
}

/**
 * xsw_count - count an event against a port and its switch
 * @port: the port the event happened on
 * @reason: what happened
 *
 * Context: packet path, BH disabled.
 */
void xsw_count(struct xsw_port *port, enum xsw_drop reason)
{
	count_one(port->stats, reason);
	count_one(port->sw->stats, reason);
}

/**
 * xsw_drop - drop a frame and count why
 * @port: the port the frame was dropped on
 * @reason: why
 * @skb: the frame, freed here
 */
void xsw_drop(struct xsw_port *port, enum xsw_drop reason, struct sk_buff *skb)
{
	xsw_count(port, reason);
	kfree_skb(skb);
}
