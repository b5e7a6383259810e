namespace SupportFunctions.Domain.Policies;

/// <summary>A closed day, or a closed part of a day when <see cref="Closed"/> lists intervals ("12:00-17:00").</summary>
public sealed record HolidayDefinition
{
    public required DateOnly Date { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<string> Closed { get; init; } = [];
}
