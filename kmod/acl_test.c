// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for acl.c and acl_packet.c: sets rebuilt by add, delete and
 * replace keep the counters of the rules that stay; default actions; the
 * 10,000-rule limit; refused rules change nothing; frames through the
 * real pipeline dropped with reason "acl" in both directions; injected
 * frames skip ACLs; allow-stateful lets the return traffic through.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <net/net_namespace.h>

#include "acl.h"
#include "acl_test_util.h"

struct acl_test_ctx {
	struct xsw_switch *sw;
	struct xsw_port *host;
	struct xsw_port *p1;		/* an internal port, up */
	struct netlink_ext_ack extack;
};

static int acl_test_init(struct kunit *test)
{
	struct acl_test_ctx *ctx;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	test->priv = ctx;

	rtnl_lock();
	ctx->sw = xsw_switch_create(&init_net, "ka%d", &ctx->extack);
	if (!IS_ERR(ctx->sw)) {
		ctx->host = &ctx->sw->host;
		dev_open(ctx->sw->dev, NULL);
		ctx->p1 = xsw_iport_create(ctx->sw, "kap%d", &ctx->extack);
		if (!IS_ERR(ctx->p1))
			dev_open(ctx->p1->dev, NULL);
	}
	rtnl_unlock();
	KUNIT_ASSERT_FALSE(test, IS_ERR(ctx->sw));
	KUNIT_ASSERT_FALSE(test, IS_ERR(ctx->p1));
	return 0;
}

static void acl_test_exit(struct kunit *test)
{
	struct acl_test_ctx *ctx = test->priv;

	rtnl_lock();
	xsw_switch_destroy(ctx->sw);
	rtnl_unlock();
}

/* A rule of @action for IP protocol @proto, or for every frame (0). */
static struct xsw_acl_rule_obj *rule(struct kunit *test, u8 dir, u32 prio,
				     u8 action, u8 proto)
{
	struct xsw_acl_rule r = { .priority = prio, .action = action };
	struct xsw_acl_rule_obj *obj;

	if (proto) {
		r.match.fields = XSW_ACL_M_IP_PROTO;
		r.match.ip_proto = proto;
	}
	obj = xsw_acl_rule_new(&r, dir, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(obj));
	return obj;
}

/* Adds @obj; its id, or a negative errno. */
static int add(struct kunit *test, struct xsw_port *port,
	       struct xsw_acl_rule_obj *obj)
{
	struct acl_test_ctx *ctx = test->priv;
	int err;

	rtnl_lock();
	err = xsw_acl_add(port, obj, &ctx->extack);
	if (!err)
		err = obj->rule.id;
	rtnl_unlock();
	return err;
}

static int del(struct kunit *test, struct xsw_port *port, u8 dir, u32 id)
{
	struct acl_test_ctx *ctx = test->priv;
	int err;

	rtnl_lock();
	err = xsw_acl_del(port, dir, id, &ctx->extack);
	rtnl_unlock();
	return err;
}

static int replace(struct kunit *test, struct xsw_port *port, u8 dir,
		   struct list_head *rules, u8 def)
{
	struct acl_test_ctx *ctx = test->priv;
	int err;

	rtnl_lock();
	err = xsw_acl_replace(port, dir, rules, def, &ctx->extack);
	rtnl_unlock();
	return err;
}

static int set_default(struct kunit *test, struct xsw_port *port, u8 dir,
		       u8 action)
{
	struct acl_test_ctx *ctx = test->priv;
	int err;

	rtnl_lock();
	err = xsw_acl_set_default(port, dir, action, &ctx->extack);
	rtnl_unlock();
	return err;
}

static const struct xsw_acl_set *set_of(struct xsw_port *port, u8 dir)
{
	const struct xsw_acl_set *set;

	rtnl_lock();
	set = xsw_dereference(port->acl[xsw_acl_idx(dir)]);
	rtnl_unlock();
	return set;
}

static u64 packets(const struct xsw_acl_rule_obj *obj)
{
	u64 p, b;

	xsw_acl_rule_stats(obj, &p, &b);
	return p;
}

static u64 drops(struct xsw_port *port, enum xsw_drop reason)
{
	struct xsw_stats_sum sum;

	xsw_stats_sum(port->stats, &sum);
	return sum.drops[reason];
}

static u64 tx_packets(struct xsw_port *port)
{
	struct xsw_stats_sum sum;

	xsw_stats_sum(port->stats, &sum);
	return sum.tx_packets;
}

/* An IPv4 frame of @proto from src_mac to dst_mac (flooded: unknown). */
static struct sk_buff *frame4(struct kunit *test, u8 proto)
{
	struct frame f = { .l3 = V4, .proto = proto };
	struct sk_buff *skb = build_frame(test, &f);

	skb_reset_mac_header(skb);
	return skb;
}

/* Through the whole pipeline, as if @src had sent it. */
static void send(struct xsw_port *src, struct sk_buff *skb)
{
	local_bh_disable();
	rcu_read_lock();
	xsw_ingress(src, skb);
	rcu_read_unlock();
	local_bh_enable();
}

static void acl_counters_survive_changes(struct kunit *test)
{
	struct acl_test_ctx *ctx = test->priv;
	struct xsw_port *host = ctx->host;
	struct xsw_acl_rule_obj *udp, *all, *tcp;
	const struct xsw_acl_set *set;
	LIST_HEAD(rules);
	int id_udp, id_all, id;

	KUNIT_EXPECT_NULL(test, set_of(host, XSW_ACL_DIR_IN));
	udp = rule(test, XSW_ACL_DIR_IN, 10, XSW_ACL_ACTION_ALLOW,
		   IPPROTO_UDP);
	all = rule(test, XSW_ACL_DIR_IN, 20, XSW_ACL_ACTION_DENY, 0);
	id_udp = add(test, host, udp);
	id_all = add(test, host, all);
	KUNIT_ASSERT_GT(test, id_udp, 0);
	KUNIT_ASSERT_GT(test, id_all, id_udp);

	send(host, frame4(test, IPPROTO_UDP));
	send(host, frame4(test, IPPROTO_TCP));
	KUNIT_EXPECT_EQ(test, packets(udp), 1ULL);
	KUNIT_EXPECT_EQ(test, packets(all), 1ULL);
	KUNIT_EXPECT_EQ(test, drops(host, XSW_DROP_ACL), 1ULL);
	KUNIT_EXPECT_EQ(test, tx_packets(ctx->p1), 1ULL);

	/* A new set around the same rule objects: the counts stay. */
	id = add(test, host, rule(test, XSW_ACL_DIR_IN, 5,
				  XSW_ACL_ACTION_DENY, IPPROTO_ICMP));
	KUNIT_ASSERT_GT(test, id, id_all);
	set = set_of(host, XSW_ACL_DIR_IN);
	KUNIT_ASSERT_NOT_NULL(test, set);
	KUNIT_EXPECT_EQ(test, set->n, 3U);
	KUNIT_EXPECT_EQ(test, set->objs[0]->rule.id, (u32)id);
	KUNIT_EXPECT_PTR_EQ(test, set->objs[1], udp);
	KUNIT_EXPECT_PTR_EQ(test, set->objs[2], all);
	KUNIT_EXPECT_EQ(test, packets(udp), 1ULL);
	KUNIT_EXPECT_EQ(test, packets(all), 1ULL);

	send(host, frame4(test, IPPROTO_ICMP));
	send(host, frame4(test, IPPROTO_UDP));
	KUNIT_EXPECT_EQ(test, packets(udp), 2ULL);
	KUNIT_EXPECT_EQ(test, packets(all), 1ULL);
	KUNIT_EXPECT_EQ(test, drops(host, XSW_DROP_ACL), 2ULL);

	KUNIT_EXPECT_EQ(test, del(test, host, XSW_ACL_DIR_OUT, id), -ENOENT);
	KUNIT_EXPECT_STREQ(test, ctx->extack._msg,
			   "rule id not found on this port and direction");
	KUNIT_EXPECT_EQ(test, del(test, host, 0, 12345), -ENOENT);
	KUNIT_EXPECT_EQ(test, del(test, host, XSW_ACL_DIR_IN, id), 0);
	KUNIT_EXPECT_EQ(test, set_of(host, XSW_ACL_DIR_IN)->n, 2U);
	KUNIT_EXPECT_EQ(test, packets(udp), 2ULL);
	KUNIT_EXPECT_EQ(test, packets(all), 1ULL);
	send(host, frame4(test, IPPROTO_TCP));
	KUNIT_EXPECT_EQ(test, packets(all), 2ULL);

	/* Replace: new rules, new counters; the old ones are gone. */
	tcp = rule(test, XSW_ACL_DIR_IN, 1, XSW_ACL_ACTION_ALLOW, IPPROTO_TCP);
	list_add_tail(&tcp->node, &rules);
	KUNIT_EXPECT_EQ(test, replace(test, host, XSW_ACL_DIR_IN, &rules, 0),
			0);
	KUNIT_EXPECT_TRUE(test, list_empty(&rules));
	set = set_of(host, XSW_ACL_DIR_IN);
	KUNIT_ASSERT_NOT_NULL(test, set);
	KUNIT_EXPECT_EQ(test, set->n, 1U);
	KUNIT_EXPECT_PTR_EQ(test, set->objs[0], tcp);
	KUNIT_EXPECT_GT(test, tcp->rule.id, (u32)id);
	send(host, frame4(test, IPPROTO_TCP));
	send(host, frame4(test, IPPROTO_UDP));	/* default: allow */
	KUNIT_EXPECT_EQ(test, packets(tcp), 1ULL);
	KUNIT_EXPECT_EQ(test, drops(host, XSW_DROP_ACL), 3ULL);
	KUNIT_EXPECT_EQ(test, del(test, host, 0, id_udp), -ENOENT);

	/* Flush: no rule, default allow, so no set at all. */
	rtnl_lock();
	KUNIT_EXPECT_EQ(test, xsw_acl_flush(host, 0, NULL), 0);
	rtnl_unlock();
	KUNIT_EXPECT_NULL(test, set_of(host, XSW_ACL_DIR_IN));
}

static void acl_default_action(struct kunit *test)
{
	struct acl_test_ctx *ctx = test->priv;
	struct xsw_port *host = ctx->host;
	const struct xsw_acl_set *set;
	LIST_HEAD(rules);

	KUNIT_EXPECT_EQ(test, set_default(test, host, XSW_ACL_DIR_IN,
					  XSW_ACL_ACTION_DENY), 0);
	set = set_of(host, XSW_ACL_DIR_IN);
	KUNIT_ASSERT_NOT_NULL(test, set);
	KUNIT_EXPECT_EQ(test, set->n, 0U);
	KUNIT_EXPECT_NULL(test, set_of(host, XSW_ACL_DIR_OUT));
	send(host, frame4(test, IPPROTO_UDP));
	KUNIT_EXPECT_EQ(test, drops(host, XSW_DROP_ACL), 1ULL);

	/* Rules come and go; the default stays. */
	KUNIT_EXPECT_GT(test, add(test, host, rule(test, XSW_ACL_DIR_IN, 1,
						   XSW_ACL_ACTION_ALLOW,
						   IPPROTO_UDP)), 0);
	send(host, frame4(test, IPPROTO_UDP));
	send(host, frame4(test, IPPROTO_TCP));
	KUNIT_EXPECT_EQ(test, drops(host, XSW_DROP_ACL), 2ULL);
	rtnl_lock();
	KUNIT_EXPECT_EQ(test, xsw_acl_flush(host, XSW_ACL_DIR_IN, NULL), 0);
	rtnl_unlock();
	set = set_of(host, XSW_ACL_DIR_IN);
	KUNIT_ASSERT_NOT_NULL(test, set);
	KUNIT_EXPECT_EQ(test, set->default_action, XSW_ACL_ACTION_DENY);

	KUNIT_EXPECT_EQ(test, set_default(test, host, XSW_ACL_DIR_IN,
					  XSW_ACL_ACTION_ALLOW), 0);
	KUNIT_EXPECT_NULL(test, set_of(host, XSW_ACL_DIR_IN));
	KUNIT_EXPECT_EQ(test, set_default(test, host, XSW_ACL_DIR_IN,
					  XSW_ACL_ACTION_ALLOW_STATEFUL),
			-EINVAL);

	/* Replace may set the default with the rules, none here. */
	KUNIT_EXPECT_EQ(test, replace(test, host, XSW_ACL_DIR_OUT, &rules,
				      XSW_ACL_ACTION_DENY), 0);
	set = set_of(host, XSW_ACL_DIR_OUT);
	KUNIT_ASSERT_NOT_NULL(test, set);
	KUNIT_EXPECT_EQ(test, set->default_action, XSW_ACL_ACTION_DENY);
}

/* @n rules for UDP to ports 1..n, allowed. */
static void udp_rules(struct kunit *test, struct list_head *rules,
		      unsigned int n)
{
	struct xsw_acl_rule r = {
		.action = XSW_ACL_ACTION_ALLOW,
		.match.fields = XSW_ACL_M_IP_PROTO | XSW_ACL_M_DST_PORT,
		.match.ip_proto = IPPROTO_UDP,
	};
	struct xsw_acl_rule_obj *obj;
	unsigned int i;

	for (i = 0; i < n; i++) {
		r.priority = i;
		r.match.dst_port.lo = i + 1;
		r.match.dst_port.hi = i + 1;
		obj = xsw_acl_rule_new(&r, XSW_ACL_DIR_OUT, NULL);
		if (IS_ERR(obj)) {
			xsw_acl_rules_free(rules);
			KUNIT_ASSERT_FALSE(test, IS_ERR(obj));
		}
		list_add_tail(&obj->node, rules);
	}
}

static void acl_rule_limit(struct kunit *test)
{
	struct acl_test_ctx *ctx = test->priv;
	struct xsw_port *p1 = ctx->p1;
	const struct xsw_acl_set *set;
	struct xsw_acl_rule_obj *first;
	LIST_HEAD(rules);

	udp_rules(test, &rules, XSW_ACL_RULES_MAX);
	KUNIT_ASSERT_EQ(test, replace(test, p1, XSW_ACL_DIR_OUT, &rules, 0),
			0);
	set = set_of(p1, XSW_ACL_DIR_OUT);
	KUNIT_ASSERT_NOT_NULL(test, set);
	KUNIT_EXPECT_EQ(test, set->n, (u32)XSW_ACL_RULES_MAX);
	first = set->objs[0];

	KUNIT_EXPECT_EQ(test, add(test, p1, rule(test, XSW_ACL_DIR_OUT, 0,
						 XSW_ACL_ACTION_DENY, 0)),
			-ENOSPC);
	KUNIT_EXPECT_STREQ(test, ctx->extack._msg,
			   "too many rules (10000 per port and direction)");
	/* The other direction has its own 10,000. */
	KUNIT_EXPECT_GT(test, add(test, p1, rule(test, XSW_ACL_DIR_IN, 0,
						 XSW_ACL_ACTION_DENY, 0)), 0);

	udp_rules(test, &rules, XSW_ACL_RULES_MAX + 1);
	ctx->extack._msg = NULL;
	KUNIT_EXPECT_EQ(test, replace(test, p1, XSW_ACL_DIR_OUT, &rules, 0),
			-ENOSPC);
	KUNIT_EXPECT_NOT_NULL(test, ctx->extack._msg);
	KUNIT_EXPECT_PTR_EQ(test, set_of(p1, XSW_ACL_DIR_OUT), set);
	KUNIT_EXPECT_PTR_EQ(test, set->objs[0], first);
}

static void acl_refused_rules_change_nothing(struct kunit *test)
{
	static const struct {
		u32 fields;
		u8 proto;
		u16 lo, hi;
		u8 len;
		const char *why;
	} bad[] = {
		{ XSW_ACL_M_DST_PORT, 0, 80, 80, 0,
		  "ports need ip_proto tcp, udp or sctp" },
		{ XSW_ACL_M_DST_PORT | XSW_ACL_M_IP_PROTO, IPPROTO_TCP, 90, 80,
		  0, "port range is reversed" },
		{ XSW_ACL_M_SRC_IP, 0, 0, 0, 33,
		  "prefix is longer than the address" },
	};
	struct acl_test_ctx *ctx = test->priv;
	struct xsw_acl_rule_obj *obj;
	const struct xsw_acl_set *set;
	struct xsw_acl_rule r;
	LIST_HEAD(rules);
	int i;

	KUNIT_ASSERT_GT(test, add(test, ctx->p1,
				  rule(test, XSW_ACL_DIR_OUT, 1,
				       XSW_ACL_ACTION_DENY, IPPROTO_UDP)), 0);
	set = set_of(ctx->p1, XSW_ACL_DIR_OUT);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		memset(&r, 0, sizeof(r));
		r.action = XSW_ACL_ACTION_ALLOW;
		r.match.fields = bad[i].fields;
		r.match.ip_proto = bad[i].proto;
		r.match.dst_port.lo = bad[i].lo;
		r.match.dst_port.hi = bad[i].hi;
		set_v4(&r.match.src_ip, SRC4, bad[i].len);
		ctx->extack._msg = NULL;
		obj = xsw_acl_rule_new(&r, XSW_ACL_DIR_OUT, &ctx->extack);
		KUNIT_EXPECT_EQ(test, PTR_ERR(obj), -EINVAL);
		KUNIT_EXPECT_STREQ(test, ctx->extack._msg, bad[i].why);
	}

	/* A port range that cuts into too many classifier entries. */
	memset(&r, 0, sizeof(r));
	r.action = XSW_ACL_ACTION_ALLOW;
	r.match.fields = XSW_ACL_M_IP_PROTO | XSW_ACL_M_SRC_PORT |
			 XSW_ACL_M_DST_PORT;
	r.match.ip_proto = IPPROTO_TCP;
	r.match.src_port.lo = 1;
	r.match.src_port.hi = 65534;
	r.match.dst_port = r.match.src_port;
	for (i = 0; i < 200; i++) {
		obj = xsw_acl_rule_new(&r, XSW_ACL_DIR_OUT, NULL);
		KUNIT_ASSERT_FALSE(test, IS_ERR(obj));
		list_add_tail(&obj->node, &rules);
	}
	KUNIT_EXPECT_EQ(test, replace(test, ctx->p1, XSW_ACL_DIR_OUT, &rules,
				      XSW_ACL_ACTION_DENY), -E2BIG);
	KUNIT_EXPECT_NOT_NULL(test, ctx->extack._msg);
	KUNIT_EXPECT_PTR_EQ(test, set_of(ctx->p1, XSW_ACL_DIR_OUT), set);
	KUNIT_EXPECT_EQ(test, set->n, 1U);
	KUNIT_EXPECT_EQ(test, set->default_action, XSW_ACL_ACTION_ALLOW);
}

static void acl_out_drops_at_the_destination(struct kunit *test)
{
	struct acl_test_ctx *ctx = test->priv;
	struct xsw_port *p1 = ctx->p1;
	static struct xsw_ext injector;
	struct xsw_acl_rule_obj *deny;
	struct sk_buff *skb;

	deny = rule(test, XSW_ACL_DIR_OUT, 1, XSW_ACL_ACTION_DENY, IPPROTO_UDP);
	KUNIT_ASSERT_GT(test, add(test, p1, deny), 0);
	send(ctx->host, frame4(test, IPPROTO_UDP));
	send(ctx->host, frame4(test, IPPROTO_TCP));
	KUNIT_EXPECT_EQ(test, packets(deny), 1ULL);
	KUNIT_EXPECT_EQ(test, drops(p1, XSW_DROP_ACL), 1ULL);
	KUNIT_EXPECT_EQ(test, drops(ctx->host, XSW_DROP_ACL), 0ULL);
	KUNIT_EXPECT_EQ(test, tx_packets(p1), 1ULL);

	/* What an extension injects is trusted. */
	skb = frame4(test, IPPROTO_UDP);
	local_bh_disable();
	rcu_read_lock();
	xsw_egress_inject(&injector, p1, XSW_DEFAULT_PVID, skb);
	rcu_read_unlock();
	local_bh_enable();
	KUNIT_EXPECT_EQ(test, packets(deny), 1ULL);
	KUNIT_EXPECT_EQ(test, tx_packets(p1), 2ULL);
}

/* Swaps the MACs, addresses and ports of a frame4() frame. */
static void reverse4(struct sk_buff *skb)
{
	struct ethhdr *eth = eth_hdr(skb);
	struct iphdr *iph = (struct iphdr *)(eth + 1);
	__be16 *ports = (__be16 *)(iph + 1);
	u8 mac[ETH_ALEN];

	ether_addr_copy(mac, eth->h_source);
	ether_addr_copy(eth->h_source, eth->h_dest);
	ether_addr_copy(eth->h_dest, mac);
	swap(iph->saddr, iph->daddr);
	swap(ports[0], ports[1]);
}

/* The verdict of @port's ACL in @dir on @skb, which is freed. */
static bool pass(struct xsw_port *port, u8 dir, struct sk_buff *skb)
{
	const struct xsw_acl_set *set;
	struct xsw_acl_frame af = {};
	bool ok = true;

	local_bh_disable();
	rcu_read_lock();
	set = rcu_dereference(port->acl[xsw_acl_idx(dir)]);
	if (set)
		ok = xsw_acl_pass(set, port, dir, &af, skb, XSW_DEFAULT_PVID);
	rcu_read_unlock();
	local_bh_enable();
	kfree_skb(skb);
	return ok;
}

static void acl_stateful_lets_replies_in(struct kunit *test)
{
	struct acl_test_ctx *ctx = test->priv;
	struct xsw_port *p1 = ctx->p1;
	struct xsw_acl_rule_obj *open;
	struct sk_buff *reply;

	/* p1 may open UDP connections; nothing else comes back to it. */
	open = rule(test, XSW_ACL_DIR_IN, 1, XSW_ACL_ACTION_ALLOW_STATEFUL,
		    IPPROTO_UDP);
	KUNIT_ASSERT_GT(test, add(test, p1, open), 0);
	KUNIT_ASSERT_EQ(test, set_default(test, p1, XSW_ACL_DIR_OUT,
					  XSW_ACL_ACTION_DENY), 0);

	reply = frame4(test, IPPROTO_UDP);
	reverse4(reply);
	KUNIT_EXPECT_FALSE(test, pass(p1, XSW_ACL_DIR_OUT, reply));

	KUNIT_EXPECT_TRUE(test, pass(p1, XSW_ACL_DIR_IN,
				     frame4(test, IPPROTO_UDP)));
	KUNIT_EXPECT_EQ(test, packets(open), 1ULL);
	reply = frame4(test, IPPROTO_UDP);
	reverse4(reply);
	KUNIT_EXPECT_TRUE(test, pass(p1, XSW_ACL_DIR_OUT, reply));
	/* Only the reply: the same frame again is not. */
	KUNIT_EXPECT_FALSE(test, pass(p1, XSW_ACL_DIR_OUT,
				      frame4(test, IPPROTO_UDP)));
}

static struct kunit_case acl_test_cases[] = {
	KUNIT_CASE(acl_counters_survive_changes),
	KUNIT_CASE(acl_default_action),
	KUNIT_CASE(acl_rule_limit),
	KUNIT_CASE(acl_refused_rules_change_nothing),
	KUNIT_CASE(acl_out_drops_at_the_destination),
	KUNIT_CASE(acl_stateful_lets_replies_in),
	{}
};

static struct kunit_suite acl_test_suite = {
	.name = "xswitch-acl",
	.init = acl_test_init,
	.exit = acl_test_exit,
	.test_cases = acl_test_cases,
};

kunit_test_suite(acl_test_suite);
