/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libxswitch - talk to the xswitch kernel module over generic netlink.
 *
 * Every call takes a handle from xsw_open() and returns 0 or a negative
 * errno.  After a failure, xsw_errmsg() explains it: the kernel's
 * extended-ack message when the kernel sent one, otherwise a message made
 * by the library, otherwise "" (then strerror() of the return value is
 * all there is to say).  The library never prints and never exits.
 *
 * A handle is one netlink socket in the network namespace the calling
 * thread was in when xsw_open() ran.  It is not thread-safe: use one
 * handle per thread, or serialise the calls.
 *
 * Switches are named by their netdevice name; the kernel resolves names,
 * so its messages ("no such switch", "device is not an xswitch") reach
 * the caller unchanged.
 */
#ifndef XSWITCH_H
#define XSWITCH_H

#include <net/if.h>		/* IF_NAMESIZE, POSIX's IFNAMSIZ */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>		/* FILE, for the pcap writer */
#include <linux/xswitch.h>

#ifdef __cplusplus
extern "C" {
#endif

struct xsw_handle;

/**
 * xsw_open() - open a handle
 * @hp: where to store the new handle
 *
 * Connects a generic netlink socket and resolves the "xswitch" family
 * (the kernel loads the module on the first lookup when it can).
 *
 * Return: 0 and *@hp set, or a negative errno and *@hp set to NULL.
 * -ENOENT means the family is not registered: the module is not loaded.
 * Describe a failure with xsw_strerror_open().
 */
int xsw_open(struct xsw_handle **hp);

/**
 * xsw_strerror_open() - describe an error returned by xsw_open()
 * @err: the negative errno xsw_open() returned
 *
 * Return: a static string, e.g. for -ENOENT
 * "xswitch module not loaded? try: modprobe xswitch".
 */
const char *xsw_strerror_open(int err);

/**
 * xsw_close() - close the socket and free the handle
 * @h: handle from xsw_open(), or NULL
 */
void xsw_close(struct xsw_handle *h);

/**
 * xsw_errmsg() - explain the last failed call on @h
 * @h: handle
 *
 * Return: the kernel's extended-ack message, or a library message, or ""
 * when there is nothing more to say than strerror().  The string belongs
 * to the handle and is valid until the next call on it.
 */
const char *xsw_errmsg(const struct xsw_handle *h);

/**
 * xsw_errattr() - the request attribute the kernel refused
 * @h: handle
 *
 * Return: the type of the top-level attribute of the last failed request
 * that the kernel pointed at (NLMSGERR_ATTR_OFFS) or said was missing
 * (NLMSGERR_ATTR_MISS_TYPE), e.g. XSW_A_SWITCH_IFNAME; 0 when none.
 */
int xsw_errattr(const struct xsw_handle *h);

/* Counters ------------------------------------------------------------ */

/* Room for drop reasons, XSW_A_DROP_MAX of this header and newer ones. */
#define XSW_STATS_DROPS_LEN 64

/**
 * struct xsw_stats - the counters of a port or a switch (XSW_A_*_STATS)
 * @rx_packets:	frames the switch received from the port
 * @rx_bytes:	their bytes
 * @tx_packets:	frames the switch sent out of the port
 * @tx_bytes:	their bytes
 * @drops:	dropped frames by reason, indexed by XSW_A_DROP_*; a kernel
 *		newer than this header may send reasons above XSW_A_DROP_MAX,
 *		which land here too (up to XSW_STATS_DROPS_LEN - 1)
 * @drops_seen:	bit N set when the kernel sent reason N
 *
 * A switch reports switch-wide drops only; its rx and tx counters are 0.
 * Name a reason with xsw_drop_name().
 */
struct xsw_stats {
	uint64_t rx_packets;
	uint64_t rx_bytes;
	uint64_t tx_packets;
	uint64_t tx_bytes;
	uint64_t drops[XSW_STATS_DROPS_LEN];
	uint64_t drops_seen;
};

/**
 * xsw_drop_name() - the name of a drop reason
 * @attr: XSW_A_DROP_*
 *
 * Return: the name the UAPI header gives it ("vlan", "spoofed-mac", ...),
 * or NULL for a reason this library does not know.
 */
const char *xsw_drop_name(int attr);

/* Switches ------------------------------------------------------------ */

/**
 * struct xsw_switch_info - a switch, as XSW_CMD_SWITCH_GET reports it
 * @ifindex:	netdevice index
 * @ifname:	netdevice name
 * @mtu:	MTU
 * @address:	MAC address
 * @operstate:	RFC 2863 operational state, enum IF_OPER_* of <linux/if.h>
 * @up:		administratively up (IFF_UP)
 * @num_ports:	number of ports
 * @ageing:	seconds after which a learned MAC is forgotten
 * @stats:	drops of the whole switch, by reason (every port's drops
 *		count here too); rx and tx are 0
 * @conn_max:	the most stateful ACL connections the switch tracks
 * @conn_entries:	the connections it tracks now
 * @conn_evictions:	connections dropped to make room, ever
 * @conn_expired:	connections dropped as idle, ever
 *
 * The conn_* fields are 0 from a kernel that does not report them.
 */
struct xsw_switch_info {
	uint32_t ifindex;
	char ifname[IF_NAMESIZE];
	uint32_t mtu;
	uint8_t address[6];
	uint8_t operstate;
	bool up;
	uint32_t num_ports;
	uint32_t ageing;
	struct xsw_stats stats;
	uint32_t conn_max;
	uint32_t conn_entries;
	uint64_t conn_evictions;
	uint64_t conn_expired;
	uint16_t vxlan_port;	/* 0 from a kernel without vnet */
};

/**
 * xsw_switch_add() - create a switch
 * @h:    handle
 * @name: netdevice name, may hold one "%d"; NULL lets the kernel pick
 *        ("xsw%d")
 * @out:  filled with the new switch when not NULL
 *
 * Needs CAP_NET_ADMIN.  Return: 0 or a negative errno; -ENAMETOOLONG when
 * @name has IF_NAMESIZE (16) characters or more.
 */
int xsw_switch_add(struct xsw_handle *h, const char *name,
		   struct xsw_switch_info *out);

/**
 * xsw_switch_del() - delete a switch and all its ports
 * @h:    handle
 * @name: netdevice name of the switch
 *
 * Needs CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_switch_del(struct xsw_handle *h, const char *name);

/**
 * xsw_switch_get() - read one switch
 * @h:    handle
 * @name: netdevice name of the switch
 * @out:  filled on success
 *
 * Return: 0 or a negative errno.
 */
int xsw_switch_get(struct xsw_handle *h, const char *name,
		   struct xsw_switch_info *out);

/**
 * xsw_switch_dump() - call @cb for every switch in the namespace
 * @h:   handle
 * @cb:  called once per switch; @sw is valid during the call only
 * @arg: passed to @cb
 *
 * A non-zero return from @cb stops the walk, and xsw_switch_dump() returns
 * it (the rest of the dump is read and dropped, so @h stays usable).
 * -EINTR means the switches changed during the dump and what @cb saw may
 * be inconsistent; try again.
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno.
 */
int xsw_switch_dump(struct xsw_handle *h,
		    int (*cb)(const struct xsw_switch_info *sw, void *arg),
		    void *arg);

/**
 * xsw_switch_set_ageing() - set how long learned MACs are kept
 * @h:       handle
 * @name:    netdevice name of the switch
 * @seconds: 1..1000000
 *
 * Needs CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_switch_set_ageing(struct xsw_handle *h, const char *name,
			  uint32_t seconds);

/* Which fields of struct xsw_switch_config xsw_switch_set() sends. */
enum {
	XSW_SWITCH_CFG_AGEING	= 1u << 0,
	XSW_SWITCH_CFG_CONN_MAX	= 1u << 1,
	XSW_SWITCH_CFG_VXLAN_PORT = 1u << 2,

	XSW_SWITCH_CFG_ALL	= (1u << 3) - 1,
};

/**
 * struct xsw_switch_config - a change of a switch's settings
 * @set:	XSW_SWITCH_CFG_* bits: the fields below to send
 * @ageing:	seconds a learned MAC is kept, 1..1000000
 * @conn_max:	the most stateful ACL connections tracked,
 *		1..XSW_SWITCH_CONN_MAX_LIMIT; lowering it below the
 *		connections tracked evicts the oldest
 */
struct xsw_switch_config {
	uint32_t set;
	uint32_t ageing;
	uint32_t conn_max;
	uint16_t vxlan_port;	/* UDP port of VXLAN frames, 1..65535 */
};

/**
 * xsw_switch_set() - change a switch's settings, all or nothing
 * @h:    handle
 * @name: netdevice name of the switch
 * @cfg:  what to set
 *
 * Checked here first (nothing set, unknown bits, values out of range):
 * -EINVAL or -ERANGE and a message, without asking the kernel.  Needs
 * CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_switch_set(struct xsw_handle *h, const char *name,
		   const struct xsw_switch_config *cfg);

/* Ports --------------------------------------------------------------- */

/**
 * struct xsw_port_info - a port, as XSW_CMD_PORT_GET reports it
 * @ifindex:		the port's netdevice
 * @ifname:		its name
 * @switch_ifindex:	the switch's netdevice
 * @switch_ifname:	its name
 * @type:		enum xsw_port_type
 * @vlan_mode:		enum xsw_vlan_mode
 * @pvid:		VLAN of an access port
 * @native_vlan:	untagged VLAN of a trunk port, 0 for none
 * @vlans:		VLANs of a trunk port: bit N of byte N / 8, least
 *			significant bit first, is VLAN N (XSW_A_PORT_VLANS);
 *			test with xsw_vlan_test()
 * @has_mac:		@mac is known
 * @mac:		the MAC the port's VM uses (set, or the first seen)
 * @mac_spoofing:	the VM may send from other MACs
 * @dhcp_guard:		DHCP server messages from the VM are dropped
 * @router_guard:	router advertisements and redirects are dropped
 * @isolated:		no traffic with other isolated ports
 * @learn_limit:	at most this many MACs are learned on the port
 * @learned:		MACs learned on the port now
 * @carrier:		the port's link is up
 * @mtu:		the port's MTU
 * @stats:		the port's counters, from the switch's point of view
 */
struct xsw_port_info {
	uint32_t ifindex;
	char ifname[IF_NAMESIZE];
	uint32_t switch_ifindex;
	char switch_ifname[IF_NAMESIZE];
	uint8_t type;
	uint8_t vlan_mode;
	uint16_t pvid;
	uint16_t native_vlan;
	uint8_t vlans[XSW_VLAN_BITMAP_LEN];
	bool has_mac;
	uint8_t mac[6];
	bool mac_spoofing;
	bool dhcp_guard;
	bool router_guard;
	bool isolated;
	uint32_t learn_limit;
	uint32_t learned;
	bool carrier;
	uint32_t mtu;
	struct xsw_stats stats;
};

/* Bit @vid of a VLAN bitmap laid out as XSW_A_PORT_VLANS, vid 0..4095. */
static inline bool xsw_vlan_test(const uint8_t *bitmap, unsigned int vid)
{
	return vid < 8 * XSW_VLAN_BITMAP_LEN &&
	       (bitmap[vid / 8] & (1u << (vid % 8)));
}

static inline void xsw_vlan_set(uint8_t *bitmap, unsigned int vid)
{
	if (vid < 8 * XSW_VLAN_BITMAP_LEN)
		bitmap[vid / 8] |= 1u << (vid % 8);
}

/* Which fields of struct xsw_port_config xsw_port_set() sends. */
enum {
	XSW_PORT_CFG_VLAN_MODE		= 1u << 0,
	XSW_PORT_CFG_PVID		= 1u << 1,
	XSW_PORT_CFG_VLANS		= 1u << 2,
	XSW_PORT_CFG_NATIVE_VLAN	= 1u << 3,
	XSW_PORT_CFG_MAC		= 1u << 4,
	XSW_PORT_CFG_MAC_SPOOFING	= 1u << 5,
	XSW_PORT_CFG_DHCP_GUARD		= 1u << 6,
	XSW_PORT_CFG_ROUTER_GUARD	= 1u << 7,
	XSW_PORT_CFG_ISOLATED		= 1u << 8,
	XSW_PORT_CFG_LEARN_LIMIT	= 1u << 9,

	XSW_PORT_CFG_ALL		= (1u << 10) - 1,
};

/**
 * struct xsw_port_config - a change of a port's settings
 * @set:		XSW_PORT_CFG_* bits: the fields below to apply; the
 *			others are not sent and keep their value
 * @vlan_mode:		enum xsw_vlan_mode
 * @pvid:		1..4094, access mode only
 * @vlans:		trunk mode only; layout of struct xsw_port_info.vlans;
 *			VLANs 0 and 4095 must be clear
 * @native_vlan:	0..4094, trunk mode only; 0: none
 * @mac:		the VM's MAC; all zeroes forgets it, and the next MAC
 *			the port sends from sticks
 * @mac_spoofing:	see struct xsw_port_info
 * @dhcp_guard:		see struct xsw_port_info
 * @router_guard:	see struct xsw_port_info
 * @isolated:		see struct xsw_port_info
 * @learn_limit:	0..1000000; 0 learns nothing
 *
 * The VLAN mode the other fields are checked against is the one in the
 * request when it has one, else the port's current mode.
 */
struct xsw_port_config {
	uint32_t set;
	uint8_t vlan_mode;
	uint16_t pvid;
	uint8_t vlans[XSW_VLAN_BITMAP_LEN];
	uint16_t native_vlan;
	uint8_t mac[6];
	bool mac_spoofing;
	bool dhcp_guard;
	bool router_guard;
	bool isolated;
	uint32_t learn_limit;
};

/**
 * xsw_port_add() - attach an existing netdevice to a switch
 * @h:    handle
 * @sw:   netdevice name of the switch
 * @dev:  netdevice name of the port-to-be (a veth, a tap, a NIC)
 * @type: XSW_PORT_TYPE_EXTERNAL, XSW_PORT_TYPE_VM, or 0 for the kernel's
 *        default (VM); internal ports are made with xsw_port_add_internal()
 * @out:  filled with the new port when not NULL
 *
 * Needs CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_port_add(struct xsw_handle *h, const char *sw, const char *dev,
		 uint8_t type, struct xsw_port_info *out);

/**
 * xsw_port_add_internal() - create an internal port
 * @h:    handle
 * @sw:   netdevice name of the switch
 * @name: name of the netdevice to create, may hold one "%d"
 * @out:  filled with the new port when not NULL (its ifname says what
 *        "%d" became)
 *
 * The netdevice is created by the kernel and deleted with the port.
 * Needs CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_port_add_internal(struct xsw_handle *h, const char *sw,
			  const char *name, struct xsw_port_info *out);

/**
 * xsw_port_del() - detach a port
 * @h:    handle
 * @name: netdevice name of the port
 *
 * An internal port's netdevice is deleted; another port's netdevice is
 * left as it was before it was attached.  The host port goes only with
 * its switch.  Needs CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_port_del(struct xsw_handle *h, const char *name);

/**
 * xsw_port_get() - read one port
 * @h:    handle
 * @name: netdevice name of the port
 * @out:  filled on success
 *
 * Return: 0 or a negative errno.
 */
int xsw_port_get(struct xsw_handle *h, const char *name,
		 struct xsw_port_info *out);

/**
 * xsw_port_dump() - call @cb for every port
 * @h:   handle
 * @sw:  only the ports of this switch; NULL: of every switch in the
 *       namespace.  Each switch's own netdevice is listed as a port of
 *       type XSW_PORT_TYPE_HOST.
 * @cb:  called once per port; @port is valid during the call only
 * @arg: passed to @cb
 *
 * As xsw_switch_dump(): a non-zero return of @cb stops the walk and is
 * returned; -EINTR means the ports changed during the dump, and what @cb
 * saw may be inconsistent: try again.
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno.
 */
int xsw_port_dump(struct xsw_handle *h, const char *sw,
		  int (*cb)(const struct xsw_port_info *port, void *arg),
		  void *arg);

/**
 * xsw_port_set() - change a port's settings
 * @h:    handle
 * @name: netdevice name of the port
 * @cfg:  the settings to change, as @cfg->set says
 *
 * All or nothing: when the kernel refuses one setting (e.g. a PVID for a
 * trunk port) nothing changes.  Needs CAP_NET_ADMIN.
 *
 * Return: 0 or a negative errno; -EINVAL without asking the kernel when
 * @cfg->set has bits outside XSW_PORT_CFG_ALL.
 */
int xsw_port_set(struct xsw_handle *h, const char *name,
		 const struct xsw_port_config *cfg);

/* Forwarding database ------------------------------------------------- */

/**
 * struct xsw_fdb_info - an entry of a switch's forwarding database
 * @switch_ifindex:	the switch's netdevice
 * @switch_ifname:	its name
 * @mac:		the address
 * @vlan:		the VLAN, 1..4094
 * @port_ifindex:	the port frames to @mac in @vlan go to
 * @port_ifname:	its name
 * @is_static:		added by hand; never ages
 * @age_ms:		milliseconds since a frame from @mac was last seen,
 *			or since the entry was made
 */
struct xsw_fdb_info {
	uint32_t switch_ifindex;
	char switch_ifname[IF_NAMESIZE];
	uint8_t mac[6];
	uint16_t vlan;
	uint32_t port_ifindex;
	char port_ifname[IF_NAMESIZE];
	bool is_static;
	uint32_t age_ms;
};

/**
 * xsw_fdb_add() - add or replace a static entry
 * @h:    handle
 * @sw:   netdevice name of the switch
 * @mac:  unicast MAC, 6 bytes
 * @vlan: 1..4094; 0: the port's PVID (access) or native VLAN (trunk)
 * @port: netdevice name of a port of @sw
 *
 * Needs CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_fdb_add(struct xsw_handle *h, const char *sw, const uint8_t *mac,
		uint16_t vlan, const char *port);

/**
 * xsw_fdb_del() - delete an entry, static or learned
 * @h:    handle
 * @sw:   netdevice name of the switch
 * @mac:  MAC, 6 bytes
 * @vlan: 1..4094; 0: @mac in every VLAN
 *
 * Needs CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_fdb_del(struct xsw_handle *h, const char *sw, const uint8_t *mac,
		uint16_t vlan);

/**
 * xsw_fdb_del_port() - delete the entries of a MAC on one port
 * @h:    handle
 * @sw:   netdevice name of the switch
 * @mac:  MAC, 6 bytes
 * @vlan: 1..4094; 0: @mac in every VLAN
 * @port: netdevice name of a port of @sw; NULL: any port (xsw_fdb_del())
 *
 * Only entries on @port go; -ENOENT when @mac (in @vlan) is only on
 * other ports.  Needs CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_fdb_del_port(struct xsw_handle *h, const char *sw, const uint8_t *mac,
		     uint16_t vlan, const char *port);

/**
 * xsw_fdb_dump() - call @cb for every entry of a switch
 * @h:   handle
 * @sw:  netdevice name of the switch
 * @cb:  called once per entry; @fdb is valid during the call only
 * @arg: passed to @cb
 *
 * As xsw_switch_dump(), -EINTR included: entries come and go all the
 * time, so expect it on a busy switch and try again.
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno.
 */
int xsw_fdb_dump(struct xsw_handle *h, const char *sw,
		 int (*cb)(const struct xsw_fdb_info *fdb, void *arg),
		 void *arg);

/**
 * xsw_fdb_flush() - delete learned entries
 * @h:           handle
 * @sw:          netdevice name of the switch
 * @port:        only the entries of this port; NULL: of every port
 * @with_static: static entries too
 *
 * Needs CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_fdb_flush(struct xsw_handle *h, const char *sw, const char *port,
		  bool with_static);

/**
 * struct xsw_fdb_filter - the entries xsw_fdb_flush_match() deletes: those
 *	that match every field given
 * @port:        netdevice name of a port of the switch; NULL: any
 * @mac:         6 bytes; NULL: any
 * @vlan:        1..4094; 0: any
 * @with_static: static entries too (else learned ones only)
 */
struct xsw_fdb_filter {
	const char *port;
	const uint8_t *mac;
	uint16_t vlan;
	bool with_static;
};

/**
 * xsw_fdb_flush_match() - delete the entries a filter matches
 * @h:   handle
 * @sw:  netdevice name of the switch
 * @flt: which entries
 *
 * Needs CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_fdb_flush_match(struct xsw_handle *h, const char *sw,
			const struct xsw_fdb_filter *flt);

/* Extensions ---------------------------------------------------------- */

/*
 * Room in struct xsw_ext_info and struct xsw_ext_attachment for option
 * declarations and values: XSW_EXT_MAX_OPTIONS of this header and more.
 */
#define XSW_EXT_OPTIONS_LEN	32
/* Description, version and help texts; longer ones are cut. */
#define XSW_EXT_TEXT_LEN	256
/* Enough for any option value as text, and its NUL. */
#define XSW_EXT_VALUE_TEXT_LEN	(2 * XSW_EXT_OPT_MAX_LEN + 1)

/**
 * struct xsw_ext_opt_info - an option an extension declares
 * @name:	as "xsw ext set" takes it
 * @type:	enum xsw_ext_opt_type
 * @has_min:	@min was sent (U32 options)
 * @has_max:	@max was sent: U32's largest value, STRING's and BINARY's
 *		longest (characters without the NUL, or bytes); 0 there
 *		means XSW_EXT_OPT_MAX_LEN
 * @has_default: @def was sent (U32 and BOOL options)
 * @min:	smallest value
 * @max:	see @has_max
 * @def:	value on attach; the other types start empty
 * @help:	one line saying what the option does
 */
struct xsw_ext_opt_info {
	char name[XSW_EXT_NAME_LEN];
	uint8_t type;
	bool has_min;
	bool has_max;
	bool has_default;
	uint32_t min;
	uint32_t max;
	uint32_t def;
	char help[XSW_EXT_TEXT_LEN];
};

/**
 * struct xsw_ext_opt_value - the current value of an option
 * @name:	the option
 * @type:	enum xsw_ext_opt_type
 * @len:	bytes in @data
 * @data:	the value as the kernel encodes it (see the UAPI header);
 *		xsw_ext_value_format() makes text of it
 */
struct xsw_ext_opt_value {
	char name[XSW_EXT_NAME_LEN];
	uint8_t type;
	uint8_t len;
	uint8_t data[XSW_EXT_OPT_MAX_LEN];
};

/**
 * struct xsw_ext_stats - an attachment's counters, summed over CPUs
 * @ingress:	packets handed to the extension on ingress
 * @egress:	packets handed to it on egress, once per destination
 * @dropped:	packets it dropped
 * @injected:	packets it injected
 * @cloned:	packets it cloned
 */
struct xsw_ext_stats {
	uint64_t ingress;
	uint64_t egress;
	uint64_t dropped;
	uint64_t injected;
	uint64_t cloned;
};

/**
 * struct xsw_ext_attachment - an extension attached to a switch
 * @switch_ifindex:	the switch's netdevice
 * @switch_ifname:	its name
 * @priority:		0..65535; lower runs first among extensions of a type
 * @num_options:	entries in @options
 * @options:		the current option values
 * @stats:		counters
 */
struct xsw_ext_attachment {
	uint32_t switch_ifindex;
	char switch_ifname[IF_NAMESIZE];
	uint32_t priority;
	unsigned int num_options;
	struct xsw_ext_opt_value options[XSW_EXT_OPTIONS_LEN];
	struct xsw_ext_stats stats;
};

/**
 * struct xsw_ext_info - a registered extension, as XSW_CMD_EXT_GET says
 * @name:		its name
 * @type:		enum xsw_ext_type
 * @description:	one line
 * @version:		free text
 * @num_options:	entries in @options
 * @options:		the options it declares
 * @num_attached:	entries in @attached
 * @attached:		the switches of the handle's namespace it is attached
 *			to (only the one asked for, when a switch was given);
 *			memory of the library, see the function that filled
 *			the struct
 */
struct xsw_ext_info {
	char name[XSW_EXT_NAME_LEN];
	uint8_t type;
	char description[XSW_EXT_TEXT_LEN];
	char version[XSW_EXT_TEXT_LEN];
	unsigned int num_options;
	struct xsw_ext_opt_info options[XSW_EXT_OPTIONS_LEN];
	size_t num_attached;
	struct xsw_ext_attachment *attached;
};

/**
 * struct xsw_ext_setting - one option to set, by name, as text
 * @name:  the option, as the extension declares it
 * @value: its new value as text; see xsw_ext_value_parse()
 */
struct xsw_ext_setting {
	const char *name;
	const char *value;
};

/**
 * xsw_ext_dump() - call @cb for every registered extension
 * @h:   handle
 * @sw:  list only the attachments to this switch (extensions that are
 *       not attached to it are still listed); NULL: to every switch
 * @cb:  called once per extension; @ext, @ext->attached included, is
 *       valid during the call only
 * @arg: passed to @cb
 *
 * As xsw_switch_dump(): a non-zero return of @cb stops the walk and is
 * returned; -EINTR means the extensions changed during the dump: try
 * again.
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno.
 */
int xsw_ext_dump(struct xsw_handle *h, const char *sw,
		 int (*cb)(const struct xsw_ext_info *ext, void *arg),
		 void *arg);

/**
 * xsw_ext_get() - read one registered extension
 * @h:    handle
 * @name: the extension
 * @sw:   only its attachment to this switch; NULL: to every switch
 * @out:  filled on success; release @out->attached with
 *        xsw_ext_info_free() (on failure there is nothing to release)
 *
 * Does not load the extension's module: -ENOENT when it is not
 * registered.  Return: 0 or a negative errno.
 */
int xsw_ext_get(struct xsw_handle *h, const char *name, const char *sw,
		struct xsw_ext_info *out);

/**
 * xsw_ext_info_free() - release what xsw_ext_get() allocated in @ext
 * @ext: filled by xsw_ext_get(), or zeroed; the struct itself is the
 *       caller's
 */
void xsw_ext_info_free(struct xsw_ext_info *ext);

/**
 * xsw_ext_attach() - enable an extension on a switch
 * @h:        handle
 * @sw:       netdevice name of the switch
 * @name:     the extension; the kernel loads module "xswitch-ext-NAME"
 *            when no extension of that name is registered
 * @priority: 0..65535, or negative for the kernel's default (100)
 * @settings: initial option values, or NULL
 * @n:        entries in @settings
 *
 * The library reads the extension's declarations to encode @settings.
 * When the extension is not registered yet, it attaches it without
 * settings (which loads it), then sets them; if that fails, it detaches
 * it again and returns the failure, so nothing is half done.  An option
 * the extension does not declare, or a value that is not of its type, is
 * -EINVAL with a message naming both.  Needs CAP_NET_ADMIN.
 *
 * Return: 0 or a negative errno.
 */
int xsw_ext_attach(struct xsw_handle *h, const char *sw, const char *name,
		   int priority, const struct xsw_ext_setting *settings,
		   size_t n);

/**
 * xsw_ext_set() - change an attached extension
 * @h:        handle
 * @sw:       netdevice name of the switch
 * @name:     the extension
 * @priority: 0..65535, or negative to keep it
 * @settings: option values to change, or NULL; the others keep theirs
 * @n:        entries in @settings
 *
 * All or nothing.  Needs CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_ext_set(struct xsw_handle *h, const char *sw, const char *name,
		int priority, const struct xsw_ext_setting *settings,
		size_t n);

/**
 * xsw_ext_detach() - disable an extension on a switch
 * @h:    handle
 * @sw:   netdevice name of the switch
 * @name: the extension
 *
 * Needs CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_ext_detach(struct xsw_handle *h, const char *sw, const char *name);

/**
 * xsw_ext_value_parse() - encode an option value given as text
 * @type: enum xsw_ext_opt_type
 * @text: U32: decimal, or hex after "0x"; BOOL: on, off, true, false, 1
 *        or 0; STRING: as is; BINARY: hex digits in pairs, "deadbeef" or
 *        "de:ad:be:ef" ("" is empty); MAC: "aa:bb:cc:dd:ee:ff"; IP: an
 *        IPv4 or IPv6 address, or "none"
 * @buf:  where the encoded value goes
 * @size: room in @buf; XSW_EXT_OPT_MAX_LEN is always enough
 * @len:  set to the encoded length
 *
 * Return: 0; -EINVAL when @text is not of @type; -ERANGE for a U32 above
 * 4294967295; -EMSGSIZE when the value is longer than @size or
 * XSW_EXT_OPT_MAX_LEN bytes; -EOPNOTSUPP for a @type this library does
 * not know.
 */
int xsw_ext_value_parse(uint8_t type, const char *text, void *buf,
			size_t size, size_t *len);

/**
 * xsw_ext_value_format() - an option value as text
 * @type: enum xsw_ext_opt_type
 * @data: the encoded value
 * @len:  its length
 * @buf:  where the text goes, NUL-terminated
 * @size: room in @buf; XSW_EXT_VALUE_TEXT_LEN is always enough
 *
 * The text is what xsw_ext_value_parse() takes: U32 in decimal, BOOL
 * "on" or "off", BINARY as hex digits without separators, IP "none"
 * when empty.
 *
 * Return: 0; -EINVAL when @data is not a valid @type; -ENOSPC when @buf is
 * too small; -EOPNOTSUPP for a @type this library does not know.
 */
int xsw_ext_value_format(uint8_t type, const void *data, size_t len,
			 char *buf, size_t size);

/* Port ACLs ----------------------------------------------------------- */

/* Which match fields of struct xsw_acl_rule_info are set. */
enum {
	XSW_ACL_MATCH_SRC_MAC	= 1u << 0,
	XSW_ACL_MATCH_DST_MAC	= 1u << 1,
	XSW_ACL_MATCH_ETH_TYPE	= 1u << 2,
	XSW_ACL_MATCH_VLAN_ID	= 1u << 3,
	XSW_ACL_MATCH_SRC_IP	= 1u << 4,
	XSW_ACL_MATCH_DST_IP	= 1u << 5,
	XSW_ACL_MATCH_IP_PROTO	= 1u << 6,
	XSW_ACL_MATCH_SRC_PORT	= 1u << 7,
	XSW_ACL_MATCH_DST_PORT	= 1u << 8,
	XSW_ACL_MATCH_ICMP_TYPE	= 1u << 9,
	XSW_ACL_MATCH_ICMP_CODE	= 1u << 10,
	XSW_ACL_MATCH_TCP_FLAGS	= 1u << 11,

	XSW_ACL_MATCH_ALL	= (1u << 12) - 1,
};

/**
 * struct xsw_acl_prefix - an IP address and prefix length of a rule
 * @family: AF_INET or AF_INET6
 * @len:    prefix length, 0..32 or 0..128
 * @addr:   the address, network order; an IPv4 address in the first 4
 *          bytes
 */
struct xsw_acl_prefix {
	uint8_t family;
	uint8_t len;
	uint8_t addr[16];
};

/**
 * struct xsw_acl_rule_info - a rule of a port ACL
 * @id:			given by the kernel, 1..2^31-1; ignored in requests
 * @priority:		lower is looked at first; every request sends it, so
 *			set it (XSW_ACL_PRIORITY_DEFAULT is the usual value;
 *			xsw_acl_rule_parse() sets it when not given)
 * @action:		enum xsw_acl_action
 * @match:		XSW_ACL_MATCH_* bits: the fields below that are set;
 *			none matches every frame
 * @src_mac:		source MAC ...
 * @src_mac_mask:	... and the bits of it that count (all ones: all)
 * @dst_mac:		destination MAC ...
 * @dst_mac_mask:	... and its mask
 * @eth_type:		EtherType, host order; an address implies it
 * @vlan_id:		1..4094, the VLAN the switch put the frame in
 * @src_ip:		source prefix; with @dst_ip, of one family
 * @dst_ip:		destination prefix
 * @ip_proto:		IP protocol (IPv6: the last next header)
 * @src_port_min:	TCP, UDP or SCTP source ports @src_port_min..
 * @src_port_max:	@src_port_max (equal for one port)
 * @dst_port_min:	destination ports @dst_port_min..
 * @dst_port_max:	@dst_port_max
 * @icmp_type:		ICMP or ICMPv6 type
 * @icmp_code:		ICMP or ICMPv6 code
 * @tcp_flags:		byte 13 of the TCP header ...
 * @tcp_flags_mask:	... and the bits of it that count
 * @packets:		frames the rule decided (replies only)
 * @bytes:		their bytes, from the Ethernet header on
 *
 * A field's mask, prefix length and range maximum are part of the rule:
 * set them (xsw_acl_rule_parse() does; the kernel's replies hold them).
 * Requests leave out those that are what the kernel assumes without them
 * (all ones, the address's length, the minimum, 0xff).
 */
struct xsw_acl_rule_info {
	uint32_t id;
	uint32_t priority;
	uint8_t action;
	uint32_t match;
	uint8_t src_mac[6];
	uint8_t src_mac_mask[6];
	uint8_t dst_mac[6];
	uint8_t dst_mac_mask[6];
	uint16_t eth_type;
	uint16_t vlan_id;
	struct xsw_acl_prefix src_ip;
	struct xsw_acl_prefix dst_ip;
	uint8_t ip_proto;
	uint16_t src_port_min;
	uint16_t src_port_max;
	uint16_t dst_port_min;
	uint16_t dst_port_max;
	uint8_t icmp_type;
	uint8_t icmp_code;
	uint8_t tcp_flags;
	uint8_t tcp_flags_mask;
	uint64_t packets;
	uint64_t bytes;
};

/**
 * struct xsw_acl_info - the ACL of a port in one direction
 * @port_ifindex:	the port's netdevice
 * @port_ifname:	its name
 * @dir:		enum xsw_acl_dir
 * @default_action:	XSW_ACL_ACTION_ALLOW or _DENY: for frames no rule
 *			matches
 * @shapes:		the masks a lookup may probe: the classifier's cost
 */
struct xsw_acl_info {
	uint32_t port_ifindex;
	char port_ifname[IF_NAMESIZE];
	uint8_t dir;
	uint8_t default_action;
	uint32_t shapes;
};

/* Room for the text of any one rule value, with the NUL. */
#define XSW_ACL_VALUE_TEXT_LEN	64

/**
 * xsw_acl_rule_parse() - a rule from words, as "xsw acl add" takes them
 * @argc:    number of words
 * @argv:    "[priority N] action ACTION MATCH...", keyword and value
 *           pairs in any order: priority 0..4294967295 (default 100);
 *           action allow, deny or allow-stateful (required); and the
 *           match keywords of tc flower: src_mac and dst_mac ADDR[/MASK]
 *           (MASK a MAC or a length 0..48), eth_type ipv4, ipv6, arp or
 *           a number (0x hex), vlan_id 1..4094, src_ip and dst_ip
 *           ADDR[/LEN] (IPv4 or IPv6), ip_proto tcp, udp, icmp, icmpv6,
 *           sctp or 0..255, src_port and dst_port N or N-M, icmp_type and
 *           icmp_code 0..255, tcp_flags FLAGS[/MASK] (numbers like
 *           0x02/0x12, or names fin, syn, rst, psh, ack, urg, ece, cwr
 *           joined by commas like syn/syn,ack; no MASK: 0xff)
 * @rule:    filled on success (zeroed first)
 * @err:     on failure, why, e.g. "port range 90-80 is reversed"
 * @errlen:  room in @err; 128 is plenty
 *
 * Besides the syntax, it refuses what the kernel would: ports without
 * ip_proto tcp, udp or sctp, tcp_flags without tcp, ICMP fields without
 * icmp or icmpv6 (of the addresses' family), addresses of two families,
 * an eth_type that is not the addresses', ip_proto with an eth_type that
 * is not IP.
 *
 * Return: 0, or -EINVAL with @err set.
 */
int xsw_acl_rule_parse(int argc, char *const *argv,
		       struct xsw_acl_rule_info *rule, char *err,
		       size_t errlen);

/**
 * xsw_acl_rule_format() - a rule as the words xsw_acl_rule_parse() takes
 * @rule: the rule
 * @cb:   called once per keyword with its value as text (at most
 *        XSW_ACL_VALUE_TEXT_LEN with the NUL): "priority", "action", then
 *        each match keyword in the order of the XSW_ACL_MATCH_* bits.
 *        Masks, prefix lengths and range ends are left out where they
 *        are the default.  @key and @value are valid during the call
 *        only; a non-zero return stops and is returned.
 * @arg:  passed to @cb
 *
 * Return: 0, or what @cb returned.  Unknown actions are written as
 * numbers, which xsw_acl_rule_parse() does not take back.
 */
int xsw_acl_rule_format(const struct xsw_acl_rule_info *rule,
			int (*cb)(const char *key, const char *value,
				  void *arg),
			void *arg);

/**
 * xsw_acl_add() - add a rule to a port's ACL
 * @h:    handle
 * @port: netdevice name of the port
 * @dir:  XSW_ACL_DIR_IN or XSW_ACL_DIR_OUT
 * @rule: the rule; its @id and counters are ignored
 * @out:  when not NULL, filled with the rule as the kernel stored it,
 *        @out->id the id it was given
 *
 * Each add rebuilds the direction's classifier: load many rules with
 * xsw_acl_replace().  Needs CAP_NET_ADMIN.  Return: 0 or a negative
 * errno; -EINVAL without asking the kernel for match bits outside
 * XSW_ACL_MATCH_ALL or an address family other than AF_INET and
 * AF_INET6.
 */
int xsw_acl_add(struct xsw_handle *h, const char *port, uint8_t dir,
		const struct xsw_acl_rule_info *rule,
		struct xsw_acl_rule_info *out);

/**
 * xsw_acl_del() - delete a rule
 * @h:    handle
 * @port: netdevice name of the port
 * @dir:  the direction the rule must be in, or 0 for either
 * @id:   the rule's id
 *
 * Needs CAP_NET_ADMIN.  Return: 0 or a negative errno; -ENOENT when the
 * port has no such rule.
 */
int xsw_acl_del(struct xsw_handle *h, const char *port, uint8_t dir,
		uint32_t id);

/**
 * xsw_acl_dump() - call @cb for every port ACL and every rule
 * @h:    handle
 * @port: only this port's ACLs; NULL: of every port of every switch in
 *        the namespace, which leaves out the directions that have no rule
 *        and the default action allow
 * @dir:  only this direction, or 0 for both
 * @cb:   called once per port and direction with @rule NULL, then once
 *        per rule of it, in evaluation order, with the same @acl; @acl
 *        and @rule are valid during the call only
 * @arg:  passed to @cb
 *
 * As xsw_switch_dump(): a non-zero return of @cb stops the walk and is
 * returned; -EINTR means the ACLs changed during the dump: try again.
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno.
 */
int xsw_acl_dump(struct xsw_handle *h, const char *port, uint8_t dir,
		 int (*cb)(const struct xsw_acl_info *acl,
			   const struct xsw_acl_rule_info *rule, void *arg),
		 void *arg);

/**
 * xsw_acl_flush() - delete a port's rules; the default actions stay
 * @h:    handle
 * @port: netdevice name of the port
 * @dir:  one direction, or 0 for both
 *
 * Needs CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_acl_flush(struct xsw_handle *h, const char *port, uint8_t dir);

/**
 * xsw_acl_set_default() - set the action for frames no rule matches
 * @h:      handle
 * @port:   netdevice name of the port
 * @dir:    XSW_ACL_DIR_IN or XSW_ACL_DIR_OUT
 * @action: XSW_ACL_ACTION_ALLOW (the initial one) or XSW_ACL_ACTION_DENY
 *
 * Needs CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_acl_set_default(struct xsw_handle *h, const char *port, uint8_t dir,
			uint8_t action);

/**
 * xsw_acl_replace() - swap a port and direction's whole rule set
 * @h:       handle
 * @port:    netdevice name of the port
 * @dir:     XSW_ACL_DIR_IN or XSW_ACL_DIR_OUT
 * @rules:   the new rules, in the order they get their ids; their @id and
 *           counters are ignored
 * @n:       entries in @rules, 0..XSW_ACL_RULES_MAX (0 deletes them all)
 * @default_action: XSW_ACL_ACTION_ALLOW or _DENY, swapped in with the
 *           rules; negative keeps the current one
 * @bad:     when not NULL and the call fails, set to the index in @rules
 *           of the rule the kernel refused, or to @n when the failure is
 *           not about one rule
 *
 * One request, in one step: each frame meets the old set or the new one.
 * The rules go in several attributes of at most 64 KiB; 10,000 rules
 * make a request of some 500 KB (an address and a port each) to 2.1 MB
 * (every field), and the library enlarges the socket's send buffer for
 * it (past net.core.wmem_max when it has CAP_NET_ADMIN in the initial
 * namespace).  Dump to learn the new ids.  Needs CAP_NET_ADMIN.
 *
 * Return: 0 or a negative errno; -ENOSPC without asking the kernel for
 * more than XSW_ACL_RULES_MAX rules, -EINVAL as xsw_acl_add().
 */
int xsw_acl_replace(struct xsw_handle *h, const char *port, uint8_t dir,
		    const struct xsw_acl_rule_info *rules, size_t n,
		    int default_action, size_t *bad);

/* Port QoS ------------------------------------------------------------ */

/**
 * struct xsw_qos_limit_info - a port's rate limit in one direction
 * @set:		the port has a limit in this direction
 * @max_rate:		bits/s
 * @burst:		bytes, the kernel's default filled in
 * @dropped_packets:	frames above the rate, dropped
 * @dropped_bytes:	their bytes
 */
struct xsw_qos_limit_info {
	bool set;
	uint64_t max_rate;
	uint32_t burst;
	uint64_t dropped_packets;
	uint64_t dropped_bytes;
};

/**
 * struct xsw_qos_info - a port's QoS, as XSW_CMD_QOS_GET reports it
 * @port_ifindex:	the port's netdevice
 * @port_ifname:	its name
 * @switch_ifindex:	the switch's netdevice
 * @switch_ifname:	its name
 * @min_rate:		the guarantee in bits/s, or 0
 * @min_weight:		the guarantee as a weight 1..100, or 0
 * @htb_class:		the port's HTB class minor (with a guarantee), or 0
 * @htb_major:		the handle of the uplink's HTB qdisc (with a
 *			guarantee or a link rate), or 0
 * @link_rate:		the external port's uplink capacity, bits/s, or 0
 * @limit:		the limits, [0] in (into the switch), [1] out
 */
struct xsw_qos_info {
	uint32_t port_ifindex;
	char port_ifname[IF_NAMESIZE];
	uint32_t switch_ifindex;
	char switch_ifname[IF_NAMESIZE];
	uint64_t min_rate;
	uint32_t min_weight;
	uint32_t htb_class;
	uint16_t htb_major;
	uint64_t link_rate;
	struct xsw_qos_limit_info limit[2];
};

/* Which fields of struct xsw_qos_config xsw_qos_set() sends. */
enum {
	XSW_QOS_CFG_MAX		= 1u << 0,	/* @dir, @max_rate */
	XSW_QOS_CFG_BURST	= 1u << 1,	/* with _MAX only */
	XSW_QOS_CFG_MIN_RATE	= 1u << 2,
	XSW_QOS_CFG_MIN_WEIGHT	= 1u << 3,
	XSW_QOS_CFG_LINK_RATE	= 1u << 4,

	XSW_QOS_CFG_ALL		= (1u << 5) - 1,
};

/**
 * struct xsw_qos_config - a change of a port's QoS
 * @set:	XSW_QOS_CFG_* bits: the fields below to send
 * @dir:	XSW_ACL_DIR_IN or _OUT: the limit's direction
 * @max_rate:	bits/s, 1..XSW_QOS_RATE_MAX
 * @burst:	bytes, 1..XSW_QOS_BURST_MAX; unset, the kernel picks 300 ms
 * @min_rate:	bits/s, vm and internal ports
 * @min_weight:	1..XSW_QOS_WEIGHT_MAX, vm and internal ports
 * @link_rate:	bits/s, the external port
 */
struct xsw_qos_config {
	uint32_t set;
	uint8_t dir;
	uint64_t max_rate;
	uint32_t burst;
	uint64_t min_rate;
	uint32_t min_weight;
	uint64_t link_rate;
};

/**
 * xsw_qos_set() - set a port's limit, guarantee and/or link rate
 * @h:    handle
 * @port: netdevice name of the port
 * @cfg:  what to set
 *
 * All or nothing.  Checked here first (zero rates, weights out of range,
 * MIN_RATE with MIN_WEIGHT, BURST without MAX): -EINVAL and a message,
 * without asking the kernel.  This changes the kernel only: when it
 * touches a guarantee or the link rate, call xsw_qos_check() before it
 * (the uplink's total) and xsw_qos_sync() after it (the HTB tree).
 * Needs CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_qos_set(struct xsw_handle *h, const char *port,
		const struct xsw_qos_config *cfg);

/* What xsw_qos_del() removes; 0 is everything the port has. */
enum {
	XSW_QOS_DEL_MAX		= 1u << 0,	/* both limits, or @dir's */
	XSW_QOS_DEL_MIN		= 1u << 1,
	XSW_QOS_DEL_LINK	= 1u << 2,
};

/**
 * xsw_qos_del() - remove a port's limits, guarantee and/or link rate
 * @h:    handle
 * @port: netdevice name of the port
 * @what: XSW_QOS_DEL_* bits, or 0 for everything the port has
 * @dir:  with XSW_QOS_DEL_MAX: XSW_ACL_DIR_IN or _OUT for that limit
 *        only, 0 for both
 *
 * Naming what the port does not have is refused (-ENOENT) and removes
 * nothing.  Needs CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_qos_del(struct xsw_handle *h, const char *port, unsigned int what,
		uint8_t dir);

/**
 * xsw_qos_get() - read one port's QoS
 * @h:    handle
 * @port: netdevice name of the port
 * @out:  filled on success
 *
 * Return: 0 or a negative errno.
 */
int xsw_qos_get(struct xsw_handle *h, const char *port,
		struct xsw_qos_info *out);

/**
 * xsw_qos_dump() - call @cb for every port with any QoS
 * @h:   handle
 * @sw:  only the ports of this switch; NULL: every switch
 * @cb:  called once per port; @qos is valid during the call only
 * @arg: passed to @cb
 *
 * As xsw_port_dump(): a non-zero return of @cb stops the walk and is
 * returned; -EINTR means the ports changed during the dump.
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno.
 */
int xsw_qos_dump(struct xsw_handle *h, const char *sw,
		 int (*cb)(const struct xsw_qos_info *qos, void *arg),
		 void *arg);

/**
 * xsw_qos_rate_parse() - a rate in tc's units, to bits/s
 * @text: e.g. "100mbit", "1.5gbit", "125kbps" (bytes/s), "10mibit",
 *        "1000" (bits/s); the units of iproute2's get_rate()
 * @bps:  the rate
 *
 * Return: 0, or -EINVAL for no number, an unknown unit or a negative
 * rate, -ERANGE above 2^64-1.  Zero is returned as 0: the caller refuses.
 */
int xsw_qos_rate_parse(const char *text, uint64_t *bps);

/**
 * xsw_qos_size_parse() - a size in tc's units, to bytes
 * @text:  e.g. "64k", "1mb", "1500b", "1500", "512kbit"; iproute2's
 *         get_size() units (k, m, g are 1024-based, as in tc)
 * @bytes: the size
 *
 * Return: 0, -EINVAL or -ERANGE (above 2^32-1).
 */
int xsw_qos_size_parse(const char *text, uint32_t *bytes);

/**
 * xsw_qos_rate_format() - a rate as tc prints it ("100Mbit", "1500bit")
 * @bps: bits/s
 * @buf: where to write
 * @len: its size; 16 is enough
 *
 * Return: @buf.
 */
char *xsw_qos_rate_format(uint64_t bps, char *buf, size_t len);

/**
 * struct xsw_qos_share - one port's guarantee, for xsw_qos_htb_plan()
 * @minor:	the port's HTB class minor
 * @min_rate:	bits/s, or 0
 * @min_weight:	1..100, or 0 (when @min_rate is 0)
 * @rate:	out: the class's rate, bits/s
 */
struct xsw_qos_share {
	uint32_t minor;
	uint64_t min_rate;
	uint32_t min_weight;
	uint64_t rate;
};

/**
 * xsw_qos_htb_plan() - the rates of the uplink's HTB classes
 * @link:         the uplink's capacity, bits/s
 * @shares:       the ports with a guarantee; their @rate is filled in
 * @n:            how many
 * @default_rate: out: the rate of the default class (ports without a
 *                guarantee): max(link / 100, what the others leave)
 *
 * A rate guarantee gets its rate; weights share what the rates and the
 * default class's link / 100 leave, in proportion (at least 8 bit/s
 * each).  Every class's ceil is @link.  A pure function.
 *
 * Return: 0, or -ERANGE when the rates add up to more than @link.
 */
int xsw_qos_htb_plan(uint64_t link, struct xsw_qos_share *shares, size_t n,
		     uint64_t *default_rate);

/**
 * xsw_qos_sync() - make the uplink's HTB tree match the guarantees
 * @h:  handle
 * @sw: the switch
 *
 * Reads every port's QoS on @sw and, over rtnetlink, makes the external
 * port's device carry exactly: qdisc root MAJOR: htb default 2; class
 * MAJOR:1 rate LINK; class MAJOR:2 (the default); a class MAJOR:CLASS per
 * port with a guarantee (see xsw_qos_htb_plan()); every ceil LINK; other
 * classes under MAJOR: are deleted.  LINK is the external port's link
 * rate, else the speed the device reports (ethtool; a veth says 10Gbit).  With no guarantee, an HTB root
 * of handle MAJOR: is deleted and any other root qdisc left alone; with
 * guarantees, another root qdisc is replaced.  No external port: nothing
 * to do.  Needs CAP_NET_ADMIN.
 *
 * Return: 0 or a negative errno, with xsw_errmsg() saying why (e.g. no
 * link rate and no device speed).
 */
int xsw_qos_sync(struct xsw_handle *h, const char *sw);

/**
 * xsw_qos_release() - remove xswitch's HTB tree from a former uplink
 * @h:     handle
 * @dev:   the device, no longer the external port of a switch
 * @major: the tree's handle (XSW_A_QOS_HTB_MAJOR), 0 for the default
 *
 * Deletes @dev's root qdisc if it is an HTB of handle @major:, and leaves
 * any other alone.  Needs CAP_NET_ADMIN.  Return: 0 or a negative errno.
 */
int xsw_qos_release(struct xsw_handle *h, const char *dev, uint16_t major);

/**
 * xsw_qos_check() - could xsw_qos_sync() build the tree after a change?
 * @h:    handle
 * @port: the port to be changed
 * @cfg:  a change xsw_qos_set() is to make, or NULL for a removal
 * @del:  with @cfg NULL: the XSW_QOS_DEL_* bits xsw_qos_del() is to get
 *        (0: everything)
 *
 * Reads @port's switch and applies the change to what it read.  When
 * the switch has an external port and some port would have a guarantee,
 * refuses with -ERANGE when the rate guarantees would add up to more than
 * the uplink's capacity ("guarantees total 120Mbit, more than the
 * uplink's 100Mbit"), and with -EINVAL when the capacity is not known (no
 * link rate, no device speed).  Call it before the change, so that a
 * refused change changes nothing.
 *
 * Return: 0 or a negative errno.
 */
int xsw_qos_check(struct xsw_handle *h, const char *port,
		  const struct xsw_qos_config *cfg, unsigned int del);

/* Packet samples ------------------------------------------------------ */

/*
 * A listener of the kernel's "psample" generic netlink family, which
 * xswitch's sample extension and tc's act_sample feed.  It has a handle of
 * its own and does not need the xswitch module.
 */
struct xsw_sample_handle;

/**
 * struct xsw_sample - one sampled packet
 * @group:	   the psample group it was sent to
 * @seq:	   its sequence number within the group
 * @rate:	   one packet in @rate was sampled
 * @origsize:	   the packet's length before truncation
 * @in_ifindex:	   the device it came in on, 0 when not known
 * @out_ifindex:   the device it was going out of, 0 when not known
 * @timestamp_ns:  when it was sampled, ns since the epoch (the kernel's
 *		   time when it sent one, else when it was received)
 * @data:	   the packet from its Ethernet header, maybe truncated;
 *		   valid during the callback only
 * @len:	   bytes at @data
 */
struct xsw_sample {
	uint32_t group;
	uint32_t seq;
	uint32_t rate;
	uint32_t origsize;
	uint32_t in_ifindex;
	uint32_t out_ifindex;
	uint64_t timestamp_ns;
	const uint8_t *data;
	uint32_t len;
};

/**
 * xsw_sample_open() - start listening for packet samples
 * @hp: where to store the new handle
 *
 * Joins the "packets" group of the "psample" family in the network
 * namespace the calling thread is in.
 *
 * Return: 0 and *@hp set, or a negative errno and *@hp NULL; -ENOENT when
 * the family is not registered (the psample module is not loaded).
 * Describe a failure with xsw_sample_strerror_open().
 */
int xsw_sample_open(struct xsw_sample_handle **hp);

/**
 * xsw_sample_strerror_open() - describe an error of xsw_sample_open()
 * @err: the negative errno it returned
 *
 * Return: a static string, e.g. for -ENOENT
 * "psample family not found; try: modprobe psample".
 */
const char *xsw_sample_strerror_open(int err);

/**
 * xsw_sample_set_group() - receive the samples of one group only
 * @h:     handle
 * @group: the psample group
 */
void xsw_sample_set_group(struct xsw_sample_handle *h, uint32_t group);

/**
 * xsw_sample_fd() - the socket, to poll() for POLLIN
 * @h: handle
 *
 * Return: a file descriptor that stays the handle's; it is blocking
 * unless the caller sets O_NONBLOCK.
 */
int xsw_sample_fd(const struct xsw_sample_handle *h);

/**
 * xsw_sample_recv() - read one datagram and call @cb for its samples
 * @h:   handle
 * @cb:  called once per sample; @s and @s->data are valid during the
 *       call only; a non-zero return stops and is returned
 * @arg: passed to @cb
 *
 * Waits for a datagram unless the socket is non-blocking.  A datagram
 * may carry no sample for the caller (another group).
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno:
 * -ENOBUFS when samples were lost because they came faster than they
 * were read (the handle stays usable), -EAGAIN, -EINTR.
 */
int xsw_sample_recv(struct xsw_sample_handle *h,
		    int (*cb)(const struct xsw_sample *s, void *arg),
		    void *arg);

/**
 * xsw_sample_close() - leave the group and free the handle
 * @h: handle from xsw_sample_open(), or NULL
 */
void xsw_sample_close(struct xsw_sample_handle *h);

/**
 * xsw_pcap_write_header() - start a pcap file
 * @f: the file, at its beginning
 *
 * A classic (microsecond) pcap header: link type Ethernet, snap length
 * 65535, in host byte order.
 *
 * Return: 0 or a negative errno.
 */
int xsw_pcap_write_header(FILE *f);

/**
 * xsw_pcap_write() - append a sample to a pcap file
 * @f: the file, after xsw_pcap_write_header()
 * @s: the sample: its time, @s->data (at most 65535 bytes of it) and, as
 *     the original length, @s->origsize
 *
 * Return: 0 or a negative errno.
 */
int xsw_pcap_write(FILE *f, const struct xsw_sample *s);

/* Network virtualisation ---------------------------------------------- */

/*
 * The control plane of HNV-style network virtualisation: routing domains
 * (vnets), virtual subnets (VSIDs), switches' provider addresses (PAs),
 * ports' VSIDs with their customer addresses (CAs), and CA-PA mappings.
 * The data path does not use them yet; the mapping hit counters stay 0.
 */

/**
 * struct xsw_vaddr - an IPv4 or IPv6 address
 * @family: AF_INET (the first 4 bytes of @addr) or AF_INET6
 * @addr:   network byte order
 */
struct xsw_vaddr {
	uint8_t family;
	uint8_t addr[16];
};

/* @len: prefix length, 0..32 or 0..128 */
struct xsw_vprefix {
	struct xsw_vaddr addr;
	uint8_t len;
};

/**
 * xsw_vaddr_parse() - "10.1.1.11" or "2001:db8::1" into @a
 * Return: 0 or -EINVAL.
 */
int xsw_vaddr_parse(const char *text, struct xsw_vaddr *a);
/* "10.1.1.0/24" into @p; -EINVAL when malformed. */
int xsw_vprefix_parse(const char *text, struct xsw_vprefix *p);
/* @a as text into @buf of at least 46 bytes; returns @buf. */
const char *xsw_vaddr_str(const struct xsw_vaddr *a, char *buf, size_t len);

/* struct xsw_vnet_info - a routing domain, as XSW_CMD_VNET_GET reports it */
struct xsw_vnet_info {
	char name[XSW_VNET_NAME_LEN];
	uint32_t rdid;
	uint32_t num_vsubnets;
	uint64_t gen;
};

int xsw_vnet_add(struct xsw_handle *h, const char *name, uint32_t rdid);
int xsw_vnet_del(struct xsw_handle *h, const char *name);
int xsw_vnet_get(struct xsw_handle *h, const char *name,
		 struct xsw_vnet_info *info);
int xsw_vnet_dump(struct xsw_handle *h,
		  int (*cb)(const struct xsw_vnet_info *vnet, void *arg),
		  void *arg);

/**
 * struct xsw_vsubnet_stats - a virtual subnet's traffic on this host
 *	(XSW_A_VSUBNET_STATS); bytes from the (inner) Ethernet header
 * @in_packets:	frames its ports sent into the switch, past their checks
 * @in_bytes:	their bytes
 * @out_packets: frames delivered to its ports, one per copy
 * @out_bytes:	their bytes
 * @encap_packets: frames sent into the tunnel, one per remote PA
 * @encap_bytes: their bytes, before encapsulation
 * @decap_packets: frames received from the tunnel and accepted
 * @decap_bytes: their bytes, after decapsulation
 */
struct xsw_vsubnet_stats {
	uint64_t in_packets;
	uint64_t in_bytes;
	uint64_t out_packets;
	uint64_t out_bytes;
	uint64_t encap_packets;
	uint64_t encap_bytes;
	uint64_t decap_packets;
	uint64_t decap_bytes;
};

/**
 * struct xsw_vsubnet_info - a virtual subnet
 * @vsid:	XSW_VSID_MIN..XSW_VSID_MAX
 * @vnet:	its routing domain's name
 * @rdid:	its routing domain's id (read-only)
 * @n_prefixes:	entries of @prefixes; 0: layer 2 only
 * @prefixes:	its prefixes
 * @has_gateway: @gateway is set (for xsw_vsubnet_add(): given; else the
 *		kernel picks the default)
 * @gateway:	the distributed router's address
 * @encap:	enum xsw_encap; 0 in xsw_vsubnet_add(): VXLAN
 * @num_ports, @num_maps, @num_pas, @gen: read-only
 * @has_stats:	@stats came with it (read-only)
 * @stats:	its counters (read-only)
 */
struct xsw_vsubnet_info {
	uint32_t vsid;
	char vnet[XSW_VNET_NAME_LEN];
	uint32_t rdid;
	unsigned int n_prefixes;
	struct xsw_vprefix prefixes[XSW_VSUBNET_PREFIXES_MAX];
	bool has_gateway;
	struct xsw_vaddr gateway;
	uint8_t encap;
	uint32_t num_ports;
	uint32_t num_maps;
	uint32_t num_pas;
	uint64_t gen;
	bool has_stats;
	struct xsw_vsubnet_stats stats;
};

int xsw_vsubnet_add(struct xsw_handle *h, const struct xsw_vsubnet_info *vs);
int xsw_vsubnet_del(struct xsw_handle *h, uint32_t vsid);
int xsw_vsubnet_get(struct xsw_handle *h, uint32_t vsid,
		    struct xsw_vsubnet_info *info);
int xsw_vsubnet_dump(struct xsw_handle *h,
		     int (*cb)(const struct xsw_vsubnet_info *vs, void *arg),
		     void *arg);

/* struct xsw_pa_info - a provider address of a switch */
struct xsw_pa_info {
	uint32_t switch_ifindex;
	char switch_ifname[IF_NAMESIZE];
	struct xsw_vaddr addr;
	uint64_t gen;
};

int xsw_pa_add(struct xsw_handle *h, const char *sw,
	       const struct xsw_vaddr *addr);
int xsw_pa_del(struct xsw_handle *h, const char *sw,
	       const struct xsw_vaddr *addr);
int xsw_pa_dump(struct xsw_handle *h,
		int (*cb)(const struct xsw_pa_info *pa, void *arg), void *arg);

/* struct xsw_vport_info - a port in a VSID with its CAs */
struct xsw_vport_info {
	uint32_t ifindex;
	char ifname[IF_NAMESIZE];
	uint32_t vsid;
	unsigned int n_cas;
	struct xsw_vaddr cas[XSW_VPORT_CAS_MAX];
	uint64_t gen;
};

/**
 * xsw_vport_set() - a port joins a VSID with its CAs, or leaves (@vsid 0,
 * @n_cas 0)
 */
int xsw_vport_set(struct xsw_handle *h, const char *port, uint32_t vsid,
		  const struct xsw_vaddr *cas, unsigned int n_cas);
int xsw_vport_dump(struct xsw_handle *h,
		   int (*cb)(const struct xsw_vport_info *vp, void *arg),
		   void *arg);

/**
 * struct xsw_map_info - a CA-PA mapping
 * @vsid, @ca, @mac, @pa: the mapping
 * @rdid, @gen: read-only
 * @hits: frames the data path sent by it; 0 until there is a data path
 */
struct xsw_map_info {
	uint32_t vsid;
	struct xsw_vaddr ca;
	uint8_t mac[6];
	struct xsw_vaddr pa;
	uint32_t rdid;
	uint64_t gen;
	uint64_t hits;
};

int xsw_map_add(struct xsw_handle *h, const struct xsw_map_info *m);
int xsw_map_del(struct xsw_handle *h, uint32_t vsid,
		const struct xsw_vaddr *ca);
/* Every mapping, or @vsid's (when not 0). */
int xsw_map_dump(struct xsw_handle *h, uint32_t vsid,
		 int (*cb)(const struct xsw_map_info *m, void *arg),
		 void *arg);
int xsw_map_flush(struct xsw_handle *h, uint32_t vsid);

/**
 * xsw_map_add_bulk() - add @n mappings in one request, all or none
 * @h: handle
 * @maps: the mappings
 * @n: their number
 * @bad: when not NULL and the kernel refused one mapping, its index (else
 *	@n)
 *
 * Return: 0 or a negative errno.
 */
int xsw_map_add_bulk(struct xsw_handle *h, const struct xsw_map_info *maps,
		     size_t n, size_t *bad);

#ifdef __cplusplus
}
#endif

#endif /* XSWITCH_H */
