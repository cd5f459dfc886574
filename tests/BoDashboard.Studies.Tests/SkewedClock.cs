namespace BoDashboard.Studies.Tests;

/// <summary>The clock of a machine that is <paramref name="skew"/> ahead (or behind, if negative) of the others.</summary>
public sealed class SkewedClock(TimeSpan skew) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + skew;
}
