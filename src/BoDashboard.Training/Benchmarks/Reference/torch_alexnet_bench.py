# Origin: the issue-17 reference script (shared anchors, torch_alexnet_bench.py), which measured 821 images/s (compact)
# and 15.8 images/s (classic) with Debian's python3-torch 1.13 at 2 threads on the project's machine. Copied unchanged
# except for two optional arguments: the timed steps of each net (defaults 10 and 3, the original's), so that
# `bench training --reference --compact-steps N --classic-steps M` times the same number of steps on both sides.
# Usage: python3 torch_alexnet_bench.py [THREADS [COMPACT_STEPS CLASSIC_STEPS]]
"""Reference throughput of an AlexNet-shaped net on this CPU with Debian's PyTorch (python3-torch 1.13).
Two shapes: 'compact' (5 conv + 3 FC, widths 64/192/384/256/256 scaled by 1/4, fc 512, on 1x32x32, 10 classes) and the
classic 227x227x3 AlexNet (2 classes, batch 16). Prints images/s for forward+backward+SGD step, and GEMM GFLOP/s."""
import time, torch, torch.nn as nn, sys
threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
compact_steps = int(sys.argv[2]) if len(sys.argv) > 2 else 10
classic_steps = int(sys.argv[3]) if len(sys.argv) > 3 else 3
torch.set_num_threads(threads); torch.manual_seed(0)

def compact(c=1, k=10, w=0.25):
    ch = [int(x * w) for x in (64, 192, 384, 256, 256)]
    return nn.Sequential(
        nn.Conv2d(c, ch[0], 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(ch[0], ch[1], 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(ch[1], ch[2], 3, padding=1), nn.ReLU(),
        nn.Conv2d(ch[2], ch[3], 3, padding=1), nn.ReLU(),
        nn.Conv2d(ch[3], ch[4], 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Dropout(0.5), nn.Linear(ch[4] * 16, 512), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, k))

def classic(k=2):
    return nn.Sequential(
        nn.Conv2d(3, 96, 11, stride=4), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.Conv2d(96, 256, 5, padding=2), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.Conv2d(256, 384, 3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 384, 3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.Flatten(), nn.Dropout(0.5), nn.Linear(256 * 6 * 6, 4096), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(4096, 4096), nn.ReLU(), nn.Linear(4096, k))

def bench(net, x, y, steps):
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4); lossf = nn.CrossEntropyLoss()
    for _ in range(2):
        opt.zero_grad(); lossf(net(x), y).backward(); opt.step()
    t = time.perf_counter()
    for _ in range(steps):
        opt.zero_grad(); lossf(net(x), y).backward(); opt.step()
    return steps * x.shape[0] / (time.perf_counter() - t)

a = torch.randn(1024, 1024); t = time.perf_counter()
for _ in range(10): a @ a
gflops = 10 * 2 * 1024 ** 3 / (time.perf_counter() - t) / 1e9
print(f"torch {torch.__version__}, threads {threads}, GEMM 1024: {gflops:.1f} GFLOP/s")
print(f"compact AlexNet 1x32x32 batch 128: {bench(compact(), torch.randn(128, 1, 32, 32), torch.randint(0, 10, (128,)), compact_steps):.0f} images/s")
print(f"classic AlexNet 3x227x227 batch 16: {bench(classic(), torch.randn(16, 3, 227, 227), torch.randint(0, 2, (16,)), classic_steps):.1f} images/s")
