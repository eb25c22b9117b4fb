/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Command-line helpers shared by the object files, after iproute2's
 * include/utils.h.  The error helpers print one line on stderr and return
 * -1, so a parser can "return invarg(...)"; nothing here exits, so a bad
 * line in -batch reports "Command failed FILE:LINE" like any other failure.
 */
#ifndef XSW_UTILS_H
#define XSW_UTILS_H

#include <stdbool.h>
#include <stdint.h>

struct xsw_handle;
struct xsw_stats;

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Step to the argument of the keyword at *argv, or fail naming it. */
#define NEXT_ARG()						\
	do {							\
		if (argc <= 1)					\
			return missing_arg(*argv);		\
		argc--;						\
		argv++;						\
	} while (0)

int missing_arg(const char *keyword);
int invarg(const char *msg, const char *arg);
int duparg(const char *key, const char *arg);
int duparg2(const char *key, const char *arg);
int unknown_keyword(const char *arg);

int get_u32(uint32_t *val, const char *arg, int base);

/*
 * Parsers of one keyword's argument.  They print what is wrong, naming
 * @key and the bad text, and return -1; or store the value and return 0.
 */
int parse_u32_range(const char *key, const char *arg, uint32_t min,
		    uint32_t max, uint32_t *val);
int parse_on_off(const char *key, const char *arg, bool *val);
/* A VLAN id, 1..4094. */
int parse_vlan(const char *key, const char *arg, uint16_t *vid);
/* "aa:bb:cc:dd:ee:ff", one or two hex digits a byte. */
int parse_mac(const char *key, const char *arg, uint8_t mac[6]);
/*
 * "10,20-30": VLANs and ranges, 1..4094, into a bitmap laid out as
 * XSW_A_PORT_VLANS (cleared first); "none" is the empty list.
 */
int parse_vlan_list(const char *key, const char *arg, uint8_t *bitmap);

/*
 * A growing array of @size-byte items, for dumps that are read whole
 * before anything is printed.
 */
struct vec {
	void *items;
	size_t len;
	size_t cap;
	size_t size;
};

#define VEC_INIT(type) { .size = sizeof(type) }

/* Append a copy of *@item.  Returns 0 or -ENOMEM. */
int vec_push(struct vec *v, const void *item);
void *vec_at(const struct vec *v, size_t i);
void vec_free(struct vec *v);

/*
 * How often a dump the kernel flags as interrupted (-EINTR: the objects
 * changed under it) is started again before giving up.
 */
#define DUMP_TRIES 5

/*
 * Read a dump into @v with @dump (which appends to @v), starting again
 * from an empty @v while it is interrupted, at most DUMP_TRIES times.
 * Nothing of a discarded attempt is left in @v.  @filter is passed on.
 * Returns what the last @dump returned.
 */
int dump_retry(struct xsw_handle *h,
	       int (*dump)(struct xsw_handle *h, const char *filter,
			   struct vec *v),
	       const char *filter, struct vec *v);

/*
 * What "xsw OBJECT show" does: read the object named @name with @get, or
 * every object (@filter passed on) with @dump, into @v; then print each
 * with @print inside one JSON array.  Everything is read before anything
 * is printed, so a retried dump never prints twice and an error leaves
 * stdout empty.  Frees @v.  Returns 0, or -1 after reporting the error.
 */
int show_objects(struct vec *v, const char *name,
		 int (*get)(struct xsw_handle *h, const char *name, void *out),
		 int (*dump)(struct xsw_handle *h, const char *filter,
			     struct vec *v),
		 const char *filter, void (*print)(const void *obj));

/*
 * The drop counters of @st: a "drops" object in JSON, every reason the
 * kernel sent, by name, or "reason-N" for one this xsw does not know; in
 * text a line "    drops: vlan 0 spoofed-mac 0 ...".
 */
void print_drops(const struct xsw_stats *st);

/*
 * Print a failed library call as "Error: <message>." (the kernel's
 * extended ack, or the library's own words) or "Error: <strerror>".
 * Returns -1.
 */
int report_error(struct xsw_handle *h, int err);

int netns_switch(const char *name);

/* Split @line in place into words; "..." and '...' quote, # starts a
 * comment.  Returns the word count or -1 (message printed). */
int makeargs(char *line, char *argv[], int maxargs);

#endif /* XSW_UTILS_H */
