using BoDashboard.Tests.Shared;

namespace BoDashboard.Client.Tests;

/// <summary>Every call honours its cancellation token.</summary>
public sealed class CancellationTests(TestDashboardFactory factory) : IClassFixture<TestDashboardFactory>
{
    [Fact]
    public async Task An_already_cancelled_token_stops_the_call()
    {
        var client = new BoDashboardClient(factory.CreateClient());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListStudiesAsync(cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CreateStudyAsync(Studies.External("never"), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.AskAsync(1, cancelled.Token));
        Assert.DoesNotContain(await client.ListStudiesAsync(), s => s.Name == "never");
    }

    [Fact]
    public async Task Cancelling_a_request_in_flight_ends_it_at_once()
    {
        var stall = new Stall();
        var client = new BoDashboardClient(factory.CreateDefaultClient(stall));
        using var cts = new CancellationTokenSource();

        var create = client.CreateStudyAsync(Studies.External("stalled"), cts.Token);
        await stall.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(create.IsCompleted);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => create);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"cancellation took {started.Elapsed}");
        var plain = new BoDashboardClient(factory.CreateClient());
        Assert.DoesNotContain(await plain.ListStudiesAsync(), s => s.Name == "stalled");
    }

    /// <summary>Holds every request until it is cancelled: a server that does not answer.</summary>
    private sealed class Stall : DelegatingHandler
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Reached.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
