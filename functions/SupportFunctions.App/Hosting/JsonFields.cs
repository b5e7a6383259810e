using System.Text.Json;

namespace SupportFunctions.App.Hosting;

/// <summary>Optional members of a small JSON request body, read leniently: a missing or wrong-typed member is null, and the caller's rules say what is required.</summary>
public static class JsonFields
{
    public static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim() : null;

    public static int? WholeNumber(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
