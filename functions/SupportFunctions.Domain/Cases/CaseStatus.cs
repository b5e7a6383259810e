namespace SupportFunctions.Domain.Cases;

public enum CaseStatus
{
    New,
    Open,
    PendingCustomer,
    OnHold,
    PendingThirdParty,
    Solved,
    Closed,
}
