using System.Net;
using System.Text.Json.Nodes;

namespace BoDashboard.Web.Tests.Api;

/// <summary>Malformed and adversarial requests to every endpoint: each is a 4xx problem document with a message, never
/// a 500 or an error in the host's log, and no study changes.</summary>
public sealed class HostileInputApiTests(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>
{
    private HttpClient Client => fixture.Client;

    private static string ValidStudy(string patch = "{}")
    {
        var body = JsonNode.Parse("""
            {"name": "h", "direction": "maximize", "objective": {"kind": "external"},
             "parameters": [{"name": "lr", "type": "float", "low": 1e-5, "high": 0.1, "log": true}],
             "sampler": {"name": "gp-ei", "initialPoints": 3, "xi": 0.01, "seed": 0}, "budget": 10}
            """)!.AsObject();
        foreach (var (key, value) in JsonNode.Parse(patch)!.AsObject()) body[key] = value?.DeepClone();
        return body.ToJsonString();
    }

    private static string Param(string json) => ValidStudy($$"""{"parameters": [{{json}}]}""");

    /// <summary>Bodies of POST /api/studies: (why, body, the field the message must name).</summary>
    public static TheoryData<string, string, string> BadStudies() => new()
    {
        { "array body", "[]", "body" },
        { "null body", "null", "body" },
        { "empty body", "", "body" },
        { "string body", "\"study\"", "body" },
        { "truncated json", """{"name": "h", "objective": {"kind""", "body" },
        { "trailing garbage", ValidStudy() + "}", "body" },
        { "name of the wrong type", ValidStudy("""{"name": 5}"""), "name" },
        { "blank name", ValidStudy("""{"name": "   "}"""), "name" },
        { "enormous name", ValidStudy($$"""{"name": "{{new string('x', 100_000)}}"}"""), "name" },
        { "name with a NUL", ValidStudy("""{"name": "a\u0000b"}"""), "name" },
        { "name with a line break", ValidStudy("""{"name": "a\nb"}"""), "name" },
        { "parameter name with a NUL", Param("""{"name": "a\u0000", "type": "float", "low": 0, "high": 1}"""), "parameters[0]" },
        { "parameter name with a line break", Param("""{"name": "a\r\nb", "type": "float", "low": 0, "high": 1}"""), "parameters[0]" },
        { "choice with a NUL", Param("""{"name": "c", "type": "categorical", "choices": ["a", "b\u0000"]}"""), "parameters[0]" },
        { "budget as a fraction", ValidStudy("""{"budget": 1.5}"""), "budget" },
        { "budget overflowing int", ValidStudy("""{"budget": 1e20}"""), "budget" },
        { "budget NaN string", ValidStudy("""{"budget": "NaN"}"""), "budget" },
        { "negative budget", ValidStudy("""{"budget": -3}"""), "budget" },
        { "budget above the maximum", ValidStudy("""{"budget": 100001}"""), "budget" },
        { "zero parallelism", ValidStudy("""{"parallelism": 0}"""), "parallelism" },
        { "huge parallelism", ValidStudy("""{"parallelism": 65}"""), "parallelism" },
        { "zero failures allowed", ValidStudy("""{"maxConsecutiveFailures": 0}"""), "maxConsecutiveFailures" },
        { "unknown direction", ValidStudy("""{"direction": "sideways"}"""), "direction" },
        { "no objective", ValidStudy("""{"objective": null}"""), "objective" },
        { "objective without kind", ValidStudy("""{"objective": {}}"""), "objective" },
        { "objective of the wrong type", ValidStudy("""{"objective": "external"}"""), "objective" },
        { "unknown nested field", ValidStudy("""{"sampler": {"name": "gp-ei", "speed": 3}}"""), "sampler" },
        { "no parameters", ValidStudy("""{"parameters": []}"""), "parameters" },
        { "parameters not a list", ValidStudy("""{"parameters": {"lr": 1}}"""), "parameters" },
        { "a null parameter", ValidStudy("""{"parameters": [null]}"""), "parameters[0]" },
        { "NaN literal bound", Param("""{"name": "a", "type": "float", "low": 12345, "high": 99999}""").Replace("12345", "NaN"), "body" },
        { "NaN string bound", Param("""{"name": "a", "type": "float", "low": "NaN", "high": 1}"""), "parameters[0]" },
        { "Infinity string bound", Param("""{"name": "a", "type": "float", "low": 0, "high": "Infinity"}"""), "parameters[0]" },
        { "-Infinity string bound", Param("""{"name": "a", "type": "float", "low": "-Infinity", "high": 1}"""), "parameters[0]" },
        { "overflowing bound", Param("""{"name": "a", "type": "float", "low": -1e309, "high": 1}"""), "parameters[0]" },
        { "range wider than a double", Param("""{"name": "a", "type": "float", "low": -1e308, "high": 1e308}"""), "parameters[0]" },
        { "bounds -0 and 0", Param("""{"name": "a", "type": "float", "low": -0.0, "high": 0}"""), "parameters[0]" },
        { "equal bounds", Param("""{"name": "a", "type": "float", "low": 2, "high": 2}"""), "parameters[0]" },
        { "low above high", Param("""{"name": "a", "type": "float", "low": 3, "high": 2}"""), "parameters[0]" },
        { "missing low", Param("""{"name": "a", "type": "float", "high": 2}"""), "parameters[0].low" },
        { "missing high", Param("""{"name": "a", "type": "int", "low": 2}"""), "parameters[0].high" },
        { "bound of the wrong type", Param("""{"name": "a", "type": "float", "low": [0], "high": 2}"""), "parameters[0]" },
        { "log with zero low", Param("""{"name": "a", "type": "float", "low": 0, "high": 2, "log": true}"""), "parameters[0]" },
        { "log with negative bounds", Param("""{"name": "a", "type": "float", "low": -5, "high": -1, "log": true}"""), "parameters[0]" },
        { "int log with zero low", Param("""{"name": "a", "type": "int", "low": 0, "high": 8, "log": true}"""), "parameters[0]" },
        { "int with fractional bounds", Param("""{"name": "a", "type": "int", "low": 0.5, "high": 8}"""), "parameters[0]" },
        { "int with bounds beyond 1e15", Param("""{"name": "a", "type": "int", "low": 0, "high": 1e18}"""), "parameters[0]" },
        { "int with equal bounds", Param("""{"name": "a", "type": "int", "low": 4, "high": 4}"""), "parameters[0]" },
        { "log as a string", Param("""{"name": "a", "type": "float", "low": 1, "high": 2, "log": "yes"}"""), "parameters[0]" },
        { "parameter without a name", Param("""{"type": "float", "low": 0, "high": 1}"""), "parameters[0]" },
        { "parameter without a type", Param("""{"name": "a", "type": null, "low": 0, "high": 1}"""), "parameters[0]" },
        { "unknown parameter type", Param("""{"name": "a", "type": "Float64", "low": 0, "high": 1}"""), "parameters[0]" },
        { "categorical without choices", Param("""{"name": "c", "type": "categorical"}"""), "parameters[0]" },
        { "categorical with no choices", Param("""{"name": "c", "type": "categorical", "choices": []}"""), "parameters[0]" },
        { "categorical with duplicate choices", Param("""{"name": "c", "type": "categorical", "choices": ["a", "a"]}"""), "parameters[0]" },
        { "categorical with a null choice", Param("""{"name": "c", "type": "categorical", "choices": ["a", null]}"""), "parameters[0]" },
        { "categorical with an empty choice", Param("""{"name": "c", "type": "categorical", "choices": ["a", ""]}"""), "parameters[0]" },
        { "categorical with numeric choices", Param("""{"name": "c", "type": "categorical", "choices": [1, 2]}"""), "parameters[0]" },
        { "categorical with thousands of choices", Param($$"""{"name": "c", "type": "categorical", "choices": [{{string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"c{i}\""))}}]}"""), "parameters[0]" },
        { "duplicate parameter names", ValidStudy("""{"parameters": [{"name": "a", "type": "float", "low": 0, "high": 1}, {"name": "a", "type": "int", "low": 0, "high": 3}]}"""), "parameters[1]" },
        { "too many parameters", ValidStudy($$"""{"parameters": [{{string.Join(",", Enumerable.Range(0, 21).Select(i => $$"""{"name": "p{{i}}", "type": "float", "low": 0, "high": 1}"""))}}]}"""), "parameters" },
        { "enormous parameter name", Param($$"""{"name": "{{new string('p', 100_000)}}", "type": "float", "low": 0, "high": 1}"""), "parameters[0]" },
        { "enormous choice", Param($$"""{"name": "c", "type": "categorical", "choices": ["a", "{{new string('c', 100_000)}}"]}"""), "parameters[0]" },
        { "unknown sampler", ValidStudy("""{"sampler": {"name": "tpe"}}"""), "sampler" },
        { "sampler without a name", ValidStudy("""{"sampler": {"name": null}}"""), "sampler" },
        { "zero initial points", ValidStudy("""{"sampler": {"name": "gp-ei", "initialPoints": 0}}"""), "sampler.initialPoints" },
        { "negative xi", ValidStudy("""{"sampler": {"name": "gp-ei", "xi": -1}}"""), "sampler.xi" },
        { "NaN string xi", ValidStudy("""{"sampler": {"name": "gp-ei", "xi": "NaN"}}"""), "sampler" },
        { "negative kappa", ValidStudy("""{"sampler": {"name": "gp-ei", "acquisition": "ucb", "kappa": -2}}"""), "sampler.kappa" },
        { "unknown acquisition", ValidStudy("""{"sampler": {"name": "gp-ei", "acquisition": "thompson"}}"""), "sampler.acquisition" },
        { "seed overflowing int", ValidStudy("""{"sampler": {"name": "random", "seed": 4294967296}}"""), "sampler" },
        { "unknown pruner", ValidStudy("""{"pruner": {"name": "percentile"}}"""), "pruner.name" },
        { "median with negative startup", ValidStudy("""{"pruner": {"name": "median", "startupTrials": -1}}"""), "pruner.startupTrials" },
        { "median with negative warmup", ValidStudy("""{"pruner": {"name": "median", "warmupSteps": -1}}"""), "pruner.warmupSteps" },
        { "asha with zero resource", ValidStudy("""{"pruner": {"name": "asha", "minResource": 0}}"""), "pruner.minResource" },
        { "asha with reduction 1", ValidStudy("""{"pruner": {"name": "asha", "reductionFactor": 1}}"""), "pruner.reductionFactor" },
        { "hyperband without max", ValidStudy("""{"pruner": {"name": "hyperband"}}"""), "pruner.maxResource" },
        { "hyperband with max below min", ValidStudy("""{"pruner": {"name": "hyperband", "minResource": 5, "maxResource": 4}}"""), "pruner.maxResource" },
        { "hyperband whose bracket overflows", ValidStudy("""{"pruner": {"name": "hyperband", "minResource": 1000000000, "maxResource": 1000000001, "reductionFactor": 3}}"""), "pruner.maxResource" },
        { "hyperband with huge reduction", ValidStudy("""{"pruner": {"name": "hyperband", "minResource": 2, "maxResource": 100, "reductionFactor": 2147483647}}"""), "pruner.maxResource" },
        { "pruner settings of the wrong type", ValidStudy("""{"pruner": {"name": "median", "startupTrials": "five"}}"""), "pruner" },
        { "unknown analytic function", ValidStudy("""{"objective": {"kind": "analytic", "function": "../branin"}, "parameters": []}"""), "objective.function" },
        { "negative delay", ValidStudy("""{"objective": {"kind": "analytic", "function": "branin", "delaySeconds": -1}, "parameters": []}"""), "objective.delaySeconds" },
        { "analytic function with other parameters", ValidStudy("""{"objective": {"kind": "analytic", "function": "branin"}}"""), "parameters" },
        { "command without a name", ValidStudy("""{"objective": {"kind": "command"}}"""), "objective.command" },
        { "command as a shell line", ValidStudy("""{"objective": {"kind": "command", "command": "sh -c 'touch /tmp/pwned'"}}"""), "objective.command" },
        { "command as an absolute path", ValidStudy("""{"objective": {"kind": "command", "command": "/bin/sh"}}"""), "objective.command" },
        { "command as a relative path", ValidStudy("""{"objective": {"kind": "command", "command": "../../bin/sh"}}"""), "objective.command" },
        { "dataset path traversal", ValidStudy("""{"objective": {"kind": "alexnet", "dataset": "image-folder", "datasetPath": "data/../../../etc"}, "parameters": [{"name": "learning_rate", "type": "float", "low": 1e-4, "high": 0.1, "log": true}]}"""), "objective.datasetPath" },
        { "dataset absolute path", ValidStudy("""{"objective": {"kind": "alexnet", "dataset": "image-folder", "datasetPath": "/root"}, "parameters": [{"name": "learning_rate", "type": "float", "low": 1e-4, "high": 0.1, "log": true}]}"""), "objective.datasetPath" },
        { "dataset path with a NUL", ValidStudy("""{"objective": {"kind": "alexnet", "dataset": "image-folder", "datasetPath": "data/x\u0000/../../etc"}, "parameters": [{"name": "learning_rate", "type": "float", "low": 1e-4, "high": 0.1, "log": true}]}"""), "objective.datasetPath" },
        { "enormous dataset path", ValidStudy($$"""{"objective": {"kind": "alexnet", "dataset": "image-folder", "datasetPath": "/{{string.Join("/", Enumerable.Repeat(new string('d', 250), 400))}}"}, "parameters": [{"name": "learning_rate", "type": "float", "low": 1e-4, "high": 0.1, "log": true}]}"""), "objective.datasetPath" },
        { "dataset name as a path", ValidStudy("""{"objective": {"kind": "alexnet", "dataset": "../../etc/passwd"}, "parameters": [{"name": "learning_rate", "type": "float", "low": 1e-4, "high": 0.1, "log": true}]}"""), "objective.dataset" },
        { "unknown model", ValidStudy("""{"objective": {"kind": "alexnet", "model": "resnet"}, "parameters": [{"name": "learning_rate", "type": "float", "low": 1e-4, "high": 0.1, "log": true}]}"""), "objective.model" },
        { "zero epochs", ValidStudy("""{"objective": {"kind": "alexnet", "epochs": 0}, "parameters": [{"name": "learning_rate", "type": "float", "low": 1e-4, "high": 0.1, "log": true}]}"""), "objective" },
        { "negative batch", ValidStudy("""{"objective": {"kind": "alexnet", "batchSize": -1}, "parameters": [{"name": "learning_rate", "type": "float", "low": 1e-4, "high": 0.1, "log": true}]}"""), "objective" },
        { "momentum of one", ValidStudy("""{"objective": {"kind": "alexnet", "momentum": 1}, "parameters": [{"name": "learning_rate", "type": "float", "low": 1e-4, "high": 0.1, "log": true}]}"""), "objective" },
        { "train subset of one", ValidStudy("""{"objective": {"kind": "alexnet", "trainSubset": 1}, "parameters": [{"name": "learning_rate", "type": "float", "low": 1e-4, "high": 0.1, "log": true}]}"""), "objective" },
        { "alexnet parameter it does not use", ValidStudy("""{"objective": {"kind": "alexnet"}, "parameters": [{"name": "rm -rf", "type": "float", "low": 0, "high": 1}]}"""), "parameters[0]" },
        { "alexnet batch size as float", ValidStudy("""{"objective": {"kind": "alexnet"}, "parameters": [{"name": "batch_size", "type": "float", "low": 8, "high": 64}]}"""), "parameters[0]" },
        { "deeply nested body", new string('[', 100) + new string(']', 100), "body" },
    };

    [Theory]
    [MemberData(nameof(BadStudies))]
    public async Task A_bad_study_definition_is_a_400_naming_the_field_and_stores_nothing(string why, string body, string field)
    {
        var before = await fixture.SnapshotAsync();
        fixture.Factory.Errors.Clear();

        var response = await Client.PostRawAsync("/api/studies", body);

        var problem = await AssertProblemAsync(response, why, HttpStatusCode.BadRequest);
        var fields = problem["errors"]?.AsObject().Select(e => e.Key).ToList() ?? [];
        Assert.True(fields.Any(f => f.Contains(field, StringComparison.OrdinalIgnoreCase)) || (field == "body" && fields.Count > 0),
            $"{why}: expected an error naming {field}, got {string.Join(", ", fields)}");
        Assert.Equal(before, await fixture.SnapshotAsync());
    }

    /// <summary>Requests other than creating a study: (why, method, url, body or null, expected status).</summary>
    public static TheoryData<string, string, string, string?, int> BadRequests() => new()
    {
        { "get an unknown study", "GET", "/api/studies/2147483647", null, 404 },
        { "get a negative id", "GET", "/api/studies/-1", null, 404 },
        { "get an id overflowing int", "GET", "/api/studies/99999999999", null, 404 },
        { "get a non-numeric id", "GET", "/api/studies/abc", null, 404 },
        { "get a traversal id", "GET", "/api/studies/..%2F..%2Fetc", null, 404 },
        { "delete an unknown study", "DELETE", "/api/studies/2147483647", null, 404 },
        { "pause an unknown study", "POST", "/api/studies/2147483647/pause", null, 404 },
        { "resume a running study", "POST", "/api/studies/{study}/resume", null, 409 },
        { "cancel an unknown study", "POST", "/api/studies/2147483647/cancel", null, 404 },
        { "duplicate an unknown study", "POST", "/api/studies/2147483647/duplicate", null, 404 },
        { "compare an unknown study", "POST", "/api/studies/2147483647/compare", null, 404 },
        { "compare with zero seeds", "POST", "/api/studies/{study}/compare", """{"seeds": 0}""", 400 },
        { "compare with negative seeds", "POST", "/api/studies/{study}/compare", """{"seeds": -4}""", 400 },
        { "compare with too many seeds", "POST", "/api/studies/{study}/compare", """{"seeds": 11}""", 400 },
        { "compare with seeds overflowing int", "POST", "/api/studies/{study}/compare", """{"seeds": 1e12}""", 400 },
        { "compare with fractional seeds", "POST", "/api/studies/{study}/compare", """{"seeds": 2.5}""", 400 },
        { "compare with NaN seeds", "POST", "/api/studies/{study}/compare", """{"seeds": "NaN"}""", 400 },
        { "compare with an unknown field", "POST", "/api/studies/{study}/compare", """{"seed": 3}""", 400 },
        { "compare with an array body", "POST", "/api/studies/{study}/compare", "[3]", 400 },
        { "compare with invalid json", "POST", "/api/studies/{study}/compare", "{seeds: 3", 400 },
        { "comparable of an unknown study", "GET", "/api/studies/2147483647/comparable", null, 404 },
        { "retrain an unknown study", "POST", "/api/studies/2147483647/retrain", null, 404 },
        { "retrain an external study", "POST", "/api/studies/{study}/retrain", null, 409 },
        { "evaluations of an unknown study", "GET", "/api/studies/2147483647/evaluations", null, 404 },
        { "ask an unknown study", "POST", "/api/studies/2147483647/ask", null, 404 },
        { "tell an unknown study", "POST", "/api/studies/2147483647/trials/{running}/tell", """{"value": 1}""", 404 },
        { "tell an unknown trial", "POST", "/api/studies/{study}/trials/2147483647/tell", """{"value": 1}""", 404 },
        { "tell a trial id overflowing int", "POST", "/api/studies/{study}/trials/99999999999/tell", """{"value": 1}""", 404 },
        { "tell the trial of another study", "POST", "/api/studies/{study}/trials/{otherRunning}/tell", """{"value": 1}""", 404 },
        { "tell a told trial again", "POST", "/api/studies/{study}/trials/{told}/tell", """{"value": 2}""", 409 },
        { "tell a told trial failed", "POST", "/api/studies/{study}/trials/{told}/tell", """{"state": "failed"}""", 409 },
        { "tell a NaN literal", "POST", "/api/studies/{study}/trials/{running}/tell", """{"value": NaN}""", 400 },
        { "tell a NaN string", "POST", "/api/studies/{study}/trials/{running}/tell", """{"value": "NaN"}""", 400 },
        { "tell a -Infinity string", "POST", "/api/studies/{study}/trials/{running}/tell", """{"value": "-Infinity"}""", 400 },
        { "tell an overflowing value", "POST", "/api/studies/{study}/trials/{running}/tell", """{"value": 1e309}""", 400 },
        { "tell a value of the wrong type", "POST", "/api/studies/{study}/trials/{running}/tell", """{"value": true}""", 400 },
        { "tell a null value", "POST", "/api/studies/{study}/trials/{running}/tell", """{"value": null}""", 400 },
        { "tell an unknown state", "POST", "/api/studies/{study}/trials/{running}/tell", """{"state": "done", "value": 1}""", 400 },
        { "tell an empty state", "POST", "/api/studies/{study}/trials/{running}/tell", """{"state": "", "value": 1}""", 400 },
        { "tell with an unknown field", "POST", "/api/studies/{study}/trials/{running}/tell", """{"value": 1, "trial": 0}""", 400 },
        { "tell an empty body", "POST", "/api/studies/{study}/trials/{running}/tell", null, 400 },
        { "tell an enormous error", "POST", "/api/studies/{study}/trials/{running}/tell", $$"""{"state": "failed", "error": "{{new string('e', 200_000)}}"}""", 400 },
        { "tell an error with a NUL", "POST", "/api/studies/{study}/trials/{running}/tell", """{"state": "failed", "error": "out of memory\u0000"}""", 400 },
        { "put a study", "PUT", "/api/studies/{study}", """{"name": "renamed"}""", 405 },
        { "tell an array", "POST", "/api/studies/{study}/trials/{running}/tell", "[1]", 400 },
        { "tell a bare number", "POST", "/api/studies/{study}/trials/{running}/tell", "1.5", 400 },
        { "report to an unknown trial", "POST", "/api/studies/{study}/trials/2147483647/report", """{"step": 9, "value": 1}""", 404 },
        { "report to the trial of another study", "POST", "/api/studies/{study}/trials/{otherRunning}/report", """{"step": 9, "value": 1}""", 404 },
        { "report to a told trial", "POST", "/api/studies/{study}/trials/{told}/report", """{"step": 9, "value": 1}""", 409 },
        { "report a repeated step", "POST", "/api/studies/{study}/trials/{running}/report", """{"step": 3, "value": 1}""", 409 },
        { "report an earlier step", "POST", "/api/studies/{study}/trials/{running}/report", """{"step": 2, "value": 1}""", 409 },
        { "report a negative step", "POST", "/api/studies/{study}/trials/{running}/report", """{"step": -1, "value": 1}""", 400 },
        { "report a fractional step", "POST", "/api/studies/{study}/trials/{running}/report", """{"step": 4.5, "value": 1}""", 400 },
        { "report a step overflowing int", "POST", "/api/studies/{study}/trials/{running}/report", """{"step": 2147483648, "value": 1}""", 400 },
        { "report a NaN string", "POST", "/api/studies/{study}/trials/{running}/report", """{"step": 4, "value": "NaN"}""", 400 },
        { "report an Infinity string", "POST", "/api/studies/{study}/trials/{running}/report", """{"step": 4, "value": "Infinity"}""", 400 },
        { "report without a step", "POST", "/api/studies/{study}/trials/{running}/report", """{"value": 1}""", 400 },
        { "report without a value", "POST", "/api/studies/{study}/trials/{running}/report", """{"step": 4}""", 400 },
        { "report with an unknown field", "POST", "/api/studies/{study}/trials/{running}/report", """{"step": 4, "value": 1, "epoch": 4}""", 400 },
        { "report an empty body", "POST", "/api/studies/{study}/trials/{running}/report", null, 400 },
        { "best of an unknown study", "GET", "/api/studies/2147483647/best", null, 404 },
        { "best of a study with no completed trial", "GET", "/api/studies/{other}/best", null, 409 },
        { "csv of an unknown study", "GET", "/api/studies/2147483647/trials.csv", null, 404 },
        { "importance of an unknown study", "GET", "/api/studies/2147483647/importance", null, 404 },
        { "posterior of an unknown study", "GET", "/api/studies/2147483647/posterior", null, 404 },
        { "posterior over an unknown x", "GET", "/api/studies/{study}/posterior?x=../x", null, 400 },
        { "posterior over an unknown y", "GET", "/api/studies/{study}/posterior?x=x&y=%00", null, 400 },
        { "posterior over the same axis twice", "GET", "/api/studies/{study}/posterior?x=x&y=x", null, 400 },
        { "posterior along a categorical", "GET", "/api/studies/{study}/posterior?x=x&y=opt", null, 400 },
        { "posterior with resolution 1", "GET", "/api/studies/{study}/posterior?resolution=1", null, 400 },
        { "posterior with negative resolution", "GET", "/api/studies/{study}/posterior?x=x&y=n&resolution=-5", null, 400 },
        { "posterior with huge resolution", "GET", "/api/studies/{study}/posterior?resolution=100000", null, 400 },
        { "posterior with resolution overflowing int", "GET", "/api/studies/{study}/posterior?resolution=99999999999", null, 400 },
        { "posterior with a fractional resolution", "GET", "/api/studies/{study}/posterior?resolution=2.5", null, 400 },
        { "posterior up to a negative trial", "GET", "/api/studies/{study}/posterior?upTo=-1", null, 400 },
        { "posterior up to a non-number", "GET", "/api/studies/{study}/posterior?upTo=last", null, 400 },
        { "posterior fixing an unknown parameter", "GET", "/api/studies/{study}/posterior?fix.zz=1", null, 400 },
        { "posterior fixing a value outside the bounds", "GET", "/api/studies/{study}/posterior?x=x&fix.n=99", null, 400 },
        { "posterior fixing a NaN", "GET", "/api/studies/{study}/posterior?x=x&fix.n=NaN", null, 400 },
        { "posterior fixing a non-number", "GET", "/api/studies/{study}/posterior?x=x&fix.n=many", null, 400 },
        { "posterior fixing an unknown choice", "GET", "/api/studies/{study}/posterior?x=x&fix.opt=rmsprop", null, 400 },
        { "posterior fixing an int between integers", "GET", "/api/studies/{study}/posterior?x=x&fix.n=1.5", null, 400 },
        { "posterior fixing an overflowing number", "GET", "/api/studies/{study}/posterior?x=x&fix.n=1e400", null, 400 },
        { "posterior fixing an empty value", "GET", "/api/studies/{study}/posterior?x=x&fix.n=", null, 400 },
        { "posterior with x given twice", "GET", "/api/studies/{study}/posterior?x=x&x=n", null, 400 },
        { "posterior with an empty x", "GET", "/api/studies/{study}/posterior?x=", null, 400 },
        { "artifacts of an unknown study", "GET", "/api/studies/2147483647/trials/0/artifacts", null, 404 },
        { "artifacts of an unknown trial", "GET", "/api/studies/{study}/trials/-1/artifacts", null, 404 },
        { "artifact traversal", "GET", "/api/studies/{study}/trials/0/artifacts/..%2F..%2F..%2Fstudies.db", null, 404 },
        { "artifact absolute path", "GET", "/api/studies/{study}/trials/0/artifacts/%2Fetc%2Fpasswd", null, 404 },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_a_4xx_problem_with_a_message_and_changes_no_study(string why, string method, string url, string? body, int status)
    {
        var before = await fixture.SnapshotAsync();
        fixture.Factory.Errors.Clear();
        using var request = new HttpRequestMessage(new HttpMethod(method), fixture.Fill(url));
        if (method != "GET")
            request.Content = body is null ? ApiClient.EmptyJson() : new StringContent(fixture.Fill(body), System.Text.Encoding.UTF8, "application/json");

        var response = await Client.SendAsync(request);

        await AssertProblemAsync(response, why, (HttpStatusCode)status);
        Assert.Equal(before, await fixture.SnapshotAsync());
    }

    private async Task<JsonNode> AssertProblemAsync(HttpResponseMessage response, string why, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{why}: expected {(int)expected}, got {(int)response.StatusCode}: {Shorten(text)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = ProblemBodies.TryParse(text) ?? throw new Xunit.Sdk.XunitException($"{why}: the problem is not JSON: {Shorten(text)}");
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]), $"{why}: the problem has no detail: {Shorten(text)}");
        Assert.DoesNotContain("(Parameter '", (string)problem["detail"]!);
        var logged = new List<string>();
        while (fixture.Factory.Errors.TryDequeue(out var error)) logged.Add(error);
        Assert.True(logged.Count == 0, $"{why}: the host logged {string.Join("\n", logged)}");
        return problem;
    }

    private static string Shorten(string text) => text.Length > 600 ? text[..600] + "…" : text;
}
