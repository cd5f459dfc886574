namespace BoDashboard.Training.Runs;

/// <summary>The outcome of one training run: the learning curve and the tutorial's objective.</summary>
/// <param name="Curve">One entry per completed epoch.</param>
/// <param name="BestValidationAccuracy">The best validation accuracy over the epochs (the objective); null when diverged.</param>
/// <param name="BestEpoch">The epoch that reached it; null when diverged.</param>
/// <param name="Diverged">The loss became NaN or infinite: training stopped at once.</param>
/// <param name="DivergenceMessage">Where it diverged, when it did.</param>
/// <param name="Seconds">Wall time of the run (dataset loading from the cache included).</param>
/// <param name="Device">"cpu" or "cuda".</param>
/// <param name="Threads">Torch threads at the end of the run: the configured count, or the one the thread governor chose last.</param>
public sealed record TrainingResult(
    IReadOnlyList<EpochResult> Curve,
    double? BestValidationAccuracy,
    int? BestEpoch,
    bool Diverged,
    string? DivergenceMessage,
    double Seconds,
    string Device,
    int Threads);
