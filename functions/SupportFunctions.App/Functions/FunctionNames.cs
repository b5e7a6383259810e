using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Functions;

/// <summary>
/// The non-HTTP functions the Functions host invokes (custom handler: <c>POST /{FunctionName}</c>): one queue trigger
/// per queue the app handles, and the timer triggers for its schedules.
/// </summary>
public static class FunctionNames
{
    public const string ReconcileTimers = "ReconcileTimers";
    public const string PurgeRetention = "PurgeRetention";

    /// <summary>Queue-trigger function name → queue base name.</summary>
    public static IReadOnlyDictionary<string, string> QueueTriggers { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["InboundQueue"] = StorageLayout.InboundQueue,
            ["CasesInboundQueue"] = StorageLayout.CasesInboundQueue,
            ["NotificationsQueue"] = StorageLayout.NotificationsQueue,
        };
}
