namespace BoDashboard.Studies.Objectives;

/// <summary>Process-wide settings of AlexNet trials. One training runs at a time per worker process: torch already
/// uses every core, and two trainings on 2 cores were measured 12x slower per step.</summary>
public sealed class AlexNetObjectiveOptions(int? threads = null)
{
    /// <summary>Torch threads of each training process, fixed; when null, each training adjusts its count to the load (ThreadGovernor).</summary>
    public int? Threads { get; } = threads;
    public SemaphoreSlim TrainingGate { get; } = new(1, 1);
}
