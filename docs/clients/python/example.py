#!/usr/bin/env python3
"""Minimise f(x, y) = (x - 1)^2 + (y + 2)^2 through BoDashboard's ask/report/tell API, standard library only.

Each trial reports a fake learning curve (steps 0..4, falling toward f) as a training loop would report its
validation loss after each epoch, and stops early when the study's pruner says so.

    dotnet run --project src/BoDashboard.Web -c Release            # the dashboard, in another terminal
    python3 docs/clients/python/example.py --url http://127.0.0.1:5080 [--api-key KEY] [--budget 20] [--pruner none]
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # leave no __pycache__ beside the docs
from bodashboard_client import BoDashboardClient, BoDashboardError  # noqa: E402

STEPS = 5


def objective(x, y):
    return (x - 1) ** 2 + (y + 2) ** 2


def learning_curve(final, step):
    """The value "after" a step: above the final value, reaching it at the last step."""
    return final + 0.5 * (STEPS - 1 - step)


def run(client, budget, pruner):
    definition = {
        "name": "quadratic from python",
        "direction": "minimize",
        "objective": {"kind": "external"},
        "parameters": [
            {"name": "x", "type": "float", "low": -5, "high": 5},
            {"name": "y", "type": "float", "low": -5, "high": 5},
        ],
        "sampler": {"name": "gp-ei", "initialPoints": 5, "xi": 0.01, "seed": 0},
        "budget": budget,
    }
    if pruner == "median":  # judges from the 4th trial on, after step 0
        definition["pruner"] = {"name": "median", "startupTrials": 3, "warmupSteps": 1}
    elif pruner != "none":  # "none" is the server's default
        definition["pruner"] = {"name": pruner}
    study = client.create_study(definition)
    print(f"study {study['id']} \"{study['name']}\": {study['budget']} trials")

    for _ in range(study["budget"]):
        trial = client.ask(study["id"])
        x, y = trial["params"]["x"], trial["params"]["y"]
        final = objective(x, y)
        for step in range(STEPS):
            value = learning_curve(final, step)
            if client.report(study["id"], trial["trialId"], step, value):
                client.tell_pruned(study["id"], trial["trialId"])
                print(f"trial {trial['number']:2d}: pruned at step {step} ({value:.4f})  x={x:.4f} y={y:.4f}")
                break
        else:
            client.tell(study["id"], trial["trialId"], final)
            print(f"trial {trial['number']:2d}: {final:9.4f}  x={x:.4f} y={y:.4f}")

    best = client.best(study["id"])
    print(f"best: {best['value']:.4f} at x={best['params']['x']:.4f} y={best['params']['y']:.4f} "
          f"(trial {best['trialNumber']}); the minimum is 0 at x=1, y=-2")
    return best


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:5080", help="where the dashboard listens")
    parser.add_argument("--api-key", default=None, help="the server's Api:Key, if it has one")
    parser.add_argument("--budget", type=int, default=20, help="number of trials (default 20)")
    parser.add_argument("--pruner", default="median", help="median (default), none, asha or hyperband")
    args = parser.parse_args(argv)

    client = BoDashboardClient(args.url, api_key=args.api_key)
    try:
        run(client, args.budget, args.pruner)
    except BoDashboardError as error:
        print(f"the server refused: {error}", file=sys.stderr)
        for e in error.errors:
            print(f"  {e.field}: {e.message}", file=sys.stderr)
        return 1
    except OSError as error:  # urllib.error.URLError: connection refused, unknown host, timeout
        print(f"cannot reach {args.url}: {error} (is the dashboard running?)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
