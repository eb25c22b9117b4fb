// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Host test of switch.c, run by "make -C lib test"; no kernel needed.
 *
 * It includes switch.c to reach its static parts, and is linked with
 * -Wl,--wrap=xsw_do so that requests are kept here instead of sent.  It
 * checks:
 *   - the attributes of SWITCH_SET requests (ageing, conn-max, vxlan-port,
 *     all), and
 *     the requests refused without being sent (nothing to set, unknown
 *     bits, values out of range);
 *   - a GET reply with the connection table's maximum and counters (64-bit
 *     ones above 2^32), and one from a kernel without them.
 */
#include <stdio.h>

#include "switch.c"
#include "test.h"

#define FAMILY 0x1d

/* Requests --------------------------------------------------------------- */

static struct {
	int sent;
	uint8_t cmd;
	struct nlattr *tb[XSW_A_SWITCH_MAX + 1];
	struct nl_msg *msg;
} req;

int __wrap_xsw_do(struct xsw_handle *h, struct nl_msg *msg,
		  const struct xsw_attrs *attrs, xsw_parse_fn parse,
		  void *arg);

int __wrap_xsw_do(struct xsw_handle *h, struct nl_msg *msg,
		  const struct xsw_attrs *attrs, xsw_parse_fn parse,
		  void *arg)
{
	(void)h;
	(void)attrs;
	(void)parse;
	(void)arg;
	if (req.msg)
		nlmsg_free(req.msg);
	req.msg = msg;
	req.sent++;
	req.cmd = ((struct genlmsghdr *)nlmsg_data(nlmsg_hdr(msg)))->cmd;
	memset(req.tb, 0, sizeof(req.tb));
	if (genlmsg_parse(nlmsg_hdr(msg), 0, req.tb, XSW_A_SWITCH_MAX,
			  (struct nla_policy *)switch_policy) < 0)
		return -EBADMSG;
	return 0;
}

/* The attributes of the last request, as "name=value" words. */
static const char *sent_attrs(void)
{
	static char out[256];
	size_t n = 0;
	int i;

	out[0] = '\0';
	for (i = 1; i <= XSW_A_SWITCH_MAX; i++) {
		struct nlattr *a = req.tb[i];

		if (!a)
			continue;
		if (i == XSW_A_SWITCH_IFNAME)
			n += snprintf(out + n, sizeof(out) - n, "%s=%s ",
				      switch_names[i], (char *)nla_data(a));
		else
			n += snprintf(out + n, sizeof(out) - n, "%s=%u ",
				      switch_names[i], nla_len(a) == 2 ?
				      nla_get_u16(a) : nla_get_u32(a));
	}
	return out;
}

struct set_case {
	const char *desc;
	struct xsw_switch_config cfg;
	int err;		/* 0: sent */
	const char *sent;	/* with err 0 */
};

static const struct set_case set_cases[] = {
	{ "ageing", { XSW_SWITCH_CFG_AGEING, 77, 0 }, 0,
	  "ifname=sw0 ageing_time=77 " },
	{ "conn-max", { XSW_SWITCH_CFG_CONN_MAX, 0, 4 }, 0,
	  "ifname=sw0 conn_max=4 " },
	{ "vxlan-port", { XSW_SWITCH_CFG_VXLAN_PORT, 0, 0, 4790 }, 0,
	  "ifname=sw0 vxlan_port=4790 " },
	{ "all", { XSW_SWITCH_CFG_ALL, 1000000, 1000000, 65535 }, 0,
	  "ifname=sw0 ageing_time=1000000 conn_max=1000000 vxlan_port=65535 " },
	{ "vxlan-port 0", { XSW_SWITCH_CFG_VXLAN_PORT, 0, 0, 0 }, -ERANGE,
	  NULL },
	{ "conn-max 1, ageing ignored", { XSW_SWITCH_CFG_CONN_MAX, 0, 1 }, 0,
	  "ifname=sw0 conn_max=1 " },
	{ "nothing", { 0, 77, 4 }, -EINVAL, NULL },
	{ "unknown bit", { XSW_SWITCH_CFG_AGEING | 0x80, 77, 4 }, -EINVAL,
	  NULL },
	{ "conn-max 0", { XSW_SWITCH_CFG_CONN_MAX, 77, 0 }, -ERANGE, NULL },
	{ "conn-max above the limit",
	  { XSW_SWITCH_CFG_CONN_MAX, 77, XSW_SWITCH_CONN_MAX_LIMIT + 1 },
	  -ERANGE, NULL },
	{ "ageing 0 with a good conn-max", { XSW_SWITCH_CFG_ALL, 0, 4, 1 },
	  -ERANGE, NULL },
	{ "ageing above 1000000", { XSW_SWITCH_CFG_AGEING, 1000001, 0 },
	  -ERANGE, NULL },
};

static void test_requests(void)
{
	struct xsw_handle h = { .family = FAMILY };
	const struct set_case *c;
	size_t i;
	int err, sent;

	for (i = 0; i < sizeof(set_cases) / sizeof(set_cases[0]); i++) {
		c = &set_cases[i];
		sent = req.sent;
		err = xsw_switch_set(&h, "sw0", &c->cfg);
		if (!c->err)
			CHECK(!err && req.sent == sent + 1 &&
			      req.cmd == XSW_CMD_SWITCH_SET &&
			      !strcmp(sent_attrs(), c->sent),
			      "set %s: %d, sent %s", c->desc, err,
			      sent_attrs());
		else
			CHECK(err == c->err && req.sent == sent &&
			      h.errmsg[0],
			      "set %s refused unsent: %d \"%s\"", c->desc,
			      err, h.errmsg);
	}

	sent = req.sent;
	err = xsw_switch_set_ageing(&h, "sw0", 30);
	CHECK(!err && req.sent == sent + 1 &&
	      !strcmp(sent_attrs(), "ifname=sw0 ageing_time=30 "),
	      "set_ageing: %d, sent %s", err, sent_attrs());
	sent = req.sent;
	err = xsw_switch_set_ageing(&h, "sw0", 0);
	CHECK(err == -ERANGE && req.sent == sent,
	      "set_ageing 0 refused unsent: %d \"%s\"", err, h.errmsg);
}

/* Replies ---------------------------------------------------------------- */

static struct nl_msg *reply(bool conn)
{
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, 0, 0, FAMILY, 0, 0, XSW_CMD_SWITCH_GET, 1);
	nla_put_u32(msg, XSW_A_SWITCH_IFINDEX, 3);
	nla_put_string(msg, XSW_A_SWITCH_IFNAME, "sw0");
	nla_put_u32(msg, XSW_A_SWITCH_AGEING_TIME, 300);
	if (conn) {
		nla_put_u32(msg, XSW_A_SWITCH_CONN_MAX, 4);
		nla_put_u32(msg, XSW_A_SWITCH_CONN_ENTRIES, 3);
		nla_put_u64(msg, XSW_A_SWITCH_CONN_EVICTIONS, 1ULL << 40);
		nla_put_u64(msg, XSW_A_SWITCH_CONN_EXPIRED, (1ULL << 33) + 5);
	}
	return msg;
}

static void test_reply(void)
{
	struct xsw_handle h = { .family = FAMILY };
	struct nlattr *tb[XSW_A_SWITCH_MAX + 1];
	struct xsw_switch_info sw;
	struct nl_msg *msg;
	int err;

	msg = reply(true);
	memset(&sw, 0xff, sizeof(sw));
	err = genlmsg_parse(nlmsg_hdr(msg), 0, tb, XSW_A_SWITCH_MAX,
			    (struct nla_policy *)switch_policy);
	if (!err)
		err = to_info(&h, tb, &sw);
	CHECK(!err && sw.ifindex == 3 && !strcmp(sw.ifname, "sw0") &&
	      sw.ageing == 300 && sw.conn_max == 4 && sw.conn_entries == 3 &&
	      sw.conn_evictions == 1ULL << 40 &&
	      sw.conn_expired == (1ULL << 33) + 5,
	      "reply: conn %u/%u evictions %llu expired %llu", sw.conn_entries,
	      sw.conn_max, (unsigned long long)sw.conn_evictions,
	      (unsigned long long)sw.conn_expired);
	nlmsg_free(msg);

	msg = reply(false);
	memset(&sw, 0xff, sizeof(sw));
	err = genlmsg_parse(nlmsg_hdr(msg), 0, tb, XSW_A_SWITCH_MAX,
			    (struct nla_policy *)switch_policy);
	if (!err)
		err = to_info(&h, tb, &sw);
	CHECK(!err && sw.conn_max == 0 && sw.conn_entries == 0 &&
	      sw.conn_evictions == 0 && sw.conn_expired == 0,
	      "reply without the connection table: %d, all 0", err);
	nlmsg_free(msg);
}

int main(void)
{
	test_requests();
	test_reply();
	if (req.msg)
		nlmsg_free(req.msg);
	return test_exit();
}
