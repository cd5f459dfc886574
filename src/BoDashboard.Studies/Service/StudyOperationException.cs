namespace BoDashboard.Studies.Service;

/// <summary>Why a study operation cannot be done; the API maps the kind to a status code.</summary>
public enum StudyErrorKind
{
    NotFound,
    Conflict,
    /// <summary>The server is at its limit for this kind of work right now; the caller may retry shortly.</summary>
    Busy,
}

public sealed class StudyOperationException(StudyErrorKind kind, string message) : Exception(message)
{
    public StudyErrorKind Kind { get; } = kind;

    public static StudyOperationException StudyNotFound(int id) => new(StudyErrorKind.NotFound, $"study {id} does not exist");
}
