namespace BoDashboard.Training.Tests;

/// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, so a test sees every report in order.</summary>
internal sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
