"""Interrupts a cancellint run mid-analysis and checks that it leaves no
half-written report, no temporary files and no worker processes behind.

usage: interrupt.py CANCELLINT WORKDIR SIGNAL"""
import os
import signal
import subprocess
import sys
import time

cancellint, workdir, signame = sys.argv[1], sys.argv[2], sys.argv[3]
tmp = os.path.join(workdir, "tmp")
os.makedirs(tmp, exist_ok=True)
report = os.path.join(workdir, "report.sarif")
with open(report, "w") as f:
    f.write("previous report\n")
env = dict(os.environ, TMPDIR=tmp, CANCELLINT_TEST_FAULT="hang:hangs")
run = subprocess.Popen([cancellint, "--quiet", "--format=sarif", "-o", report,
                        "hangs.cpp", "--", "-std=c++20"], cwd=workdir, env=env)
deadline = time.time() + 60


def children(pid):
    out = subprocess.run(["pgrep", "-P", str(pid)], stdout=subprocess.PIPE,
                         universal_newlines=True).stdout
    return [int(p) for p in out.split()]


def running(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


while time.time() < deadline and not children(run.pid):
    time.sleep(0.1)
time.sleep(1)  # the worker is now analysing (and hanging)
workers = children(run.pid)
run.send_signal(getattr(signal, signame))
code = run.wait(timeout=60)
time.sleep(0.5)

problems = []
if code == 0:
    problems.append("an interrupted run exited 0")
if open(report).read() != "previous report\n":
    problems.append("the report was overwritten by an interrupted run")
if os.listdir(tmp):
    problems.append("temporary files left behind: %s" % os.listdir(tmp))
if not workers:
    problems.append("no worker process was seen before the signal")
left = [pid for pid in workers if running(pid)]
if left:
    problems.append("worker processes left running: %s" % left)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
print("\n".join(problems) if problems else "interrupted cleanly (%s)" % signame)
sys.exit(1 if problems else 0)
