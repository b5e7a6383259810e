using SupportFunctions.App.Policies;
using SupportFunctions.App.Security;
using SupportFunctions.App.Storage;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Hosting;

/// <summary>
/// Checks the settings the app cannot run without before the host is built, so a wrong setting stops start-up with
/// one sentence per problem (which setting, what form it takes) rather than a stack trace.
/// </summary>
public static class StartupSettings
{
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        try
        {
            StorageConnectionFactory.Create(storage);
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

        var provider = configuration[Notifications.MailOptions.Section + ":Provider"];
        if (!string.IsNullOrWhiteSpace(provider) && provider is not (Notifications.MailProviders.Outbox or Notifications.MailProviders.SendGrid))
        {
            problems.Add($"Setting '{Notifications.MailOptions.Section}:Provider' is '{provider}'; use {Notifications.MailProviders.Outbox} (store mail locally) or {Notifications.MailProviders.SendGrid}.");
        }
        else if (provider == Notifications.MailProviders.SendGrid)
        {
            if (string.IsNullOrWhiteSpace(configuration[Notifications.SendGridOptions.Section + ":ApiKey"]))
            {
                problems.Add($"Setting '{Notifications.SendGridOptions.Section}:ApiKey' is empty; the SendGrid provider needs an API key with Mail Send access (a Key Vault reference in Azure).");
            }

            var baseUrl = configuration[Notifications.SendGridOptions.Section + ":BaseUrl"];
            if (!string.IsNullOrWhiteSpace(baseUrl) && !Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
            {
                problems.Add($"Setting '{Notifications.SendGridOptions.Section}:BaseUrl' is '{baseUrl}'; it must be an absolute URL such as https://api.sendgrid.com.");
            }
        }

        var schedule = configuration[Retention.RetentionOptions.Section + ":Schedule"];
        if (!string.IsNullOrWhiteSpace(schedule) && !Domain.Retention.CronSchedule.TryParse(schedule, out _, out var scheduleProblem))
        {
            problems.Add($"Setting '{Retention.RetentionOptions.Section}:Schedule': {scheduleProblem}");
        }

        return problems;
    }
}
