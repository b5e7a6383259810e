namespace SupportFunctions.Domain.Policies;

/// <summary>How email sent to support becomes cases: our addresses, where unmatched mail goes, spam and flood limits.</summary>
public sealed record InboundEmailRules
{
    /// <summary>The support address customers write to and replies come from; <c>support+CS-000123@…</c> threads to a case.</summary>
    public required string SupportAddress { get; init; }

    /// <summary>Domains we send from besides the support address's: mail from them never opens a case (loop protection).</summary>
    public IReadOnlyList<string> OwnDomains { get; init; } = [];

    /// <summary>Category of a new case mailed to an address no category lists in its inboundAddresses.</summary>
    public required string DefaultCategory { get; init; }

    /// <summary>Mail to these addresses asks the leads to look at the case it threads to, or opens an escalated case.</summary>
    public IReadOnlyList<string> EscalationAddresses { get; init; } = [];

    /// <summary>Mail with a SpamAssassin score above this is quarantined (stored, listed, not a case); null: no spam check.</summary>
    public double? SpamScoreThreshold { get; init; } = 5.0;

    /// <summary>At most this many messages from one sender per <see cref="SenderWindow"/> are processed; the rest are held.</summary>
    public int SenderLimit { get; init; } = 20;

    public TimeSpan SenderWindow { get; init; } = TimeSpan.FromHours(1);
}
