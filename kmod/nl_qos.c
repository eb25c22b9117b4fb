// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: handlers of XSW_CMD_QOS_SET, _DEL and _GET (do and dump).
 */

#include <net/netlink.h>
#include <net/sock.h>

#include "xswitch.h"
#include "acl.h"
#include "qos.h"

/*
 * The port the request names, in the request's namespace, on the switch
 * it names if it names one.
 */
static struct xsw_port *qos_port(struct net *net, struct nlattr **attrs,
				 struct netlink_ext_ack *extack)
{
	return xsw_nl_port_on(net, attrs, XSW_A_QOS_PORT_IFINDEX,
			      XSW_A_QOS_PORT_IFNAME, XSW_A_QOS_SWITCH_IFINDEX,
			      XSW_A_QOS_SWITCH_IFNAME, extack);
}

/* The attribute a XSW_QOS_F_* field of a request came from. */
static struct nlattr *field_attr(struct nlattr **attrs, u32 field)
{
	switch (field) {
	case XSW_QOS_F_DIR:
		return attrs[XSW_A_QOS_DIR];
	case XSW_QOS_F_MAX_RATE:
		return attrs[XSW_A_QOS_MAX_RATE];
	case XSW_QOS_F_BURST:
		return attrs[XSW_A_QOS_BURST];
	case XSW_QOS_F_MIN_RATE:
		return attrs[XSW_A_QOS_MIN_RATE];
	case XSW_QOS_F_MIN_WEIGHT:
		return attrs[XSW_A_QOS_MIN_WEIGHT];
	case XSW_QOS_F_LINK_RATE:
		return attrs[XSW_A_QOS_LINK_RATE];
	}
	return NULL;
}

/* The request in @attrs, checked; 0 or -EINVAL with extack set. */
static int get_req(struct nlattr **attrs, struct xsw_qos_req *req,
		   struct netlink_ext_ack *extack)
{
	const char *why;
	u32 bad;
	int err;

	memset(req, 0, sizeof(*req));
	if (attrs[XSW_A_QOS_DIR]) {
		req->fields |= XSW_QOS_F_DIR;
		req->dir = nla_get_u8(attrs[XSW_A_QOS_DIR]);
	}
	if (attrs[XSW_A_QOS_MAX_RATE]) {
		req->fields |= XSW_QOS_F_MAX_RATE;
		req->max_rate = nla_get_u64(attrs[XSW_A_QOS_MAX_RATE]);
	}
	if (attrs[XSW_A_QOS_BURST]) {
		req->fields |= XSW_QOS_F_BURST;
		req->burst = nla_get_u32(attrs[XSW_A_QOS_BURST]);
	}
	if (attrs[XSW_A_QOS_MIN_RATE]) {
		req->fields |= XSW_QOS_F_MIN_RATE;
		req->min_rate = nla_get_u64(attrs[XSW_A_QOS_MIN_RATE]);
	}
	if (attrs[XSW_A_QOS_MIN_WEIGHT]) {
		req->fields |= XSW_QOS_F_MIN_WEIGHT;
		req->min_weight = nla_get_u32(attrs[XSW_A_QOS_MIN_WEIGHT]);
	}
	if (attrs[XSW_A_QOS_LINK_RATE]) {
		req->fields |= XSW_QOS_F_LINK_RATE;
		req->link_rate = nla_get_u64(attrs[XSW_A_QOS_LINK_RATE]);
	}
	err = xsw_qos_req_check(req, &why, &bad);
	if (err) {
		/* A static string, which NL_SET_ERR_MSG() cannot take. */
		extack->_msg = why;
		NL_SET_BAD_ATTR(extack, field_attr(attrs, bad));
	}
	return err;
}

static int put_limit(struct sk_buff *skb, u8 dir,
		     const struct xsw_qos_limit *lim)
{
	struct nlattr *nest, *stats;
	u64 packets, bytes;

	xsw_qos_limit_stats(lim, &packets, &bytes);
	nest = nla_nest_start(skb, XSW_A_QOS_LIMIT);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u8(skb, XSW_A_QOS_DIR, dir) ||
	    nla_put_u64_64bit(skb, XSW_A_QOS_MAX_RATE, lim->tbf.rate,
			      XSW_A_QOS_PAD) ||
	    nla_put_u32(skb, XSW_A_QOS_BURST, lim->burst))
		goto err_cancel;
	stats = nla_nest_start(skb, XSW_A_QOS_STATS);
	if (!stats)
		goto err_cancel;
	if (nla_put_u64_64bit(skb, XSW_A_QOS_STATS_DROPPED_PACKETS, packets,
			      XSW_A_QOS_STATS_PAD) ||
	    nla_put_u64_64bit(skb, XSW_A_QOS_STATS_DROPPED_BYTES, bytes,
			      XSW_A_QOS_STATS_PAD))
		goto err_cancel;
	nla_nest_end(skb, stats);
	nla_nest_end(skb, nest);
	return 0;

err_cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/*
 * One port's QoS: its guarantee and class, its link rate, the HTB handle
 * when it has either, and a nest per limit.
 */
static int qos_fill(struct sk_buff *skb, const struct xsw_port *port, u8 cmd,
		    u32 portid, u32 seq, int flags)
{
	const struct xsw_qos_port *conf = port->qos_conf;
	const struct xsw_switch *sw = port->sw;
	unsigned int has = xsw_qos_has(port);
	const struct xsw_qos_limit *lim;
	void *hdr;
	int i;

	hdr = genlmsg_put(skb, portid, seq, &xsw_genl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, XSW_A_QOS_PORT_IFINDEX, port->dev->ifindex) ||
	    nla_put_string(skb, XSW_A_QOS_PORT_IFNAME, port->dev->name) ||
	    nla_put_u32(skb, XSW_A_QOS_SWITCH_IFINDEX, sw->dev->ifindex) ||
	    nla_put_string(skb, XSW_A_QOS_SWITCH_IFNAME, sw->dev->name))
		goto err_cancel;
	if (has & XSW_QOS_HAS_MIN &&
	    ((conf->min_rate &&
	      nla_put_u64_64bit(skb, XSW_A_QOS_MIN_RATE, conf->min_rate,
				XSW_A_QOS_PAD)) ||
	     (conf->min_weight &&
	      nla_put_u32(skb, XSW_A_QOS_MIN_WEIGHT, conf->min_weight)) ||
	     nla_put_u32(skb, XSW_A_QOS_CLASS, conf->class)))
		goto err_cancel;
	if (has & XSW_QOS_HAS_LINK &&
	    nla_put_u64_64bit(skb, XSW_A_QOS_LINK_RATE, conf->link_rate,
			      XSW_A_QOS_PAD))
		goto err_cancel;
	if (has & (XSW_QOS_HAS_MIN | XSW_QOS_HAS_LINK) &&
	    nla_put_u16(skb, XSW_A_QOS_HTB_MAJOR, sw->qos_major))
		goto err_cancel;
	for (i = 0; i < ARRAY_SIZE(port->qos); i++) {
		lim = xsw_dereference(port->qos[i]);
		if (lim && put_limit(skb, XSW_ACL_DIR_IN + i, lim))
			goto err_cancel;
	}
	genlmsg_end(skb, hdr);
	return 0;

err_cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/* ------------------------------------------------------------ handlers */

int xsw_nl_qos_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct xsw_qos_req req;
	struct xsw_port *port;
	int err;

	err = get_req(attrs, &req, info->extack);
	if (err)
		return err;

	rtnl_lock();
	port = qos_port(genl_info_net(info), attrs, info->extack);
	if (IS_ERR(port)) {
		err = PTR_ERR(port);
	} else {
		err = xsw_qos_set(port, &req, info->extack);
		/*
		 * The request is sound: only the port's type can be wrong,
		 * for a guarantee (checked first) or for a link rate.
		 */
		if (err == -EINVAL)
			NL_SET_BAD_ATTR(info->extack,
					port->type == XSW_PORT_TYPE_VM ||
					port->type == XSW_PORT_TYPE_INTERNAL ?
					attrs[XSW_A_QOS_LINK_RATE] :
					attrs[XSW_A_QOS_MIN_RATE] ?:
					attrs[XSW_A_QOS_MIN_WEIGHT] ?:
					attrs[XSW_A_QOS_LINK_RATE]);
		/* Guarantees the uplink cannot carry. */
		if (err == -ERANGE)
			NL_SET_BAD_ATTR(info->extack,
					attrs[XSW_A_QOS_MIN_RATE] ?:
					attrs[XSW_A_QOS_LINK_RATE]);
	}
	rtnl_unlock();
	return err;
}

int xsw_nl_qos_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	unsigned int what = 0, has;
	struct xsw_port *port;
	int err;

	if (attrs[XSW_A_QOS_DEL_MAX])
		what |= XSW_QOS_HAS_MAX;
	if (attrs[XSW_A_QOS_DIR])
		what = (what & ~XSW_QOS_HAS_MAX) |
		       BIT(xsw_acl_idx(nla_get_u8(attrs[XSW_A_QOS_DIR])));
	if (attrs[XSW_A_QOS_DEL_MIN])
		what |= XSW_QOS_HAS_MIN;
	if (attrs[XSW_A_QOS_DEL_LINK])
		what |= XSW_QOS_HAS_LINK;

	rtnl_lock();
	port = qos_port(genl_info_net(info), attrs, info->extack);
	if (IS_ERR(port)) {
		err = PTR_ERR(port);
		goto out;
	}
	has = xsw_qos_has(port);
	if (!what)
		what = has;	/* everything there is */
	err = xsw_qos_del(port, what, info->extack);
	if (err == -ENOENT)
		NL_SET_BAD_ATTR(info->extack,
				(what & ~has & XSW_QOS_HAS_MIN) ?
				attrs[XSW_A_QOS_DEL_MIN] :
				(what & ~has & XSW_QOS_HAS_LINK) ?
				attrs[XSW_A_QOS_DEL_LINK] :
				attrs[XSW_A_QOS_DIR] ?: attrs[XSW_A_QOS_DEL_MAX]);
	else if (err == -ERANGE)
		NL_SET_BAD_ATTR(info->extack, attrs[XSW_A_QOS_DEL_LINK]);
out:
	rtnl_unlock();
	return err;
}

int xsw_nl_qos_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct xsw_port *port;
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	rtnl_lock();
	port = qos_port(genl_info_net(info), info->attrs, info->extack);
	if (IS_ERR(port))
		err = PTR_ERR(port);
	else
		err = qos_fill(msg, port, XSW_CMD_QOS_GET, info->snd_portid,
			       info->snd_seq, 0);
	rtnl_unlock();
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/* One port's message in a dump, checked for consistency. */
static int dump_one(struct sk_buff *skb, struct netlink_callback *cb,
		    const struct xsw_port *port)
{
	int start = skb->len, err;

	err = qos_fill(skb, port, XSW_CMD_QOS_GET, NETLINK_CB(cb->skb).portid,
		       cb->nlh->nlmsg_seq, NLM_F_MULTI);
	if (!err)
		nl_dump_check_consistent(cb, (struct nlmsghdr *)
					 (skb->data + start));
	return err;
}

/*
 * One port's QoS, or that of every port with any (of one switch, or of
 * every switch in the namespace): cb->args[0] counts switches done,
 * args[1] ports done in the current one.
 */
int xsw_nl_qos_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **attrs = genl_dumpit_info(cb)->attrs;
	struct net *net = sock_net(skb->sk);
	struct xsw_switch *sw, *only = NULL;
	struct net_device *dev;
	struct xsw_port *port;
	long s_idx = 0, p_idx;
	int err = 0;

	rtnl_lock();
	cb->seq = net->dev_base_seq + READ_ONCE(xsw_port_seq) +
		  READ_ONCE(xsw_qos_seq);
	if (attrs[XSW_A_QOS_PORT_IFINDEX] || attrs[XSW_A_QOS_PORT_IFNAME]) {
		port = qos_port(net, attrs, cb->extack);
		if (IS_ERR(port)) {
			err = PTR_ERR(port);
			goto out;
		}
		if (cb->args[0])
			goto out;	/* done */
		err = dump_one(skb, cb, port);
		if (!err)
			cb->args[0] = 1;
		goto out_full;
	}
	if (attrs[XSW_A_QOS_SWITCH_IFINDEX] || attrs[XSW_A_QOS_SWITCH_IFNAME]) {
		only = xsw_nl_switch(net, attrs, XSW_A_QOS_SWITCH_IFINDEX,
				     XSW_A_QOS_SWITCH_IFNAME, cb->extack);
		if (IS_ERR(only)) {
			err = PTR_ERR(only);
			goto out;
		}
	}

	for_each_netdev(net, dev) {
		if (!netif_is_xswitch(dev))
			continue;
		sw = netdev_priv(dev);
		if ((only && sw != only) || s_idx++ < cb->args[0])
			continue;
		p_idx = 0;
		list_for_each_entry(port, &sw->ports, list) {
			if (p_idx++ < cb->args[1])
				continue;
			if (xsw_qos_has(port)) {
				err = dump_one(skb, cb, port);
				if (err)
					goto out_full;
			}
			cb->args[1] = p_idx;
		}
		cb->args[0] = s_idx;
		cb->args[1] = 0;
	}
out_full:
	err = skb->len ? skb->len : err;
out:
	rtnl_unlock();
	return err;
}
