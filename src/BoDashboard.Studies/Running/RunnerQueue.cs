using Hangfire;
using Hangfire.States;

namespace BoDashboard.Studies.Running;

/// <summary>Runner jobs waiting in Hangfire's queues for a free job worker, by study. A study whose runners are
/// waiting needs no more of them: enqueuing again would only grow the queue while it waits.</summary>
public sealed class RunnerQueue(JobStorage storage)
{
    private const int Page = 500;

    public IReadOnlyDictionary<int, int> WaitingByStudy()
    {
        var monitoring = storage.GetMonitoringApi();
        var waiting = new Dictionary<int, int>();
        foreach (var queue in monitoring.Queues())
        {
            for (var from = 0; from < queue.Length; from += Page)
            {
                foreach (var (_, job) in monitoring.EnqueuedJobs(queue.Name, from, Page))
                {
                    // Only jobs still in the enqueued state: a fetched job is running (or its worker died, which the
                    // heartbeats of its trials tell), and a deleted one stays listed until a worker skips it.
                    if (job is { Job: { } j } && job.State == EnqueuedState.StateName && j.Type == typeof(StudyRunner) && j.Args.Count > 0 && j.Args[0] is int studyId)
                        waiting[studyId] = waiting.GetValueOrDefault(studyId) + 1;
                }
            }
        }
        return waiting;
    }
}
