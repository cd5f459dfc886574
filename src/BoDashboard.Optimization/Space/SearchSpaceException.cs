namespace BoDashboard.Optimization.Space;

/// <summary>Thrown when a search space or a parameter assignment is invalid; carries every problem found.</summary>
public sealed class SearchSpaceException : Exception
{
    public SearchSpaceException(IReadOnlyList<ValidationError> errors)
        : base(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
    {
        Errors = errors;
    }

    public IReadOnlyList<ValidationError> Errors { get; }
}
