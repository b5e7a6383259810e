namespace SupportFunctions.Domain.Policies;

public enum NonEntitledOutcome
{
    Refuse,
    AcceptAndClose,
}
