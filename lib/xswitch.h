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
 * so its messages ("no such device", "device is not an xswitch") reach
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
 */
struct xsw_switch_info {
	uint32_t ifindex;
	char ifname[IF_NAMESIZE];
	uint32_t mtu;
	uint8_t address[6];
	uint8_t operstate;
	bool up;
	uint32_t num_ports;
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

#ifdef __cplusplus
}
#endif

#endif /* XSWITCH_H */
