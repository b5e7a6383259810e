using System.Reflection;
using System.Text.RegularExpressions;
using SupportFunctions.App.Hosting;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Hosting;

/// <summary>
/// Every setting the app reads — each property of each options class (a type with a <c>Section</c> constant) and each
/// single <c>Setting</c> — is listed in local.settings.sample.json and set by infra/bicep/main.bicep, unless it only
/// matters outside Azure (said why below). The Bicep creates what the app and its triggers name.
/// </summary>
public sealed class DeploymentSettingsTests
{
    /// <summary>Settings the Bicep leaves out on purpose.</summary>
    private static readonly Dictionary<string, string> LocalOnly = new(StringComparer.Ordinal)
    {
        ["SupportFunctions__Storage__ConnectionString"] = "Azure uses AccountName with the managed identity; no keys in settings",
        ["SupportFunctions__Storage__BlobEndpoint"] = "endpoint overrides are for emulators and sovereign clouds",
        ["SupportFunctions__Storage__QueueEndpoint"] = "endpoint overrides are for emulators and sovereign clouds",
        ["SupportFunctions__Storage__TableEndpoint"] = "endpoint overrides are for emulators and sovereign clouds",
        ["SupportFunctions__Storage__Prefix"] = "one deployment per storage account",
        ["SupportFunctions__Queues__PollIntervalMilliseconds"] = "the standalone poller only; the Functions host polls under Functions",
        ["SupportFunctions__Queues__MaxPollIntervalMilliseconds"] = "the standalone poller only (host.json sets the host's maxPollingInterval)",
        ["SupportFunctions__Queues__VisibilityTimeoutSeconds"] = "the standalone poller only (host.json sets the host's)",
        ["SupportFunctions__Queues__BatchSize"] = "the standalone poller only (host.json sets the host's)",
        ["SupportFunctions__Timers__ReconcileIntervalSeconds"] = "the standalone schedule only; the ReconcileTimers trigger reads ReconcileSchedule",
        ["SupportFunctions__Durable__HubName"] = "the standalone service's durable engine; under Functions host.json's durableTask section sets the hub",
        ["SupportFunctions__Durable__PartitionCount"] = "the standalone durable engine; host.json durableTask.storageProvider.partitionCount",
        ["SupportFunctions__Durable__MaxQueuePollingInterval"] = "the standalone durable engine; host.json durableTask.storageProvider.maxQueuePollingInterval",
        ["SupportFunctions__Durable__ControlQueueBatchSize"] = "the standalone durable engine; host.json durableTask.storageProvider.controlQueueBatchSize",
        ["SupportFunctions__Durable__MaxConcurrentActivities"] = "the standalone durable engine; host.json durableTask.maxConcurrentActivityFunctions",
        ["SupportFunctions__Durable__MaxConcurrentOrchestrations"] = "the standalone durable engine; host.json durableTask.maxConcurrentOrchestratorFunctions",
        ["SupportFunctions__Durable__WorkItemVisibilityTimeout"] = "the standalone durable engine; host.json durableTask.storageProvider.workItemQueueVisibilityTimeout",
        ["SupportFunctions__Durable__WorkerId"] = "the standalone durable engine's lease owner; the Functions host names its own workers",
        ["SupportFunctions__Durable__ExtendedSessions"] = "the standalone durable engine; host.json durableTask.extendedSessionsEnabled",
        ["SupportFunctions__Durable__ExtendedSessionIdleTimeout"] = "the standalone durable engine; host.json durableTask.extendedSessionIdleTimeoutInSeconds",
        ["SupportFunctions__Durable__LeaseInterval"] = "the standalone durable engine; the Functions extension's partition leases are its own",
    };

    private static List<string> AppSettings()
    {
        var keys = new List<string>();
        // The library and the standalone host both read settings; the Functions worker composes the library's.
        foreach (var type in new[] { typeof(SupportServices).Assembly, typeof(StorageConnection).Assembly, typeof(Program).Assembly }.SelectMany(a => a.GetTypes()))
        {
            var constants = type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)).ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
            if (constants.TryGetValue("Section", out var section) && section.StartsWith("SupportFunctions:", StringComparison.Ordinal))
            {
                keys.AddRange(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => section + ":" + p.Name));
            }

            if (constants.TryGetValue("Setting", out var setting) && setting.StartsWith("SupportFunctions:", StringComparison.Ordinal))
            {
                keys.Add(setting);
            }
        }

        return keys.Select(k => k.Replace(":", "__", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void The_discovery_finds_the_settings_we_know_the_app_reads()
    {
        var settings = AppSettings();
        Assert.Contains("SupportFunctions__Policy", settings);
        Assert.Contains("SupportFunctions__Storage__AccountName", settings);
        Assert.Contains("SupportFunctions__Retention__Schedule", settings);
        Assert.Contains("SupportFunctions__RateLimits__PublicIntakePerMinute", settings);
        Assert.True(settings.Count > 25, $"only {settings.Count} settings found");
    }

    [Fact]
    public void Local_settings_sample_lists_every_setting_the_app_reads()
    {
        var missing = AppSettings().Except(DeploymentFiles.SampleValues().Keys).ToList();
        Assert.True(missing.Count == 0, "local.settings.sample.json lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_bicep_sets_every_setting_the_app_needs_in_azure()
    {
        var bicep = DeploymentFiles.BicepSettings();
        var missing = AppSettings().Where(k => !LocalOnly.ContainsKey(k)).Except(bicep).ToList();
        Assert.True(missing.Count == 0, "main.bicep does not set: " + string.Join(", ", missing));
        Assert.Empty(LocalOnly.Keys.Except(AppSettings()));
        Assert.Empty(LocalOnly.Keys.Intersect(bicep));
    }

    [Fact]
    public void Secrets_in_the_bicep_are_key_vault_references_never_values()
    {
        var bicep = DeploymentFiles.Bicep();
        foreach (var secret in new[] { "SupportFunctions__Admin__BootstrapKey", "SupportFunctions__Inbound__EmailSecret", "SupportFunctions__Inbound__TwilioAuthToken", "SupportFunctions__Inbound__VoiceSigningSecret" })
        {
            Assert.Matches($"name: '{secret}', value: '@Microsoft.KeyVault\\(SecretUri=", bicep);
        }

        Assert.Contains("allowSharedKeyAccess: false", bicep, StringComparison.Ordinal);
        Assert.DoesNotContain("listKeys", bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bicep_creates_every_table_container_and_queue_of_the_storage_layout()
    {
        var bicep = DeploymentFiles.Bicep();
        Assert.Equal(StorageLayout.TableNames.Order(), ListIn(bicep, "tables").Order());
        Assert.Equal(StorageLayout.ContainerNames.Order(), ListIn(bicep, "containers").Where(c => c != "deploymentContainer").Order());
        Assert.Equal(StorageLayout.QueueNames.Order(), ListIn(bicep, "queues").Order());
    }

    private static List<string> ListIn(string bicep, string variable)
    {
        var match = Regex.Match(bicep, $@"^var {variable} = \[(.*)\]$", RegexOptions.Multiline);
        Assert.True(match.Success, $"main.bicep has no 'var {variable} = [...]'");
        return match.Groups[1].Value.Split(',').Select(s => s.Trim().Trim('\'')).ToList();
    }
}
