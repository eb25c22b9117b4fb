// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Host test of the netlink plumbing in nl.c, run by "make -C lib test".
 * It needs no xswitch module: it talks to families every kernel has
 * ("nlctrl", and "netdev" from 6.3 on) through the same request loop the
 * xswitch calls use, so it checks do/dump/ACK handling, stopping a dump
 * early, that errno and the extended ack reach the caller, and that a
 * request of 600 KB gets the send buffer it needs.  It also
 * parses hand-made counters, as a kernel newer than the library sends them.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/genetlink.h>

#include "internal.h"
#include "test.h"

static const struct nla_policy ctrl_policy[CTRL_ATTR_MAX + 1] = {
	[CTRL_ATTR_FAMILY_ID]	= { .type = NLA_U16 },
	[CTRL_ATTR_FAMILY_NAME]	= { .type = NLA_STRING },
};

static const char *const ctrl_names[CTRL_ATTR_MAX + 1] = {
	[CTRL_ATTR_FAMILY_ID]	= "family-id",
	[CTRL_ATTR_FAMILY_NAME]	= "family-name",
};

static const struct xsw_attrs ctrl_attrs = {
	.maxattr = CTRL_ATTR_MAX,
	.policy = ctrl_policy,
	.names = ctrl_names,
};

struct count {
	int seen;
	int stop_at;
	bool nlctrl;
};

static int count_family(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	struct count *c = arg;

	(void)h;
	c->seen++;
	if (tb[CTRL_ATTR_FAMILY_NAME] &&
	    !strcmp(nla_get_string(tb[CTRL_ATTR_FAMILY_NAME]), "nlctrl"))
		c->nlctrl = true;
	return c->seen == c->stop_at ? 42 : 0;
}

/* Whether this process may set SO_SNDBUFFORCE (CAP_NET_ADMIN). */
static bool may_force(int fd)
{
	int size = 0;
	socklen_t len = sizeof(size);

	getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, &len);
	return !setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof(size));
}

/*
 * A request of 600 KB, as a REPLACE of 10,000 ACL rules makes: the family
 * name and ten attributes of 60,000 bytes, of a type nlctrl does not know.
 * libnl leaves 64 KiB of send buffer, which the kernel would refuse it
 * with (EMSGSIZE, before it sees it); the request loop must make room.
 * The kernel then answers it, whether it ignores the unknown attributes
 * or refuses them.
 */
static void test_large_request(struct xsw_handle *h)
{
	static char filler[60000];
	int fd = nl_socket_get_fd(h->sk), before = 0, after = 0, err, i;
	socklen_t len = sizeof(before);
	struct nl_msg *msg;
	size_t size;

	getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &before, &len);
	msg = xsw_msg_new_size(h, CTRL_CMD_GETFAMILY, 700000);
	if (!msg || nla_put_string(msg, CTRL_ATTR_FAMILY_NAME, "nlctrl") < 0) {
		CHECK(0, "large request: cannot build");
		nlmsg_free(msg);
		return;
	}
	for (i = 0; i < 10; i++)
		if (nla_put(msg, CTRL_ATTR_MAX + 1, sizeof(filler), filler) < 0)
			break;
	size = nlmsg_hdr(msg)->nlmsg_len;
	err = xsw_do(h, msg, &ctrl_attrs, NULL, NULL);
	len = sizeof(after);
	getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &after, &len);
	if (err == -EMSGSIZE && !may_force(fd)) {
		printf("skip request of %zu bytes: no CAP_NET_ADMIN, and net.core.wmem_max is too small: \"%s\"\n",
		       size, xsw_errmsg(h));
		return;
	}
	CHECK(i == 10 && size > 600000 && (err == 0 || err == -EINVAL) &&
	      (size_t)after > size && (size_t)before < size,
	      "request of %zu bytes sent: %d \"%s\", send buffer %d -> %d",
	      size, err, xsw_errmsg(h), before, after);
}

static int get_family(struct xsw_handle *h, const char *name)
{
	struct nl_msg *msg = xsw_msg_new(h, CTRL_CMD_GETFAMILY);

	if (!msg || nla_put(msg, CTRL_ATTR_FAMILY_NAME, strlen(name) + 1, name))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &ctrl_attrs, NULL, NULL);
}

/*
 * Counters with a drop reason this library does not know (40), one it
 * cannot read (41, not a u64) and one beyond struct xsw_stats (64): the
 * first is kept, the others skipped.  A known reason that is not a u64 is
 * a malformed reply.
 */
static void test_stats(void)
{
	struct xsw_handle h = { 0 };
	struct nlattr *nest, *drops;
	struct xsw_stats st;
	struct nl_msg *msg;
	int err;

	CHECK(!strcmp(xsw_drop_name(XSW_A_DROP_VLAN), "vlan") &&
	      !strcmp(xsw_drop_name(XSW_A_DROP_SPOOFED_MAC), "spoofed-mac") &&
	      !strcmp(xsw_drop_name(XSW_A_DROP_NOMEM), "nomem") &&
	      !xsw_drop_name(XSW_A_DROP_PAD) && !xsw_drop_name(-1) &&
	      !xsw_drop_name(XSW_A_DROP_MAX + 1), "xsw_drop_name()");

	msg = nlmsg_alloc();
	if (!msg)
		return;
	nest = nla_nest_start(msg, 1);
	nla_put_u64(msg, XSW_A_STATS_RX_PACKETS, 10);
	nla_put_u64(msg, XSW_A_STATS_TX_BYTES, 1ULL << 40);
	drops = nla_nest_start(msg, XSW_A_STATS_DROPS);
	nla_put_u64(msg, XSW_A_DROP_PAD, 99);
	nla_put_u64(msg, XSW_A_DROP_VLAN, 3);
	nla_put_u64(msg, XSW_A_DROP_NOMEM, 4);
	nla_put_u64(msg, 40, 5);
	nla_put_u32(msg, 41, 6);
	nla_put_u64(msg, XSW_STATS_DROPS_LEN, 7);
	nla_nest_end(msg, drops);
	nla_nest_end(msg, nest);

	err = xsw_stats_parse(&h, nlmsg_find_attr(nlmsg_hdr(msg), 0, 1), &st);
	CHECK(err == 0 && st.rx_packets == 10 && st.tx_bytes == 1ULL << 40 &&
	      st.drops[XSW_A_DROP_VLAN] == 3 && st.drops[XSW_A_DROP_NOMEM] == 4 &&
	      st.drops[40] == 5 &&
	      st.drops_seen == ((1ULL << XSW_A_DROP_VLAN) |
				(1ULL << XSW_A_DROP_NOMEM) | (1ULL << 40)),
	      "stats with unknown drop reasons: %d, seen %#llx", err,
	      (unsigned long long)st.drops_seen);
	nlmsg_free(msg);

	msg = nlmsg_alloc();
	if (!msg)
		return;
	nest = nla_nest_start(msg, 1);
	drops = nla_nest_start(msg, XSW_A_STATS_DROPS);
	nla_put_u32(msg, XSW_A_DROP_MTU, 1);
	nla_nest_end(msg, drops);
	nla_nest_end(msg, nest);
	err = xsw_stats_parse(&h, nlmsg_find_attr(nlmsg_hdr(msg), 0, 1), &st);
	CHECK(err == -EBADMSG && strstr(h.errmsg, "drop counter"),
	      "known drop reason of the wrong size: %d \"%s\"", err, h.errmsg);
	nlmsg_free(msg);
}

int main(void)
{
	struct count c = { 0 };
	struct xsw_handle *h;
	struct nl_msg *msg;
	char longname[40];
	int err;

	test_stats();

	err = xsw_open(&h);
	if (err) {
		CHECK(h == NULL, "xsw_open() failure leaves *hp NULL (%d)", err);
		CHECK(err != -ENOENT ||
		      !strcmp(xsw_strerror_open(err),
			      "xswitch module not loaded? try: modprobe xswitch"),
		      "xsw_strerror_open(%d): %s", err, xsw_strerror_open(err));
	} else {
		printf("skip xswitch is loaded here; no family-missing test\n");
		xsw_close(h);
	}

	err = xsw_open_family(&h, "nlctrl");
	CHECK(err == 0 && h, "open nlctrl: %d", err);
	if (err)
		return 1;
	CHECK(h->family == GENL_ID_CTRL, "nlctrl id %d", h->family);

	err = xsw_dump(h, xsw_msg_new(h, CTRL_CMD_GETFAMILY), &ctrl_attrs,
		       count_family, &c);
	CHECK(err == 0 && c.seen > 1 && c.nlctrl,
	      "dump: %d, %d families, nlctrl %s", err, c.seen,
	      c.nlctrl ? "seen" : "missing");

	c = (struct count){ .stop_at = 1 };
	err = xsw_dump(h, xsw_msg_new(h, CTRL_CMD_GETFAMILY), &ctrl_attrs,
		       count_family, &c);
	CHECK(err == 42 && c.seen == 1, "dump stopped by parser: %d after %d",
	      err, c.seen);
	err = get_family(h, "nlctrl");
	CHECK(err == 0 && !xsw_errmsg(h)[0],
	      "request after a stopped dump: %d \"%s\"", err, xsw_errmsg(h));

	err = get_family(h, "nosuchfamily");
	CHECK(err == -ENOENT && !xsw_errmsg(h)[0] && !xsw_errattr(h),
	      "unknown family: %d (%s) \"%s\"", err, strerror(-err),
	      xsw_errmsg(h));

	memset(longname, 'x', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	err = get_family(h, longname);
	CHECK(err == -EINVAL && xsw_errmsg(h)[0] &&
	      xsw_errattr(h) == CTRL_ATTR_FAMILY_NAME,
	      "policy violation: %d \"%s\" attr %d", err, xsw_errmsg(h),
	      xsw_errattr(h));

	err = get_family(h, "nlctrl");
	CHECK(err == 0 && !xsw_errmsg(h)[0] && !xsw_errattr(h),
	      "error cleared by the next call: %d \"%s\"", err, xsw_errmsg(h));

	test_large_request(h);
	err = get_family(h, "nlctrl");
	CHECK(err == 0, "request after a large one: %d", err);

	msg = xsw_msg_new(h, CTRL_CMD_GETFAMILY);
	err = xsw_put_ifname(h, msg, 1, "switch", "0123456789abcdef");
	CHECK(err == -ENAMETOOLONG && xsw_abort(h, msg) == err &&
	      strstr(xsw_errmsg(h), "too long"),
	      "long name: %d \"%s\"", err, xsw_errmsg(h));
	xsw_close(h);

	/* NETDEV_CMD_DEV_GET without NETDEV_A_DEV_IFINDEX: MISS_TYPE only */
	err = xsw_open_family(&h, "netdev");
	if (err) {
		printf("skip no netdev family (kernel < 6.3)\n");
	} else {
		static const struct xsw_attrs none = { .maxattr = 8 };

		err = xsw_do(h, xsw_msg_new(h, 1), &none, NULL, NULL);
		CHECK(err == -EINVAL && xsw_errattr(h) == 1 &&
		      !strcmp(xsw_errmsg(h), "missing attribute 1"),
		      "missing attribute: %d \"%s\" attr %d", err,
		      xsw_errmsg(h), xsw_errattr(h));
		xsw_close(h);
	}

	return test_exit();
}
