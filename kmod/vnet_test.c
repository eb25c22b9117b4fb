// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for vnet.c and vmap.c: prefix overlap and containment, the
 * default gateway, the CA check, and the mapping table (lookups by CA and
 * by MAC, refusals, replication lists), the table checked against a naive
 * model on random operations.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/inet.h>
#include <linux/random.h>

#include "vnet_test_util.h"

static bool addr_is(const struct in6_addr *a, const char *text)
{
	struct in6_addr b = addr(text);

	return ipv6_addr_equal(a, &b);
}

/* ------------------------------------------------------------ prefixes */

struct overlap_case {
	const char *a;
	u8 alen;
	const char *b;
	u8 blen;
	bool overlap;
};

static const struct overlap_case overlap_cases[] = {
	{ "10.1.1.0", 24, "10.1.1.0", 24, true },
	{ "10.1.1.0", 24, "10.1.1.128", 25, true },
	{ "10.0.0.0", 8, "10.1.1.0", 24, true },
	{ "10.1.1.0", 24, "10.1.2.0", 24, false },
	{ "10.1.1.0", 25, "10.1.1.128", 25, false },
	{ "0.0.0.0", 0, "192.168.0.0", 16, true },
	{ "2001:db8::", 32, "2001:db8:1::", 48, true },
	{ "2001:db8:1::", 48, "2001:db8:2::", 48, false },
	/* never across families, even ::/0 against IPv4 */
	{ "::", 0, "10.0.0.0", 8, false },
};

static void overlap_desc(const struct overlap_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s/%u vs %s/%u", c->a, c->alen,
		 c->b, c->blen);
}

KUNIT_ARRAY_PARAM(overlap, overlap_cases, overlap_desc);

static void vnet_prefix_overlap(struct kunit *test)
{
	const struct overlap_case *c = test->param_value;
	struct xsw_vprefix p[2] = { pfx(c->a, c->alen), pfx(c->b, c->blen) };
	unsigned int bad = 9;
	const char *why = NULL;
	int err;

	err = xsw_vprefix_check(p, 2, NULL, &bad, &why);
	KUNIT_EXPECT_EQ(test, err ? 1 : 0, c->overlap ? 1 : 0);
	if (c->overlap) {
		KUNIT_EXPECT_EQ(test, bad, 1U);
		KUNIT_EXPECT_STREQ(test, why, "prefixes overlap");
	}
}

static void vnet_prefix_host_bits(struct kunit *test)
{
	struct xsw_vprefix p = pfx("10.1.1.1", 24);
	const char *why = NULL;
	unsigned int bad;

	KUNIT_EXPECT_EQ(test, xsw_vprefix_check(&p, 1, NULL, &bad, &why),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, why, "prefix has host bits set");
	p = pfx("2001:db8::", 32);
	KUNIT_EXPECT_EQ(test, xsw_vprefix_check(&p, 1, NULL, &bad, &why), 0);
}

static void vnet_default_gateway(struct kunit *test)
{
	struct xsw_vprefix p[2];
	struct in6_addr gw;

	p[0] = pfx("10.1.1.0", 24);
	KUNIT_ASSERT_TRUE(test, xsw_vprefix_default_gateway(p, 1, &gw));
	KUNIT_EXPECT_TRUE(test, addr_is(&gw, "10.1.1.1"));
	/* the first IPv4 prefix, after an IPv6 one */
	p[0] = pfx("2001:db8::", 64);
	p[1] = pfx("192.168.4.0", 22);
	KUNIT_ASSERT_TRUE(test, xsw_vprefix_default_gateway(p, 2, &gw));
	KUNIT_EXPECT_TRUE(test, addr_is(&gw, "192.168.4.1"));
	p[0] = pfx("10.9.9.8", 31);
	KUNIT_ASSERT_TRUE(test, xsw_vprefix_default_gateway(p, 1, &gw));
	KUNIT_EXPECT_TRUE(test, addr_is(&gw, "10.9.9.8"));
	p[0] = pfx("10.9.9.9", 32);
	KUNIT_EXPECT_FALSE(test, xsw_vprefix_default_gateway(p, 1, &gw));
	p[0] = pfx("2001:db8::", 64);
	KUNIT_EXPECT_FALSE(test, xsw_vprefix_default_gateway(p, 1, &gw));
	KUNIT_EXPECT_FALSE(test, xsw_vprefix_default_gateway(p, 0, &gw));
}

/* ------------------------------------------------- store and mappings */

static void vnet_ca_check(struct kunit *test)
{
	struct vnet_test_ctx *ctx = test->priv;
	struct xsw_vsubnet *vs, *l2;
	struct in6_addr a;
	const char *why;

	vs = subnet(test, ctx->vnet[0], 5001, "10.1.1.0", 24);
	l2 = subnet(test, ctx->vnet[0], 7001, NULL, 0);
	a = addr("10.1.1.11");
	KUNIT_EXPECT_EQ(test, xsw_vsubnet_ca_check(vs, &a, &why), 0);
	a = addr("10.1.2.11");
	KUNIT_EXPECT_EQ(test, xsw_vsubnet_ca_check(vs, &a, &why), -EINVAL);
	KUNIT_EXPECT_STREQ(test, why,
			   "ca is outside the virtual subnet's prefixes");
	a = addr("10.1.1.1");
	KUNIT_EXPECT_EQ(test, xsw_vsubnet_ca_check(vs, &a, &why), -EINVAL);
	KUNIT_EXPECT_STREQ(test, why, "ca is the virtual subnet's gateway");
	a = addr("10.1.1.0");
	KUNIT_EXPECT_EQ(test, xsw_vsubnet_ca_check(vs, &a, &why), -EINVAL);
	KUNIT_EXPECT_STREQ(test, why,
			   "ca is a prefix's network or broadcast address");
	a = addr("10.1.1.255");
	KUNIT_EXPECT_EQ(test, xsw_vsubnet_ca_check(vs, &a, &why), -EINVAL);
	KUNIT_EXPECT_STREQ(test, why,
			   "ca is a prefix's network or broadcast address");
	/* A /31's two addresses are hosts' (the first its gateway). */
	vs = subnet(test, ctx->vnet[0], 5002, "10.1.2.0", 31);
	a = addr("10.1.2.1");
	KUNIT_EXPECT_EQ(test, xsw_vsubnet_ca_check(vs, &a, &why), 0);
	/* A /32's one address is a host's: it has no gateway. */
	vs = subnet(test, ctx->vnet[0], 5003, "10.1.3.7", 32);
	a = addr("10.1.3.7");
	KUNIT_EXPECT_EQ(test, xsw_vsubnet_ca_check(vs, &a, &why), 0);
	a = addr("172.16.0.5");
	KUNIT_EXPECT_EQ(test, xsw_vsubnet_ca_check(l2, &a, &why), 0);
	a = addr("2001:db8::5");
	KUNIT_EXPECT_EQ(test, xsw_vsubnet_ca_check(l2, &a, &why), 0);
	a = addr("224.0.0.5");
	KUNIT_EXPECT_EQ(test, xsw_vsubnet_ca_check(l2, &a, &why), -EINVAL);
	KUNIT_EXPECT_STREQ(test, why, "ca must be a unicast address");
}

static void vnet_overlap_in_routing_domain(struct kunit *test)
{
	struct vnet_test_ctx *ctx = test->priv;
	struct xsw_vprefix p = pfx("10.1.1.128", 25);
	const char *why = NULL;
	unsigned int bad;

	subnet(test, ctx->vnet[0], 5001, "10.1.1.0", 24);
	rtnl_lock();
	KUNIT_EXPECT_EQ(test, xsw_vprefix_check(&p, 1, ctx->vnet[0], &bad,
						&why), -EEXIST);
	/* the same prefix in another routing domain is fine */
	KUNIT_EXPECT_EQ(test, xsw_vprefix_check(&p, 1, ctx->vnet[1], &bad,
						&why), 0);
	rtnl_unlock();
}

/* A refused VSUBNET_NEW changes nothing, the store's generation included. */
static void vnet_refusal_keeps_gen(struct kunit *test)
{
	struct vnet_test_ctx *ctx = test->priv;
	struct xsw_vsubnet *vs;
	u64 gen;

	/*
	 * A reserved slot reads as empty but refuses an insert, as an
	 * allocation failure in xa_insert() would.
	 */
	KUNIT_ASSERT_EQ(test, xa_reserve(&ctx->s.vsubnets, 5005, GFP_KERNEL),
			0);
	vs = kzalloc(sizeof(*vs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, vs);
	vs->vsid = 5005;
	vs->encap = XSW_ENCAP_VXLAN;
	rtnl_lock();
	gen = ctx->s.gen;
	vs = xsw_vsubnet_add(&ctx->s, vs, ctx->vnet[0], NULL);
	KUNIT_EXPECT_TRUE(test, IS_ERR(vs));
	KUNIT_EXPECT_EQ(test, ctx->s.gen, gen);
	KUNIT_EXPECT_EQ(test, ctx->vnet[0]->num_vsubnets, 0U);
	xa_release(&ctx->s.vsubnets, 5005);
	rtnl_unlock();

	/* The next change is the one after the last. */
	vs = subnet(test, ctx->vnet[0], 5005, NULL, 0);
	KUNIT_EXPECT_EQ(test, vs->gen, gen + 1);
}

static void vmap_lookups(struct kunit *test)
{
	struct vnet_test_ctx *ctx = test->priv;
	struct xsw_vsubnet *c, *f;
	struct xsw_vmap *m1, *m2, *m3, *got;
	u8 mac[ETH_ALEN] = { 2, 0, 0, 0, 0, 0x11 };
	struct in6_addr ca = addr("10.1.1.11");

	c = subnet(test, ctx->vnet[0], 5001, "10.1.1.0", 24);
	f = subnet(test, ctx->vnet[1], 6001, "10.1.1.0", 24);
	KUNIT_ASSERT_EQ(test, add_map(test, c, "10.1.1.11", 0x11,
				      "192.168.1.10", &m1), 0);
	KUNIT_ASSERT_EQ(test, add_map(test, f, "10.1.1.11", 0x11,
				      "192.168.2.20", &m2), 0);
	/* one MAC, a second CA (as a dual-stack VM has) */
	KUNIT_ASSERT_EQ(test, add_map(test, c, "10.1.1.12", 0x11,
				      "192.168.1.10", &m3), 0);

	rcu_read_lock();
	got = xsw_vmap_lookup_ca(&ctx->s, 1, &ca);
	KUNIT_EXPECT_PTR_EQ(test, got, m1);
	got = xsw_vmap_lookup_ca(&ctx->s, 2, &ca);
	KUNIT_EXPECT_PTR_EQ(test, got, m2);
	got = xsw_vmap_lookup_ca(&ctx->s, 3, &ca);
	KUNIT_EXPECT_NULL(test, got);
	got = xsw_vmap_lookup_mac(&ctx->s, 6001, mac);
	KUNIT_EXPECT_PTR_EQ(test, got, m2);
	got = xsw_vmap_lookup_mac(&ctx->s, 5001, mac);
	KUNIT_EXPECT_TRUE(test, got == m1 || got == m3);
	rcu_read_unlock();

	/* a CA is unique in its routing domain */
	KUNIT_EXPECT_EQ(test, add_map(test, c, "10.1.1.11", 0x22,
				      "192.168.3.30", NULL), -EEXIST);
	KUNIT_EXPECT_EQ(test, c->num_maps, 2U);
	KUNIT_EXPECT_EQ(test, ctx->s.num_maps, 3U);
	KUNIT_EXPECT_EQ(test, c->num_pas, 1U);

	rtnl_lock();
	xsw_vmap_remove(&ctx->s, m1);
	rtnl_unlock();
	rcu_read_lock();
	KUNIT_EXPECT_NULL(test, xsw_vmap_lookup_ca(&ctx->s, 1, &ca));
	KUNIT_EXPECT_PTR_EQ(test, xsw_vmap_lookup_mac(&ctx->s, 5001, mac), m3);
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, c->num_pas, 1U);
	KUNIT_EXPECT_EQ(test, xsw_vmap_hits(m3), 0ULL);
	xsw_vmap_hit(m3);
	KUNIT_EXPECT_EQ(test, xsw_vmap_hits(m3), 1ULL);

	rtnl_lock();
	KUNIT_EXPECT_EQ(test, xsw_vmap_flush(&ctx->s, c), 1U);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, c->num_pas, 0U);
	KUNIT_EXPECT_TRUE(test, list_empty(&c->pas));
	KUNIT_EXPECT_EQ(test, ctx->s.num_maps, 1U);
}

/* Random adds and removes, checked against an array of what should be. */
#define MODEL_CAS	64
#define MODEL_PAS	5
#define MODEL_OPS	2000

struct model_entry {
	struct xsw_vmap *m;
	int pa;
};

static void vmap_matches_model(struct kunit *test)
{
	struct vnet_test_ctx *ctx = test->priv;
	struct model_entry model[MODEL_CAS] = { };
	struct xsw_vsubnet *vs;
	char ca[16], pa[16];
	int op, i, n, err;

	vs = subnet(test, ctx->vnet[0], 5001, "10.1.0.0", 16);
	for (op = 0; op < MODEL_OPS; op++) {
		unsigned int pas[MODEL_PAS] = { };
		unsigned int want_pas = 0;

		i = get_random_u32_below(MODEL_CAS);
		if (model[i].m && get_random_u32_below(2)) {
			rtnl_lock();
			xsw_vmap_remove(&ctx->s, model[i].m);
			rtnl_unlock();
			model[i].m = NULL;
		} else {
			int p = get_random_u32_below(MODEL_PAS);
			bool existed = model[i].m;

			snprintf(ca, sizeof(ca), "10.1.0.%d", i + 2);
			snprintf(pa, sizeof(pa), "192.168.0.%d", p + 1);
			err = add_map(test, vs, ca, i, pa,
				      model[i].m ? NULL : &model[i].m);
			KUNIT_ASSERT_EQ(test, err, existed ? -EEXIST : 0);
			if (!err)
				model[i].pa = p;
		}

		n = 0;
		rcu_read_lock();
		for (i = 0; i < MODEL_CAS; i++) {
			struct in6_addr a;

			snprintf(ca, sizeof(ca), "10.1.0.%d", i + 2);
			a = addr(ca);
			KUNIT_ASSERT_PTR_EQ(test,
					    xsw_vmap_lookup_ca(&ctx->s, 1, &a),
					    model[i].m);
			if (model[i].m) {
				n++;
				pas[model[i].pa]++;
			}
		}
		rcu_read_unlock();
		for (i = 0; i < MODEL_PAS; i++)
			want_pas += !!pas[i];
		KUNIT_ASSERT_EQ(test, vs->num_maps, (unsigned int)n);
		KUNIT_ASSERT_EQ(test, vs->num_pas, want_pas);
	}
}

static struct kunit_case vnet_prefix_cases[] = {
	KUNIT_CASE_PARAM(vnet_prefix_overlap, overlap_gen_params),
	KUNIT_CASE(vnet_prefix_host_bits),
	KUNIT_CASE(vnet_default_gateway),
	{}
};

static struct kunit_suite vnet_prefix_suite = {
	.name = "xswitch_vnet_prefix",
	.test_cases = vnet_prefix_cases,
};

static struct kunit_case vnet_store_cases[] = {
	KUNIT_CASE(vnet_ca_check),
	KUNIT_CASE(vnet_overlap_in_routing_domain),
	KUNIT_CASE(vnet_refusal_keeps_gen),
	KUNIT_CASE(vmap_lookups),
	KUNIT_CASE(vmap_matches_model),
	{}
};

static struct kunit_suite vnet_store_suite = {
	.name = "xswitch_vnet_store",
	.init = vnet_test_init,
	.exit = vnet_test_exit,
	.test_cases = vnet_store_cases,
};

kunit_test_suites(&vnet_prefix_suite, &vnet_store_suite);
