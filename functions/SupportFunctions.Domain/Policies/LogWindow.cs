namespace SupportFunctions.Domain.Policies;

/// <summary>How long the vendor keeps a kind of log: a report about an older occurrence is accepted with a warning.</summary>
public sealed record LogWindow
{
    public required string Id { get; init; }

    /// <summary>The retention data class the logs belong to (e.g. smsDeliveryLogs).</summary>
    public required string DataClass { get; init; }

    public required TimeSpan Window { get; init; }

    public required LocalizedText Notice { get; init; }
}
