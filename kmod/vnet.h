/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xswitch network virtualisation: the per-namespace policy store.
 *
 * DOC: Locking
 * Every change to the store (vnets, vsubnets, PAs, ports' VSIDs, mappings)
 * is made under RTNL, which also serialises it with ports and switches
 * coming and going; writers assert it with xsw_vnet_assert().  The packet
 * path reads under RCU only: xsw_vsubnet_lookup_rcu() (an xarray by VSID),
 * xsw_vmap_lookup_ca() and xsw_vmap_lookup_mac() (rhashtables), a
 * vsubnet's @pas list, a switch's PAs and a port's @vport.  Objects are
 * unpublished first and freed after a grace period (kfree_rcu/call_rcu);
 * module exit runs rcu_barrier().
 *
 * Addresses are kept as struct in6_addr, IPv4 as IPv4-mapped
 * (::ffff:a.b.c.d), so one key serves both families.
 */
#ifndef _XSW_VNET_H
#define _XSW_VNET_H

#include <linux/etherdevice.h>
#include <linux/icmpv6.h>
#include <linux/if_arp.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/rhashtable.h>
#include <linux/xarray.h>
#include <net/ipv6.h>
#include <net/ndisc.h>

#include "xswitch.h"

#define xsw_vnet_assert()	ASSERT_RTNL()

/* NL_SET_ERR_MSG() for a message picked at run time; @msg is static. */
static inline void xsw_set_msg(struct netlink_ext_ack *extack, const char *msg)
{
	if (extack)
		extack->_msg = msg;
}

/* An IPv4 (mapped) or IPv6 prefix; @len counts from bit 0 of the in6_addr */
struct xsw_vprefix {
	struct in6_addr addr;
	u8 len;
};

/**
 * struct xsw_vnet_store - a namespace's network virtualisation state
 * @vnets: routing domains, struct xsw_vnet.node (RTNL)
 * @vsubnets: VSID -> struct xsw_vsubnet (RTNL writers, RCU readers)
 * @pas: every switch's PAs, struct xsw_pa.node (RTNL writers, RCU readers)
 * @by_ca: (RDID, CA) -> mapping (RCU readers)
 * @by_mac: (VSID, MAC) -> mappings; one MAC may have several CAs (RCU)
 * @maps: id -> mapping, the order dumps walk (RTNL writers)
 * @pa_refs: (VSID, PA) -> struct xsw_vpa_ref (RTNL)
 * @rd_pas: (RDID, PA) -> struct xsw_vrd_pa (RTNL writers, RCU readers)
 * @hits: id / XSW_VMAP_HITS_CHUNK -> per-CPU hit counters of
 *	XSW_VMAP_HITS_CHUNK mappings (RTNL); freed with the store
 * @num_maps: mappings in the store (RTNL)
 * @gen: bumped on every change; each object keeps the value of its last
 *	change (RTNL)
 * @tuns: the tunnel devices, one per UDP port in use, struct xsw_vtun
 *	(RTNL writers, RCU readers; vnet_tun.c)
 * @gre: the NVGRE devices, [0] the gretap of IPv4 PAs, [1] the ip6gretap
 *	of IPv6 PAs, NULL when not needed or gone (RTNL writers, RCU
 *	readers; vnet_gre.c)
 * @num_nvgre: virtual subnets with NVGRE encapsulation (RTNL)
 */
struct xsw_vnet_store {
	struct list_head vnets;
	struct xarray vsubnets;
	struct list_head pas;
	struct rhashtable by_ca;
	struct rhltable by_mac;
	struct xarray maps;
	struct rhashtable pa_refs;
	struct rhashtable rd_pas;
	struct xarray hits;
	unsigned int num_maps;
	u64 gen;
	struct list_head tuns;
	struct net_device __rcu *gre[2];
	unsigned int num_nvgre;
};

/**
 * struct xsw_vnet - a routing domain (a tenant's virtual network)
 * @node: in the store's @vnets
 * @vsubnets: its virtual subnets, struct xsw_vsubnet.node (RTNL writers,
 *	RCU readers: the router tells "no mapping" from "no route" by them)
 * @num_vsubnets: their number
 * @rdid: routing domain id, unique in the namespace
 * @gen: the store's generation at creation
 * @name: unique in the namespace
 * @rcu: frees it
 */
struct xsw_vnet {
	struct list_head node;
	struct list_head vsubnets;
	unsigned int num_vsubnets;
	u32 rdid;
	u64 gen;
	char name[XSW_VNET_NAME_LEN];
	struct rcu_head rcu;
};

/**
 * struct xsw_vpa_ref - a PA the mappings of a VSID point at
 * @node: in the vsubnet's @pas (RTNL writers, RCU readers): the data
 *	path's replication list for broadcast and multicast
 * @hnode: in the store's @pa_refs, where a new mapping finds it
 * @key: (VSID, PA); the address is @key.pa
 * @refs: mappings of the VSID that point at it (RTNL)
 * @tun_dst: the outer header of this VSID's frames to @key.pa, as the
 *	tunnel devices take it, with its per-CPU route cache; made by the
 *	first frame and remade when the switch's PA or vxlan port changes
 *	(vnet_tx.c).  Holds a reference on the metadata_dst (RCU readers,
 *	replaced with xchg() by the data path; released after a grace period
 *	once the ref is unpublished)
 * @rcu: frees it
 */
struct xsw_vpa_ref {
	struct list_head node;
	struct rhash_head hnode;
	struct xsw_vpa_key {
		u32 vsid;
		struct in6_addr pa;
	} key;
	unsigned int refs;
	struct metadata_dst __rcu *tun_dst;
	struct rcu_head rcu;
};

/**
 * struct xsw_vrd_pa - a PA the mappings of a routing domain point at
 * @hnode: in the store's @rd_pas (RTNL writers, RCU readers): the
 *	decapsulation check, xsw_vnet_has_pa()
 * @key: (RDID, PA)
 * @refs: vsubnets of the domain with a struct xsw_vpa_ref for the PA (RTNL)
 * @rcu: frees it
 */
struct xsw_vrd_pa {
	struct rhash_head hnode;
	struct xsw_vrd_pa_key {
		u32 rdid;
		struct in6_addr pa;
	} key;
	unsigned int refs;
	struct rcu_head rcu;
};

/* What a virtual subnet counts, frames and bytes of each (enum order) */
enum xsw_vsubnet_stat {
	XSW_VS_IN,	/* from its ports into the switch, past their checks */
	XSW_VS_OUT,	/* delivered to its ports, per copy */
	XSW_VS_ENCAP,	/* sent into the tunnel, per copy (per remote PA) */
	XSW_VS_DECAP,	/* received from the tunnel and accepted */
	XSW_VS_NUM
};

/**
 * struct xsw_vsubnet_pcpu - a virtual subnet's counters on one CPU
 * @packets: frames, by enum xsw_vsubnet_stat
 * @bytes: their bytes from the (inner) Ethernet header, by the same
 * @syncp: for 64-bit reads on 32-bit machines
 */
struct xsw_vsubnet_pcpu {
	u64_stats_t packets[XSW_VS_NUM];
	u64_stats_t bytes[XSW_VS_NUM];
	struct u64_stats_sync syncp;
};

/**
 * struct xsw_vsubnet - a virtual subnet
 * @vsid: 4096..2^24-2, unique in the namespace; the VNI or GRE key
 * @vnet: its routing domain; it holds the vnet (set before the vsubnet is
 *	published, so RCU readers may follow it; the vnet outlives it)
 * @node: in @vnet's @vsubnets
 * @pas: distinct PAs of its mappings, struct xsw_vpa_ref (RCU readers)
 * @num_pas: entries of @pas
 * @num_ports: ports in it (RTNL)
 * @num_maps: mappings of it (RTNL)
 * @rdid: @vnet's, copied for the packet path
 * @encap: enum xsw_encap
 * @has_gateway: @gateway is set
 * @gateway: the distributed router's address in the subnet
 * @gen: the store's generation at creation
 * @stats: its traffic, per CPU (struct xsw_vsubnet_pcpu); allocated when
 *	it is published, freed with it
 * @n_prefixes: entries of @prefixes; 0 for layer 2 only
 * @prefixes: never change once published
 * @rcu: frees it
 */
struct xsw_vsubnet {
	u32 vsid;
	struct xsw_vnet *vnet;
	struct list_head node;
	struct list_head pas;
	unsigned int num_pas;
	unsigned int num_ports;
	unsigned int num_maps;
	u32 rdid;
	u8 encap;
	bool has_gateway;
	struct in6_addr gateway;
	u64 gen;
	struct xsw_vsubnet_pcpu __percpu *stats;
	unsigned int n_prefixes;
	struct rcu_head rcu;
	struct xsw_vprefix prefixes[];
};

/**
 * struct xsw_pa - a provider address of a switch
 * @node: in the store's @pas (RTNL writers, RCU readers)
 * @sw: the switch; the PA goes with it
 * @addr: the address, which the host owned when it was added
 * @gen: the store's generation at creation
 * @rcu: frees it
 */
struct xsw_pa {
	struct list_head node;
	struct xsw_switch *sw;
	struct in6_addr addr;
	u64 gen;
	struct rcu_head rcu;
};

/**
 * struct xsw_vport - a port's membership of a VSID; never changed once
 * published (a change swaps in a new one)
 * @vs: the virtual subnet, which counts the port in @num_ports
 * @gen: the store's generation when the port joined
 * @n_cas: entries of @cas, at least 1
 * @rcu: frees it
 * @cas: the port's customer addresses: what the address guard lets it send
 */
struct xsw_vport {
	struct xsw_vsubnet *vs;
	u64 gen;
	unsigned int n_cas;
	struct rcu_head rcu;
	struct in6_addr cas[];
};

/* Is @addr one of @vp's CAs?  Context: RCU or RTNL. */
static inline bool xsw_vport_has_ca(const struct xsw_vport *vp,
				    const struct in6_addr *addr)
{
	unsigned int i;

	for (i = 0; i < vp->n_cas; i++)
		if (ipv6_addr_equal(&vp->cas[i], addr))
			return true;
	return false;
}

struct xsw_vmap_key_ca {
	u32 rdid;
	struct in6_addr ca;
};

struct xsw_vmap_key_mac {
	u32 vsid;
	u8 mac[ETH_ALEN];
	u16 zero;
};

struct xsw_vmap_pcpu {
	u64_stats_t hits;
	struct u64_stats_sync syncp;
};

/*
 * Mappings' hit counters are allocated per-CPU in chunks of this many, one
 * chunk per range of mapping ids, rather than one alloc_percpu() per
 * mapping: the per-CPU allocator took a third of a 100,000-mapping bulk
 * load's kernel time, and most of its memory.
 */
#define XSW_VMAP_HITS_CHUNK	1024

/**
 * struct xsw_vmap - a CA-PA mapping, never changed once published
 * @ca_node: in the store's @by_ca
 * @mac_node: in the store's @by_mac
 * @kca: (RDID, CA), the key of @ca_node
 * @kmac: (VSID, MAC), the key of @mac_node
 * @pa: where the CA lives: a local PA for a local VM, else a remote one
 * @ref: (VSID, @pa)'s entry of the vsubnet's PAs, which this mapping
 *	holds: where frames sent by it find their outer header
 * @vs: its virtual subnet (RTNL; the mapping goes with it)
 * @id: its index in the store's @maps
 * @gen: the store's generation at creation
 * @stats: hits, per CPU: frames the data path sent by this mapping; its
 *	slot of the store's @hits chunk for @id, zeroed when inserted
 * @rcu: frees it
 */
struct xsw_vmap {
	struct rhash_head ca_node;
	struct rhlist_head mac_node;
	struct xsw_vmap_key_ca kca;
	struct xsw_vmap_key_mac kmac;
	struct in6_addr pa;
	struct xsw_vpa_ref *ref;
	struct xsw_vsubnet *vs;
	u32 id;
	u64 gen;
	struct xsw_vmap_pcpu __percpu *stats;
	struct rcu_head rcu;
};

/*
 * The distributed router's MAC.  Every virtual subnet's gateway address
 * resolves to it (the ARP/ND responder), and a frame of a VSID sent to it
 * is routed.  One address on every host and in every routing domain, as
 * HNV's virtual gateway MAC, so that a VM keeps its neighbour entry for the
 * gateway when it moves; locally administered (02:) and unicast.
 */
extern const u8 xsw_vnet_router_mac[ETH_ALEN] __aligned(2);

/* Is @mac (2-byte aligned, as in an Ethernet header) the router's? */
static inline bool xsw_vnet_is_router_mac(const u8 *mac)
{
	return ether_addr_equal(mac, xsw_vnet_router_mac);
}

/* An Ethernet/IPv4 ARP packet, as the guard and the responder read it */
struct xsw_arp_eth {
	struct arphdr hdr;
	u8 sha[ETH_ALEN];
	__be32 sip;
	u8 tha[ETH_ALEN];
	__be32 tip;
} __packed;

/*
 * The IPv4 or IPv6 header at @off in a frame (skb->data at its Ethernet
 * header; @off is ETH_HLEN, or past the VLAN tags left in the payload),
 * pulled into the linear part; NULL when it is truncated or of another
 * version (the guard's and the router's "vnet-malformed").
 */
static inline const struct iphdr *xsw_vnet_ip4_hdr(struct sk_buff *skb,
						   unsigned int off)
{
	const struct iphdr *ip;

	if (!pskb_may_pull(skb, off + sizeof(*ip)))
		return NULL;
	ip = (const struct iphdr *)(skb->data + off);
	return ip->version == 4 && ip->ihl >= 5 ? ip : NULL;
}

static inline const struct ipv6hdr *xsw_vnet_ip6_hdr(struct sk_buff *skb,
						     unsigned int off)
{
	const struct ipv6hdr *ip6;

	if (!pskb_may_pull(skb, off + sizeof(*ip6)))
		return NULL;
	ip6 = (const struct ipv6hdr *)(skb->data + off);
	return ip6->version == 6 ? ip6 : NULL;
}

/* vnet.c: the store, routing domains, virtual subnets, PAs, ports */
struct xsw_vnet_store *xsw_vnet_store(const struct net *net);
int xsw_vnet_store_init(struct xsw_vnet_store *s);
void xsw_vnet_store_uninit(struct xsw_vnet_store *s);
u64 xsw_vnet_gen_next(struct xsw_vnet_store *s);

int xsw_vaddr_get(const struct nlattr *attr, struct in6_addr *addr,
		  struct netlink_ext_ack *extack);
bool xsw_vaddr_is_v4(const struct in6_addr *addr);
bool xsw_vaddr_unicast(const struct in6_addr *addr);
int xsw_vprefix_check(const struct xsw_vprefix *p, unsigned int n,
		      const struct xsw_vnet *vnet, unsigned int *bad,
		      const char **why);
bool xsw_vprefix_contains(const struct xsw_vprefix *p, unsigned int n,
			  const struct in6_addr *addr);
bool xsw_vprefix_default_gateway(const struct xsw_vprefix *p, unsigned int n,
				 struct in6_addr *gw);
bool xsw_vsubnet_not_host(const struct xsw_vsubnet *vs,
			  const struct in6_addr *a);
int xsw_vsubnet_ca_check(const struct xsw_vsubnet *vs,
			 const struct in6_addr *ca, const char **why);

struct xsw_vnet *xsw_vnet_find(struct xsw_vnet_store *s, const char *name);
struct xsw_vnet *xsw_vnet_add(struct xsw_vnet_store *s, const char *name,
			      u32 rdid, struct netlink_ext_ack *extack);
int xsw_vnet_del(struct xsw_vnet_store *s, struct xsw_vnet *vnet,
		 struct netlink_ext_ack *extack);

struct xsw_vsubnet *xsw_vsubnet_find(struct xsw_vnet_store *s, u32 vsid);
struct xsw_vsubnet *xsw_vsubnet_lookup_rcu(struct xsw_vnet_store *s, u32 vsid);
struct xsw_vsubnet *xsw_vsubnet_add(struct xsw_vnet_store *s,
				    struct xsw_vsubnet *vs,
				    struct xsw_vnet *vnet,
				    struct netlink_ext_ack *extack);
void xsw_vsubnet_del(struct xsw_vnet_store *s, struct xsw_vsubnet *vs);
void xsw_vsubnet_stats_sum(const struct xsw_vsubnet *vs,
			   u64 packets[XSW_VS_NUM], u64 bytes[XSW_VS_NUM]);

struct xsw_pa *xsw_pa_find(struct xsw_vnet_store *s,
			   const struct in6_addr *addr);
struct xsw_pa *xsw_pa_add(struct net *net, struct xsw_switch *sw,
			  const struct in6_addr *addr,
			  struct netlink_ext_ack *extack);
void xsw_pa_del(struct xsw_vnet_store *s, struct xsw_pa *pa);
void xsw_pa_switch_gone(struct xsw_switch *sw);

struct xsw_vport *xsw_vport_get(const struct xsw_port *port);
int xsw_vport_set(struct xsw_vnet_store *s, struct xsw_port *port,
		  struct xsw_vsubnet *vs, const struct in6_addr *cas,
		  unsigned int n_cas, struct netlink_ext_ack *extack);

/* vmap.c: the mapping table */
int xsw_vmap_init(struct xsw_vnet_store *s);
void xsw_vmap_uninit(struct xsw_vnet_store *s);
struct xsw_vmap *xsw_vmap_new(const struct xsw_vsubnet *vs,
			      const struct in6_addr *ca, const u8 *mac,
			      const struct in6_addr *pa);
static inline void xsw_vmap_free(struct xsw_vmap *m)
{
	kfree(m);
}

int xsw_vmap_insert(struct xsw_vnet_store *s, struct xsw_vsubnet *vs,
		    struct xsw_vmap *m, struct netlink_ext_ack *extack);
void xsw_vmap_remove(struct xsw_vnet_store *s, struct xsw_vmap *m);
struct xsw_vmap *xsw_vmap_find(struct xsw_vnet_store *s, u32 rdid,
			       const struct in6_addr *ca);
unsigned int xsw_vmap_flush(struct xsw_vnet_store *s,
			    struct xsw_vsubnet *vs);
u64 xsw_vmap_hits(const struct xsw_vmap *m);
struct xsw_vmap *xsw_vmap_lookup_ca(struct xsw_vnet_store *s, u32 rdid,
				    const struct in6_addr *ca);
bool xsw_vnet_has_pa(struct xsw_vnet_store *s, u32 rdid,
		     const struct in6_addr *pa);
struct xsw_vmap *xsw_vmap_lookup_mac(struct xsw_vnet_store *s, u32 vsid,
				     const u8 *mac);

/* The data path counts a frame sent by @m. */
static inline void xsw_vmap_hit(struct xsw_vmap *m)
{
	struct xsw_vmap_pcpu *c = this_cpu_ptr(m->stats);

	u64_stats_update_begin(&c->syncp);
	u64_stats_inc(&c->hits);
	u64_stats_update_end(&c->syncp);
}

/**
 * xsw_vsubnet_count - the data path counts a frame of a virtual subnet
 * @vs: the virtual subnet
 * @what: which counter
 * @len: the frame's length from its (inner) Ethernet header
 *
 * Context: packet path, BH disabled.
 */
static inline void xsw_vsubnet_count(const struct xsw_vsubnet *vs,
				     enum xsw_vsubnet_stat what,
				     unsigned int len)
{
	struct xsw_vsubnet_pcpu *c = this_cpu_ptr(vs->stats);

	u64_stats_update_begin(&c->syncp);
	u64_stats_inc(&c->packets[what]);
	u64_stats_add(&c->bytes[what], len);
	u64_stats_update_end(&c->syncp);
}

/* A frame of a port in a VSID (@vp, or NULL for none) is counted. */
static inline void xsw_vport_count(const struct xsw_vport *vp,
				   enum xsw_vsubnet_stat what,
				   unsigned int len)
{
	if (unlikely(vp))
		xsw_vsubnet_count(vp->vs, what, len);
}

/* The VSID a port is in, 0 for none.  Context: RCU or RTNL. */
static inline u32 xsw_port_vsid(const struct xsw_port *port)
{
	const struct xsw_vport *vp = rcu_dereference_rtnl(port->vport);

	return vp ? vp->vs->vsid : 0;
}

/* vnet_tun.c */
struct xsw_pa *xsw_pa_lookup_rcu(struct xsw_vnet_store *s,
				 const struct in6_addr *addr);
const struct xsw_pa *xsw_pa_of_switch_rcu(struct xsw_vnet_store *s,
					  const struct xsw_switch *sw,
					  bool v4);
void xsw_vtun_store_uninit(struct xsw_vnet_store *s);
struct net_device *xsw_vtun_dev_rcu(const struct xsw_switch *sw);
rx_handler_result_t xsw_vnet_decap(struct sk_buff *skb, u8 encap);

/* vnet_gre.c: the namespace's NVGRE devices */
int xsw_gre_update(struct xsw_vnet_store *s, struct netlink_ext_ack *extack);
void xsw_gre_trim(struct xsw_vnet_store *s);
void xsw_gre_prepare(bool v6);
struct net_device *xsw_gre_dev_rcu(struct xsw_vnet_store *s, bool v4);
void xsw_gre_store_uninit(struct xsw_vnet_store *s);

/* vnet_tx.c: the data path's steps (forward.c calls them) */
const struct xsw_arp_eth *xsw_vnet_arp(struct sk_buff *skb, unsigned int off);
int xsw_vnet_guard(const struct xsw_vport *vp, struct sk_buff *skb);
struct xsw_port *xsw_vnet_fwd(const struct xsw_fwd_ctx *ctx,
			      struct xsw_port *dst, const u8 *mac);
void xsw_vnet_tx(const struct xsw_fwd_ctx *ctx, struct sk_buff *skb);
__be64 xsw_vnet_tun_id(u8 encap, u32 vsid);
u32 xsw_vnet_tun_vsid(u8 encap, __be64 tun_id);

/**
 * struct xsw_nd_req - an ARP request or neighbour solicitation to answer
 * @target: the address asked for (IPv4-mapped for ARP)
 * @sender: the asker's address, where the answer goes: the ARP sender
 *	(IPv4-mapped) or the solicitation's source
 * @eth_src: the request's Ethernet source, the answer's destination
 * @sha: ARP only: the sender hardware address, the answer's target
 * @arp: an ARP request, else a neighbour solicitation
 */
struct xsw_nd_req {
	struct in6_addr target;
	struct in6_addr sender;
	u8 eth_src[ETH_ALEN] __aligned(2);
	u8 sha[ETH_ALEN];
	bool arp;
};

/* vnet_nd.c: the ARP and neighbour discovery responder */
int xsw_vnet_nd_parse(struct sk_buff *skb, struct xsw_nd_req *req);
struct sk_buff *xsw_vnet_nd_build(const struct xsw_nd_req *req,
				  const u8 *mac, bool router);
int xsw_vnet_nd(const struct xsw_port *src, const struct xsw_vport *vp,
		struct sk_buff *skb, struct sk_buff **reply);

/*
 * Might @skb be a question for the responder: ARP, or ICMPv6?  Frames of a
 * VSID port other than ARP and IPv6 pay two EtherType compares here, IPv6
 * other than ICMPv6 a look at the next header, which the address guard
 * pulled (an extension may have replaced the frame since: then ask).
 */
static inline bool xsw_vnet_nd_wanted(const struct sk_buff *skb)
{
	const struct ethhdr *eth = (const struct ethhdr *)skb->data;
	const struct ipv6hdr *ip6 = (const struct ipv6hdr *)(eth + 1);

	if (eth->h_proto == htons(ETH_P_ARP))
		return true;
	if (eth->h_proto != htons(ETH_P_IPV6))
		return false;
	return skb_headlen(skb) < ETH_HLEN + sizeof(*ip6) ||
	       ip6->nexthdr == IPPROTO_ICMPV6;
}

/*
 * A frame of a VSID sent to the router's MAC that is the responder's, not
 * the router's: ARP (a VM refreshes its neighbour entry for the gateway
 * with unicast requests) or an ICMPv6 neighbour discovery message.  The
 * frame then goes on as any other, and the responder answers or drops it.
 */
static inline bool xsw_vnet_nd_not_routed(const struct sk_buff *skb)
{
	const struct ethhdr *eth = (const struct ethhdr *)skb->data;
	const struct ipv6hdr *ip6 = (const struct ipv6hdr *)(eth + 1);
	const struct icmp6hdr *icmp = (const struct icmp6hdr *)(ip6 + 1);

	if (eth->h_proto == htons(ETH_P_ARP))
		return true;
	if (eth->h_proto != htons(ETH_P_IPV6) ||
	    skb_headlen(skb) < ETH_HLEN + sizeof(*ip6) + sizeof(*icmp) ||
	    ip6->nexthdr != IPPROTO_ICMPV6)
		return false;
	return icmp->icmp6_type >= NDISC_ROUTER_SOLICITATION &&
	       icmp->icmp6_type <= NDISC_REDIRECT;
}

struct xsw_port *xsw_vnet_local_port(struct xsw_switch *sw,
				     const struct xsw_vmap *m);
bool xsw_vnet_pa_is_local(struct xsw_vnet_store *s,
			  const struct xsw_switch *sw,
			  const struct in6_addr *pa);

/* vnet_route.c: the distributed router (forward.c calls it) */
int xsw_vnet_route_lookup(struct xsw_vnet_store *s,
			  const struct xsw_vsubnet *vs, struct sk_buff *skb,
			  struct xsw_vmap **mp);
int xsw_vnet_route_rewrite(struct sk_buff *skb, const u8 *mac);
int xsw_vnet_route(struct xsw_fwd_ctx *ctx, struct sk_buff *skb);

/* forward.c: a decapsulated frame of @vsid enters @sw on its tunnel port */
void xsw_vnet_rx(struct xsw_switch *sw, u32 vsid, struct sk_buff *skb);

/* nl_vnet.c, nl_vmap.c: notifications of changes made outside a request */
void xsw_nl_notify_pa(struct net *net, const struct xsw_pa *pa, u8 cmd);
void xsw_nl_notify_vport(struct net *net, const struct xsw_port *port);
void xsw_nl_notify_map_flush(struct net *net, u32 vsid, unsigned int count,
			     u64 gen);

#endif /* _XSW_VNET_H */
