// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Switches: XSW_CMD_SWITCH_{NEW,DEL,GET,SET}.
 */
#include <errno.h>
#include <string.h>

#include "internal.h"

_Static_assert(IF_NAMESIZE == IFNAMSIZ, "struct xsw_switch_info.ifname");

static const struct nla_policy switch_policy[XSW_A_SWITCH_MAX + 1] = {
	[XSW_A_SWITCH_IFINDEX]	 = { .type = NLA_U32 },
	[XSW_A_SWITCH_IFNAME]	 = { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[XSW_A_SWITCH_MTU]	 = { .type = NLA_U32 },
	[XSW_A_SWITCH_ADDRESS]	 = { .minlen = 6 },
	[XSW_A_SWITCH_OPERSTATE] = { .type = NLA_U8 },
	[XSW_A_SWITCH_UP]	 = { .type = NLA_FLAG },
	[XSW_A_SWITCH_NUM_PORTS] = { .type = NLA_U32 },
	[XSW_A_SWITCH_AGEING_TIME] = { .type = NLA_U32 },
	[XSW_A_SWITCH_STATS]	 = { .type = NLA_NESTED },
	[XSW_A_SWITCH_CONN_MAX]	 = { .type = NLA_U32 },
	[XSW_A_SWITCH_CONN_ENTRIES] = { .type = NLA_U32 },
	[XSW_A_SWITCH_CONN_EVICTIONS] = { .type = NLA_U64 },
	[XSW_A_SWITCH_CONN_EXPIRED] = { .type = NLA_U64 },
	[XSW_A_SWITCH_VXLAN_PORT] = { .type = NLA_U16 },
};

static const char *const switch_names[XSW_A_SWITCH_MAX + 1] = {
	[XSW_A_SWITCH_IFINDEX]	 = "ifindex",
	[XSW_A_SWITCH_IFNAME]	 = "ifname",
	[XSW_A_SWITCH_MTU]	 = "mtu",
	[XSW_A_SWITCH_ADDRESS]	 = "address",
	[XSW_A_SWITCH_OPERSTATE] = "operstate",
	[XSW_A_SWITCH_UP]	 = "up",
	[XSW_A_SWITCH_NUM_PORTS] = "num_ports",
	[XSW_A_SWITCH_AGEING_TIME] = "ageing_time",
	[XSW_A_SWITCH_STATS]	 = "stats",
	[XSW_A_SWITCH_CONN_MAX]	 = "conn_max",
	[XSW_A_SWITCH_CONN_ENTRIES] = "conn_entries",
	[XSW_A_SWITCH_CONN_EVICTIONS] = "conn_evictions",
	[XSW_A_SWITCH_CONN_EXPIRED] = "conn_expired",
	[XSW_A_SWITCH_VXLAN_PORT] = "vxlan_port",
};

static const struct xsw_attrs switch_attrs = {
	.maxattr = XSW_A_SWITCH_MAX,
	.policy	 = switch_policy,
	.names	 = switch_names,
};

static int to_info(struct xsw_handle *h, struct nlattr **tb,
		   struct xsw_switch_info *sw)
{
	if (!tb[XSW_A_SWITCH_IFINDEX] || !tb[XSW_A_SWITCH_IFNAME])
		return xsw_seterr(h, -EBADMSG,
				  "kernel sent a switch without ifindex or ifname");

	memset(sw, 0, sizeof(*sw));
	sw->ifindex = nla_get_u32(tb[XSW_A_SWITCH_IFINDEX]);
	nla_strlcpy(sw->ifname, tb[XSW_A_SWITCH_IFNAME], sizeof(sw->ifname));
	if (tb[XSW_A_SWITCH_MTU])
		sw->mtu = nla_get_u32(tb[XSW_A_SWITCH_MTU]);
	if (tb[XSW_A_SWITCH_ADDRESS])
		memcpy(sw->address, nla_data(tb[XSW_A_SWITCH_ADDRESS]),
		       sizeof(sw->address));
	if (tb[XSW_A_SWITCH_OPERSTATE])
		sw->operstate = nla_get_u8(tb[XSW_A_SWITCH_OPERSTATE]);
	sw->up = !!tb[XSW_A_SWITCH_UP];
	if (tb[XSW_A_SWITCH_NUM_PORTS])
		sw->num_ports = nla_get_u32(tb[XSW_A_SWITCH_NUM_PORTS]);
	if (tb[XSW_A_SWITCH_AGEING_TIME])
		sw->ageing = nla_get_u32(tb[XSW_A_SWITCH_AGEING_TIME]);
	if (tb[XSW_A_SWITCH_CONN_MAX])
		sw->conn_max = nla_get_u32(tb[XSW_A_SWITCH_CONN_MAX]);
	if (tb[XSW_A_SWITCH_CONN_ENTRIES])
		sw->conn_entries = nla_get_u32(tb[XSW_A_SWITCH_CONN_ENTRIES]);
	if (tb[XSW_A_SWITCH_CONN_EVICTIONS])
		sw->conn_evictions =
			nla_get_u64(tb[XSW_A_SWITCH_CONN_EVICTIONS]);
	if (tb[XSW_A_SWITCH_CONN_EXPIRED])
		sw->conn_expired = nla_get_u64(tb[XSW_A_SWITCH_CONN_EXPIRED]);
	if (tb[XSW_A_SWITCH_VXLAN_PORT])
		sw->vxlan_port = nla_get_u16(tb[XSW_A_SWITCH_VXLAN_PORT]);
	return xsw_stats_parse(h, tb[XSW_A_SWITCH_STATS], &sw->stats);
}

/* Reply of NEW and GET (do): fill the caller's struct, if any. */
static int parse_one(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	struct xsw_switch_info tmp;

	return to_info(h, tb, arg ? arg : &tmp);
}

struct dump_ctx {
	int (*cb)(const struct xsw_switch_info *sw, void *arg);
	void *arg;
};

static int parse_dump(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	struct dump_ctx *ctx = arg;
	struct xsw_switch_info sw;
	int err;

	err = to_info(h, tb, &sw);
	if (err)
		return err;
	return ctx->cb(&sw, ctx->arg);
}

XSW_EXPORT
int xsw_switch_add(struct xsw_handle *h, const char *name,
		   struct xsw_switch_info *out)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_SWITCH_NEW);

	if (out)
		memset(out, 0, sizeof(*out));
	if (name && xsw_put_ifname(h, msg, XSW_A_SWITCH_IFNAME, "switch", name))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &switch_attrs, parse_one, out);
}

XSW_EXPORT
int xsw_switch_del(struct xsw_handle *h, const char *name)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_SWITCH_DEL);

	if (xsw_put_ifname(h, msg, XSW_A_SWITCH_IFNAME, "switch", name))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &switch_attrs, NULL, NULL);
}

XSW_EXPORT
int xsw_switch_get(struct xsw_handle *h, const char *name,
		   struct xsw_switch_info *out)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_SWITCH_GET);
	int err;

	if (xsw_put_ifname(h, msg, XSW_A_SWITCH_IFNAME, "switch", name))
		return xsw_abort(h, msg);
	memset(out, 0, sizeof(*out));
	err = xsw_do(h, msg, &switch_attrs, parse_one, out);
	if (!err && !out->ifindex)
		err = xsw_seterr(h, -EBADMSG, "kernel sent no switch");
	return err;
}

XSW_EXPORT
int xsw_switch_dump(struct xsw_handle *h,
		    int (*cb)(const struct xsw_switch_info *sw, void *arg),
		    void *arg)
{
	struct dump_ctx ctx = { .cb = cb, .arg = arg };

	return xsw_dump(h, xsw_msg_new(h, XSW_CMD_SWITCH_GET), &switch_attrs,
			parse_dump, &ctx);
}

XSW_EXPORT
int xsw_switch_set(struct xsw_handle *h, const char *name,
		   const struct xsw_switch_config *cfg)
{
	struct nl_msg *msg;

	if (!cfg->set || (cfg->set & ~XSW_SWITCH_CFG_ALL))
		return xsw_seterr(h, -EINVAL, cfg->set ?
				  "unknown switch setting" :
				  "no switch setting to change");
	if ((cfg->set & XSW_SWITCH_CFG_AGEING) &&
	    (cfg->ageing < 1 || cfg->ageing > 1000000))
		return xsw_seterr(h, -ERANGE, "ageing must be 1..1000000 seconds");
	if ((cfg->set & XSW_SWITCH_CFG_VXLAN_PORT) && !cfg->vxlan_port)
		return xsw_seterr(h, -ERANGE, "vxlan-port must be 1..65535");
	if ((cfg->set & XSW_SWITCH_CFG_CONN_MAX) &&
	    (cfg->conn_max < 1 || cfg->conn_max > XSW_SWITCH_CONN_MAX_LIMIT))
		return xsw_seterr(h, -ERANGE, "conn-max must be 1..%u",
				  XSW_SWITCH_CONN_MAX_LIMIT);

	msg = xsw_msg_new(h, XSW_CMD_SWITCH_SET);
	if (xsw_put_ifname(h, msg, XSW_A_SWITCH_IFNAME, "switch", name) ||
	    ((cfg->set & XSW_SWITCH_CFG_AGEING) &&
	     nla_put_u32(msg, XSW_A_SWITCH_AGEING_TIME, cfg->ageing) < 0) ||
	    ((cfg->set & XSW_SWITCH_CFG_CONN_MAX) &&
	     nla_put_u32(msg, XSW_A_SWITCH_CONN_MAX, cfg->conn_max) < 0) ||
	    ((cfg->set & XSW_SWITCH_CFG_VXLAN_PORT) &&
	     nla_put_u16(msg, XSW_A_SWITCH_VXLAN_PORT, cfg->vxlan_port) < 0))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &switch_attrs, NULL, NULL);
}

XSW_EXPORT
int xsw_switch_set_ageing(struct xsw_handle *h, const char *name,
			  uint32_t seconds)
{
	struct xsw_switch_config cfg = {
		.set = XSW_SWITCH_CFG_AGEING,
		.ageing = seconds,
	};

	return xsw_switch_set(h, name, &cfg);
}
