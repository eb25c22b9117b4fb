// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Host test of qos.c, run by "make -C lib test"; no kernel needed.
 *
 * It includes qos.c to reach its static parts, and is linked with
 * -Wl,--wrap=xsw_do so that requests are kept here instead of sent.  It
 * checks:
 *   - rates and sizes in tc's units, and every refusal;
 *   - rates printed as tc prints them;
 *   - the rates of the HTB classes (xsw_qos_htb_plan()) in hand-worked
 *     cases, refusals, and on random input against a reference in long
 *     double arithmetic;
 *   - the attributes of SET and DEL requests, and requests refused
 *     without being sent;
 *   - a GET reply with both limits and their counters, a guarantee, a
 *     link rate, and one laid out otherwise than the kernel does.
 */
#include <stdio.h>

#include "qos.c"
#include "test.h"

/* Units ------------------------------------------------------------------ */

struct rate_case {
	const char *text;
	int err;
	uint64_t bps;
};

static const struct rate_case rate_cases[] = {
	{ "100mbit", 0, 100000000 },
	{ "100Mbit", 0, 100000000 },
	{ "1.5gbit", 0, 1500000000 },
	{ "20mbit", 0, 20000000 },
	{ "1000", 0, 1000 },
	{ "1000bit", 0, 1000 },
	{ "1kbit", 0, 1000 },
	{ "1kibit", 0, 1024 },
	{ "10mibit", 0, 10485760 },
	{ "1gibit", 0, 1073741824 },
	{ "1tbit", 0, 1000000000000ULL },
	{ "1tibit", 0, 1099511627776ULL },
	{ "8bps", 0, 64 },
	{ "125kbps", 0, 1000000 },
	{ "1kibps", 0, 8192 },
	{ "2mbps", 0, 16000000 },
	{ "1gbps", 0, 8000000000ULL },
	{ "0", 0, 0 },
	{ "0.5bit", 0, 1 },
	{ "", -EINVAL, 0 },
	{ "mbit", -EINVAL, 0 },
	{ "-1mbit", -EINVAL, 0 },
	{ "+1mbit", -EINVAL, 0 },
	{ "10foo", -EINVAL, 0 },
	{ "10 mbit", -EINVAL, 0 },
	{ "10mbitx", -EINVAL, 0 },
	{ "nan", -EINVAL, 0 },
	{ "inf", -EINVAL, 0 },
	{ "1e30bit", -ERANGE, 0 },
	{ "3tbps", 0, 24000000000000ULL },
};

struct size_case {
	const char *text;
	int err;
	uint32_t bytes;
};

static const struct size_case size_cases[] = {
	{ "1500", 0, 1500 },
	{ "1500b", 0, 1500 },
	{ "64k", 0, 65536 },
	{ "64kb", 0, 65536 },
	{ "64KB", 0, 65536 },
	{ "1m", 0, 1048576 },
	{ "1mb", 0, 1048576 },
	{ "3g", 0, 3221225472U },
	{ "8kbit", 0, 1024 },
	{ "8mbit", 0, 1048576 },
	{ "1gbit", 0, 134217728 },
	{ "4g", -ERANGE, 0 },
	{ "", -EINVAL, 0 },
	{ "k", -EINVAL, 0 },
	{ "-5k", -EINVAL, 0 },
	{ "5kib", -EINVAL, 0 },
	{ "5x", -EINVAL, 0 },
};

static void test_units(void)
{
	uint64_t bps;
	uint32_t bytes;
	size_t i;
	int err;

	for (i = 0; i < sizeof(rate_cases) / sizeof(rate_cases[0]); i++) {
		const struct rate_case *c = &rate_cases[i];

		bps = 12345;
		err = xsw_qos_rate_parse(c->text, &bps);
		CHECK(err == c->err && (err || bps == c->bps),
		      "rate \"%s\": %d %llu, want %d %llu", c->text, err,
		      (unsigned long long)bps, c->err,
		      (unsigned long long)c->bps);
	}
	for (i = 0; i < sizeof(size_cases) / sizeof(size_cases[0]); i++) {
		const struct size_case *c = &size_cases[i];

		bytes = 12345;
		err = xsw_qos_size_parse(c->text, &bytes);
		CHECK(err == c->err && (err || bytes == c->bytes),
		      "size \"%s\": %d %u, want %d %u", c->text, err, bytes,
		      c->err, c->bytes);
	}
}

struct format_case {
	uint64_t bps;
	const char *text;
};

static const struct format_case format_cases[] = {
	{ 0, "0bit" },
	{ 999, "999bit" },
	{ 1000, "1Kbit" },
	{ 1500, "1500bit" },
	{ 1500000, "1500Kbit" },
	{ 20000000, "20Mbit" },
	{ 100000000, "100Mbit" },
	{ 1234567, "1234Kbit" },
	{ 1000000000000ULL, "1Tbit" },
	{ 1000000000000000ULL, "1000Tbit" },
};

static void test_format(void)
{
	char buf[32];
	uint64_t back;
	size_t i;

	for (i = 0; i < sizeof(format_cases) / sizeof(format_cases[0]); i++) {
		const struct format_case *c = &format_cases[i];

		xsw_qos_rate_format(c->bps, buf, sizeof(buf));
		CHECK(strcmp(buf, c->text) == 0, "format %llu: %s, want %s",
		      (unsigned long long)c->bps, buf, c->text);
	}
	/* What is printed parses back, exactly when it was exact. */
	xsw_qos_rate_format(20000000, buf, sizeof(buf));
	CHECK(xsw_qos_rate_parse(buf, &back) == 0 && back == 20000000,
	      "\"%s\" parses back to %llu", buf, (unsigned long long)back);
}

/* HTB arithmetic --------------------------------------------------------- */

#define MBIT 1000000ULL

struct share_in {
	uint64_t min_rate;
	uint32_t min_weight;
	uint64_t want;
};

struct plan_case {
	const char *desc;
	uint64_t link;
	struct share_in in[4];
	size_t n;
	int err;
	uint64_t want_default;
};

static const struct plan_case plan_cases[] = {
	{ "two weights 30:10 of 20mbit", 20 * MBIT,
	  { { 0, 30, 14850000 }, { 0, 10, 4950000 } }, 2, 0, 200000 },
	{ "a rate and a weight", 20 * MBIT,
	  { { 5 * MBIT, 0, 5 * MBIT }, { 0, 10, 14800000 } }, 2, 0, 200000 },
	{ "rates only: the default class gets the rest", 10 * MBIT,
	  { { 5 * MBIT, 0, 5 * MBIT }, { 3 * MBIT, 0, 3 * MBIT } }, 2, 0,
	  2 * MBIT },
	{ "rates adding up to the link: the default keeps 1%", 10 * MBIT,
	  { { 10 * MBIT, 0, 10 * MBIT } }, 1, 0, 100000 },
	{ "rates above the link", 100 * MBIT,
	  { { 60 * MBIT, 0, 0 }, { 0, 5, 0 }, { 60 * MBIT, 0, 0 } }, 3,
	  -ERANGE, 0 },
	{ "one rate above the link", 100 * MBIT,
	  { { 101 * MBIT, 0, 0 } }, 1, -ERANGE, 0 },
	{ "rates that would wrap", XSW_QOS_RATE_MAX,
	  { { XSW_QOS_RATE_MAX, 0, 0 }, { XSW_QOS_RATE_MAX, 0, 0 } }, 2,
	  -ERANGE, 0 },
	{ "nothing left for a weight: the least rate", 10 * MBIT,
	  { { 9950000, 0, 9950000 }, { 0, 100, 8 } }, 2, 0, 100000 },
	{ "three equal weights, remainders dropped", 10 * MBIT + 1,
	  { { 0, 1, 3300000 }, { 0, 1, 3300000 }, { 0, 1, 3300000 } }, 3, 0,
	  100001 },
	{ "no guarantee", 10 * MBIT, { { 0 } }, 0, 0, 10 * MBIT },
	{ "a tiny link: the least rate for the default", 50,
	  { { 0, 1, 50 } }, 1, 0, 8 },
};

static void test_plan_cases(void)
{
	struct xsw_qos_share s[4];
	uint64_t def;
	size_t i, j;
	bool ok;
	int err;

	for (i = 0; i < sizeof(plan_cases) / sizeof(plan_cases[0]); i++) {
		const struct plan_case *c = &plan_cases[i];

		memset(s, 0, sizeof(s));
		for (j = 0; j < c->n; j++) {
			s[j].minor = 0x10 + j;
			s[j].min_rate = c->in[j].min_rate;
			s[j].min_weight = c->in[j].min_weight;
		}
		def = 7;
		err = xsw_qos_htb_plan(c->link, s, c->n, &def);
		ok = err == c->err;
		if (ok && !err) {
			ok = def == c->want_default;
			for (j = 0; j < c->n; j++)
				ok = ok && s[j].rate == c->in[j].want &&
				     s[j].minor == 0x10 + j;
		}
		CHECK(ok, "plan: %s: %d, default %llu, rates %llu %llu %llu",
		      c->desc, err, (unsigned long long)def,
		      (unsigned long long)s[0].rate,
		      (unsigned long long)s[1].rate,
		      (unsigned long long)s[2].rate);
	}
}

/* xorshift64: the same numbers on every run. */
static uint64_t rnd_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return rnd_state;
}

/*
 * Random guarantees against the rules, in long double: rates get their
 * rate; weights their share of what rates and 1% leave (within a bit/s
 * of it, or the least rate); the default class what is left, at least
 * 1%; nothing but the least rates is handed out beyond the link; and a
 * refusal exactly when the rates add up to more than the link.
 */
static void test_plan_random(void)
{
	struct xsw_qos_share s[32];
	unsigned int bad = 0, refused = 0, rounds = 20000;
	unsigned int r, i;

	for (r = 0; r < rounds; r++) {
		uint64_t link = 1 + rnd() % XSW_QOS_RATE_MAX;
		unsigned int n = rnd() % 32;
		long double abs_sum = 0, weights = 0, rest, pool, total;
		uint64_t def;
		int err;

		for (i = 0; i < n; i++) {
			memset(&s[i], 0, sizeof(s[i]));
			if (rnd() % 2)
				s[i].min_rate = 1 + rnd() % (link / (n / 2 + 1) + 1);
			else
				s[i].min_weight = 1 + rnd() % 100;
			abs_sum += s[i].min_rate;
			weights += s[i].min_weight;
		}
		err = xsw_qos_htb_plan(link, s, n, &def);
		if (abs_sum > link) {
			refused++;
			bad += err != -ERANGE;
			continue;
		}
		if (err) {
			bad++;
			continue;
		}
		rest = link - abs_sum;
		pool = weights && rest > link / 100 ? rest - link / 100 : 0;
		total = def;
		for (i = 0; i < n; i++) {
			long double want = s[i].min_rate ? s[i].min_rate :
					   pool * s[i].min_weight / weights;

			if (!s[i].min_rate && want < 8)
				want = 8;
			if (s[i].rate > want + 0.5L || s[i].rate + 1.5L < want)
				bad++;
			total += s[i].rate;
		}
		if (def < link / 100 || def < 8 ||
		    total > (long double)link + 8 * n + 8 + link / 100)
			bad++;
		if (pool > 8 * n && total != link && rest >= link / 100 + 8 * n)
			bad++;
	}
	CHECK(bad == 0, "plan: %u random cases (%u refused), %u wrong",
	      rounds, refused, bad);
}

/* Requests --------------------------------------------------------------- */

static struct {
	int sent;
	uint8_t cmd;
	struct nlattr *tb[XSW_A_QOS_MAX + 1];
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
	if (genlmsg_parse(nlmsg_hdr(msg), 0, req.tb, XSW_A_QOS_MAX,
			  (struct nla_policy *)qos_policy) < 0)
		return -EBADMSG;
	return 0;
}

/* The attributes of the last request, as "type=value" words. */
static const char *sent_attrs(void)
{
	static char out[256];
	size_t n = 0;
	int i;

	out[0] = '\0';
	for (i = 1; i <= XSW_A_QOS_MAX; i++) {
		struct nlattr *a = req.tb[i];

		if (!a)
			continue;
		switch (nla_len(a)) {
		case 0:
			n += snprintf(out + n, sizeof(out) - n, "%s ",
				      qos_names[i]);
			break;
		case 1:
			n += snprintf(out + n, sizeof(out) - n, "%s=%u ",
				      qos_names[i], nla_get_u8(a));
			break;
		case 4:
			n += snprintf(out + n, sizeof(out) - n, "%s=%u ",
				      qos_names[i], nla_get_u32(a));
			break;
		case 8:
			n += snprintf(out + n, sizeof(out) - n, "%s=%llu ",
				      qos_names[i],
				      (unsigned long long)nla_get_u64(a));
			break;
		default:
			n += snprintf(out + n, sizeof(out) - n, "%s=%s ",
				      qos_names[i], (char *)nla_data(a));
		}
	}
	return out;
}

struct set_case {
	const char *desc;
	struct xsw_qos_config cfg;
	const char *sent;	/* NULL: refused, not sent */
	const char *msg;
};

static const struct set_case set_cases[] = {
	{ "max in", { .set = XSW_QOS_CFG_MAX, .dir = XSW_ACL_DIR_IN,
		      .max_rate = 5000000 },
	  "port_ifname=p1 dir=1 max_rate=5000000 ", NULL },
	{ "max out, burst, weight",
	  { .set = XSW_QOS_CFG_MAX | XSW_QOS_CFG_BURST |
		   XSW_QOS_CFG_MIN_WEIGHT,
	    .dir = XSW_ACL_DIR_OUT, .max_rate = 1000, .burst = 1514,
	    .min_weight = 30 },
	  "port_ifname=p1 dir=2 max_rate=1000 burst=1514 min_weight=30 ",
	  NULL },
	{ "min", { .set = XSW_QOS_CFG_MIN_RATE, .min_rate = 1000000 },
	  "port_ifname=p1 min_rate=1000000 ", NULL },
	{ "link", { .set = XSW_QOS_CFG_LINK_RATE,
		    .link_rate = XSW_QOS_RATE_MAX },
	  "port_ifname=p1 link_rate=1000000000000 ", NULL },
	{ "nothing", { 0 }, NULL,
	  "nothing to set: give max, min, min-weight or link" },
	{ "unknown bit", { .set = 1u << 20 | XSW_QOS_CFG_LINK_RATE,
			   .link_rate = 1 }, NULL,
	  "unknown QoS settings 0x100000" },
	{ "max without dir", { .set = XSW_QOS_CFG_MAX, .max_rate = 1 }, NULL,
	  "max needs dir in or out" },
	{ "max 0", { .set = XSW_QOS_CFG_MAX, .dir = XSW_ACL_DIR_IN }, NULL,
	  "max rate must be 1bit to 1Tbit" },
	{ "burst without max", { .set = XSW_QOS_CFG_BURST | XSW_QOS_CFG_MIN_RATE,
				 .burst = 1, .min_rate = 1 }, NULL,
	  "burst needs max" },
	{ "burst too large", { .set = XSW_QOS_CFG_MAX | XSW_QOS_CFG_BURST,
			       .dir = XSW_ACL_DIR_IN, .max_rate = 1,
			       .burst = XSW_QOS_BURST_MAX + 1 },
	  NULL, "burst must be 1 byte to 256 MiB" },
	{ "min and weight", { .set = XSW_QOS_CFG_MIN_RATE | XSW_QOS_CFG_MIN_WEIGHT,
			      .min_rate = 1, .min_weight = 1 }, NULL,
	  "min and min-weight are exclusive" },
	{ "weight 0", { .set = XSW_QOS_CFG_MIN_WEIGHT, .min_weight = 0 }, NULL,
	  "min-weight must be 1 to 100" },
	{ "weight 101", { .set = XSW_QOS_CFG_MIN_WEIGHT, .min_weight = 101 }, NULL,
	  "min-weight must be 1 to 100" },
	{ "min 0", { .set = XSW_QOS_CFG_MIN_RATE, .min_rate = 0 }, NULL,
	  "min rate must be 1bit to 1Tbit" },
	{ "link too high", { .set = XSW_QOS_CFG_LINK_RATE,
			     .link_rate = XSW_QOS_RATE_MAX + 1 }, NULL,
	  "link rate must be 1bit to 1Tbit" },
};

struct del_case {
	const char *desc;
	unsigned int what;
	uint8_t dir;
	const char *sent;
};

static const struct del_case del_cases[] = {
	{ "everything", 0, 0, "port_ifname=p1 " },
	{ "both limits", XSW_QOS_DEL_MAX, 0, "port_ifname=p1 del_max " },
	{ "the limit in", XSW_QOS_DEL_MAX, XSW_ACL_DIR_IN,
	  "port_ifname=p1 dir=1 " },
	{ "min and link", XSW_QOS_DEL_MIN | XSW_QOS_DEL_LINK, 0,
	  "port_ifname=p1 del_min del_link " },
	{ "out, min", XSW_QOS_DEL_MAX | XSW_QOS_DEL_MIN, XSW_ACL_DIR_OUT,
	  "port_ifname=p1 dir=2 del_min " },
	{ "dir without max", XSW_QOS_DEL_MIN, XSW_ACL_DIR_IN, NULL },
	{ "dir 3", XSW_QOS_DEL_MAX, 3, NULL },
	{ "unknown bit", 1u << 7, 0, NULL },
};

static void test_requests(void)
{
	struct xsw_handle h = { 0 };
	size_t i;
	int err, sent;

	for (i = 0; i < sizeof(set_cases) / sizeof(set_cases[0]); i++) {
		const struct set_case *c = &set_cases[i];

		sent = req.sent;
		err = xsw_qos_set(&h, "p1", &c->cfg);
		if (c->sent)
			CHECK(!err && req.sent == sent + 1 &&
			      req.cmd == XSW_CMD_QOS_SET &&
			      !strcmp(sent_attrs(), c->sent),
			      "set %s: %d, sent %s", c->desc, err,
			      sent_attrs());
		else
			CHECK(err == -EINVAL && req.sent == sent &&
			      !strcmp(xsw_errmsg(&h), c->msg),
			      "set %s refused unsent: %d \"%s\"", c->desc,
			      err, xsw_errmsg(&h));
	}
	for (i = 0; i < sizeof(del_cases) / sizeof(del_cases[0]); i++) {
		const struct del_case *c = &del_cases[i];

		sent = req.sent;
		err = xsw_qos_del(&h, "p1", c->what, c->dir);
		if (c->sent)
			CHECK(!err && req.sent == sent + 1 &&
			      req.cmd == XSW_CMD_QOS_DEL &&
			      !strcmp(sent_attrs(), c->sent),
			      "del %s: %d, sent %s", c->desc, err,
			      sent_attrs());
		else
			CHECK(err == -EINVAL && req.sent == sent,
			      "del %s refused unsent: %d \"%s\"", c->desc,
			      err, xsw_errmsg(&h));
	}
	if (req.msg)
		nlmsg_free(req.msg);
	req.msg = NULL;
}

/* Replies ---------------------------------------------------------------- */

#define FAMILY 0x1d

static void put_limit(struct nl_msg *msg, uint8_t dir, uint64_t rate,
		      uint32_t burst, uint64_t packets, uint64_t bytes)
{
	struct nlattr *nest = nla_nest_start(msg, XSW_A_QOS_LIMIT), *st;

	nla_put_u8(msg, XSW_A_QOS_DIR, dir);
	nla_put_u64(msg, XSW_A_QOS_MAX_RATE, rate);
	nla_put_u32(msg, XSW_A_QOS_BURST, burst);
	st = nla_nest_start(msg, XSW_A_QOS_STATS);
	nla_put_u64(msg, XSW_A_QOS_STATS_DROPPED_PACKETS, packets);
	nla_put_u64(msg, XSW_A_QOS_STATS_DROPPED_BYTES, bytes);
	nla_nest_end(msg, st);
	nla_nest_end(msg, nest);
}

/* A reply as the kernel lays it out, or with the ifindex last (@odd). */
static struct nl_msg *reply(bool odd)
{
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, 0, 0, FAMILY, 0, 0, XSW_CMD_QOS_GET, 1);
	if (!odd)
		nla_put_u32(msg, XSW_A_QOS_PORT_IFINDEX, 7);
	nla_put_string(msg, XSW_A_QOS_PORT_IFNAME, "vm7");
	nla_put_u32(msg, XSW_A_QOS_SWITCH_IFINDEX, 3);
	nla_put_string(msg, XSW_A_QOS_SWITCH_IFNAME, "sw0");
	nla_put_u32(msg, XSW_A_QOS_MIN_WEIGHT, 40);
	nla_put_u32(msg, XSW_A_QOS_CLASS, 0x11);
	nla_put_u16(msg, XSW_A_QOS_HTB_MAJOR, 1);
	put_limit(msg, XSW_ACL_DIR_IN, 5000000, 187500, 12, 18000);
	put_limit(msg, XSW_ACL_DIR_OUT, 1000, 3028, 1ULL << 40, 3);
	if (odd)
		nla_put_u32(msg, XSW_A_QOS_PORT_IFINDEX, 7);
	return msg;
}

static int seen(const struct xsw_qos_info *q, void *arg)
{
	*(struct xsw_qos_info *)arg = *q;
	return 0;
}

static void test_reply(void)
{
	struct xsw_handle h = { .family = FAMILY };
	struct nlattr *tb[XSW_A_QOS_MAX + 1];
	struct xsw_qos_info q;
	struct parse_ctx ctx = { .cb = seen, .arg = &q };
	struct nl_msg *msg;
	int err;

	/* Both limits are found wherever the port's ifindex is. */
	for (int odd = 0; odd < 2; odd++) {
		msg = reply(odd);
		memset(&q, 0xff, sizeof(q));
		err = genlmsg_parse(nlmsg_hdr(msg), 0, tb, XSW_A_QOS_MAX,
				    (struct nla_policy *)qos_policy);
		h.reply = nlmsg_hdr(msg);
		if (!err)
			err = parse_any(&h, tb, &ctx);
		h.reply = NULL;
		CHECK(!err && q.port_ifindex == 7 &&
		      !strcmp(q.port_ifname, "vm7") &&
		      q.switch_ifindex == 3 && !strcmp(q.switch_ifname, "sw0") &&
		      q.min_rate == 0 && q.min_weight == 40 &&
		      q.htb_class == 0x11 && q.htb_major == 1 &&
		      q.link_rate == 0,
		      "reply %d: port, switch, guarantee: %d %s %u %u:%x", odd,
		      err, q.port_ifname, q.min_weight, q.htb_major,
		      q.htb_class);
		CHECK(q.limit[0].set && q.limit[0].max_rate == 5000000 &&
		      q.limit[0].burst == 187500 &&
		      q.limit[0].dropped_packets == 12 &&
		      q.limit[0].dropped_bytes == 18000 &&
		      q.limit[1].set && q.limit[1].max_rate == 1000 &&
		      q.limit[1].burst == 3028 &&
		      q.limit[1].dropped_packets == 1ULL << 40 &&
		      q.limit[1].dropped_bytes == 3,
		      "reply %d: both limits and their counters", odd);
		nlmsg_free(msg);
	}

	/* The external port: a link rate, no guarantee, no limit. */
	msg = nlmsg_alloc();
	genlmsg_put(msg, 0, 0, FAMILY, 0, 0, XSW_CMD_QOS_GET, 1);
	nla_put_u32(msg, XSW_A_QOS_PORT_IFINDEX, 4);
	nla_put_string(msg, XSW_A_QOS_PORT_IFNAME, "eth0");
	nla_put_u64(msg, XSW_A_QOS_LINK_RATE, 20000000);
	nla_put_u16(msg, XSW_A_QOS_HTB_MAJOR, 1);
	memset(&q, 0xff, sizeof(q));
	err = genlmsg_parse(nlmsg_hdr(msg), 0, tb, XSW_A_QOS_MAX,
			    (struct nla_policy *)qos_policy);
	if (!err)
		err = parse_any(&h, tb, &ctx);
	CHECK(!err && q.link_rate == 20000000 && !q.min_weight &&
	      !q.htb_class && q.htb_major == 1 && !q.limit[0].set &&
	      !q.limit[1].set, "reply: a link rate alone");
	nlmsg_free(msg);

	/* No port: refused. */
	msg = nlmsg_alloc();
	genlmsg_put(msg, 0, 0, FAMILY, 0, 0, XSW_CMD_QOS_GET, 1);
	nla_put_u64(msg, XSW_A_QOS_LINK_RATE, 20000000);
	genlmsg_parse(nlmsg_hdr(msg), 0, tb, XSW_A_QOS_MAX,
		      (struct nla_policy *)qos_policy);
	err = parse_any(&h, tb, &ctx);
	CHECK(err == -EBADMSG, "reply without a port: %d", err);
	nlmsg_free(msg);
}

int main(void)
{
	test_units();
	test_format();
	test_plan_cases();
	test_plan_random();
	test_requests();
	test_reply();
	return test_exit();
}
