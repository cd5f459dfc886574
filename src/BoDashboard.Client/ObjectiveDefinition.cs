using System.Text.Json;
using System.Text.Json.Serialization;

namespace BoDashboard.Client;

/// <summary>What a study's trials evaluate. For ask/tell use <see cref="External"/>: the server evaluates nothing
/// and your program tells it the values.</summary>
public sealed record ObjectiveDefinition
{
    /// <summary><c>external</c> (ask/tell), <c>analytic</c>, <c>alexnet</c> or <c>command</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>For <c>analytic</c>: the test function, e.g. <c>branin</c> or <c>seed-1d</c>.</summary>
    public string? Function { get; init; }

    /// <summary>For <c>command</c>: the name of a trial command configured on the server (never a command line).</summary>
    public string? Command { get; init; }

    /// <summary>Any other setting of the objective (the AlexNet training settings such as <c>epochs</c> or
    /// <c>dataset</c>), kept as JSON so that the client needs no change when the server learns a new one.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Settings { get; init; }

    /// <summary>Values arrive through ask/tell.</summary>
    public static ObjectiveDefinition External() => new() { Kind = "external" };

    /// <summary>One of the server's analytic test functions.</summary>
    public static ObjectiveDefinition Analytic(string function) => new() { Kind = "analytic", Function = function };

    /// <summary>A program configured on the server under <paramref name="name"/>, started once per trial.</summary>
    public static ObjectiveDefinition ForCommand(string name) => new() { Kind = "command", Command = name };
}
