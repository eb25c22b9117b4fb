// SPDX-License-Identifier: GPL-2.0-only
/*
 * xsw vnet, vsubnet, pa, map - network virtualisation: routing domains,
 * virtual subnets, provider addresses, CA-PA mappings; and a port's VSID
 * ("xsw port set IFNAME vsid ...").  The data path does not use them yet.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <xswitch.h>

#include "print.h"
#include "utils.h"
#include "xsw.h"

#define ADDR_STRLEN 48

static void usage_vnet(void)
{
	fprintf(stderr,
		"Usage: xsw vnet add NAME rdid N\n"
		"       xsw vnet del NAME\n"
		"       xsw vnet show [ NAME ]\n"
		"A vnet is a routing domain: a tenant's virtual network.\n");
}

static void usage_vsubnet(void)
{
	fprintf(stderr,
		"Usage: xsw vsubnet add VSID vnet NAME [ prefix ADDR/LEN ]... [ gateway ADDR ]\n"
		"                       [ encap { vxlan | nvgre } ]\n"
		"       xsw vsubnet del VSID\n"
		"       xsw [ -s ] vsubnet show [ VSID ]\n"
		"VSID is %d..%d.  Without a prefix the subnet is layer 2 only.\n"
		"The gateway defaults to the lowest host address of the first IPv4 prefix.\n"
		"-s adds the frames and bytes its ports sent in, it delivered out to them,\n"
		"it encapsulated (per remote PA) and decapsulated.\n",
		XSW_VSID_MIN, XSW_VSID_MAX);
}

static void usage_pa(void)
{
	fprintf(stderr,
		"Usage: xsw pa add SWITCH ADDR\n"
		"       xsw pa del SWITCH ADDR\n"
		"       xsw pa show\n"
		"A provider address; the host must own it already.\n");
}

static void usage_map(void)
{
	fprintf(stderr,
		"Usage: xsw map add vsid VSID ca ADDR mac MAC pa ADDR\n"
		"       xsw map del vsid VSID ca ADDR\n"
		"       xsw [ -s ] map show [ vsid VSID ]\n"
		"       xsw map flush [ vsid VSID ]\n"
		"-s adds each mapping's hits (0 until the data path exists).\n");
}

static const char *encap_name(uint8_t encap)
{
	switch (encap) {
	case XSW_ENCAP_VXLAN:
		return "vxlan";
	case XSW_ENCAP_NVGRE:
		return "nvgre";
	}
	return "unknown";
}

static int parse_vsid(const char *arg, uint32_t *vsid)
{
	return parse_u32_range("vsid", arg, XSW_VSID_MIN, XSW_VSID_MAX, vsid);
}

static int parse_addr(const char *key, const char *arg, struct xsw_vaddr *a)
{
	if (xsw_vaddr_parse(arg, a))
		return invarg("invalid address for", key) ?:
		       invarg("not an IPv4 or IPv6 address", arg);
	return 0;
}

static void print_addr(enum output_type type, const char *key,
		       const char *fmt, const struct xsw_vaddr *a)
{
	char buf[ADDR_STRLEN];

	print_string(type, key, fmt, xsw_vaddr_str(a, buf, sizeof(buf)));
}

static struct xsw_handle *handle_or_fail(void)
{
	return get_handle();
}

/* Runs @ret's report when it failed. */
static int done(struct xsw_handle *h, int ret)
{
	return ret ? report_error(h, ret) : 0;
}

/* ---------------------------------------------------------------- vnet */

static int vnet_add(int argc, char **argv)
{
	struct xsw_handle *h;
	const char *name;
	uint32_t rdid;
	bool has_rdid = false;

	if (argc < 1) {
		fprintf(stderr, "Error: vnet name is required: xsw vnet add NAME rdid N\n");
		return -1;
	}
	name = *argv;
	while (--argc > 0) {
		argv++;
		if (strcmp(*argv, "rdid") == 0) {
			NEXT_ARG();
			if (has_rdid)
				return duparg("rdid", *argv);
			if (get_u32(&rdid, *argv, 0))
				return invarg("invalid rdid", *argv);
			has_rdid = true;
		} else {
			return unknown_keyword(*argv);
		}
	}
	if (!has_rdid) {
		fprintf(stderr, "Error: \"rdid N\" is required: xsw vnet add NAME rdid N\n");
		return -1;
	}
	h = handle_or_fail();
	return h ? done(h, xsw_vnet_add(h, name, rdid)) : -1;
}

static int vnet_del(int argc, char **argv)
{
	struct xsw_handle *h;

	if (argc != 1) {
		fprintf(stderr, "Error: usage: xsw vnet del NAME\n");
		return -1;
	}
	h = handle_or_fail();
	return h ? done(h, xsw_vnet_del(h, *argv)) : -1;
}

static void print_vnet(const void *obj)
{
	const struct xsw_vnet_info *v = obj;

	open_json_object(NULL);
	print_string(PRINT_ANY, "name", "vnet %s", v->name);
	print_uint(PRINT_ANY, "rdid", " rdid %u", v->rdid);
	print_uint(PRINT_ANY, "vsubnets", " vsubnets %u", v->num_vsubnets);
	print_u64(PRINT_JSON, "gen", NULL, v->gen);
	close_json_object();
	print_nl();
}

static int vnet_get(struct xsw_handle *h, const char *name, void *out)
{
	return xsw_vnet_get(h, name, out);
}

static int vnet_collect(const struct xsw_vnet_info *v, void *arg)
{
	return vec_push(arg, v);
}

static int vnet_dump(struct xsw_handle *h, const char *filter, struct vec *v)
{
	(void)filter;
	return xsw_vnet_dump(h, vnet_collect, v);
}

int do_vnet(int argc, char **argv)
{
	struct vec v = VEC_INIT(struct xsw_vnet_info);

	if (argc < 1) {
		usage_vnet();
		return -1;
	}
	if (strcmp(*argv, "add") == 0)
		return vnet_add(argc - 1, argv + 1);
	if (strcmp(*argv, "del") == 0)
		return vnet_del(argc - 1, argv + 1);
	if (strcmp(*argv, "show") == 0 || strcmp(*argv, "list") == 0) {
		if (argc > 2)
			return unknown_keyword(argv[2]);
		return show_objects(&v, argc > 1 ? argv[1] : NULL, vnet_get,
				    vnet_dump, NULL, print_vnet);
	}
	if (strcmp(*argv, "help") == 0) {
		usage_vnet();
		return 0;
	}
	fprintf(stderr, "Command \"%s\" is unknown, try \"xsw vnet help\".\n",
		*argv);
	return -1;
}

/* ------------------------------------------------------------- vsubnet */

static int vsubnet_add(int argc, char **argv)
{
	struct xsw_vsubnet_info vs = { 0 };
	struct xsw_handle *h;

	if (argc < 1) {
		usage_vsubnet();
		return -1;
	}
	if (parse_vsid(*argv, &vs.vsid))
		return -1;
	while (--argc > 0) {
		argv++;
		if (strcmp(*argv, "vnet") == 0) {
			NEXT_ARG();
			if (vs.vnet[0])
				return duparg("vnet", *argv);
			if (strlen(*argv) >= sizeof(vs.vnet) || !**argv)
				return invarg("invalid vnet name", *argv);
			strcpy(vs.vnet, *argv);
		} else if (strcmp(*argv, "prefix") == 0) {
			NEXT_ARG();
			if (vs.n_prefixes == XSW_VSUBNET_PREFIXES_MAX)
				return invarg("too many prefixes at", *argv);
			if (xsw_vprefix_parse(*argv,
					      &vs.prefixes[vs.n_prefixes]))
				return invarg("invalid prefix (ADDR/LEN)",
					      *argv);
			vs.n_prefixes++;
		} else if (strcmp(*argv, "gateway") == 0) {
			NEXT_ARG();
			if (vs.has_gateway)
				return duparg("gateway", *argv);
			if (parse_addr("gateway", *argv, &vs.gateway))
				return -1;
			vs.has_gateway = true;
		} else if (strcmp(*argv, "encap") == 0) {
			NEXT_ARG();
			if (vs.encap)
				return duparg("encap", *argv);
			if (strcmp(*argv, "vxlan") == 0)
				vs.encap = XSW_ENCAP_VXLAN;
			else if (strcmp(*argv, "nvgre") == 0)
				vs.encap = XSW_ENCAP_NVGRE;
			else
				return invarg("encap is vxlan or nvgre, not",
					      *argv);
		} else {
			return unknown_keyword(*argv);
		}
	}
	if (!vs.vnet[0]) {
		fprintf(stderr, "Error: \"vnet NAME\" is required: xsw vsubnet add VSID vnet NAME ...\n");
		return -1;
	}
	h = handle_or_fail();
	return h ? done(h, xsw_vsubnet_add(h, &vs)) : -1;
}

static int vsubnet_del(int argc, char **argv)
{
	struct xsw_handle *h;
	uint32_t vsid;

	if (argc != 1) {
		fprintf(stderr, "Error: usage: xsw vsubnet del VSID\n");
		return -1;
	}
	if (parse_vsid(*argv, &vsid))
		return -1;
	h = handle_or_fail();
	return h ? done(h, xsw_vsubnet_del(h, vsid)) : -1;
}

static int vport_collect(const struct xsw_vport_info *vp, void *arg)
{
	return vec_push(arg, vp);
}

/* One line of "xsw -s vsubnet show": "    NAME: packets N bytes N" */
static void print_vsubnet_stat(const char *name, uint64_t packets,
			       uint64_t bytes)
{
	char key[32];

	snprintf(key, sizeof(key), "%s_packets", name);
	print_u64(PRINT_JSON, key, NULL, packets);
	snprintf(key, sizeof(key), "%s_bytes", name);
	print_u64(PRINT_JSON, key, NULL, bytes);
	snprintf(key, sizeof(key), "%s:", name);
	print_string(PRINT_FP, NULL, "    %-6s", key);
	print_u64(PRINT_FP, NULL, " packets %" PRIu64, packets);
	print_u64(PRINT_FP, NULL, " bytes %" PRIu64, bytes);
	print_nl();
}

static void print_vsubnet_stats(const struct xsw_vsubnet_stats *st)
{
	open_json_object("stats");
	print_vsubnet_stat("in", st->in_packets, st->in_bytes);
	print_vsubnet_stat("out", st->out_packets, st->out_bytes);
	print_vsubnet_stat("encap", st->encap_packets, st->encap_bytes);
	print_vsubnet_stat("decap", st->decap_packets, st->decap_bytes);
	close_json_object();
}

static void print_vsubnet(const struct xsw_vsubnet_info *vs,
			  const struct vec *ports)
{
	char buf[ADDR_STRLEN + 4];
	unsigned int i, j;
	size_t k;

	open_json_object(NULL);
	print_uint(PRINT_ANY, "vsid", "vsid %u", vs->vsid);
	print_string(PRINT_ANY, "vnet", " vnet %s", vs->vnet);
	print_uint(PRINT_ANY, "rdid", " rdid %u", vs->rdid);
	open_json_array(PRINT_JSON, "prefixes", NULL);
	for (i = 0; i < vs->n_prefixes; i++) {
		size_t len;

		xsw_vaddr_str(&vs->prefixes[i].addr, buf, ADDR_STRLEN);
		len = strlen(buf);
		snprintf(buf + len, sizeof(buf) - len, "/%u",
			 vs->prefixes[i].len);
		print_string(PRINT_ANY, NULL, " prefix %s", buf);
	}
	close_json_array(PRINT_JSON, NULL);
	if (vs->has_gateway)
		print_addr(PRINT_ANY, "gateway", " gateway %s", &vs->gateway);
	else
		print_null(PRINT_ANY, "gateway", " gateway %s", "none");
	print_string(PRINT_ANY, "encap", " encap %s", encap_name(vs->encap));
	print_nl();
	print_uint(PRINT_ANY, "num_ports", "    ports %u", vs->num_ports);
	print_uint(PRINT_ANY, "num_maps", " mappings %u", vs->num_maps);
	print_uint(PRINT_ANY, "num_pas", " pas %u", vs->num_pas);
	print_u64(PRINT_JSON, "gen", NULL, vs->gen);
	print_nl();
	if (show_stats && vs->has_stats)
		print_vsubnet_stats(&vs->stats);
	open_json_array(PRINT_JSON, "ports", NULL);
	for (k = 0; k < ports->len; k++) {
		const struct xsw_vport_info *vp = vec_at(ports, k);

		if (vp->vsid != vs->vsid)
			continue;
		open_json_object(NULL);
		print_string(PRINT_ANY, "ifname", "    port %s", vp->ifname);
		open_json_array(PRINT_JSON, "cas", NULL);
		for (j = 0; j < vp->n_cas; j++)
			print_addr(PRINT_ANY, NULL, " ca %s", &vp->cas[j]);
		close_json_array(PRINT_JSON, NULL);
		close_json_object();
		print_nl();
	}
	close_json_array(PRINT_JSON, NULL);
	close_json_object();
}

static int vsubnet_collect(const struct xsw_vsubnet_info *vs, void *arg)
{
	return vec_push(arg, vs);
}

static int vsubnet_dump(struct xsw_handle *h, const char *filter,
			struct vec *v)
{
	(void)filter;
	return xsw_vsubnet_dump(h, vsubnet_collect, v);
}

static int vport_dump(struct xsw_handle *h, const char *filter, struct vec *v)
{
	(void)filter;
	return xsw_vport_dump(h, vport_collect, v);
}

static int vsubnet_show(int argc, char **argv)
{
	struct vec subnets = VEC_INIT(struct xsw_vsubnet_info);
	struct vec ports = VEC_INIT(struct xsw_vport_info);
	struct xsw_vsubnet_info one;
	struct xsw_handle *h;
	uint32_t vsid = 0;
	size_t i;
	int ret;

	if (argc > 1)
		return unknown_keyword(argv[1]);
	if (argc == 1 && parse_vsid(*argv, &vsid))
		return -1;
	h = handle_or_fail();
	if (!h)
		return -1;
	if (vsid) {
		ret = xsw_vsubnet_get(h, vsid, &one);
		if (!ret)
			ret = vec_push(&subnets, &one);
	} else {
		ret = dump_retry(h, vsubnet_dump, NULL, &subnets);
	}
	if (!ret)
		ret = dump_retry(h, vport_dump, NULL, &ports);
	if (ret) {
		vec_free(&subnets);
		vec_free(&ports);
		return report_error(h, ret);
	}
	new_json_obj(json);
	for (i = 0; i < subnets.len; i++)
		print_vsubnet(vec_at(&subnets, i), &ports);
	delete_json_obj();
	vec_free(&subnets);
	vec_free(&ports);
	return 0;
}

int do_vsubnet(int argc, char **argv)
{
	if (argc < 1) {
		usage_vsubnet();
		return -1;
	}
	if (strcmp(*argv, "add") == 0)
		return vsubnet_add(argc - 1, argv + 1);
	if (strcmp(*argv, "del") == 0)
		return vsubnet_del(argc - 1, argv + 1);
	if (strcmp(*argv, "show") == 0 || strcmp(*argv, "list") == 0)
		return vsubnet_show(argc - 1, argv + 1);
	if (strcmp(*argv, "help") == 0) {
		usage_vsubnet();
		return 0;
	}
	fprintf(stderr, "Command \"%s\" is unknown, try \"xsw vsubnet help\".\n",
		*argv);
	return -1;
}

/* ------------------------------------------------------------------ pa */

static int pa_change(int argc, char **argv, bool add)
{
	struct xsw_handle *h;
	struct xsw_vaddr a;

	if (argc != 2) {
		fprintf(stderr, "Error: usage: xsw pa %s SWITCH ADDR\n",
			add ? "add" : "del");
		return -1;
	}
	if (parse_addr("pa", argv[1], &a))
		return -1;
	h = handle_or_fail();
	if (!h)
		return -1;
	return done(h, add ? xsw_pa_add(h, argv[0], &a) :
			     xsw_pa_del(h, argv[0], &a));
}

static void print_pa(const void *obj)
{
	const struct xsw_pa_info *pa = obj;

	open_json_object(NULL);
	print_string(PRINT_ANY, "switch", "switch %s", pa->switch_ifname);
	print_addr(PRINT_ANY, "addr", " pa %s", &pa->addr);
	print_u64(PRINT_JSON, "gen", NULL, pa->gen);
	close_json_object();
	print_nl();
}

static int pa_collect(const struct xsw_pa_info *pa, void *arg)
{
	return vec_push(arg, pa);
}

static int pa_dump(struct xsw_handle *h, const char *filter, struct vec *v)
{
	(void)filter;
	return xsw_pa_dump(h, pa_collect, v);
}

int do_pa(int argc, char **argv)
{
	struct vec v = VEC_INIT(struct xsw_pa_info);

	if (argc < 1) {
		usage_pa();
		return -1;
	}
	if (strcmp(*argv, "add") == 0)
		return pa_change(argc - 1, argv + 1, true);
	if (strcmp(*argv, "del") == 0)
		return pa_change(argc - 1, argv + 1, false);
	if (strcmp(*argv, "show") == 0 || strcmp(*argv, "list") == 0) {
		if (argc > 1)
			return unknown_keyword(argv[1]);
		return show_objects(&v, NULL, NULL, pa_dump, NULL, print_pa);
	}
	if (strcmp(*argv, "help") == 0) {
		usage_pa();
		return 0;
	}
	fprintf(stderr, "Command \"%s\" is unknown, try \"xsw pa help\".\n",
		*argv);
	return -1;
}

/* ----------------------------------------------------------- port vsid */

int port_set_vsid(const char *port, int argc, char **argv)
{
	struct xsw_vaddr cas[XSW_VPORT_CAS_MAX];
	unsigned int n = 0;
	struct xsw_handle *h;
	uint32_t vsid = 0;

	if (argc < 1) {
		fprintf(stderr, "Error: usage: xsw port set IFNAME vsid { VSID ca ADDR [ ca ADDR ]... | none }\n");
		return -1;
	}
	if (strcmp(*argv, "none") != 0 && parse_vsid(*argv, &vsid))
		return -1;
	while (--argc > 0) {
		argv++;
		if (strcmp(*argv, "ca") != 0 || !vsid) {
			if (!vsid)
				fprintf(stderr, "Error: \"vsid none\" takes nothing more.\n");
			else
				fprintf(stderr, "Error: \"vsid\" goes with \"ca ADDR\" only, not \"%s\"; set other settings in another command.\n",
					*argv);
			return -1;
		}
		NEXT_ARG();
		if (n == XSW_VPORT_CAS_MAX)
			return invarg("too many cas at", *argv);
		if (parse_addr("ca", *argv, &cas[n]))
			return -1;
		n++;
	}
	if (vsid && !n) {
		fprintf(stderr, "Error: \"ca ADDR\" is required: xsw port set IFNAME vsid VSID ca ADDR [ ca ADDR ]...\n");
		return -1;
	}
	h = handle_or_fail();
	return h ? done(h, xsw_vport_set(h, port, vsid, cas, n)) : -1;
}

/* ----------------------------------------------------------------- map */

/* "vsid VSID" and "ca ADDR", and with @full "mac MAC" and "pa ADDR". */
static int parse_map(int argc, char **argv, bool full, struct xsw_map_info *m)
{
	bool has_ca = false, has_mac = false, has_pa = false;

	memset(m, 0, sizeof(*m));
	for (; argc > 0; argc--, argv++) {
		if (strcmp(*argv, "vsid") == 0) {
			NEXT_ARG();
			if (m->vsid)
				return duparg("vsid", *argv);
			if (parse_vsid(*argv, &m->vsid))
				return -1;
		} else if (strcmp(*argv, "ca") == 0) {
			NEXT_ARG();
			if (has_ca)
				return duparg("ca", *argv);
			if (parse_addr("ca", *argv, &m->ca))
				return -1;
			has_ca = true;
		} else if (full && strcmp(*argv, "mac") == 0) {
			NEXT_ARG();
			if (has_mac)
				return duparg("mac", *argv);
			if (parse_mac("mac", *argv, m->mac))
				return -1;
			has_mac = true;
		} else if (full && strcmp(*argv, "pa") == 0) {
			NEXT_ARG();
			if (has_pa)
				return duparg("pa", *argv);
			if (parse_addr("pa", *argv, &m->pa))
				return -1;
			has_pa = true;
		} else {
			return unknown_keyword(*argv);
		}
	}
	if (!m->vsid || !has_ca || (full && (!has_mac || !has_pa))) {
		fprintf(stderr, "Error: %s are required.\n",
			full ? "vsid, ca, mac and pa" : "vsid and ca");
		return -1;
	}
	return 0;
}

int map_add_parse(int argc, char **argv, struct xsw_map_info *m)
{
	return parse_map(argc, argv, true, m);
}

static int map_add(int argc, char **argv)
{
	struct xsw_map_info m;
	struct xsw_handle *h;

	if (parse_map(argc, argv, true, &m))
		return -1;
	h = handle_or_fail();
	return h ? done(h, xsw_map_add(h, &m)) : -1;
}

static int map_del(int argc, char **argv)
{
	struct xsw_map_info m;
	struct xsw_handle *h;

	if (parse_map(argc, argv, false, &m))
		return -1;
	h = handle_or_fail();
	return h ? done(h, xsw_map_del(h, m.vsid, &m.ca)) : -1;
}

/* "[ vsid VSID ]" into @vsid, 0 when left out. */
static int parse_vsid_filter(int argc, char **argv, uint32_t *vsid)
{
	*vsid = 0;
	if (argc == 0)
		return 0;
	if (argc == 2 && strcmp(argv[0], "vsid") == 0)
		return parse_vsid(argv[1], vsid);
	return unknown_keyword(argc >= 2 && !strcmp(argv[0], "vsid") ?
			       argv[2] : argv[0]);
}

static void print_map(const void *obj)
{
	const struct xsw_map_info *m = obj;

	open_json_object(NULL);
	print_uint(PRINT_ANY, "vsid", "vsid %u", m->vsid);
	print_addr(PRINT_ANY, "ca", " ca %s", &m->ca);
	print_hwaddr(PRINT_ANY, "mac", " mac %s", m->mac, sizeof(m->mac));
	print_addr(PRINT_ANY, "pa", " pa %s", &m->pa);
	print_uint(PRINT_JSON, "rdid", NULL, m->rdid);
	print_u64(PRINT_JSON, "gen", NULL, m->gen);
	if (show_stats)
		print_u64(PRINT_ANY, "hits", " hits %" PRIu64, m->hits);
	close_json_object();
	print_nl();
}

static int map_collect(const struct xsw_map_info *m, void *arg)
{
	return vec_push(arg, m);
}

/* @filter: the VSID as text, or NULL. */
static int map_dump(struct xsw_handle *h, const char *filter, struct vec *v)
{
	return xsw_map_dump(h, filter ? (uint32_t)strtoul(filter, NULL, 10) : 0,
			    map_collect, v);
}

static int map_show(int argc, char **argv)
{
	struct vec v = VEC_INIT(struct xsw_map_info);
	char filter[16];
	uint32_t vsid;

	if (parse_vsid_filter(argc, argv, &vsid))
		return -1;
	snprintf(filter, sizeof(filter), "%u", vsid);
	return show_objects(&v, NULL, NULL, map_dump, vsid ? filter : NULL,
			    print_map);
}

static int map_flush(int argc, char **argv)
{
	struct xsw_handle *h;
	uint32_t vsid;

	if (parse_vsid_filter(argc, argv, &vsid))
		return -1;
	h = handle_or_fail();
	return h ? done(h, xsw_map_flush(h, vsid)) : -1;
}

int do_map(int argc, char **argv)
{
	if (argc < 1) {
		usage_map();
		return -1;
	}
	if (strcmp(*argv, "add") == 0)
		return map_add(argc - 1, argv + 1);
	if (strcmp(*argv, "del") == 0)
		return map_del(argc - 1, argv + 1);
	if (strcmp(*argv, "show") == 0 || strcmp(*argv, "list") == 0)
		return map_show(argc - 1, argv + 1);
	if (strcmp(*argv, "flush") == 0)
		return map_flush(argc - 1, argv + 1);
	if (strcmp(*argv, "help") == 0) {
		usage_map();
		return 0;
	}
	fprintf(stderr, "Command \"%s\" is unknown, try \"xsw map help\".\n",
		*argv);
	return -1;
}

/* ------------------------------------------------ map add under -batch */

/* Mappings per bulk request: about 450 KiB of IPv4 mappings. */
#define BATCH_MAX 10000

static struct {
	struct xsw_map_info maps[BATCH_MAX];
	int lines[BATCH_MAX];
	size_t n;
} batch;

/*
 * Sends the queued mappings.  A bulk request is all or nothing; when the
 * kernel refuses mapping k, the ones before it go again, so that as with
 * one request per line everything before the failed line is applied.
 */
int map_batch_flush(const char *file)
{
	struct xsw_handle *h;
	size_t bad;
	int ret;

	if (!batch.n)
		return 0;
	h = get_handle();
	if (!h)
		return -1;
	ret = xsw_map_add_bulk(h, batch.maps, batch.n, &bad);
	if (ret) {
		report_error(h, ret);
		if (bad < batch.n) {
			if (bad && xsw_map_add_bulk(h, batch.maps, bad, NULL))
				report_error(h, -EIO);
			fprintf(stderr, "Command failed %s:%d\n", file,
				batch.lines[bad]);
		} else {
			fprintf(stderr, "Command failed %s:%d-%d\n", file,
				batch.lines[0], batch.lines[batch.n - 1]);
		}
	}
	batch.n = 0;
	return ret ? -1 : 0;
}

int map_batch_add(const struct xsw_map_info *m, int lineno)
{
	batch.maps[batch.n] = *m;
	batch.lines[batch.n] = lineno;
	batch.n++;
	return batch.n == BATCH_MAX ? 1 : 0;
}
