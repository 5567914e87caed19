#!/usr/bin/env python3
"""Opens cancellint HTML reports in headless Chromium and checks what a
reader sees against the SARIF they were rendered from.

Chromium is driven over the DevTools protocol on a pipe
(--remote-debugging-pipe: no port, no network, no extra packages); only the
Python standard library is used.

  chromium_check.py --cancellint BIN --sarif run.sarif --html run.html \
      --out DIR [--hostile hostile.html]

Checks, for run.html:
  * the script ran and nothing was blocked (no exception, no CSP violation);
  * the numbers shown (findings, per check, per directory, translation units
    analysed and failed) are the ones in the SARIF;
  * every result has its entry, whose highlighted line is the result's line
    and shows that line of the source file;
  * the check, directory and chart filters hide and show entries, and so do
    the CSS filters with JavaScript disabled;
  * printing hides the filters and gives a PDF.
Then a report of the same SARIF with baselineState added (rendered with
`cancellint report`) for the new/known filter, and --hostile: a report whose
inputs try to inject markup, which must show as text.
Artifacts in DIR: report.png (the top of the page), report-full.png,
report.pdf, baseline.png, baseline.html, hostile.png.
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
  const stat = s => { const e = document.querySelector('[data-stat="' + s + '"] .value');
                      return e ? e.textContent : null; };
  const chart = id => Object.fromEntries(Array.from(
      document.querySelectorAll('#chart-' + id + ' tbody tr')).map(
      r => [r.dataset.key, Number(r.querySelector('td.num').textContent)]));
  const entries = Array.from(document.querySelectorAll('article.finding')).map(a => {
    const hl = Array.from(a.querySelectorAll(':scope > .src .l.hl'));
    return {
      id: a.id, check: a.querySelector('.check').textContent,
      loc: a.querySelector('.loc').textContent, line: Number(a.dataset.line),
      c: a.dataset.c, d: a.dataset.d, s: a.dataset.s || '',
      hl: hl.map(l => ({ ln: Number(l.dataset.ln),
        text: Array.from(l.childNodes).filter(n => !(n.classList && n.classList.contains('g')))
                   .map(n => n.textContent).join(''),
        background: getComputedStyle(l).backgroundColor,
        marked: l.querySelectorAll('mark').length })),
      plainBackground: (() => { const p = a.querySelector(':scope > .src .l:not(.hl)');
                                return p ? getComputedStyle(p).backgroundColor : null; })(),
      nosrc: (a.querySelector('.nosrc') || {}).textContent || '',
      steps: a.querySelectorAll('.path ol > li').length,
    };
  });
  return { js: document.documentElement.classList.contains('js'),
           findings: stat('findings'), analysed: stat('analysed'), failed: stat('failed'),
           newCount: stat('new'), known: stat('known'),
           checks: chart('checks'), directories: chart('directories'), entries,
           shown: (document.getElementById('shown') || {}).textContent };
})()"""

VISIBLE = r"""Array.from(document.querySelectorAll('article.finding'))
  .filter(a => getComputedStyle(a).display !== 'none').map(a => a.id)"""


def click(page, selector):
    page.js("document.querySelector(%s).click(), true" % json.dumps(selector))


def expect_visible(page, expected, what):
    visible = sorted(page.js(VISIBLE))
    if visible != sorted(expected):
        fail("%s: visible entries %s, expected %s" % (what, visible, sorted(expected)))


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
            results.append({"rule": r["ruleId"], "rel": rel,
                            "path": os.path.join(root, rel),
                            "line": region["startLine"],
                            "column": region.get("startColumn", 1),
                            "dir": os.path.dirname(rel) or ".",
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


def check_counts(shown, results, units, failed):
    if shown["findings"] != str(len(results)):
        fail("findings shown %s, SARIF has %d results" % (shown["findings"], len(results)))
    if shown["checks"] != count_by(results, "rule"):
        fail("per-check chart %s, SARIF %s" % (shown["checks"], count_by(results, "rule")))
    if shown["directories"] != count_by(results, "dir"):
        fail("per-directory chart %s, SARIF %s"
             % (shown["directories"], count_by(results, "dir")))
    analysed = "%d / %d" % (units - len(failed), units)
    if shown["analysed"] != analysed or shown["failed"] != str(len(failed)):
        fail("translation units shown %s analysed, %s failed; SARIF: %s, %d"
             % (shown["analysed"], shown["failed"], analysed, len(failed)))
    if len(shown["entries"]) != len(results):
        fail("%d entries for %d results" % (len(shown["entries"]), len(results)))


def check_entries(shown, results):
    """Each result has an entry whose one highlighted line is its line."""
    by_loc = {}
    for e in shown["entries"]:
        by_loc.setdefault((e["loc"].rsplit(":", 1)[0], e["check"]), []).append(e)
    for r in results:
        key = ("%s:%d" % (r["rel"], r["line"]), r["rule"])
        if not by_loc.get(key):
            fail("no entry for %s %s" % key)
        e = by_loc[key].pop()
        if [h["ln"] for h in e["hl"]] != [r["line"]]:
            fail("%s: highlighted lines %s, expected [%d]"
                 % (e["id"], [h["ln"] for h in e["hl"]], r["line"]))
        with open(r["path"], encoding="utf-8", errors="replace") as f:
            source_line = f.read().split("\n")[r["line"] - 1].rstrip("\r")
        hl = e["hl"][0]
        if hl["text"] != source_line:
            fail("%s: highlighted text %r, source line %r" % (e["id"], hl["text"], source_line))
        if hl["background"] == e["plainBackground"] or hl["marked"] != 1:
            fail("%s: line %d is not highlighted (background %s, %d marks)"
                 % (e["id"], r["line"], hl["background"], hl["marked"]))
        if e["steps"] != r["steps"]:
            fail("%s: %d path steps shown, SARIF has %d" % (e["id"], e["steps"], r["steps"]))


def check_filters(page, shown):
    entries = shown["entries"]
    everything = [e["id"] for e in entries]
    expect_visible(page, everything, "at first")
    # Unchecking a check hides its entries, and only those.
    c = entries[0]["c"]
    click(page, "#f-c-" + c)
    expect_visible(page, [e["id"] for e in entries if e["c"] != c], "check %s off" % c)
    if page.js("document.getElementById('shown').textContent") != str(
            len([e for e in entries if e["c"] != c])):
        fail("the 'Showing N' count does not follow the check filter")
    click(page, "#f-c-" + c)
    expect_visible(page, everything, "check %s on again" % c)
    # Directories: none, then one.
    d = entries[-1]["d"]
    click(page, 'button[data-group="d"][data-set="none"]')
    expect_visible(page, [], "no directory")
    if page.js("document.getElementById('none-shown').hidden"):
        fail("no 'No finding matches' message when every entry is filtered out")
    click(page, "#f-d-" + d)
    expect_visible(page, [e["id"] for e in entries if e["d"] == d], "directory %s only" % d)
    click(page, "#reset")
    expect_visible(page, everything, "after 'show all'")
    # A chart row shows only its check.
    c = entries[-1]["c"]
    click(page, '#chart-checks a[data-value="%s"]' % c)
    expect_visible(page, [e["id"] for e in entries if e["c"] == c], "chart row %s" % c)
    click(page, "#reset")


def check_without_javascript(browser, html, shown):
    page = browser.open(html, scripts=False)
    if page.js("document.documentElement.classList.contains('js')"):
        fail("the page script ran although scripts were disabled")
    entries = shown["entries"]
    expect_visible(page, [e["id"] for e in entries], "without JavaScript")
    c = entries[0]["c"]
    click(page, "#f-c-" + c)
    expect_visible(page, [e["id"] for e in entries if e["c"] != c],
                   "without JavaScript, check %s off" % c)


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


def check_baseline(browser, cancellint, log, out):
    """The SARIF with baselineState on its results: new/known counts and filter."""
    states = []
    for run in log["runs"]:
        for i, r in enumerate(run.get("results", [])):
            r["baselineState"] = "new" if i % 3 == 0 else "unchanged"
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
    entries = shown["entries"]
    if sorted(e["s"] for e in entries) != sorted(
            "new" if s == "new" else "known" for s in states):
        fail("baseline: entries are not marked new/known as in the SARIF")
    click(page, "#f-s-known")
    expect_visible(page, [e["id"] for e in entries if e["s"] == "new"], "new only")
    click(page, "#f-s-known")
    click(page, "#f-s-new")
    expect_visible(page, [e["id"] for e in entries if e["s"] == "known"], "known only")
    click(page, "#f-s-new")
    page.screenshot(os.path.join(out, "baseline.png"))


def check_hostile(browser, html, out):
    """Markup from sources, file names, messages and rule ids stays text."""
    page = browser.open(html)
    verdict = page.js(r"""({
      images: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      pwned: window.pwned === true,
      javascriptLinks: document.querySelectorAll('a[href^="javascript" i]').length,
      text: document.body.innerText })""")
    if verdict["images"] or verdict["scripts"] != 1 or verdict["pwned"] or verdict["javascriptLinks"]:
        fail("hostile input became markup: %s" % {k: v for k, v in verdict.items() if k != "text"})
    for needle in ("</script><img src=x onerror=", "Tom & Jerry <b>", "a<b&c.cpp"):
        if needle not in verdict["text"]:
            fail("hostile input %r is not shown as text" % needle)
    page.screenshot(os.path.join(out, "hostile.png"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cancellint", required=True)
    parser.add_argument("--sarif", required=True)
    parser.add_argument("--html", required=True)
    parser.add_argument("--hostile")
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
        check_counts(shown, results, units, failed)
        check_entries(shown, results)
        page.screenshot(os.path.join(args.out, "report.png"))
        page.screenshot(os.path.join(args.out, "report-full.png"), full=True)
        check_filters(page, shown)
        check_print(page, args.out)
        check_without_javascript(browser, args.html, shown)
        check_baseline(browser, args.cancellint, log, args.out)
        if args.hostile:
            check_hostile(browser, args.hostile, args.out)
    finally:
        browser.close()
    print("chromium: %d findings in %d checks and %d directories checked; "
          "screenshots in %s" % (len(results), len(shown["checks"]),
                                 len(shown["directories"]), args.out))


if __name__ == "__main__":
    main()
