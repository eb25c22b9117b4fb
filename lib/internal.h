/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Library-internal interfaces: the handle and the generic netlink plumbing
 * of nl.c that every object file (switch.c, ...) builds on.
 *
 * An object call is: xsw_msg_new() for the command, nla_put*() or
 * xsw_put_ifname() for its attributes, then xsw_do() or xsw_dump() with a
 * struct xsw_attrs describing the object's attribute set and a parser for
 * the replies.  Those two free the message and fill the handle's error;
 * when building the message fails, xsw_abort() frees it instead:
 *
 *	msg = xsw_msg_new(h, XSW_CMD_SWITCH_DEL);
 *	if (xsw_put_ifname(h, msg, XSW_A_SWITCH_IFNAME, "switch", name))
 *		return xsw_abort(h, msg);
 *	return xsw_do(h, msg, &switch_attrs, NULL, NULL);
 *
 * xsw_msg_new() starts every call: it clears the handle's error.  It
 * returns NULL on allocation failure, which xsw_put_ifname(), xsw_abort()
 * and xsw_do()/xsw_dump() accept (libnl's nla_put*() do not: test msg
 * before those).
 */
#ifndef XSW_INTERNAL_H
#define XSW_INTERNAL_H

#include <netlink/genl/genl.h>
#include <netlink/netlink.h>

#include "xswitch.h"

#define XSW_EXPORT __attribute__((visibility("default")))

#define XSW_ERRMSG_LEN 256

struct xsw_handle {
	struct nl_sock *sk;
	struct nl_cb *cb;
	int family;
	int err;
	int errattr;
	uint32_t erroff;	/* NLMSGERR_ATTR_OFFS of the last error, or 0 */
	char errmsg[XSW_ERRMSG_LEN];
	/* The reply being parsed, while an xsw_parse_fn runs; else NULL. */
	struct nlmsghdr *reply;
};

/**
 * struct xsw_attrs - one attribute set of the UAPI
 * @maxattr: highest attribute type
 * @policy:  libnl policy the replies are checked against; [0..maxattr]
 * @names:   attribute names for messages, [0..maxattr], NULL entries allowed
 */
struct xsw_attrs {
	int maxattr;
	const struct nla_policy *policy;
	const char *const *names;
};

/*
 * Parser of one reply message.  @tb holds the parsed attributes, indexed
 * [0..maxattr] of the request's struct xsw_attrs.  Return 0 to go on;
 * anything else stops (the rest of a dump is drained) and is what
 * xsw_do()/xsw_dump() return.
 */
typedef int (*xsw_parse_fn)(struct xsw_handle *h, struct nlattr **tb,
			    void *arg);

/* xsw_open() of any generic netlink family; tests use "nlctrl". */
int xsw_open_family(struct xsw_handle **hp, const char *name);

struct nl_msg *xsw_msg_new(struct xsw_handle *h, uint8_t cmd);
/* For requests larger than a page: room for @size bytes in all. */
struct nl_msg *xsw_msg_new_size(struct xsw_handle *h, uint8_t cmd,
				size_t size);
int xsw_put_ifname(struct xsw_handle *h, struct nl_msg *msg, int attrtype,
		   const char *what, const char *name);
int xsw_abort(struct xsw_handle *h, struct nl_msg *msg);
int xsw_do(struct xsw_handle *h, struct nl_msg *msg,
	   const struct xsw_attrs *attrs, xsw_parse_fn parse, void *arg);
int xsw_dump(struct xsw_handle *h, struct nl_msg *msg,
	     const struct xsw_attrs *attrs, xsw_parse_fn parse, void *arg);

/*
 * Fill @st from a nest of enum xsw_stats_attr (stats.c); a NULL @nest
 * leaves it zeroed.  Returns 0 or -EBADMSG with the handle's error set.
 */
int xsw_stats_parse(struct xsw_handle *h, struct nlattr *nest,
		    struct xsw_stats *st);

/* ext_value.c: @text as @type's wire encoding in @buf; *why says why not. */
int xsw_text_to_value(uint8_t type, const char *text, uint8_t *buf,
		      size_t size, size_t *len, const char **why);
int xsw_seterr(struct xsw_handle *h, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* XSW_INTERNAL_H */
