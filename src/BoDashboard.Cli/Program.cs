using BoDashboard.Cli;
using BoDashboard.Studies.Processes;

// Trial processes of studies run from the CLI (experiment) are this program with a verb.
if (TrialVerbs.TryRun(args, out var verbExitCode)) return verbExitCode;

return CliRoot.Invoke(args);
