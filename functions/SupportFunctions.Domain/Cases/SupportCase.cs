namespace SupportFunctions.Domain.Cases;

/// <summary>A support case as stored and shown: what was reported, how it is classified, who asked, and where it stands.</summary>
public sealed record SupportCase
{
    public required string Number { get; init; }

    public required string Subject { get; init; }

    public required string Description { get; init; }

    public required string Category { get; init; }

    public required CaseStatus Status { get; init; }

    public required int Severity { get; init; }

    public string? Priority { get; init; }

    public required string Team { get; init; }

    /// <summary>The agent working the case, if assigned.</summary>
    public string? AssigneeId { get; init; }

    public string? Environment { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }

    public IReadOnlyList<string> ProductAreas { get; init; } = [];

    public IReadOnlyList<string> Cc { get; init; } = [];

    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    public required string Channel { get; init; }

    public string? RequesterContactId { get; init; }

    public required string RequesterEmail { get; init; }

    public string? RequesterName { get; init; }

    public string? AccountId { get; init; }

    /// <summary>
    /// The request that opened the case: a fingerprint of its caller, idempotency key and body, or a token of its own.
    /// A create that finds its number taken compares it to tell a retry of itself from another request's case.
    /// </summary>
    public string? Origin { get; init; }

    /// <summary>False for anonymous requesters and accounts without an active contract: their views never show account data.</summary>
    public bool MaySeeAccountData { get; init; }

    /// <summary>Language for messages to the requester (contact, then account, then policy).</summary>
    public required string Language { get; init; }

    /// <summary>The customer's IANA time zone, for business hours.</summary>
    public required string TimeZone { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Number of changes; each change writes the event with this sequence number.</summary>
    public int Version { get; init; } = 1;

    public IReadOnlyList<CaseWarning> Warnings { get; init; } = [];

    public string? ClosureReason { get; init; }

    public string? ClosureNotice { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>When the case last became Solved or Closed (the end of "time to solve"); cleared by a reopen.</summary>
    public DateTimeOffset? SolvedAt { get; init; }

    /// <summary>SLA clocks and pause ledger.</summary>
    public Sla.SlaState Sla { get; init; } = new();

    /// <summary>Set while the case waits for a change the customer must make; the auto-close counts from here.</summary>
    public DateTimeOffset? AwaitingCustomerChangeSince { get; init; }

    /// <summary>What the customer was asked to change (the closing agent's note), told again in the reminder and the auto-close mail.</summary>
    public string? AwaitingCustomerChange { get; init; }

    /// <summary>The defect a case was closed against.</summary>
    public string? DefectId { get; init; }

    /// <summary>The release in which the linked defect was announced fixed to the requester (once per release).</summary>
    public string? DefectFixedIn { get; init; }

    /// <summary>When the case was escalated to the support leads (by a customer request, a breach, or repeated errors).</summary>
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>When retention removed the requester's personal data from this closed case (null: not yet).</summary>
    public DateTimeOffset? AnonymisedAt { get; init; }

    /// <summary>The people customer-visible updates go to: requester and CCs, each once.</summary>
    public IReadOnlyList<string> CustomerRecipients() =>
        new[] { RequesterEmail }.Concat(Cc).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
