/* The document tree: what libyaml read, with a source position on every node.
 * Later stages never see libyaml; they walk this tree. */
#ifndef GIR_NODE_H
#define GIR_NODE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

typedef enum gir_node_kind { GIR_SCALAR, GIR_SEQ, GIR_MAP } gir_node_kind;

/* How a scalar was written; decides whether `12` is a number or a string. */
typedef enum gir_scalar_style {
	GIR_PLAIN,
	GIR_SINGLE_QUOTED,
	GIR_DOUBLE_QUOTED,
	GIR_LITERAL,  /* | block */
	GIR_FOLDED    /* > block */
} gir_scalar_style;

typedef struct gir_node gir_node;
struct gir_node {
	gir_node_kind kind;
	gir_pos pos;
	gir_scalar_style style;  /* scalars only */
	bool flow;               /* collections written [a, b] or {a: b} */
	const char *tag;         /* explicit tag such as "!!str", or NULL */
	const char *text;        /* scalars: NUL-terminated value */
	size_t len;
	gir_node **kids;         /* sequences: items; mappings: key, value, key, … */
	size_t n;                /* items, or key/value pairs */
};

typedef struct gir_doc gir_doc;

/* Parses one YAML document; NULL with diagnostics on any syntax problem. */
gir_doc *gir_yaml_load(const char *file, const char *text, size_t len, gir_diags *d);
const gir_node *gir_doc_root(const gir_doc *doc);
void gir_doc_free(gir_doc *doc);

/* For mappings: the i-th key and value. */
static inline const gir_node *gir_map_key(const gir_node *m, size_t i)
{
	return m->kids[2 * i];
}
static inline const gir_node *gir_map_value(const gir_node *m, size_t i)
{
	return m->kids[2 * i + 1];
}

#endif
