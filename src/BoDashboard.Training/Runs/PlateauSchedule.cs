namespace BoDashboard.Training.Runs;

/// <summary>
/// The tutorial's learning-rate decay: multiply the rate by <c>decay</c> once the monitored accuracy has not risen by
/// more than <c>threshold</c> for <c>patience</c> epochs (Keras' ReduceLROnPlateau in "max" mode, absolute delta).
/// </summary>
internal sealed class PlateauSchedule(double initialRate, int patience, double decay, double threshold) : LearningRateSchedule
{
    private double best = double.NegativeInfinity;
    private int epochsWithoutImprovement;

    public double Rate { get; private set; } = initialRate;

    public override double RateAt(int epoch, int batch) => Rate;

    /// <summary>Records an epoch's accuracy; returns the rate for the next epoch.</summary>
    public override void EndEpoch(double accuracy) => Step(accuracy);

    public double Step(double accuracy)
    {
        if (accuracy > best + threshold)
        {
            best = accuracy;
            epochsWithoutImprovement = 0;
        }
        else if (++epochsWithoutImprovement >= patience)
        {
            Rate *= decay;
            epochsWithoutImprovement = 0;
        }
        return Rate;
    }
}
