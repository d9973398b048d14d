#!/bin/sh
# Prints the messages of the templates' checks (templates/*.json, "message")
# as C for xgettext: the form's words stay in the templates, and their
# translations in po/ (make pot).
sed -n 's/^.*"message": *\("\([^"\\]\|\\.\)*"\).*$/N_(\1)/p' "$@" | sort -u
