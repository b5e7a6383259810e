using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupportFunctions.App.Admin;

/// <summary>
/// JSON Merge Patch (RFC 7396): the current resource as JSON, with the patch's members replacing it (null removes), read
/// back as the create request so an update passes exactly the same rules as a create.
/// </summary>
public static class MergePatch
{
    public static T Apply<T>(T current, JsonElement patch, JsonSerializerOptions options)
    {
        var target = JsonSerializer.SerializeToNode(current, options) ?? new JsonObject();
        var merged = Merge(target, JsonNode.Parse(patch.GetRawText()));
        return merged.Deserialize<T>(options)!;
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Merge(result[name]?.DeepClone(), value);
            }
        }

        return result;
    }
}
