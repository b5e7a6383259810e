using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.RegularExpressions;
using SupportFunctions.Storage;

namespace SupportFunctions.Benchmarks;

/// <summary>Listens to the storage request counter while alive: the total, and the count by service, method and resource.</summary>
public sealed partial class StorageRequestCount : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private long _total;

    public StorageRequestCount()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StorageMetrics.MeterName && instrument.Name == StorageMetrics.RequestsCounter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            Interlocked.Add(ref _total, value);
            string? service = null, method = null, resource = null;
            foreach (var tag in tags)
            {
                switch (tag.Key)
                {
                    case "service": service = tag.Value as string; break;
                    case "method": method = tag.Value as string; break;
                    case "resource": resource = tag.Value as string; break;
                }
            }

            _byKind.AddOrUpdate($"{service} {method} {Generic(resource ?? "?")}", value, (_, n) => n + value);
        });
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    /// <summary>Requests by "service method resource", most first; resources with a run's prefix or hub name folded to their kind.</summary>
    public IReadOnlyList<(string Kind, long Count)> ByKind => _byKind.OrderByDescending(k => k.Value).Select(k => (k.Key, k.Value)).ToList();

    /// <summary>A table of the breakdown, each row also per unit of work (<paramref name="units"/> thresholds or cases).</summary>
    public string Describe(double units, string unit) => string.Join(Environment.NewLine, ByKind.Select(k =>
        string.Create(CultureInfo.InvariantCulture, $"  {k.Kind,-48} {k.Count,8} {k.Count / Math.Max(1, units),7:F2} per {unit}")));

    /// <summary>Durable Task's queues and tables carry the hub name (control queue 00, History, …); ours a test prefix.</summary>
    private static string Generic(string resource)
    {
        var control = ControlQueue().Match(resource);
        if (control.Success)
        {
            return "durable:control-queue";
        }

        foreach (var suffix in new[] { "-workitems", "History", "Instances", "Partitions", "-leases", "-largemessages", "-applease" })
        {
            if (resource.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return "durable:" + suffix.TrimStart('-');
            }
        }

        return resource;
    }

    [GeneratedRegex("-control-[0-9]+$")]
    private static partial Regex ControlQueue();

    public void Dispose() => _listener.Dispose();
}
