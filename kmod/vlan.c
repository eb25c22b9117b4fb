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
 * Return: false when the port does not carry the frame's VLAN.
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

	/* A priority tag (VLAN 0) is untagged with a priority. */
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
