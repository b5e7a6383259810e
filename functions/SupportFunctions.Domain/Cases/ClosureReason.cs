namespace SupportFunctions.Domain.Cases;

/// <summary>How a case ends, with or without a resolution.</summary>
public enum ClosureReason
{
    Resolved,
    Defect,
    Enhancement,
    ThirdParty,

    /// <summary>An administrator or the customer's IT must act: the case waits for them, then closes by itself.</summary>
    CustomerChange,
}
