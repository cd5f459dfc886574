#!/usr/bin/env python3
"""Test stand-in for a worker: starts the trial guard with itself as parent, writes the pids, then waits to be killed."""
import os
import subprocess
import sys
import time

out, guard = sys.argv[1], sys.argv[2:]
program = [sys.executable, "-c", "import os, time; open(os.environ['PID_FILE'], 'w').write(str(os.getpid())); time.sleep(1000)"]
env = dict(os.environ, PID_FILE=out + ".trial")
process = subprocess.Popen(guard + ["--parent", str(os.getpid()), "--grace", "1", "--", *program], env=env)
with open(out, "w", encoding="utf-8") as f:
    f.write(str(process.pid))
time.sleep(1000)
