using Bunit;
using BoDashboard.Studies.Persistence;
using BoDashboard.Web.Components.Pages;

namespace BoDashboard.Web.Tests;

public sealed class StudyListTableTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("bodashboard-bunit-").FullName;

    [Fact]
    public void Studies_page_lists_the_studies_of_the_database()
    {
        using var ctx = new BunitContext();
        var dbFactory = ctx.AddStudies(folder);
        using (var db = dbFactory.CreateDbContext())
        {
            db.Studies.Add(NewStudy("branin-gp", "branin", "gp-ei", "minimize", new DateTime(2026, 1, 1)));
            var seed = NewStudy("seed-1d-random", "seed-1d", "random", "maximize", new DateTime(2026, 1, 2));
            seed.Trials.Add(new TrialEntity { Number = 0, ParamsJson = "{\"x\":0.6}", State = "complete", Value = 1.5 });
            seed.Trials.Add(new TrialEntity { Number = 1, ParamsJson = "{\"x\":2}", State = "complete", Value = 0.9 });
            db.Studies.Add(seed);
            db.SaveChanges();
        }

        var page = ctx.Render<StudiesPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("table.studies tbody tr").Count));
        var rows = page.FindAll("table.studies tbody tr");
        Assert.Contains("seed-1d-random", rows[0].TextContent); // newest first
        Assert.Contains("2 / 10", rows[0].TextContent);
        Assert.Contains("1.5", rows[0].TextContent);
        Assert.Contains("branin-gp", rows[1].TextContent);
        Assert.Contains("gp-ei", rows[1].TextContent);
        Assert.Empty(page.FindAll(".empty-state"));
    }

    private static StudyEntity NewStudy(string name, string function, string sampler, string direction, DateTime created) => new()
    {
        Name = name,
        Direction = direction,
        ObjectiveJson = $"{{\"kind\":\"analytic\",\"function\":\"{function}\"}}",
        SearchSpaceJson = "[]",
        SamplerJson = $"{{\"name\":\"{sampler}\"}}",
        Budget = 10,
        CreatedAt = created,
        UpdatedAt = created,
    };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
