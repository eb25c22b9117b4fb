// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: handlers of XSW_CMD_FDB_NEW, _DEL, _GET (dump) and _FLUSH.
 */

#include <linux/etherdevice.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "xswitch.h"
#include "fdb.h"

static struct xsw_switch *fdb_switch(struct net *net, struct nlattr **attrs,
				     struct netlink_ext_ack *extack)
{
	return xsw_nl_switch(net, attrs, XSW_A_FDB_SWITCH_IFINDEX,
			     XSW_A_FDB_SWITCH_IFNAME, extack);
}

/* The port the request names, which must be on @sw. */
static struct xsw_port *fdb_port(struct xsw_switch *sw, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct net_device *dev;
	struct xsw_port *port;

	dev = xsw_nl_dev(genl_info_net(info), attrs, XSW_A_FDB_PORT_IFINDEX,
			 XSW_A_FDB_PORT_IFNAME, "port ifindex or name is required",
			 info->extack);
	if (IS_ERR(dev))
		return ERR_CAST(dev);
	port = xsw_port_from_dev(dev);
	if (!port || port->sw != sw) {
		NL_SET_ERR_MSG_ATTR(info->extack,
				    attrs[XSW_A_FDB_PORT_IFINDEX] ?:
				    attrs[XSW_A_FDB_PORT_IFNAME],
				    "device is not a port of this switch");
		return ERR_PTR(-EINVAL);
	}
	return port;
}

int xsw_nl_fdb_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	const struct xsw_port_policy *pol;
	struct xsw_switch *sw;
	struct xsw_port *port;
	u16 vlan;
	int err;

	if (XSW_GENL_REQUIRE(info, XSW_A_FDB_MAC, "mac is required"))
		return -EINVAL;
	if (!is_valid_ether_addr(nla_data(attrs[XSW_A_FDB_MAC]))) {
		NL_SET_ERR_MSG_ATTR(info->extack, attrs[XSW_A_FDB_MAC],
				    "mac must be a unicast address");
		return -EINVAL;
	}

	rtnl_lock();
	sw = fdb_switch(genl_info_net(info), attrs, info->extack);
	if (IS_ERR(sw)) {
		err = PTR_ERR(sw);
		goto out;
	}
	port = fdb_port(sw, info);
	if (IS_ERR(port)) {
		err = PTR_ERR(port);
		goto out;
	}
	/* Without a VLAN, the one the port's untagged frames are in. */
	pol = rtnl_dereference(port->policy);
	if (attrs[XSW_A_FDB_VLAN])
		vlan = nla_get_u16(attrs[XSW_A_FDB_VLAN]);
	else
		vlan = pol->vlan_mode == XSW_VLAN_MODE_ACCESS ? pol->pvid :
							       pol->native;
	if (!vlan) {
		NL_SET_ERR_MSG(info->extack,
			       "vlan is required: the trunk port has no native vlan");
		err = -EINVAL;
		goto out;
	}
	if (!xsw_vlan_member(pol, vlan)) {
		NL_SET_ERR_MSG_ATTR(info->extack, attrs[XSW_A_FDB_VLAN],
				    "the port does not carry this vlan");
		err = -EINVAL;
		goto out;
	}
	err = xsw_fdb_add_static(sw, port, nla_data(attrs[XSW_A_FDB_MAC]),
				 vlan, info->extack);
out:
	rtnl_unlock();
	return err;
}

/* The port the request names, if it names one (else NULL). */
static struct xsw_port *fdb_port_filter(struct xsw_switch *sw,
					struct genl_info *info)
{
	if (!info->attrs[XSW_A_FDB_PORT_IFINDEX] &&
	    !info->attrs[XSW_A_FDB_PORT_IFNAME])
		return NULL;
	return fdb_port(sw, info);
}

static u16 fdb_vlan(struct nlattr **attrs)
{
	return attrs[XSW_A_FDB_VLAN] ? nla_get_u16(attrs[XSW_A_FDB_VLAN]) : 0;
}

int xsw_nl_fdb_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct xsw_switch *sw;
	struct xsw_port *port;
	int err;

	if (XSW_GENL_REQUIRE(info, XSW_A_FDB_MAC, "mac is required"))
		return -EINVAL;

	rtnl_lock();
	sw = fdb_switch(genl_info_net(info), attrs, info->extack);
	if (IS_ERR(sw)) {
		err = PTR_ERR(sw);
		goto out;
	}
	port = fdb_port_filter(sw, info);
	if (IS_ERR(port)) {
		err = PTR_ERR(port);
		goto out;
	}
	/* No VLAN given: the MAC in every VLAN (on the port, if given). */
	err = xsw_fdb_del(sw, port, nla_data(attrs[XSW_A_FDB_MAC]),
			  fdb_vlan(attrs), info->extack);
	if (err)
		NL_SET_BAD_ATTR(info->extack, attrs[XSW_A_FDB_MAC]);
out:
	rtnl_unlock();
	return err;
}

static int fdb_fill(struct sk_buff *skb, const struct xsw_fdb_entry *f,
		    u32 portid, u32 seq)
{
	const struct xsw_port *port = rcu_dereference(f->port);
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &xsw_genl_family, NLM_F_MULTI,
			  XSW_CMD_FDB_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, XSW_A_FDB_SWITCH_IFINDEX, port->sw->dev->ifindex) ||
	    nla_put_string(skb, XSW_A_FDB_SWITCH_IFNAME, port->sw->dev->name) ||
	    nla_put(skb, XSW_A_FDB_MAC, ETH_ALEN, f->key.mac) ||
	    nla_put_u16(skb, XSW_A_FDB_VLAN, f->key.vlan) ||
	    nla_put_u32(skb, XSW_A_FDB_PORT_IFINDEX, port->dev->ifindex) ||
	    nla_put_string(skb, XSW_A_FDB_PORT_IFNAME, port->dev->name) ||
	    (f->is_static && nla_put_flag(skb, XSW_A_FDB_STATIC)) ||
	    nla_put_u32(skb, XSW_A_FDB_AGE,
			jiffies_to_msecs(jiffies - READ_ONCE(f->updated)))) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/*
 * The entries of one switch.  cb->args[0] counts entries sent; the FDB's
 * seq changes with every entry added, moved or removed.
 */
int xsw_nl_fdb_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **attrs = genl_dumpit_info(cb)->attrs;
	struct xsw_fdb_entry *f;
	struct xsw_switch *sw;
	long idx = 0;
	int err = 0;

	rtnl_lock();
	sw = fdb_switch(sock_net(skb->sk), attrs, cb->extack);
	if (IS_ERR(sw)) {
		err = PTR_ERR(sw);
		goto out;
	}
	cb->seq = READ_ONCE(sw->fdb.seq);
	rcu_read_lock();
	hlist_for_each_entry_rcu(f, &sw->fdb.all, list) {
		int start = skb->len;

		if (idx++ < cb->args[0])
			continue;
		if (fdb_fill(skb, f, NETLINK_CB(cb->skb).portid,
			     cb->nlh->nlmsg_seq))
			break;
		nl_dump_check_consistent(cb, (struct nlmsghdr *)
					 (skb->data + start));
		cb->args[0] = idx;
	}
	rcu_read_unlock();
	err = skb->len;
out:
	rtnl_unlock();
	return err;
}

/* Every attribute but the switch narrows what is flushed. */
int xsw_nl_fdb_flush_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct xsw_fdb_filter flt = {
		.vlan		= fdb_vlan(attrs),
		.with_static	= nla_get_flag(attrs[XSW_A_FDB_STATIC]),
	};
	struct xsw_switch *sw;
	struct xsw_port *port;
	int err = 0;

	if (attrs[XSW_A_FDB_MAC])
		flt.mac = nla_data(attrs[XSW_A_FDB_MAC]);

	rtnl_lock();
	sw = fdb_switch(genl_info_net(info), attrs, info->extack);
	if (IS_ERR(sw)) {
		err = PTR_ERR(sw);
		goto out;
	}
	port = fdb_port_filter(sw, info);
	if (IS_ERR(port)) {
		err = PTR_ERR(port);
		goto out;
	}
	flt.port = port;
	xsw_fdb_flush_match(sw, &flt);
out:
	rtnl_unlock();
	return err;
}
