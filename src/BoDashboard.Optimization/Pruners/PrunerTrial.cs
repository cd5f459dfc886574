namespace BoDashboard.Optimization.Pruners;

/// <summary>What a pruner sees of one trial: its number, state and intermediate values by step (ascending). An
/// immutable snapshot built from storage; pruners never read or write storage themselves.</summary>
public sealed record PrunerTrial(int Number, TrialState State, IReadOnlyList<StepValue> Values)
{
    public StepValue? Last => Values.Count == 0 ? null : Values[^1];

    /// <summary>The value at <paramref name="step"/>, if the trial reported that step.</summary>
    public double? At(int step)
    {
        foreach (var v in Values)
        {
            if (v.Step == step) return v.Value;
            if (v.Step > step) break;
        }
        return null;
    }

    /// <summary>The value of the first reported step at or after <paramref name="step"/>: what the trial had when it
    /// first reached that much resource.</summary>
    public StepValue? FirstAtOrAfter(int step)
    {
        foreach (var v in Values)
            if (v.Step >= step) return v;
        return null;
    }
}

/// <summary>One intermediate value: a step (epoch, iteration) and the value the trial reported there.</summary>
public readonly record struct StepValue(int Step, double Value);
