using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BoDashboard.Studies.Running;

/// <summary>Stores the progress that this process's runners publish on the running trial's row, so that pages served by
/// another process (a web role beside worker roles) show it too. Progress can arrive many times a second; only the
/// latest of each trial is written, at most every <see cref="FlushInterval"/>, and only while the trial is still running
/// under the claim that reported it (a runner that lost its lease writes nothing).</summary>
public sealed class TrialProgressRecorder : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(500);
    private const int LabelLength = 200;

    private readonly IDbContextFactory<StudiesDbContext> dbFactory;
    private readonly StudyEvents events;
    private readonly ILogger<TrialProgressRecorder> logger;
    private readonly Lock gate = new();
    private Dictionary<(int StudyId, int Number), StudyChange> pending = [];

    public TrialProgressRecorder(IDbContextFactory<StudiesDbContext> dbFactory, StudyEvents events, ILogger<TrialProgressRecorder> logger)
    {
        this.dbFactory = dbFactory;
        this.events = events;
        this.logger = logger;
        // Subscribed from construction, not from the start of the loop: no progress published meanwhile is lost.
        events.Changed += OnChanged;
    }

    private void OnChanged(StudyChange change)
    {
        if (change is not { Kind: StudyChangeKind.TrialProgress, TrialNumber: { } number, Progress: not null, Lease: not null }) return;
        lock (gate) pending[(change.StudyId, number)] = change;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>Writes the latest progress of each trial reported since the last flush.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        Dictionary<(int StudyId, int Number), StudyChange> batch;
        lock (gate)
        {
            if (pending.Count == 0) return;
            batch = pending;
            pending = [];
        }
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            foreach (var ((studyId, number), change) in batch)
            {
                var p = change.Progress!;
                var label = p.Label is { Length: > LabelLength } text ? text[..LabelLength] : p.Label;
                await db.Trials
                    .Where(t => t.StudyId == studyId && t.Number == number && t.State == TrialStates.Running && t.LeaseToken == change.Lease)
                    .ExecuteUpdateAsync(u => u
                        .SetProperty(t => t.ProgressDone, p.Done)
                        .SetProperty(t => t.ProgressTotal, p.Total)
                        .SetProperty(t => t.ProgressLabel, label), ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Progress is a display aid; the next report writes a newer one. The trial itself is unaffected.
            logger.LogDebug(e, "Storing trial progress failed");
        }
    }

    public override void Dispose()
    {
        events.Changed -= OnChanged;
        base.Dispose();
    }
}
