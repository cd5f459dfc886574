using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Service;
using BoDashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>Studies created through the dashboard's own service (faster than the form when the form is not under test).</summary>
public static class StudySetup
{
    public static StudyService Studies(TestDashboardFactory app) => app.Services.GetRequiredService<StudyService>();

    public static StudyDefinition Branin(string name, string sampler = "gp-ei", int seed = 0, int budget = 6) => new(
        name, new ObjectiveDefinition(ObjectiveDefinition.Analytic, Function: "branin"), [],
        new SamplerDefinition(sampler, InitialPoints: 3, Seed: seed), Budget: budget);

    public static async Task<StudyDetails> RunAsync(TestDashboardFactory app, StudyDefinition definition)
    {
        var created = await Studies(app).CreateAsync(definition);
        return await WaitUntilFinishedAsync(app, created.Id);
    }

    public static async Task<StudyDetails> WaitUntilFinishedAsync(TestDashboardFactory app, int id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
        while (true)
        {
            var study = await Studies(app).GetAsync(id);
            if (StudyStates.IsFinished(study.State)) return study;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"study {id} is still {study.State}");
            await Task.Delay(250);
        }
    }
}
