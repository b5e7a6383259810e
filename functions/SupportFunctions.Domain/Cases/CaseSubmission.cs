namespace SupportFunctions.Domain.Cases;

/// <summary>What a requester submits to open a case, already read from its wire form (web form, email, call, queue message).</summary>
public sealed record CaseSubmission
{
    public string? Subject { get; init; }

    public string? Description { get; init; }

    public string? Category { get; init; }

    public IReadOnlyList<string> ProductAreas { get; init; } = [];

    public int? Severity { get; init; }

    public string? Environment { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }

    public IReadOnlyList<string> Cc { get; init; } = [];

    public string? Impact { get; init; }

    public string? Urgency { get; init; }

    public string? Unavailability { get; init; }

    public bool? Workaround { get; init; }

    /// <summary>Category fields by id, as text (JSON fields as their JSON text, lists comma-separated).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>Files whose presence and size storage has confirmed.</summary>
    public IReadOnlyList<ConfirmedAttachment> Attachments { get; init; } = [];
}
