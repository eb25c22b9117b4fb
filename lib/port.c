// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Ports: XSW_CMD_PORT_{NEW,DEL,GET,SET}.
 */
#include <errno.h>
#include <string.h>

#include "internal.h"

_Static_assert(IF_NAMESIZE == IFNAMSIZ, "struct xsw_port_info.ifname");

static const struct nla_policy port_policy[XSW_A_PORT_MAX + 1] = {
	[XSW_A_PORT_IFINDEX]	    = { .type = NLA_U32 },
	[XSW_A_PORT_IFNAME]	    = { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[XSW_A_PORT_SWITCH_IFINDEX] = { .type = NLA_U32 },
	[XSW_A_PORT_SWITCH_IFNAME]  = { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[XSW_A_PORT_TYPE]	    = { .type = NLA_U8 },
	[XSW_A_PORT_VLAN_MODE]	    = { .type = NLA_U8 },
	[XSW_A_PORT_PVID]	    = { .type = NLA_U16 },
	[XSW_A_PORT_VLANS]	    = { .minlen = XSW_VLAN_BITMAP_LEN },
	[XSW_A_PORT_NATIVE_VLAN]    = { .type = NLA_U16 },
	[XSW_A_PORT_MAC]	    = { .minlen = 6 },
	[XSW_A_PORT_MAC_SPOOFING]   = { .type = NLA_U8 },
	[XSW_A_PORT_DHCP_GUARD]	    = { .type = NLA_U8 },
	[XSW_A_PORT_ROUTER_GUARD]   = { .type = NLA_U8 },
	[XSW_A_PORT_ISOLATED]	    = { .type = NLA_U8 },
	[XSW_A_PORT_LEARN_LIMIT]    = { .type = NLA_U32 },
	[XSW_A_PORT_LEARNED]	    = { .type = NLA_U32 },
	[XSW_A_PORT_CARRIER]	    = { .type = NLA_U8 },
	[XSW_A_PORT_MTU]	    = { .type = NLA_U32 },
	[XSW_A_PORT_STATS]	    = { .type = NLA_NESTED },
};

static const char *const port_names[XSW_A_PORT_MAX + 1] = {
	[XSW_A_PORT_IFINDEX]	    = "ifindex",
	[XSW_A_PORT_IFNAME]	    = "ifname",
	[XSW_A_PORT_SWITCH_IFINDEX] = "switch_ifindex",
	[XSW_A_PORT_SWITCH_IFNAME]  = "switch_ifname",
	[XSW_A_PORT_TYPE]	    = "type",
	[XSW_A_PORT_VLAN_MODE]	    = "vlan_mode",
	[XSW_A_PORT_PVID]	    = "pvid",
	[XSW_A_PORT_VLANS]	    = "vlans",
	[XSW_A_PORT_NATIVE_VLAN]    = "native_vlan",
	[XSW_A_PORT_MAC]	    = "mac",
	[XSW_A_PORT_MAC_SPOOFING]   = "mac_spoofing",
	[XSW_A_PORT_DHCP_GUARD]	    = "dhcp_guard",
	[XSW_A_PORT_ROUTER_GUARD]   = "router_guard",
	[XSW_A_PORT_ISOLATED]	    = "isolated",
	[XSW_A_PORT_LEARN_LIMIT]    = "learn_limit",
	[XSW_A_PORT_LEARNED]	    = "learned",
	[XSW_A_PORT_CARRIER]	    = "carrier",
	[XSW_A_PORT_MTU]	    = "mtu",
	[XSW_A_PORT_STATS]	    = "stats",
};

static const struct xsw_attrs port_attrs = {
	.maxattr = XSW_A_PORT_MAX,
	.policy	 = port_policy,
	.names	 = port_names,
};

static uint8_t get_u8(struct nlattr *a)
{
	return a ? nla_get_u8(a) : 0;
}

static uint16_t get_u16(struct nlattr *a)
{
	return a ? nla_get_u16(a) : 0;
}

static uint32_t get_u32(struct nlattr *a)
{
	return a ? nla_get_u32(a) : 0;
}

static int to_info(struct xsw_handle *h, struct nlattr **tb,
		   struct xsw_port_info *p)
{
	if (!tb[XSW_A_PORT_IFINDEX] || !tb[XSW_A_PORT_IFNAME])
		return xsw_seterr(h, -EBADMSG,
				  "kernel sent a port without ifindex or ifname");

	memset(p, 0, sizeof(*p));
	p->ifindex = nla_get_u32(tb[XSW_A_PORT_IFINDEX]);
	nla_strlcpy(p->ifname, tb[XSW_A_PORT_IFNAME], sizeof(p->ifname));
	p->switch_ifindex = get_u32(tb[XSW_A_PORT_SWITCH_IFINDEX]);
	if (tb[XSW_A_PORT_SWITCH_IFNAME])
		nla_strlcpy(p->switch_ifname, tb[XSW_A_PORT_SWITCH_IFNAME],
			    sizeof(p->switch_ifname));
	p->type = get_u8(tb[XSW_A_PORT_TYPE]);
	p->vlan_mode = get_u8(tb[XSW_A_PORT_VLAN_MODE]);
	p->pvid = get_u16(tb[XSW_A_PORT_PVID]);
	p->native_vlan = get_u16(tb[XSW_A_PORT_NATIVE_VLAN]);
	if (tb[XSW_A_PORT_VLANS])
		memcpy(p->vlans, nla_data(tb[XSW_A_PORT_VLANS]),
		       sizeof(p->vlans));
	if (tb[XSW_A_PORT_MAC]) {
		p->has_mac = true;
		memcpy(p->mac, nla_data(tb[XSW_A_PORT_MAC]), sizeof(p->mac));
	}
	p->mac_spoofing = get_u8(tb[XSW_A_PORT_MAC_SPOOFING]);
	p->dhcp_guard = get_u8(tb[XSW_A_PORT_DHCP_GUARD]);
	p->router_guard = get_u8(tb[XSW_A_PORT_ROUTER_GUARD]);
	p->isolated = get_u8(tb[XSW_A_PORT_ISOLATED]);
	p->learn_limit = get_u32(tb[XSW_A_PORT_LEARN_LIMIT]);
	p->learned = get_u32(tb[XSW_A_PORT_LEARNED]);
	p->carrier = get_u8(tb[XSW_A_PORT_CARRIER]);
	p->mtu = get_u32(tb[XSW_A_PORT_MTU]);
	return xsw_stats_parse(h, tb[XSW_A_PORT_STATS], &p->stats);
}

/* Reply of NEW and GET (do): fill the caller's struct, if any. */
static int parse_one(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	struct xsw_port_info tmp;

	return to_info(h, tb, arg ? arg : &tmp);
}

struct dump_ctx {
	int (*cb)(const struct xsw_port_info *port, void *arg);
	void *arg;
};

static int parse_dump(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	struct dump_ctx *ctx = arg;
	struct xsw_port_info port;
	int err;

	err = to_info(h, tb, &port);
	if (err)
		return err;
	return ctx->cb(&port, ctx->arg);
}

/* XSW_CMD_PORT_NEW: @name is the existing device, or the one to create. */
static int port_new(struct xsw_handle *h, const char *sw, const char *name,
		    uint8_t type, struct xsw_port_info *out)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_PORT_NEW);

	if (out)
		memset(out, 0, sizeof(*out));
	if (xsw_put_ifname(h, msg, XSW_A_PORT_SWITCH_IFNAME, "switch", sw) ||
	    xsw_put_ifname(h, msg, XSW_A_PORT_IFNAME, "port", name) ||
	    (type && nla_put_u8(msg, XSW_A_PORT_TYPE, type) < 0))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &port_attrs, parse_one, out);
}

XSW_EXPORT
int xsw_port_add(struct xsw_handle *h, const char *sw, const char *dev,
		 uint8_t type, struct xsw_port_info *out)
{
	if (type == XSW_PORT_TYPE_INTERNAL) {
		/* xsw_msg_new() starts every call: it clears the error */
		nlmsg_free(xsw_msg_new(h, XSW_CMD_PORT_NEW));
		if (out)
			memset(out, 0, sizeof(*out));
		return xsw_seterr(h, -EINVAL,
				  "internal ports are created with xsw_port_add_internal()");
	}
	return port_new(h, sw, dev, type, out);
}

XSW_EXPORT
int xsw_port_add_internal(struct xsw_handle *h, const char *sw,
			  const char *name, struct xsw_port_info *out)
{
	return port_new(h, sw, name, XSW_PORT_TYPE_INTERNAL, out);
}

XSW_EXPORT
int xsw_port_del(struct xsw_handle *h, const char *name)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_PORT_DEL);

	if (xsw_put_ifname(h, msg, XSW_A_PORT_IFNAME, "port", name))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &port_attrs, NULL, NULL);
}

XSW_EXPORT
int xsw_port_get(struct xsw_handle *h, const char *name,
		 struct xsw_port_info *out)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_PORT_GET);
	int err;

	if (xsw_put_ifname(h, msg, XSW_A_PORT_IFNAME, "port", name))
		return xsw_abort(h, msg);
	memset(out, 0, sizeof(*out));
	err = xsw_do(h, msg, &port_attrs, parse_one, out);
	if (!err && !out->ifindex)
		err = xsw_seterr(h, -EBADMSG, "kernel sent no port");
	return err;
}

XSW_EXPORT
int xsw_port_dump(struct xsw_handle *h, const char *sw,
		  int (*cb)(const struct xsw_port_info *port, void *arg),
		  void *arg)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_PORT_GET);
	struct dump_ctx ctx = { .cb = cb, .arg = arg };

	if (sw && xsw_put_ifname(h, msg, XSW_A_PORT_SWITCH_IFNAME, "switch",
				 sw))
		return xsw_abort(h, msg);
	return xsw_dump(h, msg, &port_attrs, parse_dump, &ctx);
}

static int put_bool(struct nl_msg *msg, int attrtype, bool value)
{
	return nla_put_u8(msg, attrtype, value ? 1 : 0);
}

/* The attributes @cfg->set asks for; non-zero when they do not fit. */
static int put_config(struct nl_msg *msg, const struct xsw_port_config *cfg)
{
	uint32_t set = cfg->set;

	return ((set & XSW_PORT_CFG_VLAN_MODE) &&
		nla_put_u8(msg, XSW_A_PORT_VLAN_MODE, cfg->vlan_mode) < 0) ||
	       ((set & XSW_PORT_CFG_PVID) &&
		nla_put_u16(msg, XSW_A_PORT_PVID, cfg->pvid) < 0) ||
	       ((set & XSW_PORT_CFG_VLANS) &&
		nla_put(msg, XSW_A_PORT_VLANS, sizeof(cfg->vlans),
			cfg->vlans) < 0) ||
	       ((set & XSW_PORT_CFG_NATIVE_VLAN) &&
		nla_put_u16(msg, XSW_A_PORT_NATIVE_VLAN,
			    cfg->native_vlan) < 0) ||
	       ((set & XSW_PORT_CFG_MAC) &&
		nla_put(msg, XSW_A_PORT_MAC, sizeof(cfg->mac), cfg->mac) < 0) ||
	       ((set & XSW_PORT_CFG_MAC_SPOOFING) &&
		put_bool(msg, XSW_A_PORT_MAC_SPOOFING, cfg->mac_spoofing) < 0) ||
	       ((set & XSW_PORT_CFG_DHCP_GUARD) &&
		put_bool(msg, XSW_A_PORT_DHCP_GUARD, cfg->dhcp_guard) < 0) ||
	       ((set & XSW_PORT_CFG_ROUTER_GUARD) &&
		put_bool(msg, XSW_A_PORT_ROUTER_GUARD, cfg->router_guard) < 0) ||
	       ((set & XSW_PORT_CFG_ISOLATED) &&
		put_bool(msg, XSW_A_PORT_ISOLATED, cfg->isolated) < 0) ||
	       ((set & XSW_PORT_CFG_LEARN_LIMIT) &&
		nla_put_u32(msg, XSW_A_PORT_LEARN_LIMIT, cfg->learn_limit) < 0);
}

XSW_EXPORT
int xsw_port_set(struct xsw_handle *h, const char *name,
		 const struct xsw_port_config *cfg)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_PORT_SET);

	if (!msg)
		return h->err;
	if (cfg->set & ~XSW_PORT_CFG_ALL) {
		nlmsg_free(msg);
		return xsw_seterr(h, -EINVAL,
				  "unknown port settings 0x%x",
				  cfg->set & ~XSW_PORT_CFG_ALL);
	}
	if (xsw_put_ifname(h, msg, XSW_A_PORT_IFNAME, "port", name) ||
	    put_config(msg, cfg))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &port_attrs, NULL, NULL);
}
