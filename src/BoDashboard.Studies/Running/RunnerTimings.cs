namespace BoDashboard.Studies.Running;

/// <summary>How often runners prove they are alive and how soon a silent one is presumed dead. The defaults keep a
/// killed process's study waiting at most ~40 s after restart; tests shorten them.</summary>
/// <param name="HeartbeatInterval">A running trial refreshes its lease this often (and notices pause/cancel).</param>
/// <param name="HeartbeatTimeout">A running trial unheard of for this long is re-run by another worker.</param>
/// <param name="RecoveryInterval">How often recovery looks for studies with no live runner.</param>
public sealed record RunnerTimings(TimeSpan HeartbeatInterval, TimeSpan HeartbeatTimeout, TimeSpan RecoveryInterval)
{
    public static RunnerTimings Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));
}
