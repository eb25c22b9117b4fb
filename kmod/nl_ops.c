// SPDX-License-Identifier: GPL-2.0-only
/*
 * xswitch: the operations of the "xswitch" generic netlink family and the
 * policy of each.  A policy lists what its operation uses; the request
 * attributes it does not use are NLA_REJECT with a message that says where
 * they belong, so that nothing a request holds is silently ignored.
 */

#include <linux/if.h>
#include <linux/module.h>

#include "xswitch.h"

#define IFNAME_POLICY	{ .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 }
#define IFINDEX_POLICY	NLA_POLICY_MIN(NLA_U32, 1)
#define BOOL_POLICY	NLA_POLICY_MAX(NLA_U8, 1)

/* A request attribute of the family that this operation does not take. */
#define REJECT(msg)	{ .type = NLA_REJECT, .reject_message = msg }

static struct netlink_range_validation ageing_range = {
	.min = 1, .max = XSW_MAX_AGEING,
};

static struct netlink_range_validation conn_max_range = {
	.min = 1, .max = XSW_SWITCH_CONN_MAX_LIMIT,
};

static struct netlink_range_validation learn_limit_range = {
	.max = XSW_MAX_LEARN_LIMIT,
};

/* --------------------------------------------------------------- switch */

#define SWITCH_SETTINGS_REJECT \
	[XSW_A_SWITCH_AGEING_TIME]	= REJECT("ageing time is set with switch set"), \
	[XSW_A_SWITCH_CONN_MAX]		= REJECT("conn max is set with switch set"), \
	[XSW_A_SWITCH_VXLAN_PORT]	= REJECT("the vxlan port is set with switch set")

static const struct nla_policy switch_new_policy[XSW_A_SWITCH_VXLAN_PORT + 1] = {
	[XSW_A_SWITCH_IFINDEX]		= REJECT("a new switch is named: it has no ifindex yet"),
	[XSW_A_SWITCH_IFNAME]		= IFNAME_POLICY,
	SWITCH_SETTINGS_REJECT,
};

/* Names one switch: SWITCH_DEL, SWITCH_GET (a dump: only that switch) */
static const struct nla_policy switch_id_policy[XSW_A_SWITCH_VXLAN_PORT + 1] = {
	[XSW_A_SWITCH_IFINDEX]		= IFINDEX_POLICY,
	[XSW_A_SWITCH_IFNAME]		= IFNAME_POLICY,
	SWITCH_SETTINGS_REJECT,
};

static const struct nla_policy switch_set_policy[XSW_A_SWITCH_VXLAN_PORT + 1] = {
	[XSW_A_SWITCH_IFINDEX]		= IFINDEX_POLICY,
	[XSW_A_SWITCH_IFNAME]		= IFNAME_POLICY,
	[XSW_A_SWITCH_AGEING_TIME]	= NLA_POLICY_FULL_RANGE(NLA_U32, &ageing_range),
	[XSW_A_SWITCH_CONN_MAX]		= NLA_POLICY_FULL_RANGE(NLA_U32, &conn_max_range),
	[XSW_A_SWITCH_VXLAN_PORT]	= NLA_POLICY_MIN(NLA_U16, 1),
};

/* ----------------------------------------------------------------- port */

/* The port, and the switch it must be on (optional, checked). */
#define PORT_ID_POLICY \
	[XSW_A_PORT_IFINDEX]		= IFINDEX_POLICY, \
	[XSW_A_PORT_IFNAME]		= IFNAME_POLICY, \
	[XSW_A_PORT_SWITCH_IFINDEX]	= IFINDEX_POLICY, \
	[XSW_A_PORT_SWITCH_IFNAME]	= IFNAME_POLICY

#define PORT_TYPE_REJECT \
	[XSW_A_PORT_TYPE]		= REJECT("a port's type is given when the port is made")

/* VLAN_MODE to LEARN_LIMIT: the settings PORT_SET changes. */
#define PORT_SETTINGS_REJECT(msg) \
	[XSW_A_PORT_VLAN_MODE ... XSW_A_PORT_LEARN_LIMIT] = REJECT(msg)

static const struct nla_policy port_new_policy[XSW_A_PORT_LEARN_LIMIT + 1] = {
	PORT_ID_POLICY,
	[XSW_A_PORT_TYPE]		= NLA_POLICY_RANGE(NLA_U8, XSW_PORT_TYPE_EXTERNAL,
							   XSW_PORT_TYPE_INTERNAL),
	PORT_SETTINGS_REJECT("port settings are set with port set, once the port is made"),
};

/*
 * PORT_DEL and PORT_GET: one port, on the switch if one is named; a dump
 * may name a switch, a port, or both.
 */
static const struct nla_policy port_id_policy[XSW_A_PORT_LEARN_LIMIT + 1] = {
	PORT_ID_POLICY,
	PORT_TYPE_REJECT,
	PORT_SETTINGS_REJECT("port settings are changed with port set"),
};

static const struct nla_policy port_set_policy[XSW_A_PORT_LEARN_LIMIT + 1] = {
	PORT_ID_POLICY,
	PORT_TYPE_REJECT,
	[XSW_A_PORT_VLAN_MODE]		= NLA_POLICY_RANGE(NLA_U8, XSW_VLAN_MODE_ACCESS,
							   XSW_VLAN_MODE_TRUNK),
	[XSW_A_PORT_PVID]		= NLA_POLICY_RANGE(NLA_U16, 1, XSW_VLAN_MAX),
	[XSW_A_PORT_VLANS]		= NLA_POLICY_EXACT_LEN(XSW_VLAN_BITMAP_LEN),
	[XSW_A_PORT_NATIVE_VLAN]	= NLA_POLICY_MAX(NLA_U16, XSW_VLAN_MAX),
	[XSW_A_PORT_MAC]		= NLA_POLICY_ETH_ADDR,
	[XSW_A_PORT_MAC_SPOOFING]	= BOOL_POLICY,
	[XSW_A_PORT_DHCP_GUARD]		= BOOL_POLICY,
	[XSW_A_PORT_ROUTER_GUARD]	= BOOL_POLICY,
	[XSW_A_PORT_ISOLATED]		= BOOL_POLICY,
	[XSW_A_PORT_LEARN_LIMIT]	= NLA_POLICY_FULL_RANGE(NLA_U32, &learn_limit_range),
};

/* ------------------------------------------------------------------ fdb */

#define FDB_SWITCH_POLICY \
	[XSW_A_FDB_SWITCH_IFINDEX]	= IFINDEX_POLICY, \
	[XSW_A_FDB_SWITCH_IFNAME]	= IFNAME_POLICY

/* An entry, or a filter of FDB_FLUSH. */
#define FDB_ENTRY_POLICY \
	[XSW_A_FDB_MAC]			= NLA_POLICY_ETH_ADDR, \
	[XSW_A_FDB_VLAN]		= NLA_POLICY_RANGE(NLA_U16, 1, XSW_VLAN_MAX), \
	[XSW_A_FDB_PORT_IFINDEX]	= IFINDEX_POLICY, \
	[XSW_A_FDB_PORT_IFNAME]		= IFNAME_POLICY

#define FDB_NEW_STATIC \
	"fdb add always makes a static entry: static is a flush option"

static const struct nla_policy fdb_new_policy[XSW_A_FDB_STATIC + 1] = {
	FDB_SWITCH_POLICY,
	FDB_ENTRY_POLICY,
	[XSW_A_FDB_STATIC]		= REJECT(FDB_NEW_STATIC),
};

#define FDB_DEL_STATIC \
	"fdb del deletes static and learned entries alike: static is a flush option"

/* FDB_DEL: the port, when given, is where the entry must be. */
static const struct nla_policy fdb_del_policy[XSW_A_FDB_STATIC + 1] = {
	FDB_SWITCH_POLICY,
	FDB_ENTRY_POLICY,
	[XSW_A_FDB_STATIC]		= REJECT(FDB_DEL_STATIC),
};

#define FDB_DUMP_REJECT "an fdb dump takes the switch only"

static const struct nla_policy fdb_get_policy[XSW_A_FDB_STATIC + 1] = {
	FDB_SWITCH_POLICY,
	[XSW_A_FDB_MAC]			= REJECT(FDB_DUMP_REJECT),
	[XSW_A_FDB_VLAN]		= REJECT(FDB_DUMP_REJECT),
	[XSW_A_FDB_PORT_IFINDEX]	= REJECT(FDB_DUMP_REJECT),
	[XSW_A_FDB_PORT_IFNAME]		= REJECT(FDB_DUMP_REJECT),
	[XSW_A_FDB_STATIC]		= REJECT(FDB_DUMP_REJECT),
};

/* FDB_FLUSH: every attribute but the switch is a filter. */
static const struct nla_policy fdb_flush_policy[XSW_A_FDB_STATIC + 1] = {
	FDB_SWITCH_POLICY,
	FDB_ENTRY_POLICY,
	[XSW_A_FDB_STATIC]		= { .type = NLA_FLAG },
};

/* ------------------------------------------------------------ extension */

static struct netlink_range_validation ext_priority_range = {
	.max = XSW_EXT_PRIORITY_MAX,
};

static const struct nla_policy ext_opt_policy[XSW_A_EXT_OPT_VALUE + 1] = {
	[XSW_A_EXT_OPT_NAME]		= { .type = NLA_NUL_STRING,
					    .len = XSW_EXT_NAME_LEN - 1 },
	[XSW_A_EXT_OPT_VALUE]		= { .type = NLA_BINARY,
					    .len = XSW_EXT_OPT_MAX_LEN },
};

static const struct nla_policy ext_opts_policy[XSW_A_EXT_OPTION + 1] = {
	[XSW_A_EXT_OPTION]		= NLA_POLICY_NESTED(ext_opt_policy),
};

#define EXT_ID_POLICY \
	[XSW_A_EXT_NAME]		= { .type = NLA_NUL_STRING, \
					    .len = XSW_EXT_NAME_LEN - 1 }, \
	[XSW_A_EXT_SWITCH_IFINDEX]	= IFINDEX_POLICY, \
	[XSW_A_EXT_SWITCH_IFNAME]	= IFNAME_POLICY

/* EXT_GET and EXT_DETACH: an extension, and a switch. */
static const struct nla_policy ext_id_policy[XSW_A_EXT_PRIORITY + 1] = {
	EXT_ID_POLICY,
	[XSW_A_EXT_OPTIONS]		= REJECT("options are for ext attach and set"),
	[XSW_A_EXT_PRIORITY]		= REJECT("priority is for ext attach and set"),
};

/* EXT_ATTACH and EXT_SET */
static const struct nla_policy ext_policy[XSW_A_EXT_PRIORITY + 1] = {
	EXT_ID_POLICY,
	[XSW_A_EXT_OPTIONS]		= NLA_POLICY_NESTED(ext_opts_policy),
	[XSW_A_EXT_PRIORITY]		= NLA_POLICY_FULL_RANGE(NLA_U32, &ext_priority_range),
};

/* ------------------------------------------------------------------ acl */

#define ACL_PORT_POLICY \
	[XSW_A_ACL_PORT_IFINDEX]	= IFINDEX_POLICY, \
	[XSW_A_ACL_PORT_IFNAME]		= IFNAME_POLICY, \
	[XSW_A_ACL_DIR]			= NLA_POLICY_RANGE(NLA_U8, XSW_ACL_DIR_IN, \
							   XSW_ACL_DIR_OUT)

#define ACL_DEFAULT_POLICY \
	[XSW_A_ACL_DEFAULT]		= NLA_POLICY_RANGE(NLA_U8, XSW_ACL_ACTION_ALLOW, \
							   XSW_ACL_ACTION_DENY)

#define ACL_ID_REJECT \
	[XSW_A_ACL_ID]			= REJECT("rule ids are given by the kernel")

/* A rule: in XSW_CMD_ACL_ADD, and in each XSW_A_ACL_RULE of _REPLACE. */
#define ACL_RULE_POLICY \
	[XSW_A_ACL_PRIORITY]		= { .type = NLA_U32 }, \
	[XSW_A_ACL_ACTION]		= NLA_POLICY_RANGE(NLA_U8, XSW_ACL_ACTION_ALLOW, \
							   XSW_ACL_ACTION_ALLOW_STATEFUL), \
	[XSW_A_ACL_SRC_MAC]		= NLA_POLICY_ETH_ADDR, \
	[XSW_A_ACL_SRC_MAC_MASK]	= NLA_POLICY_ETH_ADDR, \
	[XSW_A_ACL_DST_MAC]		= NLA_POLICY_ETH_ADDR, \
	[XSW_A_ACL_DST_MAC_MASK]	= NLA_POLICY_ETH_ADDR, \
	[XSW_A_ACL_ETH_TYPE]		= { .type = NLA_U16 }, \
	[XSW_A_ACL_VLAN_ID]		= NLA_POLICY_RANGE(NLA_U16, 1, XSW_VLAN_MAX), \
	[XSW_A_ACL_SRC_IP]		= NLA_POLICY_RANGE(NLA_BINARY, 4, 16), \
	[XSW_A_ACL_DST_IP]		= NLA_POLICY_RANGE(NLA_BINARY, 4, 16), \
	[XSW_A_ACL_SRC_PREFIX]		= NLA_POLICY_MAX(NLA_U8, 128), \
	[XSW_A_ACL_DST_PREFIX]		= NLA_POLICY_MAX(NLA_U8, 128), \
	[XSW_A_ACL_IP_PROTO]		= { .type = NLA_U8 }, \
	[XSW_A_ACL_SRC_PORT_MIN]	= { .type = NLA_U16 }, \
	[XSW_A_ACL_SRC_PORT_MAX]	= { .type = NLA_U16 }, \
	[XSW_A_ACL_DST_PORT_MIN]	= { .type = NLA_U16 }, \
	[XSW_A_ACL_DST_PORT_MAX]	= { .type = NLA_U16 }, \
	[XSW_A_ACL_ICMP_TYPE]		= { .type = NLA_U8 }, \
	[XSW_A_ACL_ICMP_CODE]		= { .type = NLA_U8 }, \
	[XSW_A_ACL_TCP_FLAGS]		= { .type = NLA_U8 }, \
	[XSW_A_ACL_TCP_FLAGS_MASK]	= { .type = NLA_U8 }

/*
 * PRIORITY to TCP_FLAGS_MASK: a rule's attributes, and DEFAULT among them,
 * where a command takes none of them.
 */
#define ACL_RULE_DEFAULT_REJECT(msg) \
	[XSW_A_ACL_PRIORITY ... XSW_A_ACL_TCP_FLAGS_MASK] = REJECT(msg)

#define ACL_RULES_REJECT(msg) \
	[XSW_A_ACL_RULES ... XSW_A_ACL_RULE] = REJECT(msg)

#define ACL_DEFAULT_REJECT \
	"the default action is set with acl set or replace"

static const struct nla_policy acl_add_policy[XSW_A_ACL_RULE + 1] = {
	ACL_PORT_POLICY,
	ACL_RULE_POLICY,
	ACL_ID_REJECT,
	[XSW_A_ACL_DEFAULT]		= REJECT(ACL_DEFAULT_REJECT),
	ACL_RULES_REJECT("a list of rules is for acl replace"),
};

static const struct nla_policy acl_rule_policy[XSW_A_ACL_RULE + 1] = {
	ACL_RULE_POLICY,
	[XSW_A_ACL_PORT_IFINDEX]	= REJECT("the port goes outside the rules"),
	[XSW_A_ACL_PORT_IFNAME]		= REJECT("the port goes outside the rules"),
	[XSW_A_ACL_DIR]			= REJECT("the direction goes outside the rules"),
	ACL_ID_REJECT,
	[XSW_A_ACL_DEFAULT]		= REJECT("the default action goes outside the rules"),
	ACL_RULES_REJECT("rules do not nest"),
};

static const struct nla_policy acl_rules_policy[XSW_A_ACL_RULE + 1] = {
	[XSW_A_ACL_RULE]		= NLA_POLICY_NESTED(acl_rule_policy),
};

#define ACL_RULE_OUTSIDE \
	"a rule of acl replace goes in an XSW_A_ACL_RULE of XSW_A_ACL_RULES"

static const struct nla_policy acl_replace_policy[XSW_A_ACL_RULE + 1] = {
	ACL_PORT_POLICY,
	ACL_DEFAULT_POLICY,
	ACL_ID_REJECT,
	[XSW_A_ACL_PRIORITY ... XSW_A_ACL_ACTION] = REJECT(ACL_RULE_OUTSIDE),
	[XSW_A_ACL_SRC_MAC ... XSW_A_ACL_TCP_FLAGS_MASK] = REJECT(ACL_RULE_OUTSIDE),
	[XSW_A_ACL_RULES]		= NLA_POLICY_NESTED(acl_rules_policy),
	[XSW_A_ACL_RULE]		= REJECT("a rule of acl replace goes in XSW_A_ACL_RULES"),
};

#define ACL_DEL_REJECT "acl del takes a port, a rule id and a direction only"

static const struct nla_policy acl_del_policy[XSW_A_ACL_RULE + 1] = {
	ACL_PORT_POLICY,
	[XSW_A_ACL_ID]			= NLA_POLICY_MIN(NLA_U32, 1),
	ACL_RULE_DEFAULT_REJECT(ACL_DEL_REJECT),
	ACL_RULES_REJECT(ACL_DEL_REJECT),
};

#define ACL_PORT_REJECT "acl show and flush take a port and a direction only"

/* ACL_GET and ACL_FLUSH: a port, maybe one direction. */
static const struct nla_policy acl_port_policy[XSW_A_ACL_RULE + 1] = {
	ACL_PORT_POLICY,
	[XSW_A_ACL_ID]			= REJECT(ACL_PORT_REJECT),
	ACL_RULE_DEFAULT_REJECT(ACL_PORT_REJECT),
	ACL_RULES_REJECT(ACL_PORT_REJECT),
};

#define ACL_SET_REJECT "acl set takes a port, a direction and a default action only"

static const struct nla_policy acl_set_policy[XSW_A_ACL_RULE + 1] = {
	ACL_PORT_POLICY,
	ACL_DEFAULT_POLICY,
	[XSW_A_ACL_ID]			= REJECT(ACL_SET_REJECT),
	[XSW_A_ACL_PRIORITY ... XSW_A_ACL_ACTION] = REJECT(ACL_SET_REJECT),
	[XSW_A_ACL_SRC_MAC ... XSW_A_ACL_TCP_FLAGS_MASK] = REJECT(ACL_SET_REJECT),
	ACL_RULES_REJECT(ACL_SET_REJECT),
};

/* ------------------------------------------------------------------ qos */

static struct netlink_range_validation qos_rate_range = {
	.min = 1, .max = XSW_QOS_RATE_MAX,
};

static struct netlink_range_validation qos_burst_range = {
	.min = 1, .max = XSW_QOS_BURST_MAX,
};

/* The port, and the switch it must be on (optional, checked). */
#define QOS_PORT_POLICY \
	[XSW_A_QOS_PORT_IFINDEX]	= IFINDEX_POLICY, \
	[XSW_A_QOS_PORT_IFNAME]		= IFNAME_POLICY, \
	[XSW_A_QOS_SWITCH_IFINDEX]	= IFINDEX_POLICY, \
	[XSW_A_QOS_SWITCH_IFNAME]	= IFNAME_POLICY

#define QOS_DIR_POLICY \
	[XSW_A_QOS_DIR]			= NLA_POLICY_RANGE(NLA_U8, XSW_ACL_DIR_IN, \
							   XSW_ACL_DIR_OUT)

#define QOS_DEL_REJECT	"the del flags are for qos del"
#define QOS_VALUES_REJECT \
	"qos del names what it removes with its flags and a direction, not with values"

static const struct nla_policy qos_set_policy[XSW_A_QOS_DEL_LINK + 1] = {
	QOS_PORT_POLICY,
	QOS_DIR_POLICY,
	[XSW_A_QOS_MAX_RATE]		= NLA_POLICY_FULL_RANGE(NLA_U64, &qos_rate_range),
	[XSW_A_QOS_BURST]		= NLA_POLICY_FULL_RANGE(NLA_U32, &qos_burst_range),
	[XSW_A_QOS_MIN_RATE]		= NLA_POLICY_FULL_RANGE(NLA_U64, &qos_rate_range),
	[XSW_A_QOS_MIN_WEIGHT]		= NLA_POLICY_RANGE(NLA_U32, 1, XSW_QOS_WEIGHT_MAX),
	[XSW_A_QOS_LINK_RATE]		= NLA_POLICY_FULL_RANGE(NLA_U64, &qos_rate_range),
	[XSW_A_QOS_DEL_MAX ... XSW_A_QOS_DEL_MIN] = REJECT(QOS_DEL_REJECT),
	[XSW_A_QOS_DEL_LINK]		= REJECT(QOS_DEL_REJECT),
};

#define QOS_GET_REJECT "qos show takes a port or a switch only"

static const struct nla_policy qos_get_policy[XSW_A_QOS_DEL_LINK + 1] = {
	QOS_PORT_POLICY,
	/* DIR to MIN_WEIGHT, DEL_MAX to DEL_LINK: settings, and what QOS_DEL takes */
	[XSW_A_QOS_DIR ... XSW_A_QOS_MIN_WEIGHT] = REJECT(QOS_GET_REJECT),
	[XSW_A_QOS_DEL_MAX ... XSW_A_QOS_DEL_LINK] = REJECT(QOS_GET_REJECT),
};

static const struct nla_policy qos_del_policy[XSW_A_QOS_DEL_LINK + 1] = {
	QOS_PORT_POLICY,
	QOS_DIR_POLICY,
	[XSW_A_QOS_MAX_RATE ... XSW_A_QOS_MIN_WEIGHT] = REJECT(QOS_VALUES_REJECT),
	[XSW_A_QOS_LINK_RATE]		= REJECT(QOS_VALUES_REJECT),
	[XSW_A_QOS_DEL_MAX]		= { .type = NLA_FLAG },
	[XSW_A_QOS_DEL_MIN]		= { .type = NLA_FLAG },
	[XSW_A_QOS_DEL_LINK]		= { .type = NLA_FLAG },
};

/* ------------------------------------------------ network virtualisation */

#define VADDR_POLICY	NLA_POLICY_RANGE(NLA_BINARY, 4, 16)
#define VNET_NAME_POLICY \
	{ .type = NLA_NUL_STRING, .len = XSW_VNET_NAME_LEN - 1 }
#define READ_ONLY	REJECT("a read-only attribute: the kernel reports it")

static struct netlink_range_validation vsid_range = {
	.min = XSW_VSID_MIN, .max = XSW_VSID_MAX,
};

static struct netlink_range_validation vport_vsid_range = {
	.max = XSW_VSID_MAX,
};

#define VSID_POLICY	NLA_POLICY_FULL_RANGE(NLA_U32, &vsid_range)

#define VNET_READ_ONLY \
	[XSW_A_VNET_NUM_VSUBNETS ... XSW_A_VNET_GEN] = READ_ONLY

static const struct nla_policy vnet_new_policy[XSW_A_VNET_GEN + 1] = {
	[XSW_A_VNET_NAME]		= VNET_NAME_POLICY,
	[XSW_A_VNET_RDID]		= { .type = NLA_U32 },
	VNET_READ_ONLY,
};

/* VNET_DEL and VNET_GET */
static const struct nla_policy vnet_id_policy[XSW_A_VNET_GEN + 1] = {
	[XSW_A_VNET_NAME]		= VNET_NAME_POLICY,
	[XSW_A_VNET_RDID]		= REJECT("a vnet is named by its name, not its rdid"),
	VNET_READ_ONLY,
};

static const struct nla_policy vprefix_policy[XSW_A_VPREFIX_LEN + 1] = {
	[XSW_A_VPREFIX_ADDR]		= VADDR_POLICY,
	[XSW_A_VPREFIX_LEN]		= NLA_POLICY_MAX(NLA_U8, 128),
};

static const struct nla_policy vprefixes_policy[XSW_A_VSUBNET_PREFIX + 1] = {
	[XSW_A_VSUBNET_PREFIX]		= NLA_POLICY_NESTED(vprefix_policy),
};

#define VSUBNET_READ_ONLY \
	[XSW_A_VSUBNET_RDID]		= READ_ONLY, \
	[XSW_A_VSUBNET_NUM_PORTS ... XSW_A_VSUBNET_STATS] = READ_ONLY

#define VSUBNET_PREFIX_REJECT \
	[XSW_A_VSUBNET_PREFIX]		= REJECT("prefixes go inside the prefixes nest")

static const struct nla_policy vsubnet_new_policy[XSW_A_VSUBNET_STATS + 1] = {
	[XSW_A_VSUBNET_VSID]		= VSID_POLICY,
	[XSW_A_VSUBNET_VNET]		= VNET_NAME_POLICY,
	[XSW_A_VSUBNET_PREFIXES]	= NLA_POLICY_NESTED(vprefixes_policy),
	VSUBNET_PREFIX_REJECT,
	[XSW_A_VSUBNET_GATEWAY]		= VADDR_POLICY,
	[XSW_A_VSUBNET_ENCAP]		= NLA_POLICY_RANGE(NLA_U8, XSW_ENCAP_VXLAN,
							   XSW_ENCAP_NVGRE),
	VSUBNET_READ_ONLY,
};

#define VSUBNET_ID_REJECT "a virtual subnet is named by its vsid alone"

/* VSUBNET_DEL and VSUBNET_GET */
static const struct nla_policy vsubnet_id_policy[XSW_A_VSUBNET_STATS + 1] = {
	[XSW_A_VSUBNET_VSID]		= VSID_POLICY,
	[XSW_A_VSUBNET_VNET]		= REJECT(VSUBNET_ID_REJECT),
	[XSW_A_VSUBNET_PREFIXES ... XSW_A_VSUBNET_ENCAP] = REJECT(VSUBNET_ID_REJECT),
	VSUBNET_READ_ONLY,
};

/* PA_NEW, PA_DEL and PA_GET (a dump: only that switch, that address) */
static const struct nla_policy pa_policy[XSW_A_PA_GEN + 1] = {
	[XSW_A_PA_SWITCH_IFINDEX]	= IFINDEX_POLICY,
	[XSW_A_PA_SWITCH_IFNAME]	= IFNAME_POLICY,
	[XSW_A_PA_ADDR]			= VADDR_POLICY,
	[XSW_A_PA_GEN]			= READ_ONLY,
};

#define PA_GET_REJECT "pa show lists every pa: it takes nothing"

static const struct nla_policy pa_get_policy[XSW_A_PA_GEN + 1] = {
	[XSW_A_PA_SWITCH_IFINDEX ... XSW_A_PA_ADDR] = REJECT(PA_GET_REJECT),
	[XSW_A_PA_GEN]			= READ_ONLY,
};

static const struct nla_policy vport_cas_policy[XSW_A_VPORT_CA + 1] = {
	[XSW_A_VPORT_CA]		= VADDR_POLICY,
};

static const struct nla_policy vport_set_policy[XSW_A_VPORT_GEN + 1] = {
	[XSW_A_VPORT_PORT_IFINDEX]	= IFINDEX_POLICY,
	[XSW_A_VPORT_PORT_IFNAME]	= IFNAME_POLICY,
	/* 0 leaves; the handler looks up any other value */
	[XSW_A_VPORT_VSID]		= NLA_POLICY_FULL_RANGE(NLA_U32, &vport_vsid_range),
	[XSW_A_VPORT_CAS]		= NLA_POLICY_NESTED(vport_cas_policy),
	[XSW_A_VPORT_CA]		= REJECT("customer addresses go inside the cas nest"),
	[XSW_A_VPORT_GEN]		= READ_ONLY,
};

#define VPORT_GET_REJECT "port vnet membership is dumped whole"

static const struct nla_policy vport_get_policy[XSW_A_VPORT_GEN + 1] = {
	[XSW_A_VPORT_PORT_IFINDEX ... XSW_A_VPORT_GEN] = REJECT(VPORT_GET_REJECT),
};

#define MAP_ENTRY_POLICY \
	[XSW_A_MAP_VSID]		= VSID_POLICY, \
	[XSW_A_MAP_CA]			= VADDR_POLICY, \
	[XSW_A_MAP_MAC]			= NLA_POLICY_ETH_ADDR, \
	[XSW_A_MAP_PA]			= VADDR_POLICY

#define MAP_READ_ONLY \
	[XSW_A_MAP_RDID ... XSW_A_MAP_HITS] = READ_ONLY, \
	[XSW_A_MAP_COUNT]		= READ_ONLY

#define MAP_BULK_REJECT \
	[XSW_A_MAP_ENTRIES ... XSW_A_MAP_ENTRY] = REJECT("entries are for map bulk")

/* MAP_NEW, and each XSW_A_MAP_ENTRY of MAP_BULK */
static const struct nla_policy map_new_policy[XSW_A_MAP_GEN_MIN + 1] = {
	MAP_ENTRY_POLICY,
	MAP_READ_ONLY,
	MAP_BULK_REJECT,
	[XSW_A_MAP_GEN_MIN]		= REJECT("gen min is a map dump filter"),
};

#define MAP_ID_REJECT "a mapping is named by its vsid and ca alone"

static const struct nla_policy map_id_policy[XSW_A_MAP_GEN_MIN + 1] = {
	[XSW_A_MAP_VSID]		= VSID_POLICY,
	[XSW_A_MAP_CA]			= VADDR_POLICY,
	[XSW_A_MAP_MAC ... XSW_A_MAP_PA] = REJECT(MAP_ID_REJECT),
	MAP_READ_ONLY,
	MAP_BULK_REJECT,
	[XSW_A_MAP_GEN_MIN]		= REJECT("gen min is a map dump filter"),
};

#define MAP_GET_REJECT "map show filters by vsid, ca and gen min"

static const struct nla_policy map_get_policy[XSW_A_MAP_GEN_MIN + 1] = {
	[XSW_A_MAP_VSID]		= VSID_POLICY,
	[XSW_A_MAP_CA]			= VADDR_POLICY,
	[XSW_A_MAP_MAC ... XSW_A_MAP_PA] = REJECT(MAP_GET_REJECT),
	MAP_READ_ONLY,
	MAP_BULK_REJECT,
	[XSW_A_MAP_GEN_MIN]		= { .type = NLA_U64 },
};

#define MAP_FLUSH_REJECT "map flush takes a vsid or nothing"

static const struct nla_policy map_flush_policy[XSW_A_MAP_GEN_MIN + 1] = {
	[XSW_A_MAP_VSID]		= VSID_POLICY,
	[XSW_A_MAP_CA ... XSW_A_MAP_PA]	= REJECT(MAP_FLUSH_REJECT),
	MAP_READ_ONLY,
	MAP_BULK_REJECT,
	[XSW_A_MAP_GEN_MIN]		= REJECT(MAP_FLUSH_REJECT),
};

static const struct nla_policy map_entries_policy[XSW_A_MAP_ENTRY + 1] = {
	[XSW_A_MAP_ENTRY]		= NLA_POLICY_NESTED(map_new_policy),
};

#define MAP_BULK_ONLY_ENTRIES "map bulk takes its mappings in the entries nest"

static const struct nla_policy map_bulk_policy[XSW_A_MAP_GEN_MIN + 1] = {
	[XSW_A_MAP_VSID ... XSW_A_MAP_PA] = REJECT(MAP_BULK_ONLY_ENTRIES),
	MAP_READ_ONLY,
	[XSW_A_MAP_ENTRIES]		= NLA_POLICY_NESTED(map_entries_policy),
	[XSW_A_MAP_ENTRY]		= REJECT(MAP_BULK_ONLY_ENTRIES),
	[XSW_A_MAP_GEN_MIN]		= REJECT(MAP_BULK_ONLY_ENTRIES),
};

static const struct genl_ops xsw_genl_ops[] = {
	{
		.cmd		= XSW_CMD_SWITCH_NEW,
		.doit		= xsw_nl_switch_new_doit,
		.policy		= switch_new_policy,
		.maxattr	= ARRAY_SIZE(switch_new_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_SWITCH_DEL,
		.doit		= xsw_nl_switch_del_doit,
		.policy		= switch_id_policy,
		.maxattr	= ARRAY_SIZE(switch_id_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_SWITCH_GET,
		.doit		= xsw_nl_switch_get_doit,
		.dumpit		= xsw_nl_switch_get_dumpit,
		.policy		= switch_id_policy,
		.maxattr	= ARRAY_SIZE(switch_id_policy) - 1,
	},
	{
		.cmd		= XSW_CMD_SWITCH_SET,
		.doit		= xsw_nl_switch_set_doit,
		.policy		= switch_set_policy,
		.maxattr	= ARRAY_SIZE(switch_set_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_PORT_NEW,
		.doit		= xsw_nl_port_new_doit,
		.policy		= port_new_policy,
		.maxattr	= ARRAY_SIZE(port_new_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_PORT_DEL,
		.doit		= xsw_nl_port_del_doit,
		.policy		= port_id_policy,
		.maxattr	= ARRAY_SIZE(port_id_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_PORT_GET,
		.doit		= xsw_nl_port_get_doit,
		.dumpit		= xsw_nl_port_get_dumpit,
		.policy		= port_id_policy,
		.maxattr	= ARRAY_SIZE(port_id_policy) - 1,
	},
	{
		.cmd		= XSW_CMD_PORT_SET,
		.doit		= xsw_nl_port_set_doit,
		.policy		= port_set_policy,
		.maxattr	= ARRAY_SIZE(port_set_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_FDB_NEW,
		.doit		= xsw_nl_fdb_new_doit,
		.policy		= fdb_new_policy,
		.maxattr	= ARRAY_SIZE(fdb_new_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_FDB_DEL,
		.doit		= xsw_nl_fdb_del_doit,
		.policy		= fdb_del_policy,
		.maxattr	= ARRAY_SIZE(fdb_del_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_FDB_GET,
		.dumpit		= xsw_nl_fdb_get_dumpit,
		.policy		= fdb_get_policy,
		.maxattr	= ARRAY_SIZE(fdb_get_policy) - 1,
	},
	{
		.cmd		= XSW_CMD_FDB_FLUSH,
		.doit		= xsw_nl_fdb_flush_doit,
		.policy		= fdb_flush_policy,
		.maxattr	= ARRAY_SIZE(fdb_flush_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_EXT_GET,
		.doit		= xsw_nl_ext_get_doit,
		.dumpit		= xsw_nl_ext_get_dumpit,
		.policy		= ext_id_policy,
		.maxattr	= ARRAY_SIZE(ext_id_policy) - 1,
	},
	{
		.cmd		= XSW_CMD_EXT_ATTACH,
		.doit		= xsw_nl_ext_attach_doit,
		.policy		= ext_policy,
		.maxattr	= ARRAY_SIZE(ext_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_EXT_DETACH,
		.doit		= xsw_nl_ext_detach_doit,
		.policy		= ext_id_policy,
		.maxattr	= ARRAY_SIZE(ext_id_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_EXT_SET,
		.doit		= xsw_nl_ext_set_doit,
		.policy		= ext_policy,
		.maxattr	= ARRAY_SIZE(ext_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_ACL_ADD,
		.doit		= xsw_nl_acl_add_doit,
		.policy		= acl_add_policy,
		.maxattr	= ARRAY_SIZE(acl_add_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_ACL_DEL,
		.doit		= xsw_nl_acl_del_doit,
		.policy		= acl_del_policy,
		.maxattr	= ARRAY_SIZE(acl_del_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_ACL_GET,
		.dumpit		= xsw_nl_acl_get_dumpit,
		.policy		= acl_port_policy,
		.maxattr	= ARRAY_SIZE(acl_port_policy) - 1,
	},
	{
		.cmd		= XSW_CMD_ACL_FLUSH,
		.doit		= xsw_nl_acl_flush_doit,
		.policy		= acl_port_policy,
		.maxattr	= ARRAY_SIZE(acl_port_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_ACL_REPLACE,
		.doit		= xsw_nl_acl_replace_doit,
		.policy		= acl_replace_policy,
		.maxattr	= ARRAY_SIZE(acl_replace_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_ACL_SET,
		.doit		= xsw_nl_acl_set_doit,
		.policy		= acl_set_policy,
		.maxattr	= ARRAY_SIZE(acl_set_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_QOS_SET,
		.doit		= xsw_nl_qos_set_doit,
		.policy		= qos_set_policy,
		.maxattr	= ARRAY_SIZE(qos_set_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_QOS_GET,
		.doit		= xsw_nl_qos_get_doit,
		.dumpit		= xsw_nl_qos_get_dumpit,
		.policy		= qos_get_policy,
		.maxattr	= ARRAY_SIZE(qos_get_policy) - 1,
	},
	{
		.cmd		= XSW_CMD_QOS_DEL,
		.doit		= xsw_nl_qos_del_doit,
		.policy		= qos_del_policy,
		.maxattr	= ARRAY_SIZE(qos_del_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_VNET_NEW,
		.doit		= xsw_nl_vnet_new_doit,
		.policy		= vnet_new_policy,
		.maxattr	= ARRAY_SIZE(vnet_new_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_VNET_DEL,
		.doit		= xsw_nl_vnet_del_doit,
		.policy		= vnet_id_policy,
		.maxattr	= ARRAY_SIZE(vnet_id_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_VNET_GET,
		.doit		= xsw_nl_vnet_get_doit,
		.dumpit		= xsw_nl_vnet_get_dumpit,
		.policy		= vnet_id_policy,
		.maxattr	= ARRAY_SIZE(vnet_id_policy) - 1,
	},
	{
		.cmd		= XSW_CMD_VSUBNET_NEW,
		.doit		= xsw_nl_vsubnet_new_doit,
		.policy		= vsubnet_new_policy,
		.maxattr	= ARRAY_SIZE(vsubnet_new_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_VSUBNET_DEL,
		.doit		= xsw_nl_vsubnet_del_doit,
		.policy		= vsubnet_id_policy,
		.maxattr	= ARRAY_SIZE(vsubnet_id_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_VSUBNET_GET,
		.doit		= xsw_nl_vsubnet_get_doit,
		.dumpit		= xsw_nl_vsubnet_get_dumpit,
		.policy		= vsubnet_id_policy,
		.maxattr	= ARRAY_SIZE(vsubnet_id_policy) - 1,
	},
	{
		.cmd		= XSW_CMD_PA_NEW,
		.doit		= xsw_nl_pa_new_doit,
		.policy		= pa_policy,
		.maxattr	= ARRAY_SIZE(pa_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_PA_DEL,
		.doit		= xsw_nl_pa_del_doit,
		.policy		= pa_policy,
		.maxattr	= ARRAY_SIZE(pa_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_PA_GET,
		.dumpit		= xsw_nl_pa_get_dumpit,
		.policy		= pa_get_policy,
		.maxattr	= ARRAY_SIZE(pa_get_policy) - 1,
	},
	{
		.cmd		= XSW_CMD_VPORT_SET,
		.doit		= xsw_nl_vport_set_doit,
		.policy		= vport_set_policy,
		.maxattr	= ARRAY_SIZE(vport_set_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_VPORT_GET,
		.dumpit		= xsw_nl_vport_get_dumpit,
		.policy		= vport_get_policy,
		.maxattr	= ARRAY_SIZE(vport_get_policy) - 1,
	},
	{
		.cmd		= XSW_CMD_MAP_NEW,
		.doit		= xsw_nl_map_new_doit,
		.policy		= map_new_policy,
		.maxattr	= ARRAY_SIZE(map_new_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_MAP_DEL,
		.doit		= xsw_nl_map_del_doit,
		.policy		= map_id_policy,
		.maxattr	= ARRAY_SIZE(map_id_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_MAP_GET,
		.doit		= xsw_nl_map_get_doit,
		.dumpit		= xsw_nl_map_get_dumpit,
		.policy		= map_get_policy,
		.maxattr	= ARRAY_SIZE(map_get_policy) - 1,
	},
	{
		.cmd		= XSW_CMD_MAP_FLUSH,
		.doit		= xsw_nl_map_flush_doit,
		.policy		= map_flush_policy,
		.maxattr	= ARRAY_SIZE(map_flush_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= XSW_CMD_MAP_BULK,
		.doit		= xsw_nl_map_bulk_doit,
		.policy		= map_bulk_policy,
		.maxattr	= ARRAY_SIZE(map_bulk_policy) - 1,
		.flags		= GENL_ADMIN_PERM,
	},
};

static const struct genl_multicast_group xsw_nl_mcgrps[] = {
	[XSW_NL_MCGRP_EVENTS] = { .name = XSW_MCGRP_EVENTS },
};

/* resv_start_op stays 0: strict validation for every operation. */
struct genl_family xsw_genl_family __ro_after_init = {
	.name		= XSW_GENL_NAME,
	.version	= XSW_GENL_VERSION,
	.netnsok	= true,
	/* Handlers take RTNL themselves; genl_mutex would add nothing. */
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.ops		= xsw_genl_ops,
	.n_ops		= ARRAY_SIZE(xsw_genl_ops),
	.mcgrps		= xsw_nl_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(xsw_nl_mcgrps),
};

