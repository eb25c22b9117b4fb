// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: handlers of XSW_CMD_SWITCH_NEW, _DEL, _GET and _SET.
 */

#include <net/sock.h>

#include "xswitch.h"
#include "acl_conn.h"

/* The stateful ACL connection table: its maximum and counters. */
static int put_conn(struct sk_buff *skb, const struct xsw_switch *sw)
{
	u64 evictions, expirations;
	u32 entries, max;

	if (!sw->conn)		/* only while the switch is being set up */
		return 0;
	xsw_acl_conn_stats(sw, &entries, &evictions, &expirations, &max);
	if (nla_put_u32(skb, XSW_A_SWITCH_CONN_MAX, max) ||
	    nla_put_u32(skb, XSW_A_SWITCH_CONN_ENTRIES, entries) ||
	    nla_put_u64_64bit(skb, XSW_A_SWITCH_CONN_EVICTIONS, evictions,
			      XSW_A_SWITCH_PAD) ||
	    nla_put_u64_64bit(skb, XSW_A_SWITCH_CONN_EXPIRED, expirations,
			      XSW_A_SWITCH_PAD))
		return -EMSGSIZE;
	return 0;
}

static int put_switch(struct sk_buff *skb, const struct xsw_switch *sw)
{
	const struct net_device *dev = sw->dev;

	if (nla_put_u32(skb, XSW_A_SWITCH_IFINDEX, dev->ifindex) ||
	    nla_put_string(skb, XSW_A_SWITCH_IFNAME, dev->name) ||
	    nla_put_u32(skb, XSW_A_SWITCH_MTU, dev->mtu) ||
	    nla_put(skb, XSW_A_SWITCH_ADDRESS, ETH_ALEN, dev->dev_addr) ||
	    nla_put_u8(skb, XSW_A_SWITCH_OPERSTATE,
		       netif_running(dev) ? READ_ONCE(dev->operstate) :
					    IF_OPER_DOWN) ||
	    ((dev->flags & IFF_UP) && nla_put_flag(skb, XSW_A_SWITCH_UP)) ||
	    nla_put_u32(skb, XSW_A_SWITCH_NUM_PORTS, sw->num_ports) ||
	    nla_put_u32(skb, XSW_A_SWITCH_AGEING_TIME,
			READ_ONCE(sw->fdb.ageing) / HZ) ||
	    xsw_nl_put_stats(skb, XSW_A_SWITCH_STATS, sw->stats, false) ||
	    put_conn(skb, sw) ||
	    nla_put_u16(skb, XSW_A_SWITCH_VXLAN_PORT, READ_ONCE(sw->vxlan_port)))
		return -EMSGSIZE;
	return 0;
}

int xsw_nl_switch_fill(struct sk_buff *skb, const struct xsw_switch *sw,
		       u8 cmd, u32 portid, u32 seq, int flags)
{
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &xsw_genl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (put_switch(skb, sw)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

static struct xsw_switch *switch_from_attrs(struct genl_info *info)
{
	return xsw_nl_switch(genl_info_net(info), info->attrs,
			     XSW_A_SWITCH_IFINDEX, XSW_A_SWITCH_IFNAME,
			     info->extack);
}

static int reply_switch(struct genl_info *info, const struct xsw_switch *sw,
			u8 cmd)
{
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	err = xsw_nl_switch_fill(msg, sw, cmd, info->snd_portid, info->snd_seq,
				 0);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

int xsw_nl_switch_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	const char *name = NULL;
	struct xsw_switch *sw;
	int err;

	if (info->attrs[XSW_A_SWITCH_IFNAME])
		name = nla_data(info->attrs[XSW_A_SWITCH_IFNAME]);

	rtnl_lock();
	sw = xsw_switch_create(genl_info_net(info), name, info->extack);
	if (IS_ERR(sw)) {
		err = PTR_ERR(sw);
		if (name)
			NL_SET_BAD_ATTR(info->extack,
					info->attrs[XSW_A_SWITCH_IFNAME]);
		goto out;
	}
	/* The switch exists whatever happens to the reply. */
	err = reply_switch(info, sw, XSW_CMD_SWITCH_NEW);
out:
	rtnl_unlock();
	return err;
}

int xsw_nl_switch_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct xsw_switch *sw;
	int err = 0;

	rtnl_lock();
	sw = switch_from_attrs(info);
	if (IS_ERR(sw))
		err = PTR_ERR(sw);
	else
		xsw_switch_destroy(sw);
	rtnl_unlock();
	return err;
}

int xsw_nl_switch_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct xsw_switch *sw;
	int err;

	rtnl_lock();
	sw = switch_from_attrs(info);
	if (IS_ERR(sw))
		err = PTR_ERR(sw);
	else
		err = reply_switch(info, sw, XSW_CMD_SWITCH_GET);
	rtnl_unlock();
	return err;
}

/*
 * Every switch, or the one the request names.  cb->args[0] counts the
 * switches already sent.  A switch added or removed
 * between two parts changes dev_base_seq, which flags the dump as
 * interrupted (NLM_F_DUMP_INTR) so the reader can start over.
 */
int xsw_nl_switch_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **attrs = genl_dumpit_info(cb)->attrs;
	struct net *net = sock_net(skb->sk);
	struct xsw_switch *only = NULL;
	struct net_device *dev;
	long idx = 0;
	void *hdr;

	rtnl_lock();
	/* A dump that names a switch gets that one only. */
	if (attrs[XSW_A_SWITCH_IFINDEX] || attrs[XSW_A_SWITCH_IFNAME]) {
		only = xsw_nl_switch(net, attrs, XSW_A_SWITCH_IFINDEX,
				     XSW_A_SWITCH_IFNAME, cb->extack);
		if (IS_ERR(only)) {
			rtnl_unlock();
			return PTR_ERR(only);
		}
	}
	cb->seq = net->dev_base_seq;
	for_each_netdev(net, dev) {
		if (!netif_is_xswitch(dev) || (only && dev != only->dev))
			continue;
		if (idx < cb->args[0]) {
			idx++;
			continue;
		}
		hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid,
				  cb->nlh->nlmsg_seq, &xsw_genl_family,
				  NLM_F_MULTI, XSW_CMD_SWITCH_GET);
		if (!hdr)
			break;
		genl_dump_check_consistent(cb, hdr);
		if (put_switch(skb, netdev_priv(dev))) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
		cb->args[0] = ++idx;
	}
	rtnl_unlock();

	/* The next part, if any, resumes at args[0]. */
	return skb->len;
}

/*
 * The policy bounds every setting (ageing and the connection maximum
 * alike), so once the switch is found nothing can be refused: the settings
 * are applied all together or, on a refusal, not at all.
 */
int xsw_nl_switch_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *conn_max = info->attrs[XSW_A_SWITCH_CONN_MAX];
	struct nlattr *ageing = info->attrs[XSW_A_SWITCH_AGEING_TIME];
	struct xsw_switch *sw;
	int err = 0;

	rtnl_lock();
	sw = switch_from_attrs(info);
	if (IS_ERR(sw)) {
		err = PTR_ERR(sw);
		goto out;
	}
	if (info->attrs[XSW_A_SWITCH_VXLAN_PORT]) {
		u16 old = sw->vxlan_port;

		WRITE_ONCE(sw->vxlan_port,
			   nla_get_u16(info->attrs[XSW_A_SWITCH_VXLAN_PORT]));
		/* Its tunnel device moves to the new port; first, so that a
		 * refusal changes nothing.
		 */
		err = xsw_vtun_switch_update(sw, info->extack);
		if (err) {
			WRITE_ONCE(sw->vxlan_port, old);
			goto out;
		}
	}
	if (ageing)
		xsw_fdb_set_ageing(sw, nla_get_u32(ageing));
	if (conn_max)
		xsw_acl_conn_set_max(sw, nla_get_u32(conn_max));
	xsw_nl_notify_switch(sw, XSW_CMD_SWITCH_SET);
out:
	rtnl_unlock();
	return err;
}
