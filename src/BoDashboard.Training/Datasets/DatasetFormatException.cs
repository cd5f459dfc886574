namespace BoDashboard.Training.Datasets;

/// <summary>A dataset file is missing, corrupt or truncated; the message and <see cref="FilePath"/> name it.</summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string filePath, string problem, Exception? inner = null)
        : base($"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
    }

    public string FilePath { get; }
}
