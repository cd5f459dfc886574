using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using BoDashboard.Optimization;
using BoDashboard.Optimization.Space;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Persistence;

namespace BoDashboard.Studies.Service;

/// <summary>The JSON documents stored in study and trial rows (camelCase, like the REST API), and their readers.</summary>
public static class StudyJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // The same shape as the REST API's documents: unset optional settings are left out.
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The same documents indented, for files people read: the exported best trial.</summary>
    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static string SerializeIndented<T>(T value) => JsonSerializer.Serialize(value, Indented);

    public static ObjectiveDefinition Objective(StudyEntity s) => JsonSerializer.Deserialize<ObjectiveDefinition>(s.ObjectiveJson, Options)!;

    public static SamplerDefinition Sampler(StudyEntity s) => JsonSerializer.Deserialize<SamplerDefinition>(s.SamplerJson, Options)!;

    public static IReadOnlyList<ParameterDefinition> Parameters(StudyEntity s) =>
        JsonSerializer.Deserialize<List<ParameterDefinition>>(s.SearchSpaceJson, Options)!;

    public static PrunerDefinition? Pruner(StudyEntity s) =>
        s.PrunerJson is null ? null : JsonSerializer.Deserialize<PrunerDefinition>(s.PrunerJson, Options);

    public static StudyDefinition Definition(StudyEntity s) => new(
        s.Name, Objective(s), Parameters(s), Sampler(s), s.Direction, s.Budget, s.Parallelism, s.MaxConsecutiveFailures, Pruner(s));

    /// <summary>A stored study is re-validated on load, which also rebuilds its search space and sampler settings.</summary>
    public static ValidatedStudy Validated(StudyEntity s) => StudyValidator.ValidateStored(Definition(s));

    public static IntermediateValue Intermediate(IntermediateValueEntity v) => new(v.Step, v.Value,
        v.MetricsJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, double>>(v.MetricsJson, Options));

    /// <summary>Reads stored parameters back into the canonical types (double, long, string).</summary>
    /// <remarks>A long study's ask calls this once per trial (20,000 values at 1,000 trials of 20 parameters), so it
    /// allocates little: no string per name (names are matched in place, the space's next parameter first, the order
    /// they are written in) and no byte array per trial. Compiled optimised from its first call: while a process is
    /// still compiling its database code the runtime may leave this loop unoptimised for many asks.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyDictionary<string, object> Params(string paramsJson, SearchSpace space)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(paramsJson.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(paramsJson, buffer);
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new JsonException("stored trial parameters are not a JSON object");
            var values = new Dictionary<string, object>(space.Parameters.Count, StringComparer.Ordinal);
            var expected = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var index = IndexOfName(ref reader, space, expected);
                reader.Read();
                if (index < 0)
                {
                    reader.Skip();
                    continue;
                }

                expected = index + 1;
                var p = space.Parameters[index];
                var isNumber = reader.TokenType == JsonTokenType.Number;
                values[p.Name] = p switch
                {
                    IntParameter => isNumber ? (object)(long)Math.Round(reader.GetDouble()) : long.Parse(reader.GetString()!, CultureInfo.InvariantCulture),
                    FloatParameter => isNumber ? reader.GetDouble() : double.Parse(reader.GetString()!, CultureInfo.InvariantCulture),
                    _ => reader.TokenType == JsonTokenType.String ? reader.GetString()! : JsonElement.ParseValue(ref reader).GetRawText(),
                };
            }

            return values;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The parameter whose name the reader's property name is (unescaped, ordinal), trying
    /// <paramref name="expected"/> first; -1 for a name the space does not have.</summary>
    private static int IndexOfName(ref Utf8JsonReader reader, SearchSpace space, int expected)
    {
        var parameters = space.Parameters;
        if (expected < parameters.Count && reader.ValueTextEquals(parameters[expected].Name))
        {
            return expected;
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            if (i != expected && reader.ValueTextEquals(parameters[i].Name))
            {
                return i;
            }
        }

        return -1;
    }

    public static TrialState State(string state) => state switch
    {
        TrialStates.Running => TrialState.Running,
        TrialStates.Complete => TrialState.Complete,
        TrialStates.Failed => TrialState.Failed,
        TrialStates.Pruned => TrialState.Pruned,
        _ => TrialState.Cancelled,
    };

    public static TrialRecord Record(TrialEntity t, SearchSpace space, IReadOnlyList<Optimization.Pruners.StepValue>? curve = null) =>
        new(t.Number, Params(t.ParamsJson, space), State(t.State), t.Value, curve);
}
