namespace BoDashboard.Studies.Service;

/// <summary>What a live page polls to notice changes that other processes made to the studies it shows.</summary>
public interface IStudyChangeFeed
{
    /// <summary>The current revisions of the given studies (all studies when null) and the progress of their running
    /// trials. Throws what the database throws; the caller decides what an outage means.</summary>
    Task<StudyFeedSnapshot> ReadAsync(IReadOnlyCollection<int>? studyIds, CancellationToken ct);
}
