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
    /// <summary>Waiting threads sleep instead of spinning (GNU OpenMP: a spin count of 0).</summary>
    public static IReadOnlyDictionary<string, string> Recommended { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["OMP_WAIT_POLICY"] = "PASSIVE",
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
