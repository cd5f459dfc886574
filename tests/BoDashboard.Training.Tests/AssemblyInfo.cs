// Torch's thread count and random generator are process-wide: tests run one at a time, each with one thread.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
