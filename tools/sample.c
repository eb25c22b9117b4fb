// SPDX-License-Identifier: GPL-2.0-only
/*
 * xsw sample - print or record the packets the kernel's psample family
 * reports (xswitch's sample extension, tc's act_sample).
 *
 * Samples are printed as they come, one line or one JSON object each,
 * and flushed at once so that a reader of a pipe sees them.  The command
 * ends after "count" samples, after "timeout" seconds, or on SIGINT or
 * SIGTERM, and then closes the JSON array; all three are a success.
 * SIGINT and SIGTERM are blocked except while waiting in ppoll(), so one
 * that comes while a sample is printed ends the command right after it.
 */
#define _GNU_SOURCE		/* ppoll() */
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xswitch.h>

#include "print.h"
#include "utils.h"
#include "xsw.h"

/* What on_sample() returns when "count" samples were seen. */
#define SAMPLE_DONE 1

static void usage(void)
{
	fprintf(stderr,
		"Usage: xsw sample [ group GROUP ] [ count N ] [ timeout SECONDS ] [ write FILE ]\n"
		"       xsw sample help\n"
		"Prints the packets psample reports (xswitch's sample extension, tc's\n"
		"act_sample) until N were seen, SECONDS passed, or SIGINT or SIGTERM.\n"
		"GROUP: only those of this psample group.  -d adds each packet's bytes.\n"
		"write: a pcap file instead (FILE - is stdout); the count goes to stderr.\n");
}

static volatile sig_atomic_t stopped;

static void on_signal(int sig)
{
	(void)sig;
	stopped = 1;
}

struct listen {
	FILE *pcap;
	uint32_t count;		/* stop after this many; 0: never */
	uint64_t seen;
};

/*
 * The in or out device: in JSON "in_ifindex" and "in_dev" (null when the
 * index has no name here), in text " in NAME" or " in INDEX".  Nothing
 * when psample did not say.
 */
static void print_dev(const char *dir, uint32_t ifindex)
{
	char key_index[16], key_dev[16], fmt[16], name[IF_NAMESIZE];

	if (!ifindex)
		return;
	snprintf(key_index, sizeof(key_index), "%s_ifindex", dir);
	snprintf(key_dev, sizeof(key_dev), "%s_dev", dir);
	print_uint(PRINT_JSON, key_index, NULL, ifindex);
	if (if_indextoname(ifindex, name)) {
		snprintf(fmt, sizeof(fmt), " %s %%s", dir);
		print_string(PRINT_ANY, key_dev, fmt, name);
	} else {
		print_null(PRINT_JSON, key_dev, NULL, NULL);
		snprintf(fmt, sizeof(fmt), " %s %%u", dir);
		print_uint(PRINT_FP, NULL, fmt, ifindex);
	}
}

static void print_data(const uint8_t *data, uint32_t len)
{
	char *hex = malloc(2 * (size_t)len + 1);
	uint32_t i;

	if (!hex)
		return;
	for (i = 0; i < len; i++)
		snprintf(hex + 2 * i, 3, "%02x", data[i]);
	hex[2 * (size_t)len] = '\0';
	print_string(PRINT_ANY, "data", " data %s", hex);
	free(hex);
}

static void print_sample(const struct xsw_sample *s)
{
	open_json_object(NULL);
	print_uint(PRINT_ANY, "group", "group %u", s->group);
	print_uint(PRINT_ANY, "seq", " seq %u", s->seq);
	print_uint(PRINT_ANY, "rate", " rate %u", s->rate);
	print_uint(PRINT_ANY, "origsize", " origsize %u", s->origsize);
	print_dev("in", s->in_ifindex);
	print_dev("out", s->out_ifindex);
	print_uint(PRINT_ANY, "len", " len %u", s->len);
	if (show_details)
		print_data(s->data, s->len);
	close_json_object();
	print_nl();
}

static int on_sample(const struct xsw_sample *s, void *arg)
{
	struct listen *l = arg;
	int err;

	if (l->pcap) {
		err = xsw_pcap_write(l->pcap, s);
		if (!err && fflush(l->pcap))
			err = -errno;
		if (err)
			return err;
	} else {
		print_sample(s);
		fflush(stdout);
	}
	l->seen++;
	return l->count && l->seen >= l->count ? SAMPLE_DONE : 0;
}

/* Time left until @deadline in @left; false once it has passed. */
static bool time_left(const struct timespec *deadline, struct timespec *left)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	left->tv_sec = deadline->tv_sec - now.tv_sec;
	left->tv_nsec = deadline->tv_nsec - now.tv_nsec;
	if (left->tv_nsec < 0) {
		left->tv_nsec += 1000000000L;
		left->tv_sec--;
	}
	return left->tv_sec >= 0 && (left->tv_sec > 0 || left->tv_nsec > 0);
}

/*
 * Hand samples to on_sample() until it is done, the time is up or a
 * signal came.  Returns 0 or a negative errno, with @what naming the
 * step that failed.
 */
static int listen_loop(struct xsw_sample_handle *h, struct listen *l,
		       uint32_t timeout, const sigset_t *waitmask,
		       const char **what)
{
	struct pollfd pfd = { .fd = xsw_sample_fd(h), .events = POLLIN };
	struct timespec deadline, left;
	int n, ret;

	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += timeout;

	while (!stopped) {
		if (timeout && !time_left(&deadline, &left))
			return 0;
		n = ppoll(&pfd, 1, timeout ? &left : NULL, waitmask);
		if (n < 0 && errno != EINTR) {
			*what = "poll";
			return -errno;
		}
		if (n <= 0)
			continue;

		ret = xsw_sample_recv(h, on_sample, l);
		if (ret == SAMPLE_DONE)
			return 0;
		if (ret == -ENOBUFS) {
			fprintf(stderr, "Warning: samples were lost: they came faster than xsw read them.\n");
			continue;
		}
		if (ret == -EINTR || ret == -EAGAIN)
			continue;
		if (ret) {
			*what = l->pcap ? "writing the pcap file" :
					  "receiving samples";
			return ret;
		}
	}
	return 0;
}

/* Catch SIGINT and SIGTERM, and block them outside of ppoll(). */
static void catch_signals(struct sigaction *old, sigset_t *oldmask)
{
	struct sigaction sa = { .sa_handler = on_signal };
	sigset_t block;

	stopped = 0;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old[0]);
	sigaction(SIGTERM, &sa, &old[1]);
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, oldmask);
}

static void release_signals(const struct sigaction *old,
			    const sigset_t *oldmask)
{
	sigprocmask(SIG_SETMASK, oldmask, NULL);
	sigaction(SIGINT, &old[0], NULL);
	sigaction(SIGTERM, &old[1], NULL);
}

int do_sample(int argc, char **argv)
{
	struct listen l = { 0 };
	uint32_t group = 0, timeout = 0;
	bool has_group = false;
	const char *file = NULL, *what = NULL;
	struct xsw_sample_handle *h;
	struct sigaction old[2];
	sigset_t oldmask;
	int ret;

	for (; argc > 0; argc--, argv++) {
		if (strcmp(*argv, "group") == 0) {
			NEXT_ARG();
			if (has_group)
				return duparg("group", *argv);
			if (parse_u32_range("group", *argv, 0, UINT32_MAX,
					    &group))
				return -1;
			has_group = true;
		} else if (strcmp(*argv, "count") == 0) {
			NEXT_ARG();
			if (l.count)
				return duparg("count", *argv);
			if (parse_u32_range("count", *argv, 1, UINT32_MAX,
					    &l.count))
				return -1;
		} else if (strcmp(*argv, "timeout") == 0) {
			NEXT_ARG();
			if (timeout)
				return duparg("timeout", *argv);
			if (parse_u32_range("timeout", *argv, 1, UINT32_MAX,
					    &timeout))
				return -1;
		} else if (strcmp(*argv, "write") == 0) {
			NEXT_ARG();
			if (file)
				return duparg("write", *argv);
			file = *argv;
		} else if (strcmp(*argv, "help") == 0) {
			usage();
			return 0;
		} else {
			return unknown_keyword(*argv);
		}
	}
	if (file && json && strcmp(file, "-") == 0) {
		fprintf(stderr, "Error: \"write -\" puts pcap on stdout, which -j wants for JSON.\n");
		return -1;
	}

	ret = xsw_sample_open(&h);
	if (ret) {
		fprintf(stderr, "Error: %s\n", xsw_sample_strerror_open(ret));
		return -1;
	}
	if (has_group)
		xsw_sample_set_group(h, group);

	if (file) {
		l.pcap = strcmp(file, "-") ? fopen(file, "w") : stdout;
		if (!l.pcap) {
			fprintf(stderr, "Cannot open file \"%s\" for writing: %s\n",
				file, strerror(errno));
			xsw_sample_close(h);
			return -1;
		}
		ret = xsw_pcap_write_header(l.pcap);
		what = "writing the pcap file";
	} else {
		new_json_obj(json);
	}

	if (!ret) {
		catch_signals(old, &oldmask);
		ret = listen_loop(h, &l, timeout, &oldmask, &what);
		release_signals(old, &oldmask);
	}
	xsw_sample_close(h);

	if (!l.pcap) {
		if (ret)
			abort_json_obj();
		else
			delete_json_obj();
	} else if (l.pcap != stdout && fclose(l.pcap) && !ret) {
		ret = -errno;
		what = "writing the pcap file";
	}
	if (ret) {
		fprintf(stderr, "Error: %s: %s\n", what, strerror(-ret));
		return -1;
	}
	if (l.pcap)
		fprintf(stderr, "%" PRIu64 " samples written to %s\n", l.seen,
			strcmp(file, "-") ? file : "stdout");
	return 0;
}
