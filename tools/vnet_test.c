// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exercises the printing of "xsw vsubnet show", with and without -s.
 * "make -C tools test" pipes "vnet_test json" through jq (each scenario
 * is one JSON document), appends "vnet_test text", and compares the lot
 * with vnet_test.expected.  It includes vnet.c to reach print_vsubnet(),
 * with the globals of xsw.c defined here.
 */
#include "vnet.c"

int json;
int pretty;
int show_stats;
int show_details;

struct xsw_handle *get_handle(void)
{
	return NULL;
}

/*
 * 5001: a port, counters past 2^32; 6001: layer 2 only, no port, all 0;
 * 7001: from a kernel that sends no counters, which -s leaves out.
 */
static struct xsw_vsubnet_info vs[3];
static struct vec ports = VEC_INIT(struct xsw_vport_info);

static void build(void)
{
	struct xsw_vport_info vp = { 0 };

	vs[0].vsid = 5001;
	snprintf(vs[0].vnet, sizeof(vs[0].vnet), "Contoso");
	vs[0].rdid = 1;
	vs[0].n_prefixes = 1;
	xsw_vprefix_parse("10.1.1.0/24", &vs[0].prefixes[0]);
	vs[0].has_gateway = true;
	xsw_vaddr_parse("10.1.1.1", &vs[0].gateway);
	vs[0].encap = XSW_ENCAP_VXLAN;
	vs[0].num_ports = 1;
	vs[0].num_maps = 3;
	vs[0].num_pas = 2;
	vs[0].gen = 7;
	vs[0].has_stats = true;
	vs[0].stats = (struct xsw_vsubnet_stats) {
		.in_packets = 10, .in_bytes = 980,
		.out_packets = 12, .out_bytes = 1176,
		.encap_packets = (1ULL << 32) + 5,
		.encap_bytes = 1ULL << 40,
		.decap_packets = 4, .decap_bytes = 392,
	};

	vs[1].vsid = 6001;
	snprintf(vs[1].vnet, sizeof(vs[1].vnet), "Fabrikam");
	vs[1].rdid = 2;
	vs[1].encap = XSW_ENCAP_VXLAN;
	vs[1].gen = 8;
	vs[1].has_stats = true;

	vs[2].vsid = 7001;
	snprintf(vs[2].vnet, sizeof(vs[2].vnet), "Woodgrove");
	vs[2].rdid = 3;
	vs[2].encap = XSW_ENCAP_NVGRE;
	vs[2].gen = 9;

	snprintf(vp.ifname, sizeof(vp.ifname), "vm-sql");
	vp.vsid = 5001;
	vp.n_cas = 1;
	xsw_vaddr_parse("10.1.1.11", &vp.cas[0]);
	vec_push(&ports, &vp);
}

static void show(int stats)
{
	int i;

	show_stats = stats;
	new_json_obj(json);
	for (i = 0; i < 3; i++)
		print_vsubnet(&vs[i], &ports);
	delete_json_obj();
}

int main(int argc, char **argv)
{
	build();
	json = !(argc > 1 && !strcmp(argv[1], "text"));

	show(0);
	show(1);
	vec_free(&ports);
	return 0;
}
