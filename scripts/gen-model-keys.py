#!/usr/bin/env python3
"""Writes the key tables of docs/models.md from the model schema.

The keys of cancellint-model/1 are declared once, in
checks/model/ModelSchema.h; `cancellint --print-model-schema` prints them as
JSON. The table of top-level keys is written between the marker comments

    <!-- BEGIN GENERATED: model-keys -->
    <!-- END GENERATED: model-keys -->

and the fields of each array of objects (`tokens`, `blocking`...) between

    <!-- BEGIN GENERATED: model-keys tokens -->
    <!-- END GENERATED: model-keys tokens -->

Usage:
    gen-model-keys.py            rewrite the tables in place
    gen-model-keys.py --check    exit 1 if a table is out of date
"""
import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKER = "model-keys"
BLOCK = re.compile(r"<!-- BEGIN GENERATED: %s(?: (\w+))? -->\n.*?"
                   r"<!-- END GENERATED: %s(?: (\w+))? -->" % (MARKER, MARKER),
                   re.S)
TYPES = {"format": "string", "text": "string", "name": "name",
         "member": "member", "names": "array of names",
         "members": "array of members",
         "identifiers": "array of identifiers", "bool": "true or false",
         "arg_index": "argument index", "choice": "string",
         "object": "object", "objects": "array of objects"}


def markers(section):
    name = MARKER + (" " + section if section else "")
    return ("<!-- BEGIN GENERATED: %s -->" % name,
            "<!-- END GENERATED: %s -->" % name)


def cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def shape(fields):
    """`{"arg": N, "is": "negative" | "null"}`: an object's keys and values."""
    def value(field):
        if field["kind"] == "arg_index":
            return "N"
        if field["kind"] == "choice":
            return " | ".join('"%s"' % c for c in field["choices"])
        return "..."
    return "{%s}" % ", ".join('"%s": %s' % (f["key"], value(f)) for f in fields)


def meaning(key):
    if key["kind"] == "object":
        return "`%s`: %s" % (shape(key["fields"]), key["doc"])
    return key["doc"]


def keys_table(keys):
    rows = ["| key | type | meaning |", "|---|---|---|"]
    rows += ["| `%s` | %s | %s |" % (k["key"], TYPES[k["kind"]], cell(meaning(k)))
             for k in keys]
    return rows


def fields_table(fields):
    rows = ["| field | required | meaning |", "|---|---|---|"]
    for f in fields:
        required = "yes" if f["required"] else "no"
        if "default" in f:
            required += " (`%s`)" % f["default"]
        rows.append("| `%s` | %s | %s |" % (f["key"], required, cell(meaning(f))))
    return rows


def tables(schema):
    """Section name ("" for the top-level keys) -> its table."""
    out = {"": keys_table(schema["keys"])}
    for key in schema["keys"]:
        if key["kind"] == "objects":
            out[key["key"]] = fields_table(key["fields"])
    return {name: "\n".join(rows) + "\n" for name, rows in out.items()}


def load_schema(args):
    if args.schema:
        with open(args.schema, encoding="utf-8") as f:
            return json.load(f)
    output = subprocess.run([args.cancellint, "--print-model-schema"],
                            check=True, stdout=subprocess.PIPE).stdout
    return json.loads(output)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only check that the tables are up to date")
    parser.add_argument("--schema", help="the output of cancellint "
                        "--print-model-schema (default: run --cancellint)")
    parser.add_argument("--cancellint",
                        default=os.path.join(ROOT, "build", "bin", "cancellint"))
    parser.add_argument("--docs", default=os.path.join(ROOT, "docs", "models.md"))
    args = parser.parse_args()

    wanted = tables(load_schema(args))
    with open(args.docs, encoding="utf-8") as f:
        text = f.read()
    found = set()

    def replace(match):
        section = match.group(1) or ""
        if match.group(2) != match.group(1) or section not in wanted:
            sys.exit("%s: %s has no table in the model schema (or its END "
                     "marker names another)" % (args.docs, markers(section)[0]))
        found.add(section)
        begin, end = markers(section)
        return begin + "\n" + wanted[section] + end

    updated = BLOCK.sub(replace, text)
    for section in sorted(set(wanted) - found):
        sys.exit("%s: the markers %s and %s are missing" %
                 ((args.docs,) + markers(section)))
    if updated == text:
        return 0
    if args.check:
        sys.exit("%s: the key tables are out of date with the model schema "
                 "(checks/model/ModelSchema.h); run scripts/gen-model-keys.py"
                 % args.docs)
    with open(args.docs, "w", encoding="utf-8") as f:
        f.write(updated)
    return 0


if __name__ == "__main__":
    sys.exit(main())
