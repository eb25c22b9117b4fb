// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Host test of acl.c and acl_rule.c, run by "make -C lib test"; no kernel
 * needed.
 *
 * It includes both files to reach their static parts, and is linked with
 * -Wl,--wrap=xsw_do so that requests go to fake_kernel() below instead of
 * a socket.  It checks:
 *   - every keyword of a rule, text to struct and back to the same text,
 *     and every refusal with its message;
 *   - that rule_size() is what put_rule() writes;
 *   - an ADD request echoed back as the kernel's reply, and a hand-built
 *     GET dump (a port and direction, its rules, counters) through the
 *     dump parser, and a rule before its ACL;
 *   - REPLACE: 10,000 rules split over XSW_A_ACL_RULES attributes of at
 *     most 64 KiB, in order, the message's size, the buffer sized for it,
 *     an empty set, too many rules, and which rule an error offset names.
 */
#include <stdio.h>

#include "acl.c"
#include "acl_rule.c"

static int failures;

#define CHECK(cond, ...)						\
	do {								\
		if (cond) {						\
			printf("ok   ");				\
		} else {						\
			printf("FAIL ");				\
			failures++;					\
		}							\
		printf(__VA_ARGS__);					\
		printf("\n");						\
	} while (0)

/* Words of @text (at most 63, split in place on blanks) into @argv. */
static int words(char *text, char **argv)
{
	int argc = 0;
	char *w;

	for (w = strtok(text, " "); w && argc < 63; w = strtok(NULL, " "))
		argv[argc++] = w;
	return argc;
}

static int parse_text(const char *text, struct xsw_acl_rule_info *r,
		      char *err, size_t errlen)
{
	char buf[512], *argv[64];

	snprintf(buf, sizeof(buf), "%s", text);
	return xsw_acl_rule_parse(words(buf, argv), argv, r, err, errlen);
}

static int append_word(const char *key, const char *value, void *arg)
{
	char *out = arg;
	size_t n = strlen(out);

	snprintf(out + n, 512 - n, "%s%s %s", n ? " " : "", key, value);
	return 0;
}

/* The rule as xsw_acl_rule_format() writes it, words joined by blanks. */
static void to_text(const struct xsw_acl_rule_info *r, char *out)
{
	out[0] = '\0';
	xsw_acl_rule_format(r, append_word, out);
}

/* Parsing ---------------------------------------------------------------- */

struct parse_case {
	const char *in;
	const char *out;	/* the text it formats to; NULL: @in */
};

static const struct parse_case good[] = {
	{ "action allow", "priority 100 action allow" },
	{ "priority 0 action deny", NULL },
	{ "priority 4294967295 action allow-stateful", NULL },
	{ "action deny priority 7", "priority 7 action deny" },
	{ "priority 1 action deny src_mac 02:00:00:00:00:01", NULL },
	{ "priority 1 action deny src_mac 2:0:0:0:0:AB",
	  "priority 1 action deny src_mac 02:00:00:00:00:ab" },
	{ "priority 1 action deny dst_mac 01:00:5e:00:00:00/ff:ff:ff:80:00:00",
	  NULL },
	{ "priority 1 action deny dst_mac 01:00:5e:00:00:00/25",
	  "priority 1 action deny dst_mac 01:00:5e:00:00:00/ff:ff:ff:80:00:00" },
	{ "priority 1 action deny dst_mac 02:00:00:00:00:01/48",
	  "priority 1 action deny dst_mac 02:00:00:00:00:01" },
	{ "priority 1 action deny dst_mac 00:00:00:00:00:00/0",
	  "priority 1 action deny dst_mac 00:00:00:00:00:00/00:00:00:00:00:00" },
	{ "priority 1 action deny eth_type ipv4", NULL },
	{ "priority 1 action deny eth_type ipv6", NULL },
	{ "priority 1 action deny eth_type arp", NULL },
	{ "priority 1 action deny eth_type 0x88cc", NULL },
	{ "priority 1 action deny eth_type 0X88CC",
	  "priority 1 action deny eth_type 0x88cc" },
	{ "priority 1 action deny eth_type 2048",
	  "priority 1 action deny eth_type ipv4" },
	{ "priority 1 action deny eth_type 0xffff", NULL },
	{ "priority 1 action deny vlan_id 1", NULL },
	{ "priority 1 action deny vlan_id 4094", NULL },
	{ "priority 1 action deny src_ip 10.0.0.0/8", NULL },
	{ "priority 1 action deny src_ip 10.0.0.1",  NULL },
	{ "priority 1 action deny src_ip 10.0.0.1/32",
	  "priority 1 action deny src_ip 10.0.0.1" },
	{ "priority 1 action deny dst_ip 0.0.0.0/0", NULL },
	{ "priority 1 action deny dst_ip 2001:db8::/32", NULL },
	{ "priority 1 action deny dst_ip 2001:db8::1/128",
	  "priority 1 action deny dst_ip 2001:db8::1" },
	{ "priority 1 action deny src_ip fe80::/10 dst_ip ff02::1", NULL },
	{ "priority 1 action deny src_ip 10.0.0.0/8 eth_type ipv4",
	  "priority 1 action deny eth_type ipv4 src_ip 10.0.0.0/8" },
	{ "priority 1 action deny ip_proto tcp", NULL },
	{ "priority 1 action deny ip_proto udp", NULL },
	{ "priority 1 action deny ip_proto icmp", NULL },
	{ "priority 1 action deny ip_proto icmpv6", NULL },
	{ "priority 1 action deny ip_proto sctp", NULL },
	{ "priority 1 action deny ip_proto 47", NULL },
	{ "priority 1 action deny ip_proto 6",
	  "priority 1 action deny ip_proto tcp" },
	{ "priority 1 action deny ip_proto 0", NULL },
	{ "priority 1 action deny ip_proto 255", NULL },
	{ "priority 1 action deny eth_type ipv6 ip_proto tcp", NULL },
	{ "priority 1 action allow ip_proto tcp src_port 1024-65535 dst_port 22",
	  NULL },
	{ "priority 1 action allow ip_proto udp dst_port 0", NULL },
	{ "priority 1 action allow ip_proto sctp dst_port 80-80",
	  "priority 1 action allow ip_proto sctp dst_port 80" },
	{ "priority 1 action allow ip_proto icmp icmp_type 8 icmp_code 0",
	  NULL },
	{ "priority 1 action allow src_ip 10.0.0.0/8 ip_proto icmp icmp_type 255",
	  NULL },
	{ "priority 1 action allow dst_ip ::/0 ip_proto icmpv6 icmp_type 135",
	  NULL },
	{ "priority 1 action allow eth_type ipv6 ip_proto icmpv6 icmp_code 4",
	  NULL },
	{ "priority 1 action allow ip_proto tcp tcp_flags 0x02/0x12", NULL },
	{ "priority 1 action allow ip_proto tcp tcp_flags syn/syn,ack",
	  "priority 1 action allow ip_proto tcp tcp_flags 0x02/0x12" },
	{ "priority 1 action allow ip_proto tcp tcp_flags syn",
	  "priority 1 action allow ip_proto tcp tcp_flags 0x02" },
	{ "priority 1 action allow ip_proto tcp tcp_flags 0x00/rst,fin",
	  "priority 1 action allow ip_proto tcp tcp_flags 0x00/0x05" },
	{ "priority 1 action allow ip_proto tcp tcp_flags fin,syn,rst,psh,ack,urg,ece,cwr/255",
	  "priority 1 action allow ip_proto tcp tcp_flags 0xff" },
	{ "priority 1 action allow ip_proto tcp tcp_flags 18",
	  "priority 1 action allow ip_proto tcp tcp_flags 0x12" },
	{ "action allow-stateful priority 5 tcp_flags 0x02/0x12 dst_port 443 "
	  "ip_proto tcp dst_ip 192.0.2.0/24 src_ip 198.51.100.7 vlan_id 10 "
	  "eth_type ipv4 dst_mac 02:00:00:00:00:02 src_mac 02:00:00:00:00:01/24",
	  "priority 5 action allow-stateful src_mac 02:00:00:00:00:01/ff:ff:ff:00:00:00 "
	  "dst_mac 02:00:00:00:00:02 eth_type ipv4 vlan_id 10 src_ip 198.51.100.7 "
	  "dst_ip 192.0.2.0/24 ip_proto tcp dst_port 443 tcp_flags 0x02/0x12" },
};

struct bad_case {
	const char *in;
	const char *err;	/* the whole message */
};

static const struct bad_case bad[] = {
	{ "", "action is required: allow, deny or allow-stateful" },
	{ "priority 5", "action is required: allow, deny or allow-stateful" },
	{ "action", "\"action\" needs an argument" },
	{ "action allow src_ip", "\"src_ip\" needs an argument" },
	{ "action allow foo bar", "unknown keyword \"foo\"" },
	{ "action allow ip_proto tcp dev eth0", "unknown keyword \"dev\"" },
	{ "action allow action deny", "duplicate \"action\"" },
	{ "action allow src_ip 10.0.0.1 src_ip 10.0.0.2", "duplicate \"src_ip\"" },
	{ "action maybe", "unknown action \"maybe\" (allow, deny or allow-stateful)" },
	{ "action ALLOW", "unknown action \"ALLOW\" (allow, deny or allow-stateful)" },
	{ "action allow priority -1",
	  "priority \"-1\" is not a number 0..4294967295" },
	{ "action allow priority 4294967296",
	  "priority \"4294967296\" is not a number 0..4294967295" },
	{ "action allow priority 0x10",
	  "priority \"0x10\" is not a number 0..4294967295" },
	{ "action allow src_mac 02:00:00:00:00",
	  "src_mac \"02:00:00:00:00\" is not an Ethernet address like 02:00:00:00:00:01[/ff:ff:ff:00:00:00]" },
	{ "action allow src_mac 02:00:00:00:00:01:02",
	  "src_mac \"02:00:00:00:00:01:02\" is not an Ethernet address like 02:00:00:00:00:01[/ff:ff:ff:00:00:00]" },
	{ "action allow dst_mac 02:00:00:00:00:001",
	  "dst_mac \"02:00:00:00:00:001\" is not an Ethernet address like 02:00:00:00:00:01[/ff:ff:ff:00:00:00]" },
	{ "action allow dst_mac 02:00:00:00:00:0g",
	  "dst_mac \"02:00:00:00:00:0g\" is not an Ethernet address like 02:00:00:00:00:01[/ff:ff:ff:00:00:00]" },
	{ "action allow dst_mac 02:00:00:00:00:01/49",
	  "dst_mac mask \"49\" is not a MAC like ff:ff:ff:00:00:00 or a length 0..48" },
	{ "action allow dst_mac 02:00:00:00:00:01/ff:ff",
	  "dst_mac mask \"ff:ff\" is not a MAC like ff:ff:ff:00:00:00 or a length 0..48" },
	{ "action allow eth_type ip",
	  "unknown eth_type \"ip\" (ipv4, ipv6, arp, or a number 0..0xffff)" },
	{ "action allow eth_type 0x10000",
	  "unknown eth_type \"0x10000\" (ipv4, ipv6, arp, or a number 0..0xffff)" },
	{ "action allow vlan_id 0", "vlan_id \"0\" is not a VLAN id 1..4094" },
	{ "action allow vlan_id 4095", "vlan_id \"4095\" is not a VLAN id 1..4094" },
	{ "action allow vlan_id ten", "vlan_id \"ten\" is not a VLAN id 1..4094" },
	{ "action allow src_ip 10.0.0.256",
	  "src_ip \"10.0.0.256\" is not an IPv4 or IPv6 address or prefix" },
	{ "action allow src_ip host",
	  "src_ip \"host\" is not an IPv4 or IPv6 address or prefix" },
	{ "action allow src_ip 10.0.0.0/33",
	  "prefix /33 is longer than an IPv4 address" },
	{ "action allow dst_ip 2001:db8::/129",
	  "prefix /129 is longer than an IPv6 address" },
	{ "action allow dst_ip 10.0.0.0/x",
	  "dst_ip prefix length \"x\" is not a number" },
	{ "action allow dst_ip 10.0.0.0/",
	  "dst_ip prefix length \"\" is not a number" },
	{ "action allow ip_proto foo",
	  "unknown ip_proto \"foo\" (tcp, udp, icmp, icmpv6, sctp, or a number 0..255)" },
	{ "action allow ip_proto 256",
	  "unknown ip_proto \"256\" (tcp, udp, icmp, icmpv6, sctp, or a number 0..255)" },
	{ "action allow ip_proto tcp dst_port 90-80",
	  "port range 90-80 is reversed" },
	{ "action allow ip_proto tcp src_port 65536",
	  "src_port \"65536\" is not a port 0..65535 or a range like 80-89" },
	{ "action allow ip_proto tcp src_port 80-",
	  "src_port \"80-\" is not a port 0..65535 or a range like 80-89" },
	{ "action allow ip_proto tcp src_port -80",
	  "src_port \"-80\" is not a port 0..65535 or a range like 80-89" },
	{ "action allow ip_proto tcp src_port http",
	  "src_port \"http\" is not a port 0..65535 or a range like 80-89" },
	{ "action allow ip_proto icmp icmp_type 256",
	  "icmp_type \"256\" is not a number 0..255" },
	{ "action allow ip_proto icmp icmp_code x",
	  "icmp_code \"x\" is not a number 0..255" },
	{ "action allow ip_proto tcp tcp_flags syn/foo",
	  "tcp_flags \"syn/foo\" is not FLAGS[/MASK], numbers like 0x02/0x12 or names like syn/syn,ack" },
	{ "action allow ip_proto tcp tcp_flags 0x100",
	  "tcp_flags \"0x100\" is not FLAGS[/MASK], numbers like 0x02/0x12 or names like syn/syn,ack" },
	{ "action allow ip_proto tcp tcp_flags syn,,ack",
	  "tcp_flags \"syn,,ack\" is not FLAGS[/MASK], numbers like 0x02/0x12 or names like syn/syn,ack" },
	/* what the kernel's classifier would refuse */
	{ "action allow src_ip 10.0.0.1 dst_ip 2001:db8::1",
	  "src_ip is an IPv4 address and dst_ip an IPv6 one" },
	{ "action allow eth_type arp dst_ip 10.0.0.1",
	  "eth_type arp does not match dst_ip, an IPv4 address" },
	{ "action allow eth_type ipv4 src_ip ::1",
	  "eth_type ipv4 does not match src_ip, an IPv6 address" },
	{ "action allow eth_type 0x88cc ip_proto udp",
	  "ip_proto needs eth_type ipv4 or ipv6, not 0x88cc" },
	{ "action allow dst_port 80", "dst_port needs ip_proto tcp, udp or sctp" },
	{ "action allow ip_proto icmp src_port 80",
	  "src_port needs ip_proto tcp, udp or sctp" },
	{ "action allow ip_proto udp tcp_flags syn",
	  "tcp_flags needs ip_proto tcp" },
	{ "action allow tcp_flags syn", "tcp_flags needs ip_proto tcp" },
	{ "action allow icmp_type 8", "icmp_type needs ip_proto icmp or icmpv6" },
	{ "action allow ip_proto tcp icmp_code 0",
	  "icmp_code needs ip_proto icmp or icmpv6" },
	{ "action allow ip_proto icmp icmp_type 8 src_ip 2001:db8::1",
	  "ip_proto icmp is for IPv4; use icmpv6 with IPv6" },
	{ "action allow ip_proto icmpv6 icmp_type 128 eth_type ipv4",
	  "ip_proto icmpv6 is for IPv6; use icmp with IPv4" },
};

static void test_parse(void)
{
	struct xsw_acl_rule_info r, back;
	char err[256], text[512], again[512];
	size_t i;
	int ret;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		const char *want = good[i].out ? good[i].out : good[i].in;

		ret = parse_text(good[i].in, &r, err, sizeof(err));
		if (ret) {
			CHECK(0, "parse \"%s\": %d \"%s\"", good[i].in, ret, err);
			continue;
		}
		to_text(&r, text);
		/* and the text parses to the same rule */
		ret = parse_text(text, &back, err, sizeof(err));
		to_text(&back, again);
		CHECK(!strcmp(text, want) && !ret &&
		      !memcmp(&r, &back, sizeof(r)) && !strcmp(again, text),
		      "\"%s\" -> \"%s\"", good[i].in, text);
	}

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ret = parse_text(bad[i].in, &r, err, sizeof(err));
		CHECK(ret == -EINVAL && !strcmp(err, bad[i].err),
		      "refused \"%s\": %d \"%s\"", bad[i].in, ret, err);
	}

	/* a short error buffer is cut, not overrun; none at all is fine */
	memset(err, 'x', sizeof(err));
	ret = parse_text("action allow ip_proto foo", &r, err, 8);
	CHECK(ret == -EINVAL && !strcmp(err, "unknown") && err[8] == 'x',
	      "short error buffer: \"%s\"", err);
	ret = parse_text("action allow ip_proto foo", &r, NULL, 0);
	CHECK(ret == -EINVAL, "no error buffer: %d", ret);

	/* the masks and ends the parser fills in */
	parse_text("action allow src_mac 02:00:00:00:00:01 ip_proto tcp "
		   "dst_port 22 tcp_flags syn src_ip ::1", &r, err, sizeof(err));
	CHECK(r.priority == XSW_ACL_PRIORITY_DEFAULT &&
	      r.src_mac_mask[0] == 0xff && r.src_mac_mask[5] == 0xff &&
	      r.dst_port_min == 22 && r.dst_port_max == 22 &&
	      r.tcp_flags == 2 && r.tcp_flags_mask == 0xff &&
	      r.src_ip.family == AF_INET6 && r.src_ip.len == 128 &&
	      r.match == (XSW_ACL_MATCH_SRC_MAC | XSW_ACL_MATCH_IP_PROTO |
			  XSW_ACL_MATCH_DST_PORT | XSW_ACL_MATCH_TCP_FLAGS |
			  XSW_ACL_MATCH_SRC_IP),
	      "defaults: priority %u, match 0x%x", r.priority, r.match);
}

static int stop_at_action(const char *key, const char *value, void *arg)
{
	(void)value;
	++*(int *)arg;
	return strcmp(key, "action") ? 0 : 42;
}

static void test_format(void)
{
	struct xsw_acl_rule_info r = { .priority = 3, .action = 9 };
	char text[512];
	int calls = 0, ret;

	to_text(&r, text);
	CHECK(!strcmp(text, "priority 3 action 9"),
	      "unknown action as a number: \"%s\"", text);
	r.action = XSW_ACL_ACTION_DENY;
	r.match = XSW_ACL_MATCH_IP_PROTO | XSW_ACL_MATCH_SRC_PORT;
	ret = xsw_acl_rule_format(&r, stop_at_action, &calls);
	CHECK(ret == 42 && calls == 2, "callback stops: %d after %d", ret,
	      calls);
}

/* Requests and replies ---------------------------------------------------- */

static struct {
	int cmd;
	size_t len;		/* of the last request */
	size_t room;		/* its buffer */
	int nrules_attrs;
	int max_rules_attr;	/* nla_len of the largest XSW_A_ACL_RULES */
	int empty_rules_attrs;
	size_t nrules;
	bool in_order;		/* rule i has priority i */
	int32_t erroff;		/* > 0: fail with this error offset */
	uint32_t erroff_rule;	/* >= 1: fail at this rule's action + 1 */
	bool sizes_match;	/* every rule as large as rule_size() says */
	uint8_t dir;
	int has_default;
} fake;

/* As the kernel's error reaches the handle in nl.c. */
static int fake_error(struct xsw_handle *h, int err, const char *msg,
		      uint32_t off)
{
	h->err = err;
	h->erroff = off;
	snprintf(h->errmsg, sizeof(h->errmsg), "%s", msg);
	return err;
}

/* Parse @msg as xsw_do() would, with acl_attrs, and hand it to @parse. */
static int deliver(struct xsw_handle *h, struct nl_msg *msg,
		   xsw_parse_fn parse, void *arg)
{
	struct nlattr *tb[XSW_A_ACL_MAX + 1];
	int err;

	err = genlmsg_parse(nlmsg_hdr(msg), 0, tb, XSW_A_ACL_MAX, acl_policy);
	if (err < 0)
		err = xsw_seterr(h, -EBADMSG, "malformed: %s",
				 nl_geterror(err));
	else
		err = parse(h, tb, arg);
	nlmsg_free(msg);
	return err;
}

static struct nl_msg *reply_start(uint32_t ifindex, const char *name,
				  uint8_t dir)
{
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, 42, 0, 0, XSW_CMD_ACL_GET,
		    XSW_GENL_VERSION);
	nla_put_u32(msg, XSW_A_ACL_PORT_IFINDEX, ifindex);
	nla_put_string(msg, XSW_A_ACL_PORT_IFNAME, name);
	nla_put_u8(msg, XSW_A_ACL_DIR, dir);
	return msg;
}

static void put_stats(struct nl_msg *msg, uint64_t packets, uint64_t bytes)
{
	struct nlattr *st = nla_nest_start(msg, XSW_A_ACL_STATS);

	nla_put_u64(msg, XSW_A_ACL_STATS_PACKETS, packets);
	nla_put_u64(msg, XSW_A_ACL_STATS_BYTES, bytes);
	nla_nest_end(msg, st);
}

/* The REPLACE request: its XSW_A_ACL_RULES attributes and their rules. */
static void inspect_replace(struct nl_msg *msg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct nlattr *a, *rule, *tb[XSW_A_ACL_MAX + 1];
	int rem, nrem;

	fake.in_order = true;
	fake.sizes_match = true;
	nlmsg_for_each_attr(a, nlh, GENL_HDRLEN, rem) {
		if (nla_type(a) == XSW_A_ACL_DIR)
			fake.dir = nla_get_u8(a);
		if (nla_type(a) == XSW_A_ACL_DEFAULT)
			fake.has_default = 1 + nla_get_u8(a);
		if (nla_type(a) != XSW_A_ACL_RULES)
			continue;
		fake.nrules_attrs++;
		if (nla_len(a) == 0)
			fake.empty_rules_attrs++;
		if ((int)a->nla_len > fake.max_rules_attr)
			fake.max_rules_attr = a->nla_len;
		nla_for_each_nested(rule, a, nrem) {
			struct xsw_acl_rule_info r;
			struct xsw_handle h = { 0 };

			if (nla_type(rule) != XSW_A_ACL_RULE ||
			    nla_parse_nested(tb, XSW_A_ACL_MAX, rule,
					     acl_policy) < 0) {
				fake.in_order = false;
				continue;
			}
			if (!tb[XSW_A_ACL_PRIORITY] ||
			    nla_get_u32(tb[XSW_A_ACL_PRIORITY]) != fake.nrules)
				fake.in_order = false;
			/* to_rule() wants an id */
			tb[XSW_A_ACL_ID] = tb[XSW_A_ACL_PRIORITY];
			if (to_rule(&h, tb, &r) ||
			    (size_t)nla_len(rule) != rule_size(&r))
				fake.sizes_match = false;
			if (fake.erroff_rule && fake.nrules + 1 == fake.erroff_rule)
				fake.erroff = (char *)tb[XSW_A_ACL_ACTION] -
					      (char *)nlh;
			fake.nrules++;
		}
	}
}

int __wrap_xsw_do(struct xsw_handle *h, struct nl_msg *msg,
		  const struct xsw_attrs *attrs, xsw_parse_fn parse,
		  void *arg);

/*
 * ADD: the reply is the request with an id, the port's ifindex and
 * counters, as the kernel sends it.  REPLACE: looked at, and refused at
 * fake.erroff when set.
 */
int __wrap_xsw_do(struct xsw_handle *h, struct nl_msg *msg,
		  const struct xsw_attrs *attrs, xsw_parse_fn parse,
		  void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct genlmsghdr *g = nlmsg_data(nlh);
	struct nl_msg *reply;
	struct nlattr *a;
	int rem;

	(void)attrs;
	fake.cmd = g->cmd;
	fake.len = nlh->nlmsg_len;
	fake.room = nlmsg_get_max_size(msg);
	if (g->cmd == XSW_CMD_ACL_REPLACE) {
		inspect_replace(msg);
		nlmsg_free(msg);
		if (fake.erroff)
			return fake_error(h, -EINVAL,
					  "ports need ip_proto tcp, udp or sctp",
					  fake.erroff);
		return 0;
	}
	if (g->cmd != XSW_CMD_ACL_ADD) {
		nlmsg_free(msg);
		return 0;
	}

	reply = nlmsg_alloc();
	genlmsg_put(reply, NL_AUTO_PORT, NL_AUTO_SEQ, 42, 0, 0,
		    XSW_CMD_ACL_ADD, XSW_GENL_VERSION);
	nla_put_u32(reply, XSW_A_ACL_PORT_IFINDEX, 9);
	nlmsg_for_each_attr(a, nlh, GENL_HDRLEN, rem)
		nla_put(reply, nla_type(a), nla_len(a), nla_data(a));
	nla_put_u32(reply, XSW_A_ACL_ID, 77);
	put_stats(reply, 0, 0);
	nlmsg_free(msg);
	return deliver(h, reply, parse, arg);
}

static void test_add(void)
{
	struct xsw_acl_rule_info r, out, back;
	struct xsw_handle h = { 0 };
	char err[256];
	size_t i;
	int ret;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		parse_text(good[i].in, &r, err, sizeof(err));
		ret = xsw_acl_add(&h, "tap0", XSW_ACL_DIR_IN, &r, &out);
		back = out;
		back.id = 0;
		CHECK(ret == 0 && fake.cmd == XSW_CMD_ACL_ADD && out.id == 77 &&
		      !memcmp(&back, &r, sizeof(r)),
		      "add and its reply: \"%s\": %d \"%s\"", good[i].in, ret,
		      h.errmsg);
	}

	ret = xsw_acl_add(&h, "tap0", XSW_ACL_DIR_OUT, &r, NULL);
	CHECK(ret == 0, "add without out: %d", ret);

	fake.cmd = 0;
	r.match |= 1u << 20;
	ret = xsw_acl_add(&h, "tap0", XSW_ACL_DIR_IN, &r, &out);
	CHECK(ret == -EINVAL && !fake.cmd &&
	      !strcmp(h.errmsg, "unknown match fields 0x100000") && !out.id,
	      "unknown match bits: %d \"%s\"", ret, h.errmsg);
	r.match = XSW_ACL_MATCH_SRC_IP;
	r.src_ip.family = 3;
	ret = xsw_acl_add(&h, "tap0", XSW_ACL_DIR_IN, &r, &out);
	CHECK(ret == -EINVAL && !fake.cmd,
	      "address of an unknown family: %d \"%s\"", ret, h.errmsg);
	r.match = 0;
	ret = xsw_acl_add(&h, "a-port-name-too-long", XSW_ACL_DIR_IN, &r, &out);
	CHECK(ret == -ENAMETOOLONG && !fake.cmd, "long port name: %d \"%s\"",
	      ret, h.errmsg);
}

struct seen {
	char log[256];
	struct xsw_acl_rule_info rules[4];
	size_t n;
};

static int record(const struct xsw_acl_info *acl,
		  const struct xsw_acl_rule_info *rule, void *arg)
{
	struct seen *s = arg;
	size_t len = strlen(s->log);

	if (!rule) {
		snprintf(s->log + len, sizeof(s->log) - len,
			 "[%s/%u %s/%u d%u s%u]", acl->port_ifname,
			 acl->port_ifindex, acl->dir == XSW_ACL_DIR_IN ? "in" :
			 "out", acl->dir, acl->default_action, acl->shapes);
		return 0;
	}
	snprintf(s->log + len, sizeof(s->log) - len, " %s:%u", acl->port_ifname,
		 rule->id);
	if (s->n < 4)
		s->rules[s->n++] = *rule;
	return 0;
}

static void test_dump(void)
{
	static const uint8_t mac[6] = { 2, 0, 0, 0, 0, 1 };
	static const uint8_t v6[16] = { 0x20, 0x01, 0x0d, 0xb8 };
	struct dump_ctx ctx = { .cb = record };
	struct xsw_handle h = { 0 };
	struct seen s = { 0 };
	struct nl_msg *msg;
	char text[512];
	int err;

	ctx.arg = &s;
	msg = reply_start(9, "tap0", XSW_ACL_DIR_IN);
	nla_put_u8(msg, XSW_A_ACL_DEFAULT, XSW_ACL_ACTION_DENY);
	nla_put_u32(msg, XSW_A_ACL_SHAPES, 3);
	err = deliver(&h, msg, parse_dump, &ctx);

	/* every attribute, as the kernel sends them: masks and ends too */
	msg = reply_start(9, "tap0", XSW_ACL_DIR_IN);
	nla_put_u32(msg, XSW_A_ACL_ID, 5);
	nla_put_u32(msg, XSW_A_ACL_PRIORITY, 10);
	nla_put_u8(msg, XSW_A_ACL_ACTION, XSW_ACL_ACTION_ALLOW_STATEFUL);
	nla_put(msg, XSW_A_ACL_SRC_MAC, 6, mac);
	nla_put(msg, XSW_A_ACL_SRC_MAC_MASK, 6, "\xff\xff\xff\0\0\0");
	nla_put(msg, XSW_A_ACL_DST_IP, 16, v6);
	nla_put_u8(msg, XSW_A_ACL_DST_PREFIX, 32);
	nla_put_u8(msg, XSW_A_ACL_IP_PROTO, 6);
	nla_put_u16(msg, XSW_A_ACL_DST_PORT_MIN, 80);
	nla_put_u16(msg, XSW_A_ACL_DST_PORT_MAX, 89);
	nla_put_u8(msg, XSW_A_ACL_TCP_FLAGS, 2);
	nla_put_u8(msg, XSW_A_ACL_TCP_FLAGS_MASK, 0x12);
	nla_put_u32(msg, XSW_A_ACL_MAX + 1, 7);	/* from a newer kernel */
	put_stats(msg, 12, 1ULL << 40);
	if (!err)
		err = deliver(&h, msg, parse_dump, &ctx);

	/* the least a rule has; masks left out take their defaults */
	msg = reply_start(9, "tap0", XSW_ACL_DIR_IN);
	nla_put_u32(msg, XSW_A_ACL_ID, 6);
	nla_put_u8(msg, XSW_A_ACL_ACTION, XSW_ACL_ACTION_DENY);
	nla_put(msg, XSW_A_ACL_DST_MAC, 6, mac);
	nla_put(msg, XSW_A_ACL_SRC_IP, 4, "\x0a\0\0\x01");
	nla_put_u16(msg, XSW_A_ACL_SRC_PORT_MIN, 7);
	if (!err)
		err = deliver(&h, msg, parse_dump, &ctx);

	msg = reply_start(11, "tap1", XSW_ACL_DIR_OUT);
	nla_put_u8(msg, XSW_A_ACL_DEFAULT, XSW_ACL_ACTION_ALLOW);
	nla_put_u32(msg, XSW_A_ACL_SHAPES, 0);
	if (!err)
		err = deliver(&h, msg, parse_dump, &ctx);

	CHECK(err == 0 && !strcmp(s.log, "[tap0/9 in/1 d2 s3] tap0:5 tap0:6[tap1/11 out/2 d1 s0]"),
	      "dump: %d \"%s\" \"%s\"", err, s.log, h.errmsg);
	to_text(&s.rules[0], text);
	CHECK(s.n == 2 && s.rules[0].id == 5 && s.rules[0].packets == 12 &&
	      s.rules[0].bytes == 1ULL << 40 &&
	      !strcmp(text, "priority 10 action allow-stateful "
			    "src_mac 02:00:00:00:00:01/ff:ff:ff:00:00:00 "
			    "dst_ip 2001:db8::/32 ip_proto tcp dst_port 80-89 "
			    "tcp_flags 0x02/0x12"),
	      "rule with every mask: \"%s\"", text);
	to_text(&s.rules[1], text);
	CHECK(s.rules[1].id == 6 && s.rules[1].packets == 0 &&
	      s.rules[1].priority == 0 &&
	      !strcmp(text, "priority 0 action deny dst_mac 02:00:00:00:00:01 "
			    "src_ip 10.0.0.1 src_port 7"),
	      "rule without masks: \"%s\"", text);

	/* a rule of another port than the last ACL */
	msg = reply_start(12, "tap2", XSW_ACL_DIR_OUT);
	nla_put_u32(msg, XSW_A_ACL_ID, 1);
	nla_put_u8(msg, XSW_A_ACL_ACTION, XSW_ACL_ACTION_DENY);
	err = deliver(&h, msg, parse_dump, &ctx);
	CHECK(err == -EBADMSG &&
	      !strcmp(h.errmsg, "kernel sent a rule of tap2 before its ACL"),
	      "rule before its ACL: %d \"%s\"", err, h.errmsg);

	msg = reply_start(11, "tap1", XSW_ACL_DIR_OUT);
	nla_put_u32(msg, XSW_A_ACL_ID, 1);
	nla_put_u8(msg, XSW_A_ACL_ACTION, XSW_ACL_ACTION_DENY);
	nla_put(msg, XSW_A_ACL_SRC_IP, 5, "\0\0\0\0\0");
	err = deliver(&h, msg, parse_dump, &ctx);
	CHECK(err == -EBADMSG &&
	      !strcmp(h.errmsg, "kernel sent an address of 5 bytes"),
	      "address of 5 bytes: %d \"%s\"", err, h.errmsg);

	msg = reply_start(11, "tap1", XSW_ACL_DIR_OUT);
	nla_put_u32(msg, XSW_A_ACL_ID, 1);
	err = deliver(&h, msg, parse_dump, &ctx);
	CHECK(err == -EBADMSG && strstr(h.errmsg, "without id or action"),
	      "rule without action: %d \"%s\"", err, h.errmsg);
}

/* A rule of every field, IPv6: the largest a rule gets. */
static void largest(struct xsw_acl_rule_info *r, uint32_t priority)
{
	char err[256];

	parse_text("action deny src_mac 02:00:00:00:00:01/24 "
		   "dst_mac 02:00:00:00:00:02/24 eth_type ipv6 vlan_id 10 "
		   "src_ip 2001:db8::/32 dst_ip 2001:db8:1::/48 "
		   "ip_proto icmpv6 icmp_type 1 icmp_code 4", r, err,
		   sizeof(err));
	/* ports and tcp flags, which no one rule has with icmp */
	r->match |= XSW_ACL_MATCH_SRC_PORT | XSW_ACL_MATCH_DST_PORT |
		    XSW_ACL_MATCH_TCP_FLAGS;
	r->priority = priority;
}

/* An address and a port: a usual rule. */
static void usual(struct xsw_acl_rule_info *r, uint32_t priority)
{
	char text[128], err[256];

	snprintf(text, sizeof(text),
		 "priority %u action allow src_ip 10.%u.%u.0/24 ip_proto tcp "
		 "dst_port 443", priority, priority >> 8 & 0xff,
		 priority & 0xff);
	parse_text(text, r, err, sizeof(err));
}

static void test_replace(void)
{
	const size_t n = XSW_ACL_RULES_MAX;
	struct xsw_acl_rule_info *rules = calloc(n + 1, sizeof(*rules));
	struct xsw_handle h = { 0 };
	size_t i, bad_at;
	int ret;

	if (!rules)
		return;

	for (i = 0; i < n; i++)
		usual(&rules[i], i);
	memset(&fake, 0, sizeof(fake));
	ret = xsw_acl_replace(&h, "tap0", XSW_ACL_DIR_IN, rules, n,
			      XSW_ACL_ACTION_DENY, &bad_at);
	printf("info 10,000 usual rules: a request of %zu bytes (buffer %zu), "
	       "%d XSW_A_ACL_RULES of at most %d bytes\n", fake.len, fake.room,
	       fake.nrules_attrs, fake.max_rules_attr);
	CHECK(ret == 0 && fake.cmd == XSW_CMD_ACL_REPLACE && fake.nrules == n &&
	      fake.in_order && fake.sizes_match && fake.nrules_attrs > 1 &&
	      fake.max_rules_attr <= 65535 && fake.dir == XSW_ACL_DIR_IN &&
	      fake.has_default == 1 + XSW_ACL_ACTION_DENY &&
	      fake.len <= fake.room && fake.room - fake.len < 4096,
	      "10,000 usual rules in order, split, buffer sized: %d", ret);

	for (i = 0; i < n; i++)
		largest(&rules[i], i);
	memset(&fake, 0, sizeof(fake));
	ret = xsw_acl_replace(&h, "tap0", XSW_ACL_DIR_OUT, rules, n, -1,
			      &bad_at);
	printf("info 10,000 largest rules: a request of %zu bytes (buffer %zu), "
	       "%d XSW_A_ACL_RULES of at most %d bytes\n", fake.len, fake.room,
	       fake.nrules_attrs, fake.max_rules_attr);
	CHECK(ret == 0 && fake.nrules == n && fake.in_order &&
	      fake.sizes_match && fake.max_rules_attr <= 65535 &&
	      fake.max_rules_attr > 65535 - 256 && !fake.has_default &&
	      fake.dir == XSW_ACL_DIR_OUT && fake.len <= fake.room &&
	      fake.room - fake.len < 4096,
	      "10,000 largest rules, attributes filled up to 64 KiB: %d", ret);

	/* every rule of the parser's cases: each as large as rule_size() */
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		char err[256];

		parse_text(good[i].in, &rules[i], err, sizeof(err));
		rules[i].priority = i;
	}
	memset(&fake, 0, sizeof(fake));
	ret = xsw_acl_replace(&h, "tap0", XSW_ACL_DIR_IN, rules, i, -1,
			      &bad_at);
	CHECK(ret == 0 && fake.nrules == i && fake.in_order &&
	      fake.sizes_match && fake.nrules_attrs == 1 &&
	      fake.len <= fake.room, "the parser's %zu rules: %d", i, ret);

	/* the kernel refuses rule 1234 (0-based 1233): which one it was */
	for (i = 0; i < n; i++)
		usual(&rules[i], i);
	memset(&fake, 0, sizeof(fake));
	fake.erroff_rule = 1234;
	ret = xsw_acl_replace(&h, "tap0", XSW_ACL_DIR_IN, rules, n, -1,
			      &bad_at);
	CHECK(ret == -EINVAL && bad_at == 1233,
	      "error offset inside a rule names it: %d, rule %zu", ret, bad_at);
	memset(&fake, 0, sizeof(fake));
	fake.erroff = 20;	/* the port name */
	ret = xsw_acl_replace(&h, "tap0", XSW_ACL_DIR_IN, rules, n, -1,
			      &bad_at);
	CHECK(ret == -EINVAL && bad_at == n,
	      "error offset outside the rules: %d, %zu", ret, bad_at);
	/* the first byte of the first rule, and the last of the last */
	{
		uint32_t off[3] = { 100, 120, 140 };
		struct layout lay = { .off = off, .n = 3 };
		uint32_t end = 140 + nla_total_size(rule_size(&rules[2]));

		CHECK(bad_rule(&lay, rules, 100) == 0 &&
		      bad_rule(&lay, rules, 99) == 3 &&
		      bad_rule(&lay, rules, 0) == 3 &&
		      bad_rule(&lay, rules, 139) == 1 &&
		      bad_rule(&lay, rules, end - 1) == 2 &&
		      bad_rule(&lay, rules, end) == 3, "bad_rule() edges");
	}

	memset(&fake, 0, sizeof(fake));
	ret = xsw_acl_replace(&h, "tap0", XSW_ACL_DIR_IN, NULL, 0,
			      XSW_ACL_ACTION_ALLOW, NULL);
	CHECK(ret == 0 && fake.nrules_attrs == 1 && fake.empty_rules_attrs == 1 &&
	      fake.nrules == 0, "empty set: one empty XSW_A_ACL_RULES: %d",
	      ret);

	memset(&fake, 0, sizeof(fake));
	ret = xsw_acl_replace(&h, "tap0", XSW_ACL_DIR_IN, rules, n + 1, -1,
			      &bad_at);
	CHECK(ret == -ENOSPC && !fake.cmd && bad_at == n + 1 &&
	      !strcmp(h.errmsg, "too many rules: 10001, at most 10000 per port and direction"),
	      "10,001 rules: %d \"%s\"", ret, h.errmsg);

	rules[5].match |= 1u << 30;
	ret = xsw_acl_replace(&h, "tap0", XSW_ACL_DIR_IN, rules, 10, -1,
			      &bad_at);
	CHECK(ret == -EINVAL && !fake.cmd && bad_at == 5,
	      "a bad rule found before sending: %d, rule %zu", ret, bad_at);
	free(rules);
}

int main(void)
{
	test_parse();
	test_format();
	test_add();
	test_dump();
	test_replace();

	printf("%s\n", failures ? "FAILED" : "all passed");
	return failures ? 1 : 0;
}
