namespace BoDashboard.Studies.Commands;

/// <summary>A study's text value would have begun a program argument with '-' (see <see cref="TrialCommandLine"/>).</summary>
public sealed class OptionLikeArgumentException(string message) : Exception(message);
