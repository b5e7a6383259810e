namespace SupportFunctions.Domain.Policies;

/// <summary>True when the case's field <see cref="Field"/> equals <see cref="EqualsValue"/> (case-insensitive).</summary>
public sealed record FieldCondition
{
    public required string Field { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("equals")]
    public required string EqualsValue { get; init; }
}
