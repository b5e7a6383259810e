using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace SupportFunctions.Domain.Policies;

/// <summary>
/// Compares a policy document with the shape of the typed model before deserializing it, so every structural problem
/// (unknown or misspelt member, wrong kind of value, unknown enum value, bad duration or date, missing required member)
/// is reported at once with its JSON path. The model's own types are the schema; nothing is listed twice.
/// </summary>
internal static class PolicyShapeCheck
{
    public static void Check(JsonElement element, Type type, string path, List<PolicyProblem> problems)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            if (element.ValueKind == JsonValueKind.Null)
            {
                return;
            }

            type = underlying;
        }

        if (type == typeof(string))
        {
            Expect(element, JsonValueKind.String, "a string", path, problems);
        }
        else if (type == typeof(int) || type == typeof(long))
        {
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out _))
            {
                problems.Add(new PolicyProblem(path, "must be a whole number"));
            }
        }
        else if (type == typeof(bool))
        {
            if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                problems.Add(new PolicyProblem(path, "must be true or false"));
            }
        }
        else if (type == typeof(TimeSpan))
        {
            if (element.ValueKind != JsonValueKind.String || !IsoDurationConverter.TryParse(element.GetString(), out _))
            {
                problems.Add(new PolicyProblem(path, "must be an ISO 8601 duration such as \"PT10M\", \"PT24H\" or \"P7D\""));
            }
        }
        else if (type == typeof(DateOnly))
        {
            if (element.ValueKind != JsonValueKind.String || !DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                problems.Add(new PolicyProblem(path, "must be a date \"yyyy-MM-dd\""));
            }
        }
        else if (type.IsEnum)
        {
            var names = Enum.GetNames(type).Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)).ToList();
            if (element.ValueKind != JsonValueKind.String || !names.Contains(element.GetString()!, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(new PolicyProblem(path, $"must be one of {string.Join(", ", names.Select(n => $"\"{n}\""))}"));
            }
        }
        else if (DictionaryValueType(type) is { } valueType)
        {
            if (Expect(element, JsonValueKind.Object, "an object", path, problems))
            {
                foreach (var member in element.EnumerateObject())
                {
                    Check(member.Value, valueType, $"{path}.{member.Name}", problems);
                }
            }
        }
        else if (ListItemType(type) is { } itemType)
        {
            if (Expect(element, JsonValueKind.Array, "an array", path, problems))
            {
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, itemType, $"{path}[{index++}]", problems);
                }
            }
        }
        else if (Expect(element, JsonValueKind.Object, "an object", path, problems))
        {
            CheckObject(element, type, path, problems);
        }
    }

    /// <summary>The JSON member names a model type accepts, for the schema test and error messages.</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> Members(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
            .ToDictionary(PolicyJson.NameOf, p => p, StringComparer.Ordinal);

    private static void CheckObject(JsonElement element, Type type, string path, List<PolicyProblem> problems)
    {
        var members = Members(type);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            if (member.Name == "$schema" && path == "$")
            {
                continue;
            }

            if (!members.TryGetValue(member.Name, out var property))
            {
                var suggestion = members.Keys
                    .Select(k => (Name: k, Distance: EditDistance(k.ToLowerInvariant(), member.Name.ToLowerInvariant())))
                    .Where(k => k.Distance <= 2)
                    .OrderBy(k => k.Distance)
                    .Select(k => k.Name)
                    .FirstOrDefault();
                problems.Add(new PolicyProblem($"{path}.{member.Name}", suggestion is null
                    ? $"is not a known member (known: {string.Join(", ", members.Keys.Order(StringComparer.Ordinal))})"
                    : $"is not a known member; did you mean \"{suggestion}\"?"));
                continue;
            }

            seen.Add(member.Name);
            Check(member.Value, property.PropertyType, $"{path}.{member.Name}", problems);
        }

        foreach (var (name, property) in members)
        {
            if (!seen.Contains(name) && property.GetCustomAttribute<RequiredMemberAttribute>() is not null)
            {
                problems.Add(new PolicyProblem($"{path}.{name}", "is required"));
            }
        }
    }

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

    private static bool Expect(JsonElement element, JsonValueKind kind, string what, string path, List<PolicyProblem> problems)
    {
        if (element.ValueKind == kind)
        {
            return true;
        }

        problems.Add(new PolicyProblem(path, $"must be {what}, not {element.ValueKind.ToString().ToLowerInvariant()}"));
        return false;
    }

    private static Type? DictionaryValueType(Type type)
    {
        if (type == typeof(LocalizedText))
        {
            return typeof(string);
        }

        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(IReadOnlyDictionary<,>) || d == typeof(Dictionary<,>) || d == typeof(IDictionary<,>))
            ? type
            : null;
        return dictionary?.GetGenericArguments()[1];
    }

    private static Type? ListItemType(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type.IsGenericType && type.GetGenericArguments().Length == 1 ? type.GetGenericArguments()[0] : null;
    }
}
