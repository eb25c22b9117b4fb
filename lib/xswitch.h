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

#ifdef __cplusplus
}
#endif

#endif /* XSWITCH_H */
