// SPDX-License-Identifier: GPL-2.0-only
/*
 * xsw fdb - a switch's forwarding database: static entries, listing,
 * flushing.
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
		"Usage: xsw fdb add SWITCH mac ADDR [ vlan VLAN ] port IFNAME\n"
		"       xsw fdb del SWITCH mac ADDR [ vlan VLAN ] [ port IFNAME ]\n"
		"       xsw fdb { show | list } SWITCH\n"
		"       xsw fdb flush SWITCH [ port IFNAME ] [ mac ADDR ] [ vlan VLAN ] [ static ]\n"
		"       xsw fdb help\n"
		"add makes a static entry; without vlan, in the port's PVID (access)\n"
		"or native VLAN (trunk), which the port must carry.  del without vlan\n"
		"deletes ADDR in every VLAN; with port, only the entries on that port.\n"
		"flush deletes the learned entries that match every filter given (all\n"
		"without one); static: static ones too.\n");
}

/* The arguments of every fdb command; which ones a command takes varies. */
struct fdb_args {
	const char *sw;
	const char *port;
	bool has_mac;
	uint8_t mac[6];
	uint16_t vlan;
	bool with_static;
};

enum {
	ARG_MAC		= 1 << 0,
	ARG_VLAN	= 1 << 1,
	ARG_PORT	= 1 << 2,
	ARG_STATIC	= 1 << 3,
	ARG_NEED_MAC	= 1 << 4,	/* mac is required */
};

/*
 * "SWITCH" and then the keywords @allowed says.  Returns 0, 1 after
 * printing help, or -1.
 */
static int parse_args(int argc, char **argv, unsigned int allowed,
		      const char *synopsis, struct fdb_args *a)
{
	memset(a, 0, sizeof(*a));
	if (argc < 1) {
		fprintf(stderr, "Error: switch name is required: xsw fdb %s\n",
			synopsis);
		return -1;
	}
	if (strcmp(*argv, "help") == 0) {
		usage();
		return 1;
	}
	a->sw = *argv;
	if (!strcmp(a->sw, "mac") || !strcmp(a->sw, "vlan") ||
	    !strcmp(a->sw, "port") || !strcmp(a->sw, "static")) {
		fprintf(stderr, "Error: the switch comes first: xsw fdb %s\n",
			synopsis);
		return -1;
	}

	while (--argc > 0) {
		argv++;
		if ((allowed & ARG_MAC) && strcmp(*argv, "mac") == 0) {
			NEXT_ARG();
			if (a->has_mac)
				return duparg("mac", *argv);
			if (parse_mac("mac", *argv, a->mac))
				return -1;
			a->has_mac = true;
		} else if ((allowed & ARG_VLAN) && strcmp(*argv, "vlan") == 0) {
			NEXT_ARG();
			if (a->vlan)
				return duparg("vlan", *argv);
			if (parse_vlan("vlan", *argv, &a->vlan))
				return -1;
		} else if ((allowed & ARG_PORT) && strcmp(*argv, "port") == 0) {
			NEXT_ARG();
			if (a->port)
				return duparg("port", *argv);
			a->port = *argv;
		} else if ((allowed & ARG_STATIC) &&
			   strcmp(*argv, "static") == 0) {
			a->with_static = true;
		} else if (strcmp(*argv, "help") == 0) {
			usage();
			return 1;
		} else {
			return unknown_keyword(*argv);
		}
	}

	if ((allowed & ARG_NEED_MAC) && !a->has_mac) {
		fprintf(stderr, "Error: \"mac ADDR\" is required: xsw fdb %s\n",
			synopsis);
		return -1;
	}
	return 0;
}

static int do_add(int argc, char **argv)
{
	static const char synopsis[] =
		"add SWITCH mac ADDR [ vlan VLAN ] port IFNAME";
	struct xsw_handle *h;
	struct fdb_args a;
	int ret;

	ret = parse_args(argc, argv, ARG_MAC | ARG_NEED_MAC | ARG_VLAN | ARG_PORT,
			 synopsis, &a);
	if (ret)
		return ret < 0 ? ret : 0;
	if (!a.port) {
		fprintf(stderr, "Error: \"port IFNAME\" is required: xsw fdb %s\n",
			synopsis);
		return -1;
	}

	h = get_handle();
	if (!h)
		return -1;
	ret = xsw_fdb_add(h, a.sw, a.mac, a.vlan, a.port);
	if (ret)
		return report_error(h, ret);
	return 0;
}

static int do_del(int argc, char **argv)
{
	struct xsw_handle *h;
	struct fdb_args a;
	int ret;

	ret = parse_args(argc, argv, ARG_MAC | ARG_NEED_MAC | ARG_VLAN | ARG_PORT,
			 "del SWITCH mac ADDR [ vlan VLAN ] [ port IFNAME ]", &a);
	if (ret)
		return ret < 0 ? ret : 0;

	h = get_handle();
	if (!h)
		return -1;
	ret = xsw_fdb_del_port(h, a.sw, a.mac, a.vlan, a.port);
	if (ret)
		return report_error(h, ret);
	return 0;
}

static int do_flush(int argc, char **argv)
{
	struct xsw_fdb_filter flt;
	struct xsw_handle *h;
	struct fdb_args a;
	int ret;

	ret = parse_args(argc, argv, ARG_PORT | ARG_MAC | ARG_VLAN | ARG_STATIC,
			 "flush SWITCH [ port IFNAME ] [ mac ADDR ] [ vlan VLAN ] [ static ]",
			 &a);
	if (ret)
		return ret < 0 ? ret : 0;

	h = get_handle();
	if (!h)
		return -1;
	flt.port = a.port;
	flt.mac = a.has_mac ? a.mac : NULL;
	flt.vlan = a.vlan;
	flt.with_static = a.with_static;
	ret = xsw_fdb_flush_match(h, a.sw, &flt);
	if (ret)
		return report_error(h, ret);
	return 0;
}

static void print_fdb(const struct xsw_fdb_info *f)
{
	char age[16];

	open_json_object(NULL);
	print_hwaddr(PRINT_ANY, "mac", "%s", f->mac, sizeof(f->mac));
	print_uint(PRINT_ANY, "vlan", " vlan %u", f->vlan);
	print_string(PRINT_ANY, "ifname", " port %s", f->port_ifname);
	print_string(PRINT_JSON, "master", NULL, f->switch_ifname);
	print_string(PRINT_ANY, "state", " %s",
		     f->is_static ? "static" : "learned");
	print_uint(PRINT_JSON, "age_ms", NULL, f->age_ms);
	if (!f->is_static) {
		snprintf(age, sizeof(age), "%u.%u", f->age_ms / 1000,
			 f->age_ms % 1000 / 100);
		print_string(PRINT_FP, NULL, " age %ss", age);
	}
	close_json_object();
	print_nl();
}

static int collect(const struct xsw_fdb_info *f, void *arg)
{
	return vec_push(arg, f);
}

static int dump_fdb(struct xsw_handle *h, const char *sw, struct vec *v)
{
	return xsw_fdb_dump(h, sw, collect, v);
}

static int do_show(int argc, char **argv)
{
	struct vec entries = VEC_INIT(struct xsw_fdb_info);
	struct xsw_handle *h;
	struct fdb_args a;
	size_t i;
	int ret;

	ret = parse_args(argc, argv, 0, "show SWITCH", &a);
	if (ret)
		return ret < 0 ? ret : 0;

	h = get_handle();
	if (!h)
		return -1;

	/* Read everything first: a retried dump must not print twice. */
	ret = dump_retry(h, dump_fdb, a.sw, &entries);
	if (ret) {
		vec_free(&entries);
		return report_error(h, ret);
	}

	new_json_obj(json);
	for (i = 0; i < entries.len; i++)
		print_fdb(vec_at(&entries, i));
	delete_json_obj();
	vec_free(&entries);
	return 0;
}

int do_fdb(int argc, char **argv)
{
	if (argc < 1) {
		usage();
		return -1;
	}
	if (strcmp(*argv, "add") == 0)
		return do_add(argc - 1, argv + 1);
	if (strcmp(*argv, "del") == 0 || strcmp(*argv, "delete") == 0)
		return do_del(argc - 1, argv + 1);
	if (strcmp(*argv, "show") == 0 || strcmp(*argv, "list") == 0)
		return do_show(argc - 1, argv + 1);
	if (strcmp(*argv, "flush") == 0)
		return do_flush(argc - 1, argv + 1);
	if (strcmp(*argv, "help") == 0) {
		usage();
		return 0;
	}
	fprintf(stderr, "Command \"%s\" is unknown, try \"xsw fdb help\".\n",
		*argv);
	return -1;
}
