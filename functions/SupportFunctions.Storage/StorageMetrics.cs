using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SupportFunctions.Storage;

/// <summary>
/// Counts every request attempt sent to storage (meter "SupportFunctions.Storage", counter "storage.requests", tagged
/// by service and method), so benchmarks and dashboards can see storage operations per business operation.
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
            Requests.Add(1, _service, new KeyValuePair<string, object?>("method", message.Request.Method.Method));
        }
    }
}
