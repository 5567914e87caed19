# RUN: %python %s %source_root/checks/model/builtin
#
# Boost.Asio is asio under another namespace, but the installed Boost (1.74)
# predates asio's per-operation cancellation, so names-boost-asio.cpp cannot
# prove those names. They are proved for standalone asio (names-asio.cpp);
# this test keeps boost-asio.json the exact image of asio.json, with
# "asio::" spelt "boost::asio::", so that both stay right together.
import json
import os
import sys


def rename(value):
    if isinstance(value, dict):
        return {k: rename(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rename(v) for v in value]
    if isinstance(value, str) and value.startswith("asio::"):
        return "boost::" + value
    if isinstance(value, str):
        return value.replace(" asio::", " boost::asio::")
    return value


def main():
    builtin = sys.argv[1]
    with open(os.path.join(builtin, "asio.json")) as f:
        asio = json.load(f)
    with open(os.path.join(builtin, "boost-asio.json")) as f:
        boost = json.load(f)
    expected = rename(asio)
    expected["library"] = "boost-asio"
    # The error code is std::error_code for asio (asio::error_code names
    # it) and boost::system::error_code for Boost.Asio.
    expected["error_code_types"] = ["boost::system::error_code"]
    if expected != boost:
        for key in sorted(set(expected) | set(boost)):
            if expected.get(key) != boost.get(key):
                print("boost-asio.json differs from asio.json at /%s:" % key)
                print("  expected: %s" % json.dumps(expected.get(key)))
                print("  found:    %s" % json.dumps(boost.get(key)))
        sys.exit(1)
    print("boost-asio.json mirrors asio.json")


main()
