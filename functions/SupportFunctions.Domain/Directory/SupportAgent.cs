namespace SupportFunctions.Domain.Directory;

/// <summary>A member of the vendor's support staff.</summary>
public sealed record SupportAgent
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Email { get; init; }

    public IReadOnlyList<string> Teams { get; init; } = [];
}
