/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xswitch: the in-kernel interface for companion modules (extensions).
 *
 * Installed by "make install" under $(PREFIX)/src/xswitch/include, together
 * with the UAPI header and the Module.symvers an out-of-tree extension
 * links against.  docs/extensions.md walks through writing one;
 * kmod/ext/xsw_example.c is the template to copy.
 *
 * An extension module registers a struct xsw_ext_ops once, in its init
 * function.  The administrator then attaches it to switches ("xsw ext
 * attach SWITCH NAME"); each attachment is a struct xsw_ext with the
 * extension's own private area.  Every frame a switch carries goes, in
 * this order, through:
 *
 *   ingress:  capture extensions, then filter extensions (priority order),
 *             then the forwarding extension if one is attached (else the
 *             built-in FDB), then the built-in policies;
 *   egress, once for each destination port:
 *             the forwarding extension's @filter, then filter extensions,
 *             then capture extensions (priority order), then the port.
 *
 * Lifetimes: the core calls an extension's callbacks only between its
 * @attach and its @detach, and @detach only once no packet can be inside
 * any of its packet callbacks any more.  Unloading an extension's module
 * (rmmod) detaches it from every switch first, so a module needs no
 * reference counting of its own: xsw_ext_unregister() returns once nothing
 * can call into it.
 */
#ifndef _NET_XSWITCH_H
#define _NET_XSWITCH_H

#include <linux/in6.h>
#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/skbuff.h>
#include <linux/xswitch.h>

/* Bumped whenever this interface changes incompatibly. */
#define XSW_API_VERSION		2

/* The most destinations one frame can have, flooding aside. */
#define XSW_FWD_MAX_DST		8

struct xsw_switch;
struct xsw_port;
struct xsw_ext;
struct xsw_ext_pipeline;
struct xsw_ext_stats;

/**
 * enum xsw_verdict - what a filter or forwarding callback decided
 * @XSW_PASS: the frame goes on
 * @XSW_DROP: the core frees the frame and counts it under the drop reason
 *	"extension" of the port and this extension's "dropped"
 */
enum xsw_verdict {
	XSW_PASS,
	XSW_DROP,
};

/**
 * struct xsw_fwd_ctx - what the switch knows about a frame in flight
 * @src: the port the frame came in on; NULL only for a frame injected at
 *	egress with xsw_inject_egress() and for the switch's own answer to
 *	a VSID port's ARP request or neighbour solicitation, on its way out
 *	of that port.  For a decapsulated frame, and as a destination of an
 *	encapsulated one, it is the switch's tunnel pseudo-port, which is
 *	in no port list and which @port_add never announced
 * @vlan: the VLAN the frame was classified into (the frame itself carries
 *	no tag while it is in the switch)
 * @origin: the extension that injected the frame, or NULL
 * @flood: send to every port of @vlan except @src and @flood_except
 * @n_dst: number of entries in @dst
 * @flood_except: with @flood, one more port to leave out, or NULL
 * @dst: the explicit destinations, in order
 * @pipe: private to the core: the extensions this frame runs through
 * @vsid: the virtual subnet the frame travels in, 0 for none: its source
 *	port's, or the VNI it arrived encapsulated with.  Such a frame
 *	reaches only ports of the same VSID, and the switch's tunnel
 *	(network virtualisation, kmod/vnet_tx.c); a frame of no VSID never
 *	reaches a port in one.
 *
 * Capture and filter callbacks see the context read-only.  A forwarding
 * extension fills in the destinations with xsw_fwd_add_dst(),
 * xsw_fwd_del_dst(), xsw_fwd_flood() or xsw_fwd_builtin().
 */
struct xsw_fwd_ctx {
	struct xsw_port *src;
	u16 vlan;
	bool flood;
	u8 n_dst;
	struct xsw_ext *origin;
	const struct xsw_port *flood_except;
	struct xsw_port *dst[XSW_FWD_MAX_DST];
	const struct xsw_ext_pipeline *pipe;
	u32 vsid;
};

/**
 * struct xsw_ext_value - the value of one option
 * @u32: XSW_EXT_OPT_U32
 * @on: XSW_EXT_OPT_BOOL
 * @str: XSW_EXT_OPT_STRING, NUL-terminated
 * @bin: XSW_EXT_OPT_BINARY, @len bytes
 * @mac: XSW_EXT_OPT_MAC
 * @ip: XSW_EXT_OPT_IP: @ip.family is AF_INET, AF_INET6, or 0 for none
 * @len: bytes of @bin, or of @str without its NUL
 */
struct xsw_ext_value {
	union {
		u32 u32;
		bool on;
		char str[XSW_EXT_OPT_MAX_LEN + 1];
		u8 bin[XSW_EXT_OPT_MAX_LEN];
		u8 mac[ETH_ALEN];
		struct {
			u16 family;
			union {
				__be32 v4;
				struct in6_addr v6;
			};
		} ip;
	};
	u32 len;
};

/**
 * struct xsw_ext_option - an option an extension declares
 * @name: as typed after "xsw ext set SWITCH EXT"; [a-z0-9_-], unique
 * @type: enum xsw_ext_opt_type
 * @min: XSW_EXT_OPT_U32: the smallest value
 * @max: XSW_EXT_OPT_U32: the largest value; STRING: the longest, without
 *	the NUL, below XSW_EXT_OPT_MAX_LEN; BINARY: the longest, at most
 *	XSW_EXT_OPT_MAX_LEN; 0 means the most allowed
 * @def: the value on attach, for U32 and BOOL; the others start empty
 * @help: one line for "xsw ext show -d"
 *
 * The core checks type, length and range before the extension's
 * @configure callback sees a value.
 */
struct xsw_ext_option {
	const char *name;
	u8 type;
	u32 min;
	u32 max;
	u32 def;
	const char *help;
};

#define XSW_EXT_OPT_U32(_name, _def, _min, _max, _help) \
	{ .name = _name, .type = XSW_EXT_OPT_U32, .def = _def, \
	  .min = _min, .max = _max, .help = _help }
#define XSW_EXT_OPT_BOOL(_name, _def, _help) \
	{ .name = _name, .type = XSW_EXT_OPT_BOOL, .def = _def, .max = 1, \
	  .help = _help }
#define XSW_EXT_OPT_STRING(_name, _maxlen, _help) \
	{ .name = _name, .type = XSW_EXT_OPT_STRING, .max = _maxlen, \
	  .help = _help }
#define XSW_EXT_OPT_BINARY(_name, _maxlen, _help) \
	{ .name = _name, .type = XSW_EXT_OPT_BINARY, .max = _maxlen, \
	  .help = _help }
#define XSW_EXT_OPT_MAC(_name, _help) \
	{ .name = _name, .type = XSW_EXT_OPT_MAC, .help = _help }
#define XSW_EXT_OPT_IP(_name, _help) \
	{ .name = _name, .type = XSW_EXT_OPT_IP, .help = _help }

/**
 * struct xsw_ext_ops - an extension, as its module registers it
 * @name: unique; "xsw ext attach SWITCH NAME" loads the module aliased
 *	"xswitch-ext-NAME" when no extension of that name is registered.
 *	[a-z0-9_-], shorter than XSW_EXT_NAME_LEN.
 * @description: one line for "xsw ext show"
 * @version: free text, for "xsw ext show"
 * @type: XSW_EXT_TYPE_CAPTURE, _FILTER or _FORWARDING
 * @owner: filled in by xsw_ext_register()
 * @priv_size: bytes of the per-switch private area, zeroed on attach, at
 *	most 64 KiB; see xsw_ext_priv()
 * @options: the options the extension declares, or NULL
 * @n_options: entries in @options, at most XSW_EXT_MAX_OPTIONS
 *
 * The control callbacks (@attach to @port_link) run in process context
 * with RTNL held, and may sleep.
 *
 * @attach: optional; the extension is being attached to xsw_ext_switch().
 *	Return 0, or an errno with a message in @extack to refuse.  Called
 *	before @configure and before any port callback.
 * @detach: optional; called once for every @attach that succeeded: when
 *	the extension is detached, once it is off the switch and no packet
 *	is in any of its callbacks any more, and also when the attach fails
 *	after @attach succeeded (@configure or a @port_add refused; then no
 *	packet has seen it, and @configure may never have succeeded).  Stop
 *	timers and work that inject, free what @attach and @configure
 *	allocated.
 * @configure: required when there are options.  Called on attach with
 *	the defaults (and the values given to "xsw ext attach"), then on
 *	every "xsw ext set" that gives options, with the whole new set of
 *	values (those not given keep theirs), indexed as
 *	@options.  Check them all, then apply them all, or return an errno
 *	with a message in @extack and change nothing.  Packets may be in
 *	flight: publish changes with WRITE_ONCE() or RCU.
 * @port_add: optional; a port is being added, or the extension is being
 *	attached to a switch that has it.  Return an errno and a message to
 *	veto: the port is not added (or the extension not attached).
 * @port_del: optional; a port approved by @port_add is going.  Called
 *	for every port before @detach, too.  Packets may still reference the
 *	port until the end of the current RCU grace period.
 * @port_link: optional; a port's carrier or administrative state changed.
 *
 * @capture: capture extensions; called on ingress with @dst NULL and on
 *	egress with the destination port.  May read the frame, and may build
 *	and inject new frames; may not change or keep @skb.
 * @filter: filter extensions: on ingress (@dst NULL) and on egress.
 *	Forwarding extensions may have one too; it is called on egress only.
 *	Return XSW_DROP to drop the frame (for egress, this destination's
 *	copy).  To change the frame, make it writable first
 *	(skb_ensure_writable(), skb_unshare()) and store any new skb in
 *	*@pskb; set *@pskb to NULL if the frame was freed (skb_unshare()
 *	failing does that), which counts as a drop.
 * @forward: the forwarding extension: choose the destinations of the
 *	frame with the xsw_fwd_*() helpers.  No destination means the frame
 *	is dropped as "no-destination".  May also return XSW_DROP.
 *
 * Packet callbacks run under RCU with BH disabled, on any CPU, several at
 * once.  They may not sleep.  They see skb->data at the Ethernet header
 * with at least ETH_HLEN bytes linear; read anything beyond with
 * pskb_may_pull() or skb_header_pointer().  The frame has no 802.1Q tag
 * in its payload: its VLAN is @ctx->vlan (and any tag in the skb's
 * accelerated-tag field means nothing here).  An 802.1ad (QinQ) tag is
 * payload, so h_proto can be ETH_P_8021AD.  @ctx->src is NULL for a frame
 * injected at egress (xsw_inject_egress()).
 */
struct xsw_ext_ops {
	const char *name;
	const char *description;
	const char *version;
	u8 type;
	struct module *owner;
	size_t priv_size;
	const struct xsw_ext_option *options;
	unsigned int n_options;

	int (*attach)(struct xsw_ext *ext, struct netlink_ext_ack *extack);
	void (*detach)(struct xsw_ext *ext);
	int (*configure)(struct xsw_ext *ext,
			 const struct xsw_ext_value *values,
			 struct netlink_ext_ack *extack);
	int (*port_add)(struct xsw_ext *ext, struct xsw_port *port,
			struct netlink_ext_ack *extack);
	void (*port_del)(struct xsw_ext *ext, struct xsw_port *port);
	void (*port_link)(struct xsw_ext *ext, struct xsw_port *port);

	void (*capture)(struct xsw_ext *ext, const struct sk_buff *skb,
			const struct xsw_fwd_ctx *ctx,
			const struct xsw_port *dst);
	enum xsw_verdict (*filter)(struct xsw_ext *ext, struct sk_buff **pskb,
				   const struct xsw_fwd_ctx *ctx,
				   struct xsw_port *dst);
	enum xsw_verdict (*forward)(struct xsw_ext *ext, struct sk_buff **pskb,
				    struct xsw_fwd_ctx *ctx);
};

/**
 * struct xsw_ext - one extension attached to one switch
 * @ops: the extension
 * @sw: the switch
 * @priv: the extension's private area, @ops->priv_size bytes
 *
 * The fields not described here are the core's.
 */
struct xsw_ext {
	const struct xsw_ext_ops *ops;
	struct xsw_switch *sw;
	/* private to the core */
	struct list_head sw_node;
	struct list_head type_node;
	u32 priority;
	u32 order;
	struct xsw_ext_value *values;
	struct xsw_ext_stats __percpu *stats;
	struct rcu_head rcu;
	/* the extension's */
	unsigned long priv[] __aligned(NETDEV_ALIGN);
};

/**
 * xsw_ext_priv - an attachment's private area
 * @ext: the attachment
 *
 * Return: @ext->ops->priv_size bytes, zeroed at attach.
 */
static inline void *xsw_ext_priv(const struct xsw_ext *ext)
{
	return (void *)ext->priv;
}

int __xsw_ext_register(struct xsw_ext_ops *ops, struct module *owner);

/**
 * xsw_ext_register - make an extension available to every switch
 * @ops: the extension; must stay valid until xsw_ext_unregister()
 *
 * Context: process context; takes RTNL.  Call it last in module init.
 * Return: 0; -EEXIST if an extension of that name is registered; -EINVAL
 * if @ops is malformed (the kernel log says why).
 */
#define xsw_ext_register(ops) __xsw_ext_register(ops, THIS_MODULE)

/**
 * xsw_ext_unregister - withdraw an extension
 * @ops: as registered
 *
 * Detaches it from every switch, in every namespace, and returns once no
 * packet is in any of its callbacks.
 *
 * Context: process context; takes RTNL.  Call it first in module exit.
 */
void xsw_ext_unregister(struct xsw_ext_ops *ops);

/* Forwarding-context helpers: for the @forward callback only. */
int xsw_fwd_add_dst(struct xsw_fwd_ctx *ctx, struct xsw_port *port);
int xsw_fwd_del_dst(struct xsw_fwd_ctx *ctx, struct xsw_port *port);
void xsw_fwd_flood(struct xsw_fwd_ctx *ctx, const struct xsw_port *except);
void xsw_fwd_builtin(struct xsw_fwd_ctx *ctx, const struct sk_buff *skb);

/*
 * Packets an extension makes or copies: from its packet callbacks, or from
 * any other context but hard IRQ while it is attached.
 */
struct sk_buff *xsw_ext_clone(struct xsw_ext *ext, const struct sk_buff *skb);
int xsw_inject_ingress(struct xsw_ext *ext, struct xsw_port *port,
		       struct sk_buff *skb);
int xsw_inject_egress(struct xsw_ext *ext, struct xsw_port *port, u16 vlan,
		      struct sk_buff *skb);

/*
 * Looking at the switch, from any callback: the switch and the ports
 * passed to an extension stay valid while it may be called about them.
 */
struct net_device *xsw_switch_netdev(const struct xsw_switch *sw);
struct net_device *xsw_port_netdev(const struct xsw_port *port);
u8 xsw_port_type(const struct xsw_port *port);

/*
 * The FDB, from packet callbacks only (RCU, BH disabled): the port @mac
 * was learned on in @vlan (or NULL), and learning @mac on @src.
 */
struct xsw_port *xsw_fdb_lookup(struct xsw_switch *sw, const u8 *mac,
				u16 vlan);
void xsw_fdb_learn(struct xsw_switch *sw, struct xsw_port *src,
		   const u8 *mac, u16 vlan);

/**
 * xsw_ext_switch - the switch an attachment belongs to
 * @ext: the attachment
 */
static inline struct xsw_switch *xsw_ext_switch(const struct xsw_ext *ext)
{
	return ext->sw;
}

/**
 * netif_is_xswitch - is this net_device an xswitch switch?
 * @dev: the device to test
 *
 * Context: any; the answer is fixed for the device's lifetime.
 * Return: true for the switch netdevice created by "ip link add ... type
 * xswitch" or XSW_CMD_SWITCH_NEW, false for everything else.
 */
bool netif_is_xswitch(const struct net_device *dev);

#endif /* _NET_XSWITCH_H */
