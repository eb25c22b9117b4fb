// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: VLAN classification at ingress and tagging at egress.
 *
 * Frames reach the pipeline with skb->data at the Ethernet header and
 * the outer tag, if any, in the skb's hardware-accelerated tag (the stack
 * untags before rx_handlers run; the internal and host ports untag what the
 * host sends).  Only 802.1Q is a VLAN here:
 * an 802.1ad (QinQ) outer tag is put back into the payload and the frame is
 * treated as untagged.
 *
 * A priority tag (802.1Q, VLAN 0) says "untagged, with a priority", so it
 * must not hide a second tag: the frame would be switched in the port's
 * own VLAN and leave a trunk whose native VLAN that is with only the
 * second tag, in a VLAN its sender could not reach (VLAN hopping), while
 * Linux's own receive path reads such a frame as one of the inner tag's
 * VLAN (__netif_receive_skb_core()).  It is dropped, under "vlan".
 */

#include <linux/if_vlan.h>

#include "xswitch.h"

bool xsw_vlan_member(const struct xsw_port_policy *pol, u16 vlan)
{
	if (pol->vlan_mode == XSW_VLAN_MODE_ACCESS)
		return vlan == pol->pvid;
	return test_bit(vlan, pol->vlans) || (pol->native && vlan == pol->native);
}

/**
 * xsw_vlan_ingress - the VLAN a frame from a port belongs to
 * @pol: the ingress port's policy
 * @skb: the frame
 * @vlan: set to the frame's VLAN
 *
 * Return: false when the port does not carry the frame's VLAN, or the
 * frame's priority tag hides another tag.
 */
bool xsw_vlan_ingress(const struct xsw_port_policy *pol, struct sk_buff *skb,
		      u16 *vlan)
{
	u16 vid = 0;

	if (skb_vlan_tag_present(skb)) {
		if (skb->vlan_proto != htons(ETH_P_8021Q)) {
			/* QinQ and others: the tag is payload. */
			if (__vlan_insert_inner_tag(skb, skb->vlan_proto,
						    skb_vlan_tag_get(skb),
						    ETH_HLEN))
				return false;
			skb->protocol = skb->vlan_proto;
			__vlan_hwaccel_clear_tag(skb);
		} else {
			vid = skb_vlan_tag_get_id(skb);
		}
	}

	/* A priority tag (VLAN 0) is untagged with a priority... */
	if (!vid && skb_vlan_tag_present(skb) &&
	    eth_type_vlan(((struct ethhdr *)skb->data)->h_proto))
		return false;	/* ...and hides no other tag. */
	if (pol->vlan_mode == XSW_VLAN_MODE_ACCESS) {
		*vlan = pol->pvid;
		return !vid;
	}
	if (!vid) {
		*vlan = pol->native;
		return pol->native;
	}
	/* A tagged frame in the native VLAN is accepted too. */
	*vlan = vid;
	return xsw_vlan_member(pol, vid);
}

/**
 * xsw_vlan_egress - tag or untag a frame for an egress port
 * @pol: the egress port's policy
 * @skb: the frame, which the caller owns alone
 * @vlan: the frame's VLAN
 *
 * Return: false when the port does not carry @vlan.
 */
bool xsw_vlan_egress(const struct xsw_port_policy *pol, struct sk_buff *skb,
		     u16 vlan)
{
	if (!xsw_vlan_member(pol, vlan))
		return false;
	if (pol->vlan_mode == XSW_VLAN_MODE_ACCESS || vlan == pol->native)
		__vlan_hwaccel_clear_tag(skb);
	else
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), vlan);
	return true;
}

/**
 * xsw_vlan_payload - look through the VLAN tags left in a frame's payload
 * @skb: the frame, skb->data at its Ethernet header; only read
 * @proto: set to the ethertype behind up to XSW_VLAN_PAYLOAD_TAGS tags
 *	(802.1Q or 802.1ad) after the MAC addresses
 *
 * The tag the switch classified the frame by is out of the payload by
 * now; what is left is an 802.1ad tag, which the switch carries as
 * payload, or a tag inside the frame's VLAN.  What checks a frame's
 * contents (the DHCP and router guards, ACL keys, a VSID port's address
 * guard) looks through them, as OVS parses two: a VM must not hide what
 * it sends behind a tag that a receiver, or the network behind a trunk,
 * takes off.
 *
 * Context: any.
 * Return: the offset from skb->data of what follows the tags, or -1 when
 * the frame ends inside them (*@proto is then the cut tag's type, or 0
 * for a frame shorter than an Ethernet header).
 */
int xsw_vlan_payload(const struct sk_buff *skb, __be16 *proto)
{
	const struct vlan_hdr *vh;
	struct vlan_hdr vbuf;
	const __be16 *p;
	int off = ETH_HLEN, i;
	__be16 buf;

	*proto = 0;
	p = skb_header_pointer(skb, ETH_HLEN - sizeof(buf), sizeof(buf), &buf);
	if (!p)
		return -1;
	*proto = *p;
	for (i = 0; i < XSW_VLAN_PAYLOAD_TAGS && eth_type_vlan(*proto); i++) {
		vh = skb_header_pointer(skb, off, sizeof(*vh), &vbuf);
		if (!vh)
			return -1;
		*proto = vh->h_vlan_encapsulated_proto;
		off += VLAN_HLEN;
	}
	return off;
}
