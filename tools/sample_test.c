// SPDX-License-Identifier: GPL-2.0-only
/*
 * Runs "xsw sample" (do_sample() of sample.c, included here) against a
 * fake psample: it is linked with -Wl,--wrap for xsw_sample_open, _fd,
 * _recv, _set_group and _close, and the fake hands out made-up samples through a
 * pipe.  "make -C tools test" pipes "sample_test json" through jq (each
 * scenario is one JSON document: it must be closed however the command
 * ended), appends "sample_test text", and compares the lot with
 * sample_test.expected.  The scenarios: "count" reached, "timeout" with
 * and without samples, SIGTERM while waiting, -d, and "write FILE".
 */
#include "sample.c"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int json;
int pretty;
int show_stats;
int show_details;

struct xsw_handle *get_handle(void)
{
	return NULL;
}

static const uint8_t frame[14] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0, 0, 0, 0, 1, 0x08, 0x06,
};

/* The fake psample: each byte in the pipe is one sample of group 1. */
static struct {
	int pipe[2];
	uint32_t seq;
	bool term;		/* send SIGTERM once waiting */
} fake;

static int fake_handle;		/* what xsw_sample_open() hands out */

int __wrap_xsw_sample_open(struct xsw_sample_handle **hp);
void __wrap_xsw_sample_set_group(struct xsw_sample_handle *h,
				 uint32_t group);
int __wrap_xsw_sample_fd(const struct xsw_sample_handle *h);
int __wrap_xsw_sample_recv(struct xsw_sample_handle *h,
			   int (*cb)(const struct xsw_sample *s, void *arg),
			   void *arg);
void __wrap_xsw_sample_close(struct xsw_sample_handle *h);

int __wrap_xsw_sample_open(struct xsw_sample_handle **hp)
{
	*hp = (struct xsw_sample_handle *)&fake_handle;
	return 0;
}

void __wrap_xsw_sample_set_group(struct xsw_sample_handle *h,
				 uint32_t group)
{
	(void)h;
	(void)group;
}

/* Called once the signals are caught: a good time to send SIGTERM. */
int __wrap_xsw_sample_fd(const struct xsw_sample_handle *h)
{
	pid_t parent = getpid();

	(void)h;
	if (fake.term && fork() == 0) {
		usleep(200 * 1000);
		kill(parent, SIGTERM);
		_exit(0);
	}
	return fake.pipe[0];
}

int __wrap_xsw_sample_recv(struct xsw_sample_handle *h,
			   int (*cb)(const struct xsw_sample *s, void *arg),
			   void *arg)
{
	struct xsw_sample s = {
		.group = 1, .rate = 100, .origsize = 98,
		.in_ifindex = 1,	/* lo, in any namespace */
		.out_ifindex = fake.seq % 2 ? 65000 : 0,  /* no such device */
		.timestamp_ns = 1700000000123456789ULL,
		.data = frame, .len = sizeof(frame),
	};
	char c;

	(void)h;
	if (read(fake.pipe[0], &c, 1) != 1)
		return -EAGAIN;
	s.seq = ++fake.seq;
	return cb(&s, arg);
}

void __wrap_xsw_sample_close(struct xsw_sample_handle *h)
{
	(void)h;
}

/* Run "xsw sample ARGS..." with @n samples waiting. */
static int run(int n, bool term, const char *args)
{
	char buf[128], *argv[16];
	int argc, ret;

	fake.seq = 0;
	fake.term = term;
	if (pipe(fake.pipe) < 0)
		return -1;
	fcntl(fake.pipe[0], F_SETFL, O_NONBLOCK);
	while (n-- > 0)
		if (write(fake.pipe[1], "s", 1) != 1)
			return -1;
	snprintf(buf, sizeof(buf), "%s", args);
	argc = makeargs(buf, argv, 16);
	ret = do_sample(argc, argv);
	fflush(stdout);
	close(fake.pipe[0]);
	close(fake.pipe[1]);
	while (wait(NULL) > 0)
		;
	if (ret)
		printf("do_sample(%s) failed\n", args);
	return ret;
}

/* "write FILE": the header and @n records of 14 bytes, in the file. */
static void check_pcap(int n)
{
	char name[] = "/tmp/xsw-sample-test-XXXXXX";
	char args[64];
	struct stat st;
	uint32_t magic = 0;
	FILE *f;
	int fd;

	fd = mkstemp(name);
	if (fd < 0)
		return;
	close(fd);
	snprintf(args, sizeof(args), "count %d write %s", n, name);
	if (!run(n + 2, false, args) && !stat(name, &st) &&
	    (f = fopen(name, "r"))) {
		if (fread(&magic, sizeof(magic), 1, f) != 1)
			magic = 0;
		fclose(f);
		/* not in JSON mode: it would not be JSON */
		if (!json)
			printf("pcap: magic %#x, %lld bytes\n", magic,
			       (long long)st.st_size);
	}
	unlink(name);
}

int main(int argc, char **argv)
{
	json = !(argc > 1 && !strcmp(argv[1], "text"));

	run(3, false, "count 2");		/* stops after 2 of 3 */
	run(0, false, "timeout 1");		/* nothing came: [] */
	run(1, false, "group 1 timeout 1");
	run(1, true, "");			/* SIGTERM while waiting */
	show_details = 1;
	run(1, false, "count 1");
	show_details = 0;
	check_pcap(2);
	return 0;
}
