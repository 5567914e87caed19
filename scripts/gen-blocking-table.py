#!/usr/bin/env python3
"""Writes the table of blocking calls into docs/checks/cancel-blocking-call.md.

The table lists every `blocking` entry of the built-in models
(checks/model/builtin/*.json): the call, when it blocks, and the alternative
the check suggests. It is written between the marker comments

    <!-- BEGIN GENERATED: blocking-table -->
    <!-- END GENERATED: blocking-table -->

Usage:
    gen-blocking-table.py            rewrite the table in place
    gen-blocking-table.py --check    exit 1 if the table is out of date
"""
import argparse
import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BEGIN = "<!-- BEGIN GENERATED: blocking-table -->"
END = "<!-- END GENERATED: blocking-table -->"
UNITS = {"s": "seconds", "ms": "milliseconds", "us": "microseconds",
         "ns": "nanoseconds", "duration": "a duration",
         "time_point": "a time point"}


def cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def blocks(entry):
    """When the call blocks, in words, from the entry's optional keys."""
    parts = []
    when = entry.get("blocks_when")
    timeout = entry.get("timeout")
    if when:
        what = "negative" if when["is"] == "negative" else "null"
        parts.append("without bound when argument %d is %s" % (when["arg"], what))
    if timeout:
        parts.append("for at most argument %d (%s)" % (timeout["arg"], UNITS[timeout["unit"]]))
    if not when and not timeout:
        parts.append("without bound")
    if "descriptor_arg" in entry:
        parts.append("unless descriptor argument %d is non-blocking or was "
                     "reported ready" % entry["descriptor_arg"])
    if entry.get("not_blocking_after"):
        parts.append("unless %s was called on the object before" %
                     " or ".join("`%s()`" % m for m in entry["not_blocking_after"]))
    if entry.get("readiness_wait"):
        parts.append("readiness wait")
    return "; ".join(parts)


def table(models_dir):
    rows = []
    markers = []
    for path in sorted(glob.glob(os.path.join(models_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            model = json.load(f)
        library = model["library"]
        for entry in model.get("blocking", []):
            rows.append("| %s | `%s` | %s | %s |" % (
                library, entry["function"], cell(blocks(entry)),
                cell(entry.get("alternative", ""))))
        if model.get("nonblocking_markers"):
            markers.append("%s: %s" % (library, ", ".join(
                "`%s`" % m for m in model["nonblocking_markers"])))
    lines = ["| library | call | blocks | alternative |",
             "|---|---|---|---|"] + rows
    if markers:
        lines += ["", "Names that make a descriptor non-blocking or bounded "
                      "(`nonblocking_markers`): " + "; ".join(markers) + "."]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only check that the table is up to date")
    parser.add_argument("--models", default=os.path.join(ROOT, "checks", "model", "builtin"))
    parser.add_argument("--docs", default=os.path.join(ROOT, "docs", "checks",
                                                       "cancel-blocking-call.md"))
    args = parser.parse_args()

    with open(args.docs, encoding="utf-8") as f:
        text = f.read()
    begin, end = text.find(BEGIN), text.find(END)
    if begin < 0 or end < begin:
        sys.exit("%s: the markers %s and %s are missing" % (args.docs, BEGIN, END))
    updated = text[:begin + len(BEGIN)] + "\n" + table(args.models) + text[end:]
    if updated == text:
        return 0
    if args.check:
        sys.exit("%s: the table of blocking calls is out of date with %s; run "
                 "scripts/gen-blocking-table.py" % (args.docs, args.models))
    with open(args.docs, "w", encoding="utf-8") as f:
        f.write(updated)
    return 0


if __name__ == "__main__":
    sys.exit(main())
