namespace BoDashboard.Client;

/// <summary>A value a trial reported on its way (<see cref="BoDashboardClient.ReportAsync"/>, or an AlexNet trial's
/// validation accuracy after an epoch): what learning curves draw and pruners decide on.</summary>
public sealed record IntermediateValue
{
    /// <summary>The step (epoch, iteration): non-negative, increasing within a trial.</summary>
    public int Step { get; init; }

    /// <summary>The value at that step.</summary>
    public double Value { get; init; }

    /// <summary>Further numbers the server keeps with it (train loss, learning rate, seconds), if any.</summary>
    public IReadOnlyDictionary<string, double>? Metrics { get; init; }
}
