namespace SupportFunctions.App.Policies;

/// <summary><c>SupportFunctions:Policy</c>: the path of the deployment's policy document.</summary>
public static class PolicyOptions
{
    public const string Setting = "SupportFunctions:Policy";
}
