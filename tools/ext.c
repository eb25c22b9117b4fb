// SPDX-License-Identifier: GPL-2.0-only
/*
 * xsw ext - list extensions, attach them to switches, set their options,
 * detach them.
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
		"Usage: xsw ext { show | list } [ NAME ] [ dev SWITCH ]\n"
		"       xsw ext attach SWITCH NAME [ priority PRIO ] [ OPTION VALUE ]...\n"
		"       xsw ext set SWITCH NAME [ priority PRIO ] [ OPTION VALUE ]...\n"
		"       xsw ext detach SWITCH NAME\n"
		"       xsw ext help\n"
		"PRIO := 0..65535 (attach default 100); lower runs first among extensions of a type.\n"
		"OPTION: as \"xsw -d ext show\" lists them.  VALUE by the option's type:\n"
		"  u32 decimal or 0x hex; bool on|off; string as is; binary hex, deadbeef or\n"
		"  de:ad:be:ef; mac aa:bb:cc:dd:ee:ff; ip an IPv4 or IPv6 address, or none.\n"
		"attach loads module xswitch-ext-NAME when no extension NAME is registered.\n");
}

static const char *const type_names[] = {
	[XSW_EXT_TYPE_CAPTURE]	  = "capture",
	[XSW_EXT_TYPE_FILTER]	  = "filter",
	[XSW_EXT_TYPE_FORWARDING] = "forwarding",
};

static const char *const opt_type_names[] = {
	[XSW_EXT_OPT_U32]	= "u32",
	[XSW_EXT_OPT_BOOL]	= "bool",
	[XSW_EXT_OPT_STRING]	= "string",
	[XSW_EXT_OPT_BINARY]	= "binary",
	[XSW_EXT_OPT_MAC]	= "mac",
	[XSW_EXT_OPT_IP]	= "ip",
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

/*
 * An option value: in JSON "NAME": VALUE, typed (u32 a number, bool true
 * or false, ip none null, the others strings); in text " NAME VALUE".  A
 * value that is not what its type says is shown as hex.
 */
static void print_value(const struct xsw_ext_opt_value *v)
{
	char text[XSW_EXT_VALUE_TEXT_LEN];
	uint32_t u;

	print_string(PRINT_FP, NULL, " %s", v->name);
	if (xsw_ext_value_format(v->type, v->data, v->len, text,
				 sizeof(text))) {
		xsw_ext_value_format(XSW_EXT_OPT_BINARY, v->data, v->len, text,
				     sizeof(text));
		print_string(PRINT_ANY, v->name, " %s", text);
		return;
	}
	switch (v->type) {
	case XSW_EXT_OPT_U32:
		memcpy(&u, v->data, sizeof(u));
		print_uint(PRINT_ANY, v->name, " %u", u);
		break;
	case XSW_EXT_OPT_BOOL:
		print_on_off(PRINT_ANY, v->name, " %s", v->data[0]);
		break;
	case XSW_EXT_OPT_IP:
		if (!v->len) {
			print_null(PRINT_ANY, v->name, " %s", "none");
			break;
		}
		/* fall through */
	default:
		print_string(PRINT_JSON, v->name, NULL, text);
		print_string(PRINT_FP, NULL, " %s", text[0] ? text : "\"\"");
		break;
	}
}

/*
 * A declaration: in text "    option NAME TYPE [MIN..MAX] [max N]
 * [default X]: HELP", in JSON an object with what the kernel sent.
 */
static void print_decl(const struct xsw_ext_opt_info *o)
{
	char buf[12];

	open_json_object(NULL);
	print_string(PRINT_ANY, "name", "    option %s", o->name);
	print_string(PRINT_ANY, "type", " %s",
		     enum_name(opt_type_names, ARRAY_SIZE(opt_type_names),
			       o->type, buf, sizeof(buf)));
	if (o->has_min)
		print_uint(PRINT_JSON, "min", NULL, o->min);
	if (o->has_max)
		print_uint(PRINT_JSON, "max", NULL, o->max);
	if (o->type == XSW_EXT_OPT_U32 && (o->has_min || o->has_max)) {
		print_uint(PRINT_FP, NULL, " %u", o->has_min ? o->min : 0);
		print_uint(PRINT_FP, NULL, "..%u",
			   o->has_max ? o->max : UINT32_MAX);
	} else if ((o->type == XSW_EXT_OPT_STRING ||
		    o->type == XSW_EXT_OPT_BINARY) && o->has_max && o->max) {
		print_uint(PRINT_FP, NULL, " max %u", o->max);
	}
	if (o->has_default) {
		if (o->type == XSW_EXT_OPT_BOOL)
			print_on_off(PRINT_ANY, "default", " default %s",
				     o->def);
		else
			print_uint(PRINT_ANY, "default", " default %u", o->def);
	}
	print_string(PRINT_JSON, "help", NULL, o->help);
	if (o->help[0])
		print_string(PRINT_FP, NULL, ": %s", o->help);
	print_nl();
	close_json_object();
}

static void print_ext_stats(const struct xsw_ext_stats *st)
{
	open_json_object("stats");
	print_u64(PRINT_ANY, "ingress", "        ingress %" PRIu64, st->ingress);
	print_u64(PRINT_ANY, "egress", " egress %" PRIu64, st->egress);
	print_u64(PRINT_ANY, "dropped", " dropped %" PRIu64, st->dropped);
	print_u64(PRINT_ANY, "injected", " injected %" PRIu64, st->injected);
	print_u64(PRINT_ANY, "cloned", " cloned %" PRIu64, st->cloned);
	print_nl();
	close_json_object();
}

static void print_attachment(const struct xsw_ext_attachment *a)
{
	unsigned int i;

	open_json_object(NULL);
	print_string(PRINT_ANY, "switch", "    attached %s", a->switch_ifname);
	print_uint(PRINT_JSON, "ifindex", NULL, a->switch_ifindex);
	print_uint(PRINT_ANY, "priority", " priority %u", a->priority);
	open_json_object("options");
	for (i = 0; i < a->num_options; i++)
		print_value(&a->options[i]);
	close_json_object();
	print_nl();
	if (show_stats)
		print_ext_stats(&a->stats);
	close_json_object();
}

static void print_ext(const struct xsw_ext_info *e)
{
	char buf[12];
	unsigned int i;
	size_t j;

	open_json_object(NULL);
	print_string(PRINT_ANY, "name", "%s:", e->name);
	print_string(PRINT_ANY, "type", " %s",
		     enum_name(type_names, ARRAY_SIZE(type_names), e->type,
			       buf, sizeof(buf)));
	print_string(PRINT_ANY, "description", " \"%s\"", e->description);
	print_string(PRINT_JSON, "version", NULL, e->version);
	if (e->version[0])
		print_string(PRINT_FP, NULL, " version %s", e->version);
	print_nl();

	/* the declarations: always in JSON, with -d in text */
	open_json_array(PRINT_JSON, "options", NULL);
	if (show_details || is_json_context())
		for (i = 0; i < e->num_options; i++)
			print_decl(&e->options[i]);
	close_json_array(PRINT_JSON, NULL);

	open_json_array(PRINT_JSON, "attached", NULL);
	for (j = 0; j < e->num_attached; j++)
		print_attachment(&e->attached[j]);
	close_json_array(PRINT_JSON, NULL);
	close_json_object();
}

/* Dumps are read whole before printing: keep a copy of each extension. */
static int collect(const struct xsw_ext_info *e, void *arg)
{
	struct xsw_ext_info copy = *e;
	size_t size = e->num_attached * sizeof(*e->attached);
	int err;

	copy.attached = NULL;
	if (size) {
		copy.attached = malloc(size);
		if (!copy.attached)
			return -ENOMEM;
		memcpy(copy.attached, e->attached, size);
	}
	err = vec_push(arg, &copy);
	if (err)
		free(copy.attached);
	return err;
}

static void free_all(struct vec *v)
{
	size_t i;

	for (i = 0; i < v->len; i++)
		xsw_ext_info_free(vec_at(v, i));
	v->len = 0;
}

/*
 * As dump_retry(), which cannot be used: each extension holds memory of
 * its own, which a new try must free, not forget.
 */
static int dump_exts(struct xsw_handle *h, const char *sw, struct vec *v)
{
	int tries, ret = 0;

	for (tries = 0; tries < DUMP_TRIES; tries++) {
		free_all(v);
		ret = xsw_ext_dump(h, sw, collect, v);
		if (ret != -EINTR)
			break;
	}
	return ret;
}

static int do_show(int argc, char **argv)
{
	struct vec exts = VEC_INIT(struct xsw_ext_info);
	const char *name = NULL, *sw = NULL;
	struct xsw_ext_info one;
	struct xsw_handle *h;
	size_t i;
	int ret;

	for (; argc > 0; argc--, argv++) {
		if (strcmp(*argv, "dev") == 0) {
			NEXT_ARG();
			if (sw)
				return duparg("dev", *argv);
			sw = *argv;
		} else if (is_help(*argv)) {
			return 0;
		} else {
			if (name)
				return duparg2("NAME", *argv);
			name = *argv;
		}
	}

	h = get_handle();
	if (!h)
		return -1;
	if (name) {
		ret = xsw_ext_get(h, name, sw, &one);
		if (!ret) {
			ret = vec_push(&exts, &one);
			if (ret)
				xsw_ext_info_free(&one);
		}
	} else {
		ret = dump_exts(h, sw, &exts);
	}
	if (ret) {
		free_all(&exts);
		vec_free(&exts);
		return report_error(h, ret);
	}

	new_json_obj(json);
	for (i = 0; i < exts.len; i++)
		print_ext(vec_at(&exts, i));
	delete_json_obj();
	free_all(&exts);
	vec_free(&exts);
	return 0;
}

/* The arguments of attach and set. */
struct change_args {
	const char *sw;
	const char *name;
	int priority;			/* -1: not given */
	struct xsw_ext_setting *settings;
	size_t n;
};

/*
 * "SWITCH NAME [ priority PRIO ] [ OPTION VALUE ]...".  Returns 0, 1
 * after printing help, or -1.  @a->settings points into @argv.
 */
static int parse_change(int argc, char **argv, const char *synopsis,
			struct change_args *a)
{
	uint32_t prio;
	size_t i;

	memset(a, 0, sizeof(*a));
	a->priority = -1;
	if (argc > 0 && is_help(*argv))
		return 1;
	if (argc < 2) {
		fprintf(stderr, "Error: switch and extension names are required: xsw ext %s\n",
			synopsis);
		return -1;
	}
	a->sw = argv[0];
	a->name = argv[1];
	argc -= 2;
	argv += 2;

	/* at most one setting per two words */
	a->settings = calloc(argc / 2 + 1, sizeof(*a->settings));
	if (!a->settings) {
		fprintf(stderr, "Error: out of memory.\n");
		return -1;
	}
	for (; argc > 0; argc--, argv++) {
		const char *key = *argv;

		if (strcmp(key, "priority") == 0) {
			NEXT_ARG();
			if (a->priority >= 0)
				return duparg("priority", *argv);
			if (parse_u32_range("priority", *argv, 0,
					    XSW_EXT_PRIORITY_MAX, &prio))
				return -1;
			a->priority = prio;
			continue;
		}
		NEXT_ARG();
		for (i = 0; i < a->n; i++)
			if (strcmp(a->settings[i].name, key) == 0)
				return duparg(key, *argv);
		a->settings[a->n].name = key;
		a->settings[a->n].value = *argv;
		a->n++;
	}
	return 0;
}

static int do_attach(int argc, char **argv)
{
	static const char synopsis[] =
		"attach SWITCH NAME [ priority PRIO ] [ OPTION VALUE ]...";
	struct change_args a;
	struct xsw_handle *h;
	int ret;

	ret = parse_change(argc, argv, synopsis, &a);
	if (!ret) {
		h = get_handle();
		ret = h ? xsw_ext_attach(h, a.sw, a.name, a.priority,
					 a.settings, a.n) : -1;
		if (h && ret)
			ret = report_error(h, ret);
	}
	free(a.settings);
	return ret < 0 ? -1 : 0;
}

static int do_set(int argc, char **argv)
{
	static const char synopsis[] =
		"set SWITCH NAME [ priority PRIO ] [ OPTION VALUE ]...";
	struct change_args a;
	struct xsw_handle *h;
	int ret;

	ret = parse_change(argc, argv, synopsis, &a);
	if (!ret && a.priority < 0 && !a.n) {
		fprintf(stderr, "Error: nothing to set: xsw ext %s, try \"xsw ext help\".\n",
			synopsis);
		ret = -1;
	}
	if (!ret) {
		h = get_handle();
		ret = h ? xsw_ext_set(h, a.sw, a.name, a.priority, a.settings,
				      a.n) : -1;
		if (h && ret)
			ret = report_error(h, ret);
	}
	free(a.settings);
	return ret < 0 ? -1 : 0;
}

static int do_detach(int argc, char **argv)
{
	struct xsw_handle *h;
	int ret;

	if (argc > 0 && is_help(*argv))
		return 0;
	if (argc < 2) {
		fprintf(stderr, "Error: switch and extension names are required: xsw ext detach SWITCH NAME\n");
		return -1;
	}
	if (argc > 2)
		return unknown_keyword(argv[2]);

	h = get_handle();
	if (!h)
		return -1;
	ret = xsw_ext_detach(h, argv[0], argv[1]);
	if (ret)
		return report_error(h, ret);
	return 0;
}

int do_ext(int argc, char **argv)
{
	if (argc < 1)
		return do_show(0, NULL);
	if (strcmp(*argv, "show") == 0 || strcmp(*argv, "list") == 0)
		return do_show(argc - 1, argv + 1);
	if (strcmp(*argv, "attach") == 0)
		return do_attach(argc - 1, argv + 1);
	if (strcmp(*argv, "set") == 0)
		return do_set(argc - 1, argv + 1);
	if (strcmp(*argv, "detach") == 0)
		return do_detach(argc - 1, argv + 1);
	if (strcmp(*argv, "help") == 0) {
		usage();
		return 0;
	}
	fprintf(stderr, "Command \"%s\" is unknown, try \"xsw ext help\".\n",
		*argv);
	return -1;
}
