// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Port QoS: XSW_CMD_QOS_{SET,DEL,GET}; rates and sizes in tc's units; the
 * rates of the uplink's HTB classes (xsw_qos_htb_plan(), pure).  The HTB
 * tree itself is kept by qos_htb.c.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

_Static_assert(IF_NAMESIZE == IFNAMSIZ, "struct xsw_qos_info.port_ifname");

static const struct nla_policy qos_policy[XSW_A_QOS_MAX + 1] = {
	[XSW_A_QOS_PORT_IFINDEX]   = { .type = NLA_U32 },
	[XSW_A_QOS_PORT_IFNAME]	   = { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[XSW_A_QOS_DIR]		   = { .type = NLA_U8 },
	[XSW_A_QOS_MAX_RATE]	   = { .type = NLA_U64 },
	[XSW_A_QOS_BURST]	   = { .type = NLA_U32 },
	[XSW_A_QOS_MIN_RATE]	   = { .type = NLA_U64 },
	[XSW_A_QOS_MIN_WEIGHT]	   = { .type = NLA_U32 },
	[XSW_A_QOS_CLASS]	   = { .type = NLA_U32 },
	[XSW_A_QOS_STATS]	   = { .type = NLA_NESTED },
	[XSW_A_QOS_SWITCH_IFINDEX] = { .type = NLA_U32 },
	[XSW_A_QOS_SWITCH_IFNAME]  = { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[XSW_A_QOS_HTB_MAJOR]	   = { .type = NLA_U16 },
	[XSW_A_QOS_LIMIT]	   = { .type = NLA_NESTED },
	[XSW_A_QOS_DEL_MAX]	   = { .type = NLA_FLAG },
	[XSW_A_QOS_DEL_MIN]	   = { .type = NLA_FLAG },
	[XSW_A_QOS_LINK_RATE]	   = { .type = NLA_U64 },
	[XSW_A_QOS_DEL_LINK]	   = { .type = NLA_FLAG },
};

static const char *const qos_names[XSW_A_QOS_MAX + 1] = {
	[XSW_A_QOS_PORT_IFINDEX]   = "port_ifindex",
	[XSW_A_QOS_PORT_IFNAME]	   = "port_ifname",
	[XSW_A_QOS_DIR]		   = "dir",
	[XSW_A_QOS_MAX_RATE]	   = "max_rate",
	[XSW_A_QOS_BURST]	   = "burst",
	[XSW_A_QOS_MIN_RATE]	   = "min_rate",
	[XSW_A_QOS_MIN_WEIGHT]	   = "min_weight",
	[XSW_A_QOS_CLASS]	   = "class",
	[XSW_A_QOS_STATS]	   = "stats",
	[XSW_A_QOS_SWITCH_IFINDEX] = "switch_ifindex",
	[XSW_A_QOS_SWITCH_IFNAME]  = "switch_ifname",
	[XSW_A_QOS_HTB_MAJOR]	   = "htb_major",
	[XSW_A_QOS_LIMIT]	   = "limit",
	[XSW_A_QOS_DEL_MAX]	   = "del_max",
	[XSW_A_QOS_DEL_MIN]	   = "del_min",
	[XSW_A_QOS_LINK_RATE]	   = "link_rate",
	[XSW_A_QOS_DEL_LINK]	   = "del_link",
};

static const struct xsw_attrs qos_attrs = {
	.maxattr = XSW_A_QOS_MAX,
	.policy	 = qos_policy,
	.names	 = qos_names,
};

static const struct nla_policy qos_stats_policy[XSW_A_QOS_STATS_MAX + 1] = {
	[XSW_A_QOS_STATS_DROPPED_PACKETS] = { .type = NLA_U64 },
	[XSW_A_QOS_STATS_DROPPED_BYTES]	  = { .type = NLA_U64 },
};

/* Replies ---------------------------------------------------------------- */

static int parse_limit(struct xsw_handle *h, struct nlattr *nest,
		       struct xsw_qos_info *q)
{
	struct nlattr *tb[XSW_A_QOS_MAX + 1], *st[XSW_A_QOS_STATS_MAX + 1];
	struct xsw_qos_limit_info *lim;
	uint8_t dir;

	if (nla_parse_nested(tb, XSW_A_QOS_MAX, nest,
			     (struct nla_policy *)qos_policy) < 0 ||
	    !tb[XSW_A_QOS_DIR] || !tb[XSW_A_QOS_MAX_RATE])
		return xsw_seterr(h, -EBADMSG,
				  "kernel sent a malformed limit");
	dir = nla_get_u8(tb[XSW_A_QOS_DIR]);
	if (dir != XSW_ACL_DIR_IN && dir != XSW_ACL_DIR_OUT)
		return 0;	/* a direction of a newer kernel */
	lim = &q->limit[dir - XSW_ACL_DIR_IN];
	lim->set = true;
	lim->max_rate = nla_get_u64(tb[XSW_A_QOS_MAX_RATE]);
	if (tb[XSW_A_QOS_BURST])
		lim->burst = nla_get_u32(tb[XSW_A_QOS_BURST]);
	if (tb[XSW_A_QOS_STATS]) {
		if (nla_parse_nested(st, XSW_A_QOS_STATS_MAX,
				     tb[XSW_A_QOS_STATS],
				     (struct nla_policy *)qos_stats_policy) < 0)
			return xsw_seterr(h, -EBADMSG,
					  "kernel sent malformed limit counters");
		if (st[XSW_A_QOS_STATS_DROPPED_PACKETS])
			lim->dropped_packets =
				nla_get_u64(st[XSW_A_QOS_STATS_DROPPED_PACKETS]);
		if (st[XSW_A_QOS_STATS_DROPPED_BYTES])
			lim->dropped_bytes =
				nla_get_u64(st[XSW_A_QOS_STATS_DROPPED_BYTES]);
	}
	return 0;
}

static int to_info(struct xsw_handle *h, struct nlattr **tb,
		   struct xsw_qos_info *q)
{
	memset(q, 0, sizeof(*q));
	if (!tb[XSW_A_QOS_PORT_IFINDEX] || !tb[XSW_A_QOS_PORT_IFNAME])
		return xsw_seterr(h, -EBADMSG,
				  "kernel sent a port's QoS without its port");
	q->port_ifindex = nla_get_u32(tb[XSW_A_QOS_PORT_IFINDEX]);
	nla_strlcpy(q->port_ifname, tb[XSW_A_QOS_PORT_IFNAME],
		    sizeof(q->port_ifname));
	if (tb[XSW_A_QOS_SWITCH_IFINDEX])
		q->switch_ifindex = nla_get_u32(tb[XSW_A_QOS_SWITCH_IFINDEX]);
	if (tb[XSW_A_QOS_SWITCH_IFNAME])
		nla_strlcpy(q->switch_ifname, tb[XSW_A_QOS_SWITCH_IFNAME],
			    sizeof(q->switch_ifname));
	if (tb[XSW_A_QOS_MIN_RATE])
		q->min_rate = nla_get_u64(tb[XSW_A_QOS_MIN_RATE]);
	if (tb[XSW_A_QOS_MIN_WEIGHT])
		q->min_weight = nla_get_u32(tb[XSW_A_QOS_MIN_WEIGHT]);
	if (tb[XSW_A_QOS_CLASS])
		q->htb_class = nla_get_u32(tb[XSW_A_QOS_CLASS]);
	if (tb[XSW_A_QOS_HTB_MAJOR])
		q->htb_major = nla_get_u16(tb[XSW_A_QOS_HTB_MAJOR]);
	if (tb[XSW_A_QOS_LINK_RATE])
		q->link_rate = nla_get_u64(tb[XSW_A_QOS_LINK_RATE]);
	return 0;
}

/*
 * libnl's nla_parse() keeps the last of several attributes of a type, and
 * a port may have two limits (one XSW_A_QOS_LIMIT each): walk the
 * message's top-level attributes for them.  @attrs is the first
 * attribute, @len the bytes of all of them.
 */
static int parse_limits(struct xsw_handle *h, struct nlattr *attrs, int len,
			struct xsw_qos_info *q)
{
	struct nlattr *a;
	int rem, err;

	nla_for_each_attr(a, attrs, len, rem) {
		if (nla_type(a) != XSW_A_QOS_LIMIT)
			continue;
		err = parse_limit(h, a, q);
		if (err)
			return err;
	}
	return 0;
}

struct parse_ctx {
	struct xsw_qos_info *out;
	int (*cb)(const struct xsw_qos_info *qos, void *arg);
	void *arg;
};

static int parse_any(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	struct parse_ctx *ctx = arg;
	struct xsw_qos_info q, *out = ctx->out ? ctx->out : &q;
	struct nlmsghdr *nlh;
	int err;

	err = to_info(h, tb, out);
	if (err)
		return err;
	nlh = h->reply;
	if (nlh)
		err = parse_limits(h, genlmsg_attrdata(nlmsg_data(nlh), 0),
				   genlmsg_attrlen(nlmsg_data(nlh), 0), out);
	else if (tb[XSW_A_QOS_LIMIT])
		err = parse_limit(h, tb[XSW_A_QOS_LIMIT], out);
	if (err || !ctx->cb)
		return err;
	return ctx->cb(out, ctx->arg);
}

/* Requests --------------------------------------------------------------- */

/* What the kernel would refuse anyway, said in the library's words. */
static int check_config(struct xsw_handle *h, const struct xsw_qos_config *c)
{
	uint32_t set = c->set;

	if (set & ~XSW_QOS_CFG_ALL)
		return xsw_seterr(h, -EINVAL, "unknown QoS settings 0x%x",
				  set & ~XSW_QOS_CFG_ALL);
	if (!(set & (XSW_QOS_CFG_MAX | XSW_QOS_CFG_MIN_RATE |
		     XSW_QOS_CFG_MIN_WEIGHT | XSW_QOS_CFG_LINK_RATE)))
		return xsw_seterr(h, -EINVAL,
				  "nothing to set: give max, min, min-weight or link");
	if ((set & XSW_QOS_CFG_MAX) && c->dir != XSW_ACL_DIR_IN &&
	    c->dir != XSW_ACL_DIR_OUT)
		return xsw_seterr(h, -EINVAL, "max needs dir in or out");
	if ((set & XSW_QOS_CFG_MAX) &&
	    (!c->max_rate || c->max_rate > XSW_QOS_RATE_MAX))
		return xsw_seterr(h, -EINVAL,
				  "max rate must be 1bit to 1Tbit");
	if ((set & XSW_QOS_CFG_BURST) && !(set & XSW_QOS_CFG_MAX))
		return xsw_seterr(h, -EINVAL, "burst needs max");
	if ((set & XSW_QOS_CFG_BURST) &&
	    (!c->burst || c->burst > XSW_QOS_BURST_MAX))
		return xsw_seterr(h, -EINVAL,
				  "burst must be 1 byte to 256 MiB");
	if ((set & XSW_QOS_CFG_MIN_RATE) && (set & XSW_QOS_CFG_MIN_WEIGHT))
		return xsw_seterr(h, -EINVAL,
				  "min and min-weight are exclusive");
	if ((set & XSW_QOS_CFG_MIN_RATE) &&
	    (!c->min_rate || c->min_rate > XSW_QOS_RATE_MAX))
		return xsw_seterr(h, -EINVAL,
				  "min rate must be 1bit to 1Tbit");
	if ((set & XSW_QOS_CFG_MIN_WEIGHT) &&
	    (!c->min_weight || c->min_weight > XSW_QOS_WEIGHT_MAX))
		return xsw_seterr(h, -EINVAL, "min-weight must be 1 to %d",
				  XSW_QOS_WEIGHT_MAX);
	if ((set & XSW_QOS_CFG_LINK_RATE) &&
	    (!c->link_rate || c->link_rate > XSW_QOS_RATE_MAX))
		return xsw_seterr(h, -EINVAL,
				  "link rate must be 1bit to 1Tbit");
	return 0;
}

/* The attributes of @c; non-zero when they do not fit. */
static int put_config(struct nl_msg *msg, const struct xsw_qos_config *c)
{
	uint32_t set = c->set;

	return ((set & XSW_QOS_CFG_MAX) &&
		(nla_put_u8(msg, XSW_A_QOS_DIR, c->dir) < 0 ||
		 nla_put_u64(msg, XSW_A_QOS_MAX_RATE, c->max_rate) < 0)) ||
	       ((set & XSW_QOS_CFG_BURST) &&
		nla_put_u32(msg, XSW_A_QOS_BURST, c->burst) < 0) ||
	       ((set & XSW_QOS_CFG_MIN_RATE) &&
		nla_put_u64(msg, XSW_A_QOS_MIN_RATE, c->min_rate) < 0) ||
	       ((set & XSW_QOS_CFG_MIN_WEIGHT) &&
		nla_put_u32(msg, XSW_A_QOS_MIN_WEIGHT, c->min_weight) < 0) ||
	       ((set & XSW_QOS_CFG_LINK_RATE) &&
		nla_put_u64(msg, XSW_A_QOS_LINK_RATE, c->link_rate) < 0);
}

/* The attributes of a DEL of @what (and @dir); non-zero when they do not fit. */
static int put_del(struct nl_msg *msg, unsigned int what, uint8_t dir)
{
	return ((what & XSW_QOS_DEL_MAX) && !dir &&
		nla_put_flag(msg, XSW_A_QOS_DEL_MAX) < 0) ||
	       ((what & XSW_QOS_DEL_MAX) && dir &&
		nla_put_u8(msg, XSW_A_QOS_DIR, dir) < 0) ||
	       ((what & XSW_QOS_DEL_MIN) &&
		nla_put_flag(msg, XSW_A_QOS_DEL_MIN) < 0) ||
	       ((what & XSW_QOS_DEL_LINK) &&
		nla_put_flag(msg, XSW_A_QOS_DEL_LINK) < 0);
}

/* Public API ------------------------------------------------------------- */

XSW_EXPORT
int xsw_qos_set(struct xsw_handle *h, const char *port,
		const struct xsw_qos_config *cfg)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_QOS_SET);
	int err;

	if (!msg)
		return h->err;
	err = check_config(h, cfg);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	if (xsw_put_ifname(h, msg, XSW_A_QOS_PORT_IFNAME, "port", port) ||
	    put_config(msg, cfg))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &qos_attrs, NULL, NULL);
}

XSW_EXPORT
int xsw_qos_del(struct xsw_handle *h, const char *port, unsigned int what,
		uint8_t dir)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_QOS_DEL);

	if (!msg)
		return h->err;
	if (what & ~(XSW_QOS_DEL_MAX | XSW_QOS_DEL_MIN | XSW_QOS_DEL_LINK) ||
	    (dir && dir != XSW_ACL_DIR_IN && dir != XSW_ACL_DIR_OUT) ||
	    (dir && !(what & XSW_QOS_DEL_MAX))) {
		nlmsg_free(msg);
		return xsw_seterr(h, -EINVAL,
				  "bad QoS removal 0x%x dir %u", what, dir);
	}
	if (xsw_put_ifname(h, msg, XSW_A_QOS_PORT_IFNAME, "port", port) ||
	    put_del(msg, what, dir))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &qos_attrs, NULL, NULL);
}

XSW_EXPORT
int xsw_qos_get(struct xsw_handle *h, const char *port,
		struct xsw_qos_info *out)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_QOS_GET);
	struct parse_ctx ctx = { .out = out };
	int err;

	memset(out, 0, sizeof(*out));
	if (xsw_put_ifname(h, msg, XSW_A_QOS_PORT_IFNAME, "port", port))
		return xsw_abort(h, msg);
	err = xsw_do(h, msg, &qos_attrs, parse_any, &ctx);
	if (!err && !out->port_ifindex)
		err = xsw_seterr(h, -EBADMSG, "kernel sent no port");
	return err;
}

XSW_EXPORT
int xsw_qos_dump(struct xsw_handle *h, const char *sw,
		 int (*cb)(const struct xsw_qos_info *qos, void *arg),
		 void *arg)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_QOS_GET);
	struct parse_ctx ctx = { .cb = cb, .arg = arg };

	if (sw && xsw_put_ifname(h, msg, XSW_A_QOS_SWITCH_IFNAME, "switch",
				 sw))
		return xsw_abort(h, msg);
	return xsw_dump(h, msg, &qos_attrs, parse_any, &ctx);
}

/* Units ------------------------------------------------------------------ */

struct unit {
	const char *name;
	double scale;
};

/* iproute2's get_rate(): bits/s; "bps" and friends are bytes/s. */
static const struct unit rate_units[] = {
	{ "bit", 1. },
	{ "kibit", 1024. }, { "kbit", 1000. },
	{ "mibit", 1024. * 1024. }, { "mbit", 1000000. },
	{ "gibit", 1024. * 1024. * 1024. }, { "gbit", 1000000000. },
	{ "tibit", 1024. * 1024. * 1024. * 1024. }, { "tbit", 1e12 },
	{ "bps", 8. },
	{ "kibps", 8. * 1024. }, { "kbps", 8000. },
	{ "mibps", 8. * 1024. * 1024. }, { "mbps", 8000000. },
	{ "gibps", 8. * 1024. * 1024. * 1024. }, { "gbps", 8000000000. },
	{ "tibps", 8. * 1024. * 1024. * 1024. * 1024. }, { "tbps", 8e12 },
};

/* iproute2's get_size(): bytes; k, m, g are powers of 1024. */
static const struct unit size_units[] = {
	{ "b", 1. },
	{ "k", 1024. }, { "kb", 1024. }, { "kbit", 1024. / 8 },
	{ "m", 1024. * 1024. }, { "mb", 1024. * 1024. },
	{ "mbit", 1024. * 1024. / 8 },
	{ "g", 1024. * 1024. * 1024. }, { "gb", 1024. * 1024. * 1024. },
	{ "gbit", 1024. * 1024. * 1024. / 8 },
};

/* @text as a number and a unit of @units (none: scale 1) into *@val. */
static int parse_units(const char *text, const struct unit *units,
		       size_t n, double max, double *val)
{
	char *end;
	double v;
	size_t i;

	if (!text || !*text || *text == '-' || *text == '+')
		return -EINVAL;
	errno = 0;
	v = strtod(text, &end);
	if (end == text || errno == ERANGE || !isfinite(v) || v < 0)
		return -EINVAL;
	if (*end) {
		for (i = 0; i < n; i++)
			if (strcasecmp(end, units[i].name) == 0)
				break;
		if (i == n)
			return -EINVAL;
		v *= units[i].scale;
	}
	if (v > max)
		return -ERANGE;
	*val = v;
	return 0;
}

XSW_EXPORT
int xsw_qos_rate_parse(const char *text, uint64_t *bps)
{
	double v;
	int err;

	/* 2^64 is the first double above UINT64_MAX */
	err = parse_units(text, rate_units,
			  sizeof(rate_units) / sizeof(rate_units[0]),
			  18446744073709549568.0, &v);
	if (!err)
		*bps = (uint64_t)(v + 0.5 > 18446744073709549568.0 ? v :
				  v + 0.5);
	return err;
}

XSW_EXPORT
int xsw_qos_size_parse(const char *text, uint32_t *bytes)
{
	double v;
	int err;

	err = parse_units(text, size_units,
			  sizeof(size_units) / sizeof(size_units[0]),
			  4294967295.0, &v);
	if (!err)
		*bytes = (uint32_t)(v + 0.5 > 4294967295.0 ? v : v + 0.5);
	return err;
}

/* As tc prints rates (iproute2's sprint_rate(), without -iec). */
XSW_EXPORT
char *xsw_qos_rate_format(uint64_t bps, char *buf, size_t len)
{
	static const char *const units[] = { "bit", "Kbit", "Mbit", "Gbit",
					     "Tbit" };
	size_t i;

	for (i = 0; i < sizeof(units) / sizeof(units[0]) - 1; i++) {
		if (bps < 1000)
			break;
		if (bps % 1000 && bps < 1000 * 1000)
			break;
		bps /= 1000;
	}
	snprintf(buf, len, "%llu%s", (unsigned long long)bps, units[i]);
	return buf;
}

/* HTB arithmetic --------------------------------------------------------- */

/* The least rate a class gets: HTB counts in bytes/s. */
#define HTB_RATE_MIN 8

XSW_EXPORT
int xsw_qos_htb_plan(uint64_t link, struct xsw_qos_share *shares, size_t n,
		     uint64_t *default_rate)
{
	uint64_t abs_sum = 0, weights = 0, rest, floor_, pool, given = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (shares[i].min_rate) {
			if (shares[i].min_rate > link - abs_sum ||
			    abs_sum > link)
				return -ERANGE;
			abs_sum += shares[i].min_rate;
		} else {
			weights += shares[i].min_weight;
		}
	}
	rest = link - abs_sum;
	floor_ = link / 100;
	pool = weights && rest > floor_ ? rest - floor_ : 0;
	for (i = 0; i < n; i++) {
		if (shares[i].min_rate) {
			shares[i].rate = shares[i].min_rate;
			continue;
		}
		if (!weights || !shares[i].min_weight) {
			shares[i].rate = HTB_RATE_MIN;
			continue;
		}
		/* pool <= 1e12 and weights <= 100 a port: no overflow */
		shares[i].rate = pool / weights * shares[i].min_weight +
				 pool % weights * shares[i].min_weight /
				 weights;
		if (shares[i].rate < HTB_RATE_MIN)
			shares[i].rate = HTB_RATE_MIN;
		given += shares[i].rate;
	}
	*default_rate = rest > given ? rest - given : 0;
	if (*default_rate < floor_)
		*default_rate = floor_;
	if (*default_rate < HTB_RATE_MIN)
		*default_rate = HTB_RATE_MIN;
	return 0;
}
