using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace SupportFunctions.Domain.Policies;

/// <summary>Durations in policy documents are ISO 8601 ("PT10M", "PT24H", "P7D"): readable, and what JSON Schema calls "duration".</summary>
internal sealed class IsoDurationConverter : JsonConverter<TimeSpan>
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || !text.StartsWith('P'))
        {
            return false;
        }

        try
        {
            value = XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TryParse(reader.GetString(), out var value) ? value : throw new JsonException($"'{reader.GetString()}' is not an ISO 8601 duration such as PT10M or P7D.");

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) => writer.WriteStringValue(XmlConvert.ToString(value));
}
