#!/usr/bin/python3
"""Validates report sources against the JSON Schemas of `gireport schema`
with a real validator (Debian's python3-jsonschema, Draft 2020-12), the way an
editor running yaml-language-server sees them.

    schema_validate.py BIN SCHEMA_DIR valid|invalid FILE[@ID]...

SCHEMA_DIR holds ID.schema.json for every template.  Each FILE is checked
against the schema of its template: the one its `template:` (or 模板:) names,
else the edition `BIN new --year YEAR` picks for its year, as the loader
does; FILE@ID checks it against ID's schema, as an editor told so does.  Prints "PASS schema:valid:FILE" or "FAIL …" (with the reason) per file,
in the format of the test suites; every schema is first checked against the
meta-schema.

YAML typing.  yaml-language-server reads YAML 1.2 (core schema), while
PyYAML implements YAML 1.1, where 2021-01-08 is a date, 0o17 is not a
number, 010 is octal, yes/no/on/off are booleans and 1_000 is 1000.  So the
loader below starts from PyYAML's SafeLoader (on libyaml, the parser gireport
uses) with all its implicit types removed — every scalar is text, as with
BaseLoader — and adds back the YAML 1.2 core-schema ones for plain scalars
only: null, true/false, integers, floats.  Quoted scalars stay strings ("12"
is text, as the editor sees it), dates stay strings, mapping keys are always
their text, and tags other than the core ones are read as if absent.
"""
import json
import os
import re
import subprocess
import sys

import jsonschema
import yaml


class CoreLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """PyYAML with the YAML 1.2 core schema's implicit types; on libyaml's
    parser when PyYAML has it (Debian's does), as gireport itself."""


CoreLoader.yaml_implicit_resolvers = {}
CORE = [
    ("null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+.0123456789")),
]
for name, regexp, first in CORE:
    CoreLoader.add_implicit_resolver("tag:yaml.org,2002:" + name, re.compile(regexp), first)


def core_int(loader, node):
    v = loader.construct_scalar(node)
    if v.startswith("0o"):
        return int(v[2:], 8)
    if v.startswith("0x"):
        return int(v[2:], 16)
    return int(v, 10)


def core_float(loader, node):
    v = loader.construct_scalar(node).lower()
    if v.lstrip("+-") == ".inf":
        return float("-inf") if v.startswith("-") else float("inf")
    return float("nan") if v == ".nan" else float(v)


def core_bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


def as_untagged(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [loader.construct_object(k, deep=True) for k in node.value]
    return text_keyed_mapping(loader, node)


def text_keyed_mapping(loader, node):
    out = {}
    for k, v in node.value:
        key = k.value if isinstance(k, yaml.ScalarNode) else json.dumps(
            loader.construct_object(k, deep=True), ensure_ascii=False)
        out[key] = loader.construct_object(v, deep=True)
    return out


CoreLoader.add_constructor("tag:yaml.org,2002:int", core_int)
CoreLoader.add_constructor("tag:yaml.org,2002:float", core_float)
CoreLoader.add_constructor("tag:yaml.org,2002:bool", core_bool)
CoreLoader.add_constructor("tag:yaml.org,2002:map", text_keyed_mapping)
CoreLoader.add_multi_constructor("", as_untagged)


def load(path):
    with open(path, "rb") as f:
        return yaml.load(f, Loader=CoreLoader)


class Schemas:
    def __init__(self, binary, directory):
        self.binary, self.directory = binary, directory
        self.validators, self.by_year = {}, {}
        self.names = sorted(n[:-len(".schema.json")] for n in os.listdir(directory)
                            if n.endswith(".schema.json"))

    def validator(self, tid):
        if tid not in self.validators:
            with open(os.path.join(self.directory, tid + ".schema.json"), encoding="utf-8") as f:
                schema = json.load(f)
            jsonschema.Draft202012Validator.check_schema(schema)
            self.validators[tid] = jsonschema.Draft202012Validator(schema)
        return self.validators[tid]

    def template_for_year(self, year):
        if year not in self.by_year:
            out = subprocess.run([self.binary, "new", "--year", str(year), "--schema", ""],
                                 capture_output=True, text=True).stdout
            m = re.search(r"^template: (\S+)", out, re.M)
            self.by_year[year] = m.group(1) if m else None
        return self.by_year[year]

    def template_of(self, doc):
        if isinstance(doc, dict):
            for key in ("template", "模板"):
                if isinstance(doc.get(key), str):
                    return doc[key]
            for key in ("year", "报告年度"):
                if isinstance(doc.get(key), int) and not isinstance(doc.get(key), bool):
                    return self.template_for_year(doc[key])
        return None


def complaints(validator, doc):
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    return ["%s: %s" % ("/".join(map(str, e.absolute_path)) or "(top)", e.message[:200])
            for e in errors]


def problems(schemas, path, tid=None):
    """The schema's complaints about a file, or None when it is valid.  A
    file whose template cannot be told (not a mapping, no year, an unknown
    template) is valid only if some schema accepts it."""
    doc = load(path)
    tid = tid or schemas.template_of(doc)
    if tid in schemas.names:
        return complaints(schemas.validator(tid), doc) or None
    found = [complaints(schemas.validator(name), doc) for name in schemas.names]
    return None if [] in found else ["every schema refuses it: " + found[0][0]]


def main(argv):
    binary, directory, expect, files = argv[1], argv[2], argv[3], argv[4:]
    schemas = Schemas(binary, directory)
    for name in schemas.names:
        try:
            schemas.validator(name)
            print("PASS schema:meta-schema:%s" % name)
        except jsonschema.SchemaError as e:
            print("FAIL schema:meta-schema:%s\n  %s" % (name, e.message))
    for arg in files:
        path, _, tid = arg.partition("@")
        try:
            found, ok = problems(schemas, path, tid), None
        except yaml.YAMLError as e:  # the parser's business, not the schema's
            found, ok = ["YAML: %s" % str(e).splitlines()[0]], False
        if ok is None:
            ok = (found is None) == (expect == "valid")
        print("%s schema:%s:%s" % ("PASS" if ok else "FAIL", expect, arg))
        if not ok:
            for p in (found or ["the schema accepts it"])[:5]:
                print("  " + p)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
