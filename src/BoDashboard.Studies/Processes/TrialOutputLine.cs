using BoDashboard.Studies.Objectives;

namespace BoDashboard.Studies.Processes;

/// <summary>One line a trial's program printed, as the line protocol reads it.</summary>
public abstract record TrialOutputLine
{
    /// <summary><c>bo:report step=3 value=0.81 [name=number ...]</c></summary>
    public sealed record Report(IntermediateValue Value) : TrialOutputLine;

    /// <summary><c>bo:result value=0.93</c> (the last one counts; may be non-finite, which fails the trial).</summary>
    public sealed record Result(double Value) : TrialOutputLine;

    /// <summary><c>bo:progress done=120 total=2250 [label words]</c></summary>
    public sealed record Progress(TrialProgress Value) : TrialOutputLine;

    /// <summary>A <c>bo:</c> line that does not parse: kept in the log with the reason.</summary>
    public sealed record Malformed(string Text, string Reason) : TrialOutputLine;

    /// <summary>Anything else: the trial's log.</summary>
    public sealed record Log(string Text) : TrialOutputLine;
}
