namespace SupportFunctions.Domain.Cases;

public enum IntakeOutcome
{
    /// <summary>The submission breaks rules; nothing is created (422 with every broken rule).</summary>
    Invalid,

    /// <summary>The requester may not open this case and the policy refuses (403 with the reason).</summary>
    Refused,

    /// <summary>A case is opened.</summary>
    Accepted,

    /// <summary>A case is recorded and closed at once, with a notice saying who can submit.</summary>
    AcceptedAndClosed,
}
