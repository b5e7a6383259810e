namespace SupportFunctions.Domain.Policies;

/// <summary>What every case must satisfy whatever its category: numbering, sizes, channels, environments, product areas.</summary>
public sealed record IntakeRules
{
    /// <summary>Case numbers read <c>{Prefix}-{number padded to NumberDigits}</c>, e.g. CS-000123.</summary>
    public string CaseNumberPrefix { get; init; } = "CS";

    public int CaseNumberDigits { get; init; } = 6;

    public int MaxSubjectLength { get; init; } = 200;

    public int MaxDescriptionLength { get; init; } = 32_000;

    public int MaxCcEmails { get; init; } = 20;

    /// <summary>Channels cases may arrive through (web, email, phone, api, chat, queue).</summary>
    public IReadOnlyList<string> Channels { get; init; } = ["web", "email", "api", "queue"];

    /// <summary>Allowed environment values; empty means the field is free text.</summary>
    public IReadOnlyList<string> Environments { get; init; } = [];

    /// <summary>Allowed product areas; empty means any.</summary>
    public IReadOnlyList<string> ProductAreas { get; init; } = [];

    /// <summary>Severity given when the requester does not ask for one.</summary>
    public int DefaultSeverity { get; init; } = 3;

    /// <summary>
    /// Channels without a form (a call, a mail): a case opened through them may lack category fields; it opens with an
    /// "information-missing" warning listing them instead of being refused.
    /// </summary>
    public IReadOnlyList<string> DeferredFieldChannels { get; init; } = ["phone", "email"];

    public AttachmentRules Attachments { get; init; } = new();
}
