using System.Globalization;
using BoDashboard.Studies.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Studies.Processes;

/// <summary>What every process that runs trials configures the same way (the dashboard and the CLI): the trial
/// commands, how trial processes start and stop, and where trial folders live.</summary>
public static class TrialProcessSetup
{
    /// <param name="contentRoot">The dashboard's top folder: trial programs run there unless configured otherwise,
    /// and the data folder (Storage:DataFolder, default data/app) is taken from there.</param>
    public static IServiceCollection AddTrialProcesses(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddSingleton(CommandConfiguration.Read(configuration));
        var grace = configuration["Objectives:StopGraceSeconds"] is { Length: > 0 } g
            ? TimeSpan.FromSeconds(double.Parse(g, CultureInfo.InvariantCulture))
            : TrialProcessOptions.DefaultStopGrace;
        services.AddSingleton(new TrialProcessOptions(Host(configuration["Objectives:TrialHost"]), grace, contentRoot));
        services.AddSingleton(Definition.DataRoots.From(configuration, contentRoot));
        services.AddSingleton(new TrialFolders(Path.Combine(contentRoot, configuration["Storage:DataFolder"] ?? Path.Combine("data", "app"))));
        return services;
    }

    /// <summary>This program unless Objectives:TrialHost names another that answers the trial verbs (an assembly is run
    /// with `dotnet`): for hosts that are not the dashboard's own binary, such as a test runner.</summary>
    private static TrialHost Host(string? configured) => configured switch
    {
        null or "" => TrialHost.ForThisProcess(),
        _ when configured.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) => TrialHost.ForAssembly(configured),
        _ => new TrialHost(configured, []),
    };
}
