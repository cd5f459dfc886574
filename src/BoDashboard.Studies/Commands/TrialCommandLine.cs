using System.Globalization;
using System.Text;
using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Processes;
using BoDashboard.Studies.Service;

namespace BoDashboard.Studies.Commands;

/// <summary>Turns a configured command and a trial into the exact argv and environment of its process. Values are
/// inserted as text into single arguments, never interpreted: a choice such as <c>$(rm -rf ~); "x"</c> reaches the
/// program literally.</summary>
public static class TrialCommandLine
{
    public static TrialLaunch Build(CommandDefinition command, TrialContext trial, string baseDirectory)
    {
        var arguments = command.Arguments.Select(a => Substitute(a, trial)).ToList();
        var environment = new Dictionary<string, string>(command.Environment, StringComparer.Ordinal);
        foreach (var (name, value) in Variables(trial)) environment[name] = value;
        var folder = string.IsNullOrWhiteSpace(command.WorkingDirectory)
            ? baseDirectory
            : Path.GetFullPath(Path.Combine(baseDirectory, command.WorkingDirectory));
        return new TrialLaunch(command.Executable, arguments, folder, environment,
            command.TimeoutSeconds is > 0 and var s ? TimeSpan.FromSeconds(s) : null,
            Path.Combine(trial.Directory, "trial.log"));
    }

    /// <summary>The argument with its <c>{name}</c> references replaced. A text value that would begin the argument with
    /// '-' is refused here too (not only when the study is created): the server's command configuration may have changed
    /// since, and the program must never receive a study's value as one of its options.</summary>
    private static string Substitute(string argument, TrialContext trial)
    {
        var replaced = CommandCatalog.ParameterReference().Replace(argument, m => trial.Params.TryGetValue(m.Groups[1].Value, out var v) ? Format(v) : m.Value);
        foreach (var (name, value) in trial.Params)
        {
            if (value is string text && CommandCatalog.OptionLike(text) && CommandCatalog.StartsWithReference(argument, name))
                throw new OptionLikeArgumentException($"the value '{text}' of parameter '{name}' would begin the argument '{argument}' and could be read as an option of the program; the trial was not started");
        }
        return replaced;
    }

    /// <summary>BO_PARAM_&lt;NAME&gt; per parameter, BO_PARAMS (all as one JSON object), BO_STUDY_ID, BO_TRIAL_NUMBER, BO_TRIAL_DIR.</summary>
    public static IReadOnlyDictionary<string, string> Variables(TrialContext trial)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["BO_PARAMS"] = StudyJson.Serialize(trial.Params),
            ["BO_STUDY_ID"] = trial.StudyId.ToString(CultureInfo.InvariantCulture),
            ["BO_TRIAL_NUMBER"] = trial.TrialNumber.ToString(CultureInfo.InvariantCulture),
            ["BO_TRIAL_DIR"] = trial.Directory,
        };
        foreach (var (name, value) in trial.Params) variables["BO_PARAM_" + VariableName(name)] = Format(value);
        return variables;
    }

    /// <summary>Upper case, every character that is not a letter or digit as '_'.</summary>
    public static string VariableName(string parameter)
    {
        var name = new StringBuilder(parameter.Length);
        foreach (var c in parameter) name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        return name.ToString();
    }

    /// <summary>Invariant culture, round-trip format for floats.</summary>
    public static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
