using BoDashboard.Studies.Objectives;

namespace BoDashboard.Studies.Processes;

/// <summary>The verbs with which the dashboard and the CLI start their own trial processes. Both programs call
/// <see cref="TryRun"/> first thing, so `BoDashboard.Web trial-guard ...` works after `dotnet run` and after
/// `dotnet publish` alike, and no other binary has to be found.</summary>
public static class TrialVerbs
{
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (args.Length == 0) return false;
        switch (args[0])
        {
            case ProcessGroupGuard.Verb:
                exitCode = ProcessGroupGuard.Run(args[1..]);
                return true;
            case AlexNetTrialProgram.Verb:
                exitCode = AlexNetTrialProgram.Run(args[1..]);
                return true;
            default:
                return false;
        }
    }
}
