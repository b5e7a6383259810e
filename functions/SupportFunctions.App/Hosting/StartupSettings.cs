using SupportFunctions.App.Storage;

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

        return problems;
    }
}
