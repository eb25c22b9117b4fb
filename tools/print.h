/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The one output layer of xsw, shaped like iproute2's include/json_print.h:
 * every print_*() call names a JSON key and a text format, so text and -j
 * output come from the same code.
 *
 *	PRINT_ANY	JSON key/value with -j, else the text format
 *	PRINT_JSON	JSON only
 *	PRINT_FP	text only
 *
 * A show command brackets its output with new_json_obj() and, on success,
 * delete_json_obj(), or on failure abort_json_obj().  In JSON mode the
 * document is a top-level array, written lazily: a command that fails
 * before printing anything leaves stdout empty, and one that fails half
 * way has its open arrays and objects closed so the output still parses.
 */
#ifndef XSW_PRINT_H
#define XSW_PRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum output_type {
	PRINT_FP = 1,
	PRINT_JSON = 2,
	PRINT_ANY = PRINT_FP | PRINT_JSON,
};

void new_json_obj(int json);
void delete_json_obj(void);
void abort_json_obj(void);
void set_json_pretty(bool pretty);
bool is_json_context(void);

void open_json_object(const char *key);
void close_json_object(void);
/* @fp is the text printed in text mode, e.g. "<" and ">" around flags. */
void open_json_array(enum output_type type, const char *key, const char *fp);
void close_json_array(enum output_type type, const char *fp);

void print_string(enum output_type type, const char *key, const char *fmt,
		  const char *value);
void print_int(enum output_type type, const char *key, const char *fmt,
	       int value);
void print_uint(enum output_type type, const char *key, const char *fmt,
		unsigned int value);
void print_u64(enum output_type type, const char *key, const char *fmt,
	       uint64_t value);
void print_bool(enum output_type type, const char *key, const char *fmt,
		bool value);
/* JSON true or false; text mode prints "on" or "off" with @fmt. */
void print_on_off(enum output_type type, const char *key, const char *fmt,
		  bool value);
/* JSON null; @value is what text mode prints. */
void print_null(enum output_type type, const char *key, const char *fmt,
		const char *value);
/* "aa:bb:cc:dd:ee:ff" */
void print_hwaddr(enum output_type type, const char *key, const char *fmt,
		  const uint8_t *addr, size_t len);
/* End of a text line; nothing in JSON. */
void print_nl(void);

#endif /* XSW_PRINT_H */
