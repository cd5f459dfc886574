#!/usr/bin/env python3
"""A trial command for BoDashboard, standard library only: it stands in for a real training script.

BoDashboard starts it once per trial (no shell) with the trial's parameters as arguments, as configured in
appsettings.json under Objectives:Commands:python-example. It speaks the trial line protocol on stdout:

    bo:report step=<int> value=<number>    an intermediate value (pruners decide on these)
    bo:result value=<number>               the trial's value (the last one printed counts)

Everything else it prints is kept as the trial's log. Artifacts go to $BO_TRIAL_DIR.
"""
import argparse
import json
import math
import os
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--x", type=float, required=True)
    parser.add_argument("--y", type=float, required=True)
    parser.add_argument("--optimizer", default="sgd")
    parser.add_argument("--steps", type=int, default=8)
    parser.add_argument("--seconds-per-step", type=float, default=0.25)
    args = parser.parse_args()

    # A smooth "final accuracy" with its best at x = 0.3, y = -0.5 and adam a little ahead of sgd.
    bonus = {"adam": 0.03, "sgd": 0.0, "rmsprop": 0.015}.get(args.optimizer, -0.05)
    final = 0.9 * math.exp(-((args.x - 0.3) ** 2 + (args.y + 0.5) ** 2)) + bonus
    print(f"training with x={args.x} y={args.y} optimizer={args.optimizer}", flush=True)

    curve = []
    for step in range(1, args.steps + 1):
        time.sleep(args.seconds_per_step)
        # Learning curves rise towards the final value; bad configurations are visibly bad early on.
        value = final * (1 - math.exp(-step / 2.5))
        curve.append(value)
        print(f"step {step}: validation accuracy {value:.4f}", flush=True)
        print(f"bo:report step={step} value={value!r}", flush=True)

    trial_dir = os.environ.get("BO_TRIAL_DIR")
    if trial_dir:
        with open(os.path.join(trial_dir, "curve.json"), "w", encoding="utf-8") as f:
            json.dump({"params": json.loads(os.environ.get("BO_PARAMS", "{}")), "curve": curve}, f)
    print(f"bo:result value={max(curve)!r}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
