# -*- Python -*-
import os
import lit.formats

config.name = "cancellint"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".test", ".py"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py", "check_cancel_tidy.py",
                   "lsp_client.py", "tools"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.cancellint_build_dir, "test")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_bin_dir, os.path.join(config.cancellint_build_dir, "bin"),
     config.environment.get("PATH", os.environ.get("PATH", ""))])
for var in ("HOME", "TMPDIR", "CANCELLINT_NODE_DIR"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
# The result cache is on by default: keep the suite's out of the user's.
config.environment["XDG_CACHE_HOME"] = os.path.join(config.test_exec_root, "xdg-cache")

bin_dir = os.path.join(config.cancellint_build_dir, "bin")
plugin = os.path.join(config.cancellint_build_dir, "lib", "CancelTidyModule.so")
cancellint = os.path.join(bin_dir, "cancellint")
clang_tidy = os.path.join(config.llvm_bin_dir, "clang-tidy")
filecheck = os.path.join(config.llvm_bin_dir, "FileCheck")
inputs = os.path.join(config.test_source_root, "Inputs")
runner = os.path.join(config.test_source_root, "check_cancel_tidy.py")

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
config.substitutions.append(("%expect_exit", config.python + " " + os.path.join(
    config.test_source_root, "tools", "expect-exit.py")))
config.substitutions.append(("%validate_sarif", "node " + os.path.join(
    config.test_source_root, "tools", "validate-sarif.js")))
config.substitutions.append(("%clangxx", os.path.join(config.llvm_bin_dir, "clang++")))
