// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Port ACLs: XSW_CMD_ACL_{ADD,DEL,GET,FLUSH,REPLACE,SET}.  Rules as text
 * are in acl_rule.c.
 *
 * A REPLACE of many rules is one large request: an attribute holds at
 * most 64 KiB, so the rules go in as many XSW_A_ACL_RULES as they need
 * (the kernel takes them in order), in a message sized for them up front,
 * as libnl messages do not grow.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "internal.h"

_Static_assert(IF_NAMESIZE == IFNAMSIZ, "struct xsw_acl_info.port_ifname");

static const struct nla_policy acl_policy[XSW_A_ACL_MAX + 1] = {
	[XSW_A_ACL_PORT_IFINDEX]   = { .type = NLA_U32 },
	[XSW_A_ACL_PORT_IFNAME]	   = { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[XSW_A_ACL_DIR]		   = { .type = NLA_U8 },
	[XSW_A_ACL_ID]		   = { .type = NLA_U32 },
	[XSW_A_ACL_PRIORITY]	   = { .type = NLA_U32 },
	[XSW_A_ACL_ACTION]	   = { .type = NLA_U8 },
	[XSW_A_ACL_DEFAULT]	   = { .type = NLA_U8 },
	[XSW_A_ACL_SRC_MAC]	   = { .minlen = 6, .maxlen = 6 },
	[XSW_A_ACL_SRC_MAC_MASK]   = { .minlen = 6, .maxlen = 6 },
	[XSW_A_ACL_DST_MAC]	   = { .minlen = 6, .maxlen = 6 },
	[XSW_A_ACL_DST_MAC_MASK]   = { .minlen = 6, .maxlen = 6 },
	[XSW_A_ACL_ETH_TYPE]	   = { .type = NLA_U16 },
	[XSW_A_ACL_VLAN_ID]	   = { .type = NLA_U16 },
	[XSW_A_ACL_SRC_IP]	   = { .minlen = 4, .maxlen = 16 },
	[XSW_A_ACL_DST_IP]	   = { .minlen = 4, .maxlen = 16 },
	[XSW_A_ACL_SRC_PREFIX]	   = { .type = NLA_U8 },
	[XSW_A_ACL_DST_PREFIX]	   = { .type = NLA_U8 },
	[XSW_A_ACL_IP_PROTO]	   = { .type = NLA_U8 },
	[XSW_A_ACL_SRC_PORT_MIN]   = { .type = NLA_U16 },
	[XSW_A_ACL_SRC_PORT_MAX]   = { .type = NLA_U16 },
	[XSW_A_ACL_DST_PORT_MIN]   = { .type = NLA_U16 },
	[XSW_A_ACL_DST_PORT_MAX]   = { .type = NLA_U16 },
	[XSW_A_ACL_ICMP_TYPE]	   = { .type = NLA_U8 },
	[XSW_A_ACL_ICMP_CODE]	   = { .type = NLA_U8 },
	[XSW_A_ACL_TCP_FLAGS]	   = { .type = NLA_U8 },
	[XSW_A_ACL_TCP_FLAGS_MASK] = { .type = NLA_U8 },
	[XSW_A_ACL_STATS]	   = { .type = NLA_NESTED },
	[XSW_A_ACL_RULES]	   = { .type = NLA_NESTED },
	[XSW_A_ACL_RULE]	   = { .type = NLA_NESTED },
	[XSW_A_ACL_SHAPES]	   = { .type = NLA_U32 },
};

static const char *const acl_names[XSW_A_ACL_MAX + 1] = {
	[XSW_A_ACL_PORT_IFINDEX]   = "port_ifindex",
	[XSW_A_ACL_PORT_IFNAME]	   = "port_ifname",
	[XSW_A_ACL_DIR]		   = "dir",
	[XSW_A_ACL_ID]		   = "id",
	[XSW_A_ACL_PRIORITY]	   = "priority",
	[XSW_A_ACL_ACTION]	   = "action",
	[XSW_A_ACL_DEFAULT]	   = "default",
	[XSW_A_ACL_SRC_MAC]	   = "src_mac",
	[XSW_A_ACL_SRC_MAC_MASK]   = "src_mac_mask",
	[XSW_A_ACL_DST_MAC]	   = "dst_mac",
	[XSW_A_ACL_DST_MAC_MASK]   = "dst_mac_mask",
	[XSW_A_ACL_ETH_TYPE]	   = "eth_type",
	[XSW_A_ACL_VLAN_ID]	   = "vlan_id",
	[XSW_A_ACL_SRC_IP]	   = "src_ip",
	[XSW_A_ACL_DST_IP]	   = "dst_ip",
	[XSW_A_ACL_SRC_PREFIX]	   = "src_prefix",
	[XSW_A_ACL_DST_PREFIX]	   = "dst_prefix",
	[XSW_A_ACL_IP_PROTO]	   = "ip_proto",
	[XSW_A_ACL_SRC_PORT_MIN]   = "src_port_min",
	[XSW_A_ACL_SRC_PORT_MAX]   = "src_port_max",
	[XSW_A_ACL_DST_PORT_MIN]   = "dst_port_min",
	[XSW_A_ACL_DST_PORT_MAX]   = "dst_port_max",
	[XSW_A_ACL_ICMP_TYPE]	   = "icmp_type",
	[XSW_A_ACL_ICMP_CODE]	   = "icmp_code",
	[XSW_A_ACL_TCP_FLAGS]	   = "tcp_flags",
	[XSW_A_ACL_TCP_FLAGS_MASK] = "tcp_flags_mask",
	[XSW_A_ACL_STATS]	   = "stats",
	[XSW_A_ACL_RULES]	   = "rules",
	[XSW_A_ACL_RULE]	   = "rule",
	[XSW_A_ACL_SHAPES]	   = "shapes",
};

static const struct xsw_attrs acl_attrs = {
	.maxattr = XSW_A_ACL_MAX,
	.policy	 = acl_policy,
	.names	 = acl_names,
};

static const struct nla_policy stats_policy[XSW_A_ACL_STATS_MAX + 1] = {
	[XSW_A_ACL_STATS_PACKETS] = { .type = NLA_U64 },
	[XSW_A_ACL_STATS_BYTES]	  = { .type = NLA_U64 },
};

/* Replies ---------------------------------------------------------------- */

static uint8_t get_u8(struct nlattr *a)
{
	return a ? nla_get_u8(a) : 0;
}

static uint32_t get_u32(struct nlattr *a)
{
	return a ? nla_get_u32(a) : 0;
}

static uint64_t get_u64(struct nlattr *a)
{
	return a ? nla_get_u64(a) : 0;
}

static void get_mac(struct nlattr *a, struct nlattr *mask, uint8_t *out,
		    uint8_t *out_mask)
{
	memcpy(out, nla_data(a), 6);
	if (mask)
		memcpy(out_mask, nla_data(mask), 6);
	else
		memset(out_mask, 0xff, 6);
}

static int get_prefix(struct xsw_handle *h, struct nlattr *a,
		      struct nlattr *len, struct xsw_acl_prefix *p)
{
	if (nla_len(a) != 4 && nla_len(a) != 16)
		return xsw_seterr(h, -EBADMSG,
				  "kernel sent an address of %d bytes",
				  nla_len(a));
	p->family = nla_len(a) == 4 ? AF_INET : AF_INET6;
	memcpy(p->addr, nla_data(a), nla_len(a));
	p->len = len ? nla_get_u8(len) : 8 * nla_len(a);
	return 0;
}

static void get_ports(struct nlattr *min, struct nlattr *max, uint16_t *lo,
		      uint16_t *hi)
{
	*lo = nla_get_u16(min);
	*hi = max ? nla_get_u16(max) : *lo;
}

/* The rule of a GET or ADD reply. */
static int to_rule(struct xsw_handle *h, struct nlattr **tb,
		   struct xsw_acl_rule_info *r)
{
	struct nlattr *st[XSW_A_ACL_STATS_MAX + 1];
	int err;

	memset(r, 0, sizeof(*r));
	if (!tb[XSW_A_ACL_ID] || !tb[XSW_A_ACL_ACTION])
		return xsw_seterr(h, -EBADMSG,
				  "kernel sent a rule without id or action");
	r->id = nla_get_u32(tb[XSW_A_ACL_ID]);
	r->priority = get_u32(tb[XSW_A_ACL_PRIORITY]);
	r->action = nla_get_u8(tb[XSW_A_ACL_ACTION]);

	if (tb[XSW_A_ACL_SRC_MAC]) {
		r->match |= XSW_ACL_MATCH_SRC_MAC;
		get_mac(tb[XSW_A_ACL_SRC_MAC], tb[XSW_A_ACL_SRC_MAC_MASK],
			r->src_mac, r->src_mac_mask);
	}
	if (tb[XSW_A_ACL_DST_MAC]) {
		r->match |= XSW_ACL_MATCH_DST_MAC;
		get_mac(tb[XSW_A_ACL_DST_MAC], tb[XSW_A_ACL_DST_MAC_MASK],
			r->dst_mac, r->dst_mac_mask);
	}
	if (tb[XSW_A_ACL_ETH_TYPE]) {
		r->match |= XSW_ACL_MATCH_ETH_TYPE;
		r->eth_type = nla_get_u16(tb[XSW_A_ACL_ETH_TYPE]);
	}
	if (tb[XSW_A_ACL_VLAN_ID]) {
		r->match |= XSW_ACL_MATCH_VLAN_ID;
		r->vlan_id = nla_get_u16(tb[XSW_A_ACL_VLAN_ID]);
	}
	if (tb[XSW_A_ACL_SRC_IP]) {
		r->match |= XSW_ACL_MATCH_SRC_IP;
		err = get_prefix(h, tb[XSW_A_ACL_SRC_IP],
				 tb[XSW_A_ACL_SRC_PREFIX], &r->src_ip);
		if (err)
			return err;
	}
	if (tb[XSW_A_ACL_DST_IP]) {
		r->match |= XSW_ACL_MATCH_DST_IP;
		err = get_prefix(h, tb[XSW_A_ACL_DST_IP],
				 tb[XSW_A_ACL_DST_PREFIX], &r->dst_ip);
		if (err)
			return err;
	}
	if (tb[XSW_A_ACL_IP_PROTO]) {
		r->match |= XSW_ACL_MATCH_IP_PROTO;
		r->ip_proto = nla_get_u8(tb[XSW_A_ACL_IP_PROTO]);
	}
	if (tb[XSW_A_ACL_SRC_PORT_MIN]) {
		r->match |= XSW_ACL_MATCH_SRC_PORT;
		get_ports(tb[XSW_A_ACL_SRC_PORT_MIN], tb[XSW_A_ACL_SRC_PORT_MAX],
			  &r->src_port_min, &r->src_port_max);
	}
	if (tb[XSW_A_ACL_DST_PORT_MIN]) {
		r->match |= XSW_ACL_MATCH_DST_PORT;
		get_ports(tb[XSW_A_ACL_DST_PORT_MIN], tb[XSW_A_ACL_DST_PORT_MAX],
			  &r->dst_port_min, &r->dst_port_max);
	}
	if (tb[XSW_A_ACL_ICMP_TYPE]) {
		r->match |= XSW_ACL_MATCH_ICMP_TYPE;
		r->icmp_type = nla_get_u8(tb[XSW_A_ACL_ICMP_TYPE]);
	}
	if (tb[XSW_A_ACL_ICMP_CODE]) {
		r->match |= XSW_ACL_MATCH_ICMP_CODE;
		r->icmp_code = nla_get_u8(tb[XSW_A_ACL_ICMP_CODE]);
	}
	if (tb[XSW_A_ACL_TCP_FLAGS]) {
		r->match |= XSW_ACL_MATCH_TCP_FLAGS;
		r->tcp_flags = nla_get_u8(tb[XSW_A_ACL_TCP_FLAGS]);
		r->tcp_flags_mask = tb[XSW_A_ACL_TCP_FLAGS_MASK] ?
			nla_get_u8(tb[XSW_A_ACL_TCP_FLAGS_MASK]) : 0xff;
	}

	if (!tb[XSW_A_ACL_STATS])
		return 0;
	err = nla_parse_nested(st, XSW_A_ACL_STATS_MAX, tb[XSW_A_ACL_STATS],
			       stats_policy);
	if (err < 0)
		return xsw_seterr(h, -EBADMSG,
				  "malformed reply from the kernel: rule statistics: %s",
				  nl_geterror(err));
	r->packets = get_u64(st[XSW_A_ACL_STATS_PACKETS]);
	r->bytes = get_u64(st[XSW_A_ACL_STATS_BYTES]);
	return 0;
}

/* The port and direction every GET message names. */
static int to_acl(struct xsw_handle *h, struct nlattr **tb,
		  struct xsw_acl_info *a)
{
	if (!tb[XSW_A_ACL_PORT_IFINDEX] || !tb[XSW_A_ACL_PORT_IFNAME] ||
	    !tb[XSW_A_ACL_DIR])
		return xsw_seterr(h, -EBADMSG,
				  "kernel sent an ACL without port or direction");
	memset(a, 0, sizeof(*a));
	a->port_ifindex = nla_get_u32(tb[XSW_A_ACL_PORT_IFINDEX]);
	nla_strlcpy(a->port_ifname, tb[XSW_A_ACL_PORT_IFNAME],
		    sizeof(a->port_ifname));
	a->dir = nla_get_u8(tb[XSW_A_ACL_DIR]);
	a->default_action = get_u8(tb[XSW_A_ACL_DEFAULT]);
	a->shapes = get_u32(tb[XSW_A_ACL_SHAPES]);
	return 0;
}

/* Reply of ADD: the caller's struct, if any. */
static int parse_added(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	struct xsw_acl_rule_info tmp;

	return to_rule(h, tb, arg ? arg : &tmp);
}

struct dump_ctx {
	int (*cb)(const struct xsw_acl_info *acl,
		  const struct xsw_acl_rule_info *rule, void *arg);
	void *arg;
	bool have_acl;
	struct xsw_acl_info acl;	/* of the last message without an id */
};

/*
 * A message without XSW_A_ACL_ID opens a port and direction; the rules
 * that follow are its own, which they say again.
 */
static int parse_dump(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	struct dump_ctx *ctx = arg;
	struct xsw_acl_rule_info rule;
	struct xsw_acl_info acl;
	int err;

	err = to_acl(h, tb, &acl);
	if (err)
		return err;
	if (!tb[XSW_A_ACL_ID]) {
		ctx->acl = acl;
		ctx->have_acl = true;
		return ctx->cb(&ctx->acl, NULL, ctx->arg);
	}
	if (!ctx->have_acl || ctx->acl.port_ifindex != acl.port_ifindex ||
	    ctx->acl.dir != acl.dir)
		return xsw_seterr(h, -EBADMSG,
				  "kernel sent a rule of %s before its ACL",
				  acl.port_ifname);
	err = to_rule(h, tb, &rule);
	if (err)
		return err;
	return ctx->cb(&ctx->acl, &rule, ctx->arg);
}

/* Requests --------------------------------------------------------------- */

static int check_rule(struct xsw_handle *h, const struct xsw_acl_rule_info *r)
{
	uint32_t m = r->match;

	if (m & ~XSW_ACL_MATCH_ALL)
		return xsw_seterr(h, -EINVAL, "unknown match fields 0x%x",
				  m & ~XSW_ACL_MATCH_ALL);
	if (((m & XSW_ACL_MATCH_SRC_IP) && r->src_ip.family != AF_INET &&
	     r->src_ip.family != AF_INET6) ||
	    ((m & XSW_ACL_MATCH_DST_IP) && r->dst_ip.family != AF_INET &&
	     r->dst_ip.family != AF_INET6))
		return xsw_seterr(h, -EINVAL,
				  "an address is AF_INET or AF_INET6");
	return 0;
}

static size_t addr_len(const struct xsw_acl_prefix *p)
{
	return p->family == AF_INET ? 4 : 16;
}

/*
 * What the kernel assumes when a mask, prefix length or range end is left
 * out: requests leave those out, to keep large REPLACEs small.
 */
static bool full_mask(const uint8_t *mask)
{
	static const uint8_t ones[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

	return !memcmp(mask, ones, sizeof(ones));
}

static bool full_prefix(const struct xsw_acl_prefix *p)
{
	return p->len == 8 * addr_len(p);
}

/* Bytes put_rule() adds for @r, without the XSW_A_ACL_RULE around it. */
static size_t rule_size(const struct xsw_acl_rule_info *r)
{
	const size_t u8 = nla_total_size(1), u16 = nla_total_size(2);
	const size_t u32 = nla_total_size(4), mac = nla_total_size(6);
	uint32_t m = r->match;
	size_t size = u8 + u32;		/* action, priority */

	if (m & XSW_ACL_MATCH_SRC_MAC)
		size += mac + (full_mask(r->src_mac_mask) ? 0 : mac);
	if (m & XSW_ACL_MATCH_DST_MAC)
		size += mac + (full_mask(r->dst_mac_mask) ? 0 : mac);
	if (m & XSW_ACL_MATCH_ETH_TYPE)
		size += u16;
	if (m & XSW_ACL_MATCH_VLAN_ID)
		size += u16;
	if (m & XSW_ACL_MATCH_SRC_IP)
		size += nla_total_size(addr_len(&r->src_ip)) +
			(full_prefix(&r->src_ip) ? 0 : u8);
	if (m & XSW_ACL_MATCH_DST_IP)
		size += nla_total_size(addr_len(&r->dst_ip)) +
			(full_prefix(&r->dst_ip) ? 0 : u8);
	if (m & XSW_ACL_MATCH_IP_PROTO)
		size += u8;
	if (m & XSW_ACL_MATCH_SRC_PORT)
		size += u16 + (r->src_port_max == r->src_port_min ? 0 : u16);
	if (m & XSW_ACL_MATCH_DST_PORT)
		size += u16 + (r->dst_port_max == r->dst_port_min ? 0 : u16);
	if (m & XSW_ACL_MATCH_ICMP_TYPE)
		size += u8;
	if (m & XSW_ACL_MATCH_ICMP_CODE)
		size += u8;
	if (m & XSW_ACL_MATCH_TCP_FLAGS)
		size += u8 + (r->tcp_flags_mask == 0xff ? 0 : u8);
	return size;
}

static int put_mac(struct nl_msg *msg, int a_mac, int a_mask,
		   const uint8_t *addr, const uint8_t *mask)
{
	return nla_put(msg, a_mac, 6, addr) < 0 ||
	       (!full_mask(mask) && nla_put(msg, a_mask, 6, mask) < 0);
}

static int put_prefix(struct nl_msg *msg, int a_ip, int a_len,
		      const struct xsw_acl_prefix *p)
{
	return nla_put(msg, a_ip, addr_len(p), p->addr) < 0 ||
	       (!full_prefix(p) && nla_put_u8(msg, a_len, p->len) < 0);
}

static int put_ports(struct nl_msg *msg, int a_min, int a_max, uint16_t min,
		     uint16_t max)
{
	return nla_put_u16(msg, a_min, min) < 0 ||
	       (max != min && nla_put_u16(msg, a_max, max) < 0);
}

/* @r's action, priority and match; non-zero when they do not fit. */
static int put_rule(struct nl_msg *msg, const struct xsw_acl_rule_info *r)
{
	uint32_t m = r->match;

	return nla_put_u8(msg, XSW_A_ACL_ACTION, r->action) < 0 ||
	       nla_put_u32(msg, XSW_A_ACL_PRIORITY, r->priority) < 0 ||
	       ((m & XSW_ACL_MATCH_SRC_MAC) &&
		put_mac(msg, XSW_A_ACL_SRC_MAC, XSW_A_ACL_SRC_MAC_MASK,
			r->src_mac, r->src_mac_mask)) ||
	       ((m & XSW_ACL_MATCH_DST_MAC) &&
		put_mac(msg, XSW_A_ACL_DST_MAC, XSW_A_ACL_DST_MAC_MASK,
			r->dst_mac, r->dst_mac_mask)) ||
	       ((m & XSW_ACL_MATCH_ETH_TYPE) &&
		nla_put_u16(msg, XSW_A_ACL_ETH_TYPE, r->eth_type) < 0) ||
	       ((m & XSW_ACL_MATCH_VLAN_ID) &&
		nla_put_u16(msg, XSW_A_ACL_VLAN_ID, r->vlan_id) < 0) ||
	       ((m & XSW_ACL_MATCH_SRC_IP) &&
		put_prefix(msg, XSW_A_ACL_SRC_IP, XSW_A_ACL_SRC_PREFIX,
			   &r->src_ip)) ||
	       ((m & XSW_ACL_MATCH_DST_IP) &&
		put_prefix(msg, XSW_A_ACL_DST_IP, XSW_A_ACL_DST_PREFIX,
			   &r->dst_ip)) ||
	       ((m & XSW_ACL_MATCH_IP_PROTO) &&
		nla_put_u8(msg, XSW_A_ACL_IP_PROTO, r->ip_proto) < 0) ||
	       ((m & XSW_ACL_MATCH_SRC_PORT) &&
		put_ports(msg, XSW_A_ACL_SRC_PORT_MIN, XSW_A_ACL_SRC_PORT_MAX,
			  r->src_port_min, r->src_port_max)) ||
	       ((m & XSW_ACL_MATCH_DST_PORT) &&
		put_ports(msg, XSW_A_ACL_DST_PORT_MIN, XSW_A_ACL_DST_PORT_MAX,
			  r->dst_port_min, r->dst_port_max)) ||
	       ((m & XSW_ACL_MATCH_ICMP_TYPE) &&
		nla_put_u8(msg, XSW_A_ACL_ICMP_TYPE, r->icmp_type) < 0) ||
	       ((m & XSW_ACL_MATCH_ICMP_CODE) &&
		nla_put_u8(msg, XSW_A_ACL_ICMP_CODE, r->icmp_code) < 0) ||
	       ((m & XSW_ACL_MATCH_TCP_FLAGS) &&
		(nla_put_u8(msg, XSW_A_ACL_TCP_FLAGS, r->tcp_flags) < 0 ||
		 (r->tcp_flags_mask != 0xff &&
		  nla_put_u8(msg, XSW_A_ACL_TCP_FLAGS_MASK,
			     r->tcp_flags_mask) < 0)));
}

/* The port, and the direction unless 0. */
static int put_target(struct xsw_handle *h, struct nl_msg *msg,
		      const char *port, uint8_t dir)
{
	if (xsw_put_ifname(h, msg, XSW_A_ACL_PORT_IFNAME, "port", port))
		return h->err;
	if (dir && nla_put_u8(msg, XSW_A_ACL_DIR, dir) < 0)
		return xsw_seterr(h, -EMSGSIZE,
				  "request does not fit in a message");
	return 0;
}

/*
 * The largest XSW_A_ACL_RULES: an attribute's length is 16 bits, and
 * nests stay 4-byte aligned.
 */
#define RULES_ATTR_MAX	(65535 & ~3)

/*
 * Where each rule of a REPLACE lands in the message: [i] is the offset of
 * rule i's XSW_A_ACL_RULE from the message's start, to tell which rule an
 * error points at.
 */
struct layout {
	uint32_t *off;
	size_t n;
};

/*
 * @rules as XSW_A_ACL_RULES attributes of at most RULES_ATTR_MAX bytes
 * each.  Non-zero when they do not fit in @msg.
 */
static int put_rules(struct nl_msg *msg, const struct xsw_acl_rule_info *rules,
		     size_t n, struct layout *lay)
{
	struct nlattr *nest = NULL, *rule;
	size_t i, used = 0, size;

	for (i = 0; i < n; i++) {
		size = nla_total_size(rule_size(&rules[i]));
		if (nest && used + size > RULES_ATTR_MAX) {
			if (nla_nest_end(msg, nest) < 0)
				return -1;
			nest = NULL;
		}
		if (!nest) {
			nest = nla_nest_start(msg, XSW_A_ACL_RULES);
			if (!nest)
				return -1;
			used = NLA_HDRLEN;
		}
		lay->off[i] = nlmsg_hdr(msg)->nlmsg_len;
		rule = nla_nest_start(msg, XSW_A_ACL_RULE);
		if (!rule || put_rule(msg, &rules[i]))
			return -1;
		nla_nest_end(msg, rule);
		used += size;
	}
	if (nest)
		return nla_nest_end(msg, nest) < 0;
	/* No rules: an empty attribute says so (nla_nest_end() drops it). */
	nest = nla_nest_start(msg, XSW_A_ACL_RULES);
	return !nest || nla_nest_end_keep_empty(msg, nest) < 0;
}

/* The bytes of a REPLACE of @rules, headers included. */
static size_t replace_size(const struct xsw_acl_rule_info *rules, size_t n)
{
	size_t i, size, used = 0, total;

	/* headers, port name, direction, default, the first RULES */
	total = NLMSG_HDRLEN + GENL_HDRLEN + nla_total_size(IFNAMSIZ) +
		2 * nla_total_size(1) + NLA_HDRLEN;
	for (i = 0; i < n; i++) {
		size = nla_total_size(rule_size(&rules[i]));
		if (used && used + size > RULES_ATTR_MAX - NLA_HDRLEN) {
			total += NLA_HDRLEN;
			used = 0;
		}
		used += size;
		total += size;
	}
	return total;
}

/* The index of the rule the kernel's error offset falls in, or @lay->n. */
static size_t bad_rule(const struct layout *lay,
		       const struct xsw_acl_rule_info *rules, uint32_t off)
{
	size_t lo = 0, hi = lay->n;

	if (!off)
		return lay->n;
	while (lo < hi) {		/* the last rule starting at or before */
		size_t mid = lo + (hi - lo) / 2;

		if (lay->off[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 ||
	    off >= lay->off[lo - 1] + nla_total_size(rule_size(&rules[lo - 1])))
		return lay->n;
	return lo - 1;
}

/* Public API ------------------------------------------------------------- */

XSW_EXPORT
int xsw_acl_add(struct xsw_handle *h, const char *port, uint8_t dir,
		const struct xsw_acl_rule_info *rule,
		struct xsw_acl_rule_info *out)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_ACL_ADD);
	int err;

	if (out)
		memset(out, 0, sizeof(*out));
	if (!msg)
		return h->err;
	err = check_rule(h, rule);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	if (put_target(h, msg, port, dir) || put_rule(msg, rule))
		return xsw_abort(h, msg);
	err = xsw_do(h, msg, &acl_attrs, parse_added, out);
	if (!err && out && !out->id)
		err = xsw_seterr(h, -EBADMSG, "kernel sent no rule");
	return err;
}

XSW_EXPORT
int xsw_acl_del(struct xsw_handle *h, const char *port, uint8_t dir,
		uint32_t id)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_ACL_DEL);

	if (put_target(h, msg, port, dir) ||
	    nla_put_u32(msg, XSW_A_ACL_ID, id) < 0)
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &acl_attrs, NULL, NULL);
}

XSW_EXPORT
int xsw_acl_dump(struct xsw_handle *h, const char *port, uint8_t dir,
		 int (*cb)(const struct xsw_acl_info *acl,
			   const struct xsw_acl_rule_info *rule, void *arg),
		 void *arg)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_ACL_GET);
	struct dump_ctx ctx = { .cb = cb, .arg = arg };

	if (!msg)
		return h->err;
	if ((port && xsw_put_ifname(h, msg, XSW_A_ACL_PORT_IFNAME, "port",
				    port)) ||
	    (dir && nla_put_u8(msg, XSW_A_ACL_DIR, dir) < 0))
		return xsw_abort(h, msg);
	return xsw_dump(h, msg, &acl_attrs, parse_dump, &ctx);
}

XSW_EXPORT
int xsw_acl_flush(struct xsw_handle *h, const char *port, uint8_t dir)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_ACL_FLUSH);

	if (put_target(h, msg, port, dir))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &acl_attrs, NULL, NULL);
}

XSW_EXPORT
int xsw_acl_set_default(struct xsw_handle *h, const char *port, uint8_t dir,
			uint8_t action)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_ACL_SET);

	if (put_target(h, msg, port, dir) ||
	    nla_put_u8(msg, XSW_A_ACL_DEFAULT, action) < 0)
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &acl_attrs, NULL, NULL);
}

XSW_EXPORT
int xsw_acl_replace(struct xsw_handle *h, const char *port, uint8_t dir,
		    const struct xsw_acl_rule_info *rules, size_t n,
		    int default_action, size_t *bad)
{
	struct layout lay = { .n = n };
	struct nl_msg *msg;
	size_t i;
	int err;

	if (bad)
		*bad = n;
	/* xsw_msg_new_size() starts every call: it clears the error */
	msg = xsw_msg_new_size(h, XSW_CMD_ACL_REPLACE,
			       n <= XSW_ACL_RULES_MAX ?
			       replace_size(rules, n) : 0);
	if (!msg)
		return h->err;
	if (n > XSW_ACL_RULES_MAX) {
		nlmsg_free(msg);
		return xsw_seterr(h, -ENOSPC,
				  "too many rules: %zu, at most %d per port and direction",
				  n, XSW_ACL_RULES_MAX);
	}
	for (i = 0; i < n; i++) {
		err = check_rule(h, &rules[i]);
		if (err) {
			nlmsg_free(msg);
			if (bad)
				*bad = i;
			return err;
		}
	}
	lay.off = calloc(n ? n : 1, sizeof(*lay.off));
	if (!lay.off) {
		nlmsg_free(msg);
		return xsw_seterr(h, -ENOMEM, "out of memory");
	}
	if (put_target(h, msg, port, dir) ||
	    (default_action >= 0 &&
	     nla_put_u8(msg, XSW_A_ACL_DEFAULT, default_action) < 0) ||
	    put_rules(msg, rules, n, &lay)) {
		free(lay.off);
		return xsw_abort(h, msg);
	}
	err = xsw_do(h, msg, &acl_attrs, NULL, NULL);
	if (err && bad)
		*bad = bad_rule(&lay, rules, h->erroff);
	free(lay.off);
	return err;
}
