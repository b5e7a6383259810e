using Microsoft.Extensions.Options;
using SupportFunctions.App.Reconcilers;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Notifications;

/// <summary>
/// Finds intents whose delivery is overdue by more than the grace period — their message was never sent (a crash
/// after the case commit), lost, or its worker died holding the claim — and sends their message again. A duplicate
/// message is harmless: the claim lets one delivery through.
/// </summary>
public sealed class OutboxReconciler(OutboxRepository outbox, NotificationDispatcher dispatcher, IOptions<MailOptions> options, TimeProvider time, ILogger<OutboxReconciler> logger) : IReconciler
{
    public string Name => "outbox";

    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - TimeSpan.FromSeconds(options.Value.SweepGraceSeconds);
        var resent = 0;
        await foreach (var delivery in outbox.FindStalledAsync(before, cancellationToken))
        {
            await dispatcher.SendAsync(new NotificationMessage(delivery.Intent.CaseNumber, delivery.Intent.Id), TimeSpan.Zero, cancellationToken);
            Logs.NotificationRearmed(logger, delivery.Intent.Id, delivery.State);
            resent++;
        }

        return resent;
    }
}
