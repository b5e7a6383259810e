using SupportFunctions.App.Hosting;

namespace SupportFunctions.App.Queues;

/// <summary>
/// Standalone, the app polls its queues and runs its schedules itself; under the Functions host (custom handler) the
/// host triggers them, so the app's own pollers and schedules stay off.
/// </summary>
public static class HostingMode
{
    public const string Setting = "SupportFunctions:Hosting:Mode";

    public static bool RunsOwnWorkers(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var mode = configuration[Setting];
        return mode is null ? !ListeningAddress.UnderFunctionsHost(configuration) : !string.Equals(mode, "functions", StringComparison.OrdinalIgnoreCase);
    }
}
