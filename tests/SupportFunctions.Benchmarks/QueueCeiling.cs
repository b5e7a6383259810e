using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Queues;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Queues;

namespace SupportFunctions.Benchmarks;

/// <summary>
/// What the storage service itself allows a timer poller, whatever our code does: with N delayed messages resident in
/// the account (an armed timer is one), how many receive + delete pairs per second one caller gets. Every fired timer
/// costs at least one delete and a share of a receive, so this rate bounds the firing rate. Azurite keeps all queues'
/// messages in one collection and rebuilds its indexes on every receive and delete, so the rate falls as N grows; the
/// real service does not behave that way.
/// </summary>
public static class QueueCeiling
{
    private const int Probes = 200;
    private const int WarmUp = 20;

    public static async Task RunAsync(string connectionString, IReadOnlyList<int> residentLevels)
    {
        ArgumentNullException.ThrowIfNull(residentLevels);
        var queues = new QueueServiceClient(connectionString, StorageClientSettings.Queues());
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var resident = queues.GetQueueClient("ceiling-resident-" + suffix);
        var probe = queues.GetQueueClient("ceiling-probe-" + suffix);
        await resident.CreateIfNotExistsAsync();
        await probe.CreateIfNotExistsAsync();
        try
        {
            var seeded = 0;
            foreach (var level in residentLevels.Order())
            {
                await Parallel.ForEachAsync(Enumerable.Range(seeded, level - seeded), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
                    await resident.SendAsync($"resident {i}", TimeSpan.FromHours(1), cancellationToken: ct));
                seeded = level;
                var (receive, delete) = await ProbeAsync(probe);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"storage ceiling with {level,6} delayed messages resident: receive {receive:F1} ms, delete {delete:F1} ms -> at most {1000 / (delete + (receive / 16)):F0} timers/s fired (batches of 16, the default)"));
            }
        }
        finally
        {
            await resident.DeleteAsync();
            await probe.DeleteAsync();
        }
    }

    /// <summary>Mean milliseconds of one receive and one delete, sequential, on a queue holding one visible message (after a warm-up).</summary>
    private static async Task<(double Receive, double Delete)> ProbeAsync(QueueClient probe)
    {
        double receive = 0, delete = 0;
        for (var i = -WarmUp; i < Probes; i++)
        {
            if (i == 0)
            {
                (receive, delete) = (0, 0);
            }

            await probe.SendAsync("probe");
            var clock = Stopwatch.StartNew();
            var message = (await probe.ReceiveMessagesAsync(16, TimeSpan.FromSeconds(30))).Value.Single();
            receive += clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await probe.DeleteIfExistsAsync(message.MessageId, message.PopReceipt);
            delete += clock.Elapsed.TotalMilliseconds;
        }

        return (receive / Probes, delete / Probes);
    }
}
