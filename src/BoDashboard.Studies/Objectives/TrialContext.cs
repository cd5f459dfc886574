namespace BoDashboard.Studies.Objectives;

/// <summary>What an objective knows about the trial it evaluates: who it is, its parameters (natural units) and an
/// empty folder of its own for artifacts and its log.</summary>
public sealed record TrialContext(int StudyId, int TrialNumber, IReadOnlyDictionary<string, object> Params, string Directory);
