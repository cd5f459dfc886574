using System.Text.Json;
using System.Text.Json.Serialization;
using BoDashboard.Client.Internal;

namespace BoDashboard.Client;

/// <summary>A trial as the server shows it (in a study's <see cref="Study.Trials"/> and as the answer to a tell).</summary>
public sealed record Trial
{
    /// <summary>The trial's id: the <c>trialId</c> of ask, report and tell.</summary>
    public int Id { get; init; }

    /// <summary>Position in the study, from 0.</summary>
    public int Number { get; init; }

    /// <summary>One of <see cref="TrialStates"/>.</summary>
    public string State { get; init; } = "";

    /// <summary>Parameter values in natural units; read them with <see cref="GetDouble"/>, <see cref="GetInt64"/> and
    /// <see cref="GetString"/>.</summary>
    public IReadOnlyDictionary<string, JsonElement> Params { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>The objective's value (complete trials; for pruned ones, their last intermediate value if the server
    /// keeps it).</summary>
    public double? Value { get; init; }

    /// <summary>How the sampler chose it: <c>initial</c>, <c>acquisition</c>, <c>trust-region</c>, <c>final</c>, <c>grid</c> or <c>random</c>.</summary>
    public string? SuggestedBy { get; init; }

    /// <summary>The acquisition's value at the proposed point, when a GP proposed it.</summary>
    public double? AcquisitionValue { get; init; }

    /// <summary>When it was first handed out (UTC); a re-run after an interruption keeps it.</summary>
    public DateTime? QueuedAt { get; init; }

    /// <summary>When it (last) started (UTC).</summary>
    public DateTime StartedAt { get; init; }

    /// <summary>When it finished (UTC).</summary>
    public DateTime? FinishedAt { get; init; }

    /// <summary>Seconds from start to finish.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>Why it failed or was stopped.</summary>
    public string? Error { get; init; }

    /// <summary>The worker (or <c>external</c>) that ran it.</summary>
    public string? WorkerName { get; init; }

    /// <summary>Intermediate values in step order: what the caller reported, or an AlexNet trial's learning curve.</summary>
    public IReadOnlyList<IntermediateValue> Intermediate { get; init; } = [];

    /// <summary>The end of a command trial's output, when the server keeps it.</summary>
    public string? LogTail { get; init; }

    /// <summary>Fields this version of the client does not know, kept so that nothing the server sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalFields { get; init; }

    /// <summary>The value of a float (or int) parameter.</summary>
    public double GetDouble(string name) => ParameterValues.GetDouble(Params, name);

    /// <summary>The value of an int parameter.</summary>
    public long GetInt64(string name) => ParameterValues.GetInt64(Params, name);

    /// <summary>The value of a categorical parameter (a number comes back as the server wrote it).</summary>
    public string GetString(string name) => ParameterValues.GetString(Params, name);
}
