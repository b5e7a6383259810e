using SupportFunctions.App.Policies;
using SupportFunctions.App.Security;
using SupportFunctions.App.Storage;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Hosting;

/// <summary>
/// Checks the settings the app cannot run without before the host is built, so a wrong setting stops start-up with
/// one sentence per problem (which setting, what form it takes) rather than a stack trace.
/// </summary>
internal static class StartupSettings
{
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        try
        {
            StorageAccountFactory.Create(storage);
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(ex.Message);
        }

        try
        {
            PolicyFile.Load(configuration);
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(ex.Message);
        }
        catch (InvalidPolicyException ex)
        {
            problems.Add(ex.Message);
        }

        if (BootstrapKey.Problem(configuration) is { } keyProblem)
        {
            problems.Add(keyProblem);
        }

        var prefix = configuration[StorageOptions.Section + ":Prefix"];
        if (SupportFunctions.Storage.Repositories.StorageNaming.Problem(prefix) is { } prefixProblem)
        {
            problems.Add($"Setting '{StorageOptions.Section}:Prefix' is '{prefix}'; {prefixProblem}.");
        }

        var schedule = configuration[Retention.RetentionOptions.Section + ":Schedule"];
        if (!string.IsNullOrWhiteSpace(schedule) && !Domain.Retention.CronSchedule.TryParse(schedule, out _, out var scheduleProblem))
        {
            problems.Add($"Setting '{Retention.RetentionOptions.Section}:Schedule': {scheduleProblem}");
        }

        return problems;
    }
}
