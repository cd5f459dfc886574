namespace BoDashboard.Studies.Running;

/// <summary>The name stored on the trials this process runs (machine and process id unless configured).</summary>
public sealed record WorkerIdentity(string Name)
{
    public static WorkerIdentity ForThisProcess(string? configured = null) =>
        new(string.IsNullOrWhiteSpace(configured) ? $"{Environment.MachineName}:{Environment.ProcessId}" : configured);
}
