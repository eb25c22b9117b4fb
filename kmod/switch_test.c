// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for switch.c: creating, finding and destroying switch
 * netdevices in init_net.
 */

#include <kunit/test.h>
#include <net/net_namespace.h>

#include "xswitch.h"

struct switch_test_ctx {
	struct xsw_switch *sw;		/* "kt0", made by .init */
	struct netlink_ext_ack extack;
};

static int switch_test_init(struct kunit *test)
{
	struct switch_test_ctx *ctx;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	test->priv = ctx;

	rtnl_lock();
	ctx->sw = xsw_switch_create(&init_net, "kt0", &ctx->extack);
	rtnl_unlock();
	KUNIT_ASSERT_FALSE(test, IS_ERR(ctx->sw));
	return 0;
}

static void switch_test_exit(struct kunit *test)
{
	struct switch_test_ctx *ctx = test->priv;

	rtnl_lock();
	xsw_switch_destroy(ctx->sw);
	rtnl_unlock();
}

static void switch_create_registers_netdev(struct kunit *test)
{
	struct switch_test_ctx *ctx = test->priv;
	struct net_device *dev;

	rtnl_lock();
	dev = __dev_get_by_name(&init_net, "kt0");
	rtnl_unlock();

	KUNIT_ASSERT_PTR_EQ(test, dev, ctx->sw->dev);
	KUNIT_EXPECT_TRUE(test, netif_is_xswitch(dev));
	KUNIT_EXPECT_EQ(test, dev->reg_state, NETREG_REGISTERED);
	KUNIT_EXPECT_EQ(test, dev->mtu, ETH_DATA_LEN);
	KUNIT_EXPECT_TRUE(test, is_valid_ether_addr(dev->dev_addr));
	KUNIT_EXPECT_EQ(test, ctx->sw->num_ports, 0U);
	KUNIT_EXPECT_FALSE(test, netif_is_xswitch(init_net.loopback_dev));
}

static void switch_create_template_names(struct kunit *test)
{
	struct netlink_ext_ack extack = {};
	struct xsw_switch *a, *b, *c;

	rtnl_lock();
	a = xsw_switch_create(&init_net, "kt%d", &extack);
	b = xsw_switch_create(&init_net, "kt%d", &extack);
	c = xsw_switch_create(&init_net, NULL, &extack);
	rtnl_unlock();
	KUNIT_ASSERT_FALSE(test, IS_ERR(a));
	KUNIT_ASSERT_FALSE(test, IS_ERR(b));
	KUNIT_ASSERT_FALSE(test, IS_ERR(c));

	/* kt0 is taken by the fixture */
	KUNIT_EXPECT_STREQ(test, a->dev->name, "kt1");
	KUNIT_EXPECT_STREQ(test, b->dev->name, "kt2");
	KUNIT_EXPECT_EQ(test, strncmp(c->dev->name, "xsw", 3), 0);

	rtnl_lock();
	xsw_switch_destroy(a);
	xsw_switch_destroy(b);
	xsw_switch_destroy(c);
	KUNIT_EXPECT_NULL(test, __dev_get_by_name(&init_net, "kt1"));
	rtnl_unlock();
}

struct create_refusal {
	const char *desc;
	const char *name;
	int err;
	const char *msg;
};

static const struct create_refusal create_refusals[] = {
	{ "duplicate", "kt0", -EEXIST, "interface name already in use" },
	{ "name of lo", "lo", -EEXIST, "interface name already in use" },
	{ "slash", "a/b", -EINVAL, "invalid interface name" },
	{ "dot", ".", -EINVAL, "invalid interface name" },
	{ "empty", "", -EINVAL, "invalid interface name" },
	{ "two templates", "a%d%d", -EINVAL, NULL },
};

static void create_refusal_desc(const struct create_refusal *r, char *desc)
{
	strscpy(desc, r->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(create_refusal, create_refusals, create_refusal_desc);

static void switch_create_refuses(struct kunit *test)
{
	const struct create_refusal *r = test->param_value;
	struct netlink_ext_ack extack = {};
	struct xsw_switch *sw;
	int before, after;
	struct net_device *dev;

	rtnl_lock();
	before = 0;
	for_each_netdev(&init_net, dev)
		before++;
	sw = xsw_switch_create(&init_net, r->name, &extack);
	after = 0;
	for_each_netdev(&init_net, dev)
		after++;
	rtnl_unlock();

	KUNIT_ASSERT_TRUE(test, IS_ERR(sw));
	KUNIT_EXPECT_EQ(test, PTR_ERR(sw), r->err);
	if (r->msg)
		KUNIT_EXPECT_STREQ(test, extack._msg, r->msg);
	else
		KUNIT_EXPECT_NOT_NULL(test, extack._msg);
	/* Nothing half-made is left behind. */
	KUNIT_EXPECT_EQ(test, after, before);
}

struct find_case {
	const char *desc;
	bool by_index;		/* use kt0's ifindex */
	const char *name;
	int err;		/* 0: finds kt0 */
	const char *msg;
};

static const struct find_case find_cases[] = {
	{ "by ifindex", true, NULL, 0, NULL },
	{ "by name", false, "kt0", 0, NULL },
	{ "ifindex and its name", true, "kt0", 0, NULL },
	{ "ifindex and another name", true, "lo", -EINVAL,
	  "ifindex and name refer to different devices" },
	{ "neither", false, NULL, -EINVAL,
	  "switch ifindex or name is required" },
	{ "missing name", false, "nosuch0", -ENODEV, "no such switch" },
	{ "not a switch", false, "lo", -EOPNOTSUPP,
	  "device is not an xswitch" },
};

static void find_case_desc(const struct find_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(find_case, find_cases, find_case_desc);

static void switch_find(struct kunit *test)
{
	const struct find_case *c = test->param_value;
	struct switch_test_ctx *ctx = test->priv;
	struct netlink_ext_ack extack = {};
	struct xsw_switch *sw;

	rtnl_lock();
	sw = xsw_switch_find(&init_net, c->by_index ? ctx->sw->dev->ifindex : 0,
			     c->name, &extack);
	rtnl_unlock();

	if (!c->err) {
		KUNIT_EXPECT_PTR_EQ(test, sw, ctx->sw);
		KUNIT_EXPECT_NULL(test, extack._msg);
		return;
	}
	KUNIT_ASSERT_TRUE(test, IS_ERR(sw));
	KUNIT_EXPECT_EQ(test, PTR_ERR(sw), c->err);
	KUNIT_EXPECT_STREQ(test, extack._msg, c->msg);
}

static void switch_find_unknown_ifindex(struct kunit *test)
{
	struct netlink_ext_ack extack = {};
	struct xsw_switch *sw;

	rtnl_lock();
	sw = xsw_switch_find(&init_net, INT_MAX, NULL, &extack);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, PTR_ERR(sw), -ENODEV);
	KUNIT_EXPECT_STREQ(test, extack._msg, "no such switch");
}

static void switch_destroy_unlists(struct kunit *test)
{
	struct netlink_ext_ack extack = {};
	struct xsw_switch *sw;
	int ifindex;

	rtnl_lock();
	sw = xsw_switch_create(&init_net, "ktdel", &extack);
	KUNIT_ASSERT_FALSE(test, IS_ERR(sw));
	ifindex = sw->dev->ifindex;
	xsw_switch_destroy(sw);
	KUNIT_EXPECT_NULL(test, __dev_get_by_name(&init_net, "ktdel"));
	KUNIT_EXPECT_NULL(test, __dev_get_by_index(&init_net, ifindex));
	rtnl_unlock();
}

static struct kunit_case switch_test_cases[] = {
	KUNIT_CASE(switch_create_registers_netdev),
	KUNIT_CASE(switch_create_template_names),
	KUNIT_CASE_PARAM(switch_create_refuses, create_refusal_gen_params),
	KUNIT_CASE_PARAM(switch_find, find_case_gen_params),
	KUNIT_CASE(switch_find_unknown_ifindex),
	KUNIT_CASE(switch_destroy_unlists),
	{}
};

static struct kunit_suite switch_test_suite = {
	.name = "xswitch_switch",
	.init = switch_test_init,
	.exit = switch_test_exit,
	.test_cases = switch_test_cases,
};

kunit_test_suite(switch_test_suite);
