using System.Globalization;
using System.Net.Http.Json;
using BoDashboard.Client.Internal;

namespace BoDashboard.Client;

/// <summary>A typed client of BoDashboard's REST API (<c>/api/studies</c>): create and control studies, run the
/// ask/report/tell loop of an external study, and read the best trial. Every error the server answers becomes a
/// <see cref="BoDashboardApiException"/> carrying its problem document; network failures and timeouts surface as
/// <see cref="HttpRequestException"/> and <see cref="TaskCanceledException"/> as usual with <see cref="HttpClient"/>.
/// </summary>
/// <remarks>Thread-safe: one instance can serve many concurrent asks and tells (the server hands each ask its own
/// trial). The API key is sent on every request rather than set on the <see cref="HttpClient"/>, so a shared
/// client (from <c>IHttpClientFactory</c>, or a test server's) is not changed.</remarks>
public sealed class BoDashboardClient : IDisposable
{
    /// <summary>The header that carries the API key when the server is started with <c>Api:Key</c>.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly string? apiKey;

    /// <summary>A client with its own <see cref="HttpClient"/>, disposed with this client.</summary>
    /// <param name="baseAddress">Where the dashboard listens, e.g. <c>http://127.0.0.1:5080</c>; a path prefix (a
    /// reverse proxy's <c>/bo/</c>) is kept.</param>
    /// <param name="apiKey">The server's <c>Api:Key</c>, if it has one.</param>
    public BoDashboardClient(Uri baseAddress, string? apiKey = null)
        : this(new HttpClient(), baseAddress, apiKey, ownsHttp: true)
    {
    }

    /// <summary>A client over an <see cref="HttpClient"/> you own (its lifetime, handlers and timeout are yours).</summary>
    /// <param name="httpClient">The client to send with.</param>
    /// <param name="baseAddress">Where the dashboard listens; <c>null</c> uses <paramref name="httpClient"/>'s
    /// <see cref="HttpClient.BaseAddress"/>.</param>
    /// <param name="apiKey">The server's <c>Api:Key</c>, if it has one.</param>
    public BoDashboardClient(HttpClient httpClient, Uri? baseAddress = null, string? apiKey = null)
        : this(httpClient, BaseOf(httpClient, baseAddress), apiKey, ownsHttp: false)
    {
    }

    private BoDashboardClient(HttpClient httpClient, Uri baseAddress, string? apiKey, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri) throw new ArgumentException($"the base address must be absolute, got '{baseAddress}'", nameof(baseAddress));
        http = httpClient;
        this.ownsHttp = ownsHttp;
        this.apiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey;
        // A trailing slash makes relative paths resolve below a prefix: http://host/bo + api/... -> http://host/bo/api/...
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
    }

    /// <summary>The dashboard's address, always ending with a slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Creates a study (<c>POST /api/studies</c>). A study whose objective is not external starts running at
    /// once; an external one waits for <see cref="AskAsync"/>.</summary>
    /// <exception cref="BoDashboardApiException">400 with <see cref="BoDashboardApiException.Errors"/> naming each
    /// invalid field.</exception>
    public Task<Study> CreateStudyAsync(StudyDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return SendAsync<Study>(HttpMethod.Post, "api/studies", definition, cancellationToken);
    }

    /// <summary>All studies, newest first (<c>GET /api/studies</c>).</summary>
    public async Task<IReadOnlyList<StudySummary>> ListStudiesAsync(CancellationToken cancellationToken = default) =>
        await SendAsync<List<StudySummary>>(HttpMethod.Get, "api/studies", null, cancellationToken);

    /// <summary>A study with its trials (<c>GET /api/studies/{id}</c>).</summary>
    /// <exception cref="BoDashboardApiException">404 for an unknown study.</exception>
    public Task<Study> GetStudyAsync(int studyId, CancellationToken cancellationToken = default) =>
        SendAsync<Study>(HttpMethod.Get, Path(studyId), null, cancellationToken);

    /// <summary>Deletes a study and its trials (<c>DELETE /api/studies/{id}</c>); a running trial is stopped.</summary>
    /// <exception cref="BoDashboardApiException">404 for an unknown study.</exception>
    public Task DeleteStudyAsync(int studyId, CancellationToken cancellationToken = default) =>
        ExchangeAsync(HttpMethod.Delete, Path(studyId), null, "application/json", (_, _) => Task.FromResult(true), cancellationToken);

    /// <summary>Pauses a running study (<c>POST /api/studies/{id}/pause</c>): asks answer 409 until it is resumed.</summary>
    /// <exception cref="BoDashboardApiException">404 unknown study; 409 when the study is not running or pending.</exception>
    public Task<Study> PauseAsync(int studyId, CancellationToken cancellationToken = default) =>
        SendAsync<Study>(HttpMethod.Post, Path(studyId, "pause"), null, cancellationToken);

    /// <summary>Resumes a paused study (<c>POST /api/studies/{id}/resume</c>).</summary>
    /// <exception cref="BoDashboardApiException">404 unknown study; 409 when the study is not paused.</exception>
    public Task<Study> ResumeAsync(int studyId, CancellationToken cancellationToken = default) =>
        SendAsync<Study>(HttpMethod.Post, Path(studyId, "resume"), null, cancellationToken);

    /// <summary>Stops a study for good (<c>POST /api/studies/{id}/cancel</c>); its running trials are stopped. (This
    /// cancels the <em>study</em>; to abandon a request, use the cancellation token.)</summary>
    /// <exception cref="BoDashboardApiException">404 unknown study; 409 when the study already finished.</exception>
    public Task<Study> CancelAsync(int studyId, CancellationToken cancellationToken = default) =>
        SendAsync<Study>(HttpMethod.Post, Path(studyId, "cancel"), null, cancellationToken);

    /// <summary>Takes the next trial of an external study (<c>POST /api/studies/{id}/ask</c>). Concurrent asks get
    /// distinct trials and distinct parameters.</summary>
    /// <exception cref="BoDashboardApiException">404 unknown study; 409 when the study has used its budget or is not
    /// running.</exception>
    public Task<AskedTrial> AskAsync(int studyId, CancellationToken cancellationToken = default) =>
        SendAsync<AskedTrial>(HttpMethod.Post, Path(studyId, "ask"), null, cancellationToken);

    /// <summary>Reports an intermediate value of an asked trial
    /// (<c>POST /api/studies/{id}/trials/{trialId}/report</c>), e.g. the validation accuracy after an epoch.</summary>
    /// <param name="studyId">The study.</param>
    /// <param name="trialId">The <see cref="AskedTrial.TrialId"/>.</param>
    /// <param name="step">A non-negative step (epoch, iteration), increasing from one report to the next.</param>
    /// <param name="value">The value at that step (finite).</param>
    /// <param name="cancellationToken">Abandons the request.</param>
    /// <returns><c>true</c> when the study's pruner wants the trial stopped: stop evaluating and call
    /// <see cref="TellPrunedAsync"/>. Always <c>false</c> for a study without a pruner.</returns>
    /// <exception cref="BoDashboardApiException">400 invalid step or value; 404 unknown study or trial; 409 when the
    /// trial already finished.</exception>
    public async Task<bool> ReportAsync(int studyId, int trialId, int step, double value, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        RequireFinite(value);
        var answer = await SendAsync<ReportResponse>(HttpMethod.Post, TrialPath(studyId, trialId, "report"), new ReportRequest(step, value), cancellationToken);
        return answer.ShouldPrune;
    }

    /// <summary>Tells the value of an asked trial (<c>POST .../trials/{trialId}/tell</c> <c>{"value": v}</c>).</summary>
    /// <returns>The finished trial.</returns>
    /// <exception cref="BoDashboardApiException">404 unknown study or trial; 409 when the trial already finished.</exception>
    public Task<Trial> TellAsync(int studyId, int trialId, double value, CancellationToken cancellationToken = default)
    {
        RequireFinite(value);
        return SendAsync<Trial>(HttpMethod.Post, TrialPath(studyId, trialId, "tell"), new TellRequest(Value: value), cancellationToken);
    }

    /// <summary>Tells that an asked trial failed (<c>{"state": "failed", "error": ...}</c>): it gives no value, and
    /// the study goes on. Use it when an evaluation crashed or was given up.</summary>
    /// <exception cref="BoDashboardApiException">404 unknown study or trial; 409 when the trial already finished.</exception>
    public Task<Trial> TellFailedAsync(int studyId, int trialId, string error, CancellationToken cancellationToken = default) =>
        SendAsync<Trial>(HttpMethod.Post, TrialPath(studyId, trialId, "tell"), new TellRequest(State: TrialStates.Failed, Error: error), cancellationToken);

    /// <summary>Tells that an asked trial stopped early (<c>{"state": "pruned"}</c>), usually because
    /// <see cref="ReportAsync"/> answered <c>true</c>; its last reported value stands for it.</summary>
    /// <exception cref="BoDashboardApiException">404 unknown study or trial; 409 when the trial already finished.</exception>
    public Task<Trial> TellPrunedAsync(int studyId, int trialId, CancellationToken cancellationToken = default) =>
        SendAsync<Trial>(HttpMethod.Post, TrialPath(studyId, trialId, "tell"), new TellRequest(State: TrialStates.Pruned), cancellationToken);

    /// <summary>The export document of the best trial (<c>GET /api/studies/{id}/best</c>).</summary>
    /// <exception cref="BoDashboardApiException">404 unknown study; 409 when no trial has completed yet.</exception>
    public Task<BestTrialExport> GetBestAsync(int studyId, CancellationToken cancellationToken = default) =>
        SendAsync<BestTrialExport>(HttpMethod.Get, Path(studyId, "best"), null, cancellationToken);

    /// <summary>All trials as CSV, one column per parameter (<c>GET /api/studies/{id}/trials.csv</c>).</summary>
    /// <exception cref="BoDashboardApiException">404 unknown study.</exception>
    public Task<string> GetTrialsCsvAsync(int studyId, CancellationToken cancellationToken = default) =>
        ExchangeAsync(HttpMethod.Get, Path(studyId, "trials.csv"), null, "text/csv",
            (response, token) => response.Content.ReadAsStringAsync(token), cancellationToken);

    /// <summary>Disposes the <see cref="HttpClient"/> if this client created it.</summary>
    public void Dispose()
    {
        if (ownsHttp) http.Dispose();
    }

    private static Uri BaseOf(HttpClient httpClient, Uri? baseAddress)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return baseAddress ?? httpClient.BaseAddress
               ?? throw new ArgumentException("give a base address, or an HttpClient with a BaseAddress", nameof(baseAddress));
    }

    private static string Path(int studyId, string? verb = null) =>
        verb is null
            ? string.Create(CultureInfo.InvariantCulture, $"api/studies/{studyId}")
            : string.Create(CultureInfo.InvariantCulture, $"api/studies/{studyId}/{verb}");

    private static string TrialPath(int studyId, int trialId, string verb) =>
        string.Create(CultureInfo.InvariantCulture, $"api/studies/{studyId}/trials/{trialId}/{verb}");

    // JSON cannot carry NaN or infinities, and the server would reject them anyway: say so before sending.
    private static void RequireFinite(double value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, "must be a finite number");
    }

    private Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct) =>
        ExchangeAsync(method, path, body, "application/json", async (response, token) =>
            await response.Content.ReadFromJsonAsync<T>(ClientJson.Options, token)
            ?? throw new BoDashboardApiException((int)response.StatusCode, "Empty response",
                $"{method} {path} answered {(int)response.StatusCode} with no JSON document"), ct);

    /// <summary>One request and its answer: the API key and Accept headers, problem documents turned into
    /// <see cref="BoDashboardApiException"/>, and the caller's cancellation always surfacing as
    /// <see cref="OperationCanceledException"/> (some handlers report an aborted read as an I/O error instead).</summary>
    private async Task<T> ExchangeAsync<T>(HttpMethod method, string path, object? body, string accept,
        Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var request = new HttpRequestMessage(method, new Uri(BaseAddress, path));
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: ClientJson.Options);
        // The server takes state changes (ask, pause, delete...) only with a JSON content type, even without a body.
        else if (method != HttpMethod.Get) request.Content = EmptyJson();
        if (apiKey is not null) request.Headers.Add(ApiKeyHeader, apiKey);
        request.Headers.Accept.ParseAdd(accept);
        request.Headers.Accept.ParseAdd("application/problem+json");
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode) throw await ProblemReader.ReadAsync(response, ct);
            return await read(response, ct);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && ct.IsCancellationRequested)
        {
            throw new OperationCanceledException($"{method} {path} was cancelled", e, ct);
        }
    }

    private static ByteArrayContent EmptyJson()
    {
        var content = new ByteArrayContent([]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
