using Azure;
using Microsoft.Extensions.Options;
using SupportFunctions.App.Queues;
using SupportFunctions.App.Storage;
using SupportFunctions.Storage.Queues;

namespace SupportFunctions.Standalone.Queues;

/// <summary>
/// Standalone only: polls every handled queue, a batch at a time, and hands messages to the dispatcher. An empty queue
/// is polled after the minimum interval, then at doubling intervals up to the maximum, unless a send wakes it.
/// </summary>
public sealed class QueuePoller(QueueDispatcher dispatcher, AppQueues queues, QueueSignals signals, StorageInitializer storage, IOptions<QueueOptions> options, ILogger<QueuePoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await storage.Ready.WaitAsync(stoppingToken);
        await Task.WhenAll(dispatcher.Queues.Select(queue => PollAsync(queue, stoppingToken)));
    }

    private async Task PollAsync(string queue, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var shortest = TimeSpan.FromMilliseconds(settings.PollIntervalMilliseconds);
        var backoff = new PollBackoff(shortest, TimeSpan.FromMilliseconds(Math.Max(settings.PollIntervalMilliseconds, settings.MaxPollIntervalMilliseconds)));
        var idle = shortest;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var messages = await queues.ReceiveAsync(queue, settings.BatchSize, TimeSpan.FromSeconds(settings.VisibilityTimeoutSeconds), stoppingToken);
                await Task.WhenAll(messages.Select(m => dispatcher.DispatchAsync(queue, m, stoppingToken)));
                idle = messages.Count > 0 ? backoff.Shortest : backoff.Next(idle, reset: await signals.WaitAsync(queue, idle, stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException ex)
            {
                // Storage is down or throttling: messages stay in the queue; try again after a pause.
                Logs.QueuePollFailed(logger, queue, ex.Status, ex.ErrorCode);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }
}
