using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Service;
using CsvHelper;

namespace BoDashboard.Studies.Tests;

/// <summary>trials.csv is opened in spreadsheets: text that would start a formula is written as text (CSV injection),
/// numbers stay numbers.</summary>
public sealed class TrialsCsvTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Formula_like_text_gets_a_leading_apostrophe_and_negative_numbers_stay_numbers()
    {
        string[] choices = ["=HYPERLINK(\"http://example.invalid\")", "-2+3", "@SUM(1)", "+1", "sgd"];
        await using var host = await StudyHost.StartAsync(folder.Path);
        var definition = new StudyDefinition("csv", new ObjectiveDefinition(ObjectiveDefinition.External),
            [new ParameterDefinition("x", "float", -5, -1), new ParameterDefinition("choice", "categorical", Choices: choices)],
            new SamplerDefinition("grid"), "minimize", 10);
        var id = (await host.Studies.CreateAsync(definition)).Id;
        for (var i = 0; i < 10; i++)
        {
            var trial = await host.Studies.AskAsync(id);
            if (i == 0) await host.Studies.TellAsync(id, trial.Id, null, "=cmd|' /C calc'!A0");
            else await host.Studies.TellAsync(id, trial.Id, -0.25 * i, null);
        }

        var csv = TrialsCsv.Write(await host.Studies.GetAsync(id));
        var rows = Read(csv);

        var header = rows[0];
        var trials = rows.Skip(1).ToList();
        var choice = Array.IndexOf(header, "choice");
        var written = trials.Select(r => r[choice]).ToList();
        Assert.Equal(10, written.Count);
        Assert.All(written, c => Assert.Contains(c, choices.Select(c => c == "sgd" ? c : "'" + c)));
        Assert.Contains(written, c => c != "sgd");
        Assert.All(trials, r => Assert.True(double.Parse(r[Array.IndexOf(header, "x")], System.Globalization.CultureInfo.InvariantCulture) < 0));
        Assert.Contains(trials, r => r[Array.IndexOf(header, "value")] == "-0.25");
        Assert.Contains(trials, r => r[Array.IndexOf(header, "error")] == "'=cmd|' /C calc'!A0");
    }

    private static List<string[]> Read(string csv)
    {
        using var reader = CsvReader.Create(new StringReader(csv), new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToArray());
        return rows;
    }

    public void Dispose() => folder.Dispose();
}
