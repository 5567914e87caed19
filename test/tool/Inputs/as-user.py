#!/usr/bin/env python3
"""as-user.py COMMAND...: runs COMMAND as an unprivileged user. As root,
permissions are not enforced, so a test of a read-only file drops to
'nobody' first; as any other user it runs the command as it is."""
import os
import sys

if os.geteuid() == 0:
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)
os.execvp(sys.argv[1], sys.argv[1:])
