// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Host tests of vnet.c: address and prefix parsing, and a MAP_BULK of
 * 100,000 mappings as the kernel would receive it (split into
 * XSW_A_MAP_ENTRIES of at most 64 KiB, every mapping once, in order), and
 * the kernel's error offset mapped back to the refused mapping, and a
 * VSUBNET_GET reply with its counters read back.  xsw_do() is wrapped: the
 * requests never leave the process.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "test.h"

int __wrap_xsw_do(struct xsw_handle *h, struct nl_msg *msg,
		  const struct xsw_attrs *attrs, xsw_parse_fn parse,
		  void *arg);

#define NMAPS 100000

static struct {
	int cmd;
	size_t entries_attrs;	/* XSW_A_MAP_ENTRIES seen */
	size_t biggest;		/* the largest one's length */
	size_t entries;		/* XSW_A_MAP_ENTRY seen */
	size_t in_order;	/* entries whose VSID and CA are the i-th's */
	uint32_t refuse_at;	/* the offset of the entry to refuse, or 0 */
	size_t refuse_index;	/* which entry that is */
} fake;

static struct xsw_map_info maps[NMAPS];

/*
 * What the kernel answers a VSUBNET_GET for 5001: its counters, 8 u64
 * (IN_PACKETS = 1, IN_BYTES = 2, ... DECAP_BYTES = 8; ENCAP_BYTES 2^32 more),
 * and an attribute newer than this library, which it must skip.
 */
static int vsubnet_reply(struct xsw_handle *h, const struct xsw_attrs *attrs,
			 xsw_parse_fn parse, void *arg)
{
	struct nl_msg *reply = nlmsg_alloc();
	struct nlattr *tb[XSW_A_VSUBNET_MAX + 1], *nest;
	int i, err;

	if (!reply)
		return -ENOMEM;
	if (nla_put_u32(reply, XSW_A_VSUBNET_VSID, 5001) < 0 ||
	    nla_put_string(reply, XSW_A_VSUBNET_VNET, "Contoso") < 0)
		goto err;
	nest = nla_nest_start(reply, XSW_A_VSUBNET_STATS);
	if (!nest)
		goto err;
	for (i = XSW_A_VSUBNET_STATS_IN_PACKETS;
	     i <= XSW_A_VSUBNET_STATS_DECAP_BYTES; i++)
		if (nla_put_u64(reply, i, i - XSW_A_VSUBNET_STATS_PAD +
				(i == XSW_A_VSUBNET_STATS_ENCAP_BYTES ?
				 1ULL << 32 : 0)) < 0)
			goto err;
	if (nla_put_u64(reply, XSW_A_VSUBNET_STATS_MAX + 1, 99) < 0)
		goto err;
	nla_nest_end(reply, nest);
	err = nla_parse(tb, attrs->maxattr, nlmsg_attrdata(nlmsg_hdr(reply), 0),
			nlmsg_attrlen(nlmsg_hdr(reply), 0), attrs->policy);
	if (!err)
		err = parse(h, tb, arg);
	nlmsg_free(reply);
	return err;
err:
	nlmsg_free(reply);
	return -EMSGSIZE;
}

int __wrap_xsw_do(struct xsw_handle *h, struct nl_msg *msg,
		  const struct xsw_attrs *attrs, xsw_parse_fn parse,
		  void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct genlmsghdr *g = nlmsg_data(nlh);
	struct nlattr *all, *e, *tb[XSW_A_MAP_MAX + 1];
	int rem, erem;

	fake.cmd = g->cmd;
	if (g->cmd == XSW_CMD_VSUBNET_GET) {
		nlmsg_free(msg);
		return vsubnet_reply(h, attrs, parse, arg);
	}
	nla_for_each_attr(all, genlmsg_attrdata(g, 0), genlmsg_attrlen(g, 0),
			  rem) {
		if (nla_type(all) != XSW_A_MAP_ENTRIES)
			continue;
		fake.entries_attrs++;
		if ((size_t)nla_len(all) > fake.biggest)
			fake.biggest = nla_len(all);
		nla_for_each_nested(e, all, erem) {
			const struct xsw_map_info *m = &maps[fake.entries];

			if (fake.entries == fake.refuse_index && fake.refuse_at == 1)
				fake.refuse_at = (char *)e - (char *)nlh;
			if (!nla_parse_nested(tb, XSW_A_MAP_MAX, e, NULL) &&
			    tb[XSW_A_MAP_VSID] && tb[XSW_A_MAP_CA] &&
			    tb[XSW_A_MAP_MAC] && tb[XSW_A_MAP_PA] &&
			    nla_get_u32(tb[XSW_A_MAP_VSID]) == m->vsid &&
			    nla_len(tb[XSW_A_MAP_CA]) == 4 &&
			    !memcmp(nla_data(tb[XSW_A_MAP_CA]), m->ca.addr, 4))
				fake.in_order++;
			fake.entries++;
		}
	}
	nlmsg_free(msg);
	if (fake.refuse_at > 1) {
		h->err = -EINVAL;
		h->erroff = fake.refuse_at + 4;	/* inside the entry */
		snprintf(h->errmsg, sizeof(h->errmsg), "refused");
		return -EINVAL;
	}
	return 0;
}

static void test_parse(void)
{
	struct xsw_vprefix p;
	struct xsw_vaddr a;

	CHECK(!xsw_vaddr_parse("10.1.1.11", &a) && a.family == AF_INET &&
	      a.addr[3] == 11, "10.1.1.11 is IPv4");
	CHECK(!xsw_vaddr_parse("2001:db8::1", &a) && a.family == AF_INET6 &&
	      a.addr[15] == 1, "2001:db8::1 is IPv6");
	CHECK(xsw_vaddr_parse("10.1.1", &a) == -EINVAL, "10.1.1 is refused");
	CHECK(!xsw_vprefix_parse("10.1.1.0/24", &p) && p.len == 24 &&
	      p.addr.family == AF_INET, "10.1.1.0/24");
	CHECK(!xsw_vprefix_parse("2001:db8::/64", &p) && p.len == 64 &&
	      p.addr.family == AF_INET6, "2001:db8::/64");
	CHECK(xsw_vprefix_parse("10.1.1.0/33", &p) == -EINVAL,
	      "an IPv4 prefix longer than 32 is refused");
	CHECK(xsw_vprefix_parse("2001:db8::/129", &p) == -EINVAL,
	      "an IPv6 prefix longer than 128 is refused");
	CHECK(xsw_vprefix_parse("10.1.1.0", &p) == -EINVAL &&
	      xsw_vprefix_parse("10.1.1.0/", &p) == -EINVAL &&
	      xsw_vprefix_parse("10.1.1.0/2x", &p) == -EINVAL,
	      "a prefix needs a numeric length");
}

static void test_bulk(struct xsw_handle *h)
{
	size_t i, bad = 0;
	int err;

	for (i = 0; i < NMAPS; i++) {
		struct xsw_map_info *m = &maps[i];
		uint32_t ca = htonl(0x0a010000 + i), pa = htonl(0xc0a80014);

		m->vsid = 5001 + i % 3;
		m->ca.family = AF_INET;
		memcpy(m->ca.addr, &ca, 4);
		m->pa.family = AF_INET;
		memcpy(m->pa.addr, &pa, 4);
		m->mac[0] = 2;
		m->mac[5] = i;
	}
	memset(&fake, 0, sizeof(fake));
	err = xsw_map_add_bulk(h, maps, NMAPS, &bad);
	CHECK(!err && fake.cmd == XSW_CMD_MAP_BULK, "a bulk of %d is one MAP_BULK",
	      NMAPS);
	CHECK(fake.entries == NMAPS && fake.in_order == NMAPS,
	      "every mapping once, in order (%zu, %zu in order)", fake.entries,
	      fake.in_order);
	CHECK(fake.entries_attrs > 1 && fake.biggest <= 65535,
	      "split into %zu MAP_ENTRIES of at most 64 KiB (largest %zu)",
	      fake.entries_attrs, fake.biggest);
	CHECK(bad == NMAPS, "no refused mapping reported on success");

	memset(&fake, 0, sizeof(fake));
	fake.refuse_at = 1;
	fake.refuse_index = 54321;
	err = xsw_map_add_bulk(h, maps, NMAPS, &bad);
	CHECK(err == -EINVAL && bad == 54321,
	      "the kernel's error offset names mapping 54321 (got %zu)", bad);

	CHECK(xsw_map_add_bulk(h, maps, 0, &bad) == -EINVAL,
	      "an empty bulk is refused without asking the kernel");
}

static void test_vsubnet_stats(struct xsw_handle *h)
{
	struct xsw_vsubnet_info v;
	const struct xsw_vsubnet_stats *st = &v.stats;

	memset(&v, 0xff, sizeof(v));
	CHECK(!xsw_vsubnet_get(h, 5001, &v) && v.vsid == 5001 &&
	      !strcmp(v.vnet, "Contoso"), "VSUBNET_GET reply parsed");
	CHECK(v.has_stats, "the reply's counters are flagged");
	CHECK(st->in_packets == 1 && st->in_bytes == 2 &&
	      st->out_packets == 3 && st->out_bytes == 4 &&
	      st->encap_packets == 5 && st->encap_bytes == (1ULL << 32) + 6 &&
	      st->decap_packets == 7 && st->decap_bytes == 8,
	      "each counter in its field, 64 bits wide");
}

int main(void)
{
	struct xsw_handle h = { 0 };

	test_parse();
	test_bulk(&h);
	test_vsubnet_stats(&h);
	return test_exit();
}
