"""The public code bases: check out the pinned commits and synthesise
compile commands for them (they are not built; their dependencies come from
Debian's packages and whatever does not resolve is left to clang's error
recovery)."""
import configparser
import glob
import os
import re
import subprocess

# Where Debian's compiler finds headers by default.
SYSTEM_DIRS = ["/usr/include", "/usr/include/x86_64-linux-gnu",
               "/usr/include/c++/12", "/usr/include/x86_64-linux-gnu/c++/12",
               "/usr/include/c++/12/backward",
               "/usr/lib/llvm-22/lib/clang/22/include"]
INCLUDE = re.compile(rb'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)


def load(corpus_file):
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(corpus_file)
    bases = []
    for name in parser.sections():
        s = parser[name]
        bases.append({
            "name": name,
            "url": s["url"],
            "commit": s["commit"],
            "paths": s.get("paths", ".").split(),
            "sources": s["sources"].split(),
            "includes": s.get("includes", "").split(),
            "protos": s.get("protos", "").split(),
            "proto_root": s.get("proto_root", "."),
            "flags": s.get("flags", "").split(),
            "stub_missing": s.getboolean("stub_missing", False),
        })
    return bases


def _mirror_name(url):
    owner, repo = url.rstrip("/").split("/")[-2:]
    return owner + "+" + repo


def git_dir(base, mirrors, cache_dir):
    """A bare git directory that holds the base's commit: an existing
    mirror (owner+name/repo under `mirrors`), else a clone in the cache."""
    name = _mirror_name(base["url"])
    if mirrors:
        candidate = os.path.join(mirrors, name, "repo")
        if os.path.isdir(candidate):
            return candidate
    cached = os.path.join(cache_dir, name + ".git")
    if not os.path.isdir(cached):
        subprocess.run(["git", "clone", "--quiet", "--bare", base["url"],
                        cached], check=True)
    return cached


def checkout(base, repo, into):
    """Extract the pinned commit's `paths` into `into` (only those paths:
    a mirror may lack the blobs of large unrelated files)."""
    if os.path.isdir(into):
        return
    os.makedirs(into + ".part", exist_ok=True)
    archive = subprocess.Popen(
        ["git", "--git-dir", repo, "archive", base["commit"], "--"] +
        base["paths"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    subprocess.run(["tar", "-x", "-C", into + ".part"], stdin=archive.stdout,
                   check=True)
    if archive.wait() != 0:
        raise RuntimeError("git archive failed for %s: %s" %
                           (base["name"], archive.stderr.read().decode()))
    os.rename(into + ".part", into)


def generate_protos(base, root, gen_dir):
    """Run protoc with the gRPC plugin; return the include dir it fills."""
    if not base["protos"]:
        return None
    os.makedirs(gen_dir, exist_ok=True)
    proto_root = os.path.join(root, base["proto_root"])
    plugin = subprocess.run(["which", "grpc_cpp_plugin"], capture_output=True,
                            text=True, check=True).stdout.strip()
    for proto in base["protos"]:
        subprocess.run(["protoc", "-I", proto_root,
                        "--cpp_out=" + gen_dir, "--grpc_out=" + gen_dir,
                        "--plugin=protoc-gen-grpc=" + plugin,
                        os.path.join(root, proto)], check=True)
    return gen_dir


def sources(base, root):
    found = set()
    for pattern in base["sources"]:
        found.update(glob.glob(os.path.join(root, pattern), recursive=True))
    return sorted(f for f in found if os.path.isfile(f))


def count_lines(paths):
    total = 0
    for p in paths:
        with open(p, "rb") as f:
            total += f.read().count(b"\n")
    return total


def project_files(root):
    """Every C/C++ source and header extracted for the base."""
    exts = (".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", ".ipp")
    out = []
    for dirpath, _, names in os.walk(root):
        out.extend(os.path.join(dirpath, n) for n in names if n.endswith(exts))
    return out


def include_dirs(base, root, gen_dir):
    dirs = [os.path.join(root, i) for i in base["includes"]]
    if gen_dir:
        dirs.append(gen_dir)
    return dirs


def stub_missing_headers(files, dirs, stub_dir):
    """Write an empty header for every include that neither the code base
    nor the system provides (a dependency Debian does not package): clang
    then reports errors and recovers instead of stopping at the first
    missing file. Returns the stubbed include names."""
    missing = set()
    for path in files:
        with open(path, "rb") as f:
            names = INCLUDE.findall(f.read())
        here = os.path.dirname(path)
        for raw in names:
            name = raw.decode("utf-8", "replace")
            if not any(os.path.exists(os.path.join(d, name))
                       for d in [here] + dirs + SYSTEM_DIRS):
                missing.add(name)
    for name in missing:
        stub = os.path.join(stub_dir, name)
        os.makedirs(os.path.dirname(stub), exist_ok=True)
        open(stub, "w").close()
    return sorted(missing)


def commands(base, root, gen_dir, stub_dir, base_flags):
    """Compile commands for the base's translation units."""
    flags = (base_flags + ["-I" + i for i in include_dirs(base, root, gen_dir)]
             + ["-idirafter", stub_dir] + base["flags"])
    out = []
    for src in sources(base, root):
        out.append({"directory": os.path.dirname(src), "file": src,
                    "arguments": ["clang++-22"] + flags + ["-c", src],
                    "group": base["name"]})
    return out
