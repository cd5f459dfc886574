using BoDashboard.Studies.Objectives;

namespace BoDashboard.Studies.Service;

/// <summary>The stored progress of a running trial, as its runner (in any process) last wrote it.</summary>
public sealed record RunningTrialProgress(int StudyId, int TrialNumber, TrialProgress Progress);
