using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportFunctions.Domain.Policies;

/// <summary>The JSON conventions of policy documents: camelCase names, camelCase enum values, ISO 8601 durations.</summary>
public static class PolicyJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The JSON name of a model property (its [JsonPropertyName] or its camelCase name).</summary>
    public static string NameOf(System.Reflection.PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttributes(typeof(JsonPropertyNameAttribute), false) is [JsonPropertyNameAttribute named, ..]
            ? named.Name
            : JsonNamingPolicy.CamelCase.ConvertName(property.Name);
    }

    public static string EnumValue<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            WriteIndented = true,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new IsoDurationConverter());
        options.MakeReadOnly();
        return options;
    }
}
