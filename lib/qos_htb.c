// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The uplink's HTB tree, kept by userspace for the guarantees (see "Port
 * QoS" in uapi/linux/xswitch.h): xswitch puts each frame leaving the
 * external port in the class HTB_MAJOR:CLASS of its source port, and
 * xsw_qos_sync() makes the external port's device carry
 *
 *	qdisc MAJOR: root htb default 2
 *	class MAJOR:1 parent MAJOR:   rate LINK ceil LINK
 *	class MAJOR:2 parent MAJOR:1  the default class (ports without a
 *				      guarantee, frames with no port)
 *	class MAJOR:CLASS parent MAJOR:1, one per port with a guarantee
 *
 * with the rates of xsw_qos_htb_plan() (qos.c), over rtnetlink with
 * libnl-route-3.  It reads everything from the kernel each time, so it
 * may run any number of times: after a change, after a reboot, after
 * someone changed the qdisc.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/ethtool.h>
#include <linux/pkt_sched.h>
#include <linux/sockios.h>
#include <netlink/route/class.h>
#include <netlink/route/qdisc.h>
#include <netlink/route/qdisc/htb.h>
#include <netlink/route/tc.h>

#include "internal.h"

/* The minors xswitch leaves to userspace: the root class and the default. */
#define HTB_ROOT_MINOR		1
#define HTB_DEFAULT_MINOR	2

/* How often a dump that the kernel flags as interrupted is tried. */
#define DUMP_TRIES 5

/* A switch's QoS, as the tree needs it. */
struct uplink {
	bool has_ext;
	char ext[IF_NAMESIZE];		/* the external port's device */
	uint32_t ext_ifindex;
	uint64_t link_rate;		/* the external port's, or 0 */
	uint16_t major;
	struct xsw_qos_share *shares;
	char (*names)[IF_NAMESIZE];	/* the ports of @shares */
	size_t n, cap;
};

static void uplink_free(struct uplink *u)
{
	free(u->shares);
	free(u->names);
	memset(u, 0, sizeof(*u));
}

static int find_ext(const struct xsw_port_info *port, void *arg)
{
	struct uplink *u = arg;

	if (port->type != XSW_PORT_TYPE_EXTERNAL)
		return 0;
	u->has_ext = true;
	u->ext_ifindex = port->ifindex;
	snprintf(u->ext, sizeof(u->ext), "%s", port->ifname);
	return 0;
}

static int add_qos(const struct xsw_qos_info *q, void *arg)
{
	struct uplink *u = arg;
	void *p;

	if (q->htb_major)
		u->major = q->htb_major;
	if (q->link_rate)
		u->link_rate = q->link_rate;
	if (!q->min_rate && !q->min_weight)
		return 0;
	if (u->n == u->cap) {
		u->cap = u->cap ? 2 * u->cap : 16;
		p = realloc(u->shares, u->cap * sizeof(*u->shares));
		if (!p)
			return -ENOMEM;
		u->shares = p;
		p = realloc(u->names, u->cap * sizeof(*u->names));
		if (!p)
			return -ENOMEM;
		u->names = p;
	}
	memset(&u->shares[u->n], 0, sizeof(u->shares[u->n]));
	u->shares[u->n].minor = q->htb_class;
	u->shares[u->n].min_rate = q->min_rate;
	u->shares[u->n].min_weight = q->min_weight;
	snprintf(u->names[u->n], IF_NAMESIZE, "%s", q->port_ifname);
	u->n++;
	return 0;
}

/* Everything of switch @sw the tree depends on, into @u. */
static int read_uplink(struct xsw_handle *h, const char *sw, struct uplink *u)
{
	int err, tries;

	for (tries = 0; tries < DUMP_TRIES; tries++) {
		uplink_free(u);
		u->major = XSW_QOS_HTB_MAJOR_DEFAULT;
		err = xsw_port_dump(h, sw, find_ext, u);
		if (!err)
			err = xsw_qos_dump(h, sw, add_qos, u);
		if (err == -ENOMEM)
			return xsw_seterr(h, err, "out of memory");
		if (err != -EINTR)
			return err;
	}
	return err;
}

/*
 * The speed the device reports (what ethtool shows), bits/s, or 0.  Asked
 * of a socket rather than read from sysfs, which after "xsw -n" still
 * shows the namespace it was mounted in.
 */
static uint64_t dev_speed(const char *dev)
{
	struct ethtool_cmd cmd = { .cmd = ETHTOOL_GSET };
	struct ifreq ifr = { 0 };
	uint32_t mbit;
	int fd, err;

	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return 0;
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", dev);
	ifr.ifr_data = (void *)&cmd;
	err = ioctl(fd, SIOCETHTOOL, &ifr);
	close(fd);
	if (err)
		return 0;
	mbit = ethtool_cmd_speed(&cmd);
	return mbit && mbit != (uint32_t)SPEED_UNKNOWN ?
	       (uint64_t)mbit * 1000000 : 0;
}

/* The uplink's capacity, or 0 when it is not known. */
static uint64_t link_of(const struct uplink *u)
{
	return u->link_rate ? u->link_rate : dev_speed(u->ext);
}

static int no_link(struct xsw_handle *h, const struct uplink *u)
{
	return xsw_seterr(h, -EINVAL,
			  "the uplink %s reports no speed: tell xswitch its capacity with \"xsw qos set dev %s link RATE\"",
			  u->ext, u->ext);
}

static int too_much(struct xsw_handle *h, const struct uplink *u,
		    uint64_t link)
{
	char total[32], cap[32];
	uint64_t sum = 0;
	size_t i;

	for (i = 0; i < u->n; i++)
		sum += u->shares[i].min_rate;
	return xsw_seterr(h, -ERANGE,
			  "guarantees total %s, more than the uplink's %s",
			  xsw_qos_rate_format(sum, total, sizeof(total)),
			  xsw_qos_rate_format(link, cap, sizeof(cap)));
}

/* rtnetlink -------------------------------------------------------------- */

static int rt_err(struct xsw_handle *h, int nle, const char *what)
{
	return xsw_seterr(h, nle == -NLE_NOMEM ? -ENOMEM : -EIO,
			  "%s: %s", what, nl_geterror(nle));
}

/* A bucket of a millisecond at @rate (bits/s) and a frame, in bytes. */
static uint32_t bucket(uint64_t rate)
{
	uint64_t b = rate / 8 / 1000 + 1600;

	return b > UINT32_MAX ? UINT32_MAX : (uint32_t)b;
}

/*
 * HTB counts in bytes/s.  A quantum like its own (rate / r2q 10, within
 * its bounds) without its warnings.  Buffers of 1 ms: libnl's default is
 * 1 us and an MTU, which at gigabits is next to nothing.
 */
static void class_rates(struct rtnl_class *cls, uint64_t rate, uint64_t ceil)
{
	uint64_t q = rate / 8 / 10;

	rtnl_htb_set_rate64(cls, rate / 8);
	rtnl_htb_set_ceil64(cls, ceil / 8);
	rtnl_htb_set_rbuffer(cls, bucket(rate));
	rtnl_htb_set_cbuffer(cls, bucket(ceil));
	rtnl_htb_set_quantum(cls, q < 1000 ? 1000 : q > 200000 ? 200000 : q);
}

static int put_class(struct xsw_handle *h, struct nl_sock *sk, int ifindex,
		     uint32_t parent, uint32_t handle, uint64_t rate,
		     uint64_t ceil)
{
	struct rtnl_class *cls = rtnl_class_alloc();
	char what[64];
	int err;

	if (!cls)
		return xsw_seterr(h, -ENOMEM, "out of memory");
	rtnl_tc_set_ifindex(TC_CAST(cls), ifindex);
	rtnl_tc_set_parent(TC_CAST(cls), parent);
	rtnl_tc_set_handle(TC_CAST(cls), handle);
	err = rtnl_tc_set_kind(TC_CAST(cls), "htb");
	if (!err) {
		class_rates(cls, rate, ceil);
		err = rtnl_class_add(sk, cls, NLM_F_CREATE | NLM_F_REPLACE);
	}
	rtnl_class_put(cls);
	if (err < 0) {
		snprintf(what, sizeof(what), "htb class %x:%x",
			 TC_H_MAJ(handle) >> 16, TC_H_MIN(handle));
		return rt_err(h, err, what);
	}
	return 0;
}

/* The device's root qdisc in @cache, or NULL; a reference to put. */
static struct rtnl_qdisc *root_qdisc(struct nl_cache *cache, int ifindex)
{
	return rtnl_qdisc_get_by_parent(cache, ifindex, TC_H_ROOT);
}

static bool is_ours(struct rtnl_qdisc *q, uint16_t major)
{
	const char *kind = rtnl_tc_get_kind(TC_CAST(q));

	return kind && strcmp(kind, "htb") == 0 &&
	       rtnl_tc_get_handle(TC_CAST(q)) == TC_HANDLE(major, 0);
}

/*
 * Make the root qdisc HTB MAJOR: with default class 2: kept when it is,
 * else whatever root there is replaced.
 */
static int put_root(struct xsw_handle *h, struct nl_sock *sk, int ifindex,
		    uint16_t major, struct rtnl_qdisc *old)
{
	struct rtnl_qdisc *q;
	int err = 0;

	if (old && is_ours(old, major) &&
	    rtnl_htb_get_defcls(old) == HTB_DEFAULT_MINOR)
		return 0;
	if (old && rtnl_tc_get_handle(TC_CAST(old))) {
		/*
		 * Another kind or handle, which a replace cannot graft over,
		 * or our handle with another default, which HTB cannot change.
		 */
		err = rtnl_qdisc_delete(sk, old);
		if (err < 0)
			return rt_err(h, err, "deleting the root qdisc");
	}
	q = rtnl_qdisc_alloc();
	if (!q)
		return xsw_seterr(h, -ENOMEM, "out of memory");
	rtnl_tc_set_ifindex(TC_CAST(q), ifindex);
	rtnl_tc_set_parent(TC_CAST(q), TC_H_ROOT);
	rtnl_tc_set_handle(TC_CAST(q), TC_HANDLE(major, 0));
	err = rtnl_tc_set_kind(TC_CAST(q), "htb");
	if (!err) {
		rtnl_htb_set_defcls(q, HTB_DEFAULT_MINOR);
		err = rtnl_qdisc_add(sk, q, NLM_F_CREATE | NLM_F_REPLACE);
	}
	rtnl_qdisc_put(q);
	return err < 0 ? rt_err(h, err, "adding the htb root qdisc") : 0;
}

struct stale_ctx {
	const struct uplink *u;
	uint32_t stale[64];
	size_t n;
	bool more;
};

/* A class of MAJOR: that the tree does not have any more. */
static void find_stale(struct nl_object *obj, void *arg)
{
	struct rtnl_class *cls = (struct rtnl_class *)obj;
	struct stale_ctx *c = arg;
	uint32_t handle = rtnl_tc_get_handle(TC_CAST(cls));
	size_t i;

	if (TC_H_MAJ(handle) != TC_HANDLE(c->u->major, 0) ||
	    TC_H_MIN(handle) == HTB_ROOT_MINOR ||
	    TC_H_MIN(handle) == HTB_DEFAULT_MINOR)
		return;
	for (i = 0; i < c->u->n; i++)
		if (TC_H_MIN(handle) == c->u->shares[i].minor)
			return;
	if (c->n < sizeof(c->stale) / sizeof(c->stale[0]))
		c->stale[c->n++] = handle;
	else
		c->more = true;
}

static int del_stale(struct xsw_handle *h, struct nl_sock *sk,
		     const struct uplink *u)
{
	struct stale_ctx c = { .u = u };
	struct rtnl_class *cls;
	struct nl_cache *cache;
	char what[64];
	size_t i;
	int err;

	do {
		err = rtnl_class_alloc_cache(sk, u->ext_ifindex, &cache);
		if (err < 0)
			return rt_err(h, err, "reading the htb classes");
		c.n = 0;
		c.more = false;
		nl_cache_foreach(cache, find_stale, &c);
		nl_cache_free(cache);
		for (i = 0; i < c.n; i++) {
			cls = rtnl_class_alloc();
			if (!cls)
				return xsw_seterr(h, -ENOMEM, "out of memory");
			rtnl_tc_set_ifindex(TC_CAST(cls), u->ext_ifindex);
			rtnl_tc_set_handle(TC_CAST(cls), c.stale[i]);
			err = rtnl_class_delete(sk, cls);
			rtnl_class_put(cls);
			if (err < 0) {
				snprintf(what, sizeof(what),
					 "deleting htb class %x:%x", u->major,
					 TC_H_MIN(c.stale[i]));
				return rt_err(h, err, what);
			}
		}
	} while (c.more);
	return 0;
}

static struct nl_sock *rt_open(struct xsw_handle *h)
{
	struct nl_sock *sk = nl_socket_alloc();
	int err;

	if (!sk) {
		xsw_seterr(h, -ENOMEM, "out of memory");
		return NULL;
	}
	err = nl_connect(sk, NETLINK_ROUTE);
	if (err < 0) {
		rt_err(h, err, "rtnetlink");
		nl_socket_free(sk);
		return NULL;
	}
	return sk;
}

/* Deletes @ifindex's root qdisc if it is an HTB of handle @major:. */
static int del_root(struct xsw_handle *h, struct nl_sock *sk, int ifindex,
		    uint16_t major)
{
	struct rtnl_qdisc *old;
	struct nl_cache *cache;
	int err;

	err = rtnl_qdisc_alloc_cache(sk, &cache);
	if (err < 0)
		return rt_err(h, err, "reading the qdiscs");
	old = root_qdisc(cache, ifindex);
	nl_cache_free(cache);
	if (!old)
		return 0;
	err = 0;
	if (is_ours(old, major)) {
		err = rtnl_qdisc_delete(sk, old);
		err = err < 0 ? rt_err(h, err, "deleting the htb root qdisc") : 0;
	}
	rtnl_qdisc_put(old);
	return err;
}

/* The tree of @u on its uplink; no guarantees: no tree of ours. */
static int apply(struct xsw_handle *h, const struct uplink *u, uint64_t link,
		 uint64_t default_rate)
{
	uint32_t root = TC_HANDLE(u->major, HTB_ROOT_MINOR);
	struct rtnl_qdisc *old;
	struct nl_cache *cache;
	struct nl_sock *sk;
	size_t i;
	int err;

	sk = rt_open(h);
	if (!sk)
		return h->err;
	if (!u->n) {
		/* Only an HTB root of our handle is ours to remove. */
		err = del_root(h, sk, u->ext_ifindex, u->major);
		goto out;
	}
	err = rtnl_qdisc_alloc_cache(sk, &cache);
	if (err < 0) {
		err = rt_err(h, err, "reading the qdiscs");
		goto out;
	}
	old = root_qdisc(cache, u->ext_ifindex);
	nl_cache_free(cache);

	err = put_root(h, sk, u->ext_ifindex, u->major, old);
	if (!err)
		err = put_class(h, sk, u->ext_ifindex,
				TC_HANDLE(u->major, 0), root, link, link);
	if (!err)
		err = put_class(h, sk, u->ext_ifindex, root,
				TC_HANDLE(u->major, HTB_DEFAULT_MINOR),
				default_rate, link);
	for (i = 0; !err && i < u->n; i++)
		err = put_class(h, sk, u->ext_ifindex, root,
				TC_HANDLE(u->major, u->shares[i].minor),
				u->shares[i].rate, link);
	if (!err)
		err = del_stale(h, sk, u);
	if (old)
		rtnl_qdisc_put(old);
out:
	nl_socket_free(sk);
	return err;
}

/* Public API ------------------------------------------------------------- */

XSW_EXPORT
int xsw_qos_sync(struct xsw_handle *h, const char *sw)
{
	struct uplink u = { 0 };
	uint64_t link = 0, default_rate = 0;
	int err;

	err = read_uplink(h, sw, &u);
	if (err || !u.has_ext)
		goto out;
	if (u.n) {
		link = link_of(&u);
		if (!link) {
			err = no_link(h, &u);
			goto out;
		}
		if (xsw_qos_htb_plan(link, u.shares, u.n, &default_rate)) {
			err = too_much(h, &u, link);
			goto out;
		}
	}
	err = apply(h, &u, link, default_rate);
out:
	uplink_free(&u);
	return err;
}

XSW_EXPORT
int xsw_qos_release(struct xsw_handle *h, const char *dev, uint16_t major)
{
	struct nl_sock *sk;
	unsigned int ifindex;
	int err;

	/* xsw_msg_new() starts every call: it clears the error */
	nlmsg_free(xsw_msg_new(h, XSW_CMD_QOS_GET));
	ifindex = if_nametoindex(dev);
	if (!ifindex)
		return xsw_seterr(h, -ENODEV, "no device %s", dev);
	sk = rt_open(h);
	if (!sk)
		return h->err;
	err = del_root(h, sk, ifindex, major ? major :
		       XSW_QOS_HTB_MAJOR_DEFAULT);
	nl_socket_free(sk);
	return err;
}

/* Index of @port's share in @u, a new one at the end when it has none. */
static ssize_t share_of(struct uplink *u, const char *port)
{
	struct xsw_qos_info q = { 0 };
	size_t i;

	for (i = 0; i < u->n; i++)
		if (strcmp(u->names[i], port) == 0)
			return i;
	snprintf(q.port_ifname, sizeof(q.port_ifname), "%s", port);
	q.min_weight = 1;	/* a placeholder the caller overwrites */
	if (add_qos(&q, u))
		return -1;
	return u->n - 1;
}

XSW_EXPORT
int xsw_qos_check(struct xsw_handle *h, const char *port,
		  const struct xsw_qos_config *cfg, unsigned int del)
{
	struct xsw_port_info pi;
	struct uplink u = { 0 };
	uint64_t link, default_rate;
	bool is_ext;
	ssize_t i;
	int err;

	err = xsw_port_get(h, port, &pi);
	if (err)
		return err;
	err = read_uplink(h, pi.switch_ifname, &u);
	if (err)
		goto out;
	is_ext = u.has_ext && pi.ifindex == u.ext_ifindex;
	if (cfg) {
		if (cfg->set & (XSW_QOS_CFG_MIN_RATE | XSW_QOS_CFG_MIN_WEIGHT) &&
		    (pi.type == XSW_PORT_TYPE_VM ||
		     pi.type == XSW_PORT_TYPE_INTERNAL)) {
			i = share_of(&u, port);
			if (i < 0) {
				err = xsw_seterr(h, -ENOMEM, "out of memory");
				goto out;
			}
			u.shares[i].min_rate = cfg->set & XSW_QOS_CFG_MIN_RATE ?
					       cfg->min_rate : 0;
			u.shares[i].min_weight =
				cfg->set & XSW_QOS_CFG_MIN_WEIGHT ?
				cfg->min_weight : 0;
		}
		if (cfg->set & XSW_QOS_CFG_LINK_RATE && is_ext)
			u.link_rate = cfg->link_rate;
	} else {
		if (!del || del & XSW_QOS_DEL_MIN) {
			for (i = 0; i < (ssize_t)u.n; i++)
				if (strcmp(u.names[i], port) == 0)
					break;
			if (i < (ssize_t)u.n) {
				u.shares[i] = u.shares[u.n - 1];
				memcpy(u.names[i], u.names[u.n - 1],
				       IF_NAMESIZE);
				u.n--;
			}
		}
		if ((!del || del & XSW_QOS_DEL_LINK) && is_ext)
			u.link_rate = 0;
	}
	/* No uplink, no guarantee: nothing to share. */
	if (!u.has_ext || !u.n)
		goto out;
	link = link_of(&u);
	if (!link)
		err = no_link(h, &u);
	else if (xsw_qos_htb_plan(link, u.shares, u.n, &default_rate))
		err = too_much(h, &u, link);
out:
	uplink_free(&u);
	return err;
}
