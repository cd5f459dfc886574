using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Evaluation;
using BoDashboard.Studies.Service;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BoDashboard.Web.Api;

/// <summary>The REST API of design.md: studies, ask/tell, export, CSV and posterior slices, all through the one
/// study service that the pages and the jobs use.</summary>
public static class StudiesApi
{
    public static IEndpointRouteBuilder MapStudiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/studies")
            .AddEndpointFilter<StudyErrorsFilter>()
            .WithTags("studies")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapPost("/", CreateAsync)
            .WithSummary("Create a study; one whose objective is not external starts running at once.")
            .Accepts<StudyDefinition>("application/json")
            .Produces<StudyDetails>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        api.MapGet("/", (StudyService s, CancellationToken ct) => s.ListAsync(ct))
            .WithSummary("All studies, newest first.");
        api.MapGet("/{id:int}", (int id, StudyService s, CancellationToken ct) => s.GetAsync(id, ct))
            .WithSummary("A study with its trials.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id:int}", async (int id, StudyService s, CancellationToken ct) =>
            {
                await s.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete a study and its trials; a running trial is stopped.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapControl(api, "pause", (s, id, ct) => s.PauseAsync(id, ct), "Pause a running study; its running trial is re-run on resume.");
        MapControl(api, "resume", (s, id, ct) => s.ResumeAsync(id, ct), "Resume a paused study.");
        MapControl(api, "cancel", (s, id, ct) => s.CancelAsync(id, ct), "Stop a study for good; its running trials are pruned.");

        api.MapPost("/{id:int}/duplicate", async (int id, StudyService s, CancellationToken ct) =>
            {
                var copy = await s.DuplicateAsync(id, ct);
                return TypedResults.Created($"/api/studies/{copy.Id}", copy);
            })
            .WithSummary("Create a copy of a study's definition (its trials are not copied); it starts running.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:int}/compare", CompareAsync)
            .WithSummary("Launch random and grid studies on the same objective, search space and budget; with {\"seeds\": N}, "
                         + "gp-ei, random and grid with N seeds each (analytic and command objectives).")
            .Accepts<CompareRequest>("application/json")
            .Produces<IReadOnlyList<StudyDetails>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id:int}/comparable", (int id, StudyService s, CancellationToken ct) => s.ListComparableAsync(id, ct))
            .WithSummary("Other studies with the same search space and direction: their convergence can be drawn with this one's.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:int}/retrain", (int id, EvaluationService e, CancellationToken ct) => e.StartRetrainAsync(id, ct))
            .WithSummary("Retrain the best hyperparameters and the defaults (lr 0.01, wd 0.0005) and measure test accuracy (AlexNet studies).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id:int}/evaluations", (int id, EvaluationService e, CancellationToken ct) => e.ListAsync(id, ct))
            .WithSummary("Results of retrain-and-test.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{id:int}/ask", AskAsync)
            .WithSummary("Hand out the next trial of a study to an external evaluator.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:int}/trials/{trialId:int}/tell", TellAsync)
            .WithSummary("Report the value of an asked trial, that it failed, or that it was pruned (its last reported value stands).")
            .Accepts<TellRequest>("application/json")
            .Produces<TrialDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/{id:int}/trials/{trialId:int}/report", ReportAsync)
            .WithSummary("Store an intermediate value of an asked trial (steps increase); the answer says whether to stop it (pruning).")
            .Accepts<ReportRequest>("application/json")
            .Produces<ReportResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/{id:int}/best", async (int id, StudyService s, CancellationToken ct) => TypedResults.Json(await s.BestAsync(id, ct), StudyJson.Indented))
            .WithSummary("The export document of the best trial (indented, like the page's download): parameters in natural units, search space, value.")
            .Produces<BestTrialExport>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id:int}/trials.csv", async (int id, StudyService s, CancellationToken ct) =>
                TypedResults.Text(TrialsCsv.Write(await s.GetAsync(id, ct)), "text/csv; charset=utf-8"))
            .WithSummary("All trials as CSV, one column per parameter.")
            .Produces<string>(contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:int}/posterior", PosteriorAsync)
            .WithSummary("GP mean, std and acquisition over one (omit y) or two parameters, the rest held at fix.NAME=VALUE or the best trial.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:int}/importance", (int id, StudyService s, CancellationToken ct) => s.ImportanceAsync(id, ct))
            .WithSummary("Each parameter's first-order and total Sobol index of the GP mean over the search space, with bootstrap standard errors.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapTrialArtifacts();
        return app;
    }

    private static void MapControl(RouteGroupBuilder api, string verb, Func<StudyService, int, CancellationToken, Task> action, string summary) =>
        api.MapPost($"/{{id:int}}/{verb}", async (int id, StudyService s, CancellationToken ct) =>
            {
                await action(s, id, ct);
                return TypedResults.Ok(await s.GetAsync(id, ct));
            })
            .WithName($"{verb}-study")
            .WithSummary(summary)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> CreateAsync(HttpRequest request, StudyService studies, CancellationToken ct)
    {
        var (definition, problem) = await JsonBody.ReadAsync<StudyDefinition>(request, ct);
        if (problem is not null) return problem;
        var errors = studies.Validate(definition);
        if (errors.Count > 0) return ApiProblems.Validation(errors);
        var study = await studies.CreateAsync(definition!, ct);
        return TypedResults.Created($"/api/studies/{study.Id}", study);
    }

    /// <summary>No body: the original comparison (one random and one grid study). A body names the number of seeds.</summary>
    private static async Task<IResult> CompareAsync(int id, HttpRequest request, StudyService studies, CancellationToken ct)
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.HasJsonContentType()))
            return TypedResults.Ok(await studies.CompareSamplersAsync(id, ct));
        var (compare, problem) = await JsonBody.ReadAsync<CompareRequest>(request, ct);
        if (problem is not null) return problem;
        if (compare!.Seeds is not { } seeds) return TypedResults.Ok(await studies.CompareSamplersAsync(id, ct));
        return TypedResults.Ok(await studies.CompareSamplersAsync(id, seeds, ct));
    }

    private static async Task<Ok<AskResponse>> AskAsync(int id, StudyService studies, CancellationToken ct)
    {
        var trial = await studies.AskAsync(id, ct);
        return TypedResults.Ok(new AskResponse(trial.Id, trial.Number, trial.Params));
    }

    private static async Task<IResult> TellAsync(int id, int trialId, HttpRequest request, StudyService studies, CancellationToken ct)
    {
        var (tell, problem) = await JsonBody.ReadAsync<TellRequest>(request, ct);
        if (problem is not null) return problem;
        switch (tell!.State?.ToLowerInvariant())
        {
            case "failed":
                if (tell.Error is { Length: > TellRequest.MaxErrorLength })
                    return ApiProblems.Validation("error", $"must be at most {TellRequest.MaxErrorLength} characters, got {tell.Error.Length}; send the end of the log");
                // PostgreSQL cannot store a NUL in text; line breaks and tabs are fine in a message.
                if (tell.Error?.Contains('\0') == true) return ApiProblems.Validation("error", "must not contain NUL characters");
                return TypedResults.Ok(await studies.TellAsync(id, trialId, null,
                    string.IsNullOrWhiteSpace(tell.Error) ? "reported failed by the caller" : tell.Error, ct));
            case "pruned":
                return TypedResults.Ok(await studies.TellAsync(id, trialId, null, null, ct, pruned: true));
            case null or "complete":
                if (tell.Value is not { } value) return ApiProblems.Validation("value", "a value is required (or state \"failed\")");
                if (!double.IsFinite(value)) return ApiProblems.Validation("value", $"must be a finite number, got {value}");
                return TypedResults.Ok(await studies.TellAsync(id, trialId, value, null, ct));
            default:
                return ApiProblems.Validation("state", $"must be \"complete\", \"failed\" or \"pruned\", got \"{tell.State}\"");
        }
    }

    private static async Task<IResult> ReportAsync(int id, int trialId, HttpRequest request, StudyService studies, CancellationToken ct)
    {
        var (report, problem) = await JsonBody.ReadAsync<ReportRequest>(request, ct);
        if (problem is not null) return problem;
        if (report!.Step is not { } step) return ApiProblems.Validation("step", "a step is required (a non-negative integer)");
        if (step < 0) return ApiProblems.Validation("step", $"must be a non-negative integer, got {step}");
        if (report.Value is not { } value) return ApiProblems.Validation("value", "a value is required");
        if (!double.IsFinite(value)) return ApiProblems.Validation("value", $"must be a finite number, got {value}");
        var result = await studies.ReportAsync(id, trialId, new Studies.Objectives.IntermediateValue(step, value), ct);
        return TypedResults.Ok(new ReportResponse(result.ShouldPrune));
    }

    private static async Task<IResult> PosteriorAsync(int id, string? x, string? y, int? resolution, int? upTo, HttpRequest request,
        StudyService studies, CancellationToken ct)
    {
        var study = await studies.GetAsync(id, ct);
        var names = study.Parameters.Select(p => p.Name).ToList();
        x ??= names[0];
        if (!names.Contains(x)) return ApiProblems.Validation("x", $"'{x}' is not a parameter of study {id}; it has {string.Join(", ", names)}");
        if (y is not null && !names.Contains(y)) return ApiProblems.Validation("y", $"'{y}' is not a parameter of study {id}; it has {string.Join(", ", names)}");
        if (resolution is < 2 or > 200) return ApiProblems.Validation("resolution", "must be between 2 and 200");
        if (upTo is < 0) return ApiProblems.Validation("upTo", $"must be a trial number (0 or more), got {upTo}");
        // fix.NAME=VALUE holds a parameter off the axes at VALUE (natural units, a choice's name for a categorical).
        var fixedValues = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query.Where(q => q.Key.StartsWith(FixPrefix, StringComparison.Ordinal)))
        {
            var name = key[FixPrefix.Length..];
            if (!names.Contains(name)) return ApiProblems.Validation(key, $"'{name}' is not a parameter of study {id}; it has {string.Join(", ", names)}");
            fixedValues[name] = value.ToString();
        }
        try
        {
            return y is null
                ? TypedResults.Ok(await studies.Posterior1DAsync(id, x, resolution ?? 200, upTo, ct, fixedValues))
                : TypedResults.Ok(await studies.PosteriorAsync(id, x, y, resolution ?? 50, upTo, ct, fixedValues));
        }
        catch (ArgumentException e)
        {
            // The message without .NET's " (Parameter 'yName')" suffix: the field already says which one.
            var message = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
            return ApiProblems.Validation(e.ParamName == "fixedValues" ? "fix" : y is null ? "x" : "y", message);
        }
    }

    /// <summary>The query prefix of a fixed value: <c>fix.learning_rate=0.01</c>.</summary>
    public const string FixPrefix = "fix.";
}
