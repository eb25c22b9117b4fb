// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Network virtualisation: XSW_CMD_VNET_*, _VSUBNET_*, _PA_*, _VPORT_* and
 * _MAP_*.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "internal.h"

#define ADDR_POLICY { .minlen = 4, .maxlen = 16 }

/* ------------------------------------------------------------ addresses */

XSW_EXPORT
int xsw_vaddr_parse(const char *text, struct xsw_vaddr *a)
{
	memset(a, 0, sizeof(*a));
	if (inet_pton(AF_INET, text, a->addr) == 1) {
		a->family = AF_INET;
		return 0;
	}
	if (inet_pton(AF_INET6, text, a->addr) == 1) {
		a->family = AF_INET6;
		return 0;
	}
	return -EINVAL;
}

XSW_EXPORT
int xsw_vprefix_parse(const char *text, struct xsw_vprefix *p)
{
	char buf[INET6_ADDRSTRLEN + 5], *slash, *end;
	unsigned long len;

	if (strlen(text) >= sizeof(buf))
		return -EINVAL;
	strcpy(buf, text);
	slash = strchr(buf, '/');
	if (!slash || !slash[1])
		return -EINVAL;
	*slash = '\0';
	if (xsw_vaddr_parse(buf, &p->addr))
		return -EINVAL;
	errno = 0;
	len = strtoul(slash + 1, &end, 10);
	if (*end || errno ||
	    len > (p->addr.family == AF_INET ? 32UL : 128UL))
		return -EINVAL;
	p->len = len;
	return 0;
}

XSW_EXPORT
const char *xsw_vaddr_str(const struct xsw_vaddr *a, char *buf, size_t len)
{
	if (!inet_ntop(a->family == AF_INET ? AF_INET : AF_INET6, a->addr,
		       buf, len))
		snprintf(buf, len, "?");
	return buf;
}

static size_t vaddr_len(const struct xsw_vaddr *a)
{
	return a->family == AF_INET ? 4 : 16;
}

static int put_vaddr(struct nl_msg *msg, int attr, const struct xsw_vaddr *a)
{
	return nla_put(msg, attr, vaddr_len(a), a->addr);
}

/* An address attribute of 4 or 16 bytes; -EBADMSG for another length. */
static int get_vaddr(struct xsw_handle *h, struct nlattr *attr,
		     struct xsw_vaddr *a)
{
	int len = nla_len(attr);

	memset(a, 0, sizeof(*a));
	if (len != 4 && len != 16)
		return xsw_seterr(h, -EBADMSG,
				  "kernel sent an address of %d bytes", len);
	a->family = len == 4 ? AF_INET : AF_INET6;
	memcpy(a->addr, nla_data(attr), len);
	return 0;
}

static int check_vaddr(struct xsw_handle *h, const struct xsw_vaddr *a,
		       const char *what)
{
	if (a->family != AF_INET && a->family != AF_INET6)
		return xsw_seterr(h, -EINVAL, "%s is not an IPv4 or IPv6 address",
				  what);
	return 0;
}

/* ---------------------------------------------------------------- vnets */

static const struct nla_policy vnet_policy[XSW_A_VNET_MAX + 1] = {
	[XSW_A_VNET_NAME]	  = { .type = NLA_STRING,
				      .maxlen = XSW_VNET_NAME_LEN },
	[XSW_A_VNET_RDID]	  = { .type = NLA_U32 },
	[XSW_A_VNET_NUM_VSUBNETS] = { .type = NLA_U32 },
	[XSW_A_VNET_GEN]	  = { .type = NLA_U64 },
};

static const char *const vnet_names[XSW_A_VNET_MAX + 1] = {
	[XSW_A_VNET_NAME]	  = "name",
	[XSW_A_VNET_RDID]	  = "rdid",
	[XSW_A_VNET_NUM_VSUBNETS] = "num_vsubnets",
	[XSW_A_VNET_GEN]	  = "gen",
};

static const struct xsw_attrs vnet_attrs = {
	.maxattr = XSW_A_VNET_MAX,
	.policy	 = vnet_policy,
	.names	 = vnet_names,
};

static int vnet_parse(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	struct xsw_vnet_info *v = arg;

	if (!tb[XSW_A_VNET_NAME] || !tb[XSW_A_VNET_RDID])
		return xsw_seterr(h, -EBADMSG,
				  "kernel sent a vnet without name or rdid");
	memset(v, 0, sizeof(*v));
	nla_strlcpy(v->name, tb[XSW_A_VNET_NAME], sizeof(v->name));
	v->rdid = nla_get_u32(tb[XSW_A_VNET_RDID]);
	if (tb[XSW_A_VNET_NUM_VSUBNETS])
		v->num_vsubnets = nla_get_u32(tb[XSW_A_VNET_NUM_VSUBNETS]);
	if (tb[XSW_A_VNET_GEN])
		v->gen = nla_get_u64(tb[XSW_A_VNET_GEN]);
	return 0;
}

struct vnet_dump {
	int (*cb)(const struct xsw_vnet_info *vnet, void *arg);
	void *arg;
};

static int vnet_dump_one(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	struct vnet_dump *d = arg;
	struct xsw_vnet_info v;
	int err = vnet_parse(h, tb, &v);

	return err ? err : d->cb(&v, d->arg);
}

static int put_vnet_name(struct xsw_handle *h, struct nl_msg *msg,
			 const char *name)
{
	if (!msg)
		return h->err;
	if (!name || !*name || strlen(name) >= XSW_VNET_NAME_LEN)
		return xsw_seterr(h, -EINVAL, "vnet name must be 1..%d characters",
				  XSW_VNET_NAME_LEN - 1);
	return nla_put_string(msg, XSW_A_VNET_NAME, name) < 0 ? -EMSGSIZE : 0;
}

XSW_EXPORT
int xsw_vnet_add(struct xsw_handle *h, const char *name, uint32_t rdid)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_VNET_NEW);

	if (put_vnet_name(h, msg, name) ||
	    nla_put_u32(msg, XSW_A_VNET_RDID, rdid) < 0)
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &vnet_attrs, NULL, NULL);
}

XSW_EXPORT
int xsw_vnet_del(struct xsw_handle *h, const char *name)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_VNET_DEL);

	if (put_vnet_name(h, msg, name))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &vnet_attrs, NULL, NULL);
}

XSW_EXPORT
int xsw_vnet_get(struct xsw_handle *h, const char *name,
		 struct xsw_vnet_info *info)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_VNET_GET);

	if (put_vnet_name(h, msg, name))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &vnet_attrs, vnet_parse, info);
}

XSW_EXPORT
int xsw_vnet_dump(struct xsw_handle *h,
		  int (*cb)(const struct xsw_vnet_info *vnet, void *arg),
		  void *arg)
{
	struct vnet_dump d = { .cb = cb, .arg = arg };

	return xsw_dump(h, xsw_msg_new(h, XSW_CMD_VNET_GET), &vnet_attrs,
			vnet_dump_one, &d);
}

/* ------------------------------------------------------------- vsubnets */

static const struct nla_policy vsubnet_policy[XSW_A_VSUBNET_MAX + 1] = {
	[XSW_A_VSUBNET_VSID]	  = { .type = NLA_U32 },
	[XSW_A_VSUBNET_VNET]	  = { .type = NLA_STRING,
				      .maxlen = XSW_VNET_NAME_LEN },
	[XSW_A_VSUBNET_RDID]	  = { .type = NLA_U32 },
	[XSW_A_VSUBNET_PREFIXES]  = { .type = NLA_NESTED },
	[XSW_A_VSUBNET_GATEWAY]	  = ADDR_POLICY,
	[XSW_A_VSUBNET_ENCAP]	  = { .type = NLA_U8 },
	[XSW_A_VSUBNET_NUM_PORTS] = { .type = NLA_U32 },
	[XSW_A_VSUBNET_NUM_MAPS]  = { .type = NLA_U32 },
	[XSW_A_VSUBNET_NUM_PAS]	  = { .type = NLA_U32 },
	[XSW_A_VSUBNET_GEN]	  = { .type = NLA_U64 },
	[XSW_A_VSUBNET_STATS]	  = { .type = NLA_NESTED },
};

static const char *const vsubnet_names[XSW_A_VSUBNET_MAX + 1] = {
	[XSW_A_VSUBNET_VSID]	  = "vsid",
	[XSW_A_VSUBNET_VNET]	  = "vnet",
	[XSW_A_VSUBNET_RDID]	  = "rdid",
	[XSW_A_VSUBNET_PREFIXES]  = "prefixes",
	[XSW_A_VSUBNET_GATEWAY]	  = "gateway",
	[XSW_A_VSUBNET_ENCAP]	  = "encap",
	[XSW_A_VSUBNET_NUM_PORTS] = "num_ports",
	[XSW_A_VSUBNET_NUM_MAPS]  = "num_maps",
	[XSW_A_VSUBNET_NUM_PAS]	  = "num_pas",
	[XSW_A_VSUBNET_GEN]	  = "gen",
	[XSW_A_VSUBNET_STATS]	  = "stats",
};

static const struct xsw_attrs vsubnet_attrs = {
	.maxattr = XSW_A_VSUBNET_MAX,
	.policy	 = vsubnet_policy,
	.names	 = vsubnet_names,
};

static int prefixes_parse(struct xsw_handle *h, struct nlattr *all,
			  struct xsw_vsubnet_info *v)
{
	struct nlattr *nest, *tb[XSW_A_VPREFIX_MAX + 1];
	int rem, err;

	nla_for_each_nested(nest, all, rem) {
		struct xsw_vprefix *p = &v->prefixes[v->n_prefixes];

		if (v->n_prefixes == XSW_VSUBNET_PREFIXES_MAX)
			return xsw_seterr(h, -EBADMSG,
					  "kernel sent too many prefixes");
		if (nla_parse_nested(tb, XSW_A_VPREFIX_MAX, nest, NULL) ||
		    !tb[XSW_A_VPREFIX_ADDR] || !tb[XSW_A_VPREFIX_LEN])
			return xsw_seterr(h, -EBADMSG,
					  "kernel sent a malformed prefix");
		err = get_vaddr(h, tb[XSW_A_VPREFIX_ADDR], &p->addr);
		if (err)
			return err;
		p->len = nla_get_u8(tb[XSW_A_VPREFIX_LEN]);
		v->n_prefixes++;
	}
	return 0;
}

static const struct nla_policy vsubnet_stats_policy[XSW_A_VSUBNET_STATS_MAX + 1] = {
	[XSW_A_VSUBNET_STATS_IN_PACKETS ... XSW_A_VSUBNET_STATS_DECAP_BYTES] =
		{ .type = NLA_U64 },
};

static int vsubnet_stats_parse(struct xsw_handle *h, struct nlattr *nest,
			       struct xsw_vsubnet_stats *st)
{
	struct nlattr *tb[XSW_A_VSUBNET_STATS_MAX + 1];
	uint64_t *out[] = {
		[XSW_A_VSUBNET_STATS_IN_PACKETS]    = &st->in_packets,
		[XSW_A_VSUBNET_STATS_IN_BYTES]	    = &st->in_bytes,
		[XSW_A_VSUBNET_STATS_OUT_PACKETS]   = &st->out_packets,
		[XSW_A_VSUBNET_STATS_OUT_BYTES]	    = &st->out_bytes,
		[XSW_A_VSUBNET_STATS_ENCAP_PACKETS] = &st->encap_packets,
		[XSW_A_VSUBNET_STATS_ENCAP_BYTES]   = &st->encap_bytes,
		[XSW_A_VSUBNET_STATS_DECAP_PACKETS] = &st->decap_packets,
		[XSW_A_VSUBNET_STATS_DECAP_BYTES]   = &st->decap_bytes,
	};
	int i, err;

	err = nla_parse_nested(tb, XSW_A_VSUBNET_STATS_MAX, nest,
			       vsubnet_stats_policy);
	if (err < 0)
		return xsw_seterr(h, -EBADMSG,
				  "malformed reply from the kernel: vsubnet statistics: %s",
				  nl_geterror(err));
	for (i = XSW_A_VSUBNET_STATS_IN_PACKETS;
	     i <= XSW_A_VSUBNET_STATS_DECAP_BYTES; i++)
		if (tb[i])
			*out[i] = nla_get_u64(tb[i]);
	return 0;
}

static int vsubnet_parse(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	struct xsw_vsubnet_info *v = arg;
	int err;

	if (!tb[XSW_A_VSUBNET_VSID] || !tb[XSW_A_VSUBNET_VNET])
		return xsw_seterr(h, -EBADMSG,
				  "kernel sent a vsubnet without vsid or vnet");
	memset(v, 0, sizeof(*v));
	v->vsid = nla_get_u32(tb[XSW_A_VSUBNET_VSID]);
	nla_strlcpy(v->vnet, tb[XSW_A_VSUBNET_VNET], sizeof(v->vnet));
	if (tb[XSW_A_VSUBNET_RDID])
		v->rdid = nla_get_u32(tb[XSW_A_VSUBNET_RDID]);
	if (tb[XSW_A_VSUBNET_PREFIXES]) {
		err = prefixes_parse(h, tb[XSW_A_VSUBNET_PREFIXES], v);
		if (err)
			return err;
	}
	if (tb[XSW_A_VSUBNET_GATEWAY]) {
		err = get_vaddr(h, tb[XSW_A_VSUBNET_GATEWAY], &v->gateway);
		if (err)
			return err;
		v->has_gateway = true;
	}
	if (tb[XSW_A_VSUBNET_ENCAP])
		v->encap = nla_get_u8(tb[XSW_A_VSUBNET_ENCAP]);
	if (tb[XSW_A_VSUBNET_NUM_PORTS])
		v->num_ports = nla_get_u32(tb[XSW_A_VSUBNET_NUM_PORTS]);
	if (tb[XSW_A_VSUBNET_NUM_MAPS])
		v->num_maps = nla_get_u32(tb[XSW_A_VSUBNET_NUM_MAPS]);
	if (tb[XSW_A_VSUBNET_NUM_PAS])
		v->num_pas = nla_get_u32(tb[XSW_A_VSUBNET_NUM_PAS]);
	if (tb[XSW_A_VSUBNET_GEN])
		v->gen = nla_get_u64(tb[XSW_A_VSUBNET_GEN]);
	if (tb[XSW_A_VSUBNET_STATS]) {
		v->has_stats = true;
		return vsubnet_stats_parse(h, tb[XSW_A_VSUBNET_STATS],
					   &v->stats);
	}
	return 0;
}

struct vsubnet_dump {
	int (*cb)(const struct xsw_vsubnet_info *vs, void *arg);
	void *arg;
};

static int vsubnet_dump_one(struct xsw_handle *h, struct nlattr **tb,
			    void *arg)
{
	struct vsubnet_dump *d = arg;
	struct xsw_vsubnet_info v;
	int err = vsubnet_parse(h, tb, &v);

	return err ? err : d->cb(&v, d->arg);
}

static int put_prefixes(struct nl_msg *msg, const struct xsw_vsubnet_info *vs)
{
	struct nlattr *all, *one;
	unsigned int i;

	all = nla_nest_start(msg, XSW_A_VSUBNET_PREFIXES);
	if (!all)
		return -1;
	for (i = 0; i < vs->n_prefixes; i++) {
		one = nla_nest_start(msg, XSW_A_VSUBNET_PREFIX);
		if (!one ||
		    put_vaddr(msg, XSW_A_VPREFIX_ADDR, &vs->prefixes[i].addr) < 0 ||
		    nla_put_u8(msg, XSW_A_VPREFIX_LEN, vs->prefixes[i].len) < 0)
			return -1;
		nla_nest_end(msg, one);
	}
	return nla_nest_end(msg, all) < 0;
}

XSW_EXPORT
int xsw_vsubnet_add(struct xsw_handle *h, const struct xsw_vsubnet_info *vs)
{
	struct nl_msg *msg;

	if (vs->n_prefixes > XSW_VSUBNET_PREFIXES_MAX)
		return xsw_seterr(h, -EINVAL, "at most %d prefixes",
				  XSW_VSUBNET_PREFIXES_MAX);
	msg = xsw_msg_new(h, XSW_CMD_VSUBNET_NEW);
	if (!msg || nla_put_u32(msg, XSW_A_VSUBNET_VSID, vs->vsid) < 0 ||
	    nla_put_string(msg, XSW_A_VSUBNET_VNET, vs->vnet) < 0 ||
	    (vs->n_prefixes && put_prefixes(msg, vs)) ||
	    (vs->has_gateway &&
	     put_vaddr(msg, XSW_A_VSUBNET_GATEWAY, &vs->gateway) < 0) ||
	    (vs->encap && nla_put_u8(msg, XSW_A_VSUBNET_ENCAP, vs->encap) < 0))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &vsubnet_attrs, NULL, NULL);
}

/* A request that names one VSID. */
static int vsid_req(struct xsw_handle *h, uint8_t cmd, int attr,
		    uint32_t vsid, const struct xsw_attrs *attrs,
		    xsw_parse_fn parse, void *arg)
{
	struct nl_msg *msg = xsw_msg_new(h, cmd);

	if (!msg || nla_put_u32(msg, attr, vsid) < 0)
		return xsw_abort(h, msg);
	return xsw_do(h, msg, attrs, parse, arg);
}

XSW_EXPORT
int xsw_vsubnet_del(struct xsw_handle *h, uint32_t vsid)
{
	return vsid_req(h, XSW_CMD_VSUBNET_DEL, XSW_A_VSUBNET_VSID, vsid,
			&vsubnet_attrs, NULL, NULL);
}

XSW_EXPORT
int xsw_vsubnet_get(struct xsw_handle *h, uint32_t vsid,
		    struct xsw_vsubnet_info *info)
{
	return vsid_req(h, XSW_CMD_VSUBNET_GET, XSW_A_VSUBNET_VSID, vsid,
			&vsubnet_attrs, vsubnet_parse, info);
}

XSW_EXPORT
int xsw_vsubnet_dump(struct xsw_handle *h,
		     int (*cb)(const struct xsw_vsubnet_info *vs, void *arg),
		     void *arg)
{
	struct vsubnet_dump d = { .cb = cb, .arg = arg };

	return xsw_dump(h, xsw_msg_new(h, XSW_CMD_VSUBNET_GET), &vsubnet_attrs,
			vsubnet_dump_one, &d);
}

/* ------------------------------------------------------------------ PAs */

static const struct nla_policy pa_policy[XSW_A_PA_MAX + 1] = {
	[XSW_A_PA_SWITCH_IFINDEX] = { .type = NLA_U32 },
	[XSW_A_PA_SWITCH_IFNAME]  = { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[XSW_A_PA_ADDR]		  = ADDR_POLICY,
	[XSW_A_PA_GEN]		  = { .type = NLA_U64 },
};

static const char *const pa_names[XSW_A_PA_MAX + 1] = {
	[XSW_A_PA_SWITCH_IFINDEX] = "switch_ifindex",
	[XSW_A_PA_SWITCH_IFNAME]  = "switch_ifname",
	[XSW_A_PA_ADDR]		  = "addr",
	[XSW_A_PA_GEN]		  = "gen",
};

static const struct xsw_attrs pa_attrs = {
	.maxattr = XSW_A_PA_MAX,
	.policy	 = pa_policy,
	.names	 = pa_names,
};

struct pa_dump {
	int (*cb)(const struct xsw_pa_info *pa, void *arg);
	void *arg;
};

static int pa_dump_one(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	struct pa_dump *d = arg;
	struct xsw_pa_info p;
	int err;

	if (!tb[XSW_A_PA_ADDR])
		return xsw_seterr(h, -EBADMSG, "kernel sent a pa without address");
	memset(&p, 0, sizeof(p));
	err = get_vaddr(h, tb[XSW_A_PA_ADDR], &p.addr);
	if (err)
		return err;
	if (tb[XSW_A_PA_SWITCH_IFINDEX])
		p.switch_ifindex = nla_get_u32(tb[XSW_A_PA_SWITCH_IFINDEX]);
	if (tb[XSW_A_PA_SWITCH_IFNAME])
		nla_strlcpy(p.switch_ifname, tb[XSW_A_PA_SWITCH_IFNAME],
			    sizeof(p.switch_ifname));
	if (tb[XSW_A_PA_GEN])
		p.gen = nla_get_u64(tb[XSW_A_PA_GEN]);
	return d->cb(&p, d->arg);
}

static int pa_req(struct xsw_handle *h, uint8_t cmd, const char *sw,
		  const struct xsw_vaddr *addr)
{
	struct nl_msg *msg = xsw_msg_new(h, cmd);

	if (check_vaddr(h, addr, "pa"))
		return xsw_abort(h, msg);
	if (xsw_put_ifname(h, msg, XSW_A_PA_SWITCH_IFNAME, "switch", sw) ||
	    put_vaddr(msg, XSW_A_PA_ADDR, addr) < 0)
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &pa_attrs, NULL, NULL);
}

XSW_EXPORT
int xsw_pa_add(struct xsw_handle *h, const char *sw,
	       const struct xsw_vaddr *addr)
{
	return pa_req(h, XSW_CMD_PA_NEW, sw, addr);
}

XSW_EXPORT
int xsw_pa_del(struct xsw_handle *h, const char *sw,
	       const struct xsw_vaddr *addr)
{
	return pa_req(h, XSW_CMD_PA_DEL, sw, addr);
}

XSW_EXPORT
int xsw_pa_dump(struct xsw_handle *h,
		int (*cb)(const struct xsw_pa_info *pa, void *arg), void *arg)
{
	struct pa_dump d = { .cb = cb, .arg = arg };

	return xsw_dump(h, xsw_msg_new(h, XSW_CMD_PA_GET), &pa_attrs,
			pa_dump_one, &d);
}

/* ---------------------------------------------------------------- ports */

static const struct nla_policy vport_policy[XSW_A_VPORT_MAX + 1] = {
	[XSW_A_VPORT_PORT_IFINDEX] = { .type = NLA_U32 },
	[XSW_A_VPORT_PORT_IFNAME]  = { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[XSW_A_VPORT_VSID]	   = { .type = NLA_U32 },
	[XSW_A_VPORT_CAS]	   = { .type = NLA_NESTED },
	[XSW_A_VPORT_GEN]	   = { .type = NLA_U64 },
};

static const char *const vport_names[XSW_A_VPORT_MAX + 1] = {
	[XSW_A_VPORT_PORT_IFINDEX] = "port_ifindex",
	[XSW_A_VPORT_PORT_IFNAME]  = "port_ifname",
	[XSW_A_VPORT_VSID]	   = "vsid",
	[XSW_A_VPORT_CAS]	   = "cas",
	[XSW_A_VPORT_CA]	   = "ca",
	[XSW_A_VPORT_GEN]	   = "gen",
};

static const struct xsw_attrs vport_attrs = {
	.maxattr = XSW_A_VPORT_MAX,
	.policy	 = vport_policy,
	.names	 = vport_names,
};

struct vport_dump {
	int (*cb)(const struct xsw_vport_info *vp, void *arg);
	void *arg;
};

static int vport_dump_one(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	struct vport_dump *d = arg;
	struct xsw_vport_info v;
	struct nlattr *ca;
	int rem, err;

	memset(&v, 0, sizeof(v));
	if (tb[XSW_A_VPORT_PORT_IFINDEX])
		v.ifindex = nla_get_u32(tb[XSW_A_VPORT_PORT_IFINDEX]);
	if (tb[XSW_A_VPORT_PORT_IFNAME])
		nla_strlcpy(v.ifname, tb[XSW_A_VPORT_PORT_IFNAME],
			    sizeof(v.ifname));
	if (tb[XSW_A_VPORT_VSID])
		v.vsid = nla_get_u32(tb[XSW_A_VPORT_VSID]);
	if (tb[XSW_A_VPORT_GEN])
		v.gen = nla_get_u64(tb[XSW_A_VPORT_GEN]);
	if (tb[XSW_A_VPORT_CAS])
		nla_for_each_nested(ca, tb[XSW_A_VPORT_CAS], rem) {
			if (v.n_cas == XSW_VPORT_CAS_MAX)
				return xsw_seterr(h, -EBADMSG,
						  "kernel sent too many cas");
			err = get_vaddr(h, ca, &v.cas[v.n_cas++]);
			if (err)
				return err;
		}
	return d->cb(&v, d->arg);
}

XSW_EXPORT
int xsw_vport_set(struct xsw_handle *h, const char *port, uint32_t vsid,
		  const struct xsw_vaddr *cas, unsigned int n_cas)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_VPORT_SET);
	struct nlattr *nest;
	unsigned int i;

	if (xsw_put_ifname(h, msg, XSW_A_VPORT_PORT_IFNAME, "port", port) ||
	    nla_put_u32(msg, XSW_A_VPORT_VSID, vsid) < 0)
		return xsw_abort(h, msg);
	if (n_cas) {
		nest = nla_nest_start(msg, XSW_A_VPORT_CAS);
		if (!nest)
			return xsw_abort(h, msg);
		for (i = 0; i < n_cas; i++)
			if (check_vaddr(h, &cas[i], "ca") ||
			    put_vaddr(msg, XSW_A_VPORT_CA, &cas[i]) < 0)
				return xsw_abort(h, msg);
		nla_nest_end(msg, nest);
	}
	return xsw_do(h, msg, &vport_attrs, NULL, NULL);
}

XSW_EXPORT
int xsw_vport_dump(struct xsw_handle *h,
		   int (*cb)(const struct xsw_vport_info *vp, void *arg),
		   void *arg)
{
	struct vport_dump d = { .cb = cb, .arg = arg };

	return xsw_dump(h, xsw_msg_new(h, XSW_CMD_VPORT_GET), &vport_attrs,
			vport_dump_one, &d);
}

/* ------------------------------------------------------------- mappings */

static const struct nla_policy map_policy[XSW_A_MAP_MAX + 1] = {
	[XSW_A_MAP_VSID]    = { .type = NLA_U32 },
	[XSW_A_MAP_CA]	    = ADDR_POLICY,
	[XSW_A_MAP_MAC]	    = { .minlen = 6 },
	[XSW_A_MAP_PA]	    = ADDR_POLICY,
	[XSW_A_MAP_RDID]    = { .type = NLA_U32 },
	[XSW_A_MAP_GEN]	    = { .type = NLA_U64 },
	[XSW_A_MAP_HITS]    = { .type = NLA_U64 },
	[XSW_A_MAP_COUNT]   = { .type = NLA_U32 },
	[XSW_A_MAP_GEN_MIN] = { .type = NLA_U64 },
};

static const char *const map_names[XSW_A_MAP_MAX + 1] = {
	[XSW_A_MAP_VSID]    = "vsid",
	[XSW_A_MAP_CA]	    = "ca",
	[XSW_A_MAP_MAC]	    = "mac",
	[XSW_A_MAP_PA]	    = "pa",
	[XSW_A_MAP_RDID]    = "rdid",
	[XSW_A_MAP_GEN]	    = "gen",
	[XSW_A_MAP_HITS]    = "hits",
	[XSW_A_MAP_ENTRIES] = "entries",
	[XSW_A_MAP_ENTRY]   = "entry",
	[XSW_A_MAP_COUNT]   = "count",
	[XSW_A_MAP_GEN_MIN] = "gen_min",
};

static const struct xsw_attrs map_attrs = {
	.maxattr = XSW_A_MAP_MAX,
	.policy	 = map_policy,
	.names	 = map_names,
};

static int check_map(struct xsw_handle *h, const struct xsw_map_info *m)
{
	return check_vaddr(h, &m->ca, "ca") ?: check_vaddr(h, &m->pa, "pa");
}

/* The four attributes of a mapping; non-zero when they do not fit. */
static int put_map(struct nl_msg *msg, const struct xsw_map_info *m)
{
	return nla_put_u32(msg, XSW_A_MAP_VSID, m->vsid) < 0 ||
	       put_vaddr(msg, XSW_A_MAP_CA, &m->ca) < 0 ||
	       nla_put(msg, XSW_A_MAP_MAC, 6, m->mac) < 0 ||
	       put_vaddr(msg, XSW_A_MAP_PA, &m->pa) < 0;
}

XSW_EXPORT
int xsw_map_add(struct xsw_handle *h, const struct xsw_map_info *m)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_MAP_NEW);

	if (!msg || check_map(h, m) || put_map(msg, m))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &map_attrs, NULL, NULL);
}

XSW_EXPORT
int xsw_map_del(struct xsw_handle *h, uint32_t vsid,
		const struct xsw_vaddr *ca)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_MAP_DEL);

	if (!msg || check_vaddr(h, ca, "ca") ||
	    nla_put_u32(msg, XSW_A_MAP_VSID, vsid) < 0 ||
	    put_vaddr(msg, XSW_A_MAP_CA, ca) < 0)
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &map_attrs, NULL, NULL);
}

struct map_dump {
	int (*cb)(const struct xsw_map_info *m, void *arg);
	void *arg;
};

static int map_dump_one(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	struct map_dump *d = arg;
	struct xsw_map_info m;
	int err;

	if (!tb[XSW_A_MAP_VSID] || !tb[XSW_A_MAP_CA] || !tb[XSW_A_MAP_MAC] ||
	    !tb[XSW_A_MAP_PA])
		return xsw_seterr(h, -EBADMSG,
				  "kernel sent an incomplete mapping");
	memset(&m, 0, sizeof(m));
	m.vsid = nla_get_u32(tb[XSW_A_MAP_VSID]);
	err = get_vaddr(h, tb[XSW_A_MAP_CA], &m.ca) ?:
	      get_vaddr(h, tb[XSW_A_MAP_PA], &m.pa);
	if (err)
		return err;
	memcpy(m.mac, nla_data(tb[XSW_A_MAP_MAC]), 6);
	if (tb[XSW_A_MAP_RDID])
		m.rdid = nla_get_u32(tb[XSW_A_MAP_RDID]);
	if (tb[XSW_A_MAP_GEN])
		m.gen = nla_get_u64(tb[XSW_A_MAP_GEN]);
	if (tb[XSW_A_MAP_HITS])
		m.hits = nla_get_u64(tb[XSW_A_MAP_HITS]);
	return d->cb(&m, d->arg);
}

XSW_EXPORT
int xsw_map_dump(struct xsw_handle *h, uint32_t vsid,
		 int (*cb)(const struct xsw_map_info *m, void *arg),
		 void *arg)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_MAP_GET);
	struct map_dump d = { .cb = cb, .arg = arg };

	if (!msg || (vsid && nla_put_u32(msg, XSW_A_MAP_VSID, vsid) < 0))
		return xsw_abort(h, msg);
	return xsw_dump(h, msg, &map_attrs, map_dump_one, &d);
}

XSW_EXPORT
int xsw_map_flush(struct xsw_handle *h, uint32_t vsid)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_MAP_FLUSH);

	if (!msg || (vsid && nla_put_u32(msg, XSW_A_MAP_VSID, vsid) < 0))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &map_attrs, NULL, NULL);
}

/* An attribute's length is 16 bits; nests stay 4-byte aligned. */
#define ENTRIES_ATTR_MAX	(65535 & ~3)

/* The bytes of one XSW_A_MAP_ENTRY of @m. */
static size_t entry_size(const struct xsw_map_info *m)
{
	return nla_total_size(nla_total_size(4) +
			      nla_total_size(vaddr_len(&m->ca)) +
			      nla_total_size(6) +
			      nla_total_size(vaddr_len(&m->pa)));
}

XSW_EXPORT
int xsw_map_add_bulk(struct xsw_handle *h, const struct xsw_map_info *maps,
		     size_t n, size_t *bad)
{
	struct nlattr *nest = NULL, *entry;
	size_t i, used = 0, total, size;
	uint32_t *off = NULL;
	struct nl_msg *msg;
	int err;

	if (bad)
		*bad = n;
	if (!n)
		return xsw_seterr(h, -EINVAL, "no mapping to add");
	total = NLMSG_HDRLEN + GENL_HDRLEN;
	for (i = 0; i < n; i++)
		total += entry_size(&maps[i]) + NLA_HDRLEN;
	off = calloc(n, sizeof(*off));
	msg = xsw_msg_new_size(h, XSW_CMD_MAP_BULK, total);
	if (!off || !msg) {
		free(off);
		if (msg)
			nlmsg_free(msg);
		return xsw_seterr(h, -ENOMEM, "out of memory");
	}
	for (i = 0; i < n; i++) {
		if (check_map(h, &maps[i])) {
			free(off);
			return xsw_abort(h, msg);
		}
		size = entry_size(&maps[i]);
		if (nest && used + size > ENTRIES_ATTR_MAX) {
			nla_nest_end(msg, nest);
			nest = NULL;
		}
		if (!nest) {
			nest = nla_nest_start(msg, XSW_A_MAP_ENTRIES);
			used = NLA_HDRLEN;
		}
		off[i] = nlmsg_hdr(msg)->nlmsg_len;
		entry = nest ? nla_nest_start(msg, XSW_A_MAP_ENTRY) : NULL;
		if (!entry || put_map(msg, &maps[i])) {
			free(off);
			return xsw_abort(h, msg);
		}
		nla_nest_end(msg, entry);
		used += size;
	}
	nla_nest_end(msg, nest);
	err = xsw_do(h, msg, &map_attrs, NULL, NULL);
	if (err && bad && h->erroff) {
		/* the last entry that starts at or before the error */
		for (i = 0; i < n && off[i] <= h->erroff; i++)
			;
		*bad = i ? i - 1 : n;
	}
	free(off);
	return err;
}
