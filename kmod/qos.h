/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xswitch: port QoS - rate limits, policed by a token bucket per port and
 * direction, and bandwidth guarantees on the uplink, as the HTB class the
 * frames of a port are put in.  qos.c has "DOC: Port QoS".
 */
#ifndef _XSW_QOS_H
#define _XSW_QOS_H

#include <linux/spinlock.h>

#include "xswitch.h"

/*
 * Credit is counted in nanobits (1e-9 bit), so that a rate in bits/s times
 * a time in ns is credit, exactly, with no division on the packet path.
 */
#define XSW_TBF_NBITS_PER_BYTE	(8ULL * NSEC_PER_SEC)

/*
 * The most one frame is charged.  No frame is that long (GSO_MAX_SIZE is
 * 512 KiB in 6.1); the bound is what keeps the debt, below, finite.
 */
#define XSW_TBF_LEN_MAX		(16U << 20)

/**
 * struct xsw_tbf_cfg - a token bucket's settings, from xsw_tbf_cfg_init()
 * @rate: bits/s, 1..XSW_QOS_RATE_MAX
 * @cap: the burst, in nanobits: what a full bucket holds
 * @fill_ns: the time it takes the emptiest bucket (a frame of
 *	XSW_TBF_LEN_MAX taken from a bucket that held 1 nanobit) to fill
 */
struct xsw_tbf_cfg {
	u64 rate;
	s64 cap;
	u64 fill_ns;
};

/**
 * struct xsw_tbf - a token bucket's state
 * @tokens: credit in nanobits, at most the cap; below zero, a debt
 * @last_ns: when @tokens was last brought up to date
 */
struct xsw_tbf {
	s64 tokens;
	u64 last_ns;
};

void xsw_tbf_cfg_init(struct xsw_tbf_cfg *cfg, u64 rate, u32 burst);
void xsw_tbf_reset(struct xsw_tbf *tbf, const struct xsw_tbf_cfg *cfg,
		   u64 now_ns);
bool xsw_tbf_conform(struct xsw_tbf *tbf, const struct xsw_tbf_cfg *cfg,
		     unsigned int len, u64 now_ns);

/**
 * struct xsw_qos_bucket - the mutable half of a port's limit in a direction
 * @lock: serialises the frames that meet the limit, and its reset
 * @tbf: the bucket
 * @dropped_packets: frames the limit dropped, since the port was made
 * @dropped_bytes: their bytes
 */
struct xsw_qos_bucket {
	spinlock_t lock;	/* see above */
	struct xsw_tbf tbf;
	u64 dropped_packets;
	u64 dropped_bytes;
} ____cacheline_aligned_in_smp;

/**
 * struct xsw_qos_limit - a port's limit in a direction as frames see it;
 *	never changed once published
 * @tbf: rate and burst, as the bucket uses them
 * @burst: the burst in bytes, as set or defaulted
 * @bucket: the state, in the port's struct xsw_qos_port
 * @rcu: frees it once it has been replaced or removed
 */
struct xsw_qos_limit {
	struct xsw_tbf_cfg tbf;
	u32 burst;
	struct xsw_qos_bucket *bucket;
	struct rcu_head rcu;
};

/**
 * struct xsw_qos_port - a port's QoS settings (RTNL) and buckets
 * @bucket: [XSW_ACL_IN] and [XSW_ACL_OUT]; live as long as the port
 * @min_rate: the guarantee in bits/s, or 0
 * @min_weight: the guarantee as a weight, 1..100, or 0
 * @class: the HTB class minor, given with the first guarantee and kept
 *	while the port exists; 0 until then
 * @link_rate: an external port's uplink capacity in bits/s, which the
 *	guarantees share in userspace's HTB tree, or 0
 */
struct xsw_qos_port {
	struct xsw_qos_bucket bucket[2];
	u64 min_rate;
	u32 min_weight;
	u16 class;
	u64 link_rate;
};

/* The fields of a struct xsw_qos_req that were given. */
#define XSW_QOS_F_DIR		BIT(0)
#define XSW_QOS_F_MAX_RATE	BIT(1)
#define XSW_QOS_F_BURST		BIT(2)
#define XSW_QOS_F_MIN_RATE	BIT(3)
#define XSW_QOS_F_MIN_WEIGHT	BIT(4)
#define XSW_QOS_F_LINK_RATE	BIT(5)

/**
 * struct xsw_qos_req - what XSW_CMD_QOS_SET asks for
 * @fields: XSW_QOS_F_*: the fields below that were given
 * @dir: XSW_ACL_DIR_IN or _OUT, the limit's
 * @max_rate: the limit, bits/s
 * @burst: the limit's burst, bytes
 * @min_rate: a guarantee, bits/s
 * @min_weight: a guarantee as a weight
 * @link_rate: the uplink's capacity, bits/s (external port)
 */
struct xsw_qos_req {
	u32 fields;
	u8 dir;
	u64 max_rate;
	u32 burst;
	u64 min_rate;
	u32 min_weight;
	u64 link_rate;
};

/* What a port has, and what xsw_qos_del() removes. */
#define XSW_QOS_HAS_IN		BIT(XSW_ACL_IN)
#define XSW_QOS_HAS_OUT		BIT(XSW_ACL_OUT)
#define XSW_QOS_HAS_MIN		BIT(2)
#define XSW_QOS_HAS_LINK	BIT(3)
#define XSW_QOS_HAS_MAX		(XSW_QOS_HAS_IN | XSW_QOS_HAS_OUT)

/* qos.c */
extern unsigned int xsw_qos_seq;
int xsw_qos_req_check(const struct xsw_qos_req *req, const char **why,
		      u32 *bad);
u32 xsw_qos_burst_default(u64 rate, unsigned int mtu);
int xsw_qos_set(struct xsw_port *port, const struct xsw_qos_req *req,
		struct netlink_ext_ack *extack);
unsigned int xsw_qos_has(const struct xsw_port *port);
int xsw_qos_del(struct xsw_port *port, unsigned int what,
		struct netlink_ext_ack *extack);
int xsw_qos_uplink_check(const struct xsw_switch *sw, struct net_device *dev,
			 struct netlink_ext_ack *extack);
void xsw_qos_limit_stats(const struct xsw_qos_limit *lim, u64 *packets,
			 u64 *bytes);
void xsw_qos_port_gone(struct xsw_port *port);
void xsw_qos_port_uninit(struct xsw_port *port);
bool xsw_qos_pass(const struct xsw_qos_limit *lim, unsigned int len);

/**
 * xsw_qos_classify - put a copy out of the external port in its HTB class
 * @src: the port the frame came from; NULL for a frame an extension sent
 *	out of @dst directly
 * @dst: the port the copy goes out of
 * @skb: the copy
 *
 * Only while a port of the switch has a guarantee: then the copy gets the
 * class of @src's guarantee, or 0 (HTB's default class), whatever priority
 * its sender gave it - a guest may not pick another port's class.
 *
 * Context: packet path, under RCU with BH disabled.
 */
static __always_inline void xsw_qos_classify(const struct xsw_port *src,
					     const struct xsw_port *dst,
					     struct sk_buff *skb)
{
	if (dst->type != XSW_PORT_TYPE_EXTERNAL ||
	    likely(!READ_ONCE(dst->sw->qos_guaranteed)))
		return;
	skb->priority = src ? READ_ONCE(src->qos_priority) : 0;
}

#endif /* _XSW_QOS_H */
