namespace SupportFunctions.Domain.Cases;

/// <summary>
/// A message that must be sent because of a case change, recorded together with that change (the outbox); delivery
/// happens later and exactly once per <see cref="Id"/>.
/// </summary>
public sealed record NotificationIntent
{
    public required string Id { get; init; }

    public required string CaseNumber { get; init; }

    public required string Kind { get; init; }

    public required IReadOnlyList<string> Recipients { get; init; }

    public required string Language { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
}
