// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Extensions: XSW_CMD_EXT_{GET,ATTACH,SET,DETACH}.  Option values between
 * text and their wire encoding are in ext_value.c.
 *
 * Settings come from the caller as text, by option name; the kernel wants
 * each value encoded by its declared type.  So a change with settings
 * first reads the extension's declarations (EXT_GET of that one name),
 * then sends the change.  An extension whose module is not loaded yet has
 * no declarations to read: attach loads it by attaching it bare, then
 * sets the options, and detaches it again if that fails.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

_Static_assert(IF_NAMESIZE == IFNAMSIZ,
	       "struct xsw_ext_attachment.switch_ifname");
_Static_assert(XSW_EXT_MAX_OPTIONS <= XSW_EXT_OPTIONS_LEN,
	       "struct xsw_ext_info.options holds every declaration");
_Static_assert(XSW_EXT_OPT_MAX_LEN <= UINT8_MAX,
	       "struct xsw_ext_opt_value.len");

static const struct nla_policy ext_policy[XSW_A_EXT_MAX + 1] = {
	[XSW_A_EXT_NAME]	   = { .type = NLA_STRING,
				       .maxlen = XSW_EXT_NAME_LEN },
	[XSW_A_EXT_TYPE]	   = { .type = NLA_U8 },
	[XSW_A_EXT_DESCRIPTION]	   = { .type = NLA_STRING },
	[XSW_A_EXT_VERSION]	   = { .type = NLA_STRING },
	[XSW_A_EXT_OPTIONS]	   = { .type = NLA_NESTED },
	[XSW_A_EXT_ATTACHMENTS]	   = { .type = NLA_NESTED },
	[XSW_A_EXT_ATTACHMENT]	   = { .type = NLA_NESTED },
	[XSW_A_EXT_SWITCH_IFINDEX] = { .type = NLA_U32 },
	[XSW_A_EXT_SWITCH_IFNAME]  = { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[XSW_A_EXT_PRIORITY]	   = { .type = NLA_U32 },
	[XSW_A_EXT_STATS]	   = { .type = NLA_NESTED },
};

static const char *const ext_names[XSW_A_EXT_MAX + 1] = {
	[XSW_A_EXT_NAME]	   = "name",
	[XSW_A_EXT_TYPE]	   = "type",
	[XSW_A_EXT_DESCRIPTION]	   = "description",
	[XSW_A_EXT_VERSION]	   = "version",
	[XSW_A_EXT_OPTIONS]	   = "options",
	[XSW_A_EXT_ATTACHMENTS]	   = "attachments",
	[XSW_A_EXT_ATTACHMENT]	   = "attachment",
	[XSW_A_EXT_SWITCH_IFINDEX] = "switch_ifindex",
	[XSW_A_EXT_SWITCH_IFNAME]  = "switch_ifname",
	[XSW_A_EXT_PRIORITY]	   = "priority",
	[XSW_A_EXT_STATS]	   = "stats",
};

static const struct xsw_attrs ext_attrs = {
	.maxattr = XSW_A_EXT_MAX,
	.policy	 = ext_policy,
	.names	 = ext_names,
};

static const struct nla_policy opt_policy[XSW_A_EXT_OPT_MAX + 1] = {
	[XSW_A_EXT_OPTION]	  = { .type = NLA_NESTED },
	[XSW_A_EXT_OPT_NAME]	  = { .type = NLA_STRING,
				      .maxlen = XSW_EXT_NAME_LEN },
	[XSW_A_EXT_OPT_TYPE]	  = { .type = NLA_U8 },
	[XSW_A_EXT_OPT_VALUE]	  = { .maxlen = XSW_EXT_OPT_MAX_LEN },
	[XSW_A_EXT_OPT_RANGE_MIN] = { .type = NLA_U32 },
	[XSW_A_EXT_OPT_RANGE_MAX] = { .type = NLA_U32 },
	[XSW_A_EXT_OPT_DEFAULT]	  = { .type = NLA_U32 },
	[XSW_A_EXT_OPT_HELP]	  = { .type = NLA_STRING },
};

static const struct nla_policy stats_policy[XSW_A_EXT_STATS_MAX + 1] = {
	[XSW_A_EXT_STATS_INGRESS]  = { .type = NLA_U64 },
	[XSW_A_EXT_STATS_EGRESS]   = { .type = NLA_U64 },
	[XSW_A_EXT_STATS_DROPPED]  = { .type = NLA_U64 },
	[XSW_A_EXT_STATS_INJECTED] = { .type = NLA_U64 },
	[XSW_A_EXT_STATS_CLONED]   = { .type = NLA_U64 },
};

/* Replies ---------------------------------------------------------------- */

static int malformed(struct xsw_handle *h, const char *what, int nle)
{
	return xsw_seterr(h, -EBADMSG, "malformed reply from the kernel: %s: %s",
			  what, nl_geterror(nle));
}

/* How many attributes of @type @nest holds. */
static size_t count_nested(struct nlattr *nest, int type)
{
	struct nlattr *a;
	size_t n = 0;
	int rem;

	nla_for_each_nested(a, nest, rem)
		if (nla_type(a) == type)
			n++;
	return n;
}

static void get_str(char *buf, size_t size, struct nlattr *a)
{
	if (a)
		nla_strlcpy(buf, a, size);
	else
		buf[0] = '\0';
}

static uint32_t get_u32(struct nlattr *a, bool *has)
{
	if (has)
		*has = a != NULL;
	return a ? nla_get_u32(a) : 0;
}

static uint64_t get_u64(struct nlattr *a)
{
	return a ? nla_get_u64(a) : 0;
}

/* The declarations of XSW_A_EXT_OPTIONS into @e->options. */
static int parse_decls(struct xsw_handle *h, struct nlattr *nest,
		       struct xsw_ext_info *e)
{
	struct nlattr *tb[XSW_A_EXT_OPT_MAX + 1], *a;
	int rem, err;

	nla_for_each_nested(a, nest, rem) {
		struct xsw_ext_opt_info *o;

		if (nla_type(a) != XSW_A_EXT_OPTION)
			continue;
		if (e->num_options == XSW_EXT_OPTIONS_LEN)
			return xsw_seterr(h, -EBADMSG,
					  "extension \"%s\" declares more than %d options",
					  e->name, XSW_EXT_OPTIONS_LEN);
		err = nla_parse_nested(tb, XSW_A_EXT_OPT_MAX, a, opt_policy);
		if (err < 0)
			return malformed(h, "option declaration", err);
		if (!tb[XSW_A_EXT_OPT_NAME] || !tb[XSW_A_EXT_OPT_TYPE])
			return xsw_seterr(h, -EBADMSG,
					  "kernel sent an option without name or type");
		o = &e->options[e->num_options++];
		get_str(o->name, sizeof(o->name), tb[XSW_A_EXT_OPT_NAME]);
		o->type = nla_get_u8(tb[XSW_A_EXT_OPT_TYPE]);
		o->min = get_u32(tb[XSW_A_EXT_OPT_RANGE_MIN], &o->has_min);
		o->max = get_u32(tb[XSW_A_EXT_OPT_RANGE_MAX], &o->has_max);
		o->def = get_u32(tb[XSW_A_EXT_OPT_DEFAULT], &o->has_default);
		get_str(o->help, sizeof(o->help), tb[XSW_A_EXT_OPT_HELP]);
	}
	return 0;
}

static const struct xsw_ext_opt_info *find_decl(const struct xsw_ext_info *e,
						const char *name)
{
	unsigned int i;

	for (i = 0; i < e->num_options; i++)
		if (strcmp(e->options[i].name, name) == 0)
			return &e->options[i];
	return NULL;
}

/*
 * The current values of an attachment's XSW_A_EXT_OPTIONS.  A value
 * without a type takes its declaration's.
 */
static int parse_values(struct xsw_handle *h, struct nlattr *nest,
			const struct xsw_ext_info *e,
			struct xsw_ext_attachment *at)
{
	struct nlattr *tb[XSW_A_EXT_OPT_MAX + 1], *a;
	int rem, err;

	nla_for_each_nested(a, nest, rem) {
		const struct xsw_ext_opt_info *decl;
		struct xsw_ext_opt_value *v;

		if (nla_type(a) != XSW_A_EXT_OPTION)
			continue;
		if (at->num_options == XSW_EXT_OPTIONS_LEN)
			return xsw_seterr(h, -EBADMSG,
					  "extension \"%s\" has more than %d options",
					  e->name, XSW_EXT_OPTIONS_LEN);
		err = nla_parse_nested(tb, XSW_A_EXT_OPT_MAX, a, opt_policy);
		if (err < 0)
			return malformed(h, "option value", err);
		if (!tb[XSW_A_EXT_OPT_NAME])
			return xsw_seterr(h, -EBADMSG,
					  "kernel sent an option value without a name");
		v = &at->options[at->num_options++];
		get_str(v->name, sizeof(v->name), tb[XSW_A_EXT_OPT_NAME]);
		decl = find_decl(e, v->name);
		if (tb[XSW_A_EXT_OPT_TYPE])
			v->type = nla_get_u8(tb[XSW_A_EXT_OPT_TYPE]);
		else if (decl)
			v->type = decl->type;
		if (tb[XSW_A_EXT_OPT_VALUE]) {
			v->len = nla_len(tb[XSW_A_EXT_OPT_VALUE]);
			memcpy(v->data, nla_data(tb[XSW_A_EXT_OPT_VALUE]),
			       v->len);
		}
	}
	return 0;
}

static int parse_stats(struct xsw_handle *h, struct nlattr *nest,
		       struct xsw_ext_stats *st)
{
	struct nlattr *tb[XSW_A_EXT_STATS_MAX + 1];
	int err;

	if (!nest)
		return 0;
	err = nla_parse_nested(tb, XSW_A_EXT_STATS_MAX, nest, stats_policy);
	if (err < 0)
		return malformed(h, "extension statistics", err);
	st->ingress = get_u64(tb[XSW_A_EXT_STATS_INGRESS]);
	st->egress = get_u64(tb[XSW_A_EXT_STATS_EGRESS]);
	st->dropped = get_u64(tb[XSW_A_EXT_STATS_DROPPED]);
	st->injected = get_u64(tb[XSW_A_EXT_STATS_INJECTED]);
	st->cloned = get_u64(tb[XSW_A_EXT_STATS_CLONED]);
	return 0;
}

static int parse_attachment(struct xsw_handle *h, struct nlattr *nest,
			    const struct xsw_ext_info *e,
			    struct xsw_ext_attachment *at)
{
	struct nlattr *tb[XSW_A_EXT_MAX + 1];
	int err;

	err = nla_parse_nested(tb, XSW_A_EXT_MAX, nest, ext_policy);
	if (err < 0)
		return malformed(h, "attachment", err);
	at->switch_ifindex = get_u32(tb[XSW_A_EXT_SWITCH_IFINDEX], NULL);
	get_str(at->switch_ifname, sizeof(at->switch_ifname),
		tb[XSW_A_EXT_SWITCH_IFNAME]);
	at->priority = get_u32(tb[XSW_A_EXT_PRIORITY], NULL);
	if (tb[XSW_A_EXT_OPTIONS]) {
		err = parse_values(h, tb[XSW_A_EXT_OPTIONS], e, at);
		if (err)
			return err;
	}
	return parse_stats(h, tb[XSW_A_EXT_STATS], &at->stats);
}

/* One EXT_GET reply into @e; on failure, @e holds no memory. */
static int to_info(struct xsw_handle *h, struct nlattr **tb,
		   struct xsw_ext_info *e)
{
	struct nlattr *list = tb[XSW_A_EXT_ATTACHMENTS], *a;
	int rem, err;

	memset(e, 0, sizeof(*e));
	if (!tb[XSW_A_EXT_NAME])
		return xsw_seterr(h, -EBADMSG,
				  "kernel sent an extension without a name");
	get_str(e->name, sizeof(e->name), tb[XSW_A_EXT_NAME]);
	if (tb[XSW_A_EXT_TYPE])
		e->type = nla_get_u8(tb[XSW_A_EXT_TYPE]);
	get_str(e->description, sizeof(e->description),
		tb[XSW_A_EXT_DESCRIPTION]);
	get_str(e->version, sizeof(e->version), tb[XSW_A_EXT_VERSION]);
	if (tb[XSW_A_EXT_OPTIONS]) {
		err = parse_decls(h, tb[XSW_A_EXT_OPTIONS], e);
		if (err)
			return err;
	}

	if (!list || !count_nested(list, XSW_A_EXT_ATTACHMENT))
		return 0;
	e->attached = calloc(count_nested(list, XSW_A_EXT_ATTACHMENT),
			     sizeof(*e->attached));
	if (!e->attached)
		return xsw_seterr(h, -ENOMEM, "out of memory");
	nla_for_each_nested(a, list, rem) {
		if (nla_type(a) != XSW_A_EXT_ATTACHMENT)
			continue;
		err = parse_attachment(h, a, e,
				       &e->attached[e->num_attached++]);
		if (err) {
			xsw_ext_info_free(e);
			return err;
		}
	}
	return 0;
}

/* Reply of GET (do): fill the caller's struct. */
static int parse_one(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	xsw_ext_info_free(arg);		/* one reply is expected; be safe */
	return to_info(h, tb, arg);
}

struct dump_ctx {
	int (*cb)(const struct xsw_ext_info *ext, void *arg);
	void *arg;
};

static int parse_dump(struct xsw_handle *h, struct nlattr **tb, void *arg)
{
	struct dump_ctx *ctx = arg;
	struct xsw_ext_info e;
	int err;

	err = to_info(h, tb, &e);
	if (err)
		return err;
	err = ctx->cb(&e, ctx->arg);
	xsw_ext_info_free(&e);
	return err;
}

/* Requests --------------------------------------------------------------- */

static int put_ext_name(struct xsw_handle *h, struct nl_msg *msg,
			const char *name)
{
	size_t len;

	if (!msg)
		return h->err;
	if (!name || !*name)
		return xsw_seterr(h, -EINVAL, "extension name is empty");
	len = strlen(name);
	if (len >= XSW_EXT_NAME_LEN)
		return xsw_seterr(h, -ENAMETOOLONG,
				  "extension name \"%.64s%s\" is too long (%zu characters, at most %d)",
				  name, len > 64 ? "..." : "", len,
				  XSW_EXT_NAME_LEN - 1);
	if (nla_put_string(msg, XSW_A_EXT_NAME, name) < 0)
		return xsw_seterr(h, -EMSGSIZE,
				  "request does not fit in a message");
	return 0;
}

/* EXT_GET of one extension; @sw may be NULL. */
static int get_info(struct xsw_handle *h, const char *name, const char *sw,
		    struct xsw_ext_info *out)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_EXT_GET);
	int err;

	memset(out, 0, sizeof(*out));
	if (put_ext_name(h, msg, name) ||
	    (sw && xsw_put_ifname(h, msg, XSW_A_EXT_SWITCH_IFNAME, "switch",
				  sw)))
		return xsw_abort(h, msg);
	err = xsw_do(h, msg, &ext_attrs, parse_one, out);
	if (!err && !out->name[0])
		err = xsw_seterr(h, -EBADMSG, "kernel sent no extension");
	if (err)
		xsw_ext_info_free(out);
	return err;
}

/*
 * Check @text against the declaration @o beyond its type: U32 range,
 * STRING and BINARY length.  The kernel checks again; this names the
 * option and the extension in the message.
 */
static int check_range(struct xsw_handle *h, const struct xsw_ext_info *e,
		       const struct xsw_ext_opt_info *o, const char *text,
		       const uint8_t *val, size_t len)
{
	uint32_t u;

	switch (o->type) {
	case XSW_EXT_OPT_U32:
		memcpy(&u, val, sizeof(u));
		if ((o->has_min && u < o->min) || (o->has_max && u > o->max))
			return xsw_seterr(h, -ERANGE,
					  "option \"%s\" of extension \"%s\": %s is out of range %u..%u",
					  o->name, e->name, text,
					  o->has_min ? o->min : 0,
					  o->has_max ? o->max : UINT32_MAX);
		return 0;
	case XSW_EXT_OPT_STRING:
		if (o->has_max && o->max && len - 1 > o->max)
			return xsw_seterr(h, -ERANGE,
					  "option \"%s\" of extension \"%s\" is at most %u characters long, not %zu",
					  o->name, e->name, o->max, len - 1);
		return 0;
	case XSW_EXT_OPT_BINARY:
		if (o->has_max && o->max && len > o->max)
			return xsw_seterr(h, -ERANGE,
					  "option \"%s\" of extension \"%s\" is at most %u bytes long, not %zu",
					  o->name, e->name, o->max, len);
		return 0;
	default:
		return 0;
	}
}

/* One setting, encoded by its declaration in @e, as an XSW_A_EXT_OPTION. */
static int put_setting(struct xsw_handle *h, struct nl_msg *msg,
		       const struct xsw_ext_info *e,
		       const struct xsw_ext_setting *s)
{
	const struct xsw_ext_opt_info *o;
	uint8_t val[XSW_EXT_OPT_MAX_LEN];
	struct nlattr *opt;
	const char *why;
	size_t len = 0;
	int err;

	if (!s->name || !s->value)
		return xsw_seterr(h, -EINVAL, "option setting without %s",
				  s->name ? "a value" : "a name");
	o = find_decl(e, s->name);
	if (!o)
		return xsw_seterr(h, -EINVAL,
				  "extension \"%s\" has no option \"%.64s\"",
				  e->name, s->name);
	err = xsw_text_to_value(o->type, s->value, val, sizeof(val), &len, &why);
	if (err == -EOPNOTSUPP)
		return xsw_seterr(h, err,
				  "option \"%s\" of extension \"%s\" is of a type this library does not know (%u)",
				  o->name, e->name, o->type);
	if (err)
		return xsw_seterr(h, err,
				  "option \"%s\" of extension \"%s\": \"%.64s%s\" %s",
				  o->name, e->name, s->value,
				  strlen(s->value) > 64 ? "..." : "", why);
	err = check_range(h, e, o, s->value, val, len);
	if (err)
		return err;

	opt = nla_nest_start(msg, XSW_A_EXT_OPTION);
	if (!opt || nla_put_string(msg, XSW_A_EXT_OPT_NAME, o->name) < 0 ||
	    nla_put(msg, XSW_A_EXT_OPT_VALUE, len, val) < 0)
		return xsw_seterr(h, -EMSGSIZE,
				  "request does not fit in a message");
	nla_nest_end(msg, opt);
	return 0;
}

static int put_settings(struct xsw_handle *h, struct nl_msg *msg,
			const struct xsw_ext_info *e,
			const struct xsw_ext_setting *settings, size_t n)
{
	struct nlattr *opts;
	size_t i, j;
	int err;

	opts = nla_nest_start(msg, XSW_A_EXT_OPTIONS);
	if (!opts)
		return xsw_seterr(h, -EMSGSIZE,
				  "request does not fit in a message");
	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++)
			if (settings[i].name && settings[j].name &&
			    strcmp(settings[i].name, settings[j].name) == 0)
				return xsw_seterr(h, -EINVAL,
						  "option \"%.64s\" is given twice",
						  settings[i].name);
		err = put_setting(h, msg, e, &settings[i]);
		if (err)
			return err;
	}
	nla_nest_end(msg, opts);
	return 0;
}

/*
 * ATTACH or SET.  @decl holds the declarations @settings are encoded by;
 * NULL when there are none to send.
 */
static int change(struct xsw_handle *h, uint8_t cmd, const char *sw,
		  const char *name, int priority,
		  const struct xsw_ext_info *decl,
		  const struct xsw_ext_setting *settings, size_t n)
{
	struct nl_msg *msg = xsw_msg_new(h, cmd);

	if (!msg)
		return h->err;
	if (priority > XSW_EXT_PRIORITY_MAX) {
		nlmsg_free(msg);
		return xsw_seterr(h, -ERANGE,
				  "priority %d is out of range 0..%d", priority,
				  XSW_EXT_PRIORITY_MAX);
	}
	if (xsw_put_ifname(h, msg, XSW_A_EXT_SWITCH_IFNAME, "switch", sw) ||
	    put_ext_name(h, msg, name) ||
	    (priority >= 0 &&
	     nla_put_u32(msg, XSW_A_EXT_PRIORITY, priority) < 0) ||
	    (decl && n && put_settings(h, msg, decl, settings, n)))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &ext_attrs, NULL, NULL);
}

/*
 * The kernel loads a missing extension's module in the background and
 * answers -EAGAIN meanwhile (it cannot wait for it inside the request):
 * ask again, every 50 ms, for up to 10 s.
 */
static int attach(struct xsw_handle *h, const char *sw, const char *name,
		  int priority, const struct xsw_ext_info *decl,
		  const struct xsw_ext_setting *settings, size_t n)
{
	const struct timespec pause = { .tv_nsec = 50 * 1000 * 1000 };
	int err, tries = 200;

	do {
		err = change(h, XSW_CMD_EXT_ATTACH, sw, name, priority, decl,
			     settings, n);
	} while (err == -EAGAIN && --tries && !nanosleep(&pause, NULL));
	return err;
}

/* Detach after a failed attach, keeping the failure's errno and message. */
static int undo_attach(struct xsw_handle *h, const char *sw,
		       const char *name, int err)
{
	char msg[XSW_ERRMSG_LEN];
	int attr = h->errattr;

	memcpy(msg, h->errmsg, sizeof(msg));
	xsw_ext_detach(h, sw, name);
	memcpy(h->errmsg, msg, sizeof(msg));
	h->errattr = attr;
	h->err = err;
	return err;
}

/* The extension is not loaded: attach it bare (loading it), then set. */
static int attach_then_set(struct xsw_handle *h, const char *sw,
			   const char *name, int priority,
			   const struct xsw_ext_setting *settings, size_t n)
{
	struct xsw_ext_info decl;
	int err;

	err = attach(h, sw, name, priority, NULL, NULL, 0);
	if (err)
		return err;
	err = get_info(h, name, sw, &decl);
	if (err)
		return undo_attach(h, sw, name, err);
	err = change(h, XSW_CMD_EXT_SET, sw, name, -1, &decl, settings, n);
	xsw_ext_info_free(&decl);
	if (err)
		return undo_attach(h, sw, name, err);
	return 0;
}

/* Public API ------------------------------------------------------------- */

XSW_EXPORT
void xsw_ext_info_free(struct xsw_ext_info *ext)
{
	if (!ext)
		return;
	free(ext->attached);
	ext->attached = NULL;
	ext->num_attached = 0;
}

XSW_EXPORT
int xsw_ext_dump(struct xsw_handle *h, const char *sw,
		 int (*cb)(const struct xsw_ext_info *ext, void *arg),
		 void *arg)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_EXT_GET);
	struct dump_ctx ctx = { .cb = cb, .arg = arg };

	if (sw && xsw_put_ifname(h, msg, XSW_A_EXT_SWITCH_IFNAME, "switch",
				 sw))
		return xsw_abort(h, msg);
	return xsw_dump(h, msg, &ext_attrs, parse_dump, &ctx);
}

XSW_EXPORT
int xsw_ext_get(struct xsw_handle *h, const char *name, const char *sw,
		struct xsw_ext_info *out)
{
	return get_info(h, name, sw, out);
}

XSW_EXPORT
int xsw_ext_attach(struct xsw_handle *h, const char *sw, const char *name,
		   int priority, const struct xsw_ext_setting *settings,
		   size_t n)
{
	struct xsw_ext_info decl;
	int err;

	if (!settings || !n)
		return attach(h, sw, name, priority, NULL, NULL, 0);

	/* Only @sw's attachment: the declarations are what is wanted. */
	err = get_info(h, name, sw, &decl);
	if (err == -ENOENT)
		return attach_then_set(h, sw, name, priority, settings, n);
	if (err)
		return err;
	err = attach(h, sw, name, priority, &decl, settings, n);
	xsw_ext_info_free(&decl);
	return err;
}

XSW_EXPORT
int xsw_ext_set(struct xsw_handle *h, const char *sw, const char *name,
		int priority, const struct xsw_ext_setting *settings,
		size_t n)
{
	struct xsw_ext_info decl;
	int err;

	if (!settings || !n)
		return change(h, XSW_CMD_EXT_SET, sw, name, priority, NULL,
			      NULL, 0);

	err = get_info(h, name, sw, &decl);
	if (err)
		return err;
	err = change(h, XSW_CMD_EXT_SET, sw, name, priority, &decl, settings,
		     n);
	xsw_ext_info_free(&decl);
	return err;
}

XSW_EXPORT
int xsw_ext_detach(struct xsw_handle *h, const char *sw, const char *name)
{
	struct nl_msg *msg = xsw_msg_new(h, XSW_CMD_EXT_DETACH);

	if (xsw_put_ifname(h, msg, XSW_A_EXT_SWITCH_IFNAME, "switch", sw) ||
	    put_ext_name(h, msg, name))
		return xsw_abort(h, msg);
	return xsw_do(h, msg, &ext_attrs, NULL, NULL);
}
