/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xswitch: the packet classifier under port ACLs.  A rule set is built
 * once into an immutable tuple-space classifier (acl_cls.c), looked up
 * from the packet path with the key read from the frame (acl_key.c), and
 * replaced as a whole.
 */
#ifndef _XSW_ACL_CLS_H
#define _XSW_ACL_CLS_H

#include <linux/if_ether.h>
#include <linux/in6.h>
#include <linux/skbuff.h>
#include <linux/socket.h>
#include <linux/types.h>

#define XSW_ACL_MAX_RULES	10000
/* Expanded entries (port ranges become prefixes), whatever the rule count. */
#define XSW_ACL_MAX_ENTRIES	(16 * XSW_ACL_MAX_RULES)
/* Prefixes that cover any range of 16-bit ports. */
#define XSW_ACL_MAX_PORT_PREFIXES	30

#define XSW_ACL_KEY_WORDS	8

/* Key flags: what the frame held (struct xsw_acl_key.flags). */
#define XSW_ACL_KEY_IP		BIT(0)	/* IPv4/IPv6 header read */
#define XSW_ACL_KEY_L4		BIT(1)	/* ports/ICMP/TCP fields read */
#define XSW_ACL_KEY_FRAG	BIT(2)	/* an IP fragment */
#define XSW_ACL_KEY_LATER_FRAG	BIT(3)	/* not the first fragment */
#define XSW_ACL_KEY_MALFORMED	BIT(4)	/* a header was cut or invalid */

/**
 * struct xsw_acl_key - the fields of a frame that rules can match
 * @dst_mac: destination MAC
 * @src_mac: source MAC
 * @eth_type: the Ethernet type
 * @vlan_id: the VLAN the switch classified the frame into
 * @src_ip: source address; IPv4 as ::ffff:a.b.c.d
 * @dst_ip: destination address; IPv4 as ::ffff:a.b.c.d
 * @src_port: TCP/UDP/SCTP source port
 * @dst_port: TCP/UDP/SCTP destination port
 * @ip_proto: IPv4 protocol or IPv6 upper-layer header (after extensions)
 * @icmp_type: ICMP type (IPv4) or ICMPv6 type (IPv6)
 * @icmp_code: ICMP or ICMPv6 code
 * @tcp_flags: byte 13 of the TCP header (CWR ... FIN)
 * @flags: XSW_ACL_KEY_*
 * @pad: zero
 * @words: the same 64 bytes, which the classifier masks and hashes
 *
 * Fields a frame does not have are zero.  No padding: every byte is a
 * field or @pad, so two keys compare and hash as words.
 */
struct xsw_acl_key {
	union {
		struct {
			u8 dst_mac[ETH_ALEN];
			u8 src_mac[ETH_ALEN];
			__be16 eth_type;
			u16 vlan_id;
			struct in6_addr src_ip;
			struct in6_addr dst_ip;
			__be16 src_port;
			__be16 dst_port;
			u8 ip_proto;
			u8 icmp_type;
			u8 icmp_code;
			u8 tcp_flags;
			u8 flags;
			u8 pad[7];
		};
		u64 words[XSW_ACL_KEY_WORDS];
	};
};

/* Which fields a match has (struct xsw_acl_match.fields). */
#define XSW_ACL_M_SRC_MAC	BIT(0)
#define XSW_ACL_M_DST_MAC	BIT(1)
#define XSW_ACL_M_ETH_TYPE	BIT(2)
#define XSW_ACL_M_VLAN_ID	BIT(3)
#define XSW_ACL_M_SRC_IP	BIT(4)
#define XSW_ACL_M_DST_IP	BIT(5)
#define XSW_ACL_M_IP_PROTO	BIT(6)
#define XSW_ACL_M_SRC_PORT	BIT(7)
#define XSW_ACL_M_DST_PORT	BIT(8)
#define XSW_ACL_M_ICMP_TYPE	BIT(9)
#define XSW_ACL_M_ICMP_CODE	BIT(10)
#define XSW_ACL_M_TCP_FLAGS	BIT(11)
#define XSW_ACL_M_ALL		(BIT(12) - 1)

/**
 * struct xsw_acl_prefix - an IPv4 or IPv6 prefix
 * @addr: the address; IPv4 as ::ffff:a.b.c.d.  Bits past @len are ignored.
 * @family: AF_INET or AF_INET6
 * @len: the prefix length, up to 32 for IPv4 and 128 for IPv6
 */
struct xsw_acl_prefix {
	struct in6_addr addr;
	u8 family;
	u8 len;
};

/**
 * struct xsw_acl_port_range - TCP/UDP/SCTP ports @lo to @hi, both included
 * @lo: first port
 * @hi: last port
 */
struct xsw_acl_port_range {
	u16 lo;
	u16 hi;
};

/**
 * struct xsw_acl_match - what a rule matches; a frame must have every field
 * @fields: XSW_ACL_M_* of the fields present; the others are ignored
 * @src_mac: source MAC, compared under @src_mac_mask
 * @src_mac_mask: which bits of @src_mac count
 * @dst_mac: destination MAC, compared under @dst_mac_mask
 * @dst_mac_mask: which bits of @dst_mac count
 * @eth_type: Ethernet type
 * @vlan_id: VLAN, 0 to 4095
 * @src_ip: source prefix; implies the family's eth_type
 * @dst_ip: destination prefix; the same family as @src_ip if both
 * @ip_proto: IP protocol; implies an IP frame
 * @src_port: source ports; needs ip_proto tcp, udp or sctp
 * @dst_port: destination ports; likewise
 * @icmp_type: ICMP type; needs ip_proto icmp (IPv4) or icmpv6 (IPv6)
 * @icmp_code: ICMP code; likewise
 * @tcp_flags: TCP flags, compared under @tcp_flags_mask; needs ip_proto tcp
 * @tcp_flags_mask: which flags count
 *
 * Ports, ICMP fields and TCP flags match only frames whose L4 header was
 * read: never a later fragment, even for ports 0-65535.
 */
struct xsw_acl_match {
	u32 fields;
	u8 src_mac[ETH_ALEN];
	u8 src_mac_mask[ETH_ALEN];
	u8 dst_mac[ETH_ALEN];
	u8 dst_mac_mask[ETH_ALEN];
	__be16 eth_type;
	u16 vlan_id;
	struct xsw_acl_prefix src_ip;
	struct xsw_acl_prefix dst_ip;
	u8 ip_proto;
	struct xsw_acl_port_range src_port;
	struct xsw_acl_port_range dst_port;
	u8 icmp_type;
	u8 icmp_code;
	u8 tcp_flags;
	u8 tcp_flags_mask;
};

/**
 * struct xsw_acl_rule - a match and what to do with the frames it matches
 * @match: the fields to match
 * @priority: lower goes first
 * @id: the caller's name for the rule; breaks ties in @priority, lower first
 * @action: the caller's (acl.c: an index into the rule set); the
 *	classifier only hands it back
 *
 * Rules equal in both @priority and @id: the earlier in the array wins.
 */
struct xsw_acl_rule {
	struct xsw_acl_match match;
	u32 priority;
	u32 id;
	u32 action;
};

/**
 * struct xsw_acl_port_prefix - ports p with (p & @mask) == @value
 * @value: the prefix
 * @mask: its leading one bits
 */
struct xsw_acl_port_prefix {
	u16 value;
	u16 mask;
};

struct xsw_acl_cls;

/* The Ethernet type of an address family's frames. */
static inline __be16 xsw_acl_family_eth_type(u8 family)
{
	return htons(family == AF_INET ? ETH_P_IP : ETH_P_IPV6);
}

/* acl_key.c */
void xsw_acl_key_extract(const struct sk_buff *skb, u16 vlan,
			 struct xsw_acl_key *key);
int xsw_acl_match_check(const struct xsw_acl_match *m, const char **why);
int xsw_acl_port_range_expand(const struct xsw_acl_port_range *range,
			      struct xsw_acl_port_prefix *out);

/* acl_cls.c */
struct xsw_acl_cls *xsw_acl_cls_create(const struct xsw_acl_rule *rules,
				       unsigned int n);
void xsw_acl_cls_destroy(struct xsw_acl_cls *cls);
void xsw_acl_cls_destroy_rcu(struct xsw_acl_cls *cls);
const struct xsw_acl_rule *xsw_acl_cls_lookup(const struct xsw_acl_cls *cls,
					      const struct xsw_acl_key *key);
unsigned int xsw_acl_cls_shapes(const struct xsw_acl_cls *cls);
unsigned int xsw_acl_cls_entries(const struct xsw_acl_cls *cls);

#endif /* _XSW_ACL_CLS_H */
