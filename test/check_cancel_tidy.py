#!/usr/bin/env python3
"""Runs one cancel-* check over a test file and FileChecks the result.

    check_cancel_tidy.py [options] INPUT CHECK TMP [-- TIDY_ARGS] [-- CLANG_ARGS]

The input's `// CHECK-MESSAGES:` lines are matched against the warnings (and
errors: a test must not silently stop compiling), `// CHECK-NOTES:` lines
against warnings and notes, and `// CHECK-FIXES:` lines against the file
after fixes are applied. Every diagnostic must be matched: FileCheck runs with
-implicit-check-not, so an unexpected finding fails the test. Check comments
are blanked before analysis so line numbers stay valid.

By default the test runs twice, through the real clang-tidy-22 with the
plugin loaded and through the standalone cancellint driver, and both must
meet the same expectations. --frontend=tidy is for what only clang-tidy
has: its own output (the "FIX-IT applied" notes of --fix-notes; cancellint's
--fix-notes is tested in test/tool/fixes.test), and its warn-and-go-on on an invalid
option or model, which cancellint makes a usage error (exit 2, tested in
test/tool/configuration.test).
"""
import argparse
import os
import re
import subprocess
import sys

CHECK_COMMENT = re.compile(r"//\s*CHECK-(MESSAGES|NOTES|FIXES)[A-Z0-9-]*:[^\r\n]*")


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kw)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--frontend", choices=["tidy", "cancellint", "both"], default="both")
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--cancellint", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--check-suffix", default="",
                        help="use CHECK-MESSAGES-<suffix> etc.")
    parser.add_argument("--config", default="{}",
                        help="clang-tidy --config value (CheckOptions...)")
    parser.add_argument("input")
    parser.add_argument("check")
    parser.add_argument("tmp")
    # Split "-- tidy args -- clang args" before argparse sees the command
    # line: argparse drops the first "--" itself.
    argv = sys.argv[1:]
    own, rest = (argv[:argv.index("--")], argv[argv.index("--"):]) \
        if "--" in argv else (argv, [])
    args, unknown = parser.parse_known_args(own)
    if unknown:
        parser.error("unknown arguments: %s" % unknown)

    tidy_args, clang_args = [], []
    if rest:
        after = rest[1:]
        if "--" in after:
            j = after.index("--")
            tidy_args, clang_args = after[:j], after[j + 1:]
        else:
            clang_args = after
    if not any(a.startswith("-std=") for a in clang_args):
        clang_args.append("-std=c++20")

    with open(args.input, encoding="utf-8") as f:
        text = f.read()
    suffix = "-" + args.check_suffix if args.check_suffix else ""
    prefixes = {kind: "CHECK-%s%s" % (kind, suffix)
                for kind in ("MESSAGES", "NOTES", "FIXES")}
    has = {kind: re.search(re.escape(p) + r"(-NOT|-NEXT|-SAME)?:", text) is not None
           for kind, p in prefixes.items()}
    if not (has["MESSAGES"] or has["NOTES"]):
        sys.exit("%s has no %s lines; a test that expects no finding says so "
                 "with a %s-NOT line" % (args.input, prefixes["MESSAGES"],
                                         prefixes["MESSAGES"]))

    ext = os.path.splitext(args.input)[1] or ".cpp"
    tmp_src = args.tmp + ext
    tool = {"tidy": [args.clang_tidy, "--load=" + args.plugin, "--header-filter=.*"],
            "cancellint": [args.cancellint, "--no-cache"]}
    fix = ["--fix"] if has["FIXES"] else []
    frontends = ["tidy", "cancellint"] if args.frontend == "both" else [args.frontend]
    for frontend in frontends:
        # Each front-end starts from the unfixed file and must meet the same
        # expectations: the checks exist once, whichever way they are run.
        with open(tmp_src, "w", encoding="utf-8") as f:
            f.write(CHECK_COMMENT.sub("//", text))
        cmd = tool[frontend] + ["--checks=-*," + args.check, "--config=" + args.config] \
            + fix + tidy_args + [tmp_src, "--"] + clang_args
        check_output(args, frontend, cmd, prefixes, has, tmp_src)


def check_output(args, frontend, cmd, prefixes, has, tmp_src):
    result = run(cmd)
    output = result.stdout
    # The clang-tidy output keeps the plain name: RUN lines may read it.
    out_name = args.tmp + (".out" if frontend == "tidy" else ".cancellint.out")
    with open(out_name, "w", encoding="utf-8") as f:
        f.write(output)
    print("command:", " ".join(cmd))
    print(output)
    if result.returncode not in (0, 1):
        sys.exit("%s failed with exit code %d" % (frontend, result.returncode))

    def filecheck(prefix, implicit, input_path, extra=()):
        cmd = [args.filecheck, args.input, "--input-file=" + input_path,
               "--check-prefix=" + prefix, "--dump-input=fail", "--allow-empty"] + list(extra)
        for pattern in implicit:
            cmd.append("--implicit-check-not=" + pattern)
        r = run(cmd)
        if r.returncode != 0:
            print(r.stdout)
            sys.exit("%s: FileCheck %s failed" % (frontend, prefix))

    # Messages: warnings and errors only (notes are free); notes: all three.
    diag_lines = [l for l in output.splitlines(True)
                  if re.search(r": (warning|error|note): ", l)]
    messages = "%s.%s.messages" % (args.tmp, frontend)
    with open(messages, "w", encoding="utf-8") as f:
        f.writelines(l for l in diag_lines if ": note: " not in l)
    notes = "%s.%s.notes" % (args.tmp, frontend)
    with open(notes, "w", encoding="utf-8") as f:
        f.writelines(diag_lines)
    if has["MESSAGES"]:
        filecheck(prefixes["MESSAGES"], ["{{warning|error}}:"], messages)
    if has["NOTES"]:
        filecheck(prefixes["NOTES"], ["{{note|warning|error}}:"], notes)
    if has["FIXES"]:
        filecheck(prefixes["FIXES"], [], tmp_src, ["--match-full-lines"])


if __name__ == "__main__":
    main()
