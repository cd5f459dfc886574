namespace BoDashboard.Studies.Service;

/// <summary>Why a study operation cannot be done; the API maps the kind to a status code.</summary>
public enum StudyErrorKind
{
    NotFound,
    Conflict,
}

public sealed class StudyOperationException(StudyErrorKind kind, string message) : Exception(message)
{
    public StudyErrorKind Kind { get; } = kind;

    public static StudyOperationException StudyNotFound(int id) => new(StudyErrorKind.NotFound, $"study {id} does not exist");
}
