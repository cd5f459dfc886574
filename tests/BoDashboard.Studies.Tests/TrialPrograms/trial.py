#!/usr/bin/env python3
"""Test trial program: behaves as its --mode says, so the tests can check every way a trial can end."""
import json
import os
import signal
import subprocess
import sys
import time

args = sys.argv[1:]
mode = args[args.index("--mode") + 1] if "--mode" in args else "ok"
trial_dir = os.environ["BO_TRIAL_DIR"]

# What reached the program, for the tests to compare with the trial's parameters.
with open(os.path.join(trial_dir, "received.json"), "w", encoding="utf-8") as f:
    json.dump({"argv": args, "env": {k: v for k, v in os.environ.items() if k.startswith("BO_")}}, f)

if mode == "first-hangs":
    mode = "tree" if os.environ["BO_TRIAL_NUMBER"] == "0" else "exit3"
print(f"starting in mode {mode}", flush=True)
if mode == "ok":
    x = float(os.environ.get("BO_PARAM_X", "1"))
    for step in range(3):
        print(f"bo:report step={step} value={x * (step + 1)!r} loss={1.0 / (step + 1)}", flush=True)
        print(f"step {step} done", flush=True)
    print("bo:progress done=3 total=3", flush=True)
    print(f"bo:result value={x * 10!r}", flush=True)
elif mode == "steps":
    # Values that fall with the trial number: under ASHA every trial after the first is behind at step 1.
    with open(os.path.join(trial_dir, "pids"), "w", encoding="utf-8") as f:
        f.write(str(os.getpid()))
    value = 1.0 / (int(os.environ["BO_TRIAL_NUMBER"]) + 1)
    for step in range(1, 6):
        print(f"bo:report step={step} value={value + step / 100!r}", flush=True)
        time.sleep(0.4)
    print(f"bo:result value={value + 0.05!r}", flush=True)
elif mode == "exit3":
    print("something went wrong: boom", file=sys.stderr, flush=True)
    sys.exit(3)
elif mode == "noresult":
    print("bo:report step=1 value=0.5", flush=True)
elif mode == "nan":
    print("bo:result value=nan", flush=True)
elif mode == "segv":
    os.kill(os.getpid(), signal.SIGSEGV)
elif mode in ("hang", "tree"):
    # A child of its own and a deaf parent: only the whole-group SIGKILL after the grace period ends them both.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(1000)"])
    with open(os.path.join(trial_dir, "pids"), "w", encoding="utf-8") as f:
        f.write(f"{os.getpid()} {child.pid}")
    print("bo:report step=1 value=0.25", flush=True)
    while True:
        time.sleep(1)
