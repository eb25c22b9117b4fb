// SPDX-License-Identifier: GPL-2.0-only
/*
 * xsw port - attach, detach, configure and list switch ports.
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
		"Usage: xsw port add SWITCH dev IFNAME [ type { external | vm } ]\n"
		"       xsw port add SWITCH name IFNAME type internal\n"
		"       xsw port del [ dev ] IFNAME\n"
		"       xsw port set [ dev ] IFNAME SETTING...\n"
		"       xsw port { show | list } [ [ dev ] IFNAME | switch SWITCH ]\n"
		"       xsw port help\n"
		"SETTING := { vlan-mode { access | trunk } | pvid VLAN | vlans LIST |\n"
		"             native { VLAN | none } | mac { ADDR | none } |\n"
		"             mac-spoofing { on | off } | dhcp-guard { on | off } |\n"
		"             router-guard { on | off } | isolated { on | off } |\n"
		"             learn-limit N }\n"
		"       xsw port set [ dev ] IFNAME vsid { VSID ca ADDR [ ca ADDR ]... | none }\n"
		"VLAN := 1..4094   LIST := VLAN or range, comma-separated: 10,20-30, or none\n"
		"\"mac none\" forgets the port's MAC: the next one it sends from sticks.\n"
		"An internal port's IFNAME may hold one %%d; it is deleted with the port.\n");
}

static const char *const type_names[] = {
	[XSW_PORT_TYPE_EXTERNAL] = "external",
	[XSW_PORT_TYPE_VM]	 = "vm",
	[XSW_PORT_TYPE_INTERNAL] = "internal",
	[XSW_PORT_TYPE_HOST]	 = "host",
};

static const char *const vlan_mode_names[] = {
	[XSW_VLAN_MODE_ACCESS] = "access",
	[XSW_VLAN_MODE_TRUNK]  = "trunk",
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

/* The index of @arg in @names, or -1. */
static int enum_value(const char *const *names, size_t n, const char *arg)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (names[i] && strcmp(names[i], arg) == 0)
			return i;
	return -1;
}

/*
 * The trunk VLANs: in JSON [{"vlan":10},{"vlan":20,"vlan_end":30}], in
 * text " vlans 10,20-30" or " vlans none".
 */
static void print_vlans(const uint8_t *bitmap)
{
	unsigned int vid, end;
	bool first = true;

	open_json_array(PRINT_ANY, "vlans", " vlans ");
	for (vid = 0; vid < 8 * XSW_VLAN_BITMAP_LEN; vid = end + 1) {
		if (!xsw_vlan_test(bitmap, vid)) {
			end = vid;
			continue;
		}
		for (end = vid; xsw_vlan_test(bitmap, end + 1); end++)
			;
		open_json_object(NULL);
		print_uint(PRINT_ANY, "vlan", first ? "%u" : ",%u", vid);
		if (end > vid)
			print_uint(PRINT_ANY, "vlan_end", "-%u", end);
		close_json_object();
		first = false;
	}
	if (first)
		print_string(PRINT_FP, NULL, "%s", "none");
	close_json_array(PRINT_ANY, NULL);
}

static void print_vlan_config(const struct xsw_port_info *p)
{
	char buf[8];

	print_string(PRINT_ANY, "vlan_mode", "    vlan-mode %s",
		     enum_name(vlan_mode_names, ARRAY_SIZE(vlan_mode_names),
			       p->vlan_mode, buf, sizeof(buf)));
	if (p->vlan_mode == XSW_VLAN_MODE_TRUNK) {
		print_uint(PRINT_JSON, "pvid", NULL, p->pvid);
		print_uint(PRINT_JSON, "native_vlan", NULL, p->native_vlan);
		print_vlans(p->vlans);
		if (p->native_vlan)
			print_uint(PRINT_FP, NULL, " native %u", p->native_vlan);
		else
			print_string(PRINT_FP, NULL, " native %s", "none");
	} else {
		print_uint(PRINT_ANY, "pvid", " pvid %u", p->pvid);
		print_uint(PRINT_JSON, "native_vlan", NULL, p->native_vlan);
		/* an access port has no VLAN list, whatever a trunk left */
		open_json_array(PRINT_JSON, "vlans", NULL);
		close_json_array(PRINT_JSON, NULL);
	}
	print_nl();
}

static void print_port_stats(const struct xsw_stats *st)
{
	open_json_object("stats");
	print_u64(PRINT_JSON, "rx_packets", NULL, st->rx_packets);
	print_u64(PRINT_JSON, "tx_packets", NULL, st->tx_packets);
	print_u64(PRINT_JSON, "rx_bytes", NULL, st->rx_bytes);
	print_u64(PRINT_JSON, "tx_bytes", NULL, st->tx_bytes);
	print_u64(PRINT_FP, NULL, "    RX: packets %" PRIu64, st->rx_packets);
	print_u64(PRINT_FP, NULL, " bytes %" PRIu64, st->rx_bytes);
	print_nl();
	print_u64(PRINT_FP, NULL, "    TX: packets %" PRIu64, st->tx_packets);
	print_u64(PRINT_FP, NULL, " bytes %" PRIu64, st->tx_bytes);
	print_nl();
	print_drops(st);
	close_json_object();
}

static void print_port(const struct xsw_port_info *p)
{
	char buf[8];

	open_json_object(NULL);
	print_string(PRINT_ANY, "ifname", "%s:", p->ifname);
	print_uint(PRINT_JSON, "ifindex", NULL, p->ifindex);
	print_string(PRINT_ANY, "switch", " switch %s", p->switch_ifname);
	print_string(PRINT_ANY, "type", " type %s",
		     enum_name(type_names, ARRAY_SIZE(type_names), p->type,
			       buf, sizeof(buf)));
	print_string(PRINT_FP, NULL, " carrier %s", p->carrier ? "up" : "down");
	print_uint(PRINT_FP, NULL, " mtu %u", p->mtu);
	print_nl();

	print_vlan_config(p);

	if (p->has_mac)
		print_hwaddr(PRINT_ANY, "mac", "    mac %s", p->mac,
			     sizeof(p->mac));
	else
		print_null(PRINT_ANY, "mac", "    mac %s", "none");
	print_on_off(PRINT_ANY, "mac_spoofing", " mac-spoofing %s",
		     p->mac_spoofing);
	print_on_off(PRINT_ANY, "dhcp_guard", " dhcp-guard %s", p->dhcp_guard);
	print_on_off(PRINT_ANY, "router_guard", " router-guard %s",
		     p->router_guard);
	print_on_off(PRINT_ANY, "isolated", " isolated %s", p->isolated);
	print_nl();

	print_uint(PRINT_JSON, "learn_limit", NULL, p->learn_limit);
	print_uint(PRINT_JSON, "learned", NULL, p->learned);
	print_uint(PRINT_FP, NULL, "    learned %u", p->learned);
	print_uint(PRINT_FP, NULL, "/%u", p->learn_limit);
	print_nl();
	print_bool(PRINT_JSON, "carrier", NULL, p->carrier);
	print_uint(PRINT_JSON, "mtu", NULL, p->mtu);

	if (show_stats)
		print_port_stats(&p->stats);
	close_json_object();
}

/* "help" anywhere prints the usage; the caller then returns 0. */
static bool is_help(const char *arg)
{
	if (strcmp(arg, "help"))
		return false;
	usage();
	return true;
}

static int do_add(int argc, char **argv)
{
	const char *sw, *dev = NULL, *name = NULL;
	struct xsw_handle *h;
	int type = 0;
	int ret;

	if (argc < 1) {
		fprintf(stderr, "Error: switch name is required: xsw port add SWITCH dev IFNAME\n");
		return -1;
	}
	if (is_help(*argv))
		return 0;
	sw = *argv;
	if (!strcmp(sw, "dev") || !strcmp(sw, "name") || !strcmp(sw, "type")) {
		fprintf(stderr, "Error: the switch comes first: xsw port add SWITCH %s ...\n",
			sw);
		return -1;
	}

	while (--argc > 0) {
		argv++;
		if (strcmp(*argv, "dev") == 0) {
			NEXT_ARG();
			if (dev)
				return duparg("dev", *argv);
			dev = *argv;
		} else if (strcmp(*argv, "name") == 0) {
			NEXT_ARG();
			if (name)
				return duparg("name", *argv);
			name = *argv;
		} else if (strcmp(*argv, "type") == 0) {
			NEXT_ARG();
			if (type)
				return duparg("type", *argv);
			type = enum_value(type_names, ARRAY_SIZE(type_names),
					  *argv);
			if (type <= 0 || type == XSW_PORT_TYPE_HOST)
				return invarg("\"type\" is external, vm or internal",
					      *argv);
		} else if (is_help(*argv)) {
			return 0;
		} else {
			return unknown_keyword(*argv);
		}
	}

	if (type == XSW_PORT_TYPE_INTERNAL) {
		if (dev) {
			fprintf(stderr, "Error: an internal port is a new device: give its \"name\", not \"dev\".\n");
			return -1;
		}
		if (!name) {
			fprintf(stderr, "Error: \"name IFNAME\" is required: xsw port add SWITCH name IFNAME type internal\n");
			return -1;
		}
	} else {
		if (name) {
			fprintf(stderr, "Error: \"name\" creates an internal port (add \"type internal\"); attach an existing device with \"dev\".\n");
			return -1;
		}
		if (!dev) {
			fprintf(stderr, "Error: \"dev IFNAME\" is required: xsw port add SWITCH dev IFNAME\n");
			return -1;
		}
	}

	h = get_handle();
	if (!h)
		return -1;
	if (type == XSW_PORT_TYPE_INTERNAL)
		ret = xsw_port_add_internal(h, sw, name, NULL);
	else
		ret = xsw_port_add(h, sw, dev, type, NULL);
	if (ret)
		return report_error(h, ret);
	qos_port_added(h, sw, type);
	return 0;
}

/*
 * The port argument of del and show: "[ dev ] IFNAME", and for show also
 * "switch SWITCH".  Returns 0, 1 after printing help, or -1.
 */
static int parse_which(int argc, char **argv, const char **port,
		       const char **sw)
{
	*port = NULL;
	if (sw)
		*sw = NULL;
	while (argc > 0) {
		if (strcmp(*argv, "dev") == 0) {
			NEXT_ARG();
			if (*port)
				return duparg("dev", *argv);
			*port = *argv;
		} else if (sw && strcmp(*argv, "switch") == 0) {
			NEXT_ARG();
			if (*sw)
				return duparg("switch", *argv);
			*sw = *argv;
		} else if (is_help(*argv)) {
			return 1;
		} else {
			if (*port)
				return duparg2("dev", *argv);
			*port = *argv;
		}
		argc--;
		argv++;
	}
	if (sw && *sw && *port) {
		fprintf(stderr, "Error: show one port (\"dev\") or the ports of one switch (\"switch\"), not both.\n");
		return -1;
	}
	return 0;
}

static int do_del(int argc, char **argv)
{
	struct xsw_handle *h;
	const char *port;
	int ret;

	ret = parse_which(argc, argv, &port, NULL);
	if (ret)
		return ret < 0 ? ret : 0;
	if (!port) {
		fprintf(stderr, "Error: port name is required: xsw port del [ dev ] IFNAME\n");
		return -1;
	}

	h = get_handle();
	if (!h)
		return -1;
	ret = qos_port_del(h, port);
	if (ret)
		return report_error(h, ret);
	return 0;
}

/* Note that @cfg sets @bit, unless it already does. */
static int once(struct xsw_port_config *cfg, uint32_t bit, const char *key,
		const char *arg)
{
	if (cfg->set & bit)
		return duparg(key, arg);
	cfg->set |= bit;
	return 0;
}

/* The SETTINGs of "xsw port set".  Returns 0, 1 after help, or -1. */
static int parse_config(int argc, char **argv, struct xsw_port_config *cfg)
{
	for (; argc > 0; argc--, argv++) {
		const char *key = *argv;

		if (strcmp(key, "vlan-mode") == 0) {
			int mode;

			NEXT_ARG();
			if (once(cfg, XSW_PORT_CFG_VLAN_MODE, key, *argv))
				return -1;
			mode = enum_value(vlan_mode_names,
					  ARRAY_SIZE(vlan_mode_names), *argv);
			if (mode <= 0)
				return invarg("\"vlan-mode\" is access or trunk",
					      *argv);
			cfg->vlan_mode = mode;
		} else if (strcmp(key, "pvid") == 0) {
			NEXT_ARG();
			if (once(cfg, XSW_PORT_CFG_PVID, key, *argv) ||
			    parse_vlan(key, *argv, &cfg->pvid))
				return -1;
		} else if (strcmp(key, "vlans") == 0) {
			NEXT_ARG();
			if (once(cfg, XSW_PORT_CFG_VLANS, key, *argv) ||
			    parse_vlan_list(key, *argv, cfg->vlans))
				return -1;
		} else if (strcmp(key, "native") == 0) {
			NEXT_ARG();
			if (once(cfg, XSW_PORT_CFG_NATIVE_VLAN, key, *argv))
				return -1;
			/* none, or 0 as the kernel spells it */
			if (strcmp(*argv, "none") == 0 || strcmp(*argv, "0") == 0)
				cfg->native_vlan = 0;
			else if (parse_vlan(key, *argv, &cfg->native_vlan))
				return -1;
		} else if (strcmp(key, "mac") == 0) {
			NEXT_ARG();
			if (once(cfg, XSW_PORT_CFG_MAC, key, *argv))
				return -1;
			if (strcmp(*argv, "none") == 0)
				memset(cfg->mac, 0, sizeof(cfg->mac));
			else if (parse_mac(key, *argv, cfg->mac))
				return -1;
		} else if (strcmp(key, "mac-spoofing") == 0) {
			NEXT_ARG();
			if (once(cfg, XSW_PORT_CFG_MAC_SPOOFING, key, *argv) ||
			    parse_on_off(key, *argv, &cfg->mac_spoofing))
				return -1;
		} else if (strcmp(key, "dhcp-guard") == 0) {
			NEXT_ARG();
			if (once(cfg, XSW_PORT_CFG_DHCP_GUARD, key, *argv) ||
			    parse_on_off(key, *argv, &cfg->dhcp_guard))
				return -1;
		} else if (strcmp(key, "router-guard") == 0) {
			NEXT_ARG();
			if (once(cfg, XSW_PORT_CFG_ROUTER_GUARD, key, *argv) ||
			    parse_on_off(key, *argv, &cfg->router_guard))
				return -1;
		} else if (strcmp(key, "isolated") == 0) {
			NEXT_ARG();
			if (once(cfg, XSW_PORT_CFG_ISOLATED, key, *argv) ||
			    parse_on_off(key, *argv, &cfg->isolated))
				return -1;
		} else if (strcmp(key, "learn-limit") == 0) {
			NEXT_ARG();
			if (once(cfg, XSW_PORT_CFG_LEARN_LIMIT, key, *argv) ||
			    parse_u32_range(key, *argv, 0, 1000000,
					    &cfg->learn_limit))
				return -1;
		} else if (is_help(key)) {
			return 1;
		} else {
			return unknown_keyword(key);
		}
	}
	return 0;
}

static int do_set(int argc, char **argv)
{
	struct xsw_port_config cfg = { 0 };
	struct xsw_handle *h;
	const char *port;
	int ret;

	if (argc > 0 && strcmp(*argv, "dev") == 0)
		NEXT_ARG();
	if (argc < 1) {
		fprintf(stderr, "Error: port name is required: xsw port set [ dev ] IFNAME SETTING...\n");
		return -1;
	}
	if (is_help(*argv))
		return 0;
	port = *argv;
	if (argc > 1 && strcmp(argv[1], "vsid") == 0)
		return port_set_vsid(port, argc - 2, argv + 2);

	ret = parse_config(argc - 1, argv + 1, &cfg);
	if (ret)
		return ret < 0 ? ret : 0;
	if (!cfg.set) {
		fprintf(stderr, "Error: nothing to set: xsw port set [ dev ] IFNAME SETTING..., try \"xsw port help\".\n");
		return -1;
	}

	h = get_handle();
	if (!h)
		return -1;
	ret = xsw_port_set(h, port, &cfg);
	if (ret)
		return report_error(h, ret);
	return 0;
}

static int collect(const struct xsw_port_info *p, void *arg)
{
	return vec_push(arg, p);
}

static int dump_ports(struct xsw_handle *h, const char *sw, struct vec *v)
{
	return xsw_port_dump(h, sw, collect, v);
}

static int get_port(struct xsw_handle *h, const char *name, void *out)
{
	return xsw_port_get(h, name, out);
}

static void print_one_port(const void *p)
{
	print_port(p);
}

static int do_show(int argc, char **argv)
{
	struct vec ports = VEC_INIT(struct xsw_port_info);
	const char *name, *sw;
	int ret;

	ret = parse_which(argc, argv, &name, &sw);
	if (ret)
		return ret < 0 ? ret : 0;
	return show_objects(&ports, name, get_port, dump_ports, sw,
			    print_one_port);
}

int do_port(int argc, char **argv)
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
	fprintf(stderr, "Command \"%s\" is unknown, try \"xsw port help\".\n",
		*argv);
	return -1;
}
