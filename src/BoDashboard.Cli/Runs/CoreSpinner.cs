namespace BoDashboard.Cli.Runs;

/// <summary>Keeps one core busy until disposed: a thread that only spins, like another program's busy loop. A thread of
/// this process rather than a child process, so that nothing keeps spinning if the bench is killed.</summary>
public sealed class CoreSpinner : IDisposable
{
    private readonly Thread thread;
    private volatile bool stop;

    public CoreSpinner()
    {
        thread = new Thread(() =>
        {
            while (!stop) Thread.SpinWait(1000);
        }) { IsBackground = true, Name = "core spinner" };
        thread.Start();
    }

    public void Dispose()
    {
        stop = true;
        thread.Join();
    }
}
