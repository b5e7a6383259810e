using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Pointer;
using Json.Schema;

namespace SupportFunctions.Domain.Policies;

/// <summary>
/// Validates a policy document against its JSON Schema (draft 2020-12, the one <see cref="PolicySchema"/> generates from
/// the typed model and ships as policies/support-policy.schema.json) with JsonSchema.Net, so editors and the engine
/// judge a document by the same schema. Every failure is reported at once, at its JSON pointer, in words an author can
/// act on: the expected kind, the allowed values, the missing member, the member a typo probably meant.
/// </summary>
internal static class PolicySchemaCheck
{
    private static readonly Lazy<(JsonSchema Schema, JsonObject Node)> Compiled = new(Compile);

    private static readonly EvaluationOptions Evaluation = CreateEvaluationOptions();

    public static IReadOnlyList<PolicyProblem> Check(JsonElement document)
    {
        var (schema, node) = Compiled.Value;
        var results = schema.Evaluate(document, Evaluation);
        if (results.IsValid)
        {
            return [];
        }

        var problems = new List<PolicyProblem>();
        foreach (var result in results.Details ?? [])
        {
            foreach (var (keyword, message) in result.Errors ?? new Dictionary<string, string>())
            {
                problems.AddRange(Describe(keyword, message, result.InstanceLocation, document, node));
            }
        }

        return problems.DistinctBy(p => (p.Path, p.Rule)).OrderBy(p => p.JsonPointer, StringComparer.Ordinal).ToList();
    }

    private static (JsonSchema, JsonObject) Compile()
    {
        var text = PolicySchema.Generate();
        // A private registry: the schema's $id must not collide with another copy built in the same process.
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return (JsonSchema.FromText(text, build), JsonNode.Parse(text)!.AsObject());
    }

    private static EvaluationOptions CreateEvaluationOptions()
    {
        var formats = new FormatRegistry();
        // The engine reads durations with IsoDurationConverter; the schema must accept exactly what it accepts.
        formats.Register(new PredicateFormat("duration", e => e.ValueKind != JsonValueKind.String || IsoDurationConverter.TryParse(e.GetString(), out _)));
        return new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true, FormatRegistry = formats };
    }

    private static IEnumerable<PolicyProblem> Describe(string keyword, string message, JsonPointer at, JsonElement document, JsonObject schemaRoot)
    {
        var schema = SchemaAt(schemaRoot, at);
        var format = schema?["format"]?.GetValue<string>();
        var pointer = at.ToString();
        switch (keyword)
        {
            case "type":
                yield return PolicyProblem.AtPointer(pointer, $"must be {Kinds(schema?["type"])}, not {KindOf(at.Evaluate(document))}");
                break;
            case "enum":
                yield return PolicyProblem.AtPointer(pointer, $"must be one of {string.Join(", ", (schema?["enum"]?.AsArray() ?? []).Where(v => v is not null).Select(v => v!.ToJsonString()))}");
                break;
            case "required":
                var instance = at.Evaluate(document);
                foreach (var name in schema?["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? [])
                {
                    if (instance is { ValueKind: JsonValueKind.Object } obj && !obj.TryGetProperty(name, out _))
                    {
                        yield return PolicyProblem.AtPointer(at.Combine(name).ToString(), "is required");
                    }
                }

                break;
            case "" when at.SegmentCount > 0 && at.GetParent(1) is { } owner && SchemaAt(schemaRoot, owner) is JsonObject parent && parent["properties"] is JsonObject known:
                // additionalProperties: false — the member is not in the model; $schema is allowed at the top only.
                yield return PolicyProblem.AtPointer(pointer, UnknownMember(at[at.SegmentCount - 1].ToString(), known.Select(p => p.Key).Where(k => k != "$schema" || at.SegmentCount > 1)));
                break;
            case "format" when format == "duration":
                yield return PolicyProblem.AtPointer(pointer, "must be an ISO 8601 duration such as \"PT10M\", \"PT24H\" or \"P7D\"");
                break;
            case "format" when format == "date":
                yield return PolicyProblem.AtPointer(pointer, "must be a date \"yyyy-MM-dd\"");
                break;
            default:
                yield return PolicyProblem.AtPointer(pointer, $"breaks the schema's \"{keyword}\" rule: {message}");
                break;
        }
    }

    private static string UnknownMember(string name, IEnumerable<string> known)
    {
        var names = known.Order(StringComparer.Ordinal).ToList();
        var suggestion = names
            .Select(k => (Name: k, Distance: EditDistance(k.ToLowerInvariant(), name.ToLowerInvariant())))
            .Where(k => k.Distance <= 2)
            .OrderBy(k => k.Distance)
            .Select(k => k.Name)
            .FirstOrDefault();
        return suggestion is null
            ? $"is not a known member (known: {string.Join(", ", names)})"
            : $"is not a known member; did you mean \"{suggestion}\"?";
    }

    /// <summary>The subschema that governs the instance at <paramref name="at"/>, following properties, items, map values and local $refs.</summary>
    private static JsonObject? SchemaAt(JsonObject root, JsonPointer at)
    {
        var current = Resolve(root, root);
        for (var i = 0; i < at.SegmentCount && current is not null; i++)
        {
            var segment = at[i].ToString();
            current = Resolve(root, current["properties"] is JsonObject properties && properties[segment] is JsonObject property
                ? property
                : current["items"] is JsonObject items && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                    ? items
                    : current["additionalProperties"] as JsonObject);
        }

        return current;
    }

    private static JsonObject? Resolve(JsonObject root, JsonObject? schema)
    {
        for (var hops = 0; hops < 8 && schema?["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal); hops++)
        {
            schema = JsonPointer.Parse(reference[1..]).TryEvaluate(root, out var target) ? target as JsonObject : null;
        }

        return schema;
    }

    private static string Kinds(JsonNode? type)
    {
        var kinds = type is JsonArray array ? array.Select(t => t!.GetValue<string>()) : type is null ? [] : [type.GetValue<string>()];
        var words = kinds.Select(k => k switch
        {
            "string" => "a string",
            "integer" => "a whole number",
            "number" => "a number",
            "boolean" => "true or false",
            "object" => "an object",
            "array" => "an array",
            _ => k,
        }).ToList();
        return words.Count == 0 ? "another kind of value" : string.Join(" or ", words);
    }

    private static string KindOf(JsonElement? element) => element?.ValueKind switch
    {
        JsonValueKind.Number => element.Value.TryGetInt64(out _) ? "a whole number" : "a number with a fraction",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "a string",
    };

    /// <summary>Levenshtein distance, to suggest the member a typo meant.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
