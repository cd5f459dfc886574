using BoDashboard.Training.Runs;

namespace BoDashboard.Training.Tests.Runs;

/// <summary>The governor's decisions on simulated machines: the seconds each batch "takes" depend only on the thread count
/// the governor applied (and, for a changing machine, on the batch's index), so every test is exact.</summary>
public sealed class ThreadGovernorTests
{
    private const int Images = 32;

    /// <summary>A machine on which a batch at <c>threads</c> threads takes <c>seconds(threads, batch)</c>.</summary>
    private sealed class SimulatedRun
    {
        private readonly Func<int, int, double> seconds;

        public SimulatedRun(int maxThreads, Func<int, int, double> seconds, ThreadGovernorOptions? options = null)
        {
            this.seconds = seconds;
            Governor = new ThreadGovernor(1, maxThreads, n => Applied = n, options);
        }

        public ThreadGovernor Governor { get; }

        public int Applied { get; private set; }

        /// <summary>The thread count each batch ran at.</summary>
        public List<int> History { get; } = [];

        /// <summary>Simulated seconds of all batches so far.</summary>
        public double Seconds { get; private set; }

        public void Batches(int count)
        {
            for (var i = 0; i < count; i++)
            {
                History.Add(Applied);
                var batch = seconds(Applied, History.Count - 1);
                Seconds += batch;
                Governor.BatchFinished(Images, batch);
            }
        }
    }

    // Two cores, idle: two threads 1.6x faster than one.
    private static double Idle(int threads) => threads == 2 ? 0.020 : 0.032;

    // Two cores, one busy: a second thread waits for a descheduled sibling, ten times slower.
    private static double OneCoreBusy(int threads) => threads == 2 ? 0.320 : 0.032;

    [Fact]
    public void OnAnIdleMachineItMovesToAllCores()
    {
        var run = new SimulatedRun(2, (t, _) => Idle(t));

        run.Batches(200);

        Assert.Equal(2, run.Governor.Threads);
        Assert.Equal(2, run.Applied);
        // The comparison is over within its first dozen batches; afterwards the run mostly trains at two threads.
        Assert.All(run.History.Skip(12).Take(20), t => Assert.Equal(2, t));
        Assert.True(run.History.Count(t => t == 2) > 180, $"{run.History.Count(t => t == 2)} of 200 batches at 2 threads");
    }

    [Fact]
    public void WithACoreBusyItStaysAtOneThreadAndProbesCheaply()
    {
        var run = new SimulatedRun(2, (t, _) => OneCoreBusy(t));

        run.Batches(300);

        Assert.Equal(1, run.Governor.Threads);
        Assert.Equal(0, run.Governor.Switches);
        Assert.Equal(1, run.Applied);
        // Each probe of two threads is dropped after its first batch, and a probe that slow is not repeated soon: a
        // few slow batches in 300, the run within 10 % of one thread throughout.
        var slow = run.History.Count(t => t == 2);
        Assert.InRange(slow, 1, 3);
        Assert.True(run.Seconds <= 1.10 * 300 * OneCoreBusy(1), $"{run.Seconds:F2} s against {300 * OneCoreBusy(1):F2} s at one thread");
    }

    [Fact]
    public void WhenLoadAppearsItGoesDownToOneThread()
    {
        // Idle for 100 batches, then another program takes a core.
        var run = new SimulatedRun(2, (t, batch) => batch < 100 ? Idle(t) : OneCoreBusy(t));

        run.Batches(100);
        Assert.Equal(2, run.Governor.Threads);
        run.Batches(30);

        Assert.Equal(1, run.Governor.Threads);
        Assert.Equal(1, run.Applied);
        // The slowdown is noticed within a window, not at the next periodic check.
        Assert.All(run.History.Skip(100 + 15), t => Assert.Equal(1, t));
    }

    [Fact]
    public void WhenLoadGoesAwayItGoesBackUp()
    {
        var run = new SimulatedRun(2, (t, batch) => batch < 300 ? OneCoreBusy(t) : Idle(t));

        run.Batches(300);
        Assert.Equal(1, run.Governor.Threads);
        // The periodic check (at most LongestInterval batches apart) finds two threads faster again.
        run.Batches(ThreadGovernorOptions.Default.LongestInterval + 20);

        Assert.Equal(2, run.Governor.Threads);
        Assert.Equal(2, run.Applied);
    }

    [Fact]
    public void ATieKeepsFewerThreads()
    {
        // Two trials on two cores with a passive wait: two threads each are no faster than one.
        var run = new SimulatedRun(2, (_, _) => 0.030);

        run.Batches(200);

        Assert.Equal(1, run.Governor.Threads);
    }

    [Fact]
    public void OnFourCoresItClimbsOneThreadAtATime()
    {
        // Speed grows up to three threads and falls at four (one core is someone else's).
        var perThreads = new Dictionary<int, double> { [1] = 0.040, [2] = 0.024, [3] = 0.018, [4] = 0.050 };
        var run = new SimulatedRun(4, (t, _) => perThreads[t]);

        run.Batches(400);

        Assert.Equal(3, run.Governor.Threads);
        Assert.Equal(2, run.Governor.Switches);
    }

    [Fact]
    public void AConfiguredThreadCountIsNotGoverned()
    {
        Assert.Null(ThreadGovernor.ForRun(configuredThreads: 1, maxThreads: 2));
        Assert.Null(ThreadGovernor.ForRun(configuredThreads: 2, maxThreads: 2));
        // A single core leaves nothing to choose.
        Assert.Null(ThreadGovernor.ForRun(configuredThreads: null, maxThreads: 1));
    }

    [Fact]
    public void BadTimingsAreIgnored()
    {
        var applied = new List<int>();
        var governor = new ThreadGovernor(1, 2, applied.Add);

        for (var i = 0; i < 50; i++)
        {
            governor.BatchFinished(0, 0.02);
            governor.BatchFinished(32, double.NaN);
            governor.BatchFinished(32, -1);
        }

        Assert.Equal([1], applied);
        Assert.Equal(1, governor.Threads);
    }
}
