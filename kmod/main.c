// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: module init and exit, in order.
 *
 * Exit unregisters the netlink family first, so no new switch can appear,
 * then the link type, which deletes every remaining switch in every
 * namespace.
 */

#include <linux/module.h>

#include "xswitch.h"

static int __init xsw_init(void)
{
	int err;

	err = rtnl_link_register(&xsw_link_ops);
	if (err)
		return err;

	err = xsw_nl_init();
	if (err)
		goto err_link;

	return 0;

err_link:
	rtnl_link_unregister(&xsw_link_ops);
	return err;
}

static void __exit xsw_exit(void)
{
	xsw_nl_uninit();
	rtnl_link_unregister(&xsw_link_ops);
	rcu_barrier();
}

module_init(xsw_init);
module_exit(xsw_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("xswitch: extensible layer-2 virtual switch");
MODULE_AUTHOR("The xswitch developers");
MODULE_ALIAS_RTNL_LINK(XSW_LINK_KIND);
MODULE_ALIAS_GENL_FAMILY(XSW_GENL_NAME);
