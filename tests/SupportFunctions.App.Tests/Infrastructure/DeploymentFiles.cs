using System.Diagnostics;
using System.Text.Json;

namespace SupportFunctions.App.Tests.Infrastructure;

/// <summary>
/// What the deployment files set: the app settings of local.settings.sample.json, and of infra/bicep/main.bicep as
/// compiled to an ARM template by the pinned Bicep CLI (scripts/bicep-check; scripts/test compiles it once and names the
/// file in SUPPORTFUNCTIONS_ARM_TEMPLATE).
/// </summary>
public static class DeploymentFiles
{
    public static Dictionary<string, string> SampleValues()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
    }

    public static string Bicep() => File.ReadAllText(RepositoryPaths.Combine("infra", "bicep", "main.bicep"));

    /// <summary>The names of the Function App's app settings in the compiled template.</summary>
    public static HashSet<string> BicepSettings()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(ArmTemplatePath()));
        var resources = template.RootElement.GetProperty("resources");
        var all = resources.ValueKind == JsonValueKind.Object ? resources.EnumerateObject().Select(r => r.Value) : resources.EnumerateArray();
        var site = all.Single(r => r.GetProperty("type").GetString() == "Microsoft.Web/sites");
        return site.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .Select(s => s.GetProperty("name").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string ArmTemplatePath()
    {
        if (Environment.GetEnvironmentVariable("SUPPORTFUNCTIONS_ARM_TEMPLATE") is { Length: > 0 } compiled && File.Exists(compiled))
        {
            return compiled;
        }

        // Run outside scripts/test: compile it here, the same way.
        var output = Path.Combine(Path.GetTempPath(), $"main-{Guid.NewGuid():N}.json");
        using var check = Process.Start(new ProcessStartInfo(RepositoryPaths.Combine("scripts", "bicep-check"), output) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var errors = check.StandardError.ReadToEnd();
        check.WaitForExit();
        return check.ExitCode == 0 ? output : throw new InvalidOperationException("scripts/bicep-check failed: " + errors);
    }
}
