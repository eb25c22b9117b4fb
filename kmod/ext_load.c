// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: loading an extension's module on demand.
 *
 * XSW_CMD_EXT_ATTACH may name an extension whose module is not loaded yet.
 * Its handler cannot load the module itself: generic netlink holds its
 * cb_lock for reading around every handler, and a module that registers a
 * genl family of its own, or needs one that does (xsw_sample needs
 * psample), takes that lock for writing in its init; request_module() from
 * the handler would wait forever.  So the handler starts the load on a
 * work item and answers -EAGAIN, and the caller asks again (libxswitch
 * does, for up to 10 s).  A load that ended without the extension ever
 * registering is remembered for the next request, which then gets
 * -ENOENT; one whose extension registered (and may have gone again since,
 * by rmmod) is simply forgotten.
 *
 * The records are on xsw_ext_loads under RTNL; the work item writes its
 * outcome under RTNL too.  A record is freed under RTNL once its work is
 * done; the module's exit drains the workqueue first.
 */

#include <linux/kmod.h>
#include <linux/workqueue.h>

#include "xswitch.h"

#define XSW_EXT_MAX_LOADS	16		/* loads in flight at once */
#define XSW_EXT_LOAD_KEEP	(30 * HZ)	/* how long a failure is kept */

/**
 * struct xsw_ext_load - one request_module() of an extension
 * @node: in xsw_ext_loads (RTNL)
 * @work: runs request_module()
 * @started: jiffies when it was asked for
 * @done: request_module() returned (RTNL)
 * @registered: the extension registered since the load started (RTNL)
 * @name: the extension's name
 */
struct xsw_ext_load {
	struct list_head node;
	struct work_struct work;
	unsigned long started;
	bool done;
	bool registered;
	char name[XSW_EXT_NAME_LEN];
};

static LIST_HEAD(xsw_ext_loads);
static struct workqueue_struct *xsw_ext_load_wq;

static void load_work(struct work_struct *work)
{
	struct xsw_ext_load *l = container_of(work, struct xsw_ext_load, work);

	request_module("xswitch-ext-%s", l->name);
	rtnl_lock();
	l->done = true;
	rtnl_unlock();
}

static void load_free(struct xsw_ext_load *l)
{
	list_del(&l->node);
	kfree(l);
}

/**
 * xsw_ext_ops_load - a registered extension by name, loading it if need be
 * @name: a valid name (xsw_ext_name_valid())
 * @extack: where to say why not
 *
 * Context: RTNL held.
 * Return: the extension; ERR_PTR(-EAGAIN) while its module is loading;
 * ERR_PTR(-ENOENT) when loading it did not register it; ERR_PTR(-EBUSY)
 * when too many loads are in flight.  @extack is set on errors.
 */
const struct xsw_ext_ops *xsw_ext_ops_load(const char *name,
					   struct netlink_ext_ack *extack)
{
	struct xsw_ext_load *l, *tmp, *mine = NULL;
	struct xsw_ext_reg *reg;
	unsigned int n = 0;

	ASSERT_RTNL();
	list_for_each_entry_safe(l, tmp, &xsw_ext_loads, node) {
		if (l->done &&
		    time_after(jiffies, l->started + XSW_EXT_LOAD_KEEP))
			load_free(l);
		else if (!strcmp(l->name, name))
			mine = l;
		else
			n++;
	}

	/* A finished load that did register: it tells nothing any more. */
	if (mine && mine->done && mine->registered) {
		load_free(mine);
		mine = NULL;
	}
	reg = xsw_ext_reg_find(name);
	if (reg)
		return reg->ops;
	if (mine && mine->done) {
		load_free(mine);
		NL_SET_ERR_MSG(extack, "no such extension: no module registered it");
		return ERR_PTR(-ENOENT);
	}
	if (mine) {
		NL_SET_ERR_MSG(extack, "the extension's module is loading; try again");
		return ERR_PTR(-EAGAIN);
	}
	if (n >= XSW_EXT_MAX_LOADS) {
		NL_SET_ERR_MSG(extack, "too many extension modules are loading; try again");
		return ERR_PTR(-EBUSY);
	}

	l = kzalloc(sizeof(*l), GFP_KERNEL);
	if (!l)
		return ERR_PTR(-ENOMEM);
	strscpy(l->name, name, sizeof(l->name));
	l->started = jiffies;
	INIT_WORK(&l->work, load_work);
	list_add_tail(&l->node, &xsw_ext_loads);
	queue_work(xsw_ext_load_wq, &l->work);
	NL_SET_ERR_MSG(extack, "the extension's module is loading; try again");
	return ERR_PTR(-EAGAIN);
}

/* Context: RTNL held.  @name just registered: its load, if any, worked. */
void xsw_ext_load_registered(const char *name)
{
	struct xsw_ext_load *l;

	ASSERT_RTNL();
	list_for_each_entry(l, &xsw_ext_loads, node)
		if (!strcmp(l->name, name))
			l->registered = true;
}

int xsw_ext_load_init(void)
{
	xsw_ext_load_wq = alloc_workqueue("xsw_ext_load", WQ_UNBOUND, 0);
	return xsw_ext_load_wq ? 0 : -ENOMEM;
}

/* Context: module exit, after the genl family is gone. */
void xsw_ext_load_uninit(void)
{
	struct xsw_ext_load *l, *tmp;

	destroy_workqueue(xsw_ext_load_wq);	/* waits for every load */
	rtnl_lock();
	list_for_each_entry_safe(l, tmp, &xsw_ext_loads, node)
		load_free(l);
	rtnl_unlock();
}
