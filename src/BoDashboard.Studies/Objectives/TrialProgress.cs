namespace BoDashboard.Studies.Objectives;

/// <summary>Live progress of a running trial: <paramref name="Done"/> of <paramref name="Total"/> units of work
/// (batches, steps), with an optional label such as "epoch 2 of 6".</summary>
public sealed record TrialProgress(double Done, double Total, string? Label = null)
{
    /// <summary>Share of the whole run done, 0..1.</summary>
    public double Fraction => Total <= 0 ? 0 : Math.Clamp(Done / Total, 0, 1);
}
