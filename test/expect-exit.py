#!/usr/bin/env python3
"""expect-exit.py CODE COMMAND...: runs COMMAND with this process's stdio and
succeeds only if it exits with CODE (lit's shell cannot test $?)."""
import subprocess
import sys

expected = int(sys.argv[1])
code = subprocess.call(sys.argv[2:])
if code != expected:
    sys.stderr.write("expect-exit: %r exited with %d, expected %d\n"
                     % (sys.argv[2:], code, expected))
    sys.exit(1)
