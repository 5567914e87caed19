"""The real-bug benchmark (benchmark/bugs/*/case.json): analyse each fixed
bug's file before and after the fix, and say whether the expected check
caught the bug and left the fix alone."""
import concurrent.futures
import json
import os
import subprocess

from . import codebases, results

HEADER_EXTS = (".h", ".hh", ".hpp", ".hxx", ".ipp")
DEFAULT_FLAGS = ["-std=c++20", "-pthread"]
CASE_KEYS = {"repo", "fix", "before", "link", "license", "kind", "summary",
             "file", "after_file", "extract", "includes", "flags",
             "stub_missing", "headers", "model", "protos", "proto_root",
             "expect", "findings", "notes"}
EXPECT_KEYS = {"check", "before", "after", "why_missed"}


class CaseError(Exception):
    pass


def load(cases_dir, only=()):
    """Every case, validated: a malformed case stops the run with its path."""
    cases = []
    for name in sorted(os.listdir(cases_dir)):
        path = os.path.join(cases_dir, name, "case.json")
        if not os.path.isfile(path) or (only and name not in only):
            continue
        with open(path) as f:
            try:
                case = json.load(f)
            except json.JSONDecodeError as e:
                raise CaseError("%s: %s" % (path, e))
        problems = _validate(case)
        if problems:
            raise CaseError("%s: %s" % (path, "; ".join(problems)))
        case["id"] = name
        case["dir"] = os.path.dirname(path)
        cases.append(case)
    return cases


def _validate(case):
    problems = ["unknown key '%s'" % k for k in sorted(set(case) - CASE_KEYS)]
    for key in ("repo", "fix", "link", "license", "summary", "file",
                "expect"):
        if key not in case:
            problems.append("missing key '%s'" % key)
    expect = case.get("expect", {})
    problems += ["unknown key 'expect.%s'" % k
                 for k in sorted(set(expect) - EXPECT_KEYS)]
    if expect.get("check") not in results.CHECKS:
        problems.append("expect.check must be one of " +
                        ", ".join(results.CHECKS))
    for side in ("before", "after"):
        span = expect.get(side)
        if not (isinstance(span, list) and len(span) == 2 and
                all(isinstance(n, int) for n in span) and span[0] <= span[1]):
            problems.append("expect.%s must be [first line, last line]" %
                            side)
    return problems


def _commit(repo, rev):
    return subprocess.run(["git", "--git-dir", repo, "rev-parse", rev],
                          capture_output=True, text=True,
                          check=True).stdout.strip()


def _side_files(case, side):
    path = case["file"]
    if side == "after" and case.get("after_file"):
        path = case["after_file"]
    return path


def _prepare_side(case, side, repo, work):
    """Extract one version and write its compile command; return the
    command and the analysed file's path in the checkout."""
    commit = case["fix"] if side == "after" else case.get(
        "before", case["fix"] + "^")
    root = os.path.join(work, case["id"], side, "src")
    target = _side_files(case, side)
    extract = sorted(set([target] + case.get("extract", [])))
    codebases.checkout({"name": case["id"], "commit": _commit(repo, commit),
                        "paths": extract}, repo, root)
    base = {"protos": case.get("protos", []),
            "proto_root": case.get("proto_root", ".")}
    gen = codebases.generate_protos(
        base, root, os.path.join(work, case["id"], side, "gen"))
    dirs = []
    if case.get("headers"):
        dirs.append(os.path.join(case["dir"], case["headers"]))
    dirs += codebases.include_dirs(
        {"includes": case.get("includes", [])}, root, gen)
    stubs = os.path.join(work, case["id"], side, "stubs")
    os.makedirs(stubs, exist_ok=True)
    if case.get("stub_missing"):
        codebases.stub_missing_headers(codebases.project_files(root),
                                       dirs, stubs)
    analysed = os.path.join(root, target)
    unit = analysed
    if analysed.endswith(HEADER_EXTS):
        # A header is analysed through a unit that includes only it.
        unit = os.path.join(work, case["id"], side, "unit.cpp")
        with open(unit, "w") as f:
            f.write('#include "%s"\n' % analysed)
    flags = list(case.get("flags", []))
    std = [] if any(f.startswith("-std=") for f in flags) else DEFAULT_FLAGS[:1]
    args = (["clang++-22"] + std + DEFAULT_FLAGS[1:] +
            ["-I" + d for d in dirs] + ["-idirafter", stubs] + flags +
            ["-c", unit])
    return {"directory": os.path.dirname(unit), "file": unit,
            "arguments": args}, analysed


def _analyse(tool, case, side, command, analysed, work):
    run_dir = os.path.join(work, case["id"], side)
    with open(os.path.join(run_dir, "compile_commands.json"), "w") as f:
        json.dump([command], f, indent=1)
    sarif = os.path.join(run_dir, "cancellint.sarif")
    cmd = [tool, "-p", run_dir, "--checks=-*,cancel-*", "--quiet",
           "--no-cache", "--format=sarif", "-o", sarif,
           "--source-root=/", "--header-filter=.*"]
    if case.get("model"):
        cmd += ["--model", os.path.join(case["dir"], case["model"])]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1, 3):
        raise CaseError("%s (%s): cancellint exited %d:\n%s" %
                        (case["id"], side, proc.returncode, proc.stderr))
    res = results.read(sarif)
    wanted = analysed.lstrip("/")
    findings = [(rule, line, msg) for rule, uri, line, _, msg
                in res["findings"] if uri.endswith(wanted)]
    errors = 0
    for text in res["not_compiled"]:
        # "does not compile (N errors); ..."
        errors = int(text.split("(", 1)[1].split(" ", 1)[0])
    return {"findings": findings, "errors": errors,
            "broken": res["broken"]}


def evaluate(tool, case, repo, work):
    outcome = {}
    for side in ("before", "after"):
        command, analysed = _prepare_side(case, side, repo, work)
        outcome[side] = _analyse(tool, case, side, command, analysed, work)
    expect = case["expect"]
    check = expect["check"]

    def in_span(side, rule, line):
        first, last = expect[side]
        return rule == check and first <= line <= last

    verdicts = case.get("findings", {})

    def key(side, rule, line):
        return "%s:%d:%s" % (side, line, rule)

    caught = [line for rule, line, _ in outcome["before"]["findings"]
              if in_span("before", rule, line)]
    # A finding where the fix was made is the bug's, unless its verdict says
    # it is another bug at the same place.
    unfixed = [line for rule, line, _ in outcome["after"]["findings"]
               if in_span("after", rule, line)
               and key("after", rule, line) not in verdicts]
    others = []
    for side in ("before", "after"):
        for rule, line, msg in outcome[side]["findings"]:
            if in_span(side, rule, line) and (
                    side == "before" or line in unfixed):
                continue
            k = key(side, rule, line)
            others.append({"key": k, "message": msg,
                           "verdict": verdicts.get(k)})
    return {"id": case["id"], "check": check, "caught": sorted(set(caught)),
            "after_clean": not unfixed, "unfixed": sorted(set(unfixed)),
            "others": others, "outcome": outcome}


def run(tool, cases_dir, work, mirrors, cache_dir, jobs, only=()):
    cases = load(cases_dir, only)
    repos = {}
    for case in cases:
        url = "https://github.com/" + case["repo"]
        if url not in repos:
            repos[url] = codebases.git_dir({"url": url}, mirrors, cache_dir)
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(evaluate, tool, c,
                               repos["https://github.com/" + c["repo"]], work)
                   for c in cases]
        rows = [f.result() for f in futures]
    return cases, rows


def table(cases, rows):
    """The markdown table for docs/evaluation.md, and the summary lines."""
    by_id = {c["id"]: c for c in cases}
    out = ["| bug | repository | check | BEFORE flagged | AFTER clean | "
           "other findings | compile errors (before/after) |",
           "|---|---|---|---|---|---|---|"]
    for row in rows:
        case = by_id[row["id"]]
        link = "[%s](%s)" % (case["repo"], case["link"])
        before = ("line " + ", ".join(map(str, row["caught"]))
                  if row["caught"] else "**missed**")
        after = "yes" if row["after_clean"] else (
            "**no** (line %s)" % ", ".join(map(str, row["unfixed"])))
        others = "; ".join(
            "%s %s" % (o["key"], _short(o["verdict"]) or "**untriaged**")
            for o in row["others"]) or "none"
        errors = "%d/%d" % (row["outcome"]["before"]["errors"],
                            row["outcome"]["after"]["errors"])
        out.append("| %s | %s | %s | %s | %s | %s | %s |" % (
            row["id"], link, row["check"].replace("cancel-", ""), before,
            after, others, errors))
    out.append("")
    out += summary(rows)
    missed = [r for r in rows if not r["caught"]]
    if missed:
        out += ["", "Misses, and what a rule would need:", ""]
        for row in missed:
            why = by_id[row["id"]]["expect"].get("why_missed")
            out.append("- %s: %s" % (row["id"],
                                     why or "**why_missed not written**"))
    return "\n".join(out)


def _short(verdict):
    return verdict.split(":", 1)[0] if verdict else None


def summary(rows):
    lines = ["| check | bugs | caught | recall |", "|---|---|---|---|"]
    for check in results.CHECKS + ["all"]:
        mine = [r for r in rows if check in ("all", r["check"])]
        if not mine:
            continue
        caught = sum(1 for r in mine if r["caught"])
        lines.append("| %s | %d | %d | %d%% |" % (
            check, len(mine), caught, round(100 * caught / len(mine))))
    clean = sum(1 for r in rows if r["after_clean"])
    untriaged = sum(1 for r in rows for o in r["others"] if not o["verdict"])
    lines.append("")
    lines.append("AFTER clean of the bug's finding: %d of %d. "
                 "Untriaged other findings: %d." % (clean, len(rows),
                                                    untriaged))
    return lines
