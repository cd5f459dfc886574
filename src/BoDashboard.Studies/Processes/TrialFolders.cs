namespace BoDashboard.Studies.Processes;

/// <summary>Each trial's own folder for artifacts and its log: DATA/trials/study-ID/trial-NUMBER.</summary>
public sealed class TrialFolders(string dataFolder)
{
    public string Root { get; } = Path.Combine(Path.GetFullPath(dataFolder), "trials");

    public string For(int studyId, int trialNumber) => Path.Combine(Root, $"study-{studyId}", $"trial-{trialNumber}");

    /// <summary>An empty folder for a trial about to run; a re-run starts from an empty one too.</summary>
    public string Prepare(int studyId, int trialNumber)
    {
        var folder = For(studyId, trialNumber);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public void DeleteStudy(int studyId)
    {
        var folder = Path.Combine(Root, $"study-{studyId}");
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
