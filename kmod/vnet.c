// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch network virtualisation: the per-namespace store, routing
 * domains (vnets), virtual subnets, provider addresses and ports' VSIDs.
 * Locking and lifetimes: "DOC: Locking" in vnet.h.
 *
 * Lifetimes.  A vnet lives until deleted, which is refused while it has
 * vsubnets; a vsubnet until deleted, refused while ports are in it, and
 * its mappings go with it.  A PA goes with its switch.  A port leaves its
 * VSID when it is deleted.  At namespace exit (after every switch of the
 * namespace, and with them every port, is gone) and at rmmod everything
 * left is freed.
 */

#include <linux/inetdevice.h>
#include <net/addrconf.h>
#include <net/netns/generic.h>

#include "vnet.h"

static unsigned int vnet_net_id __read_mostly;

struct xsw_vnet_store *xsw_vnet_store(const struct net *net)
{
	return net_generic(net, vnet_net_id);
}

/* 02:15:5d:ff:ff:fe; see vnet.h */
const u8 xsw_vnet_router_mac[ETH_ALEN] __aligned(2) = {
	0x02, 0x15, 0x5d, 0xff, 0xff, 0xfe
};

/* The generation of a change being made now. */
u64 xsw_vnet_gen_next(struct xsw_vnet_store *s)
{
	xsw_vnet_assert();
	return ++s->gen;
}

/* ------------------------------------------------------------ addresses */

bool xsw_vaddr_is_v4(const struct in6_addr *addr)
{
	return ipv6_addr_v4mapped(addr);
}

/**
 * xsw_vaddr_get - an address attribute, 4 or 16 bytes, as an in6_addr
 * @attr: the attribute; its length was checked by the policy
 * @addr: the address, IPv4 mapped
 * @extack: where to say why not
 *
 * Return: 0, or -EINVAL for an IPv4-mapped IPv6 address (it would be the
 * same key as the IPv4 one).
 */
int xsw_vaddr_get(const struct nlattr *attr, struct in6_addr *addr,
		  struct netlink_ext_ack *extack)
{
	if (nla_len(attr) == 4) {
		ipv6_addr_set_v4mapped(nla_get_in_addr(attr), addr);
		return 0;
	}
	if (nla_len(attr) != 16) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "an address is 4 or 16 bytes");
		return -EINVAL;
	}
	*addr = nla_get_in6_addr(attr);
	if (ipv6_addr_v4mapped(addr)) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "give an ipv4-mapped address as ipv4");
		return -EINVAL;
	}
	return 0;
}

/* Neither unspecified, nor multicast, nor IPv4 broadcast or 0/8. */
bool xsw_vaddr_unicast(const struct in6_addr *addr)
{
	if (xsw_vaddr_is_v4(addr)) {
		__be32 a = addr->s6_addr32[3];

		return !ipv4_is_zeronet(a) && !ipv4_is_multicast(a) &&
		       !ipv4_is_lbcast(a);
	}
	return !ipv6_addr_any(addr) && !ipv6_addr_is_multicast(addr);
}

static bool same_family(const struct in6_addr *a, const struct in6_addr *b)
{
	return xsw_vaddr_is_v4(a) == xsw_vaddr_is_v4(b);
}

static bool prefix_overlap(const struct xsw_vprefix *a,
			   const struct xsw_vprefix *b)
{
	return same_family(&a->addr, &b->addr) &&
	       ipv6_prefix_equal(&a->addr, &b->addr, min(a->len, b->len));
}

static bool prefix_host_bits(const struct xsw_vprefix *p)
{
	struct in6_addr net;

	ipv6_addr_prefix(&net, &p->addr, p->len);
	return !ipv6_addr_equal(&net, &p->addr);
}

/* Does @p overlap a prefix of a subnet of @vnet? */
static bool overlaps_vnet(const struct xsw_vprefix *p,
			  const struct xsw_vnet *vnet)
{
	const struct xsw_vsubnet *vs;
	unsigned int j;

	list_for_each_entry(vs, &vnet->vsubnets, node)
		for (j = 0; j < vs->n_prefixes; j++)
			if (prefix_overlap(p, &vs->prefixes[j]))
				return true;
	return false;
}

/**
 * xsw_vprefix_check - may these prefixes form a subnet of @vnet?
 * @p: the new subnet's prefixes
 * @n: their number
 * @vnet: the routing domain, whose other subnets' prefixes they may not
 *	overlap; NULL to check @p among themselves only
 * @bad: the index in @p of the refused prefix
 * @why: why it was refused
 *
 * Return: 0 or -EINVAL.
 */
int xsw_vprefix_check(const struct xsw_vprefix *p, unsigned int n,
		      const struct xsw_vnet *vnet, unsigned int *bad,
		      const char **why)
{
	unsigned int i, j;

	for (i = 0; i < n; i++) {
		*bad = i;
		if (prefix_host_bits(&p[i])) {
			*why = "prefix has host bits set";
			return -EINVAL;
		}
		for (j = 0; j < i; j++)
			if (prefix_overlap(&p[i], &p[j])) {
				*why = "prefixes overlap";
				return -EINVAL;
			}
		if (vnet && overlaps_vnet(&p[i], vnet)) {
			*why = "prefix overlaps another virtual subnet's in the routing domain";
			return -EEXIST;
		}
	}
	return 0;
}

bool xsw_vprefix_contains(const struct xsw_vprefix *p, unsigned int n,
			  const struct in6_addr *addr)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (same_family(&p[i].addr, addr) &&
		    ipv6_prefix_equal(&p[i].addr, addr, p[i].len))
			return true;
	return false;
}

/**
 * xsw_vprefix_default_gateway - HNV's default gateway of a subnet
 * @p: the prefixes
 * @n: their number
 * @gw: the lowest host address of the first IPv4 prefix
 *
 * A /31 has two host addresses (RFC 3021), the lowest being the first; a
 * /32 has no room for a gateway beside the host.
 *
 * Return: whether there is one.
 */
bool xsw_vprefix_default_gateway(const struct xsw_vprefix *p, unsigned int n,
				 struct in6_addr *gw)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (!xsw_vaddr_is_v4(&p[i].addr))
			continue;
		if (p[i].len >= 128)
			return false;
		*gw = p[i].addr;
		if (p[i].len < 127)
			gw->s6_addr32[3] = htonl(ntohl(gw->s6_addr32[3]) + 1);
		return true;
	}
	return false;
}

/**
 * xsw_vsubnet_not_host - is @a no host's address in @vs?
 * @vs: the virtual subnet
 * @a: an address in its prefixes
 *
 * True when @a is the network or the broadcast address of an IPv4 prefix
 * of @vs of /30 or shorter that holds it: no host's, nor a gateway's.  A
 * /31's two addresses are both hosts' (RFC 3021), as a /32's one is.
 */
bool xsw_vsubnet_not_host(const struct xsw_vsubnet *vs,
			  const struct in6_addr *a)
{
	unsigned int i;

	for (i = 0; i < vs->n_prefixes; i++) {
		const struct xsw_vprefix *p = &vs->prefixes[i];
		u32 hostmask, host;

		if (!xsw_vaddr_is_v4(&p->addr) || p->len > 96 + 30 ||
		    !xsw_vprefix_contains(p, 1, a))
			continue;
		hostmask = ~0U >> (p->len - 96);
		host = ntohl(a->s6_addr32[3]) & hostmask;
		if (!host || host == hostmask)
			return true;
	}
	return false;
}

/**
 * xsw_vsubnet_ca_check - may @ca be a customer address in @vs?
 * @vs: the virtual subnet
 * @ca: the address
 * @why: why not
 *
 * Return: 0 or -EINVAL.
 */
int xsw_vsubnet_ca_check(const struct xsw_vsubnet *vs,
			 const struct in6_addr *ca, const char **why)
{
	if (!xsw_vaddr_unicast(ca)) {
		*why = "ca must be a unicast address";
		return -EINVAL;
	}
	if (vs->n_prefixes &&
	    !xsw_vprefix_contains(vs->prefixes, vs->n_prefixes, ca)) {
		*why = "ca is outside the virtual subnet's prefixes";
		return -EINVAL;
	}
	if (vs->has_gateway && ipv6_addr_equal(&vs->gateway, ca)) {
		*why = "ca is the virtual subnet's gateway";
		return -EINVAL;
	}
	if (xsw_vsubnet_not_host(vs, ca)) {
		*why = "ca is a prefix's network or broadcast address";
		return -EINVAL;
	}
	return 0;
}

/* ---------------------------------------------------------------- vnets */

struct xsw_vnet *xsw_vnet_find(struct xsw_vnet_store *s, const char *name)
{
	struct xsw_vnet *vnet;

	xsw_vnet_assert();
	list_for_each_entry(vnet, &s->vnets, node)
		if (!strcmp(vnet->name, name))
			return vnet;
	return NULL;
}

struct xsw_vnet *xsw_vnet_add(struct xsw_vnet_store *s, const char *name,
			      u32 rdid, struct netlink_ext_ack *extack)
{
	struct xsw_vnet *vnet;

	xsw_vnet_assert();
	list_for_each_entry(vnet, &s->vnets, node) {
		if (!strcmp(vnet->name, name)) {
			NL_SET_ERR_MSG(extack, "vnet name already used");
			return ERR_PTR(-EEXIST);
		}
		if (vnet->rdid == rdid) {
			NL_SET_ERR_MSG(extack,
				       "rdid already used by another vnet");
			return ERR_PTR(-EEXIST);
		}
	}
	vnet = kzalloc(sizeof(*vnet), GFP_KERNEL_ACCOUNT);
	if (!vnet)
		return ERR_PTR(-ENOMEM);
	strscpy(vnet->name, name, sizeof(vnet->name));
	vnet->rdid = rdid;
	INIT_LIST_HEAD(&vnet->vsubnets);
	vnet->gen = xsw_vnet_gen_next(s);
	list_add_tail(&vnet->node, &s->vnets);
	return vnet;
}

int xsw_vnet_del(struct xsw_vnet_store *s, struct xsw_vnet *vnet,
		 struct netlink_ext_ack *extack)
{
	xsw_vnet_assert();
	if (vnet->num_vsubnets) {
		NL_SET_ERR_MSG(extack, "vnet still has virtual subnets");
		return -EBUSY;
	}
	xsw_vnet_gen_next(s);
	list_del(&vnet->node);
	kfree_rcu(vnet, rcu);
	return 0;
}

/* ------------------------------------------------------------- vsubnets */

struct xsw_vsubnet *xsw_vsubnet_find(struct xsw_vnet_store *s, u32 vsid)
{
	xsw_vnet_assert();
	return xa_load(&s->vsubnets, vsid);
}

/* For the packet path: the vsubnet of a VNI or GRE key, or NULL. */
struct xsw_vsubnet *xsw_vsubnet_lookup_rcu(struct xsw_vnet_store *s, u32 vsid)
{
	return xa_load(&s->vsubnets, vsid);
}

/**
 * xsw_vsubnet_add - publish a virtual subnet
 * @s: the store
 * @vs: the subnet, made by the caller with its vsid, prefixes, gateway and
 *	encap; freed here on failure
 * @vnet: its routing domain
 * @extack: where to say why not
 *
 * Return: @vs, or an ERR_PTR with @extack set.
 */
struct xsw_vsubnet *xsw_vsubnet_add(struct xsw_vnet_store *s,
				    struct xsw_vsubnet *vs,
				    struct xsw_vnet *vnet,
				    struct netlink_ext_ack *extack)
{
	const char *why;
	unsigned int bad;
	int err;

	xsw_vnet_assert();
	if (xa_load(&s->vsubnets, vs->vsid)) {
		NL_SET_ERR_MSG(extack, "vsid already used");
		err = -EEXIST;
		goto err_free;
	}
	err = xsw_vprefix_check(vs->prefixes, vs->n_prefixes, vnet, &bad,
				&why);
	if (err) {
		xsw_set_msg(extack, why);
		goto err_free;
	}
	vs->stats = netdev_alloc_pcpu_stats(struct xsw_vsubnet_pcpu);
	if (!vs->stats) {
		err = -ENOMEM;
		goto err_free;
	}
	vs->vnet = vnet;
	vs->rdid = vnet->rdid;
	INIT_LIST_HEAD(&vs->pas);
	err = xa_insert(&s->vsubnets, vs->vsid, vs, GFP_KERNEL_ACCOUNT);
	if (err)
		goto err_free_stats;
	/* Only now: a refusal changes nothing, the generation included. */
	vs->gen = xsw_vnet_gen_next(s);
	list_add_tail_rcu(&vs->node, &vnet->vsubnets);
	vnet->num_vsubnets++;
	if (vs->encap == XSW_ENCAP_NVGRE)
		s->num_nvgre++;
	return vs;

err_free_stats:
	free_percpu(vs->stats);
err_free:
	kfree(vs);
	return ERR_PTR(err);
}

/**
 * xsw_vsubnet_stats_sum - a virtual subnet's counters, summed over the CPUs
 * @vs: the virtual subnet
 * @packets: frames, by enum xsw_vsubnet_stat
 * @bytes: their bytes, by the same
 *
 * Context: RTNL, or RCU.
 */
void xsw_vsubnet_stats_sum(const struct xsw_vsubnet *vs,
			   u64 packets[XSW_VS_NUM], u64 bytes[XSW_VS_NUM])
{
	int cpu, i;

	memset(packets, 0, XSW_VS_NUM * sizeof(*packets));
	memset(bytes, 0, XSW_VS_NUM * sizeof(*bytes));
	for_each_possible_cpu(cpu) {
		const struct xsw_vsubnet_pcpu *c = per_cpu_ptr(vs->stats, cpu);
		u64 p[XSW_VS_NUM], b[XSW_VS_NUM];
		unsigned int start;

		do {
			start = u64_stats_fetch_begin(&c->syncp);
			for (i = 0; i < XSW_VS_NUM; i++) {
				p[i] = u64_stats_read(&c->packets[i]);
				b[i] = u64_stats_read(&c->bytes[i]);
			}
		} while (u64_stats_fetch_retry(&c->syncp, start));
		for (i = 0; i < XSW_VS_NUM; i++) {
			packets[i] += p[i];
			bytes[i] += b[i];
		}
	}
}

static void vsubnet_free_rcu(struct rcu_head *head)
{
	struct xsw_vsubnet *vs = container_of(head, struct xsw_vsubnet, rcu);

	free_percpu(vs->stats);
	kfree(vs);
}

/*
 * Unpublishes @vs and frees it after a grace period; its mappings go
 * first.  The caller checked it has no port (at namespace exit none is
 * left).
 */
void xsw_vsubnet_del(struct xsw_vnet_store *s, struct xsw_vsubnet *vs)
{
	xsw_vnet_assert();
	WARN_ON(vs->num_ports);
	xsw_vmap_flush(s, vs);
	WARN_ON(!list_empty(&vs->pas));
	xa_erase(&s->vsubnets, vs->vsid);
	list_del_rcu(&vs->node);
	vs->vnet->num_vsubnets--;
	if (vs->encap == XSW_ENCAP_NVGRE)
		s->num_nvgre--;
	xsw_vnet_gen_next(s);
	/* The packet path may still count on it until the grace period ends. */
	call_rcu(&vs->rcu, vsubnet_free_rcu);
}

/* ------------------------------------------------------------------ PAs */

struct xsw_pa *xsw_pa_find(struct xsw_vnet_store *s,
			   const struct in6_addr *addr)
{
	struct xsw_pa *pa;

	xsw_vnet_assert();
	list_for_each_entry(pa, &s->pas, node)
		if (ipv6_addr_equal(&pa->addr, addr))
			return pa;
	return NULL;
}

/* Does a device of @net have @addr?  Context: RTNL held. */
static bool host_owns(struct net *net, const struct in6_addr *addr)
{
	if (xsw_vaddr_is_v4(addr))
		return !!__ip_dev_find(net, addr->s6_addr32[3], false);
#if IS_ENABLED(CONFIG_IPV6)
	return ipv6_chk_addr(net, addr, NULL, 0);
#else
	return false;
#endif
}

struct xsw_pa *xsw_pa_add(struct net *net, struct xsw_switch *sw,
			  const struct in6_addr *addr,
			  struct netlink_ext_ack *extack)
{
	struct xsw_vnet_store *s = xsw_vnet_store(net);
	struct xsw_pa *pa;
	int err;

	xsw_vnet_assert();
	if (!xsw_vaddr_unicast(addr)) {
		NL_SET_ERR_MSG(extack, "pa must be a unicast address");
		return ERR_PTR(-EINVAL);
	}
	pa = xsw_pa_find(s, addr);
	if (pa) {
		xsw_set_msg(extack, pa->sw == sw ?
			    "the switch already has this pa" :
			    "pa already used by another switch");
		return ERR_PTR(-EEXIST);
	}
	if (!host_owns(net, addr)) {
		NL_SET_ERR_MSG(extack, "the host does not own this pa");
		return ERR_PTR(-EADDRNOTAVAIL);
	}
	pa = kzalloc(sizeof(*pa), GFP_KERNEL_ACCOUNT);
	if (!pa)
		return ERR_PTR(-ENOMEM);
	pa->sw = sw;
	pa->addr = *addr;
	list_add_tail_rcu(&pa->node, &s->pas);
	/*
	 * Its switch's tunnel device, made for its first PA, and the
	 * namespace's NVGRE device of its family if an NVGRE VSID needs it.
	 */
	err = xsw_vtun_switch_update(sw, extack);
	if (err)
		goto err_del;
	err = xsw_gre_update(s, extack);
	if (err)
		goto err_tun;
	pa->gen = xsw_vnet_gen_next(s);
	return pa;

err_tun:
	list_del_rcu(&pa->node);
	xsw_vtun_switch_update(sw, NULL);
	xsw_gre_trim(s);
	kfree_rcu(pa, rcu);
	return ERR_PTR(err);
err_del:
	list_del_rcu(&pa->node);
	kfree_rcu(pa, rcu);
	return ERR_PTR(err);
}

void xsw_pa_del(struct xsw_vnet_store *s, struct xsw_pa *pa)
{
	xsw_vnet_assert();
	xsw_vnet_gen_next(s);
	list_del_rcu(&pa->node);
	/* The tunnel devices go with the last PAs; cannot fail. */
	xsw_vtun_switch_update(pa->sw, NULL);
	xsw_gre_trim(s);
	kfree_rcu(pa, rcu);
}

/*
 * A switch is being deleted: its PAs go, each announced.  Mappings that
 * point at them stay: they name PAs by address, local or remote.
 */
void xsw_pa_switch_gone(struct xsw_switch *sw)
{
	struct net *net = dev_net(sw->dev);
	struct xsw_vnet_store *s = xsw_vnet_store(net);
	struct xsw_pa *pa, *tmp;

	xsw_vnet_assert();
	list_for_each_entry_safe(pa, tmp, &s->pas, node) {
		if (pa->sw != sw)
			continue;
		xsw_nl_notify_pa(net, pa, XSW_CMD_PA_DEL);
		xsw_pa_del(s, pa);
	}
}

/* ---------------------------------------------------------------- ports */

struct xsw_vport *xsw_vport_get(const struct xsw_port *port)
{
	return rcu_dereference_rtnl(port->vport);
}

/**
 * xsw_vport_set - a port joins a VSID, moves to another, or leaves
 * @s: the store of the port's namespace
 * @port: a vm or internal port
 * @vs: the subnet, or NULL to leave
 * @cas: its customer addresses in @vs, 1..XSW_VPORT_CAS_MAX of them
 * @n_cas: their number
 * @extack: where to say why not
 *
 * All or nothing.  Also called with @vs NULL when a port is deleted.
 *
 * Return: 0 or a negative errno with @extack set.
 */
int xsw_vport_set(struct xsw_vnet_store *s, struct xsw_port *port,
		  struct xsw_vsubnet *vs, const struct in6_addr *cas,
		  unsigned int n_cas, struct netlink_ext_ack *extack)
{
	struct xsw_vport *old = rtnl_dereference(port->vport), *vp = NULL;
	unsigned int i, j;
	const char *why;

	xsw_vnet_assert();
	if (vs) {
		if (port->type != XSW_PORT_TYPE_VM &&
		    port->type != XSW_PORT_TYPE_INTERNAL) {
			NL_SET_ERR_MSG(extack,
				       "only vm and internal ports can join a vsid");
			return -EINVAL;
		}
		for (i = 0; i < n_cas; i++) {
			if (xsw_vsubnet_ca_check(vs, &cas[i], &why)) {
				xsw_set_msg(extack, why);
				return -EINVAL;
			}
			for (j = 0; j < i; j++)
				if (ipv6_addr_equal(&cas[i], &cas[j])) {
					NL_SET_ERR_MSG(extack,
						       "ca given twice");
					return -EINVAL;
				}
		}
		vp = kzalloc(struct_size(vp, cas, n_cas), GFP_KERNEL_ACCOUNT);
		if (!vp)
			return -ENOMEM;
		vp->vs = vs;
		vp->n_cas = n_cas;
		memcpy(vp->cas, cas, n_cas * sizeof(*cas));
		vp->gen = xsw_vnet_gen_next(s);
		vs->num_ports++;
	} else {
		if (!old)
			return 0;
		xsw_vnet_gen_next(s);
	}
	rcu_assign_pointer(port->vport, vp);
	if (old) {
		old->vs->num_ports--;
		kfree_rcu(old, rcu);
	}
	return 0;
}

/* A port being deleted leaves its VSID; PORT_DEL says so. */
void xsw_vnet_port_gone(struct xsw_port *port)
{
	xsw_vport_set(xsw_vnet_store(dev_net(port->sw->dev)), port, NULL, NULL,
		      0, NULL);
}

/* --------------------------------------------------------- the namespace */

/* Readies an empty store; vnet_net_init() and the KUnit tests use it. */
int xsw_vnet_store_init(struct xsw_vnet_store *s)
{
	INIT_LIST_HEAD(&s->vnets);
	INIT_LIST_HEAD(&s->pas);
	INIT_LIST_HEAD(&s->tuns);
	xa_init(&s->vsubnets);
	return xsw_vmap_init(s);
}

/*
 * Frees everything in a store whose ports and switches are gone.
 * Context: RTNL held.
 */
void xsw_vnet_store_uninit(struct xsw_vnet_store *s)
{
	struct xsw_vsubnet *vs, *vtmp;
	struct xsw_vnet *vnet, *tmp;
	struct xsw_pa *pa, *ptmp;

	xsw_vnet_assert();
	list_for_each_entry_safe(pa, ptmp, &s->pas, node)
		xsw_pa_del(s, pa);
	list_for_each_entry_safe(vnet, tmp, &s->vnets, node) {
		list_for_each_entry_safe(vs, vtmp, &vnet->vsubnets, node)
			xsw_vsubnet_del(s, vs);
		xsw_vnet_del(s, vnet, NULL);
	}
	xsw_vmap_uninit(s);
	xsw_vtun_store_uninit(s);
	xsw_gre_store_uninit(s);
	WARN_ON(!xa_empty(&s->vsubnets));
	xa_destroy(&s->vsubnets);
	xa_destroy(&s->maps);
}

static int __net_init vnet_net_init(struct net *net)
{
	return xsw_vnet_store_init(xsw_vnet_store(net));
}

/*
 * The namespace's devices, so every switch and port, went before this
 * runs (pernet subsystems exit after devices): no PA or port is left to
 * point at what is freed here.
 */
static void __net_exit vnet_net_exit(struct net *net)
{
	rtnl_lock();
	xsw_vnet_store_uninit(xsw_vnet_store(net));
	rtnl_unlock();
}

static struct pernet_operations vnet_net_ops = {
	.init	= vnet_net_init,
	.exit	= vnet_net_exit,
	.id	= &vnet_net_id,
	.size	= sizeof(struct xsw_vnet_store),
};

int xsw_vnet_init(void)
{
	return register_pernet_subsys(&vnet_net_ops);
}

void xsw_vnet_uninit(void)
{
	unregister_pernet_subsys(&vnet_net_ops);
}
