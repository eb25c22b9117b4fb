// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Forwarding database: XSW_CMD_FDB_{NEW,DEL,GET,FLUSH}.
 */
#include <errno.h>
#include <string.h>

#include "internal.h"

_Static_assert(IF_NAMESIZE == IFNAMSIZ, "struct xsw_fdb_info.port_ifname");

static const struct nla_policy fdb_policy[XSW_A_FDB_MAX + 1] = {
	[XSW_A_FDB_SWITCH_IFINDEX] = { .type = NLA_U32 },
	[XSW_A_FDB_SWITCH_IFNAME]  = { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[XSW_A_FDB_MAC]		   = { .minlen = 6 },
	[XSW_A_FDB_VLAN]	   = { .type = NLA_U16 },
	[XSW_A_FDB_PORT_IFINDEX]   = { .type = NLA_U32 },
	[XSW_A_FDB_PORT_IFNAME]	   = { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[XSW_A_FDB_STATIC]	   = { .type = NLA_FLAG },
	[XSW_A_FDB_AGE]		   = { .type = NLA_U32 },
};

static const char *const fdb_names[XSW_A_FDB_MAX + 1] = {
	[XSW_A_FDB_SWITCH_IFINDEX] = "switch_ifindex",
	[XSW_A_FDB_SWITCH_IFNAME]  = "switch_ifname",
	[XSW_A_FDB_MAC]		   = "mac",
	[XSW_A_FDB_VLAN]	   = "vlan",
	[XSW_A_FDB_PORT_IFINDEX]   = "port_ifindex",
	[XSW_A_FDB_PORT_IFNAME]	   = "port_ifname",
	[XSW_A_FDB_STATIC]	   = "static",
	[XSW_A_FDB_AGE]		   = "age",
};

static const struct xsw_attrs fdb_attrs = {
	.maxattr = XSW_A_FDB_MAX,
	.policy	 = fdb_policy,
	.names	 = fdb_names,
};

static int to_info(struct xsw_handle *h, struct nlattr **tb,
		   struct xsw_fdb_info *f)
{
	if (!tb[XSW_A_FDB_MAC] || !tb[XSW_A_FDB_VLAN])
		return xsw_seterr(h, -EBADMSG,
				  "kernel sent an fdb entry without mac or vlan");

	memset(f, 0, sizeof(*f));
	if (tb[XSW_A_FDB_SWITCH_IFINDEX])
		f->switch_ifindex = nla_get_u32(tb[XSW_A_FDB_SWITCH_IFINDEX]);
	if (tb[XSW_A_FDB_SWITCH_IFNAME])
		nla_strlcpy(f->switch_ifname, tb[XSW_A_FDB_SWITCH_IFNAME],
			    sizeof(f->switch_ifname));
	memcpy(f->mac, nla_data(tb[XSW_A_FDB_MAC]), sizeof(f->mac));
	f->vlan = nla_get_u16(tb[XSW_A_FDB_VLAN]);
	if (tb[XSW_A_FDB_PORT_IFINDEX])
		f->port_ifindex = nla_get_u32(tb[XSW_A_FDB_PORT_IFINDEX]);
	if (tb[XSW_A_FDB_PORT_IFNAME])
		nla_strlcpy(f->port_ifname, tb[XSW_A_FDB_PORT_IFNAME],
			    sizeof(f->port_ifname));
	f->is_static = !!tb[XSW_A_FDB_STATIC];
	if (tb[XSW_A_FDB_AGE])
		f->age_ms = nla_get_u32(tb[XSW_A_FDB_AGE]);
	return 0;
}

struct dump_ctx {
	int (*cb)(const struct xsw_fdb_info *fdb, void *arg);
	void *arg;
};

static int parse_dump(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	struct dump_ctx *ctx = arg;
	struct xsw_fdb_info f;
	int err;

	err = to_info(h, tb, &f);
	if (err)
		return err;
	return ctx->cb(&f, ctx->arg);
}

XSW_EXPORT
int xsw_fdb_add(struct xsw_handle *h, const char *sw, const uint8_t *mac,
		uint16_t vlan, const char *port)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_FDB_NEW);

	if (xsw_put_ifname(h, msg, XSW_A_FDB_SWITCH_IFNAME, "switch", sw) ||
	    nla_put(msg, XSW_A_FDB_MAC, 6, mac) < 0 ||
	    (vlan && nla_put_u16(msg, XSW_A_FDB_VLAN, vlan) < 0) ||
	    xsw_put_ifname(h, msg, XSW_A_FDB_PORT_IFNAME, "port", port))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &fdb_attrs, NULL, NULL);
}

XSW_EXPORT
int xsw_fdb_del_port(struct xsw_handle *h, const char *sw, const uint8_t *mac,
		     uint16_t vlan, const char *port)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_FDB_DEL);

	if (xsw_put_ifname(h, msg, XSW_A_FDB_SWITCH_IFNAME, "switch", sw) ||
	    nla_put(msg, XSW_A_FDB_MAC, 6, mac) < 0 ||
	    (vlan && nla_put_u16(msg, XSW_A_FDB_VLAN, vlan) < 0) ||
	    (port && xsw_put_ifname(h, msg, XSW_A_FDB_PORT_IFNAME, "port",
				    port)))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &fdb_attrs, NULL, NULL);
}

XSW_EXPORT
int xsw_fdb_del(struct xsw_handle *h, const char *sw, const uint8_t *mac,
		uint16_t vlan)
{
	return xsw_fdb_del_port(h, sw, mac, vlan, NULL);
}

XSW_EXPORT
int xsw_fdb_dump(struct xsw_handle *h, const char *sw,
		 int (*cb)(const struct xsw_fdb_info *fdb, void *arg),
		 void *arg)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_FDB_GET);
	struct dump_ctx ctx = { .cb = cb, .arg = arg };

	if (xsw_put_ifname(h, msg, XSW_A_FDB_SWITCH_IFNAME, "switch", sw))
		return xsw_abort(h, msg);
	return xsw_dump(h, msg, &fdb_attrs, parse_dump, &ctx);
}

XSW_EXPORT
int xsw_fdb_flush_match(struct xsw_handle *h, const char *sw,
			const struct xsw_fdb_filter *flt)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_FDB_FLUSH);

	if (xsw_put_ifname(h, msg, XSW_A_FDB_SWITCH_IFNAME, "switch", sw) ||
	    (flt->port && xsw_put_ifname(h, msg, XSW_A_FDB_PORT_IFNAME, "port",
					 flt->port)) ||
	    (flt->mac && nla_put(msg, XSW_A_FDB_MAC, 6, flt->mac) < 0) ||
	    (flt->vlan && nla_put_u16(msg, XSW_A_FDB_VLAN, flt->vlan) < 0) ||
	    (flt->with_static && nla_put_flag(msg, XSW_A_FDB_STATIC) < 0))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &fdb_attrs, NULL, NULL);
}

XSW_EXPORT
int xsw_fdb_flush(struct xsw_handle *h, const char *sw, const char *port,
		  bool with_static)
{
	struct xsw_fdb_filter flt = { .port = port, .with_static = with_static };

	return xsw_fdb_flush_match(h, sw, &flt);
}
