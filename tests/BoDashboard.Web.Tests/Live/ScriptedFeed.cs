using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Service;

namespace BoDashboard.Web.Tests.Live;

/// <summary>A change feed whose answers a test sets: one study's revision, its running trials' progress, a failure to
/// throw (as the database would), or a gate that holds reads back.</summary>
public sealed class ScriptedFeed : IStudyChangeFeed
{
    private int reads;
    public volatile string Revision = "r1";
    public volatile Exception? Failure;
    public volatile TaskCompletionSource? Gate;
    public volatile IReadOnlyList<RunningTrialProgress> Progress = [];

    public int StudyId { get; set; } = 1;
    public int Reads => Volatile.Read(ref reads);

    public async Task<StudyFeedSnapshot> ReadAsync(IReadOnlyCollection<int>? studyIds, CancellationToken ct)
    {
        Interlocked.Increment(ref reads);
        if (Gate is { } gate) await gate.Task.WaitAsync(ct);
        if (Failure is { } failure) throw failure;
        var revisions = new Dictionary<int, string>();
        if (studyIds is null || studyIds.Contains(StudyId)) revisions[StudyId] = Revision;
        return new StudyFeedSnapshot(revisions, Progress);
    }

    public static RunningTrialProgress At(int number, double done, double total) => new(1, number, new TrialProgress(done, total, $"epoch {done} of {total}"));
}
