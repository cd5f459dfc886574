using BoDashboard.Optimization.Space;

namespace BoDashboard.Studies.Definition;

/// <summary>A study definition was rejected; every error names the field it is about.</summary>
public sealed class StudyValidationException(IReadOnlyList<ValidationError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
