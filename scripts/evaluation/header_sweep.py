"""The header sweep: one translation unit per public library header.

Each group names a header tree and how it is split into translation units.
A group larger than its share of the budget is sampled evenly (sorted
paths, every k-th), so the same budget always picks the same headers.

The checks skip code in system headers, so each group's own library is
compiled as user code: --no-system-header-prefix for the libraries under
/usr/include, and -nostdinc++ -I for the standard libraries (libc++ with its
system_header pragma turned off by macro, libstdc++ from a copy without the
pragma, since GCC's headers have no such switch).
"""
import os
import re

SYSTEM_INCLUDE = "/usr/include"
LIBSTDCXX = "/usr/include/c++/12"
LIBCXX = "/usr/lib/llvm-22/include/c++/v1"
LIBSTDCXX_TARGET = "/usr/include/x86_64-linux-gnu/c++/12"


def _user_prefixes(*prefixes):
    return ["--no-system-header-prefix=" + p for p in prefixes]


def copy_without_system_pragma(src, dst):
    """Copy a header tree, dropping `#pragma GCC system_header` lines."""
    pragma = re.compile(rb"^\s*#\s*pragma\s+GCC\s+system_header.*$", re.M)
    for dirpath, _, names in os.walk(src):
        out_dir = os.path.join(dst, os.path.relpath(dirpath, src))
        os.makedirs(out_dir, exist_ok=True)
        for name in names:
            with open(os.path.join(dirpath, name), "rb") as f:
                text = f.read()
            with open(os.path.join(out_dir, name), "wb") as f:
                f.write(pragma.sub(b"", text))


def libstdcxx_as_user_code(work_dir):
    copy = os.path.join(work_dir, "libstdc++-user")
    if not os.path.isdir(copy):
        copy_without_system_pragma(LIBSTDCXX, os.path.join(copy, "c++"))
        copy_without_system_pragma(LIBSTDCXX_TARGET,
                                   os.path.join(copy, "target"))
    return ["-nostdinc++", "-I" + os.path.join(copy, "c++"),
            "-I" + os.path.join(copy, "target"),
            "-I" + os.path.join(copy, "c++", "backward")]


LIBCXX_AS_USER_CODE = ["-stdlib=libc++", "-nostdinc++", "-I" + LIBCXX,
                       "-D_LIBCPP_HAS_NO_PRAGMA_SYSTEM_HEADER"]

# Libraries that get one translation unit per public header; the rest of
# Boost gets one per top-level umbrella header (boost/<lib>.hpp).
BOOST_PER_HEADER = ["asio", "fiber", "beast", "thread", "process"]

# Implementation trees: not meant to be included on their own.
PRIVATE_DIRS = {"detail", "impl", "internal", "aux_", "win", "windows",
                "test"}


def _public_headers(root, suffixes):
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in PRIVATE_DIRS)
        for name in sorted(filenames):
            if name.endswith(suffixes):
                found.append(os.path.join(dirpath, name))
    return sorted(found)


def _standard_headers(root):
    """Extension-less files at the top of a C++ standard library tree."""
    return sorted(os.path.join(root, n) for n in os.listdir(root)
                  if "." not in n and not n.startswith("_")
                  and os.path.isfile(os.path.join(root, n)))


def _relative(paths, root):
    return [os.path.relpath(p, root) for p in paths]


def groups(work_dir):
    """(name, include spellings, extra compiler flags) for every group."""
    out = []
    boost = os.path.join(SYSTEM_INCLUDE, "boost")
    for lib in BOOST_PER_HEADER:
        hdrs = _public_headers(os.path.join(boost, lib), (".hpp",))
        umbrella = os.path.join(boost, lib + ".hpp")
        if os.path.exists(umbrella):
            hdrs = [umbrella] + hdrs
        out.append(("boost-" + lib, _relative(hdrs, SYSTEM_INCLUDE),
                    _user_prefixes("boost/")))
    umbrellas = [p for p in _standard_headers_with(boost, ".hpp")
                 if os.path.basename(p)[:-4] not in BOOST_PER_HEADER]
    out.append(("boost-umbrellas", _relative(umbrellas, SYSTEM_INCLUDE),
                _user_prefixes("boost/")))
    grpc = (_public_headers(os.path.join(SYSTEM_INCLUDE, "grpcpp"), (".h",)) +
            _public_headers(os.path.join(SYSTEM_INCLUDE, "grpc"), (".h",)))
    out.append(("grpc", _relative(grpc, SYSTEM_INCLUDE),
                _user_prefixes("grpcpp/", "grpc/", "grpc++/")))
    absl = _public_headers(os.path.join(SYSTEM_INCLUDE, "absl"), (".h",))
    out.append(("absl", _relative(absl, SYSTEM_INCLUDE),
                _user_prefixes("absl/")))
    asio = [os.path.join(SYSTEM_INCLUDE, "asio.hpp")] + _public_headers(
        os.path.join(SYSTEM_INCLUDE, "asio"), (".hpp",))
    out.append(("asio", _relative(asio, SYSTEM_INCLUDE),
                _user_prefixes("asio/", "asio.hpp")))
    out.append(("libstdc++", _relative(_standard_headers(LIBSTDCXX), LIBSTDCXX),
                libstdcxx_as_user_code(work_dir)))
    out.append(("libc++", _relative(_standard_headers(LIBCXX), LIBCXX),
                LIBCXX_AS_USER_CODE))
    return out


def _standard_headers_with(root, suffix):
    return sorted(os.path.join(root, n) for n in os.listdir(root)
                  if n.endswith(suffix)
                  and os.path.isfile(os.path.join(root, n)))


def resolve(spelling, group):
    """The path of a header as the group's translation unit includes it."""
    root = {"libstdc++": LIBSTDCXX, "libc++": LIBCXX}.get(group,
                                                          SYSTEM_INCLUDE)
    return os.path.join(root, spelling)


def sample(items, limit):
    """Every k-th item so that at most `limit` remain (deterministic)."""
    if limit is None or len(items) <= limit:
        return list(items)
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def shares(sizes, budget):
    """Split `budget` translation units over groups of the given sizes.

    Small groups are taken whole; what they leave is split evenly over the
    rest (water-filling), so no group is starved by a big neighbour.
    """
    limits = {}
    left = dict(sizes)
    remaining = budget
    while left:
        fair = remaining // len(left)
        small = {g: n for g, n in left.items() if n <= fair}
        if not small:
            for g in left:
                limits[g] = fair
            break
        for g, n in small.items():
            limits[g] = n
            remaining -= n
            del left[g]
    return limits


def write_units(work_dir, budget, base_flags):
    """Write the translation units; return (commands, plan rows)."""
    all_groups = groups(work_dir)
    limits = shares({g: len(h) for g, h, _ in all_groups}, budget)
    commands, plan = [], []
    for name, headers, flags in all_groups:
        chosen = sample(headers, limits[name])
        plan.append((name, len(headers), len(chosen)))
        unit_dir = os.path.join(work_dir, "headers", name)
        os.makedirs(unit_dir, exist_ok=True)
        for header in chosen:
            stem = header.replace("/", "__").replace(".", "_")
            path = os.path.join(unit_dir, stem + ".cpp")
            with open(path, "w") as f:
                f.write("#include <%s>\n" % header)
            commands.append({
                "directory": unit_dir,
                "file": path,
                "arguments": ["clang++-22"] + base_flags + flags +
                             ["-c", path],
                "group": name,
                "header": resolve(header, name),
            })
    return commands, plan
