// SPDX-License-Identifier: GPL-2.0-only
/*
 * Argument helpers, error reporting, network namespaces, batch lines.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xswitch.h>

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
