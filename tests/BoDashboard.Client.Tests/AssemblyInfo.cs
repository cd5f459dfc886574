// Hangfire keeps its storage in a static (JobStorage.Current): hosts in one process must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
