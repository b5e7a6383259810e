using SupportFunctions.Domain.Cases;

namespace SupportFunctions.App.Cases;

/// <summary>A case to open for a requester a channel has identified, with its idempotency claim and stored files.</summary>
public sealed record CaseOpeningRequest(Requester Requester, CaseSubmission Submission, string Actor, IdempotencyClaim? Idempotency)
{
    /// <summary>Files already in storage (confirmed uploads, email attachments), matching <see cref="CaseSubmission.Attachments"/>.</summary>
    public IReadOnlyList<CaseAttachment> Attachments { get; init; } = [];

    /// <summary>Extra data for the acknowledgement intent (e.g. the Message-ID it answers).</summary>
    public IReadOnlyDictionary<string, string>? AcknowledgementData { get; init; }
}
