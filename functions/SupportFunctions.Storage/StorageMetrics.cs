using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SupportFunctions.Storage;

/// <summary>
/// Counts every request attempt sent to storage (meter "SupportFunctions.Storage", counter "storage.requests", tagged
/// by service, method and resource: the table, queue or container), so benchmarks and dashboards can see storage
/// operations per business operation and where they go.
/// </summary>
public static class StorageMetrics
{
    public const string MeterName = "SupportFunctions.Storage";
    public const string RequestsCounter = "storage.requests";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(RequestsCounter, description: "Requests sent to Azure Storage, retries included");

    /// <summary>An SDK pipeline policy, added per retry so every attempt counts once.</summary>
    public sealed class RequestCounter(string service) : HttpPipelineSynchronousPolicy
    {
        private readonly KeyValuePair<string, object?> _service = new("service", service);

        public override void OnSendingRequest(HttpMessage message)
        {
            ArgumentNullException.ThrowIfNull(message);
            Requests.Add(1, _service, new KeyValuePair<string, object?>("method", message.Request.Method.Method), new KeyValuePair<string, object?>("resource", ResourceOf(message.Request.Uri.Path)));
        }
    }

    /// <summary>
    /// The table, queue or container a request addresses (the first path segment after an emulator's account segment,
    /// without a table's key predicate): <c>cases</c>, <c>$batch</c>, <c>notifications</c>, …
    /// </summary>
    public static string ResourceOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var first = segments.Length > 1 && segments[0].StartsWith("devstoreaccount", StringComparison.Ordinal) ? segments[1] : segments.FirstOrDefault() ?? string.Empty;
        var predicate = first.IndexOf('(', StringComparison.Ordinal);
        return Uri.UnescapeDataString(predicate >= 0 ? first[..predicate] : first);
    }
}
