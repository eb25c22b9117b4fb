// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: handlers of XSW_CMD_PORT_NEW, _DEL, _GET and _SET.
 */

#include <linux/etherdevice.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "xswitch.h"

/* XSW_A_PORT_VLANS: bit N of the byte string is VLAN N, LSB first. */
static int put_vlans(struct sk_buff *skb, const struct xsw_port_policy *pol)
{
	struct nlattr *a;
	u8 *bytes;
	int vid;

	a = nla_reserve(skb, XSW_A_PORT_VLANS, XSW_VLAN_BITMAP_LEN);
	if (!a)
		return -EMSGSIZE;
	bytes = nla_data(a);
	memset(bytes, 0, XSW_VLAN_BITMAP_LEN);
	for_each_set_bit(vid, pol->vlans, VLAN_N_VID)
		bytes[vid / 8] |= BIT(vid % 8);
	return 0;
}

static void get_vlans(const struct nlattr *a, unsigned long *vlans)
{
	const u8 *bytes = nla_data(a);
	int vid;

	bitmap_zero(vlans, VLAN_N_VID);
	for (vid = 0; vid < VLAN_N_VID; vid++)
		if (bytes[vid / 8] & BIT(vid % 8))
			__set_bit(vid, vlans);
}

int xsw_nl_port_fill(struct sk_buff *skb, const struct xsw_port *port,
		     u8 cmd, u32 portid, u32 seq, int flags)
{
	const struct xsw_port_policy *pol = rtnl_dereference(port->policy);
	const struct net_device *sw_dev = port->sw->dev;
	const struct net_device *dev = port->dev;
	u64 mac = READ_ONCE(port->mac);
	u8 addr[ETH_ALEN];
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &xsw_genl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;

	if (nla_put_u32(skb, XSW_A_PORT_IFINDEX, dev->ifindex) ||
	    nla_put_string(skb, XSW_A_PORT_IFNAME, dev->name) ||
	    nla_put_u32(skb, XSW_A_PORT_SWITCH_IFINDEX, sw_dev->ifindex) ||
	    nla_put_string(skb, XSW_A_PORT_SWITCH_IFNAME, sw_dev->name) ||
	    nla_put_u8(skb, XSW_A_PORT_TYPE, port->type) ||
	    nla_put_u8(skb, XSW_A_PORT_VLAN_MODE, pol->vlan_mode) ||
	    nla_put_u16(skb, XSW_A_PORT_PVID, pol->pvid) ||
	    nla_put_u16(skb, XSW_A_PORT_NATIVE_VLAN, pol->native) ||
	    put_vlans(skb, pol) ||
	    nla_put_u8(skb, XSW_A_PORT_MAC_SPOOFING, pol->mac_spoofing) ||
	    nla_put_u8(skb, XSW_A_PORT_DHCP_GUARD, pol->dhcp_guard) ||
	    nla_put_u8(skb, XSW_A_PORT_ROUTER_GUARD, pol->router_guard) ||
	    nla_put_u8(skb, XSW_A_PORT_ISOLATED, pol->isolated) ||
	    nla_put_u32(skb, XSW_A_PORT_LEARN_LIMIT, pol->learn_limit) ||
	    nla_put_u32(skb, XSW_A_PORT_LEARNED, READ_ONCE(port->learned)) ||
	    nla_put_u8(skb, XSW_A_PORT_CARRIER, netif_carrier_ok(dev)) ||
	    nla_put_u32(skb, XSW_A_PORT_MTU, dev->mtu) ||
	    xsw_nl_put_stats(skb, XSW_A_PORT_STATS, port->stats, true))
		goto err_cancel;
	if (mac) {
		u64_to_ether_addr(mac, addr);
		if (nla_put(skb, XSW_A_PORT_MAC, ETH_ALEN, addr))
			goto err_cancel;
	}
	genlmsg_end(skb, hdr);
	return 0;

err_cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/*
 * The port named by the request, on the switch it names if it names one;
 * or an ERR_PTR with extack set.
 */
static struct xsw_port *port_find(struct net *net, struct nlattr **attrs,
				  struct netlink_ext_ack *extack)
{
	return xsw_nl_port_on(net, attrs, XSW_A_PORT_IFINDEX, XSW_A_PORT_IFNAME,
			      XSW_A_PORT_SWITCH_IFINDEX,
			      XSW_A_PORT_SWITCH_IFNAME, extack);
}

static struct xsw_port *port_from_attrs(struct genl_info *info)
{
	return port_find(genl_info_net(info), info->attrs, info->extack);
}

static int reply_port(struct genl_info *info, const struct xsw_port *port,
		      u8 cmd)
{
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	err = xsw_nl_port_fill(msg, port, cmd, info->snd_portid,
			       info->snd_seq, 0);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

static struct xsw_port *port_new(struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	u8 type = XSW_PORT_TYPE_VM;
	struct net_device *dev;
	struct xsw_switch *sw;

	sw = xsw_nl_switch(genl_info_net(info), attrs,
			   XSW_A_PORT_SWITCH_IFINDEX, XSW_A_PORT_SWITCH_IFNAME,
			   info->extack);
	if (IS_ERR(sw))
		return ERR_CAST(sw);
	if (attrs[XSW_A_PORT_TYPE])
		type = nla_get_u8(attrs[XSW_A_PORT_TYPE]);

	if (type == XSW_PORT_TYPE_INTERNAL) {
		if (attrs[XSW_A_PORT_IFINDEX]) {
			NL_SET_ERR_MSG_ATTR(info->extack,
					    attrs[XSW_A_PORT_IFINDEX],
					    "an internal port is named, not an existing device");
			return ERR_PTR(-EINVAL);
		}
		if (XSW_GENL_REQUIRE(info, XSW_A_PORT_IFNAME,
				     "an internal port needs a name"))
			return ERR_PTR(-EINVAL);
		return xsw_iport_create(sw, nla_data(attrs[XSW_A_PORT_IFNAME]),
					info->extack);
	}

	dev = xsw_nl_dev(genl_info_net(info), attrs, XSW_A_PORT_IFINDEX,
			 XSW_A_PORT_IFNAME, "port device ifindex or name is required",
			 info->extack);
	if (IS_ERR(dev))
		return ERR_CAST(dev);
	return xsw_port_add(sw, dev, type, info->extack);
}

int xsw_nl_port_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct xsw_port *port;
	int err;

	rtnl_lock();
	port = port_new(info);
	if (IS_ERR(port))
		err = PTR_ERR(port);
	else
		err = reply_port(info, port, XSW_CMD_PORT_NEW);
	rtnl_unlock();
	return err;
}

int xsw_nl_port_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net_device *dev;
	struct xsw_port *port;
	int err = 0;

	rtnl_lock();
	port = port_from_attrs(info);
	if (IS_ERR(port)) {
		err = PTR_ERR(port);
	} else if (port->type == XSW_PORT_TYPE_HOST) {
		NL_SET_ERR_MSG(info->extack,
			       "the host port goes only with its switch");
		err = -EOPNOTSUPP;
	} else {
		dev = port->dev;
		xsw_port_del(port);
		/* An internal port's netdevice is ours, and goes with it. */
		if (netif_is_xsw_iport(dev))
			unregister_netdevice(dev);
	}
	rtnl_unlock();
	return err;
}

int xsw_nl_port_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct xsw_port *port;
	int err;

	rtnl_lock();
	port = port_from_attrs(info);
	if (IS_ERR(port))
		err = PTR_ERR(port);
	else
		err = reply_port(info, port, XSW_CMD_PORT_GET);
	rtnl_unlock();
	return err;
}

/*
 * Every port of every switch in the namespace, or of the switch the
 * request names.  cb->args[0] counts switches done, args[1] ports done in
 * the current one; xsw_port_seq changes with every port added or removed.
 */
int xsw_nl_port_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **attrs = genl_dumpit_info(cb)->attrs;
	struct net *net = sock_net(skb->sk);
	struct xsw_switch *only = NULL;
	struct net_device *dev;
	struct xsw_port *port;
	long s_idx = 0, p_idx;
	int err = 0;

	rtnl_lock();
	if (attrs[XSW_A_PORT_IFINDEX] || attrs[XSW_A_PORT_IFNAME]) {
		/* One port, as a do would give it. */
		port = port_find(net, attrs, cb->extack);
		if (IS_ERR(port)) {
			err = PTR_ERR(port);
			goto out;
		}
		if (!cb->args[0]) {
			err = xsw_nl_port_fill(skb, port, XSW_CMD_PORT_GET,
					       NETLINK_CB(cb->skb).portid,
					       cb->nlh->nlmsg_seq, NLM_F_MULTI);
			cb->args[0] = 1;
		}
		goto out_full;
	}
	if (attrs[XSW_A_PORT_SWITCH_IFINDEX] || attrs[XSW_A_PORT_SWITCH_IFNAME]) {
		only = xsw_nl_switch(net, attrs, XSW_A_PORT_SWITCH_IFINDEX,
				     XSW_A_PORT_SWITCH_IFNAME, cb->extack);
		if (IS_ERR(only)) {
			err = PTR_ERR(only);
			goto out;
		}
	}
	cb->seq = net->dev_base_seq + READ_ONCE(xsw_port_seq);

	for_each_netdev(net, dev) {
		struct xsw_switch *sw;

		if (!netif_is_xswitch(dev))
			continue;
		sw = netdev_priv(dev);
		if (only && sw != only)
			continue;
		if (s_idx++ < cb->args[0])
			continue;
		p_idx = 0;
		list_for_each_entry(port, &sw->ports, list) {
			int start = skb->len;

			if (p_idx++ < cb->args[1])
				continue;
			err = xsw_nl_port_fill(skb, port, XSW_CMD_PORT_GET,
					       NETLINK_CB(cb->skb).portid,
					       cb->nlh->nlmsg_seq, NLM_F_MULTI);
			if (err)
				goto out_full;
			nl_dump_check_consistent(cb, (struct nlmsghdr *)
						 (skb->data + start));
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

/* Do @a and @b put a frame in the same VLANs? */
static bool same_vlans(const struct xsw_port_policy *a,
		       const struct xsw_port_policy *b)
{
	if (a->vlan_mode != b->vlan_mode)
		return false;
	if (a->vlan_mode == XSW_VLAN_MODE_ACCESS)
		return a->pvid == b->pvid;
	return a->native == b->native &&
	       bitmap_equal(a->vlans, b->vlans, VLAN_N_VID);
}

/* Apply the request to @pol; false, with extack set, if it cannot be. */
static bool policy_update(struct genl_info *info,
			  struct xsw_port_policy *pol)
{
	struct nlattr **attrs = info->attrs;
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr *a;

	if (attrs[XSW_A_PORT_VLAN_MODE])
		pol->vlan_mode = nla_get_u8(attrs[XSW_A_PORT_VLAN_MODE]);
	if (pol->vlan_mode == XSW_VLAN_MODE_TRUNK && attrs[XSW_A_PORT_PVID]) {
		NL_SET_ERR_MSG_ATTR(extack, attrs[XSW_A_PORT_PVID],
				    "pvid is for access mode; a trunk has a native vlan");
		return false;
	}
	a = attrs[XSW_A_PORT_VLANS] ?: attrs[XSW_A_PORT_NATIVE_VLAN];
	if (pol->vlan_mode == XSW_VLAN_MODE_ACCESS && a) {
		NL_SET_ERR_MSG_ATTR(extack, a,
				    "vlans and native vlan are for trunk mode");
		return false;
	}
	if (attrs[XSW_A_PORT_PVID])
		pol->pvid = nla_get_u16(attrs[XSW_A_PORT_PVID]);
	if (attrs[XSW_A_PORT_NATIVE_VLAN])
		pol->native = nla_get_u16(attrs[XSW_A_PORT_NATIVE_VLAN]);
	a = attrs[XSW_A_PORT_VLANS];
	if (a) {
		get_vlans(a, pol->vlans);
		if (test_bit(0, pol->vlans) || test_bit(VLAN_N_VID - 1, pol->vlans)) {
			NL_SET_ERR_MSG_ATTR(extack, a,
					    "vlans 0 and 4095 are reserved");
			return false;
		}
	}
	/* A trunk carries its native VLAN as one of its VLANs, untagged. */
	if (pol->vlan_mode == XSW_VLAN_MODE_TRUNK && pol->native &&
	    !test_bit(pol->native, pol->vlans)) {
		NL_SET_ERR_MSG_ATTR(extack, attrs[XSW_A_PORT_NATIVE_VLAN] ?:
				    attrs[XSW_A_PORT_VLANS] ?:
				    attrs[XSW_A_PORT_VLAN_MODE],
				    "the native vlan must be one of the trunk's vlans");
		return false;
	}
	if (attrs[XSW_A_PORT_MAC_SPOOFING])
		pol->mac_spoofing = nla_get_u8(attrs[XSW_A_PORT_MAC_SPOOFING]);
	if (attrs[XSW_A_PORT_DHCP_GUARD])
		pol->dhcp_guard = nla_get_u8(attrs[XSW_A_PORT_DHCP_GUARD]);
	if (attrs[XSW_A_PORT_ROUTER_GUARD])
		pol->router_guard = nla_get_u8(attrs[XSW_A_PORT_ROUTER_GUARD]);
	if (attrs[XSW_A_PORT_ISOLATED])
		pol->isolated = nla_get_u8(attrs[XSW_A_PORT_ISOLATED]);
	if (attrs[XSW_A_PORT_LEARN_LIMIT])
		pol->learn_limit = nla_get_u32(attrs[XSW_A_PORT_LEARN_LIMIT]);
	return true;
}

int xsw_nl_port_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *mac = info->attrs[XSW_A_PORT_MAC];
	struct xsw_port_policy *pol;
	struct xsw_port *port;
	bool vlans;
	int err = 0;

	rtnl_lock();
	port = port_from_attrs(info);
	if (IS_ERR(port)) {
		err = PTR_ERR(port);
		goto out;
	}
	if (mac && !is_zero_ether_addr(nla_data(mac)) &&
	    !is_valid_ether_addr(nla_data(mac))) {
		NL_SET_ERR_MSG_ATTR(info->extack, mac,
				    "mac must be a unicast address");
		err = -EINVAL;
		goto out;
	}
	pol = xsw_port_policy_dup(port);
	if (!pol) {
		err = -ENOMEM;
		goto out;
	}
	if (!policy_update(info, pol)) {
		kfree(pol);
		err = -EINVAL;
		goto out;
	}
	/* Nothing can fail from here: all of the change, or none of it. */
	vlans = !same_vlans(xsw_dereference(port->policy), pol);
	xsw_port_policy_set(port, pol);
	if (vlans) {
		/*
		 * Its entries in VLANs it left go, once no frame classified
		 * by the old policy can learn one of them again.
		 */
		synchronize_net();
		xsw_fdb_port_vlans(port);
	}
	if (mac)
		xsw_port_set_mac(port, is_zero_ether_addr(nla_data(mac)) ?
				 NULL : nla_data(mac));
	xsw_nl_notify_port(port, XSW_CMD_PORT_SET);
out:
	rtnl_unlock();
	return err;
}
