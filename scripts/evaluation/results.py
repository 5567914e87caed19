"""Read one cancellint SARIF file into counts: translation units that did
not compile, crashes and timeouts, and the distinct findings per check."""
import json

CHECKS = ["cancel-lost-handle", "cancel-swallowed-done",
          "cancel-stored-context", "cancel-unforwarded-context",
          "cancel-blocking-call"]

# Failure reasons the driver writes (tool/cancellint/execution/Scheduler.cpp, Worker.cpp).
NOT_COMPILED = "does not compile"


def read(sarif_path):
    with open(sarif_path) as f:
        doc = json.load(f)
    findings = {}
    not_compiled, broken = [], []
    for run in doc.get("runs", []):
        for r in run.get("results", []):
            loc = r["locations"][0]["physicalLocation"]
            region = loc.get("region", {})
            key = (r["ruleId"], loc["artifactLocation"]["uri"],
                   region.get("startLine", 0), region.get("startColumn", 0),
                   r["message"]["text"])
            findings[key] = r
        for inv in run.get("invocations", []):
            for n in inv.get("toolExecutionNotifications", []):
                text = n["message"]["text"]
                first = text.split("\n", 1)[0]
                (not_compiled if NOT_COMPILED in first else broken).append(
                    first)
    return {"findings": sorted(findings), "not_compiled": not_compiled,
            "broken": broken}


def per_check(findings):
    counts = {c: 0 for c in CHECKS}
    for key in findings:
        counts[key[0]] = counts.get(key[0], 0) + 1
    return counts
