namespace BoDashboard.Cli.Tests;

/// <summary>Tests that capture Console.Out run one at a time: the console is one per process.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
