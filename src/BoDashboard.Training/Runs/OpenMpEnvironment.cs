namespace BoDashboard.Training.Runs;

/// <summary>
/// The OpenMP settings a training process should start with. TorchSharp's libtorch runs its threads on GNU OpenMP
/// (libgomp, bundled), whose idle threads spin for a while at every barrier before they sleep; when another process
/// holds a core, the spinning thread takes CPU from the one its siblings wait for. libgomp reads these variables once,
/// when libtorch loads, so they must be in a process's environment from its start: trial runners pass them to the
/// trial processes they launch.
/// </summary>
public static class OpenMpEnvironment
{
    /// <summary>
    /// Waiting threads spin briefly, then sleep. Measured with 2 threads (docs/benchmarks.md, "Training under load"):
    /// sleeping at once (OMP_WAIT_POLICY=PASSIVE, a spin count of 0) ends the collapse beside a busy core but costs a
    /// third of the idle speed, since every barrier then pays a wake-up; libgomp's default spin (300,000) and 30,000
    /// collapse beside a busy core; 3,000 keeps the idle speed and most of the passive wait's speed under load.
    /// </summary>
    public const string SpinCount = "3000";

    public static IReadOnlyDictionary<string, string> Recommended { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GOMP_SPINCOUNT"] = SpinCount,
    };

    /// <summary>The variables that decide how OpenMP threads wait: a user who set any of them chose the policy.</summary>
    public static IReadOnlyList<string> WaitPolicyVariables { get; } = ["OMP_WAIT_POLICY", "GOMP_SPINCOUNT"];

    /// <summary>The recommended variables to add to a training process's environment: none when the user's environment
    /// (<paramref name="userVariable"/>, e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>) already sets
    /// a wait policy, so a user's choice is never overridden.</summary>
    public static IReadOnlyDictionary<string, string> ToAdd(Func<string, string?> userVariable) =>
        WaitPolicyVariables.Any(name => !string.IsNullOrEmpty(userVariable(name)))
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : Recommended;
}
