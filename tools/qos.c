// SPDX-License-Identifier: GPL-2.0-only
/*
 * xsw qos - port QoS: rate limits per direction (policers in the switch),
 * bandwidth guarantees on the uplink (an HTB tree on the external port's
 * device, which libxswitch's xsw_qos_sync() keeps), the uplink's
 * capacity.  Rates and sizes are written in tc's units.
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
		"Usage: xsw qos set dev IFNAME [ dir DIR max RATE [ burst SIZE ] ]\n"
		"                              [ min RATE | min-weight WEIGHT ]\n"
		"       xsw qos set dev UPLINK link RATE\n"
		"       xsw qos del dev IFNAME [ max [ dir DIR ] ] [ min ] [ link ]\n"
		"       xsw qos { show | list } [ dev IFNAME | switch SWITCH ]\n"
		"       xsw qos sync [ dev SWITCH ]\n"
		"       xsw qos help\n"
		"DIR    := { in | out }   in: from the port into the switch; out: out of the port.\n"
		"          \"max\" needs it: there is no default direction.\n"
		"max    a policer: frames above RATE are dropped (drop reason \"qos\"); burst:\n"
		"       default 300 ms at the rate.\n"
		"min    the least share of the uplink a vm or internal port gets, as a RATE or\n"
		"       as a WEIGHT 1..100 of what rate guarantees leave; it replaces the\n"
		"       port's guarantee of either kind.\n"
		"link   the uplink's capacity (external port only), which guarantees share;\n"
		"       unset, the speed the device reports (ethtool), if any: a veth says\n"
		"       10Gbit whatever is behind it, a dummy nothing.  Set it.\n"
		"RATE   a number with a unit: bit kbit mbit gbit tbit, bps (bytes/s) kbps mbps\n"
		"       gbps tbps, kibit mibit ... kibps mibps ...; no unit: bits/s.\n"
		"SIZE   a number with a unit: b k kb m mb g gb (k = 1024) kbit mbit gbit.\n"
		"del    with no selector removes everything the port has.\n"
		"Guarantees are kept by an HTB qdisc (handle 1:) at the root of the external\n"
		"port's device: class 1:2 for ports without one, 1:CLASS for each port with\n"
		"one (\"xsw qos show\").  \"qos set\" and \"qos del\" of min or link rebuild it,\n"
		"so do \"port add\" of the uplink and \"port del\", and \"xsw qos sync\" does\n"
		"it for one switch (or all) after a reboot or a change of the qdisc.  While\n"
		"some port has a guarantee, any other root qdisc there is replaced; when\n"
		"none has, only an HTB root of that handle is removed.  A guarantee needs\n"
		"the uplink's capacity, and the rate guarantees may not add up to more.\n");
}

static const char *const dir_names[] = {
	[XSW_ACL_DIR_IN]  = "in",
	[XSW_ACL_DIR_OUT] = "out",
};

/* "help" in the place of an argument prints the usage. */
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

/* A rate for keyword @key: 1 bit/s to XSW_QOS_RATE_MAX. */
static int parse_rate(const char *key, const char *arg, uint64_t *bps)
{
	char msg[96];
	int err;

	err = xsw_qos_rate_parse(arg, bps);
	if (err == -EINVAL) {
		snprintf(msg, sizeof(msg),
			 "\"%s\" is a rate such as 100mbit (see \"xsw qos help\")",
			 key);
		return invarg(msg, arg);
	}
	if (err || *bps > XSW_QOS_RATE_MAX) {
		snprintf(msg, sizeof(msg), "\"%s\" is at most 1tbit", key);
		return invarg(msg, arg);
	}
	if (!*bps) {
		snprintf(msg, sizeof(msg), "\"%s\" must be above zero", key);
		return invarg(msg, arg);
	}
	return 0;
}

static int parse_burst(const char *arg, uint32_t *bytes)
{
	int err = xsw_qos_size_parse(arg, bytes);

	if (err == -EINVAL)
		return invarg("\"burst\" is a size such as 64kb (see \"xsw qos help\")",
			      arg);
	if (err || *bytes > XSW_QOS_BURST_MAX)
		return invarg("\"burst\" is at most 256mb", arg);
	if (!*bytes)
		return invarg("\"burst\" must be above zero", arg);
	return 0;
}

/* "set" ------------------------------------------------------------------ */

struct set_args {
	const char *dev;
	struct xsw_qos_config cfg;
	bool has_dir;
};

/* Returns 0, -1 after an error message, or 1 after "help". */
static int parse_set(int argc, char **argv, struct set_args *a)
{
	struct xsw_qos_config *c = &a->cfg;

	memset(a, 0, sizeof(*a));
	for (; argc > 0; argc--, argv++) {
		if (strcmp(*argv, "dev") == 0) {
			NEXT_ARG();
			if (a->dev)
				return duparg("dev", *argv);
			a->dev = *argv;
		} else if (strcmp(*argv, "dir") == 0) {
			NEXT_ARG();
			if (a->has_dir)
				return duparg("dir", *argv);
			if (parse_dir(*argv, &c->dir))
				return -1;
			a->has_dir = true;
		} else if (strcmp(*argv, "max") == 0) {
			NEXT_ARG();
			if (c->set & XSW_QOS_CFG_MAX)
				return duparg("max", *argv);
			if (parse_rate("max", *argv, &c->max_rate))
				return -1;
			c->set |= XSW_QOS_CFG_MAX;
		} else if (strcmp(*argv, "burst") == 0) {
			NEXT_ARG();
			if (c->set & XSW_QOS_CFG_BURST)
				return duparg("burst", *argv);
			if (parse_burst(*argv, &c->burst))
				return -1;
			c->set |= XSW_QOS_CFG_BURST;
		} else if (strcmp(*argv, "min") == 0) {
			NEXT_ARG();
			if (c->set & XSW_QOS_CFG_MIN_RATE)
				return duparg("min", *argv);
			if (parse_rate("min", *argv, &c->min_rate))
				return -1;
			c->set |= XSW_QOS_CFG_MIN_RATE;
		} else if (strcmp(*argv, "min-weight") == 0) {
			NEXT_ARG();
			if (c->set & XSW_QOS_CFG_MIN_WEIGHT)
				return duparg("min-weight", *argv);
			if (parse_u32_range("min-weight", *argv, 1,
					    XSW_QOS_WEIGHT_MAX, &c->min_weight))
				return -1;
			c->set |= XSW_QOS_CFG_MIN_WEIGHT;
		} else if (strcmp(*argv, "link") == 0) {
			NEXT_ARG();
			if (c->set & XSW_QOS_CFG_LINK_RATE)
				return duparg("link", *argv);
			if (parse_rate("link", *argv, &c->link_rate))
				return -1;
			c->set |= XSW_QOS_CFG_LINK_RATE;
		} else if (is_help(*argv)) {
			return 1;
		} else {
			return unknown_keyword(*argv);
		}
	}

	if (!a->dev) {
		fprintf(stderr, "Error: \"dev IFNAME\" is required: xsw qos set dev IFNAME ...\n");
		return -1;
	}
	if ((c->set & XSW_QOS_CFG_MAX) && !a->has_dir) {
		fprintf(stderr, "Error: \"max\" needs \"dir in\" or \"dir out\".\n");
		return -1;
	}
	if (a->has_dir && !(c->set & XSW_QOS_CFG_MAX)) {
		fprintf(stderr, "Error: \"dir\" is for \"max\" only.\n");
		return -1;
	}
	if ((c->set & XSW_QOS_CFG_BURST) && !(c->set & XSW_QOS_CFG_MAX)) {
		fprintf(stderr, "Error: \"burst\" needs \"max\".\n");
		return -1;
	}
	if ((c->set & XSW_QOS_CFG_MIN_RATE) &&
	    (c->set & XSW_QOS_CFG_MIN_WEIGHT)) {
		fprintf(stderr, "Error: \"min\" and \"min-weight\" are exclusive.\n");
		return -1;
	}
	if (!(c->set & (XSW_QOS_CFG_MAX | XSW_QOS_CFG_MIN_RATE |
			XSW_QOS_CFG_MIN_WEIGHT | XSW_QOS_CFG_LINK_RATE))) {
		fprintf(stderr, "Error: nothing to set: give max, min, min-weight or link.\n");
		return -1;
	}
	return 0;
}

/*
 * The uplink's HTB tree after a change of @port's guarantee or link
 * rate, which the kernel has by now.
 */
static int sync_after(struct xsw_handle *h, const char *port)
{
	struct xsw_port_info pi = { 0 };
	int ret;

	ret = xsw_port_get(h, port, &pi);
	if (!ret)
		ret = xsw_qos_sync(h, pi.switch_ifname);
	if (!ret)
		return 0;
	report_error(h, ret);
	fprintf(stderr,
		"Error: the switch has the change, but the uplink's HTB tree does not; fix that and run \"xsw qos sync dev %s\".\n",
		pi.switch_ifname[0] ? pi.switch_ifname : "SWITCH");
	return -1;
}

static int do_set(int argc, char **argv)
{
	struct xsw_handle *h;
	struct set_args a;
	bool tree;
	int ret;

	ret = parse_set(argc, argv, &a);
	if (ret)
		return ret < 0 ? ret : 0;
	h = get_handle();
	if (!h)
		return -1;
	tree = a.cfg.set & (XSW_QOS_CFG_MIN_RATE | XSW_QOS_CFG_MIN_WEIGHT |
			    XSW_QOS_CFG_LINK_RATE);
	/* Whether the tree can be built, before the switch changes. */
	if (tree) {
		ret = xsw_qos_check(h, a.dev, &a.cfg, 0);
		if (ret)
			return report_error(h, ret);
	}
	ret = xsw_qos_set(h, a.dev, &a.cfg);
	if (ret)
		return report_error(h, ret);
	return tree ? sync_after(h, a.dev) : 0;
}

/* "del" ------------------------------------------------------------------ */

struct del_args {
	const char *dev;
	unsigned int what;
	uint8_t dir;
};

static int parse_del(int argc, char **argv, struct del_args *a)
{
	memset(a, 0, sizeof(*a));
	for (; argc > 0; argc--, argv++) {
		if (strcmp(*argv, "dev") == 0) {
			NEXT_ARG();
			if (a->dev)
				return duparg("dev", *argv);
			a->dev = *argv;
		} else if (strcmp(*argv, "max") == 0) {
			if (a->what & XSW_QOS_DEL_MAX)
				return duparg("max", *argv);
			a->what |= XSW_QOS_DEL_MAX;
		} else if (strcmp(*argv, "dir") == 0) {
			NEXT_ARG();
			if (a->dir)
				return duparg("dir", *argv);
			if (parse_dir(*argv, &a->dir))
				return -1;
		} else if (strcmp(*argv, "min") == 0) {
			if (a->what & XSW_QOS_DEL_MIN)
				return duparg("min", *argv);
			a->what |= XSW_QOS_DEL_MIN;
		} else if (strcmp(*argv, "link") == 0) {
			if (a->what & XSW_QOS_DEL_LINK)
				return duparg("link", *argv);
			a->what |= XSW_QOS_DEL_LINK;
		} else if (is_help(*argv)) {
			return 1;
		} else {
			return unknown_keyword(*argv);
		}
	}
	if (!a->dev) {
		fprintf(stderr, "Error: \"dev IFNAME\" is required: xsw qos del dev IFNAME [ max [ dir DIR ] ] [ min ] [ link ]\n");
		return -1;
	}
	if (a->dir && !(a->what & XSW_QOS_DEL_MAX)) {
		fprintf(stderr, "Error: \"dir\" is for \"max\" only: xsw qos del dev %s max dir %s\n",
			a->dev, dir_names[a->dir]);
		return -1;
	}
	return 0;
}

static int do_del(int argc, char **argv)
{
	struct xsw_handle *h;
	struct del_args a;
	bool tree;
	int ret;

	ret = parse_del(argc, argv, &a);
	if (ret)
		return ret < 0 ? ret : 0;
	h = get_handle();
	if (!h)
		return -1;
	tree = !a.what || (a.what & (XSW_QOS_DEL_MIN | XSW_QOS_DEL_LINK));
	if (tree) {
		ret = xsw_qos_check(h, a.dev, NULL, a.what);
		if (ret)
			return report_error(h, ret);
	}
	ret = xsw_qos_del(h, a.dev, a.what, a.dir);
	if (ret)
		return report_error(h, ret);
	return tree ? sync_after(h, a.dev) : 0;
}

/* "show" ----------------------------------------------------------------- */

static void print_rate(const char *key, const char *fmt, uint64_t bps)
{
	char buf[32];

	print_string(PRINT_FP, NULL, fmt, xsw_qos_rate_format(bps, buf,
							      sizeof(buf)));
	print_u64(PRINT_JSON, key, NULL, bps);
}

/* As tc prints sizes: "64Kb", "1Mb" when exact, else bytes ("1514b"). */
static void print_size(const char *key, const char *fmt, uint32_t bytes)
{
	char buf[32];

	if (bytes && bytes % (1024 * 1024) == 0)
		snprintf(buf, sizeof(buf), "%uMb", bytes / (1024 * 1024));
	else if (bytes && bytes % 1024 == 0)
		snprintf(buf, sizeof(buf), "%uKb", bytes / 1024);
	else
		snprintf(buf, sizeof(buf), "%ub", bytes);
	print_string(PRINT_FP, NULL, fmt, buf);
	print_uint(PRINT_JSON, key, NULL, bytes);
}

static void print_qos(const void *obj)
{
	const struct xsw_qos_info *q = obj;
	const struct xsw_qos_limit_info *lim;
	char cls[32];
	int i;

	open_json_object(NULL);
	print_string(PRINT_ANY, "ifname", "%s", q->port_ifname);
	print_uint(PRINT_JSON, "ifindex", NULL, q->port_ifindex);
	print_string(PRINT_ANY, "master", " switch %s", q->switch_ifname);
	if (q->min_rate)
		print_rate("min_rate", " min %s", q->min_rate);
	if (q->min_weight)
		print_uint(PRINT_ANY, "min_weight", " min-weight %u",
			   q->min_weight);
	if (q->link_rate)
		print_rate("link_rate", " link %s", q->link_rate);
	if (q->htb_class) {
		snprintf(cls, sizeof(cls), "%x:%x", q->htb_major,
			 q->htb_class);
		print_string(PRINT_FP, NULL, " class %s", cls);
		print_uint(PRINT_JSON, "htb_major", NULL, q->htb_major);
		print_uint(PRINT_JSON, "htb_class", NULL, q->htb_class);
	} else if (q->htb_major) {
		print_uint(PRINT_ANY, "htb_major", " htb %x:", q->htb_major);
	}
	open_json_array(PRINT_JSON, "max", NULL);
	for (i = 0; i < 2; i++) {
		lim = &q->limit[i];
		if (!lim->set)
			continue;
		print_nl();
		open_json_object(NULL);
		print_string(PRINT_ANY, "dir", "    max dir %s",
			     dir_names[XSW_ACL_DIR_IN + i]);
		print_rate("rate", " %s", lim->max_rate);
		print_size("burst", " burst %s", lim->burst);
		if (show_stats) {
			print_u64(PRINT_ANY, "dropped_packets",
				  " dropped %" PRIu64, lim->dropped_packets);
			print_u64(PRINT_ANY, "dropped_bytes",
				  " (%" PRIu64 " bytes)", lim->dropped_bytes);
		}
		close_json_object();
	}
	close_json_array(PRINT_JSON, NULL);
	close_json_object();
	print_nl();
}

static int get_qos(struct xsw_handle *h, const char *name, void *out)
{
	return xsw_qos_get(h, name, out);
}

static int collect(const struct xsw_qos_info *q, void *arg)
{
	return vec_push(arg, q);
}

static int dump_qos(struct xsw_handle *h, const char *sw, struct vec *v)
{
	return xsw_qos_dump(h, sw, collect, v);
}

static int do_show(int argc, char **argv)
{
	struct vec v = VEC_INIT(struct xsw_qos_info);
	const char *dev = NULL, *sw = NULL;

	for (; argc > 0; argc--, argv++) {
		if (strcmp(*argv, "dev") == 0) {
			NEXT_ARG();
			if (dev)
				return duparg("dev", *argv);
			dev = *argv;
		} else if (strcmp(*argv, "switch") == 0) {
			NEXT_ARG();
			if (sw)
				return duparg("switch", *argv);
			sw = *argv;
		} else if (is_help(*argv)) {
			return 0;
		} else {
			return unknown_keyword(*argv);
		}
	}
	if (dev && sw) {
		fprintf(stderr, "Error: \"dev\" and \"switch\" are exclusive.\n");
		return -1;
	}
	return show_objects(&v, dev, get_qos, dump_qos, sw, print_qos);
}

/* "sync" ----------------------------------------------------------------- */

static int collect_switch(const struct xsw_switch_info *sw, void *arg)
{
	return vec_push(arg, sw);
}

static int dump_switches(struct xsw_handle *h, const char *filter,
			 struct vec *v)
{
	(void)filter;
	return xsw_switch_dump(h, collect_switch, v);
}

static int do_sync(int argc, char **argv)
{
	struct vec v = VEC_INIT(struct xsw_switch_info);
	const struct xsw_switch_info *sw;
	const char *dev = NULL;
	struct xsw_handle *h;
	int ret = 0, err;
	size_t i;

	for (; argc > 0; argc--, argv++) {
		if (strcmp(*argv, "dev") == 0) {
			NEXT_ARG();
			if (dev)
				return duparg("dev", *argv);
			dev = *argv;
		} else if (is_help(*argv)) {
			return 0;
		} else {
			return unknown_keyword(*argv);
		}
	}
	h = get_handle();
	if (!h)
		return -1;
	if (dev) {
		err = xsw_qos_sync(h, dev);
		return err ? report_error(h, err) : 0;
	}
	err = dump_retry(h, dump_switches, NULL, &v);
	if (err) {
		vec_free(&v);
		return report_error(h, err);
	}
	/* Every switch, even after one failed. */
	for (i = 0; i < v.len; i++) {
		sw = vec_at(&v, i);
		err = xsw_qos_sync(h, sw->ifname);
		if (err) {
			fprintf(stderr, "%s: ", sw->ifname);
			ret = report_error(h, err);
		}
	}
	vec_free(&v);
	return ret;
}

/* "port add" and "port del" ------------------------------------------------ */

static void tree_warning(struct xsw_handle *h, const char *sw)
{
	const char *msg = xsw_errmsg(h);

	fprintf(stderr,
		"Warning: the uplink's HTB tree was not updated: %s; fix that and run \"xsw qos sync dev %s\".\n",
		msg[0] ? msg : "(no message)", sw);
}

void qos_port_added(struct xsw_handle *h, const char *sw, uint8_t type)
{
	/* Only a new uplink changes the tree: a new port has no guarantee. */
	if (type == XSW_PORT_TYPE_EXTERNAL && xsw_qos_sync(h, sw))
		tree_warning(h, sw);
}

int qos_port_del(struct xsw_handle *h, const char *port)
{
	struct xsw_port_info pi = { 0 };
	struct xsw_qos_info q;
	bool known, had_min = false;
	uint16_t major = 0;
	int ret;

	known = xsw_port_get(h, port, &pi) == 0;
	if (known && xsw_qos_get(h, port, &q) == 0) {
		had_min = q.min_rate || q.min_weight;
		major = q.htb_major;
	}
	ret = xsw_port_del(h, port);
	if (ret || !known)
		return ret;
	/* A guarantee gone: its class goes; the uplink gone: the tree. */
	if (had_min && xsw_qos_sync(h, pi.switch_ifname))
		tree_warning(h, pi.switch_ifname);
	else if (pi.type == XSW_PORT_TYPE_EXTERNAL &&
		 xsw_qos_release(h, port, major))
		tree_warning(h, pi.switch_ifname);
	return 0;
}

static int find_uplink(const struct xsw_port_info *port, void *arg)
{
	struct xsw_port_info *up = arg;

	if (port->type == XSW_PORT_TYPE_EXTERNAL)
		*up = *port;
	return 0;
}

int qos_switch_del(struct xsw_handle *h, const char *sw)
{
	struct xsw_port_info up = { 0 };
	struct xsw_qos_info q;
	uint16_t major = 0;
	int ret;

	if (xsw_port_dump(h, sw, find_uplink, &up) == 0 && up.ifname[0] &&
	    xsw_qos_get(h, up.ifname, &q) == 0)
		major = q.htb_major;
	ret = xsw_switch_del(h, sw);
	if (ret || !up.ifname[0])
		return ret;
	/* The uplink is a plain device again: xswitch's tree goes. */
	if (xsw_qos_release(h, up.ifname, major))
		fprintf(stderr,
			"Warning: the HTB qdisc on %s stays: %s; \"tc qdisc del dev %s root\" removes it.\n",
			up.ifname, xsw_errmsg(h), up.ifname);
	return 0;
}

int do_qos(int argc, char **argv)
{
	if (argc < 1)
		return do_show(0, NULL);
	if (strcmp(*argv, "show") == 0 || strcmp(*argv, "list") == 0)
		return do_show(argc - 1, argv + 1);
	if (strcmp(*argv, "set") == 0)
		return do_set(argc - 1, argv + 1);
	if (strcmp(*argv, "del") == 0 || strcmp(*argv, "delete") == 0)
		return do_del(argc - 1, argv + 1);
	if (strcmp(*argv, "sync") == 0)
		return do_sync(argc - 1, argv + 1);
	if (strcmp(*argv, "help") == 0) {
		usage();
		return 0;
	}
	fprintf(stderr, "Command \"%s\" is unknown, try \"xsw qos help\".\n",
		*argv);
	return -1;
}
