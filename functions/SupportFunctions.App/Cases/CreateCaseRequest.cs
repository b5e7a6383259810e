using System.Text.Json;

namespace SupportFunctions.App.Cases;

/// <summary>
/// The body of <c>POST /api/cases</c> as documented in OpenAPI. The endpoint reads the JSON itself so that every
/// wrong member is reported at once; this record describes the shape.
/// </summary>
public sealed record CreateCaseRequest(
    string Subject,
    string Description,
    string Category,
    IReadOnlyList<string>? ProductAreas,
    int? Severity,
    string? Environment,
    DateTimeOffset? OccurredAt,
    IReadOnlyList<string>? Cc,
    string? Impact,
    string? Urgency,
    string? Unavailability,
    bool? Workaround,
    IReadOnlyDictionary<string, JsonElement>? Fields,
    IReadOnlyList<AttachmentReference>? Attachments,
    AnonymousRequester? Requester);
