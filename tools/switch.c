// SPDX-License-Identifier: GPL-2.0-only
/*
 * xsw switch - create, delete and list switches.
 */
#include <stdio.h>
#include <string.h>

#include <xswitch.h>

#include "print.h"
#include "utils.h"
#include "xsw.h"

static void usage(void)
{
	fprintf(stderr,
		"Usage: xsw switch add [ [ name | dev ] NAME ]\n"
		"       xsw switch del [ dev ] NAME\n"
		"       xsw switch { show | list } [ [ dev ] NAME ]\n"
		"       xsw switch help\n"
		"NAME may hold one %%d (e.g. sw%%d); without NAME the kernel picks xsw%%d.\n");
}

/*
 * The one argument of every switch command: "[ dev ] NAME", or for add
 * also "name NAME".  Returns 0, 1 after printing help, or -1.
 */
static int parse_name(int argc, char **argv, const char **name,
		      bool name_keyword)
{
	*name = NULL;
	while (argc > 0) {
		if (strcmp(*argv, "dev") == 0 ||
		    (name_keyword && strcmp(*argv, "name") == 0)) {
			NEXT_ARG();
			if (*name)
				return duparg(argv[-1], *argv);
			*name = *argv;
		} else if (strcmp(*argv, "help") == 0) {
			usage();
			return 1;
		} else {
			if (*name)
				return duparg2("dev", *argv);
			*name = *argv;
		}
		argc--;
		argv++;
	}
	return 0;
}

static const char *operstate_name(uint8_t state, char *buf, size_t len)
{
	/* RFC 2863 IF_OPER_*, spelt as ip(8) prints them */
	static const char *const names[] = {
		"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN",
		"TESTING", "DORMANT", "UP",
	};

	if (state < ARRAY_SIZE(names))
		return names[state];
	snprintf(buf, len, "%u", state);
	return buf;
}

static int print_switch(const struct xsw_switch_info *sw, void *arg)
{
	char buf[8];

	(void)arg;
	open_json_object(NULL);
	print_uint(PRINT_ANY, "ifindex", "%u: ", sw->ifindex);
	print_string(PRINT_ANY, "ifname", "%s: ", sw->ifname);
	open_json_array(PRINT_ANY, "flags", "<");
	if (sw->up)
		print_string(PRINT_ANY, NULL, "%s", "UP");
	close_json_array(PRINT_ANY, "> ");
	print_uint(PRINT_ANY, "mtu", "mtu %u ", sw->mtu);
	print_hwaddr(PRINT_ANY, "address", "address %s ", sw->address,
		     sizeof(sw->address));
	print_string(PRINT_ANY, "operstate", "operstate %s ",
		     operstate_name(sw->operstate, buf, sizeof(buf)));
	print_uint(PRINT_ANY, "ports", "ports %u", sw->num_ports);
	close_json_object();
	print_nl();
	return 0;
}

static int do_add(int argc, char **argv)
{
	struct xsw_handle *h;
	const char *name;
	int ret;

	ret = parse_name(argc, argv, &name, true);
	if (ret)
		return ret < 0 ? ret : 0;

	h = get_handle();
	if (!h)
		return -1;
	ret = xsw_switch_add(h, name, NULL);
	if (ret)
		return report_error(h, ret);
	return 0;
}

static int do_del(int argc, char **argv)
{
	struct xsw_handle *h;
	const char *name;
	int ret;

	ret = parse_name(argc, argv, &name, false);
	if (ret)
		return ret < 0 ? ret : 0;
	if (!name) {
		fprintf(stderr, "Error: switch name is required: xsw switch del [ dev ] NAME\n");
		return -1;
	}

	h = get_handle();
	if (!h)
		return -1;
	ret = xsw_switch_del(h, name);
	if (ret)
		return report_error(h, ret);
	return 0;
}

static int do_show(int argc, char **argv)
{
	struct xsw_switch_info sw;
	struct xsw_handle *h;
	const char *name;
	int ret;

	ret = parse_name(argc, argv, &name, false);
	if (ret)
		return ret < 0 ? ret : 0;

	h = get_handle();
	if (!h)
		return -1;

	new_json_obj(json);
	if (name) {
		ret = xsw_switch_get(h, name, &sw);
		if (!ret)
			print_switch(&sw, NULL);
	} else {
		ret = xsw_switch_dump(h, print_switch, NULL);
	}
	if (ret) {
		abort_json_obj();
		return report_error(h, ret);
	}
	delete_json_obj();
	return 0;
}

int do_switch(int argc, char **argv)
{
	if (argc < 1)
		return do_show(0, NULL);
	if (strcmp(*argv, "add") == 0)
		return do_add(argc - 1, argv + 1);
	if (strcmp(*argv, "del") == 0 || strcmp(*argv, "delete") == 0)
		return do_del(argc - 1, argv + 1);
	if (strcmp(*argv, "show") == 0 || strcmp(*argv, "list") == 0)
		return do_show(argc - 1, argv + 1);
	if (strcmp(*argv, "help") == 0) {
		usage();
		return 0;
	}
	fprintf(stderr, "Command \"%s\" is unknown, try \"xsw switch help\".\n",
		*argv);
	return -1;
}
