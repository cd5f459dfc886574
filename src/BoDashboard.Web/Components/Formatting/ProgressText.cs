using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Service;

namespace BoDashboard.Web.Components.Formatting;

/// <summary>The label beside a running trial's progress bar.</summary>
public static class ProgressText
{
    /// <summary>"epoch 2 of 6 · 40%" from pushed progress; without it (another process runs the trial) the last reported
    /// step, or "starting…".</summary>
    public static string For(TrialDetails trial, TrialProgress? progress) => progress is { } p
        ? $"{p.Label ?? $"{p.Done:0} of {p.Total:0}"} · {p.Fraction:P0}"
        : trial.Intermediate.Count > 0 ? $"step {trial.Intermediate[^1].Step} reported" : "starting…";
}
