namespace BoDashboard.Studies.Objectives;

/// <summary>Live progress of a running trial: where training is (for the epoch bar) and, when an epoch closes,
/// its point of the learning curve (stored with the trial).</summary>
public sealed record TrialProgress(int Epoch, int Epochs, int Batch, int BatchesPerEpoch, EpochPoint? CompletedEpoch)
{
    /// <summary>Share of the whole run done, 0..1.</summary>
    public double Fraction => Epochs <= 0 ? 0 : Math.Clamp((Epoch - 1 + (BatchesPerEpoch <= 0 ? 1.0 : (double)Batch / BatchesPerEpoch)) / Epochs, 0, 1);
}
