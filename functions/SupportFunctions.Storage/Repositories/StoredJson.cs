using System.Text.Json;

namespace SupportFunctions.Storage.Repositories;

/// <summary>Lists and maps stored in one table property as compact JSON.</summary>
internal static class StoredJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string? json, T fallback) => string.IsNullOrEmpty(json) ? fallback : JsonSerializer.Deserialize<T>(json, Options) ?? fallback;
}
