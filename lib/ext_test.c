// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Host test of ext.c, run by "make -C lib test"; no kernel needed.
 *
 * It includes ext.c to reach its static parts, and is linked with
 * -Wl,--wrap=xsw_do so that requests go to fake_kernel() below instead of
 * a socket.  It checks:
 *   - option values, text to wire and back, for every type, with bad
 *     input of each kind;
 *   - a hand-built EXT_GET reply parsed into struct xsw_ext_info;
 *   - the encoding of settings, and the messages for unknown options,
 *     bad values and out-of-range numbers;
 *   - the requests attach and set send: with the extension registered,
 *     and not (attach, read the declarations, set, and detach again when
 *     the set fails, keeping its error).
 */
#include <stdio.h>

#include "ext.c"
#include "ext_value.c"
#include "test.h"

/* Values ----------------------------------------------------------------- */

struct value_case {
	uint8_t type;
	const char *text;
	int err;		/* of xsw_ext_value_parse() */
	size_t len;
	const char *wire;	/* expected bytes, as hex */
	const char *back;	/* xsw_ext_value_format() of them; NULL: text */
};

static const struct value_case value_cases[] = {
	{ XSW_EXT_OPT_U32, "0", 0, 4, "00000000", NULL },
	{ XSW_EXT_OPT_U32, "35020", 0, 4, NULL, NULL },
	{ XSW_EXT_OPT_U32, "0x88cc", 0, 4, NULL, "35020" },
	{ XSW_EXT_OPT_U32, "0X88CC", 0, 4, NULL, "35020" },
	{ XSW_EXT_OPT_U32, "007", 0, 4, NULL, "7" },
	{ XSW_EXT_OPT_U32, "4294967295", 0, 4, "ffffffff", NULL },
	{ XSW_EXT_OPT_U32, "0xffffffff", 0, 4, "ffffffff", "4294967295" },
	{ XSW_EXT_OPT_U32, "4294967296", -ERANGE, 0, NULL, NULL },
	{ XSW_EXT_OPT_U32, "0x1ffffffff", -ERANGE, 0, NULL, NULL },
	{ XSW_EXT_OPT_U32, "99999999999999999999999", -ERANGE, 0, NULL, NULL },
	{ XSW_EXT_OPT_U32, "", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_U32, "0x", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_U32, "-1", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_U32, "+1", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_U32, " 1", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_U32, "1 ", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_U32, "12a", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_U32, "0x12g", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_U32, "99999999999x", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_BOOL, "on", 0, 1, "01", NULL },
	{ XSW_EXT_OPT_BOOL, "off", 0, 1, "00", NULL },
	{ XSW_EXT_OPT_BOOL, "true", 0, 1, "01", "on" },
	{ XSW_EXT_OPT_BOOL, "false", 0, 1, "00", "off" },
	{ XSW_EXT_OPT_BOOL, "1", 0, 1, "01", "on" },
	{ XSW_EXT_OPT_BOOL, "0", 0, 1, "00", "off" },
	{ XSW_EXT_OPT_BOOL, "yes", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_BOOL, "ON", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_BOOL, "2", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_BOOL, "", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_STRING, "eth0 uplink", 0, 12, NULL, NULL },
	{ XSW_EXT_OPT_STRING, "", 0, 1, "00", NULL },
	{ XSW_EXT_OPT_STRING, "ab", 0, 3, "616200", NULL },
	{ XSW_EXT_OPT_BINARY, "deadbeef", 0, 4, "deadbeef", NULL },
	{ XSW_EXT_OPT_BINARY, "DE:AD:be:ef", 0, 4, "deadbeef", "deadbeef" },
	{ XSW_EXT_OPT_BINARY, "00", 0, 1, "00", NULL },
	{ XSW_EXT_OPT_BINARY, "", 0, 0, "", NULL },
	{ XSW_EXT_OPT_BINARY, "abc", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_BINARY, "a", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_BINARY, "de:a", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_BINARY, "d:ea", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_BINARY, "dead:beef", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_BINARY, "de:ad:", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_BINARY, ":de", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_BINARY, "de::ad", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_BINARY, "de ad", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_BINARY, "0xdead", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_BINARY, "zz", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_MAC, "02:00:00:00:00:01", 0, 6, "020000000001", NULL },
	{ XSW_EXT_OPT_MAC, "AA:BB:CC:DD:EE:FF", 0, 6, "aabbccddeeff",
	  "aa:bb:cc:dd:ee:ff" },
	{ XSW_EXT_OPT_MAC, "2:0:0:0:0:1", 0, 6, "020000000001",
	  "02:00:00:00:00:01" },
	{ XSW_EXT_OPT_MAC, "02:00:00:00:00", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_MAC, "02:00:00:00:00:01:02", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_MAC, "02-00-00-00-00-01", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_MAC, "020:00:00:00:00:01", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_MAC, "02:00:00:00:00:", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_MAC, "", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_IP, "192.0.2.1", 0, 4, "c0000201", NULL },
	{ XSW_EXT_OPT_IP, "2001:db8::1", 0, 16,
	  "20010db8000000000000000000000001", NULL },
	{ XSW_EXT_OPT_IP, "::ffff:192.0.2.1", 0, 16, NULL, NULL },
	{ XSW_EXT_OPT_IP, "none", 0, 0, "", NULL },
	{ XSW_EXT_OPT_IP, "1.2.3", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_IP, "1.2.3.4.5", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_IP, "256.1.1.1", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_IP, "::g", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_IP, "None", -EINVAL, 0, NULL, NULL },
	{ XSW_EXT_OPT_IP, "", -EINVAL, 0, NULL, NULL },
	{ 0, "1", -EOPNOTSUPP, 0, NULL, NULL },
	{ XSW_EXT_OPT_MAX + 1, "1", -EOPNOTSUPP, 0, NULL, NULL },
};

static void to_hex(const uint8_t *d, size_t len, char *buf)
{
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < len; i++)
		sprintf(buf + 2 * i, "%02x", d[i]);
}

static void test_value_cases(void)
{
	size_t i;

	for (i = 0; i < sizeof(value_cases) / sizeof(value_cases[0]); i++) {
		const struct value_case *c = &value_cases[i];
		char hex[2 * XSW_EXT_OPT_MAX_LEN + 1];
		char text[XSW_EXT_VALUE_TEXT_LEN];
		uint8_t buf[XSW_EXT_OPT_MAX_LEN];
		size_t len = 99;
		int err, ferr;

		err = xsw_ext_value_parse(c->type, c->text, buf, sizeof(buf),
					  &len);
		if (c->err || err) {
			CHECK(err == c->err && len == 99,
			      "parse type %u \"%s\": %d, want %d", c->type,
			      c->text, err, c->err);
			continue;
		}
		to_hex(buf, len, hex);
		ferr = xsw_ext_value_format(c->type, buf, len, text,
					    sizeof(text));
		CHECK(len == c->len && (!c->wire || !strcmp(hex, c->wire)) &&
		      !ferr && !strcmp(text, c->back ? c->back : c->text),
		      "type %u \"%s\" -> %zu bytes %s -> \"%s\" (%d)", c->type,
		      c->text, len, hex, text, ferr);
	}
}

static void test_value_limits(void)
{
	char text[XSW_EXT_VALUE_TEXT_LEN], small[4];
	uint8_t buf[XSW_EXT_OPT_MAX_LEN + 8];
	char big[2 * (XSW_EXT_OPT_MAX_LEN + 1) + 1];
	static const uint8_t two = 2, abc[3] = { 'a', 'b', 'c' };
	static const uint8_t five[5] = { 1, 2, 3, 4, 5 };
	size_t len = 0;
	int err;

	/* STRING: 63 characters and the NUL fit, 64 do not */
	memset(big, 'x', XSW_EXT_OPT_MAX_LEN - 1);
	big[XSW_EXT_OPT_MAX_LEN - 1] = '\0';
	err = xsw_ext_value_parse(XSW_EXT_OPT_STRING, big, buf, sizeof(buf),
				  &len);
	CHECK(err == 0 && len == XSW_EXT_OPT_MAX_LEN,
	      "string of %d characters: %d, %zu bytes",
	      XSW_EXT_OPT_MAX_LEN - 1, err, len);
	big[XSW_EXT_OPT_MAX_LEN - 1] = 'x';
	big[XSW_EXT_OPT_MAX_LEN] = '\0';
	err = xsw_ext_value_parse(XSW_EXT_OPT_STRING, big, buf, sizeof(buf),
				  &len);
	CHECK(err == -EMSGSIZE, "string of %d characters: %d",
	      XSW_EXT_OPT_MAX_LEN, err);

	/* BINARY: 64 bytes fit, 65 do not; nor does anything beyond @size */
	memset(big, 'a', 2 * XSW_EXT_OPT_MAX_LEN);
	big[2 * XSW_EXT_OPT_MAX_LEN] = '\0';
	err = xsw_ext_value_parse(XSW_EXT_OPT_BINARY, big, buf, sizeof(buf),
				  &len);
	CHECK(err == 0 && len == XSW_EXT_OPT_MAX_LEN, "binary of %d bytes: %d",
	      XSW_EXT_OPT_MAX_LEN, err);
	err = xsw_ext_value_format(XSW_EXT_OPT_BINARY, buf, len, text,
				   sizeof(text));
	CHECK(err == 0 && !strcmp(text, big),
	      "binary of %d bytes fits XSW_EXT_VALUE_TEXT_LEN: %d",
	      XSW_EXT_OPT_MAX_LEN, err);
	strcat(big, "aa");
	err = xsw_ext_value_parse(XSW_EXT_OPT_BINARY, big, buf, sizeof(buf),
				  &len);
	CHECK(err == -EMSGSIZE, "binary of %d bytes: %d",
	      XSW_EXT_OPT_MAX_LEN + 1, err);
	err = xsw_ext_value_parse(XSW_EXT_OPT_BINARY, "aabbcc", buf, 2, &len);
	CHECK(err == -EMSGSIZE, "binary beyond the buffer: %d", err);
	err = xsw_ext_value_parse(XSW_EXT_OPT_U32, "1", buf, 3, &len);
	CHECK(err == -EMSGSIZE, "u32 into 3 bytes: %d", err);
	err = xsw_ext_value_parse(XSW_EXT_OPT_IP, "2001:db8::1", buf, 8, &len);
	CHECK(err == -EINVAL || err == -EMSGSIZE, "IPv6 into 8 bytes: %d",
	      err);

	/* wire values that are not of their type */
	CHECK(xsw_ext_value_format(XSW_EXT_OPT_U32, abc, 3, text,
				   sizeof(text)) == -EINVAL, "u32 of 3 bytes");
	CHECK(xsw_ext_value_format(XSW_EXT_OPT_BOOL, &two, 1, text,
				   sizeof(text)) == -EINVAL, "bool of 2");
	CHECK(xsw_ext_value_format(XSW_EXT_OPT_BOOL, abc, 2, text,
				   sizeof(text)) == -EINVAL, "bool of 2 bytes");
	CHECK(xsw_ext_value_format(XSW_EXT_OPT_MAC, five, 5, text,
				   sizeof(text)) == -EINVAL, "mac of 5 bytes");
	CHECK(xsw_ext_value_format(XSW_EXT_OPT_IP, five, 5, text,
				   sizeof(text)) == -EINVAL, "ip of 5 bytes");
	CHECK(xsw_ext_value_format(99, five, 5, text, sizeof(text)) ==
	      -EOPNOTSUPP, "unknown type");
	err = xsw_ext_value_format(XSW_EXT_OPT_STRING, abc, 3, text,
				   sizeof(text));
	CHECK(err == 0 && !strcmp(text, "abc"), "string without NUL: \"%s\"",
	      text);
	CHECK(xsw_ext_value_format(XSW_EXT_OPT_STRING, abc, 3, small, 3) ==
	      -ENOSPC, "string into a small buffer");
	CHECK(xsw_ext_value_format(XSW_EXT_OPT_BINARY, abc, 2, small, 4) ==
	      -ENOSPC, "binary into a small buffer");
	CHECK(xsw_ext_value_format(XSW_EXT_OPT_IP, five, 4, small, 4) ==
	      -ENOSPC, "ip into a small buffer");
	CHECK(xsw_ext_value_format(XSW_EXT_OPT_U32, five, 4, small, 4) ==
	      -ENOSPC, "u32 into a small buffer");
}

/* A hand-built EXT_GET reply ------------------------------------------------ */

static void put_decl(struct nl_msg *msg, const char *name, uint8_t type,
		     const uint32_t *min, const uint32_t *max,
		     const uint32_t *def, const char *help)
{
	struct nlattr *o = nla_nest_start(msg, XSW_A_EXT_OPTION);

	nla_put_string(msg, XSW_A_EXT_OPT_NAME, name);
	nla_put_u8(msg, XSW_A_EXT_OPT_TYPE, type);
	if (min)
		nla_put_u32(msg, XSW_A_EXT_OPT_RANGE_MIN, *min);
	if (max)
		nla_put_u32(msg, XSW_A_EXT_OPT_RANGE_MAX, *max);
	if (def)
		nla_put_u32(msg, XSW_A_EXT_OPT_DEFAULT, *def);
	if (help)
		nla_put_string(msg, XSW_A_EXT_OPT_HELP, help);
	nla_nest_end(msg, o);
}

/* A value; type < 0 leaves XSW_A_EXT_OPT_TYPE out. */
static void put_value(struct nl_msg *msg, const char *name, int type,
		      const void *data, int len)
{
	struct nlattr *o = nla_nest_start(msg, XSW_A_EXT_OPTION);

	nla_put_string(msg, XSW_A_EXT_OPT_NAME, name);
	if (type >= 0)
		nla_put_u8(msg, XSW_A_EXT_OPT_TYPE, type);
	nla_put(msg, XSW_A_EXT_OPT_VALUE, len, data);
	nla_nest_end(msg, o);
}

/*
 * "example": a filter with options ethertype (u32 0x600..0xffff, default
 * 0x88cc), log (bool), tag (string, at most 8), key (binary, at most 4),
 * peer (mac) and gw (ip), attached to sw0 and sw1.  @bad adds what a
 * broken kernel could send: 1, a value of 65 bytes; 2, an option without
 * a name.
 */
static struct nl_msg *build_reply(int bad)
{
	static const uint32_t lo = 0x600, hi = 0xffff, def = 0x88cc, one = 1;
	static const uint32_t eight = 8, four = 4;
	static const uint8_t gw[4] = { 192, 0, 2, 1 }, on = 1;
	uint8_t big[XSW_EXT_OPT_MAX_LEN + 1] = { 0 };
	struct nlattr *opts, *list, *at, *st;
	uint32_t ethertype = 0x88cc;
	struct nl_msg *msg = nlmsg_alloc();

	if (!msg)
		return NULL;
	genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, 42, 0, 0, XSW_CMD_EXT_GET,
		    XSW_GENL_VERSION);
	nla_put_string(msg, XSW_A_EXT_NAME, "example");
	nla_put_u8(msg, XSW_A_EXT_TYPE, XSW_EXT_TYPE_FILTER);
	nla_put_string(msg, XSW_A_EXT_DESCRIPTION,
		       "drop frames of one ethertype");
	nla_put_string(msg, XSW_A_EXT_VERSION, "1.0");
	nla_put_u32(msg, XSW_A_EXT_MAX + 1, 7);	/* from a newer kernel */

	opts = nla_nest_start(msg, XSW_A_EXT_OPTIONS);
	put_decl(msg, "ethertype", XSW_EXT_OPT_U32, &lo, &hi, &def,
		 "the ethertype to drop");
	put_decl(msg, "log", XSW_EXT_OPT_BOOL, NULL, &one, &one, "count only");
	put_decl(msg, "tag", XSW_EXT_OPT_STRING, NULL, &eight, NULL, NULL);
	put_decl(msg, "key", XSW_EXT_OPT_BINARY, NULL, &four, NULL, NULL);
	put_decl(msg, "peer", XSW_EXT_OPT_MAC, NULL, NULL, NULL, NULL);
	put_decl(msg, "gw", XSW_EXT_OPT_IP, NULL, NULL, NULL, "next hop");
	nla_nest_end(msg, opts);

	list = nla_nest_start(msg, XSW_A_EXT_ATTACHMENTS);
	at = nla_nest_start(msg, XSW_A_EXT_ATTACHMENT);
	nla_put_u32(msg, XSW_A_EXT_SWITCH_IFINDEX, 5);
	nla_put_string(msg, XSW_A_EXT_SWITCH_IFNAME, "sw0");
	nla_put_u32(msg, XSW_A_EXT_PRIORITY, 100);
	opts = nla_nest_start(msg, XSW_A_EXT_OPTIONS);
	put_value(msg, "ethertype", XSW_EXT_OPT_U32, &ethertype, 4);
	put_value(msg, "log", XSW_EXT_OPT_BOOL, &on, 1);
	put_value(msg, "gw", -1, gw, 4);
	if (bad == 1)
		put_value(msg, "key", XSW_EXT_OPT_BINARY, big, sizeof(big));
	if (bad == 2) {
		struct nlattr *o = nla_nest_start(msg, XSW_A_EXT_OPTION);

		nla_put_u8(msg, XSW_A_EXT_OPT_TYPE, XSW_EXT_OPT_U32);
		nla_nest_end(msg, o);
	}
	nla_nest_end(msg, opts);
	st = nla_nest_start(msg, XSW_A_EXT_STATS);
	nla_put_u64(msg, XSW_A_EXT_STATS_INGRESS, 10);
	nla_put_u64(msg, XSW_A_EXT_STATS_EGRESS, 1ULL << 40);
	nla_put_u64(msg, XSW_A_EXT_STATS_DROPPED, 3);
	nla_put_u64(msg, XSW_A_EXT_STATS_CLONED, 1);
	nla_nest_end(msg, st);
	nla_nest_end(msg, at);
	at = nla_nest_start(msg, XSW_A_EXT_ATTACHMENT);
	nla_put_u32(msg, XSW_A_EXT_SWITCH_IFINDEX, 7);
	nla_put_string(msg, XSW_A_EXT_SWITCH_IFNAME, "sw1");
	nla_put_u32(msg, XSW_A_EXT_PRIORITY, 5);
	nla_nest_end(msg, at);
	nla_nest_end(msg, list);
	return msg;
}

/* Parse @msg as xsw_do() would, with ext_attrs, and hand it to @parse. */
static int deliver(struct xsw_handle *h, struct nl_msg *msg,
		   xsw_parse_fn parse, void *arg)
{
	struct nlattr *tb[XSW_A_EXT_MAX + 1];
	int err;

	err = genlmsg_parse(nlmsg_hdr(msg), 0, tb, XSW_A_EXT_MAX, ext_policy);
	if (err < 0)
		err = xsw_seterr(h, -EBADMSG, "malformed: %s",
				 nl_geterror(err));
	else
		err = parse(h, tb, arg);
	nlmsg_free(msg);
	return err;
}

static void test_reply(void)
{
	struct xsw_handle h = { 0 };
	const struct xsw_ext_attachment *a;
	struct xsw_ext_info e;
	const struct xsw_ext_opt_info *o;
	char text[XSW_EXT_VALUE_TEXT_LEN];
	int err;

	memset(&e, 0, sizeof(e));
	err = deliver(&h, build_reply(0), parse_one, &e);
	CHECK(err == 0, "parse reply: %d \"%s\"", err, h.errmsg);
	if (err)
		return;
	CHECK(!strcmp(e.name, "example") && e.type == XSW_EXT_TYPE_FILTER &&
	      !strcmp(e.description, "drop frames of one ethertype") &&
	      !strcmp(e.version, "1.0"), "extension: %s %u \"%s\" %s",
	      e.name, e.type, e.description, e.version);

	o = e.options;
	CHECK(e.num_options == 6 && !strcmp(o[0].name, "ethertype") &&
	      o[0].type == XSW_EXT_OPT_U32 && o[0].has_min &&
	      o[0].min == 0x600 && o[0].has_max && o[0].max == 0xffff &&
	      o[0].has_default && o[0].def == 0x88cc &&
	      !strcmp(o[0].help, "the ethertype to drop"),
	      "declaration of a u32: %u options, %s %u..%u default %u \"%s\"",
	      e.num_options, o[0].name, o[0].min, o[0].max, o[0].def,
	      o[0].help);
	CHECK(o[1].type == XSW_EXT_OPT_BOOL && !o[1].has_min &&
	      o[1].has_default && o[1].def == 1 &&
	      o[2].type == XSW_EXT_OPT_STRING && o[2].has_max &&
	      o[2].max == 8 && !o[2].has_default && !o[2].help[0] &&
	      o[5].type == XSW_EXT_OPT_IP && !strcmp(o[5].name, "gw") &&
	      !o[5].has_max && !strcmp(o[5].help, "next hop"),
	      "declarations of bool, string, ip");

	CHECK(e.num_attached == 2 && e.attached, "%zu attachments",
	      e.num_attached);
	if (e.num_attached != 2) {
		xsw_ext_info_free(&e);
		return;
	}
	a = &e.attached[0];
	CHECK(a->switch_ifindex == 5 && !strcmp(a->switch_ifname, "sw0") &&
	      a->priority == 100 && a->num_options == 3,
	      "attachment: %u %s priority %u, %u values", a->switch_ifindex,
	      a->switch_ifname, a->priority, a->num_options);
	CHECK(a->stats.ingress == 10 && a->stats.egress == 1ULL << 40 &&
	      a->stats.dropped == 3 && a->stats.injected == 0 &&
	      a->stats.cloned == 1, "attachment stats");
	xsw_ext_value_format(a->options[0].type, a->options[0].data,
			     a->options[0].len, text, sizeof(text));
	CHECK(!strcmp(a->options[0].name, "ethertype") &&
	      a->options[0].type == XSW_EXT_OPT_U32 &&
	      !strcmp(text, "35020"), "value ethertype %s", text);
	xsw_ext_value_format(a->options[2].type, a->options[2].data,
			     a->options[2].len, text, sizeof(text));
	CHECK(!strcmp(a->options[2].name, "gw") &&
	      a->options[2].type == XSW_EXT_OPT_IP &&
	      !strcmp(text, "192.0.2.1"),
	      "value without a type takes its declaration's: gw %s", text);
	a = &e.attached[1];
	CHECK(a->switch_ifindex == 7 && !strcmp(a->switch_ifname, "sw1") &&
	      a->priority == 5 && a->num_options == 0 && !a->stats.ingress,
	      "second attachment, bare");
	xsw_ext_info_free(&e);
	CHECK(!e.attached && !e.num_attached, "xsw_ext_info_free()");

	err = deliver(&h, build_reply(1), parse_one, &e);
	CHECK(err == -EBADMSG && strstr(h.errmsg, "option value") &&
	      !e.attached, "value of 65 bytes: %d \"%s\"", err, h.errmsg);
	err = deliver(&h, build_reply(2), parse_one, &e);
	CHECK(err == -EBADMSG && strstr(h.errmsg, "without a name") &&
	      !e.attached, "value without a name: %d \"%s\"", err, h.errmsg);
}

/* Settings ------------------------------------------------------------- */

/* The declarations of build_reply(). */
static int get_decls(struct xsw_ext_info *e)
{
	struct xsw_handle h = { 0 };

	memset(e, 0, sizeof(*e));
	return deliver(&h, build_reply(0), parse_one, e);
}

/* The value of option @name in the XSW_A_EXT_OPTIONS of request @msg. */
static int sent_value(struct nl_msg *msg, const char *name, char *hex)
{
	struct nlattr *opts, *a, *tb[XSW_A_EXT_OPT_MAX + 1];
	int rem;

	hex[0] = '\0';
	opts = nlmsg_find_attr(nlmsg_hdr(msg), GENL_HDRLEN, XSW_A_EXT_OPTIONS);
	if (!opts)
		return -1;
	nla_for_each_nested(a, opts, rem) {
		if (nla_type(a) != XSW_A_EXT_OPTION ||
		    nla_parse_nested(tb, XSW_A_EXT_OPT_MAX, a, opt_policy) ||
		    !tb[XSW_A_EXT_OPT_NAME] || !tb[XSW_A_EXT_OPT_VALUE] ||
		    tb[XSW_A_EXT_OPT_TYPE] ||
		    strcmp(nla_get_string(tb[XSW_A_EXT_OPT_NAME]), name))
			continue;
		to_hex(nla_data(tb[XSW_A_EXT_OPT_VALUE]),
		       nla_len(tb[XSW_A_EXT_OPT_VALUE]), hex);
		return 0;
	}
	return -1;
}

struct setting_case {
	const char *name;
	const char *value;
	int err;
	const char *msg;	/* in the handle's message, or the hex sent */
};

static const struct setting_case setting_cases[] = {
	{ "ethertype", "0x86dd", 0, "dd860000" },
	{ "ethertype", "1536", 0, "00060000" },
	{ "ethertype", "65535", 0, "ffff0000" },
	{ "log", "off", 0, "00" },
	{ "tag", "12345678", 0, "313233343536373800" },
	{ "key", "de:ad:be:ef", 0, "deadbeef" },
	{ "peer", "02:00:00:00:00:01", 0, "020000000001" },
	{ "gw", "none", 0, "" },
	{ "gw", "2001:db8::1", 0, "20010db8000000000000000000000001" },
	{ "foo", "1", -EINVAL, "extension \"example\" has no option \"foo\"" },
	{ "ethertype", "x", -EINVAL,
	  "option \"ethertype\" of extension \"example\": \"x\" is not a number" },
	{ "ethertype", "0x1ffffffff", -ERANGE,
	  "\"0x1ffffffff\" is above 4294967295" },
	{ "ethertype", "1535", -ERANGE,
	  "option \"ethertype\" of extension \"example\": 1535 is out of range 1536..65535" },
	{ "ethertype", "65536", -ERANGE, "out of range 1536..65535" },
	{ "log", "maybe", -EINVAL, "is not on, off, true, false, 1 or 0" },
	{ "tag", "123456789", -ERANGE, "at most 8 characters long, not 9" },
	{ "key", "0102030405", -ERANGE, "at most 4 bytes long, not 5" },
	{ "key", "012", -EINVAL, "odd hex digit" },
	{ "peer", "02:00:00:00:00", -EINVAL, "not an Ethernet address" },
	{ "gw", "1.2.3", -EINVAL,
	  "\"1.2.3\" is not an IPv4 or IPv6 address, or none" },
};

static void test_settings(void)
{
	struct xsw_handle h = { 0 };
	struct xsw_ext_info e;
	char hex[2 * XSW_EXT_OPT_MAX_LEN + 1];
	size_t i;
	int err;

	if (get_decls(&e)) {
		CHECK(0, "declarations for the settings test");
		return;
	}
	for (i = 0; i < sizeof(setting_cases) / sizeof(setting_cases[0]);
	     i++) {
		const struct setting_case *c = &setting_cases[i];
		struct xsw_ext_setting s = { c->name, c->value };
		struct nl_msg *msg = xsw_msg_new(&h, XSW_CMD_EXT_SET);

		err = put_settings(&h, msg, &e, &s, 1);
		if (c->err) {
			CHECK(err == c->err && strstr(h.errmsg, c->msg),
			      "%s %s: %d \"%s\"", c->name, c->value, err,
			      h.errmsg);
		} else {
			sent_value(msg, c->name, hex);
			CHECK(err == 0 && !strcmp(hex, c->msg),
			      "%s %s: %d, sent %s", c->name, c->value, err,
			      hex);
		}
		nlmsg_free(msg);
	}

	{
		const struct xsw_ext_setting twice[] = {
			{ "log", "on" }, { "tag", "a" }, { "log", "off" },
		};
		struct nl_msg *msg = xsw_msg_new(&h, XSW_CMD_EXT_SET);

		err = put_settings(&h, msg, &e, twice, 3);
		CHECK(err == -EINVAL &&
		      !strcmp(h.errmsg, "option \"log\" is given twice"),
		      "an option given twice: %d \"%s\"", err, h.errmsg);
		nlmsg_free(msg);
	}
	xsw_ext_info_free(&e);
}

/* A fake kernel for attach and set ------------------------------------- */

static struct {
	bool registered;	/* GET finds "example" */
	bool autoload;		/* ATTACH registers it */
	int attach_err;
	int set_err;
	char log[64];		/* the requests, e.g. "G Ap G So D " */
	char sent[2 * XSW_EXT_OPT_MAX_LEN + 1];	/* ethertype of the last */
	int priority;		/* of the last request; -1 when none */
} fake;

static void fake_reset(bool registered)
{
	memset(&fake, 0, sizeof(fake));
	fake.registered = registered;
	fake.autoload = true;
	fake.priority = -1;
}

/* As the kernel's error reaches the handle in nl.c. */
static int fake_error(struct xsw_handle *h, int err, const char *msg,
		      int attr)
{
	h->err = err;
	h->errattr = attr;
	snprintf(h->errmsg, sizeof(h->errmsg), "%s", msg);
	return err;
}

int __wrap_xsw_do(struct xsw_handle *h, struct nl_msg *msg,
		  const struct xsw_attrs *attrs, xsw_parse_fn parse,
		  void *arg);

int __wrap_xsw_do(struct xsw_handle *h, struct nl_msg *msg,
		  const struct xsw_attrs *attrs, xsw_parse_fn parse,
		  void *arg)
{
	struct genlmsghdr *g = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *prio;
	bool opts;
	int err = 0;

	(void)attrs;
	opts = nlmsg_find_attr(nlmsg_hdr(msg), GENL_HDRLEN,
			       XSW_A_EXT_OPTIONS) != NULL;
	prio = nlmsg_find_attr(nlmsg_hdr(msg), GENL_HDRLEN,
			       XSW_A_EXT_PRIORITY);
	fake.priority = prio ? (int)nla_get_u32(prio) : -1;
	sent_value(msg, "ethertype", fake.sent);
	snprintf(fake.log + strlen(fake.log),
		 sizeof(fake.log) - strlen(fake.log), "%c%s%s ",
		 g->cmd == XSW_CMD_EXT_GET ? 'G' :
		 g->cmd == XSW_CMD_EXT_ATTACH ? 'A' :
		 g->cmd == XSW_CMD_EXT_SET ? 'S' :
		 g->cmd == XSW_CMD_EXT_DETACH ? 'D' : '?', prio ? "p" : "",
		 opts ? "o" : "");

	switch (g->cmd) {
	case XSW_CMD_EXT_GET:
		nlmsg_free(msg);
		if (!fake.registered)
			return fake_error(h, -ENOENT, "unknown extension",
					  XSW_A_EXT_NAME);
		return deliver(h, build_reply(0), parse, arg);
	case XSW_CMD_EXT_ATTACH:
		if (fake.attach_err)
			err = fake_error(h, fake.attach_err,
					 "no extension \"example\"",
					 XSW_A_EXT_NAME);
		else if (fake.autoload)
			fake.registered = true;
		break;
	case XSW_CMD_EXT_SET:
		if (fake.set_err)
			err = fake_error(h, fake.set_err, "the extension says no",
					 XSW_A_EXT_OPTIONS);
		break;
	}
	nlmsg_free(msg);
	return err;
}

static void test_attach(void)
{
	const struct xsw_ext_setting good[] = {
		{ "ethertype", "0x86dd" }, { "log", "on" },
	};
	const struct xsw_ext_setting unknown[] = {
		{ "ethertype", "0x86dd" }, { "foo", "1" },
	};
	struct xsw_handle h = { 0 };
	int err;

	fake_reset(true);
	err = xsw_ext_attach(&h, "sw0", "example", -1, NULL, 0);
	CHECK(err == 0 && !strcmp(fake.log, "A ") && fake.priority == -1,
	      "attach bare: %d, requests %s", err, fake.log);

	fake_reset(false);
	err = xsw_ext_attach(&h, "sw0", "example", 7, NULL, 0);
	CHECK(err == 0 && !strcmp(fake.log, "Ap ") && fake.priority == 7,
	      "attach bare, not loaded, priority: %d, requests %s", err,
	      fake.log);

	fake_reset(true);
	err = xsw_ext_attach(&h, "sw0", "example", 7, good, 2);
	CHECK(err == 0 && !strcmp(fake.log, "G Apo ") &&
	      !strcmp(fake.sent, "dd860000") && fake.priority == 7,
	      "attach with settings, loaded: %d, requests %s, sent %s", err,
	      fake.log, fake.sent);

	fake_reset(false);
	err = xsw_ext_attach(&h, "sw0", "example", 7, good, 2);
	CHECK(err == 0 && !strcmp(fake.log, "G Ap G So ") &&
	      !strcmp(fake.sent, "dd860000") && fake.priority == -1,
	      "attach with settings, not loaded: %d, requests %s", err,
	      fake.log);

	fake_reset(false);
	fake.set_err = -EINVAL;
	err = xsw_ext_attach(&h, "sw0", "example", -1, good, 2);
	CHECK(err == -EINVAL && !strcmp(fake.log, "G A G So D ") &&
	      !strcmp(xsw_errmsg(&h), "the extension says no") &&
	      xsw_errattr(&h) == XSW_A_EXT_OPTIONS,
	      "set after autoload fails: detached, its error kept: %d \"%s\" attr %d, requests %s",
	      err, xsw_errmsg(&h), xsw_errattr(&h), fake.log);

	fake_reset(false);
	err = xsw_ext_attach(&h, "sw0", "example", -1, unknown, 2);
	CHECK(err == -EINVAL && !strcmp(fake.log, "G A G D ") &&
	      !strcmp(xsw_errmsg(&h),
		      "extension \"example\" has no option \"foo\""),
	      "unknown option after autoload: detached: %d \"%s\", requests %s",
	      err, xsw_errmsg(&h), fake.log);

	fake_reset(false);
	fake.attach_err = -ENOENT;
	err = xsw_ext_attach(&h, "sw0", "example", -1, good, 2);
	CHECK(err == -ENOENT && !strcmp(fake.log, "G A ") &&
	      !strcmp(xsw_errmsg(&h), "no extension \"example\""),
	      "no such module: %d \"%s\", requests %s", err, xsw_errmsg(&h),
	      fake.log);

	fake_reset(true);
	err = xsw_ext_attach(&h, "sw0", "example", -1, unknown, 2);
	CHECK(err == -EINVAL && !strcmp(fake.log, "G ") &&
	      !strcmp(xsw_errmsg(&h),
		      "extension \"example\" has no option \"foo\""),
	      "unknown option, loaded: nothing attached: %d, requests %s",
	      err, fake.log);

	fake_reset(true);
	err = xsw_ext_set(&h, "sw0", "example", -1, good, 1);
	CHECK(err == 0 && !strcmp(fake.log, "G So ") &&
	      !strcmp(fake.sent, "dd860000") && fake.priority == -1,
	      "set: %d, requests %s", err, fake.log);

	fake_reset(true);
	err = xsw_ext_set(&h, "sw0", "example", 0, NULL, 0);
	CHECK(err == 0 && !strcmp(fake.log, "Sp ") && fake.priority == 0,
	      "set priority only: %d, requests %s", err, fake.log);

	fake_reset(false);
	err = xsw_ext_set(&h, "sw0", "example", -1, good, 1);
	CHECK(err == -ENOENT && !strcmp(fake.log, "G "),
	      "set of an unknown extension: %d, requests %s", err, fake.log);

	fake_reset(true);
	err = xsw_ext_attach(&h, "sw0", "example", 65536, NULL, 0);
	CHECK(err == -ERANGE && !fake.log[0] &&
	      !strcmp(xsw_errmsg(&h), "priority 65536 is out of range 0..65535"),
	      "priority 65536: %d \"%s\"", err, xsw_errmsg(&h));
	err = xsw_ext_detach(&h, "sw0", "");
	CHECK(err == -EINVAL && !fake.log[0], "empty extension name: %d \"%s\"",
	      err, xsw_errmsg(&h));
	err = xsw_ext_detach(&h, "sw0", "a-name-of-thirty-two-characters!");
	CHECK(err == -ENAMETOOLONG && strstr(xsw_errmsg(&h), "at most 31"),
	      "long extension name: %d \"%s\"", err, xsw_errmsg(&h));
	err = xsw_ext_detach(&h, "sw0", "a-name-of-thirty-one-characters");
	CHECK(err == 0 && !strcmp(fake.log, "D ") && !xsw_errmsg(&h)[0],
	      "name of 31 characters: %d, requests %s", err, fake.log);
}

int main(void)
{
	test_value_cases();
	test_value_limits();
	test_reply();
	test_settings();
	test_attach();

	return test_exit();
}
