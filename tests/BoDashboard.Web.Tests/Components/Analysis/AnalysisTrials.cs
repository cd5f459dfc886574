using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Service;

namespace BoDashboard.Web.Tests.Components.Analysis;

/// <summary>Trials and parameters for the analysis components' tests: a log float, an int, a categorical.</summary>
internal static class AnalysisTrials
{
    public static readonly IReadOnlyList<ParameterDefinition> Parameters =
    [
        new("learning_rate", "float", 1e-5, 0.1, Log: true),
        new("layers", "int", 1, 8),
        new("optimizer", "categorical", Choices: ["sgd", "adam", "rmsprop"]),
    ];

    public static TrialDetails Trial(int number, string state, double? value, double lr = 1e-3, long layers = 3, string optimizer = "adam") =>
        new(number + 100, number, state, new Dictionary<string, object> { ["learning_rate"] = lr, ["layers"] = layers, ["optimizer"] = optimizer },
            value, "random", null, DateTime.UnixEpoch, DateTime.UnixEpoch, 1.0, null, null, []);

    /// <summary>n complete trials with varied parameters, and one running trial (no value) at the end.</summary>
    public static IReadOnlyList<TrialDetails> Many(int n) =>
    [
        .. Enumerable.Range(0, n).Select(i => Trial(i, TrialStates.Complete, 0.5 + 0.01 * i, Math.Pow(10, -5 + 4.0 * i / Math.Max(1, n - 1)), 1 + i % 8,
            new[] { "sgd", "adam", "rmsprop" }[i % 3])),
        Trial(n, TrialStates.Running, null),
    ];
}
