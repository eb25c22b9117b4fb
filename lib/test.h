/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The checks of the host tests (nl_test.c, ext_test.c, sample_test.c):
 * CHECK() prints "ok   " or "FAIL " and its message, and counts the
 * failures; main() ends with "return test_exit();", which prints the
 * verdict and gives the exit status.
 */
#ifndef XSW_TEST_H
#define XSW_TEST_H

#include <stdio.h>

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

static inline int test_exit(void)
{
	printf("%s\n", failures ? "FAILED" : "all passed");
	return failures ? 1 : 0;
}

#endif
