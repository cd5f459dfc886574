using BoDashboard.Studies.Persistence;

namespace BoDashboard.Web.Tests.Live;

/// <summary>A running external study over x with one finished and one running trial (owned by <see cref="Lease"/>).</summary>
public static class LiveStudySeed
{
    public const string Lease = "lease-of-trial-1";
    public static readonly DateTime Start = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static int Add(StudiesDbContext db, string name = "live-feed")
    {
        var study = new StudyEntity
        {
            Name = name,
            ObjectiveJson = """{"kind":"external"}""",
            SearchSpaceJson = """[{"name":"x","type":"float","low":0,"high":1}]""",
            SamplerJson = """{"name":"random","seed":1}""",
            Budget = 10,
            State = "running",
            CreatedAt = Start,
            UpdatedAt = Start,
        };
        study.Trials.Add(new TrialEntity
        {
            Number = 0, State = "complete", ParamsJson = """{"x":0.25}""", Value = 0.5, SuggestedBy = "random",
            StartedAt = Start, FinishedAt = Start.AddSeconds(5), WorkerName = "worker-a",
        });
        study.Trials.Add(new TrialEntity
        {
            Number = 1, State = "running", ParamsJson = """{"x":0.75}""", SuggestedBy = "random",
            StartedAt = Start.AddSeconds(6), HeartbeatAt = Start.AddSeconds(6), WorkerName = "worker-b", LeaseToken = Lease,
        });
        db.Studies.Add(study);
        db.SaveChanges();
        return study.Id;
    }
}
