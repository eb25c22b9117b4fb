// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: the key port ACL rules match, read from a frame, and the checks
 * on what rules may ask of it.  The classifier (acl_cls.c) takes rules that
 * xsw_acl_match_check() accepts and cuts their port ranges into prefixes
 * with xsw_acl_port_range_expand().
 */

#include <linux/icmp.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "xswitch.h"
#include "acl_cls.h"

/* ------------------------------------------------------------- the key */

/* @len bytes at @off, if they end by @end (which is at most skb->len). */
static const void *header(const struct sk_buff *skb, int off, int len,
			  int end, void *buf)
{
	if (off + len > end)
		return NULL;
	return skb_header_pointer(skb, off, len, buf);
}

static void extract_l4(const struct sk_buff *skb, int off, int end, bool v6,
		       struct xsw_acl_key *key)
{
	u8 buf[sizeof(struct tcphdr)];
	const u8 *h;
	int len;

	switch (key->ip_proto) {
	case IPPROTO_TCP:
		len = sizeof(struct tcphdr);
		break;
	case IPPROTO_UDP:
		len = 8;
		break;
	case IPPROTO_SCTP:
		len = 12;
		break;
	case IPPROTO_ICMP:	/* with IPv4 only */
		if (v6)
			return;
		len = 4;
		break;
	case IPPROTO_ICMPV6:	/* with IPv6 only */
		if (!v6)
			return;
		len = 4;
		break;
	default:
		return;
	}
	h = header(skb, off, len, end, buf);
	if (!h) {
		key->flags |= XSW_ACL_KEY_MALFORMED;
		return;
	}
	if (key->ip_proto == IPPROTO_ICMP || key->ip_proto == IPPROTO_ICMPV6) {
		key->icmp_type = h[0];
		key->icmp_code = h[1];
	} else {
		/* Ports lead the TCP, UDP and SCTP headers alike. */
		memcpy(&key->src_port, h, 2);
		memcpy(&key->dst_port, h + 2, 2);
		if (key->ip_proto == IPPROTO_TCP)
			key->tcp_flags = h[13];
	}
	key->flags |= XSW_ACL_KEY_L4;
}

static void extract_ipv4(const struct sk_buff *skb, int off,
			 struct xsw_acl_key *key)
{
	const struct iphdr *iph;
	struct iphdr buf;
	int hlen, end;

	iph = skb_header_pointer(skb, off, sizeof(*iph), &buf);
	if (!iph || iph->version != 4 || iph->ihl < 5)
		goto malformed;
	hlen = iph->ihl * 4;
	if (ntohs(iph->tot_len) < hlen)
		goto malformed;
	/* Past the IP packet is Ethernet padding, not L4. */
	end = off + ntohs(iph->tot_len);
	if (end > skb->len) {
		key->flags |= XSW_ACL_KEY_MALFORMED;
		end = skb->len;
	}
	if (off + hlen > end)
		goto malformed;

	ipv6_addr_set_v4mapped(iph->saddr, &key->src_ip);
	ipv6_addr_set_v4mapped(iph->daddr, &key->dst_ip);
	key->ip_proto = iph->protocol;
	key->flags |= XSW_ACL_KEY_IP;
	if (iph->frag_off & htons(IP_MF | IP_OFFSET))
		key->flags |= XSW_ACL_KEY_FRAG;
	if (iph->frag_off & htons(IP_OFFSET))
		key->flags |= XSW_ACL_KEY_LATER_FRAG;
	else
		extract_l4(skb, off + hlen, end, false, key);
	return;

malformed:
	key->flags |= XSW_ACL_KEY_MALFORMED;
}

#define MAX_EXT_HEADERS	8

static void extract_ipv6(const struct sk_buff *skb, int off,
			 struct xsw_acl_key *key)
{
	const struct ipv6hdr *ip6h;
	struct ipv6hdr buf;
	int end, i;
	u8 nexthdr;

	ip6h = skb_header_pointer(skb, off, sizeof(*ip6h), &buf);
	if (!ip6h || ip6h->version != 6) {
		key->flags |= XSW_ACL_KEY_MALFORMED;
		return;
	}
	off += sizeof(*ip6h);
	end = off + ntohs(ip6h->payload_len);
	if (end > skb->len) {
		key->flags |= XSW_ACL_KEY_MALFORMED;
		end = skb->len;
	}
	key->src_ip = ip6h->saddr;
	key->dst_ip = ip6h->daddr;
	key->flags |= XSW_ACL_KEY_IP;

	/* Skip the extension headers that may come before L4. */
	nexthdr = ip6h->nexthdr;
	for (i = 0; i < MAX_EXT_HEADERS; i++) {
		const struct frag_hdr *fh;
		struct frag_hdr fbuf;
		const u8 *h;
		u8 hbuf[2];

		if (nexthdr != NEXTHDR_HOP && nexthdr != NEXTHDR_ROUTING &&
		    nexthdr != NEXTHDR_DEST && nexthdr != NEXTHDR_AUTH &&
		    nexthdr != NEXTHDR_FRAGMENT)
			break;
		if (nexthdr == NEXTHDR_FRAGMENT) {
			fh = header(skb, off, sizeof(*fh), end, &fbuf);
			if (!fh)
				goto malformed;
			key->flags |= XSW_ACL_KEY_FRAG;
			if (fh->frag_off & htons(IP6_OFFSET))
				key->flags |= XSW_ACL_KEY_LATER_FRAG;
			nexthdr = fh->nexthdr;
			off += sizeof(*fh);
			continue;
		}
		h = header(skb, off, sizeof(hbuf), end, hbuf);
		if (!h)
			goto malformed;
		off += nexthdr == NEXTHDR_AUTH ? (h[1] + 2) * 4 : (h[1] + 1) * 8;
		nexthdr = h[0];
	}
	key->ip_proto = nexthdr;
	if (!(key->flags & XSW_ACL_KEY_LATER_FRAG))
		extract_l4(skb, off, end, true, key);
	return;

malformed:
	key->flags |= XSW_ACL_KEY_MALFORMED;
}

/**
 * xsw_acl_key_extract - read the fields ACL rules match from a frame
 * @skb: the frame, skb->data at its Ethernet header, its 802.1Q tag (if
 *	any) taken off by the switch
 * @vlan: the VLAN the switch put the frame in
 * @key: filled in
 *
 * The ethertype is the one behind the VLAN tags left in the payload
 * (xsw_vlan_payload(): an 802.1ad outer tag, or a tag inside the port's
 * VLAN), and the IP fields are read from there, or a VM could carry an IP
 * packet past every IP rule by wrapping it in a tag.  Fields the frame does
 * not have are zero.  A later fragment has no L4
 * fields.  A header that is cut short or invalid sets XSW_ACL_KEY_MALFORMED
 * and leaves itself and what follows it zero; the caller decides what
 * becomes of such a frame.  The skb is only read.
 *
 * Context: any.
 */
void xsw_acl_key_extract(const struct sk_buff *skb, u16 vlan,
			 struct xsw_acl_key *key)
{
	const struct ethhdr *eth;
	struct ethhdr buf;
	__be16 proto;
	int off;

	BUILD_BUG_ON(sizeof(*key) != XSW_ACL_KEY_WORDS * sizeof(u64));
	BUILD_BUG_ON(offsetof(struct xsw_acl_key, pad) +
		     sizeof_field(struct xsw_acl_key, pad) != sizeof(*key));

	memset(key, 0, sizeof(*key));
	key->vlan_id = vlan;
	eth = skb_header_pointer(skb, 0, sizeof(*eth), &buf);
	if (!eth) {
		key->flags |= XSW_ACL_KEY_MALFORMED;
		return;
	}
	memcpy(key->dst_mac, eth->h_dest, ETH_ALEN);
	memcpy(key->src_mac, eth->h_source, ETH_ALEN);
	off = xsw_vlan_payload(skb, &proto);
	key->eth_type = proto;
	if (off < 0) {
		key->flags |= XSW_ACL_KEY_MALFORMED;
		return;
	}
	if (proto == htons(ETH_P_IP))
		extract_ipv4(skb, off, key);
	else if (proto == htons(ETH_P_IPV6))
		extract_ipv6(skb, off, key);
}

/* ----------------------------------------------------------- the rules */

static const char *check_prefix(const struct xsw_acl_prefix *p)
{
	switch (p->family) {
	case AF_INET:
		if (!ipv6_addr_v4mapped(&p->addr))
			return "ipv4 address is not v4-mapped";
		if (p->len > 32)
			return "prefix is longer than the address";
		return NULL;
	case AF_INET6:
		if (p->len > 128)
			return "prefix is longer than the address";
		return NULL;
	default:
		return "unknown address family";
	}
}

static bool is_ip(__be16 eth_type)
{
	return eth_type == htons(ETH_P_IP) || eth_type == htons(ETH_P_IPV6);
}

static const char *check(const struct xsw_acl_match *m)
{
	u32 f = m->fields;
	const char *why;
	u8 family = 0;

	if (f & ~XSW_ACL_M_ALL)
		return "unknown match field";
	if ((f & XSW_ACL_M_VLAN_ID) && m->vlan_id >= VLAN_N_VID)
		return "vlan id is out of range";
	if (f & XSW_ACL_M_SRC_IP) {
		why = check_prefix(&m->src_ip);
		if (why)
			return why;
		family = m->src_ip.family;
	}
	if (f & XSW_ACL_M_DST_IP) {
		why = check_prefix(&m->dst_ip);
		if (why)
			return why;
		if (family && family != m->dst_ip.family)
			return "ip prefixes of mixed family";
		family = m->dst_ip.family;
	}
	if (family && (f & XSW_ACL_M_ETH_TYPE) &&
	    m->eth_type != xsw_acl_family_eth_type(family))
		return "eth_type does not match the address family";
	if ((f & XSW_ACL_M_IP_PROTO) && (f & XSW_ACL_M_ETH_TYPE) &&
	    !is_ip(m->eth_type))
		return "ip_proto needs eth_type ipv4 or ipv6";

	if (f & (XSW_ACL_M_SRC_PORT | XSW_ACL_M_DST_PORT)) {
		if (!(f & XSW_ACL_M_IP_PROTO) ||
		    (m->ip_proto != IPPROTO_TCP && m->ip_proto != IPPROTO_UDP &&
		     m->ip_proto != IPPROTO_SCTP))
			return "ports need ip_proto tcp, udp or sctp";
		if (((f & XSW_ACL_M_SRC_PORT) && m->src_port.lo > m->src_port.hi) ||
		    ((f & XSW_ACL_M_DST_PORT) && m->dst_port.lo > m->dst_port.hi))
			return "port range is reversed";
	}
	if ((f & XSW_ACL_M_TCP_FLAGS) &&
	    (!(f & XSW_ACL_M_IP_PROTO) || m->ip_proto != IPPROTO_TCP))
		return "tcp flags need ip_proto tcp";
	if (f & (XSW_ACL_M_ICMP_TYPE | XSW_ACL_M_ICMP_CODE)) {
		bool v6 = m->ip_proto == IPPROTO_ICMPV6;

		if (!(f & XSW_ACL_M_IP_PROTO) ||
		    (m->ip_proto != IPPROTO_ICMP && !v6))
			return "icmp fields need ip_proto icmp or icmpv6";
		if ((family && family != (v6 ? AF_INET6 : AF_INET)) ||
		    ((f & XSW_ACL_M_ETH_TYPE) &&
		     m->eth_type != xsw_acl_family_eth_type(v6 ? AF_INET6 : AF_INET)))
			return "icmp is for ipv4 and icmpv6 for ipv6";
	}
	return NULL;
}

/**
 * xsw_acl_match_check - whether the classifier can take a match
 * @m: the match
 * @why: set to a short lowercase reason if not; may be NULL
 *
 * Return: 0, or -EINVAL.
 */
int xsw_acl_match_check(const struct xsw_acl_match *m, const char **why)
{
	const char *reason = check(m);

	if (!reason)
		return 0;
	if (why)
		*why = reason;
	return -EINVAL;
}

/**
 * xsw_acl_port_range_expand - cut a port range into prefixes
 * @range: the range
 * @out: room for XSW_ACL_MAX_PORT_PREFIXES prefixes
 *
 * The fewest prefixes whose union is the range, in ascending order:
 * each is the largest aligned block that starts where the last ended.
 *
 * Return: how many, or -EINVAL for a reversed range.
 */
int xsw_acl_port_range_expand(const struct xsw_acl_port_range *range,
			      struct xsw_acl_port_prefix *out)
{
	u32 lo = range->lo, hi = range->hi, size;
	int n = 0;

	if (lo > hi)
		return -EINVAL;
	while (lo <= hi) {
		size = lo ? lo & -lo : 0x10000;
		while (lo + size - 1 > hi)
			size >>= 1;
		out[n].value = lo;
		out[n].mask = ~(size - 1);
		n++;
		lo += size;
	}
	return n;
}
