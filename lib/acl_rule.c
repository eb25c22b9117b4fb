// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Port ACL rules as text: the words of "xsw acl add" and of the lines of
 * "xsw acl replace -batch FILE" into struct xsw_acl_rule_info, and back.
 * The match keywords and their values are tc flower's.
 *
 * The parser refuses what the kernel's classifier would (see
 * xsw_acl_match_check() in kmod/acl_key.c), so that the message names the
 * keyword the user wrote; the kernel checks again.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "internal.h"

struct name {
	const char *name;
	unsigned int value;
};

static const struct name actions[] = {
	{ "allow",		XSW_ACL_ACTION_ALLOW },
	{ "deny",		XSW_ACL_ACTION_DENY },
	{ "allow-stateful",	XSW_ACL_ACTION_ALLOW_STATEFUL },
};

static const struct name eth_types[] = {
	{ "ipv4",	0x0800 },
	{ "arp",	0x0806 },
	{ "ipv6",	0x86dd },
};

static const struct name ip_protos[] = {
	{ "icmp",	1 },
	{ "tcp",	6 },
	{ "udp",	17 },
	{ "icmpv6",	58 },
	{ "sctp",	132 },
};

/* Bits of byte 13 of the TCP header, least significant first. */
static const char *const tcp_flag_names[8] = {
	"fin", "syn", "rst", "psh", "ack", "urg", "ece", "cwr",
};

#define IPPROTO_TCP_	6
#define IPPROTO_UDP_	17
#define IPPROTO_ICMP_	1
#define IPPROTO_ICMPV6_	58
#define IPPROTO_SCTP_	132

static const struct name *by_name(const struct name *t, size_t n,
				  const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(t[i].name, s) == 0)
			return &t[i];
	return NULL;
}

static const char *by_value(const struct name *t, size_t n,
			    unsigned int value)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].value == value)
			return t[i].name;
	return NULL;
}

#define BY_NAME(t, s)	by_name(t, sizeof(t) / sizeof(t[0]), s)
#define BY_VALUE(t, v)	by_value(t, sizeof(t) / sizeof(t[0]), v)

/* Parsing ----------------------------------------------------------------- */

static const char *family_name(uint8_t family)
{
	return family == AF_INET ? "IPv4" : "IPv6";
}

struct parser {
	char *err;
	size_t errlen;
};

static int fail(struct parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;

	if (p->errlen) {
		va_start(ap, fmt);
		vsnprintf(p->err, p->errlen, fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}

/*
 * A number at most @max: decimal, or hex after "0x" when @hex; the whole
 * of @s, no sign, no blanks.  Returns 0 or -1.
 */
static int number(const char *s, unsigned long max, bool hex,
		  unsigned long *val)
{
	const char *digits = "0123456789";
	unsigned long v = 0;
	int base = 10;

	if (hex && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
		base = 16;
		digits = "0123456789abcdefABCDEF";
	}
	if (!*s || strspn(s, digits) != strlen(s))
		return -1;
	for (; *s; s++) {
		unsigned int d = *s <= '9' ? *s - '0' : (*s | 0x20) - 'a' + 10;

		if (v > (max - d) / base)
			return -1;
		v = v * base + d;
	}
	*val = v;
	return 0;
}

/* "aa:bb:cc:dd:ee:ff", one or two hex digits a byte, up to @end. */
static int mac(const char *s, const char *end, uint8_t *out)
{
	unsigned long byte;
	char part[3];
	int i;

	for (i = 0; i < 6; i++) {
		size_t n = strcspn(s, ":");

		if (s + n > end)
			n = end - s;
		if (n < 1 || n > 2)
			return -1;
		memcpy(part, s, n);
		part[n] = '\0';
		if (strspn(part, "0123456789abcdefABCDEF") != n)
			return -1;
		byte = strtoul(part, NULL, 16);
		out[i] = byte;
		s += n;
		if (i < 5 && (s >= end || *s++ != ':'))
			return -1;
	}
	return s == end ? 0 : -1;
}

/* ADDR[/MASK], MASK a MAC or a length 0..48. */
static int parse_mac(struct parser *p, const char *key, const char *arg,
		     uint8_t *addr, uint8_t *mask)
{
	const char *slash = strchr(arg, '/');
	const char *end = slash ? slash : arg + strlen(arg);
	unsigned long len;
	int i;

	if (mac(arg, end, addr))
		return fail(p, "%s \"%s\" is not an Ethernet address like 02:00:00:00:00:01[/ff:ff:ff:00:00:00]",
			    key, arg);
	memset(mask, 0xff, 6);
	if (!slash)
		return 0;
	if (!number(slash + 1, 48, false, &len)) {
		for (i = 0; i < 6; i++, len = len > 8 ? len - 8 : 0)
			mask[i] = len >= 8 ? 0xff : (uint8_t)(0xff00 >> len);
		return 0;
	}
	if (mac(slash + 1, slash + 1 + strlen(slash + 1), mask))
		return fail(p, "%s mask \"%s\" is not a MAC like ff:ff:ff:00:00:00 or a length 0..48",
			    key, slash + 1);
	return 0;
}

/*
 * The part of @s before the first @sep (all of @s when there is none) into
 * @buf, NUL-terminated; *@rest is what follows @sep, or NULL.  Returns -1
 * when the part does not fit.
 */
static int split(const char *s, char sep, char *buf, size_t size,
		 const char **rest)
{
	const char *at = strchr(s, sep);
	size_t n = at ? (size_t)(at - s) : strlen(s);

	*rest = at ? at + 1 : NULL;
	if (n >= size)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return 0;
}

/* ADDR[/LEN], IPv4 or IPv6. */
static int parse_prefix(struct parser *p, const char *key, const char *arg,
			struct xsw_acl_prefix *pfx)
{
	char text[INET6_ADDRSTRLEN];
	const char *rest;
	unsigned long len;
	unsigned int max;

	memset(pfx, 0, sizeof(*pfx));
	if (!split(arg, '/', text, sizeof(text), &rest)) {
		if (inet_pton(AF_INET, text, pfx->addr) == 1)
			pfx->family = AF_INET;
		else if (inet_pton(AF_INET6, text, pfx->addr) == 1)
			pfx->family = AF_INET6;
	}
	if (!pfx->family)
		return fail(p, "%s \"%s\" is not an IPv4 or IPv6 address or prefix",
			    key, arg);
	max = pfx->family == AF_INET ? 32 : 128;
	pfx->len = max;
	if (!rest)
		return 0;
	if (number(rest, 255, false, &len))
		return fail(p, "%s prefix length \"%s\" is not a number",
			    key, rest);
	if (len > max)
		return fail(p, "prefix /%lu is longer than an %s address", len,
			    family_name(pfx->family));
	pfx->len = len;
	return 0;
}

/* N or N-M, 0..65535. */
static int parse_ports(struct parser *p, const char *key, const char *arg,
		       uint16_t *min, uint16_t *max)
{
	unsigned long lo, hi;
	const char *rest;
	char first[8];

	if (split(arg, '-', first, sizeof(first), &rest) ||
	    number(first, 65535, false, &lo) ||
	    (rest && number(rest, 65535, false, &hi)))
		return fail(p, "%s \"%s\" is not a port 0..65535 or a range like 80-89",
			    key, arg);
	if (!rest)
		hi = lo;
	if (lo > hi)
		return fail(p, "port range %lu-%lu is reversed", lo, hi);
	*min = lo;
	*max = hi;
	return 0;
}

/* A number 0..255 (0x hex too), or flag names joined by commas. */
static int tcp_flags_value(const char *s, uint8_t *out)
{
	unsigned long v;
	char word[8];
	unsigned int i;

	if (!number(s, 255, true, &v)) {
		*out = v;
		return 0;
	}
	*out = 0;
	for (;;) {
		size_t n = strcspn(s, ",");

		if (n == 0 || n >= sizeof(word))
			return -1;
		memcpy(word, s, n);
		word[n] = '\0';
		for (i = 0; i < 8; i++)
			if (strcmp(word, tcp_flag_names[i]) == 0)
				break;
		if (i == 8)
			return -1;
		*out |= 1u << i;
		s += n;
		if (!*s)
			return 0;
		s++;
	}
}

static int parse_tcp_flags(struct parser *p, const char *arg, uint8_t *flags,
			   uint8_t *mask)
{
	const char *rest;
	char first[64];

	*mask = 0xff;
	if (split(arg, '/', first, sizeof(first), &rest) ||
	    tcp_flags_value(first, flags) ||
	    (rest && tcp_flags_value(rest, mask)))
		return fail(p, "tcp_flags \"%s\" is not FLAGS[/MASK], numbers like 0x02/0x12 or names like syn/syn,ack",
			    arg);
	return 0;
}

static int parse_u8(struct parser *p, const char *key, const char *arg,
		    uint8_t *val)
{
	unsigned long v;

	if (number(arg, 255, false, &v))
		return fail(p, "%s \"%s\" is not a number 0..255", key, arg);
	*val = v;
	return 0;
}

static uint16_t family_eth_type(uint8_t family)
{
	return family == AF_INET ? 0x0800 : 0x86dd;
}

static const char *eth_type_text(uint16_t eth_type, char *buf, size_t len)
{
	const char *name = BY_VALUE(eth_types, eth_type);

	if (name)
		return name;
	snprintf(buf, len, "0x%04x", eth_type);
	return buf;
}

/*
 * What the kernel's classifier refuses, as xsw_acl_match_check() does,
 * named by keyword.
 */
static int check(struct parser *p, const struct xsw_acl_rule_info *r)
{
	uint32_t m = r->match;
	uint8_t family = 0;
	const char *what = NULL;
	char buf[8];

	if (m & XSW_ACL_MATCH_SRC_IP) {
		family = r->src_ip.family;
		what = "src_ip";
	}
	if (m & XSW_ACL_MATCH_DST_IP) {
		if (family && family != r->dst_ip.family)
			return fail(p, "src_ip is an %s address and dst_ip an %s one",
				    family_name(family),
				    family_name(r->dst_ip.family));
		family = r->dst_ip.family;
		if (!what)
			what = "dst_ip";
	}
	if (family && (m & XSW_ACL_MATCH_ETH_TYPE) &&
	    r->eth_type != family_eth_type(family))
		return fail(p, "eth_type %s does not match %s, an %s address",
			    eth_type_text(r->eth_type, buf, sizeof(buf)),
			    what, family_name(family));
	if ((m & XSW_ACL_MATCH_IP_PROTO) && (m & XSW_ACL_MATCH_ETH_TYPE) &&
	    r->eth_type != 0x0800 && r->eth_type != 0x86dd)
		return fail(p, "ip_proto needs eth_type ipv4 or ipv6, not %s",
			    eth_type_text(r->eth_type, buf, sizeof(buf)));

	if (m & (XSW_ACL_MATCH_SRC_PORT | XSW_ACL_MATCH_DST_PORT)) {
		if (!(m & XSW_ACL_MATCH_IP_PROTO) ||
		    (r->ip_proto != IPPROTO_TCP_ && r->ip_proto != IPPROTO_UDP_ &&
		     r->ip_proto != IPPROTO_SCTP_))
			return fail(p, "%s needs ip_proto tcp, udp or sctp",
				    m & XSW_ACL_MATCH_SRC_PORT ? "src_port" :
								 "dst_port");
	}
	if ((m & XSW_ACL_MATCH_TCP_FLAGS) &&
	    (!(m & XSW_ACL_MATCH_IP_PROTO) || r->ip_proto != IPPROTO_TCP_))
		return fail(p, "tcp_flags needs ip_proto tcp");
	if (m & (XSW_ACL_MATCH_ICMP_TYPE | XSW_ACL_MATCH_ICMP_CODE)) {
		const char *key = m & XSW_ACL_MATCH_ICMP_TYPE ? "icmp_type" :
								  "icmp_code";
		bool v6 = r->ip_proto == IPPROTO_ICMPV6_;

		if (!(m & XSW_ACL_MATCH_IP_PROTO) ||
		    (r->ip_proto != IPPROTO_ICMP_ && !v6))
			return fail(p, "%s needs ip_proto icmp or icmpv6", key);
		if ((family && family != (v6 ? AF_INET6 : AF_INET)) ||
		    ((m & XSW_ACL_MATCH_ETH_TYPE) &&
		     r->eth_type != family_eth_type(v6 ? AF_INET6 : AF_INET)))
			return fail(p, "ip_proto %s is for %s; use %s with %s",
				    v6 ? "icmpv6" : "icmp", v6 ? "IPv6" : "IPv4",
				    v6 ? "icmp" : "icmpv6",
				    v6 ? "IPv4" : "IPv6");
	}
	return 0;
}

/* One keyword and its value into @r. */
static int parse_word(struct parser *p, const char *key, const char *arg,
		      struct xsw_acl_rule_info *r)
{
	const struct name *n;
	unsigned long v;

	if (strcmp(key, "priority") == 0) {
		if (number(arg, UINT32_MAX, false, &v))
			return fail(p, "priority \"%s\" is not a number 0..4294967295",
				    arg);
		r->priority = v;
	} else if (strcmp(key, "action") == 0) {
		n = BY_NAME(actions, arg);
		if (!n)
			return fail(p, "unknown action \"%s\" (allow, deny or allow-stateful)",
				    arg);
		r->action = n->value;
	} else if (strcmp(key, "src_mac") == 0) {
		r->match |= XSW_ACL_MATCH_SRC_MAC;
		return parse_mac(p, key, arg, r->src_mac, r->src_mac_mask);
	} else if (strcmp(key, "dst_mac") == 0) {
		r->match |= XSW_ACL_MATCH_DST_MAC;
		return parse_mac(p, key, arg, r->dst_mac, r->dst_mac_mask);
	} else if (strcmp(key, "eth_type") == 0) {
		n = BY_NAME(eth_types, arg);
		if (n)
			v = n->value;
		else if (number(arg, 0xffff, true, &v))
			return fail(p, "unknown eth_type \"%s\" (ipv4, ipv6, arp, or a number 0..0xffff)",
				    arg);
		r->match |= XSW_ACL_MATCH_ETH_TYPE;
		r->eth_type = v;
	} else if (strcmp(key, "vlan_id") == 0) {
		if (number(arg, XSW_VLAN_MAX, false, &v) || v < 1)
			return fail(p, "vlan_id \"%s\" is not a VLAN id 1..%d",
				    arg, XSW_VLAN_MAX);
		r->match |= XSW_ACL_MATCH_VLAN_ID;
		r->vlan_id = v;
	} else if (strcmp(key, "src_ip") == 0) {
		r->match |= XSW_ACL_MATCH_SRC_IP;
		return parse_prefix(p, key, arg, &r->src_ip);
	} else if (strcmp(key, "dst_ip") == 0) {
		r->match |= XSW_ACL_MATCH_DST_IP;
		return parse_prefix(p, key, arg, &r->dst_ip);
	} else if (strcmp(key, "ip_proto") == 0) {
		n = BY_NAME(ip_protos, arg);
		if (n)
			v = n->value;
		else if (number(arg, 255, false, &v))
			return fail(p, "unknown ip_proto \"%s\" (tcp, udp, icmp, icmpv6, sctp, or a number 0..255)",
				    arg);
		r->match |= XSW_ACL_MATCH_IP_PROTO;
		r->ip_proto = v;
	} else if (strcmp(key, "src_port") == 0) {
		r->match |= XSW_ACL_MATCH_SRC_PORT;
		return parse_ports(p, key, arg, &r->src_port_min,
				   &r->src_port_max);
	} else if (strcmp(key, "dst_port") == 0) {
		r->match |= XSW_ACL_MATCH_DST_PORT;
		return parse_ports(p, key, arg, &r->dst_port_min,
				   &r->dst_port_max);
	} else if (strcmp(key, "icmp_type") == 0) {
		r->match |= XSW_ACL_MATCH_ICMP_TYPE;
		return parse_u8(p, key, arg, &r->icmp_type);
	} else if (strcmp(key, "icmp_code") == 0) {
		r->match |= XSW_ACL_MATCH_ICMP_CODE;
		return parse_u8(p, key, arg, &r->icmp_code);
	} else if (strcmp(key, "tcp_flags") == 0) {
		r->match |= XSW_ACL_MATCH_TCP_FLAGS;
		return parse_tcp_flags(p, arg, &r->tcp_flags,
				       &r->tcp_flags_mask);
	} else {
		return fail(p, "unknown keyword \"%s\"", key);
	}
	return 0;
}

/* The keywords, in the order of xsw_acl_rule_format(). */
static const char *const keywords[] = {
	"priority", "action", "src_mac", "dst_mac", "eth_type", "vlan_id",
	"src_ip", "dst_ip", "ip_proto", "src_port", "dst_port", "icmp_type",
	"icmp_code", "tcp_flags",
};

static int keyword_index(const char *key)
{
	unsigned int i;

	for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (strcmp(keywords[i], key) == 0)
			return i;
	return -1;
}

XSW_EXPORT
int xsw_acl_rule_parse(int argc, char *const *argv,
		       struct xsw_acl_rule_info *rule, char *err,
		       size_t errlen)
{
	struct parser p = { .err = err, .errlen = errlen };
	uint32_t seen = 0;
	int i, k, ret;

	memset(rule, 0, sizeof(*rule));
	rule->priority = XSW_ACL_PRIORITY_DEFAULT;
	if (errlen)
		err[0] = '\0';

	for (i = 0; i < argc; i += 2) {
		k = keyword_index(argv[i]);
		if (k < 0)
			return fail(&p, "unknown keyword \"%s\"", argv[i]);
		if (i + 1 >= argc)
			return fail(&p, "\"%s\" needs an argument", argv[i]);
		if (seen & (1u << k))
			return fail(&p, "duplicate \"%s\"", argv[i]);
		seen |= 1u << k;
		ret = parse_word(&p, argv[i], argv[i + 1], rule);
		if (ret)
			return ret;
	}
	if (!rule->action)
		return fail(&p, "action is required: allow, deny or allow-stateful");
	return check(&p, rule);
}

/* Formatting -------------------------------------------------------------- */

static void format_mac(char *buf, size_t len, const uint8_t *addr,
		       const uint8_t *mask)
{
	static const uint8_t ones[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	int n;

	n = snprintf(buf, len, "%02x:%02x:%02x:%02x:%02x:%02x", addr[0],
		     addr[1], addr[2], addr[3], addr[4], addr[5]);
	if (memcmp(mask, ones, 6) && n > 0 && (size_t)n < len)
		snprintf(buf + n, len - n, "/%02x:%02x:%02x:%02x:%02x:%02x",
			 mask[0], mask[1], mask[2], mask[3], mask[4], mask[5]);
}

static void format_prefix(char *buf, size_t len,
			  const struct xsw_acl_prefix *p)
{
	int family = p->family == AF_INET ? AF_INET : AF_INET6;
	size_t n;

	if (!inet_ntop(family, p->addr, buf, len))
		buf[0] = '\0';
	n = strlen(buf);
	if (p->len != (family == AF_INET ? 32 : 128))
		snprintf(buf + n, len - n, "/%u", p->len);
}

static void format_ports(char *buf, size_t len, uint16_t min, uint16_t max)
{
	if (min == max)
		snprintf(buf, len, "%u", min);
	else
		snprintf(buf, len, "%u-%u", min, max);
}

XSW_EXPORT
int xsw_acl_rule_format(const struct xsw_acl_rule_info *r,
			int (*cb)(const char *key, const char *value,
				  void *arg),
			void *arg)
{
	char buf[XSW_ACL_VALUE_TEXT_LEN];
	const char *name;
	uint32_t m = r->match;
	int ret;

#define EMIT(key)					\
	do {						\
		ret = cb(key, buf, arg);		\
		if (ret)				\
			return ret;			\
	} while (0)

	snprintf(buf, sizeof(buf), "%u", r->priority);
	EMIT("priority");
	name = BY_VALUE(actions, r->action);
	if (name)
		snprintf(buf, sizeof(buf), "%s", name);
	else
		snprintf(buf, sizeof(buf), "%u", r->action);
	EMIT("action");

	if (m & XSW_ACL_MATCH_SRC_MAC) {
		format_mac(buf, sizeof(buf), r->src_mac, r->src_mac_mask);
		EMIT("src_mac");
	}
	if (m & XSW_ACL_MATCH_DST_MAC) {
		format_mac(buf, sizeof(buf), r->dst_mac, r->dst_mac_mask);
		EMIT("dst_mac");
	}
	if (m & XSW_ACL_MATCH_ETH_TYPE) {
		name = eth_type_text(r->eth_type, buf, sizeof(buf));
		if (name != buf)
			snprintf(buf, sizeof(buf), "%s", name);
		EMIT("eth_type");
	}
	if (m & XSW_ACL_MATCH_VLAN_ID) {
		snprintf(buf, sizeof(buf), "%u", r->vlan_id);
		EMIT("vlan_id");
	}
	if (m & XSW_ACL_MATCH_SRC_IP) {
		format_prefix(buf, sizeof(buf), &r->src_ip);
		EMIT("src_ip");
	}
	if (m & XSW_ACL_MATCH_DST_IP) {
		format_prefix(buf, sizeof(buf), &r->dst_ip);
		EMIT("dst_ip");
	}
	if (m & XSW_ACL_MATCH_IP_PROTO) {
		name = BY_VALUE(ip_protos, r->ip_proto);
		if (name)
			snprintf(buf, sizeof(buf), "%s", name);
		else
			snprintf(buf, sizeof(buf), "%u", r->ip_proto);
		EMIT("ip_proto");
	}
	if (m & XSW_ACL_MATCH_SRC_PORT) {
		format_ports(buf, sizeof(buf), r->src_port_min,
			     r->src_port_max);
		EMIT("src_port");
	}
	if (m & XSW_ACL_MATCH_DST_PORT) {
		format_ports(buf, sizeof(buf), r->dst_port_min,
			     r->dst_port_max);
		EMIT("dst_port");
	}
	if (m & XSW_ACL_MATCH_ICMP_TYPE) {
		snprintf(buf, sizeof(buf), "%u", r->icmp_type);
		EMIT("icmp_type");
	}
	if (m & XSW_ACL_MATCH_ICMP_CODE) {
		snprintf(buf, sizeof(buf), "%u", r->icmp_code);
		EMIT("icmp_code");
	}
	if (m & XSW_ACL_MATCH_TCP_FLAGS) {
		if (r->tcp_flags_mask == 0xff)
			snprintf(buf, sizeof(buf), "0x%02x", r->tcp_flags);
		else
			snprintf(buf, sizeof(buf), "0x%02x/0x%02x",
				 r->tcp_flags, r->tcp_flags_mask);
		EMIT("tcp_flags");
	}
#undef EMIT
	return 0;
}
