#!/usr/bin/env python3
"""Prints a cancellint SARIF log without the shards its run context names,
in the layout cancellint writes: a merge of shards records which shards it
joined, and is otherwise the single run's log byte for byte.

  without_shards.py in.sarif > out.sarif
"""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    log = json.load(f)
for run in log.get("runs", []):
    run.get("properties", {}).get("runContext", {}).pop("shards", None)
sys.stdout.write(json.dumps(log, indent=2, ensure_ascii=False) + "\n")
