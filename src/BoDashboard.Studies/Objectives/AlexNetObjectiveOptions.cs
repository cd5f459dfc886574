using BoDashboard.Training.Runs;

namespace BoDashboard.Studies.Objectives;

/// <summary>Process-wide settings of AlexNet trials. One training runs at a time per process: torch already uses
/// every core, and two trainings on 2 cores were measured 12x slower per step.</summary>
public sealed class AlexNetObjectiveOptions(ITrainer trainer, int? threads = null)
{
    public ITrainer Trainer { get; } = trainer;
    public int? Threads { get; } = threads;
    public SemaphoreSlim TrainingGate { get; } = new(1, 1);
}
