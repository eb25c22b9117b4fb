// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: handlers of XSW_CMD_MAP_NEW, _DEL, _GET, _FLUSH and _BULK, the
 * CA-PA mappings.
 *
 * Notifications.  MAP_NEW and MAP_DEL send one message per mapping, built
 * only when someone listens.  MAP_BULK sends one message for the whole
 * batch (_COUNT, _GEN_MIN, _GEN) and MAP_FLUSH one (_VSID, _COUNT, _GEN):
 * 100,000 messages would overrun any listener's socket buffer, and the
 * listener would have to resynchronise anyway.  A host agent keeps in step
 * by dumping with XSW_A_MAP_GEN_MIN after a BULK notification.
 */

#include <linux/etherdevice.h>
#include <linux/vmalloc.h>
#include <net/sock.h>

#include "vnet.h"

static int map_fill(struct sk_buff *skb, const struct xsw_vmap *m, u8 cmd,
		    u32 portid, u32 seq, int flags)
{
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &xsw_genl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, XSW_A_MAP_VSID, m->kmac.vsid) ||
	    nla_put_u32(skb, XSW_A_MAP_RDID, m->kca.rdid) ||
	    xsw_nl_put_vaddr(skb, XSW_A_MAP_CA, &m->kca.ca) ||
	    nla_put(skb, XSW_A_MAP_MAC, ETH_ALEN, m->kmac.mac) ||
	    xsw_nl_put_vaddr(skb, XSW_A_MAP_PA, &m->pa) ||
	    nla_put_u64_64bit(skb, XSW_A_MAP_GEN, m->gen, XSW_A_MAP_PAD) ||
	    nla_put_u64_64bit(skb, XSW_A_MAP_HITS, xsw_vmap_hits(m),
			      XSW_A_MAP_PAD)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/* What a FLUSH or BULK notification says. */
struct batch_info {
	u32 vsid;
	unsigned int count;
	u64 gen_min;
	u64 gen;
};

static int batch_fill(struct sk_buff *skb, const struct batch_info *b, u8 cmd,
		      u32 portid, u32 seq, int flags)
{
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &xsw_genl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if ((b->vsid && nla_put_u32(skb, XSW_A_MAP_VSID, b->vsid)) ||
	    nla_put_u32(skb, XSW_A_MAP_COUNT, b->count) ||
	    (b->gen_min && nla_put_u64_64bit(skb, XSW_A_MAP_GEN_MIN,
					     b->gen_min, XSW_A_MAP_PAD)) ||
	    nla_put_u64_64bit(skb, XSW_A_MAP_GEN, b->gen, XSW_A_MAP_PAD)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

void xsw_nl_notify_map_flush(struct net *net, u32 vsid, unsigned int count,
			     u64 gen)
{
	struct batch_info b = { .vsid = vsid, .count = count, .gen = gen };

	xsw_nl_notify_obj(net, (xsw_fill_fn)batch_fill, &b, XSW_CMD_MAP_FLUSH);
}

/* A mapping request's fields, read before RTNL is taken. */
struct map_req {
	const struct nlattr *nest;	/* for messages: the entry, or NULL */
	u32 vsid;
	struct in6_addr ca;
	struct in6_addr pa;
	u8 mac[ETH_ALEN];
};

static int map_req_get(struct nlattr **tb, struct nlattr *nest,
		       struct map_req *r, struct netlink_ext_ack *extack)
{
	int err;

	if (XSW_NL_REQUIRE(extack, nest, tb, XSW_A_MAP_VSID,
			   "a mapping needs a vsid") ||
	    XSW_NL_REQUIRE(extack, nest, tb, XSW_A_MAP_CA,
			   "a mapping needs a ca") ||
	    XSW_NL_REQUIRE(extack, nest, tb, XSW_A_MAP_MAC,
			   "a mapping needs a mac") ||
	    XSW_NL_REQUIRE(extack, nest, tb, XSW_A_MAP_PA,
			   "a mapping needs a pa"))
		return -EINVAL;
	r->nest = nest;
	r->vsid = nla_get_u32(tb[XSW_A_MAP_VSID]);
	ether_addr_copy(r->mac, nla_data(tb[XSW_A_MAP_MAC]));
	if (!is_valid_ether_addr(r->mac)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[XSW_A_MAP_MAC],
				    "mac must be a unicast address");
		return -EINVAL;
	}
	err = xsw_vaddr_get(tb[XSW_A_MAP_CA], &r->ca, extack);
	if (err)
		return err;
	err = xsw_vaddr_get(tb[XSW_A_MAP_PA], &r->pa, extack);
	if (err)
		return err;
	if (!xsw_vaddr_unicast(&r->pa)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[XSW_A_MAP_PA],
				    "pa must be a unicast address");
		return -EINVAL;
	}
	return 0;
}

/*
 * Makes and inserts the mapping of @r; *@vs caches the last vsubnet.
 * Return: the mapping or an ERR_PTR with extack set.
 */
static struct xsw_vmap *map_add(struct xsw_vnet_store *s,
				const struct map_req *r,
				struct xsw_vsubnet **vs,
				struct netlink_ext_ack *extack)
{
	struct xsw_vmap *m;
	const char *why;
	int err;

	if (!*vs || (*vs)->vsid != r->vsid) {
		*vs = xsw_vsubnet_find(s, r->vsid);
		if (!*vs) {
			NL_SET_ERR_MSG_ATTR(extack, r->nest,
					    "mapping for a vsid that does not exist");
			return ERR_PTR(-ENOENT);
		}
	}
	if (xsw_vsubnet_ca_check(*vs, &r->ca, &why)) {
		xsw_set_msg(extack, why);
		NL_SET_BAD_ATTR(extack, r->nest);
		return ERR_PTR(-EINVAL);
	}
	m = xsw_vmap_new(*vs, &r->ca, r->mac, &r->pa);
	if (!m)
		return ERR_PTR(-ENOMEM);
	err = xsw_vmap_insert(s, *vs, m, extack);
	if (err) {
		NL_SET_BAD_ATTR(extack, r->nest);
		xsw_vmap_free(m);
		return ERR_PTR(err);
	}
	return m;
}

int xsw_nl_map_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct xsw_vsubnet *vs = NULL;
	struct map_req r;
	struct xsw_vmap *m;
	int err;

	err = map_req_get(info->attrs, NULL, &r, info->extack);
	if (err)
		return err;
	rtnl_lock();
	m = map_add(xsw_vnet_store(net), &r, &vs, info->extack);
	if (!IS_ERR(m))
		xsw_nl_notify_obj(net, (xsw_fill_fn)map_fill, m,
				  XSW_CMD_MAP_NEW);
	rtnl_unlock();
	return PTR_ERR_OR_ZERO(m);
}

/* The _VSID and _CA of a MAP_DEL or MAP_GET; -errno with extack set. */
static int map_id_req(struct genl_info *info, struct in6_addr *ca)
{
	if (XSW_GENL_REQUIRE(info, XSW_A_MAP_VSID, "vsid is required") ||
	    XSW_GENL_REQUIRE(info, XSW_A_MAP_CA, "ca is required"))
		return -EINVAL;
	return xsw_vaddr_get(info->attrs[XSW_A_MAP_CA], ca, info->extack);
}

/* The mapping of @ca in the request's _VSID; NULL with extack set. */
static struct xsw_vmap *map_from_req(struct xsw_vnet_store *s,
				     struct genl_info *info,
				     const struct in6_addr *ca)
{
	struct nlattr *a_vsid = info->attrs[XSW_A_MAP_VSID];
	struct xsw_vsubnet *vs;
	struct xsw_vmap *m;

	vs = xsw_vsubnet_find(s, nla_get_u32(a_vsid));
	if (!vs) {
		NL_SET_ERR_MSG_ATTR(info->extack, a_vsid, "no such vsid");
		return NULL;
	}
	m = xsw_vmap_find(s, vs->rdid, ca);
	if (!m || m->vs != vs) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[XSW_A_MAP_CA],
				    "no mapping for this ca in the vsid");
		return NULL;
	}
	return m;
}

int xsw_nl_map_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct xsw_vnet_store *s = xsw_vnet_store(net);
	struct in6_addr ca;
	struct xsw_vmap *m;
	int err;

	err = map_id_req(info, &ca);
	if (err)
		return err;
	err = -ENOENT;
	rtnl_lock();
	m = map_from_req(s, info, &ca);
	if (m) {
		xsw_nl_notify_obj(net, (xsw_fill_fn)map_fill, m,
				  XSW_CMD_MAP_DEL);
		xsw_vmap_remove(s, m);
		err = 0;
	}
	rtnl_unlock();
	return err;
}

int xsw_nl_map_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct xsw_vnet_store *s = xsw_vnet_store(genl_info_net(info));
	struct sk_buff *msg;
	struct in6_addr ca;
	struct xsw_vmap *m;
	int err;

	if (info->attrs[XSW_A_MAP_GEN_MIN]) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[XSW_A_MAP_GEN_MIN],
				    "gen min filters a map dump");
		return -EINVAL;
	}
	err = map_id_req(info, &ca);
	if (err)
		return err;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	err = -ENOENT;
	rtnl_lock();
	m = map_from_req(s, info, &ca);
	if (m)
		err = map_fill(msg, m, XSW_CMD_MAP_GET, info->snd_portid,
			       info->snd_seq, 0);
	rtnl_unlock();
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/*
 * cb->args[0]: the next mapping id; [1]: the VSID filter, or 0;
 * [2]: the generation filter.
 */
int xsw_nl_map_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **attrs = genl_dumpit_info(cb)->attrs;
	struct xsw_vnet_store *s = xsw_vnet_store(sock_net(skb->sk));
	u64 gen_min = 0;
	struct xsw_vmap *m;
	unsigned long id;
	u32 vsid = 0;
	int err = 0;

	if (attrs[XSW_A_MAP_CA]) {
		NL_SET_ERR_MSG_ATTR(cb->extack, attrs[XSW_A_MAP_CA],
				    "a map dump takes no ca: get one without NLM_F_DUMP");
		return -EINVAL;
	}
	if (attrs[XSW_A_MAP_VSID])
		vsid = nla_get_u32(attrs[XSW_A_MAP_VSID]);
	if (attrs[XSW_A_MAP_GEN_MIN])
		gen_min = nla_get_u64(attrs[XSW_A_MAP_GEN_MIN]);
	rtnl_lock();
	if (vsid && !xsw_vsubnet_find(s, vsid)) {
		NL_SET_ERR_MSG_ATTR(cb->extack, attrs[XSW_A_MAP_VSID],
				    "no such vsid");
		err = -ENOENT;
		goto out;
	}
	cb->seq = (u32)s->gen;
	xa_for_each_start(&s->maps, id, m, cb->args[0]) {
		if ((vsid && m->kmac.vsid != vsid) || m->gen < gen_min)
			continue;
		if (xsw_nl_dump_one(skb, cb, (xsw_fill_fn)map_fill, m,
				    XSW_CMD_MAP_GET))
			break;
		cb->args[0] = id + 1;
	}
	err = skb->len;
out:
	rtnl_unlock();
	return err;
}

int xsw_nl_map_flush_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *a_vsid = info->attrs[XSW_A_MAP_VSID];
	struct net *net = genl_info_net(info);
	struct xsw_vnet_store *s = xsw_vnet_store(net);
	struct xsw_vsubnet *vs = NULL;
	unsigned int n;
	int err = 0;

	rtnl_lock();
	if (a_vsid) {
		vs = xsw_vsubnet_find(s, nla_get_u32(a_vsid));
		if (!vs) {
			NL_SET_ERR_MSG_ATTR(info->extack, a_vsid,
					    "no such vsid");
			err = -ENOENT;
			goto out;
		}
	}
	n = xsw_vmap_flush(s, vs);
	if (n)
		xsw_nl_notify_map_flush(net, vs ? vs->vsid : 0, n, s->gen);
out:
	rtnl_unlock();
	return err;
}

/* Reads every entry of every XSW_A_MAP_ENTRIES; returns the count or -errno */
static int bulk_get(struct genl_info *info, struct map_req **reqs)
{
	struct nlattr *tb[XSW_A_MAP_MAX + 1];
	struct nlattr *all, *nest;
	int rem, nrem, n = 0, i = 0, err;

	if (XSW_GENL_REQUIRE(info, XSW_A_MAP_ENTRIES,
			     "map bulk needs its entries"))
		return -EINVAL;
	nlmsg_for_each_attr(all, info->nlhdr, GENL_HDRLEN, rem) {
		if (nla_type(all) != XSW_A_MAP_ENTRIES)
			continue;
		nla_for_each_nested(nest, all, nrem)
			n++;
		if (n > XSW_MAPS_MAX) {
			NL_SET_ERR_MSG_ATTR(info->extack, all,
					    "too many mappings in the namespace");
			return -ENOSPC;
		}
	}
	if (!n) {
		NL_SET_ERR_MSG(info->extack, "no mapping to add");
		return -EINVAL;
	}
	*reqs = kvmalloc_array(n, sizeof(**reqs), GFP_KERNEL_ACCOUNT);
	if (!*reqs)
		return -ENOMEM;
	nlmsg_for_each_attr(all, info->nlhdr, GENL_HDRLEN, rem) {
		if (nla_type(all) != XSW_A_MAP_ENTRIES)
			continue;
		nla_for_each_nested(nest, all, nrem) {
			/* the policy validated each entry already */
			err = nla_parse_nested(tb, XSW_A_MAP_MAX, nest, NULL,
					       info->extack);
			if (!err)
				err = map_req_get(tb, nest, &(*reqs)[i++],
						  info->extack);
			if (err) {
				kvfree(*reqs);
				return err;
			}
		}
		cond_resched();
	}
	return n;
}

int xsw_nl_map_bulk_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct xsw_vnet_store *s = xsw_vnet_store(net);
	struct batch_info b = { 0 };
	struct xsw_vsubnet *vs = NULL;
	struct xsw_vmap **maps;
	struct map_req *reqs;
	int n, i, err = 0;

	n = bulk_get(info, &reqs);
	if (n < 0)
		return n;
	maps = kvmalloc_array(n, sizeof(*maps), GFP_KERNEL_ACCOUNT);
	if (!maps) {
		kvfree(reqs);
		return -ENOMEM;
	}
	rtnl_lock();
	for (i = 0; i < n; i++) {
		maps[i] = map_add(s, &reqs[i], &vs, info->extack);
		if (IS_ERR(maps[i])) {
			err = PTR_ERR(maps[i]);
			break;
		}
		if (!(i % 1024))
			cond_resched();
	}
	if (err) {
		/* nothing half-applied; nobody was told of these */
		while (i--)
			xsw_vmap_remove(s, maps[i]);
	} else {
		b.count = n;
		b.gen_min = maps[0]->gen;
		b.gen = maps[n - 1]->gen;
		xsw_nl_notify_obj(net, (xsw_fill_fn)batch_fill, &b,
				  XSW_CMD_MAP_BULK);
	}
	rtnl_unlock();
	kvfree(maps);
	kvfree(reqs);
	return err;
}
