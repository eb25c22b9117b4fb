// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: handlers of XSW_CMD_ACL_ADD, _DEL, _GET (dump), _FLUSH,
 * _REPLACE and _SET.
 */

#include <linux/etherdevice.h>
#include <net/ipv6.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "xswitch.h"
#include "acl.h"

/* The port the request names, in the request's namespace. */
static struct xsw_port *acl_port(struct net *net, struct nlattr **attrs,
				 struct netlink_ext_ack *extack)
{
	return xsw_nl_port(net, attrs, XSW_A_ACL_PORT_IFINDEX,
			   XSW_A_ACL_PORT_IFNAME, extack);
}

/* ---------------------------------------------------------- the rules */

/* A MAC and its mask; false, with extack set, if the pair is wrong. */
static bool get_mac(struct nlattr **tb, int a_mac, int a_mask, u8 *mac,
		    u8 *mask, struct netlink_ext_ack *extack)
{
	if (!tb[a_mac]) {
		if (tb[a_mask]) {
			NL_SET_ERR_MSG_ATTR(extack, tb[a_mask],
					    "mac mask without a mac");
			return false;
		}
		return true;
	}
	ether_addr_copy(mac, nla_data(tb[a_mac]));
	if (tb[a_mask])
		ether_addr_copy(mask, nla_data(tb[a_mask]));
	else
		eth_broadcast_addr(mask);
	return true;
}

static bool get_prefix(struct nlattr **tb, int a_ip, int a_len,
		       struct xsw_acl_prefix *p, struct netlink_ext_ack *extack)
{
	struct nlattr *ip = tb[a_ip];

	if (!ip) {
		if (tb[a_len]) {
			NL_SET_ERR_MSG_ATTR(extack, tb[a_len],
					    "prefix length without an address");
			return false;
		}
		return true;
	}
	if (nla_len(ip) == 4) {
		ipv6_addr_set_v4mapped(nla_get_in_addr(ip), &p->addr);
		p->family = AF_INET;
		p->len = 32;
	} else if (nla_len(ip) == 16) {
		p->addr = nla_get_in6_addr(ip);
		p->family = AF_INET6;
		p->len = 128;
	} else {
		NL_SET_ERR_MSG_ATTR(extack, ip,
				    "an address is 4 (ipv4) or 16 (ipv6) bytes");
		return false;
	}
	/* Longer than the address: xsw_acl_match_check() says so. */
	if (tb[a_len])
		p->len = nla_get_u8(tb[a_len]);
	return true;
}

static bool get_ports(struct nlattr **tb, int a_min, int a_max,
		      struct xsw_acl_port_range *r,
		      struct netlink_ext_ack *extack)
{
	if (!tb[a_min]) {
		if (tb[a_max]) {
			NL_SET_ERR_MSG_ATTR(extack, tb[a_max],
					    "port range maximum without a minimum");
			return false;
		}
		return true;
	}
	r->lo = nla_get_u16(tb[a_min]);
	r->hi = tb[a_max] ? nla_get_u16(tb[a_max]) : r->lo;
	return true;
}

/*
 * The rule in @tb (the request, or one XSW_A_ACL_RULE, @nest), checked as
 * the classifier will take it.  Returns 0 or -EINVAL, with extack set.
 */
static int get_rule(struct nlattr **tb, const struct nlattr *nest,
		    struct xsw_acl_rule *r, struct netlink_ext_ack *extack)
{
	struct xsw_acl_match *m = &r->match;

	memset(r, 0, sizeof(*r));
	if (XSW_NL_REQUIRE(extack, nest, tb, XSW_A_ACL_ACTION,
			   "a rule needs an action"))
		return -EINVAL;
	r->action = nla_get_u8(tb[XSW_A_ACL_ACTION]);
	r->priority = tb[XSW_A_ACL_PRIORITY] ?
		      nla_get_u32(tb[XSW_A_ACL_PRIORITY]) :
		      XSW_ACL_PRIORITY_DEFAULT;

	if (!get_mac(tb, XSW_A_ACL_SRC_MAC, XSW_A_ACL_SRC_MAC_MASK,
		     m->src_mac, m->src_mac_mask, extack) ||
	    !get_mac(tb, XSW_A_ACL_DST_MAC, XSW_A_ACL_DST_MAC_MASK,
		     m->dst_mac, m->dst_mac_mask, extack) ||
	    !get_prefix(tb, XSW_A_ACL_SRC_IP, XSW_A_ACL_SRC_PREFIX,
			&m->src_ip, extack) ||
	    !get_prefix(tb, XSW_A_ACL_DST_IP, XSW_A_ACL_DST_PREFIX,
			&m->dst_ip, extack) ||
	    !get_ports(tb, XSW_A_ACL_SRC_PORT_MIN, XSW_A_ACL_SRC_PORT_MAX,
		       &m->src_port, extack) ||
	    !get_ports(tb, XSW_A_ACL_DST_PORT_MIN, XSW_A_ACL_DST_PORT_MAX,
		       &m->dst_port, extack))
		return -EINVAL;
	if (tb[XSW_A_ACL_TCP_FLAGS_MASK] && !tb[XSW_A_ACL_TCP_FLAGS]) {
		NL_SET_ERR_MSG_ATTR(extack, tb[XSW_A_ACL_TCP_FLAGS_MASK],
				    "tcp flags mask without tcp flags");
		return -EINVAL;
	}

	if (tb[XSW_A_ACL_SRC_MAC])
		m->fields |= XSW_ACL_M_SRC_MAC;
	if (tb[XSW_A_ACL_DST_MAC])
		m->fields |= XSW_ACL_M_DST_MAC;
	if (tb[XSW_A_ACL_ETH_TYPE]) {
		m->fields |= XSW_ACL_M_ETH_TYPE;
		m->eth_type = htons(nla_get_u16(tb[XSW_A_ACL_ETH_TYPE]));
	}
	if (tb[XSW_A_ACL_VLAN_ID]) {
		m->fields |= XSW_ACL_M_VLAN_ID;
		m->vlan_id = nla_get_u16(tb[XSW_A_ACL_VLAN_ID]);
	}
	if (tb[XSW_A_ACL_SRC_IP])
		m->fields |= XSW_ACL_M_SRC_IP;
	if (tb[XSW_A_ACL_DST_IP])
		m->fields |= XSW_ACL_M_DST_IP;
	if (tb[XSW_A_ACL_IP_PROTO]) {
		m->fields |= XSW_ACL_M_IP_PROTO;
		m->ip_proto = nla_get_u8(tb[XSW_A_ACL_IP_PROTO]);
	}
	if (tb[XSW_A_ACL_SRC_PORT_MIN])
		m->fields |= XSW_ACL_M_SRC_PORT;
	if (tb[XSW_A_ACL_DST_PORT_MIN])
		m->fields |= XSW_ACL_M_DST_PORT;
	if (tb[XSW_A_ACL_ICMP_TYPE]) {
		m->fields |= XSW_ACL_M_ICMP_TYPE;
		m->icmp_type = nla_get_u8(tb[XSW_A_ACL_ICMP_TYPE]);
	}
	if (tb[XSW_A_ACL_ICMP_CODE]) {
		m->fields |= XSW_ACL_M_ICMP_CODE;
		m->icmp_code = nla_get_u8(tb[XSW_A_ACL_ICMP_CODE]);
	}
	if (tb[XSW_A_ACL_TCP_FLAGS]) {
		m->fields |= XSW_ACL_M_TCP_FLAGS;
		m->tcp_flags = nla_get_u8(tb[XSW_A_ACL_TCP_FLAGS]);
		m->tcp_flags_mask = tb[XSW_A_ACL_TCP_FLAGS_MASK] ?
				    nla_get_u8(tb[XSW_A_ACL_TCP_FLAGS_MASK]) :
				    0xff;
	}
	return 0;
}

/* The rule object for @tb, or an ERR_PTR() with extack set. */
static struct xsw_acl_rule_obj *rule_new(struct nlattr **tb,
					 struct nlattr *nest, u8 dir,
					 struct netlink_ext_ack *extack)
{
	struct xsw_acl_rule_obj *obj;
	struct xsw_acl_rule rule;
	int err;

	err = get_rule(tb, nest, &rule, extack);
	if (err)
		return ERR_PTR(err);
	obj = xsw_acl_rule_new(&rule, dir, extack);
	/* The classifier refused the match: point at the rule. */
	if (PTR_ERR(obj) == -EINVAL && nest)
		NL_SET_BAD_ATTR(extack, nest);
	return obj;
}

static int put_prefix(struct sk_buff *skb, int a_ip, int a_len,
		      const struct xsw_acl_prefix *p)
{
	if (p->family == AF_INET) {
		if (nla_put_in_addr(skb, a_ip, p->addr.s6_addr32[3]))
			return -EMSGSIZE;
	} else if (nla_put_in6_addr(skb, a_ip, &p->addr)) {
		return -EMSGSIZE;
	}
	return nla_put_u8(skb, a_len, p->len);
}

static int put_ports(struct sk_buff *skb, int a_min, int a_max,
		     const struct xsw_acl_port_range *r)
{
	if (nla_put_u16(skb, a_min, r->lo) || nla_put_u16(skb, a_max, r->hi))
		return -EMSGSIZE;
	return 0;
}

static int put_match(struct sk_buff *skb, const struct xsw_acl_match *m)
{
	u32 f = m->fields;

	if (((f & XSW_ACL_M_SRC_MAC) &&
	     (nla_put(skb, XSW_A_ACL_SRC_MAC, ETH_ALEN, m->src_mac) ||
	      nla_put(skb, XSW_A_ACL_SRC_MAC_MASK, ETH_ALEN, m->src_mac_mask))) ||
	    ((f & XSW_ACL_M_DST_MAC) &&
	     (nla_put(skb, XSW_A_ACL_DST_MAC, ETH_ALEN, m->dst_mac) ||
	      nla_put(skb, XSW_A_ACL_DST_MAC_MASK, ETH_ALEN, m->dst_mac_mask))) ||
	    ((f & XSW_ACL_M_ETH_TYPE) &&
	     nla_put_u16(skb, XSW_A_ACL_ETH_TYPE, ntohs(m->eth_type))) ||
	    ((f & XSW_ACL_M_VLAN_ID) &&
	     nla_put_u16(skb, XSW_A_ACL_VLAN_ID, m->vlan_id)) ||
	    ((f & XSW_ACL_M_SRC_IP) &&
	     put_prefix(skb, XSW_A_ACL_SRC_IP, XSW_A_ACL_SRC_PREFIX,
			&m->src_ip)) ||
	    ((f & XSW_ACL_M_DST_IP) &&
	     put_prefix(skb, XSW_A_ACL_DST_IP, XSW_A_ACL_DST_PREFIX,
			&m->dst_ip)) ||
	    ((f & XSW_ACL_M_IP_PROTO) &&
	     nla_put_u8(skb, XSW_A_ACL_IP_PROTO, m->ip_proto)) ||
	    ((f & XSW_ACL_M_SRC_PORT) &&
	     put_ports(skb, XSW_A_ACL_SRC_PORT_MIN, XSW_A_ACL_SRC_PORT_MAX,
		       &m->src_port)) ||
	    ((f & XSW_ACL_M_DST_PORT) &&
	     put_ports(skb, XSW_A_ACL_DST_PORT_MIN, XSW_A_ACL_DST_PORT_MAX,
		       &m->dst_port)) ||
	    ((f & XSW_ACL_M_ICMP_TYPE) &&
	     nla_put_u8(skb, XSW_A_ACL_ICMP_TYPE, m->icmp_type)) ||
	    ((f & XSW_ACL_M_ICMP_CODE) &&
	     nla_put_u8(skb, XSW_A_ACL_ICMP_CODE, m->icmp_code)) ||
	    ((f & XSW_ACL_M_TCP_FLAGS) &&
	     (nla_put_u8(skb, XSW_A_ACL_TCP_FLAGS, m->tcp_flags) ||
	      nla_put_u8(skb, XSW_A_ACL_TCP_FLAGS_MASK, m->tcp_flags_mask))))
		return -EMSGSIZE;
	return 0;
}

static int put_stats(struct sk_buff *skb, const struct xsw_acl_rule_obj *obj)
{
	struct nlattr *nest;
	u64 packets, bytes;

	xsw_acl_rule_stats(obj, &packets, &bytes);
	nest = nla_nest_start(skb, XSW_A_ACL_STATS);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(skb, XSW_A_ACL_STATS_PACKETS, packets,
			      XSW_A_ACL_STATS_PAD) ||
	    nla_put_u64_64bit(skb, XSW_A_ACL_STATS_BYTES, bytes,
			      XSW_A_ACL_STATS_PAD)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/*
 * One message: a port and direction (@obj NULL: its default action and
 * classifier), or one of its rules.
 */
static int acl_fill(struct sk_buff *skb, const struct xsw_port *port, u8 dir,
		    const struct xsw_acl_rule_obj *obj, u8 cmd, u32 portid,
		    u32 seq, int flags)
{
	const struct xsw_acl_set *set;
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &xsw_genl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, XSW_A_ACL_PORT_IFINDEX, port->dev->ifindex) ||
	    nla_put_string(skb, XSW_A_ACL_PORT_IFNAME, port->dev->name) ||
	    nla_put_u8(skb, XSW_A_ACL_DIR, dir))
		goto err_cancel;
	if (!obj) {
		set = xsw_dereference(port->acl[xsw_acl_idx(dir)]);
		if (nla_put_u8(skb, XSW_A_ACL_DEFAULT,
			       set ? set->default_action : XSW_ACL_ACTION_ALLOW) ||
		    nla_put_u32(skb, XSW_A_ACL_SHAPES,
				set ? xsw_acl_cls_shapes(set->cls) : 0))
			goto err_cancel;
	} else if (nla_put_u32(skb, XSW_A_ACL_ID, obj->rule.id) ||
		   nla_put_u32(skb, XSW_A_ACL_PRIORITY, obj->rule.priority) ||
		   nla_put_u8(skb, XSW_A_ACL_ACTION, obj->rule.action) ||
		   put_match(skb, &obj->rule.match) || put_stats(skb, obj)) {
		goto err_cancel;
	}
	genlmsg_end(skb, hdr);
	return 0;

err_cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/* ------------------------------------------------------------ handlers */

int xsw_nl_acl_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct xsw_acl_rule_obj *obj;
	struct xsw_port *port;
	struct sk_buff *msg;
	int err;
	u8 dir;

	if (XSW_GENL_REQUIRE(info, XSW_A_ACL_DIR, "direction is required"))
		return -EINVAL;
	dir = nla_get_u8(info->attrs[XSW_A_ACL_DIR]);
	obj = rule_new(info->attrs, NULL, dir, info->extack);
	if (IS_ERR(obj))
		return PTR_ERR(obj);
	/* Before the change, so that a change made is a change replied. */
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg) {
		xsw_acl_rule_free(obj);
		return -ENOMEM;
	}

	rtnl_lock();
	port = acl_port(genl_info_net(info), info->attrs, info->extack);
	if (IS_ERR(port)) {
		err = PTR_ERR(port);
		xsw_acl_rule_free(obj);
		goto out;
	}
	err = xsw_acl_add(port, obj, info->extack);
	if (err)
		goto out;
	err = acl_fill(msg, port, dir, obj, XSW_CMD_ACL_ADD, info->snd_portid,
		       info->snd_seq, 0);
	/* A rule fits in NLMSG_GOODSIZE. */
	if (WARN_ON_ONCE(err))
		goto out;
	rtnl_unlock();
	return genlmsg_reply(msg, info);

out:
	rtnl_unlock();
	nlmsg_free(msg);
	return err;
}

int xsw_nl_acl_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct xsw_port *port;
	int err;

	if (XSW_GENL_REQUIRE(info, XSW_A_ACL_ID, "rule id is required"))
		return -EINVAL;

	rtnl_lock();
	port = acl_port(genl_info_net(info), attrs, info->extack);
	if (IS_ERR(port)) {
		err = PTR_ERR(port);
		goto out;
	}
	err = xsw_acl_del(port, attrs[XSW_A_ACL_DIR] ?
			  nla_get_u8(attrs[XSW_A_ACL_DIR]) : 0,
			  nla_get_u32(attrs[XSW_A_ACL_ID]), info->extack);
	if (err == -ENOENT)
		NL_SET_BAD_ATTR(info->extack, attrs[XSW_A_ACL_ID]);
out:
	rtnl_unlock();
	return err;
}

int xsw_nl_acl_flush_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct xsw_port *port;
	int err;

	rtnl_lock();
	port = acl_port(genl_info_net(info), attrs, info->extack);
	if (IS_ERR(port))
		err = PTR_ERR(port);
	else
		err = xsw_acl_flush(port, attrs[XSW_A_ACL_DIR] ?
				    nla_get_u8(attrs[XSW_A_ACL_DIR]) : 0,
				    info->extack);
	rtnl_unlock();
	return err;
}

/*
 * The rules of every XSW_A_ACL_RULES of the request, in order, onto
 * @rules.  An attribute holds at most 64 KiB, so a large set comes in
 * several; the policy has validated each of them, not only the last one
 * that info->attrs holds.  Returns 0 or an errno, with extack set.
 */
static int get_rules(struct genl_info *info, u8 dir, struct list_head *rules)
{
	struct nlattr *tb[XSW_A_ACL_MAX + 1];
	struct xsw_acl_rule_obj *obj;
	struct nlattr *all, *nest;
	int rem, nrem, n = 0, err;

	nlmsg_for_each_attr(all, info->nlhdr, GENL_HDRLEN, rem) {
		if (nla_type(all) != XSW_A_ACL_RULES)
			continue;
		nla_for_each_nested(nest, all, nrem)
			n++;
		if (n > XSW_ACL_RULES_MAX) {
			NL_SET_ERR_MSG_ATTR(info->extack, all,
					    "too many rules (10000 per port and direction)");
			return -ENOSPC;
		}
	}
	nlmsg_for_each_attr(all, info->nlhdr, GENL_HDRLEN, rem) {
		if (nla_type(all) != XSW_A_ACL_RULES)
			continue;
		nla_for_each_nested(nest, all, nrem) {
			err = nla_parse_nested(tb, XSW_A_ACL_MAX, nest, NULL,
					       info->extack);
			if (err)
				return err;
			obj = rule_new(tb, nest, dir, info->extack);
			if (IS_ERR(obj))
				return PTR_ERR(obj);
			list_add_tail(&obj->node, rules);
		}
		cond_resched();
	}
	return 0;
}

int xsw_nl_acl_replace_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct xsw_port *port;
	LIST_HEAD(rules);
	u8 dir, def = 0;
	int err;

	if (XSW_GENL_REQUIRE(info, XSW_A_ACL_DIR, "direction is required") ||
	    XSW_GENL_REQUIRE(info, XSW_A_ACL_RULES,
			     "rules are required (an empty nest for none)"))
		return -EINVAL;
	dir = nla_get_u8(attrs[XSW_A_ACL_DIR]);
	if (attrs[XSW_A_ACL_DEFAULT])
		def = nla_get_u8(attrs[XSW_A_ACL_DEFAULT]);
	/* The rules are made outside RTNL: there may be many. */
	err = get_rules(info, dir, &rules);
	if (err) {
		xsw_acl_rules_free(&rules);
		return err;
	}

	rtnl_lock();
	port = acl_port(genl_info_net(info), attrs, info->extack);
	if (IS_ERR(port)) {
		xsw_acl_rules_free(&rules);
		err = PTR_ERR(port);
	} else {
		err = xsw_acl_replace(port, dir, &rules, def, info->extack);
	}
	rtnl_unlock();
	return err;
}

int xsw_nl_acl_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct xsw_port *port;
	int err;

	if (XSW_GENL_REQUIRE(info, XSW_A_ACL_DIR, "direction is required") ||
	    XSW_GENL_REQUIRE(info, XSW_A_ACL_DEFAULT,
			     "default action is required"))
		return -EINVAL;

	rtnl_lock();
	port = acl_port(genl_info_net(info), attrs, info->extack);
	if (IS_ERR(port))
		err = PTR_ERR(port);
	else
		err = xsw_acl_set_default(port, nla_get_u8(attrs[XSW_A_ACL_DIR]),
					  nla_get_u8(attrs[XSW_A_ACL_DEFAULT]),
					  info->extack);
	rtnl_unlock();
	return err;
}

/* --------------------------------------------------------------- dumps */

/*
 * The messages of one port, from where cb->args[2] (the direction index)
 * and cb->args[3] (0: the direction's own message next, else 1 + the rules
 * sent) say; both go back to 0 once the port is done.  @dir: 0 for both;
 * @all: the directions with no set too.
 */
static int dump_port(struct sk_buff *skb, struct netlink_callback *cb,
		     const struct xsw_port *port, u8 dir, bool all)
{
	const struct xsw_acl_set *set;
	int idx, err, start;
	long pos;

	for (idx = cb->args[2]; idx < ARRAY_SIZE(port->acl); idx++) {
		u8 d = idx + XSW_ACL_DIR_IN;

		cb->args[2] = idx;
		set = xsw_dereference(port->acl[idx]);
		if ((dir && d != dir) || (!set && !all))
			continue;
		for (pos = cb->args[3]; pos <= (set ? set->n : 0); pos++) {
			start = skb->len;
			err = acl_fill(skb, port, d, pos ? set->objs[pos - 1] : NULL,
				       XSW_CMD_ACL_GET,
				       NETLINK_CB(cb->skb).portid,
				       cb->nlh->nlmsg_seq, NLM_F_MULTI);
			if (err)
				return err;
			nl_dump_check_consistent(cb, (struct nlmsghdr *)
						 (skb->data + start));
			cb->args[3] = pos + 1;
		}
		cb->args[3] = 0;
	}
	cb->args[2] = 0;
	return 0;
}

/*
 * The ACLs of one port, or of every port of every switch in the namespace:
 * cb->args[0] counts switches done, args[1] ports done in the current one,
 * args[2] and [3] are dump_port()'s.  Rules are found by their place in
 * the set; xsw_acl_seq changes with every set.
 */
int xsw_nl_acl_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **attrs = genl_dumpit_info(cb)->attrs;
	struct net *net = sock_net(skb->sk);
	struct net_device *dev;
	struct xsw_port *port;
	long s_idx = 0, p_idx;
	int err = 0;
	u8 dir = 0;

	if (attrs[XSW_A_ACL_DIR])
		dir = nla_get_u8(attrs[XSW_A_ACL_DIR]);

	rtnl_lock();
	cb->seq = net->dev_base_seq + READ_ONCE(xsw_port_seq) +
		  READ_ONCE(xsw_acl_seq);
	if (attrs[XSW_A_ACL_PORT_IFINDEX] || attrs[XSW_A_ACL_PORT_IFNAME]) {
		port = acl_port(net, attrs, cb->extack);
		if (IS_ERR(port)) {
			err = PTR_ERR(port);
			goto out;
		}
		if (cb->args[0])
			goto out;	/* done */
		err = dump_port(skb, cb, port, dir, true);
		if (!err)
			cb->args[0] = 1;
		goto out_full;
	}

	for_each_netdev(net, dev) {
		struct xsw_switch *sw;

		if (!netif_is_xswitch(dev))
			continue;
		sw = netdev_priv(dev);
		if (s_idx++ < cb->args[0])
			continue;
		p_idx = 0;
		list_for_each_entry(port, &sw->ports, list) {
			if (p_idx++ < cb->args[1])
				continue;
			err = dump_port(skb, cb, port, dir, false);
			if (err)
				goto out_full;
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
