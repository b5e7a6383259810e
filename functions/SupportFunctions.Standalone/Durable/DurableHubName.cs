using System.Text;
using SupportFunctions.App.Durable;

namespace SupportFunctions.Standalone.Durable;

/// <summary>
/// The task hub's name: configured, or "supportfunctions" followed by the storage prefix, so deployments and test runs
/// that share an account by prefix get separate hubs. Task hub names allow letters and digits only, 3 to 45 of them.
/// </summary>
public static class DurableHubName
{
    public const int MaxLength = 45;

    public static string For(string? configured, string? storagePrefix)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var name = new StringBuilder("supportfunctions");
        foreach (var c in storagePrefix ?? string.Empty)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(c);
            }
        }

        return name.Length > MaxLength ? name.ToString(0, MaxLength) : name.ToString();
    }
}
