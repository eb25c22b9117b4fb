// SPDX-License-Identifier: GPL-2.0-only
/*
 * Argument helpers, error reporting, network namespaces, batch lines.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xswitch.h>

#include "print.h"
#include "xsw.h"
#include "utils.h"

#define NETNS_RUN_DIR "/run/netns"

int missing_arg(const char *keyword)
{
	fprintf(stderr, "Error: \"%s\" needs an argument.\n", keyword);
	return -1;
}

int invarg(const char *msg, const char *arg)
{
	fprintf(stderr, "Error: argument \"%s\" is wrong: %s\n", arg, msg);
	return -1;
}

int duparg(const char *key, const char *arg)
{
	fprintf(stderr, "Error: duplicate \"%s\": \"%s\" is the second value.\n",
		key, arg);
	return -1;
}

int duparg2(const char *key, const char *arg)
{
	fprintf(stderr, "Error: either \"%s\" is duplicate, or \"%s\" is garbage.\n",
		key, arg);
	return -1;
}

int unknown_keyword(const char *arg)
{
	fprintf(stderr, "Error: unknown keyword \"%s\".\n", arg);
	return -1;
}

int get_u32(uint32_t *val, const char *arg, int base)
{
	unsigned long res;
	char *end;

	if (!arg || !*arg || *arg == '-')
		return -1;
	errno = 0;
	res = strtoul(arg, &end, base);
	if (*end || errno || res > UINT32_MAX)
		return -1;
	*val = res;
	return 0;
}

int parse_u32_range(const char *key, const char *arg, uint32_t min,
		    uint32_t max, uint32_t *val)
{
	char msg[64];

	if (get_u32(val, arg, 10) || *val < min || *val > max) {
		snprintf(msg, sizeof(msg), "\"%s\" is %" PRIu32 "..%" PRIu32,
			 key, min, max);
		return invarg(msg, arg);
	}
	return 0;
}

int parse_on_off(const char *key, const char *arg, bool *val)
{
	char msg[64];

	if (strcmp(arg, "on") == 0) {
		*val = true;
	} else if (strcmp(arg, "off") == 0) {
		*val = false;
	} else {
		snprintf(msg, sizeof(msg), "\"%s\" is on or off", key);
		return invarg(msg, arg);
	}
	return 0;
}

int parse_vlan(const char *key, const char *arg, uint16_t *vid)
{
	char msg[64];
	uint32_t v;

	if (get_u32(&v, arg, 10) || v < 1 || v > XSW_VLAN_MAX) {
		snprintf(msg, sizeof(msg), "\"%s\" is a VLAN id, 1..%d", key,
			 XSW_VLAN_MAX);
		return invarg(msg, arg);
	}
	*vid = v;
	return 0;
}

int parse_mac(const char *key, const char *arg, uint8_t mac[6])
{
	const char *p = arg;
	char msg[80];
	int i;

	for (i = 0; i < 6; i++) {
		unsigned int byte = 0;
		int n;

		for (n = 0; n < 2 && isxdigit((unsigned char)*p); n++, p++)
			byte = byte * 16 + (isdigit((unsigned char)*p) ?
					    *p - '0' :
					    tolower((unsigned char)*p) - 'a' + 10);
		if (n == 0 || (i < 5 && *p++ != ':'))
			break;
		mac[i] = byte;
	}
	if (i < 6 || *p) {
		snprintf(msg, sizeof(msg),
			 "\"%s\" is an Ethernet address like 02:00:00:00:00:01",
			 key);
		return invarg(msg, arg);
	}
	return 0;
}

/* The value of @len decimal digits at @s; anything above 99999 as 99999. */
static uint32_t digits_value(const char *s, size_t len)
{
	uint32_t v = 0;

	while (len--) {
		v = v * 10 + (uint32_t)(*s++ - '0');
		if (v > 99999)
			return 99999;
	}
	return v;
}

/* Say that @item of the list @arg of @key is wrong, and why. */
static int bad_item(const char *key, const char *arg, const char *item,
		    const char *why)
{
	char msg[160];

	snprintf(msg, sizeof(msg), "%s (in \"%s %.64s%s\")", why, key, arg,
		 strlen(arg) > 64 ? "..." : "");
	return invarg(msg, item);
}

int parse_vlan_list(const char *key, const char *arg, uint8_t *bitmap)
{
	static const char digits[] = "0123456789";
	const char *p = arg;

	memset(bitmap, 0, XSW_VLAN_BITMAP_LEN);
	if (strcmp(arg, "none") == 0)
		return 0;

	for (;;) {
		size_t len = strcspn(p, ","), n1, n2 = 0;
		uint32_t lo, hi, vid;
		char item[24];

		if (len == 0)
			return invarg("empty item in the list of VLANs", arg);
		if (len < sizeof(item))
			snprintf(item, sizeof(item), "%.*s", (int)len, p);
		else
			snprintf(item, sizeof(item), "%.*s...",
				 (int)sizeof(item) - 4, p);

		/* DIGITS or DIGITS-DIGITS */
		n1 = strspn(p, digits);
		if (n1 < len && p[n1] == '-')
			n2 = strspn(p + n1 + 1, digits);
		if (n1 == 0 || (n1 < len && (n2 == 0 || n1 + 1 + n2 != len)))
			return bad_item(key, arg, item,
					"not a VLAN id or a range like 20-30");

		lo = digits_value(p, n1);
		hi = n2 ? digits_value(p + n1 + 1, n2) : lo;
		if (lo < 1 || lo > XSW_VLAN_MAX || hi < 1 || hi > XSW_VLAN_MAX)
			return bad_item(key, arg, item,
					"VLAN ids are 1..4094");
		if (hi < lo)
			return bad_item(key, arg, item, "the range is reversed");
		for (vid = lo; vid <= hi; vid++)
			xsw_vlan_set(bitmap, vid);

		p += len;
		if (!*p)
			return 0;
		p++;		/* the comma; a trailing one makes an empty item */
	}
}

int vec_push(struct vec *v, const void *item)
{
	if (v->len == v->cap) {
		size_t cap = v->cap ? 2 * v->cap : 16;
		void *items = realloc(v->items, cap * v->size);

		if (!items)
			return -ENOMEM;
		v->items = items;
		v->cap = cap;
	}
	memcpy((char *)v->items + v->len * v->size, item, v->size);
	v->len++;
	return 0;
}

void *vec_at(const struct vec *v, size_t i)
{
	return (char *)v->items + i * v->size;
}

void vec_free(struct vec *v)
{
	free(v->items);
	v->items = NULL;
	v->len = v->cap = 0;
}

int dump_retry(struct xsw_handle *h,
	       int (*dump)(struct xsw_handle *h, const char *filter,
			   struct vec *v),
	       const char *filter, struct vec *v)
{
	int tries, ret = 0;

	for (tries = 0; tries < DUMP_TRIES; tries++) {
		v->len = 0;
		ret = dump(h, filter, v);
		if (ret != -EINTR)
			break;
	}
	return ret;
}

void print_drops(const struct xsw_stats *st)
{
	char name[32], fmt[48];
	int i;

	open_json_object("drops");
	print_string(PRINT_FP, NULL, "%s", "    drops:");
	for (i = 0; i < XSW_STATS_DROPS_LEN; i++) {
		const char *known = xsw_drop_name(i);

		if (!(st->drops_seen & (UINT64_C(1) << i)))
			continue;
		if (known)
			snprintf(name, sizeof(name), "%s", known);
		else
			snprintf(name, sizeof(name), "reason-%d", i);
		snprintf(fmt, sizeof(fmt), " %s %%" PRIu64, name);
		print_u64(PRINT_ANY, name, fmt, st->drops[i]);
	}
	close_json_object();
	print_nl();
}

int report_error(struct xsw_handle *h, int err)
{
	const char *msg = xsw_errmsg(h);
	size_t len = strlen(msg);

	if (len)
		fprintf(stderr, "Error: %s%s\n", msg,
			msg[len - 1] == '.' ? "" : ".");
	else
		fprintf(stderr, "Error: %s\n", strerror(err < 0 ? -err : err));
	return -1;
}

/* Like "ip -n NAME": enter the namespace that "ip netns add NAME" made. */
int netns_switch(const char *name)
{
	char path[PATH_MAX];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "Cannot open network namespace \"%s\": %s\n",
			name, strerror(errno));
		return -1;
	}
	if (setns(fd, CLONE_NEWNET) < 0) {
		fprintf(stderr, "setting the network namespace \"%s\" failed: %s\n",
			name, strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

int makeargs(char *line, char *argv[], int maxargs)
{
	char *r = line, *w;
	int argc = 0;

	for (;;) {
		bool more;

		while (isspace((unsigned char)*r))
			r++;
		if (!*r || *r == '#')
			break;
		if (argc >= maxargs - 1) {
			fprintf(stderr, "Error: too many arguments on one line.\n");
			return -1;
		}
		argv[argc++] = w = r;
		while (*r && !isspace((unsigned char)*r)) {
			if (*r == '"' || *r == '\'') {
				char quote = *r++;

				while (*r && *r != quote)
					*w++ = *r++;
				if (!*r) {
					fprintf(stderr, "Error: unterminated quoted string.\n");
					return -1;
				}
				r++;
			} else {
				*w++ = *r++;
			}
		}
		more = *r;
		*w = '\0';
		if (more)
			r++;
	}
	argv[argc] = NULL;
	return argc;
}

int show_objects(struct vec *v, const char *name,
		 int (*get)(struct xsw_handle *h, const char *name, void *out),
		 int (*dump)(struct xsw_handle *h, const char *filter,
			     struct vec *v),
		 const char *filter, void (*print)(const void *obj))
{
	struct xsw_handle *h = get_handle();
	void *one;
	size_t i;
	int ret;

	if (!h) {
		vec_free(v);
		return -1;
	}
	if (name) {
		one = calloc(1, v->size);
		ret = one ? get(h, name, one) : -ENOMEM;
		if (!ret)
			ret = vec_push(v, one);
		free(one);
	} else {
		ret = dump_retry(h, dump, filter, v);
	}
	if (ret) {
		vec_free(v);
		return report_error(h, ret);
	}

	new_json_obj(json);
	for (i = 0; i < v->len; i++)
		print(vec_at(v, i));
	delete_json_obj();
	vec_free(v);
	return 0;
}
