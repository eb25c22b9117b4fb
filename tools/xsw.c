// SPDX-License-Identifier: GPL-2.0-only
/*
 * xsw - configure xswitch virtual switches.
 *
 *	xsw [ OPTIONS ] OBJECT { COMMAND | help }
 *	xsw [ OPTIONS ] -batch FILE
 *
 * Options and objects, after ip(8).  Keywords match exactly.  Exit status
 * is 0 on success and 1 on any failure; errors go to stderr only.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xswitch.h>

#include "print.h"
#include "utils.h"
#include "xsw.h"

#ifndef XSW_VERSION
#define XSW_VERSION "unknown"
#endif

int json;
int pretty;
int show_stats;
int show_details;

static struct xsw_handle *handle;

static void usage(void)
{
	fprintf(stderr,
		"Usage: xsw [ OPTIONS ] OBJECT { COMMAND | help }\n"
		"       xsw [ OPTIONS ] -batch FILE\n"
		"where  OBJECT  := { switch | port | fdb | acl | qos | ext | sample |\n"
		"                    vnet | vsubnet | pa | map }\n"
		"       OPTIONS := { -V[ersion] | -j[son] | -p[retty] | -s[tats] | -d[etails] |\n"
		"                    -n[etns] NETNS | -b[atch] FILE | -h[elp] }\n"
		"Options and keywords are matched exactly; -batch - reads stdin.\n");
}

static int do_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	usage();
	return 0;
}

static const struct cmd {
	const char *name;
	int (*func)(int argc, char **argv);
} cmds[] = {
	{ "switch",	do_switch },
	{ "port",	do_port },
	{ "fdb",	do_fdb },
	{ "acl",	do_acl },
	{ "qos",	do_qos },
	{ "ext",	do_ext },
	{ "sample",	do_sample },
	{ "vnet",	do_vnet },
	{ "vsubnet",	do_vsubnet },
	{ "pa",		do_pa },
	{ "map",	do_map },
	{ "help",	do_help },
};

struct xsw_handle *get_handle(void)
{
	int err;

	if (handle)
		return handle;
	err = xsw_open(&handle);
	if (err) {
		fprintf(stderr, "Error: %s\n", xsw_strerror_open(err));
		return NULL;
	}
	return handle;
}

static int do_cmd(int argc, char **argv)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cmds); i++)
		if (strcmp(argv[0], cmds[i].name) == 0)
			return cmds[i].func(argc - 1, argv + 1) ? -1 : 0;

	fprintf(stderr, "Object \"%s\" is unknown, try \"xsw help\".\n",
		argv[0]);
	return -1;
}

/*
 * One line of -batch.  Consecutive "map add" lines are queued and sent in
 * bulk requests (100,000 lines would otherwise take 100,000 round trips);
 * any other line first sends the queue, so lines still take effect in
 * order.  Returns 0 or -1 after reporting the failed line.
 */
static int batch_line(const char *name, int lineno, int argc, char **argv)
{
	struct xsw_map_info m;
	int ret;

	if (argc >= 2 && !strcmp(argv[0], "map") && !strcmp(argv[1], "add")) {
		if (map_add_parse(argc - 2, argv + 2, &m)) {
			if (map_batch_flush(name))
				return -1;
			goto err;
		}
		ret = map_batch_add(&m, lineno);
		return ret ? map_batch_flush(name) : 0;
	}
	if (map_batch_flush(name))
		return -1;
	if (!do_cmd(argc, argv))
		return 0;
err:
	fprintf(stderr, "Command failed %s:%d\n", name, lineno);
	return -1;
}

static int batch(const char *name)
{
	FILE *f = strcmp(name, "-") ? fopen(name, "r") : stdin;
	char *line = NULL;
	size_t len = 0;
	int lineno = 0;
	int ret = 0;

	if (!f) {
		fprintf(stderr, "Cannot open file \"%s\" for reading: %s\n",
			name, strerror(errno));
		return -1;
	}

	while (getline(&line, &len, f) != -1) {
		char *largv[64];
		int largc;

		lineno++;
		largc = makeargs(line, largv, ARRAY_SIZE(largv));
		if (largc == 0)
			continue;
		if (largc < 0) {
			if (!map_batch_flush(name))
				fprintf(stderr, "Command failed %s:%d\n",
					name, lineno);
			ret = -1;
			break;
		}
		if (batch_line(name, lineno, largc, largv)) {
			ret = -1;
			break;
		}
	}
	if (!ret && map_batch_flush(name))
		ret = -1;

	free(line);
	if (f != stdin)
		fclose(f);
	return ret;
}

int main(int argc, char **argv)
{
	const char *batch_file = NULL;
	const char *netns = NULL;
	int ret;

	while (argc > 1 && argv[1][0] == '-') {
		const char *opt = argv[1];

		if (strcmp(opt, "--") == 0) {
			argc--;
			argv++;
			break;
		}
		if (opt[1] == '-')	/* --json works like -json */
			opt++;

		if (!strcmp(opt, "-j") || !strcmp(opt, "-json")) {
			json = 1;
		} else if (!strcmp(opt, "-p") || !strcmp(opt, "-pretty")) {
			pretty = 1;
		} else if (!strcmp(opt, "-s") || !strcmp(opt, "-stats")) {
			show_stats++;
		} else if (!strcmp(opt, "-d") || !strcmp(opt, "-details")) {
			show_details++;
		} else if (!strcmp(opt, "-n") || !strcmp(opt, "-netns")) {
			if (argc <= 2) {
				missing_arg(argv[1]);
				return 1;
			}
			netns = argv[2];
			argc--;
			argv++;
		} else if (!strcmp(opt, "-b") || !strcmp(opt, "-batch")) {
			if (argc <= 2) {
				missing_arg(argv[1]);
				return 1;
			}
			batch_file = argv[2];
			argc--;
			argv++;
		} else if (!strcmp(opt, "-V") || !strcmp(opt, "-Version")) {
			printf("xsw utility, xswitch-%s\n", XSW_VERSION);
			return fflush(stdout) ? 1 : 0;
		} else if (!strcmp(opt, "-h") || !strcmp(opt, "-help")) {
			usage();
			return 0;
		} else {
			fprintf(stderr, "Option \"%s\" is unknown, try \"xsw -help\".\n",
				argv[1]);
			return 1;
		}
		argc--;
		argv++;
	}

	set_json_pretty(pretty);

	if (netns && netns_switch(netns))
		return 1;

	if (batch_file) {
		if (argc > 1) {
			fprintf(stderr, "Error: -batch takes no OBJECT, but got \"%s\".\n",
				argv[1]);
			return 1;
		}
		ret = batch(batch_file);
	} else if (argc > 1) {
		ret = do_cmd(argc - 1, argv + 1);
	} else {
		usage();
		ret = -1;
	}

	xsw_close(handle);
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "Error: cannot write output: %s\n",
			strerror(errno));
		ret = -1;
	}
	return ret ? 1 : 0;
}
