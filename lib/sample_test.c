// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Host test of sample.c, run by "make -C lib test"; no kernel module
 * needed.  It includes sample.c to reach its static parts, and checks:
 *   - hand-built PSAMPLE_CMD_SAMPLE messages, read through
 *     xsw_sample_recv() from a socketpair standing in for the netlink
 *     socket: every field, absent ifindexes, the group filter, several
 *     messages in one datagram, a callback that stops;
 *   - the pcap writer: two packets written and read back;
 *   - xsw_sample_open() here: it works, or says how to load psample.
 */
#include <stdio.h>

#include "sample.c"
#include "test.h"

#define FAMILY 33

static const uint8_t frame[60] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0, 0, 0, 0, 1, 0x08, 0x06,
};

/*
 * A sample as psample sends it: ifindexes as u16 (IIFINDEX is attribute
 * type 0), the rest u32, the timestamp u64; @iif or @oif 0 leaves them
 * out, as psample does.
 */
static void put_sample_of(struct nl_msg *msg, int family, uint32_t group,
			  uint32_t seq, uint16_t iif, uint16_t oif, bool ts)
{
	struct nl_msg *one = nlmsg_alloc();
	struct nlmsghdr *nlh;

	genlmsg_put(one, 0, 0, family, 0, 0, PSAMPLE_CMD_SAMPLE,
		    PSAMPLE_GENL_VERSION);
	if (iif)
		nla_put_u16(one, PSAMPLE_ATTR_IIFINDEX, iif);
	if (oif)
		nla_put_u16(one, PSAMPLE_ATTR_OIFINDEX, oif);
	nla_put_u32(one, PSAMPLE_ATTR_SAMPLE_GROUP, group);
	nla_put_u32(one, PSAMPLE_ATTR_GROUP_SEQ, seq);
	nla_put_u32(one, PSAMPLE_ATTR_SAMPLE_RATE, 100);
	nla_put_u32(one, PSAMPLE_ATTR_ORIGSIZE, 98);
	nla_put(one, PSAMPLE_ATTR_DATA, sizeof(frame), frame);
	if (ts)
		nla_put_u64(one, PSAMPLE_ATTR_TIMESTAMP,
			    1700000000123456789ULL);
	nla_put_u16(one, PSAMPLE_ATTR_PROTO, 0x0806);	/* ignored */

	/* append the whole message to @msg's buffer */
	nlh = nlmsg_hdr(one);
	memcpy(nlmsg_reserve(msg, NLMSG_ALIGN(nlh->nlmsg_len), 1), nlh,
	       nlh->nlmsg_len);
	nlmsg_free(one);
}

static void put_sample(struct nl_msg *msg, uint32_t group, uint32_t seq,
		       uint16_t iif, uint16_t oif, bool ts)
{
	put_sample_of(msg, FAMILY, group, seq, iif, oif, ts);
}

/* @msg's buffer, from its first header, as one datagram. */
static void send_datagram(int fd, struct nl_msg *msg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	char *start = (char *)nlmsg_data(nlh);

	if (send(fd, start, (char *)nlmsg_tail(nlh) - start, 0) < 0)
		perror("send");
	nlmsg_free(msg);
}

/* An empty nl_msg to collect whole messages in. */
static struct nl_msg *datagram(void)
{
	return nlmsg_alloc_simple(0, 0);
}

struct seen {
	int n;
	int stop_at;
	struct xsw_sample last;
	uint32_t groups[8];
	bool data_ok;
};

static int on_sample(const struct xsw_sample *s, void *arg)
{
	struct seen *seen = arg;

	if (seen->n < 8)
		seen->groups[seen->n] = s->group;
	seen->n++;
	seen->last = *s;
	seen->data_ok = s->len == sizeof(frame) &&
			!memcmp(s->data, frame, sizeof(frame));
	seen->last.data = NULL;
	return seen->n == seen->stop_at ? 7 : 0;
}

static void test_recv(void)
{
	struct xsw_sample_handle *h;
	struct seen seen = { 0 };
	struct nl_msg *msg;
	int sv[2], err;

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) < 0) {
		perror("socketpair");
		failures++;
		return;
	}
	h = calloc(1, sizeof(*h));
	h->fd = sv[0];
	h->family = FAMILY;

	msg = datagram();
	put_sample(msg, 1, 17, 3, 4, true);
	send_datagram(sv[1], msg);
	err = xsw_sample_recv(h, on_sample, &seen);
	CHECK(err == 0 && seen.n == 1 && seen.last.group == 1 &&
	      seen.last.seq == 17 && seen.last.rate == 100 &&
	      seen.last.origsize == 98 && seen.last.in_ifindex == 3 &&
	      seen.last.out_ifindex == 4 && seen.data_ok &&
	      seen.last.len == sizeof(frame) &&
	      seen.last.timestamp_ns == 1700000000123456789ULL,
	      "sample: %d, group %u seq %u rate %u origsize %u in %u out %u len %u",
	      err, seen.last.group, seen.last.seq, seen.last.rate,
	      seen.last.origsize, seen.last.in_ifindex, seen.last.out_ifindex,
	      seen.last.len);

	seen = (struct seen){ 0 };
	msg = datagram();
	put_sample(msg, 2, 1, 0, 0, false);
	send_datagram(sv[1], msg);
	err = xsw_sample_recv(h, on_sample, &seen);
	CHECK(err == 0 && seen.n == 1 && !seen.last.in_ifindex &&
	      !seen.last.out_ifindex && seen.last.timestamp_ns > 0,
	      "no ifindexes, no timestamp: %d, in %u out %u ts %llu", err,
	      seen.last.in_ifindex, seen.last.out_ifindex,
	      (unsigned long long)seen.last.timestamp_ns);

	/* three in one datagram, one of another family, one of group 2 */
	seen = (struct seen){ 0 };
	msg = datagram();
	put_sample(msg, 1, 1, 3, 0, false);
	put_sample(msg, 2, 2, 3, 0, false);
	put_sample(msg, 1, 3, 3, 0, false);
	put_sample_of(msg, FAMILY + 1, 1, 4, 3, 0, false);
	send_datagram(sv[1], msg);
	xsw_sample_set_group(h, 1);
	err = xsw_sample_recv(h, on_sample, &seen);
	CHECK(err == 0 && seen.n == 2 && seen.groups[0] == 1 &&
	      seen.groups[1] == 1 && seen.last.seq == 3,
	      "group filter over one datagram of four, one of another family: %d, %d seen", err,
	      seen.n);

	h->filter = false;
	seen = (struct seen){ .stop_at = 2 };
	msg = datagram();
	put_sample(msg, 1, 1, 3, 0, false);
	put_sample(msg, 2, 2, 3, 0, false);
	put_sample(msg, 3, 3, 3, 0, false);
	send_datagram(sv[1], msg);
	err = xsw_sample_recv(h, on_sample, &seen);
	CHECK(err == 7 && seen.n == 2, "callback stops: %d after %d", err,
	      seen.n);

	close(sv[1]);
	xsw_sample_close(h);
}

/* pcap ------------------------------------------------------------------- */

static void test_pcap(void)
{
	struct pcap_file_header fh;
	struct pcap_rec_header rh[2];
	uint8_t big[70000], back[sizeof(frame)];
	struct xsw_sample s1 = {
		.timestamp_ns = 1700000000123456789ULL,
		.origsize = 98, .data = frame, .len = sizeof(frame),
	};
	struct xsw_sample s2 = {
		.timestamp_ns = 5000000999ULL,
		.origsize = 10, .data = big, .len = sizeof(big),
	};
	FILE *f = tmpfile();
	long size;
	int err;

	if (!f) {
		perror("tmpfile");
		failures++;
		return;
	}
	memset(big, 0xab, sizeof(big));
	err = xsw_pcap_write_header(f);
	if (!err)
		err = xsw_pcap_write(f, &s1);
	if (!err)
		err = xsw_pcap_write(f, &s2);
	CHECK(err == 0, "pcap write: %d", err);
	size = ftell(f);
	CHECK(size == (long)(sizeof(fh) + 2 * sizeof(rh[0]) + sizeof(frame) +
			     65535),
	      "pcap size %ld", size);

	rewind(f);
	if (fread(&fh, sizeof(fh), 1, f) != 1 ||
	    fread(&rh[0], sizeof(rh[0]), 1, f) != 1 ||
	    fread(back, sizeof(back), 1, f) != 1 ||
	    fread(&rh[1], sizeof(rh[1]), 1, f) != 1) {
		CHECK(0, "pcap read back");
		fclose(f);
		return;
	}
	fclose(f);
	CHECK(fh.magic == 0xa1b2c3d4 && fh.version_major == 2 &&
	      fh.version_minor == 4 && fh.thiszone == 0 && fh.sigfigs == 0 &&
	      fh.snaplen == 65535 && fh.linktype == 1,
	      "pcap header: magic %#x %u.%u snaplen %u linktype %u", fh.magic,
	      fh.version_major, fh.version_minor, fh.snaplen, fh.linktype);
	CHECK(rh[0].ts_sec == 1700000000 && rh[0].ts_usec == 123456 &&
	      rh[0].caplen == sizeof(frame) && rh[0].len == 98 &&
	      !memcmp(back, frame, sizeof(frame)),
	      "record 1: %u.%06u caplen %u len %u", rh[0].ts_sec,
	      rh[0].ts_usec, rh[0].caplen, rh[0].len);
	CHECK(rh[1].ts_sec == 5 && rh[1].ts_usec == 0 &&
	      rh[1].caplen == 65535 && rh[1].len == sizeof(big),
	      "record 2, cut to the snap length: %u.%06u caplen %u len %u",
	      rh[1].ts_sec, rh[1].ts_usec, rh[1].caplen, rh[1].len);
}

static void test_open(void)
{
	struct xsw_sample_handle *h = (void *)1;
	int err;

	CHECK(!strcmp(xsw_sample_strerror_open(-ENOENT),
		      "psample family not found; try: modprobe psample"),
	      "xsw_sample_strerror_open(-ENOENT)");
	err = xsw_sample_open(&h);
	if (err) {
		CHECK(err == -ENOENT && !h,
		      "xsw_sample_open() without psample: %d (%s)", err,
		      xsw_sample_strerror_open(err));
	} else {
		CHECK(h && xsw_sample_fd(h) >= 0, "xsw_sample_open(): fd %d",
		      xsw_sample_fd(h));
		xsw_sample_close(h);
	}
}

int main(void)
{
	test_recv();
	test_pcap();
	test_open();

	return test_exit();
}
