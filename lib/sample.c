// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Packet samples: a listener of the kernel's "psample" generic netlink
 * family, and a pcap writer for what it hears.
 *
 * The family id and the id of its "packets" group are looked up through
 * nlctrl with the request loop of nl.c; the samples then arrive on a plain
 * netlink socket that joined the group.  It is read with recv() directly:
 * a sample can be as large as the packet, and an overrun (ENOBUFS) is
 * something to tell the caller, not an error to translate.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/psample.h>

#include "internal.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

/* Socket receive buffer asked for: samples come in bursts. */
#define SAMPLE_RCVBUF	(4 << 20)

struct xsw_sample_handle {
	int fd;
	uint16_t family;
	bool filter;
	uint32_t group;
	void *buf;
	size_t size;
};

/* Family lookup ---------------------------------------------------------- */

static const struct nla_policy ctrl_policy[CTRL_ATTR_MAX + 1] = {
	[CTRL_ATTR_FAMILY_ID]	= { .type = NLA_U16 },
	[CTRL_ATTR_MCAST_GROUPS] = { .type = NLA_NESTED },
};

static const struct xsw_attrs ctrl_attrs = {
	.maxattr = CTRL_ATTR_MAX,
	.policy = ctrl_policy,
};

static const struct nla_policy grp_policy[CTRL_ATTR_MCAST_GRP_MAX + 1] = {
	[CTRL_ATTR_MCAST_GRP_NAME] = { .type = NLA_STRING },
	[CTRL_ATTR_MCAST_GRP_ID]   = { .type = NLA_U32 },
};

struct ids {
	uint16_t family;
	uint32_t group;
};

static int parse_ids(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	struct nlattr *grp[CTRL_ATTR_MCAST_GRP_MAX + 1], *a;
	struct ids *ids = arg;
	int rem;

	if (!tb[CTRL_ATTR_FAMILY_ID])
		return xsw_seterr(h, -EBADMSG, "kernel sent no family id");
	ids->family = nla_get_u16(tb[CTRL_ATTR_FAMILY_ID]);
	if (!tb[CTRL_ATTR_MCAST_GROUPS])
		return 0;
	nla_for_each_nested(a, tb[CTRL_ATTR_MCAST_GROUPS], rem) {
		if (nla_parse_nested(grp, CTRL_ATTR_MCAST_GRP_MAX, a,
				     grp_policy) < 0 ||
		    !grp[CTRL_ATTR_MCAST_GRP_NAME] ||
		    !grp[CTRL_ATTR_MCAST_GRP_ID])
			continue;
		if (strcmp(nla_get_string(grp[CTRL_ATTR_MCAST_GRP_NAME]),
			   PSAMPLE_NL_MCGRP_SAMPLE_NAME) == 0)
			ids->group = nla_get_u32(grp[CTRL_ATTR_MCAST_GRP_ID]);
	}
	return 0;
}

/* The ids of the psample family and of its "packets" group. */
static int resolve(struct ids *ids)
{
	struct xsw_handle *ctrl;
	struct nl_msg *msg;
	int err;

	err = xsw_open_family(&ctrl, "nlctrl");
	if (err)
		return err;
	msg = xsw_msg_new(ctrl, CTRL_CMD_GETFAMILY);
	if (!msg || nla_put_string(msg, CTRL_ATTR_FAMILY_NAME,
				   PSAMPLE_GENL_NAME) < 0)
		err = xsw_abort(ctrl, msg);
	else
		err = xsw_do(ctrl, msg, &ctrl_attrs, parse_ids, ids);
	xsw_close(ctrl);
	if (!err && (!ids->family || !ids->group))
		err = -ENOENT;
	return err;
}

/* Samples ---------------------------------------------------------------- */

/* psample sends ifindexes as u16 and the rest as u32: take either. */
static uint32_t get_uint(const struct nlattr *a)
{
	uint16_t v16;
	uint32_t v32;

	if (nla_len(a) == sizeof(v16)) {
		memcpy(&v16, nla_data(a), sizeof(v16));
		return v16;
	}
	if (nla_len(a) >= (int)sizeof(v32)) {
		memcpy(&v32, nla_data(a), sizeof(v32));
		return v32;
	}
	return 0;
}

/*
 * The attributes of one PSAMPLE_CMD_SAMPLE message.  They are walked by
 * hand: PSAMPLE_ATTR_IIFINDEX is attribute type 0, which attribute parsers
 * may treat as unused.
 */
static int parse_sample(const struct nlmsghdr *nlh, struct xsw_sample *s)
{
	int hdrlen = NLMSG_LENGTH(GENL_HDRLEN);
	struct nlattr *a;
	uint64_t ts;
	int rem;

	memset(s, 0, sizeof(*s));
	if (nlh->nlmsg_len < (uint32_t)hdrlen)
		return -EBADMSG;
	nla_for_each_attr(a, (struct nlattr *)((char *)nlh + hdrlen),
			  (int)nlh->nlmsg_len - hdrlen, rem) {
		switch (nla_type(a)) {
		case PSAMPLE_ATTR_IIFINDEX:
			s->in_ifindex = get_uint(a);
			break;
		case PSAMPLE_ATTR_OIFINDEX:
			s->out_ifindex = get_uint(a);
			break;
		case PSAMPLE_ATTR_ORIGSIZE:
			s->origsize = get_uint(a);
			break;
		case PSAMPLE_ATTR_SAMPLE_GROUP:
			s->group = get_uint(a);
			break;
		case PSAMPLE_ATTR_GROUP_SEQ:
			s->seq = get_uint(a);
			break;
		case PSAMPLE_ATTR_SAMPLE_RATE:
			s->rate = get_uint(a);
			break;
		case PSAMPLE_ATTR_DATA:
			s->data = nla_data(a);
			s->len = nla_len(a);
			break;
		case PSAMPLE_ATTR_TIMESTAMP:
			if (nla_len(a) == sizeof(ts)) {
				memcpy(&ts, nla_data(a), sizeof(ts));
				s->timestamp_ns = ts;
			}
			break;
		}
	}
	return 0;
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
}

/* Room in the receive buffer for a datagram of @len bytes. */
static int reserve(struct xsw_sample_handle *h, size_t len)
{
	void *buf;

	if (len <= h->size)
		return 0;
	buf = realloc(h->buf, len);
	if (!buf)
		return -ENOMEM;
	h->buf = buf;
	h->size = len;
	return 0;
}

/* Public API ------------------------------------------------------------- */

XSW_EXPORT
int xsw_sample_open(struct xsw_sample_handle **hp)
{
	static const int rcvbuf = SAMPLE_RCVBUF;
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct xsw_sample_handle *h;
	struct ids ids = { 0 };
	int err;

	*hp = NULL;
	err = resolve(&ids);
	if (err)
		return err;

	h = calloc(1, sizeof(*h));
	if (!h)
		return -ENOMEM;
	h->family = ids.family;
	h->fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (h->fd < 0) {
		err = -errno;
		free(h);
		return err;
	}
	/* the larger buffer needs CAP_NET_ADMIN; the default will do */
	if (setsockopt(h->fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf,
		       sizeof(rcvbuf)) < 0)
		setsockopt(h->fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf,
			   sizeof(rcvbuf));
	if (bind(h->fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    setsockopt(h->fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &ids.group,
		       sizeof(ids.group)) < 0) {
		err = -errno;
		xsw_sample_close(h);
		return err;
	}
	*hp = h;
	return 0;
}

XSW_EXPORT
const char *xsw_sample_strerror_open(int err)
{
	if (err == -ENOENT)
		return "psample family not found; try: modprobe psample";
	return strerror(err < 0 ? -err : err);
}

XSW_EXPORT
void xsw_sample_set_group(struct xsw_sample_handle *h, uint32_t group)
{
	h->filter = true;
	h->group = group;
}

XSW_EXPORT
int xsw_sample_fd(const struct xsw_sample_handle *h)
{
	return h->fd;
}

XSW_EXPORT
int xsw_sample_recv(struct xsw_sample_handle *h,
		    int (*cb)(const struct xsw_sample *s, void *arg),
		    void *arg)
{
	struct sockaddr_nl from = { 0 };
	socklen_t fromlen = sizeof(from);
	struct nlmsghdr *nlh;
	uint64_t received;
	ssize_t n;
	int len, ret;

	/* the whole datagram's length, whatever our buffer is */
	n = recv(h->fd, NULL, 0, MSG_PEEK | MSG_TRUNC);
	if (n < 0)
		return -errno;
	ret = reserve(h, n > 0 ? n : 1);
	if (ret)
		return ret;
	n = recvfrom(h->fd, h->buf, h->size, 0, (struct sockaddr *)&from,
		     &fromlen);
	if (n < 0)
		return -errno;
	received = now_ns();
	if (from.nl_pid != 0)		/* not from the kernel */
		return 0;

	len = n;
	for (nlh = h->buf; NLMSG_OK(nlh, len); nlh = NLMSG_NEXT(nlh, len)) {
		const struct genlmsghdr *g = NLMSG_DATA(nlh);
		struct xsw_sample s;

		if (nlh->nlmsg_type != h->family ||
		    nlh->nlmsg_len < NLMSG_LENGTH(GENL_HDRLEN) ||
		    g->cmd != PSAMPLE_CMD_SAMPLE || parse_sample(nlh, &s))
			continue;
		if (h->filter && s.group != h->group)
			continue;
		if (!s.timestamp_ns)
			s.timestamp_ns = received;
		ret = cb(&s, arg);
		if (ret)
			return ret;
	}
	return 0;
}

XSW_EXPORT
void xsw_sample_close(struct xsw_sample_handle *h)
{
	if (!h)
		return;
	close(h->fd);
	free(h->buf);
	free(h);
}

/* pcap ------------------------------------------------------------------- */

#define PCAP_MAGIC		0xa1b2c3d4	/* microsecond timestamps */
#define PCAP_SNAPLEN		65535
#define PCAP_LINKTYPE_ETHERNET	1

struct pcap_file_header {
	uint32_t magic;
	uint16_t version_major;
	uint16_t version_minor;
	int32_t thiszone;
	uint32_t sigfigs;
	uint32_t snaplen;
	uint32_t linktype;
};

struct pcap_rec_header {
	uint32_t ts_sec;
	uint32_t ts_usec;
	uint32_t caplen;
	uint32_t len;
};

static int write_all(FILE *f, const void *data, size_t len)
{
	if (len && fwrite(data, len, 1, f) != 1)
		return errno ? -errno : -EIO;
	return 0;
}

XSW_EXPORT
int xsw_pcap_write_header(FILE *f)
{
	const struct pcap_file_header fh = {
		.magic = PCAP_MAGIC,
		.version_major = 2,
		.version_minor = 4,
		.snaplen = PCAP_SNAPLEN,
		.linktype = PCAP_LINKTYPE_ETHERNET,
	};

	errno = 0;
	return write_all(f, &fh, sizeof(fh));
}

XSW_EXPORT
int xsw_pcap_write(FILE *f, const struct xsw_sample *s)
{
	uint32_t caplen = s->len < PCAP_SNAPLEN ? s->len : PCAP_SNAPLEN;
	struct pcap_rec_header rh = {
		.ts_sec = s->timestamp_ns / 1000000000u,
		.ts_usec = s->timestamp_ns % 1000000000u / 1000,
		.caplen = caplen,
		/* never less than what is in the file */
		.len = s->origsize > s->len ? s->origsize : s->len,
	};
	int err;

	errno = 0;
	err = write_all(f, &rh, sizeof(rh));
	if (!err && caplen)
		err = write_all(f, s->data, caplen);
	return err;
}
