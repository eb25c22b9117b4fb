// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Counters: the nest of enum xsw_stats_attr that ports and switches carry,
 * and the names of the drop reasons.
 */
#include <errno.h>
#include <string.h>

#include "internal.h"

_Static_assert(XSW_A_DROP_MAX < XSW_STATS_DROPS_LEN,
	       "struct xsw_stats.drops holds every XSW_A_DROP_*");
_Static_assert(XSW_STATS_DROPS_LEN <= 64,
	       "struct xsw_stats.drops_seen is a uint64_t");

/* As the comments of enum xsw_drop_attr spell them. */
static const char *const drop_names[XSW_A_DROP_MAX + 1] = {
	[XSW_A_DROP_VLAN]		= "vlan",
	[XSW_A_DROP_SPOOFED_MAC]	= "spoofed-mac",
	[XSW_A_DROP_DHCP_GUARD]		= "dhcp-guard",
	[XSW_A_DROP_ROUTER_GUARD]	= "router-guard",
	[XSW_A_DROP_ISOLATED]		= "isolated",
	[XSW_A_DROP_MTU]		= "mtu",
	[XSW_A_DROP_LEARN_LIMIT]	= "learn-limit",
	[XSW_A_DROP_NO_DESTINATION]	= "no-destination",
	[XSW_A_DROP_MALFORMED]		= "malformed",
	[XSW_A_DROP_LINK_DOWN]		= "link-down",
	[XSW_A_DROP_NOMEM]		= "nomem",
	[XSW_A_DROP_EXTENSION]		= "extension",
	[XSW_A_DROP_ACL]		= "acl",
	[XSW_A_DROP_QOS]		= "qos",
	[XSW_A_DROP_VNET_NO_MAPPING]	= "vnet-no-mapping",
	[XSW_A_DROP_VNET_UNKNOWN_PA]	= "vnet-unknown-pa",
	[XSW_A_DROP_VNET_UNKNOWN_VSID]	= "vnet-unknown-vsid",
	[XSW_A_DROP_VNET_NO_ROUTE]	= "vnet-no-route",
	[XSW_A_DROP_VNET_SPOOFED_CA]	= "vnet-spoofed-ca",
	[XSW_A_DROP_VNET_TTL]		= "vnet-ttl",
	[XSW_A_DROP_VNET_MALFORMED]	= "vnet-malformed",
};

static const struct nla_policy stats_policy[XSW_A_STATS_MAX + 1] = {
	[XSW_A_STATS_RX_PACKETS] = { .type = NLA_U64 },
	[XSW_A_STATS_RX_BYTES]	 = { .type = NLA_U64 },
	[XSW_A_STATS_TX_PACKETS] = { .type = NLA_U64 },
	[XSW_A_STATS_TX_BYTES]	 = { .type = NLA_U64 },
	[XSW_A_STATS_DROPS]	 = { .type = NLA_NESTED },
};

static uint64_t get_u64(struct nlattr *a)
{
	return a ? nla_get_u64(a) : 0;
}

/*
 * Every drop reason in the nest, known or not: a reason newer than this
 * library is kept (up to XSW_STATS_DROPS_LEN) so that callers can show it
 * by number.  A known reason must be a u64; an unknown one that is not is
 * something this library cannot read, and is skipped.
 */
static int parse_drops(struct xsw_handle *h, struct nlattr *nest,
		       struct xsw_stats *st)
{
	struct nlattr *a;
	int rem;

	nla_for_each_nested(a, nest, rem) {
		int type = nla_type(a);

		if (type <= XSW_A_DROP_PAD || type >= XSW_STATS_DROPS_LEN)
			continue;
		if (nla_len(a) != sizeof(uint64_t)) {
			if (type <= XSW_A_DROP_MAX)
				return xsw_seterr(h, -EBADMSG,
						  "malformed reply from the kernel: drop counter %d is %d bytes",
						  type, nla_len(a));
			continue;
		}
		st->drops[type] = nla_get_u64(a);
		st->drops_seen |= UINT64_C(1) << type;
	}
	return 0;
}

int xsw_stats_parse(struct xsw_handle *h, struct nlattr *nest,
		    struct xsw_stats *st)
{
	struct nlattr *tb[XSW_A_STATS_MAX + 1];
	int err;

	memset(st, 0, sizeof(*st));
	if (!nest)
		return 0;
	err = nla_parse_nested(tb, XSW_A_STATS_MAX, nest, stats_policy);
	if (err < 0)
		return xsw_seterr(h, -EBADMSG,
				  "malformed reply from the kernel: statistics: %s",
				  nl_geterror(err));
	st->rx_packets = get_u64(tb[XSW_A_STATS_RX_PACKETS]);
	st->rx_bytes = get_u64(tb[XSW_A_STATS_RX_BYTES]);
	st->tx_packets = get_u64(tb[XSW_A_STATS_TX_PACKETS]);
	st->tx_bytes = get_u64(tb[XSW_A_STATS_TX_BYTES]);
	if (tb[XSW_A_STATS_DROPS])
		return parse_drops(h, tb[XSW_A_STATS_DROPS], st);
	return 0;
}

XSW_EXPORT
const char *xsw_drop_name(int attr)
{
	if (attr < 0 || attr > XSW_A_DROP_MAX)
		return NULL;
	return drop_names[attr];
}
