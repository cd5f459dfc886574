#!/usr/bin/env python3
"""A trial command for tests/scale-out/live-pages.sh, standard library only: a short "training" of a few epochs that
reports its progress (bo:progress, with an "epoch N of M" label) several times per epoch, one intermediate value per
epoch (bo:report) and a result (bo:result), so that a page served by another process has something to follow."""
import argparse
import math
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--x", type=float, required=True)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--seconds-per-epoch", type=float, default=1.0)
    parser.add_argument("--updates-per-epoch", type=int, default=4)
    args = parser.parse_args()

    final = math.exp(-((args.x - 0.4) ** 2) * 4)
    for epoch in range(1, args.epochs + 1):
        for update in range(1, args.updates_per_epoch + 1):
            time.sleep(args.seconds_per_epoch / args.updates_per_epoch)
            done = epoch - 1 + update / args.updates_per_epoch
            print(f"bo:progress done={done} total={args.epochs} epoch {epoch} of {args.epochs}", flush=True)
        value = final * (1 - math.exp(-epoch))
        print(f"epoch {epoch}: value {value:.4f}", flush=True)
        print(f"bo:report step={epoch} value={value!r}", flush=True)
    print(f"bo:result value={final * (1 - math.exp(-args.epochs))!r}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
