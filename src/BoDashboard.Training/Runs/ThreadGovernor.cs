using TorchSharp;

namespace BoDashboard.Training.Runs;

/// <summary>
/// Picks torch's intra-op thread count while a run trains, from the measured time of its own batches: it times a few
/// batches at the current count and a few at a neighbouring count (one fewer, or one more), keeps the faster, and checks
/// again later. On a shared machine the best count changes with the load: with another core busy, two threads can be
/// ten times slower than one (an OpenMP thread waits at every barrier for a descheduled sibling), and when the load
/// goes away, more threads are faster again. Only runs without an explicit thread count are governed: a fixed count
/// stays fixed, so a seeded run at 1 thread stays reproducible.
/// </summary>
/// <remarks>
/// Decisions depend on timings only, which <see cref="BatchFinished"/> receives, so the policy is testable without a
/// clock. A probe that turns out clearly worse is abandoned after one batch, so exploring a bad count costs little; a
/// sudden slowdown at the current count (load appeared) triggers a new comparison at once; when a comparison keeps the
/// current count, the next waits twice as long (up to <see cref="ThreadGovernorOptions.LongestInterval"/> batches).
/// </remarks>
public sealed class ThreadGovernor
{
    private enum Phase { Settling, Measuring, Probing, Running }

    private readonly int maxThreads;
    private readonly Action<int> apply;
    private readonly ThreadGovernorOptions options;
    private readonly List<double> samples = [];
    private readonly Queue<double> recent = new();
    private Phase phase = Phase.Settling;
    private Phase afterSettling = Phase.Measuring;
    private int settleLeft;
    private int current;
    private int probe;
    private double currentCost;
    private double probeExtra;
    private double reference;
    private int runLeft;
    private int interval;
    private bool probeUpNext = true;

    /// <param name="startThreads">The count to start with; applied at once.</param>
    /// <param name="maxThreads">The most threads it may use (the cores this run may have).</param>
    /// <param name="apply">Sets the thread count (torch.set_num_threads in a real run).</param>
    public ThreadGovernor(int startThreads, int maxThreads, Action<int> apply, ThreadGovernorOptions? options = null)
    {
        if (maxThreads < 1) throw new ArgumentOutOfRangeException(nameof(maxThreads), "must be at least 1");
        if (startThreads < 1 || startThreads > maxThreads) throw new ArgumentOutOfRangeException(nameof(startThreads), $"must be in [1, {maxThreads}]");
        this.maxThreads = maxThreads;
        this.apply = apply;
        this.options = options ?? ThreadGovernorOptions.Default;
        current = startThreads;
        interval = this.options.ShortestInterval;
        settleLeft = this.options.SettleBatches;
        apply(startThreads);
        // With a single possible count there is nothing to compare.
        if (maxThreads == 1) phase = Phase.Running;
    }

    /// <summary>The thread count in use now.</summary>
    public int Threads => current;

    /// <summary>How many times the count was changed for good (probes that were not kept do not count).</summary>
    public int Switches { get; private set; }

    /// <summary>
    /// The governor of a run whose settings give <paramref name="configuredThreads"/>: null (the count stays fixed)
    /// when a count is configured or <paramref name="maxThreads"/> is 1. It starts at one thread and probes upwards:
    /// on a machine where two threads collapse, the first comparison then costs one slow batch, not a window of them.
    /// </summary>
    public static ThreadGovernor? ForRun(int? configuredThreads, int maxThreads) =>
        configuredThreads is null && maxThreads > 1 ? new ThreadGovernor(1, maxThreads, torch.set_num_threads) : null;

    /// <summary>Reports one finished training batch: its images and the seconds it took. Call after every batch.</summary>
    public void BatchFinished(int images, double seconds)
    {
        if (images < 1 || !double.IsFinite(seconds) || seconds <= 0 || maxThreads == 1) return;
        var cost = seconds / images;
        switch (phase)
        {
            case Phase.Settling:
                if (afterSettling == Phase.Probing) CountProbeCost(cost);
                // The batch after a change pays for waking threads and is not timed, unless it already shows the
                // probe is hopeless.
                if (afterSettling == Phase.Probing && cost > currentCost * options.AbandonFactor) Decide(cost);
                else if (--settleLeft <= 0) phase = afterSettling;
                break;
            case Phase.Measuring:
                samples.Add(cost);
                if (samples.Count < options.WindowBatches) break;
                currentCost = Median.Of(samples);
                StartProbe();
                break;
            case Phase.Probing:
                CountProbeCost(cost);
                samples.Add(cost);
                // One batch this much slower is enough: the probe loses, and staying longer would cost the run.
                if (cost > currentCost * options.AbandonFactor) Decide(cost);
                else if (samples.Count >= options.WindowBatches) Decide(Median.Of(samples));
                break;
            case Phase.Running:
                recent.Enqueue(cost);
                if (recent.Count > options.WindowBatches) recent.Dequeue();
                // A slowdown at the same count means the machine changed: compare again now.
                if (recent.Count == options.WindowBatches && Median.Of(recent) > reference * options.SlowdownFactor)
                {
                    interval = options.ShortestInterval;
                    Measure();
                }
                else if (--runLeft <= 0)
                {
                    Measure();
                }
                break;
        }
    }

    private void Measure()
    {
        recent.Clear();
        samples.Clear();
        phase = Phase.Measuring;
    }

    private void StartProbe()
    {
        samples.Clear();
        var up = current < maxThreads && (current == 1 || probeUpNext);
        probe = up ? current + 1 : current - 1;
        probeExtra = 0;
        apply(probe);
        phase = Phase.Settling;
        afterSettling = Phase.Probing;
        settleLeft = options.SettleBatches;
    }

    private void Decide(double probeCost)
    {
        samples.Clear();
        var up = probe > current;
        // Fewer threads win near-ties (they leave a core to the rest of the machine); more must be clearly faster.
        var keepProbe = up
            ? probeCost < currentCost * options.MoreThreadsGain
            : probeCost <= currentCost * options.FewerThreadsTolerance;
        if (keepProbe)
        {
            current = probe;
            reference = probeCost;
            Switches++;
            interval = options.ShortestInterval;
            // Keep going the way that paid off; the next comparison looks further in the same direction.
            probeUpNext = up;
        }
        else
        {
            apply(current);
            reference = currentCost;
            // A probe that cost the run k batches' worth of time is not repeated before k / ProbeOverhead batches: where
            // the other count collapses, probing stays a small fraction of the run.
            var affordable = (int)Math.Ceiling(probeExtra / options.ProbeOverhead);
            interval = Math.Min(Math.Max(interval * 2, affordable), options.LongestInterval);
            probeUpNext = !up;
        }
        runLeft = interval;
        phase = Phase.Running;
    }

    /// <summary>Adds what a batch at the probed count cost beyond one at the current count, in batches.</summary>
    private void CountProbeCost(double cost) => probeExtra += Math.Max(0, cost / currentCost - 1);
}
