// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Extension option values between text, as typed after "xsw ext set", and
 * their wire encoding (uapi/linux/xswitch.h, "option values").
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decimal, or hex after "0x"; nothing else, not even a sign or a space. */
static int text_u32(const char *s, uint32_t *val, const char **why)
{
	unsigned int base = 10;
	uint64_t v = 0;
	bool big = false;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (!*s) {
		*why = "is not a number (decimal, or hex after 0x)";
		return -EINVAL;
	}
	for (; *s; s++) {
		int d = hexval(*s);

		if (d < 0 || (unsigned int)d >= base) {
			*why = "is not a number (decimal, or hex after 0x)";
			return -EINVAL;
		}
		v = v * base + d;
		if (v > UINT32_MAX) {
			big = true;
			v = UINT32_MAX;
		}
	}
	if (big) {
		*why = "is above 4294967295";
		return -ERANGE;
	}
	*val = v;
	return 0;
}

static int text_bool(const char *s, uint8_t *val, const char **why)
{
	if (!strcmp(s, "on") || !strcmp(s, "true") || !strcmp(s, "1")) {
		*val = 1;
	} else if (!strcmp(s, "off") || !strcmp(s, "false") ||
		   !strcmp(s, "0")) {
		*val = 0;
	} else {
		*why = "is not on, off, true, false, 1 or 0";
		return -EINVAL;
	}
	return 0;
}

/*
 * Hex digits in pairs, either all run together ("deadbeef") or each pair
 * after the first behind a colon ("de:ad:be:ef").
 */
static int text_binary(const char *s, uint8_t *buf, size_t size,
		       size_t *len, const char **why)
{
	bool colons = strchr(s, ':') != NULL;
	size_t n = 0;

	while (*s) {
		int hi = hexval(s[0]);
		int lo = hi < 0 ? -1 : hexval(s[1]);

		if (lo < 0) {
			*why = hi >= 0 && (!s[1] || s[1] == ':') ?
			       "has an odd hex digit: hex digits come in pairs" :
			       "is not hex bytes like deadbeef or de:ad:be:ef";
			return -EINVAL;
		}
		if (n == size) {
			*why = "is too long";
			return -EMSGSIZE;
		}
		buf[n++] = hi << 4 | lo;
		s += 2;
		if (colons && *s == ':' && s[1])
			s++;
		else if (*s && (colons || *s == ':')) {
			*why = "is not hex bytes like deadbeef or de:ad:be:ef";
			return -EINVAL;
		}
	}
	*len = n;
	return 0;
}

/* Six bytes of one or two hex digits, colon-separated. */
static int text_mac(const char *s, uint8_t *mac, const char **why)
{
	int i;

	for (i = 0; i < 6; i++) {
		int hi = hexval(s[0]), lo;

		if (hi < 0)
			break;
		lo = hexval(s[1]);
		if (lo >= 0) {
			mac[i] = hi << 4 | lo;
			s += 2;
		} else {
			mac[i] = hi;
			s++;
		}
		if (i < 5 && *s++ != ':')
			break;
	}
	if (i < 6 || *s) {
		*why = "is not an Ethernet address like 02:00:00:00:00:01";
		return -EINVAL;
	}
	return 0;
}

/* The parser behind xsw_ext_value_parse(); @why says what is wrong. */
int xsw_text_to_value(uint8_t type, const char *text, uint8_t *buf,
			 size_t size, size_t *len, const char **why)
{
	size_t room = size < XSW_EXT_OPT_MAX_LEN ? size : XSW_EXT_OPT_MAX_LEN;
	uint32_t u;
	int err;

	*why = "is too long";
	switch (type) {
	case XSW_EXT_OPT_U32:
		if (room < sizeof(u))
			return -EMSGSIZE;
		err = text_u32(text, &u, why);
		if (err)
			return err;
		memcpy(buf, &u, sizeof(u));
		*len = sizeof(u);
		return 0;
	case XSW_EXT_OPT_BOOL:
		if (room < 1)
			return -EMSGSIZE;
		*len = 1;
		return text_bool(text, buf, why);
	case XSW_EXT_OPT_STRING:
		if (strlen(text) + 1 > room)
			return -EMSGSIZE;
		*len = strlen(text) + 1;
		memcpy(buf, text, *len);
		return 0;
	case XSW_EXT_OPT_BINARY:
		return text_binary(text, buf, room, len, why);
	case XSW_EXT_OPT_MAC:
		if (room < 6)
			return -EMSGSIZE;
		*len = 6;
		return text_mac(text, buf, why);
	case XSW_EXT_OPT_IP:
		*why = "is not an IPv4 or IPv6 address, or none";
		if (strcmp(text, "none") == 0) {
			*len = 0;
			return 0;
		}
		if (inet_pton(AF_INET, text, buf) == 1) {
			*len = 4;
			return room < 4 ? -EMSGSIZE : 0;
		}
		if (room >= 16 && inet_pton(AF_INET6, text, buf) == 1) {
			*len = 16;
			return 0;
		}
		return -EINVAL;
	default:
		*why = "is of a type this library does not know";
		return -EOPNOTSUPP;
	}
}

XSW_EXPORT
int xsw_ext_value_parse(uint8_t type, const char *text, void *buf,
			size_t size, size_t *len)
{
	/* inet_pton() writes a whole address: parse into room of our own */
	uint8_t tmp[XSW_EXT_OPT_MAX_LEN];
	const char *why;
	size_t n = 0;
	int err;

	err = xsw_text_to_value(type, text, tmp, size, &n, &why);
	if (err)
		return err;
	memcpy(buf, tmp, n);
	*len = n;
	return 0;
}

XSW_EXPORT
int xsw_ext_value_format(uint8_t type, const void *data, size_t len,
			 char *buf, size_t size)
{
	const uint8_t *d = data;
	size_t i, n = 0;
	uint32_t u;
	int ret;

	switch (type) {
	case XSW_EXT_OPT_U32:
		if (len != sizeof(u))
			return -EINVAL;
		memcpy(&u, d, sizeof(u));
		ret = snprintf(buf, size, "%u", u);
		break;
	case XSW_EXT_OPT_BOOL:
		if (len != 1 || d[0] > 1)
			return -EINVAL;
		ret = snprintf(buf, size, "%s", d[0] ? "on" : "off");
		break;
	case XSW_EXT_OPT_STRING:
		/* up to the NUL, which the kernel sends but need not */
		n = strnlen((const char *)d, len);
		ret = snprintf(buf, size, "%.*s", (int)n, (const char *)d);
		break;
	case XSW_EXT_OPT_BINARY:
		if (size < 2 * len + 1)
			return -ENOSPC;
		for (i = 0; i < len; i++)
			n += snprintf(buf + n, size - n, "%02x", d[i]);
		buf[n] = '\0';
		return 0;
	case XSW_EXT_OPT_MAC:
		if (len != 6)
			return -EINVAL;
		ret = snprintf(buf, size, "%02x:%02x:%02x:%02x:%02x:%02x",
			       d[0], d[1], d[2], d[3], d[4], d[5]);
		break;
	case XSW_EXT_OPT_IP:
		if (len == 0) {
			ret = snprintf(buf, size, "none");
			break;
		}
		if (len != 4 && len != 16)
			return -EINVAL;
		if (!inet_ntop(len == 4 ? AF_INET : AF_INET6, d, buf, size))
			return -ENOSPC;
		return 0;
	default:
		return -EOPNOTSUPP;
	}
	return ret < 0 || (size_t)ret >= size ? -ENOSPC : 0;
}

