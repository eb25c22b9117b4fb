// SPDX-License-Identifier: GPL-2.0-only
/*
 * Text and JSON output (see print.h).  The JSON writer keeps a stack of
 * open containers and how many members each has, which is all it needs to
 * place commas, indent with -p, and close everything on abort.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "print.h"

#define MAX_DEPTH 32

struct level {
	bool array;
	unsigned int count;
};

static struct {
	bool json;
	bool pretty;
	bool pending;		/* the top-level '[' is not written yet */
	int depth;
	struct level stack[MAX_DEPTH];
} jw;

void set_json_pretty(bool pretty)
{
	jw.pretty = pretty;
}

bool is_json_context(void)
{
	return jw.json;
}

static bool want(enum output_type type)
{
	return jw.json ? (type & PRINT_JSON) : (type & PRINT_FP);
}

/* Length of the valid UTF-8 sequence at @s, or 0. */
static size_t utf8_len(const unsigned char *s)
{
	size_t n, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4;
	else
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	/* overlong, surrogates, beyond U+10FFFF */
	if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] > 0x9f) ||
	    (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] > 0x8f))
		return 0;
	return n;
}

/*
 * A JSON string.  Bytes that are not valid UTF-8 are written as the
 * Latin-1 code point of the byte, so the output always parses.
 */
static void put_string(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	putchar('"');
	while (*s) {
		size_t n;

		switch (*s) {
		case '"':  fputs("\\\"", stdout); s++; continue;
		case '\\': fputs("\\\\", stdout); s++; continue;
		case '\b': fputs("\\b", stdout); s++; continue;
		case '\f': fputs("\\f", stdout); s++; continue;
		case '\n': fputs("\\n", stdout); s++; continue;
		case '\r': fputs("\\r", stdout); s++; continue;
		case '\t': fputs("\\t", stdout); s++; continue;
		}
		n = utf8_len(s);
		if (*s < 0x20 || *s == 0x7f || n == 0) {
			printf("\\u%04x", *s);
			s++;
		} else {
			fwrite(s, 1, n, stdout);
			s += n;
		}
	}
	putchar('"');
}

static void indent(int depth)
{
	putchar('\n');
	while (depth-- > 0)
		fputs("    ", stdout);
}

static void flush_pending(void)
{
	if (jw.pending) {
		putchar('[');
		jw.pending = false;
	}
}

/* Comma, indentation and key before a value in the current container. */
static void begin_value(const char *key)
{
	struct level *l;

	flush_pending();
	if (!jw.depth)
		return;
	l = &jw.stack[jw.depth - 1];
	if (l->count++)
		putchar(',');
	if (jw.pretty)
		indent(jw.depth);
	if (!l->array) {
		put_string(key ? key : "");
		fputs(jw.pretty ? ": " : ":", stdout);
	}
}

static void open_container(const char *key, bool array)
{
	begin_value(key);
	putchar(array ? '[' : '{');
	if (jw.depth < MAX_DEPTH)
		jw.stack[jw.depth++] = (struct level){ .array = array };
}

static void close_container(void)
{
	struct level *l;

	if (!jw.depth)
		return;
	l = &jw.stack[--jw.depth];
	if (jw.pretty && l->count)
		indent(jw.depth);
	putchar(l->array ? ']' : '}');
}

void new_json_obj(int json)
{
	jw.json = json;
	jw.depth = 0;
	jw.pending = false;
	if (!json)
		return;
	jw.pending = true;
	jw.depth = 1;
	jw.stack[0] = (struct level){ .array = true };
}

void delete_json_obj(void)
{
	if (jw.json) {
		flush_pending();
		while (jw.depth)
			close_container();
		putchar('\n');
	}
	fflush(stdout);
}

void abort_json_obj(void)
{
	if (jw.json && !jw.pending) {
		while (jw.depth)
			close_container();
		putchar('\n');
	}
	jw.pending = false;
	jw.depth = 0;
	fflush(stdout);
}

void open_json_object(const char *key)
{
	if (jw.json)
		open_container(key, false);
}

void close_json_object(void)
{
	if (jw.json)
		close_container();
}

void open_json_array(enum output_type type, const char *key, const char *fp)
{
	if (!want(type))
		return;
	if (jw.json)
		open_container(key, true);
	else if (fp)
		fputs(fp, stdout);
}

void close_json_array(enum output_type type, const char *fp)
{
	if (!want(type))
		return;
	if (jw.json)
		close_container();
	else if (fp)
		fputs(fp, stdout);
}

void print_string(enum output_type type, const char *key, const char *fmt,
		  const char *value)
{
	if (!want(type))
		return;
	if (jw.json) {
		begin_value(key);
		if (value)
			put_string(value);
		else
			fputs("null", stdout);
	} else if (fmt) {
		printf(fmt, value ? value : "");
	}
}

void print_int(enum output_type type, const char *key, const char *fmt,
	       int value)
{
	if (!want(type))
		return;
	if (jw.json) {
		begin_value(key);
		printf("%d", value);
	} else if (fmt) {
		printf(fmt, value);
	}
}

void print_uint(enum output_type type, const char *key, const char *fmt,
		unsigned int value)
{
	if (!want(type))
		return;
	if (jw.json) {
		begin_value(key);
		printf("%u", value);
	} else if (fmt) {
		printf(fmt, value);
	}
}

void print_u64(enum output_type type, const char *key, const char *fmt,
	       uint64_t value)
{
	if (!want(type))
		return;
	if (jw.json) {
		begin_value(key);
		printf("%" PRIu64, value);
	} else if (fmt) {
		printf(fmt, value);
	}
}

/* A JSON boolean; in text, @yes or @no through @fmt. */
static void print_truth(enum output_type type, const char *key,
			const char *fmt, bool value, const char *yes,
			const char *no)
{
	if (!want(type))
		return;
	if (jw.json) {
		begin_value(key);
		fputs(value ? "true" : "false", stdout);
	} else if (fmt) {
		printf(fmt, value ? yes : no);
	}
}

void print_bool(enum output_type type, const char *key, const char *fmt,
		bool value)
{
	print_truth(type, key, fmt, value, "true", "false");
}

void print_on_off(enum output_type type, const char *key, const char *fmt,
		  bool value)
{
	print_truth(type, key, fmt, value, "on", "off");
}

void print_null(enum output_type type, const char *key, const char *fmt,
		const char *value)
{
	if (!want(type))
		return;
	if (jw.json) {
		begin_value(key);
		fputs("null", stdout);
	} else if (fmt) {
		printf(fmt, value ? value : "");
	}
}

void print_hwaddr(enum output_type type, const char *key, const char *fmt,
		  const uint8_t *addr, size_t len)
{
	char buf[3 * 32] = "";
	size_t i, n = 0;

	for (i = 0; i < len && i < 32; i++)
		n += snprintf(buf + n, sizeof(buf) - n, "%s%02x",
			      i ? ":" : "", addr[i]);
	print_string(type, key, fmt, buf);
}

void print_nl(void)
{
	if (!jw.json)
		putchar('\n');
}
