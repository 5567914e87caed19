"""cancellint as a Bazel aspect: the cancel-* checks ride along with the build.

For every C/C++ target it reaches (following `deps`), the aspect runs
`cancellint` once per source file, as an ordinary Bazel action with the
target's include paths and defines, so it is sandboxed, remotely executed
and remotely cached like a compile. It then merges the target's results into
one SARIF file, `<target>.cancellint.sarif`, in the `cancellint` output group:

    bazel build //... \\
      --aspects=@cancellint//:cancellint.bzl%cancellint_aspect \\
      --output_groups=cancellint
    cancellint merge $(find -L bazel-bin/ -name '*.cancellint.sarif') -o cancellint.sarif

The final `cancellint merge` writes what one cancellint run over all the
units would write, and exits with its exit code (1 on findings). The actions
themselves succeed on findings, so that every target's SARIF is kept and
cached.

Options (--define):
    cancellint=PATH          the program (default: /usr/bin/cancellint); on
                             remote executors it must be installed there too
                             (the cancellint image is Debian 12 with it)
    cancellint_checks=GLOBS  --checks, e.g. "-*,cancel-lost-handle"

Paths in the SARIF files are relative to the execution root (the workspace
for source files). They are written against /proc/self/cwd, which is the
execution root in every action, so that files from different sandboxes,
machines and cache hits merge.

.clang-tidy files are not inputs of the actions; give the checks with
cancellint_checks. The compiler flags are the target's (includes, defines,
copts) and --copt/--cxxopt, not the C++ toolchain's own.
"""

_SOURCE_EXTENSIONS = ["c", "cc", "cpp", "cxx", "c++", "C"]
_ROOT = "/proc/self/cwd"

# cancellint's exit codes 0 (clean), 1 (findings) and 3 (units not fully
# analysed, recorded in the SARIF) leave a SARIF file to merge; only a usage
# error (2) or an interruption fails the action.
_KEEP_SARIF = """\
"$@"
code=$?
[ "$code" -eq 0 ] || [ "$code" -eq 1 ] || [ "$code" -eq 3 ]
"""

def _rooted(path):
    """`path` (relative to the execution root) as seen through /proc/self/cwd."""
    if path.startswith("/"):
        return path
    if path in ("", "."):
        return _ROOT
    return _ROOT + "/" + path

def _compiler_args(ctx, target, source):
    cc = target[CcInfo].compilation_context
    args = ctx.actions.args()
    cpp = ctx.fragments.cpp
    args.add_all(cpp.copts)
    if source.extension != "c":
        args.add_all(cpp.cxxopts)
    else:
        args.add_all(cpp.conlyopts)
    args.add_all(getattr(ctx.rule.attr, "copts", []))
    args.add_all(cc.defines, format_each = "-D%s")
    args.add_all(getattr(cc, "local_defines", depset()), format_each = "-D%s")
    args.add_all(cc.includes, map_each = _rooted, format_each = "-I%s")
    args.add_all(cc.quote_includes, map_each = _rooted, format_each = "-iquote%s")
    args.add_all(cc.system_includes, map_each = _rooted, format_each = "-isystem%s")
    return args

def _cancellint_aspect_impl(target, ctx):
    if CcInfo not in target or not hasattr(ctx.rule.attr, "srcs"):
        return [OutputGroupInfo(cancellint = depset())]
    sources = [
        f
        for src in ctx.rule.attr.srcs
        for f in src.files.to_list()
        if f.is_source and f.extension in _SOURCE_EXTENSIONS
    ]
    if not sources:
        return [OutputGroupInfo(cancellint = depset())]

    tool = ctx.var.get("cancellint", "/usr/bin/cancellint")
    checks = ctx.var.get("cancellint_checks", "")
    headers = target[CcInfo].compilation_context.headers
    unit_results = []
    for source in sources:
        sarif = ctx.actions.declare_file(
            "%s.cancellint/%s.sarif" % (ctx.label.name, source.short_path),
        )
        args = ctx.actions.args()
        args.add(tool)
        args.add_all(["--quiet", "--no-cache", "-j1", "--format=sarif"])
        args.add("--source-root=" + _ROOT)
        if checks:
            args.add("--checks=" + checks)
        args.add("-o", sarif)
        args.add(_rooted(source.path))
        args.add("--")
        ctx.actions.run_shell(
            command = _KEEP_SARIF,
            arguments = [args, _compiler_args(ctx, target, source)],
            inputs = depset([source], transitive = [headers]),
            outputs = [sarif],
            mnemonic = "Cancellint",
            progress_message = "cancellint %s" % source.short_path,
        )
        unit_results.append(sarif)

    merged = ctx.actions.declare_file(ctx.label.name + ".cancellint.sarif")
    merge = ctx.actions.args()
    merge.add(tool)
    merge.add("merge")
    merge.add_all(unit_results)
    merge.add("-o", merged)
    ctx.actions.run_shell(
        command = _KEEP_SARIF,
        arguments = [merge],
        inputs = unit_results,
        outputs = [merged],
        mnemonic = "CancellintMerge",
        progress_message = "cancellint merge %s" % ctx.label,
    )
    return [OutputGroupInfo(cancellint = depset([merged]))]

cancellint_aspect = aspect(
    implementation = _cancellint_aspect_impl,
    attr_aspects = ["deps"],
    fragments = ["cpp"],
)
