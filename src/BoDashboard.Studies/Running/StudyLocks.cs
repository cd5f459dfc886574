using System.Collections.Concurrent;

namespace BoDashboard.Studies.Running;

/// <summary>Serialises suggestions per study inside this process; the database transaction serialises across
/// processes. Two workers therefore never take the same candidate.</summary>
public sealed class StudyLocks
{
    private readonly ConcurrentDictionary<int, SemaphoreSlim> locks = new();

    public async Task<IDisposable> AcquireAsync(int studyId, CancellationToken ct)
    {
        var gate = locks.GetOrAdd(studyId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
