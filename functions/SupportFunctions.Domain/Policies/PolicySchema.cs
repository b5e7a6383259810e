using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace SupportFunctions.Domain.Policies;

/// <summary>
/// The JSON Schema of policy documents, generated from the typed model so the two cannot drift: editors validate and
/// complete documents with it (policies/support-policy.schema.json), and a test compares the file with this output.
/// </summary>
public static class PolicySchema
{
    public const string FileName = "support-policy.schema.json";

    public static string Generate()
    {
        var options = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                var type = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
                if (type == typeof(TimeSpan))
                {
                    return new JsonObject { ["type"] = "string", ["format"] = "duration", ["description"] = "ISO 8601 duration, e.g. PT10M, PT24H, P7D" };
                }

                if (node is JsonObject obj && obj["type"] is JsonNode kind && kind.ToJsonString().Contains("object", StringComparison.Ordinal) && obj["properties"] is not null)
                {
                    obj["additionalProperties"] = false;
                    if (context.Path.IsEmpty)
                    {
                        ((JsonObject)obj["properties"]!)["$schema"] = new JsonObject { ["type"] = "string" };
                    }
                }

                return node;
            },
        };

        var schema = PolicyJson.Options.GetJsonSchemaAsNode(typeof(SupportPolicy), options).AsObject();
        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://supportfunctions.dev/schemas/" + FileName,
            ["title"] = "SupportFunctions support policy",
            ["description"] = "One vendor's support policy: categories, entitlement, severity and priority, calendars, SLA targets, lifecycle waits and retention.",
        };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            document[key] = value;
        }

        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
