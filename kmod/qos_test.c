// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for qos.c: the token bucket arithmetic, exactly (a burst
 * then the rate, a long idle, the largest rates and bursts, a clock that
 * goes back); ten simulated seconds at twice the rate; the checks of a
 * request; and on a real switch, limits that drop with reason "qos" in
 * both directions but not injected frames, guarantees and their classes,
 * and refused requests that change nothing; the link rate of the
 * external port.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/pkt_sched.h>
#include <net/net_namespace.h>

#include "acl.h"
#include "qos.h"

#define NB	XSW_TBF_NBITS_PER_BYTE
#define SEC	NSEC_PER_SEC
#define T0	(1000 * SEC)	/* any time; not 0, to see it is not assumed */

/* ------------------------------------------------ the token bucket */

static void qos_tbf_burst_then_rate(struct kunit *test)
{
	struct xsw_tbf_cfg cfg;
	struct xsw_tbf tbf;
	u64 t;
	int i;

	xsw_tbf_cfg_init(&cfg, 8000, 3000);	/* 1000 bytes/s */
	KUNIT_EXPECT_EQ(test, cfg.cap, (s64)(3000 * NB));
	xsw_tbf_reset(&tbf, &cfg, T0);

	/* The burst: three frames of 1000 bytes, not four. */
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_TRUE(test, xsw_tbf_conform(&tbf, &cfg, 1000, T0));
	KUNIT_EXPECT_EQ(test, tbf.tokens, 0LL);
	KUNIT_EXPECT_FALSE(test, xsw_tbf_conform(&tbf, &cfg, 1000, T0));
	KUNIT_EXPECT_EQ(test, tbf.tokens, 0LL);

	/* Then the rate: 1000 bytes a second, to the nanobit. */
	KUNIT_EXPECT_FALSE(test, xsw_tbf_conform(&tbf, &cfg, 1, T0));
	t = T0 + 1;		/* 8000 nanobits */
	KUNIT_EXPECT_TRUE(test, xsw_tbf_conform(&tbf, &cfg, 1000, t));
	KUNIT_EXPECT_EQ(test, tbf.tokens, 8000 - (s64)(1000 * NB));
	t += SEC - 1;		/* back to 0 */
	KUNIT_EXPECT_FALSE(test, xsw_tbf_conform(&tbf, &cfg, 1000, t));
	KUNIT_EXPECT_EQ(test, tbf.tokens, 0LL);
	/* Any credit lets a frame through, into debt. */
	t += 1;
	KUNIT_EXPECT_TRUE(test, xsw_tbf_conform(&tbf, &cfg, 1500, t));
	KUNIT_EXPECT_EQ(test, tbf.tokens, 8000 - (s64)(1500 * NB));
	t += SEC * 3 / 2 - 1;	/* the debt paid, to 0 */
	KUNIT_EXPECT_FALSE(test, xsw_tbf_conform(&tbf, &cfg, 1, t));
	KUNIT_EXPECT_EQ(test, tbf.tokens, 0LL);
	t += 1;
	KUNIT_EXPECT_TRUE(test, xsw_tbf_conform(&tbf, &cfg, 1, t));
	KUNIT_EXPECT_EQ(test, tbf.tokens, 8000 - (s64)NB);
	KUNIT_EXPECT_EQ(test, tbf.last_ns, t);
}

static void qos_tbf_idle_fills_to_the_burst(struct kunit *test)
{
	struct xsw_tbf_cfg cfg;
	struct xsw_tbf tbf;
	int i;

	xsw_tbf_cfg_init(&cfg, 8000, 3000);
	xsw_tbf_reset(&tbf, &cfg, T0);
	while (xsw_tbf_conform(&tbf, &cfg, 1000, T0))
		;
	/* A day, a year: the bucket holds the burst, not more. */
	KUNIT_EXPECT_TRUE(test, xsw_tbf_conform(&tbf, &cfg, 0,
						T0 + 86400 * SEC));
	KUNIT_EXPECT_EQ(test, tbf.tokens, cfg.cap);
	KUNIT_EXPECT_TRUE(test, xsw_tbf_conform(&tbf, &cfg, 0,
						T0 + 366 * 86400 * SEC));
	KUNIT_EXPECT_EQ(test, tbf.tokens, cfg.cap);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_TRUE(test, xsw_tbf_conform(&tbf, &cfg, 1000,
							T0 + 366 * 86400 * SEC));
	KUNIT_EXPECT_FALSE(test, xsw_tbf_conform(&tbf, &cfg, 1000,
						 T0 + 366 * 86400 * SEC));

	/* Just short of full, from a debt: the rate, capped. */
	xsw_tbf_reset(&tbf, &cfg, T0);
	KUNIT_EXPECT_TRUE(test, xsw_tbf_conform(&tbf, &cfg, 5000, T0));
	KUNIT_EXPECT_EQ(test, tbf.tokens, (s64)(-2000 * NB));
	KUNIT_EXPECT_FALSE(test, xsw_tbf_conform(&tbf, &cfg, 1000,
						 T0 + 2 * SEC));
	KUNIT_EXPECT_TRUE(test, xsw_tbf_conform(&tbf, &cfg, 0,
						T0 + 2 * SEC + 1));
	KUNIT_EXPECT_TRUE(test, xsw_tbf_conform(&tbf, &cfg, 0,
						T0 + 6 * SEC));
	KUNIT_EXPECT_EQ(test, tbf.tokens, cfg.cap);
}

/*
 * From the deepest debt there can be (a frame longer than any charged,
 * taken from a bucket holding 1 nanobit), @dt later: the bucket's credit.
 */
static s64 after_deepest_debt(struct kunit *test,
			      const struct xsw_tbf_cfg *cfg, u64 dt)
{
	struct xsw_tbf tbf;

	xsw_tbf_reset(&tbf, cfg, T0);
	tbf.tokens = 1;
	KUNIT_EXPECT_TRUE(test, xsw_tbf_conform(&tbf, cfg, UINT_MAX, T0));
	KUNIT_EXPECT_EQ(test, tbf.tokens,
			1 - (s64)XSW_TBF_LEN_MAX * (s64)NB);
	xsw_tbf_conform(&tbf, cfg, 0, T0 + dt);
	return tbf.tokens;
}

static void qos_tbf_no_overflow(struct kunit *test)
{
	static const u64 rates[] = { 1, 8000, 1000000000ULL,
				     XSW_QOS_RATE_MAX };
	static const u32 bursts[] = { 1, 1518, XSW_QOS_BURST_MAX };
	const s64 deepest = 1 - (s64)XSW_TBF_LEN_MAX * (s64)NB;
	struct xsw_tbf_cfg cfg;
	int r, b;
	s64 got;

	for (r = 0; r < ARRAY_SIZE(rates); r++) {
		for (b = 0; b < ARRAY_SIZE(bursts); b++) {
			xsw_tbf_cfg_init(&cfg, rates[r], bursts[b]);
			KUNIT_EXPECT_EQ(test, cfg.rate, rates[r]);
			KUNIT_EXPECT_EQ(test, cfg.cap, (s64)bursts[b] * (s64)NB);

			got = after_deepest_debt(test, &cfg, 1);
			KUNIT_EXPECT_EQ(test, got, deepest + (s64)cfg.rate);
			/* Short of full by less than a nanosecond's worth. */
			got = after_deepest_debt(test, &cfg, cfg.fill_ns - 1);
			KUNIT_EXPECT_LE(test, got, cfg.cap);
			KUNIT_EXPECT_GT(test, got, cfg.cap - (s64)cfg.rate);
			got = after_deepest_debt(test, &cfg, cfg.fill_ns);
			KUNIT_EXPECT_EQ(test, got, cfg.cap);
			got = after_deepest_debt(test, &cfg, U64_MAX - T0);
			KUNIT_EXPECT_EQ(test, got, cfg.cap);
		}
	}
}

static void qos_tbf_time_goes_back(struct kunit *test)
{
	struct xsw_tbf_cfg cfg;
	struct xsw_tbf tbf;

	xsw_tbf_cfg_init(&cfg, 8000, 3000);
	xsw_tbf_reset(&tbf, &cfg, T0);
	KUNIT_EXPECT_TRUE(test, xsw_tbf_conform(&tbf, &cfg, 1000, T0));
	/* Another CPU read the clock first: nothing added, nothing lost. */
	KUNIT_EXPECT_TRUE(test, xsw_tbf_conform(&tbf, &cfg, 1000, T0 - SEC));
	KUNIT_EXPECT_EQ(test, tbf.tokens, (s64)(1000 * NB));
	KUNIT_EXPECT_EQ(test, tbf.last_ns, T0);
	KUNIT_EXPECT_TRUE(test, xsw_tbf_conform(&tbf, &cfg, 1000, 0));
	KUNIT_EXPECT_FALSE(test, xsw_tbf_conform(&tbf, &cfg, 1000, T0));
	KUNIT_EXPECT_EQ(test, tbf.last_ns, T0);
	KUNIT_EXPECT_TRUE(test, xsw_tbf_conform(&tbf, &cfg, 1000, T0 + SEC));
	KUNIT_EXPECT_EQ(test, tbf.tokens, 0LL);
	KUNIT_EXPECT_EQ(test, tbf.last_ns, T0 + SEC);
}

struct sim_case {
	const char *desc;
	u64 rate;		/* bits/s */
	unsigned int len;	/* bytes per frame */
};

static const struct sim_case sim_cases[] = {
	{ "1 Mbit/s, 1000-byte frames", 1000000, 1000 },
	{ "10 Mbit/s, 1514-byte frames", 10000000, 1514 },
	{ "100 Mbit/s, 64-byte frames", 100000000, 64 },
	{ "1 Gbit/s, 64 KiB gso frames", 1000000000ULL, 65536 },
	{ "10 Gbit/s, 9018-byte frames", 10000000000ULL, 9018 },
};

static void sim_desc(const struct sim_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(sim, sim_cases, sim_desc);

/*
 * 10 s of frames sent at twice the rate, with a burst of 10 ms (or two
 * frames): within 1% of the rate, and never more than the rate, the burst
 * and a frame.
 */
static void qos_tbf_ten_seconds_at_twice_the_rate(struct kunit *test)
{
	const struct sim_case *c = test->param_value;
	u64 gap = div64_u64((u64)c->len * 8 * SEC, 2 * c->rate);
	u64 want = div_u64(c->rate * 10, 8), passed = 0, t;
	u32 burst = max_t(u64, div_u64(c->rate, 800), 2 * c->len);
	struct xsw_tbf_cfg cfg;
	struct xsw_tbf tbf;

	xsw_tbf_cfg_init(&cfg, c->rate, burst);
	xsw_tbf_reset(&tbf, &cfg, T0);
	for (t = 0; t < 10 * SEC; t += gap)
		if (xsw_tbf_conform(&tbf, &cfg, c->len, T0 + t))
			passed += c->len;
	KUNIT_EXPECT_GE_MSG(test, passed, want - want / 100, "%llu of %llu",
			    passed, want);
	KUNIT_EXPECT_LE_MSG(test, passed, want + want / 100, "%llu of %llu",
			    passed, want);
	KUNIT_EXPECT_LE(test, passed, want + burst + c->len);
}

static void qos_burst_default(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, xsw_qos_burst_default(8000000, 1500), 300000U);
	KUNIT_EXPECT_EQ(test, xsw_qos_burst_default(80000, 1500),
			2U * (1500 + VLAN_ETH_HLEN));
	KUNIT_EXPECT_EQ(test, xsw_qos_burst_default(80000, 9000),
			2U * (9000 + VLAN_ETH_HLEN));
	KUNIT_EXPECT_EQ(test, xsw_qos_burst_default(XSW_QOS_RATE_MAX, 1500),
			XSW_QOS_BURST_MAX);
}

/* ------------------------------------------------ requests, checked */

struct req_case {
	const char *desc;
	struct xsw_qos_req req;
	const char *why;	/* NULL: accepted */
	u32 bad;
};

#define F(x)	XSW_QOS_F_##x
#define QIN	XSW_ACL_DIR_IN

static const struct req_case req_cases[] = {
	{ "max in", { F(DIR) | F(MAX_RATE), QIN, 1 }, NULL, 0 },
	{ "max out with burst",
	  { F(DIR) | F(MAX_RATE) | F(BURST), XSW_ACL_DIR_OUT,
	    XSW_QOS_RATE_MAX, XSW_QOS_BURST_MAX }, NULL, 0 },
	{ "min", { F(MIN_RATE), .min_rate = 1 }, NULL, 0 },
	{ "min-weight 1", { F(MIN_WEIGHT), .min_weight = 1 }, NULL, 0 },
	{ "min-weight 100", { F(MIN_WEIGHT), .min_weight = 100 }, NULL, 0 },
	{ "max and min", { F(DIR) | F(MAX_RATE) | F(MIN_WEIGHT), QIN, 5,
			   .min_weight = 5 }, NULL, 0 },
	{ "link rate", { F(LINK_RATE), .link_rate = XSW_QOS_RATE_MAX }, NULL,
	  0 },
	{ "nothing", { 0 },
	  "nothing to set: give a max rate, min, min-weight or link rate", 0 },
	{ "link rate 0", { F(LINK_RATE), .link_rate = 0 },
	  "link rate must be 1 bit/s to 1 Tbit/s", F(LINK_RATE) },
	{ "link rate too high", { F(LINK_RATE),
				  .link_rate = XSW_QOS_RATE_MAX + 1 },
	  "link rate must be 1 bit/s to 1 Tbit/s", F(LINK_RATE) },
	{ "max rate 0", { F(DIR) | F(MAX_RATE), QIN, 0 },
	  "max rate must be 1 bit/s to 1 Tbit/s", F(MAX_RATE) },
	{ "max rate too high", { F(DIR) | F(MAX_RATE), QIN,
				 XSW_QOS_RATE_MAX + 1 },
	  "max rate must be 1 bit/s to 1 Tbit/s", F(MAX_RATE) },
	{ "min rate 0", { F(MIN_RATE), .min_rate = 0 },
	  "min rate must be 1 bit/s to 1 Tbit/s", F(MIN_RATE) },
	{ "min-weight 0", { F(MIN_WEIGHT), .min_weight = 0 },
	  "min-weight must be 1 to 100", F(MIN_WEIGHT) },
	{ "min-weight 101", { F(MIN_WEIGHT), .min_weight = 101 },
	  "min-weight must be 1 to 100", F(MIN_WEIGHT) },
	{ "min and min-weight",
	  { F(MIN_RATE) | F(MIN_WEIGHT), .min_rate = 1, .min_weight = 1 },
	  "min and min-weight are exclusive", F(MIN_WEIGHT) },
	{ "max without a direction", { F(MAX_RATE), 0, 1 },
	  "a max rate needs a direction", F(MAX_RATE) },
	{ "a direction without max", { F(DIR) | F(MIN_RATE), QIN,
				       .min_rate = 1 },
	  "a direction is only for a max rate", F(DIR) },
	{ "burst without max", { F(BURST) | F(MIN_RATE), .burst = 1,
				 .min_rate = 1 },
	  "a burst needs a max rate", F(BURST) },
	{ "burst 0", { F(DIR) | F(MAX_RATE) | F(BURST), QIN, 1, 0 },
	  "burst must be 1 byte to 256 MiB", F(BURST) },
	{ "burst too large", { F(DIR) | F(MAX_RATE) | F(BURST), QIN, 1,
			       XSW_QOS_BURST_MAX + 1 },
	  "burst must be 1 byte to 256 MiB", F(BURST) },
	{ "direction 3", { F(DIR) | F(MAX_RATE), 3, 1 },
	  "direction is in or out", F(DIR) },
};

static void req_desc(const struct req_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(req, req_cases, req_desc);

static void qos_req_check(struct kunit *test)
{
	const struct req_case *c = test->param_value;
	const char *why = NULL;
	u32 bad = 0xdead;
	int err;

	err = xsw_qos_req_check(&c->req, &why, &bad);
	if (!c->why) {
		KUNIT_EXPECT_EQ(test, err, 0);
		KUNIT_EXPECT_EQ(test, bad, 0U);
		return;
	}
	KUNIT_EXPECT_EQ(test, err, -EINVAL);
	KUNIT_EXPECT_STREQ(test, why, c->why);
	KUNIT_EXPECT_EQ(test, bad, c->bad);
}

/* ------------------------------------------------ on a switch */

struct qos_test_ctx {
	struct xsw_switch *sw;
	struct xsw_port *host;
	struct xsw_port *p1, *p2;	/* internal ports, up */
	struct netlink_ext_ack extack;
};

static struct xsw_port *iport(struct xsw_switch *sw,
			      struct netlink_ext_ack *extack)
{
	struct xsw_port *port = xsw_iport_create(sw, "kqp%d", extack);

	if (!IS_ERR(port))
		dev_open(port->dev, NULL);
	return port;
}

static int qos_test_init(struct kunit *test)
{
	struct qos_test_ctx *ctx;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	test->priv = ctx;

	rtnl_lock();
	ctx->sw = xsw_switch_create(&init_net, "kq%d", &ctx->extack);
	if (!IS_ERR(ctx->sw)) {
		ctx->host = &ctx->sw->host;
		dev_open(ctx->sw->dev, NULL);
		ctx->p1 = iport(ctx->sw, &ctx->extack);
		ctx->p2 = iport(ctx->sw, &ctx->extack);
	}
	rtnl_unlock();
	KUNIT_ASSERT_FALSE(test, IS_ERR(ctx->sw));
	KUNIT_ASSERT_FALSE(test, IS_ERR(ctx->p1));
	KUNIT_ASSERT_FALSE(test, IS_ERR(ctx->p2));
	return 0;
}

static void qos_test_exit(struct kunit *test)
{
	struct qos_test_ctx *ctx = test->priv;

	rtnl_lock();
	xsw_switch_destroy(ctx->sw);
	rtnl_unlock();
}

static int set(struct kunit *test, struct xsw_port *port,
	       const struct xsw_qos_req *req)
{
	struct qos_test_ctx *ctx = test->priv;
	int err;

	ctx->extack._msg = NULL;
	rtnl_lock();
	err = xsw_qos_set(port, req, &ctx->extack);
	rtnl_unlock();
	return err;
}

static int del(struct kunit *test, struct xsw_port *port, unsigned int what)
{
	struct qos_test_ctx *ctx = test->priv;
	int err;

	ctx->extack._msg = NULL;
	rtnl_lock();
	err = xsw_qos_del(port, what, &ctx->extack);
	rtnl_unlock();
	return err;
}

/* A limit of 1 bit/s and a burst of a byte: one frame, then none. */
static int set_tight(struct kunit *test, struct xsw_port *port, u8 dir)
{
	struct xsw_qos_req req = {
		.fields = F(DIR) | F(MAX_RATE) | F(BURST),
		.dir = dir, .max_rate = 1, .burst = 1,
	};

	return set(test, port, &req);
}

static u64 drops(struct xsw_port *port)
{
	struct xsw_stats_sum sum;

	xsw_stats_sum(port->stats, &sum);
	return sum.drops[XSW_DROP_QOS];
}

static u64 tx_packets(struct xsw_port *port)
{
	struct xsw_stats_sum sum;

	xsw_stats_sum(port->stats, &sum);
	return sum.tx_packets;
}

/* A broadcast frame, flooded to every other port. */
static struct sk_buff *frame(struct kunit *test)
{
	static const u8 src[ETH_ALEN] = { 0x02, 0, 0, 0, 0x51, 1 };
	struct sk_buff *skb = alloc_skb(ETH_HLEN + 100, GFP_KERNEL);
	struct ethhdr *eth;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	eth = skb_put_zero(skb, ETH_HLEN + 100);
	eth_broadcast_addr(eth->h_dest);
	ether_addr_copy(eth->h_source, src);
	eth->h_proto = htons(ETH_P_802_EX1);
	skb_reset_mac_header(skb);
	return skb;
}

static void send(struct xsw_port *src, struct sk_buff *skb)
{
	local_bh_disable();
	rcu_read_lock();
	xsw_ingress(src, skb);
	rcu_read_unlock();
	local_bh_enable();
}

static const struct xsw_qos_limit *limit(struct xsw_port *port, int idx)
{
	const struct xsw_qos_limit *lim;

	rtnl_lock();
	lim = xsw_dereference(port->qos[idx]);
	rtnl_unlock();
	return lim;
}

static void qos_limits_drop(struct kunit *test)
{
	struct qos_test_ctx *ctx = test->priv;
	struct xsw_port *host = ctx->host, *p1 = ctx->p1, *p2 = ctx->p2;
	static struct xsw_ext injector;
	const struct xsw_qos_limit *lim;
	u64 packets, bytes;
	int i;

	/* In: once per frame, whatever the copies. */
	KUNIT_ASSERT_EQ(test, set_tight(test, host, XSW_ACL_DIR_IN), 0);
	for (i = 0; i < 3; i++)
		send(host, frame(test));
	KUNIT_EXPECT_EQ(test, drops(host), 2ULL);
	KUNIT_EXPECT_EQ(test, tx_packets(p1), 1ULL);
	KUNIT_EXPECT_EQ(test, tx_packets(p2), 1ULL);
	lim = limit(host, XSW_ACL_IN);
	KUNIT_ASSERT_NOT_NULL(test, lim);
	KUNIT_EXPECT_EQ(test, lim->burst, 1U);
	xsw_qos_limit_stats(lim, &packets, &bytes);
	KUNIT_EXPECT_EQ(test, packets, 2ULL);
	KUNIT_EXPECT_EQ(test, bytes, 2ULL * (ETH_HLEN + 100));

	/* Out: per copy, on the port whose limit it is. */
	KUNIT_EXPECT_EQ(test, del(test, host, XSW_QOS_HAS_IN), 0);
	KUNIT_EXPECT_NULL(test, limit(host, XSW_ACL_IN));
	KUNIT_ASSERT_EQ(test, set_tight(test, p1, XSW_ACL_DIR_OUT), 0);
	for (i = 0; i < 3; i++)
		send(host, frame(test));
	KUNIT_EXPECT_EQ(test, drops(host), 2ULL);
	KUNIT_EXPECT_EQ(test, drops(p1), 2ULL);
	KUNIT_EXPECT_EQ(test, tx_packets(p1), 2ULL);
	KUNIT_EXPECT_EQ(test, tx_packets(p2), 4ULL);

	/* What an extension injects is trusted. */
	local_bh_disable();
	rcu_read_lock();
	xsw_egress_inject(&injector, p1, XSW_DEFAULT_PVID, frame(test));
	rcu_read_unlock();
	local_bh_enable();
	KUNIT_EXPECT_EQ(test, tx_packets(p1), 3ULL);
	KUNIT_EXPECT_EQ(test, drops(p1), 2ULL);

	/* A new limit starts full; removing it lets everything through. */
	KUNIT_ASSERT_EQ(test, set_tight(test, p1, XSW_ACL_DIR_OUT), 0);
	send(host, frame(test));
	KUNIT_EXPECT_EQ(test, tx_packets(p1), 4ULL);
	KUNIT_EXPECT_EQ(test, del(test, p1, XSW_QOS_HAS_IN), -ENOENT);
	KUNIT_EXPECT_STREQ(test, ctx->extack._msg,
			   "port has no max rate in this direction");
	KUNIT_EXPECT_EQ(test, del(test, p1, XSW_QOS_HAS_MAX), 0);
	KUNIT_EXPECT_EQ(test, del(test, p1, XSW_QOS_HAS_MAX), -ENOENT);
	KUNIT_EXPECT_STREQ(test, ctx->extack._msg, "port has no max rate");
	for (i = 0; i < 3; i++)
		send(host, frame(test));
	KUNIT_EXPECT_EQ(test, tx_packets(p1), 7ULL);
	KUNIT_EXPECT_EQ(test, drops(p1), 2ULL);
}

static unsigned int has(struct xsw_port *port)
{
	unsigned int what;

	rtnl_lock();
	what = xsw_qos_has(port);
	rtnl_unlock();
	return what;
}

static u32 classify(const struct xsw_port *src, const struct xsw_port *dst)
{
	struct sk_buff skb = { .priority = 7 };

	xsw_qos_classify(src, dst, &skb);
	return skb.priority;
}

static void qos_guarantees_and_classes(struct kunit *test)
{
	struct qos_test_ctx *ctx = test->priv;
	struct xsw_port *host = ctx->host, *p1 = ctx->p1, *p2 = ctx->p2, *p3;
	struct xsw_port ext = { .sw = ctx->sw, .type = XSW_PORT_TYPE_EXTERNAL };
	struct xsw_qos_req min = { .fields = F(MIN_RATE), .min_rate = 1000 };
	struct xsw_qos_req weight = { .fields = F(MIN_WEIGHT),
				      .min_weight = 50 };
	struct xsw_qos_req both = {
		.fields = F(DIR) | F(MAX_RATE) | F(MIN_WEIGHT),
		.dir = XSW_ACL_DIR_IN, .max_rate = 1000, .min_weight = 1,
	};
	struct net_device *dev;

	/* Nobody has a guarantee: priorities are left alone. */
	KUNIT_EXPECT_EQ(test, classify(p1, &ext), 7U);

	/* Not on the host port; and nothing of a refused request stays. */
	KUNIT_EXPECT_EQ(test, set(test, host, &both), -EINVAL);
	KUNIT_EXPECT_STREQ(test, ctx->extack._msg,
			   "min and min-weight are for vm and internal ports only");
	KUNIT_EXPECT_NULL(test, limit(host, XSW_ACL_IN));
	KUNIT_EXPECT_EQ(test, ctx->sw->qos_guaranteed, 0U);

	KUNIT_ASSERT_EQ(test, set(test, p1, &min), 0);
	KUNIT_EXPECT_EQ(test, p1->qos_conf->class, XSW_QOS_CLASS_MIN);
	KUNIT_EXPECT_EQ(test, p1->qos_priority, TC_H_MAKE(1 << 16, 0x10));
	KUNIT_ASSERT_EQ(test, set(test, p2, &both), 0);
	KUNIT_EXPECT_EQ(test, p2->qos_conf->class, XSW_QOS_CLASS_MIN + 1);
	KUNIT_EXPECT_EQ(test, p2->qos_conf->min_weight, 1U);
	KUNIT_EXPECT_NOT_NULL(test, limit(p2, XSW_ACL_IN));
	KUNIT_EXPECT_EQ(test, ctx->sw->qos_guaranteed, 2U);

	/* Out of the external port: the source's class, else 0. */
	KUNIT_EXPECT_EQ(test, classify(p1, &ext), 0x10010U);
	KUNIT_EXPECT_EQ(test, classify(p2, &ext), 0x10011U);
	KUNIT_EXPECT_EQ(test, classify(host, &ext), 0U);
	KUNIT_EXPECT_EQ(test, classify(NULL, &ext), 0U);
	KUNIT_EXPECT_EQ(test, classify(p1, p2), 7U);

	/* A weight replaces a rate; the class stays. */
	KUNIT_ASSERT_EQ(test, set(test, p1, &weight), 0);
	KUNIT_EXPECT_EQ(test, p1->qos_conf->min_rate, 0ULL);
	KUNIT_EXPECT_EQ(test, p1->qos_conf->min_weight, 50U);
	KUNIT_EXPECT_EQ(test, ctx->sw->qos_guaranteed, 2U);
	KUNIT_EXPECT_EQ(test, classify(p1, &ext), 0x10010U);

	/* Removed, the class is kept for the port, and comes back. */
	KUNIT_EXPECT_EQ(test, del(test, p1, XSW_QOS_HAS_MIN), 0);
	KUNIT_EXPECT_EQ(test, classify(p1, &ext), 0U);
	KUNIT_EXPECT_EQ(test, del(test, p1, XSW_QOS_HAS_MIN), -ENOENT);
	KUNIT_EXPECT_STREQ(test, ctx->extack._msg,
			   "port has no min or min-weight");
	KUNIT_EXPECT_EQ(test, ctx->sw->qos_guaranteed, 1U);
	KUNIT_ASSERT_EQ(test, set(test, p1, &min), 0);
	KUNIT_EXPECT_EQ(test, classify(p1, &ext), 0x10010U);

	/* A port that goes frees its class and its count. */
	rtnl_lock();
	dev = p1->dev;
	xsw_port_del(p1);
	unregister_netdevice(dev);
	rtnl_unlock();
	ctx->p1 = NULL;
	KUNIT_EXPECT_EQ(test, ctx->sw->qos_guaranteed, 1U);
	rtnl_lock();
	p3 = iport(ctx->sw, &ctx->extack);
	rtnl_unlock();
	KUNIT_ASSERT_FALSE(test, IS_ERR(p3));
	KUNIT_ASSERT_EQ(test, set(test, p3, &weight), 0);
	KUNIT_EXPECT_EQ(test, p3->qos_conf->class, XSW_QOS_CLASS_MIN);

	/* A removal of what is not there removes nothing. */
	KUNIT_EXPECT_EQ(test, del(test, p3, XSW_QOS_HAS_MIN | XSW_QOS_HAS_IN),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, has(p3), XSW_QOS_HAS_MIN);

	/* Both gone: priorities are left alone again. */
	KUNIT_EXPECT_EQ(test, del(test, p2, XSW_QOS_HAS_MIN | XSW_QOS_HAS_IN),
			0);
	KUNIT_EXPECT_EQ(test, has(p2), 0U);
	KUNIT_EXPECT_EQ(test, ctx->sw->qos_guaranteed, 1U);
	KUNIT_EXPECT_EQ(test, del(test, p3, XSW_QOS_HAS_MIN), 0);
	KUNIT_EXPECT_EQ(test, ctx->sw->qos_guaranteed, 0U);
	KUNIT_EXPECT_EQ(test, classify(p3, &ext), 7U);
}

static void qos_link_rate(struct kunit *test)
{
	struct qos_test_ctx *ctx = test->priv;
	struct xsw_port ext = { .sw = ctx->sw, .type = XSW_PORT_TYPE_EXTERNAL };
	struct xsw_qos_req link = { .fields = F(LINK_RATE),
				    .link_rate = 20000000 };
	struct xsw_qos_req link_min = {
		.fields = F(LINK_RATE) | F(MIN_WEIGHT),
		.link_rate = 20000000, .min_weight = 10,
	};
	struct xsw_qos_req link_max = {
		.fields = F(DIR) | F(MAX_RATE) | F(BURST) | F(LINK_RATE),
		.dir = XSW_ACL_DIR_IN, .max_rate = 1000, .burst = 1000,
		.link_rate = 30000000,
	};

	/* Only on the external port; nothing of a refused request stays. */
	KUNIT_EXPECT_EQ(test, set(test, ctx->p1, &link), -EINVAL);
	KUNIT_EXPECT_STREQ(test, ctx->extack._msg,
			   "link rate is for the external port only");
	KUNIT_EXPECT_EQ(test, set(test, ctx->p1, &link_min), -EINVAL);
	KUNIT_EXPECT_STREQ(test, ctx->extack._msg,
			   "link rate is for the external port only");
	KUNIT_EXPECT_EQ(test, has(ctx->p1), 0U);
	KUNIT_EXPECT_EQ(test, ctx->sw->qos_guaranteed, 0U);
	KUNIT_EXPECT_EQ(test, set(test, ctx->host, &link), -EINVAL);
	KUNIT_EXPECT_EQ(test, has(ctx->host), 0U);
	/* The external port takes no guarantee, with a link rate or not. */
	KUNIT_EXPECT_EQ(test, set(test, &ext, &link_min), -EINVAL);
	KUNIT_EXPECT_STREQ(test, ctx->extack._msg,
			   "min and min-weight are for vm and internal ports only");
	KUNIT_EXPECT_EQ(test, has(&ext), 0U);

	KUNIT_ASSERT_EQ(test, set(test, &ext, &link), 0);
	KUNIT_EXPECT_EQ(test, has(&ext), XSW_QOS_HAS_LINK);
	KUNIT_EXPECT_EQ(test, ext.qos_conf->link_rate, 20000000ULL);
	/* A link rate is no guarantee: priorities are left alone. */
	KUNIT_EXPECT_EQ(test, ctx->sw->qos_guaranteed, 0U);
	KUNIT_EXPECT_EQ(test, classify(ctx->p1, &ext), 7U);

	/* Changed along with a limit, all at once. */
	KUNIT_ASSERT_EQ(test, set(test, &ext, &link_max), 0);
	KUNIT_EXPECT_EQ(test, has(&ext), XSW_QOS_HAS_LINK | XSW_QOS_HAS_IN);
	KUNIT_EXPECT_EQ(test, ext.qos_conf->link_rate, 30000000ULL);

	/* Removed alone; a second removal is refused and removes nothing. */
	KUNIT_EXPECT_EQ(test, del(test, &ext, XSW_QOS_HAS_LINK), 0);
	KUNIT_EXPECT_EQ(test, has(&ext), XSW_QOS_HAS_IN);
	KUNIT_EXPECT_EQ(test, ext.qos_conf->link_rate, 0ULL);
	KUNIT_EXPECT_EQ(test, del(test, &ext, XSW_QOS_HAS_LINK |
				  XSW_QOS_HAS_MAX), -ENOENT);
	KUNIT_EXPECT_STREQ(test, ctx->extack._msg, "port has no link rate");
	KUNIT_EXPECT_EQ(test, has(&ext), XSW_QOS_HAS_IN);
	KUNIT_ASSERT_EQ(test, set(test, &ext, &link), 0);
	KUNIT_EXPECT_EQ(test, del(test, &ext, XSW_QOS_HAS_LINK |
				  XSW_QOS_HAS_MAX), 0);
	KUNIT_EXPECT_EQ(test, has(&ext), 0U);

	xsw_qos_port_uninit(&ext);
}

static struct kunit_case qos_test_cases[] = {
	KUNIT_CASE(qos_tbf_burst_then_rate),
	KUNIT_CASE(qos_tbf_idle_fills_to_the_burst),
	KUNIT_CASE(qos_tbf_no_overflow),
	KUNIT_CASE(qos_tbf_time_goes_back),
	KUNIT_CASE_PARAM(qos_tbf_ten_seconds_at_twice_the_rate,
			 sim_gen_params),
	KUNIT_CASE(qos_burst_default),
	KUNIT_CASE_PARAM(qos_req_check, req_gen_params),
	KUNIT_CASE(qos_limits_drop),
	KUNIT_CASE(qos_guarantees_and_classes),
	KUNIT_CASE(qos_link_rate),
	{}
};

static struct kunit_suite qos_test_suite = {
	.name = "xswitch-qos",
	.init = qos_test_init,
	.exit = qos_test_exit,
	.test_cases = qos_test_cases,
};

kunit_test_suite(qos_test_suite);
