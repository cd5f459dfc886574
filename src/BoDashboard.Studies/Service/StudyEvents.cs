namespace BoDashboard.Studies.Service;

/// <summary>In-process notifications (trial started, progress, finished; study state changed). Pages of this process
/// subscribe; pages watching studies run by other processes poll <see cref="StudyService.ChangedSinceAsync"/>.</summary>
public sealed class StudyEvents
{
    public event Action<StudyChange>? Changed;

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
