// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exercises "xsw qos": the parsing of set and del, what they take and
 * every refusal with its message ("qos_test parse", stderr into stdout),
 * and the printing of "xsw qos show" with and without -s ("qos_test
 * json", "qos_test text").  "make -C tools test" pipes the JSON through
 * jq, and compares all three with qos_test.expected.  It includes qos.c
 * to reach its parsers and printer, with the globals of xsw.c defined
 * here; nothing talks to a kernel.
 */
#include <unistd.h>

#include "qos.c"

int json;
int pretty;
int show_stats;
int show_details;

struct xsw_handle *get_handle(void)
{
	return NULL;
}

/* Words of @line (split in place on blanks) into @argv. */
static int words(char *line, char **argv)
{
	int argc = 0;
	char *w;

	for (w = strtok(line, " "); w && argc < 31; w = strtok(NULL, " "))
		argv[argc++] = w;
	return argc;
}

static const char *const set_lines[] = {
	"dev vm1 dir in max 100mbit",
	"dev vm1 dir out max 1.5gbit burst 64k min-weight 30",
	"dev vm1 max 10mbps dir in burst 1mb",
	"dev vm1 min 20mbit",
	"dev eth0 link 1gbit",
	"dev vm1 min 2mbit max 5mbit dir out",
	"dev vm1 max 1mbit",
	"dev vm1 dir in",
	"dev vm1 dir sideways max 1mbit",
	"dev vm1 dir in max 0",
	"dev vm1 dir in max 0mbit",
	"dev vm1 dir in max 2tbit",
	"dev vm1 dir in max fast",
	"dev vm1 dir in max 10mbitz",
	"dev vm1 dir in max 1mbit burst 0",
	"dev vm1 dir in max 1mbit burst 512m",
	"dev vm1 dir in max 1mbit burst lots",
	"dev vm1 burst 10k",
	"dev vm1 min 0",
	"dev vm1 min-weight 0",
	"dev vm1 min-weight 101",
	"dev vm1 min-weight 7.5",
	"dev vm1 min 1mbit min-weight 5",
	"dev vm1 link 0",
	"dev vm1",
	"min 1mbit",
	"dev vm1 dev vm2 min 1mbit",
	"dev vm1 min 1mbit min 2mbit",
	"dev vm1 min",
	"dev vm1 speed 10mbit",
	NULL
};

static const char *const del_lines[] = {
	"dev vm1",
	"dev vm1 max",
	"dev vm1 max dir out",
	"dev vm1 dir in max min link",
	"dev vm1 min",
	"dev eth0 link",
	"dev vm1 dir in",
	"dev vm1 max max",
	"max",
	"dev vm1 dir up max",
	"dev vm1 everything",
	NULL
};

static void test_parse(void)
{
	char buf[256], *argv[32];
	struct set_args s;
	struct del_args d;
	int i, argc, ret;

	for (i = 0; set_lines[i]; i++) {
		snprintf(buf, sizeof(buf), "%s", set_lines[i]);
		argc = words(buf, argv);
		printf("set %s\n", set_lines[i]);
		fflush(stdout);
		ret = parse_set(argc, argv, &s);
		fflush(stderr);
		if (ret)
			printf("  -> %d\n", ret);
		else
			printf("  -> dev %s set 0x%x dir %u max %" PRIu64
			       " burst %u min %" PRIu64 " weight %u link %"
			       PRIu64 "\n", s.dev, s.cfg.set, s.cfg.dir,
			       s.cfg.max_rate, s.cfg.burst, s.cfg.min_rate,
			       s.cfg.min_weight, s.cfg.link_rate);
	}
	for (i = 0; del_lines[i]; i++) {
		snprintf(buf, sizeof(buf), "%s", del_lines[i]);
		argc = words(buf, argv);
		printf("del %s\n", del_lines[i]);
		fflush(stdout);
		ret = parse_del(argc, argv, &d);
		fflush(stderr);
		if (ret)
			printf("  -> %d\n", ret);
		else
			printf("  -> dev %s what 0x%x dir %u\n", d.dev, d.what,
			       d.dir);
	}
}

static void build(struct vec *v)
{
	struct xsw_qos_info q;

	/* A vm with a weight and both limits, one with drops. */
	memset(&q, 0, sizeof(q));
	snprintf(q.port_ifname, sizeof(q.port_ifname), "vm1");
	q.port_ifindex = 5;
	snprintf(q.switch_ifname, sizeof(q.switch_ifname), "sw0");
	q.switch_ifindex = 3;
	q.min_weight = 30;
	q.htb_major = 1;
	q.htb_class = 0x10;
	q.limit[0] = (struct xsw_qos_limit_info){ true, 100000000, 3750000,
						  0, 0 };
	q.limit[1] = (struct xsw_qos_limit_info){ true, 1500000, 65536, 42,
						  63000 };
	vec_push(v, &q);

	/* An internal port with a rate. */
	memset(&q, 0, sizeof(q));
	snprintf(q.port_ifname, sizeof(q.port_ifname), "int0");
	q.port_ifindex = 6;
	snprintf(q.switch_ifname, sizeof(q.switch_ifname), "sw0");
	q.switch_ifindex = 3;
	q.min_rate = 2500000;
	q.htb_major = 1;
	q.htb_class = 0x11;
	vec_push(v, &q);

	/* The uplink with a link rate only. */
	memset(&q, 0, sizeof(q));
	snprintf(q.port_ifname, sizeof(q.port_ifname), "eth0");
	q.port_ifindex = 2;
	snprintf(q.switch_ifname, sizeof(q.switch_ifname), "sw0");
	q.switch_ifindex = 3;
	q.link_rate = 20000000;
	q.htb_major = 1;
	vec_push(v, &q);

	/* A port with nothing (xsw qos show dev IFNAME of it). */
	memset(&q, 0, sizeof(q));
	snprintf(q.port_ifname, sizeof(q.port_ifname), "vm2");
	q.port_ifindex = 7;
	snprintf(q.switch_ifname, sizeof(q.switch_ifname), "sw1");
	q.switch_ifindex = 4;
	vec_push(v, &q);
}

static void show(const struct vec *v, int stats)
{
	size_t i;

	show_stats = stats;
	new_json_obj(json);
	for (i = 0; i < v->len; i++)
		print_qos(vec_at(v, i));
	delete_json_obj();
}

int main(int argc, char **argv)
{
	struct vec v = VEC_INIT(struct xsw_qos_info);

	if (argc > 1 && !strcmp(argv[1], "parse")) {
		/* one stream, in order */
		dup2(1, 2);
		test_parse();
		return 0;
	}
	json = !(argc > 1 && !strcmp(argv[1], "text"));
	build(&v);
	show(&v, 0);
	show(&v, 1);
	vec_free(&v);
	return 0;
}
