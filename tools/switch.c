// SPDX-License-Identifier: GPL-2.0-only
/*
 * xsw switch - create, delete, configure and list switches.
 */
#include <inttypes.h>
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
		"       xsw switch set [ dev ] NAME { ageing SECONDS | conn-max N | vxlan-port N }...\n"
		"       xsw switch { show | list } [ [ dev ] NAME ]\n"
		"       xsw switch help\n"
		"NAME may hold one %%d (e.g. sw%%d); without NAME the kernel picks xsw%%d.\n"
		"ageing: how long a learned MAC is kept, 1..1000000 seconds.\n"
		"conn-max: the most connections stateful ACL rules track, 1..%u;\n"
		"          lowering it evicts the oldest.\n"
		"vxlan-port: UDP destination port of the switch's VXLAN frames (4789).\n",
		XSW_SWITCH_CONN_MAX_LIMIT);
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

static void print_switch(const struct xsw_switch_info *sw)
{
	char buf[8];

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
	print_uint(PRINT_ANY, "ageing", " ageing %u", sw->ageing);
	if (sw->vxlan_port)
		print_uint(PRINT_ANY, "vxlan_port", " vxlan-port %u",
			   sw->vxlan_port);
	print_nl();
	/* The stateful ACL connection table; a maximum of 0: not reported. */
	if (sw->conn_max) {
		print_uint(PRINT_ANY, "conn_entries", "    connections %u",
			   sw->conn_entries);
		print_uint(PRINT_ANY, "conn_max", "/%u", sw->conn_max);
		print_u64(PRINT_ANY, "conn_evictions", " evictions %" PRIu64,
			  sw->conn_evictions);
		print_u64(PRINT_ANY, "conn_expired", " expired %" PRIu64,
			  sw->conn_expired);
		print_nl();
	}
	if (show_stats) {
		/* switch-wide: only drops */
		open_json_object("stats");
		print_drops(&sw->stats);
		close_json_object();
	}
	close_json_object();
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
	ret = qos_switch_del(h, name);
	if (ret)
		return report_error(h, ret);
	return 0;
}

static int collect(const struct xsw_switch_info *sw, void *arg)
{
	return vec_push(arg, sw);
}

static int dump_switches(struct xsw_handle *h, const char *filter,
			 struct vec *v)
{
	(void)filter;
	return xsw_switch_dump(h, collect, v);
}

static int get_switch(struct xsw_handle *h, const char *name, void *out)
{
	return xsw_switch_get(h, name, out);
}

static void print_one_switch(const void *sw)
{
	print_switch(sw);
}

static int do_show(int argc, char **argv)
{
	struct vec switches = VEC_INIT(struct xsw_switch_info);
	const char *name;
	int ret;

	ret = parse_name(argc, argv, &name, false);
	if (ret)
		return ret < 0 ? ret : 0;
	return show_objects(&switches, name, get_switch, dump_switches, NULL,
			    print_one_switch);
}

static int do_set(int argc, char **argv)
{
	struct xsw_switch_config cfg = { 0 };
	const char *name = NULL;
	struct xsw_handle *h;
	int ret;

	if (argc > 0 && strcmp(*argv, "dev") == 0)
		NEXT_ARG();
	if (argc < 1) {
		fprintf(stderr, "Error: switch name is required: xsw switch set [ dev ] NAME { ageing SECONDS | conn-max N | vxlan-port N }\n");
		return -1;
	}
	if (strcmp(*argv, "help") == 0) {
		usage();
		return 0;
	}
	name = *argv;

	while (--argc > 0) {
		argv++;
		if (strcmp(*argv, "ageing") == 0) {
			NEXT_ARG();
			if (cfg.set & XSW_SWITCH_CFG_AGEING)
				return duparg("ageing", *argv);
			if (parse_u32_range("ageing", *argv, 1, 1000000,
					    &cfg.ageing))
				return -1;
			cfg.set |= XSW_SWITCH_CFG_AGEING;
		} else if (strcmp(*argv, "conn-max") == 0) {
			NEXT_ARG();
			if (cfg.set & XSW_SWITCH_CFG_CONN_MAX)
				return duparg("conn-max", *argv);
			if (parse_u32_range("conn-max", *argv, 1,
					    XSW_SWITCH_CONN_MAX_LIMIT,
					    &cfg.conn_max))
				return -1;
			cfg.set |= XSW_SWITCH_CFG_CONN_MAX;
		} else if (strcmp(*argv, "vxlan-port") == 0) {
			uint32_t port;

			NEXT_ARG();
			if (cfg.set & XSW_SWITCH_CFG_VXLAN_PORT)
				return duparg("vxlan-port", *argv);
			if (parse_u32_range("vxlan-port", *argv, 1, 65535,
					    &port))
				return -1;
			cfg.vxlan_port = port;
			cfg.set |= XSW_SWITCH_CFG_VXLAN_PORT;
		} else if (strcmp(*argv, "help") == 0) {
			usage();
			return 0;
		} else {
			return unknown_keyword(*argv);
		}
	}
	if (!cfg.set) {
		fprintf(stderr, "Error: nothing to set: xsw switch set [ dev ] NAME { ageing SECONDS | conn-max N | vxlan-port N }\n");
		return -1;
	}

	h = get_handle();
	if (!h)
		return -1;
	ret = xsw_switch_set(h, name, &cfg);
	if (ret)
		return report_error(h, ret);
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
	if (strcmp(*argv, "set") == 0)
		return do_set(argc - 1, argv + 1);
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
