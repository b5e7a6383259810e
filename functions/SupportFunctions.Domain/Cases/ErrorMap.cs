namespace SupportFunctions.Domain.Cases;

/// <summary>Collects every broken rule by field, in the order found, for one validation answer.</summary>
public sealed class ErrorMap
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public int Count => _errors.Count;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }

    public void AddAll(IReadOnlyDictionary<string, string[]> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (field, messages) in other)
        {
            foreach (var message in messages)
            {
                Add(field, message);
            }
        }
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
