// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: handlers of XSW_CMD_VNET_*, XSW_CMD_VSUBNET_*, XSW_CMD_PA_* and
 * XSW_CMD_VPORT_*, the network virtualisation objects but the mappings
 * (nl_vmap.c).  Every handler holds RTNL, the store's writer lock.
 */

#include <net/sock.h>

#include "vnet.h"

/* Puts an address attribute, 4 bytes for IPv4. */
int xsw_nl_put_vaddr(struct sk_buff *skb, int attr, const struct in6_addr *a)
{
	if (xsw_vaddr_is_v4(a))
		return nla_put_in_addr(skb, attr, a->s6_addr32[3]);
	return nla_put_in6_addr(skb, attr, a);
}

/* Starts a message of @cmd; NULL when there is no room. */
static void *msg_start(struct sk_buff *skb, u8 cmd, u32 portid, u32 seq,
		       int flags)
{
	return genlmsg_put(skb, portid, seq, &xsw_genl_family, flags, cmd);
}

/* Adds one object to a dump; -EMSGSIZE when the message is full. */
int xsw_nl_dump_one(struct sk_buff *skb, struct netlink_callback *cb,
		    xsw_fill_fn fill, const void *obj, u8 cmd)
{
	int start = skb->len;
	int err;

	err = fill(skb, obj, cmd, NETLINK_CB(cb->skb).portid,
		   cb->nlh->nlmsg_seq, NLM_F_MULTI);
	if (!err)
		nl_dump_check_consistent(cb, (struct nlmsghdr *)
					 (skb->data + start));
	return err;
}

/* ---------------------------------------------------------------- vnets */

static int vnet_fill(struct sk_buff *skb, const struct xsw_vnet *vnet, u8 cmd,
		     u32 portid, u32 seq, int flags)
{
	void *hdr = msg_start(skb, cmd, portid, seq, flags);

	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_string(skb, XSW_A_VNET_NAME, vnet->name) ||
	    nla_put_u32(skb, XSW_A_VNET_RDID, vnet->rdid) ||
	    nla_put_u32(skb, XSW_A_VNET_NUM_VSUBNETS, vnet->num_vsubnets) ||
	    nla_put_u64_64bit(skb, XSW_A_VNET_GEN, vnet->gen, XSW_A_VNET_PAD)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

static struct xsw_vnet *vnet_from_attr(struct xsw_vnet_store *s,
				       struct nlattr *attr,
				       struct netlink_ext_ack *extack)
{
	struct xsw_vnet *vnet = xsw_vnet_find(s, nla_data(attr));

	if (!vnet)
		NL_SET_ERR_MSG_ATTR(extack, attr, "no such vnet");
	return vnet;
}

int xsw_nl_vnet_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct xsw_vnet *vnet;

	if (XSW_GENL_REQUIRE(info, XSW_A_VNET_NAME, "vnet name is required") ||
	    XSW_GENL_REQUIRE(info, XSW_A_VNET_RDID, "rdid is required"))
		return -EINVAL;
	if (!*(char *)nla_data(info->attrs[XSW_A_VNET_NAME])) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[XSW_A_VNET_NAME],
				    "vnet name is empty");
		return -EINVAL;
	}
	rtnl_lock();
	vnet = xsw_vnet_add(xsw_vnet_store(net),
			    nla_data(info->attrs[XSW_A_VNET_NAME]),
			    nla_get_u32(info->attrs[XSW_A_VNET_RDID]),
			    info->extack);
	if (!IS_ERR(vnet))
		xsw_nl_notify_obj(net, (xsw_fill_fn)vnet_fill, vnet,
				  XSW_CMD_VNET_NEW);
	rtnl_unlock();
	return PTR_ERR_OR_ZERO(vnet);
}

int xsw_nl_vnet_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct xsw_vnet_store *s = xsw_vnet_store(net);
	struct xsw_vnet *vnet;
	int err = -ENOENT;

	if (XSW_GENL_REQUIRE(info, XSW_A_VNET_NAME, "vnet name is required"))
		return -EINVAL;
	rtnl_lock();
	vnet = vnet_from_attr(s, info->attrs[XSW_A_VNET_NAME], info->extack);
	if (vnet) {
		err = vnet->num_vsubnets ? -EBUSY : 0;
		if (!err)
			xsw_nl_notify_obj(net, (xsw_fill_fn)vnet_fill, vnet,
					  XSW_CMD_VNET_DEL);
		err = xsw_vnet_del(s, vnet, info->extack);
	}
	rtnl_unlock();
	return err;
}

/* Replies to a do request with one object. */
static int reply_one(struct genl_info *info, xsw_fill_fn fill,
		     const void *obj, u8 cmd)
{
	struct sk_buff *msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	int err;

	if (!msg)
		return -ENOMEM;
	err = fill(msg, obj, cmd, info->snd_portid, info->snd_seq, 0);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

int xsw_nl_vnet_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct xsw_vnet_store *s = xsw_vnet_store(genl_info_net(info));
	struct xsw_vnet *vnet;
	int err = -ENOENT;

	if (XSW_GENL_REQUIRE(info, XSW_A_VNET_NAME, "vnet name is required"))
		return -EINVAL;
	rtnl_lock();
	vnet = vnet_from_attr(s, info->attrs[XSW_A_VNET_NAME], info->extack);
	if (vnet)
		err = reply_one(info, (xsw_fill_fn)vnet_fill, vnet,
				XSW_CMD_VNET_GET);
	rtnl_unlock();
	return err;
}

/*
 * Dumps the objects of a list whose struct list_head is their first
 * member; cb->args[0] is the index of the next one to send.
 */
static int dump_list(struct sk_buff *skb, struct netlink_callback *cb,
		     struct list_head *head, xsw_fill_fn fill, u8 cmd)
{
	struct xsw_vnet_store *s = xsw_vnet_store(sock_net(skb->sk));
	struct list_head *pos;
	long idx = 0;

	rtnl_lock();
	cb->seq = (u32)s->gen;
	list_for_each(pos, head) {
		if (idx++ < cb->args[0])
			continue;
		if (xsw_nl_dump_one(skb, cb, fill, pos, cmd))
			break;
		cb->args[0] = idx;
	}
	rtnl_unlock();
	return skb->len;
}

static_assert(offsetof(struct xsw_vnet, node) == 0);
static_assert(offsetof(struct xsw_pa, node) == 0);

/*
 * Refuses a dump request holding @type, which names one object: a do
 * request gets it.  The policy is the do request's too, so it lets it in.
 */
static int dump_takes_nothing(struct netlink_callback *cb, int type)
{
	struct nlattr *attr = genl_dumpit_info(cb)->attrs[type];

	if (!attr)
		return 0;
	NL_SET_ERR_MSG_ATTR(cb->extack, attr,
			    "a dump lists them all: get one without NLM_F_DUMP");
	return -EINVAL;
}

int xsw_nl_vnet_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct xsw_vnet_store *s = xsw_vnet_store(sock_net(skb->sk));
	int err = dump_takes_nothing(cb, XSW_A_VNET_NAME);

	if (err)
		return err;

	return dump_list(skb, cb, &s->vnets, (xsw_fill_fn)vnet_fill,
			 XSW_CMD_VNET_GET);
}

/* ------------------------------------------------------------- vsubnets */

static int put_prefixes(struct sk_buff *skb, const struct xsw_vsubnet *vs)
{
	struct nlattr *all, *one;
	unsigned int i;

	all = nla_nest_start(skb, XSW_A_VSUBNET_PREFIXES);
	if (!all)
		return -EMSGSIZE;
	for (i = 0; i < vs->n_prefixes; i++) {
		const struct xsw_vprefix *p = &vs->prefixes[i];
		bool v4 = xsw_vaddr_is_v4(&p->addr);

		one = nla_nest_start(skb, XSW_A_VSUBNET_PREFIX);
		if (!one ||
		    xsw_nl_put_vaddr(skb, XSW_A_VPREFIX_ADDR, &p->addr) ||
		    nla_put_u8(skb, XSW_A_VPREFIX_LEN, v4 ? p->len - 96 : p->len))
			return -EMSGSIZE;
		nla_nest_end(skb, one);
	}
	nla_nest_end(skb, all);
	return 0;
}

/* The nest of @vs's counters, in the order of enum xsw_vsubnet_stat. */
static int put_vsubnet_stats(struct sk_buff *skb, const struct xsw_vsubnet *vs)
{
	u64 packets[XSW_VS_NUM], bytes[XSW_VS_NUM];
	struct nlattr *nest;
	int i;

	BUILD_BUG_ON(XSW_A_VSUBNET_STATS_DECAP_BYTES !=
		     XSW_A_VSUBNET_STATS_IN_PACKETS + 2 * XSW_VS_NUM - 1);
	xsw_vsubnet_stats_sum(vs, packets, bytes);
	nest = nla_nest_start(skb, XSW_A_VSUBNET_STATS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < XSW_VS_NUM; i++)
		if (nla_put_u64_64bit(skb, XSW_A_VSUBNET_STATS_IN_PACKETS + 2 * i,
				      packets[i], XSW_A_VSUBNET_STATS_PAD) ||
		    nla_put_u64_64bit(skb, XSW_A_VSUBNET_STATS_IN_BYTES + 2 * i,
				      bytes[i], XSW_A_VSUBNET_STATS_PAD)) {
			nla_nest_cancel(skb, nest);
			return -EMSGSIZE;
		}
	nla_nest_end(skb, nest);
	return 0;
}

static int vsubnet_fill(struct sk_buff *skb, const struct xsw_vsubnet *vs,
			u8 cmd, u32 portid, u32 seq, int flags)
{
	void *hdr = msg_start(skb, cmd, portid, seq, flags);

	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, XSW_A_VSUBNET_VSID, vs->vsid) ||
	    nla_put_string(skb, XSW_A_VSUBNET_VNET, vs->vnet->name) ||
	    nla_put_u32(skb, XSW_A_VSUBNET_RDID, vs->rdid) ||
	    (vs->n_prefixes && put_prefixes(skb, vs)) ||
	    (vs->has_gateway &&
	     xsw_nl_put_vaddr(skb, XSW_A_VSUBNET_GATEWAY, &vs->gateway)) ||
	    nla_put_u8(skb, XSW_A_VSUBNET_ENCAP, vs->encap) ||
	    nla_put_u32(skb, XSW_A_VSUBNET_NUM_PORTS, vs->num_ports) ||
	    nla_put_u32(skb, XSW_A_VSUBNET_NUM_MAPS, vs->num_maps) ||
	    nla_put_u32(skb, XSW_A_VSUBNET_NUM_PAS, vs->num_pas) ||
	    nla_put_u64_64bit(skb, XSW_A_VSUBNET_GEN, vs->gen,
			      XSW_A_VSUBNET_PAD) ||
	    put_vsubnet_stats(skb, vs)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/* The prefixes of a request into @vs->prefixes; counted already. */
static int get_prefixes(struct nlattr *all, struct xsw_vsubnet *vs,
			struct netlink_ext_ack *extack)
{
	struct nlattr *tb[XSW_A_VPREFIX_MAX + 1];
	struct nlattr *nest;
	int rem, err;

	nla_for_each_nested(nest, all, rem) {
		struct xsw_vprefix *p = &vs->prefixes[vs->n_prefixes];
		unsigned int max;

		err = nla_parse_nested(tb, XSW_A_VPREFIX_MAX, nest, NULL,
				       extack);
		if (err)
			return err;
		if (!tb[XSW_A_VPREFIX_ADDR] || !tb[XSW_A_VPREFIX_LEN]) {
			NL_SET_ERR_MSG_ATTR(extack, nest,
					    "a prefix needs an address and a length");
			return -EINVAL;
		}
		err = xsw_vaddr_get(tb[XSW_A_VPREFIX_ADDR], &p->addr, extack);
		if (err)
			return err;
		p->len = nla_get_u8(tb[XSW_A_VPREFIX_LEN]);
		max = xsw_vaddr_is_v4(&p->addr) ? 32 : 128;
		if (p->len > max) {
			NL_SET_ERR_MSG_ATTR(extack, tb[XSW_A_VPREFIX_LEN],
					    "prefix length too long for the address");
			return -EINVAL;
		}
		if (max == 32)
			p->len += 96;
		vs->n_prefixes++;
	}
	return 0;
}

/* A vsubnet from a VSUBNET_NEW request, not yet checked against others. */
static struct xsw_vsubnet *vsubnet_from_req(struct genl_info *info)
{
	struct nlattr *prefixes = info->attrs[XSW_A_VSUBNET_PREFIXES];
	struct nlattr *gw = info->attrs[XSW_A_VSUBNET_GATEWAY];
	struct netlink_ext_ack *extack = info->extack;
	struct xsw_vsubnet *vs;
	unsigned int n = 0;
	int err;

	if (prefixes) {
		struct nlattr *nest;
		int rem;

		nla_for_each_nested(nest, prefixes, rem)
			n++;
		if (n > XSW_VSUBNET_PREFIXES_MAX) {
			NL_SET_ERR_MSG_ATTR(extack, prefixes,
					    "too many prefixes (16 at most)");
			return ERR_PTR(-EINVAL);
		}
	}
	vs = kzalloc(struct_size(vs, prefixes, n), GFP_KERNEL_ACCOUNT);
	if (!vs)
		return ERR_PTR(-ENOMEM);
	vs->vsid = nla_get_u32(info->attrs[XSW_A_VSUBNET_VSID]);
	vs->encap = info->attrs[XSW_A_VSUBNET_ENCAP] ?
		    nla_get_u8(info->attrs[XSW_A_VSUBNET_ENCAP]) :
		    XSW_ENCAP_VXLAN;
	if (prefixes) {
		err = get_prefixes(prefixes, vs, extack);
		if (err)
			goto err_free;
	}
	if (gw) {
		err = xsw_vaddr_get(gw, &vs->gateway, extack);
		if (err)
			goto err_free;
		err = -EINVAL;
		if (!vs->n_prefixes) {
			NL_SET_ERR_MSG_ATTR(extack, gw,
					    "a layer-2-only virtual subnet has no gateway");
			goto err_free;
		}
		if (!xsw_vaddr_unicast(&vs->gateway) ||
		    !xsw_vprefix_contains(vs->prefixes, vs->n_prefixes,
					  &vs->gateway)) {
			NL_SET_ERR_MSG_ATTR(extack, gw,
					    "gateway is outside the prefixes");
			goto err_free;
		}
		if (xsw_vsubnet_not_host(vs, &vs->gateway)) {
			NL_SET_ERR_MSG_ATTR(extack, gw,
					    "gateway is a prefix's network or broadcast address");
			goto err_free;
		}
		vs->has_gateway = true;
	} else {
		vs->has_gateway = xsw_vprefix_default_gateway(vs->prefixes,
							      vs->n_prefixes,
							      &vs->gateway);
	}
	return vs;

err_free:
	kfree(vs);
	return ERR_PTR(err);
}

int xsw_nl_vsubnet_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct xsw_vnet_store *s = xsw_vnet_store(net);
	struct xsw_vsubnet *vs;
	struct xsw_vnet *vnet;
	int err;

	if (XSW_GENL_REQUIRE(info, XSW_A_VSUBNET_VSID, "vsid is required") ||
	    XSW_GENL_REQUIRE(info, XSW_A_VSUBNET_VNET, "vnet name is required"))
		return -EINVAL;
	vs = vsubnet_from_req(info);
	if (IS_ERR(vs))
		return PTR_ERR(vs);
	xsw_gre_prepare(vs->encap == XSW_ENCAP_NVGRE);
	rtnl_lock();
	vnet = vnet_from_attr(s, info->attrs[XSW_A_VSUBNET_VNET], info->extack);
	if (!vnet) {
		kfree(vs);
		vs = ERR_PTR(-ENOENT);
	} else {
		vs = xsw_vsubnet_add(s, vs, vnet, info->extack);
	}
	/* The first NVGRE VSID needs the NVGRE devices of the PAs. */
	if (!IS_ERR(vs) && vs->encap == XSW_ENCAP_NVGRE) {
		err = xsw_gre_update(s, info->extack);
		if (err) {
			xsw_vsubnet_del(s, vs);
			xsw_gre_trim(s);
			vs = ERR_PTR(err);
		}
	}
	if (!IS_ERR(vs))
		xsw_nl_notify_obj(net, (xsw_fill_fn)vsubnet_fill, vs,
				  XSW_CMD_VSUBNET_NEW);
	rtnl_unlock();
	return PTR_ERR_OR_ZERO(vs);
}

static struct xsw_vsubnet *vsubnet_from_attr(struct xsw_vnet_store *s,
					     struct nlattr *attr,
					     struct netlink_ext_ack *extack)
{
	struct xsw_vsubnet *vs = xsw_vsubnet_find(s, nla_get_u32(attr));

	if (!vs)
		NL_SET_ERR_MSG_ATTR(extack, attr, "no such vsid");
	return vs;
}

int xsw_nl_vsubnet_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct xsw_vnet_store *s = xsw_vnet_store(net);
	struct xsw_vsubnet *vs;
	unsigned int n;
	int err = 0;

	if (XSW_GENL_REQUIRE(info, XSW_A_VSUBNET_VSID, "vsid is required"))
		return -EINVAL;
	rtnl_lock();
	vs = vsubnet_from_attr(s, info->attrs[XSW_A_VSUBNET_VSID],
			       info->extack);
	if (!vs) {
		err = -ENOENT;
	} else if (vs->num_ports) {
		NL_SET_ERR_MSG_ATTR(info->extack,
				    info->attrs[XSW_A_VSUBNET_VSID],
				    "virtual subnet still has ports");
		err = -EBUSY;
	} else {
		n = xsw_vmap_flush(s, vs);
		if (n)
			xsw_nl_notify_map_flush(net, vs->vsid, n, s->gen);
		xsw_nl_notify_obj(net, (xsw_fill_fn)vsubnet_fill, vs,
				  XSW_CMD_VSUBNET_DEL);
		xsw_vsubnet_del(s, vs);
		/* The last NVGRE VSID takes the NVGRE devices away. */
		xsw_gre_trim(s);
	}
	rtnl_unlock();
	return err;
}

int xsw_nl_vsubnet_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct xsw_vnet_store *s = xsw_vnet_store(genl_info_net(info));
	struct xsw_vsubnet *vs;
	int err = -ENOENT;

	if (XSW_GENL_REQUIRE(info, XSW_A_VSUBNET_VSID, "vsid is required"))
		return -EINVAL;
	rtnl_lock();
	vs = vsubnet_from_attr(s, info->attrs[XSW_A_VSUBNET_VSID],
			       info->extack);
	if (vs)
		err = reply_one(info, (xsw_fill_fn)vsubnet_fill, vs,
				XSW_CMD_VSUBNET_GET);
	rtnl_unlock();
	return err;
}

/* cb->args[0]: the next VSID to send. */
int xsw_nl_vsubnet_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct xsw_vnet_store *s = xsw_vnet_store(sock_net(skb->sk));
	int err = dump_takes_nothing(cb, XSW_A_VSUBNET_VSID);
	struct xsw_vsubnet *vs;
	unsigned long vsid;

	if (err)
		return err;
	rtnl_lock();
	cb->seq = (u32)s->gen;
	xa_for_each_start(&s->vsubnets, vsid, vs, cb->args[0]) {
		if (xsw_nl_dump_one(skb, cb, (xsw_fill_fn)vsubnet_fill, vs,
				    XSW_CMD_VSUBNET_GET))
			break;
		cb->args[0] = vsid + 1;
	}
	rtnl_unlock();
	return skb->len;
}

/* ------------------------------------------------------------------ PAs */

static int pa_fill(struct sk_buff *skb, const struct xsw_pa *pa, u8 cmd,
		   u32 portid, u32 seq, int flags)
{
	void *hdr = msg_start(skb, cmd, portid, seq, flags);

	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, XSW_A_PA_SWITCH_IFINDEX, pa->sw->dev->ifindex) ||
	    nla_put_string(skb, XSW_A_PA_SWITCH_IFNAME, pa->sw->dev->name) ||
	    xsw_nl_put_vaddr(skb, XSW_A_PA_ADDR, &pa->addr) ||
	    nla_put_u64_64bit(skb, XSW_A_PA_GEN, pa->gen, XSW_A_PA_PAD)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

void xsw_nl_notify_pa(struct net *net, const struct xsw_pa *pa, u8 cmd)
{
	xsw_nl_notify_obj(net, (xsw_fill_fn)pa_fill, pa, cmd);
}

/* The switch and address of a PA_NEW or PA_DEL; -errno with extack set. */
static int pa_req(struct genl_info *info, struct xsw_switch **sw,
		  struct in6_addr *addr)
{
	if (XSW_GENL_REQUIRE(info, XSW_A_PA_ADDR, "pa address is required"))
		return -EINVAL;
	*sw = xsw_nl_switch(genl_info_net(info), info->attrs,
			    XSW_A_PA_SWITCH_IFINDEX, XSW_A_PA_SWITCH_IFNAME,
			    info->extack);
	if (IS_ERR(*sw))
		return PTR_ERR(*sw);
	return xsw_vaddr_get(info->attrs[XSW_A_PA_ADDR], addr, info->extack);
}

int xsw_nl_pa_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct in6_addr addr;
	struct xsw_switch *sw;
	struct xsw_pa *pa;
	int err;

	xsw_gre_prepare(info->attrs[XSW_A_PA_ADDR] &&
			nla_len(info->attrs[XSW_A_PA_ADDR]) ==
			sizeof(struct in6_addr));
	rtnl_lock();
	err = pa_req(info, &sw, &addr);
	if (err)
		goto out;
	pa = xsw_pa_add(net, sw, &addr, info->extack);
	if (IS_ERR(pa)) {
		NL_SET_BAD_ATTR(info->extack, info->attrs[XSW_A_PA_ADDR]);
		err = PTR_ERR(pa);
		goto out;
	}
	xsw_nl_notify_pa(net, pa, XSW_CMD_PA_NEW);
out:
	rtnl_unlock();
	return err;
}

int xsw_nl_pa_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct xsw_vnet_store *s = xsw_vnet_store(net);
	struct in6_addr addr;
	struct xsw_switch *sw;
	struct xsw_pa *pa;
	int err;

	rtnl_lock();
	err = pa_req(info, &sw, &addr);
	if (err)
		goto out;
	pa = xsw_pa_find(s, &addr);
	if (!pa || pa->sw != sw) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[XSW_A_PA_ADDR],
				    "the switch has no such pa");
		err = -ENOENT;
		goto out;
	}
	xsw_nl_notify_pa(net, pa, XSW_CMD_PA_DEL);
	xsw_pa_del(s, pa);
out:
	rtnl_unlock();
	return err;
}

int xsw_nl_pa_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct xsw_vnet_store *s = xsw_vnet_store(sock_net(skb->sk));

	return dump_list(skb, cb, &s->pas, (xsw_fill_fn)pa_fill,
			 XSW_CMD_PA_GET);
}

/* ---------------------------------------------------------------- ports */

static int vport_fill(struct sk_buff *skb, const struct xsw_port *port,
		      u8 cmd, u32 portid, u32 seq, int flags)
{
	const struct xsw_vport *vp = xsw_vport_get(port);
	void *hdr = msg_start(skb, cmd, portid, seq, flags);
	struct nlattr *cas;
	unsigned int i;

	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, XSW_A_VPORT_PORT_IFINDEX, port->dev->ifindex) ||
	    nla_put_string(skb, XSW_A_VPORT_PORT_IFNAME, port->dev->name) ||
	    nla_put_u32(skb, XSW_A_VPORT_VSID, vp ? vp->vs->vsid : 0))
		goto err_cancel;
	if (vp) {
		if (nla_put_u64_64bit(skb, XSW_A_VPORT_GEN, vp->gen,
				      XSW_A_VPORT_PAD))
			goto err_cancel;
		cas = nla_nest_start(skb, XSW_A_VPORT_CAS);
		if (!cas)
			goto err_cancel;
		for (i = 0; i < vp->n_cas; i++)
			if (xsw_nl_put_vaddr(skb, XSW_A_VPORT_CA, &vp->cas[i]))
				goto err_cancel;
		nla_nest_end(skb, cas);
	}
	genlmsg_end(skb, hdr);
	return 0;

err_cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

void xsw_nl_notify_vport(struct net *net, const struct xsw_port *port)
{
	xsw_nl_notify_obj(net, (xsw_fill_fn)vport_fill, port,
			  XSW_CMD_VPORT_SET);
}

/* The CAs of a VPORT_SET into @cas; returns their number or -errno. */
static int get_cas(struct nlattr *all, struct in6_addr *cas,
		   struct netlink_ext_ack *extack)
{
	struct nlattr *ca;
	int rem, n = 0, err;

	nla_for_each_nested(ca, all, rem) {
		if (n == XSW_VPORT_CAS_MAX) {
			NL_SET_ERR_MSG_ATTR(extack, all,
					    "too many cas (16 at most)");
			return -EINVAL;
		}
		err = xsw_vaddr_get(ca, &cas[n], extack);
		if (err)
			return err;
		n++;
	}
	return n;
}

int xsw_nl_vport_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *a_cas = info->attrs[XSW_A_VPORT_CAS];
	struct net *net = genl_info_net(info);
	struct xsw_vnet_store *s = xsw_vnet_store(net);
	struct in6_addr cas[XSW_VPORT_CAS_MAX];
	struct xsw_vsubnet *vs = NULL;
	struct xsw_port *port;
	int n = 0, err;
	u32 vsid;

	if (XSW_GENL_REQUIRE(info, XSW_A_VPORT_VSID,
			     "vsid is required (0 to leave)"))
		return -EINVAL;
	vsid = nla_get_u32(info->attrs[XSW_A_VPORT_VSID]);
	if (vsid && XSW_GENL_REQUIRE(info, XSW_A_VPORT_CAS,
				     "a port joins a vsid with its cas"))
		return -EINVAL;
	if (!vsid && a_cas) {
		NL_SET_ERR_MSG_ATTR(info->extack, a_cas,
				    "a port leaving its vsid has no cas");
		return -EINVAL;
	}
	if (a_cas) {
		n = get_cas(a_cas, cas, info->extack);
		if (n < 0)
			return n;
		if (!n) {
			NL_SET_ERR_MSG_ATTR(info->extack, a_cas,
					    "a port joins a vsid with at least one ca");
			return -EINVAL;
		}
	}
	rtnl_lock();
	port = xsw_nl_port(net, info->attrs, XSW_A_VPORT_PORT_IFINDEX,
			   XSW_A_VPORT_PORT_IFNAME, info->extack);
	if (IS_ERR(port)) {
		err = PTR_ERR(port);
		goto out;
	}
	if (!net_eq(dev_net(port->sw->dev), net)) {
		NL_SET_ERR_MSG(info->extack,
			       "the port's switch is in another namespace");
		err = -EINVAL;
		goto out;
	}
	if (vsid) {
		vs = vsubnet_from_attr(s, info->attrs[XSW_A_VPORT_VSID],
				       info->extack);
		if (!vs) {
			err = -ENOENT;
			goto out;
		}
	}
	err = xsw_vport_set(s, port, vs, cas, n, info->extack);
	if (err) {
		NL_SET_BAD_ATTR(info->extack, a_cas);
		goto out;
	}
	xsw_nl_notify_vport(net, port);
out:
	rtnl_unlock();
	return err;
}

/* Every port in a VSID of the namespace; cb->args[0]: ports to skip. */
int xsw_nl_vport_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	struct xsw_port *port;
	struct net_device *dev;
	long idx = 0;

	rtnl_lock();
	cb->seq = (u32)xsw_vnet_store(net)->gen;
	for_each_netdev(net, dev) {
		struct xsw_switch *sw;

		if (!netif_is_xswitch(dev))
			continue;
		sw = netdev_priv(dev);
		list_for_each_entry(port, &sw->ports, list) {
			if (!rtnl_dereference(port->vport))
				continue;
			if (idx++ < cb->args[0])
				continue;
			if (xsw_nl_dump_one(skb, cb, (xsw_fill_fn)vport_fill,
					    port, XSW_CMD_VPORT_GET))
				goto out;
			cb->args[0] = idx;
		}
	}
out:
	rtnl_unlock();
	return skb->len;
}
