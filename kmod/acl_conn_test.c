// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for acl_conn.c: return traffic and the opener's own frames,
 * what opens a connection,
 * idle timeouts to the jiffy, TCP closing, the bound and its evictions,
 * ports going, the GC work, and random operations checked against a naive
 * model.  Time is injected, and starts just before jiffies wrap.
 */

#include <kunit/test.h>
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/random.h>
#include <net/ipv6.h>
#include <net/net_namespace.h>
#include <net/tcp.h>

#include "xswitch.h"
#include "acl_conn.h"

#define NPORTS	3
#define IN	XSW_ACL_DIR_IN
#define OUT	XSW_ACL_DIR_OUT
#define VLAN	1
#define T0	((unsigned long)(-10 * HZ))

struct conn_test_ctx {
	struct xsw_switch *sw;
	struct xsw_port ports[NPORTS];	/* initialised, never attached */
	bool own_table;			/* the switch does not make one */
};

static int conn_test_init(struct kunit *test)
{
	struct conn_test_ctx *ctx;
	int i, err = 0;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	test->priv = ctx;

	rtnl_lock();
	ctx->sw = xsw_switch_create(&init_net, "ktconn%d", NULL);
	for (i = 0; !IS_ERR(ctx->sw) && i < NPORTS; i++) {
		err = xsw_port_init(&ctx->ports[i], ctx->sw, ctx->sw->dev,
				    XSW_PORT_TYPE_VM);
		if (err)
			break;
	}
	if (!IS_ERR(ctx->sw) && !err && !ctx->sw->conn) {
		err = xsw_acl_conn_init(ctx->sw);
		ctx->own_table = !err;
	}
	rtnl_unlock();
	KUNIT_ASSERT_FALSE(test, IS_ERR(ctx->sw));
	KUNIT_ASSERT_EQ(test, err, 0);
	/* The tests run the GC themselves, at times of their own. */
	cancel_delayed_work_sync(&ctx->sw->conn->gc);
	return 0;
}

static void conn_test_exit(struct kunit *test)
{
	struct conn_test_ctx *ctx = test->priv;
	int i;

	if (IS_ERR_OR_NULL(ctx->sw))
		return;
	rtnl_lock();
	if (ctx->own_table)
		xsw_acl_conn_uninit(ctx->sw);
	for (i = 0; i < NPORTS; i++)
		if (ctx->ports[i].stats)
			xsw_fdb_port_gone(&ctx->ports[i]);
	xsw_switch_destroy(ctx->sw);
	rtnl_unlock();
	synchronize_rcu();
	for (i = 0; i < NPORTS; i++)
		if (ctx->ports[i].stats)
			xsw_port_uninit(&ctx->ports[i]);
}

/* ---------------------------------------------------------- frames */

static void addr(struct in6_addr *a, bool v6, int n)
{
	if (v6)
		ipv6_addr_set(a, htonl(0x20010db8), 0, 0, htonl(n + 1));
	else
		ipv6_addr_set_v4mapped(htonl(0x0a000001 + n), a);
}

/*
 * A frame's key as acl_key.c reads it: addresses @src and @dst, ports
 * @sport and @dport for TCP, UDP and SCTP; an echo request for ICMP.
 */
static void frame(struct xsw_acl_key *k, bool v6, u8 proto, int src, int dst,
		  u16 sport, u16 dport)
{
	memset(k, 0, sizeof(*k));
	k->eth_type = htons(v6 ? ETH_P_IPV6 : ETH_P_IP);
	k->vlan_id = VLAN;
	addr(&k->src_ip, v6, src);
	addr(&k->dst_ip, v6, dst);
	k->ip_proto = proto;
	k->flags = XSW_ACL_KEY_IP;
	switch (proto) {
	case IPPROTO_TCP:
	case IPPROTO_UDP:
	case IPPROTO_SCTP:
		k->src_port = htons(sport);
		k->dst_port = htons(dport);
		k->flags |= XSW_ACL_KEY_L4;
		break;
	case IPPROTO_ICMP:
		k->icmp_type = ICMP_ECHO;
		k->flags |= XSW_ACL_KEY_L4;
		break;
	case IPPROTO_ICMPV6:
		k->icmp_type = ICMPV6_ECHO_REQUEST;
		k->flags |= XSW_ACL_KEY_L4;
		break;
	}
}

/* Makes @k an ARP frame's. */
static void not_ip(struct xsw_acl_key *k)
{
	memset(k, 0, sizeof(*k));
	k->eth_type = htons(ETH_P_ARP);
	k->vlan_id = VLAN;
}

static void udp(struct xsw_acl_key *k, int n)
{
	frame(k, false, IPPROTO_UDP, 0, 1, 1000 + n, 53);
}

/* The answer to @k: addresses and ports swapped, an echo reply. */
static void reverse(struct xsw_acl_key *r, const struct xsw_acl_key *k)
{
	*r = *k;
	r->src_ip = k->dst_ip;
	r->dst_ip = k->src_ip;
	r->src_port = k->dst_port;
	r->dst_port = k->src_port;
	if (k->ip_proto == IPPROTO_ICMP && k->icmp_type == ICMP_ECHO)
		r->icmp_type = ICMP_ECHOREPLY;
	if (k->ip_proto == IPPROTO_ICMPV6 &&
	    k->icmp_type == ICMPV6_ECHO_REQUEST)
		r->icmp_type = ICMPV6_ECHO_REPLY;
}

/* Both as the packet path calls them: under RCU, BH off. */
static void track(struct conn_test_ctx *ctx, int port, u8 dir,
		  const struct xsw_acl_key *k, unsigned long now)
{
	local_bh_disable();
	rcu_read_lock();
	xsw_acl_conn_track_at(ctx->sw, &ctx->ports[port], dir, k, now);
	rcu_read_unlock();
	local_bh_enable();
}

static bool allows(struct conn_test_ctx *ctx, int port, u8 dir,
		   const struct xsw_acl_key *k, unsigned long now)
{
	bool ok;

	local_bh_disable();
	rcu_read_lock();
	ok = xsw_acl_conn_allows_at(ctx->sw, &ctx->ports[port], dir, k, now);
	rcu_read_unlock();
	local_bh_enable();
	return ok;
}

/* Is the answer to @k let through port 0, opened inbound? */
static bool answered(struct conn_test_ctx *ctx, const struct xsw_acl_key *k,
		     unsigned long now)
{
	struct xsw_acl_key r;

	reverse(&r, k);
	return allows(ctx, 0, OUT, &r, now);
}

struct conn_stats {
	u32 entries;
	u64 evictions;
	u64 expirations;
	u32 max;
};

static struct conn_stats stats(struct conn_test_ctx *ctx)
{
	struct conn_stats st;

	xsw_acl_conn_stats(ctx->sw, &st.entries, &st.evictions,
			   &st.expirations, &st.max);
	return st;
}

static u32 entries(struct conn_test_ctx *ctx)
{
	return stats(ctx).entries;
}

static u64 evictions(struct conn_test_ctx *ctx)
{
	return stats(ctx).evictions;
}

static u64 expirations(struct conn_test_ctx *ctx)
{
	return stats(ctx).expirations;
}

static u32 max_entries(struct conn_test_ctx *ctx)
{
	return stats(ctx).max;
}

static void set_max(struct conn_test_ctx *ctx, u32 max)
{
	rtnl_lock();
	xsw_acl_conn_set_max(ctx->sw, max);
	rtnl_unlock();
}

static void port_gone(struct conn_test_ctx *ctx, int port)
{
	rtnl_lock();
	xsw_fdb_port_gone(&ctx->ports[port]);
	xsw_acl_conn_port_gone(&ctx->ports[port]);
	rtnl_unlock();
}

/* ------------------------------------------------------------ cases */

/*
 * The reversed tuple, on the other direction of the same port, and the
 * opener's tuple on its own direction; nothing else.
 */
static void conn_return_traffic(struct kunit *test)
{
	struct conn_test_ctx *ctx = test->priv;
	struct xsw_acl_key k, r, x;

	KUNIT_EXPECT_EQ(test, max_entries(ctx), XSW_ACL_CONN_DEFAULT_MAX);
	frame(&k, false, IPPROTO_TCP, 0, 1, 40000, 80);
	k.tcp_flags = TCPHDR_SYN;
	reverse(&r, &k);
	r.tcp_flags = TCPHDR_SYN | TCPHDR_ACK;
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &r, T0));

	track(ctx, 0, IN, &k, T0);
	KUNIT_EXPECT_EQ(test, entries(ctx), 1U);
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &r, T0));
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, IN, &k, T0));
	/* Not each tuple the other way. */
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, IN, &r, T0));
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &k, T0));
	/* Not another port, VLAN, port number, address or family. */
	KUNIT_EXPECT_FALSE(test, allows(ctx, 1, OUT, &r, T0));
	KUNIT_EXPECT_FALSE(test, allows(ctx, 1, IN, &k, T0));
	x = r;
	x.vlan_id = VLAN + 1;
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &x, T0));
	x = r;
	x.src_port = htons(81);
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &x, T0));
	x = r;
	addr(&x.src_ip, false, 2);
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &x, T0));
	x = r;
	x.ip_proto = IPPROTO_UDP;
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &x, T0));
	x = r;
	x.eth_type = htons(ETH_P_IPV6);
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &x, T0));
	/* No direction but in and out. */
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, 0, &r, T0));
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, 3, &r, T0));
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, 0, &k, T0));
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, 3, &k, T0));

	/*
	 * Opening it again is one connection, and so is a rule letting the
	 * return traffic through; the same tuple the other way is another.
	 */
	track(ctx, 0, IN, &k, T0 + 1);
	KUNIT_EXPECT_EQ(test, entries(ctx), 1U);
	track(ctx, 0, OUT, &r, T0 + 1);
	KUNIT_EXPECT_EQ(test, entries(ctx), 1U);
	track(ctx, 0, OUT, &k, T0 + 1);
	KUNIT_EXPECT_EQ(test, entries(ctx), 2U);
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, IN, &r, T0 + 1));
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &k, T0 + 1));

	/* The jiffies wrappers. */
	frame(&k, true, IPPROTO_UDP, 0, 1, 5000, 53);
	reverse(&r, &k);
	local_bh_disable();
	rcu_read_lock();
	xsw_acl_conn_track(ctx->sw, &ctx->ports[2], OUT, &k);
	KUNIT_EXPECT_TRUE(test, xsw_acl_conn_allows(ctx->sw, &ctx->ports[2],
						    IN, &r));
	KUNIT_EXPECT_FALSE(test, xsw_acl_conn_allows(ctx->sw, &ctx->ports[2],
						     OUT, &r));
	KUNIT_EXPECT_TRUE(test, xsw_acl_conn_allows(ctx->sw, &ctx->ports[2],
						    OUT, &k));
	rcu_read_unlock();
	local_bh_enable();
}

/*
 * The README's example: a rule lets the client's SYN out, and the whole
 * connection then passes both ways - the client's later segments, which
 * no rule lets through, as well as the server's - but nothing else does.
 */
static void conn_opener_direction(struct kunit *test)
{
	struct conn_test_ctx *ctx = test->priv;
	struct xsw_acl_key k, r, x;

	frame(&k, false, IPPROTO_TCP, 0, 1, 40000, 80);
	reverse(&r, &k);
	k.tcp_flags = TCPHDR_SYN;
	track(ctx, 0, OUT, &k, T0);
	r.tcp_flags = TCPHDR_SYN | TCPHDR_ACK;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, IN, &r, T0));
	k.tcp_flags = TCPHDR_ACK;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &k, T0));
	k.tcp_flags = TCPHDR_ACK | TCPHDR_PSH;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &k, T0 + 1));
	KUNIT_EXPECT_EQ(test, entries(ctx), 1U);

	/* Another client port, the server opening one, another port. */
	x = k;
	x.src_port = htons(40001);
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &x, T0 + 1));
	frame(&x, false, IPPROTO_TCP, 1, 0, 80, 40001);
	x.tcp_flags = TCPHDR_SYN;
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, IN, &x, T0 + 1));
	frame(&x, false, IPPROTO_TCP, 1, 0, 40000, 80);
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, IN, &x, T0 + 1));
	KUNIT_EXPECT_FALSE(test, allows(ctx, 2, OUT, &k, T0 + 1));
	x = k;
	x.ip_proto = IPPROTO_UDP;
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &x, T0 + 1));
	KUNIT_EXPECT_EQ(test, entries(ctx), 1U);
}

/*
 * ICMP by type: more echo requests the opener's way and echo replies the
 * other way; not a reply the opener's way, nor a request the other way,
 * which is a ping of its own.
 */
static void conn_icmp_directions(struct kunit *test)
{
	struct conn_test_ctx *ctx = test->priv;
	struct xsw_acl_key k, r, x;
	int v6;

	for (v6 = 0; v6 < 2; v6++) {
		frame(&k, v6, v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP, 0, 1, 0, 0);
		reverse(&r, &k);
		track(ctx, 1, IN, &k, T0);
		KUNIT_EXPECT_TRUE(test, allows(ctx, 1, IN, &k, T0));
		KUNIT_EXPECT_TRUE(test, allows(ctx, 1, OUT, &r, T0));
		KUNIT_EXPECT_FALSE(test, allows(ctx, 1, IN, &r, T0));
		KUNIT_EXPECT_FALSE(test, allows(ctx, 1, OUT, &k, T0));
		x = k;		/* an echo reply, going the request's way */
		x.icmp_type = r.icmp_type;
		KUNIT_EXPECT_FALSE(test, allows(ctx, 1, IN, &x, T0));
		x = r;		/* an echo request, going the reply's way */
		x.icmp_type = k.icmp_type;
		KUNIT_EXPECT_FALSE(test, allows(ctx, 1, OUT, &x, T0));
		x.icmp_type = v6 ? ICMPV6_DEST_UNREACH : ICMP_DEST_UNREACH;
		KUNIT_EXPECT_FALSE(test, allows(ctx, 1, OUT, &x, T0));

		/* An echo reply opens nothing. */
		track(ctx, 2, OUT, &r, T0);
		KUNIT_EXPECT_FALSE(test, allows(ctx, 2, OUT, &r, T0));
		KUNIT_EXPECT_EQ(test, entries(ctx), 1U + 2 * v6);

		/* The other host's ping is a connection of its own. */
		x = r;
		x.icmp_type = k.icmp_type;
		track(ctx, 1, OUT, &x, T0);
		KUNIT_EXPECT_EQ(test, entries(ctx), 2U + 2 * v6);
		KUNIT_EXPECT_TRUE(test, allows(ctx, 1, OUT, &x, T0));
		KUNIT_EXPECT_TRUE(test, allows(ctx, 1, IN, &k, T0));
		x = k;
		x.icmp_type = r.icmp_type;
		KUNIT_EXPECT_TRUE(test, allows(ctx, 1, IN, &x, T0));
	}
}

/*
 * Frames either way refresh a connection; idle long enough, it lets
 * neither way through, and the GC counts it as expired.
 */
static void conn_both_ways_refresh(struct kunit *test)
{
	const struct conn_proto_case_min {
		u8 proto;
		unsigned long to;
	} cases[] = {
		{ IPPROTO_TCP, XSW_ACL_CONN_TCP_TIMEOUT },
		{ IPPROTO_UDP, XSW_ACL_CONN_OTHER_TIMEOUT },
		{ IPPROTO_ICMP, XSW_ACL_CONN_ICMP_TIMEOUT },
		{ IPPROTO_GRE, XSW_ACL_CONN_OTHER_TIMEOUT },
	};
	struct conn_test_ctx *ctx = test->priv;
	struct xsw_acl_key k, r;
	unsigned long to, t;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		to = cases[i].to;
		t = T0 + i * 100 * XSW_ACL_CONN_TCP_TIMEOUT;
		frame(&k, false, cases[i].proto, 0, 1, 5000, 6000);
		k.tcp_flags = TCPHDR_ACK;
		reverse(&r, &k);
		track(ctx, 0, OUT, &k, t);
		/* Each refresh is one timeout after the last one. */
		KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &k, t + to));
		KUNIT_EXPECT_TRUE(test, allows(ctx, 0, IN, &r, t + 2 * to));
		KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &k, t + 3 * to));
		KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &k, t + 4 * to));
		t += 4 * to;
		xsw_acl_conn_gc_at(ctx->sw, t + to);
		KUNIT_EXPECT_EQ(test, entries(ctx), 1U);
		KUNIT_EXPECT_TRUE(test, allows(ctx, 0, IN, &r, t + to));
		t += to;
		KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &k, t + to + 1));
		KUNIT_EXPECT_FALSE(test, allows(ctx, 0, IN, &r, t + to + 1));
		xsw_acl_conn_gc_at(ctx->sw, t + to + 1);
		KUNIT_EXPECT_EQ(test, entries(ctx), 0U);
		KUNIT_EXPECT_EQ(test, expirations(ctx), (u64)i + 1);
		KUNIT_EXPECT_EQ(test, evictions(ctx), 0ULL);
	}
}

/* FIN and RST shorten it whichever way they go and whoever lets them by. */
static void conn_close_either_way(struct kunit *test)
{
	const unsigned long close = XSW_ACL_CONN_TCP_CLOSE_TIMEOUT;
	const unsigned long open = XSW_ACL_CONN_TCP_TIMEOUT;
	struct conn_test_ctx *ctx = test->priv;
	unsigned long t = T0;
	struct xsw_acl_key k, r;

	frame(&k, false, IPPROTO_TCP, 0, 1, 40000, 22);
	reverse(&r, &k);
	k.tcp_flags = TCPHDR_SYN;
	track(ctx, 0, OUT, &k, t);

	/* The opener's FIN, let through by the connection. */
	k.tcp_flags = TCPHDR_FIN | TCPHDR_ACK;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &k, t + open));
	t += open;
	r.tcp_flags = TCPHDR_ACK;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, IN, &r, t + close));
	t += close;
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, IN, &r, t + close + 1));
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &k, t + close + 1));
	t += close + 1;

	/* Opened again; the answer's RST; the opener's new SYN restores it. */
	k.tcp_flags = TCPHDR_SYN;
	track(ctx, 0, OUT, &k, t);
	r.tcp_flags = TCPHDR_RST;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, IN, &r, t));
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &k, t + close));
	t += close;
	k.tcp_flags = TCPHDR_ACK;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &k, t + open));
	t += open;

	/* A track()ed RST from the answer's side shortens it too. */
	r.tcp_flags = TCPHDR_RST | TCPHDR_ACK;
	track(ctx, 0, IN, &r, t);
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &k, t + close + 1));
	KUNIT_EXPECT_EQ(test, entries(ctx), 1U);
}

/*
 * Expired, a connection is opened again by whichever side a rule lets
 * through first; that side's SYN then restores the long timeout, the
 * other's does not.
 */
static void conn_reopened_other_side(struct kunit *test)
{
	const unsigned long close = XSW_ACL_CONN_TCP_CLOSE_TIMEOUT;
	const unsigned long open = XSW_ACL_CONN_TCP_TIMEOUT;
	struct conn_test_ctx *ctx = test->priv;
	unsigned long t = T0;
	struct xsw_acl_key k, r;

	frame(&k, false, IPPROTO_TCP, 0, 1, 7000, 7000 + 1);
	reverse(&r, &k);
	k.tcp_flags = TCPHDR_SYN;
	track(ctx, 0, IN, &k, t);
	t += open + 1;
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &r, t));

	r.tcp_flags = TCPHDR_SYN;
	track(ctx, 0, OUT, &r, t);
	KUNIT_EXPECT_EQ(test, entries(ctx), 1U);
	k.tcp_flags = TCPHDR_SYN | TCPHDR_ACK;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, IN, &k, t + open));
	t += open;

	/* k's side, no longer the opener, cannot restore it with a SYN. */
	k.tcp_flags = TCPHDR_RST;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, IN, &k, t));
	k.tcp_flags = TCPHDR_SYN;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, IN, &k, t + close));
	t += close;
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &r, t + close + 1));
	/* r's side can, before it expires. */
	r.tcp_flags = TCPHDR_SYN;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &r, t + close));
	t += close;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, IN, &k, t + open));
}

struct conn_proto_case {
	const char *desc;
	bool v6;
	u8 proto;
	u8 icmp_type;		/* 0: the echo request frame() makes */
	u8 flags_off;		/* XSW_ACL_KEY_* the frame lacks */
	u8 flags_on;		/* and has */
	bool not_ip;		/* an ARP frame */
	unsigned long timeout;	/* 0: opens no connection */
};

static const struct conn_proto_case conn_proto_cases[] = {
	{ "tcp4", false, IPPROTO_TCP, .timeout = XSW_ACL_CONN_TCP_TIMEOUT },
	{ "tcp6", true, IPPROTO_TCP, .timeout = XSW_ACL_CONN_TCP_TIMEOUT },
	{ "udp4", false, IPPROTO_UDP, .timeout = XSW_ACL_CONN_OTHER_TIMEOUT },
	{ "udp6", true, IPPROTO_UDP, .timeout = XSW_ACL_CONN_OTHER_TIMEOUT },
	{ "sctp4", false, IPPROTO_SCTP,
	  .timeout = XSW_ACL_CONN_OTHER_TIMEOUT },
	{ "icmp echo", false, IPPROTO_ICMP,
	  .timeout = XSW_ACL_CONN_ICMP_TIMEOUT },
	{ "icmpv6 echo", true, IPPROTO_ICMPV6,
	  .timeout = XSW_ACL_CONN_ICMP_TIMEOUT },
	{ "gre4", false, IPPROTO_GRE, .timeout = XSW_ACL_CONN_OTHER_TIMEOUT },
	{ "esp6", true, IPPROTO_ESP, .timeout = XSW_ACL_CONN_OTHER_TIMEOUT },
	{ "gre4 later fragment", false, IPPROTO_GRE,
	  .flags_on = XSW_ACL_KEY_FRAG | XSW_ACL_KEY_LATER_FRAG,
	  .timeout = XSW_ACL_CONN_OTHER_TIMEOUT },
	{ "icmp unreachable", false, IPPROTO_ICMP, ICMP_DEST_UNREACH },
	{ "icmpv6 echo reply", true, IPPROTO_ICMPV6, ICMPV6_ECHO_REPLY },
	{ "tcp4 later fragment", false, IPPROTO_TCP,
	  .flags_off = XSW_ACL_KEY_L4,
	  .flags_on = XSW_ACL_KEY_FRAG | XSW_ACL_KEY_LATER_FRAG },
	{ "udp4 malformed", false, IPPROTO_UDP,
	  .flags_on = XSW_ACL_KEY_MALFORMED },
	{ "arp", false, .not_ip = true },
};

static void conn_proto_desc(const struct conn_proto_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(conn_proto, conn_proto_cases, conn_proto_desc);

/*
 * What opens a connection, and its idle timeout to the jiffy: live at
 * exactly last + timeout, gone one jiffy later, whether the GC ran or not.
 */
static void conn_timeouts(struct kunit *test)
{
	const struct conn_proto_case *c = test->param_value;
	struct conn_test_ctx *ctx = test->priv;
	unsigned long to = c->timeout, t1;
	struct xsw_acl_key k;
	u64 expired;

	frame(&k, c->v6, c->proto, 0, 1, 40000, 443);
	if (c->icmp_type)
		k.icmp_type = c->icmp_type;
	k.flags &= ~c->flags_off;
	k.flags |= c->flags_on;
	if (c->not_ip)
		not_ip(&k);

	track(ctx, 0, IN, &k, T0);
	KUNIT_EXPECT_EQ(test, entries(ctx), to ? 1U : 0U);
	if (!to) {
		KUNIT_EXPECT_FALSE(test, answered(ctx, &k, T0));
		return;
	}
	KUNIT_EXPECT_TRUE(test, answered(ctx, &k, T0 + to));
	t1 = T0 + to;		/* refreshed */
	KUNIT_EXPECT_FALSE(test, answered(ctx, &k, t1 + to + 1));
	xsw_acl_conn_gc_at(ctx->sw, t1 + to);
	KUNIT_EXPECT_EQ(test, entries(ctx), 1U);
	expired = ctx->sw->conn->expirations;
	xsw_acl_conn_gc_at(ctx->sw, t1 + to + 1);
	KUNIT_EXPECT_EQ(test, entries(ctx), 0U);
	KUNIT_EXPECT_EQ(test, ctx->sw->conn->expirations, expired + 1);
	KUNIT_EXPECT_FALSE(test, answered(ctx, &k, t1 + to + 1));

	/* Opened again, it is new. */
	track(ctx, 0, IN, &k, t1 + 2 * to);
	KUNIT_EXPECT_TRUE(test, answered(ctx, &k, t1 + 3 * to));
}

/* FIN or RST either way shortens a TCP connection; a new SYN restores it. */
static void conn_tcp_close(struct kunit *test)
{
	const unsigned long close = XSW_ACL_CONN_TCP_CLOSE_TIMEOUT;
	const unsigned long open = XSW_ACL_CONN_TCP_TIMEOUT;
	struct conn_test_ctx *ctx = test->priv;
	unsigned long t = T0;
	struct xsw_acl_key k, r;

	frame(&k, false, IPPROTO_TCP, 0, 1, 40000, 22);
	reverse(&r, &k);
	k.tcp_flags = TCPHDR_SYN;
	track(ctx, 0, IN, &k, t);
	r.tcp_flags = TCPHDR_SYN | TCPHDR_ACK;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &r, t + open));
	t += open;

	/* The answer's FIN. */
	r.tcp_flags = TCPHDR_FIN | TCPHDR_ACK;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &r, t + open));
	t += open;
	r.tcp_flags = TCPHDR_ACK;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &r, t + close));
	t += close;
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &r, t + close + 1));
	t += close + 1;

	/* Expired, the opener's ACK opens it anew, with the long timeout. */
	k.tcp_flags = TCPHDR_ACK;
	track(ctx, 0, IN, &k, t);
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &r, t + open));
	t += open;

	/* The opener's RST. */
	k.tcp_flags = TCPHDR_RST;
	track(ctx, 0, IN, &k, t);
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &r, t + close + 1));

	/* Before it expires, a SYN reuses the tuple: the long timeout. */
	k.tcp_flags = TCPHDR_SYN;
	track(ctx, 0, IN, &k, t + close);
	t += close;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &r, t + open));
	t += open;

	/* A SYN from the answer's side does not. */
	r.tcp_flags = TCPHDR_RST;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &r, t));
	r.tcp_flags = TCPHDR_SYN;
	KUNIT_EXPECT_TRUE(test, allows(ctx, 0, OUT, &r, t + close));
	t += close;
	r.tcp_flags = TCPHDR_ACK;
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &r, t + close + 1));
	KUNIT_EXPECT_EQ(test, entries(ctx), 1U);
}

/* Full, the oldest connection not seen since it was queued goes. */
static void conn_max_evicts_oldest(struct kunit *test)
{
	struct conn_test_ctx *ctx = test->priv;
	struct xsw_acl_key k[5];
	int i;

	set_max(ctx, 3);
	for (i = 0; i < 5; i++)
		udp(&k[i], i);
	for (i = 0; i < 3; i++)
		track(ctx, 0, IN, &k[i], T0 + i);
	KUNIT_EXPECT_EQ(test, entries(ctx), 3U);
	KUNIT_EXPECT_EQ(test, evictions(ctx), 0ULL);

	track(ctx, 0, IN, &k[3], T0 + 3);		/* k0 goes */
	KUNIT_EXPECT_EQ(test, entries(ctx), 3U);
	KUNIT_EXPECT_EQ(test, evictions(ctx), 1ULL);

	/* k1 is the oldest, but was answered since: k2 goes instead. */
	KUNIT_EXPECT_TRUE(test, answered(ctx, &k[1], T0 + 4));
	track(ctx, 0, IN, &k[4], T0 + 5);
	KUNIT_EXPECT_EQ(test, entries(ctx), 3U);
	KUNIT_EXPECT_EQ(test, evictions(ctx), 2ULL);

	KUNIT_EXPECT_FALSE(test, answered(ctx, &k[0], T0 + 6));
	KUNIT_EXPECT_TRUE(test, answered(ctx, &k[1], T0 + 6));
	KUNIT_EXPECT_FALSE(test, answered(ctx, &k[2], T0 + 6));
	KUNIT_EXPECT_TRUE(test, answered(ctx, &k[3], T0 + 6));
	KUNIT_EXPECT_TRUE(test, answered(ctx, &k[4], T0 + 6));

	/* An expired connection makes room first, and is not an eviction. */
	udp(&k[0], 10);
	track(ctx, 0, IN, &k[0], T0 + 6 + XSW_ACL_CONN_OTHER_TIMEOUT + 1);
	KUNIT_EXPECT_EQ(test, entries(ctx), 3U);
	KUNIT_EXPECT_EQ(test, evictions(ctx), 2ULL);
	KUNIT_EXPECT_EQ(test, ctx->sw->conn->expirations, 1ULL);
}

static void conn_set_max_lower(struct kunit *test)
{
	struct conn_test_ctx *ctx = test->priv;
	/* On jiffies: xsw_acl_conn_set_max() tells expired entries apart. */
	unsigned long t0 = jiffies;
	struct xsw_acl_key k[10];
	int i;

	for (i = 0; i < 10; i++) {
		udp(&k[i], i);
		track(ctx, 0, IN, &k[i], t0 + i);
	}
	KUNIT_EXPECT_EQ(test, entries(ctx), 10U);
	set_max(ctx, 4);
	KUNIT_EXPECT_EQ(test, max_entries(ctx), 4U);
	KUNIT_EXPECT_EQ(test, entries(ctx), 4U);
	KUNIT_EXPECT_EQ(test, evictions(ctx), 6ULL);
	for (i = 0; i < 10; i++)
		KUNIT_EXPECT_EQ_MSG(test, answered(ctx, &k[i], t0 + 10), i >= 6,
				    "connection %d", i);

	set_max(ctx, 0);
	KUNIT_EXPECT_EQ(test, max_entries(ctx), 1U);
	KUNIT_EXPECT_EQ(test, entries(ctx), 1U);
	set_max(ctx, U32_MAX);
	KUNIT_EXPECT_EQ(test, max_entries(ctx), XSW_ACL_CONN_MAX_LIMIT);
	KUNIT_EXPECT_EQ(test, entries(ctx), 1U);
}

/* A port going takes its connections, and opens none afterwards. */
static void conn_port_gone(struct kunit *test)
{
	struct conn_test_ctx *ctx = test->priv;
	struct xsw_acl_key k[3], r;
	int i;

	for (i = 0; i < 3; i++)
		udp(&k[i], i);
	track(ctx, 0, IN, &k[0], T0);
	track(ctx, 0, OUT, &k[1], T0);
	track(ctx, 1, IN, &k[2], T0);
	track(ctx, 1, IN, &k[0], T0);
	KUNIT_EXPECT_EQ(test, entries(ctx), 4U);

	port_gone(ctx, 0);
	KUNIT_EXPECT_EQ(test, entries(ctx), 2U);
	reverse(&r, &k[0]);
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &r, T0));
	KUNIT_EXPECT_TRUE(test, allows(ctx, 1, OUT, &r, T0));
	reverse(&r, &k[1]);
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, IN, &r, T0));
	reverse(&r, &k[2]);
	KUNIT_EXPECT_TRUE(test, allows(ctx, 1, OUT, &r, T0));

	track(ctx, 0, IN, &k[0], T0 + 1);
	KUNIT_EXPECT_EQ(test, entries(ctx), 2U);
	reverse(&r, &k[0]);
	KUNIT_EXPECT_FALSE(test, allows(ctx, 0, OUT, &r, T0 + 1));
}

/* The GC work itself, on jiffies. */
static void conn_gc_work(struct kunit *test)
{
	struct conn_test_ctx *ctx = test->priv;
	struct xsw_acl_conn_table *t = ctx->sw->conn;
	struct xsw_acl_key k;

	udp(&k, 0);
	track(ctx, 0, IN, &k, jiffies - XSW_ACL_CONN_OTHER_TIMEOUT - 1);
	udp(&k, 1);
	track(ctx, 0, IN, &k, jiffies);
	KUNIT_EXPECT_EQ(test, entries(ctx), 2U);

	mod_delayed_work(system_power_efficient_wq, &t->gc, 0);
	flush_delayed_work(&t->gc);
	cancel_delayed_work_sync(&t->gc);
	KUNIT_EXPECT_EQ(test, entries(ctx), 1U);
	KUNIT_EXPECT_EQ(test, t->expirations, 1ULL);
}

/* ------------------------------------------------------ random model */

#define R_CONNS		1024
#define R_RECENT	16

/* An open connection, as naively as it can be said. */
struct model_conn {
	int port;
	u8 dir;
	struct xsw_acl_key open;	/* the frame that opened it */
	unsigned long last;
	unsigned long timeout;
};

/* A frame that was tracked, to test its answer. */
struct model_recent {
	struct xsw_acl_key f;
	int port;
	u8 dir;
};

struct model {
	struct model_conn c[R_CONNS];
	int n;
	struct model_recent recent[R_RECENT];
	int n_recent;
};

static bool model_has_ports(u8 proto)
{
	return proto == IPPROTO_TCP || proto == IPPROTO_UDP ||
	       proto == IPPROTO_SCTP;
}

static bool model_icmp(u8 proto)
{
	return proto == IPPROTO_ICMP || proto == IPPROTO_ICMPV6;
}

static bool model_echo_request(const struct xsw_acl_key *f)
{
	return f->icmp_type == (f->ip_proto == IPPROTO_ICMP ?
				ICMP_ECHO : ICMPV6_ECHO_REQUEST);
}

static bool model_echo_reply(const struct xsw_acl_key *f)
{
	return f->icmp_type == (f->ip_proto == IPPROTO_ICMP ?
				ICMP_ECHOREPLY : ICMPV6_ECHO_REPLY);
}

/* A frame acl_conn.c looks at: IP, well formed, with L4 if it has any. */
static bool model_usable(const struct xsw_acl_key *f)
{
	if (!(f->flags & XSW_ACL_KEY_IP) || (f->flags & XSW_ACL_KEY_MALFORMED))
		return false;
	if (model_has_ports(f->ip_proto) || model_icmp(f->ip_proto))
		return f->flags & XSW_ACL_KEY_L4;
	return true;
}

static bool model_same_l3(const struct xsw_acl_key *a,
			  const struct xsw_acl_key *b)
{
	return a->eth_type == b->eth_type && a->vlan_id == b->vlan_id &&
	       a->ip_proto == b->ip_proto;
}

/* Is @f, going the same way, a frame like the one that opened @o? */
static bool model_same(const struct xsw_acl_key *o, const struct xsw_acl_key *f)
{
	if (!model_same_l3(o, f) || !ipv6_addr_equal(&o->src_ip, &f->src_ip) ||
	    !ipv6_addr_equal(&o->dst_ip, &f->dst_ip))
		return false;
	if (model_icmp(f->ip_proto))
		return model_echo_request(f);
	return !model_has_ports(f->ip_proto) ||
	       (o->src_port == f->src_port && o->dst_port == f->dst_port);
}

/* Is @f an answer to @o? */
static bool model_answers(const struct xsw_acl_key *o,
			  const struct xsw_acl_key *f)
{
	if (!model_same_l3(o, f) || !ipv6_addr_equal(&o->src_ip, &f->dst_ip) ||
	    !ipv6_addr_equal(&o->dst_ip, &f->src_ip))
		return false;
	if (model_icmp(f->ip_proto))
		return model_echo_reply(f);
	return !model_has_ports(f->ip_proto) ||
	       (o->src_port == f->dst_port && o->dst_port == f->src_port);
}

static unsigned long model_timeout(u8 proto)
{
	if (proto == IPPROTO_TCP)
		return XSW_ACL_CONN_TCP_TIMEOUT;
	return model_icmp(proto) ? XSW_ACL_CONN_ICMP_TIMEOUT :
				   XSW_ACL_CONN_OTHER_TIMEOUT;
}

static bool model_expired(const struct model_conn *c, unsigned long now)
{
	return time_after(now, c->last + c->timeout);
}

static void model_seen(struct model_conn *c, const struct xsw_acl_key *f,
		       unsigned long now)
{
	c->last = now;
	if (f->ip_proto == IPPROTO_TCP &&
	    (f->tcp_flags & (TCPHDR_FIN | TCPHDR_RST)))
		c->timeout = min(c->timeout, XSW_ACL_CONN_TCP_CLOSE_TIMEOUT);
}

/* Is @f, going @dir on @port, a frame of @c, either way? */
static bool model_of(const struct model_conn *c, int port, u8 dir,
		     const struct xsw_acl_key *f)
{
	if (c->port != port)
		return false;
	return c->dir == dir ? model_same(&c->open, f) :
			       model_answers(&c->open, f);
}

/* @f, going @dir, a frame of @c, is let through. */
static void model_refresh(struct model_conn *c, u8 dir,
			  const struct xsw_acl_key *f, unsigned long now)
{
	bool syn = f->ip_proto == IPPROTO_TCP &&
		   (f->tcp_flags & (TCPHDR_SYN | TCPHDR_ACK | TCPHDR_FIN |
				    TCPHDR_RST)) == TCPHDR_SYN;

	if (model_expired(c, now)) {
		/* Opened again, by @f's side. */
		c->dir = dir;
		c->open = *f;
		c->timeout = model_timeout(f->ip_proto);
	} else if (c->dir == dir && syn) {
		c->timeout = model_timeout(f->ip_proto);
	}
	model_seen(c, f, now);
}

static void model_track(struct kunit *test, struct model *m, int port, u8 dir,
			const struct xsw_acl_key *f, unsigned long now)
{
	struct model_conn *c;
	int i;

	if (!model_usable(f) ||
	    (model_icmp(f->ip_proto) && !model_echo_request(f)))
		return;
	for (i = 0; i < m->n; i++) {
		c = &m->c[i];
		if (model_of(c, port, dir, f)) {
			model_refresh(c, dir, f, now);
			return;
		}
	}
	KUNIT_ASSERT_LT(test, m->n, R_CONNS);
	c = &m->c[m->n++];
	c->port = port;
	c->dir = dir;
	c->open = *f;
	c->timeout = model_timeout(f->ip_proto);
	model_seen(c, f, now);
}

static bool model_allows(struct model *m, int port, u8 dir,
			 const struct xsw_acl_key *f, unsigned long now)
{
	struct model_conn *c;
	int i;

	if (!model_usable(f))
		return false;
	for (i = 0; i < m->n; i++) {
		c = &m->c[i];
		if (model_expired(c, now) || !model_of(c, port, dir, f))
			continue;
		model_refresh(c, dir, f, now);
		return true;
	}
	return false;
}

static void model_gc(struct model *m, unsigned long now)
{
	int i;

	for (i = 0; i < m->n;)
		if (model_expired(&m->c[i], now))
			m->c[i] = m->c[--m->n];
		else
			i++;
}

static u32 pick(u32 n)
{
	return get_random_u32_below(n);
}

/* A random frame; @udp_only for a bigger space of one protocol. */
static void random_frame(struct xsw_acl_key *f, bool udp_only)
{
	static const u8 tcp_flags[] = {
		TCPHDR_SYN, TCPHDR_SYN | TCPHDR_ACK, TCPHDR_ACK, TCPHDR_ACK,
		TCPHDR_FIN | TCPHDR_ACK, TCPHDR_RST,
	};
	bool v6 = !udp_only && pick(2);
	u8 protos[] = { IPPROTO_TCP, IPPROTO_UDP,
			v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP, IPPROTO_GRE };
	u8 proto = udp_only ? IPPROTO_UDP : protos[pick(ARRAY_SIZE(protos))];
	int naddr = udp_only ? 3 : 2;

	frame(f, v6, proto, pick(naddr), pick(naddr), 1000 * (1 + pick(naddr)),
	      1000 * (1 + pick(naddr)));
	if (udp_only)
		return;
	f->vlan_id = 1 + pick(2);
	if (proto == IPPROTO_TCP)
		f->tcp_flags = tcp_flags[pick(ARRAY_SIZE(tcp_flags))];
	if (model_icmp(proto)) {
		switch (pick(3)) {
		case 0:
			f->icmp_type = v6 ? ICMPV6_ECHO_REPLY : ICMP_ECHOREPLY;
			break;
		case 1:
			f->icmp_type = v6 ? ICMPV6_DEST_UNREACH :
					    ICMP_DEST_UNREACH;
			break;
		}
	}
	switch (pick(40)) {
	case 0:		/* not IP */
		not_ip(f);
		break;
	case 1:		/* a later fragment */
		f->flags = XSW_ACL_KEY_IP | XSW_ACL_KEY_FRAG |
			   XSW_ACL_KEY_LATER_FRAG;
		f->src_port = 0;
		f->dst_port = 0;
		f->icmp_type = 0;
		f->tcp_flags = 0;
		break;
	}
}

/* A random port and direction. */
static void random_place(int *port, u8 *dir, bool udp_only)
{
	*port = pick(udp_only ? 1 : 2);
	*dir = pick(2) ? IN : OUT;
}

static void remember(struct model *m, const struct xsw_acl_key *f, int port,
		     u8 dir)
{
	struct model_recent *r = &m->recent[m->n_recent++ % R_RECENT];

	r->f = *f;
	r->port = port;
	r->dir = dir;
}

/*
 * A frame to test with: mostly the answer to one tracked recently, mostly
 * where it would be return traffic.
 */
static void random_answer(struct model *m, struct xsw_acl_key *f, int *port,
			  u8 *dir, bool udp_only)
{
	const struct model_recent *r;

	random_place(port, dir, udp_only);
	if (!m->n_recent || pick(10) < 3) {
		random_frame(f, udp_only);
		return;
	}
	r = &m->recent[pick(min(m->n_recent, R_RECENT))];
	reverse(f, &r->f);
	if (f->ip_proto == IPPROTO_TCP && pick(4) == 0)
		f->tcp_flags = pick(2) ? TCPHDR_FIN | TCPHDR_ACK : TCPHDR_RST;
	if (pick(10) < 7) {
		*port = r->port;
		*dir = IN + OUT - r->dir;
	}
}

static unsigned long random_wait(void)
{
	switch (pick(4)) {
	case 0:
		return pick(4);				/* jiffies */
	case 1:
		return pick(2) ? XSW_ACL_CONN_TCP_CLOSE_TIMEOUT :
				 XSW_ACL_CONN_OTHER_TIMEOUT;
	case 2:
		return pick(20) ? pick(40) * HZ : XSW_ACL_CONN_TCP_TIMEOUT;
	default:
		return pick(5) * HZ;
	}
}

/*
 * Far from full, the table must say what the model says: every answer,
 * and how many connections are left after each GC.
 */
static void conn_matches_model(struct kunit *test)
{
	struct conn_test_ctx *ctx = test->priv;
	unsigned long now = T0;
	struct xsw_acl_key f;
	struct model *m;
	int i, port, hits[2] = {};
	bool want, got;
	u8 dir;

	m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m);

	for (i = 0; i < 4000; i++) {
		u32 op = pick(100);

		if (op < 45) {
			random_place(&port, &dir, false);
			random_frame(&f, false);
			track(ctx, port, dir, &f, now);
			model_track(test, m, port, dir, &f, now);
			remember(m, &f, port, dir);
			continue;
		}
		if (op < 85) {
			random_answer(m, &f, &port, &dir, false);
			got = allows(ctx, port, dir, &f, now);
			want = model_allows(m, port, dir, &f, now);
			if (got != want) {
				KUNIT_FAIL(test, "step %d: %d, model %d (port %d dir %u proto %u)",
					   i, got, want, port, dir, f.ip_proto);
				return;
			}
			hits[want]++;
			continue;
		}
		if (op < 97) {
			now += random_wait();
			continue;
		}
		xsw_acl_conn_gc_at(ctx->sw, now);
		model_gc(m, now);
		KUNIT_ASSERT_EQ_MSG(test, entries(ctx), (u32)m->n, "step %d", i);
	}
	xsw_acl_conn_gc_at(ctx->sw, now);
	model_gc(m, now);
	KUNIT_EXPECT_EQ(test, entries(ctx), (u32)m->n);
	KUNIT_EXPECT_EQ(test, evictions(ctx), 0ULL);
	/* Both answers came up often enough to mean something. */
	KUNIT_EXPECT_GT(test, hits[false], 200);
	KUNIT_EXPECT_GT(test, hits[true], 200);
}

/*
 * Full most of the time: never more than the maximum, the connection just
 * opened is always there, and every answer let through is one the model
 * (which never evicts) lets through too.
 */
static void conn_eviction_matches_model(struct kunit *test)
{
	struct conn_test_ctx *ctx = test->priv;
	const u32 max = 16;
	unsigned long now = T0;
	int i, port, answers[2][2] = {};
	struct xsw_acl_key f, r;
	struct model *m;
	bool want, got;
	u8 dir;

	m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m);
	set_max(ctx, max);

	for (i = 0; i < 4000; i++) {
		u32 op = pick(100);

		if (op < 50) {
			random_place(&port, &dir, true);
			random_frame(&f, true);
			track(ctx, port, dir, &f, now);
			model_track(test, m, port, dir, &f, now);
			remember(m, &f, port, dir);
			reverse(&r, &f);
			KUNIT_ASSERT_TRUE_MSG(test,
					      allows(ctx, port, IN + OUT - dir,
						     &r, now), "step %d", i);
			model_allows(m, port, IN + OUT - dir, &r, now);
		} else if (op < 90) {
			random_answer(m, &f, &port, &dir, true);
			got = allows(ctx, port, dir, &f, now);
			want = model_allows(m, port, dir, &f, now);
			KUNIT_ASSERT_TRUE_MSG(test, want || !got, "step %d", i);
			answers[got][want]++;
		} else if (op < 98) {
			now += pick(10) * HZ;
		} else {
			xsw_acl_conn_gc_at(ctx->sw, now);
			model_gc(m, now);
		}
		KUNIT_ASSERT_LE_MSG(test, entries(ctx), max, "step %d", i);
	}
	KUNIT_EXPECT_GT(test, evictions(ctx), 0ULL);
	/* Answers let through, and some refused only for want of room. */
	KUNIT_EXPECT_GT(test, answers[true][true], 100);
	KUNIT_EXPECT_GT(test, answers[false][true], 10);
}

static struct kunit_case conn_test_cases[] = {
	KUNIT_CASE(conn_return_traffic),
	KUNIT_CASE(conn_opener_direction),
	KUNIT_CASE(conn_icmp_directions),
	KUNIT_CASE(conn_both_ways_refresh),
	KUNIT_CASE(conn_close_either_way),
	KUNIT_CASE(conn_reopened_other_side),
	KUNIT_CASE_PARAM(conn_timeouts, conn_proto_gen_params),
	KUNIT_CASE(conn_tcp_close),
	KUNIT_CASE(conn_max_evicts_oldest),
	KUNIT_CASE(conn_set_max_lower),
	KUNIT_CASE(conn_port_gone),
	KUNIT_CASE(conn_gc_work),
	KUNIT_CASE(conn_matches_model),
	KUNIT_CASE(conn_eviction_matches_model),
	{}
};

static struct kunit_suite conn_test_suite = {
	.name = "xswitch-acl-conn",
	.init = conn_test_init,
	.exit = conn_test_exit,
	.test_cases = conn_test_cases,
};

kunit_test_suite(conn_test_suite);
