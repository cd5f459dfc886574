namespace BoDashboard.Studies.Processes;

/// <summary>A trial's log: every line to a file up to a size limit, and the last lines in memory for the trial's row
/// and for error messages. Safe to call from the stdout and stderr readers at once.</summary>
public sealed class BoundedLog : IDisposable
{
    public const int TailLines = 60;
    private const int MaxLineLength = 2000;
    private readonly StreamWriter? file;
    private readonly long maxBytes;
    private readonly Queue<string> tail = new();
    private readonly Queue<string> errorTail = new();
    private long written;
    private bool truncated;

    public BoundedLog(string path, long maxBytes)
    {
        this.maxBytes = maxBytes;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        file = new StreamWriter(path, append: false) { AutoFlush = true };
    }

    public void Add(string line, bool isError = false)
    {
        if (line.Length > MaxLineLength) line = line[..MaxLineLength] + " …";
        lock (tail)
        {
            Push(tail, line, TailLines);
            if (isError) Push(errorTail, line, 20);
            if (file is null || truncated) return;
            written += line.Length + 1;
            if (written > maxBytes)
            {
                truncated = true;
                file.WriteLine($"[log truncated at {maxBytes / (1024 * 1024)} MB; the last lines are kept with the trial]");
                return;
            }
            file.WriteLine(line);
        }
    }

    /// <summary>The last lines of standard error, for a failed trial's message.</summary>
    public string ErrorTail()
    {
        lock (tail) return string.Join('\n', errorTail);
    }

    private static void Push(Queue<string> queue, string line, int max)
    {
        queue.Enqueue(line);
        while (queue.Count > max) queue.Dequeue();
    }

    public void Dispose()
    {
        lock (tail) file?.Dispose();
    }
}
