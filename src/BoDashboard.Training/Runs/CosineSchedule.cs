namespace BoDashboard.Training.Runs;

/// <summary>
/// Cosine annealing per batch (Loshchilov and Hutter's SGDR without restarts): the rate falls smoothly from the initial
/// rate to zero at the last batch, so a short run ends at a converged point instead of waiting for a plateau to decay.
/// </summary>
internal sealed class CosineSchedule(double initialRate, int totalBatches, int batchesPerEpoch) : LearningRateSchedule
{
    public override double RateAt(int epoch, int batch)
    {
        var step = (epoch - 1) * batchesPerEpoch + batch;
        return 0.5 * initialRate * (1 + Math.Cos(Math.PI * step / totalBatches));
    }
}
