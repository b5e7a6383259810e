namespace SupportFunctions.Domain.Policies;

/// <summary>What happens to a submission from someone not entitled: refused with the reason, or accepted and closed at once with a notice.</summary>
public sealed record NonEntitledHandling
{
    public NonEntitledOutcome Outcome { get; init; } = NonEntitledOutcome.Refuse;

    /// <summary>Tells the requester who can submit instead.</summary>
    public LocalizedText Notice { get; init; } = LocalizedText.Of("en", "You are not entitled to open this kind of case. Ask an administrator of your account to submit it.");
}
