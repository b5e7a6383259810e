using System.Globalization;
using System.Text.Json;

namespace SupportFunctions.Storage.Tables;

/// <summary>Entity ↔ JSON (minimal metadata), annotating the Edm types JSON cannot carry by itself.</summary>
internal static class EntityJson
{
    private const string TypeSuffix = "@odata.type";

    public static byte[] Serialize(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, entity);
        }

        return buffer.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", entity.PartitionKey);
        writer.WriteString("RowKey", entity.RowKey);
        foreach (var (name, value) in entity)
        {
            switch (value)
            {
                case string s:
                    writer.WriteString(name, s);
                    break;
                case int i:
                    writer.WriteNumber(name, i);
                    break;
                case bool b:
                    writer.WriteBoolean(name, b);
                    break;
                case long l:
                    writer.WriteString(name + TypeSuffix, "Edm.Int64");
                    writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                    break;
                case double d:
                    // Annotated always: 2.0 would otherwise be written as 2 and read back as Int32.
                    writer.WriteString(name + TypeSuffix, "Edm.Double");
                    if (double.IsFinite(d))
                    {
                        writer.WriteNumber(name, d);
                    }
                    else
                    {
                        writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                    }

                    break;
                case DateTimeOffset dto:
                    writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                    writer.WriteString(name, dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                    break;
                case Guid g:
                    writer.WriteString(name + TypeSuffix, "Edm.Guid");
                    writer.WriteString(name, g.ToString("D"));
                    break;
                case byte[] bytes:
                    writer.WriteString(name + TypeSuffix, "Edm.Binary");
                    writer.WriteBase64String(name, bytes);
                    break;
                default:
                    throw new InvalidOperationException($"Property '{name}' has unsupported type {value.GetType().Name}.");
            }
        }

        writer.WriteEndObject();
    }

    public static TableEntity Read(JsonElement element, string? etagHeader = null)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                types[property.Name[..^TypeSuffix.Length]] = property.Value.GetString() ?? string.Empty;
            }
        }

        var entity = new TableEntity(element.GetProperty("PartitionKey").GetString()!, element.GetProperty("RowKey").GetString()!)
        {
            ETag = etagHeader,
        };
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name is "PartitionKey" or "RowKey" || name.EndsWith(TypeSuffix, StringComparison.Ordinal) || name.StartsWith("odata.", StringComparison.Ordinal))
            {
                if (name == "odata.etag")
                {
                    entity.ETag ??= property.Value.GetString();
                }

                continue;
            }

            if (name == "Timestamp")
            {
                entity.Timestamp = ParseDate(property.Value.GetString()!);
                continue;
            }

            entity[name] = ReadValue(property.Value, types.GetValueOrDefault(name));
        }

        return entity;
    }

    private static object? ReadValue(JsonElement value, string? edmType) => edmType switch
    {
        "Edm.Int64" => value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64(),
        "Edm.Int32" => value.GetInt32(),
        "Edm.DateTime" => ParseDate(value.GetString()!),
        "Edm.Guid" => Guid.Parse(value.GetString()!),
        "Edm.Binary" => value.GetBytesFromBase64(),
        "Edm.Boolean" => value.GetBoolean(),
        "Edm.Double" => value.ValueKind == JsonValueKind.String
            ? value.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                var s => double.Parse(s!, CultureInfo.InvariantCulture),
            }
            : value.GetDouble(),
        "Edm.String" => value.GetString(),
        _ => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var i) => i,
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        },
    };

    private static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
