using System.Collections;

namespace SupportFunctions.Storage.Tables;

/// <summary>
/// A table row: keys, the service's ETag and Timestamp, and typed properties limited to the Edm types we use
/// (String, Int32, Int64, Boolean, DateTime as <see cref="DateTimeOffset"/>, Guid, Double, Binary).
/// </summary>
public sealed class TableEntity : IEnumerable<KeyValuePair<string, object>>
{
    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey)
    {
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; }

    public string RowKey { get; }

    /// <summary>The service's opaque version tag; send it back in If-Match to update only what you read.</summary>
    public string? ETag { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public IReadOnlyDictionary<string, object> Properties => _properties;

    /// <summary>Sets a property; null removes it (a table row has no null values).</summary>
    public object? this[string name]
    {
        get => _properties.TryGetValue(name, out var value) ? value : null;
        set
        {
            if (value is null)
            {
                _properties.Remove(name);
                return;
            }

            _properties[name] = value switch
            {
                string or int or long or bool or Guid or double or byte[] or DateTimeOffset => value,
                DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime()),
                Enum e => e.ToString(),
                _ => throw new ArgumentException($"Property '{name}' has type {value.GetType().Name}; table properties are string, int, long, bool, DateTimeOffset, Guid, double or byte[].", nameof(value)),
            };
        }
    }

    public void Add(string name, object? value) => this[name] = value;

    public string? GetString(string name) => this[name] as string;

    public int? GetInt32(string name) => this[name] switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        _ => null,
    };

    public long? GetInt64(string name) => this[name] switch
    {
        long l => l,
        int i => i,
        _ => null,
    };

    public bool? GetBoolean(string name) => this[name] as bool?;

    public double? GetDouble(string name) => this[name] switch
    {
        double d => d,
        int i => i,
        long l => l,
        _ => null,
    };

    public DateTimeOffset? GetDateTimeOffset(string name) => this[name] as DateTimeOffset?;

    public Guid? GetGuid(string name) => this[name] as Guid?;

    public byte[]? GetBinary(string name) => this[name] as byte[];

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
