/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the object files of xsw share: the global options and the handle.
 * An object is a file with "int do_<object>(int argc, char **argv)"
 * (argv[0] is the command) and one line in the table of xsw.c.
 */
#ifndef XSW_H
#define XSW_H

#include <stdint.h>

struct xsw_handle;

extern int json;
extern int pretty;
extern int show_stats;
extern int show_details;

/*
 * The handle, opened on first use so that "help" and usage errors work
 * without the module.  NULL after printing why it could not be opened.
 */
struct xsw_handle *get_handle(void);

int do_switch(int argc, char **argv);
int do_port(int argc, char **argv);
int do_fdb(int argc, char **argv);
int do_acl(int argc, char **argv);
int do_qos(int argc, char **argv);
int do_ext(int argc, char **argv);
int do_sample(int argc, char **argv);
int do_vnet(int argc, char **argv);
int do_vsubnet(int argc, char **argv);
int do_pa(int argc, char **argv);
int do_map(int argc, char **argv);

/*
 * vnet.c: "xsw port set IFNAME vsid ..." (argv after "vsid"), and the
 * mappings of -batch: map_add_parse() reads the arguments of "map add";
 * map_batch_add() queues one for map_batch_flush(), which sends the queue
 * in bulk requests.  Both return 0 or -1 after printing the error.
 */
struct xsw_map_info;
int port_set_vsid(const char *port, int argc, char **argv);
int map_add_parse(int argc, char **argv, struct xsw_map_info *m);
int map_batch_add(const struct xsw_map_info *m, int lineno);
int map_batch_flush(const char *file);

/*
 * The uplink's HTB tree (qos.c) when ports come and go: after "port add"
 * of a port of @type to @sw, and "port del" and "switch del" themselves.
 * A tree that cannot be kept is a warning: the port or switch was added
 * or deleted.
 */
void qos_port_added(struct xsw_handle *h, const char *sw, uint8_t type);
int qos_port_del(struct xsw_handle *h, const char *port);
int qos_switch_del(struct xsw_handle *h, const char *sw);

#endif /* XSW_H */
