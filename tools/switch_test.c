// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exercises the printing of "xsw switch show".  "make -C tools test" pipes
 * "switch_test json" through jq (each scenario is one JSON document),
 * appends "switch_test text", and compares the lot with
 * switch_test.expected.  It includes switch.c to reach print_switch(),
 * with the globals of xsw.c defined here.
 */
#include "switch.c"

int json;
int pretty;
int show_stats;
int show_details;

struct xsw_handle *get_handle(void)
{
	return NULL;
}

/*
 * sw0: up, 3 of 65536 connections, no eviction nor expiry yet; sw1: down,
 * a full table of 4 with counters past 2^32; sw2: from a kernel that does
 * not report the table (all 0), which is not shown.
 */
static struct xsw_switch_info sw[3];

static void build(void)
{
	static const uint8_t mac[6] = { 0x02, 0, 0, 0, 0, 0x10 };
	int i;

	for (i = 0; i < 3; i++) {
		snprintf(sw[i].ifname, sizeof(sw[i].ifname), "sw%d", i);
		sw[i].ifindex = 10 + i;
		sw[i].mtu = 1500;
		memcpy(sw[i].address, mac, sizeof(mac));
		sw[i].address[5] += i;
		sw[i].operstate = i ? 2 : 6;	/* DOWN, UP */
		sw[i].up = !i;
		sw[i].num_ports = 2 - i;
		sw[i].ageing = 300;
	}
	sw[0].conn_max = 65536;
	sw[0].conn_entries = 3;
	sw[1].conn_max = 4;
	sw[1].conn_entries = 4;
	sw[1].conn_evictions = (1ULL << 32) + 7;
	sw[1].conn_expired = 1ULL << 40;
	sw[1].stats.drops[XSW_A_DROP_VLAN] = 5;
	sw[1].stats.drops_seen = 1ULL << XSW_A_DROP_VLAN;
}

static void show(int stats, int n)
{
	int i;

	show_stats = stats;
	new_json_obj(json);
	for (i = 0; i < n; i++)
		print_switch(&sw[i]);
	delete_json_obj();
}

int main(int argc, char **argv)
{
	build();
	json = !(argc > 1 && !strcmp(argv[1], "text"));

	show(0, 3);
	show(1, 2);
	if (json) {
		/* no switch at all: [] */
		show(0, 0);
	}
	return 0;
}
