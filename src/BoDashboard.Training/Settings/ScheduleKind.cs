namespace BoDashboard.Training.Settings;

/// <summary>How the learning rate changes during a run.</summary>
public enum ScheduleKind
{
    /// <summary>The tutorial's: multiplied by the decay after <c>Patience</c> epochs without improvement.</summary>
    Plateau,

    /// <summary>Half a cosine from the initial rate to zero over all the run's batches: few epochs end converged.</summary>
    Cosine,
}
