namespace SupportFunctions.Domain.Policies;

/// <summary>One row of the priority decision table. Null conditions match any value, including none.</summary>
public sealed record PriorityRule
{
    public string? Environment { get; init; }

    public Unavailability? Unavailability { get; init; }

    public bool? Workaround { get; init; }

    public required string Priority { get; init; }
}
