// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for vnet_tx.c: the address guard of a VSID port on IPv4,
 * IPv6 and ARP frames, from its CAs, from other addresses, truncated, and
 * behind VLAN tags in the payload; the tunnel id of a VSID, VXLAN's VNI
 * and NVGRE's GRE key, both ways.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/if_vlan.h>
#include <linux/inet.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <net/ip_tunnels.h>

#include "vnet.h"
#include "vnet_test_util.h"

/* A port in a VSID with the CAs 10.1.1.11 and 2001:db8:1::11. */
static struct xsw_vport *guard_vport(struct kunit *test)
{
	struct xsw_vport *vp;

	vp = kunit_kzalloc(test, struct_size(vp, cas, 2), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, vp);
	vp->n_cas = 2;
	ipv6_addr_set_v4mapped(in_aton("10.1.1.11"), &vp->cas[0]);
	KUNIT_ASSERT_EQ(test, in6_pton("2001:db8:1::11", -1,
				       vp->cas[1].s6_addr, -1, NULL), 1);
	return vp;
}

static int run_guard(struct kunit *test, struct sk_buff *skb)
{
	int ret = xsw_vnet_guard(guard_vport(test), skb);

	kfree_skb(skb);
	return ret;
}

static int guard_ip4(struct kunit *test, const char *saddr, unsigned int len)
{
	struct iphdr ip = {
		.version = 4,
		.ihl = 5,
		.ttl = 64,
		.protocol = IPPROTO_ICMP,
		.saddr = in_aton(saddr),
		.daddr = in_aton("10.1.1.12"),
	};

	return run_guard(test, vnet_test_frame(test, htons(ETH_P_IP), &ip, len));
}

static void vnet_guard_ipv4(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, guard_ip4(test, "10.1.1.11", sizeof(struct iphdr)), -1);
	KUNIT_EXPECT_EQ(test, guard_ip4(test, "10.1.1.12", sizeof(struct iphdr)),
			XSW_DROP_VNET_SPOOFED_CA);
	KUNIT_EXPECT_EQ(test, guard_ip4(test, "0.0.0.0", sizeof(struct iphdr)),
			XSW_DROP_VNET_SPOOFED_CA);
	KUNIT_EXPECT_EQ(test, guard_ip4(test, "10.1.1.11", sizeof(struct iphdr) - 1),
			XSW_DROP_VNET_MALFORMED);
	KUNIT_EXPECT_EQ(test, guard_ip4(test, "10.1.1.11", 0),
			XSW_DROP_VNET_MALFORMED);
}

static int guard_ip6(struct kunit *test, const char *saddr, unsigned int len)
{
	struct ipv6hdr ip6 = {
		.version = 6,
		.nexthdr = IPPROTO_ICMPV6,
		.hop_limit = 255,
	};

	KUNIT_EXPECT_EQ(test, in6_pton(saddr, -1, ip6.saddr.s6_addr, -1, NULL), 1);
	return run_guard(test, vnet_test_frame(test, htons(ETH_P_IPV6), &ip6, len));
}

static void vnet_guard_ipv6(struct kunit *test)
{
	unsigned int len = sizeof(struct ipv6hdr);

	KUNIT_EXPECT_EQ(test, guard_ip6(test, "2001:db8:1::11", len), -1);
	/* Neighbour discovery: link-local sources and DAD from :: pass. */
	KUNIT_EXPECT_EQ(test, guard_ip6(test, "fe80::11", len), -1);
	KUNIT_EXPECT_EQ(test, guard_ip6(test, "::", len), -1);
	KUNIT_EXPECT_EQ(test, guard_ip6(test, "2001:db8:1::12", len),
			XSW_DROP_VNET_SPOOFED_CA);
	/* The CA's IPv4 address as IPv4-mapped IPv6 is not the CA. */
	KUNIT_EXPECT_EQ(test, guard_ip6(test, "::ffff:10.1.1.11", len),
			XSW_DROP_VNET_SPOOFED_CA);
	KUNIT_EXPECT_EQ(test, guard_ip6(test, "2001:db8:1::11", len - 1),
			XSW_DROP_VNET_MALFORMED);
}

static int guard_arp(struct kunit *test, const char *sip, u16 hrd,
		     unsigned int len)
{
	struct xsw_arp_eth arp = {
		.hdr = {
			.ar_hrd = htons(hrd),
			.ar_pro = htons(ETH_P_IP),
			.ar_hln = ETH_ALEN,
			.ar_pln = 4,
			.ar_op = htons(ARPOP_REQUEST),
		},
		.sip = in_aton(sip),
		.tip = in_aton("10.1.1.12"),
	};

	ether_addr_copy(arp.sha, vm_mac);
	return run_guard(test, vnet_test_frame(test, htons(ETH_P_ARP), &arp, len));
}

static void vnet_guard_arp(struct kunit *test)
{
	unsigned int len = sizeof(struct xsw_arp_eth);

	KUNIT_EXPECT_EQ(test, guard_arp(test, "10.1.1.11", ARPHRD_ETHER, len), -1);
	/* An ARP probe has no sender address yet. */
	KUNIT_EXPECT_EQ(test, guard_arp(test, "0.0.0.0", ARPHRD_ETHER, len), -1);
	KUNIT_EXPECT_EQ(test, guard_arp(test, "10.1.1.13", ARPHRD_ETHER, len),
			XSW_DROP_VNET_SPOOFED_CA);
	KUNIT_EXPECT_EQ(test, guard_arp(test, "10.1.1.11", ARPHRD_ETHER, len - 1),
			XSW_DROP_VNET_MALFORMED);
	KUNIT_EXPECT_EQ(test, guard_arp(test, "10.1.1.11", ARPHRD_IEEE802, len),
			XSW_DROP_VNET_MALFORMED);
}

static void vnet_guard_other(struct kunit *test)
{
	static const u8 lldp[16];
	struct sk_buff *skb;

	skb = vnet_test_frame(test, htons(ETH_P_LLDP), lldp, sizeof(lldp));
	KUNIT_EXPECT_EQ(test, run_guard(test, skb), -1);
}

/*
 * A frame of @proto with @payload behind @n_tags tags, the first of type
 * @outer and the others 802.1Q, as an 802.1ad frame (or a priority tag
 * and a tag) leaves the VLAN step; @cut bytes short.
 */
static int guard_tagged(struct kunit *test, __be16 outer, int n_tags,
			__be16 proto, const void *payload, unsigned int len,
			unsigned int cut)
{
	u8 buf[2 * VLAN_HLEN + sizeof(struct ipv6hdr)];
	struct vlan_hdr *vh = (struct vlan_hdr *)buf;
	int i;

	KUNIT_ASSERT_LE(test, n_tags * VLAN_HLEN + len, sizeof(buf));
	for (i = 0; i < n_tags; i++) {
		vh[i].h_vlan_TCI = htons(100 + i);
		vh[i].h_vlan_encapsulated_proto = i + 1 < n_tags ?
						  htons(ETH_P_8021Q) : proto;
	}
	memcpy(buf + n_tags * VLAN_HLEN, payload, len);
	return run_guard(test, vnet_test_frame(test, n_tags ? outer : proto,
					       buf,
					       n_tags * VLAN_HLEN + len - cut));
}

static void vnet_guard_tagged(struct kunit *test)
{
	struct iphdr ip = {
		.version = 4,
		.ihl = 5,
		.ttl = 64,
		.protocol = IPPROTO_ICMP,
		.saddr = in_aton("10.1.1.12"),
		.daddr = in_aton("10.1.1.11"),
	};
	__be16 ad = htons(ETH_P_8021AD), q = htons(ETH_P_8021Q);
	__be16 v4 = htons(ETH_P_IP);
	struct ipv6hdr ip6 = {
		.version = 6,
		.nexthdr = IPPROTO_ICMPV6,
		.hop_limit = 255,
	};

	/* A spoofed source behind an 802.1ad tag, or behind two tags. */
	KUNIT_EXPECT_EQ(test, guard_tagged(test, ad, 1, v4, &ip, sizeof(ip), 0),
			XSW_DROP_VNET_SPOOFED_CA);
	KUNIT_EXPECT_EQ(test, guard_tagged(test, ad, 2, v4, &ip, sizeof(ip), 0),
			XSW_DROP_VNET_SPOOFED_CA);
	KUNIT_EXPECT_EQ(test, guard_tagged(test, q, 1, v4, &ip, sizeof(ip), 0),
			XSW_DROP_VNET_SPOOFED_CA);
	KUNIT_ASSERT_EQ(test, in6_pton("2001:db8:1::12", -1,
				       ip6.saddr.s6_addr, -1, NULL), 1);
	KUNIT_EXPECT_EQ(test, guard_tagged(test, ad, 1, htons(ETH_P_IPV6),
					   &ip6, sizeof(ip6), 0),
			XSW_DROP_VNET_SPOOFED_CA);
	/* The CA behind a tag passes. */
	ip.saddr = in_aton("10.1.1.11");
	KUNIT_EXPECT_EQ(test, guard_tagged(test, ad, 1, v4, &ip, sizeof(ip), 0),
			-1);
	/* Cut inside the IP header, and inside the tags. */
	KUNIT_EXPECT_EQ(test, guard_tagged(test, ad, 1, v4, &ip, sizeof(ip), 1),
			XSW_DROP_VNET_MALFORMED);
	KUNIT_EXPECT_EQ(test, guard_tagged(test, ad, 2, v4, &ip, 0, 1),
			XSW_DROP_VNET_MALFORMED);
}

static struct kunit_case vnet_guard_cases[] = {
	KUNIT_CASE(vnet_guard_ipv4),
	KUNIT_CASE(vnet_guard_ipv6),
	KUNIT_CASE(vnet_guard_arp),
	KUNIT_CASE(vnet_guard_other),
	KUNIT_CASE(vnet_guard_tagged),
	{}
};

static struct kunit_suite vnet_guard_suite = {
	.name = "xswitch_vnet_guard",
	.test_cases = vnet_guard_cases,
};

/* The 32-bit VNI or key the tunnel devices put on the wire for @vsid. */
static u32 wire_key(u8 encap, u32 vsid)
{
	return be32_to_cpu(tunnel_id_to_key32(xsw_vnet_tun_id(encap, vsid)));
}

/* The VSID a frame with @key on the wire is for. */
static u32 vsid_of(u8 encap, u32 key)
{
	return xsw_vnet_tun_vsid(encap, key32_to_tunnel_id(cpu_to_be32(key)));
}

static void vnet_tun_id_vxlan(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, wire_key(XSW_ENCAP_VXLAN, 5001), 5001U);
	KUNIT_EXPECT_EQ(test, vsid_of(XSW_ENCAP_VXLAN, 0xfffffe), 0xfffffeU);
}

static void vnet_tun_id_nvgre(struct kunit *test)
{
	/* RFC 7637: key = VSID << 8 | FlowID; xswitch sends FlowID 0. */
	KUNIT_EXPECT_EQ(test, wire_key(XSW_ENCAP_NVGRE, 5001), 0x138900U);
	KUNIT_EXPECT_EQ(test, wire_key(XSW_ENCAP_NVGRE, 0xfffffe), 0xfffffe00U);
	KUNIT_EXPECT_EQ(test, vsid_of(XSW_ENCAP_NVGRE, 0x100000), 4096U);
	/* A sender's FlowID is ignored. */
	KUNIT_EXPECT_EQ(test, vsid_of(XSW_ENCAP_NVGRE, 0x1389ab), 5001U);
	/* VXLAN's VNI 5001 is not NVGRE's VSID 5001, nor the other way. */
	KUNIT_EXPECT_NE(test, vsid_of(XSW_ENCAP_NVGRE,
				      wire_key(XSW_ENCAP_VXLAN, 5001)), 5001U);
	KUNIT_EXPECT_NE(test, vsid_of(XSW_ENCAP_VXLAN,
				      wire_key(XSW_ENCAP_NVGRE, 5001)), 5001U);
}

static struct kunit_case vnet_tun_id_cases[] = {
	KUNIT_CASE(vnet_tun_id_vxlan),
	KUNIT_CASE(vnet_tun_id_nvgre),
	{}
};

static struct kunit_suite vnet_tun_id_suite = {
	.name = "xswitch_vnet_tun_id",
	.test_cases = vnet_tun_id_cases,
};

kunit_test_suites(&vnet_guard_suite, &vnet_tun_id_suite);
