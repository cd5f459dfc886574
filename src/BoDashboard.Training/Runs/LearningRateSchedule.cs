using BoDashboard.Training.Settings;

namespace BoDashboard.Training.Runs;

/// <summary>The learning rate of every batch of a run; plateau schedules also see each epoch's accuracy.</summary>
internal abstract class LearningRateSchedule
{
    /// <summary>The rate for the given batch (0-based) of the given epoch (1-based).</summary>
    public abstract double RateAt(int epoch, int batch);

    /// <summary>Records an epoch's monitored accuracy.</summary>
    public virtual void EndEpoch(double accuracy)
    {
    }

    public static LearningRateSchedule For(TrainingSettings settings, int batchesPerEpoch) => settings.Schedule switch
    {
        ScheduleKind.Cosine => new CosineSchedule(settings.LearningRate, settings.Epochs * batchesPerEpoch, batchesPerEpoch),
        _ => new PlateauSchedule(settings.LearningRate, settings.Patience, settings.Decay, settings.Threshold),
    };
}
