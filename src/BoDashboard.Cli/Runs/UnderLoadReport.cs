namespace BoDashboard.Cli.Runs;

/// <summary>What shares the machine with a training in one measurement of `bench training --under-load`.</summary>
public enum LoadCondition
{
    /// <summary>Nothing started by the bench (other users of the machine may still be there).</summary>
    Idle,

    /// <summary>One core kept busy by a spinning thread of another task.</summary>
    CoreBusy,

    /// <summary>Two trainings with the same policy at once, in two processes.</summary>
    TwoTrials,
}

/// <summary>How a training process chooses its threads: a fixed count or the governor (null), and whether its OpenMP
/// threads wait the way libgomp does by default (spinning) or as the trial runner starts them.</summary>
public sealed record TrainingThreadPolicy(string Name, int? Threads, bool DefaultOpenMpWait)
{
    /// <summary>What trials do now: threads chosen by the governor, the runner's OpenMP environment.</summary>
    public static TrainingThreadPolicy Governed { get; } = new("governed", null, false);

    public static TrainingThreadPolicy OneThread { get; } = new("1 thread", 1, false);

    /// <summary>All cores with the runner's OpenMP environment: what the wait policy alone changes.</summary>
    public static TrainingThreadPolicy AllCoresPassive { get; } = new($"{Environment.ProcessorCount} thr short spin", Environment.ProcessorCount, false);

    /// <summary>The behaviour before the governor: all cores, libgomp's default (spinning) wait.</summary>
    public static TrainingThreadPolicy Old { get; } = new($"{Environment.ProcessorCount} thr old", Environment.ProcessorCount, true);

    public static IReadOnlyList<TrainingThreadPolicy> All { get; } = [Governed, OneThread, AllCoresPassive, Old];
}

/// <summary>One training's (or, with two trials, the mean of two trainings') images per second, and the thread counts
/// they ended with.</summary>
public sealed record UnderLoadRun(TrainingThreadPolicy Policy, LoadCondition Condition, double ImagesPerSecond, IReadOnlyList<int> FinalThreads);

/// <summary>A policy under one load against the two criteria: at least <see cref="UnderLoadReport.ShareFraction"/>
/// of its idle per-trial share, and not below the speed of one thread under the same load.</summary>
public sealed record UnderLoadVerdict(
    TrainingThreadPolicy Policy,
    LoadCondition Condition,
    double ImagesPerSecond,
    double IdleShare,
    double OneThreadImagesPerSecond,
    bool MeetsShare,
    bool MeetsOneThread)
{
    public double ShareRatio => ImagesPerSecond / IdleShare;
    public double OneThreadRatio => ImagesPerSecond / OneThreadImagesPerSecond;
}

/// <summary>All measurements of one `bench training --under-load` run and the criteria evaluated on them.</summary>
/// <param name="LoadAverages">The machine's 1/5/15-minute load averages before and after the runs (other users count).</param>
public sealed record UnderLoadReport(IReadOnlyList<UnderLoadRun> Runs, int Cores, int TrainImages, string OpenMpEnvironment, string LoadAverages = "")
{
    /// <summary>The goal: under load, at least 60 % of the idle per-trial throughput share.</summary>
    public const double ShareFraction = 0.6;

    /// <summary>"Never below 1-thread speed" allows this much measurement noise on a shared machine.</summary>
    public const double OneThreadTolerance = 0.05;

    public double ImagesPerSecond(TrainingThreadPolicy policy, LoadCondition condition) =>
        Runs.Single(r => r.Policy == policy && r.Condition == condition).ImagesPerSecond;

    /// <summary>The part of the machine one trial may expect under a load: with one core busy, the other cores; with
    /// two trials, half of it.</summary>
    public double CapacityFraction(LoadCondition condition) => condition switch
    {
        LoadCondition.Idle => 1,
        LoadCondition.CoreBusy => Math.Max(1, Cores - 1) / (double)Cores,
        LoadCondition.TwoTrials => 0.5,
        _ => throw new ArgumentOutOfRangeException(nameof(condition)),
    };

    /// <summary>The policy's figure under a load against its own idle figure scaled to the trial's share, and against
    /// one fixed thread under the same load.</summary>
    public UnderLoadVerdict Verdict(TrainingThreadPolicy policy, LoadCondition condition)
    {
        var figure = ImagesPerSecond(policy, condition);
        var share = ImagesPerSecond(policy, LoadCondition.Idle) * CapacityFraction(condition);
        var oneThread = ImagesPerSecond(TrainingThreadPolicy.OneThread, condition);
        return new UnderLoadVerdict(policy, condition, figure, share, oneThread,
            figure >= ShareFraction * share, figure >= (1 - OneThreadTolerance) * oneThread);
    }
}
