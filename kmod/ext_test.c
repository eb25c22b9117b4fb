// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for ext.c and ext_packet.c: registration, the order of the
 * chains as extensions come, go and change priority, the one-forwarding-
 * extension rule, vetoes, all-or-nothing settings, and the forwarding
 * context helpers.  Test extensions log their calls into a trace string.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <net/net_namespace.h>

#include "ext_chain.h"

static char trace[128];
static int port_balance;	/* port_add minus port_del */
static const char *veto_name;	/* port_add refuses this netdevice */
static int detached;

static void log_call(const struct xsw_ext *ext, const char *what)
{
	size_t len = strlen(trace);

	snprintf(trace + len, sizeof(trace) - len, "%s%s:%s",
		 len ? " " : "", ext->ops->name, what);
}

static void t_capture(struct xsw_ext *ext, const struct sk_buff *skb,
		      const struct xsw_fwd_ctx *ctx, const struct xsw_port *dst)
{
	log_call(ext, dst ? "out" : "in");
}

static enum xsw_verdict t_filter(struct xsw_ext *ext, struct sk_buff **pskb,
				 const struct xsw_fwd_ctx *ctx,
				 struct xsw_port *dst)
{
	const struct xsw_ext_value *v = ext->values;

	log_call(ext, dst ? "out" : "in");
	return ext->ops->n_options && v[0].on ? XSW_DROP : XSW_PASS;
}

static enum xsw_verdict t_forward(struct xsw_ext *ext, struct sk_buff **pskb,
				  struct xsw_fwd_ctx *ctx)
{
	log_call(ext, "fwd");
	return XSW_PASS;
}

static int t_port_add(struct xsw_ext *ext, struct xsw_port *port,
		      struct netlink_ext_ack *extack)
{
	if (veto_name && !strcmp(port->dev->name, veto_name)) {
		NL_SET_ERR_MSG(extack, "vetoed by test");
		return -EPERM;
	}
	port_balance++;
	return 0;
}

static void t_port_del(struct xsw_ext *ext, struct xsw_port *port)
{
	port_balance--;
}

static void t_detach(struct xsw_ext *ext)
{
	detached++;
}

/* Refuses "limit" above 10, to test that set is all or nothing. */
static int t_configure(struct xsw_ext *ext, const struct xsw_ext_value *v,
		       struct netlink_ext_ack *extack)
{
	if (v[1].u32 > 10) {
		NL_SET_ERR_MSG(extack, "limit too high");
		return -EINVAL;
	}
	return 0;
}

static const struct xsw_ext_option t_options[] = {
	XSW_EXT_OPT_BOOL("drop", 0, "drop everything"),
	XSW_EXT_OPT_U32("limit", 5, 0, 100, "a number"),
};

#define T_CAPTURE(_name) { .name = _name, .type = XSW_EXT_TYPE_CAPTURE, \
	.capture = t_capture, .port_add = t_port_add, \
	.port_del = t_port_del, .detach = t_detach }
#define T_FILTER(_name) { .name = _name, .type = XSW_EXT_TYPE_FILTER, \
	.filter = t_filter, .options = t_options, \
	.n_options = ARRAY_SIZE(t_options), .configure = t_configure, \
	.port_add = t_port_add, .port_del = t_port_del, .detach = t_detach }
#define T_FORWARD(_name) { .name = _name, .type = XSW_EXT_TYPE_FORWARDING, \
	.forward = t_forward, .filter = t_filter, .detach = t_detach }

static struct xsw_ext_ops t_ops[] = {
	T_CAPTURE("ca"), T_CAPTURE("cb"), T_FILTER("fa"), T_FILTER("fb"),
	T_FORWARD("wa"), T_FORWARD("wb"),
};

enum { CA, CB, FA, FB, WA, WB };

struct ext_test_ctx {
	struct xsw_switch *sw;
	struct netlink_ext_ack extack;
};

static int ext_test_init(struct kunit *test)
{
	struct ext_test_ctx *ctx;
	int i;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	test->priv = ctx;
	trace[0] = 0;
	port_balance = 0;
	veto_name = NULL;
	detached = 0;
	for (i = 0; i < ARRAY_SIZE(t_ops); i++)
		KUNIT_ASSERT_EQ(test, xsw_ext_register(&t_ops[i]), 0);

	rtnl_lock();
	ctx->sw = xsw_switch_create(&init_net, "ke0", &ctx->extack);
	rtnl_unlock();
	KUNIT_ASSERT_FALSE(test, IS_ERR(ctx->sw));
	return 0;
}

static void ext_test_exit(struct kunit *test)
{
	struct ext_test_ctx *ctx = test->priv;
	int i;

	rtnl_lock();
	xsw_switch_destroy(ctx->sw);
	rtnl_unlock();
	for (i = 0; i < ARRAY_SIZE(t_ops); i++)
		xsw_ext_unregister(&t_ops[i]);
}

static struct xsw_ext *attach(struct kunit *test, int which, u32 priority)
{
	struct ext_test_ctx *ctx = test->priv;
	struct xsw_ext_value values[XSW_EXT_MAX_OPTIONS];
	struct xsw_ext *ext;

	xsw_ext_values_default(&t_ops[which], values);
	rtnl_lock();
	ext = xsw_ext_attach(ctx->sw, &t_ops[which], priority, values,
			     &ctx->extack);
	rtnl_unlock();
	return ext;
}

static void detach(struct xsw_ext *ext)
{
	rtnl_lock();
	xsw_ext_detach(ext);
	rtnl_unlock();
}

static int set_priority(struct xsw_ext *ext, long priority)
{
	int err;

	rtnl_lock();
	err = xsw_ext_set(ext, priority, NULL, NULL);
	rtnl_unlock();
	return err;
}

/* The pipeline as "captures | filters | forwarding" names. */
static const char *pipeline_str(struct xsw_switch *sw)
{
	static char buf[128];
	const struct xsw_ext_pipeline *pipe;
	unsigned int i;
	size_t len = 0;

	rtnl_lock();
	pipe = xsw_dereference(sw->pipeline);
	if (!pipe) {
		rtnl_unlock();
		return "none";
	}
	for (i = 0; i < pipe->n_capture + pipe->n_filter; i++)
		len += scnprintf(buf + len, sizeof(buf) - len, "%s%s ",
				 i == pipe->n_capture ? "| " : "",
				 pipe->chain[i]->ops->name);
	if (i == pipe->n_capture)
		len += scnprintf(buf + len, sizeof(buf) - len, "| ");
	scnprintf(buf + len, sizeof(buf) - len, "| %s",
		  pipe->fwd ? pipe->fwd->ops->name : "-");
	rtnl_unlock();
	return buf;
}

static void ext_register_refuses_duplicates_and_bad_ops(struct kunit *test)
{
	struct xsw_ext_ops dup = T_CAPTURE("ca");
	struct xsw_ext_ops bad_name = T_CAPTURE("Bad Name");
	struct xsw_ext_ops two_kinds = T_CAPTURE("twokinds");
	struct xsw_ext_ops bad_default = T_FILTER("baddef");
	struct xsw_ext_option opt = XSW_EXT_OPT_U32("x", 7, 0, 5, "");

	two_kinds.filter = t_filter;
	bad_default.options = &opt;
	bad_default.n_options = 1;

	KUNIT_EXPECT_EQ(test, xsw_ext_register(&dup), -EEXIST);
	KUNIT_EXPECT_EQ(test, xsw_ext_register(&bad_name), -EINVAL);
	KUNIT_EXPECT_EQ(test, xsw_ext_register(&two_kinds), -EINVAL);
	KUNIT_EXPECT_EQ(test, xsw_ext_register(&bad_default), -EINVAL);
}

static void ext_chain_order_follows_priority(struct kunit *test)
{
	struct ext_test_ctx *ctx = test->priv;
	struct xsw_ext *ca, *cb, *fa, *fb;

	KUNIT_EXPECT_STREQ(test, pipeline_str(ctx->sw), "none");
	fa = attach(test, FA, 100);
	KUNIT_ASSERT_FALSE(test, IS_ERR(fa));
	KUNIT_EXPECT_STREQ(test, pipeline_str(ctx->sw), "| fa | -");
	ca = attach(test, CA, 100);
	cb = attach(test, CB, 50);
	fb = attach(test, FB, 100);	/* same priority: after fa */
	KUNIT_ASSERT_FALSE(test, IS_ERR(ca) || IS_ERR(cb) || IS_ERR(fb));
	KUNIT_EXPECT_STREQ(test, pipeline_str(ctx->sw), "cb ca | fa fb | -");

	/* Reorder, both ways, while attached. */
	KUNIT_EXPECT_EQ(test, set_priority(ca, 10), 0);
	KUNIT_EXPECT_EQ(test, set_priority(fb, 99), 0);
	KUNIT_EXPECT_STREQ(test, pipeline_str(ctx->sw), "ca cb | fb fa | -");
	KUNIT_EXPECT_EQ(test, set_priority(fb, 100), 0);
	KUNIT_EXPECT_STREQ(test, pipeline_str(ctx->sw), "ca cb | fa fb | -");

	detach(cb);
	KUNIT_EXPECT_STREQ(test, pipeline_str(ctx->sw), "ca | fa fb | -");
	detach(fa);
	detach(fb);
	KUNIT_EXPECT_STREQ(test, pipeline_str(ctx->sw), "ca | | -");
	detach(ca);
	KUNIT_EXPECT_STREQ(test, pipeline_str(ctx->sw), "none");
	KUNIT_EXPECT_EQ(test, detached, 4);
	KUNIT_EXPECT_EQ(test, port_balance, 0);
}

static void ext_one_forwarding_extension(struct kunit *test)
{
	struct ext_test_ctx *ctx = test->priv;
	struct xsw_ext *wa, *wb;

	wa = attach(test, WA, 100);
	KUNIT_ASSERT_FALSE(test, IS_ERR(wa));
	KUNIT_EXPECT_STREQ(test, pipeline_str(ctx->sw), "| | wa");
	wb = attach(test, WB, 100);
	KUNIT_EXPECT_EQ(test, PTR_ERR(wb), -EBUSY);
	KUNIT_EXPECT_NOT_NULL(test, ctx->extack._msg);
	KUNIT_EXPECT_EQ(test, PTR_ERR(attach(test, WA, 1)), -EEXIST);
	KUNIT_EXPECT_STREQ(test, pipeline_str(ctx->sw), "| | wa");

	detach(wa);
	wb = attach(test, WB, 100);
	KUNIT_ASSERT_FALSE(test, IS_ERR(wb));
	KUNIT_EXPECT_STREQ(test, pipeline_str(ctx->sw), "| | wb");
}

static void ext_set_is_all_or_nothing(struct kunit *test)
{
	struct xsw_ext_value v[ARRAY_SIZE(t_options)];
	struct xsw_ext *fa = attach(test, FA, 100);
	int err;

	KUNIT_ASSERT_FALSE(test, IS_ERR(fa));
	KUNIT_EXPECT_EQ(test, fa->values[1].u32, 5U);	/* the default */

	memcpy(v, fa->values, sizeof(v));
	v[0].on = true;
	v[1].u32 = 11;		/* t_configure refuses it */
	rtnl_lock();
	err = xsw_ext_set(fa, 7, v, NULL);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, err, -EINVAL);
	KUNIT_EXPECT_FALSE(test, fa->values[0].on);
	KUNIT_EXPECT_EQ(test, fa->values[1].u32, 5U);
	KUNIT_EXPECT_EQ(test, fa->priority, 100U);

	v[1].u32 = 9;
	rtnl_lock();
	err = xsw_ext_set(fa, 7, v, NULL);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_TRUE(test, fa->values[0].on);
	KUNIT_EXPECT_EQ(test, fa->values[1].u32, 9U);
	KUNIT_EXPECT_EQ(test, fa->priority, 7U);
}

static void ext_port_veto(struct kunit *test)
{
	struct ext_test_ctx *ctx = test->priv;
	struct net_device *dev;
	struct xsw_port *port;
	struct xsw_ext *ca;

	ca = attach(test, CA, 100);
	KUNIT_ASSERT_FALSE(test, IS_ERR(ca));
	KUNIT_EXPECT_EQ(test, port_balance, 1);		/* the host port */

	veto_name = "kev1";
	rtnl_lock();
	port = xsw_iport_create(ctx->sw, "kev1", &ctx->extack);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, PTR_ERR(port), -EPERM);
	KUNIT_EXPECT_STREQ(test, ctx->extack._msg, "vetoed by test");
	KUNIT_EXPECT_EQ(test, ctx->sw->num_ports, 0U);
	rtnl_lock();
	KUNIT_EXPECT_NULL(test, __dev_get_by_name(&init_net, "kev1"));
	rtnl_unlock();

	/* An attach that meets a port it vetoes does not happen. */
	veto_name = NULL;
	rtnl_lock();
	port = xsw_iport_create(ctx->sw, "kev1", &ctx->extack);
	rtnl_unlock();
	KUNIT_ASSERT_FALSE(test, IS_ERR(port));
	KUNIT_EXPECT_EQ(test, port_balance, 2);
	veto_name = "kev1";
	KUNIT_EXPECT_EQ(test, PTR_ERR(attach(test, CB, 100)), -EPERM);
	KUNIT_EXPECT_STREQ(test, pipeline_str(ctx->sw), "ca | | -");
	KUNIT_EXPECT_EQ(test, port_balance, 2);	/* cb's host port undone */

	rtnl_lock();
	dev = port->dev;
	xsw_port_del(port);
	unregister_netdevice(dev);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, port_balance, 1);
}

/* A broadcast frame from the switch's host port. */
static struct sk_buff *frame(struct xsw_switch *sw)
{
	struct sk_buff *skb = alloc_skb(ETH_ZLEN, GFP_KERNEL);
	struct ethhdr *eth;

	if (!skb)
		return NULL;
	skb_reset_mac_header(skb);
	eth = skb_put_zero(skb, ETH_ZLEN);
	eth_broadcast_addr(eth->h_dest);
	ether_addr_copy(eth->h_source, sw->dev->dev_addr);
	eth->h_proto = htons(ETH_P_IP);
	skb->dev = sw->dev;
	return skb;
}

static u64 drops_extension(struct xsw_port *port)
{
	struct xsw_stats_sum sum;

	xsw_stats_sum(port->stats, &sum);
	return sum.drops[XSW_DROP_EXTENSION];
}

static void ext_packet_order_and_drops(struct kunit *test)
{
	struct ext_test_ctx *ctx = test->priv;
	struct xsw_port *host = &ctx->sw->host;
	struct xsw_fwd_ctx fctx = { .src = host, .vlan = 1 };
	struct xsw_ext_value v[ARRAY_SIZE(t_options)];
	struct xsw_ext *fb;
	struct sk_buff *skb;
	u64 stats[XSW_EXT_STAT_NUM];
	bool ok;

	KUNIT_ASSERT_FALSE(test, IS_ERR(attach(test, FA, 20)));
	fb = attach(test, FB, 10);
	KUNIT_ASSERT_FALSE(test, IS_ERR(fb));
	KUNIT_ASSERT_FALSE(test, IS_ERR(attach(test, CA, 20)));
	KUNIT_ASSERT_FALSE(test, IS_ERR(attach(test, CB, 10)));
	KUNIT_ASSERT_FALSE(test, IS_ERR(attach(test, WA, 10)));

	skb = frame(ctx->sw);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	local_bh_disable();
	rcu_read_lock();
	fctx.pipe = rcu_dereference(ctx->sw->pipeline);
	skb = xsw_ext_ingress(skb, &fctx);
	if (skb)
		skb = xsw_ext_forward(skb, &fctx);
	if (skb)
		skb = xsw_ext_egress(skb, &fctx, host);
	ok = skb;
	rcu_read_unlock();
	local_bh_enable();
	KUNIT_EXPECT_TRUE(test, ok);
	KUNIT_EXPECT_STREQ(test, trace,
			   "cb:in ca:in fb:in fa:in wa:fwd wa:out fb:out fa:out cb:out ca:out");
	kfree_skb(skb);

	/* A filter that drops: nothing after it sees the frame. */
	memcpy(v, fb->values, sizeof(v));
	v[0].on = true;
	rtnl_lock();
	KUNIT_EXPECT_EQ(test, xsw_ext_set(fb, -1, v, NULL), 0);
	rtnl_unlock();
	trace[0] = 0;
	skb = frame(ctx->sw);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	local_bh_disable();
	rcu_read_lock();
	fctx.pipe = rcu_dereference(ctx->sw->pipeline);
	skb = xsw_ext_ingress(skb, &fctx);
	ok = skb;
	rcu_read_unlock();
	local_bh_enable();
	KUNIT_EXPECT_FALSE(test, ok);	/* and the skb is freed */
	KUNIT_EXPECT_STREQ(test, trace, "cb:in ca:in fb:in");
	KUNIT_EXPECT_EQ(test, drops_extension(host), 1ULL);
	xsw_ext_stats_sum(fb, stats);
	KUNIT_EXPECT_EQ(test, stats[XSW_EXT_STAT_INGRESS], 2ULL);
	KUNIT_EXPECT_EQ(test, stats[XSW_EXT_STAT_EGRESS], 1ULL);
	KUNIT_EXPECT_EQ(test, stats[XSW_EXT_STAT_DROPPED], 1ULL);

	/* Frames an extension injected skip that extension. */
	trace[0] = 0;
	skb = frame(ctx->sw);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	fctx.origin = fb;
	local_bh_disable();
	rcu_read_lock();
	fctx.pipe = rcu_dereference(ctx->sw->pipeline);
	skb = xsw_ext_ingress(skb, &fctx);
	ok = skb;
	rcu_read_unlock();
	local_bh_enable();
	KUNIT_EXPECT_TRUE(test, ok);
	KUNIT_EXPECT_STREQ(test, trace, "cb:in ca:in fa:in");
	kfree_skb(skb);
}

static void ext_unregister_detaches(struct kunit *test)
{
	struct ext_test_ctx *ctx = test->priv;

	KUNIT_ASSERT_FALSE(test, IS_ERR(attach(test, CA, 100)));
	KUNIT_ASSERT_FALSE(test, IS_ERR(attach(test, FA, 100)));
	xsw_ext_unregister(&t_ops[CA]);
	KUNIT_EXPECT_EQ(test, detached, 1);
	KUNIT_EXPECT_STREQ(test, pipeline_str(ctx->sw), "| fa | -");
	/* Registered again, so that .exit's unregister finds it. */
	KUNIT_EXPECT_EQ(test, xsw_ext_register(&t_ops[CA]), 0);
}

static void ext_fwd_ctx_helpers(struct kunit *test)
{
	struct ext_test_ctx *ctx = test->priv;
	struct xsw_port ports[XSW_FWD_MAX_DST + 1] = {};
	struct xsw_fwd_ctx fctx = { .src = &ctx->sw->host };
	struct xsw_switch *other;
	int i;

	for (i = 0; i < ARRAY_SIZE(ports); i++)
		ports[i].sw = ctx->sw;
	KUNIT_EXPECT_EQ(test, xsw_fwd_add_dst(&fctx, &ports[0]), 0);
	KUNIT_EXPECT_EQ(test, xsw_fwd_add_dst(&fctx, &ports[0]), -EEXIST);
	for (i = 1; i < XSW_FWD_MAX_DST; i++)
		KUNIT_EXPECT_EQ(test, xsw_fwd_add_dst(&fctx, &ports[i]), 0);
	KUNIT_EXPECT_EQ(test, xsw_fwd_add_dst(&fctx, &ports[i]), -ENOSPC);
	KUNIT_EXPECT_EQ(test, fctx.n_dst, XSW_FWD_MAX_DST);

	/* Removing keeps the others in order. */
	KUNIT_EXPECT_EQ(test, xsw_fwd_del_dst(&fctx, &ports[1]), 0);
	KUNIT_EXPECT_EQ(test, xsw_fwd_del_dst(&fctx, &ports[1]), -ENOENT);
	KUNIT_EXPECT_EQ(test, fctx.n_dst, XSW_FWD_MAX_DST - 1);
	KUNIT_EXPECT_PTR_EQ(test, fctx.dst[0], &ports[0]);
	KUNIT_EXPECT_PTR_EQ(test, fctx.dst[1], &ports[2]);
	KUNIT_EXPECT_PTR_EQ(test, fctx.dst[XSW_FWD_MAX_DST - 2],
			    &ports[XSW_FWD_MAX_DST - 1]);
	KUNIT_EXPECT_EQ(test, xsw_fwd_add_dst(&fctx, &ports[i]), 0);

	rtnl_lock();
	other = xsw_switch_create(&init_net, "ke1", NULL);
	rtnl_unlock();
	KUNIT_ASSERT_FALSE(test, IS_ERR(other));
	fctx.n_dst = 0;
	KUNIT_EXPECT_EQ(test, xsw_fwd_add_dst(&fctx, &other->host), -EINVAL);
	KUNIT_EXPECT_EQ(test, fctx.n_dst, 0);

	xsw_fwd_flood(&fctx, &ports[3]);
	KUNIT_EXPECT_TRUE(test, fctx.flood);
	KUNIT_EXPECT_PTR_EQ(test, fctx.flood_except, (const struct xsw_port *)&ports[3]);
	rtnl_lock();
	xsw_switch_destroy(other);
	rtnl_unlock();
}

static struct kunit_case ext_test_cases[] = {
	KUNIT_CASE(ext_register_refuses_duplicates_and_bad_ops),
	KUNIT_CASE(ext_chain_order_follows_priority),
	KUNIT_CASE(ext_one_forwarding_extension),
	KUNIT_CASE(ext_set_is_all_or_nothing),
	KUNIT_CASE(ext_port_veto),
	KUNIT_CASE(ext_packet_order_and_drops),
	KUNIT_CASE(ext_unregister_detaches),
	KUNIT_CASE(ext_fwd_ctx_helpers),
	{}
};

static struct kunit_suite ext_test_suite = {
	.name = "xswitch-ext",
	.init = ext_test_init,
	.exit = ext_test_exit,
	.test_cases = ext_test_cases,
};

kunit_test_suite(ext_test_suite);
