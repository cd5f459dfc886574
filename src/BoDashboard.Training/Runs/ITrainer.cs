using BoDashboard.Training.Settings;

namespace BoDashboard.Training.Runs;

/// <summary>Trains an AlexNet as settings say; an interface so that study code can be tested without torch.</summary>
public interface ITrainer
{
    /// <summary>
    /// Trains on the training split, validating after every epoch. Throws <see cref="OperationCanceledException"/>
    /// within one batch of cancellation; a diverging run returns with <see cref="TrainingResult.Diverged"/> set.
    /// </summary>
    TrainingResult Train(TrainingSettings settings, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Retrains on train + validation with the same settings and measures accuracy on the test split.</summary>
    TestEvaluation RetrainAndTest(TrainingSettings settings, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default);
}
