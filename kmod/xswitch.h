/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xswitch core: objects shared between the files of xswitch.ko.
 *
 * The locking rules are written once, in the "DOC: Locking" block of
 * switch.c; the helpers here assert them.
 */
#ifndef _XSWITCH_H
#define _XSWITCH_H

#include <linux/netdevice.h>
#include <linux/if_vlan.h>
#include <linux/rhashtable-types.h>
#include <linux/rtnetlink.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>
#include <net/genetlink.h>
#include <net/rtnetlink.h>
#include <linux/xswitch.h>
#include <net/xswitch.h>

#define XSW_DEFAULT_NAME	"xsw%d"
#define XSW_DEFAULT_AGEING	300		/* seconds */
#define XSW_MAX_AGEING		1000000		/* seconds */
#define XSW_DEFAULT_LEARN_LIMIT	1024
#define XSW_MAX_LEARN_LIMIT	1000000
#define XSW_DEFAULT_PVID	1

/*
 * The type of a switch's tunnel pseudo-port, sw->tunnel: kernel only,
 * never in a dump (it is in no port list).
 */
#define XSW_PORT_TYPE_TUNNEL	(XSW_PORT_TYPE_MAX + 1)

/* Configuration pointer read on the control path, under RTNL. */
#define xsw_dereference(p) rcu_dereference_protected(p, lockdep_rtnl_is_held())

/* Drop reasons: index = XSW_A_DROP_<reason> - XSW_A_DROP_VLAN. */
enum xsw_drop {
	XSW_DROP_VLAN,
	XSW_DROP_SPOOFED_MAC,
	XSW_DROP_DHCP_GUARD,
	XSW_DROP_ROUTER_GUARD,
	XSW_DROP_ISOLATED,
	XSW_DROP_MTU,
	XSW_DROP_LEARN_LIMIT,
	XSW_DROP_NO_DESTINATION,
	XSW_DROP_MALFORMED,
	XSW_DROP_LINK_DOWN,
	XSW_DROP_NOMEM,
	XSW_DROP_EXTENSION,
	XSW_DROP_ACL,
	XSW_DROP_QOS,
	XSW_DROP_VNET_NO_MAPPING,
	XSW_DROP_VNET_UNKNOWN_PA,
	XSW_DROP_VNET_UNKNOWN_VSID,
	XSW_DROP_VNET_NO_ROUTE,
	XSW_DROP_VNET_SPOOFED_CA,
	XSW_DROP_VNET_TTL,
	XSW_DROP_VNET_MALFORMED,
	XSW_DROP_NUM
};

/* Per-CPU counters of a port, seen from the switch: rx = into the switch. */
struct xsw_stats {
	u64_stats_t rx_packets;
	u64_stats_t rx_bytes;
	u64_stats_t tx_packets;
	u64_stats_t tx_bytes;
	u64_stats_t drops[XSW_DROP_NUM];
	struct u64_stats_sync syncp;
};

/* A sum of struct xsw_stats over the CPUs. */
struct xsw_stats_sum {
	u64 rx_packets, rx_bytes, tx_packets, tx_bytes;
	u64 drops[XSW_DROP_NUM];
};

/**
 * struct xsw_port_policy - a port's settings, never changed once published
 * @vlan_mode: XSW_VLAN_MODE_ACCESS or _TRUNK
 * @pvid: access VLAN
 * @native: trunk VLAN carried untagged, 0 for none
 * @mac_spoofing: accept any source MAC
 * @dhcp_guard: drop DHCP server messages from the port
 * @router_guard: drop router advertisements and redirects from the port
 * @isolated: reach only non-isolated ports
 * @learn_limit: most MACs the port may learn
 * @vlans: trunk VLANs, bit N for VLAN N
 * @rcu: frees the old policy after a change
 *
 * "xsw port set" builds a new policy and swaps it in with
 * rcu_assign_pointer(), so a packet sees either all of a change or none.
 */
struct xsw_port_policy {
	u8 vlan_mode;
	u16 pvid;
	u16 native;
	bool mac_spoofing;
	bool dhcp_guard;
	bool router_guard;
	bool isolated;
	u32 learn_limit;
	DECLARE_BITMAP(vlans, VLAN_N_VID);
	struct rcu_head rcu;
};

/**
 * struct xsw_port - a port of a switch
 * @sw: the switch
 * @dev: the port's netdevice: the lower device of an external or vm port,
 *	the port netdevice of an internal port, the switch itself for the
 *	host port
 * @list: in @sw->ports (RTNL writers, RCU readers)
 * @policy: current settings (RCU)
 * @acl: the ACL of each direction, [XSW_ACL_IN] and [XSW_ACL_OUT], NULL
 *	when it has no rule and allows by default (RCU); see acl.c
 * @qos: the rate limit of each direction, [XSW_ACL_IN] and [XSW_ACL_OUT],
 *	NULL when there is none (RCU); see qos.c
 * @qos_priority: skb->priority of its frames out of the external port, the
 *	HTB class of its guarantee, or 0 (RTNL writers, READ_ONCE readers)
 * @mac: the VM's MAC as ether_addr_to_u64(), 0 until set or first seen;
 *	set once from the packet path with cmpxchg, else under RTNL
 * @learned: MACs learned on the port (fdb lock)
 * @dead: being removed, so it may not learn (fdb lock)
 * @type: enum xsw_port_type
 * @stats: per-CPU counters
 * @acl_conf: the ACLs' rules and settings, NULL until the first ACL
 *	command (RTNL)
 * @qos_conf: the QoS settings and the limits' buckets, NULL until the
 *	first QoS command (RTNL)
 * @vport: its VSID and CAs, NULL when in none (RCU); see vnet.c
 * @rcu: frees the port
 */
struct xsw_port {
	struct xsw_switch *sw;
	struct net_device *dev;
	struct list_head list;
	struct xsw_port_policy __rcu *policy;
	struct xsw_acl_set __rcu *acl[2];
	struct xsw_qos_limit __rcu *qos[2];
	u32 qos_priority;
	u64 mac;
	unsigned int learned;
	bool dead;
	u8 type;
	struct xsw_stats __percpu *stats;
	struct xsw_acl_port *acl_conf;
	struct xsw_qos_port *qos_conf;
	struct xsw_vport __rcu *vport;
	struct rcu_head rcu;
};

/* Indices of xsw_port.acl and .qos: XSW_ACL_DIR_IN and _OUT, less one. */
enum {
	XSW_ACL_IN,
	XSW_ACL_OUT,
};

/**
 * struct xsw_fdb - the forwarding database of a switch
 * @tbl: (VLAN, MAC) -> entry; lookups are lock-free under RCU
 * @all: every entry, for ageing, flushing and dumps (RCU readers)
 * @lock: serialises every change to @tbl, @all and ports' @learned
 * @seq: bumped on every change, so dumps can tell they were interrupted
 * @ageing: learned entries unused for this long go (jiffies)
 * @gc: the ageing work
 */
struct xsw_fdb {
	struct rhashtable tbl;
	struct hlist_head all;
	spinlock_t lock;		/* see above */
	unsigned int seq;
	unsigned long ageing;
	struct delayed_work gc;
};

/**
 * struct xsw_switch - one switch; the private area of its net_device
 * @dev: the switch netdevice
 * @ports: every port, the host port included (RTNL writers, RCU readers)
 * @host: the host's port on the switch netdevice
 * @external: the external port, or NULL (RTNL)
 * @num_ports: number of ports, the host port not counted (RTNL)
 * @mtu_by_user: the MTU was set by hand, so ports do not raise it (RTNL)
 * @fdb: the forwarding database
 * @stats: drops counted switch-wide, per CPU
 * @exts: attached extensions, struct xsw_ext.sw_node (RTNL)
 * @pipeline: the attached extensions in calling order, or NULL when none
 *	is attached (RTNL writers, RCU readers); see ext.c
 * @conn: stateful ACL connections (acl_conn.c)
 * @qos_major: the handle of the HTB qdisc on the external port's device
 *	(RTNL)
 * @qos_guaranteed: ports with a bandwidth guarantee; while there is one,
 *	frames out of the external port get their class in skb->priority
 *	(RTNL writers, READ_ONCE readers)
 * @vxlan_port: UDP destination port of its VXLAN frames (RTNL writers,
 *	READ_ONCE readers)
 * @tunnel: the pseudo-port of network virtualisation: frames of a VSID
 *	forwarded to it are encapsulated to remote PAs at its transmit, and
 *	decapsulated frames come in on it (vnet_tx.c, vnet_tun.c); in no
 *	port list, type XSW_PORT_TYPE_TUNNEL
 * @vtun: the tunnel device of @vxlan_port, held while the switch has a
 *	PA, else NULL (RTNL writers, RCU readers; vnet_tun.c)
 */
struct xsw_switch {
	struct net_device *dev;
	struct list_head ports;
	struct xsw_port host;
	struct xsw_port *external;
	unsigned int num_ports;
	bool mtu_by_user;
	struct xsw_fdb fdb;
	struct xsw_stats __percpu *stats;
	struct list_head exts;
	struct xsw_ext_pipeline __rcu *pipeline;
	struct xsw_acl_conn_table *conn;
	u16 qos_major;
	unsigned int qos_guaranteed;
	u16 vxlan_port;
	struct xsw_port tunnel;
	struct xsw_vtun __rcu *vtun;
};

/* switch.c */
extern struct rtnl_link_ops xsw_link_ops;
struct xsw_switch *xsw_switch_create(struct net *net, const char *name,
				     struct netlink_ext_ack *extack);
void xsw_switch_destroy(struct xsw_switch *sw);
struct net_device *xsw_dev_find(struct net *net, int ifindex,
				const char *name, const char *missing,
				struct netlink_ext_ack *extack);
struct xsw_switch *xsw_switch_find(struct net *net, int ifindex,
				   const char *name,
				   struct netlink_ext_ack *extack);
void xsw_switch_mtu_adjust(struct xsw_switch *sw);

/* port.c */
extern unsigned int xsw_port_seq;
struct xsw_port *xsw_port_add(struct xsw_switch *sw, struct net_device *dev,
			      u8 type, struct netlink_ext_ack *extack);
void xsw_port_del(struct xsw_port *port);
void xsw_port_publish(struct xsw_port *port);
struct xsw_port *xsw_port_from_dev(const struct net_device *dev);
int xsw_port_init(struct xsw_port *port, struct xsw_switch *sw,
		  struct net_device *dev, u8 type);
void xsw_port_uninit(struct xsw_port *port);
struct xsw_port_policy *xsw_port_policy_dup(const struct xsw_port *port);
void xsw_port_policy_set(struct xsw_port *port, struct xsw_port_policy *pol);
void xsw_port_set_mac(struct xsw_port *port, const u8 *mac);
int xsw_port_notifier_init(void);
void xsw_port_notifier_uninit(void);

/* iport.c: internal port netdevices, and what they share with the host port */
extern struct rtnl_link_ops xsw_iport_link_ops;
extern const struct ethtool_ops xsw_ethtool_ops;
void xsw_ingress_xmit(struct xsw_port *port, struct sk_buff *skb);
void xsw_port_get_stats64(struct xsw_port *port,
			  struct rtnl_link_stats64 *stats);
struct xsw_port *xsw_iport_create(struct xsw_switch *sw, const char *name,
				  struct netlink_ext_ack *extack);
bool netif_is_xsw_iport(const struct net_device *dev);
struct xsw_port *xsw_iport_port(const struct net_device *dev);
void xsw_iport_detach(struct net_device *dev);

/* fdb.c */

/**
 * struct xsw_fdb_filter - the entries an fdb flush or delete takes
 * @port: only those on this port, or NULL
 * @mac: only this MAC, or NULL
 * @vlan: only this VLAN, or 0
 * @with_static: static entries too (a flush; a delete takes both kinds)
 */
struct xsw_fdb_filter {
	const struct xsw_port *port;
	const u8 *mac;
	u16 vlan;
	bool with_static;
};

int xsw_fdb_init(struct xsw_switch *sw);
void xsw_fdb_uninit(struct xsw_switch *sw);
int xsw_fdb_add_static(struct xsw_switch *sw, struct xsw_port *port,
		       const u8 *mac, u16 vlan, struct netlink_ext_ack *extack);
int xsw_fdb_del(struct xsw_switch *sw, const struct xsw_port *port,
		const u8 *mac, u16 vlan, struct netlink_ext_ack *extack);
void xsw_fdb_port_gone(struct xsw_port *port);
void xsw_fdb_port_vlans(struct xsw_port *port);
void xsw_fdb_flush_match(struct xsw_switch *sw,
			 const struct xsw_fdb_filter *flt);
void xsw_fdb_flush(struct xsw_switch *sw, struct xsw_port *port,
		   bool with_static);
void xsw_fdb_set_ageing(struct xsw_switch *sw, unsigned int seconds);

/**
 * struct xsw_ext_reg - a registered extension
 * @ops: as registered
 * @node: in xsw_ext_types
 * @attached: its attachments, struct xsw_ext.type_node
 */
struct xsw_ext_reg {
	struct xsw_ext_ops *ops;
	struct list_head node;
	struct list_head attached;
};

/**
 * struct xsw_ext_pipeline - what a frame runs through, in order
 * @fwd: the forwarding extension, or NULL for built-in forwarding
 * @n_capture: entries of @chain that are capture extensions
 * @n_filter: entries of @chain after those that are filter extensions
 * @rcu: frees the pipeline once it has been replaced
 * @chain: captures, then filters, each in priority order
 */
struct xsw_ext_pipeline {
	struct xsw_ext *fwd;
	unsigned int n_capture;
	unsigned int n_filter;
	struct rcu_head rcu;
	struct xsw_ext *chain[];
};

enum {
	XSW_EXT_STAT_INGRESS,
	XSW_EXT_STAT_EGRESS,
	XSW_EXT_STAT_DROPPED,
	XSW_EXT_STAT_INJECTED,
	XSW_EXT_STAT_CLONED,
	XSW_EXT_STAT_NUM
};

struct xsw_ext_stats {
	u64_stats_t c[XSW_EXT_STAT_NUM];
	struct u64_stats_sync syncp;
};

static inline void xsw_ext_count(struct xsw_ext *ext, int what)
{
	struct xsw_ext_stats *s = this_cpu_ptr(ext->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->c[what]);
	u64_stats_update_end(&s->syncp);
}

/* ext.c: extensions; see "DOC: Extension lifetimes" there */
extern struct list_head xsw_ext_types;
extern unsigned int xsw_ext_seq;
bool xsw_ext_name_valid(const char *name);
struct xsw_ext_reg *xsw_ext_reg_find(const char *name);
struct xsw_ext *xsw_ext_find(struct xsw_switch *sw,
			     const struct xsw_ext_ops *ops);
void xsw_ext_values_default(const struct xsw_ext_ops *ops,
			    struct xsw_ext_value *values);
struct xsw_ext *xsw_ext_attach(struct xsw_switch *sw,
			       const struct xsw_ext_ops *ops, u32 priority,
			       const struct xsw_ext_value *values,
			       struct netlink_ext_ack *extack);
void xsw_ext_detach(struct xsw_ext *ext);
void xsw_ext_detach_all(struct xsw_switch *sw);
int xsw_ext_set(struct xsw_ext *ext, long priority,
		const struct xsw_ext_value *values,
		struct netlink_ext_ack *extack);
void xsw_ext_stats_sum(const struct xsw_ext *ext, u64 *sum);
int xsw_ext_port_add(struct xsw_port *port, struct netlink_ext_ack *extack);
void xsw_ext_port_del(struct xsw_port *port);
void xsw_ext_port_link(struct xsw_port *port);

/* ext_load.c */
int xsw_ext_load_init(void);
void xsw_ext_load_uninit(void);
void xsw_ext_load_registered(const char *name);
const struct xsw_ext_ops *xsw_ext_ops_load(const char *name,
					   struct netlink_ext_ack *extack);

/* xsw_fwd_add_dst() for a port known to be of the frame's switch. */
static inline int xsw_fwd_add(struct xsw_fwd_ctx *ctx, struct xsw_port *port)
{
	unsigned int i;

	for (i = 0; i < ctx->n_dst; i++)
		if (ctx->dst[i] == port)
			return -EEXIST;
	if (ctx->n_dst >= XSW_FWD_MAX_DST)
		return -ENOSPC;
	ctx->dst[ctx->n_dst++] = port;
	return 0;
}

/* ext_packet.c; the chains themselves are in ext_chain.h */
void xsw_ext_dropped(struct xsw_ext *ext, struct xsw_port *port,
		     struct sk_buff *skb);

/* forward.c: the packet pipeline */
void xsw_ingress(struct xsw_port *src, struct sk_buff *skb);
void xsw_ingress_inject(struct xsw_ext *origin, struct xsw_port *src,
			struct sk_buff *skb);
void xsw_egress_inject(struct xsw_ext *origin, struct xsw_port *dst,
		       u16 vlan, struct sk_buff *skb);
rx_handler_result_t xsw_port_rx_handler(struct sk_buff **pskb);

/* vlan.c */
bool xsw_vlan_ingress(const struct xsw_port_policy *pol,
		      struct sk_buff *skb, u16 *vlan);
bool xsw_vlan_egress(const struct xsw_port_policy *pol,
		     struct sk_buff *skb, u16 vlan);
bool xsw_vlan_member(const struct xsw_port_policy *pol, u16 vlan);
/* VLAN tags in a payload that xsw_vlan_payload() looks through. */
#define XSW_VLAN_PAYLOAD_TAGS	2
int xsw_vlan_payload(const struct sk_buff *skb, __be16 *proto);

/* guard.c */
int xsw_guard_check(const struct xsw_port_policy *pol, struct sk_buff *skb);

/* stats.c */
struct xsw_stats __percpu *xsw_stats_alloc(void);
void xsw_stats_sum(struct xsw_stats __percpu *stats,
		   struct xsw_stats_sum *sum);
void xsw_drop(struct xsw_port *port, enum xsw_drop reason,
	      struct sk_buff *skb);
void xsw_count(struct xsw_port *port, enum xsw_drop reason);
extern const char * const xsw_drop_names[XSW_DROP_NUM];

static inline void xsw_stats_rx(struct xsw_port *port, unsigned int len)
{
	struct xsw_stats *s = this_cpu_ptr(port->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->rx_packets);
	u64_stats_add(&s->rx_bytes, len);
	u64_stats_update_end(&s->syncp);
}

static inline void xsw_stats_tx(struct xsw_port *port, unsigned int len)
{
	struct xsw_stats *s = this_cpu_ptr(port->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->tx_packets);
	u64_stats_add(&s->tx_bytes, len);
	u64_stats_update_end(&s->syncp);
}

/* nl_ops.c: the family, its operations and their policies */
extern struct genl_family xsw_genl_family;

enum xsw_nl_mcgrp {
	XSW_NL_MCGRP_EVENTS,
};

/*
 * NL_REQ_ATTR_CHECK() with a message: GENL_REQ_ATTR_CHECK() reports only
 * the missing attribute's type, which a raw netlink user never sees
 * printed.  @msg must be a string literal.  True when @type is missing.
 */
#define XSW_NL_REQUIRE(extack, nest, tb, type, msg) ({			\
	struct netlink_ext_ack *__xack = (extack);			\
	bool __miss = NL_REQ_ATTR_CHECK(__xack, nest, tb, type);	\
									\
	if (__miss)							\
		NL_SET_ERR_MSG(__xack, msg);				\
	__miss;								\
})

/* The same for a request's top-level attributes. */
#define XSW_GENL_REQUIRE(info, type, msg) ({				\
	struct genl_info *__xinfo = (info);				\
									\
	XSW_NL_REQUIRE(__xinfo->extack, NULL, __xinfo->attrs, type, msg); \
})

/* netlink.c */
typedef int (*xsw_fill_fn)(struct sk_buff *skb, const void *obj, u8 cmd,
			   u32 portid, u32 seq, int flags);
void xsw_nl_notify_obj(struct net *net, xsw_fill_fn fill, const void *obj,
		       u8 cmd);
int xsw_nl_init(void);
void xsw_nl_uninit(void);
void xsw_nl_notify_switch(struct xsw_switch *sw, u8 cmd);
void xsw_nl_notify_port(struct xsw_port *port, u8 cmd);
void xsw_nl_notify_ext(struct xsw_ext *ext, u8 cmd);
int xsw_nl_put_stats(struct sk_buff *skb, int attr,
		     struct xsw_stats __percpu *stats, bool traffic);
struct net_device *xsw_nl_dev(struct net *net, struct nlattr **attrs,
			      int a_index, int a_name, const char *missing,
			      struct netlink_ext_ack *extack);
struct xsw_port *xsw_nl_port(struct net *net, struct nlattr **attrs,
			     int a_index, int a_name,
			     struct netlink_ext_ack *extack);
struct xsw_port *xsw_nl_port_on(struct net *net, struct nlattr **attrs,
				int a_index, int a_name, int a_sw_index,
				int a_sw_name, struct netlink_ext_ack *extack);
struct xsw_switch *xsw_nl_switch(struct net *net, struct nlattr **attrs,
				 int a_index, int a_name,
				 struct netlink_ext_ack *extack);

/* nl_switch.c: handlers of the XSW_CMD_SWITCH_* operations */
int xsw_nl_switch_fill(struct sk_buff *skb, const struct xsw_switch *sw,
		       u8 cmd, u32 portid, u32 seq, int flags);
int xsw_nl_switch_new_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_switch_del_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_switch_get_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_switch_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int xsw_nl_switch_set_doit(struct sk_buff *skb, struct genl_info *info);

/* nl_port.c */
int xsw_nl_port_fill(struct sk_buff *skb, const struct xsw_port *port,
		     u8 cmd, u32 portid, u32 seq, int flags);
int xsw_nl_port_new_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_port_del_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_port_get_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_port_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int xsw_nl_port_set_doit(struct sk_buff *skb, struct genl_info *info);

/* nl_fdb.c */
int xsw_nl_fdb_new_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_fdb_del_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_fdb_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int xsw_nl_fdb_flush_doit(struct sk_buff *skb, struct genl_info *info);

/* nl_ext.c */
int xsw_nl_ext_fill_one(struct sk_buff *skb, const struct xsw_ext *ext,
			u8 cmd, u32 portid, u32 seq, int flags);
int xsw_nl_ext_get_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_ext_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int xsw_nl_ext_attach_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_ext_detach_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_ext_set_doit(struct sk_buff *skb, struct genl_info *info);

/* nl_acl.c */
int xsw_nl_acl_add_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_acl_del_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_acl_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int xsw_nl_acl_flush_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_acl_replace_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_acl_set_doit(struct sk_buff *skb, struct genl_info *info);

/* nl_qos.c */
int xsw_nl_qos_set_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_qos_del_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_qos_get_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_qos_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);

/* nl_vnet.c */
int xsw_nl_put_vaddr(struct sk_buff *skb, int attr, const struct in6_addr *a);
int xsw_nl_dump_one(struct sk_buff *skb, struct netlink_callback *cb,
		    xsw_fill_fn fill, const void *obj, u8 cmd);
int xsw_nl_vnet_new_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_vnet_del_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_vnet_get_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_vnet_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int xsw_nl_vsubnet_new_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_vsubnet_del_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_vsubnet_get_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_vsubnet_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int xsw_nl_pa_new_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_pa_del_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_pa_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int xsw_nl_vport_set_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_vport_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);

/* nl_vmap.c */
int xsw_nl_map_new_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_map_del_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_map_get_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_map_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int xsw_nl_map_flush_doit(struct sk_buff *skb, struct genl_info *info);
int xsw_nl_map_bulk_doit(struct sk_buff *skb, struct genl_info *info);

/* vnet.c: a deleted port leaves its VSID, a deleted switch's PAs go */
void xsw_vnet_port_gone(struct xsw_port *port);
void xsw_pa_switch_gone(struct xsw_switch *sw);
int xsw_vnet_init(void);
void xsw_vnet_uninit(void);

/* vnet_tun.c: the switch's tunnel device follows its PAs and vxlan port */
int xsw_vtun_switch_update(struct xsw_switch *sw,
			   struct netlink_ext_ack *extack);
int xsw_vtun_init(void);
void xsw_vtun_uninit(void);

/* vnet_gre.c: the namespaces' NVGRE devices */
int xsw_gre_link_register(struct rtnl_link_ops *ops);
int xsw_gre_init(void);
void xsw_gre_uninit(void);

#endif /* _XSWITCH_H */
