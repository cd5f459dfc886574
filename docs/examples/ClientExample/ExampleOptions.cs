using System.Globalization;

namespace BoDashboard.Examples;

/// <summary>The example's command line: <c>--url</c>, <c>--api-key</c>, <c>--budget</c>, <c>--pruner</c>.</summary>
public sealed record ExampleOptions(Uri Url, string? ApiKey = null, int Budget = 20, string Pruner = "median")
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public const string Usage =
        "usage: ClientExample [--url http://127.0.0.1:5080] [--api-key KEY] [--budget 20] [--pruner median|none]";

    public static ExampleOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ExampleOptions(new Uri(DefaultUrl));
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value\n{Usage}");
            options = args[i] switch
            {
                "--url" => options with { Url = new Uri(value) },
                "--api-key" => options with { ApiKey = value },
                "--budget" => options with { Budget = int.Parse(value, CultureInfo.InvariantCulture) },
                "--pruner" => options with { Pruner = value },
                _ => throw new ArgumentException($"unknown option {args[i]}\n{Usage}"),
            };
            i++;
        }
        return options;
    }
}
