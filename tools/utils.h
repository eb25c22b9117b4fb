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
