namespace SupportFunctions.Domain.Policies;

public sealed record PriorityLevel
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Definition { get; init; }
}
