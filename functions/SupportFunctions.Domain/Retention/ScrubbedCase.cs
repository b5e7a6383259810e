using SupportFunctions.Domain.Cases;

namespace SupportFunctions.Domain.Retention;

/// <summary>A closed case with its personal data removed, and the events and attachment rows whose text changed.</summary>
public sealed record ScrubbedCase(SupportCase Case, IReadOnlyList<CaseEvent> ChangedEvents, IReadOnlyList<CaseAttachment> ChangedAttachments, int Redactions);
