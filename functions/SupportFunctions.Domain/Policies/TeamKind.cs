namespace SupportFunctions.Domain.Policies;

public enum TeamKind
{
    Support,
    Lead,
    AccountManagement,
    Engineering,
}
