using Microsoft.DurableTask;
using SupportFunctions.App.Retention;

namespace SupportFunctions.App.Durable;

/// <summary>
/// One purge run (instance id from the run id): every source in turn, page by page — plan the page, then execute the
/// plan — checkpointed by the orchestration's own history, so a crash resumes at the activity it interrupted and each
/// page counts once. Progress is the custom status; the run's report is written at the end. History is kept short
/// with <c>ContinueAsNew</c> every <see cref="PagesPerGeneration"/> pages.
/// </summary>
public sealed class RetentionPurgeOrchestration : TaskOrchestrator<PurgeProgress, PurgeProgress>
{
    public const int PagesPerGeneration = 25;

    /// <summary>Storage hiccups retry here, with backoff, rather than fail a run half-way.</summary>
    private static readonly TaskOptions Retried = TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    public override async Task<PurgeProgress> RunAsync(TaskOrchestrationContext context, PurgeProgress input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var progress = input;
        for (var step = 0; progress.Phase < progress.Phases; step++)
        {
            if (step == PagesPerGeneration)
            {
                context.ContinueAsNew(progress);
                return progress;
            }

            var request = new PurgePageRequest(progress.RunId, progress.DryRun, progress.AsOf, progress.Phase, progress.Continuation, progress.Pages + 1);
            var page = await context.CallActivityAsync<PurgePageResult>(nameof(PlanPurgePageActivity), request, Retried);
            if (page.Targets > 0)
            {
                await context.CallActivityAsync(nameof(ExecutePurgePageActivity), request, Retried);
            }

            progress = progress.After(page);
            context.SetCustomStatus(progress);
        }

        await context.CallActivityAsync(nameof(FinishPurgeRunActivity), new PurgeFinish(progress, context.CurrentUtcDateTime), Retried);
        return progress;
    }
}
