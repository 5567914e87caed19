#!/usr/bin/env python3
"""A minimal Language Server Protocol client for testing cancellint-clangd.

    lsp_client.py --server PATH --root DIR --open FILE [--wait-for REGEX]...
                  [--timeout SECONDS] [-- SERVER_ARGS...]

Starts the server on the workspace DIR, sends initialize / initialized /
textDocument/didOpen for FILE, and waits until a textDocument/publishDiagnostics
for FILE contains, for every --wait-for REGEX, a diagnostic line matching it.
It then prints that publication, one diagnostic a line:

    FILE:LINE:COL-ENDLINE:ENDCOL: SEVERITY [SOURCE] CODE: MESSAGE
      href: URL                                (codeDescription, if any)
      related FILE:LINE:COL: MESSAGE           (relatedInformation)

Paths are relative to DIR, lines and columns 1-based (as a compiler prints
them), so FileCheck patterns can use [[@LINE]]. Finally it shuts the server
down (shutdown request, exit notification) and checks that it exits.

Without --wait-for the first publication for FILE is printed. clangd sends
compiler and clang-tidy diagnostics of one build together, so a test that
expects no finding should wait for a sentinel diagnostic (from another
clang-tidy check) that proves clang-tidy has run on the file.

Nothing can hang: the wait for diagnostics is bounded by --timeout, the
shutdown by 20 and 30 seconds, and a watchdog kills the server if the whole
run takes longer than --timeout plus 90 seconds. Exit status: 0 on
success, 1 when the awaited diagnostics did not arrive in time, 2 when the
server failed (crashed, did not answer, did not exit cleanly).
Only the Python standard library is used.
"""
import argparse
import json
import os
import pathlib
import queue
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

SEVERITIES = {1: "error", 2: "warning", 3: "information", 4: "hint"}


class ServerError(Exception):
    """The server misbehaved: crashed, answered with an error, or hung."""


class Connection:
    """JSON-RPC over the server's stdin/stdout with Content-Length framing."""

    def __init__(self, proc):
        self.proc = proc
        self.inbox = queue.Queue()
        self.next_id = 1
        self.reader = threading.Thread(target=self._read_loop, daemon=True)
        self.reader.start()

    def _read_loop(self):
        stream = self.proc.stdout
        try:
            while True:
                headers = {}
                while True:
                    line = stream.readline()
                    if not line:
                        self.inbox.put(None)  # end of stream
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    headers[name.strip().lower()] = value.strip()
                length = int(headers["content-length"])
                body = stream.read(length)
                if len(body) < length:
                    self.inbox.put(None)
                    return
                self.inbox.put(json.loads(body.decode("utf-8")))
        except (OSError, ValueError, KeyError) as e:
            self.inbox.put({"__reader_error__": str(e)})

    def send(self, message):
        message = dict(message, jsonrpc="2.0")
        body = json.dumps(message).encode("utf-8")
        try:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()
        except OSError as e:
            raise ServerError("cannot write to the server: %s" % e) from e

    def notify(self, method, params=None):
        message = {"method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def request(self, method, params=None):
        ident = self.next_id
        self.next_id += 1
        message = {"id": ident, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return ident

    def receive(self, deadline):
        """The next message, or None at end of stream; raises on timeout."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError()
        try:
            message = self.inbox.get(timeout=remaining)
        except queue.Empty:
            raise TimeoutError() from None
        if message is not None and "__reader_error__" in message:
            raise ServerError("unreadable server output: %s"
                              % message["__reader_error__"])
        if message is not None and "method" in message and "id" in message:
            # A request from the server (e.g. window/workDoneProgress/create):
            # accept it so the server never waits on us.
            self.send({"id": message["id"], "result": None})
        return message


def uri_of(path):
    return pathlib.Path(os.path.abspath(path)).as_uri()


def path_of(uri, root):
    if uri.startswith("file://"):
        path = pathlib.Path(urllib.parse.unquote(uri[len("file://"):]))
        try:
            return str(path.relative_to(root))
        except ValueError:
            return str(path)
    return uri


def position(pos):
    return "%d:%d" % (pos["line"] + 1, pos["character"] + 1)


def format_diagnostic(diag, file_name, root):
    rng = diag["range"]
    code = diag.get("code")
    lines = ["%s:%s-%s: %s [%s] %s: %s" % (
        file_name, position(rng["start"]), position(rng["end"]),
        SEVERITIES.get(diag.get("severity"), "unknown"), diag.get("source", "-"),
        "-" if code is None else code, diag["message"].replace("\n", "\\n"))]
    href = diag.get("codeDescription", {}).get("href")
    if href:
        lines.append("  href: %s" % href)
    for info in diag.get("relatedInformation", []):
        loc = info["location"]
        lines.append("  related %s:%s: %s" % (
            path_of(loc["uri"], root), position(loc["range"]["start"]),
            info["message"].replace("\n", "\\n")))
    return lines


def format_publication(params, root):
    name = path_of(params["uri"], root)
    diags = sorted(params["diagnostics"],
                   key=lambda d: (d["range"]["start"]["line"],
                                  d["range"]["start"]["character"],
                                  d.get("source", ""), str(d.get("code", ""))))
    out = ["publishDiagnostics %s: %d diagnostic(s)" % (name, len(diags))]
    for d in diags:
        out.extend(format_diagnostic(d, name, root))
    return out


def wait_response(conn, ident, deadline, what):
    while True:
        try:
            message = conn.receive(deadline)
        except TimeoutError:
            raise ServerError("no answer to %s in time" % what) from None
        if message is None:
            raise ServerError("server closed its output before answering %s" % what)
        if message.get("id") == ident and "method" not in message:
            if "error" in message:
                raise ServerError("%s failed: %s" % (what, message["error"]))
            return message.get("result")


def language_id(path):
    return "c" if path.endswith(".c") else "cpp"


def run(args, proc):
    root = pathlib.Path(os.path.abspath(args.root))
    conn = Connection(proc)
    deadline = time.monotonic() + args.timeout

    init = conn.request("initialize", {
        "processId": os.getpid(),
        "rootUri": root.as_uri(),
        "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
        "capabilities": {"textDocument": {
            "publishDiagnostics": {"relatedInformation": True,
                                   "codeDescriptionSupport": True},
            "synchronization": {"didSave": True}}},
    })
    result = wait_response(conn, init, deadline, "initialize") or {}
    if args.server_info:
        info = result.get("serverInfo", {})
        print("serverInfo: name=%s version=%s"
              % (info.get("name"), info.get("version")))
    conn.notify("initialized", {})

    target = os.path.abspath(args.open)
    with open(target, encoding="utf-8") as f:
        text = f.read()
    target_uri = uri_of(target)
    conn.notify("textDocument/didOpen", {"textDocument": {
        "uri": target_uri, "languageId": language_id(target), "version": 1,
        "text": text}})

    patterns = [re.compile(p) for p in args.wait_for]
    last = None
    status = 1
    while True:
        try:
            message = conn.receive(deadline)
        except TimeoutError:
            break
        if message is None:
            raise ServerError("server exited while we waited for diagnostics")
        if message.get("method") != "textDocument/publishDiagnostics":
            continue
        params = message["params"]
        if params["uri"] != target_uri:
            continue
        last = format_publication(params, root)
        if args.verbose:
            print("\n".join(["# received:"] + last), file=sys.stderr)
        if patterns:
            done = all(any(p.search(line) for line in last) for p in patterns)
        else:
            done = True
        if done:
            status = 0
            break

    if status == 0:
        print("\n".join(last))
    else:
        print("TIMEOUT after %gs waiting for diagnostics of %s matching %s"
              % (args.timeout, path_of(target_uri, root),
                 [p.pattern for p in patterns] or "(any)"))
        print("last publication received:" if last else "no publication received")
        if last:
            print("\n".join(last))

    # Clean shutdown, itself bounded. clangd finishes the task it is running
    # (e.g. an AST build) before it exits.
    ident = conn.request("shutdown")
    wait_response(conn, ident, time.monotonic() + 20, "shutdown")
    conn.notify("exit")
    try:
        code = proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        raise ServerError("server did not exit within 30s of the exit notification") from None
    if code != 0:
        raise ServerError("server exited with status %d after shutdown" % code)
    print("server shut down cleanly")
    return status


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", required=True, help="language server binary")
    parser.add_argument("--root", required=True, help="workspace directory")
    parser.add_argument("--open", required=True, help="file to open")
    parser.add_argument("--wait-for", action="append", default=[], metavar="REGEX",
                        help="wait until a published diagnostic line matches")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds to wait for the diagnostics (default 60)")
    parser.add_argument("--server-log", help="write the server's stderr here")
    parser.add_argument("--server-info", action="store_true",
                        help="print the serverInfo of the initialize answer first")
    parser.add_argument("--user-config", action="store_true",
                        help="let the server read the user's own clangd config "
                             "(by default it gets one that only turns indexing off)")
    parser.add_argument("--verbose", action="store_true",
                        help="echo every publication to stderr")
    parser.add_argument("server_args", nargs="*", help="after --: server arguments")
    args = parser.parse_args()

    env = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="lsp-client-") as private:
        if not args.user_config:
            # clangd reads $XDG_CONFIG_HOME/clangd/config.yaml: keep a
            # developer's personal settings out of the test, and skip the
            # indexes, which diagnostics do not need and which make the server
            # busy (and slow to exit) for many seconds after the diagnostics.
            env["XDG_CONFIG_HOME"] = private
            os.makedirs(os.path.join(private, "clangd"))
            with open(os.path.join(private, "clangd", "config.yaml"), "w") as f:
                f.write("Index:\n  Background: Skip\n  StandardLibrary: No\n")
        log = open(args.server_log, "wb") if args.server_log else subprocess.DEVNULL
        # The server runs in the workspace: a relative path names a file
        # relative to here, a bare name is looked up on PATH.
        server = os.path.abspath(args.server) if os.sep in args.server else args.server
        try:
            proc = subprocess.Popen([server] + args.server_args,
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=log, cwd=args.root, env=env)
        except OSError as e:
            print("error: cannot start %s: %s" % (args.server, e), file=sys.stderr)
            return 2
        # Diagnostics wait + shutdown (20s) + exit (30s), with a margin.
        watchdog = threading.Timer(args.timeout + 90, proc.kill)
        watchdog.daemon = True
        watchdog.start()
        try:
            return run(args, proc)
        except ServerError as e:
            print("error: %s" % e)
            return 2
        finally:
            watchdog.cancel()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            if log is not subprocess.DEVNULL:
                log.close()


if __name__ == "__main__":
    sys.exit(main())
