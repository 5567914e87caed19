#!/usr/bin/env python3
"""Opens cancellint HTML reports in headless Chromium and checks what a
reader sees against the SARIF they were rendered from.

Chromium is driven over the DevTools protocol on a pipe
(--remote-debugging-pipe: no port, no network, no extra packages); only the
Python standard library is used.

  chromium_check.py --cancellint BIN --sarif run.sarif --html run.html \
      --out DIR [--hostile hostile.html] [--big DIR]

Checks, for run.html (the example service, a dozen findings):
  * the script ran and nothing was blocked (no exception, no CSP violation);
  * the numbers shown (findings, the matrix of checks by directory, units
    analysed and failed) are the ones in the SARIF, and the matrix is
    sorted by count;
  * the first group open is the check with most findings; once every group
    is opened, every result has its entry, whose highlighted line is the
    result's line, shows that line of the source file and marks it;
  * a matrix cell, a row and a column filter the list to their counts; a
    text search finds what it should, and says when nothing matches;
  * printing hides the filters and gives a PDF; without JavaScript the
    overview is there and the page says the list needs it.
Then, rendered with `cancellint report`: the same SARIF with baselineState
(new findings first, under their own heading, and counted); another tool's
SARIF (messages by id, levels with their own colours, no NOLINT advice);
--hostile: a report whose inputs try to inject markup, which must show as
text; --big: 10,000 generated findings (big_sarif.py) with failed units and
fixes: counts, groups closed beyond the first screen, a short page, a fix
shown as a diff, a note's fix marked for review, the failed units listed.
Artifacts in DIR: report.png (the top of the page), report-full.png,
matrix-click.png, report.pdf, baseline.png, foreign.png, hostile.png,
big.png, big-full.png, big-fix.png and the pages they show.
"""
import argparse
import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

TIMEOUT = 60  # seconds for any one DevTools call or page load


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def find_chromium():
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser",
                 "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    fail("chromium is not installed, and this test needs it to open the HTML "
         "report. Install it with scripts/setup (Debian: apt-get install "
         "chromium).")


class Browser:
    """Headless Chromium on --remote-debugging-pipe (fd 3 in, fd 4 out)."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="cancellint-chromium-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def child_fds():
            a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.log = open(os.path.join(self.profile, "chromium.log"), "w")
        self.proc = subprocess.Popen(
            [find_chromium(), "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--disable-extensions",
             "--user-data-dir=" + self.profile, "--remote-debugging-pipe",
             "about:blank"],
            pass_fds=(3, 4), preexec_fn=child_fds, stdin=subprocess.DEVNULL,
            stdout=self.log, stderr=self.log)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def close(self):
        try:
            self.call("Browser.close")
        except SystemExit:
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.from_chrome], [], [], left)[0]:
                fail("chromium did not answer within %d s" % TIMEOUT)
            data = os.read(self.from_chrome, 1 << 20)
            if not data:
                with open(self.log.name) as log:
                    fail("chromium exited; its log:\n" + log.read()[-3000:])
            self.buffer += data
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    fail("%s failed: %s" % (method, reply["error"]))
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method, session):
        deadline = time.monotonic() + TIMEOUT
        while True:
            for i, e in enumerate(self.events):
                if e.get("method") == method and e.get("sessionId") == session:
                    return self.events.pop(i)
            self.events.append(self._read_message(deadline))

    def open(self, path, scripts=True, width=1280, height=900):
        target = self.call("Target.createTarget", {"url": "about:blank"})
        session = self.call("Target.attachToTarget",
                            {"targetId": target["targetId"], "flatten": True}
                            )["sessionId"]
        page = Page(self, session)
        for domain in ("Page", "Runtime", "Log"):
            page.call(domain + ".enable")
        page.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1,
                   "mobile": False})
        if not scripts:
            page.call("Emulation.setScriptExecutionDisabled", {"value": True})
        page.call("Page.navigate", {"url": "file://" + os.path.abspath(path)})
        self.wait_event("Page.loadEventFired", session)
        return page


class Page:
    def __init__(self, browser, session):
        self.browser = browser
        self.session = session

    def call(self, method, params=None):
        return self.browser.call(method, params, self.session)

    def js(self, expression):
        """Evaluates the expression in the page; returns its value."""
        r = self.call("Runtime.evaluate",
                      {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in r:
            fail("script failed: %s\n%s" % (r["exceptionDetails"], expression))
        return r["result"].get("value")

    def problems(self):
        """Script exceptions, CSP violations and console errors so far."""
        out = []
        for e in self.browser.events:
            if e.get("sessionId") != self.session:
                continue
            if e.get("method") == "Runtime.exceptionThrown":
                out.append(json.dumps(e["params"]["exceptionDetails"])[:500])
            elif e.get("method") == "Log.entryAdded":
                entry = e["params"]["entry"]
                if entry.get("level") == "error":
                    out.append(entry.get("text", ""))
        return out

    def screenshot(self, path, full=False):
        params = {"format": "png"}
        if full:
            size = self.call("Page.getLayoutMetrics")["cssContentSize"]
            params["captureBeyondViewport"] = True
            params["clip"] = {"x": 0, "y": 0, "width": size["width"],
                              "height": min(size["height"], 16000), "scale": 1}
        data = self.call("Page.captureScreenshot", params)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


# What the page shows, read from the DOM.
READ_PAGE = r"""(() => {
  const text = e => e ? e.textContent : null;
  const stat = s => text(document.querySelector('[data-stat="' + s + '"] .value'));
  const m = document.getElementById('matrix');
  const matrix = m ? {
    checks: Array.from(m.querySelectorAll('thead th[data-check]')).map(th => th.dataset.check),
    checkTotals: Array.from(m.querySelectorAll('tfoot td')).map(td => Number(td.textContent)),
    rows: Array.from(m.querySelectorAll('tbody tr')).map(tr => ({
      module: tr.dataset.module,
      cells: Array.from(tr.querySelectorAll('td:not(.total)')).map(td => Number(td.textContent || 0)),
      total: Number(tr.querySelector('td.total').textContent) })) } : null;
  const context = Object.fromEntries(Array.from(document.querySelectorAll('dl.context > div'))
      .map(d => [d.dataset.context, d.querySelector('dd').textContent]));
  return { js: document.documentElement.classList.contains('js'),
           findings: stat('findings'), analysed: stat('analysed'), failed: stat('failed'),
           newCount: stat('new'), known: stat('known'), matrix, context,
           shown: text(document.getElementById('shown')),
           height: document.documentElement.scrollHeight };
})()"""

# The list as rendered: groups in order, open or closed, and each finding
# with what a reader sees of it.
READ_LIST = r"""(() => {
  const visible = e => e.getClientRects().length > 0;
  const groups = Array.from(document.querySelectorAll('#list details.grp')).map(d => ({
    check: d.dataset.check, open: d.open, summary: d.querySelector('summary').textContent }));
  const entries = Array.from(document.querySelectorAll('#list article.finding')).filter(visible).map(a => {
    const hl = Array.from(a.querySelectorAll(':scope > .src .l.hl'));
    return {
      id: a.id, check: a.querySelector('.check').textContent, level: a.querySelector('.level').textContent,
      loc: a.querySelector('.loc').textContent, line: Number(a.dataset.line), s: a.dataset.s || '',
      badge: (a.querySelector('.badge') || {}).textContent || '',
      msg: a.querySelector('.msg').textContent, border: getComputedStyle(a).borderLeftColor,
      hl: hl.map(l => ({ ln: Number(l.dataset.ln),
        text: Array.from(l.childNodes).filter(n => !(n.classList && n.classList.contains('g')))
                   .map(n => n.textContent).join(''),
        background: getComputedStyle(l).backgroundColor,
        marked: Array.from(l.querySelectorAll('mark')).map(k => k.textContent) })),
      plainBackground: (() => { const p = a.querySelector(':scope > .src .l:not(.hl)');
                                return p ? getComputedStyle(p).backgroundColor : null; })(),
      nosrc: (a.querySelector('.nosrc') || {}).textContent || '',
      steps: a.querySelectorAll('.path ol > li').length,
      fixes: Array.from(a.querySelectorAll('.fixd')).map(f => ({
        title: f.querySelector('h4').textContent,
        del: Array.from(f.querySelectorAll('.dl.del')).map(l => l.textContent),
        add: Array.from(f.querySelectorAll('.dl.add')).map(l => l.textContent),
        reviewVisible: Array.from(f.querySelectorAll('.review-badge')).some(visible) })),
      text: a.innerText };
  });
  return { groups, entries, parts: Array.from(document.querySelectorAll('#list .part-h')).map(h => h.textContent),
           noneShown: !document.getElementById('none-shown').hidden,
           noneText: document.getElementById('none-shown').textContent };
})()"""

# Opens every group and pages through every "show more": the whole list.
OPEN_ALL = r"""(() => {
  for (let round = 0; round < 10000; round++) {
    const closed = document.querySelector('#list details:not([open])');
    if (closed) { closed.open = true; closed.dispatchEvent(new Event('toggle')); continue; }
    const more = document.querySelector('#list button.more');
    if (more) { more.click(); continue; }
    return round;
  }
  return -1;
})()"""


def click(page, selector):
    page.js("document.querySelector(%s).click(), true" % json.dumps(selector))


def set_value(page, element_id, value, event):
    page.js("(() => { const e = document.getElementById(%s); e.value = %s; "
            "e.dispatchEvent(new Event(%s)); return true; })()"
            % (json.dumps(element_id), json.dumps(value), json.dumps(event)))


def read_sarif(path):
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    results, units, failed = [], 0, set()
    for run in log["runs"]:
        root = run.get("originalUriBaseIds", {}).get("SRCROOT", {}).get("uri", "")
        root = urllib.parse.unquote(urllib.parse.urlparse(root).path)
        units += run.get("properties", {}).get("translationUnits", 0)
        for r in run.get("results", []):
            art = r["locations"][0]["physicalLocation"]["artifactLocation"]
            rel = urllib.parse.unquote(art["uri"])
            region = r["locations"][0]["physicalLocation"]["region"]
            results.append({"rule": r["ruleId"], "rel": rel, "message": r["message"]["text"],
                            "path": os.path.join(root, rel),
                            "line": region["startLine"],
                            "state": r.get("baselineState", ""),
                            "steps": sum(len(t["locations"]) for f in r.get("codeFlows", [])
                                         for t in f["threadFlows"])})
        for inv in run.get("invocations", []):
            for n in inv.get("toolExecutionNotifications", []):
                if n.get("level") == "error":
                    failed.add(n["message"]["text"].split(":")[0])
    return log, results, units, failed


def count_by(items, key):
    out = {}
    for i in items:
        out[i[key]] = out.get(i[key], 0) + 1
    return out


def check_counts(shown, results, units, failed, what):
    if shown["findings"] != str(len(results)) or shown["shown"] != str(len(results)):
        fail("%s: findings shown %s (list %s), SARIF has %d results"
             % (what, shown["findings"], shown["shown"], len(results)))
    m = shown["matrix"]
    per_check = count_by(results, "rule")
    if dict(zip(m["checks"], m["checkTotals"])) != per_check:
        fail("%s: matrix columns %s, SARIF %s" % (what, dict(zip(m["checks"], m["checkTotals"])), per_check))
    if m["checkTotals"][:-1] != sorted(m["checkTotals"][:-1], reverse=True):
        fail("%s: matrix columns not sorted by count: %s" % (what, m["checkTotals"]))
    totals = [r["total"] for r in m["rows"]]
    if sum(totals) != len(results) or any(sum(r["cells"]) != r["total"] for r in m["rows"]):
        fail("%s: matrix rows do not add up: %s" % (what, m["rows"]))
    folded = [r for r in m["rows"] if r["module"].startswith("(")]
    if [t for r, t in zip(m["rows"], totals) if r not in folded] != sorted(
            [t for r, t in zip(m["rows"], totals) if r not in folded], reverse=True):
        fail("%s: matrix rows not sorted by count: %s" % (what, totals))
    for r in results:
        if not any(r["rel"].startswith(row["module"]) or row["module"] == "./" and "/" not in r["rel"]
                   for row in m["rows"]) and not folded:
            fail("%s: %s is in no row of the matrix" % (what, r["rel"]))
    analysed = "%d / %d" % (units - len(failed), units)
    if shown["analysed"] != analysed or shown["failed"] != str(len(failed)):
        fail("%s: translation units shown %s analysed, %s failed; SARIF: %s, %d"
             % (what, shown["analysed"], shown["failed"], analysed, len(failed)))
    if len(m["rows"]) > 30:
        fail("%s: the matrix has %d rows" % (what, len(m["rows"])))


def check_first_screen(listed, results, what):
    """The first group is the check with most findings, and it is open."""
    per_check = count_by(results, "rule")
    most = max(per_check.values())
    first = listed["groups"][0]
    if not first["open"] or per_check.get(first["check"]) != most:
        fail("%s: the first group is %s (%s), not an open group of the check with most "
             "findings (%d)" % (what, first["check"], first["open"], most))
    if not listed["entries"]:
        fail("%s: no finding is shown at first" % what)


def check_entries(entries, results, what):
    """Each result has an entry whose one highlighted line is its line."""
    if len(entries) != len(results):
        fail("%s: %d entries for %d results" % (what, len(entries), len(results)))
    by_loc = {}
    for e in entries:
        by_loc.setdefault((e["loc"].split(":")[0], e["line"], e["check"]), []).append(e)
    for r in results:
        key = (r["rel"], r["line"], r["rule"])
        if not by_loc.get(key):
            fail("%s: no entry for %s" % (what, key))
        e = by_loc[key].pop()
        if [h["ln"] for h in e["hl"]] != [r["line"]]:
            fail("%s: %s: highlighted lines %s, expected [%d]"
                 % (what, e["id"], [h["ln"] for h in e["hl"]], r["line"]))
        with open(r["path"], encoding="utf-8", errors="replace") as f:
            source_line = f.read().split("\n")[r["line"] - 1].rstrip("\r")
        hl = e["hl"][0]
        if hl["text"] != source_line:
            fail("%s: %s: highlighted text %r, source line %r" % (what, e["id"], hl["text"], source_line))
        if hl["background"] == e["plainBackground"] or len(hl["marked"]) != 1 or not hl["marked"][0].strip():
            fail("%s: %s: line %d is not highlighted and marked (background %s, marks %s)"
                 % (what, e["id"], r["line"], hl["background"], hl["marked"]))
        if e["steps"] != r["steps"]:
            fail("%s: %s: %d path steps shown, SARIF has %d" % (what, e["id"], e["steps"], r["steps"]))
        if e["msg"] != r["message"]:
            fail("%s: %s: message %r, SARIF %r" % (what, e["id"], e["msg"], r["message"]))


def check_matrix(page, shown, out, what):
    m = shown["matrix"]
    # The biggest cell: the list shows its findings, of its check only.
    cells = [(n, i, j) for i, row in enumerate(m["rows"]) for j, n in enumerate(row["cells"]) if n]
    n, i, j = max(cells)
    click(page, '#matrix a[data-m="%d"][data-c="%d"]' % (i, j))
    listed = page.js(READ_LIST)
    if page.js("document.getElementById('shown').textContent") != str(n):
        fail("%s: matrix cell (%s, %s) holds %d, the list shows %s" % (
            what, m["rows"][i]["module"], m["checks"][j], n, page.js("document.getElementById('shown').textContent")))
    if [g["check"] for g in listed["groups"]] != [m["checks"][j]] or any(
            e["check"] != m["checks"][j] for e in listed["entries"]):
        fail("%s: matrix cell of %s shows other checks: %s" % (what, m["checks"][j], listed["groups"]))
    if not page.js("document.querySelector('#matrix a.on') !== null"):
        fail("%s: the clicked matrix cell is not marked" % what)
    if not page.js("(r => r.top < innerHeight / 2 && r.bottom > 0)(document.getElementById('findings').getBoundingClientRect())"):
        fail("%s: clicking the matrix does not bring the findings into view" % what)
    page.screenshot(os.path.join(out, "matrix-click.png"))
    # A row: its directory, every check; a column: its check, every directory.
    click(page, '#matrix tbody th a[data-m="%d"]' % i)
    if page.js("document.getElementById('shown').textContent") != str(m["rows"][i]["total"]):
        fail("%s: matrix row %s: list shows %s, row total %d" % (
            what, m["rows"][i]["module"], page.js("document.getElementById('shown').textContent"),
            m["rows"][i]["total"]))
    click(page, '#matrix thead a[data-c="%d"]' % j)
    if page.js("document.getElementById('shown').textContent") != str(m["checkTotals"][j]):
        fail("%s: matrix column %s: list shows %s, column total %d" % (
            what, m["checks"][j], page.js("document.getElementById('shown').textContent"), m["checkTotals"][j]))
    click(page, "#reset")


def check_search(page, results, what):
    # A word of one message (its variable), then something nowhere.
    word = None
    for r in results:
        for token in r["message"].replace("'", " ").split():
            if len(token) > 3 and sum(token.lower() in (x["message"] + "\n" + x["rel"] + "\n" + x["rule"]).lower()
                                      for x in results) == 1:
                word = token
                break
        if word:
            break
    if not word:
        fail("%s: no word is in one message only" % what)
    set_value(page, "q", word.upper(), "input")
    listed = page.js(READ_LIST)
    if page.js("document.getElementById('shown').textContent") != "1" or len(listed["entries"]) != 1 \
            or word not in listed["entries"][0]["msg"]:
        fail("%s: searching %r shows %s, expected the one finding that says it"
             % (what, word, [e["msg"] for e in listed["entries"]]))
    set_value(page, "q", "no finding says this", "input")
    listed = page.js(READ_LIST)
    if listed["entries"] or not listed["noneShown"] or "No finding matches" not in listed["noneText"]:
        fail("%s: a search that matches nothing does not say so" % what)
    click(page, "#reset")


def check_print(page, out):
    page.call("Emulation.setEmulatedMedia", {"media": "print"})
    if page.js("getComputedStyle(document.getElementById('filters')).display") != "none":
        fail("the filters are printed")
    page.call("Emulation.setEmulatedMedia", {"media": ""})
    pdf = base64.b64decode(page.call("Page.printToPDF", {"printBackground": True})["data"])
    if not pdf.startswith(b"%PDF"):
        fail("printing gave no PDF")
    with open(os.path.join(out, "report.pdf"), "wb") as f:
        f.write(pdf)


def check_without_javascript(browser, html):
    page = browser.open(html, scripts=False)
    if page.js("document.documentElement.classList.contains('js')"):
        fail("the page script ran although scripts were disabled")
    seen = page.js(r"""({ text: document.body.innerText,
        matrix: document.querySelectorAll('#matrix tbody tr').length,
        filters: getComputedStyle(document.getElementById('filters')).display })""")
    if "The list of findings is shown with JavaScript" not in seen["text"] or not seen["matrix"] \
            or seen["filters"] != "none":
        fail("without JavaScript the page does not show its overview and say the list needs it")


def check_baseline(browser, cancellint, log, out):
    """The SARIF with baselineState: new findings first, marked and counted."""
    log = json.loads(json.dumps(log))
    states = []
    for run in log["runs"]:
        for i, r in enumerate(run.get("results", [])):
            r["baselineState"] = "new" if i % 3 == 1 else "unchanged"
            states.append(r["baselineState"])
    sarif = os.path.join(out, "baseline.sarif")
    html = os.path.join(out, "baseline.html")
    with open(sarif, "w", encoding="utf-8") as f:
        json.dump(log, f)
    subprocess.run([cancellint, "report", sarif, "-o", html], check=True)
    page = browser.open(html)
    shown = page.js(READ_PAGE)
    new = states.count("new")
    if shown["newCount"] != str(new) or shown["known"] != str(len(states) - new):
        fail("baseline: shown %s new, %s known; SARIF %d new, %d unchanged"
             % (shown["newCount"], shown["known"], new, len(states) - new))
    page.js(OPEN_ALL)
    listed = page.js(READ_LIST)
    order = [e["s"] for e in listed["entries"]]
    if order != sorted(order, key=lambda s: s != "new") or order[:1] != ["new"]:
        fail("baseline: new findings are not listed first: %s" % order)
    if any(e["badge"] != e["s"] for e in listed["entries"]):
        fail("baseline: entries are not marked new/known")
    if listed["parts"] != ["New since the baseline: %d finding%s" % (new, "" if new == 1 else "s"),
                           "Known from the baseline: %d finding%s" % (
                               len(states) - new, "" if len(states) - new == 1 else "s")]:
        fail("baseline: the list's headings are %s" % listed["parts"])
    set_value(page, "fs", "new", "change")
    if page.js("document.getElementById('shown').textContent") != str(new):
        fail("baseline: 'new' shows %s findings, not %d"
             % (page.js("document.getElementById('shown').textContent"), new))
    set_value(page, "fs", "", "change")
    page.js("window.scrollTo(0, document.getElementById('findings').offsetTop)")
    page.screenshot(os.path.join(out, "baseline.png"))


FOREIGN = {
    "version": "2.1.0",
    "runs": [{
        "tool": {"driver": {"name": "othertool", "version": "2.0", "rules": [
            {"id": "OT001", "shortDescription": {"text": "Other rule."},
             "messageStrings": {"default": {"text": "variable {0} is unused in {1}"}}}],
            "globalMessageStrings": {"plain": {"text": "a plain {0}"}}}},
        "results": [
            {"ruleId": "OT001", "level": "error", "message": {"id": "default", "arguments": ["x", "f"]},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": "other.c"},
                                                 "region": {"startLine": 2, "startColumn": 7,
                                                            "endColumn": 8}}}]},
            {"ruleId": "OT001", "level": "note", "message": {"id": "plain", "arguments": ["note"]},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": "other.c"},
                                                 "region": {"startLine": 1}}}]},
            {"ruleId": "OT001", "level": "warning", "message": {"text": "a warning"},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": "other.c"},
                                                 "region": {"startLine": 2}}}]}]}]}


def check_foreign(browser, cancellint, out):
    """Another tool's SARIF: messages by id, its levels' colours, no NOLINT."""
    with open(os.path.join(out, "other.c"), "w") as f:
        f.write("int f(void) {\n  int x = 0;\n  return 1;\n}\n")
    sarif = os.path.join(out, "foreign.sarif")
    html = os.path.join(out, "foreign.html")
    with open(sarif, "w") as f:
        json.dump(FOREIGN, f)
    subprocess.run([cancellint, "report", "--source-root=" + out, sarif, "-o", html], check=True)
    page = browser.open(html)
    if page.problems():
        fail("foreign: the page reported errors: %s" % page.problems())
    listed = page.js(READ_LIST)
    by_level = {e["level"]: e for e in listed["entries"]}
    if sorted(by_level) != ["error", "note", "warning"]:
        fail("foreign: levels shown %s" % sorted(by_level))
    if by_level["error"]["msg"] != "variable x is unused in f" or by_level["note"]["msg"] != "a plain note":
        fail("foreign: messages by id shown as %r and %r"
             % (by_level["error"]["msg"], by_level["note"]["msg"]))
    if len({e["border"] for e in by_level.values()}) != 3:
        fail("foreign: the levels do not have their own colours: %s"
             % {k: e["border"] for k, e in by_level.items()})
    if any("NOLINT" in e["text"] for e in listed["entries"]):
        fail("foreign: NOLINT advice for another tool's rule")
    if by_level["error"]["hl"][0]["marked"] != ["x"]:
        fail("foreign: the error marks %s, not 'x'" % by_level["error"]["hl"][0]["marked"])
    page.screenshot(os.path.join(out, "foreign.png"))


def check_hostile(browser, html, out):
    """Markup from sources, file names, messages and rule ids stays text."""
    page = browser.open(html)
    page.js(OPEN_ALL)
    verdict = page.js(r"""({
      images: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script:not([type="application/json"])').length,
      pwned: window.pwned === true,
      javascriptLinks: document.querySelectorAll('a[href^="javascript" i]').length,
      text: document.body.innerText })""")
    if verdict["images"] or verdict["scripts"] != 1 or verdict["pwned"] or verdict["javascriptLinks"]:
        fail("hostile input became markup: %s" % {k: v for k, v in verdict.items() if k != "text"})
    for needle in ("</script><img src=x onerror=", "Tom & Jerry <b>", "a<b&c.cpp"):
        if needle not in verdict["text"]:
            fail("hostile input %r is not shown as text" % needle)
    page.screenshot(os.path.join(out, "hostile.png"))


def check_big(browser, cancellint, big, out):
    """10,000 findings: counts, closed groups, a short page, fixes, failures."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import big_sarif
    sarif = big_sarif.generate(big, 10000)
    html = os.path.join(out, "big.html")
    subprocess.run([cancellint, "report", sarif, "-o", html], check=True)
    size = os.path.getsize(html)
    if size > 5e6:
        fail("big: the page is %.1f MB" % (size / 1e6))
    log, results, units, failed = read_sarif(sarif)
    page = browser.open(html)
    if page.problems():
        fail("big: the page reported errors: %s" % page.problems())
    shown = page.js(READ_PAGE)
    check_counts(shown, results, units, failed, "big")
    listed = page.js(READ_LIST)
    check_first_screen(listed, results, "big")
    if len(listed["entries"]) > 30 or sum(g["open"] for g in listed["groups"]) > 2:
        fail("big: %d findings and %d groups open at first"
             % (len(listed["entries"]), sum(g["open"] for g in listed["groups"])))
    if listed["entries"][0]["s"] != "new":
        fail("big: the first finding is not new")
    if shown["height"] > 30000:
        fail("big: the page is %d px high" % shown["height"])
    if "2 not fully analysed" not in shown["context"].get("units", ""):
        fail("big: the header says %r about units" % shown["context"].get("units"))
    failures = page.js("Array.from(document.querySelectorAll('#failures li')).map(l => l.textContent)")
    if len(failures) != 2 or not all("does not compile" in f for f in failures):
        fail("big: the failed units listed are %s" % failures)
    page.screenshot(os.path.join(out, "big.png"))
    page.screenshot(os.path.join(out, "big-full.png"), full=True)
    # A finding's own fix, and a note's fix marked for review, as diffs.
    r = results[22]
    with open(r["path"], encoding="utf-8") as f:
        src_line = f.read().split("\n")[r["line"] - 1]
    set_value(page, "q", "finding 22 of", "input")
    fix = page.js(READ_LIST)["entries"][0]["fixes"]
    if len(fix) != 1 or fix[0]["title"] != "Fix: Apply the suggested fix" or \
            fix[0]["del"] != [src_line] or \
            fix[0]["add"] != [src_line[:2] + "[[maybe_unused]] " + src_line[2:]] or fix[0]["reviewVisible"]:
        fail("big: finding 22's fix shows as %s" % fix)
    set_value(page, "q", "finding 13 of", "input")
    fix = page.js(READ_LIST)["entries"][0]["fixes"]
    if len(fix) != 1 or not fix[0]["reviewVisible"] or fix[0]["del"] != ["  cv.wait(lock);  // größe"] \
            or fix[0]["add"] != ["  cv.wait(lock, token, pred);  // größe"]:
        fail("big: finding 13's note fix shows as %s" % fix)
    page.js("document.querySelector('#list .fixd').scrollIntoView()")
    page.screenshot(os.path.join(out, "big-fix.png"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cancellint", required=True)
    parser.add_argument("--sarif", required=True)
    parser.add_argument("--html", required=True)
    parser.add_argument("--hostile")
    parser.add_argument("--big", help="a directory for the 10,000-finding sources")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    log, results, units, failed = read_sarif(args.sarif)
    if not results:
        fail("the SARIF has no results: nothing to check")
    browser = Browser()
    try:
        page = browser.open(args.html)
        shown = page.js(READ_PAGE)
        if not shown["js"]:
            fail("the report's script did not run: %s" % page.problems())
        if page.problems():
            fail("the page reported errors: %s" % page.problems())
        check_counts(shown, results, units, failed, "report")
        check_first_screen(page.js(READ_LIST), results, "report")
        page.screenshot(os.path.join(args.out, "report.png"))
        page.js(OPEN_ALL)
        check_entries(page.js(READ_LIST)["entries"], results, "report")
        page.screenshot(os.path.join(args.out, "report-full.png"), full=True)
        page.js("window.scrollTo(0, 0)")
        check_matrix(page, shown, args.out, "report")
        check_search(page, results, "report")
        check_print(page, args.out)
        check_without_javascript(browser, args.html)
        check_baseline(browser, args.cancellint, log, args.out)
        check_foreign(browser, args.cancellint, args.out)
        if args.hostile:
            check_hostile(browser, args.hostile, args.out)
        if args.big:
            check_big(browser, args.cancellint, args.big, args.out)
    finally:
        browser.close()
    print("chromium: %d findings in %d checks and %d matrix rows checked%s; "
          "screenshots in %s" % (len(results), len(shown["matrix"]["checks"]),
                                 len(shown["matrix"]["rows"]),
                                 ", and 10000 generated" if args.big else "", args.out))


if __name__ == "__main__":
    main()
