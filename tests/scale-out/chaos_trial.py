"""One trial of the chaos check: sleeps about a second, like a short training, then prints Branin at (x1, x2)."""
import argparse
import math
import time

parser = argparse.ArgumentParser()
parser.add_argument("--x1", type=float, required=True)
parser.add_argument("--x2", type=float, required=True)
args = parser.parse_args()
time.sleep(1.0)
a, b, c, r, s, t = 1.0, 5.1 / (4 * math.pi ** 2), 5 / math.pi, 6.0, 10.0, 1 / (8 * math.pi)
value = a * (args.x2 - b * args.x1 ** 2 + c * args.x1 - r) ** 2 + s * (1 - t) * math.cos(args.x1) + s
print(f"bo:result value={value!r}", flush=True)
