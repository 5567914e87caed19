# -*- Python -*-
import os
import lit.formats

config.name = "cancellint"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".test", ".py"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py", "check_cancel_tidy.py",
                   "lsp_client.py", "expect-exit.py", "npm"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.cancellint_build_dir, "test")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_bin_dir, os.path.join(config.cancellint_build_dir, "bin"),
     config.environment.get("PATH", os.environ.get("PATH", ""))])
for var in ("HOME", "TMPDIR", "CANCELLINT_NODE_DIR"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
# Reports record when the run started and ended; a fixed time (as for
# reproducible builds) lets tests compare them byte for byte.
config.environment["SOURCE_DATE_EPOCH"] = "1767225600"
# The result cache is on by default: keep the suite's out of the user's.
config.environment["XDG_CACHE_HOME"] = os.path.join(config.test_exec_root, "xdg-cache")

bin_dir = os.path.join(config.cancellint_build_dir, "bin")
plugin = os.path.join(config.cancellint_build_dir, "lib", "CancelTidyModule.so")
cancellint = os.path.join(bin_dir, "cancellint")
clang_tidy = os.path.join(config.llvm_bin_dir, "clang-tidy")
filecheck = os.path.join(config.llvm_bin_dir, "FileCheck")
inputs = os.path.join(config.test_source_root, "Inputs")
runner = os.path.join(config.test_source_root, "check_cancel_tidy.py")

# A sanitized build (cmake -DCANCELLINT_SANITIZE=ON, scripts/test --sanitize).
# Any ASan, LSan or UBSan report aborts the process, so the test fails, and
# prints a symbolized stack trace; on success the runtimes print nothing.
# Leak detection is on everywhere, with no suppressions: neither clang-tidy-22
# nor clangd leaks at exit, so any leak found is ours.
# The plugin runs in stock clang-tidy through a wrapper that preloads the
# ASan runtime (only there: preloading it into every tool would check
# python, git and chromium too).
if config.sanitize:
    clang_tidy = config.sanitized_clang_tidy
    symbolizer = os.path.join(config.llvm_bin_dir, "llvm-symbolizer")
    common_options = ["abort_on_error=1", "halt_on_error=1", "print_stacktrace=1",
                      "external_symbolizer_path=" + symbolizer]
    # Not strict_init_order: LLVM's registries (ClangTidyModuleRegistry)
    # chain entries across translation units during static initialization.
    # allow_user_poisoning=0: LLVM's headers poison and unpoison allocator
    # memory by hand (BumpPtrAllocator) only in instrumented code; mixed with
    # Debian's uninstrumented copies of the same inline functions, memory
    # poisoned by one copy is handed out by the other (false reports).
    config.environment["ASAN_OPTIONS"] = ":".join(common_options + [
        "detect_leaks=1", "detect_stack_use_after_return=1",
        "check_initialization_order=1", "allow_user_poisoning=0"])
    config.environment["UBSAN_OPTIONS"] = ":".join(common_options)

common = "%s %s --clang-tidy=%s --plugin=%s --cancellint=%s --filecheck=%s" % (
    config.python, runner, clang_tidy, plugin, cancellint, filecheck)
config.substitutions.append(("%check_cancel_tidy", common))
config.substitutions.append(("%fuzz_model", os.path.join(bin_dir, "cancellint-fuzz-model")))
config.substitutions.append(("%fuzz_compile_commands",
                             os.path.join(bin_dir, "cancellint-fuzz-compile-commands")))
config.substitutions.append(("%fuzz_diff", os.path.join(bin_dir, "cancellint-fuzz-diff")))
config.substitutions.append(("%cancellint_clangd", os.path.join(bin_dir, "cancellint-clangd")))
config.substitutions.append(("%cancellint", cancellint))
config.substitutions.append(("%clang_tidy", clang_tidy))
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%source_root", config.cancellint_source_dir))
config.substitutions.append(("%build_dir", config.cancellint_build_dir))
# Runs a command with cancellint's source and build trees hidden (test/package).
config.substitutions.append(("%without_trees", " ".join([
    os.path.join(config.test_source_root, "package", "Inputs", "without-trees.sh"),
    config.cancellint_source_dir, config.cancellint_build_dir])))
config.substitutions.append(("%expect_exit", config.python + " " + os.path.join(
    config.test_source_root, "expect-exit.py")))
config.substitutions.append(("%validate_sarif", "node " + os.path.join(
    config.test_source_root, "npm", "validate-sarif.js")))
config.substitutions.append(("%clangxx", os.path.join(config.llvm_bin_dir, "clang++")))
