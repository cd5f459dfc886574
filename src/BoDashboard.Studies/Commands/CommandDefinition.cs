namespace BoDashboard.Studies.Commands;

/// <summary>A trial program configured on the server (Objectives:Commands:NAME). Requests only name it: what runs,
/// with which arguments and where, is decided here, never by a request.</summary>
public sealed class CommandDefinition
{
    /// <summary>Shown in the New study form next to the name.</summary>
    public string? Description { get; set; }

    /// <summary>The program: a path, or a name looked up on PATH. Started directly, never through a shell.</summary>
    public string Executable { get; set; } = "";

    /// <summary>The argument vector; <c>{name}</c> in an argument becomes the trial's value of parameter <c>name</c>.</summary>
    public List<string> Arguments { get; set; } = [];

    /// <summary>Where it runs; relative to the dashboard's top folder; default that folder.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>Extra environment variables (the BO_ ones are added to these).</summary>
    public Dictionary<string, string> Environment { get; set; } = [];

    /// <summary>A trial that runs longer fails ("timed out") and its process tree is stopped; none when unset.</summary>
    public double? TimeoutSeconds { get; set; }
}
