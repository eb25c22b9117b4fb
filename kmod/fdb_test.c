// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for fdb.c: learning, moves, limits, static entries, flushes
 * and ageing, and random operations checked against a naive model.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/random.h>
#include <net/net_namespace.h>

#include "xswitch.h"
#include "fdb.h"

#define NPORTS	3

struct fdb_test_ctx {
	struct xsw_switch *sw;
	struct xsw_port ports[NPORTS];	/* initialised, never attached */
};

static int fdb_test_init(struct kunit *test)
{
	struct fdb_test_ctx *ctx;
	int i, err;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	test->priv = ctx;

	rtnl_lock();
	ctx->sw = xsw_switch_create(&init_net, "ktfdb%d", NULL);
	for (i = 0; !IS_ERR(ctx->sw) && i < NPORTS; i++) {
		err = xsw_port_init(&ctx->ports[i], ctx->sw, ctx->sw->dev,
				    XSW_PORT_TYPE_VM);
		KUNIT_ASSERT_EQ(test, err, 0);
	}
	rtnl_unlock();
	KUNIT_ASSERT_FALSE(test, IS_ERR(ctx->sw));
	return 0;
}

static void fdb_test_exit(struct kunit *test)
{
	struct fdb_test_ctx *ctx = test->priv;
	int i;

	rtnl_lock();
	for (i = 0; i < NPORTS; i++)
		xsw_fdb_port_gone(&ctx->ports[i]);
	xsw_switch_destroy(ctx->sw);
	rtnl_unlock();
	synchronize_rcu();
	for (i = 0; i < NPORTS; i++)
		xsw_port_uninit(&ctx->ports[i]);
}

static void mac_n(u8 *mac, int n)
{
	static const u8 base[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0 };

	ether_addr_copy(mac, base);
	mac[4] = n >> 8;
	mac[5] = n;
}

/* Learning as the packet path does it: under RCU, BH off. */
static void learn(struct fdb_test_ctx *ctx, int port, int mac, u16 vlan)
{
	u8 addr[ETH_ALEN];

	mac_n(addr, mac);
	local_bh_disable();
	rcu_read_lock();
	xsw_fdb_learn(ctx->sw, &ctx->ports[port], addr, vlan);
	rcu_read_unlock();
	local_bh_enable();
}

/* The port index the FDB says @mac is on, or -1. */
static int lookup(struct fdb_test_ctx *ctx, int mac, u16 vlan)
{
	struct xsw_port *port;
	u8 addr[ETH_ALEN];
	int i;

	mac_n(addr, mac);
	rcu_read_lock();
	port = xsw_fdb_lookup(ctx->sw, addr, vlan);
	rcu_read_unlock();
	for (i = 0; i < NPORTS; i++)
		if (port == &ctx->ports[i])
			return i;
	return port ? -2 : -1;
}

static u64 learn_limit_count(struct xsw_port *port)
{
	struct xsw_stats_sum sum;

	xsw_stats_sum(port->stats, &sum);
	return sum.drops[XSW_DROP_LEARN_LIMIT];
}

static void set_limit(struct xsw_port *port, u32 limit)
{
	struct xsw_port_policy *pol;

	rtnl_lock();
	pol = xsw_port_policy_dup(port);
	pol->learn_limit = limit;
	xsw_port_policy_set(port, pol);
	rtnl_unlock();
}

static void fdb_learns_per_vlan(struct kunit *test)
{
	struct fdb_test_ctx *ctx = test->priv;

	KUNIT_EXPECT_EQ(test, lookup(ctx, 1, 10), -1);
	learn(ctx, 0, 1, 10);
	KUNIT_EXPECT_EQ(test, lookup(ctx, 1, 10), 0);
	KUNIT_EXPECT_EQ(test, lookup(ctx, 1, 11), -1);
	learn(ctx, 1, 1, 11);
	KUNIT_EXPECT_EQ(test, lookup(ctx, 1, 11), 1);
	KUNIT_EXPECT_EQ(test, lookup(ctx, 1, 10), 0);
	KUNIT_EXPECT_EQ(test, ctx->ports[0].learned, 1U);
	KUNIT_EXPECT_EQ(test, ctx->ports[1].learned, 1U);
}

static void fdb_moves(struct kunit *test)
{
	struct fdb_test_ctx *ctx = test->priv;

	learn(ctx, 0, 1, 1);
	learn(ctx, 1, 1, 1);
	KUNIT_EXPECT_EQ(test, lookup(ctx, 1, 1), 1);
	KUNIT_EXPECT_EQ(test, ctx->ports[0].learned, 0U);
	KUNIT_EXPECT_EQ(test, ctx->ports[1].learned, 1U);
}

/* A known MAC seen again in the same jiffy is not written to. */
static void fdb_known_entry_unchanged(struct kunit *test)
{
	struct fdb_test_ctx *ctx = test->priv;
	struct xsw_fdb_entry *f;
	unsigned int seq;

	learn(ctx, 0, 1, 1);
	f = hlist_entry(ctx->sw->fdb.all.first, struct xsw_fdb_entry, list);
	f->updated = jiffies - 5;
	seq = ctx->sw->fdb.seq;
	learn(ctx, 0, 1, 1);
	KUNIT_EXPECT_EQ(test, ctx->sw->fdb.seq, seq);
	KUNIT_EXPECT_TRUE(test, time_after_eq(f->updated, jiffies - 1));
}

static void fdb_learn_limit(struct kunit *test)
{
	struct fdb_test_ctx *ctx = test->priv;
	struct xsw_port *p0 = &ctx->ports[0];

	set_limit(p0, 2);
	learn(ctx, 0, 1, 1);
	learn(ctx, 0, 2, 1);
	learn(ctx, 0, 3, 1);
	KUNIT_EXPECT_EQ(test, lookup(ctx, 3, 1), -1);
	KUNIT_EXPECT_EQ(test, p0->learned, 2U);
	KUNIT_EXPECT_EQ(test, learn_limit_count(p0), 1ULL);

	/* A full port cannot take over a MAC either; the entry goes. */
	learn(ctx, 1, 4, 1);
	learn(ctx, 0, 4, 1);
	KUNIT_EXPECT_EQ(test, lookup(ctx, 4, 1), -1);
	KUNIT_EXPECT_EQ(test, ctx->ports[1].learned, 0U);
	KUNIT_EXPECT_EQ(test, learn_limit_count(p0), 2ULL);

	set_limit(p0, 0);
	learn(ctx, 0, 5, 1);
	KUNIT_EXPECT_EQ(test, lookup(ctx, 5, 1), -1);
}

static void fdb_static_entries(struct kunit *test)
{
	struct fdb_test_ctx *ctx = test->priv;
	u8 addr[ETH_ALEN];

	mac_n(addr, 7);
	rtnl_lock();
	KUNIT_EXPECT_EQ(test, xsw_fdb_add_static(ctx->sw, &ctx->ports[2],
						 addr, 1, NULL), 0);
	KUNIT_EXPECT_EQ(test, xsw_fdb_add_static(ctx->sw, &ctx->ports[2],
						 addr, 2, NULL), 0);
	rtnl_unlock();

	/* Static entries neither move nor count against the limit. */
	learn(ctx, 0, 7, 1);
	KUNIT_EXPECT_EQ(test, lookup(ctx, 7, 1), 2);
	KUNIT_EXPECT_EQ(test, ctx->ports[2].learned, 0U);

	/* A flush without static leaves them. */
	xsw_fdb_flush(ctx->sw, NULL, false);
	KUNIT_EXPECT_EQ(test, lookup(ctx, 7, 1), 2);

	rtnl_lock();
	KUNIT_EXPECT_EQ(test, xsw_fdb_del(ctx->sw, NULL, addr, 0, NULL), 0);
	KUNIT_EXPECT_EQ(test, xsw_fdb_del(ctx->sw, NULL, addr, 0, NULL), -ENOENT);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, lookup(ctx, 7, 1), -1);
	KUNIT_EXPECT_EQ(test, lookup(ctx, 7, 2), -1);
}

static void fdb_flush_port(struct kunit *test)
{
	struct fdb_test_ctx *ctx = test->priv;

	learn(ctx, 0, 1, 1);
	learn(ctx, 1, 2, 1);
	xsw_fdb_flush(ctx->sw, &ctx->ports[0], false);
	KUNIT_EXPECT_EQ(test, lookup(ctx, 1, 1), -1);
	KUNIT_EXPECT_EQ(test, lookup(ctx, 2, 1), 1);
	KUNIT_EXPECT_EQ(test, ctx->ports[0].learned, 0U);
}

static void fdb_dead_port_cannot_learn(struct kunit *test)
{
	struct fdb_test_ctx *ctx = test->priv;

	learn(ctx, 0, 1, 1);
	xsw_fdb_port_gone(&ctx->ports[0]);
	KUNIT_EXPECT_EQ(test, lookup(ctx, 1, 1), -1);
	learn(ctx, 0, 1, 1);
	KUNIT_EXPECT_EQ(test, lookup(ctx, 1, 1), -1);
	/* Nor take a MAC over from a live port. */
	learn(ctx, 1, 2, 1);
	learn(ctx, 0, 2, 1);
	KUNIT_EXPECT_NE(test, lookup(ctx, 2, 1), 0);
}

static void fdb_ages(struct kunit *test)
{
	struct fdb_test_ctx *ctx = test->priv;
	struct xsw_fdb_entry *f;
	u8 addr[ETH_ALEN];

	learn(ctx, 0, 1, 1);
	learn(ctx, 0, 2, 1);
	mac_n(addr, 3);
	rtnl_lock();
	xsw_fdb_add_static(ctx->sw, &ctx->ports[1], addr, 1, NULL);
	xsw_fdb_set_ageing(ctx->sw, 10);
	rtnl_unlock();

	/* MAC 1 was last seen 11 s ago; so was the static entry. */
	hlist_for_each_entry(f, &ctx->sw->fdb.all, list)
		if (f->key.mac[5] != 2)
			f->updated = jiffies - 11 * HZ;
	mod_delayed_work(system_power_efficient_wq, &ctx->sw->fdb.gc, 0);
	flush_delayed_work(&ctx->sw->fdb.gc);

	KUNIT_EXPECT_EQ(test, lookup(ctx, 1, 1), -1);
	KUNIT_EXPECT_EQ(test, lookup(ctx, 2, 1), 0);
	KUNIT_EXPECT_EQ(test, lookup(ctx, 3, 1), 1);
	KUNIT_EXPECT_EQ(test, ctx->ports[0].learned, 1U);
}

/*
 * Random learns, moves, deletes and flushes on a small space of MACs and
 * VLANs, against a table of what the FDB should say.
 */
#define R_MACS	12
#define R_VLANS	3

static void fdb_matches_model(struct kunit *test)
{
	struct fdb_test_ctx *ctx = test->priv;
	int model[R_MACS][R_VLANS];
	int learned[NPORTS] = {};
	int i, m, v, p, op;
	u8 addr[ETH_ALEN];

	memset(model, 0xff, sizeof(model));	/* -1: unknown */
	for (i = 0; i < NPORTS; i++)
		set_limit(&ctx->ports[i], 5);

	for (i = 0; i < 3000; i++) {
		op = get_random_u32_below(10);
		m = get_random_u32_below(R_MACS);
		v = get_random_u32_below(R_VLANS);
		p = get_random_u32_below(NPORTS);

		if (op < 7) {
			int old = model[m][v];

			learn(ctx, p, m, v + 1);
			if (old == p)
				continue;
			if (old >= 0)
				learned[old]--;
			if (learned[p] < 5) {
				model[m][v] = p;
				learned[p]++;
			} else {
				model[m][v] = -1;
			}
		} else if (op < 9) {
			mac_n(addr, m);
			rtnl_lock();
			xsw_fdb_del(ctx->sw, NULL, addr, v + 1, NULL);
			rtnl_unlock();
			if (model[m][v] >= 0)
				learned[model[m][v]]--;
			model[m][v] = -1;
		} else {
			xsw_fdb_flush(ctx->sw, &ctx->ports[p], false);
			for (m = 0; m < R_MACS; m++)
				for (v = 0; v < R_VLANS; v++)
					if (model[m][v] == p)
						model[m][v] = -1;
			learned[p] = 0;
		}

		for (m = 0; m < R_MACS; m++)
			for (v = 0; v < R_VLANS; v++)
				if (lookup(ctx, m, v + 1) != model[m][v]) {
					KUNIT_FAIL(test, "step %d: mac %d vlan %d on %d, want %d",
						   i, m, v + 1, lookup(ctx, m, v + 1),
						   model[m][v]);
					return;
				}
		for (p = 0; p < NPORTS; p++)
			KUNIT_ASSERT_EQ(test, ctx->ports[p].learned,
					(unsigned int)learned[p]);
	}
}

static struct kunit_case fdb_test_cases[] = {
	KUNIT_CASE(fdb_learns_per_vlan),
	KUNIT_CASE(fdb_moves),
	KUNIT_CASE(fdb_known_entry_unchanged),
	KUNIT_CASE(fdb_learn_limit),
	KUNIT_CASE(fdb_static_entries),
	KUNIT_CASE(fdb_flush_port),
	KUNIT_CASE(fdb_dead_port_cannot_learn),
	KUNIT_CASE(fdb_ages),
	KUNIT_CASE(fdb_matches_model),
	{}
};

static struct kunit_suite fdb_test_suite = {
	.name = "xswitch_fdb",
	.init = fdb_test_init,
	.exit = fdb_test_exit,
	.test_cases = fdb_test_cases,
};

kunit_test_suite(fdb_test_suite);
