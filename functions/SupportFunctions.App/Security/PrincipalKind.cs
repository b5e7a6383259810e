namespace SupportFunctions.App.Security;

public enum PrincipalKind
{
    Contact,
    Agent,
    Admin,
    Partner,
}
