namespace SupportFunctions.App.Queues;

/// <summary>
/// Standalone, the app polls its queues, runs its schedules and hosts its durable backend itself; under Azure Functions
/// (the isolated worker sets <c>SupportFunctions:Hosting:Mode</c> to <c>functions</c>) the host's triggers and the
/// Durable extension do, so the app's own pollers, schedules and backend stay off.
/// </summary>
public static class HostingMode
{
    public const string Setting = "SupportFunctions:Hosting:Mode";

    public const string Functions = "functions";

    public static bool RunsOwnWorkers(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.Equals(configuration[Setting], Functions, StringComparison.OrdinalIgnoreCase);
    }
}
