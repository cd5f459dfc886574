namespace BoDashboard.Studies.Service;

/// <summary>In-process notifications (trial started, progress, finished; study state changed). Pages of this process
/// subscribe for an immediate refresh; what other processes do reaches them through <see cref="IStudyChangeFeed"/>,
/// which they poll as well.</summary>
public sealed class StudyEvents
{
    public event Action<StudyChange>? Changed;

    /// <summary>How many handlers listen now (a closed page must leave none behind).</summary>
    public int SubscriberCount => Changed?.GetInvocationList().Length ?? 0;

    public void Publish(StudyChange change)
    {
        var handlers = Changed;
        if (handlers is null) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Action<StudyChange>>())
        {
            // A failing page must not break the runner that published.
            try { handler(change); } catch (Exception) { }
        }
    }
}
