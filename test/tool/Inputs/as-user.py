#!/usr/bin/env python3
"""as-user.py COMMAND...: runs COMMAND with file permissions enforced. As
root they are not: CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH bypass them. So
a test of a read-only file drops those two capabilities from the bounding
set first (after exec, root's capabilities come from it), and stays root:
the files the test made stay its own, and a checkout under a private
directory (mktemp -d) stays reachable. Where the bounding set cannot be
changed, it drops to 'nobody' instead. Any other user runs the command as
it is."""
import ctypes
import os
import sys

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE = 1
CAP_DAC_READ_SEARCH = 2


def drop_permission_bypass():
    libc = ctypes.CDLL(None, use_errno=True)
    return all(libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == 0
               for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH))


if os.geteuid() == 0 and not drop_permission_bypass():
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)
os.execvp(sys.argv[1], sys.argv[1:])
