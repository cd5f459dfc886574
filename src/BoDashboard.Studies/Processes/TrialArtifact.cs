namespace BoDashboard.Studies.Processes;

/// <summary>A file a trial wrote into its folder: its path relative to the folder ('/'-separated), size and time.</summary>
public sealed record TrialArtifact(string Path, long Size, DateTime ModifiedAt);
