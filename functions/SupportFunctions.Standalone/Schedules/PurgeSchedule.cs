using Azure;
using Microsoft.Extensions.Options;
using SupportFunctions.App.Retention;
using SupportFunctions.App.Storage;
using SupportFunctions.Domain.Retention;

namespace SupportFunctions.Standalone.Schedules;

/// <summary>Standalone only: starts a purge run at each time of the NCRONTAB schedule (under Functions, the PurgeRetention timer trigger does).</summary>
public sealed class PurgeSchedule(PurgeRuns runs, StorageInitializer storage, IOptions<RetentionOptions> options, TimeProvider time, ILogger<PurgeSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Schedule))
        {
            return;
        }

        var schedule = CronSchedule.Parse(options.Value.Schedule);
        await storage.Ready.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            await Task.Delay(schedule.Next(now) - now, time, stoppingToken);
            try
            {
                await runs.StartScheduledAsync(stoppingToken);
            }
            catch (RequestFailedException ex)
            {
                Logs.PurgeScheduleFailed(logger, ex.Status, ex.ErrorCode);
            }
        }
    }
}
