namespace BoDashboard.Studies.Persistence;

/// <summary>Where studies and Hangfire's jobs are stored (configuration key Storage:Provider).</summary>
public enum StorageProvider
{
    /// <summary>Files on this machine: one process (web and worker roles together).</summary>
    Sqlite,

    /// <summary>A shared server: one web process and any number of worker processes on any machines.</summary>
    PostgreSql,
}
