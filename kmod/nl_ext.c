// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: handlers of XSW_CMD_EXT_GET, _ATTACH, _SET and _DETACH, and the
 * conversion of extension options to and from attributes.
 */

#include <linux/etherdevice.h>
#include <linux/socket.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "xswitch.h"

/*
 * STRING and BINARY: the declared longest, 0 meaning the most the
 * attribute holds (a string's NUL takes one byte of it).
 */
static u32 opt_max_len(const struct xsw_ext_option *opt)
{
	if (opt->max)
		return opt->max;
	return XSW_EXT_OPT_MAX_LEN - (opt->type == XSW_EXT_OPT_STRING);
}

static int put_decl(struct sk_buff *skb, const struct xsw_ext_option *opt)
{
	struct nlattr *nest = nla_nest_start(skb, XSW_A_EXT_OPTION);

	if (!nest ||
	    nla_put_string(skb, XSW_A_EXT_OPT_NAME, opt->name) ||
	    nla_put_u8(skb, XSW_A_EXT_OPT_TYPE, opt->type) ||
	    (opt->help && nla_put_string(skb, XSW_A_EXT_OPT_HELP, opt->help)))
		goto err;
	switch (opt->type) {
	case XSW_EXT_OPT_U32:
		if (nla_put_u32(skb, XSW_A_EXT_OPT_RANGE_MIN, opt->min) ||
		    nla_put_u32(skb, XSW_A_EXT_OPT_RANGE_MAX, opt->max) ||
		    nla_put_u32(skb, XSW_A_EXT_OPT_DEFAULT, opt->def))
			goto err;
		break;
	case XSW_EXT_OPT_BOOL:
		if (nla_put_u32(skb, XSW_A_EXT_OPT_DEFAULT, opt->def))
			goto err;
		break;
	case XSW_EXT_OPT_STRING:
	case XSW_EXT_OPT_BINARY:
		if (nla_put_u32(skb, XSW_A_EXT_OPT_RANGE_MAX, opt_max_len(opt)))
			goto err;
		break;
	}
	nla_nest_end(skb, nest);
	return 0;
err:
	if (nest)
		nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

static int put_value(struct sk_buff *skb, const struct xsw_ext_option *opt,
		     const struct xsw_ext_value *v)
{
	u8 on = v->on;

	switch (opt->type) {
	case XSW_EXT_OPT_U32:
		return nla_put_u32(skb, XSW_A_EXT_OPT_VALUE, v->u32);
	case XSW_EXT_OPT_BOOL:
		return nla_put_u8(skb, XSW_A_EXT_OPT_VALUE, on);
	case XSW_EXT_OPT_STRING:
		return nla_put_string(skb, XSW_A_EXT_OPT_VALUE, v->str);
	case XSW_EXT_OPT_BINARY:
		return nla_put(skb, XSW_A_EXT_OPT_VALUE, v->len, v->bin);
	case XSW_EXT_OPT_MAC:
		return nla_put(skb, XSW_A_EXT_OPT_VALUE, ETH_ALEN, v->mac);
	case XSW_EXT_OPT_IP:
		if (v->ip.family == AF_INET)
			return nla_put_in_addr(skb, XSW_A_EXT_OPT_VALUE,
					       v->ip.v4);
		if (v->ip.family == AF_INET6)
			return nla_put_in6_addr(skb, XSW_A_EXT_OPT_VALUE,
						&v->ip.v6);
		return nla_put(skb, XSW_A_EXT_OPT_VALUE, 0, NULL);
	}
	return -EINVAL;
}

/* XSW_A_EXT_OPTIONS: the declarations, or with @ext its current values. */
static int put_options(struct sk_buff *skb, const struct xsw_ext_ops *ops,
		       const struct xsw_ext *ext)
{
	struct nlattr *nest, *opt;
	unsigned int i;

	nest = nla_nest_start(skb, XSW_A_EXT_OPTIONS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < ops->n_options; i++) {
		if (!ext) {
			if (put_decl(skb, &ops->options[i]))
				goto err;
			continue;
		}
		opt = nla_nest_start(skb, XSW_A_EXT_OPTION);
		if (!opt ||
		    nla_put_string(skb, XSW_A_EXT_OPT_NAME, ops->options[i].name) ||
		    nla_put_u8(skb, XSW_A_EXT_OPT_TYPE, ops->options[i].type) ||
		    put_value(skb, &ops->options[i], &ext->values[i]))
			goto err;
		nla_nest_end(skb, opt);
	}
	nla_nest_end(skb, nest);
	return 0;
err:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

static int put_stats(struct sk_buff *skb, const struct xsw_ext *ext)
{
	u64 sum[XSW_A_EXT_STATS_MAX - XSW_A_EXT_STATS_INGRESS + 1];
	struct nlattr *nest;
	int i;

	xsw_ext_stats_sum(ext, sum);
	nest = nla_nest_start(skb, XSW_A_EXT_STATS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < ARRAY_SIZE(sum); i++) {
		if (nla_put_u64_64bit(skb, XSW_A_EXT_STATS_INGRESS + i, sum[i],
				      XSW_A_EXT_STATS_PAD)) {
			nla_nest_cancel(skb, nest);
			return -EMSGSIZE;
		}
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int put_attachment(struct sk_buff *skb, const struct xsw_ext *ext)
{
	const struct net_device *sw_dev = ext->sw->dev;
	struct nlattr *nest = nla_nest_start(skb, XSW_A_EXT_ATTACHMENT);

	if (!nest ||
	    nla_put_u32(skb, XSW_A_EXT_SWITCH_IFINDEX, sw_dev->ifindex) ||
	    nla_put_string(skb, XSW_A_EXT_SWITCH_IFNAME, sw_dev->name) ||
	    nla_put_u32(skb, XSW_A_EXT_PRIORITY, ext->priority) ||
	    put_options(skb, ext->ops, ext) ||
	    put_stats(skb, ext)) {
		if (nest)
			nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/*
 * One extension and its attachments in @net: all of them, those to @only_sw,
 * or only @only_ext.  Context: RTNL held.
 */
static int fill(struct sk_buff *skb, const struct xsw_ext_reg *t,
		const struct net *net, const struct xsw_switch *only_sw,
		const struct xsw_ext *only_ext, u8 cmd, u32 portid, u32 seq,
		int flags)
{
	const struct xsw_ext_ops *ops = t->ops;
	struct nlattr *attached;
	struct xsw_ext *ext;
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &xsw_genl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_string(skb, XSW_A_EXT_NAME, ops->name) ||
	    nla_put_u8(skb, XSW_A_EXT_TYPE, ops->type) ||
	    (ops->description &&
	     nla_put_string(skb, XSW_A_EXT_DESCRIPTION, ops->description)) ||
	    (ops->version &&
	     nla_put_string(skb, XSW_A_EXT_VERSION, ops->version)) ||
	    put_options(skb, ops, NULL))
		goto err_cancel;

	attached = nla_nest_start(skb, XSW_A_EXT_ATTACHMENTS);
	if (!attached)
		goto err_cancel;
	list_for_each_entry(ext, &t->attached, type_node) {
		if (!net_eq(dev_net(ext->sw->dev), net) ||
		    (only_sw && ext->sw != only_sw) ||
		    (only_ext && ext != only_ext))
			continue;
		if (put_attachment(skb, ext))
			goto err_cancel;
	}
	nla_nest_end(skb, attached);
	genlmsg_end(skb, hdr);
	return 0;

err_cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/* For notifications: the extension and the one attachment @ext. */
int xsw_nl_ext_fill_one(struct sk_buff *skb, const struct xsw_ext *ext,
			u8 cmd, u32 portid, u32 seq, int flags)
{
	return fill(skb, xsw_ext_reg_find(ext->ops->name),
		    dev_net(ext->sw->dev), NULL, ext, cmd, portid, seq, flags);
}

/* The switch the request names, if it names one (else NULL). */
static struct xsw_switch *switch_filter(struct net *net, struct nlattr **attrs,
					struct netlink_ext_ack *extack)
{
	if (!attrs[XSW_A_EXT_SWITCH_IFINDEX] && !attrs[XSW_A_EXT_SWITCH_IFNAME])
		return NULL;
	return xsw_nl_switch(net, attrs, XSW_A_EXT_SWITCH_IFINDEX,
			     XSW_A_EXT_SWITCH_IFNAME, extack);
}

int xsw_nl_ext_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct xsw_switch *only;
	struct xsw_ext_reg *t;
	struct sk_buff *msg;
	int err;

	size_t size = NLMSG_GOODSIZE;

	if (XSW_GENL_REQUIRE(info, XSW_A_EXT_NAME, "extension name is required"))
		return -EINVAL;
again:
	msg = genlmsg_new(size, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	rtnl_lock();
	t = xsw_ext_reg_find(nla_data(info->attrs[XSW_A_EXT_NAME]));
	if (!t) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[XSW_A_EXT_NAME],
				    "no extension of that name is registered");
		err = -ENOENT;
		goto err_unlock;
	}
	only = switch_filter(net, info->attrs, info->extack);
	if (IS_ERR(only)) {
		err = PTR_ERR(only);
		goto err_unlock;
	}
	err = fill(msg, t, net, only, NULL, XSW_CMD_EXT_GET, info->snd_portid,
		   info->snd_seq, 0);
	rtnl_unlock();
	if (err) {
		nlmsg_free(msg);
		/* Many attachments: a bigger message, up to 1 MiB. */
		if (err == -EMSGSIZE && size < SZ_1M) {
			size *= 4;
			goto again;
		}
		return err;
	}
	return genlmsg_reply(msg, info);

err_unlock:
	rtnl_unlock();
	nlmsg_free(msg);
	return err;
}

/*
 * Every registered extension, or the one XSW_A_EXT_NAME names (a dump
 * that names one gets what a do would).  cb->args[0] counts those already
 * sent;
 * xsw_ext_seq changes with every registration, attach and detach.
 */
int xsw_nl_ext_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **attrs = genl_dumpit_info(cb)->attrs;
	struct nlattr *name = attrs[XSW_A_EXT_NAME];
	struct net *net = sock_net(skb->sk);
	struct xsw_switch *only;
	struct xsw_ext_reg *t;
	long idx = 0;
	int err = 0;

	rtnl_lock();
	only = switch_filter(net, attrs, cb->extack);
	if (IS_ERR(only)) {
		err = PTR_ERR(only);
		goto out;
	}
	if (name && !xsw_ext_reg_find(nla_data(name))) {
		NL_SET_ERR_MSG_ATTR(cb->extack, name,
				    "no extension of that name is registered");
		err = -ENOENT;
		goto out;
	}
	cb->seq = xsw_ext_seq;
	list_for_each_entry(t, &xsw_ext_types, node) {
		int start = skb->len;

		if (name && nla_strcmp(name, t->ops->name))
			continue;
		if (idx++ < cb->args[0])
			continue;
		err = fill(skb, t, net, only, NULL, XSW_CMD_EXT_GET,
			   NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			   NLM_F_MULTI);
		if (err)
			break;
		nl_dump_check_consistent(cb, (struct nlmsghdr *)
					 (skb->data + start));
		cb->args[0] = idx;
	}
	err = skb->len ? skb->len : err;
out:
	rtnl_unlock();
	return err;
}

/* One XSW_A_EXT_OPT_VALUE into @v, checked against its declaration. */
static int parse_value(const struct xsw_ext_option *opt,
		       const struct nlattr *a, struct xsw_ext_value *v,
		       struct netlink_ext_ack *extack)
{
	const void *data = nla_data(a);
	int len = nla_len(a);

	memset(v, 0, sizeof(*v));
	switch (opt->type) {
	case XSW_EXT_OPT_U32:
		if (len != sizeof(u32))
			goto err_len;
		v->u32 = nla_get_u32(a);
		if (v->u32 < opt->min || v->u32 > opt->max) {
			NL_SET_ERR_MSG_ATTR(extack, a, "option value is out of the option's range");
			return -ERANGE;
		}
		return 0;
	case XSW_EXT_OPT_BOOL:
		if (len != 1 || *(u8 *)data > 1)
			goto err_len;
		v->on = *(u8 *)data;
		return 0;
	case XSW_EXT_OPT_STRING:
		if (!len || memchr(data, 0, len) != data + len - 1)
			goto err_len;
		if (len - 1 > opt_max_len(opt)) {
			NL_SET_ERR_MSG_ATTR(extack, a, "option string is too long");
			return -E2BIG;
		}
		memcpy(v->str, data, len);
		v->len = len - 1;
		return 0;
	case XSW_EXT_OPT_BINARY:
		if (len > opt_max_len(opt)) {
			NL_SET_ERR_MSG_ATTR(extack, a, "option value is too long");
			return -E2BIG;
		}
		memcpy(v->bin, data, len);
		v->len = len;
		return 0;
	case XSW_EXT_OPT_MAC:
		if (len != ETH_ALEN)
			goto err_len;
		ether_addr_copy(v->mac, data);
		return 0;
	case XSW_EXT_OPT_IP:
		if (len == sizeof(v->ip.v4)) {
			v->ip.family = AF_INET;
			memcpy(&v->ip.v4, data, len);
		} else if (len == sizeof(v->ip.v6)) {
			v->ip.family = AF_INET6;
			memcpy(&v->ip.v6, data, len);
		} else if (len) {
			goto err_len;
		}
		return 0;
	}
err_len:
	NL_SET_ERR_MSG_ATTR(extack, a, "option value does not fit the option's type");
	return -EINVAL;
}

/* Applies the XSW_A_EXT_OPTIONS of a request to @values. */
static int parse_options(const struct xsw_ext_ops *ops,
			 const struct nlattr *nest, struct xsw_ext_value *values,
			 struct netlink_ext_ack *extack)
{
	struct nlattr *tb[XSW_A_EXT_OPT_MAX + 1];
	const struct nlattr *opt;
	unsigned int i;
	int rem, err;

	nla_for_each_nested(opt, nest, rem) {
		/* The policy has checked the nests; this only splits them. */
		err = nla_parse_nested(tb, XSW_A_EXT_OPT_MAX, opt, NULL, extack);
		if (err)
			return err;
		if (!tb[XSW_A_EXT_OPT_NAME] || !tb[XSW_A_EXT_OPT_VALUE]) {
			NL_SET_ERR_MSG_ATTR(extack, opt, "an option needs a name and a value");
			return -EINVAL;
		}
		for (i = 0; i < ops->n_options; i++)
			if (!nla_strcmp(tb[XSW_A_EXT_OPT_NAME], ops->options[i].name))
				break;
		if (i == ops->n_options) {
			NL_SET_ERR_MSG_ATTR(extack, tb[XSW_A_EXT_OPT_NAME],
					    "extension has no option of that name");
			return -EINVAL;
		}
		err = parse_value(&ops->options[i], tb[XSW_A_EXT_OPT_VALUE],
				  &values[i], extack);
		if (err)
			return err;
	}
	return 0;
}

static struct xsw_ext_value *values_alloc(const struct xsw_ext_ops *ops)
{
	return kcalloc(max(ops->n_options, 1U), sizeof(struct xsw_ext_value),
		       GFP_KERNEL);
}

/* The extension the request names, loading its module if @load. */
static const struct xsw_ext_ops *ops_from_attrs(struct genl_info *info,
						bool load)
{
	struct nlattr *a = info->attrs[XSW_A_EXT_NAME];
	struct xsw_ext_reg *t;

	if (!xsw_ext_name_valid(nla_data(a))) {
		NL_SET_ERR_MSG_ATTR(info->extack, a,
				    "extension names hold only a-z, 0-9, - and _");
		return ERR_PTR(-EINVAL);
	}
	if (load) {
		const struct xsw_ext_ops *ops;

		ops = xsw_ext_ops_load(nla_data(a), info->extack);
		if (IS_ERR(ops))
			NL_SET_BAD_ATTR(info->extack, a);
		return ops;
	}
	t = xsw_ext_reg_find(nla_data(a));
	if (!t) {
		NL_SET_ERR_MSG_ATTR(info->extack, a,
				    "no extension of that name is registered");
		return ERR_PTR(-ENOENT);
	}
	return t->ops;
}

/* The attachment the request names. */
static struct xsw_ext *ext_from_attrs(struct genl_info *info)
{
	const struct xsw_ext_ops *ops;
	struct xsw_switch *sw;
	struct xsw_ext *ext;

	ops = ops_from_attrs(info, false);
	if (IS_ERR(ops))
		return ERR_CAST(ops);
	sw = xsw_nl_switch(genl_info_net(info), info->attrs,
			   XSW_A_EXT_SWITCH_IFINDEX, XSW_A_EXT_SWITCH_IFNAME,
			   info->extack);
	if (IS_ERR(sw))
		return ERR_CAST(sw);
	ext = xsw_ext_find(sw, ops);
	if (!ext) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[XSW_A_EXT_NAME],
				    "extension is not attached to this switch");
		return ERR_PTR(-ENOENT);
	}
	return ext;
}

int xsw_nl_ext_attach_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *prio = info->attrs[XSW_A_EXT_PRIORITY];
	struct nlattr *opts = info->attrs[XSW_A_EXT_OPTIONS];
	struct xsw_ext_value *values = NULL;
	const struct xsw_ext_ops *ops;
	struct xsw_switch *sw;
	struct xsw_ext *ext;
	int err;

	if (XSW_GENL_REQUIRE(info, XSW_A_EXT_NAME, "extension name is required"))
		return -EINVAL;
	rtnl_lock();
	ops = ops_from_attrs(info, true);
	if (IS_ERR(ops)) {
		err = PTR_ERR(ops);
		goto out;
	}
	sw = xsw_nl_switch(genl_info_net(info), info->attrs,
			   XSW_A_EXT_SWITCH_IFINDEX, XSW_A_EXT_SWITCH_IFNAME,
			   info->extack);
	if (IS_ERR(sw)) {
		err = PTR_ERR(sw);
		goto out;
	}
	values = values_alloc(ops);
	if (!values) {
		err = -ENOMEM;
		goto out;
	}
	xsw_ext_values_default(ops, values);
	if (opts) {
		err = parse_options(ops, opts, values, info->extack);
		if (err)
			goto out;
	}
	ext = xsw_ext_attach(sw, ops, prio ? nla_get_u32(prio) :
			     XSW_EXT_PRIORITY_DEFAULT, values, info->extack);
	err = PTR_ERR_OR_ZERO(ext);
out:
	rtnl_unlock();
	kfree(values);
	return err;
}

int xsw_nl_ext_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *prio = info->attrs[XSW_A_EXT_PRIORITY];
	struct nlattr *opts = info->attrs[XSW_A_EXT_OPTIONS];
	struct xsw_ext_value *values = NULL;
	struct xsw_ext *ext;
	int err;

	if (XSW_GENL_REQUIRE(info, XSW_A_EXT_NAME, "extension name is required"))
		return -EINVAL;
	if (!prio && !opts) {
		NL_SET_ERR_MSG(info->extack, "nothing to change: give a priority or options");
		return -EINVAL;
	}
	rtnl_lock();
	ext = ext_from_attrs(info);
	if (IS_ERR(ext)) {
		err = PTR_ERR(ext);
		goto out;
	}
	if (opts) {
		values = values_alloc(ext->ops);
		if (!values) {
			err = -ENOMEM;
			goto out;
		}
		memcpy(values, ext->values,
		       ext->ops->n_options * sizeof(*values));
		err = parse_options(ext->ops, opts, values, info->extack);
		if (err)
			goto out;
	}
	err = xsw_ext_set(ext, prio ? (long)nla_get_u32(prio) : -1, values,
			  info->extack);
out:
	rtnl_unlock();
	kfree(values);
	return err;
}

int xsw_nl_ext_detach_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct xsw_ext *ext;
	int err = 0;

	if (XSW_GENL_REQUIRE(info, XSW_A_EXT_NAME, "extension name is required"))
		return -EINVAL;
	rtnl_lock();
	ext = ext_from_attrs(info);
	if (IS_ERR(ext))
		err = PTR_ERR(ext);
	else
		xsw_ext_detach(ext);
	rtnl_unlock();
	return err;
}
