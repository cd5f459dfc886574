namespace BoDashboard.Studies.Objectives;

/// <summary>An IProgress that calls its handler on the reporting thread (Progress&lt;T&gt; posts to the thread pool,
/// which would reorder epochs).</summary>
public sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
