using System.Text.Json;
using System.Text.RegularExpressions;

namespace SupportFunctions.App.Tests.Infrastructure;

/// <summary>What the deployment files set: the app settings of local.settings.sample.json and of infra/bicep/main.bicep.</summary>
public static partial class DeploymentFiles
{
    public static Dictionary<string, string> SampleValues()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
    }

    public static string Bicep() => File.ReadAllText(RepositoryPaths.Combine("infra", "bicep", "main.bicep"));

    /// <summary>The names of the Function App's app settings in the Bicep.</summary>
    public static HashSet<string> BicepSettings() => AppSettingName().Matches(Bicep()).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{ name: '([A-Za-z0-9_]+)', value:")]
    private static partial Regex AppSettingName();
}
