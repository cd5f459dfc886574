using BoDashboard.Studies.Processes;
using BoDashboard.Studies.Service;
using Microsoft.AspNetCore.StaticFiles;

namespace BoDashboard.Web.Api;

/// <summary>A trial's files: the listing, and one file for download. Only files inside the trial's own folder are
/// served; a path that tries to leave it (".." even when percent-encoded, absolute, or through a link) is a 404.</summary>
public static class TrialArtifactsApi
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static RouteGroupBuilder MapTrialArtifacts(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:int}/trials/{number:int}/artifacts",
                (int id, int number, StudyService s, CancellationToken ct) => s.ListArtifactsAsync(id, number, ct))
            .WithSummary("The files the trial wrote into its folder (its log and a command's artifacts), with sizes.")
            .Produces<IReadOnlyList<TrialArtifact>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:int}/trials/{number:int}/artifacts/{*path}", DownloadAsync)
            .WithSummary("One file of the trial's folder, by its path in the listing.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> DownloadAsync(int id, int number, string? path, StudyService studies, CancellationToken ct)
    {
        // Routing leaves an encoded slash ("..%2F") encoded: decode it here so the check sees every segment.
        var relative = Uri.UnescapeDataString(path ?? "");
        var file = await studies.FindArtifactAsync(id, number, relative, ct);
        if (!ContentTypes.TryGetContentType(file, out var contentType)) contentType = "application/octet-stream";
        return TypedResults.PhysicalFile(file, contentType, Path.GetFileName(file), enableRangeProcessing: true);
    }
}
