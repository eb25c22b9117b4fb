// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Generic netlink plumbing: the handle, family lookup, and the one
 * request/reply loop every object call goes through.
 *
 * The loop sends one request and reads until the kernel's answer is
 * complete: the ACK (or error) of a "do" request, NLMSG_DONE (or error) of
 * a dump.  Errors are taken from the kernel's own nlmsgerr, not from
 * libnl's translated codes, so callers get the real errno; the extended
 * ack that follows it (NETLINK_EXT_ACK, capped by NETLINK_CAP_ACK) is
 * parsed here into the handle's message.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/socket.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <netlink/genl/ctrl.h>

#include "internal.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

/* State of one request, shared by the callbacks below. */
struct xact {
	struct xsw_handle *h;
	struct nl_msg *req;
	const struct xsw_attrs *attrs;
	xsw_parse_fn parse;
	void *arg;
	struct nlattr **tb;
	int err;		/* kernel's errno, negative */
	int stop;		/* parser's non-zero return */
	bool done;
	bool intr;
};

/* libnl's NLE_* codes of local failures, as errno. */
static int nle_errno(int nle)
{
	switch (nle < 0 ? -nle : nle) {
	case NLE_INTR:		return -EINTR;
	case NLE_BAD_SOCK:	return -EBADF;
	case NLE_AGAIN:		return -EAGAIN;
	case NLE_NOMEM:		return -ENOMEM;
	case NLE_EXIST:		return -EEXIST;
	case NLE_INVAL:		return -EINVAL;
	case NLE_RANGE:		return -ERANGE;
	case NLE_MSGSIZE:	return -EMSGSIZE;
	case NLE_OPNOTSUPP:	return -EOPNOTSUPP;
	case NLE_AF_NOSUPPORT:	return -EAFNOSUPPORT;
	case NLE_OBJ_NOTFOUND:	return -ENOENT;
	case NLE_MSG_OVERFLOW:	return -ENOBUFS;
	case NLE_BUSY:		return -EBUSY;
	case NLE_PROTO_MISMATCH: return -EPROTONOSUPPORT;
	case NLE_NOACCESS:	return -EACCES;
	case NLE_PERM:		return -EPERM;
	case NLE_NODEV:		return -ENODEV;
	case NLE_DUMP_INTR:	return -EINTR;
	default:		return -EIO;
	}
}

int xsw_seterr(struct xsw_handle *h, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(h->errmsg, sizeof(h->errmsg), fmt, ap);
	va_end(ap);
	h->err = err;
	return err;
}

static void clear_err(struct xsw_handle *h)
{
	h->err = 0;
	h->errattr = 0;
	h->erroff = 0;
	h->errmsg[0] = '\0';
}

static const char *attr_name(const struct xsw_attrs *attrs, int type,
			     char *buf, size_t len)
{
	if (attrs && attrs->names && type >= 0 && type <= attrs->maxattr &&
	    attrs->names[type])
		return attrs->names[type];
	snprintf(buf, len, "%d", type);
	return buf;
}

/* The request's top-level attribute that covers byte @off, or NULL. */
static struct nlattr *attr_at(struct nl_msg *req, uint32_t off)
{
	struct nlmsghdr *nlh = nlmsg_hdr(req);
	struct nlattr *nla;
	int rem;

	nlmsg_for_each_attr(nla, nlh, GENL_HDRLEN, rem) {
		uint32_t start = (char *)nla - (char *)nlh;

		if (off >= start && off < start + nla_total_size(nla_len(nla)))
			return nla;
	}
	return NULL;
}

/*
 * The kernel's messages are fixed strings ("no such port"): when one
 * points at a name the request gave, say which, as "NAME: no such port".
 */
static void name_culprit(struct xsw_handle *h, const struct xsw_attrs *a,
			 const struct nlattr *nla)
{
	int type = nla_type(nla), len = nla_len(nla);
	const char *val = nla_data(nla);
	char msg[XSW_ERRMSG_LEN];
	size_t n;

	if (!a || type > a->maxattr || !a->policy ||
	    a->policy[type].type != NLA_STRING || len <= 0 ||
	    !val[0] || strnlen(val, len) >= (size_t)len ||
	    strnlen(val, len) >= IF_NAMESIZE)
		return;
	n = snprintf(msg, sizeof(msg), "%.*s: ", IF_NAMESIZE, val);
	len = strnlen(h->errmsg, sizeof(h->errmsg) - 1);
	if (n + len >= sizeof(msg))
		len = sizeof(msg) - 1 - n;
	memcpy(msg + n, h->errmsg, len);
	msg[n + len] = '\0';
	memcpy(h->errmsg, msg, sizeof(msg));
}

/*
 * The TLVs of an extended ack: the kernel's message, the offending
 * attribute, or the missing one.  When the kernel sent no text, say which
 * attribute it pointed at.
 */
static void parse_extack(struct xact *t, void *tlvs, int len)
{
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	struct xsw_handle *h = t->h;
	char buf[16];

	if (len <= 0 || nla_parse(tb, NLMSGERR_ATTR_MAX, tlvs, len, NULL))
		return;

	if (tb[NLMSGERR_ATTR_MSG] && nla_len(tb[NLMSGERR_ATTR_MSG]) > 0)
		nla_strlcpy(h->errmsg, tb[NLMSGERR_ATTR_MSG],
			    sizeof(h->errmsg));

	if (tb[NLMSGERR_ATTR_OFFS] && nla_len(tb[NLMSGERR_ATTR_OFFS]) >= 4) {
		struct nlattr *bad = attr_at(t->req, nla_get_u32(tb[NLMSGERR_ATTR_OFFS]));

		h->erroff = nla_get_u32(tb[NLMSGERR_ATTR_OFFS]);
		h->errattr = bad ? nla_type(bad) : 0;
		if (bad && h->errmsg[0])
			name_culprit(h, t->attrs, bad);
		else if (bad)
			snprintf(h->errmsg, sizeof(h->errmsg),
				 "invalid attribute %s",
				 attr_name(t->attrs, h->errattr, buf,
					   sizeof(buf)));
	}

	if (tb[NLMSGERR_ATTR_MISS_TYPE] &&
	    nla_len(tb[NLMSGERR_ATTR_MISS_TYPE]) >= 4) {
		int type = nla_get_u32(tb[NLMSGERR_ATTR_MISS_TYPE]);

		if (tb[NLMSGERR_ATTR_MISS_NEST]) {
			if (!h->errmsg[0])
				snprintf(h->errmsg, sizeof(h->errmsg),
					 "missing nested attribute %d", type);
		} else {
			h->errattr = type;
			if (!h->errmsg[0])
				snprintf(h->errmsg, sizeof(h->errmsg),
					 "missing attribute %s",
					 attr_name(t->attrs, type, buf,
						   sizeof(buf)));
		}
	}
}

static void set_kernel_err(struct xact *t, int error)
{
	t->err = error < 0 ? error : -EPROTO;
	t->h->err = t->err;
}

static int on_error(struct sockaddr_nl *nla, struct nlmsgerr *e, void *arg)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)((char *)e - NLMSG_HDRLEN);
	struct xact *t = arg;
	size_t hlen = sizeof(*e);
	size_t payload = nlh->nlmsg_len - NLMSG_HDRLEN;

	(void)nla;
	set_kernel_err(t, e->error);
	t->done = true;

	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		hlen += e->msg.nlmsg_len - NLMSG_HDRLEN;
	hlen = NLMSG_ALIGN(hlen);
	if ((nlh->nlmsg_flags & NLM_F_ACK_TLVS) && hlen < payload)
		parse_extack(t, (char *)e + hlen, payload - hlen);
	return NL_STOP;
}

static int on_ack(struct nl_msg *msg, void *arg)
{
	struct xact *t = arg;

	(void)msg;
	t->done = true;
	return NL_STOP;
}

/* NLMSG_DONE of a dump carries the dump's errno and maybe an extack. */
static int on_done(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct xact *t = arg;
	int payload = nlmsg_datalen(nlh);
	int error;

	t->done = true;
	if (payload < (int)sizeof(int))
		return NL_STOP;
	memcpy(&error, nlmsg_data(nlh), sizeof(error));
	if (error < 0) {
		set_kernel_err(t, error);
		if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
			parse_extack(t, (char *)nlmsg_data(nlh) +
				     NLMSG_ALIGN(sizeof(int)),
				     payload - NLMSG_ALIGN(sizeof(int)));
	}
	return NL_STOP;
}

static int on_reply(struct nl_msg *msg, void *arg)
{
	struct xact *t = arg;
	const struct xsw_attrs *a = t->attrs;
	int err;

	if (t->stop || !t->parse)
		return NL_SKIP;

	memset(t->tb, 0, (a->maxattr + 1) * sizeof(*t->tb));
	err = genlmsg_parse(nlmsg_hdr(msg), 0, t->tb, a->maxattr, a->policy);
	if (err < 0)
		t->stop = xsw_seterr(t->h, -EBADMSG,
				     "malformed reply from the kernel: %s",
				     nl_geterror(err));
	else {
		t->h->reply = nlmsg_hdr(msg);
		t->stop = t->parse(t->h, t->tb, t->arg);
		t->h->reply = NULL;
	}
	return NL_SKIP;
}

/* Drop anything that is not an answer to this request. */
static int on_seq(struct nl_msg *msg, void *arg)
{
	struct xact *t = arg;

	if (nlmsg_hdr(msg)->nlmsg_seq != nlmsg_hdr(t->req)->nlmsg_seq)
		return NL_SKIP;
	return NL_OK;
}

static int on_intr(struct nl_msg *msg, void *arg)
{
	struct xact *t = arg;

	(void)msg;
	t->intr = true;
	return NL_OK;
}

/*
 * Netlink refuses a request longer than the socket's send buffer (less
 * 32 bytes), which libnl sets to 64 KiB.  Grow it for a larger one:
 * SO_SNDBUFFORCE goes past net.core.wmem_max but needs CAP_NET_ADMIN in
 * the initial namespace; SO_SNDBUF does not.  The kernel doubles the
 * value given, for its bookkeeping.
 */
static int make_room(struct xsw_handle *h, size_t len)
{
	int fd = nl_socket_get_fd(h->sk), size = 0, want;
	socklen_t optlen = sizeof(size);

	if (len <= 32768)
		return 0;
	if (len > INT_MAX / 2 - 32)
		return xsw_seterr(h, -EMSGSIZE, "request of %zu bytes is too large",
				  len);
	if (!getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, &optlen) &&
	    (size_t)size >= len + 32)
		return 0;
	want = len + 32;
	if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &want, sizeof(want)))
		setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &want, sizeof(want));
	optlen = sizeof(size);
	if (!getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, &optlen) &&
	    (size_t)size >= len + 32)
		return 0;
	return xsw_seterr(h, -EMSGSIZE,
			  "request of %zu bytes does not fit in the socket's send buffer (%d bytes): raise net.core.wmem_max, or run with CAP_NET_ADMIN",
			  len, size);
}

static int transact(struct xsw_handle *h, struct nl_msg *msg, int flags,
		    const struct xsw_attrs *attrs, xsw_parse_fn parse,
		    void *arg)
{
	struct xact t = {
		.h = h, .req = msg, .attrs = attrs, .parse = parse, .arg = arg,
	};
	int ret;

	if (!msg)
		return h->err ? h->err : -ENOMEM;

	t.tb = calloc(attrs->maxattr + 1, sizeof(*t.tb));
	if (!t.tb) {
		ret = xsw_seterr(h, -ENOMEM, "out of memory");
		goto out;
	}

	nlmsg_hdr(msg)->nlmsg_flags |= flags;
	nl_cb_set(h->cb, NL_CB_SEQ_CHECK, NL_CB_CUSTOM, on_seq, &t);
	nl_cb_set(h->cb, NL_CB_VALID, NL_CB_CUSTOM, on_reply, &t);
	nl_cb_set(h->cb, NL_CB_ACK, NL_CB_CUSTOM, on_ack, &t);
	nl_cb_set(h->cb, NL_CB_FINISH, NL_CB_CUSTOM, on_done, &t);
	nl_cb_set(h->cb, NL_CB_DUMP_INTR, NL_CB_CUSTOM, on_intr, &t);
	nl_cb_err(h->cb, NL_CB_CUSTOM, on_error, &t);

	ret = make_room(h, nlmsg_hdr(msg)->nlmsg_len);
	if (ret)
		goto out;
	ret = nl_send_auto(h->sk, msg);
	if (ret < 0) {
		ret = xsw_seterr(h, nle_errno(ret), "netlink send: %s",
				 nl_geterror(ret));
		goto out;
	}

	while (!t.done) {
		ret = nl_recvmsgs(h->sk, h->cb);
		if (ret < 0 && !t.done) {
			ret = xsw_seterr(h, nle_errno(ret),
					 "netlink receive: %s",
					 nl_geterror(ret));
			goto out;
		}
	}

	if (t.stop)
		ret = t.stop;
	else if (t.err)
		ret = t.err;
	else if (t.intr)
		ret = xsw_seterr(h, -EINTR,
				 "dump was interrupted and may be inconsistent");
	else
		ret = 0;
out:
	free(t.tb);
	nlmsg_free(msg);
	return ret;
}

int xsw_do(struct xsw_handle *h, struct nl_msg *msg,
	   const struct xsw_attrs *attrs, xsw_parse_fn parse, void *arg)
{
	return transact(h, msg, NLM_F_ACK, attrs, parse, arg);
}

int xsw_dump(struct xsw_handle *h, struct nl_msg *msg,
	     const struct xsw_attrs *attrs, xsw_parse_fn parse, void *arg)
{
	return transact(h, msg, NLM_F_DUMP, attrs, parse, arg);
}

static struct nl_msg *msg_new(struct xsw_handle *h, int family, uint8_t cmd,
			      uint8_t version, size_t size)
{
	struct nl_msg *msg;

	clear_err(h);
	msg = size ? nlmsg_alloc_size(size) : nlmsg_alloc();
	if (!msg || !genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family, 0, 0,
				 cmd, version)) {
		nlmsg_free(msg);
		xsw_seterr(h, -ENOMEM, "out of memory");
		return NULL;
	}
	return msg;
}

struct nl_msg *xsw_msg_new(struct xsw_handle *h, uint8_t cmd)
{
	return msg_new(h, h->family, cmd, XSW_GENL_VERSION, 0);
}

struct nl_msg *xsw_msg_new_size(struct xsw_handle *h, uint8_t cmd,
				size_t size)
{
	return msg_new(h, h->family, cmd, XSW_GENL_VERSION, size);
}

int xsw_abort(struct xsw_handle *h, struct nl_msg *msg)
{
	nlmsg_free(msg);
	if (!h->err)
		xsw_seterr(h, -EMSGSIZE, "request does not fit in a message");
	return h->err;
}

int xsw_put_ifname(struct xsw_handle *h, struct nl_msg *msg, int attrtype,
		   const char *what, const char *name)
{
	size_t len;

	if (!msg)
		return h->err;
	if (!name || !*name)
		return xsw_seterr(h, -EINVAL, "%s name is empty", what);
	len = strlen(name);
	if (len >= IFNAMSIZ)
		return xsw_seterr(h, -ENAMETOOLONG,
				  "%s name \"%.64s%s\" is too long (%zu characters, at most %d)",
				  what, name, len > 64 ? "..." : "", len,
				  IFNAMSIZ - 1);
	if (nla_put_string(msg, attrtype, name) < 0)
		return xsw_seterr(h, -EMSGSIZE,
				  "request does not fit in a message");
	return 0;
}

/* Family lookup ------------------------------------------------------- */

static const struct nla_policy ctrl_policy[CTRL_ATTR_MAX + 1] = {
	[CTRL_ATTR_FAMILY_ID]	= { .type = NLA_U16 },
	[CTRL_ATTR_VERSION]	= { .type = NLA_U32 },
};

static const struct xsw_attrs ctrl_attrs = {
	.maxattr = CTRL_ATTR_MAX,
	.policy = ctrl_policy,
};

static int parse_family(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	(void)arg;
	if (!tb[CTRL_ATTR_FAMILY_ID])
		return xsw_seterr(h, -EBADMSG, "kernel sent no family id");
	h->family = nla_get_u16(tb[CTRL_ATTR_FAMILY_ID]);
	return 0;
}

/* One lookup is enough: the kernel autoloads the module on a miss. */
static int resolve_family(struct xsw_handle *h, const char *name)
{
	struct nl_msg *msg;
	int err;

	msg = msg_new(h, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1, 0);
	if (!msg || nla_put_string(msg, CTRL_ATTR_FAMILY_NAME, name))
		return xsw_abort(h, msg);
	err = xsw_do(h, msg, &ctrl_attrs, parse_family, NULL);
	if (!err && !h->family)
		err = -EBADMSG;
	return err;
}

int xsw_open_family(struct xsw_handle **hp, const char *name)
{
	static const int one = 1;
	struct xsw_handle *h;
	int err, fd;

	*hp = NULL;
	h = calloc(1, sizeof(*h));
	if (!h)
		return -ENOMEM;

	h->sk = nl_socket_alloc();
	h->cb = nl_cb_alloc(NL_CB_DEFAULT);
	if (!h->sk || !h->cb) {
		err = -ENOMEM;
		goto err_free;
	}
	nl_socket_disable_auto_ack(h->sk);
	nl_socket_enable_msg_peek(h->sk);

	err = genl_connect(h->sk);
	if (err < 0) {
		err = nle_errno(err);
		goto err_free;
	}

	/* Best effort: kernels before 4.12 lack both, errors still work. */
	fd = nl_socket_get_fd(h->sk);
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));

	err = resolve_family(h, name);
	if (err)
		goto err_free;

	*hp = h;
	return 0;

err_free:
	xsw_close(h);
	return err;
}

/* Public API ---------------------------------------------------------- */

XSW_EXPORT
int xsw_open(struct xsw_handle **hp)
{
	return xsw_open_family(hp, XSW_GENL_NAME);
}

XSW_EXPORT
const char *xsw_strerror_open(int err)
{
	if (err == -ENOENT)
		return "xswitch module not loaded? try: modprobe xswitch";
	return strerror(err < 0 ? -err : err);
}

XSW_EXPORT
void xsw_close(struct xsw_handle *h)
{
	if (!h)
		return;
	nl_cb_put(h->cb);
	nl_socket_free(h->sk);
	free(h);
}

XSW_EXPORT
const char *xsw_errmsg(const struct xsw_handle *h)
{
	return h ? h->errmsg : "";
}

XSW_EXPORT
int xsw_errattr(const struct xsw_handle *h)
{
	return h ? h->errattr : 0;
}
