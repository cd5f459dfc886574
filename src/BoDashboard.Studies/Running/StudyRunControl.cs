using System.Collections.Concurrent;

namespace BoDashboard.Studies.Running;

/// <summary>Cancellation of the trials this process is running, so that pause, cancel and delete stop a training
/// at once here (other processes notice through their heartbeat, within seconds).</summary>
public sealed class StudyRunControl
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<int, CancellationTokenSource>> running = new();

    public CancellationTokenSource Register(int studyId, int trialId, CancellationToken linked)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(linked);
        running.GetOrAdd(studyId, _ => new()).TryAdd(trialId, cts);
        return cts;
    }

    public void Unregister(int studyId, int trialId)
    {
        if (running.TryGetValue(studyId, out var trials) && trials.TryRemove(trialId, out var cts)) cts.Dispose();
    }

    public void Interrupt(int studyId)
    {
        if (!running.TryGetValue(studyId, out var trials)) return;
        foreach (var cts in trials.Values)
        {
            try { cts.Cancel(); } catch (ObjectDisposedException) { }
        }
    }
}
