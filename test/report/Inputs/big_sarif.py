#!/usr/bin/env python3
"""Writes a large cancellint-like SARIF log and the sources it points at:
the input of the report benchmark (scripts/bench --report) and of the
10,000-finding page in the Chromium test.

  big_sarif.py DIR [--findings N] [--no-baseline]

writes DIR/src/... (the sources) and DIR/big.sarif. Findings are spread
over 5 checks with uneven weights and over directories two levels deep
(8 top-level modules); some have paths, fixes and note fixes
(reviewBeforeApplying); with a baseline, one in ten is new; two
translation units failed. The same arguments give the same files.
"""
import argparse
import json
import os
import random

RULES = [("cancel-lost-handle", 40), ("cancel-blocking-call", 25),
         ("cancel-stored-context", 15), ("cancel-swallowed-done", 12),
         ("cancel-unforwarded-context", 8)]
TOPS = ["base", "net", "storage", "ui", "services", "tools", "media", "sync"]
FINDINGS_PER_FILE = 10
LINES_PER_FINDING = 6


def source(n_findings, seed):
    lines = ["// generated for the report benchmark: größe ✓", "#include <future>", ""]
    for i in range(n_findings):
        lines += ["void work_%d_%d(std::stop_token token) {" % (seed, i),
                  "  auto handle = pool.submit([&] { step(%d); });" % i,
                  "  cv.wait(lock);  // größe",
                  "  (void)token;",
                  "}",
                  ""]
    return "\n".join(lines) + "\n"


def generate(out, findings=10000, baseline=True):
    rng = random.Random(1)
    files = []
    n_files = max(1, findings // FINDINGS_PER_FILE)
    for i in range(n_files):
        top = TOPS[i % len(TOPS)]
        sub = "part%d" % (i // len(TOPS) % 12)
        files.append("src/%s/%s/file%d.cc" % (top, sub, i))
    for i, f in enumerate(files):
        path = os.path.join(out, f)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as s:
            s.write(source(FINDINGS_PER_FILE, i))
    weights = [w for _, w in RULES]
    results = []
    for n in range(findings):
        f = files[n // FINDINGS_PER_FILE]
        k = n % FINDINGS_PER_FILE
        first = 4 + k * LINES_PER_FINDING  # the function's first line
        rule = rng.choices(range(len(RULES)), weights)[0]
        line = first + 1 if rule != 1 else first + 2
        text = ("  auto handle = pool.submit([&] { step(%d); });" % k if rule != 1
                else "  cv.wait(lock);  // größe")
        start = 3
        end = len(text) + 1 if rule != 1 else 16
        loc = {"physicalLocation": {
            "artifactLocation": {"uri": f, "uriBaseId": "SRCROOT"},
            "region": {"startLine": line, "startColumn": start, "endColumn": end,
                       "snippet": {"text": text}}}}
        r = {"ruleId": RULES[rule][0], "ruleIndex": rule, "level": "warning",
             "message": {"text": "finding %d of the benchmark: %s at line %d"
                                 % (n, RULES[rule][0], line)},
             "locations": [loc],
             "partialFingerprints": {"primaryLocationLineHash": "%016x" % n}}
        if n % 7 == 0:
            step = {"physicalLocation": {
                "artifactLocation": {"uri": f, "uriBaseId": "SRCROOT"},
                "region": {"startLine": first, "startColumn": 6}},
                "message": {"text": "'work' starts here"}}
            first_step = dict(loc, message={"text": r["message"]["text"]})
            r["codeFlows"] = [{"threadFlows": [{"locations": [
                {"location": first_step}, {"location": step}]}]}]
            r["relatedLocations"] = [dict(step, id=1)]
        if n % 11 == 0:
            r["fixes"] = [{"description": {"text": "Apply the suggested fix"},
                           "artifactChanges": [{
                               "artifactLocation": {"uri": f, "uriBaseId": "SRCROOT"},
                               "replacements": [{"deletedRegion": {
                                   "startLine": line, "startColumn": 3,
                                   "endLine": line, "endColumn": 3},
                                   "insertedContent": {"text": "[[maybe_unused]] "}}]}]}]
        elif n % 13 == 0:
            r["fixes"] = [{"description": {"text": "Review before applying: wait with the token"},
                           "properties": {"note": 1, "reviewBeforeApplying": True},
                           "artifactChanges": [{
                               "artifactLocation": {"uri": f, "uriBaseId": "SRCROOT"},
                               "replacements": [{"deletedRegion": {
                                   "startLine": first + 2, "startColumn": 15,
                                   "endLine": first + 2, "endColumn": 15},
                                   "insertedContent": {"text": ", token, pred"}}]}]}]
        if baseline:
            r["baselineState"] = "new" if n % 10 == 3 else "unchanged"
        results.append(r)
    failed = [{"level": "error",
               "message": {"text": "src/net/part0/broken%d.cc: does not compile (1 error); "
                                   "analysed as far as the compiler recovered\n"
                                   "src/net/part0/broken%d.cc:3:9: error: use of undeclared "
                                   "identifier 'x'" % (i, i)},
               "descriptor": {"id": "translation-unit-failed"},
               "locations": [{"physicalLocation": {"artifactLocation": {
                   "uri": "src/net/part0/broken%d.cc" % i, "uriBaseId": "SRCROOT"}}}]}
              for i in range(2)]
    context = {"enabledChecks": sorted(r for r, _ in RULES),
               "models": {"libraries": ["grpc", "std"],
                          "files": [{"path": "models/pool.json", "from": "configuration"}]},
               "options": {},
               "git": {"commit": "0123456789abcdef0123456789abcdef01234567", "dirty": False}}
    if baseline:
        context["baseline"] = {"file": "cancellint-baseline.json",
                               "findings": findings - findings // 10}
    log = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
           "runs": [{"tool": {"driver": {
               "name": "cancellint", "version": "bench",
               "rules": [{"id": r, "shortDescription": {"text": "The %s check." % r}}
                         for r, _ in RULES]}},
               "columnKind": "utf16CodeUnits",
               "originalUriBaseIds": {"SRCROOT": {"uri": "file://" + os.path.abspath(out) + "/"}},
               "results": results,
               "properties": {"translationUnits": n_files + 2, "runContext": context},
               "invocations": [{"executionSuccessful": False, "exitCode": 3,
                                "startTimeUtc": "2026-01-01T00:00:00Z",
                                "endTimeUtc": "2026-01-01T00:12:34Z",
                                "toolExecutionNotifications": failed}]}]}
    path = os.path.join(out, "big.sarif")
    with open(path, "w", encoding="utf-8") as s:
        json.dump(log, s, ensure_ascii=False)
    return path


def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--findings", type=int, default=10000)
    p.add_argument("--no-baseline", action="store_true")
    a = p.parse_args()
    print(generate(a.dir, a.findings, not a.no_baseline))


if __name__ == "__main__":
    main()
