namespace SupportFunctions.Domain.Policies;

/// <summary>How long one class of stored data is kept (null window: kept).</summary>
public sealed record RetentionClass
{
    public required string DataClass { get; init; }

    public TimeSpan? Window { get; init; }

    public string? Description { get; init; }
}
