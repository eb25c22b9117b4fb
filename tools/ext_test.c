// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exercises the printing of "xsw ext show".  "make -C tools test" pipes
 * "ext_test json" through jq (each scenario is one JSON document),
 * appends "ext_test text", and compares the lot with ext_test.expected.
 * It includes ext.c to reach print_ext(), with the globals of xsw.c
 * defined here.
 */
#include "ext.c"

int json;
int pretty;
int show_stats;
int show_details;

struct xsw_handle *get_handle(void)
{
	return NULL;
}

static void value(struct xsw_ext_opt_value *v, const char *name,
		  uint8_t type, const void *data, size_t len)
{
	memset(v, 0, sizeof(*v));
	snprintf(v->name, sizeof(v->name), "%s", name);
	v->type = type;
	v->len = len;
	memcpy(v->data, data, len);
}

static void decl(struct xsw_ext_opt_info *o, const char *name, uint8_t type,
		 int min, int max, int def, const char *help)
{
	memset(o, 0, sizeof(*o));
	snprintf(o->name, sizeof(o->name), "%s", name);
	o->type = type;
	o->has_min = min >= 0;
	o->min = min >= 0 ? min : 0;
	o->has_max = max >= 0;
	o->max = max >= 0 ? max : 0;
	o->has_default = def >= 0;
	o->def = def >= 0 ? def : 0;
	snprintf(o->help, sizeof(o->help), "%s", help);
}

/*
 * "example", a filter with an option of every type (and one of a type
 * from the future), attached to sw0 with a value of each, one of them
 * malformed, and to sw1 with none; "mirror", a capture extension attached
 * nowhere, with no description nor version.
 */
static struct xsw_ext_attachment attached[2];
static struct xsw_ext_info example, mirror;

static void build(void)
{
	static const uint8_t mac[6] = { 0x02, 0, 0, 0, 0, 1 };
	static const uint8_t v6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
	static const uint8_t key[3] = { 0xde, 0xad, 0x01 }, on = 1, bad = 7;
	uint32_t ethertype = 0x88cc;
	struct xsw_ext_attachment *a = &attached[0];

	snprintf(example.name, sizeof(example.name), "example");
	example.type = XSW_EXT_TYPE_FILTER;
	snprintf(example.description, sizeof(example.description),
		 "drop frames of one \"ethertype\"");
	snprintf(example.version, sizeof(example.version), "1.0");
	decl(&example.options[0], "ethertype", XSW_EXT_OPT_U32, 0x600, 0xffff,
	     0, "the ethertype to drop");
	decl(&example.options[1], "log", XSW_EXT_OPT_BOOL, -1, 1, 1,
	     "count only, do not drop");
	decl(&example.options[2], "tag", XSW_EXT_OPT_STRING, -1, 8, -1, "");
	decl(&example.options[3], "key", XSW_EXT_OPT_BINARY, -1, 4, -1,
	     "a key");
	decl(&example.options[4], "peer", XSW_EXT_OPT_MAC, -1, -1, -1,
	     "the peer");
	decl(&example.options[5], "gw", XSW_EXT_OPT_IP, -1, -1, -1,
	     "next hop");
	decl(&example.options[6], "v6", XSW_EXT_OPT_IP, -1, -1, -1, "");
	decl(&example.options[7], "future", 42, -1, -1, -1, "");
	example.num_options = 8;

	a->switch_ifindex = 5;
	snprintf(a->switch_ifname, sizeof(a->switch_ifname), "sw0");
	a->priority = 100;
	value(&a->options[0], "ethertype", XSW_EXT_OPT_U32, &ethertype, 4);
	value(&a->options[1], "log", XSW_EXT_OPT_BOOL, &on, 1);
	value(&a->options[2], "tag", XSW_EXT_OPT_STRING, "", 1);
	value(&a->options[3], "key", XSW_EXT_OPT_BINARY, key, sizeof(key));
	value(&a->options[4], "peer", XSW_EXT_OPT_MAC, mac, sizeof(mac));
	value(&a->options[5], "gw", XSW_EXT_OPT_IP, "", 0);
	value(&a->options[6], "v6", XSW_EXT_OPT_IP, v6, sizeof(v6));
	value(&a->options[7], "future", 42, key, sizeof(key));
	value(&a->options[8], "broken", XSW_EXT_OPT_BOOL, &bad, 1);
	a->num_options = 9;
	a->stats = (struct xsw_ext_stats){
		.ingress = 10, .egress = 4294967296123ULL, .dropped = 3,
		.injected = 0, .cloned = 1,
	};
	a = &attached[1];
	a->switch_ifindex = 7;
	snprintf(a->switch_ifname, sizeof(a->switch_ifname), "sw1");
	a->priority = 0;
	example.attached = attached;
	example.num_attached = 2;

	snprintf(mirror.name, sizeof(mirror.name), "mirror");
	mirror.type = XSW_EXT_TYPE_CAPTURE;
}

/* One "show" as do_show() prints it. */
static void show(int stats, int details, bool with_mirror)
{
	show_stats = stats;
	show_details = details;
	new_json_obj(json);
	print_ext(&example);
	if (with_mirror)
		print_ext(&mirror);
	delete_json_obj();
}

int main(int argc, char **argv)
{
	build();
	json = !(argc > 1 && !strcmp(argv[1], "text"));

	show(0, 0, true);
	show(1, 0, false);
	show(1, 1, true);
	if (json) {
		/* no extension at all: [] */
		new_json_obj(json);
		delete_json_obj();
		/* an extension of an unknown type, pretty */
		set_json_pretty(true);
		mirror.type = 9;
		new_json_obj(json);
		print_ext(&mirror);
		delete_json_obj();
	}
	return 0;
}
