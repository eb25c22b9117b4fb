// SPDX-License-Identifier: GPL-2.0-only
/*
 * xsw acl - the ACLs of switch ports: add and delete rules, list them with
 * their counters, flush, set the default action, replace a whole set from
 * a file.  Rules are written as libxswitch's xsw_acl_rule_parse() takes
 * them, with tc flower's match keywords.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xswitch.h>

#include "print.h"
#include "utils.h"
#include "xsw.h"

static void usage(void)
{
	fprintf(stderr,
		"Usage: xsw acl add dev IFNAME dir DIR RULE\n"
		"       xsw acl del dev IFNAME [ dir DIR ] id ID\n"
		"       xsw acl { show | list } [ dev IFNAME ] [ dir DIR ]\n"
		"       xsw acl flush dev IFNAME [ dir DIR ]\n"
		"       xsw acl default dev IFNAME dir DIR { allow | deny }\n"
		"       xsw acl replace dev IFNAME dir DIR [ default { allow | deny } ] -batch FILE\n"
		"       xsw acl help\n"
		"DIR   := { in | out }   in: from the port into the switch; out: out of the port\n"
		"RULE  := [ priority PRIO ] action { allow | deny | allow-stateful } [ MATCH ]...\n"
		"MATCH := { src_mac | dst_mac } ADDR[/MASK] | eth_type { ipv4 | ipv6 | arp | NUMBER } |\n"
		"         vlan_id VLAN | { src_ip | dst_ip } ADDR[/LEN] |\n"
		"         ip_proto { tcp | udp | icmp | icmpv6 | sctp | NUMBER } |\n"
		"         { src_port | dst_port } PORT[-PORT] | icmp_type N | icmp_code N |\n"
		"         tcp_flags FLAGS[/MASK]\n"
		"PRIO := 0..4294967295 (default 100); the matching rule of lowest PRIO, then id,\n"
		"        decides; no match: the default action (allow until set).\n"
		"MASK: a MAC or a length; FLAGS: a number (0x02/0x12) or names (syn/syn,ack).\n"
		"FILE: one RULE a line, # comments, - for stdin; up to 10000 rules, swapped in\n"
		"      at once (\"batch FILE\" works too).\n");
}

static const char *const dir_names[] = {
	[XSW_ACL_DIR_IN]  = "in",
	[XSW_ACL_DIR_OUT] = "out",
};

static const char *const action_names[] = {
	[XSW_ACL_ACTION_ALLOW]		= "allow",
	[XSW_ACL_ACTION_DENY]		= "deny",
	[XSW_ACL_ACTION_ALLOW_STATEFUL]	= "allow-stateful",
};

/* @names[@val], or the number for a value this xsw does not know. */
static const char *enum_name(const char *const *names, size_t n,
			     unsigned int val, char *buf, size_t len)
{
	if (val < n && names[val])
		return names[val];
	snprintf(buf, len, "%u", val);
	return buf;
}

/* "help" in the place of an argument prints the usage; then return 0. */
static bool is_help(const char *arg)
{
	if (strcmp(arg, "help"))
		return false;
	usage();
	return true;
}

static int parse_dir(const char *arg, uint8_t *dir)
{
	if (strcmp(arg, "in") == 0)
		*dir = XSW_ACL_DIR_IN;
	else if (strcmp(arg, "out") == 0)
		*dir = XSW_ACL_DIR_OUT;
	else
		return invarg("\"dir\" is in or out", arg);
	return 0;
}

static int parse_default(const char *arg, uint8_t *action)
{
	if (strcmp(arg, "allow") == 0)
		*action = XSW_ACL_ACTION_ALLOW;
	else if (strcmp(arg, "deny") == 0)
		*action = XSW_ACL_ACTION_DENY;
	else
		return invarg("the default action is allow or deny", arg);
	return 0;
}

/* Printing --------------------------------------------------------------- */

struct word_ctx {
	const struct xsw_acl_rule_info *rule;
	bool match_open;
};

/*
 * One keyword and value of a rule: in text " KEY VALUE", as "xsw acl add"
 * takes them; in JSON "priority" a number and "action" a string in the
 * rule's object, the match keywords strings in its "match" object.
 */
static int print_word(const char *key, const char *value, void *arg)
{
	struct word_ctx *w = arg;
	char fmt[48];

	snprintf(fmt, sizeof(fmt), " %s %%s", key);
	if (strcmp(key, "priority") == 0) {
		print_string(PRINT_FP, NULL, fmt, value);
		print_uint(PRINT_JSON, key, NULL, w->rule->priority);
		return 0;
	}
	if (strcmp(key, "action") == 0) {
		print_string(PRINT_ANY, key, fmt, value);
		return 0;
	}
	if (!w->match_open) {
		open_json_object("match");
		w->match_open = true;
	}
	print_string(PRINT_ANY, key, fmt, value);
	return 0;
}

/*
 * A rule's members: in text "id ID priority PRIO action ACTION MATCH..."
 * and, with -s, "        packets N bytes N" on a line of its own.
 */
static void print_rule_members(const struct xsw_acl_rule_info *r,
			       const char *indent)
{
	struct word_ctx w = { .rule = r };
	char fmt[16];

	snprintf(fmt, sizeof(fmt), "%sid %%u", indent);
	print_uint(PRINT_ANY, "id", fmt, r->id);
	xsw_acl_rule_format(r, print_word, &w);
	if (!w.match_open)
		open_json_object("match");
	close_json_object();
	print_nl();
	if (show_stats) {
		open_json_object("stats");
		print_u64(PRINT_ANY, "packets", "        packets %" PRIu64,
			  r->packets);
		print_u64(PRINT_ANY, "bytes", " bytes %" PRIu64, r->bytes);
		print_nl();
		close_json_object();
	}
}

static void print_rule(const struct xsw_acl_rule_info *r)
{
	open_json_object(NULL);
	print_rule_members(r, "    ");
	close_json_object();
}

/* -j add: the rule as the kernel took it, with its id, port and direction. */
static void print_added(const char *dev, uint8_t dir,
			const struct xsw_acl_rule_info *r)
{
	char buf[12];

	new_json_obj(json);
	open_json_object(NULL);
	print_string(PRINT_JSON, "dev", NULL, dev);
	print_string(PRINT_JSON, "dir", NULL,
		     enum_name(dir_names, ARRAY_SIZE(dir_names), dir, buf,
			       sizeof(buf)));
	print_rule_members(r, "");
	close_json_object();
	delete_json_obj();
}

/* "IFNAME DIR: default ACTION shapes N"; opens the JSON object. */
static void print_acl(const struct xsw_acl_info *a)
{
	char buf[12];

	open_json_object(NULL);
	print_string(PRINT_ANY, "dev", "%s", a->port_ifname);
	print_string(PRINT_ANY, "dir", " %s:",
		     enum_name(dir_names, ARRAY_SIZE(dir_names), a->dir, buf,
			       sizeof(buf)));
	print_string(PRINT_ANY, "default", " default %s",
		     enum_name(action_names, ARRAY_SIZE(action_names),
			       a->default_action, buf, sizeof(buf)));
	print_uint(PRINT_ANY, "shapes", " shapes %u", a->shapes);
	print_nl();
	open_json_array(PRINT_JSON, "rules", NULL);
}

static void close_acl(void)
{
	close_json_array(PRINT_JSON, NULL);
	close_json_object();
}

/* What a dump said: an ACL, or a rule of the last ACL before it. */
struct entry {
	struct xsw_acl_info acl;
	bool is_rule;
	struct xsw_acl_rule_info rule;
};

/* The ACLs and their rules, as they are read from the kernel. */
static void print_entries(const struct vec *v)
{
	bool open = false;
	size_t i;

	for (i = 0; i < v->len; i++) {
		const struct entry *e = vec_at(v, i);

		if (!e->is_rule) {
			if (open)
				close_acl();
			print_acl(&e->acl);
			open = true;
		} else if (open) {
			print_rule(&e->rule);
		}
	}
	if (open)
		close_acl();
}

/* Show ------------------------------------------------------------------- */

static int collect(const struct xsw_acl_info *acl,
		   const struct xsw_acl_rule_info *rule, void *arg)
{
	struct entry e = { .acl = *acl };

	if (rule) {
		e.is_rule = true;
		e.rule = *rule;
	}
	return vec_push(arg, &e);
}

/*
 * As dump_retry(), which passes a name for a filter where this needs a
 * port and a direction.
 */
static int dump_acls(struct xsw_handle *h, const char *dev, uint8_t dir,
		     struct vec *v)
{
	int tries, ret = 0;

	for (tries = 0; tries < DUMP_TRIES; tries++) {
		v->len = 0;
		ret = xsw_acl_dump(h, dev, dir, collect, v);
		if (ret != -EINTR)
			break;
	}
	return ret;
}

static int do_show(int argc, char **argv)
{
	struct vec entries = VEC_INIT(struct entry);
	const char *dev = NULL;
	struct xsw_handle *h;
	uint8_t dir = 0;
	int ret;

	for (; argc > 0; argc--, argv++) {
		if (strcmp(*argv, "dev") == 0) {
			NEXT_ARG();
			if (dev)
				return duparg("dev", *argv);
			dev = *argv;
		} else if (strcmp(*argv, "dir") == 0) {
			NEXT_ARG();
			if (dir)
				return duparg("dir", *argv);
			if (parse_dir(*argv, &dir))
				return -1;
		} else if (is_help(*argv)) {
			return 0;
		} else {
			return unknown_keyword(*argv);
		}
	}

	h = get_handle();
	if (!h)
		return -1;
	ret = dump_acls(h, dev, dir, &entries);
	if (ret) {
		vec_free(&entries);
		return report_error(h, ret);
	}
	new_json_obj(json);
	print_entries(&entries);
	delete_json_obj();
	vec_free(&entries);
	return 0;
}

/* Changes ---------------------------------------------------------------- */

/* The words of a command, see split_args(). */
struct cmd_args {
	const char *dev;
	uint8_t dir;
	int rest_argc;
	char **rest;		/* free() it */
};

/*
 * "dev IFNAME" and "dir DIR" are taken out of the words of a command, the
 * command's own keywords (@extra, NULL-terminated, each with one argument)
 * handed to @take, and the other words left in @a->rest for the rule
 * parser.  Every keyword of a rule takes one argument, so those go by
 * pairs: a value is never taken for a keyword.  Returns 0, 1 after
 * printing help, or -1.
 */
static int split_args(int argc, char **argv, struct cmd_args *a,
		      const char *const *extra,
		      int (*take)(const char *key, const char *arg, void *ctx),
		      void *ctx)
{
	size_t i;

	memset(a, 0, sizeof(*a));
	a->rest = calloc(argc + 1, sizeof(*a->rest));
	if (!a->rest) {
		fprintf(stderr, "Error: out of memory.\n");
		return -1;
	}
	for (; argc > 0; argc--, argv++) {
		const char *key = *argv;

		if (is_help(key))
			return 1;
		if (strcmp(key, "dev") == 0) {
			NEXT_ARG();
			if (a->dev)
				return duparg("dev", *argv);
			a->dev = *argv;
			continue;
		}
		if (strcmp(key, "dir") == 0) {
			NEXT_ARG();
			if (a->dir)
				return duparg("dir", *argv);
			if (parse_dir(*argv, &a->dir))
				return -1;
			continue;
		}
		for (i = 0; extra && extra[i]; i++)
			if (strcmp(key, extra[i]) == 0)
				break;
		if (extra && extra[i]) {
			NEXT_ARG();
			if (take(key, *argv, ctx))
				return -1;
			continue;
		}
		a->rest[a->rest_argc++] = *argv;
		if (argc > 1) {
			argc--;
			argv++;
			a->rest[a->rest_argc++] = *argv;
		}
	}
	return 0;
}

/* "dev IFNAME" (and "dir DIR" when @need_dir) were given. */
static int need(const struct cmd_args *a, bool need_dir, const char *synopsis)
{
	if (!a->dev || (need_dir && !a->dir)) {
		fprintf(stderr, "Error: \"%s\" is required: xsw acl %s\n",
			!a->dev ? "dev" : "dir", synopsis);
		return -1;
	}
	return 0;
}

static int do_add(int argc, char **argv)
{
	static const char synopsis[] = "add dev IFNAME dir DIR RULE";
	struct xsw_acl_rule_info rule, added;
	struct xsw_handle *h;
	struct cmd_args a;
	char err[256];
	int ret;

	ret = split_args(argc, argv, &a, NULL, NULL, NULL);
	if (!ret)
		ret = need(&a, true, synopsis);
	if (!ret && xsw_acl_rule_parse(a.rest_argc, a.rest, &rule, err,
				       sizeof(err))) {
		fprintf(stderr, "Error: %s.\n", err);
		ret = -1;
	}
	if (!ret) {
		h = get_handle();
		ret = h ? xsw_acl_add(h, a.dev, a.dir, &rule, &added) : -1;
		if (h && ret)
			ret = report_error(h, ret);
	}
	free(a.rest);
	if (ret || !json)
		return ret < 0 ? -1 : 0;

	print_added(a.dev, a.dir, &added);
	return 0;
}

static int take_id(const char *key, const char *arg, void *ctx)
{
	uint32_t *id = ctx;

	if (*id)
		return duparg(key, arg);
	return parse_u32_range("id", arg, 1, INT32_MAX, id);
}

static int do_del(int argc, char **argv)
{
	static const char *const extra[] = { "id", NULL };
	struct xsw_handle *h;
	struct cmd_args a;
	uint32_t id = 0;
	int ret;

	ret = split_args(argc, argv, &a, extra, take_id, &id);
	if (!ret && a.rest_argc)
		ret = unknown_keyword(a.rest[0]);
	if (!ret)
		ret = need(&a, false, "del dev IFNAME [ dir DIR ] id ID");
	if (!ret && !id) {
		fprintf(stderr, "Error: \"id\" is required: xsw acl del dev IFNAME [ dir DIR ] id ID\n");
		ret = -1;
	}
	if (!ret) {
		h = get_handle();
		ret = h ? xsw_acl_del(h, a.dev, a.dir, id) : -1;
		if (h && ret)
			ret = report_error(h, ret);
	}
	free(a.rest);
	return ret < 0 ? -1 : 0;
}

static int do_flush(int argc, char **argv)
{
	struct xsw_handle *h;
	struct cmd_args a;
	int ret;

	ret = split_args(argc, argv, &a, NULL, NULL, NULL);
	if (!ret && a.rest_argc)
		ret = unknown_keyword(a.rest[0]);
	if (!ret)
		ret = need(&a, false, "flush dev IFNAME [ dir DIR ]");
	if (!ret) {
		h = get_handle();
		ret = h ? xsw_acl_flush(h, a.dev, a.dir) : -1;
		if (h && ret)
			ret = report_error(h, ret);
	}
	free(a.rest);
	return ret < 0 ? -1 : 0;
}

static int do_default(int argc, char **argv)
{
	static const char synopsis[] =
		"default dev IFNAME dir DIR { allow | deny }";
	struct xsw_handle *h;
	struct cmd_args a;
	uint8_t action = 0;
	int ret;

	ret = split_args(argc, argv, &a, NULL, NULL, NULL);
	if (!ret && a.rest_argc > 1)
		ret = duparg2("allow|deny", a.rest[1]);
	if (!ret && a.rest_argc == 1)
		ret = parse_default(a.rest[0], &action);
	if (!ret)
		ret = need(&a, true, synopsis);
	if (!ret && !action) {
		fprintf(stderr, "Error: allow or deny is required: xsw acl %s\n",
			synopsis);
		ret = -1;
	}
	if (!ret) {
		h = get_handle();
		ret = h ? xsw_acl_set_default(h, a.dev, a.dir, action) : -1;
		if (h && ret)
			ret = report_error(h, ret);
	}
	free(a.rest);
	return ret < 0 ? -1 : 0;
}

/* Replace ---------------------------------------------------------------- */

struct replace_args {
	int default_action;		/* -1: not given */
	const char *file;
};

static int take_replace(const char *key, const char *arg, void *ctx)
{
	struct replace_args *r = ctx;
	uint8_t action = 0;

	if (strcmp(key, "default") == 0) {
		if (r->default_action >= 0)
			return duparg(key, arg);
		if (parse_default(arg, &action))
			return -1;
		r->default_action = action;
		return 0;
	}
	if (r->file)
		return duparg("-batch", arg);
	r->file = arg;
	return 0;
}

/*
 * The rules of @name, one a line, into @rules, and the line each came
 * from into @lines.  Returns 0, or -1 after saying what is wrong where.
 */
static int read_rules(const char *name, struct vec *rules, struct vec *lines)
{
	FILE *f = strcmp(name, "-") ? fopen(name, "r") : stdin;
	struct xsw_acl_rule_info rule;
	char *line = NULL, err[256];
	int lineno = 0, ret = 0;
	size_t len = 0;

	if (!f) {
		fprintf(stderr, "Cannot open file \"%s\" for reading: %s\n",
			name, strerror(errno));
		return -1;
	}
	while (getline(&line, &len, f) != -1) {
		char *largv[64];
		int largc;

		lineno++;
		largc = makeargs(line, largv, ARRAY_SIZE(largv));
		if (largc < 0) {
			fprintf(stderr, "Error: %s:%d: cannot split the line.\n",
				name, lineno);
			ret = -1;
			break;
		}
		if (largc == 0)
			continue;
		if (rules->len == XSW_ACL_RULES_MAX) {
			fprintf(stderr, "Error: %s:%d: more than %d rules.\n",
				name, lineno, XSW_ACL_RULES_MAX);
			ret = -1;
			break;
		}
		if (xsw_acl_rule_parse(largc, largv, &rule, err, sizeof(err))) {
			fprintf(stderr, "Error: %s:%d: %s.\n", name, lineno, err);
			ret = -1;
			break;
		}
		if (vec_push(rules, &rule) || vec_push(lines, &lineno)) {
			fprintf(stderr, "Error: out of memory.\n");
			ret = -1;
			break;
		}
	}
	if (!ret && ferror(f)) {
		fprintf(stderr, "Error: reading \"%s\": %s\n", name,
			strerror(errno));
		ret = -1;
	}
	free(line);
	if (f != stdin)
		fclose(f);
	return ret;
}

static int do_replace(int argc, char **argv)
{
	static const char synopsis[] =
		"replace dev IFNAME dir DIR [ default { allow | deny } ] -batch FILE";
	static const char *const extra[] = { "default", "-batch", "batch",
					     NULL };
	struct replace_args r = { .default_action = -1 };
	struct vec rules = VEC_INIT(struct xsw_acl_rule_info);
	struct vec lines = VEC_INIT(int);
	struct xsw_handle *h;
	struct cmd_args a;
	size_t bad;
	int ret;

	ret = split_args(argc, argv, &a, extra, take_replace, &r);
	if (!ret && a.rest_argc)
		ret = unknown_keyword(a.rest[0]);
	if (!ret)
		ret = need(&a, true, synopsis);
	if (!ret && !r.file) {
		fprintf(stderr, "Error: \"-batch FILE\" is required: xsw acl %s\n",
			synopsis);
		ret = -1;
	}
	if (!ret)
		ret = read_rules(r.file, &rules, &lines);
	if (!ret) {
		h = get_handle();
		ret = h ? xsw_acl_replace(h, a.dev, a.dir, rules.items,
					  rules.len, r.default_action, &bad) :
			  -1;
		if (h && ret && bad < rules.len) {
			fprintf(stderr, "Error: %s:%d: %s.\n", r.file,
				*(int *)vec_at(&lines, bad),
				xsw_errmsg(h)[0] ? xsw_errmsg(h) :
						   strerror(-ret));
			ret = -1;
		} else if (h && ret) {
			ret = report_error(h, ret);
		}
	}
	free(a.rest);
	vec_free(&rules);
	vec_free(&lines);
	return ret < 0 ? -1 : 0;
}

int do_acl(int argc, char **argv)
{
	if (argc < 1)
		return do_show(0, NULL);
	if (strcmp(*argv, "show") == 0 || strcmp(*argv, "list") == 0)
		return do_show(argc - 1, argv + 1);
	if (strcmp(*argv, "add") == 0)
		return do_add(argc - 1, argv + 1);
	if (strcmp(*argv, "del") == 0)
		return do_del(argc - 1, argv + 1);
	if (strcmp(*argv, "flush") == 0)
		return do_flush(argc - 1, argv + 1);
	if (strcmp(*argv, "default") == 0)
		return do_default(argc - 1, argv + 1);
	if (strcmp(*argv, "replace") == 0)
		return do_replace(argc - 1, argv + 1);
	if (strcmp(*argv, "help") == 0) {
		usage();
		return 0;
	}
	fprintf(stderr, "Command \"%s\" is unknown, try \"xsw acl help\".\n",
		*argv);
	return -1;
}
