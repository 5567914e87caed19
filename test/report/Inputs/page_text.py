#!/usr/bin/env python3
"""Prints the findings of a cancellint HTML report as text, for FileCheck.

The page keeps its findings in a JSON data block that its script shows;
this prints what that script shows for each one, one line per item:

  finding #1 warning cancel-stored-context a.cpp:6:3 new
  message: ...
  line 5: void handle(std::stop_token t) {
  line 6*: [1]   <mark>g_cb = [&t] { ... }</mark>;     (* the finding's line; <mark> what it marks)
  path: a.cpp:3:23 'g_cb' declared here (in the excerpt)
  note: ...
  fix: description | review before applying
  diff a.cpp:6
  - old line
  + new line
  nolint: // NOLINT(cancel-stored-context)
  help: file:///.../cancel-stored-context.md

  page_text.py report.html [--data]   (--data: the raw JSON, indented)
"""
import json
import re
import sys


def data_of(html):
    m = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)
    if not m:
        return None
    text = m.group(1)
    if "<" in text or ">" in text or "&" in text:
        sys.exit("FAIL: the data block holds a raw '<', '>' or '&'")
    return json.loads(text)


def where(d, f, l, k):
    s = d["files"][f]["p"] if f is not None and f < len(d["files"]) and d["files"][f]["p"] else "(no location)"
    if l:
        s += ":%d" % l
        if k:
            s += ":%d" % k
    return s


def main():
    html = open(sys.argv[1], encoding="utf-8").read()
    d = data_of(html)
    if d is None:
        print("no findings data")
        return
    if "--data" in sys.argv:
        print(json.dumps(d, indent=1, ensure_ascii=False))
        return
    print("checks: " + ", ".join("%s (%d)" % (c["id"], c["n"]) for c in d["checks"]))
    print("modules: " + ", ".join(d["modules"]))
    for i, x in enumerate(d["findings"]):
        c = d["checks"][x["c"]]
        print("finding #%d %s %s %s%s" % (i + 1, x["v"], c["id"], where(d, x["f"], x.get("l"), x.get("k")),
                                          " " + x["s"] if "s" in x else ""))
        print("message: " + x["m"])
        if "u" in x:
            print("unavailable: " + x["u"])
        if "x" in x:
            lines = d["src"][x["f"]]
            marks = {h[0]: h for h in x.get("h", [])}
            for l in range(x["x"][0], x["x"][1] + 1):
                t = lines.get(str(l))
                if t is None:
                    continue
                if l in marks:
                    _, a, b = marks[l]  # UTF-16 units, as the script counts
                    u = t.encode("utf-16-le")
                    part = lambda i, j: u[2 * i:2 * j if j is not None else None].decode("utf-16-le")
                    t = part(0, a) + "<mark>" + part(a, b) + "</mark>" + part(b, None)
                steps = x.get("g", {}).get(str(l), [])
                gutter = "".join("[%d]" % n for n in steps)
                print("line %d%s: %s%s" % (l, "*" if l == x.get("l") else "", gutter + " " if gutter else "", t))
        for flow in x.get("p", []):
            for s in flow:
                print("path: %s %s%s" % (where(d, s.get("f"), s.get("l"), s.get("k")), s["m"],
                                         " (in the excerpt)" if s.get("i") else ""))
        for s in x.get("n", []):
            print("note: %s %s" % (where(d, s.get("f"), s.get("l"), s.get("k")), s["m"]))
        for fx in x.get("fx", []):
            print("fix: %s%s" % (fx["d"], " | review before applying" if fx.get("r") else ""))
            for e in fx["e"]:
                print("diff %s:%d" % (e["t"], e["l"]))
                for t in e.get("o", []):
                    print("- " + t)
                for t in e.get("a", []):
                    print("+ " + t)
        if c["id"].startswith("cancel-"):
            print("nolint: // NOLINT(%s)" % c["id"])
        if "help" in c:
            print("help: " + c["help"])


if __name__ == "__main__":
    main()
