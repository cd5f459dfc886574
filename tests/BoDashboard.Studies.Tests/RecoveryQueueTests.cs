using BoDashboard.Studies.Running;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Studies.Tests;

/// <summary>Recovery enqueues the runners a study misses, and none for a study whose runners wait for a free worker.</summary>
public sealed class RecoveryQueueTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task A_study_waiting_for_a_free_worker_gets_no_more_runner_jobs()
    {
        // No job server: the study's runner jobs wait in the queue, as when every worker is busy with other studies.
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 0);
        var id = (await host.Studies.CreateAsync(Definitions.Seed1D(budget: 10, parallelism: 2, sampler: "random"))).Id;
        var queue = host.Services.GetRequiredService<RunnerQueue>();
        Assert.Equal(2, queue.WaitingByStudy().GetValueOrDefault(id));

        // Recovery runs every 0.5 s and presumes runners dead after 2 s of silence: give it several chances.
        var recovery = host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<StudyRecovery>().Single();
        for (var i = 0; i < 4; i++)
        {
            await Task.Delay(StudyHost.FastTimings.HeartbeatTimeout + TimeSpan.FromMilliseconds(200));
            await recovery.CheckAsync(CancellationToken.None);
        }

        Assert.Equal(2, queue.WaitingByStudy().GetValueOrDefault(id));
    }

    [Fact]
    public async Task A_study_whose_runner_jobs_are_gone_gets_them_back_once_even_from_two_processes()
    {
        await using var first = await StudyHost.StartAsync(folder.Path, workers: 0);
        await using var second = await StudyHost.StartAsync(folder.Path, workers: 0);
        var id = (await first.Studies.CreateAsync(Definitions.Seed1D(budget: 10, parallelism: 2, sampler: "random"))).Id;
        // The jobs vanish, as when the workers that fetched them were killed.
        var storage = first.Services.GetRequiredService<JobStorage>();
        foreach (var (jobId, _) in storage.GetMonitoringApi().EnqueuedJobs("default", 0, 100))
            new BackgroundJobClient(storage).Delete(jobId);
        var queue = first.Services.GetRequiredService<RunnerQueue>();

        // Both processes' recovery checks run in the background too; after a heartbeat timeout one of them acts.
        await Task.Delay(StudyHost.FastTimings.HeartbeatTimeout + TimeSpan.FromMilliseconds(500));
        var checks = new[] { first, second }.Select(h => h.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<StudyRecovery>().Single())
            .Select(r => r.CheckAsync(CancellationToken.None));
        await Task.WhenAll(checks);

        Assert.Equal(2, queue.WaitingByStudy().GetValueOrDefault(id));
    }

    public void Dispose() => folder.Dispose();
}
