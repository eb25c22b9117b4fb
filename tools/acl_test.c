// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exercises the printing of "xsw acl show" and "xsw -j acl add".  "make -C
 * tools test" pipes "acl_test json" through jq (each scenario is one JSON
 * document), appends "acl_test text", and compares the lot with
 * acl_test.expected.  It includes acl.c to reach its printers, with the
 * globals of xsw.c defined here; the rules are parsed with libxswitch.
 */
#include "acl.c"

int json;
int pretty;
int show_stats;
int show_details;

struct xsw_handle *get_handle(void)
{
	return NULL;
}

static void add_acl(struct vec *v, const char *dev, uint32_t ifindex,
		    uint8_t dir, uint8_t def, uint32_t shapes)
{
	struct entry e = { 0 };

	snprintf(e.acl.port_ifname, sizeof(e.acl.port_ifname), "%s", dev);
	e.acl.port_ifindex = ifindex;
	e.acl.dir = dir;
	e.acl.default_action = def;
	e.acl.shapes = shapes;
	vec_push(v, &e);
}

/* A rule of the last ACL of @v, from its text. */
static void add_rule(struct vec *v, uint32_t id, const char *text,
		     uint64_t packets, uint64_t bytes)
{
	struct entry e = *(struct entry *)vec_at(v, v->len - 1);
	char buf[512], *argv[64], err[256];
	int argc = 0;
	char *w;

	snprintf(buf, sizeof(buf), "%s", text);
	for (w = strtok(buf, " "); w; w = strtok(NULL, " "))
		argv[argc++] = w;
	if (xsw_acl_rule_parse(argc, argv, &e.rule, err, sizeof(err))) {
		fprintf(stderr, "acl_test: \"%s\": %s\n", text, err);
		exit(1);
	}
	e.is_rule = true;
	e.rule.id = id;
	e.rule.packets = packets;
	e.rule.bytes = bytes;
	vec_push(v, &e);
}

/*
 * tap0 in: default deny, a rule with every kind of match, one with none,
 * one allow-stateful; tap0 out: default allow, no rules; tap1 in: a
 * default action and a direction from a newer kernel.
 */
static void build(struct vec *v)
{
	add_acl(v, "tap0", 5, XSW_ACL_DIR_IN, XSW_ACL_ACTION_DENY, 3);
	add_rule(v, 1, "priority 10 action allow src_mac 02:00:00:00:00:01/24 "
		 "dst_mac 02:00:00:00:00:02 eth_type ipv4 vlan_id 10 "
		 "src_ip 10.0.0.0/8 dst_ip 192.0.2.1 ip_proto tcp "
		 "src_port 1024-65535 dst_port 443 tcp_flags syn/syn,ack",
		 12, 4294967296123ULL);
	add_rule(v, 7, "action deny", 0, 0);
	add_rule(v, 3, "priority 200 action allow-stateful "
		 "dst_ip 2001:db8::/32 ip_proto icmpv6 icmp_type 128 "
		 "icmp_code 0 eth_type 0x86dd", 1, 98);
	add_acl(v, "tap0", 5, XSW_ACL_DIR_OUT, XSW_ACL_ACTION_ALLOW, 0);
	add_acl(v, "tap1", 6, 9, 7, 1);
	add_rule(v, 2, "action deny ip_proto 47", 0, 0);
}

static void show(const struct vec *v, int stats)
{
	show_stats = stats;
	new_json_obj(json);
	print_entries(v);
	delete_json_obj();
}

int main(int argc, char **argv)
{
	struct vec v = VEC_INIT(struct entry);
	struct vec none = VEC_INIT(struct entry);
	const struct entry *e;

	build(&v);
	json = !(argc > 1 && !strcmp(argv[1], "text"));

	show(&v, 0);
	show(&v, 1);
	/* xsw -j acl add: the rule with its id (text mode prints nothing) */
	if (json) {
		e = vec_at(&v, 1);
		show_stats = 0;
		print_added("tap0", XSW_ACL_DIR_IN, &e->rule);
		e = vec_at(&v, 2);
		print_added("tap0", XSW_ACL_DIR_OUT, &e->rule);
		/* no ACL at all: [] */
		show(&none, 1);
		set_json_pretty(true);
		e = vec_at(&v, 3);
		show_stats = 1;
		print_added("tap9", XSW_ACL_DIR_IN, &e->rule);
	}
	vec_free(&v);
	return 0;
}
