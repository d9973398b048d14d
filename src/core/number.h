/* Parsing table values: exact integers and decimals, with a message saying
 * what to write instead for every form a clerk might type. */
#ifndef GIR_NUMBER_H
#define GIR_NUMBER_H

#include "model.h"
#include "node.h"

/* Largest value accepted in a cell: 10^12. */
#define GIR_VALUE_MAX 1000000000000LL

/* Parses a node as a cell of type t.  On failure returns false and sets *msg
 * (and maybe *hint) to malloc'd strings the caller frees. */
bool gir_parse_value(const gir_node *n, gir_cell_type t, gir_value *out, char **msg,
                     char **hint);
/* The mark `gireport import` writes where the input had a cell, a row or a
 * whole table it could not read (docs/format.md, "Cells the import could
 * not read"): never a number, never "/" (not applicable), so `check`
 * refuses the source until a person writes the value from the original. */
#define GIR_UNREAD "待填"
/* Whether a node is that mark (plain or quoted). */
bool gir_is_unread(const gir_node *n);

/* Parses ASCII text "[-+]digits[.digits]" exactly; false if not of that form. */
bool gir_parse_decimal(const char *s, gir_value *out);

#endif
