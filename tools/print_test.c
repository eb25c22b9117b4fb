// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exercises print.c.  "make -C tools test" pipes "print_test json" through
 * jq (it must parse; each scenario is one JSON document), appends
 * "print_test text", and compares the lot with print_test.expected.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "print.h"

static void one_switch(const char *name)
{
	static const uint8_t mac[6] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };

	open_json_object(NULL);
	print_uint(PRINT_ANY, "ifindex", "%u: ", 5);
	print_string(PRINT_ANY, "ifname", "%s: ", name);
	open_json_array(PRINT_ANY, "flags", "<");
	print_string(PRINT_ANY, NULL, "%s", "UP");
	close_json_array(PRINT_ANY, "> ");
	print_hwaddr(PRINT_ANY, "address", "address %s ", mac, sizeof(mac));
	print_u64(PRINT_ANY, "bytes", "bytes %" PRIu64 " ", 4294967296123ULL);
	print_int(PRINT_ANY, "delta", "delta %d ", -3);
	print_bool(PRINT_ANY, "static", "static %s ", true);
	print_on_off(PRINT_ANY, "isolated", "isolated %s ", false);
	print_null(PRINT_ANY, "master", "master %s", "none");
	print_string(PRINT_FP, NULL, "%s", "text only");
	print_string(PRINT_JSON, "json_only", NULL, "yes");
	close_json_object();
	print_nl();
}

int main(int argc, char **argv)
{
	char ctl[40];
	int i;

	if (argc > 1 && !strcmp(argv[1], "text")) {
		new_json_obj(0);
		one_switch("sw0");
		one_switch("sw1");
		delete_json_obj();
		return 0;
	}

	/* empty result: [] */
	new_json_obj(1);
	delete_json_obj();

	/* two objects, every kind of value */
	new_json_obj(1);
	one_switch("sw0");
	one_switch("sw1");
	delete_json_obj();

	/* escaping: quotes, backslash, control bytes, bad UTF-8 */
	new_json_obj(1);
	print_string(PRINT_ANY, NULL, "%s", "q\"b\\s/");
	for (i = 1; i < 32; i++)
		ctl[i - 1] = i;
	ctl[31] = 0x7f;
	ctl[32] = '\0';
	print_string(PRINT_ANY, NULL, "%s", ctl);
	print_string(PRINT_ANY, NULL, "%s", "\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
	print_string(PRINT_ANY, NULL, "%s", "\xff|\xc0\x80|\x80|\xe2\x82|\xed\xa0\x80");
	print_string(PRINT_ANY, NULL, NULL, NULL);
	delete_json_obj();

	/* failure half way: open containers are closed */
	new_json_obj(1);
	one_switch("sw0");
	open_json_object(NULL);
	print_uint(PRINT_ANY, "ifindex", "%u", 6);
	open_json_array(PRINT_ANY, "flags", "<");
	print_string(PRINT_ANY, NULL, "%s", "UP");
	abort_json_obj();

	/* failure before any output: nothing at all */
	new_json_obj(1);
	abort_json_obj();

	/* pretty */
	set_json_pretty(true);
	new_json_obj(1);
	one_switch("sw0");
	open_json_object(NULL);
	open_json_array(PRINT_JSON, "empty", NULL);
	close_json_array(PRINT_JSON, NULL);
	open_json_object("nested");
	close_json_object();
	close_json_object();
	delete_json_obj();
	set_json_pretty(false);

	return 0;
}
