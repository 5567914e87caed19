#!/usr/bin/env python3
"""Prints a cancellint SARIF log without the shards its run context names,
in the layout cancellint writes: a merge of shards records which shards it
joined, and is otherwise the single run's log byte for byte.

  without_shards.py [--context] in.sarif > out.sarif

--context leaves out the whole run context and the invocation's times:
for runs made where the context differs (a build sandbox has no git
checkout and its own clock), to compare what they found.
"""
import json
import sys

args = sys.argv[1:]
whole = "--context" in args
path = [a for a in args if a != "--context"][0]
with open(path, encoding="utf-8") as f:
    log = json.load(f)
for run in log.get("runs", []):
    properties = run.get("properties", {})
    if whole:
        properties.pop("runContext", None)
        for invocation in run.get("invocations", []):
            invocation.pop("startTimeUtc", None)
            invocation.pop("endTimeUtc", None)
    else:
        properties.get("runContext", {}).pop("shards", None)
sys.stdout.write(json.dumps(log, indent=2, ensure_ascii=False) + "\n")
