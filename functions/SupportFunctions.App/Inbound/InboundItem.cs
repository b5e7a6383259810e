namespace SupportFunctions.App.Inbound;

/// <summary>
/// The queue message for one stored inbound request: which channel, where the whole request is kept, when it came,
/// and facts decided on receipt (a reserved case number for a call).
/// </summary>
public sealed record InboundItem(string Id, string Channel, string Blob, string ContentType, DateTimeOffset ReceivedAt)
{
    public string? CaseNumber { get; init; }
}
