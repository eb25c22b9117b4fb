/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xswitch: the in-kernel interface for companion modules.
 *
 * Installed by "make install" under $(PREFIX)/src/xswitch/include, together
 * with the Module.symvers an out-of-tree extension links against.
 */
#ifndef _NET_XSWITCH_H
#define _NET_XSWITCH_H

#include <linux/netdevice.h>

/* Bumped whenever this interface changes incompatibly. */
#define XSW_API_VERSION		1

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
