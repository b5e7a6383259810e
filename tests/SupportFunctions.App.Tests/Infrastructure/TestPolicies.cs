using System.Text.Json.Nodes;

namespace SupportFunctions.App.Tests.Infrastructure;

/// <summary>
/// Policy documents for tests that wait on real queues: a shipped policy with its durations shortened to seconds, so
/// the code path is the one that waits a week, only faster.
/// </summary>
public static class TestPolicies
{
    public static string Write(string basePolicy, Action<JsonObject> change)
    {
        var document = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("policies", basePolicy + ".json")))!.AsObject();
        document.Remove("$schema");
        change(document);
        var path = Path.Combine(Path.GetTempPath(), $"{basePolicy}-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    /// <summary>PureCloud with every severity answered on the always-open calendar in seconds, and two deliveries before poison.</summary>
    public static string PureCloudInSeconds(int firstResponseSeconds = 4, int restorationSeconds = 600) => Write("purecloud", policy =>
    {
        var targets = new JsonArray();
        foreach (var severity in new[] { 1, 2, 3, 4 })
        {
            targets.Add(new JsonObject { ["severity"] = severity, ["calendar"] = "always", ["firstResponse"] = $"PT{firstResponseSeconds}S", ["restoration"] = $"PT{restorationSeconds}S" });
        }

        policy["sla"]!["targets"] = targets;
        policy["lifecycle"]!["maxDequeueCount"] = 2;
    });

    /// <summary>Everbridge with the one-week customer-change wait shortened to seconds (reminder before it).</summary>
    public static string EverbridgeWaitInSeconds(int waitSeconds = 6, int reminderBeforeSeconds = 3) => Write("everbridge", policy =>
    {
        policy["lifecycle"]!["customerChangeWait"] = $"PT{waitSeconds}S";
        policy["lifecycle"]!["reminderBefore"] = $"PT{reminderBeforeSeconds}S";
    });
}
