namespace SupportFunctions.Storage.Tables;

/// <summary>
/// Builds OData <c>$filter</c> expressions with every value written as a typed literal, so a value containing
/// <c>'</c> or an operator word stays a value and cannot change the query.
/// </summary>
public sealed class TableFilter
{
    private readonly string _expression;

    private TableFilter(string expression) => _expression = expression;

    public static TableFilter PartitionKeyEquals(string value) => Compare("PartitionKey", "eq", value);

    public static TableFilter RowKeyEquals(string value) => Compare("RowKey", "eq", value);

    public static TableFilter Equal(string property, object value) => Compare(property, "eq", value);

    public static TableFilter NotEqual(string property, object value) => Compare(property, "ne", value);

    public static TableFilter GreaterThan(string property, object value) => Compare(property, "gt", value);

    public static TableFilter GreaterThanOrEqual(string property, object value) => Compare(property, "ge", value);

    public static TableFilter LessThan(string property, object value) => Compare(property, "lt", value);

    public static TableFilter LessThanOrEqual(string property, object value) => Compare(property, "le", value);

    /// <summary>Keys starting with <paramref name="prefix"/>: <c>ge prefix and lt prefix+1</c> on the last character.</summary>
    public static TableFilter StartsWith(string property, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        return GreaterThanOrEqual(property, prefix).And(LessThan(property, upper));
    }

    public TableFilter And(TableFilter other) => new($"({_expression}) and ({other._expression})");

    public TableFilter Or(TableFilter other) => new($"({_expression}) or ({other._expression})");

    public TableFilter Not() => new($"not ({_expression})");

    public override string ToString() => _expression;

    private static TableFilter Compare(string property, string op, object value)
    {
        if (string.IsNullOrEmpty(property) || !property.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{property}' is not a table property name.", nameof(property));
        }

        return new TableFilter($"{property} {op} {Literal(value)}");
    }

    /// <summary>The value as an OData literal, formatted and escaped by the SDK (<see cref="Azure.Data.Tables.TableClient.CreateQueryFilter"/>).</summary>
    internal static string Literal(object value) => value switch
    {
        string or bool or int or long or double or DateTimeOffset or Guid or byte[] => Azure.Data.Tables.TableClient.CreateQueryFilter($"{value}"),
        DateTime dt => Literal(new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime())),
        Enum e => Literal(e.ToString()),
        _ => throw new ArgumentException($"Values of type {value.GetType().Name} cannot be used in a table filter.", nameof(value)),
    };
}
