namespace BoDashboard.Studies.Service;

/// <summary>
/// Bounds how many posterior slices are computed at once (a GP fit and a grid of predictions each take a core): a
/// request waits up to <see cref="Wait"/> for a free slot, then is refused as busy (the API answers 503 with
/// Retry-After) instead of piling up work that would starve the trials and the pages.
/// </summary>
public sealed class PosteriorGate(int slots, TimeSpan wait)
{
    private readonly SemaphoreSlim free = new(Math.Max(1, slots), Math.Max(1, slots));

    public int Slots { get; } = Math.Max(1, slots);

    public TimeSpan Wait { get; } = wait;

    /// <summary>One slot per core, waiting up to 10 s: a page's redraw queues briefly, a flood of requests is refused.</summary>
    public static PosteriorGate ForThisMachine() => new(Environment.ProcessorCount, TimeSpan.FromSeconds(10));

    /// <summary>Takes a slot until the returned handle is disposed; throws <see cref="StudyErrorKind.Busy"/> when none
    /// frees up in time.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (!await free.WaitAsync(Wait, ct))
            throw new StudyOperationException(StudyErrorKind.Busy,
                $"all {Slots} posterior computations are in use; try again in a few seconds");
        return new Slot(free);
    }

    private sealed class Slot(SemaphoreSlim free) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) free.Release();
        }
    }
}
