using System.Diagnostics.Metrics;
using SupportFunctions.Storage;

namespace SupportFunctions.Benchmarks;

/// <summary>Listens to the storage request counter while alive.</summary>
public sealed class StorageRequestCount : IDisposable
{
    private readonly MeterListener _listener = new();
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
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}
