// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: module init and exit, in order.
 *
 * Exit unregisters the netlink family first, so no new switch can appear,
 * then the link type, which deletes every remaining switch (and with it
 * every port and PA, and with the PAs the tunnel devices) in every
 * namespace, then the network virtualisation store of every namespace and
 * the notifier that watches the tunnel devices, and waits for the RCU
 * callbacks that free them before the FDB cache goes.
 */

#include <linux/module.h>

#include "xswitch.h"
#include "fdb.h"

static int __init xsw_init(void)
{
	int err;

	err = xsw_fdb_cache_init();
	if (err)
		return err;
	err = xsw_vtun_init();
	if (err)
		goto err_fdb;
	err = xsw_gre_init();
	if (err)
		goto err_vtun;
	err = xsw_vnet_init();
	if (err)
		goto err_gre;
	err = rtnl_link_register(&xsw_link_ops);
	if (err)
		goto err_vnet;
	/* The last link type: the NVGRE code finds rtnetlink's list by it. */
	err = xsw_gre_link_register(&xsw_iport_link_ops);
	if (err)
		goto err_link;
	err = xsw_port_notifier_init();
	if (err)
		goto err_iport;
	err = xsw_ext_load_init();
	if (err)
		goto err_notifier;
	err = xsw_nl_init();
	if (err)
		goto err_load;
	return 0;

err_load:
	xsw_ext_load_uninit();
err_notifier:
	xsw_port_notifier_uninit();
err_iport:
	rtnl_link_unregister(&xsw_iport_link_ops);
err_link:
	rtnl_link_unregister(&xsw_link_ops);
err_vnet:
	xsw_vnet_uninit();
err_gre:
	xsw_gre_uninit();
err_vtun:
	xsw_vtun_uninit();
err_fdb:
	xsw_fdb_cache_uninit();
	return err;
}

static void __exit xsw_exit(void)
{
	xsw_nl_uninit();
	xsw_ext_load_uninit();
	rtnl_link_unregister(&xsw_link_ops);
	rtnl_link_unregister(&xsw_iport_link_ops);
	xsw_port_notifier_uninit();
	xsw_vnet_uninit();
	xsw_gre_uninit();
	xsw_vtun_uninit();
	rcu_barrier();
	xsw_fdb_cache_uninit();
}

module_init(xsw_init);
module_exit(xsw_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("xswitch: extensible layer-2 virtual switch");
MODULE_AUTHOR("The xswitch developers");
MODULE_ALIAS_RTNL_LINK(XSW_LINK_KIND);
MODULE_ALIAS_GENL_FAMILY(XSW_GENL_NAME);
