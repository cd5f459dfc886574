namespace BoDashboard.Studies.Definition;

/// <summary>What a trial evaluates. <c>analytic</c> uses <see cref="Function"/>; <c>alexnet</c> trains with the
/// settings below (unset ones take the CPU preset); <c>command</c> runs the server-configured program named by
/// <see cref="Command"/> once per trial; <c>external</c> receives values through ask/tell.</summary>
public sealed record ObjectiveDefinition(
    string Kind,
    string? Function = null,
    double? DelaySeconds = null,
    string? Dataset = null,
    string? DatasetPath = null,
    int? Epochs = null,
    int? BatchSize = null,
    int? TrainSubset = null,
    string? Model = null,
    double? LearningRate = null,
    double? WeightDecay = null,
    double? Momentum = null,
    double? Dropout = null,
    int? Seed = null,
    string? Command = null)
{
    public const string Analytic = "analytic";
    public const string AlexNet = "alexnet";
    public const string External = "external";
    public const string CommandKind = "command";
    public static readonly IReadOnlyList<string> Kinds = [Analytic, AlexNet, CommandKind, External];
}
